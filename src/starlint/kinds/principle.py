"""`principle`: an answer that names a Leadership Principle must show that principle's signals."""

from __future__ import annotations

from typing import Iterator

from ..model import Answer
from ..reading.principles import LEADERSHIP_PRINCIPLES
from .base import Finding, Kind, SpanMatcher, anchor, scope_spans


class Principle(Kind):
    PARAMS = {
        "signals": "principle name -> {phrases, regex, patterns, quantity_in: part}",
        "inherited": "true: also check principles named by an enclosing section heading",
    }

    def __init__(self, rule) -> None:
        super().__init__(rule)
        signals = rule.params.get("signals")
        if not isinstance(signals, dict) or not signals:
            raise ValueError("kind principle needs signals: {principle: {phrases: [...]}}")
        self.signals: dict[str, tuple[SpanMatcher, str | None]] = {}
        for name, spec in signals.items():
            if name not in LEADERSHIP_PRINCIPLES:
                raise ValueError(f"unknown Leadership Principle {name!r}")
            spec = spec or {}
            matcher = SpanMatcher(spec.get("phrases"), spec.get("patterns"), spec.get("regex"))
            self.signals[name] = (matcher, spec.get("quantity_in"))
        self.inherited = bool(rule.params.get("inherited", True))

    def shows(self, answer: Answer, name: str) -> bool:
        matcher, quantity_in = self.signals[name]
        if quantity_in and any(span._.quantities for _, span in scope_spans(answer, quantity_in)):
            return True
        return bool(matcher) and any(matcher.matches(span) for _, span in scope_spans(answer, "answer"))

    def __call__(self, answer: Answer) -> Iterator[Finding]:
        block, start, end = anchor(answer, None)
        for name in answer.principles:
            if name in self.signals and not self.shows(answer, name):
                yield Finding(block, start, end, {"principle": name})
        inherited = [n for n in answer.section_principles if n in self.signals]
        own = [n for n in answer.principles if n in self.signals]
        if self.inherited and inherited and not any(self.shows(answer, n) for n in inherited + own):
            yield Finding(block, start, end, {"principle": " or ".join(inherited)})
