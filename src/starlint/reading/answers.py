"""SourceFile -> answers: which sections of a file are STAR answers, and their labelled parts.

A file holds one answer or many (a prep document holds them under headings). A section is an
answer when it has STAR labels, or, with no labels, enough first-person prose; tables of
contents, framework code blocks, tips lists and short prefaces are not answers. Unlabelled
answers get their parts inferred later, from the analysed sentences.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace

from ..model import EXTRA_PART_NAMES, PART_NAMES, Answer, Block, Part, Segment, SourceFile
from .labels import LabelHit, block_labels, clean_title, heading_label, labels_a_line
from .markdown import parse_blocks
from .front_matter import split_front_matter
from .principles import find_principles, principles_from_front_matter
from .story import (ASKS, CHINESE_ASK, MIN_STORY_WORDS, StoryEvidence, evidence, is_placeholder, names_a_pitch,
                    opens_with_greeting, title_kind)

#: A section with a single STAR label needs this much prose to be read as an answer.
MIN_UNLABELLED_WORDS = 40


@dataclass
class _Section:
    heading: Block | None
    level: int
    ancestors: list[Block]
    blocks: list[Block] = field(default_factory=list)
    question: Block | None = None  # a question line under the heading ("**Q:** Tell me ...")
    #: for a later story under the same heading: the heading it shares (its title and
    #: principles), while the story starts at its own first line
    shared_heading: Block | None = None
    #: told under a story marker ("story 3: (conflict)"): a story follows the marker, in
    #: notes with no "I" or not
    marked: bool = False
    #: question lines taken in before its prose: three or more are a pasted question list
    asked: int = 0

    def has_prose(self) -> bool:
        return any(b.kind in ("paragraph", "html") and b.text.strip() for b in self.blocks)


#: A line that asks the question an answer replies to: "Q> ...", "Q1: ...", "**Q:** ...",
#: "Question: ...". In a prep document without headings it is where the next answer starts.
QUESTION_LINE = re.compile(r"^[ \t>]*(?:\*\*|__)?(?:Q\d{0,3}|Question(?: \d{1,3}| (?:[Tt]his|[Ii]t) [Aa]nswers| [Aa]nswered)?)(?:\*\*|__)?[ \t]*[>:.)\-](?:\*\*|__)?[ \t]*\S")


#: A line that numbers the stories under one heading: "case 2", "Story 1:", "Example #3 (a
#: failed launch)"; alone on its line, with at most a short title, no sentence. Unnumbered,
#: only "Case:" / "Story:" with nothing after the colon but brackets ("Case:(Ownership)").
_NUMBERED_CASE = r"^[^\S\n]*(?:\*\*|__)?(?:case|story|example|scenario)[^\S\n]*#?[^\S\n]*\d{1,2}(?:\*\*|__)?"
STORY_MARKER = re.compile(
    rf"(?:{_NUMBERED_CASE}[^\S\n]*(?:[:.)\-\u2013][^\S\n]*[^.!?\n]{{0,80}}|\([^)\n]{{0,80}}\))?"
    r"|^[^\S\n]*(?:\*\*|__)?(?:case|story)[^\S\n]*[:\uff1a](?:\*\*|__)?[^\S\n]*(?:\([^)\n]{0,80}\))?)[^\S\n]*$",
    re.IGNORECASE,
)


#: A title line that numbers a story, as plain-text prep files write them: "Tech project #2
#: (collaboration with Prod):", "Failure story 3 - the late migration". Short, with the
#: number, and no sentence outside its brackets.
STORY_TITLE = re.compile(
    r"^[^\S\n]*[A-Za-z][^\n]{0,100}?(?:#[^\S\n]?\d{1,2}|\b(?:case|story|example|scenario|project|failure|success)"
    r"[^\S\n]+#?\d{1,2})\b[^\n]{0,120}$",
    re.IGNORECASE,
)
_BRACKETED = re.compile(r"\([^()\n]*\)")


_DIGIT = re.compile(r"\d")


def _story_title(line: str) -> bool:
    if not _DIGIT.search(line) or not STORY_TITLE.match(line) or STORY_MARKER.match(line):
        return False
    bare = _BRACKETED.sub("", line).strip().rstrip(":").rstrip()
    return len(bare.split()) <= 12 and not re.search(r"[.!?](\s|$)", bare) and not _SPEAKER.search(bare)


_SELF_ASSESSMENT = re.compile(r"^(your |my )?(greatest |biggest |main )?(strengths?|weakness(es)?)"
                              r"( and (strengths?|weakness(es)?))?\s*[?:]?$", re.IGNORECASE)


#: a bracketed tag alone on its line that names the reply below it: "[strength]", "[difficult]"
_TAG_TITLE = re.compile(r"^\[[A-Za-z][A-Za-z /&'-]{1,30}\]$")


def _tags_a_reply(line: str) -> bool:
    return bool(_TAG_TITLE.match(line.strip()))


def _names_a_non_answer(line: str) -> bool:
    """A plain-text file's title line for a section that is no story: "questions to ask to
    interviewer", "Why Amazon?" on its own line, in a file without headings."""
    text = line.strip().strip("*_").strip()
    if not 0 < len(text.split()) <= 8 or re.search(r"[.!]$", text) or _SPEAKER.search(text) or _numbers_a_story(text):
        return False
    # ... or the title of a self-assessment: "Your strength", "Your weakness"
    return names_a_pitch(text) or bool(_SELF_ASSESSMENT.match(text))


_MARKER_PREFIX = re.compile(_NUMBERED_CASE + r"[^\S\n]*[:.)\-\u2013][^\S\n]*", re.IGNORECASE)


def _marker_end(line: str, following: str) -> int:
    """Where a question or marker line's block ends: after the line, or, when a hard-wrapped
    story starts on a marker's line and goes on below it ("Example 1: During a design review
    meeting for part of the project I" / "was leading, there was ..."), after the marker alone:
    the sentence is the story's first."""
    marker = _MARKER_PREFIX.match(line)
    told = line[marker.end():].strip() if marker else ""
    # (not tags after the marker, "story 1: (pressure)", over a labelled note below it); the
    # sentence goes on when the next line starts in lower case or the line stops on a word
    # no title ends with ("... during my internship at" / "FLIR Systems.")
    words = told.split()
    if len(words) >= 5 and not told.startswith("(") and following.strip() and (
            following[:1].islower() or words[-1].lower() in _WRAPPED_ON):
        return marker.end()
    return len(line) + 1


#: words a hard-wrapped line stops on mid-sentence: articles, prepositions, pronouns, "and"
_WRAPPED_ON = frozenset("a an the at of in on to for with from by and or but as i my our we that which who "
                        "was were is are had have has".split())


def _numbers_a_story(line: str) -> bool:
    """A story marker ("case 2", "Case:") or a numbered story title."""
    return bool(STORY_MARKER.match(line)) or (bool(_DIGIT.search(line)) and _story_title(line))


#: a principle's question opening a line, as pasted from a notes app with its definition and
#: first story glued on: "CUSTOMER OBSESSION: Walk us through a time when you ... looked
#: like.leaders start with the customer ...customers.case 1Last year, ..."
_PRINCIPLE_QUESTION = re.compile(r"(?m)^[ \t]*(?P<lp>[A-Z][A-Z ,']{5,60}):[ \t]*(?P<q>[^.?\n]{10,300}[.?])")
#: a numbered case glued to the sentence before it: "... obsess over customers.case 1Last year"
_GLUED_CASE = re.compile(r"(?m)(?:(?<=[.!?\u201d\"])[ \t]*|^[ \t]*)(?=case ?\d{1,2}(?!\d)[ \t]?[A-Za-z(])", re.IGNORECASE)


def _pasted_cuts(text: str) -> list[int]:
    """Where a pasted principle's question ends, and where its numbered cases start, inside
    one line: the question, the definition and each case become blocks of their own."""
    cuts = []
    if ":" in text:  # most paragraphs hold neither a principle's question nor a case number
        for match in _PRINCIPLE_QUESTION.finditer(text):
            if find_principles(match.group("lp")) and ASKS.search(match.group("q")):
                cuts.append(match.end())
    if "case" in text.lower():
        cuts.extend(m.end() for m in _GLUED_CASE.finditer(text))
    return cuts


def _split_at_questions(blocks: list[Block]) -> list[Block]:
    """Question lines and story markers become blocks of their own, so that sections and
    stories can start at them."""
    out: list[Block] = []
    for block in blocks:
        if block.kind != "paragraph":
            out.append(block)
            continue
        cuts = []
        at = 0
        lines = block.text.split("\n")
        if len(lines) > 1 and not block.in_list and (_names_a_non_answer(lines[0]) or _ANSWER_MARK.match(lines[0])
                                                       or _tags_a_reply(lines[0])):
            cuts.append(len(lines[0]) + 1)  # ("**Answer**" over the reply's first line: the mark apart)
        if not block.in_list:
            cuts.extend(_pasted_cuts(block.text))
            if not block.text.isascii() and (asked := _asked_in_chinese(block.text)) is not None:
                # the prompt in Chinese, then the reply in English, from its first word
                cuts.append(asked + len(block.text[asked:]) - len(block.text[asked:].lstrip(" \t")))
        elif len(lines) > 1 and _tags_principles(lines[1]) and _asks_for_a_story(lines[0]):
            # "3. **Give me an example of a time when you set a goal ...**" over its tags
            # ("_Leadership Principles: Deliver Results, Think Big_"): a question list item,
            # whose reply is typed below it (nested, or on the next lines of the item)
            cuts.extend([len(lines[0]) + 1, len(lines[0]) + len(lines[1]) + 2])
        for i, line in enumerate(lines):
            # "// Tell me about a time you failed?" on the line above its answer, too (not in
            # a list, where a prompt line is a note: "Questions: Tell me about ...")
            if QUESTION_LINE.match(line) or (len(lines) > 1 and not block.in_list and (
                    _asks_for_a_story(line) or _numbers_a_story(line) or _titles_a_question(line))):
                cuts.extend([at, at + _marker_end(line, lines[i + 1] if i + 1 < len(lines) else "")])
            at += len(line) + 1
        cuts = sorted({c for c in cuts if 0 < c < len(block.text)})
        rest = block
        offset = 0
        for cut in cuts:
            head, rest = rest.split(cut - offset)
            offset = cut
            out.append(head)
        out.append(rest)
    return out


_YOU = re.compile(r"\b(you|your|yourself|you're|you\u2019re|you've|you\u2019ve)\b", re.IGNORECASE)
_SPEAKER = re.compile(r"\b(I|my|I'm|I\u2019m|I've|I\u2019ve|I'd|I\u2019d)\b")
MAX_PROMPT_WORDS = 50
#: the word a question to the candidate opens with
#: (after a short lead-in: "In previous roles, how have you helped teammates succeed?")
_INTERROGATIVE = re.compile(r"([A-Za-z' ]{1,40}, )?(what|which|how|why|when|where|who|whom|whose|can|could|would|will|"
                            r"do|does|did|have|has|are|is|were|was|if)\b", re.IGNORECASE)


#: a pasted question list's own numbering, which Markdown does not read as a list:
#: "a)        Tell me a time when you failed", "b. Describe a conflict"
_ENUMERATOR = re.compile(r"^(?:[a-z]|\d{1,2})[.)][ \t]+")


def _prompt_words(text: str) -> str:
    """A prompt line without its marks: comment slashes, heading hashes, list bullets, bold,
    and a pasted list's own "a)" lettering."""
    return _ENUMERATOR.sub("", text.strip().lstrip("/#>-*+ \t").strip("*_").strip())


#: a prompt typed as the topic of the answer below it, with no "do" and no question mark
_HOW_YOU = re.compile(r"(how|what) you (work|handle|deal|manage|approach|prioriti[sz]e|resolve|communicate|collaborate|"
                      r"lead|learn|give|receive|react|respond|did|do)\b", re.IGNORECASE)


#: a question asked inside a prompt line: "... and what did you learn from it?"
_ASKED_INSIDE = re.compile(r"\b(what|how|why) (did|do|would|have|were) you\b", re.IGNORECASE)
#: a prompt that ends on its question mark, or on a bracketed list of tags after it
_TAGGED_QUESTION_END = re.compile(r"\?\s*(\([^()]{1,80}\))?\s*$")


def _asks_for_a_story(text: str) -> bool:
    """A short paragraph (a list item, often) that asks the candidate for a story, in their
    reader's words: "1. Tell me about a time you missed a deadline.", "**Give me an example
    of a conflict. How did you handle it?**". It asks ("tell me about", "a time when"),
    speaks to "you", says no "I", and is short. In a prep document that lists its
    questions, each is where an answer starts."""
    if len(text) > 8 * MAX_PROMPT_WORDS or "you" not in text.lower():
        return False  # every form `_YOU` knows spells "you": most paragraphs are told in "I"
    text = _prompt_words(text)
    if "\n" in text or len(text.split()) > MAX_PROMPT_WORDS or _SPEAKER.search(text) or not _YOU.search(text):
        return False
    asked = ASKS.search(text)
    if asked is None and _HOW_YOU.match(text):
        return True  # a prompt typed as a topic: "how you work with a coworker of a different background"
    if asked is None:
        # any question put to "you", one line: "How have you leveraged data to develop a
        # strategy?", "What is the accomplishment you are the most proud of?", "What is your
        # favourite project? Explain it to a non-technical person"; or one that asks inside
        # it, its tags after it: "The biggest mistake you made and what did you learn from
        # it? (earn trust, customer obsession)"
        return "?" in text and bool(_INTERROGATIVE.match(text) or (
            _ASKED_INSIDE.search(text) and _TAGGED_QUESTION_END.search(text)))
    # the ask opens the prompt, or one of its sentences ("We all make mistakes. Tell me about a
    # time you ..."), or the prompt is a question
    opens = asked.start() == 0 or text[: asked.start()].rstrip().endswith((".", "!", "?", ":"))
    return text.endswith("?") or opens


#: a prompt asked in Chinese opening a paragraph, up to its closing mark, before the reply
#: typed after it in English ("a. 你有没有遇到过deadline来不及的情况，你怎么解决的。 Many many
#: times, ..."): CJK text that asks "you", then the end of the paragraph or an ASCII letter
_CHINESE_PROMPT = re.compile(rf"^\W{{0,3}}(?:[A-Za-z0-9]{{1,2}}[.)\u3001]\s*)?(?P<q>(?={CHINESE_ASK})[^\n]{{2,200}}?[\u3002\uff1f?])\s*(?=[A-Za-z\u201c\"]|$)")


def _asked_in_chinese(text: str) -> int | None:
    """Where a Chinese prompt opening `text` ends (mostly CJK, asking "you"), or None."""
    match = _CHINESE_PROMPT.match(text)
    if match is None:
        return None
    asked = match.group("q")
    cjk = sum(1 for c in asked if "\u4e00" <= c <= "\u9fff")
    return match.end("q") if cjk * 2 >= len(asked.replace(" ", "")) else None


def question_text(block: Block) -> str | None:
    """The question a question line asks, without its marker."""
    if block.kind != "paragraph":
        return None
    match = QUESTION_LINE.match(block.text)
    if match is not None:
        return block.text[match.end() - 1 :].strip().strip("*_").strip()
    if not block.text.isascii() and _asked_in_chinese(block.text) == len(block.text.rstrip()):
        return block.text.strip()
    if (_asks_for_a_story(block.text) or (not block.in_list and _titles_a_question(block.text))) \
            and not any(hit.parts for hit in block_labels(block)):  # (a bold line alone is a generic label: it may ask)
        return _prompt_words(block.text)
    return None


#: a short line that names a story question with a question mark, on a line of its own in
#: a plain-text prep file: "Most challenging project?", "Biggest failure?"
MAX_TITLE_QUESTION_WORDS = 6


def _titles_a_question(line: str) -> bool:
    text = line.strip().strip("*_").strip()
    return (text.endswith("?") and "\n" not in text and len(text.split()) <= MAX_TITLE_QUESTION_WORDS
            and not _SPEAKER.search(text) and not re.search(r"\b(we|our)\b", text, re.IGNORECASE)
            and title_kind(text.rstrip("?")) == "question")


def _word_count(blocks: list[Block]) -> int:
    return sum(len(b.text.split()) for b in blocks if b.kind in ("paragraph", "html"))


_STAR = frozenset(("situation", "task", "action", "result"))


def _parts_of(blocks: list[Block]) -> set[str]:
    """The parts the labels in `blocks` open."""
    return {p for b in blocks if b.kind in ("paragraph", "html") for h in block_labels(b) for p in h.parts}


def _is_marker(block: Block) -> bool:
    return block.kind == "paragraph" and not block.in_list and bool(STORY_MARKER.match(block.text))


#: a numbered case with its story on the same line: "Case 2: When I was building the ..."
_CASE_WITH_STORY = re.compile(rf"{_NUMBERED_CASE}(?:[^\S\n]*[:.)\-\u2013\uff1a](?:\*\*|__)?[^\S\n]+\S"
                              # ... or glued to it, as a notes app pasted it: "case 2the client ..."
                              r"|[^\S\n]?(?=[A-Za-z(]))", re.IGNORECASE)


def _opens_a_case(block: Block) -> bool:
    return block.kind == "paragraph" and not block.in_list and not _is_marker(block) \
        and bool(_CASE_WITH_STORY.match(block.text))


def _numbered_stories(section: _Section) -> list[_Section] | None:
    """Stories numbered under one heading ("### Ownership", its definition, "case 1", a
    story, "case 2", another): one answer per numbered story, each sharing the heading. What
    comes before the first marker (a principle's definition, prompts) opens the first story
    unless it tells one itself. The marker lines are not part of the stories."""
    blocks = section.blocks
    told_on_marker = {i for i, b in enumerate(blocks) if i and _opens_a_case(b)}
    marks = [i for i, b in enumerate(blocks) if i in told_on_marker or _is_marker(b)]
    if not marks:
        return None
    # a marker line is left out; a case told on its marker's line keeps it
    runs = [blocks[a + (a not in told_on_marker) : b] for a, b in zip(marks, marks[1:] + [len(blocks)])]
    runs = [piece for run in runs for piece in _skeleton_apart(run)]
    runs = [run for run in runs if any(b.kind in ("paragraph", "html") and b.text.strip() for b in run)]
    head = blocks[: marks[0]]
    if not runs:
        return None
    said = evidence([b.text for b in head if b.kind in ("paragraph", "html")])
    # prompts before the first case ("* Tell the story of the last time you apologized",
    # the last of a question list) are the writer's questions, not the story's opening
    asks = said.questions + said.advice >= 1 and (said.questions + said.advice) * 2 >= said.sentences \
        and not said.first_person
    # ... and so is an empty S/T/A/R skeleton left above the case that is told below it
    head_parts, head_labels = _assign_parts(head)
    # ... and a case right under an item of the writer's question list ("* Tell me about a
    # time you invented something" then "Case:") is told below the list, not in its item
    under_a_prompt = not head and section.heading is not None and section.heading.kind == "paragraph" \
        and section.heading.in_list
    apart = said.is_story or asks or under_a_prompt or (head_labels >= 2 and _is_template(head_parts))
    if apart:
        runs.insert(0, head)
    else:
        runs[0] = head + runs[0]
    stories = _one_per_run(section, runs)
    for story in stories[1 if apart else 0 :]:
        story.marked = True
    first = stories[0].heading
    if not head and first is not None and first.kind == "heading" and stories[0].shared_heading is None:
        # nothing between the heading and the first marker: the first story, like the
        # others, starts under its marker and shares the heading
        stories[0].shared_heading, stories[0].heading = stories[0].heading, None
        if stories[0].question is None:
            stories[0].question = first  # the heading still says what the story answers
    return stories


def _empty_label(block: Block) -> bool:
    """A label line with nothing told after it ("**Problem:**")."""
    hits = block_labels(block) if block.kind == "paragraph" else []
    return len(hits) == 1 and bool(hits[0].parts) and not block.text[hits[0].content_start :].strip()


def _skeleton_apart(run: list[Block]) -> list[list[Block]]:
    """An empty S/T/A/R skeleton left at the top of a case, the story told below it
    ("Case:", "**Problem:**", "**Action:**", "**Result:**", then "**Failed Project** When I
    ..."): two runs, the skeleton a template of its own."""
    n = 0
    while n < len(run) and _empty_label(run[n]):
        n += 1
    if n < 2 or n == len(run):
        return [run]
    return [run[:n], run[n:]]


def _stories(section: _Section) -> list[_Section]:
    """A heading's section that tells two labelled stories or more, one after another (a
    Situation label again after an Action or Result: "## Ownership", then two S/T/A/R
    runs), is one answer per story. Notes before the first story stand apart."""
    if (numbered := _numbered_stories(section)) is not None:
        return numbered
    runs: list[list[Block]] = [[]]
    seen: set[str] = set()
    for block in section.blocks:
        hits = block_labels(block) if block.kind in ("paragraph", "html") else []
        opens = bool(hits) and hits[0].parts[:1] == ("situation",)
        if opens and (seen & {"action", "result"} or (not seen and runs[-1])):
            runs.append([])
            seen = set()
        for hit in hits:
            seen.update(hit.parts)
        runs[-1].append(block)
    # a later run stands as a story with three STAR labels or more; a stub ("S: MNIST data
    # set", "T:") stays with the story before it
    merged = runs[:1]
    for run in runs[1:]:
        if len(_parts_of(run) & _STAR) >= 3:
            merged.append(run)
        else:
            merged[-1].extend(run)
    runs = merged
    if sum(1 for run in runs if _parts_of(run)) < 2 and not _notes_before_a_story(runs):
        return [section]
    titles: dict[int, Block] = {}
    for i in range(1, len(runs)):
        if len(runs[i - 1]) > 1 and _titles(runs[i - 1][-1], runs[i][0]):
            # "2. **Proudest moment:**" over the next story's "- *Situation:*" bullets
            title = runs[i - 1].pop()
            titles[i] = replace(title, kind="heading", level=section.level + 1, in_list=False, labels=None)
    return _one_per_run(section, runs, titles)


def _titles(block: Block, first: Block) -> bool:
    """A short line that names the story whose Situation label follows it: it ends in a colon
    ("**Setting goals:**"), or the labels are nested under it; it tells nothing itself."""
    text = block.text.strip()
    if block.kind != "paragraph" or "\n" in text or block_labels(block) or _SPEAKER.search(text) \
            or len(text.split()) > MAX_TITLE_WORDS or text.endswith((".", "!", "?")):
        return False
    return text.endswith(":") or (block.in_list and first.in_list and first.level > block.level)


def _notes_before_a_story(runs: list[list[Block]]) -> bool:
    """Paragraphs before a Situation label that opens a full S/T/A/R run are the writer's
    notes ("Identify candidates to train in Python."), not the story's opening: the story
    starts at its label."""
    if len(runs) != 2 or _parts_of(runs[0]) or len(_parts_of(runs[1]) & _STAR) < 4:
        return False
    notes = [b for b in runs[0] if b.kind == "paragraph" and not _quotes_a_principle(b) and b.text.strip()]
    # a "Nugget:" or a first line in the story's own list opens the story; so does a story told
    return bool(notes) and not any(b.in_list for b in notes) and runs[1][0].in_list \
        and not evidence([b.text for b in notes]).is_story


def _one_per_run(section: _Section, runs: list[list[Block]], titles: dict[int, Block] | None = None) -> list[_Section]:
    """The section's first run keeps its heading and question; each later run is a story of
    its own that shares the heading (its principles, and its title unless the story has its
    own title line)."""
    first = _Section(section.heading, section.level, section.ancestors, runs[0], section.question, section.shared_heading,
                     asked=section.asked)
    shared = section.heading or section.shared_heading
    titles = titles or {}
    return [first] + [_Section(titles.get(i), section.level, section.ancestors, run, None, shared)
                      for i, run in enumerate(runs) if i]


def _sections(blocks: list[Block]) -> list[_Section]:
    """Split at headings that are not labels; a label heading stays inside its section."""
    sections = [_Section(heading=None, level=0, ancestors=[])]
    stack: list[Block] = []
    label_level: int | None = None  # level of the last label heading in this section
    after_rule = False
    rule_under_prose = False  # the block before was a "---" under an answer's prose
    for block in blocks:
        follows_rule, rule_under_prose = rule_under_prose, False
        if block.kind == "rule":
            rule_under_prose = sections[-1].has_prose()
            # only where headings do not already separate answers: under a heading, "---" is
            # the writer's own structure inside one answer
            current = sections[-1]
            after_rule = current.has_prose() and (current.heading is None or question_text(current.heading) is not None)
            continue
        if after_rule:
            after_rule = False
            if block.kind != "heading" and not block_labels(block):
                # "---" after an answer ends it (unless a label follows: "--- ### Task"); what
                # follows, up to the next heading, stands apart
                sections.append(_Section(heading=None, level=sections[-1].level + 1, ancestors=list(stack)))
                label_level = None
        if _follows_up(sections[-1], block):
            continue  # the interviewer's words, as "Follow-up:" lines are: the answer goes on
        if question_text(block) is not None:
            current = sections[-1]
            if current.has_prose() and current.question is not None and current.heading is not None \
                    and question_text(current.heading) is None:
                # "### Teamwork", a question, its answer, and now another question: the heading
                # names a group of questions, and its first question starts an answer of its own
                sections[-1] = _Section(heading=current.heading, level=current.level, ancestors=current.ancestors)
                sections.append(_Section(heading=current.question, level=current.level + 1,
                                         ancestors=list(stack), blocks=current.blocks))
            if sections[-1].has_prose():
                # the next answer of a document that separates its answers by question lines
                level = sections[-1].level + (0 if sections[-1].heading is not None and question_text(sections[-1].heading) else 1)
                sections.append(_Section(heading=block, level=level, ancestors=list(stack)))
                label_level = None
            elif (asked := _unanswered(sections[-1], block)) is not None:
                # a question left unanswered, a blank line, then the next question: the reply
                # below is the next one's (two question lines in a row ask one question in two
                # ways: "Q> Your hardest project?" / "Q> A time you took the lead?")
                if asked is sections[-1].question:
                    sections[-1].question = block
                else:
                    sections[-1].heading = block
            elif sections[-1].heading is None:
                sections[-1].heading = block  # the question of the answer that follows
                sections[-1].level = (stack[-1].level + 1) if stack else 1
            elif (block.in_list and sections[-1].heading.kind == "heading" and question_text(sections[-1].heading) is None
                  and not find_principles(sections[-1].heading.text)):
                # "### Adaptation" over "4. **Tell me about a time you had to adjust ...**": the
                # heading names a group of listed questions; the answer starts at its question
                # (a principle's heading, "### 1. Customer Obsession", is the answer's principle)
                sections.append(_Section(heading=block, level=sections[-1].level + 1, ancestors=list(stack)))
                label_level = None
            elif sections[-1].question is None:
                sections[-1].question = block  # "## Conflict" then "**Q:** Tell me about ..."
            sections[-1].asked += 1
            continue
        if block.kind == "heading":
            # "### Question 3" (bold labels inside), "---", "### Key Takeaways": a heading at the
            # answer's own level after the rule that ends it sums up the questions above, a
            # section of its own, not this answer's learning
            label = heading_label(block)
            sums_up = follows_rule and label is not None and label.parts == ("learning",) and label_level is None \
                and sections[-1].heading is not None and sections[-1].heading.kind == "heading" \
                and block.level <= sections[-1].heading.level
            if label is not None and not sums_up:
                label_level = block.level
                sections[-1].blocks.append(block)
                continue
            if label_level is not None and block.level > label_level:
                # "### Step 1" under "## Action": part of the Action, not a new answer
                sections[-1].blocks.append(block)
                continue
            label_level = None
            asked = _asking_heading(sections[-1], block)
            while stack and stack[-1].level >= block.level:
                stack.pop()
            if asked is not None:
                sections.pop()  # "<summary>What's the hardest thing you built?" and "## HiL pipeline"
            sections.append(_Section(heading=block, level=block.level, ancestors=list(stack), question=asked))
            stack.append(block)
            continue
        sections[-1].blocks.append(block)
    return [story for section in sections for run in _answer_runs(section) for story in _stories(run)]


#: a follow-up the writer prepared under their answer, asking back about the story just told:
#: "What did you learn from it?", "Why can you do that fast?", "What you would do differently?"
_FOLLOW_UP_QUESTION = re.compile(r"^(?:(?:why|how|what)\b[^?\n]{0,60}\b(?:it|that|this|differently)\W*"
                                 r"|why (?:did|do|can|could|would) you \w+ (?P<what>[^?\n]{1,60}))\?$", re.IGNORECASE)
MAX_FOLLOW_UP_WORDS = 8


def _follows_up(current: _Section, block: Block) -> bool:
    """`block` asks back about the story the section has told so far (its prose tells one,
    under a question): the answer goes on below it."""
    if block.kind not in ("paragraph", "heading") or block.in_list:
        return False
    text = block.text.strip().strip("#*_ ").strip()
    match = _FOLLOW_UP_QUESTION.match(text)
    if len(text.split()) > MAX_FOLLOW_UP_WORDS or match is None or ASKS.search(text):
        return False
    if current.heading is None or not current.has_prose():
        return False
    if match.group("what"):
        # "Why did you choose Jenkins?" asks about what the story told ("... picked Jenkins");
        # "Why did you leave your last job?" is the next question
        told = " ".join(b.text for b in current.blocks if b.kind == "paragraph").lower()
        return any(len(w) > 3 and re.search(rf"\b{re.escape(w)}\b", told) for w in re.findall(r"\w+", match.group("what").lower()))
    return True


def _unanswered(current: _Section, block: Block) -> Block | None:
    """The question line of a section with nothing under it, when `block`, the next question,
    stands apart from it (a blank line between)."""
    asked = current.question if current.question is not None else current.heading
    if asked is None or current.has_prose() or question_text(asked) is None:
        return None
    return asked if block.line > asked.end_line + 1 else None


def _asking_heading(current: _Section, block: Block) -> Block | None:
    """A heading that asks the question, with nothing under it before a heading that names
    the story: the story's section keeps the question it answers."""
    heading = current.heading
    if heading is None or heading.kind != "heading" or current.has_prose():
        return None
    answers = not block.text.strip().rstrip("*_").endswith("?") and not ASKS.search(block.text)
    if current.question is not None:
        # "# Tell me about a time you improved a process", "## Your Strong Example", "### Selenium
        # to Playwright": the question carries down through headings with nothing under them
        inherited = current.question.kind == "heading" and block.level > heading.level
        return current.question if inherited and answers else None
    asks = heading.text.strip().strip("*_").rstrip().endswith("?") or ASKS.search(heading.text)
    return heading if asks and answers else None


#: "**Answer:**" (or "My answer:") alone on its line: where the candidate's words start
_ANSWER_MARK = re.compile(r"^\W*(my |sample |example |another |alternative |second |other )?answer\W*$", re.IGNORECASE)
#: "**Answer**: ..." opening the reply itself
_ANSWER_LABEL = re.compile(r"^\W*(my |sample )?answer\W{0,4}[:\-\u2013]", re.IGNORECASE)


def _first_sentence(text: str) -> str:
    """A prompt's first question: what it asks for ("Tell me about your hiring process."), not
    the probes after it ("... who does the references?")."""
    return re.split(r"(?<=[.?!])\s", text.strip(), maxsplit=1)[0]


def _is_prompt_length(text: str) -> bool:
    """Short, or a list of questions to "you" ("Tell me about your hiring process ... Where do
    you go for talent? What resources do you employ? ...")."""
    words = len(text.split())
    return words <= MAX_PROMPT_WORDS or (words <= 2 * MAX_PROMPT_WORDS and "?" in text and bool(_YOU.search(text)))


def _marked_as_answer(blocks: list[Block]) -> bool:
    first = next((b for b in blocks if b.kind == "paragraph" and b.text.strip()), None)
    return first is not None and bool(_ANSWER_LABEL.match(first.text))


def _answer_runs(section: _Section) -> list[_Section]:
    """A section whose text is marked "**Answer:**" is the text after the mark: what comes
    before it frames the question ("When answering this, it's important to ..."). Two marks
    under one heading are two answers."""
    marks = [i for i, b in enumerate(section.blocks) if b.kind == "paragraph" and _ANSWER_MARK.match(b.text)]
    if not marks:
        return [section]
    runs = [section.blocks[start + 1 : end] for start, end in zip(marks, marks[1:] + [len(section.blocks)])]
    runs = [run for run in runs if any(b.kind in ("paragraph", "html") for b in run)]
    if not runs:
        return [section]
    framing = [b for b in section.blocks[: marks[0]] if b.kind == "paragraph" and b.text.strip()]
    if section.question is None and len(framing) == 1 and "\n" not in framing[0].text.strip() \
            and not _SPEAKER.search(framing[0].text) and _is_prompt_length(framing[0].text):
        # "## Question 2", "- **Why Amazon.**", "**Answer**": the one line before the mark is
        # the question the answer replies to
        section = replace(section, question=framing[0])
    return _one_per_run(section, runs)


#: A paragraph that only links back up the page ("[⬆ Back to Top](#questions)"): navigation
_NAVIGATION = re.compile(r"^[\W_]*(back to (the )?(top|index|contents|table of contents|toc|questions?|list)|top|index)[\W_]*$",
                         re.IGNORECASE)


def _is_navigation(block: Block) -> bool:
    return block.kind == "paragraph" and len(block.text) < 80 and bool(_NAVIGATION.match(block.text))


#: a card's or a note's tag on a line of its own ("*banki_technical_7*" over each question of
#: a flash-card deck): an identifier, not a word said
_TAG = re.compile(r"^\s*#?[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+\s*$")


def _is_tag(block: Block) -> bool:
    return block.kind == "paragraph" and len(block.text) < 80 and bool(_TAG.match(block.text))


#: Amazon's own words for a principle, pasted under its heading ("> Leaders are owners. They
#: think long term ..."): the principle's definition, not the candidate's story
#: (pasted as typed, often in lower case: "leaders start with the customer ...")
_PRINCIPLE_QUOTE = re.compile(r"^\W*(Leaders (are|start|expect|have|raise|work|do|listen|create|never|must|focus|operate|"
                              r"seek|think|act|take|obsess|know|embrace|rarely|want|begin|commit)|"
                              r"Thinking small is a self-fulfilling|We started in a garage|Speed matters in business|"
                              r"Accomplish more with less)\b", re.IGNORECASE)


#: a quotation inside the principle's text ("They never say “that’s not my job.\""), whichever marks close it
_QUOTATION = re.compile(r"[\"\u201c][^\"\u201c\u201d\n]*[\"\u201d]")


def _quotes_a_principle(block: Block) -> bool:
    """The principle's own text pasted under its heading; its "my" inside a quotation is not the writer's."""
    return block.kind == "paragraph" and bool(_PRINCIPLE_QUOTE.match(block.text)) \
        and not _SPEAKER.search(_QUOTATION.sub(" ", block.text))


#: the interviewer's follow-up, typed into the answer: "**Follow-up:** How did your
#: coworker respond? Were they receptive?"
_FOLLOW_UP = re.compile(r"^\W*follow[- ]?ups?(?: questions?)?\W*[:\-\u2013\u2014]\W*", re.IGNORECASE)
_ASKED = re.compile(r"[^.!?]*\?")


def _asks_a_follow_up(block: Block) -> bool:
    """A follow-up question and nothing else: the interviewer's words, not the candidate's."""
    if block.kind != "paragraph" or not (mark := _FOLLOW_UP.match(block.text)):
        return False
    rest = block.text[mark.end() :].strip()
    return bool(rest) and not _ASKED.sub("", rest).strip()


_SENTENCE_END = re.compile(r"[.!?](?=[\s\w\u201c\"])")


def _after_a_pasted_principle(block: Block) -> int | None:
    """Where the speaker's own words start in a block that opens with a principle's text
    ("Leaders are obligated to ... they commit wholly.If I have a different idea ..."): the
    first sentence with an "I" or "my"."""
    if block.kind != "paragraph" or not _PRINCIPLE_QUOTE.match(block.text):
        return None
    text = block.text
    line_end = text.find("\n") if "\n" in text else len(text)  # a line break is a break: see below
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, line_end)]
    for start, end in zip(ends, ends[1:] + [line_end]):
        if _SPEAKER.search(_QUOTATION.sub(" ", text[start:end])):
            while start < len(text) and text[start].isspace():
                start += 1
            return start if start < len(text) else None
    return None


def _drop_navigation(blocks: list[Block]) -> list[Block]:
    """Paragraphs, and last lines of paragraphs, that only link back up the page; tag lines;
    and the definitions of principles pasted under their headings."""
    out = []
    for block in blocks:
        if _is_navigation(block) or _is_tag(block) or _quotes_a_principle(block) or _asks_a_follow_up(block) \
                or _lists_principles(block):
            continue
        told = _after_a_pasted_principle(block)
        if told is not None:
            # "Leaders listen attentively, ... against the best.vocally self criticalThe biggest
            # mistake I've made ...": the principle's text and the story, glued by a paste
            block = block.split(told)[1]
        first = block.text.find("\n")
        if block.kind == "paragraph" and first > 0 and _quotes_a_principle(block.split(first)[0]):
            # the definition typed on the line above the candidate's own words, no blank line
            # between: "Leaders are obligated to ... / If I have a different idea ..."
            block = block.split(first + 1)[1]
        last = block.text.rfind("\n")
        if block.kind == "paragraph" and last > 0 and _NAVIGATION.match(block.text[last + 1 :]):
            block = block.split(last)[0]
        out.append(block)
    return out


def _is_index(blocks: list[Block]) -> bool:
    """A table of contents: a third or more of the section's lines link into the page
    ("[Ownership](#ownership)", "1. [Dive deep](#dive-deep): Questions: ..."), and what is
    not link text tells no story of its own."""
    if not any(block.page_links for block in blocks):
        return False  # most sections: no link into the page at all
    lines = linked = 0
    rest: list[str] = []
    for block in blocks:
        if block.kind not in ("paragraph", "html"):
            continue
        start = 0
        for line in block.text.split("\n"):
            end = start + len(line)
            if line.strip():
                lines += 1
                links = [(s, e) for s, e in block.page_links if s < end and e > start]
                linked += bool(links)
                kept, at = [], start
                for s, e in links:
                    kept.append(block.text[at:max(at, s)])
                    at = max(at, e)
                rest.append(" ".join(kept) + block.text[at:end])
            start = end + 1
    return linked >= 3 and linked * 3 >= lines and not evidence(rest).is_story


def _assign_parts(blocks: list[Block]) -> tuple[dict[str, Part], int]:
    """Walk the blocks, opening a part at each label; return the parts and STAR labels seen."""
    parts: dict[str, Part] = {}
    current: list[Part] = []  # parts the text now belongs to ((ST) opens two)
    star_labels: set[str] = set()

    def add(block: Block, start: int, end: int) -> None:
        if not current or end <= start or not block.text[start:end].strip():
            return
        # the first part holds the text; a merged second part ((ST)) shares it
        current[0].segments.append(Segment(block, start, end))

    for block in blocks:
        if block.kind in ("code", "table"):
            continue
        hits: list[LabelHit] = block_labels(block)
        if block.kind == "heading" and not hits:
            add(block, 0, len(block.text))  # a sub-heading inside a part
            continue
        pos = 0
        for hit in hits:
            if not hit.parts and current and not any(p.segments for p in current) \
                    and not block.text[hit.start : hit.content_start].rstrip().rstrip("*_").endswith(":"):
                # a bold line right under a STAR label with nothing told yet ("**S:**", then
                # "**the gist, as a note to self**", then the story) is that part's first line
                continue
            add(block, pos, hit.start)
            current = []
            for name in hit.parts:
                part = parts.get(name)
                if part is None:
                    part = parts[name] = Part(name=name, segments=[], label=Segment(block, hit.start, hit.end))
                current.append(part)
                if name in PART_NAMES:
                    star_labels.add(name)
            pos = hit.content_start
        add(block, pos, len(block.text))
    return parts, len(star_labels)


_LETTER_A = re.compile(r"^\W*A\W*$")


def _answer_letter(parts: dict[str, Part], section: _Section) -> bool:
    """The one label is the "A" of "Q: ... / A: ...", the reply's letter, not an Action."""
    asked = section.heading if section.heading is not None else section.question
    action = parts.get("action")
    return action is not None and action.label is not None and set(parts) & set(PART_NAMES) == {"action"} \
        and bool(_LETTER_A.match(action.label.text)) and asked is not None and bool(QUESTION_LINE.match(asked.text))


#: a reply typed in note fragments: "LB. Self-drive. Host meeting. Propose idea."
MIN_SKETCH_WORDS = 8
#: notes about interviewing, not a story: "Used the STAR method wherever possible. Went well!"
_ABOUT_INTERVIEWS = re.compile(r"\b(STAR|interview(s|er|ers)?|answers?|questions?|recruiters?)\b", re.IGNORECASE)


#: a note that sends the reader to a story told elsewhere in the bank: "Deploy S001", "use
#: story 3", "same as the migration story", "That IS the receiving feedback story"
_POINTER = re.compile(
    r"\b(deploy|use|reuse|re-use|see|same as|refer to|go with|pick|draw on|point to)\b[^.\n]{0,15}?"
    r"\b(S\d{1,3}|(story|example|case) ?#?\d{1,3}|the [a-z-]+( [a-z-]+)? story)\b"
    r"|\bthat(\s+is|\s+IS|'s|\u2019s) (the|my) [a-z -]{1,40} story\b",
    re.IGNORECASE,
)
#: a pointer is a line or two; a longer reply that mentions another story still tells its own
POINTER_MAX_WORDS = 40


def _points_elsewhere(texts: list[str]) -> bool:
    """A short note that names the story to tell instead of telling one."""
    joined = " ".join(texts)
    return len(joined.split()) <= POINTER_MAX_WORDS and bool(_POINTER.search(joined))


#: an item that opens on a story's name before a colon: "BEUMER Group: Apologized to my
#: manager ...", "JHU TA: Apologized to students"
_NAMED_ITEM = re.compile(r"^\W*(?P<name>[A-Z][\w.&'/-]*(?: [\w.&'/-]+){0,3})\s*:")
#: the longest item of such a list (a story told in one item is an answer, the rest its options)
STORY_OPTION_MAX_WORDS = 20


def _story_name(item: Block) -> str | None:
    """The name an item opens on: in bold ("**PyData** overnight demo remake"), or before a colon."""
    lead = len(item.text) - len(item.text.lstrip())
    bold = next(((a, b) for a, b in item.strong if a <= lead + 1 and b - a <= 40), None)
    if bold is not None:
        return item.text[bold[0] : bold[1]].strip(" :*_").lower() or None
    match = _NAMED_ITEM.match(item.text)
    return match.group("name").lower() if match else None


def _lists_stories(blocks: list[Block]) -> bool:
    """Two or more list items, each a few words under a different story's name: the stories
    that could answer the question, noted for later, not one told."""
    items = [b for b in blocks if b.kind == "paragraph"]
    if len(items) < 2 or not all(b.in_list for b in items):
        return False
    names = set()
    for item in items:
        name = _story_name(item) if len(item.text.split()) <= STORY_OPTION_MAX_WORDS else None
        if name is None or block_labels(item):
            return False
        names.add(name)
    return len(names) == len(items)


def _sketch(texts: list[str], found: StoryEvidence) -> bool:
    """Under a question that asks for a story, a reply of two note fragments or more, none a
    question and none spoken to "you", is the candidate's sketch of their story (a bad answer,
    too short); one fragment ("quality, move too fast") is a pointer to a story told elsewhere."""
    return found.words >= MIN_SKETCH_WORDS and found.sentences >= 2 and not found.questions \
        and not found.advice and not any(_YOU.search(t) or _ABOUT_INTERVIEWS.search(t) for t in texts) \
        and not all(_names_principles_only(t) for t in texts)


def _names_principles_only(text: str) -> bool:
    """A line that only names principles ("* Ownership", "Learn and Be Curious"): a tag of the
    question it sits under, not a note of a story."""
    names = find_principles(text)
    rest = text
    for name in names:
        rest = re.sub(re.escape(name), " ", rest, flags=re.IGNORECASE)
    return bool(names) and not re.sub(r"[\W_]+|\band\b", "", rest, flags=re.IGNORECASE)


#: the lead of a line of principle tags: "_Leadership Principles: Ownership, Think Big_"
_PRINCIPLES_LEAD = re.compile(r"^[\W_]*(amazon )?(leadership principles?|principles?|LPs?)\W*[:\-\u2013\u2014]", re.IGNORECASE)


def _tags_principles(line: str) -> bool:
    """A line of the principles a question tests, with or without its lead."""
    return _names_principles_only(re.sub(r"[*_]+", " ", _PRINCIPLES_LEAD.sub(" ", line, count=1)))


def _lists_principles(block: Block) -> bool:
    """A line that lists the principles a question tests, under it ("_Leadership Principles:
    Deliver Results, Think Big_"): the writer's tags, not words of the answer."""
    return (block.kind == "paragraph" and "\n" not in block.text.strip() and bool(_PRINCIPLES_LEAD.match(block.text))
            and _tags_principles(block.text))


def _tells(parts: dict[str, Part]) -> bool:
    """The parts narrate something (under a title such as "Tips", a labelled section must)."""
    found = evidence([p.text for n, p in parts.items() if n in PART_NAMES])
    return found.narrated + found.habitual >= 2


def _tells_anything(found: StoryEvidence) -> bool:
    """One STAR label over bullets is an answer in notes only if something in it is told
    ("Led the migration", "I ..."): a playbook's "Goal:" over imperative steps tells nothing."""
    return found.narrated + found.habitual >= 2 or found.first_person >= 1


def _is_template(parts: dict[str, Part]) -> bool:
    """A `STAR:` skeleton: every part empty, a placeholder, or an instruction ("Describe
    the context", "What did YOU do?"), none of them telling anything."""
    for name in PART_NAMES:
        part = parts.get(name)
        if part is None:
            continue
        text = part.text.strip()
        if is_placeholder(text):
            continue
        found = evidence([text])
        if found.narrated or found.habitual or not (found.questions or found.advice):
            return False
    return True


#: a paragraph that is one quotation from its first character to its last
_WHOLLY_QUOTED = re.compile(r'^\s*(?:\u201c[^\u201c\u201d]*\u201d|"[^"]*")\s*$')
#: a line that is one quotation, after an answer marker or none: 'Answer: "I view quality as ..."'
_QUOTED_LINE = re.compile(r'^(\s*(?:[*_]{0,2}(?:my answer|answer|response|a)[*_]{0,2}\s*:[*_]{0,2}\s*)?)'
                          r'(?:\u201c([^\u201c\u201d\n]*)\u201d|"([^"\n]*)")\s*$', re.IGNORECASE | re.MULTILINE)


def _spoken(text: str) -> str:
    """The reply without the quotation marks around the whole of it, or around a line of
    it (a quoted reply with notes typed below it)."""
    if _WHOLLY_QUOTED.match(text):
        return text.strip()[1:-1]
    return _QUOTED_LINE.sub(lambda m: m.group(1) + (m.group(2) if m.group(2) is not None else m.group(3)), text)


#: question lines in a row that are a pasted question list, not one question asked two ways
MIN_LISTED_PROMPTS = 3


def _prompt_run(section: _Section) -> bool:
    """The section opens on a pasted list of question lines, not on a heading."""
    return (section.heading is not None and section.heading.kind == "paragraph" and section.asked >= MIN_LISTED_PROMPTS
            and any(b.kind in ("paragraph", "html") and b.text.strip() for b in section.blocks))


def _make_answer(source: SourceFile, section: _Section, title: str, meta: dict) -> Answer | None:
    prose = [b for b in section.blocks if b.kind in ("paragraph", "html", "heading")]
    if not prose:
        return None
    if _is_index(section.blocks):
        line = (section.heading or section.blocks[0]).line
        source.quiet_notices.append(f"{source.path}:{line}: a table of contents (links into the page), not linted")
        return None
    parts, star_labels = _assign_parts(section.blocks)
    words = _word_count(section.blocks)
    labelled = star_labels >= 2
    if labelled and _is_template(parts):
        line = (section.heading or section.blocks[0]).line
        source.quiet_notices.append(f"{source.path}:{line}: a STAR template (labels with nothing told under them), not linted")
        return None
    if labelled and title_kind(title) == "not-answer" and not _tells(parts):
        return None  # "Situation: Set the context" in a tips list
    if not labelled:
        # one STAR label ("Situation:" and then bullets) labels too little to place the
        # other parts: they are inferred like prose, and the section is an answer like prose
        kind = title_kind(title)
        numbered = _story_title(title) or section.marked
        if kind == "" and numbered:
            kind = "question"  # "Tech project #2 (with Prod):" names the story told below it
        if kind == "" and section.question is not None and section.question.kind == "heading":
            # "## HiL pipeline" under the question it answers; "## Strong Answer" under "# Why
            # Apple?" is a pitch still
            kind = "pitch" if title_kind(clean_title(section.question.text)) == "not-answer" else "question"
        elif kind == "" and section.question is not None and not question_text(section.question) \
                and (framed := title_kind(_first_sentence(clean_title(section.question.text)))):
            # the line above "**Answer**", not read as a question line: "- **Why Amazon.**" asks
            # for a pitch, "- **Tell me about your hiring process ... Where do you go for talent?
            # ...**" (too long for a question line) for an answer
            kind = "pitch" if framed == "not-answer" else framed
        elif kind == "" and section.question is not None and (asked := question_text(section.question)):
            # "# TMAY" over "**Q**: Tell me about yourself" (its "**A**:" is the Answer's letter)
            kind = "pitch" if title_kind(asked) == "not-answer" else title_kind(asked)
        if kind == "" and section.question is None:
            first = next((b for b in section.blocks if b.kind == "paragraph" and b.text.strip()), None)
            opening = first.text.split("\n", 1)[0] if first is not None else ""
            # a file that opens "So, tell me about yourself." under no heading; a list item
            # "1. Why do you want to work at Meta" over its nested reply, under "# Questions"
            if names_a_pitch(opening) and (section.heading is None or (first.in_list and "\n" not in first.text.strip())):
                kind = "pitch"
            elif opens_with_greeting(opening):
                kind = "pitch"  # "Hi, I'm Corrine, I'm pursuing a double major ...": an introduction
        if kind == "pitch" or (kind == "not-answer" and (not star_labels or _answer_letter(parts, section)
                                                         or (star_labels == 1 and not _tells(parts)))):
            return None  # "Why Amazon?", "Tell me about yourself", "Tips": not a behavioral answer
        texts = [b.text for b in section.blocks if b.kind in ("paragraph", "html")]
        if _points_elsewhere(texts):
            return None  # "Deploy S001: when I admitted the fault ... That is the feedback story."
        if _lists_stories(section.blocks):
            return None  # "- **PyData** overnight demo remake / - **Beumer Group** failed to meet ..."
        # under a question, a reply written wholly inside quotation marks is the candidate's
        # spoken answer, not a sample quoted in a tip ("> “I prioritize based on risk ...”")
        found = evidence([_spoken(t) for t in texts] if kind == "question" else texts)
        if not (found.is_story or (kind == "question" and (found.answers_a_question or (bool(ASKS.search(title)) and _sketch(texts, found))))
                or (star_labels and words >= MIN_UNLABELLED_WORDS and _tells_anything(found))
                # a numbered story's title ("Tech project that went well #3") says a story
                # follows, told in notes with no "I" or not; so does a reply marked as the
                # answer under a question ("- **Answer**: Automating a multi-cloud deployment ...")
                or ((numbered or (kind == "question" and _marked_as_answer(section.blocks)))
                    and found.words >= MIN_STORY_WORDS
                    and found.questions * 2 < found.sentences and found.advice * 2 < found.sentences)):
            return None
        parts = {}
    last = section.blocks[-1] if section.blocks else section.heading
    start = section.heading or section.blocks[0]
    listed = _prompt_run(section)
    if listed:
        # "a) Tell me a time you failed" ... "g) Tell me a goal you didn't achieve", then the
        # reply: the pasted prompts are a question list, and the answer starts at the reply
        # (its findings about the whole answer point there, not at the first prompt)
        start = next(b for b in section.blocks if b.kind in ("paragraph", "html") and b.text.strip())
    principles: list[str] = []
    for named in (section.heading, section.shared_heading):  # a story's own title, and the heading it shares
        for name in find_principles(named.text) if named is not None else []:
            if name not in principles:
                principles.append(name)
    for name in principles_from_front_matter(meta):
        if name not in principles:
            principles.append(name)
    section_principles: list[str] = []
    for ancestor in section.ancestors:
        for name in find_principles(ancestor.text):
            if name not in section_principles and name not in principles:
                section_principles.append(name)
    return Answer(
        source=source,
        title=title,
        line=start.line,
        end_line=last.end_line if last else start.line,
        heading=None if listed else section.heading,
        blocks=[b for b in section.blocks if b.kind in ("paragraph", "html", "heading")],
        parts={n: p for n, p in parts.items() if n in PART_NAMES + EXTRA_PART_NAMES},
        principles=principles,
        section_principles=section_principles,
        labelled=labelled,
        front_matter=meta,
        question=section.question if section.question is not None else (
            section.heading if section.heading is not None and question_text(section.heading) else None),
    )


def parse_answers(source: SourceFile) -> list[Answer]:
    meta, text, notices = split_front_matter(source.text)
    source.notices.extend(f"{source.path}: {n}" for n in notices)
    return answers_from_blocks(source, prose_blocks(parse_blocks(text)), meta)


def _label_lines(blocks: list[Block]) -> list[Block]:
    """Headings that are label lines with their text ("###### - Situation: While ...") are
    read as the paragraphs they are."""
    out = []
    for block in blocks:
        at = labels_a_line(block)
        if at is not None:
            block = replace(block.split(at)[1] if at else block, kind="paragraph", level=0, labels=None)
        out.append(block)
    return out


def prose_blocks(blocks: list[Block]) -> list[Block]:
    """Parsed blocks as sections are cut from them: question lines apart, navigation links
    dropped. Block by block, so the editor server can do it per piece of a file."""
    return _drop_navigation(_title_headings(_split_at_questions(_label_lines(blocks))))


def _title_headings(blocks: list[Block]) -> list[Block]:
    """A story's title line on its own ("Tech project #2 (with Prod):"), as plain-text prep
    files write them, is the heading of the story below it."""
    return [replace(b, kind="heading", level=3, labels=None)
            if b.kind == "paragraph" and not b.in_list and "\n" not in b.text.strip()
            and (_story_title(b.text.strip()) or _names_a_non_answer(b.text) or _tags_a_reply(b.text))
            else b for b in blocks]


#: "6. Projects and difficulties" at the left margin: a numbered item that may title what follows
_NUMBERED_ITEM = re.compile(r"^\d{1,2}[.)][ \t]+\S")
#: how many such titles make a file's structure (fewer: a numbered list of steps or notes)
MIN_NUMBERED_TITLES = 3
MAX_TITLE_WORDS = 12


def _numbered_titles(blocks: list[Block], text: str) -> list[Block]:
    """In a file without headings, numbered items that each title the bullets or prose
    below them ("1. Time you failed something?" then "- Technical interview ...") are its
    headings: the writer numbered their questions instead of marking them up. An item
    followed by the next item, or by text nested inside it, is a list entry, not a title."""
    if any(b.kind == "heading" for b in blocks):
        return blocks
    lines = text.split("\n")
    titles = []
    visible = [i for i, b in enumerate(blocks) if b.text.strip()]  # not a line of only a comment
    for i, nxt in zip(visible, visible[1:]):
        block, after = blocks[i], blocks[nxt]
        if (block.kind == "paragraph" and block.in_list and block.level == 1 and "\n" not in block.text.strip()
                and len(block.text.split()) <= MAX_TITLE_WORDS and _NUMBERED_ITEM.match(lines[block.line - 1])
                and after.kind in ("paragraph", "html") and after.level <= 1
                and not _NUMBERED_ITEM.match(lines[after.line - 1])):
            titles.append(i)
    if len(titles) < MIN_NUMBERED_TITLES:
        return blocks
    out = list(blocks)
    for i in titles:
        out[i] = replace(blocks[i], kind="heading", level=2, in_list=False, labels=None)
    return out


#: a title line of a plain-text file: a few capitalised words alone on their line, no
#: sentence ("About Me", "Experiences")
_PLAIN_TITLE = re.compile(r"^[A-Z][A-Za-z'&/-]*(?: [A-Za-z'&/-]+){0,3}$")
#: how many such lines make a file's structure (fewer: a line of emphasis, a name)
MIN_PLAIN_TITLES = 3


def _plain_titles(blocks: list[Block], text: str) -> list[Block]:
    """In a file without marked-up headings, short title lines over paragraphs of prose
    ("About Me", then "Experiences" over each story) are its headings, as a writer of plain
    text marks them; a line that is a STAR label stays a label."""
    lines = text.split("\n")
    if any(b.kind == "heading" and lines[b.line - 1].lstrip().startswith("#") for b in blocks):
        return blocks
    visible = [i for i, b in enumerate(blocks) if b.text.strip()]
    titles = [i for i, nxt in zip(visible, visible[1:])
              if blocks[i].kind == "paragraph" and not blocks[i].in_list and _PLAIN_TITLE.match(blocks[i].text.strip())
              and blocks[nxt].kind == "paragraph" and not _PLAIN_TITLE.match(blocks[nxt].text.strip())
              and len(blocks[nxt].text.split()) > MAX_TITLE_WORDS and not block_labels(blocks[i])]
    # ("About Me" is a heading already: it names a section that is no answer)
    named = sum(1 for b in blocks if b.kind == "heading" and _PLAIN_TITLE.match(b.text.strip()))
    if len(titles) + named < MIN_PLAIN_TITLES:
        return blocks
    out = list(blocks)
    for i in titles:
        out[i] = replace(blocks[i], kind="heading", level=2, labels=None)
    return out


#: how many prompts, each with the writer's reply nested under it, make a list of prompts
MIN_ANSWERED_PROMPTS = 2


def _inline_replies(blocks: list[Block]) -> list[Block]:
    """A prompt item whose reply is typed on the lines below it, in the same item ("- How do
    you deal with conflict?  / I act differently ..."): the reply is nested under the prompt,
    as if indented as a paragraph of its own."""
    out: list[Block] = []
    for block in blocks:
        cut = block.text.find("\n")
        if block.in_list and block.kind == "paragraph" and cut > 0:
            prompt, reply = block.text[:cut].strip(), block.text[cut + 1 :]
            # (a prompt may end in a full stop: "- Talk about a time when you had to work with ...")
            asks = prompt.endswith("?") or _asks_for_a_story(prompt)
            if asks and _YOU.search(prompt) and not _SPEAKER.search(prompt) and _SPEAKER.search(reply):
                head, rest = block.split(cut + 1)
                out.extend([head, replace(rest, level=block.level + 1)])
                continue
        out.append(block)
    return out


def _prompt_lists(blocks: list[Block]) -> list[Block]:
    """A pasted list of prompts ("- How do you approach ambiguous situations? ...") with the
    writer's replies nested under them ("    - I drew a sequence diagram ..."): each prompt
    is the question its nested reply answers. Only where no top item speaks for the writer
    and at least two prompts have a reply in the first person."""
    blocks = _inline_replies(blocks)
    out = list(blocks)
    i = 0
    while i < len(blocks):
        if not blocks[i].in_list:
            i += 1
            continue
        end = i
        while end < len(blocks) and blocks[end].in_list:
            end += 1
        # (a line with no words, such as an inline comment "<!-- starlint-disable ... -->",
        # separates nothing)
        run = [j for j in range(i, end) if blocks[j].text.strip()]
        if not run:
            i = end
            continue
        top = min(blocks[j].level for j in run)
        items = [j for j in run if blocks[j].level == top and blocks[j].kind == "paragraph"]
        after = dict(zip(run, run[1:]))
        answered = [j for j in items if j in after and blocks[after[j]].level > top
                    and _YOU.search(blocks[j].text) and _SPEAKER.search(blocks[after[j]].text)]
        # (an item's own first line: "Why Facebook?" with its reply typed below it still asks)
        if len(answered) >= MIN_ANSWERED_PROMPTS and not any(_SPEAKER.search(blocks[j].text.split("\n", 1)[0])
                                                             for j in items):
            for j in items:
                out[j] = replace(blocks[j], kind="heading", level=max(3, top + 2), in_list=False, labels=None)
        i = end
    return out


def answers_from_blocks(source: SourceFile, blocks: list[Block], meta: dict, make=None) -> list[Answer]:
    """The answers of a file's blocks. The editor server parses a file piecewise and passes
    a `make` that reuses the Answers of unchanged sections."""
    make = make or _make_answer
    sections = _sections(_prompt_lists(_plain_titles(_numbered_titles(blocks, source.text), source.text)))
    stem = os.path.splitext(os.path.basename(source.path))[0] or source.path
    default_title = str(meta.get("title") or stem)
    answers: list[Answer] = []
    for section in sections:
        named = section.heading or section.shared_heading
        question = question_text(named) if named is not None else None
        title = clean_title(question or named.text) if named else default_title
        answer = make(source, section, title or default_title, meta)
        if answer is not None:
            answers.append(answer)
    return answers
