"""Rank bank answers by how close their story is to a draft: BM25 over normalised word stems.

Why BM25 (bm25s, numpy only): about 3 ms a query with no model to ship; it fails only on
paraphrases that share no content words, and retellings of a story share its nouns (pipeline,
carrier, GDPR, Black Friday). Embedding models need torch or a shipped model (nlp-facts.md).
Scores are divided by the draft's score against itself, so they lie in [0, 1].
"""

from __future__ import annotations

import re

from ..model import Answer

_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ed", "es", "s", "ly")
_WORD = re.compile(r"[a-z][a-z0-9]+")


def stem(word: str) -> str:
    """A light suffix stripper: 'pipelines'/'pipeline', 'failed'/'failing'/'fails' meet."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word.rstrip("e") if len(word) > 4 else word


def answer_terms(answer: Answer) -> list[str]:
    """Content-word stems of an answer's title and text (stop words and numbers dropped)."""
    terms: list[str] = []
    for block in answer.blocks:
        if block.doc is None:
            continue
        for tok in block.doc:
            if tok.is_stop or tok.is_punct or tok.like_num:
                continue
            for word in _WORD.findall(tok.lower_):
                terms.append(stem(word))
    return terms


def rank(draft: Answer, candidates: list[Answer]) -> list[tuple[int, float]]:
    """(candidate index, score in [0, 1]) for every candidate, best first."""
    import bm25s

    corpus = [answer_terms(a) for a in candidates]
    query = answer_terms(draft)
    if not query or not candidates:
        return [(i, 0.0) for i in range(len(candidates))]
    retriever = bm25s.BM25()
    retriever.index([*corpus, query], show_progress=False)
    scores = retriever.get_scores(query)
    self_score = float(scores[-1]) or 1.0
    ranked = [(i, max(0.0, min(1.0, float(scores[i]) / self_score))) for i in range(len(candidates))]
    return sorted(ranked, key=lambda item: (-item[1], item[0]))
