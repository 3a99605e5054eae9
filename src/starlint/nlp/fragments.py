"""Notes written as fragments joined by " - " are read one sentence per fragment.

Some candidates draft in note form: "Had a deadline - Colleague didn't reply - Followed up in
person - Since then we book a slot", with few periods or none. The sentencizer sees one
sentence of a hundred words: the Situation's sentences cannot be counted, no part can be told
from the next, and `long-sentence` fires on what, spoken, is a run of short statements. A
paragraph with two or more such joins (a spaced hyphen or en dash before a capital) is read as
notes; a lone dash in prose ("I came prepared - I had read the RFC") stays a dash.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: The join: a spaced hyphen or en dash between a word and a capitalised fragment.
_JOIN = re.compile(r"(?<=\S) [-\u2013] (?=[A-Z])")
#: Fewer joins than this in one paragraph are dashes in a sentence, not notes.
MIN_JOINS = 2


def split_note_fragments(doc: "Doc", text: str) -> None:
    """Start a sentence at each fragment of a dash-joined note (the dash ends the one before)."""
    if " - " not in text and " \u2013 " not in text:
        return
    starts = [m.end() for m in _JOIN.finditer(text)]
    if len(starts) < MIN_JOINS:
        return
    for start in starts:
        span = doc.char_span(start, start + 1, alignment_mode="expand")
        if span is not None and len(span):
            doc[span.start].is_sent_start = True
