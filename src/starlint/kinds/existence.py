"""`existence`: flag every match of phrases, token patterns or regexes in the rule's part."""

from __future__ import annotations

from typing import Iterator

from ..model import Answer
from ..nlp.tokens import doc_text
from .base import Finding, Kind, SpanMatcher, scope_spans


class Existence(Kind):
    PARAMS = {
        "phrases": "words or phrases to flag (matched on tokens, case-insensitive by default)",
        "patterns": "spaCy Matcher token patterns to flag",
        "regex": "RE2 regular expression(s) to flag",
        "ignorecase": "match case-insensitively (default true)",
        "unless_sentence_has": "'quantity': stay silent when the match's sentence has a figure",
    }

    def __init__(self, rule) -> None:
        super().__init__(rule)
        p = rule.params
        self.matcher = SpanMatcher(p.get("phrases"), p.get("patterns"), p.get("regex"), p.get("ignorecase", True))
        if not self.matcher:
            raise ValueError("kind existence needs phrases, patterns or regex")
        self.unless = p.get("unless_sentence_has")
        if self.unless not in (None, "quantity"):
            raise ValueError("unless_sentence_has takes 'quantity'")

    def __call__(self, answer: Answer) -> Iterator[Finding]:
        for part, span in scope_spans(answer, self.rule.part):
            block = next(b for b in answer.blocks if b.doc is span.doc)
            for start, end in self.matcher.matches(span):
                if self.unless == "quantity":
                    sent = span.doc.char_span(start, end, alignment_mode="expand")
                    if sent is not None and sent.sent._.quantities:
                        continue
                yield Finding(block, start, end, {"match": doc_text(span.doc)[start:end]}, part)
