"""Who acts in a sentence, and is it passive: from the trained parse where one is installed,
otherwise from token patterns (documented in the README, tested on both paths).

The trained pipeline sees only the sentences these questions are asked of, one at a time, and
its parses are cached by text; subject-less bullets ("Reduced runtime ...") are parsed with an
"I " prefix, which the trained models need to read them as verbs (nlp-facts.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..nlp.pipeline import trained_pipeline

#: (start, end) character offsets relative to the sentence text
CharRange = tuple[int, int]

_BE = {"am", "is", "are", "was", "were", "be", "been", "being", "get", "got", "gets", "gotten"}
_IRREGULAR_PARTICIPLES = {
    "built", "made", "done", "taken", "given", "written", "chosen", "found", "sent", "run", "set",
    "put", "held", "led", "brought", "kept", "known", "shown", "seen", "told", "paid", "caught",
    "thrown", "drawn", "driven", "begun", "spent", "cut", "split", "shipped", "broken", "rewritten",
    "undertaken", "overlooked", "approved",
}
#: participles that read as adjectives after "be" ("I was excited"): not passive
_ADJECTIVAL = {
    "interested", "excited", "worried", "concerned", "tired", "involved", "based", "located",
    "supposed", "used", "able", "required", "needed", "expected", "frustrated", "surprised",
    "pleased", "satisfied", "scheduled", "blocked", "aligned", "committed", "determined",
    "motivated", "overwhelmed", "confused", "understaffed", "qualified", "experienced", "limited",
    "focused", "dedicated", "responsible", "stuck", "done",
}
_PRONOUN_ACTORS = {"we", "us"}
_TEAM = re.compile(r"\b(our|the|my) (whole |entire )?team\b", re.IGNORECASE)
_VERBISH = re.compile(r"^([a-z]+ed|[a-z]+ied|built|made|took|decided|chose|went|ran|did|had|was|were|"
                      r"will|would|could|should|can|must|might|agreed|got|found|wrote|set|began|led|"
                      r"shipped|worked|spent|started|moved|created|rolled|put|kept)$", re.IGNORECASE)
_LEADING_VERB = re.compile(r"^[A-Z][a-z]+ed\b(?!:)|^(Built|Made|Took|Led|Ran|Set|Wrote|Chose|Drove|Found|Sent|Met|Got|Kept|Began|Held|Brought|Put|Cut|Split|Shipped|Rewrote|Dug|Gave|Taught)\b")


@dataclass(frozen=True)
class Actors:
    first_person: list[CharRange]  # "I" as subject (or the implied I of a subject-less bullet)
    plural: list[CharRange]  # "we" / "our team" as subject


#: Longer sentences are read by the rule-based fallback: the trained parser needs about 1 GB
#: per 100,000 characters (spaCy's E088), and such a "sentence" is a run-on paste anyway.
MAX_PARSE_CHARS = 5000


@lru_cache(maxsize=4096)
def _parse(text: str):
    nlp = trained_pipeline()
    if nlp is None or len(text) > MAX_PARSE_CHARS:
        return None
    return _parsed.pop(text, None) or nlp(text)


_SUB_LABEL = re.compile(r"^[A-Z][\w /&-]{0,30}:\s+")


def parse_many(texts: list[str]) -> None:
    """Parse many sentences in one `nlp.pipe` call, filling the cache the rules read from.
    Callers pass only the sentences their question needs the parser for (`plural_candidate`,
    `passive_candidate`): most sentences are neither, so a short answer often never loads
    the trained pipeline at all."""
    texts = [t for t in texts if t and t not in _parsed and len(t) <= MAX_PARSE_CHARS]
    if not texts:
        return
    nlp = trained_pipeline()
    if nlp is None:
        return
    todo = list(dict.fromkeys(texts))
    for text, doc in zip(todo, nlp.pipe(todo, batch_size=128)):
        _parsed[text] = doc


#: docs parsed in a batch, waiting to be read (once) through `_parse`
_parsed: dict[str, object] = {}


def _implied_first_person(text: str) -> bool:
    """A subject-less step ("Reduced runtime ...", "Fix: Changed the join"): the I is implied."""
    text = _SUB_LABEL.sub("", text.lstrip(), count=1)
    return bool(_LEADING_VERB.match(text))


_PLURAL_CANDIDATE = re.compile(r"\b(we|we'd|we'll|we've|we're|us|team)\b", re.IGNORECASE)


def plural_candidate(text: str) -> bool:
    """A "we"/"team" whose role the parse settles; without one there is no plural actor."""
    return bool(_PLURAL_CANDIDATE.search(text))


def passive_candidate(text: str) -> bool:
    """A be + participle the parse confirms as passive (or not); without one, no passive."""
    return bool(_passives_fallback(text))


def actors(text: str) -> Actors:
    """Subjects of a sentence: first person singular, and "we"/"our team"."""
    if not plural_candidate(text):
        return _actors_fallback(text)  # no plural actor possible: no parse needed
    doc = _parse(text) if trained_pipeline() is not None else None
    if doc is not None:
        first, plural = [], []
        for tok in doc:
            if not tok.dep_.startswith("nsubj"):
                continue
            lower = tok.lower_
            if lower == "i":
                first.append((tok.idx, tok.idx + len(tok)))
            elif lower in _PRONOUN_ACTORS:
                plural.append((tok.idx, tok.idx + len(tok)))
            elif lower == "team" and any(c.lower_ in ("our", "the", "my") for c in tok.children):
                left = min(c.idx for c in tok.children if c.lower_ in ("our", "the", "my"))
                plural.append((left, tok.idx + len(tok)))
        if not first and _implied_first_person(text):
            first.append((0, 0))
        return Actors(first, plural)
    return _actors_fallback(text)


_WORD = re.compile(r"[A-Za-z']+")


def _actors_fallback(text: str) -> Actors:
    first: list[CharRange] = []
    plural: list[CharRange] = []
    words = list(_WORD.finditer(text))
    for i, match in enumerate(words):
        word = match.group(0)
        if word in ("I", "I'd", "I'll", "I've", "I'm"):
            first.append(match.span())
        elif word.lower() in ("we", "we'd", "we'll", "we've", "we're"):
            prev = words[i - 1].group(0).lower() if i else ""
            if prev not in ("than", "as", "like"):  # "faster than we expected": not the actor
                plural.append(match.span())
    for match in _TEAM.finditer(text):
        rest = _WORD.findall(text[match.end() : match.end() + 40])
        nxt = rest[0] if rest else ""
        if nxt.lower() in ("and", "then", "also", "quickly", "finally", "eventually"):
            nxt = rest[1] if len(rest) > 1 else ""
        if nxt and _VERBISH.match(nxt) and not text[: match.start()].rstrip().lower().endswith(
            ("with", "to", "for", "from", "helped", "told", "asked", "of", "and")
        ):
            plural.append(match.span())
    if not first and _implied_first_person(text):
        first.append((0, 0))
    return Actors(first, plural)


def passives(text: str) -> list[CharRange]:
    """Passive constructions ("was deployed", "a decision was made") in a sentence."""
    candidates = _passives_fallback(text)
    if not candidates:
        return []  # no "be" + participle: nothing for the parser to confirm
    doc = _parse(text) if trained_pipeline() is not None else None
    if doc is not None:
        found = []
        for tok in doc:
            if tok.dep_ == "auxpass":
                head = tok.head
                start = min(tok.idx, head.idx)
                end = max(tok.idx + len(tok), head.idx + len(head))
                if head.lower_ not in _ADJECTIVAL:
                    found.append((start, end))
        return found
    return candidates


def _passives_fallback(text: str) -> list[CharRange]:
    found = []
    words = list(_WORD.finditer(text))
    for i, match in enumerate(words[:-1]):
        if match.group(0).lower() not in _BE:
            continue
        j = i + 1
        if words[j].group(0).lower().endswith("ly") or words[j].group(0).lower() in ("not", "also", "then", "all", "never"):
            j += 1
        if j >= len(words):
            continue
        participle = words[j].group(0).lower()
        if text[words[j - 1].end() : words[j].start()].strip():
            continue  # "was 80% utilized": something stands between, not a verb group
        if participle in _ADJECTIVAL:
            continue
        if participle.endswith("ed") or participle in _IRREGULAR_PARTICIPLES:
            if participle in ("need", "used"):
                continue
            found.append((match.start(), words[j].end()))
    return found
