"""Who acts in a sentence, and is it passive: from the trained parse where one is installed,
otherwise from token patterns (documented in the README, tested on both paths).

The trained pipeline sees only the sentences these questions are asked of, one at a time, and
its parses are cached by text; subject-less bullets ("Reduced runtime ...") are parsed with an
"I " prefix, which the trained models need to read them as verbs (nlp-facts.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from collections import OrderedDict

from ..nlp.pipeline import trained_pipeline
from ..reading.story import _IMPLIED_STEP, EVENT, IRREGULAR_PAST

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
    # "This was also coupled with leading by example": one thing went with another
    "coupled", "accompanied",
}
#: a passive told of the time before the story: "The page was originally built with Backbone"
#: is the thing's history, not the speaker's act hidden
_HISTORY = frozenset({"originally", "previously", "formerly"})
_LEADING_VERB = re.compile(r"^[A-Z][a-z]+ed\b(?!:)|^(Built|Made|Took|Led|Ran|Set|Wrote|Chose|Drove|Found|Sent|Met|Got|Kept|Began|Held|Brought|Put|Cut|Split|Shipped|Rewrote|Dug|Gave|Taught)\b")

#: "-ed" words that open a note as adjectives of what follows ("Limited budget", "Frustrated
#: customers"), not as the speaker's step
_ED_ADJECTIVES = frozenset({"limited", "unexpected", "experienced", "skilled", "talented", "dedicated", "mixed",
                            "frustrated", "concerned", "worried", "stressed", "overwhelmed", "tired", "excited",
                            "interested", "surprised", "confused", "motivated", "inherited", "outdated",
                            "complicated", "detailed", "advanced", "unrelated"})

#: a gerund that is the subject of "is"/"was" ("Finding someone ... is a tall order")
_GERUND_SUBJECT = re.compile(r"^[A-Z][a-z]+ing\b[^;:.]{0,150}?\b(is|was|are|were|isn't|wasn't|seems|seemed|takes|took)\b")


#: a verb's tense from its form, for the kinds that weigh a clause's time (habitual: a story
#: told in the present; actor: "after we finish ..." says when, not what was done)
_PAST_FORMS = frozenset(IRREGULAR_PAST.split("|")) | {"did", "had", "was", "were", "could", "couldn't"}
_PRESENT_FORMS = frozenset({"am", "is", "are", "have", "has", "do", "does", "'m", "\u2019m"})


#: bare verbs that end in "ed": "if I need to", "we proceed", "I embed it"
_BARE_ED = frozenset({"need", "feed", "proceed", "succeed", "exceed", "speed", "bleed", "breed", "seed", "heed",
                      "weed", "embed", "shed", "shred", "wed", "bed"})


def tense(verb: str) -> str | None:
    """'past', 'present' or None (no verb, or a form that says neither: "set", "put")."""
    if not verb:
        return None
    if verb in _PAST_FORMS or (verb.endswith("ed") and verb not in _BARE_ED):
        return "past"
    if verb in _PRESENT_FORMS or verb.endswith("s") or verb.isalpha():
        return "present" if verb not in ("set", "put", "cut", "let", "read", "hit", "quit", "split", "shut") else None
    return None


@dataclass(frozen=True)
class Subject:
    """Who does what in a clause: the subject's words, and what the rules ask of its verb."""

    start: int  # the subject's words ("we", "our team"), relative to the sentence
    end: int
    verb: str  # the verb it governs, lower case ("" when none was found: a bullet's implied I)
    modal: bool = False  # "we could ...", "we'll ...": ability or intention, not a deed
    subordinate: bool = False  # in a clause opened by "when", "so that", "after", ...
    negated: bool = False  # "we didn't test it", "we never told them": no deed was done
    relative: bool = False  # in a clause that tells which thing: "the model we came up with"


@dataclass(frozen=True)
class Actors:
    first_person: list[Subject]  # "I" as subject (or the implied I of a subject-less bullet)
    plural: list[Subject]  # "we" / "our team" / "my team" as subject


#: Longer sentences are read by the rule-based fallback: the trained parser needs about 1 GB
#: per 100,000 characters (spaCy's E088), and such a "sentence" is a run-on paste anyway.
MAX_PARSE_CHARS = 5000


def _without_tensor(doc):
    """The parse alone: the rules read labels and heads, never tok2vec's output, and
    `doc.tensor` is a view of its whole batch's array (~430 KiB for 128 sentences), which
    a cached Doc would otherwise keep alive."""
    import numpy

    doc.tensor = numpy.zeros((0,), dtype="float32")  # what a Doc without one holds
    return doc


#: parses by sentence text, most recently used last: the same sentence comes back on every
#: re-lint of an editor's document and in every copy of a story, and is parsed once
_DOCS: "OrderedDict[str, object]" = OrderedDict()
PARSE_CACHE_SIZE = 4096


def _remember(text: str, doc) -> None:
    _DOCS[text] = doc
    _DOCS.move_to_end(text)
    while len(_DOCS) > PARSE_CACHE_SIZE:
        _DOCS.popitem(last=False)


def clear_parse_cache() -> None:
    """Forget every parse (tests switch pipelines)."""
    _DOCS.clear()


def _parse(text: str):
    doc = _DOCS.get(text)
    if doc is not None:
        _DOCS.move_to_end(text)
        return doc
    nlp = trained_pipeline()
    if nlp is None or len(text) > MAX_PARSE_CHARS:
        return None
    doc = _without_tensor(nlp(text))
    _remember(text, doc)
    return doc


#: a list item's own label: "Fix: Changed the join", "Tech: Got to know the code base"
SUB_LABEL = re.compile(r"^[A-Z][\w /&-]{0,30}:\s+")


def parse_many(texts: list[str]) -> None:
    """Parse many sentences in one `nlp.pipe` call, filling the cache the rules read from.
    Callers pass only the sentences their question needs the parser for (`plural_candidate`,
    `passive_candidate`): most sentences are neither, so a short answer often never loads
    the trained pipeline at all. Sentences parsed before are not parsed again."""
    todo = [t for t in dict.fromkeys(texts) if t and t not in _DOCS and len(t) <= MAX_PARSE_CHARS]
    if not todo:
        return
    nlp = trained_pipeline()
    if nlp is None:
        return
    for text, doc in zip(todo, nlp.pipe(todo, batch_size=128)):
        _remember(text, _without_tensor(doc))


#: Verbs a candidate's note-style steps open with, in any form ("Check the slow query log",
#: "Re-ran the query", "Informing stakeholders"): the speaker's I is implied.
STEP_VERBS = (
    "add agree align analyze analyse ask automate avoid break build change check clean collect communicate compare "
    "configure confirm coordinate create debug decide delegate deliver deploy design discuss document escalate "
    "estimate evaluate explain find fix focus gather identify implement inform install investigate learn list "
    "measure meet merge migrate monitor move negotiate optimize organize pair plan prepare present prioritize "
    "profile propose prototype provide rank read rebuild refactor release remove replace reproduce re-run rerun "
    "research review rewrite roll run schedule set share ship simplify split study suggest talk test trace "
    "train update upgrade validate verify write"
).split()


def _step_forms() -> frozenset[str]:
    from ..nlp.inflect import verb_forms

    return frozenset(form for verb in STEP_VERBS for form in verb_forms(verb))


_STEP_FORMS = _step_forms()


def _implied_first_person(text: str) -> bool:
    """A subject-less step ("Reduced runtime ...", "Fix: Changed the join", "Check the slow
    query log"): the I is implied."""
    text = SUB_LABEL.sub("", text.lstrip(" \t\n-*+>"), count=1)
    if _GERUND_SUBJECT.match(text):
        return False  # "Finding someone to do docs is a tall order": a thing, not a step
    if text.split(" ", 1)[0].lower() in _ED_ADJECTIVES:
        return False  # "Limited budget, tight deadline": the setting, not a step
    # a note typed in lower case is a step all the same: "- dropped the cache, sent raw frames"
    if _LEADING_VERB.match(text[:1].upper() + text[1:]):
        return True
    first = text.split(" ", 1)[0].strip(",.;:").lower()
    return first in _STEP_FORMS and text[:1].isupper()


_PLURAL_CANDIDATE = re.compile(r"\b(we|we'd|we'll|we've|we're|us|team)\b", re.IGNORECASE)


def plural_candidate(text: str) -> bool:
    """A "we"/"team" whose role the parse settles; without one there is no plural actor."""
    return bool(_PLURAL_CANDIDATE.search(text))


def passive_candidate(text: str) -> bool:
    """A be + participle the parse confirms as passive (or not); without one, no passive."""
    return bool(_passives_fallback(text))


MODALS = {"can", "could", "would", "should", "will", "shall", "may", "might", "must", "'d", "'ll",
          "\u2019d", "\u2019ll", "wo", "ca"}
#: words between a subject and its verb that are not the verb ("we also moved", "we all agreed")
_SKIP = {"also", "then", "quickly", "all", "both", "finally", "eventually", "immediately", "jointly",
         "together", "collectively", "just", "first", "only", "really", "still", "now", "soon", "later",
         "successfully", "ultimately", "actually", "further", "each", "even", "never", "not", "always",
         "usually", "often", "initially", "subsequently", "instead", "again", "mostly", "largely", "already"}
#: asides between a subject and its verb: "we, on the other hand, were running on tiny VMs"
_ASIDES = (("on", "the", "other", "hand"), ("in", "turn"), ("in", "fact"), ("by", "contrast"), ("of", "course"),
           ("for", "our", "part"), ("as", "a", "team"), ("for", "example"), ("for", "instance"))
_SUBORDINATORS = {"when", "after", "before", "once", "while", "until", "till", "as", "if", "because",
                  "since", "so", "that", "whenever", "unless", "though", "although", "where", "whether",
                  "why", "what", "how", "which", "who",
                  # "it happened again and again even we wrote down the rule": "even (though)"
                  "even"}
_TEAM_OWNERS = ("our", "my")
#: finite "be" before a verb: what a subject is doing in "we were given", "we are trading"
_BE_FINITE = {"am", "is", "are", "was", "were", "'m", "'re", "\u2019m", "\u2019re"}
#: the parser's contracted "be" spelled out, as the pattern path names the verb
_FULL_BE = {"'m": "am", "'re": "are", "\u2019m": "am", "\u2019re": "are"}


#: "Our research led us to rebuild the index": "us" is who did it, the cause only its reason
_LED_US = re.compile(r"\b(?:led|drove|pushed|prompted|got|caused|motivated|inspired)\s+(us)\s+to\s+([a-z]+)\b",
                     re.IGNORECASE)


def _led_us(text: str) -> list[Subject]:
    return [Subject(m.start(1), m.end(1), m.group(2).lower()) for m in _LED_US.finditer(text)]


def actors(text: str) -> Actors:
    """Subjects of a sentence and their verbs: first person singular, and "we"/"our team"."""
    if not plural_candidate(text):
        return _actors_fallback(text)  # no plural actor possible: no parse needed
    doc = _parse(text) if trained_pipeline() is not None else None
    if doc is None:
        return _actors_fallback(text)
    first: list[Subject] = []
    plural: list[Subject] = []
    for tok in doc:
        if not tok.dep_.startswith("nsubj"):
            continue
        head = tok.head
        verb = head.lower_ if head is not tok else ""
        # "we were given", "we are trading ...": a "be" before the verb is what the subject
        # is doing, as the pattern path reads it (a state, a passive, a quoted plan)
        be = next((c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass") and c.lower_ in _BE_FINITE
                   and c.i < head.i), None)
        if be is not None:
            verb = _FULL_BE.get(be, be)  # "we're trying": "are", as the pattern path reads it
        # "if we can 10 securities": with the main verb left out, the modal heads the clause
        modal = head.lower_ in MODALS or any(c.dep_ == "aux" and c.lower_ in MODALS for c in head.children)
        # (or opened by a word the pattern path reads as one: "they don't care how we do it",
        # parsed as a complement)
        before = doc[tok.i - 1] if tok.i else None
        subordinate = head.dep_ in ("advcl", "relcl", "acl") or (
            tok.lower_ == "we" and before is not None and before.whitespace_ and before.lower_ in _SUBORDINATORS)
        negated = any(c.dep_ == "neg" for c in head.children)
        lower = tok.lower_
        if lower == "i":
            first.append(Subject(tok.idx, tok.idx + len(tok), verb, modal, subordinate, negated))
        elif lower == "we":
            plural.append(Subject(tok.idx, tok.idx + len(tok), verb, modal, subordinate, negated,
                                  head.dep_ == "relcl"))
        elif lower == "team":
            owners = [c for c in tok.children if c.lower_ in _TEAM_OWNERS and c.dep_ in ("poss", "det")]
            # "the marketing team", "the team": somebody else, or too vague to be a hidden "I"
            others = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.lower_ not in ("whole", "entire")]
            if owners and not others:
                plural.append(Subject(min(c.idx for c in owners), tok.idx + len(tok), verb, modal, subordinate,
                                      negated))
    plural.extend(_led_us(text))
    if not first and _implied_first_person(text):
        first.append(Subject(0, 0, ""))
    return Actors(first, plural)


_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019]*")
_WE = {"we", "we'd", "we'll", "we've", "we're", "we\u2019d", "we\u2019ll", "we\u2019ve", "we\u2019re"}
_I = {"I", "I'd", "I'll", "I've", "I'm", "I\u2019d", "I\u2019ll", "I\u2019ve", "I\u2019m"}
#: ("my team's documentation" is the team's thing, not the team acting; "my team mate" and
#: "our team lead" are one person)
#: (not "my team's", "our team mates", "our team lead", "our team members helped me": others)
_TEAM_SUBJECT = re.compile(r"\b(our|my) (whole |entire )?team\b(?!['\u2019]s\b|[ -]?mates?\b|[ -]leads?\b|[ -]members?\b)",
                           re.IGNORECASE)


#: words after which "my team" / "our team" opens a clause as its subject ("Then our team
#: rebuilt it", "so my team shipped"); after any other word it is an object ("motivate my team")
_TEAM_CLAUSE_OPENERS = {"so", "then", "but", "because", "when", "while", "after", "before", "that", "where", "which",
                        "as", "since", "once", "if", "until", "also", "finally", "eventually", "later", "soon", "now",
                        "together", "meanwhile", "thus", "therefore", "hence", "however", "first", "next",
                        "afterwards", "afterward", "initially", "quickly", "immediately", "instead", "whereas",
                        "though", "although", "yet", "or", "nor"}
_LY_VERBS = {"apply", "rely", "reply", "supply", "multiply", "fly", "ally", "tally", "rally", "bully"}
_HAVE = {"have", "has", "had", "'ve", "\u2019ve"}
_DO = {"do", "does", "did", "don't", "didn't", "doesn't", "don\u2019t", "didn\u2019t", "doesn\u2019t"}
#: negations typed without their apostrophe, as drafts do: "we havent failed over" (and
#: "cannot", one word)
_BARE_NEGATIONS = {"dont", "didnt", "doesnt", "havent", "hasnt", "hadnt", "wasnt", "werent", "isnt", "arent",
                   "couldnt", "wouldnt", "shouldnt", "cant", "wont", "mustnt", "cannot"}
_BARE_MODAL_NEGATIONS = {"couldnt", "wouldnt", "shouldnt", "cant", "wont", "mustnt", "cannot"}


def _participle(word: str) -> bool:
    return word.endswith(("ed", "en")) or word in _IRREGULAR_PARTICIPLES


def _subject_at(words: list, i: int, end: int, text: str, contraction: str) -> Subject:
    """The verb after words[i] (past adverbs and auxiliaries), whether a modal stands before
    it, and whether a subordinating word ("when", "so that") opens the subject's clause."""
    modal = contraction in ("d", "ll")
    verb = {"re": "are", "m": "am"}.get(contraction, "")
    have = contraction == "ve"
    negated = False
    j = i + 1
    after_aside = ""  # the gap that opened an aside just stepped over
    while not verb and j < len(words):
        gap = text[words[j - 1].end() : words[j].start()].strip()
        aside = next((a for a in _ASIDES if tuple(w.group(0).lower() for w in words[j : j + len(a)]) == a), None)
        if aside is not None and j + len(aside) < len(words) and gap in ("", ","):
            j += len(aside)  # "we on the other hand were running", "we, in turn, shipped"
            after_aside = gap or " "
            continue
        if gap and not (after_aside and gap == after_aside.strip()):
            break  # punctuation between: the clause ended ("we, in turn, shipped": the aside's own commas)
        after_aside = ""
        word = words[j].group(0).lower()
        following = words[j + 1].group(0).lower() if j + 1 < len(words) else ""
        # "couldn't", "could've", "won't": the modal with its ending
        bare = re.split(r"n['\u2019]t$|['\u2019](ve|d|ll)$", word)[0]
        if word in _BARE_NEGATIONS and following:
            negated = True  # "we havent failed over": the verb is "failed"
            modal = modal or word in _BARE_MODAL_NEGATIONS
            j += 1
            continue
        if word == "no" and following == "longer":
            negated = True  # "we no longer needed the pool": what stopped, not a deed done
            j += 2
            continue
        if word in ("not", "never") or word.endswith(("n't", "n\u2019t")):
            negated = True
        if bare in MODALS or bare in ("can", "ca", "wo", "could", "would", "should", "must", "might", "ought"):
            modal = True
        elif word in MODALS:
            modal = True
        elif word in _DO and following and following not in ("a", "an", "the", "it", "this", "that"):
            pass  # "we did not test": the verb is "test"
        elif word in _HAVE and _participle(following):
            have = True  # "we have shipped": the verb is "shipped"
        elif word not in _SKIP and not (word.endswith("ly") and word not in _LY_VERBS and following):
            verb = word  # past adverbs: "I actively readjust"
        j += 1
    if not verb and have:
        verb = "have"
    subordinate = _relative_without_that(words, i, text)
    # (a clause joined by "and" is its own, whatever noun stands before the "and")
    relative = subordinate and words[i - 1].group(0).lower() not in _JOINING
    for k in range(i - 1, max(-1, i - 3), -1):
        if words[k].group(0).lower() in _SUBORDINATORS:
            subordinate = True
            break
        if text[words[k].end() : words[k + 1].start()].strip():
            break
    return Subject(words[i].start(), end, verb, modal, subordinate, negated, relative)


_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "every", "each", "any", "some", "his", "her",
                "their", "its", "my", "our", "your", "which", "what"}
#: nouns after which "we" opens a clause of its own: a time or an occasion ("That week we
#: shipped", "In the end we ..."), or a person told something ("I told the team we would ...")
_NOT_RELATIVE = {"week", "weeks", "month", "months", "year", "years", "day", "days", "morning", "afternoon",
                 "evening", "night", "quarter", "sprint", "summer", "winter", "spring", "fall", "autumn", "semester",
                 "weekend", "point", "moment", "stage", "end", "beginning", "meantime", "past", "future", "time",
                 "process", "meeting", "meetings", "review", "call", "standup", "interim",
                 "team", "teams", "client", "clients", "customer", "customers", "manager", "managers", "boss", "lead", "leads", "stakeholder", "stakeholders", "user", "users",
                 "engineer", "engineers", "developer", "developers", "colleague", "colleagues", "partner", "partners",
                 "director", "people", "everyone", "group", "company", "org", "organization", "way", "reason"}


#: words that join a clause of its own, not a noun the "we" could describe: "we pair programmed
#: on the riskiest changes and we documented every workaround"
_JOINING = {"and", "or", "but", "so", "then", "yet", "nor", "plus", "also"}


def _relative_without_that(words: list, i: int, text: str) -> bool:
    """ "the credit we deserve", "the suggestions we provide": a noun phrase right before the
    "we" (a determiner, a word or two, the noun, no punctuation between) makes it a relative
    clause with its "that" left out; the deed, if any, is told by the clause around it."""
    if i < 2:
        return False
    noun = words[i - 1].group(0).lower()
    if noun in _NOT_RELATIVE or noun in _SKIP or noun in _SUBORDINATORS or noun in _DETERMINERS \
            or noun.endswith("ly") or not noun.isalpha() or text[words[i - 1].end() : words[i].start()].strip():
        return False
    for k in range(i - 2, max(-1, i - 5), -1):
        if text[words[k].end() : words[k + 1].start()].strip():
            return False  # punctuation between: a new clause ("After the review, we ...")
        if words[k].group(0).lower() in _DETERMINERS:
            return True
    return False


def actors_by_pattern(text: str) -> Actors:
    """Subjects and verbs from token patterns only: cheap enough for every sentence of an
    unlabelled answer, where the parts are not yet known."""
    return _actors_fallback(text)


#: "had" is weighed with its subject: "we had a release", not "I haven't had that happen"
_NOT_EVENT = {"had"}


#: a "was" inside what is asked or looked into, not told: "I analyze why the estimate was
#: off", "I check whether the alert was real"
_INDIRECT_QUESTION = re.compile(r"\b(why|what|how|whether|where|if)\b[^,.;:!?]{0,40}?\b(was|were|had|did)\b", re.IGNORECASE)


_WH_BEFORE = re.compile(r"\b(why|what|how|whether)\s*$", re.IGNORECASE)


def tells_event(text: str) -> bool:
    """Whether a sentence tells something that happened: a verb in the past, not negated nor
    modal ("I rewrote", "our team had"), a step bullet told in the past ("Migrated the
    jobs"; "Check the logs" may be advice), a dated clause ("there was one time")."""
    events = [m for m in EVENT.finditer(text) if m.group(0).lower() not in _NOT_EVENT]
    if events:  # (what is asked is looked for only where an event word is)
        asked = [m.span() for m in _INDIRECT_QUESTION.finditer(text)]
        if any(not any(a <= m.start() < b for a, b in asked) for m in events):
            return True
    who = _actors_fallback(text)
    for subject in who.first_person + who.plural:
        if subject.end == 0:  # the implied I of a step bullet
            step = SUB_LABEL.sub("", text.lstrip(" \t\n-*+>"), count=1)
            if _IMPLIED_STEP.match(step[:1].upper() + step[1:]):
                return True
        elif not subject.negated and not subject.modal and tense(subject.verb) == "past" \
                and not _WH_BEFORE.search(text[: subject.start]) \
                and not (subject.verb in _SAME_IN_PRESENT and _CONDITION_OPENED.search(text[: subject.start])):
            return True  # (not "a revised estimate based on what I've learned")
    return False


#: past forms spelled as the present: after "if" they tell a condition of the work ("if we
#: hit a technical wall, we pivot"), not an event
_SAME_IN_PRESENT = frozenset({"hit", "cut", "let", "put", "quit", "read", "set", "shed", "shut", "split", "spread"})
_CONDITION_OPENED = re.compile(r"\b(if|when|whenever|unless|once|every time)\s*$", re.IGNORECASE)


def _typed_lower_i(word: str, text: str, end: int) -> bool:
    """A note typed in lower case has its speaker all the same: "i solved it by adding
    checks", "i identified the pain point" (the parser reads them so); not "i.e." or "(i)"."""
    if word[:1] != "i" or word[:1].upper() + word[1:] not in _I:
        return False
    return text[end : end + 1] not in (".", ")")


def _actors_fallback(text: str) -> Actors:
    first: list[Subject] = []
    plural: list[Subject] = []
    words = list(_WORD.finditer(text))
    for i, match in enumerate(words):
        word = match.group(0)
        contraction = word.split("'")[-1].split("\u2019")[-1].lower() if ("'" in word or "\u2019" in word) else ""
        if word in _I or _typed_lower_i(word, text, match.end()):
            first.append(_subject_at(words, i, match.end(), text, contraction))
        elif word.lower() in _WE:
            prev = words[i - 1].group(0).lower() if i else ""
            if prev not in ("than", "as", "like"):  # "faster than we expected": not the actor
                plural.append(_subject_at(words, i, match.end(), text, contraction))
    for match in _TEAM_SUBJECT.finditer(text):
        before = _WORD.findall(text[max(0, match.start() - 30) : match.start()])
        gap = text[: match.start()].rstrip()
        if before and gap.endswith(before[-1]) and before[-1].lower() not in _TEAM_CLAUSE_OPENERS:
            continue  # "I told my team", "for our team", "unable to motivate my team": an object, not the subject
        index = next((n for n, w in enumerate(words) if w.start() >= match.end()), len(words)) - 1
        rest = _WORD.findall(text[match.end() : match.end() + 40])
        if rest and rest[0].lower() == "and":
            continue  # "my team and I": the speaker is in it
        subject = _subject_at(words, index, match.end(), text, "")
        plural.append(Subject(match.start(), match.end(), subject.verb, subject.modal, subject.subordinate,
                              subject.negated))
    plural.extend(_led_us(text))
    if not first and _implied_first_person(text):
        first.append(Subject(0, 0, ""))
    return Actors(first, plural)


#: the forms of "be"/"get" that tell a past act: "is broken", "is applied" state how
#: things are, and "will be deployed" is a plan; neither hides what the speaker did
_PAST_BE = {"was", "were", "been", "got", "gotten"}
#: a person as the passive's subject is named, not hidden: "I was tasked", "we were told"
_PERSONS = {"i", "we", "he", "she", "they", "you"}


def passives(text: str) -> list[CharRange]:
    """Passives that hide the speaker's past act ("the fix was deployed", "a decision was
    made"): in a main clause, with no "by" actor, told in the past, of a thing, not a person."""
    candidates = _passives_fallback(text)
    if not candidates:
        return []  # no "be" + participle: nothing for the parser to confirm
    doc = _parse(text) if trained_pipeline() is not None else None
    if doc is not None:
        found = []
        for tok in doc:
            if tok.dep_ == "auxpass" and tok.lower_ in _PAST_BE:
                head = tok.head
                if head.lower_ in _ADJECTIVAL or not _main_clause(head):
                    continue
                if any(c.dep_ == "agent" or c.lower_ in _HISTORY for c in head.children):
                    continue  # "was approved by the VP": the actor is named; "was originally built"
                if any((c.dep_ == "nsubjpass" and c.lower_ in _PERSONS) or (c.dep_ == "aux" and c.lower_ in MODALS)
                       for c in head.children):
                    continue
                start = min(tok.idx, head.idx)
                end = max(tok.idx + len(tok), head.idx + len(head))
                found.append((start, end))
        return found
    return [(a, b) for a, b in candidates if _hides_a_past_act(text, a)]


def _hides_a_past_act(text: str, start: int) -> bool:
    """The pattern path's reading of a candidate at `start` (its "be" word)."""
    be = _WORD.match(text, start)
    if be is None or be.group(0).lower() not in _PAST_BE:
        return False
    before = [w.group(0).lower() for w in _WORD.finditer(text, 0, start)][-4:]
    while before and before[-1] in _SKIP | {"had", "has", "have", "likely"}:
        before.pop()
    # "could have been avoided" is a counterfactual, not an act
    return not (before and (before[-1] in _PERSONS or before[-1] in MODALS))


def _main_clause(verb) -> bool:
    """A passive that hides the speaker's act stands in the main clause; "caused tasks to be
    requeued", "ensure resources were created" describe what systems do."""
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.dep_ == "ROOT"


#: words that open a clause about what something else does: a passive after them is not the
#: speaker's hidden act ("ensure resources were created", "so that labels are suggested")
_CLAUSE_OPENERS = {"that", "which", "so", "ensure", "ensured", "ensuring", "ensures", "allowing", "allowed",
                   "allow", "causing", "caused", "cause", "letting", "until", "when", "where", "if", "what", "how",
                   "whether", "because", "while", "unless", "once", "after", "before", "sure", "whenever"}


#: a bracketed aside, read as blank so the clause around it stays one ("modules (like flags,
#: analytics, or AEM content) were validated")
_ASIDE = re.compile(r"\([^()]*\)")


def _passives_fallback(text: str) -> list[CharRange]:
    if "(" in text:
        text = _ASIDE.sub(lambda m: " " * len(m.group(0)), text)  # same length: offsets hold
    found = []
    words = list(_WORD.finditer(text))
    for i, match in enumerate(words[:-1]):
        if match.group(0).lower() not in _BE:
            continue
        j = i + 1
        if words[j].group(0).lower() in _HISTORY:
            continue
        if words[j].group(0).lower().endswith("ly") or words[j].group(0).lower() in ("not", "also", "then", "all", "never"):
            j += 1
        if j >= len(words):
            continue
        participle = words[j].group(0).lower()
        if text[words[j - 1].end() : words[j].start()].strip():
            continue  # "was 80% utilized": something stands between, not a verb group
        if participle in _ADJECTIVAL:
            continue
        if not (participle.endswith("ed") or participle in _IRREGULAR_PARTICIPLES) or participle in ("need", "used"):
            continue
        if i and words[i - 1].group(0).lower() == "to":
            continue  # "to be requeued": an infinitive about what happens to things
        if _in_subordinate_clause(text, words, i):
            continue
        if j + 1 < len(words) and words[j + 1].group(0).lower() == "by" and not text[words[j].end() : words[j + 1].start()].strip():
            continue  # "was approved by the VP": the actor is named
        found.append((match.start(), words[j].end()))
    return found


def _in_subordinate_clause(text: str, words: list, i: int) -> bool:
    """An opener ("that", "so", "ensure", "allowing", "until") within six words before (a
    subject of a few words: "until all regression test cases were signed off"), with no
    punctuation between: the passive belongs to that clause."""
    for k in range(i - 1, max(-1, i - 7), -1):
        if text[words[k].end() : words[k + 1].start()].strip(" \t-"):
            return False
        if words[k].group(0).lower() in _CLAUSE_OPENERS:
            return True
    return False
