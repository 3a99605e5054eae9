"""`absence`: flag a part (or answer) in which none of the expected signals occurs."""

from __future__ import annotations

from typing import Iterator

from ..model import Answer
from ..reading.asked import asks
from .base import Finding, Kind, SpanMatcher, anchor, compile_regexes, scope_spans


class Absence(Kind):
    PARAMS = {
        "phrases": "any of these phrases satisfies the rule",
        "lemmas": "verbs (or phrases starting with one) matched in every form: 'improve' matches 'improving'",
        "patterns": "any match of these spaCy token patterns satisfies the rule",
        "regex": "any match of these RE2 regexes satisfies the rule",
        "ignorecase": "match case-insensitively (default true)",
        "quantity": "true: any quantity (number, %, money, 5x, 'zero') satisfies the rule",
        "unless_part": "a part (e.g. learning) whose presence, with any words, satisfies the rule",
        "outcome_in": "another part (e.g. action) whose sentence with a quantity and one of `outcome_regex` "
                      "satisfies a quantity rule: the outcome's figure told with the last step",
        "outcome_regex": "RE2 regexes of an outcome ('restored', 'back to normal') for `outcome_in`",
        "outcome_clauses": "RE2 regexes that open the clause of a step's effect (', reducing'): for "
                           "`outcome_in`, the figure must come after one",
        "unless_asked": "RE2 regexes of a heading or question line that asks for what the rule looks for "
                        "('What would you do differently?'): the whole reply is that, whatever its words",
    }

    def __init__(self, rule) -> None:
        super().__init__(rule)
        p = rule.params
        self.matcher = SpanMatcher.from_params(p, p.get("ignorecase", True))
        self.quantity = bool(p.get("quantity", False))
        self.unless_part = p.get("unless_part")
        self.outcome_in = p.get("outcome_in")
        self.outcome_regex = compile_regexes(p.get("outcome_regex"), True, "outcome_regex")
        self.outcome_clauses = compile_regexes(p.get("outcome_clauses"), True, "outcome_clauses")
        self.unless_asked = compile_regexes(p.get("unless_asked"), True, "unless_asked")
        if self.outcome_in is not None and (not self.quantity or not (self.outcome_regex or self.outcome_clauses)):
            raise ValueError("outcome_in needs quantity: true and outcome_regex or outcome_clauses")
        if not self.matcher and not self.quantity:
            raise ValueError("kind absence needs phrases, lemmas, patterns, regex or quantity: true")

    def __call__(self, answer: Answer) -> Iterator[Finding]:
        if self.unless_part and (part := answer.parts.get(self.unless_part)) is not None and part.word_count:
            return  # a "Lessons learned:" section is a learning, whatever its words
        if asks(answer, self.unless_asked):
            return  # the reply to "What would you do differently?" is what the rule looks for
        spans = list(scope_spans(answer, self.rule.part))
        if self.rule.part != "answer" and not spans:
            return  # a missing part is missing-part's finding, not this one's
        if isinstance(self.rule.part, str) and (read := answer.parts.get(self.rule.part)) is not None \
                and (not read.evidence or not read.word_count):
            return  # an inferred part the story never tells, or an empty one ("R: ."), is missing, not unquantified
        if self.quantity and any(span._.quantities for _, span in spans):
            return
        if self.matcher and self.matcher.hits_any([span for _, span in spans]):
            return
        if self.outcome_in and self._outcome_told_in(answer):
            return
        # a rule over several parts is about the answer: it points at the answer's title
        part = answer.parts.get(self.rule.part) if isinstance(self.rule.part, str) else None
        block, start, end = anchor(answer, part)
        name = self.rule.part if isinstance(self.rule.part, str) else "answer"
        yield Finding(block, start, end, {"part": name.capitalize()}, part.name if part else None)

    def _outcome_told_in(self, answer: Answer) -> bool:
        """The figure of the outcome told with the step that brought it ("Coordinated the
        rollback within 30 minutes and restored service"): the interviewer has heard it."""
        part = answer.parts.get(self.outcome_in)
        if part is None:
            return False
        return any(self._sized(sent) for span in part.spans for sent in span.sents if sent._.quantities)

    def _sized(self, sent) -> bool:
        """An outcome cue in a sentence with a figure; for a cue that opens the clause of the
        effect, a figure after it: "..., cutting the build from 40 to 12 minutes" is sized;
        "where I had to capture 50 screenshots, I wrote a script, saving a lot of time" is not
        (the 50 counts the work, not what it saved)."""
        text = sent.text
        if any(r.search(text) for r in self.outcome_regex):
            return True
        starts = [q.start_char - sent.start_char for q in sent._.quantities]
        return any(any(at >= m.start() for at in starts) for r in self.outcome_clauses for m in r.finditer(text))
