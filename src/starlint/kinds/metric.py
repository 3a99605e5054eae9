"""`metric`: measure a part (or each of its sentences) and flag values outside [min, max]."""

from __future__ import annotations

from typing import Iterator

from ..analysis.inference import steps_told_in
from ..model import Answer, Part
from ..nlp.tokens import span_words
from ..reading.labels import block_labels
from .base import Finding, Kind, anchor, label_partner, scope_spans, shared_with

MEASURES = ("sentences", "words", "speaking_seconds")


#: Fewer words than this is a fragment ("time (3 years)", a list item naming a challenge),
#: not a sentence the listener has to sit through.
MIN_SENTENCE_WORDS = 4


def _merged(answer: Answer, part: Part) -> bool:
    """The part tells another in the same sentences: a merged `(ST)` label, or a Task the
    reader found inside the Situation ("I was assigned to ...")."""
    if label_partner(answer, part) is not None:
        return True
    others = [p for p in answer.parts.values() if p is not part]
    return any(shared_with(other, [part]) for other in others)


def _sentences_in(span) -> int:
    """Sentences with words inside the span: a label's trailing ":" is not one, nor the
    next part's sentence that the span's last (newline) token belongs to, nor a fragment."""
    doc = span.doc
    return sum(1 for sent in span.sents
               if span_words(doc[max(sent.start, span.start) : min(sent.end, span.end)]) >= MIN_SENTENCE_WORDS)


def _after_label(block, sent, start: int, end: int):
    """The sentence without the STAR label it opens with (a label is not said aloud, and the
    finding belongs on the first word told, the line below a label that ends its line). Asked
    only of a sentence already over the limit: without its label it is shorter, never longer."""
    for hit in block_labels(block):
        if hit.parts and hit.start <= start < hit.content_start < end:
            text = block.text
            begin = hit.content_start
            while begin < end and text[begin].isspace():
                begin += 1
            told = sent.doc.char_span(begin, end, alignment_mode="expand")
            return told if told is not None and len(told) else None
    return None


def _sentences_of(spans) -> int:
    """Sentences said in a part: the items of a list that a sentence opens with a colon
    ("I saw huge challenges:" then "- the distance (over 4000 miles)") finish that sentence."""
    total, enumerating = 0, False
    for block, span in spans:
        if enumerating and block.in_list:
            continue
        total += _sentences_in(span)
        enumerating = span.text.rstrip().endswith(":") and not block.in_list
    return total


class Metric(Kind):
    PARAMS = {
        "measure": "sentences, words or speaking_seconds",
        "per": "part (default) or sentence",
        "max": "flag values above this",
        "min": "flag values below this",
        "words_per_minute": "speaking pace for speaking_seconds",
        "max_merged": "the max when the part shares its label with another part (a merged `(ST)`: "
                      "the other part is told in the same sentences), or holds a part read from "
                      "its own sentences (a Task inferred inside the Situation)",
        "steps_not_counted": "true: in an unlabelled answer, the part's sentences that tell the speaker's "
                             "own steps are not counted (the interviewer hears them as the Action)",
        "parts_only": "for part: answer, count only the words of the STAR parts and the Learning "
                      "(labels, captions and notes around them are not said aloud)",
    }

    def __init__(self, rule) -> None:
        super().__init__(rule)
        p = rule.params
        self.measure = p.get("measure")
        if self.measure not in MEASURES:
            raise ValueError(f"measure must be one of {', '.join(MEASURES)}")
        self.per = p.get("per", "part")
        if self.per not in ("part", "sentence"):
            raise ValueError("per must be 'part' or 'sentence'")
        self.max = p.get("max")
        self.min = p.get("min")
        if self.max is None and self.min is None:
            raise ValueError("kind metric needs max or min")
        for key in ("max", "min", "max_merged"):
            if p.get(key) is not None and not isinstance(p[key], (int, float)):
                raise ValueError(f"{key} must be a number")
        self.max_merged = p.get("max_merged")
        self.parts_only = bool(p.get("parts_only", False))
        self.steps_not_counted = bool(p.get("steps_not_counted", False))
        self.wpm = float(p.get("words_per_minute", 140))
        if self.wpm <= 0:
            raise ValueError("words_per_minute must be positive")

    def _value(self, words: int, sentences: int) -> float:
        if self.measure == "sentences":
            return sentences
        return words if self.measure == "words" else round(words * 60 / self.wpm)

    def _verdict(self, value: float, merged: bool = False) -> tuple[str, float] | None:
        limit = self.max_merged if merged and self.max_merged is not None else self.max
        if limit is not None and value > limit:
            return "long", limit
        if self.min is not None and value < self.min:
            return "short", self.min
        return None

    def __call__(self, answer: Answer) -> Iterator[Finding]:
        spans = list(scope_spans(answer, self.rule.part))
        blocks = {id(b.doc): b for b in answer.blocks if b.doc is not None}  # a span's block
        if self.per == "sentence":
            for part, span in spans:
                block = blocks[id(span.doc)]
                for sent in span.sents:
                    start, end = max(sent.start_char, span.start_char), min(sent.end_char, span.end_char)
                    value = self._value(span_words(sent), 1)
                    verdict = self._verdict(value)
                    said = _after_label(block, sent, start, end) if verdict else None
                    if said is not None:
                        # "1. Situation:\nSo, once I took ...": measured and reported from "So"
                        sent, start = said, said.start_char
                        value = self._value(span_words(sent), 1)
                        verdict = self._verdict(value)
                    if verdict:
                        yield Finding(block, start, end, {"value": value, "limit": verdict[1], "too": verdict[0]}, part)
            return
        if not spans:
            return
        if self.parts_only and self.rule.part == "answer" and answer.parts:
            words = answer.word_count()  # a Task read from inside the Situation is said once
        else:
            words = sum(span_words(span) for _, span in spans)
        sentences = (_sentences_of([(blocks[id(span.doc)], span) for _, span in spans])
                     if self.measure == "sentences" else 0)
        name = self.rule.part if isinstance(self.rule.part, str) else None
        part = answer.parts.get(name) if name else None
        merged = part is not None and _merged(answer, part)
        if (self.steps_not_counted and part is not None and self.measure == "sentences"
                and (self.min is not None or self._verdict(sentences, merged) is not None)):
            # with only a max, read only of a part over it (most are not)
            sentences -= len(steps_told_in(answer, [part]))
        value = self._value(words, sentences)
        verdict = self._verdict(value, merged)
        if verdict is None:
            return
        block, start, end = anchor(answer, part)
        yield Finding(
            block, start, end,
            {"value": value, "limit": verdict[1], "too": verdict[0], "words": words,
             "minutes": f"{words / self.wpm:.1f}", "part": (name or "answer").capitalize()},
            part.name if part else None,
        )
