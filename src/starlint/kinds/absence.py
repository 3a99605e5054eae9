"""`absence`: flag a part (or answer) in which none of the expected signals occurs."""

from __future__ import annotations

from typing import Iterator

from ..model import Answer
from .base import Finding, Kind, SpanMatcher, anchor, scope_spans


class Absence(Kind):
    PARAMS = {
        "phrases": "any of these phrases satisfies the rule",
        "patterns": "any match of these spaCy token patterns satisfies the rule",
        "regex": "any match of these RE2 regexes satisfies the rule",
        "ignorecase": "match case-insensitively (default true)",
        "quantity": "true: any quantity (number, %, money, 5x, 'zero') satisfies the rule",
    }

    def __init__(self, rule) -> None:
        super().__init__(rule)
        p = rule.params
        self.matcher = SpanMatcher(p.get("phrases"), p.get("patterns"), p.get("regex"), p.get("ignorecase", True))
        self.quantity = bool(p.get("quantity", False))
        if not self.matcher and not self.quantity:
            raise ValueError("kind absence needs phrases, patterns, regex or quantity: true")

    def __call__(self, answer: Answer) -> Iterator[Finding]:
        spans = list(scope_spans(answer, self.rule.part))
        if self.rule.part != "answer" and not spans:
            return  # a missing part is missing-part's finding, not this one's
        for _, span in spans:
            if self.quantity and span._.quantities:
                return
            if self.matcher and self.matcher.matches(span):
                return
        part = answer.parts.get(self.rule.part)
        block, start, end = anchor(answer, part)
        yield Finding(block, start, end, {"part": self.rule.part.capitalize()}, part.name if part else None)
