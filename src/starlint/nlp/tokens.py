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
    """words_before[i]: words before token i, counted as a reader counts them: a token that
    is neither punctuation nor space and does not continue the word before it without a
    space ("don't", "it's", "near-real-time", "300-600" are one word each, not two or three)."""
    prefix = doc.user_data.get(_WORDS)
    if prefix is None:
        # read as one array, not token by token (a Token object each: 5% of a run)
        from spacy.attrs import IS_PUNCT, IS_SPACE, SPACY

        flags = doc.to_array([IS_PUNCT, IS_SPACE, SPACY]).reshape(-1, 3).tolist()
        counts = []
        in_word = False  # the text since the last space already holds a word
        for punct, space, spaced in flags:
            word = not (punct or space)
            counts.append(int(word and not in_word))
            in_word = (word or (punct and in_word)) and not spaced
        prefix = doc.user_data[_WORDS] = [0, *accumulate(counts)]
    return prefix


def span_words(span: "Span") -> int:
    """Words of the span, as a reader counts them (see `words_before`)."""
    prefix = words_before(span.doc)
    return prefix[span.end] - prefix[span.start]
