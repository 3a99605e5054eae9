"""Question types (`rules/questions.yaml`): which question a heading or question line asks,
and whether the story shows what that question asks for.

A title is matched after the Leadership Principle names in it are taken out ("Q101:
Customer Obsession — Pushed back on requirements" asks about pushing back; whether it shows
Customer Obsession is lp-not-shown's question). A title no type recognises asks nothing we
know, and nothing is said about it: a false alarm costs more than a miss.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..kinds.base import SpanMatcher, compile_regex, scope_spans
from ..kinds.principle import answer_spans, shows
from ..model import EXTRA_PART_NAMES, PART_NAMES, Answer
from ..reading.asked import question_block, question_title
from ..reading.principles import load_principles

if TYPE_CHECKING:
    from spacy.tokens import Span

QUESTIONS_FILE = "questions.yaml"
_TYPE_KEYS = {
    "id": "a stable kebab-case name",
    "name": "what the question asks for, as the finding says it",
    "principles": "the Leadership Principles it tests",
    "asked": "RE2 regexes: a title that matches one asks this question",
    "unless": "RE2 regexes: ... unless it matches one of these",
    "shows": "what the story must show: a list of signals (none: a kind of question other rules read)",
    "source": "where the question and its signals come from",
}
_SIGNAL_KEYS = {
    "what": "the signal as the finding names it when it is missing",
    "in": "the parts to look in (default: the whole answer)",
    "phrases": "phrases (tokens, any case)",
    "lemmas": "verbs matched in every form",
    "regex": "RE2 regexes",
    "principle": "a principle whose signals count too",
    "part": "a part whose presence, with words, shows the signal",
}
_PARTS = PART_NAMES + EXTRA_PART_NAMES


@dataclass(frozen=True)
class Signal:
    what: str
    parts: tuple[str, ...] | None  # None: the whole answer
    matcher: "SpanMatcher"
    principle: str | None
    part: str | None

    def where(self) -> str:
        """'what went wrong', or 'a time constraint in the Situation or Task'."""
        if not self.parts:
            return self.what
        names = [p.capitalize() for p in self.parts]
        return f"{self.what} in the {' or '.join(names)}" if len(names) <= 2 else (
            f"{self.what} in the {', '.join(names[:-1])} or {names[-1]}")


@dataclass(frozen=True)
class QuestionType:
    id: str
    name: str
    principles: tuple[str, ...]
    asked: tuple[str, ...]  # RE2 regexes, any case
    unless: tuple[str, ...]
    shows: tuple[Signal, ...]
    source: str


class QuestionTypes(tuple):
    """The question types of a file, and one RE2 set of their `asked` (and one of their
    `unless`) regexes: a title is matched against every type in one call."""

    def __new__(cls, types, data):
        self = super().__new__(cls, types)
        self._asked = _regex_set(data, [(i, "asked", t.asked) for i, t in enumerate(types)])
        unless = [(i, "unless", t.unless) for i, t in enumerate(types) if t.unless]
        self._unless_owner = [i for i, _, _ in unless]
        self._unless = _regex_set(data, unless) if unless else None
        return self

    def named(self, qid: str) -> QuestionType | None:
        return next((t for t in self if t.id == qid), None)

    def asked_by(self, title: str) -> list[QuestionType]:
        asked = self._asked.Match(title) or []
        if asked and self._unless is not None:
            vetoed = {self._unless_owner[k] for k in self._unless.Match(title) or []}
            asked = [i for i in asked if i not in vetoed]
        return [self[i] for i in sorted(asked)]


def _regex_set(data, lists: list[tuple[int, str, tuple[str, ...]]]):
    """An RE2 set with one alternation per list; a regex RE2 cannot compile is an error
    naming its file and line."""
    import re2

    options = re2.Options()
    options.case_sensitive = False
    options.log_errors = False
    regexes = re2.Set.SearchSet(options)
    for i, key, patterns in lists:
        try:
            regexes.Add("|".join(f"(?:{r})" for r in patterns))
        except re2.error:
            for j, pattern in enumerate(patterns):
                try:
                    compile_regex(pattern, True)
                except ValueError as exc:
                    raise data.error(str(exc), i, key, j) from None
            raise data.error(f"'{key}' does not compile as one RE2 pattern", i, key) from None
    regexes.Compile()
    return regexes


@lru_cache(maxsize=8)
def load_question_types(path: str | None = None) -> QuestionTypes:
    """The question types of a file (default: the built-in one). RuleError on a broken file."""
    from ..datafile import builtin_data_path, load_data_file

    path = path or str(builtin_data_path(QUESTIONS_FILE))
    data = load_data_file(path, "questions", "question types file")
    principles = load_principles()
    types: list[QuestionType] = []
    seen: set[str] = set()
    for i, record in enumerate(data.records):
        data.check_keys(i, record, _TYPE_KEYS, ("id", "name", "asked", "source"))
        qid = str(record["id"])
        if qid in seen:
            raise data.error(f"question type '{qid}' is listed twice", i, "id")
        seen.add(qid)
        named = data.strings(record.get("principles"), i, "principles")
        for name in named:
            if name not in principles:
                raise data.error(f"unknown Leadership Principle '{name}'", i, "principles")
        asked = tuple(data.strings(record["asked"], i, "asked"))
        unless = tuple(data.strings(record.get("unless"), i, "unless"))
        # a type with no `shows` names a kind of question the answer's telling is judged by
        # (how the candidate works in general: rules read its `asked`); nothing is checked
        shown = record.get("shows", [])
        if not isinstance(shown, list) or ("shows" in record and not shown):
            raise data.error("'shows' must be a list of signals", i, "shows")
        signals = []
        for j, spec in enumerate(shown):
            at = (i, "shows", j)
            if not isinstance(spec, dict):
                raise data.error("a signal must be a mapping of keys", *at)
            for key in spec:
                if key not in _SIGNAL_KEYS:
                    raise data.error(f"unknown key '{key}' in a signal (known: {', '.join(sorted(_SIGNAL_KEYS))})",
                                     *at, key)
            if not spec.get("what"):
                raise data.error("a signal needs 'what' (how the finding names it when it is missing)", *at)
            parts = data.strings(spec.get("in"), *at, "in") or None
            for name in parts or ():
                if name not in _PARTS:
                    raise data.error(f"'in' names parts: {', '.join(_PARTS)}", *at, "in")
            principle = spec.get("principle")
            if principle is not None and principle not in principles:
                raise data.error(f"unknown Leadership Principle '{principle}'", *at, "principle")
            part = spec.get("part")
            if part is not None and part not in _PARTS:
                raise data.error(f"'part' names a part: {', '.join(_PARTS)}", *at, "part")
            try:
                matcher = SpanMatcher(data.strings(spec.get("phrases"), *at, "phrases"), None,
                                      data.strings(spec.get("regex"), *at, "regex"), True,
                                      data.strings(spec.get("lemmas"), *at, "lemmas"))
            except ValueError as exc:
                raise data.error(str(exc), *at) from None
            if not matcher and principle is None and part is None:
                raise data.error("a signal needs phrases, lemmas, regex, a principle or a part", *at)
            signals.append(Signal(str(spec["what"]), tuple(parts) if parts else None, matcher, principle, part))
        types.append(QuestionType(qid, str(record["name"]), tuple(named), asked, unless, tuple(signals),
                                  str(record["source"])))
    return QuestionTypes(types, data)


def resolve_path(value: str | None, rule_path: str) -> str | None:
    """A rule's `questions:` file, relative to the rule file; None for the built-in one."""
    if not value:
        return None
    path = Path(value)
    return str(path if path.is_absolute() else Path(rule_path).parent / path)


def asked_types(answer: Answer, types: QuestionTypes) -> list[QuestionType]:
    """The question types the answer's heading or question line asks (none without either)."""
    if question_block(answer) is None:
        return []
    return types.asked_by(question_title(answer))


def _scope(answer: Answer, parts: tuple[str, ...] | None) -> str | list[str]:
    """Where a signal is looked for: its parts when the answer labels them, else everywhere
    (an inferred part is a guess, and a missing one is missing-part's finding)."""
    if not parts or not answer.labelled:
        return "answer"
    present = [answer.parts[name] for name in parts if name in answer.parts]
    if not present or any(p.inferred for p in present):
        return "answer"
    return [p.name for p in present]


def shows_signal(answer: Answer, signal: Signal, whole: list["Span"] | None = None) -> bool:
    """`whole`: the answer's spans (answer_spans), when the caller has them already."""
    if signal.part is not None and (part := answer.parts.get(signal.part)) is not None and part.word_count:
        return True
    if signal.principle is not None and shows(answer, signal.principle, whole):
        return True
    if not signal.matcher:
        return False
    scope = _scope(answer, signal.parts)
    if scope == "answer":
        spans = whole if whole is not None else answer_spans(answer)
    else:
        spans = [span for _, span in scope_spans(answer, scope)]
    return any(signal.matcher.hits(span) for span in spans)


def missing_signals(answer: Answer, qtype: QuestionType, whole: list["Span"] | None = None) -> list[Signal]:
    whole = whole if whole is not None else answer_spans(answer)
    return [s for s in qtype.shows if not shows_signal(answer, s, whole)]
