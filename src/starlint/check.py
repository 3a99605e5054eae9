"""Run rules over analysed answers and turn their findings into Diagnostics with positions."""

from __future__ import annotations

from typing import Iterable

from .kinds import Finding
from .model import Answer, Diagnostic, Position
from .ruleset import Rule


def finding_range(answer: Answer, finding: Finding) -> tuple[Position, Position]:
    """Original-file start and (exclusive) end of a finding."""
    source = answer.source
    block = finding.block
    start = source.original_position(*block.origin(finding.start))
    last = max(finding.start, finding.end - 1)
    line0, col0 = block.origin(last)
    end_at = source.original_position(line0, col0 + 1)
    if finding.end <= finding.start:
        end_at = Position(start.line, start.column + 1)
    if end_at.line == start.line and end_at.column <= start.column:
        end_at = Position(start.line, start.column + 1)
    return start, end_at


def check_answer(answer: Answer, rules: Iterable[Rule]) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for rule in rules:
        # a Task read inside the Situation is one text in two parts: a rule reading both
        # finds it twice
        seen: set[tuple[int, int, int, str]] = set()
        for finding in rule.check(answer):
            message = rule.format(**finding.values)
            key = (id(finding.block), finding.start, finding.end, message)
            if key in seen:
                continue
            seen.add(key)
            start, end = finding_range(answer, finding)
            out.append(
                Diagnostic(
                    path=answer.source.path,
                    line=start.line,
                    column=start.column,
                    end_line=end.line,
                    end_column=end.column,
                    rule=rule.name,
                    severity=rule.severity,
                    message=message,
                    answer=answer.title,
                    part=finding.part,
                )
            )
    return out


def check(answers: Iterable[Answer], rules: list[Rule]) -> list[Diagnostic]:
    answers = list(answers)
    for rule in rules:
        rule.check.prepare(answers)
    diagnostics = [d for answer in answers for d in check_answer(answer, rules)]
    return sorted(diagnostics, key=Diagnostic.sort_key)
