"""Kinds that ask who acts: `actor` ("we" where the interviewer wants "I") and `passive`."""

from __future__ import annotations

import re
from typing import Callable, Iterator

from ..analysis.syntax import actors, parse_many, passive_candidate, passives, plural_candidate, tense
from ..model import Answer
from .base import Finding, Kind, compile_regexes, shared_with

_WORDS = re.compile(r"[A-Za-z]+")


def _sentences(answer: Answer, parts):
    """The sentences of the rule's parts; not those of a part read from inside a part the
    rule leaves alone (a Task found in the Situation's "we still needed to ..." sentence is
    told as the Situation, where "we" is normal)."""
    names = parts if isinstance(parts, list) else [parts]
    elsewhere = [p for n, p in answer.parts.items() if n not in names]
    for name in names:
        part = answer.parts.get(name)
        if part is not None and not shared_with(part, elsewhere):
            yield name, part.sentences


class _SyntaxKind(Kind):
    #: which of the rule's sentences its question needs the parser for (set by each kind)
    needs_parse: Callable[[str], bool]

    def prepare(self, answers: list[Answer]) -> None:
        """One batched parse of the sentences this rule reads and the fallback cannot settle
        (trained pipeline only)."""
        parse_many([s.text for a in answers for _, sents in _sentences(a, self.rule.part) for s in sents
                    if self.needs_parse(s.text)])


_TIME_OPENER = re.compile(r"\b(after|when|once|before|until|till|while|whenever|as soon as)\s+(?:\w+\s+)?$", re.IGNORECASE)
#: a clause that tells which thing: "meetings where we defined the problems", "the sprint in
#: which we shipped": it describes the thing, the deed is in the main clause
_RELATIVE_OPENER = re.compile(r"\b[a-z]+s?\s+(where|in which|during which|at which)\s+$", re.IGNORECASE)


#: a main clause after a condition: "If they agreed with the behavior, we kept it; if not, I
#: adjusted it": how things went each time, a rule of the work, not one deed hidden in "we"
_CONDITION_BEFORE = re.compile(r"^\W*(if|whenever|unless|each time|every time)\b[^.;]{0,120},\s*$", re.IGNORECASE)
#: ... or after a dash or a colon inside the sentence: "I adjust based on what we learn: if we
#: hit a technical wall, we pivot"
_CONDITION_AFTER_BREAK = re.compile(r"(\u2014|\u2013|--|:|;)\s*(if|whenever|unless|each time|every time)\b[^.;:\u2014\u2013]{0,120},\s*$",
                                    re.IGNORECASE)


#: a clause that concedes what was done before the main clause's news: "it happened again
#: and again even though we wrote down the rule" (what was tried, the setting)
_CONCEDING = re.compile(r"\b(even( though| if)?|although|though)\s*$", re.IGNORECASE)


#: a clause that names a way of doing, the object of another verb: "the optimization involved
#: changing how we cached the metadata", "I hadn't thought through how we'd handle video"
#: (not after "is", "was" or "...'s": "that's how we fixed it", "it is how we did it" tell one)
_MANNER_OPENER = re.compile(r"\b(?!(?:is|was)\s)[A-Za-z]+(?<!['\u2019]s)\s+(how|whether)\s+$", re.IGNORECASE)


def _conditional(text: str, start: int) -> bool:
    before = text[:start]
    return bool(_CONDITION_BEFORE.match(before) or _CONDITION_AFTER_BREAK.search(before))


_CLAUSE_END = re.compile(r"[.!?;:]")


def _asked(text: str, end: int) -> bool:
    """The "we" is in a question ("I asked them: 'How much data can we afford to lose?'"):
    what someone asked, not a deed told."""
    stop = _CLAUSE_END.search(text, end)
    return stop is not None and stop.group() == "?"


def _words_before(text: str, start: int) -> list[str]:
    """The words just before a "we", less a "that" right before it ("I proposed that we")."""
    words = _WORDS.findall(text[max(0, start - 60) : start])
    if words and words[-1].lower() == "that":
        words.pop()
    return words


def _sets_the_scene(text: str, start: int) -> bool:
    """A "we" in a clause of time ("After we released, a bug appeared"), one that tells which
    thing ("meetings where we defined the problems"), one that concedes what was tried ("even
    though we wrote down a rule") or one that names a way of doing ("changing how we cached"):
    the clause dates or describes; a deed hidden in "we" is in the main clause, which is
    judged on its own. ("Transparency was crucial, so we made sure ..." is a deed.)"""
    before = text[max(0, start - 40) : start]
    return any(r.search(before) for r in (_TIME_OPENER, _RELATIVE_OPENER, _CONCEDING, _MANNER_OPENER))


def _told_in_past(sentences) -> bool:
    """Whether the speaker tells the part in the past ("I designed", "I traced"); asked only
    of a part where a "we" in the present opens a case of the design, which few do."""
    return any(tense(s.verb) == "past" for sentence in sentences
               for s in actors(sentence.text).first_person if s.verb)


class Actor(_SyntaxKind):
    """ "We" as the doer of a deed the speaker could have done: not a state ("we had only 4
    engineers"), an ability ("our team can benefit"), a conversation ("we discussed the
    options"), what was not done ("we didn't test it"), a clause around the speaker's own act
    ("when we found it, I ..."), what the speaker proposed ("I suggested we ..."), or a group
    decision right after the speaker's proposal."""

    needs_parse = staticmethod(plural_candidate)
    PARAMS = {
        "states": "verbs (as written) that state a fact, not a deed: 'we had', 'we were', 'we needed'",
        "group_decisions": "verbs of a group decision that the speaker's own proposal excuses ('we chose')",
        "proposals": "the speaker's verbs that make the next group decision theirs ('I proposed')",
        "sees_to": "the speaker's words that make the 'we' right after them theirs, and nothing later "
                   "('I needed to ensure we ...')",
        "reciprocal": "verbs (as written) that take two or more people by nature ('we discussed', 'we met'): "
                      "the speaker could not have done them alone",
        "demands": "verbs of someone else's ask ('demanded', 'insisted'): a 'we' right after one, not "
                   "after the speaker's 'I', is what another wanted, not a deed hidden in 'we'",
        "joint": "RE2 regexes that mark a decision taken together ('after team discussion', 'as a team'): "
                 "a 'we' after one, once the speaker has spoken for themselves, is excused",
        "routines": "RE2 regexes of how often ('every week', '5 nights a week'): a 'we' in a sentence with "
                    "one tells how things ran, the setting, not a deed the speaker could have done",
        "outcomes": "RE2 regexes matched at the 'we' of what the group came to ('we ended up with a "
                    "hybrid'): the outcome of the speaker's step, not a deed hidden in 'we'",
        "tried": "RE2 regexes of the rounds of the speaker's tries ('after a few iterations'): a group decision "
                 "after one, once the speaker has spoken for themselves, is excused",
        "own_part": "RE2 regexes matched just after the 'we' that name the speaker's own part in what was done "
                    "together ('we both dug in', 'We started with pair programming sessions where I walked him "
                    "through ...')",
        "workings": "RE2 regexes of a case of a design, ending at its 'we' ('For driver hangs, we'): in a "
                    "part the speaker tells in the past, such a 'we' in the present after their own 'I' "
                    "tells how the thing they made works ('I designed native detection. For driver hangs, "
                    "we monitor ...'), not a deed",
    }

    def __init__(self, rule) -> None:
        super().__init__(rule)
        p = rule.params
        self.states = {str(v).lower() for v in p.get("states") or []}
        self.decisions = {str(v).lower() for v in p.get("group_decisions") or []}
        self.proposals = {str(v).lower() for v in p.get("proposals") or []}
        self.sees_to = {str(v).lower() for v in p.get("sees_to") or []}
        self.reciprocal = {str(v).lower() for v in p.get("reciprocal") or []}
        self.demands = {str(v).lower() for v in p.get("demands") or []}
        self.joint = compile_regexes(p.get("joint"), True, "joint")
        self.routines = compile_regexes(p.get("routines"), True, "routines")
        self.outcomes = compile_regexes(p.get("outcomes"), True, "outcomes")
        self.workings = compile_regexes(p.get("workings"), True, "workings")
        self.own_part = compile_regexes(p.get("own_part"), True, "own_part")
        self.tried = compile_regexes(p.get("tried"), True, "tried")

    def _proposed(self, text: str, first_person, until: int | None = None) -> bool:
        """The speaker proposed something ("I set up a call and showed her the data"): a
        proposal verb after an "I" of the sentence (and before `until`)."""
        starts = [s.start for s in first_person if until is None or s.start < until]
        if not starts:
            return False
        words = _WORDS.findall(text[min(starts) : until])
        return any(w.lower() in self.proposals for w in words)

    def _within_proposal(self, text: str, start: int, first_person) -> bool:
        """The "we" opens what the speaker proposed ("I suggested we present both designs",
        "I proposed that we ...", "I agreed on X but proposed we ..."): the proposal is the
        deed, and it is theirs."""
        words = _words_before(text, start)
        if not words:
            return False
        last = words[-1].lower()
        # what is seen to is an aim, whoever states it ("My task was to ..., ensuring that we
        # adhered to the plan"); a proposal is the speaker's only after their "I"
        return last in self.sees_to or (last in self.proposals and any(s.start < start for s in first_person))

    def _a_case_of_the_design(self, text: str, subject) -> bool:
        """The "we" opens what the design does in one case ("For executor hangs, we compare
        task durations"): a `workings` regex that ends at it."""
        return any(m.end() == subject.end for r in self.workings for m in r.finditer(text[: subject.end]))

    def _demanded(self, text: str, start: int) -> bool:
        """The "we" is what someone else demanded or wanted ("Team member demanded we ship",
        "the client wanted us to ..."): their ask, told as the setting, not the speaker's deed."""
        words = _words_before(text, start)
        return len(words) >= 2 and words[-1].lower() in self.demands and words[-2] != "I"

    def _joint(self, text: str, subject) -> bool:
        """A mark of a joint decision before the "we", between it and its verb ("we
        collectively decided", "we jointly agreed"), or just after the verb's phrase ("the
        milestone we all agreed upon as a team")."""
        verb_at = text.lower().find(subject.verb, subject.end) if subject.verb else -1
        between = text[subject.end : verb_at] if 0 <= verb_at - subject.end <= 25 else ""
        after = text[verb_at + len(subject.verb) : verb_at + len(subject.verb) + 20] if between else ""
        return any(r.search(text[: subject.start]) or (between and r.search(between)) or (after and r.search(after))
                   for r in self.joint)

    def __call__(self, answer: Answer) -> Iterator[Finding]:
        for name, sentences in _sentences(answer, self.rule.part):
            spoke_before = False  # an "I" in the part's previous sentences
            proposed_before = False
            laid_out = False  # the proposal ends on a colon: the list below it is its options
            previous_block = None
            for sentence in sentences:
                if sentence.block is not previous_block:
                    # each list item is a step of its own: a proposal in one does not excuse the
                    # next; a paragraph goes on from the one before ("I showed a demo." / "After
                    # a few short discussions, we agreed to ..."); the options a proposal lays
                    # out ("I presented three options to the team:" over "- Active-Passive: ...")
                    # are the proposal still
                    if sentence.block.in_list and not laid_out:
                        proposed_before = False
                    if not sentence.block.in_list:
                        laid_out = False
                    previous_block = sentence.block
                text = sentence.text
                who = actors(text)
                # "Every week we test 2000 builds": how things ran, the setting, not a deed
                # (asked only of a sentence with a "we": most have none)
                routine = bool(who.plural) and any(r.search(text) for r in self.routines)
                offset = sentence.span.start_char
                for subject in () if routine else who.plural:
                    if (subject.verb in self.states or subject.verb in self.reciprocal or subject.modal
                            or subject.negated or not subject.verb):
                        continue  # a fact, a conversation, an ability, a deed not done
                    if subject.relative:
                        continue  # "the hybrid model we came up with met in the middle": which model
                    if subject.subordinate and (who.first_person or tense(subject.verb) == "present"
                                                or _sets_the_scene(text, subject.start)):
                        # "so that we could ship", "when we found it, I ...": the deed is mine;
                        # "after we finish the project, this number ...": a when, not a deed done
                        continue
                    if self._within_proposal(text, subject.start, who.first_person):
                        continue
                    if self._demanded(text, subject.start) or _conditional(text, subject.start) or _asked(text, subject.end):
                        continue
                    if any(r.match(text, subject.start) for r in self.outcomes):
                        continue  # "(we ended up doing a hybrid approach)": where it landed
                    if (tense(subject.verb) == "present" and self._a_case_of_the_design(text, subject)
                            and (spoke_before or any(s.start < subject.start for s in who.first_person))
                            and _told_in_past(sentences)):
                        continue  # "I designed native detection. For driver hangs, we monitor ...": how it works
                    if any(r.match(text, subject.end) for r in self.own_part):
                        continue  # "we both dug in", "we paired, where I ...": the speaker's part named
                    mine_before = self._proposed(text, who.first_person, subject.start)
                    if subject.verb in self.decisions and (proposed_before or mine_before or (
                            spoke_before and any(r.search(text[: subject.start]) for r in self.tried))):
                        continue
                    if (spoke_before or any(s.start < subject.start for s in who.first_person)) and self._joint(
                            text, subject):
                        continue  # "I disagreed ... After discussing it, we changed the rule"
                    yield Finding(sentence.block, offset + subject.start, offset + subject.end,
                                  {"match": text[subject.start:subject.end]}, name)
                # a proposal stands until the speaker speaks again ("I proposed a POC. It would
                # give us data. We agreed on a timeline")
                proposed_before = self._proposed(text, who.first_person) or (proposed_before and not who.first_person)
                if not sentence.block.in_list:
                    laid_out = proposed_before and text.rstrip().endswith(":")
                spoke_before = spoke_before or bool(who.first_person)


class Passive(_SyntaxKind):
    needs_parse = staticmethod(passive_candidate)
    PARAMS = {}

    def __call__(self, answer: Answer) -> Iterator[Finding]:
        for name, sentences in _sentences(answer, self.rule.part):
            for sentence in sentences:
                text = sentence.text
                offset = sentence.span.start_char
                for start, end in passives(text):
                    yield Finding(sentence.block, offset + start, offset + end, {"match": text[start:end]}, name)
