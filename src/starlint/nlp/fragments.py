"""Notes written as fragments joined by " - " are read one sentence per fragment.

Some candidates draft in note form: "Had a deadline - Colleague didn't reply - Followed up in
person - since then we book a slot", with few periods or none. The sentencizer sees one
sentence of a hundred words: the Situation's sentences cannot be counted, no part can be told
from the next, the reader's story test sees one sentence where there are six, and
`long-sentence` fires on what, spoken, is a run of short statements. A paragraph with two or
more joins before a capital (a spaced hyphen or en dash) is read as notes, and then each of
its spaced dashes starts a fragment; a lone dash in prose ("I came prepared - I had read the
RFC") stays a dash. Plain regexes: the reader uses them before the NLP pipeline runs.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: A join: a spaced hyphen or en dash after a word.
_JOIN = re.compile(r"(?<=\S) [-\u2013] (?=\S)")
#: Fewer joins before a capital than this in one paragraph are dashes in a sentence, not notes.
MIN_JOINS = 2


def fragment_starts(text: str) -> list[int]:
    """Where each fragment after the first starts, if `text` is a dash-joined note; else []."""
    if " - " not in text and " \u2013 " not in text:
        return []
    starts = [m.end() for m in _JOIN.finditer(text)]
    if sum(text[s].isupper() for s in starts) < MIN_JOINS:
        return []
    return starts


#: A line of notes that opens with its own short label ("lesson learn: talk it through",
#: "identify problem: the GUI waits on the data thread"), after a line with no stop at its end.
_LABELLED_LINE = re.compile(r"(?<=[^\s.!?:;])[ \t]*\n[ \t]*(?=[A-Za-z][A-Za-z]*(?: [A-Za-z]+){0,2}[ \t]*:[ \t]+\S)")


def labelled_line_starts(text: str) -> list[int]:
    """Where each labelled line of notes starts, when the line before it has no stop."""
    if "\n" not in text or ":" not in text:
        return []  # most blocks: one line, or no label
    return [m.end() for m in _LABELLED_LINE.finditer(text)]


def split_note_fragments(doc: "Doc", text: str) -> None:
    """Start a sentence at each fragment of a dash-joined note (the dash ends the one before),
    and at each line of notes that opens with a label of its own."""
    for start in fragment_starts(text) + labelled_line_starts(text):
        span = doc.char_span(start, start + 1, alignment_mode="expand")
        if span is not None and len(span):
            doc[span.start].is_sent_start = True
