"""Recognise STAR part labels in the forms real prep repos use.

Forms (see shared/notes/star-advice.md): `Situation:`, `**Situation:**`, `**Situation**`,
`## Situation`, `<b>Situation:</b>`, `S:` / `- S:`, inline `(S) ... (T) ... (A) ... (R)`,
`(ST)` for a merged Situation+Task, synonyms Context / Goal / Approach / Outcome, and a
trailing Learnings / Lessons / Takeaway section.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..model import Block
from ..suggest import edit_distance

#: label word (lower case) -> part name
LABEL_WORDS: dict[str, str] = {
    "situation": "situation",
    "context": "situation",
    "background": "situation",
    "problem": "situation",
    "challenge": "situation",
    # CAR (Cause / Action / Result), the form bootcamp question decks teach
    "cause": "situation",
    "the situation": "situation",
    # the 30-90-30 form ("**Setup (30 sec)**:", "**Actions (90 sec)**:", "**Results (30 sec)**:")
    "setup": "situation",
    # a project told under a résumé's headings ("Project Overview:", "Your Role:", "Challenges
    # and Solutions:", "Achievements and Impact:")
    "project overview": "situation",
    "task": "task",
    "tasks": "task",
    "goal": "task",
    "goals": "task",
    "objective": "task",
    "my task": "task",
    "my role": "task",
    "your role": "task",
    "responsibility": "task",
    "action": "action",
    "actions": "action",
    "approach": "action",
    "what i did": "action",
    "actions taken": "action",
    # what the speaker did to find the cause, labelled apart from the fix ("**Investigation**:
    # I profiled ..."). Not "Diagnosis": the bank titles a step of its Action list with it
    "investigation": "action",
    "challenges and solutions": "action",
    "result": "result",
    "results": "result",
    "outcome": "result",
    "resolution": "result",
    "outcomes": "result",
    "impact": "result",
    "achievements and impact": "result",
    "learning": "learning",
    "learnings": "learning",
    "lesson": "learning",
    "lessons": "learning",
    "lessons learned": "learning",
    "lessons learnt": "learning",
    "what i learned": "learning",
    "what i learnt": "learning",
    "takeaway": "learning",
    "takeaways": "learning",
    "key takeaway": "learning",
    "key takeaways": "learning",
    "reflection": "learning",
    "reflections": "learning",
    "review": "learning",
    "key learning": "learning",
    "key learnings": "learning",
    "main learning": "learning",
    "learning outcome": "learning",
    "lesson learned": "learning",
    "lesson learnt": "learning",
    # as prep notes typed in a hurry write it: "lesson learn: talk it through calmly"
    "lesson learn": "learning",
    "lessons learn": "learning",
    # "- learned : reach out early", "Key principles:" after the Result, the writer's takeaway
    "learned": "learning",
    "learnt": "learning",
    "key principles": "learning",
    "what i learned from it": "learning",
    "interview takeaway": "learning",
    "my takeaway": "learning",
    "retrospective": "learning",
    # what the story taught that others do not know ("**Earned Secret**: the safe sequence is
    # copy, route, verify, then delete")
    "earned secret": "learning",
    "earned secrets": "learning",
    # a closing heading after the Result, the writer's takeaway ("### Conclusion", "It taught
    # me that small daily discipline compounds")
    "conclusion": "learning",
    # the reply to "What would you do differently?" written as its own part
    "what i would do differently": "learning",
    "what i'd do differently": "learning",
    "what i would change": "learning",
}
LETTER_LABELS: dict[str, tuple[str, ...]] = {
    "s": ("situation",),
    "t": ("task",),
    "a": ("action",),
    "r": ("result",),
    "l": ("learning",),
    "st": ("situation", "task"),
}

_WORDS = "|".join(sorted((re.escape(w) for w in LABEL_WORDS), key=len, reverse=True))
# A label at the start of a line: "Situation:", "SITUATION -", "S:", "(S)", "S)", and a word
# label with a note in brackets before its colon ("Action (Highlights):", "Result (2023):").
_LINE_LABEL = re.compile(
    rf"(?P<label>(?:{_WORDS})[ \t]*(?:&|\+|/|and|or)[ \t]*(?:{_WORDS})|(?:s|t|a|r|l)[ \t]*[/&+][ \t]*(?:s|t|a|r|l)\b|(?:{_WORDS})[ \t]*/[ \t]*[A-Za-z]{{3,20}}|\(?(?:{_WORDS})\)?|\(?(?:st|s|t|a|r|l)\)?)(?P<qual>[ \t]*\([^()\n]{{1,40}}\))?[ \t]*(?P<sep>[:\uff1a]|[-\u2013\u2014](?=\s)|\.(?=\s)|(?=\n)|\Z)",
    re.IGNORECASE,
)
#: a list number glued to the label after it ("2.Task:", "3)Action:"), which Markdown does
#: not read as a list marker
_GLUED_NUMBER = re.compile(r"\d{1,2}[.)](?=[A-Za-z])")
#: a label word and its colon opening a sentence: "situation: the customer wanted ..."
_OPENING_LABEL = re.compile(rf"^[\W_]*(?P<word>{_WORDS})[ \t]*[:\uff1a]", re.IGNORECASE)


def opening_label(text: str) -> str | None:
    """The part a sentence names by its opening label ("situation: ...", "Impact: ..."). In
    notes the reader did not read as labelled (one label among plain lines), the label
    still says which part its line tells."""
    match = _OPENING_LABEL.match(text)
    return LABEL_WORDS.get(" ".join(match.group("word").lower().split())) if match else None


_LETTER_PAIR = re.compile(r"^[stalr][ \t]*[/&+][ \t]*[stalr]$", re.IGNORECASE)
_INLINE_LETTER = re.compile(r"\((ST|S|T|A|R|L)\)")
#: a capital part letter and a dash opening a line: "S-For a new service", "R - Broke the deadlock"
_DASHED_LETTER = re.compile(r"(?P<letter>ST|S|T|A|R|L)[ \t]?[-\u2013\u2014][ \t]?(?=[A-Za-z\"'])")
# A bold run at the start of a top-level paragraph that reads like a label ("**Why X:**").
_GENERIC_LABEL = re.compile(r"^[^\n.!?]{1,60}:?$")


@dataclass(frozen=True)
class LabelHit:
    """A label found in a block: parts it opens, where the label is and where content starts."""

    parts: tuple[str, ...]  # empty for a non-STAR label ("Why Speed Was Right:")
    start: int
    end: int
    content_start: int


_LETTER_AND_WORD = re.compile(r"^\(?([stalr])\)?\s*(?:[-\u2013\u2014:.)]\s*([a-z][a-z ]+)|[(\[]\s*([a-z][a-z ]+?)\s*[)\]]?)$")


def _spells(letter: str, qual: str) -> bool:
    """Whether a bracketed note after a part letter is that part's word: "S (Situation)"."""
    word = re.sub(r"\s+", " ", qual.strip().strip("()").strip().lower())
    return LABEL_WORDS.get(word, "")[:1] == letter[:1]


def parts_named(label: str) -> tuple[str, ...] | None:
    """The parts a label's own words name: "Situation", "S - Situation", "Situation/Task";
    None for words that name no part."""
    word = label.strip().strip("()").strip().lower()
    word = re.sub(r"\s+", " ", word)
    spelled = _LETTER_AND_WORD.match(word)
    if spelled and LABEL_WORDS.get((spelled.group(2) or spelled.group(3)).strip(), "")[:1] == spelled.group(1):
        word = (spelled.group(2) or spelled.group(3)).strip()  # "R - Result", "S: Situation", "S (Situation)"
    if word in LETTER_LABELS:
        # bare letters only count as "S:" or "(S)", never as a word in prose
        return LETTER_LABELS[word]
    part = LABEL_WORDS.get(word)
    if part:
        return (part,)
    return _compound(word)


#: "Situation/Task", "Result & Learning", "situation or task"
_JOINED = re.compile(r"\s*(?:&|\+|/|\band\b|\bor\b)\s*")


def _piece_part(word: str, letters: bool = False) -> str | None:
    """A piece of a joined label: a part word, a letter with its word ("t [task]"), or a
    letter joined to another letter ("S/T:", only with its colon)."""
    if word in LABEL_WORDS:
        return LABEL_WORDS[word]
    if letters and word in LETTER_LABELS and len(LETTER_LABELS[word]) == 1:
        return LETTER_LABELS[word][0]  # "S/T:", two letters joined, with its colon
    spelled = parts_named(word) if _LETTER_AND_WORD.match(word) else None
    return spelled[0] if spelled else None


def _compound(word: str) -> tuple[str, ...] | None:
    """Two part words joined ("Result & Learning", "Situation/Task", "Action and Result",
    "situation or task"):
    both parts open there, as a merged (ST) does; the first holds the text."""
    pieces = [w for w in _JOINED.split(word) if w]
    if len(pieces) != 2:
        return None
    # two letters joined ("S/T:") are a label only with their colon (`_find_labels`)
    letters = all(len(w) == 1 for w in pieces)
    parts = tuple(_piece_part(w, letters) for w in pieces)
    if parts[0] is not None and parts[1] is None and "/" in word:
        return parts[:1]  # "Learning / Improvement": the part word names it, the other says more
    if None in parts:
        return None
    return parts[:1] if parts[0] == parts[1] else parts  # type: ignore[return-value]


#: how long to spend on a part, after its label: "(30 seconds)", "(~1 min)"
_TIMING = re.compile(r"[ \t]*\(\s*~?\d{1,3}\s*(s|sec|secs|seconds?|min|mins|minutes?)\s*\)", re.IGNORECASE)
#: what may stand before a label at a line's start: spaces, an opening quote mark, and the
#: plus of an extra part added on ("**+LEARNING**")
_BEFORE_LABEL = frozenset(" \t\"\u201c\u201e'\u2018+")


def _decorative(ch: str) -> bool:
    return unicodedata.category(ch) in ("So", "Sk", "Mn", "Me", "Cf", "Co", "Zs") or ch == "\ufffd"


def clean_title(text: str) -> str:
    """Heading text without decoration: emoji, variation selectors, trailing back-links."""
    text = " ".join(text.split())
    start, end = 0, len(text)
    while end > start and _decorative(text[end - 1]):
        end -= 1
    while start < end and _decorative(text[start]):
        start += 1
    return text[start:end].strip()


#: a heading that is a label line with its text: "###### - Situation: While working at ..."
_LABEL_WITH_TEXT = re.compile(rf"^[-*+ \t]*(?:{_WORDS})[ \t]*:[ \t]*\S", re.IGNORECASE)


def labels_a_line(block: Block) -> int | None:
    """Where the label starts in a heading written as a label line with its text (every line
    of some drafts is a heading): the heading is a paragraph of the part, not a section."""
    if block.kind != "heading" or _LABEL_WITH_TEXT.match(block.text) is None:
        return None
    return len(block.text) - len(block.text.lstrip("-*+ \t"))


#: label words that are labels only at the start of a line ("Setup:"): as a heading they
#: name a section of their own ("## Setup" installs; "### Challenges and Solutions" lists
#: technical notes)
_LINE_LABELS_ONLY = frozenset({"setup", "challenges and solutions"})


def heading_label(block: Block) -> LabelHit | None:
    """A heading that is itself a label: `## Situation`, `### Result:`, `### ⭐ Situation:`."""
    text = clean_title(block.text).rstrip(":").strip()
    if text.lower() in _LINE_LABELS_ONLY:
        return None  # "## Setup" in a README is how to install, not a Situation
    parts = parts_named(text)
    if parts is None:
        return None
    return LabelHit(parts, 0, len(block.text), len(block.text))


def _line_starts(text: str) -> list[int]:
    starts = [0]
    at = text.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    return starts


def _is_bold_at(block: Block, start: int, end: int) -> bool:
    return any(s <= start and end <= e + 1 for s, e in block.strong)


def block_labels(block: Block) -> list[LabelHit]:
    """Labels in a paragraph, list item or HTML line, in order (read once per block: the
    reader asks again as it cuts sections, stories and parts)."""
    if block.labels is None:
        block.labels = _find_labels(block)
    return block.labels


def _find_labels(block: Block) -> list[LabelHit]:
    if block.kind == "heading":
        hit = heading_label(block)
        return [hit] if hit else []
    if block.kind not in ("paragraph", "html"):
        return []
    text = block.text
    hits: list[LabelHit] = []
    bare: list[LabelHit] = []  # "Situation" alone on a line inside a paragraph
    dashed: list[LabelHit] = []  # "S-", "A -": a letter and a dash
    for line_start in _line_starts(text):
        pos = line_start
        while pos < len(text) and (text[pos] in _BEFORE_LABEL or _decorative(text[pos])):
            pos += 1  # "📌 Situation:": an emoji before a label is decoration; so is the quote
            # mark of an answer written as what the candidate will say ('"**Situation**: We ...')
        numbered = _GLUED_NUMBER.match(text, pos)
        if numbered is not None and _LINE_LABEL.match(text, numbered.end()) is not None:
            pos = numbered.end()  # "2.Task:": a numbered label typed without its space
        match = _LINE_LABEL.match(text, pos)
        dashed_letter = _DASHED_LETTER.match(text, pos)
        if dashed_letter is not None:
            # "S-For a new service", "A - Asked the principal": kept only when the block has
            # two or more, as "T-shirt" or "A-list" opening a line is a word
            letter = dashed_letter.group("letter").lower()
            # ... or when the letter is bold ("- **S** — API latency spiked", one item each)
            bold = _is_bold_at(block, dashed_letter.start(), dashed_letter.start() + len(letter))
            (hits if bold else dashed).append(LabelHit(LETTER_LABELS[letter], dashed_letter.start(), dashed_letter.end(),
                                   _content_start(text, dashed_letter.end())))
            continue
        if match is None:
            typo = _misspelled_label(text, pos)
            if typo is not None:
                hits.append(typo)
            else:
                hits.extend(_generic_label(block, pos))
            continue
        label = match.group("label")
        sep = match.group("sep")
        if sep == "\uff1a":
            sep = ":"  # the full-width colon of a Chinese keyboard: "Situation：About two years ago"
        word = label.strip("()").lower()
        bracketed = label.startswith("(") and label.endswith(")")
        is_letter = word in LETTER_LABELS
        # a letter alone as the whole block ("- S" over nested bullets) labels its part too
        if is_letter and not (sep == ":" or bracketed or (sep == "" and text.strip() == label)):
            continue
        timed = bool(match.group("qual")) and _TIMING.fullmatch(match.group("qual")) is not None \
            and sep == "" and _is_bold_at(block, match.start("label"), match.end("label"))
        if match.group("qual") and not timed and (sep != ":" or bracketed or (is_letter and not _spells(word, match.group("qual")))):
            continue  # "**Action (Highlights):**" names its part; "Action (in prose)" alone does not;
            # a letter counts with its own part spelled out ("**S (Situation):**"); a bold label
            # with the time to spend on it does ("**SITUATION** (30 seconds)")
        if sep == "." and not _is_bold_at(block, match.start(), match.end() - 1):
            continue  # "**Action**. The first step ...": a bold label; "Action. We ..." is prose
        alone = False
        if sep == "" and not (bracketed or timed or _is_bold_at(block, match.start(), match.end())):
            # "Situation" alone on a line counts when bold or a whole paragraph, or when
            # other part names stand alone on their lines in the same paragraph
            if text[match.end() : match.end() + 1] not in ("", "\n"):
                continue
            alone = len(text.strip()) != len(label)
        parts = parts_named(label)
        if parts is None or (sep != ":" and _LETTER_PAIR.match(label)):
            continue
        hit = LabelHit(parts, match.start(), match.end(), _content_start(text, match.end()))
        (bare if alone else hits).append(hit)
    if len({h.parts for h in bare}) >= 2:
        hits = sorted(hits + bare, key=lambda h: h.start)
    if len({h.parts for h in dashed}) >= 2:
        hits = sorted(hits + dashed, key=lambda h: h.start)
    if not hits:
        hits = _inline_letters(text)
    return hits


#: Label words long enough that one slip still names them ("Actioin:", "Resut:", "Situaton:").
_TYPO_TARGETS = ("situation", "action", "result", "outcome", "context", "approach")
#: real words one slip from a label word: "Auction:" and "Contest:" are what they say
_NEAR_LABEL_WORDS = frozenset({"auction", "contest", "fraction", "traction", "caution"})
_TYPO_LABEL = re.compile(r"(?P<word>[A-Za-z]{5,10})[ \t]*:")


def _misspelled_label(text: str, pos: int) -> LabelHit | None:
    """A label with one slip, written with its colon: drafts are typed fast, and a label
    missed is a part reported missing (an error) where the writer wrote it."""
    match = _TYPO_LABEL.match(text, pos)
    if match is None:
        return None
    part = _slip_of(match.group("word").lower())
    if part is None:
        return None
    return LabelHit((part,), match.start(), match.end(), _content_start(text, match.end()))


@lru_cache(maxsize=4096)
def _slip_of(typed: str) -> str | None:
    """The part a word one slip from a label word names. Cached: the words before a colon
    repeat across a prep repo ("Q1:", "Tips:", "Note:"), and the distance was 8% of a run."""
    if typed in _NEAR_LABEL_WORDS:
        return None
    return next((LABEL_WORDS[word] for word in _TYPO_TARGETS
                 if abs(len(typed) - len(word)) <= 1 and edit_distance(typed, word) == 1), None)


def _content_start(text: str, at: int) -> int:
    """Where a label's content begins: past the spaces after it."""
    while at < len(text) and text[at] in " \t":
        at += 1
    return at


def _generic_label(block: Block, pos: int) -> list[LabelHit]:
    """A bold non-STAR label opening a top-level paragraph, e.g. `**Why Speed Was Right:**`."""
    if block.in_list or block.kind != "paragraph" or pos != 0:
        return []
    for start, end in block.strong:
        if start != 0:
            continue
        inner = block.text[start:end].strip()
        after = block.text[end : end + 1]
        if not _GENERIC_LABEL.match(inner):
            return []
        if inner.endswith(":") or after == ":" or end >= len(block.text.rstrip()):
            content = end + (1 if after == ":" else 0)
            return [LabelHit((), start, end, content)]
    return []


def _inline_letters(text: str) -> list[LabelHit]:
    matches = list(_INLINE_LETTER.finditer(text))
    letters = {m.group(1) for m in matches} - {"L"}
    if len(letters) < 2:  # "(A)" alone is an enumeration, not a STAR label
        return []
    hits = []
    for m in matches:
        content = m.end()
        while content < len(text) and text[content] in " \t:":
            content += 1
        hits.append(LabelHit(LETTER_LABELS[m.group(1).lower()], m.start(), m.end(), content))
    return hits
