"""`existence`: flag every match of phrases, token patterns or regexes in the rule's part."""

from __future__ import annotations

from typing import Iterator

from ..model import Answer
from ..nlp.tokens import doc_text
from .base import Finding, Kind, SpanMatcher, scope_spans


class Existence(Kind):
    PARAMS = {
        "phrases": "words or phrases to flag (matched on tokens, case-insensitive by default)",
        "lemmas": "verbs (or phrases starting with one) matched in every form: 'improve' matches 'improving'",
        "patterns": "spaCy Matcher token patterns to flag",
        "regex": "RE2 regular expression(s) to flag; a group named `at` ((?P<at>...)) is what the finding "
                 "points at, the rest of the match is context it needs",
        "ignorecase": "match case-insensitively (default true)",
        "unless_sentence_has": "'quantity': stay silent when the match's sentence has a figure",
        "dating_before": "with unless_sentence_has: words right before a figure ('after') that make it the "
                         "time of the event, not a size: 'After a few weeks, quality improved' is still unsized",
        "dating_after": "the same, right after the figure ('later', 'ago')",
        "exceptions": "phrases, patterns or regexes (a mapping like the rule's own) whose matches cancel "
                      "the rule's matches they overlap ('thought I would' is a reported thought)",
        "min_share": "fire only when at least this share of the scope's sentences has a match "
                     "(one habit line in a specific story is not a generic answer)",
    }

    def __init__(self, rule) -> None:
        super().__init__(rule)
        p = rule.params
        self.matcher = SpanMatcher.from_params(p, p.get("ignorecase", True))
        if not self.matcher:
            raise ValueError("kind existence needs phrases, lemmas, patterns or regex")
        self.unless = p.get("unless_sentence_has")
        self.dating_before = {str(w).lower() for w in p.get("dating_before") or []}
        self.dating_after = {str(w).lower() for w in p.get("dating_after") or []}
        if self.unless not in (None, "quantity"):
            raise ValueError("unless_sentence_has takes 'quantity'")
        exceptions = p.get("exceptions") or {}
        if not isinstance(exceptions, dict):
            raise ValueError("exceptions must be a mapping of phrases, patterns and/or regex")
        self.exceptions = SpanMatcher.from_params(exceptions, p.get("ignorecase", True))
        self.min_share = float(p.get("min_share", 0.0))
        if not 0.0 <= self.min_share <= 1.0:
            raise ValueError("min_share must be between 0 and 1")

    def _dates(self, quantity) -> bool:
        """The figure says when ("after a few weeks", "two months later"), not how much."""
        doc = quantity.doc
        before = doc[quantity.start - 1].lower_ if quantity.start > 0 else ""
        after = doc[quantity.end].lower_ if quantity.end < len(doc) else ""
        return before in self.dating_before or after in self.dating_after

    def matches(self, answer: Answer) -> tuple[list[Finding], int, int]:
        """The findings before `min_share` is applied, the number of scope sentences with a
        match, and the number of scope sentences (0 when nothing matched)."""
        findings: list[Finding] = []
        sentences_matched: set[tuple[int, int]] = set()
        spans = list(scope_spans(answer, self.rule.part))
        for part, span in spans:
            block = next(b for b in answer.blocks if b.doc is span.doc)
            found = self.matcher.matches(span)
            # the exceptions are read only where there is something to cancel
            cancelled = self.exceptions.matches(span, overlapping=True) if found and self.exceptions else []
            for start, end in found:
                if any(s < end and start < e for s, e in cancelled):
                    continue
                if self.unless == "quantity" or self.min_share:
                    at = span.doc.char_span(start, end, alignment_mode="expand")
                    if at is None:
                        continue
                    # the sentence from where the part starts: the label's "(30 sec)" before it
                    # is no figure of the claim
                    sent = at.sent
                    told = span.doc[max(sent.start, span.start) : sent.end]
                    if self.unless == "quantity" and any(not self._dates(q) for q in told._.quantities):
                        continue
                    sentences_matched.add((id(span.doc), at.sent.start))
                findings.append(Finding(block, start, end, {"match": doc_text(span.doc)[start:end]}, part))
        # the share needs the scope's sentences only when something matched (most answers:
        # nothing does)
        sentences = sum(1 for _, span in spans for s in span.sents
                        if any(not t.is_space and not t.is_punct for t in s)) if self.min_share and findings else 0
        return findings, len(sentences_matched), sentences

    def __call__(self, answer: Answer) -> Iterator[Finding]:
        findings, matched, sentences = self.matches(answer)
        if self.min_share and matched < self.min_share * sentences:
            return
        yield from findings
