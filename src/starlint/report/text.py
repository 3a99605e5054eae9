"""`path:line:col: severity rule-name message`, one line per finding, then a summary."""

from __future__ import annotations

from collections import Counter

from ..lint import LintRun


def summary(run: LintRun) -> str:
    counts = Counter(d.severity for d in run.diagnostics)
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 and s != 'info' else ''}" for s in ("error", "warning", "info") if counts[s]]
    found = ", ".join(parts) if parts else "no problems"
    files = run.file_count
    answers = len(run.summaries)
    line = f"{found} in {answers} answer{'s' if answers != 1 else ''} ({files} file{'s' if files != 1 else ''})"
    if run.errors:
        line += f"; {len(run.errors)} file{'s' if len(run.errors) != 1 else ''} could not be read"
    return line


#: Scores listed one by one up to this many answers; past it, the lowest few.
LIST_SCORES = 20
LOWEST_SCORES = 5


def score_lines(run: LintRun, fail_under: int | None = None) -> list[str]:
    """`score  90/100  path:line  title  (what cost points)`: every answer in file order, or
    for a large run the lowest few and every one under `fail_under`."""
    from statistics import median

    from ..coach.score import describe, lowest

    ranked = lowest(run.summaries)
    if not ranked:
        return []
    if len(ranked) <= LIST_SCORES:
        shown, rest = [s for s in run.summaries if s.score is not None], []
    else:
        shown = [s for i, s in enumerate(ranked) if i < LOWEST_SCORES or (fail_under is not None and s.score.total < fail_under)]
        rest = ranked[len(shown):]
    lines = [f"score {s.score.total:>3}/100  {s.path}:{s.line}  {s.title}  ({describe(s.score)})" for s in shown]
    if rest:
        lines.append(f"... {len(rest)} more answers scored {rest[0].score.total}-{rest[-1].score.total} "
                     "(every score: --format json)")
    totals = [s.score.total for s in ranked]
    if len(totals) > 1:
        lines.append(f"scores {min(totals)}-{max(totals)}, median {median(totals):g}")
    if fail_under is not None:
        below = sum(1 for t in totals if t < fail_under)
        if below:
            lines.append(f"{below} answer{'s' if below != 1 else ''} below --fail-under {fail_under}")
    return lines


def render(run: LintRun, show_source: bool = False, fail_under: int | None = None, **_: object) -> str:
    """One line per finding (with `show_source`, the line itself and carets under the span),
    then each answer's score, then the summary."""
    lines = []
    for d in run.diagnostics:
        lines.append(f"{d.path}:{d.line}:{d.column}: {d.severity} {d.rule} {d.message}")
        line = run.quoted.get(d.path, {}).get(d.line) if show_source else None
        if line is not None:
            line = line.expandtabs(1)
            end = d.end_column if d.end_line == d.line else len(line) + 1
            width = max(1, end - d.column)
            lines.append(f"  {d.line:>4} | {line}")
            lines.append(f"       | {' ' * (d.column - 1)}{'^' * width}")
    lines.extend(score_lines(run, fail_under))
    lines.append(summary(run))
    return "\n".join(lines) + "\n"


def colour(text: str) -> str:
    """Colour for a terminal (rich markup): severities and carets; only called on a TTY."""
    import re

    from rich.console import Console

    console = Console(force_terminal=True, highlight=False, soft_wrap=True)
    styled = []
    for line in text.splitlines():
        escaped = line.replace("[", "\\[")
        escaped = re.sub(r": (error|warning|info) ", lambda m: f": [{_STYLE[m.group(1)]}]{m.group(1)}[/] ", escaped, count=1)
        if set(line.strip()) <= set("|^ ") and "^" in line:
            escaped = f"[red]{escaped}[/]"
        styled.append(escaped)
    with console.capture() as capture:
        console.print("\n".join(styled))
    return capture.get()


_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
