"""The question an answer replies to: its question line or heading, as text rules can match.

Several checks ask it of every answer ("How do you handle pressure?" asks for a practice, not
an event; "What would you do differently?" asks for the lesson), so it is worked out once per
title, here in the reader, below the kinds and the coaching that use it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from ..model import Answer, Block
from .answers import question_text
from .labels import clean_title
from .principles import principle_spans


def question_block(answer: Answer) -> Block | None:
    """The line that asks the answer's question: a question line, or else the heading."""
    return answer.question if answer.question is not None else answer.heading


def question_title(answer: Answer) -> str:
    """The question an answer replies to, without its marker, decoration and principle names."""
    asked = None
    if answer.question is not None and answer.question is not answer.heading:
        asked = question_text(answer.question) or answer.question.text
    return _question_title(answer.title, asked, bool(answer.principles))


@lru_cache(maxsize=4096)
def _question_title(title: str, asked: str | None, named: bool) -> str:
    titles = [title]  # the heading's text, or its question line's, cleaned
    if asked is not None and clean_title(asked) != title:  # a story under the heading that asks
        titles.append(asked)
    text = " / ".join(titles)
    if named:  # the reader found principle names in the heading (or front matter)
        for start, end in reversed(principle_spans(text)):
            text = text[:start] + " " + text[end:]
    return text


def asks(answer: Answer, regexes: Iterable) -> bool:
    """Whether any of the compiled regexes matches the question the answer replies to (an
    answer under no heading or question line asks nothing: a file's stem is no question)."""
    regexes = list(regexes)
    if not regexes or question_block(answer) is None:
        return False
    asked = question_title(answer)
    return any(r.search(asked) for r in regexes)
