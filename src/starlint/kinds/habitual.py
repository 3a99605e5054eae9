"""`habitual`: an answer that tells what the speaker does in general, not one event.

Two signals. Markers of habit and hypothesis ("I usually", "I would"), matched as
`existence` matches them. And the tense of the speaker's own clauses: a story of one event
is told in the past; an answer whose every "I ..." and "we ..." is in the present ("I start
work by assessing", "we revisit testing a lot", "I look for communication") tells a habit
even without a marker word. The two add up: sentences of habit, of either sign, against
sentences that tell something that happened.
"""

from __future__ import annotations

import re
from typing import Iterator

from ..analysis.syntax import actors_by_pattern, tells_event, tense
from ..model import Answer
from ..reading.asked import asks
from .base import Finding, SpanMatcher, practice_regexes, scope_spans
from .existence import Existence

#: "I" or "we" and a next word that is not plainly past: every present clause matches it
_PRESENT_CANDIDATE = re.compile(r"\b(?:I|[Ww]e)\s+(?!(?:was|were|had|did)\b|[a-z]+ed\b)[a-z']+")
#: present verbs of a state, not of a habit: "I am the owner", "I know the code", "I have a
#: desire to ..." ("I have weekly 1:1s" is a habit: see `_stative`)
_STATES = frozenset({"am", "is", "are", "'m", "\u2019m", "know", "knows", "want", "wants", "feel", "feels",
                     "believe", "believes", "hope", "hopes", "wish", "wishes", "love", "loves"})
_HAVE_A = re.compile(r"^\s*(a|an|the|no|some|this|that|my|our)\b", re.IGNORECASE)


_FIRST_WORD = re.compile(r"[A-Za-z]+")


def _recipe_step(text: str, who) -> bool:
    """A subject-less bullet that opens on a verb's bare form ("Prioritize tasks by impact",
    "Validate data at every stage"): a step of a method, in the present. Not a step done
    ("Checked the logs", "Built a cache"): those are past, or irregular past forms."""
    if not any(s.end == s.start and not s.verb for s in who.first_person):
        return False
    word = _FIRST_WORD.match(text.lstrip())
    if word is None:
        return False
    verb = word.group(0).lower()
    return tense(verb) == "present" and not verb.endswith("s") and not tells_event(text)


def _stative(text: str, subject) -> bool:
    if subject.verb in _STATES:
        return True
    if subject.verb in ("have", "has"):
        after = text[subject.end :].split(subject.verb, 1)
        return len(after) == 2 and bool(_HAVE_A.match(after[1]))
    return False


class Habitual(Existence):
    PARAMS = {
        **Existence.PARAMS,
        "present_clauses": "fire when the scope has at least this many sentences of habit (a marker or the "
                           "speaker's present tense) and tells almost nothing in the past (0: markers only); "
                           "the present clauses are pointed at when they alone are this many",
        "max_past_share": "the share of event sentences (against event and habit sentences) at or under "
                          "which the scope tells no event (default 0.2)",
        "practice_questions": "regexes: a title or question that asks how the candidate works in general "
                              "('How do you handle pressure?'): one present-tense clause of the speaker is then enough",
        "practice_question_type": "instead: the built-in question type whose `asked` regexes they are",
        "occasions": "phrases, patterns or regexes (a mapping like the rule's own) that name a kind of "
                     "occasion, not one ('There are situations where ...', 'In some instances, I ...'): "
                     "in the Situation they make the answer generic by themselves, however past its telling",
    }

    def __init__(self, rule) -> None:
        super().__init__(rule)
        p = rule.params
        self.present_clauses = int(p.get("present_clauses", 0))
        self.max_past_share = float(p.get("max_past_share", 0.2))
        occasions = p.get("occasions") or {}
        if not isinstance(occasions, dict):
            raise ValueError("occasions must be a mapping of phrases, patterns and/or regex")
        self.occasions = SpanMatcher.from_params(occasions, p.get("ignorecase", True))
        self.practice = practice_regexes(p)

    def _needed(self, answer: Answer) -> int:
        """Present clauses that make the answer generic: one, under a question that asks for
        a practice rather than an event ("How do you handle pressure?")."""
        if self.present_clauses and asks(answer, self.practice):
            return 1
        return self.present_clauses

    def _occasions(self, answer: Answer) -> Iterator[Finding]:
        """A Situation that sets a kind of scene ("There are situations where saying no is
        necessary") tells no event, even when the rest is in the past ("I approached this by
        ...")."""
        for part, span in scope_spans(answer, "situation"):
            block = next(b for b in answer.blocks if b.doc is span.doc)
            for start, end in self.occasions.matches(span):
                yield Finding(block, start, end, {"match": block.text[start:end]}, part)

    def __call__(self, answer: Answer) -> Iterator[Finding]:
        if self.occasions:
            yield from self._occasions(answer)
        markers, marked, total = self.matches(answer)
        names = self.rule.part if isinstance(self.rule.part, list) else [self.rule.part]
        sentences = [s for n in names if (p := answer.parts.get(n)) is not None for s in p.sentences]
        marker_sentences = {id(s) for s in sentences for f in markers
                            if f.block is s.block and s.span.start_char <= f.start < s.span.end_char}
        dated: list | None = None  # the sentences that tell an event: read once, when needed
        shared = not self.min_share or marked >= self.min_share * total
        if shared and markers and self.min_share:
            # a past habit inside a story told in the past ("I wanted to speak, I had to
            # prepare, I would dedicate hours every week"): the events outweigh it
            dated = [s for s in sentences if tells_event(s.text)]
            shared = sum(1 for s in dated if id(s) not in marker_sentences) < 2 * marked
        if shared:
            yield from markers  # habits in a good share of the sentences: generic
        if not self.present_clauses:
            return
        needed = self._needed(answer)
        # cheap bounds first: too few habit sentences possible, or a story told in the past,
        # as most are
        if needed > 1 and marked + sum(len(_PRESENT_CANDIDATE.findall(s.text)) for s in sentences) < needed:
            return  # (under a practice question a recipe step with no "I" is a habit too)
        if dated is None:
            dated = [s for s in sentences if tells_event(s.text)]
        if len(dated) > self.max_past_share * len(sentences):
            return  # more events than the habits could outweigh
        dated_ids = {id(s) for s in dated}
        present: list[Finding] = []
        recipe: list[Finding] = []  # subject-less steps of a method: pointed at once, at the first
        habits = present_told = 0
        for name in names:
            part = answer.parts.get(name)
            if part is None:
                continue
            for sentence in part.sentences:
                if id(sentence) in dated_ids:
                    continue
                who = actors_by_pattern(sentence.text)
                clauses = [s for s in who.first_person + who.plural if s.end > s.start and not s.modal]
                told = [s for s in clauses if tense(s.verb) == "present" and not _stative(sentence.text, s)]
                if not told and needed == 1 and _recipe_step(sentence.text, who):
                    # under "How do you handle tight deadlines?", "Break work into smaller
                    # deliverables" is the speaker's practice told as a recipe
                    habits += 1
                    if id(sentence) not in marker_sentences:
                        lead = len(sentence.text) - len(sentence.text.lstrip())
                        start = sentence.span.start_char + lead
                        word = _FIRST_WORD.match(sentence.text[lead:])
                        recipe.append(Finding(sentence.block, start, start + word.end(),
                                              {"match": word.group(0)}, name))
                    continue
                habits += bool(told) or id(sentence) in marker_sentences
                present_told += bool(told) and id(sentence) not in marker_sentences
                # "after we finish the project" says when, not what the speaker does: it
                # weighs as a habit, but the finding goes to a main clause
                first = next((s for s in told if not s.subordinate), None)
                if first is None:
                    continue
                start = sentence.span.start_char + first.start
                if id(sentence) in marker_sentences:
                    continue  # the marker already points here
                end = start + len(sentence.text[first.start:].split(first.verb, 1)[0]) + len(first.verb)
                text = sentence.block.text[start:end]
                present.append(Finding(sentence.block, start, end, {"match": text}, name))
        # sentences of habit (a marker, or the speaker's present tense) and next to nothing
        # that happened: a generic answer, at every habit it tells
        if habits >= needed and len(dated) <= self.max_past_share * (len(dated) + habits):
            if not shared:
                yield from markers
            if present_told >= needed:
                yield from present  # one present clause beside a marker ("I sit on the panel") is context
            elif recipe and not present_told and not markers:
                yield recipe[0]  # the method's steps, one finding for the list
