"""Inline comments, markdownlint style, that silence findings:

    <!-- starlint-disable RULE[, RULE] -->  ...  <!-- starlint-enable RULE -->   (no rule: all)
    <!-- starlint-disable-next-line RULE -->
    <!-- starlint-disable-file RULE -->

A comment that silences nothing is itself reported (`unused-disable`, info), as ruff reports
an unused `noqa`: stale disables hide the next real finding. A comment naming a rule that does
not exist is reported as such (`unknown-rule`, warning, with the nearest name): a typo there
means the finding it meant to silence still shows, or the comment silently does nothing.
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
UNKNOWN = "unknown-rule"
#: The parameter of the `unknown-rule` rule that carries every rule name the run knows of,
#: selected or not (config.select_rules sets it): a comment for an ignored rule is not a typo.
KNOWN_NAMES = "known_names"


@dataclass
class Directive:
    action: str
    rules: list[str]  # [ALL] when none is named
    line: int
    column: int
    end_column: int
    first: int = 0  # lines [first, last] it covers (none for `enable`)
    last: int = 0
    used: set[str] = field(default_factory=set)
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # rule name -> its columns

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
            at = match.start(2)
            for name in names if names != [ALL] else []:
                at = line.index(name, at)
                d.spans.setdefault(name, (at + 1, at + 1 + len(name)))
                at += len(name)
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


def unused_findings(source: SourceFile, directives: list[Directive], severity: str = "info",
                    known: set[str] | None = None) -> list[Diagnostic]:
    """One finding per comment that silenced nothing (call after `silence` saw every finding);
    names not in `known` are left to `unknown_findings`."""
    out = []
    for d in directives:
        if d.action == "enable":
            continue
        unused = [] if (ALL in d.rules and d.used) else [
            r for r in d.rules if r not in d.used and (known is None or r == ALL or r in known)]
        if unused:
            names = "all rules" if unused == [ALL] else ", ".join(unused)
            out.append(Diagnostic(
                path=source.path, line=d.line, column=d.column, end_line=d.line, end_column=d.end_column,
                rule=UNUSED, severity=severity,
                message=f"starlint-{d.action} for {names} silences nothing: remove it",
            ))
    return out


def unknown_findings(source: SourceFile, directives: list[Directive], known: set[str],
                     severity: str = "warning") -> list[Diagnostic]:
    """One finding per rule name in a comment that no rule has, at the name."""
    from .suggest import did_you_mean

    out = []
    for d in directives:
        for name in d.rules:
            if name == ALL or name in known:
                continue
            start, end = d.spans.get(name, (d.column, d.end_column))
            out.append(Diagnostic(
                path=source.path, line=d.line, column=start, end_line=d.line, end_column=end,
                rule=UNKNOWN, severity=severity,
                message=f"starlint-{d.action} names unknown rule '{name}'{did_you_mean(name, sorted(known))}",
            ))
    return out


def known_names(rules: list) -> set[str]:
    """Every rule name a comment may use: the run's rules, the names the selection left out
    (carried by the `unknown-rule` rule), and the built-in ones."""
    from .ruleset import builtin_rules

    names = {r.name for r in rules} | {r.name for r in builtin_rules()}
    for rule in rules:
        if rule.name == UNKNOWN:
            names.update(rule.params.get(KNOWN_NAMES, ()))
    return names


def directive_findings(source: SourceFile, directives: list[Directive], rules: list) -> list[Diagnostic]:
    """What the file's comments themselves earn, as far as the run's rules ask for it:
    unused-disable and unknown-rule (call after `silence` saw every finding)."""
    if not directives:
        return []
    by_name = {r.name: r for r in rules if r.name in (UNUSED, UNKNOWN)}
    if not by_name:
        return []
    known = known_names(rules)
    out = []
    if UNUSED in by_name:
        out.extend(unused_findings(source, directives, by_name[UNUSED].severity, known))
    if UNKNOWN in by_name:
        out.extend(unknown_findings(source, directives, known, by_name[UNKNOWN].severity))
    return out


def apply_directives(source: SourceFile, diagnostics: list[Diagnostic], rules: list) -> list[Diagnostic]:
    """Drop the findings the file's comments silence; add what the comments earn."""
    directives = parse_directives(source)
    if not directives:
        return diagnostics
    kept = silence(directives, diagnostics)
    kept.extend(directive_findings(source, directives, rules))
    return sorted(kept, key=Diagnostic.sort_key)
