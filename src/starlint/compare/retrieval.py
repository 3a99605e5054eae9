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


#: Two answers tell the same story at this score or more. Measured with
#: benchmarks/similarity.py: the bank's answers against each other score at most 0.29 (0.21
#: with the bank as background), unrelated drafts at most 0.20, while a retelling of a bank
#: story scores 0.54-0.66 against it and 0.50 at the least as a pair (with the bank as
#: background); 0.40 sits in the gap, 0.10 from the nearest side.
SAME_STORY = 0.40


def pairwise(answers: list[Answer], background: list[Answer] = ()) -> list[tuple[int, int, float]]:
    """(i, j, score) for every pair of `answers` (i < j), score in [0, 1]: the lower of the
    two directions' BM25 scores, each divided by the query's score against itself. The
    `background` answers only weigh words (IDF): in a folder of two files every shared word
    would otherwise count for little."""
    import bm25s

    terms = [answer_terms(a) for a in answers]
    corpus = terms + [answer_terms(a) for a in background]
    if len(answers) < 2 or not any(terms):
        return []
    retriever = bm25s.BM25()
    retriever.index([t or ["_"] for t in corpus], show_progress=False)
    n = len(answers)
    scores = []
    for i, query in enumerate(terms):
        if not query:
            scores.append([0.0] * n)
            continue
        row = retriever.get_scores(query)
        self_score = float(row[i]) or 1.0
        scores.append([max(0.0, min(1.0, float(row[j]) / self_score)) for j in range(n)])
    return [(i, j, min(scores[i][j], scores[j][i])) for i in range(n) for j in range(i + 1, n)]
