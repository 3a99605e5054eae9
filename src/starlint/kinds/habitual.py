"""`habitual`: an answer that tells what the speaker does in general, not one event.

Two signals. Markers of habit and hypothesis ("I usually", "I would"), matched as
`existence` matches them. And the tense of the speaker's own clauses: a story of one event
is told in the past; an answer whose every "I ..." and "we ..." is in the present ("I start
work by assessing", "we revisit testing a lot", "I look for communication") tells a habit
even without a marker word.
"""

from __future__ import annotations

import re
from typing import Iterator

from ..analysis.syntax import actors_by_pattern, tense
from ..model import Answer
from ..reading.story import _NARRATED
from .base import Finding
from .existence import Existence

#: words that date a sentence to one occasion, whoever its subject: "there was one time",
#: "the schedule was tight", "two years ago"
_EVENT = re.compile(r"\b(was|were|had|did|ago|once|one time|that time|back then|at the time|last (year|month|week|"
                    r"quarter|summer|spring|fall|autumn|winter|time))\b", re.IGNORECASE)
#: "I" or "we" and a next word that is not plainly past: every present clause matches it
_PRESENT_CANDIDATE = re.compile(r"\b(?:I|[Ww]e)\s+(?!(?:was|were|had|did)\b|[a-z]+ed\b)[a-z']+")
class Habitual(Existence):
    PARAMS = {
        **Existence.PARAMS,
        "present_clauses": "fire at the speaker's present-tense clauses when the scope has at least this "
                           "many of them and tells almost nothing in the past (0: markers only)",
        "max_past_share": "the share of sentences in the past at or under which the scope tells no event "
                          "(default 0.2)",
    }

    def __init__(self, rule) -> None:
        super().__init__(rule)
        p = rule.params
        self.present_clauses = int(p.get("present_clauses", 0))
        self.max_past_share = float(p.get("max_past_share", 0.2))

    def __call__(self, answer: Answer) -> Iterator[Finding]:
        markers = list(super().__call__(answer))
        yield from markers
        if not self.present_clauses:
            return
        present: list[Finding] = []
        past = 0
        flagged = {(id(f.block), f.start) for f in markers}
        names = self.rule.part if isinstance(self.rule.part, list) else [self.rule.part]
        sentences = [s for n in names if (p := answer.parts.get(n)) is not None for s in p.sentences]
        # cheap bounds first: too few "I/we + a word that is not a past form" to be present
        # clauses, or a story told in the past, as most are
        if sum(len(_PRESENT_CANDIDATE.findall(s.text)) for s in sentences) < self.present_clauses:
            return
        dated = sum(1 for s in sentences if _EVENT.search(s.text) or _NARRATED.search(s.text))
        if dated > self.max_past_share * len(sentences):
            return  # a story told in the past, as most are: no need to weigh each clause
        for name in names:
            part = answer.parts.get(name)
            if part is None:
                continue
            for sentence in part.sentences:
                who = actors_by_pattern(sentence.text)
                clauses = [s for s in who.first_person + who.plural if s.end > s.start and not s.modal]
                tenses = [tense(s.verb) for s in clauses]
                # any past in the sentence tells an event ("there was one time", "I did not want")
                past += "past" in tenses or bool(_EVENT.search(sentence.text))
                first = next((s for s, t in zip(clauses, tenses) if t == "present"), None)
                if first is None:
                    continue
                start = sentence.span.start_char + first.start
                if any(b == id(sentence.block) and abs(s - start) < 40 for b, s in flagged):
                    continue  # the marker already points here
                end = start + len(sentence.text[first.start:].split(first.verb, 1)[0]) + len(first.verb)
                text = sentence.block.text[start:end]
                present.append(Finding(sentence.block, start, end, {"match": text}, name))
        if len(present) >= self.present_clauses and past <= self.max_past_share * (past + len(present)):
            yield from present
