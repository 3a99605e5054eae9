"""Analysed Answers -> AnswerDetail: where each part, figure and principle stands, as plain
data for the HTML report. Runs beside `Answer.summary()` (in a worker, for large folders),
only when a run asks for it, so `--format json` never pays for it."""

from __future__ import annotations

from typing import Iterable

from .check import finding_range
from .coverage import principle_checker, story_principles
from .kinds import Finding
from .model import Answer, AnswerDetail, Block, PartDetail, Range
from .reading.principles import LEADERSHIP_PRINCIPLES
from .ruleset import Rule


def _range(answer: Answer, block: Block, start: int, end: int) -> Range:
    """A block's [start, end) in file positions, mapped exactly as a finding's span is."""
    first, last = finding_range(answer, Finding(block, start, end))
    return (first.line, first.column, last.line, last.column)


def _figures(answer: Answer) -> list[Range]:
    result = answer.parts.get("result")
    if result is None:
        return []
    blocks = {id(seg.block.doc): seg.block for seg in result.segments if seg.block.doc is not None}
    figures = []
    for span in result.spans:
        block = blocks.get(id(span.doc))
        if block is None:
            continue
        figures.extend(_range(answer, block, q.start_char, q.end_char) for q in span._.quantities)
    return figures


def answer_detail(answer: Answer, checker, file_lines: list[str] | None = None) -> AnswerDetail:
    parts = []
    for part in answer.all_parts():
        label = part.label
        parts.append(PartDetail(
            name=part.name,
            inferred=part.inferred,
            label=_range(answer, label.block, label.start, label.end) if label else None,
            ranges=[_range(answer, s.block, s.start, s.end) for s in part.segments if s.end > s.start],
            words=part.word_count,
            evidence=part.evidence,
        ))
    file_lines = answer.source.original.split("\n") if file_lines is None else file_lines
    return AnswerDetail(
        path=answer.source.path,
        title=answer.title,
        line=answer.line,
        end_line=answer.end_line,
        lines=file_lines[answer.line - 1 : answer.end_line],
        parts=parts,
        figures=_figures(answer),
        principles=story_principles(answer, checker, LEADERSHIP_PRINCIPLES),
    )


def answer_details(answers: Iterable[Answer], rules: list[Rule]) -> list[AnswerDetail]:
    checker = principle_checker(rules)
    lines: dict[int, list[str]] = {}  # per source file, split once
    return [answer_detail(a, checker, lines.setdefault(id(a.source), a.source.original.split("\n")))
            for a in answers]
