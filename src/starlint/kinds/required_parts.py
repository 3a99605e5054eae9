"""`required-parts`: flag each STAR part the answer lacks or leaves empty."""

from __future__ import annotations

from typing import Iterator

from ..model import PART_NAMES, Answer
from .base import Finding, Kind, anchor, label_partner


class RequiredParts(Kind):
    PARAMS = {"parts": "the parts every answer must have (default: situation, task, action, result)"}

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.parts = list(rule.params.get("parts") or PART_NAMES)
        unknown = [p for p in self.parts if p not in PART_NAMES + ("learning",)]
        if unknown:
            raise ValueError(f"unknown part(s) {unknown}")

    def __call__(self, answer: Answer) -> Iterator[Finding]:
        for name in self.parts:
            part = answer.parts.get(name)
            if part is not None and part.evidence and (part.word_count > 0 or _told_by_partner(answer, part)):
                continue
            if part is not None and part.word_count > 0:
                how = "was not found"  # inferred, but nothing in its sentences tells it
            else:
                how = "is empty" if part is not None else ("was not found" if not answer.labelled else "is missing")
            block, start, end = anchor(answer, part)
            yield Finding(block, start, end, {"part": name.capitalize(), "how": how}, name)


def _told_by_partner(answer: Answer, part) -> bool:
    """A merged `(ST)` label gives Task the Situation's text."""
    partner = label_partner(answer, part)
    return partner is not None and partner.word_count > 0
