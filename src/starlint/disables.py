"""Inline comments, markdownlint style, that silence findings:

    <!-- starlint-disable RULE[, RULE] -->  ...  <!-- starlint-enable RULE -->   (no rule: all)
    <!-- starlint-disable-next-line RULE -->
    <!-- starlint-disable-file RULE -->

A comment that silences nothing is itself reported (`unused-disable`, info), as ruff reports
an unused `noqa`: stale disables hide the next real finding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import Diagnostic, SourceFile

_COMMENT = re.compile(
    r"<!--\s*starlint-(disable-next-line|disable-file|disable|enable)\b\s*([A-Za-z0-9_,\s-]*?)\s*-->"
)
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
ALL = "*"
UNUSED = "unused-disable"


@dataclass
class Directive:
    action: str
    rules: list[str]  # [ALL] when none is named
    line: int
    column: int
    end_column: int
    first: int = 0  # lines [first, last] it covers
    last: int = 0
    used: set[str] = field(default_factory=set)

    def covers(self, diagnostic: Diagnostic) -> bool:
        return self.first <= diagnostic.line <= self.last and (
            ALL in self.rules or diagnostic.rule in self.rules
        )


def parse_directives(source: SourceFile) -> list[Directive]:
    lines = source.original.split("\n")
    directives: list[Directive] = []
    open_ranges: list[Directive] = []
    fence: str | None = None
    for number, line in enumerate(lines, 1):
        fence_match = _FENCE.match(line)
        if fence_match:
            marker = fence_match.group(1)
            if fence is None:
                fence = marker[0]
            elif marker[0] == fence:
                fence = None
            continue
        if fence is not None:
            continue
        for match in _COMMENT.finditer(line):
            action = match.group(1)
            names = [n.strip() for n in match.group(2).split(",") if n.strip()] or [ALL]
            d = Directive(action, names, number, match.start() + 1, match.end() + 1)
            if action == "disable-next-line":
                d.first = d.last = number + 1
            elif action == "disable-file":
                d.first, d.last = 1, len(lines)
            elif action == "disable":
                d.first, d.last = number, len(lines)
                open_ranges.append(d)
            else:  # enable: close the open ranges it names
                for opened in open_ranges:
                    if opened.last == len(lines) and (ALL in names or ALL in opened.rules or set(names) & set(opened.rules)):
                        opened.last = number
                continue
            directives.append(d)
    return directives


def silence(directives: list[Directive], diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """The findings no comment silences; marks each comment with the rules it silenced."""
    if not directives:
        return diagnostics
    kept = []
    for diagnostic in diagnostics:
        silencing = [d for d in directives if d.covers(diagnostic)]
        for d in silencing:
            d.used.add(diagnostic.rule)
        if not silencing:
            kept.append(diagnostic)
    return kept


def unused_findings(source: SourceFile, directives: list[Directive], severity: str = "info") -> list[Diagnostic]:
    """One finding per comment that silenced nothing (call after `silence` saw every finding)."""
    out = []
    for d in directives:
        unused = [] if (ALL in d.rules and d.used) else [r for r in d.rules if r not in d.used]
        if unused:
            names = "all rules" if unused == [ALL] else ", ".join(unused)
            out.append(Diagnostic(
                path=source.path, line=d.line, column=d.column, end_line=d.line, end_column=d.end_column,
                rule=UNUSED, severity=severity,
                message=f"starlint-{d.action} for {names} silences nothing: remove it",
            ))
    return out


def apply_directives(source: SourceFile, diagnostics: list[Diagnostic], report_unused: bool,
                     unused_severity: str = "info") -> list[Diagnostic]:
    """Drop the findings the file's comments silence; add one finding per unused comment."""
    directives = parse_directives(source)
    if not directives:
        return diagnostics
    kept = silence(directives, diagnostics)
    if report_unused:
        kept.extend(unused_findings(source, directives, unused_severity))
    return sorted(kept, key=Diagnostic.sort_key)
