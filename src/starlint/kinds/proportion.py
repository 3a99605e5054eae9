"""`proportion`: flag when some parts are short relative to others (the Action is where an
answer is marked: it should outweigh the circumstances)."""

from __future__ import annotations

from typing import Iterator

from ..analysis.inference import steps_told_in
from ..model import PART_NAMES, Answer
from ..nlp.tokens import span_words
from .base import Finding, Kind, anchor, shared_with


class Proportion(Kind):
    PARAMS = {
        "numerator": "parts whose words are measured (e.g. [action])",
        "denominator": "parts they are compared with (e.g. [situation, task])",
        "min": "flag when numerator words / denominator words is below this",
        "steps_count_to_numerator": "true: in an unlabelled answer, the speaker's own steps told in a "
                                    "denominator part count to the numerator (the inferred parts can leave "
                                    "a step in the Situation)",
    }

    def __init__(self, rule) -> None:
        super().__init__(rule)
        p = rule.params
        self.numerator = list(p.get("numerator") or [])
        self.denominator = list(p.get("denominator") or [])
        for name in self.numerator + self.denominator:
            if name not in PART_NAMES:
                raise ValueError(f"unknown part {name!r}")
        if not self.numerator or not self.denominator or not isinstance(p.get("min"), (int, float)):
            raise ValueError("kind proportion needs numerator, denominator and a numeric min")
        self.min = float(p["min"])
        self.steps_count_to_numerator = bool(p.get("steps_count_to_numerator", False))

    def __call__(self, answer: Answer) -> Iterator[Finding]:
        num_parts = [answer.parts[n] for n in self.numerator if n in answer.parts]
        if not num_parts:
            return  # missing-part reports that
        num = sum(p.word_count for p in num_parts)
        den_parts = [answer.parts[n] for n in self.denominator if n in answer.parts]
        # a Task read from inside the Situation shares its words: count them once; one read
        # from the Action's first step is the Action's words, not circumstances
        counted = [p for p in den_parts if not shared_with(p, den_parts + num_parts)]
        den = sum(p.word_count for p in counted)
        if num and den and num / den < self.min and self.steps_count_to_numerator:
            moved = sum(span_words(s.span) for s in steps_told_in(answer, counted))
            num, den = num + moved, den - moved
        if num == 0 or den <= 0 or num / den >= self.min:
            return
        block, start, end = anchor(answer, num_parts[0])
        yield Finding(
            block, start, end,
            {"numerator_words": num, "denominator_words": den,
             "numerator": "+".join(n.capitalize() for n in self.numerator),
             "denominator": "+".join(n.capitalize() for n in self.denominator)},
            num_parts[0].name,
        )
