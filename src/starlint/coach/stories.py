"""Story bank health: which principles each story counts for, the same story told twice,
stories stretched over many principles, principles with too few distinct stories.

A story counts for a principle when its heading or front matter names it, an enclosing
section names it, or its heading asks a question that tests the principle and the story
answers it (question types, rules/questions.yaml). Only a story none of those credit is
credited from its signals alone ("detected"), and then only for the one or two principles
it shows most: a signal word or two ("decided", a figure) is in nearly every story.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Answer
from .questions import QuestionTypes, asked_types, missing_signals

#: Bank Tips 1: "PREPARE 2-3 STORIES per Leadership Principle".
MIN_STORIES = 2
#: A story credited to more principles than this is spread thin (an interviewer who hears it
#: under four principles hears one story, not four).
MAX_PRINCIPLES = 3
#: Signals alone credit a principle only with this many matches, and at most this many principles.
DETECT_MIN_MATCHES = 3
DETECT_MAX = 2


@dataclass
class Credit:
    principle: str
    how: str  # "named", "section", "asked" or "detected"
    question: str | None = None  # the question type, for "asked"


@dataclass
class Story:
    answer: Answer
    credits: list[Credit] = field(default_factory=list)
    group: int = 0  # stories with the same group tell the same story

    @property
    def principles(self) -> list[str]:
        return list(dict.fromkeys(c.principle for c in self.credits))

    def place(self) -> dict:
        return {"path": self.answer.source.path, "line": self.answer.line, "title": self.answer.title}


def credits(answer: Answer, types: QuestionTypes) -> list[Credit]:
    from ..kinds.principle import signal_matches
    from ..reading.principles import load_principles

    out = [Credit(p, "named") for p in answer.principles]
    out += [Credit(p, "section") for p in answer.section_principles if p not in answer.principles]
    for qtype in asked_types(answer, types):
        # the question's first principle is the one it tests; a story that does not answer it
        # is not credited for it
        if qtype.principles and not missing_signals(answer, qtype):
            out.append(Credit(qtype.principles[0], "asked", qtype.id))
    if not out:
        strength = sorted(((len(signal_matches(answer, name)), name) for name in load_principles()), reverse=True)
        out = [Credit(name, "detected") for n, name in strength[:DETECT_MAX] if n >= DETECT_MIN_MATCHES]
    return out


def group_same_stories(stories: list[Story], background: list[Answer]) -> list[dict]:
    """Give stories that tell the same story one group; return each pair found, as places
    and their similarity (compare's BM25, threshold SAME_STORY)."""
    from ..compare.retrieval import SAME_STORY, pairwise

    parent = list(range(len(stories)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    pairs = []
    for i, j, score in pairwise([s.answer for s in stories], background):
        if score >= SAME_STORY:
            parent[root(j)] = root(i)
            pairs.append({"similarity": round(score, 2), "stories": [stories[i].place(), stories[j].place()]})
    for i, story in enumerate(stories):
        story.group = root(i)
    return pairs
