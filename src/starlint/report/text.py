"""`path:line:col: severity rule-name message`, one line per finding, then a summary."""

from __future__ import annotations

from collections import Counter

from ..lint import LintRun


def summary(run: LintRun) -> str:
    counts = Counter(d.severity for d in run.diagnostics)
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 and s != 'info' else ''}" for s in ("error", "warning", "info") if counts[s]]
    found = ", ".join(parts) if parts else "no problems"
    files = len(run.files)
    answers = len(run.answers)
    line = f"{found} in {answers} answer{'s' if answers != 1 else ''} ({files} file{'s' if files != 1 else ''})"
    if run.errors:
        line += f"; {len(run.errors)} file{'s' if len(run.errors) != 1 else ''} could not be read"
    return line


def render(run: LintRun, **_: object) -> str:
    lines = [f"{d.path}:{d.line}:{d.column}: {d.severity} {d.rule} {d.message}" for d in run.diagnostics]
    lines.append(summary(run))
    return "\n".join(lines) + "\n"
