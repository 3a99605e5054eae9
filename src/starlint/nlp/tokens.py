"""Text and word counts of spans, computed once per Doc.

`Doc.text` and `Span.text` are rebuilt from every token on each access, and rules ask for
text and word counts many times per answer: a profile of 40 bank copies spent a third of its
time there (issue 6). The Doc's text is joined once and its words counted once as a prefix
sum, so every later question about a span is a slice or a subtraction.
"""

from __future__ import annotations

from itertools import accumulate
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_TEXT = "starlint_text"
_WORDS = "starlint_words_before"


def doc_text(doc: "Doc") -> str:
    """`doc.text`, joined once per Doc (spaCy rebuilds it from every token on each access)."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def remember_text(doc: "Doc", text: str) -> None:
    """Record the text a Doc was made from, so that `doc_text` never has to join it."""
    doc.user_data[_TEXT] = text


def span_text(span: "Span") -> str:
    """Same as `span.text`, sliced from the Doc's text instead of joined from its tokens."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def words_before(doc: "Doc") -> list[int]:
    """words_before[i]: tokens before token i that are neither punctuation nor space."""
    prefix = doc.user_data.get(_WORDS)
    if prefix is None:
        # read as one array, not token by token (a Token object each: 5% of a run)
        from spacy.attrs import IS_PUNCT, IS_SPACE

        flags = doc.to_array([IS_PUNCT, IS_SPACE]).reshape(-1, 2)
        prefix = doc.user_data[_WORDS] = [0, *accumulate(int(p | s) ^ 1 for p, s in flags.tolist())]
    return prefix


def span_words(span: "Span") -> int:
    """Tokens of the span that are neither punctuation nor space."""
    prefix = words_before(span.doc)
    return prefix[span.end] - prefix[span.start]
