"""Every form of an English verb from its lemma, so that a rule can list lemmas ("improve")
and match "improves", "improved", "improving" without a lemmatizer.

spaCy's blank pipeline has no lemmas, and the lookup table that would give them is a 100 MB
package (shared/notes/nlp-facts.md); generating the few forms of a rule's own verbs is exact
for regular verbs and takes a table for the irregular ones a rule is likely to name.
"""

from __future__ import annotations

#: lemma -> (third person, past, past participle, present participle)
IRREGULAR: dict[str, tuple[str, str, str, str]] = {
    "speed": ("speeds", "sped", "sped", "speeding"),
    "cut": ("cuts", "cut", "cut", "cutting"),
    "grow": ("grows", "grew", "grown", "growing"),
    "make": ("makes", "made", "made", "making"),
    "build": ("builds", "built", "built", "building"),
    "bring": ("brings", "brought", "brought", "bringing"),
    "drive": ("drives", "drove", "driven", "driving"),
    "lead": ("leads", "led", "led", "leading"),
    "rise": ("rises", "rose", "risen", "rising"),
    "fall": ("falls", "fell", "fallen", "falling"),
    "go": ("goes", "went", "gone", "going"),
    "take": ("takes", "took", "taken", "taking"),
    "get": ("gets", "got", "gotten", "getting"),
    "do": ("does", "did", "done", "doing"),
    "have": ("has", "had", "had", "having"),
    "be": ("is", "was", "been", "being"),
    "shrink": ("shrinks", "shrank", "shrunk", "shrinking"),
    "slash": ("slashes", "slashed", "slashed", "slashing"),
}
_VOWELS = "aeiou"


def _doubles_final(verb: str) -> bool:
    """stop -> stopped: one syllable ending consonant-vowel-consonant (not w, x, y)."""
    if len(verb) < 3 or verb[-1] in "wxy" + _VOWELS:
        return False
    vowels = sum(1 for c in verb if c in _VOWELS)
    return vowels == 1 and verb[-2] in _VOWELS and verb[-3] not in _VOWELS


def verb_forms(lemma: str) -> list[str]:
    """The lemma and its inflections, lemma first ("improve" -> improve, improves, improved,
    improving)."""
    verb = lemma.lower()
    if verb in IRREGULAR:
        forms = IRREGULAR[verb]
    else:
        if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
            third = verb + "es"
        elif verb.endswith("y") and verb[-2:-1] not in _VOWELS:
            third = verb[:-1] + "ies"
        else:
            third = verb + "s"
        if verb.endswith("e"):
            past, ing = verb + "d", verb[:-1] + "ing"
        elif verb.endswith("y") and verb[-2:-1] not in _VOWELS:
            past, ing = verb[:-1] + "ied", verb + "ing"
        elif _doubles_final(verb):
            past, ing = verb + verb[-1] + "ed", verb + verb[-1] + "ing"
        else:
            past, ing = verb + "ed", verb + "ing"
        forms = (third, past, past, ing)
    return list(dict.fromkeys((verb, *forms)))


def phrase_forms(phrase: str) -> list[str]:
    """A lemma phrase with its first word inflected ("speed up" -> speeds up, sped up, ...)."""
    first, _, rest = phrase.strip().partition(" ")
    return [f"{form} {rest}".strip() for form in verb_forms(first)]
