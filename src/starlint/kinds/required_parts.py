"""`required-parts`: flag each STAR part the answer lacks or leaves empty."""

from __future__ import annotations

from typing import Iterator

from ..analysis.inference import tells_step
from ..model import PART_NAMES, Answer
from ..reading.asked import asks
from .base import Finding, Kind, anchor, compile_regexes, label_partner, practice_regexes


class RequiredParts(Kind):
    PARAMS = {
        "parts": "the parts every answer must have (default: situation, task, action, result)",
        "implied_in_prose": "parts an unlabelled answer may leave implied when it tells all the others "
                            "(an interviewer reads the goal from the setting and the steps)",
        "implied_min_words": "how long such an answer must be for that (a short sketch that never "
                             "states its goal lacks it; default 0)",
        "implied_needs": "the parts it must tell for that (default: all the others); a missing Result is "
                         "its own finding, not a reason to ask the Task too",
        "stated_by_question": "parts the question itself states when it asks how the candidate works "
                              "('How do you handle pressure?': the goal is the question's)",
        "practice_questions": "regexes of such questions, matched on the answer's heading or question line",
        "practice_question_type": "instead: the built-in question type whose `asked` regexes they are",
        "folded_by_labels": "part -> the Situation labels of forms that fold it into the setting (PAR, CAR: "
                            "'Problem:', 'Cause:' then Action and Result carry no Task)",
        "told_elsewhere": "part -> regexes of sentences that tell it under another part, besides the speaker's "
                          "own steps: 'I had to speak in the meeting', the only step told, set down as a duty",
    }

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.parts = list(rule.params.get("parts") or PART_NAMES)
        self.implied = list(rule.params.get("implied_in_prose") or [])
        self.implied_min_words = int(rule.params.get("implied_min_words") or 0)
        self.implied_needs = set(rule.params.get("implied_needs") or self.parts)
        self.stated = list(rule.params.get("stated_by_question") or [])
        self.practice = practice_regexes(rule.params)
        folded = rule.params.get("folded_by_labels") or {}
        if not isinstance(folded, dict):
            raise ValueError("folded_by_labels must map a part to a list of label words")
        self.folded = {str(k): {str(w).lower() for w in (v or [])} for k, v in folded.items()}
        elsewhere = rule.params.get("told_elsewhere") or {}
        if not isinstance(elsewhere, dict):
            raise ValueError("told_elsewhere must map a part to a list of regexes")
        self.elsewhere = {str(k): compile_regexes(v or [], True, "told_elsewhere") for k, v in elsewhere.items()}
        unknown = [p for p in self.parts + self.implied + self.stated + list(self.folded) + list(self.elsewhere)
                   + sorted(self.implied_needs)
                   if p not in PART_NAMES + ("learning",)]
        if unknown:
            raise ValueError(f"unknown part(s) {unknown}")

    def __call__(self, answer: Answer) -> Iterator[Finding]:
        told = {n for n in self.parts if (p := answer.parts.get(n)) is not None and p.evidence and p.word_count > 0}
        long_enough = answer.word_count() >= self.implied_min_words
        stated = self.stated if self.stated and asks(answer, self.practice) else []
        folded = _folded(answer, self.folded)
        for name in self.parts:
            if name in stated:
                continue  # "How do you handle pressure?" says what the answer had to achieve
            if name in folded:
                continue  # "**Problem:** ... **Action:** ... **Result:**": PAR has no Task to tell
            if name in self.implied and not answer.labelled and long_enough and told >= self.implied_needs - {name}:
                continue  # told in prose at length: the goal is read from the setting and the steps
            part = answer.parts.get(name)
            if part is not None and part.evidence and (part.word_count > 0 or _told_by_partner(answer, part)):
                continue
            if name in self.elsewhere and _told_elsewhere(answer, name, self.elsewhere[name]):
                continue  # "Situation: ... Mentored a junior engineer on the infrastructure": told, misfiled
            if part is not None and part.word_count > 0:
                how = "was not found"  # inferred, but nothing in its sentences tells it
            else:
                how = "is empty" if part is not None else ("was not found" if not answer.labelled else "is missing")
            block, start, end = anchor(answer, part)
            yield Finding(block, start, end, {"part": name.capitalize(), "how": how}, name)


def _told_elsewhere(answer: Answer, name: str, regexes) -> bool:
    """The part told under the others, where no sentence of its own tells it: a sentence
    the rule's regexes name ("I had to speak in the meeting"), or, in a labelled answer with
    no such label, the speaker's own step filed under another ("Situation: ... Mentored a
    junior engineer"). In prose the reading moved such steps into the Action already
    (`action_in_context`); a labelled part left empty ("A: ") is still empty."""
    own = answer.parts.get(name)
    if answer.labelled and own is not None:
        return False
    others = [p for n, p in answer.parts.items() if p is not None and n != name]
    return any((answer.labelled and tells_step(s.text)) or any(r.search(s.text) for r in regexes)
               for p in others for s in p.sentences)


def _told_by_partner(answer: Answer, part) -> bool:
    """A merged `(ST)` label gives Task the Situation's text."""
    partner = label_partner(answer, part)
    return partner is not None and partner.word_count > 0


def _folded(answer: Answer, folded: dict[str, set[str]]) -> set[str]:
    """The parts the answer's form folds into its setting: its Situation labelled "Problem"
    or "Cause" (PAR, CAR)."""
    situation = answer.parts.get("situation")
    if not folded or not answer.labelled or situation is None or situation.label is None:
        return set()
    label = situation.label
    word = label.block.text[label.start : label.end].strip(" \t*_:.-").lower()
    return {part for part, words in folded.items() if word in words}
