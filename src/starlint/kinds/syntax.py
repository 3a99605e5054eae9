"""Kinds that ask who acts: `actor` ("we" where the interviewer wants "I") and `passive`."""

from __future__ import annotations

from typing import Callable, Iterator

from ..analysis.syntax import actors, parse_many, passive_candidate, passives, plural_candidate
from ..model import Answer
from .base import Finding, Kind


def _sentences(answer: Answer, parts):
    names = parts if isinstance(parts, list) else [parts]
    for name in names:
        part = answer.parts.get(name)
        if part is not None:
            yield name, part.sentences


class _SyntaxKind(Kind):
    #: which of the rule's sentences its question needs the parser for (set by each kind)
    needs_parse: Callable[[str], bool]

    def prepare(self, answers: list[Answer]) -> None:
        """One batched parse of the sentences this rule reads and the fallback cannot settle
        (trained pipeline only)."""
        parse_many([s.text for a in answers for _, sents in _sentences(a, self.rule.part) for s in sents
                    if self.needs_parse(s.text)])


class Actor(_SyntaxKind):
    needs_parse = staticmethod(plural_candidate)
    PARAMS = {
        "excuse_after_first_person": (
            "true: 'we' is fine right after the speaker's own action "
            "('I proposed X. After team discussion, we chose...')"
        ),
    }

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.excuse = bool(rule.params.get("excuse_after_first_person", True))

    def __call__(self, answer: Answer) -> Iterator[Finding]:
        for name, sentences in _sentences(answer, self.rule.part):
            previous_first = False
            previous_block = None
            for sentence in sentences:
                if sentence.block is not previous_block:
                    # each list item is a step of its own: "I" in one does not excuse "we" in the next
                    previous_first = False
                    previous_block = sentence.block
                text = sentence.text
                who = actors(text)
                offset = sentence.span.start_char
                for start, end in who.plural:
                    before_me = any(s < start for s, _ in who.first_person)
                    if self.excuse and (previous_first or before_me):
                        continue
                    yield Finding(sentence.block, offset + start, offset + end, {"match": text[start:end]}, name)
                previous_first = bool(who.first_person)


class Passive(_SyntaxKind):
    needs_parse = staticmethod(passive_candidate)
    PARAMS = {}

    def __call__(self, answer: Answer) -> Iterator[Finding]:
        for name, sentences in _sentences(answer, self.rule.part):
            for sentence in sentences:
                text = sentence.text
                offset = sentence.span.start_char
                for start, end in passives(text):
                    yield Finding(sentence.block, offset + start, offset + end, {"match": text[start:end]}, name)
