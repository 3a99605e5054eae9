"""`principle`: an answer that names a Leadership Principle must show that principle's signals.

The signals are the principles' data (`rules/principles.yaml`), shared with coverage and
question fit: one list says what showing a principle means."""

from __future__ import annotations

from functools import lru_cache
from typing import Iterator

from ..model import Answer
from ..reading.principles import load_principles
from .base import Finding, Kind, SpanMatcher, anchor, scope_spans


@lru_cache(maxsize=1)
def principle_signals() -> dict[str, tuple[SpanMatcher, str | None]]:
    """Name -> (matcher, part whose figures count), compiled once per process."""
    from ..datafile import line_of
    from ..ruleset import RuleError

    out = {}
    for name, principle in load_principles().items():
        spec = principle.signals
        try:
            matcher = SpanMatcher(spec.get("phrases"), spec.get("patterns"), spec.get("regex"), True, spec.get("lemmas"))
        except ValueError as exc:
            line = line_of(principle.path, "principles", principle.index, "signals")
            raise RuleError(f"{principle.path}:{line}: principle '{name}': {exc}") from None
        out[name] = (matcher, spec.get("quantity_in"))
    return out


def answer_spans(answer: Answer):
    """Every text block of the answer as a span (what scope 'answer' reads): the spans that
    scope made once per answer, not sliced again per principle and per question type (each
    slice is a new Span, and spaCy makes two Tokens for it)."""
    return [span for _, span in scope_spans(answer, "answer")]


def signal_matches(answer: Answer, name: str) -> list[tuple[int, int]]:
    """Where the answer shows the principle: character ranges of its signals (a figure in
    the principle's part counts as one match at the figure)."""
    matcher, quantity_in = principle_signals()[name]
    found: list[tuple[int, int]] = []
    if quantity_in:
        found.extend((q.start_char, q.end_char) for _, span in scope_spans(answer, quantity_in) for q in span._.quantities)
    if matcher:
        found.extend(m for span in answer_spans(answer) for m in matcher.matches(span))
    return found


def tells_a_story(answer: Answer) -> bool:
    """Some STAR part is told, not only placed by position: an opinion ("I think the best
    developers keep the big picture in mind") shows no principle, whatever its words."""
    parts = answer.star_parts()
    return not parts or any(p.evidence for p in parts)  # a labelled part always has evidence


def shows(answer: Answer, name: str, whole: list | None = None) -> bool:
    """`whole`: the answer's spans (answer_spans), when the caller has them already."""
    if not tells_a_story(answer):
        return False
    matcher, quantity_in = principle_signals()[name]
    if quantity_in and any(span._.quantities for _, span in scope_spans(answer, quantity_in)):
        return True
    return bool(matcher) and any(matcher.hits(span) for span in (answer_spans(answer) if whole is None else whole))


class Principle(Kind):
    PARAMS = {
        "inherited": "true: also check principles named by an enclosing section heading",
    }

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.signals = principle_signals()  # a broken principles file fails here, at rule loading
        self.inherited = bool(rule.params.get("inherited", True))

    def shows(self, answer: Answer, name: str) -> bool:
        return shows(answer, name)

    def __call__(self, answer: Answer) -> Iterator[Finding]:
        block, start, end = anchor(answer, None)
        for name in answer.principles:
            if name in self.signals and not shows(answer, name):
                yield Finding(block, start, end, {"principle": name})
        inherited = [n for n in answer.section_principles if n in self.signals]
        own = [n for n in answer.principles if n in self.signals]
        if self.inherited and inherited and not any(shows(answer, n) for n in inherited + own):
            yield Finding(block, start, end, {"principle": " or ".join(inherited)})
