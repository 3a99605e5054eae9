"""Infer STAR parts of an answer written without labels, sentence by sentence.

Each sentence gets a score for each part from cues (setting and context; the speaker's
responsibility or goal; first-person actions; outcomes, figures and learnings) and a weak
position prior; then the best *ordered* assignment (S <= T <= A <= R, as answers are told) is
found by dynamic programming. Parts found this way are marked `inferred`.
"""

from __future__ import annotations

import re

from ..model import PART_NAMES, Answer, Part, Segment, Sentence
from ..nlp.fragments import fragment_starts
from ..nlp.quantities import quantity_spans
from ..nlp.tokens import span_text, span_words
from ..reading.labels import opening_label
from ..reading.story import IRREGULAR_PAST, NOT_PAST_ED
from .syntax import actors_by_pattern, tells_event

#: roles that carry a responsibility: "as the team lead", "I was the TA"
_ROLES = ("lead|leader|owner|manager|engineer|developer|intern|ta|teaching assistant|architect|captain|coordinator|"
          "point person|dri|mentor|tutor|pm|analyst|consultant|founder")
#: what the speaker had to achieve or answered for: a duty, a goal, an ask, a purpose
_TASK = re.compile(
    r"\b(I|we)\b[^.]{0,60}?\b(needed to|had to|have to|was (asked|tasked|responsible|expected|assigned|supposed|"
    r"chosen|selected|brought in|hired|given|in charge)|were (asked|tasked|expected|assigned|supposed)|job was|task was|"
    r"goal was|role was|responsibility was|objective was|aim was|mission was|wanted to|wanna|set out to|aimed to|decided to|"
    r"was determined to|planned to|tried to|hoped to)\b"
    r"|\b(my|the|our) (job|task|goal|role|responsibility|objective|mandate|challenge|mission|assignment|aim|brief) (was|is|to)\b"
    # the obstacle the story had to get past: "the biggest hurdle on this project was fully
    # implementing the search bar", "The big hurdle here for me was even getting started"
    r"|\b(my|the|our) (biggest |main |big |real |hardest |key |first )?(hurdle|challenge|obstacle|difficulty)( [a-z]+){0,4} (was|is)\b"
    r"|\bit was (my (job|task|role|responsibility|duty|call|decision|project|problem)|on me|up to me)\b|\bI was (the|an?) [a-z -]{0,30}(on[- ]call|owner|lead|engineer|manager|in charge)\b"
    r"|\bit (was|fell) (on|to) me\b|\bI (owned|volunteered|took (on|ownership|(the )?lead|charge)|stepped up|was on call)\b"
    # whom the work was for and what they wanted: "a client that wanted a product like Zillow"
    r"|\b(client|customer|stakeholder|manager|boss|sponsor)s? (who|that) (wanted|needed|asked for|required|requested)\b"
    r"|\b(they|he|she|my (manager|lead|boss|team ?lead|director|client|professor)|the (client|customer|manager|lead|"
    r"product owner|pm|business|team)|management|leadership)\b[^.]{0,30}?\b(wanted|asked|needed|expected|told|tasked|"
    r"assigned|required|requested|challenged) (me|us)\b"
    # a role is a responsibility: "as the team lead", "I was the TA", "my first solution was"
    rf"|\bas (a|an|the|our|their) ([a-z-]+ ){{0,2}}({_ROLES}|on-call)\b"
    rf"|\bI was (a|an|the|their|our) ([a-z-]+ ){{0,2}}({_ROLES}|only)\b"
    r"|\bmy (first |initial )?(solution|approach|idea|plan|proposal|fix) (was|is)\b|\bI (led|lead|managed|ran|headed|coordinated) (the|a|our|my)\b"
    # ... or told as what the role held: "I was leading the migration", "from leading the
    # majority of the project"
    r"|\b(I\s+was|I've\s+been|from|by)\s+(leading|owning|heading)\s+(the|a|our|my|this)\b"
    # the job to be done, said of the thing, in the past: "the queue system needed to be
    # scaled", "the database had to be migrated by Friday" ("needs to be revisited" prescribes)
    r"|\b(needed|had) to be [a-z]+(ed|en|lt|wn)\b"
    # what the speaker had to win from others: "I needed their cooperation but had no authority"
    r"|\b(I|we) needed (their|his|her|its|the ([a-z-]+ ){0,2}[a-z]+(\'s|\u2019s)?|[A-Z][a-z]+(\'s|\u2019s)) "
    r"(cooperation|support|buy-in|approval|help|agreement|sign-off|input|commitment|trust)\b"
    # a choice the speaker faced is what they had to settle: "we had two options: hot-fix or
    # roll back", "the decision was whether to ...", "I had a call to make"
    r"|\b(I|we) (had|faced) (two|three|a few|several|only two|a) (options|choices|paths|alternatives|ways forward|"
    r"choice|decision|call) to make\b|\b(I|we) (had|faced) (two|three|a few|several|only two) (options|choices|paths|alternatives)\b"
    r"|\bthe (choice|decision|question|dilemma) was (whether|between|to)\b"
    # a deadline set for the speaker or their team is the goal to meet
    r"|\b(I|we|my team|our team) (got|received|had|were given|was given|faced) (a|an|the)( [a-z-]+)? deadline\b"
    # ... or told as the time there was: "I only have two days to design a new message type"
    r"|\b(I|we|my team|our team) (only )?(have|had|got|was given|were given) (only )?(one|two|three|four|five|a few|"
    r"a couple of|\d+|a) (days?|hours?|weeks?|months?|sprints?) to\b"
    # the same in a note, with no subject: "- Needed to migrate MySQL 5.7 to 8.0", "Asked to
    # do a full competitive analysis at the same time", "Had a deadline to post a blog"
    r"|^\W*(needed|had|was asked|was tasked|was expected|was responsible for|wanted|asked|tasked|required) to\b"
    r"|^\W*(had|got|received|was given|faced) (a|an|the)( [a-z-]+)? deadline\b",
    re.IGNORECASE,
)
#: Task cues that, beside a deed, are the step: the decision taken, the attempt made
_DECISIONS = {"decided to", "tried to", "planned to", "set out to"}
#: a purpose inside a step ("I researched the dataflow so that I could convince him"): it
#: tells the Task when nothing else does, but the sentence is a step first
_PURPOSE = re.compile(r"\b(so that|in order) (I|we) (could|would|can|might)\b|\bin order to\b", re.IGNORECASE)
_SEQUENCE = re.compile(
    r"^(first|then|next|after that|afterwards|finally|to (do|fix|start|solve|address) (this|that|it)|so I|I then)\b",
    re.IGNORECASE,
)
#: the speaker's verbs that tell what they knew, felt or had, not what they did
_NOT_DEEDS = {"was", "were", "am", "is", "are", "be", "been", "had", "have", "has", "needed", "need", "wanted", "want",
              "learned", "learnt", "realized", "realised", "knew", "know", "felt", "feel", "thought", "think",
              "believed", "hoped", "expected", "saw", "noticed", "joined", "got", "did", "do",
              # what was found out or aimed at: "we discovered that the payloads differed"
              "discovered", "observed", "aimed"}
_LEARNING = re.compile(
    # (not what the speaker knew before the story: "the practices I had learned earlier")
    r"\b((?<!had )learn(ed|t)|lesson|taught me|since then|from then on|next time|in hindsight|looking back|"
    r"would (now )?do differently|takeaway|"
    # the practice since, in the present: "To avoid similar issues, I now conduct a review"
    # (not the story's own "now": "I now had two days left", "I now realized")
    r"I now (?!had\b|was\b|knew\b|needed\b|[a-z]+ed\b)[a-z]+|"
    # what the speaker would change, told as a counterfactual: "Had I just considered his
    # feelings, ...", "If I had asked earlier, ...", "I should have sized the work"
    r"had (I|we) (just |only )?[a-z]+(ed|en)|if (I|we) had (just |only )?[a-z]+(ed|en)|(I|we) (should|could|would)(n't)? have [a-z]+(ed|en))\b",
    re.IGNORECASE,
)


#: how the thing was done, told in the passive: "It was achieved by packaging the code into
#: containers"
_DONE_BY = re.compile(r"\b(was|were) (achieved|done|accomplished|implemented|built|delivered|solved|fixed|made) by [a-z]+ing\b",
                      re.IGNORECASE)


def _does(subject) -> bool:
    """The subject's verb is a deed: not a state or a thought, and not modal ("I could fix
    it" is what the speaker was able or meant to do)."""
    return bool(subject.verb) and subject.verb not in _NOT_DEEDS and not subject.modal


def _speaker_does(who, main_clause: bool = False) -> bool:
    """Among the actors found, the speaker does something ("I told her", a step bullet's
    implied I); with `main_clause`, not only in a clause of time or purpose ("When I proposed
    it, he was skeptical")."""
    return any((_does(subject) and not (main_clause and subject.subordinate)) or subject.end == 0
               for subject in who.first_person)


def _is_own_deed(text: str) -> bool:
    """The speaker does something; not a "we"."""
    return _speaker_does(actors_by_pattern(text))


def tells_step(text: str) -> bool:
    """A sentence whose main clause is a step of the speaker's ("I rewrote the query", a step
    bullet's implied I): not a lesson, and not a clause of time before someone else's
    reaction ("When I proposed the change, he was skeptical")."""
    if _LEARNING.search(text) or _JOB.search(text) or _NAMED_BY_DEED.search(text):
        return False
    return _speaker_does(actors_by_pattern(text), main_clause=True)


#: where and on what the speaker worked is the setting, not a step: "So there I worked on
#: drones", "I worked at a bank as an analyst" ("I worked with the client to fix it" is a step)
_JOB = re.compile(r"\bI (worked|was working|have worked|interned) (on|at|for|as|in)\b", re.IGNORECASE)
#: a thing named by the speaker's deed, the sentence's subject: "Another mistake I made was
#: during my internship", "The project I led was a rewrite" (the main verb is "was")
_NAMED_BY_DEED = re.compile(r"\b(mistakes?|things?|projects?|changes?|decisions?|features?|ones?|stor(y|ies)|examples?|"
                            r"challenges?|problems?|roles?|jobs?|tasks?|failures?) I [a-z]+\b[^,.;]{0,40}\b(was|were|is|are)\b",
                            re.IGNORECASE)


def steps_told_in(answer: Answer, parts: list[Part]) -> list[Sentence]:
    """The sentences of `parts` (an unlabelled answer's) that tell the speaker's own steps.
    The ordered reading (S <= T <= A <= R) leaves a step told between two sentences of the
    setting in the Situation ("I flew out to meet their operations lead" before "Their
    complaints came in every morning"), or in the Task ("As the newest engineer, I traced the
    slowdown"); the interviewer still hears it as something the speaker did. None for a
    labelled answer: its writer placed every sentence."""
    if answer.labelled:
        return []
    return [sentence for part in parts for sentence in part.sentences if tells_step(sentence.text)]


def _is_deed(text: str) -> bool:
    """Someone does something: the speaker ("I rewrote", a step bullet's implied I, a habit:
    "I usually focus first"), or a "we" the Action rules must see ("we fixed it by ...")."""
    if _SEQUENCE.search(text) or _DONE_BY.search(text):
        return True
    who = actors_by_pattern(text)
    return _speaker_does(who) or any(_does(subject) for subject in who.plural)


#: how things turned out: said of the outcome, not of a step
_OUTCOME = re.compile(
    r"\b(as a result|result(ed|s)?|in the end|ultimately|outcome|impact|since then|today|now|"
    r"fell|dropp?(ed)?|rose|grew|went (up|down)|sav(ed|ing)|praised|recogni[sz]ed|recognition|promoted|happy|"
    # a change in how people worked after: "discussions became more collaborative"
    r"became (more|less|much more|far more|much less) [a-z]+|"
    # how it left the speaker: "I felt a sense of accomplishment", "I was proud of the launch"
    r"proud|pride|relieved|(sense of )?accomplishment|satisfied|fulfill?ing|rewarding|"
    r"thanked|succeeded|success(ful(ly)?)?|on time|ahead of schedule|no longer|never again|"
    r"launched|released|delivered|shipped|was (adopted|approved|accepted)|"
    # a verdict on the step: "it turned out to be the right call", "we hit the release date"
    # (not a finding: "It turned out they were struggling with the config")
    r"turned out (to be|to work|well|great|fine|better|worse|right|successful|a success)|paid off|(hit|met|made|beat) (the|our|every) ([a-z-]+ )?(date|deadline|target|goal|launch)|"
    # how the change went: "The migration went smoothly", "it runs as expected"
    r"went (smoothly|well|live|fine)|(runs?|ran|worked|works) as (expected|intended|planned)|"
    # the other side won over: "my actions proved the value of my solution", "he eventually
    # supported the change"
    r"proved (the |its |my |our )?(value|worth|point|case)|(eventually|finally) (agreed|supported|accepted|approved|"
    r"came around|signed off)|"
    # a note's verdict: "and problem solved", "won the bid", "it was a hit", "luckily no bugs
    # when running", "I still closed the sale", "hurt my career"
    r"problem (was )?solved|(issue|bug|problem) (was )?(solved|resolved|fixed)|(won|lost) (the|a|our|that) "
    r"(bid|deal|contract|client|account|award|hackathon|competition)|was a (hit|success|big hit|huge success)|"
    r"closed the (sale|deal)|no (more )?(bugs|errors|issues|complaints|incidents|outages)\b|"
    r"(it|this|that) (worked|did the trick)|hurt (my|his|her|our|their) (career|reputation|chances)|"
    # what the steps were worth: "These sessions were key in making sure they felt supported"
    r"(was|were|proved) (key|crucial|instrumental|pivotal|vital) (in|to|for))\b",
    re.IGNORECASE,
)
#: results handled as a thing in a step ("ran the upgrade on a copy and showed him the
#: results"): the step's object, not how the story turned out
_RESULTS_HANDLED = re.compile(
    r"\b(show|present|shar|review|analy[sz]|compar|sen[dt]|publish|check|collect|gather|summari[sz]|walk)[a-z]*"
    r" ([a-z]+ ){0,3}?(the|my|our|these|those|their) ([a-z-]+ )?results\b",
    re.IGNORECASE,
)


def _tells_outcome(text: str) -> bool:
    return bool(_OUTCOME.search(_RESULTS_HANDLED.sub(" ", text)))


#: a sentence that says it is the outcome: "As a result, we ...", "In the end, ..."
_OUTCOME_OPENER = re.compile(
    r"^\W*(as a result|in the end|ultimately|the (end )?result (was|is)|the outcome (was|is)|the impact (was|is)|"
    r"because of (this|that|these)|thanks to (this|that|these)|in total|overall|all in all|"
    # what the step did: "That decision helped us deliver on time", "This change cut ..."
    r"(that|this|the|my|our) (decision|change|approach|fix|move|call|effort|work|plan|solution|redesign) "
    # ("This approach made the API act synchronously" describes a proposal: "made" is no verdict)
    r"(helped|led|allowed|let|resulted|saved|cut|paid)|"
    # what the steps did, said of them all: "This helped the company in two ways"
    r"(this|that|it all|all (of )?this) helped (the |our |my )?[a-z]+ (in )?(two|three|several|many|a few) ways|"
    # the aftermath: "10 months later, we released support for ...", "A week later, ..."
    r"([a-z0-9]+ |a few |several )(minutes?|hours?|days?|weeks?|months?|years?|sprints?|quarters?) later|"
    # what the steps led to, told after them: "By providing this guidance, I helped the
    # interns contribute more effectively"
    r"by (doing|providing|taking|making|giving|setting|building|sharing|creating|adding|introducing) "
    r"(this|that|these|those|such|it|them)\b[^,]{0,40}, (I|we) (helped|enabled|allowed|ensured|made sure))\b",
    re.IGNORECASE,
)
#: verbs of an outcome that are also steps ("we cut two reports"): a weaker cue
_OUTCOME_VERB = re.compile(
    r"\b(reduc(ed|ing)|increas(ed|ing)|improv(ed|ing)|cut|adopted|met)\b",
    re.IGNORECASE,
)
_SITUATION = re.compile(
    r"\b(when|while|(at|in) my (last|previous|current|first|old|former) (job|role|company|team|position|internship|project)?|"
    r"at (the|a) company|last (year|quarter|month|summer|spring|fall|winter)|"
    r"our team|the team|we (were|had)|there (was|were)|had been|was (failing|struggling|growing|losing)|"
    r"background|context)\b",
    re.IGNORECASE,
)


#: a sentence about what the story taught, not about how it turned out
#: ("the project" alone is any story's subject: "the research to define the project was completed")
_REFLECTION = re.compile(r"\b(this|that) (experience|incident|mistake|failure|project)\b|\bthe (experience|incident|mistake|failure)\b|\breinforced\b|\bimportance of\b",
                         re.IGNORECASE)
_HABIT = re.compile(r"\b(I|we) (usually|always|typically|generally|normally|tend to|often|like to|prefer to|try to)\b"
                    r"|\bmy (usual |general )?approach is\b", re.IGNORECASE)
#: a past form: an "-ed" word, but "un-...-ed" only after its subject ("I uncovered"), as
#: alone it is mostly an adjective ("unexpected problems")
_PAST = re.compile(rf"\b((?!un)(?!(?:{NOT_PAST_ED})\b)[a-z]+ed|{IRREGULAR_PAST})\b|\b(I|we|they|he|she|it) un[a-z]+ed\b", re.IGNORECASE)


def _cues(text: str, has_quantity: bool) -> tuple[bool, bool, bool, bool]:
    """Whether a sentence shows a setting, a task, a deed, an outcome (or a lesson)."""
    learning = bool(_LEARNING.search(text))
    # a habit ("When faced with a conflict, I like to ...") sets no scene
    setting = bool(_SITUATION.search(text) or _PAST.search(text)) and not _HABIT.search(text)
    outcome = bool(_tells_outcome(text) or _OUTCOME_VERB.search(text) or has_quantity)
    if outcome and not has_quantity and _REFLECTION.search(text):
        outcome = False  # "This experience improved my attention to detail": a lesson
    return setting, bool(_TASK.search(text) or _PURPOSE.search(text)), not learning and _is_deed(text), outcome


def _scores(text: str, index: int, total: int, has_quantity: bool) -> list[float]:
    """How well a sentence reads as each part. The Action is the default middle of a story
    (its longest stretch); the Result needs an outcome, a figure or the last word."""
    position = index / max(1, total - 1)
    learning = bool(_LEARNING.search(text))
    # the setting is told first: its cues ("when", "at my last job") weigh less as the story goes on
    s = (0.6 * (1 - position) ** 2 + (1.0 * (1 - position) if _SITUATION.search(text) else 0.0)
         + (0.6 if index == 0 else 0.0))
    if _HABIT.search(text):
        s -= 0.6  # "I usually ..." opens a generic answer; it sets no scene
    deed = not learning and _is_deed(text)
    task = _TASK.search(text)
    # "I mapped the screens and decided to ship without saved cards" is the step itself:
    # a decision or an attempt in a sentence that tells a deed is Action first
    weak = task is not None and deed and (task.group(2) or "").lower() in _DECISIONS
    t = (0.9 if weak else 1.5) if task else 0.9 if _PURPOSE.search(text) else 0.0
    a = 0.2 + (1.2 if deed else 0.0)
    r = ((1.8 if _OUTCOME_OPENER.match(text) else 1.0 if _tells_outcome(text) or learning
          else 0.5 if _OUTCOME_VERB.search(text) else 0.0)
         + (0.35 if deed else 0.7) * has_quantity + 0.3 * position + (0.3 if index == total - 1 else 0.0))
    scores = [s, t, a, r]
    named = opening_label(text)
    if named in PART_NAMES:
        scores[PART_NAMES.index(named)] += NAMED_PART_BONUS  # "situation: the customer wanted ..."
    return scores


#: a sentence that illustrates the one before it ("For example, he asked me to ..."): it
#: belongs to the same part, whatever its own cues say
_ILLUSTRATION = re.compile(r"^\W*(for (example|instance)|e\.g\.|such as|in particular|specifically)\b", re.IGNORECASE)

#: How much a sentence's own opening label ("situation: ...") outweighs the cues of its words.
NAMED_PART_BONUS = 1.2

#: a sentence that opens on its setting: "While doing the POC, suggested ...", "At my last job, ..."
_SETTING_OPENER = re.compile(r"^\W*(when|while|during|at|in|as|after|before|last|once|back)\b", re.IGNORECASE)

#: Parts change at paragraph breaks more than inside a paragraph (a prose answer's
#: paragraphs are often its parts).
BOUNDARY_BONUS = 0.3


def task_in_context(answer: Answer) -> Part | None:
    """A Task stated inside the Situation (or the Action's first steps) of an answer that has
    no Task of its own: "They wanted me to fix it", "so that I could convince him". The
    interviewer reads it as the Task; so does starlint, marking it inferred."""
    for name, limit in (("situation", None), ("action", 3)):
        part = answer.parts.get(name)
        if part is None:
            continue
        for sentence in part.sentences[:limit]:
            if _TASK.search(sentence.text) or _PURPOSE.search(sentence.text):
                start, end = sentence.span.start_char, sentence.span.end_char
                return Part(name="task", segments=[Segment(sentence.block, start, end)], inferred=True)
    return None


def action_in_context(answer: Answer) -> Part | None:
    """The speaker's steps told inside another part of an answer whose inferred parts have
    no Action: "... and I told her I could finish within a week" in the setting, "So I took
    this experience and ..." after the outcome. Parts are told in order, so the best ordered
    reading can leave a deed outside the Action; the interviewer still hears what was done.
    None when the answer was labelled or its Action tells a step already."""
    action = answer.parts.get("action")
    if answer.labelled or (action is not None and action.evidence):
        return None
    deeds = []
    for name in ("situation", "task", "result"):
        part = answer.parts.get(name)
        if part is None:
            continue
        for sentence in part.sentences:
            text = sentence.text
            lead = len(text) - len(text.lstrip())  # from its first word, not the line break before it
            segment = Segment(sentence.block, sentence.span.start_char + lead, sentence.span.end_char)
            if any(d.block is segment.block and d.start == segment.start for d in deeds):
                continue  # a Task read from the Situation's sentence
            # the speaker's own deed ("we built it" in the setting is the team's context)
            if not _LEARNING.search(text) and not _HABIT.search(text) and _is_own_deed(text):
                deeds.append(segment)
    if not deeds:
        return None
    if action is not None:  # its sentences stay the Action's; the steps join them, in order
        deeds = sorted(action.segments + deeds, key=lambda seg: (seg.block.line, seg.start))
    return Part(name="action", segments=deeds, inferred=True)


#: where a step's sentence goes on to its outcome: "I automated the deploys, reducing errors
#: by 40%", "... and automating deployments, which improved communication"
_OUTCOME_CLAUSE = re.compile(
    r",\s+(?=(which|that) ([a-z]+ly )?(improved|reduced|increased|cut|saved|led|resulted|made|helped|brought|allowed|enabled|"
    r"fixed|solved|removed)\b|resulting in\b|leading to\b|([a-z]+ly )?(reducing|increasing|improving|cutting|saving|boosting|ensuring|"
    r"bringing|lowering|raising|doubling|halving)\b)"
    # ... or in a relative clause of the thing built: "an AI-driven training system that
    # directly improved doctor feedback"
    r"|\s+(?=that ([a-z]+ly )?(improved|reduced|increased|cut|saved|halved|doubled)\b)",
    re.IGNORECASE,
)


#: a semicolon between two clauses: what the speaker did, then (maybe) what came of it
_CLAUSE_BREAK = re.compile(r";\s+")


def _split_outcome_clauses(sentences: list) -> list:
    """A deed whose outcome follows in the same sentence, when no later sentence tells one,
    is two pieces: the step (Action) and its outcome (Result)."""
    out = []
    for i, (block, start, end, text, q) in enumerate(sentences):
        later_outcome = any(_cues(t, lq)[3] for _, _, _, t, lq in sentences[i + 1 :])
        cut = _OUTCOME_CLAUSE.search(text) if not later_outcome and _is_deed(text) else None
        if cut is None and not later_outcome and _is_deed(text):
            # "... and wrote the first runbook; time to resolve fell from 2 days to 3 hours"
            cut = next((m for m in _CLAUSE_BREAK.finditer(text)
                        if _cues(text[m.end():], bool(quantity_spans(text[m.end():])))[3]), None)
        if cut is None or cut.start() < 15:
            out.append((block, start, end, text, q))
            continue
        keep = cut.start() + (text[cut.start()] == ",")  # the comma ends the step; a space does not
        head, tail = text[:keep], text[cut.end() :]
        tail_start = start + cut.end()
        out.append((block, start, start + len(head), head, bool(quantity_spans(head))))
        out.append((block, tail_start, end, tail, bool(quantity_spans(tail))))
    return out


#: a sentence that says what the story taught the speaker: "That experience taught me ...",
#: "The entire experience reinforced for me that ...", "In hindsight, that decision
#: reinforced a principle" (not "This experience pushed us to adopt contract-first
#: development": what came of it)
_LESSON_OPENER = re.compile(
    r"\b(experience|incident|mistake|failure|decision|project|episode|feedback)\b[^.;]{0,30}\b(taught|showed|reminded|"
    r"reinforced|made me (realize|realise|understand|appreciate)|helped me (understand|realize|realise|see|learn|grow))\b"
    r"|\breinforced (for|to) me\b|\bwhat I (took|take) away\b",
    re.IGNORECASE,
)


def _closing_lesson(sentences: list) -> list:
    """The closing paragraphs, from one that opens on a lesson ("That experience taught me
    that ...", "What I learned from it is ...") after a story told in the ones before: the
    answer's Learning. Read apart, it leaves the outcome before it to be the Result; read with the
    story, it took the Result's place and the outcome stayed in the Action."""
    starts = [i for i, s in enumerate(sentences) if i == 0 or s[0] is not sentences[i - 1][0]]
    # the lesson's paragraph may be followed by one line of maxim in the present ("Sometimes
    # tough feedback is the best gift"), not by more of the story or the speaker's habits
    after_last = len(sentences) - starts[-1]
    for first in reversed(starts[1:][-2:]):
        if _LEARNING.search(sentences[first][3]) or _LESSON_OPENER.search(sentences[first][3]):
            return sentences[first:]
        if after_last > 1 or _PAST.search(sentences[first][3]):
            return []
    return []


def infer_parts(answer: Answer) -> dict[str, Part]:
    sentences = []  # (block, start_char, end_char, text, has_quantity)
    for block in answer.blocks:
        if block.kind == "heading" or block.doc is None:
            continue
        for sent in block.doc.sents:
            if not span_words(sent):
                continue
            has_q = bool(sent._.quantities)
            text = span_text(sent)
            # a sentence after a soft line break starts with the "\n" token: the part starts
            # at its first word, not at the end of the previous line
            lead = len(text) - len(text.lstrip())
            trail = len(text) - len(text.rstrip())
            sentences.append((block, sent.start_char + lead, sent.end_char - trail, text.strip(), has_q))
    # "I usually focus first on ..." before a story told in the past is a preface: it sets
    # no scene, so it joins the Situation without deciding where the Situation is
    preface = []
    while len(sentences) > 2 and _HABIT.search(sentences[0][3]) and any(_PAST.search(t) for _, _, _, t, _ in sentences[1:]):
        preface.append(sentences.pop(0))
    lesson = _closing_lesson(sentences)
    if lesson:
        parts = _place(sentences[: -len(lesson)], preface)
        result = parts.get("result")
        # an outcome in its words, or at least no step of the speaker's: not the story's last
        # step read as the outcome for its place ("I started sending a one-page summary")
        if result is not None and result.evidence and (
                _OUTCOME_OPENER.match(result.text) or _tells_outcome(result.text) or _OUTCOME_VERB.search(result.text)
                or not tells_step(result.text)):
            parts["learning"] = Part(name="learning", inferred=True, evidence=True,
                                     segments=[Segment(block, start, end) for block, start, end, _, _ in lesson])
            return parts
        # no outcome told before the lesson: the order of the reading kept it among later
        # steps; read the lesson with the story, as before
    return _place(sentences, preface)


def _place(sentences: list, preface: list) -> dict[str, Part]:
    """Each sentence's part, by the best ordered reading of their cues."""
    sentences = _split_outcome_clauses(sentences)
    if not sentences:
        return {}
    n = len(sentences)
    scores = [_scores(text, i, n, q) for i, (_, _, _, text, q) in enumerate(sentences)]
    # best[i][k]: best total for sentences[:i+1] with sentence i in part k (parts never go back)
    best = [[0.0] * 4 for _ in range(n)]
    back = [[0] * 4 for _ in range(n)]
    for k in range(4):
        best[0][k] = scores[0][k] - (0.5 * k)  # an answer opens with its setting
    for i in range(1, n):
        new_block = sentences[i][0] is not sentences[i - 1][0]
        if not new_block and _ILLUSTRATION.match(sentences[i][3]):
            for k in range(4):
                best[i][k], back[i][k] = best[i - 1][k], k
            continue
        for k in range(4):
            def total(j: int) -> float:
                change = j != k
                return best[i - 1][j] + (BOUNDARY_BONUS if change and new_block else 0.0)
            prev = max(range(k + 1), key=total)
            best[i][k] = total(prev) + scores[i][k]
            back[i][k] = prev
    state = max(range(4), key=lambda k: best[n - 1][k] + (0.5 if k == 3 else 0.0))
    labels = [0] * n
    for i in range(n - 1, -1, -1):
        labels[i] = state
        state = back[i][state]
    if n == 1 and _is_deed(sentences[0][3]) and not _SETTING_OPENER.match(sentences[0][3]):
        # a one-sentence sketch that tells a step ("Introduced a team quiz that helped ...",
        # "Enabled the team to fix issues faster"): its step is what it tells; the opening
        # line's pull to the setting is for stories that go on past it
        labels = [2]
    # a story told in the past ends in its outcome; a list of habits or opinions does not
    narrates = any(_PAST.search(text) for _, _, _, text, _ in sentences)
    last_text = sentences[-1][3]
    if (n >= 3 and 3 not in labels and labels[-1] == 2 and narrates and _PAST.search(last_text)
            and not tells_step(last_text) and not _HABIT.search(last_text)):
        # the ordered reading left no outcome, and the last sentence tells no step of the
        # speaker's: "After I brought the coffee, 20 minutes later we were firing on all
        # pistons", "After a month or two, we barely got any email about it"
        labels[-1] = 3
    # habits and hypotheticals with no event in them ("When a deadline is at risk, I flag it
    # early") have no setting and no outcome, whatever their words: nothing happened
    event = any(tells_event(t) for _, _, _, t, _ in sentences + preface)
    if not event:
        # nothing happened: what the speaker says they do is all there is of a story, their
        # Action (a generic one); there is no setting to set and no outcome to tell
        labels = [2 if k in (0, 3) else k for k in labels]
    parts: dict[str, Part] = {}
    for index, ((block, start, end, text, q), k) in enumerate(zip(sentences, labels)):
        name = PART_NAMES[k]
        part = parts.setdefault(name, Part(name=name, segments=[], inferred=True, evidence=False))
        # a part placed only by its position (a habit read as the setting, an opinion as
        # the outcome) is not there for missing-part: the story never tells it
        # the end of a story told in the past is its outcome, unless all it says is a lesson
        told = (_cues(text, q)[k]
                or (k == 3 and narrates and not _LEARNING.search(text) and not _REFLECTION.search(text)
                    # an opinion in the present closing the story ("It's totally ok to disagree
                    # but we need to ...") says nothing of how it turned out
                    and bool(_PAST.search(text) or q)
                    # nor does a dash-joined note's last step ("- converted that to requirements")
                    and not (fragment_starts(block.text) and _is_deed(text[:1].upper() + text[1:])))
                # the line a story opens with, before its first step, names the problem
                # ("API timeout", then the checks made): that is the setting
                or (k == 0 and index == 0 and narrates and len(labels) > 2 and labels[1] > 0
                    and not _HABIT.search(text)))
        if not event:
            # nothing happened: no setting, no outcome, and "my approach is ..." is a habit,
            # not a responsibility
            told = told and (k == 2 or (k == 1 and not _HABIT.search(text)))
        # the writer named the part ("situation: the customer wanted ..."), event or not
        part.evidence = part.evidence or told or opening_label(text) == name
        last = part.segments[-1] if part.segments else None
        if last is not None and last.block is block and last.end <= start:
            last.end = end
        else:
            part.segments.append(Segment(block, start, end))
    if preface:
        # before a story, the habit sets no scene and joins the Situation; where nothing
        # happened, it is what the speaker does, the Action ("I always check first that they
        # want it", then how it goes)
        name = "situation" if event else "action"
        part = parts.setdefault(name, Part(name=name, segments=[], inferred=True, evidence=False))
        part.segments[:0] = [Segment(block, start, end) for block, start, end, _, _ in preface]
        if not event:
            part.evidence = part.evidence or any(_is_deed(text) for _, _, _, text, _ in preface)
    return parts
