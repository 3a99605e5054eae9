"""Is a section a story? The reader's test for sections without STAR labels, and for
labelled ones that may be only a template.

Word counts and a first-person pronoun are not enough: a question list, a tips list with
quoted "I ..." examples, a bare `STAR:` skeleton and "questions to ask the interviewer" all
pass them, while a 45-word story told in "we" fails. A story *narrates*: someone (I, we, my
team, or the implied I of a bullet) did things, in the past tense, or, in a generic answer,
does them habitually ("I usually ..."). Advice speaks to "you", asks questions, or opens with
imperatives. Plain regexes over the block text: this runs before the NLP pipeline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..nlp.fragments import fragment_starts

#: Fewer words than this is a note, not a story, whatever it narrates.
MIN_STORY_WORDS = 15

_QUOTED = re.compile(r"\"[^\"\n]{0,300}\"|\u201c[^\u201d\n]{0,300}\u201d|(?<!\w)'[^'\n]{3,300}'(?!\w)"
                     # a sample introduced by a colon whose closing quote the writer forgot
                     r"|:\s*[\"\u201c][^\"\u201d\n]*$", re.MULTILINE)
#: sequence words before an imperative: "Then choose an anecdote ..."
#: words before a sentence's verb that say nothing of who acts: "Then", "Also", and a short
#: note label ("Team: Got to know the new people", "Tech: Learned the code base")
_LEAD_IN = re.compile(r"^(?:(?:then|next|first|second|finally|also|and|but|so|now|always|never),?\s+|"
                      r"[A-Za-z]+(?: [A-Za-z]+)?:\s+)", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")
#: a soft line break inside a paragraph is a space, unless a bullet or a label opens the next line
_SOFT_BREAK = re.compile(r"\n(?![ \t]*(?:[-*+\u2022]|\d+[.)]|\(?[A-Za-z]{1,20}\)?:))")
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")

IRREGULAR_PAST = (
    "began|brought|built|bought|caught|chose|came|cut|did|drew|drove|dug|fed|felt|fought|found|"
    "gave|got|went|grew|had|held|hid|hit|hung|kept|knew|laid|led|left|lent|let|lost|made|meant|"
    "met|paid|put|quit|ran|read|rode|rose|said|sat|saw|sent|set|shed|shot|showed|shut|sold|"
    "sought|spent|split|spoke|spread|stood|stuck|struck|swept|taught|thought|threw|told|took|"
    "tore|understood|was|were|won|wrote|rewrote|overcame|undertook|withdrew|broke|forgot|froze"
)
#: words that end in "ed" and are no past form: "I need to have stories ready" tells nothing
NOT_PAST_ED = ("need|feed|speed|seed|proceed|succeed|exceed|indeed|breed|bleed|heed|deed|weed|greed|embed|bed|"
               "red|hundred|sacred|naked|wicked|kindred|hatred")
_PAST = rf"(?:(?!(?:{NOT_PAST_ED})\b)[a-z]+ed|{IRREGULAR_PAST})"
#: An actor and, within a few words, a past-tense verb: "I rewrote", "we quickly moved",
#: "my team and I built", "our team had".
_NARRATED = re.compile(
    # (not a present state told with an -ed word: "I am very excited about this opportunity")
    rf"\b(?:I|we|my (?:team|manager|lead)|our (?:team|manager|lead))\b(?![ ,]+(?:am|are|is)\b)"
    rf"(?:[ ,]+[A-Za-z'\u2019]+){{0,3}}?[ ,]+{_PAST}\b",
    re.IGNORECASE,
)
#: Habits and hypotheticals in the first person: a generic answer is still an answer.
_HABITUAL = re.compile(
    r"\b(?:I|we)(?:\s+|\u2019|')(?:usually|always|typically|generally|normally|often|tend to|would|will|d|ll|"
    r"try to|make sure|like to|prefer|believe in|start by|first)\b"
    # a method told instead of an event: "My approach is to stay friendly and listen first"
    r"|\bmy (usual |general |normal )?approach (is|would be)\b"
    # a recipe's first step: "First thing I do is to write a job description"
    r"|\bfirst thing (?:I|we) (?:do|would do|would like to do) is\b",
    re.IGNORECASE,
)
#: Past forms that are also the bare verb ("Set the scene", "Read the question"): an
#: imperative as often as a step, so they do not make a subject-less bullet a step.
_SAME_AS_BARE = {"cut", "hit", "let", "put", "quit", "read", "set", "shed", "shut", "split", "spread"}
#: Subject-less step bullets ("Rewrote the cron job ..."): the I is implied.
_IMPLIED_STEP = re.compile(
    r"^(?:[A-Z][a-z]+ed|"
    + "|".join(w.title() for w in IRREGULAR_PAST.split("|") if w not in _SAME_AS_BARE)
    + r")\b"
)
_SECOND_PERSON = re.compile(r"\b(?:you|your|yourself)\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|we|us|our)\b|\bI[\u2019'](?:m|ve|d|ll)\b")
#: the interviewer's "me" in a prompt ("Tell me a time you ...", "Walk me through ..."): not the speaker
_ASKERS_ME = re.compile(r"\b(?:tell|give|show|walk|teach)\s+me\b", re.IGNORECASE)
#: Advice and prompts open with a bare verb: "Describe a time ...", "Be specific", "Don't ramble".
_IMPERATIVE = re.compile(
    r"^(?:be|use|keep|describe|explain|talk|make|prepare|ask|focus|avoid|don['\u2019]?t|do|never|"
    r"practice|practise|think|remember|try|show|highlight|include|mention|start|end|quantify|give|"
    r"choose|pick|tell|say|write|read|research|know|understand|emphasi[sz]e|listen|stay|share|"
    r"walk|list|provide|identify|consider|prioriti[sz]e|set|state|spend|limit|structure|frame|"
    r"end|finish|close|align|connect|tie|link|map|follow|note|review|reflect|discuss|have|get|tread|begin|"
    r"acknowledge|explain|expect|emphasize|demonstrate|illustrate|mention|pause|breathe|smile)\b",
    re.IGNORECASE,
)
#: a prompt written without its question mark: "What needed to be accomplished", "How you
#: measured it" (without an I or we: "What I did was ..." tells)
_PROMPT = re.compile(r"^(?:what|why|how)\b", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"^\s*(?:\.\.\.|…|tbd|todo|n/?a|\[[^\]]*\]|<[^>]*>|_+|-+)?\s*$", re.IGNORECASE)


#: Titles of sections that are not behavioral answers, whatever their prose: a pitch, a
#: motivation, a weakness, tips, questions for the interviewer.
_NOT_AN_ANSWER_TITLE = re.compile(
    r"\b(why (amazon|google|meta|microsoft|apple|netflix|this (company|role|team|job|position)|do you|did you|are you|would you|"
    r"((you|do you|did you) )?(choose|chose|join|pick|want) (this|the|our|us)\b|"
    # a company left unnamed in a template: "Why XX company?", "Why XXX Company?"
    r"([A-Z]{1,4}|[A-Z][A-Za-z]+) (company|team|role|position)\b|"
    r"us\b|here\b|leave|leaving|[A-Z][A-Za-z]+(?=\?))|tell (me|us) (something |a (little |bit )+)?about yourself|about (me|myself)|self[- ]introduction|"
    r"introduc(e (yourself|myself)|ing (yourself|myself)|tion)|self[- ]?intro|elevator pitch|salary|compensation|"
    # how the candidate came to apply: "How did you find out about this opportunity and what
    # interested you?"
    r"(find|found|hear|heard) (out )?about (this|the|our) (opportunity|role|position|job|internship|company|team)|"
    r"what (interests|interested|excites|excited|attracts|attracted) you|"
    r"career (goals?|plans?)|where do you see yourself|in (five|5|ten|10) years|"
    # the career told over, as a pitch: "90-second career flow", "'Tell all 18 years' master answer"
    r"career (flow|story|summary|overview|journey|walk-?through|timeline)|tell (all|your) \d+ years|"
    # growth plans, preferences, the résumé told over: "Skill to grow in next 6 months?",
    # "Would you prefer your boss to ...?", "Tell me about your internship experience"
    r"skills? to (grow|develop|improve|learn)|(would|do) you prefer|"
    # the candidate's routine and style, not an occasion: "What does a typical workday look
    # like for you?", "Can you describe your working style in a team?"
    r"(a|your) typical (work ?day|day|week)|your (daily|day-to-day|typical) (routine|schedule)|(your )?(working|work) style|"
    r"what (do|would) you (want|like|hope|plan|need) to (improve|grow|develop|learn|work on|get better)|"
    r"tell (me|us) about your (experience at|internships?|background|resume|r\u00e9sum\u00e9|education|career|studies)|"
    # the present, not an occasion: "How do you stay updated with technology?", "Tell me about
    # your team and role" (a story about a team or a role goes on: "your team's biggest miss",
    # "your role in a launch that failed"; a walk through the current project is an account
    # of the candidate's work, read as an answer)
    r"how do you (stay|keep) (updated|current|up[- ]to[- ]date|informed|abreast|on top of|up with)|"
    r"tell (me|us) about your (current |present )?(team|role)"
    r"(?=\s*(and (your )?(team|role|responsibilities)\b|[?.!\"*\u201d]|$))|"
    r"^your experience (at|with|in)|questions? (to ask|for (the|your) "
    r"interviewers?|i (can|could|should|would) ask))\b"
    # the same sections in Chinese prep notes: self-introduction, questions for the interviewer
    r"|\u81ea\u6211\u4ecb\u7ecd|\u53cd\u95ee"
    # a title that is only "Why" and a name: "2. Why Kinaxis", "Why Stripe"
    r"|^\W*(\d{1,2}[.)]\s*)?why [A-Za-z][A-Za-z&.-]*\W*$",
    re.IGNORECASE,
)
#: Words that name a section of notes: "Tips", "Resources", "Weaknesses", "Template". A
#: title that asks for one event keeps its story: "a time you worked with limited
#: resources", "a time you gave advice", "a time a weakness cost you".
_SECTION_WORD_TITLE = re.compile(
    r"\b(weakness(es)?|strengths?( and weakness(es)?)?|tips?|advice|things to (keep in mind|remember|note|know)|"
    r"notes?|template|framework|checklist|resources|references?|glossary|definitions?|links|overview|agenda|"
    r"structure|format|"
    # the candidate described, not an event: "What's your ideal work environment?", "How would
    # other people describe you?", "What can you do for us", "What are some of your values?"
    r"ideal (work )?(environment|job|role|team|manager|company|workplace)|"
    r"(would|do|does|did) ([a-z-]+ ){0,3}describe (you|yourself)|describe yourself|"
    r"(would|do|does|did) ([a-z-]+ ){0,3}(say|think) (about|of) you\b|"
    r"what can you (do|bring|offer|contribute)|what (are|is) (some of )?your (core |personal |most important )?values?|"
    r"(table of )?contents|"
    # "Technical Deep Dive (for follow-ups)", "Interview One-Liner": notes kept for the
    # interviewer's follow-up questions, a cue line for a story told elsewhere
    r"do'?s and don'?ts|before the interview|follow[- ]ups?|one[- ]liners?|thank[- ]you (note|email|letter))\b"
    # weaknesses and strengths in Chinese prep notes
    r"|\u7f3a\u70b9|\u4f18\u70b9",
    re.IGNORECASE,
)
#: What asks the candidate for one occasion: "a time when", "have you ever", "give an example".
_OCCASION = (r"(an?|the) (time|situation|moment|case|project|occasion) (when|where|in which|that|you|your)|time when|"
             r"have you ever|when (did|have|were) you|(give|provide) (me |us )?(with )?(an? )?examples?|"
             r"share (an? )?(example|time|story|situation)")
_STORY_PROMPT = re.compile(rf"\b({_OCCASION})\b", re.IGNORECASE)
#: ... and the verbs that open a prompt to the candidate ("Tell me about", "Describe ..."):
#: with them, a short paragraph that speaks to "you" is a question line (`reading.answers`)
ASKS = re.compile(rf"\b({_OCCASION}|tell (me|us)|describe|walk (me|us) through|talk about|"
                  rf"can you (tell|describe|share|give|walk|talk)|"
                  # what the candidate does in a kind of situation: "What do you do when a team
                  # member refuses ...?", "How do you handle a missed deadline?"
                  rf"what (do|did|would) you do (when|if)|how (do|did|would) you (handle|deal|manage|resolve|respond|react))\b",
                  re.IGNORECASE)
#: a question put to "you" in Chinese: "你有没有遇到过 ...，你怎么解决的", "你该怎么做"
CHINESE_ASK = (r"[\u4f60\u60a8][^\n]{0,80}?(?:\u600e\u4e48|\u5982\u4f55|\u4ec0\u4e48|\u4e3a\u4ec0\u4e48|\u6709\u6ca1\u6709|"
               r"\u662f\u5426|\u54ea|\u5417|\u5462)")
#: Titles that ask for a story: "Tell me about a time ...", "Biggest mistake", "Conflict?".
_QUESTION_TITLE = re.compile(
    r"\b(tell (me|us)|describe|give (me |us )?an? example|share an? (example|time|story|situation)|walk (me|us) "
    r"through|talk about|a (time|situation|moment|case) (when|where|in which|that|you)|time when|have you ever|when (did|have) you|"
    r"what did you do|how did you|what (do|would) you do (when|if)|how would you (handle|deal|manage|resolve|respond|react|approach)|"
    r"how do you (handle|deal|manage|resolve|approach|prioriti[sz]e|motivate|respond|work with|ensure|use|give|keep|convince|persuade|influence|negotiate|balance|build|communicate|collaborate|mentor|decide|stay|measure|define)|"
    r"(most|biggest|hardest|toughest|greatest|proudest|riskiest|boldest|scariest|worst) \w*|achievement|accomplishment|mistake|failure|failed|"
    r"conflict|disagree(ment|d)?|deadline|pressure|setback|challenges?|challenging|feedback|ownership|initiative|"
    r"leadership|led a|story|stories|case \d+|example|decision|risk|customer|stakeholder|difficult|difficulty|difficulties|proud)\b"
    # the same asked in Chinese, to "you": "你有没有遇到过deadline来不及的情况，你怎么解决的"
    rf"|{CHINESE_ASK}",
    re.IGNORECASE,
)


#: a greeting that opens a self-introduction: "Hi, I'm Corrine, I'm pursuing ...", "Hello, my
#: name is ...", "My name is ..."
_GREETING = re.compile(r"^\W*(?:(?:hi|hello|hey|good (?:morning|afternoon|evening))\b[ ,!.\w]{0,20}?[ ,!.]+"
                       r"(?:i'm|i\u2019m|i am|my name is|this is)\b|my name is\b)", re.IGNORECASE)


def opens_with_greeting(text: str) -> bool:
    """The reply greets the interviewer and says who the speaker is: an introduction."""
    return bool(_GREETING.match(text))


def names_a_pitch(line: str) -> bool:
    """A short line that asks for a pitch, not a story: "So, tell me about yourself.", "Why
    Amazon?" (as a file's opening line, where no heading says so)."""
    return len(line.split()) <= 12 and bool(_NOT_AN_ANSWER_TITLE.search(line))


def title_kind(title: str) -> str:
    """ "question" when a section's title asks for a story (or names a Leadership
    Principle), "not-answer" when it names something else, "" when it says neither."""
    from .principles import find_principles

    if _NOT_AN_ANSWER_TITLE.search(title) or (_SECTION_WORD_TITLE.search(title) and not _STORY_PROMPT.search(title)):
        return "not-answer"
    if _QUESTION_TITLE.search(title) or find_principles(title):
        return "question"
    return ""


@dataclass(frozen=True)
class StoryEvidence:
    """What the text says about itself: counts, so tests and the reader can read why."""

    words: int
    sentences: int
    narrated: int  # sentences where an actor does something in the past tense (or a step bullet)
    habitual: int  # first-person habits or hypotheticals
    questions: int
    advice: int  # imperatives and sentences that speak to "you" without an "I"
    first_person: int = 0  # sentences with an I, we or my (outside quotes), whatever they tell

    @property
    def is_story(self) -> bool:
        if self.words < MIN_STORY_WORDS or not self.sentences:
            return False
        telling = self.narrated + self.habitual
        if telling < 2 and not (telling == 1 and self.sentences <= 2 and self.words >= 25):
            return False
        if (telling + self.first_person) * 3 < self.sentences:
            return False  # notes with a step or two among them: "Designed for horizontal scaling"
        # a story may ask a question or give a tip; a question list or a tips list is mostly those
        return (self.questions + self.advice) < max(2, telling) and self.questions * 2 < self.sentences

    @property
    def answers_a_question(self) -> bool:
        """Under a title that asks for a story, a first-person reply or a few step bullets
        are an answer (a bad one, perhaps), unless it is questions or tips for the reader."""
        if self.words < MIN_STORY_WORDS or not self.sentences or (self.questions + self.advice) * 2 >= self.sentences:
            return False  # half of it asks the reader or tells them what to do: prompts and guidance
        return self.narrated + self.habitual + self.first_person >= 1


def evidence(lines: list[str]) -> StoryEvidence:
    """Weigh the plain text of a section's blocks (one string per block)."""
    words = sentences = narrated = habitual = questions = advice = first_person = 0
    for block in lines:
        unquoted = _QUOTED.sub(" ", _SOFT_BREAK.sub(" ", block))
        if starts := fragment_starts(unquoted):  # "Had a deadline - Colleague didn't reply - ..."
            unquoted = "\n".join(unquoted[a:b] for a, b in zip([0, *starts], [*starts, len(unquoted)]))
        words += len(_WORD.findall(block))
        for match in _SENTENCE.finditer(unquoted):
            sentence = match.group(0).strip()
            if not _WORD.search(sentence):
                continue
            sentences += 1
            first = _LEAD_IN.sub("", sentence.lstrip("-*+>#0123456789.)( \t_"))
            # (a lead-in to what follows tells nothing: "Here are the questions, with my
            # responses:")
            mine = bool(_FIRST_PERSON.search(_ASKERS_ME.sub(" ", sentence))) and not sentence.endswith(":")
            first_person += mine
            if sentence.endswith("?") or (not mine and _PROMPT.match(first)):
                questions += 1
            elif _NARRATED.search(sentence) or (
                    # "Measured outcomes and what you took away" is no step: it speaks to the reader
                    _IMPLIED_STEP.match(first) and (mine or not _SECOND_PERSON.search(sentence))):
                narrated += 1
            elif _HABITUAL.search(sentence):
                habitual += 1
            elif not mine and (_IMPERATIVE.match(first) or _SECOND_PERSON.search(sentence)):
                advice += 1
    return StoryEvidence(words, sentences, narrated, habitual, questions, advice, first_person)


#: words that date a sentence to one occasion, whoever its subject: "there was one time",
#: "the schedule was tight", "two years ago", "I once broke the build" (not the "once" of a
#: condition or a frequency: "once the plan is agreed", "once every two weeks")
EVENT = re.compile(r"\b(was|were|had|did|ago|once(?!\s+(the|a|an|I|we|you|they|he|she|it|this|that|every|per|in|more|"
                   r"again|or|[a-z]+ (days?|weeks?|months?|sprints?))\b)|one time|that time|back then|at the time|last (year|month|week|"
                   r"quarter|summer|spring|fall|autumn|winter|time))\b", re.IGNORECASE)


def is_placeholder(text: str) -> bool:
    """A template's empty slot: "...", "[your answer]", "TBD", "<fill in>"."""
    return bool(_PLACEHOLDER.match(text))
