"""SourceFile -> answers: which sections of a file are STAR answers, and their labelled parts.

A file holds one answer or many (a prep document holds them under headings). A section is an
answer when it has STAR labels, or, with no labels, enough first-person prose; tables of
contents, framework code blocks, tips lists and short prefaces are not answers. Unlabelled
answers get their parts inferred later, from the analysed sentences.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field

from ..model import EXTRA_PART_NAMES, PART_NAMES, Answer, Block, Part, Segment, SourceFile
from .labels import LabelHit, block_labels, heading_label
from .markdown import parse_blocks
from .principles import find_principles, principles_from_front_matter

#: An unlabelled section needs this much prose to be read as an answer (the bank's shortest
#: answer is about 110 words; a preface or a one-line note is not an answer).
MIN_UNLABELLED_WORDS = 40
_FIRST_PERSON = re.compile(r"\b(I|my|me|I'm|I've|I'd)\b")
_FRONT_MATTER_END = re.compile(r"^(---|\.\.\.)\s*$")


@dataclass
class _Section:
    heading: Block | None
    level: int
    ancestors: list[Block]
    blocks: list[Block] = field(default_factory=list)


def split_front_matter(text: str) -> tuple[dict, str, list[str]]:
    """Return (metadata, text with the front matter blanked, notices); line count is kept."""
    if not text.startswith("---"):
        return {}, text, []
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return {}, text, []
    for end in range(1, min(len(lines), 200)):
        if _FRONT_MATTER_END.match(lines[end]):
            import yaml

            from ..yamlsafe import safe_load

            raw = "\n".join(lines[1:end])
            notices: list[str] = []
            try:
                meta = safe_load(raw) or {}
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                where = f" line {mark.line + 2}" if mark is not None else ""
                notices.append(f"front matter{where}: not valid YAML, ignored")
                meta = {}
            if not isinstance(meta, dict):
                meta = {}
            blanked = "\n" * end + "\n" + "\n".join(lines[end + 1 :])
            return meta, blanked, notices
    return {}, text, []


def clean_title(text: str) -> str:
    """Heading text without decoration: emoji, variation selectors, trailing back-links."""
    text = " ".join(text.split())

    def decorative(ch: str) -> bool:
        return unicodedata.category(ch) in ("So", "Sk", "Mn", "Me", "Cf", "Co", "Zs") or ch == "\ufffd"

    start, end = 0, len(text)
    while end > start and decorative(text[end - 1]):
        end -= 1
    while start < end and (decorative(text[start])):
        start += 1
    return text[start:end].strip()


def _word_count(blocks: list[Block]) -> int:
    return sum(len(b.text.split()) for b in blocks if b.kind in ("paragraph", "html"))


def _sections(blocks: list[Block]) -> list[_Section]:
    """Split at headings that are not labels; a label heading stays inside its section."""
    sections = [_Section(heading=None, level=0, ancestors=[])]
    stack: list[Block] = []
    label_level: int | None = None  # level of the last label heading in this section
    for block in blocks:
        if block.kind == "heading":
            if heading_label(block) is not None:
                label_level = block.level
                sections[-1].blocks.append(block)
                continue
            if label_level is not None and block.level > label_level:
                # "### Step 1" under "## Action": part of the Action, not a new answer
                sections[-1].blocks.append(block)
                continue
            label_level = None
            while stack and stack[-1].level >= block.level:
                stack.pop()
            sections.append(_Section(heading=block, level=block.level, ancestors=list(stack)))
            stack.append(block)
            continue
        sections[-1].blocks.append(block)
    return sections


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


def _make_answer(source: SourceFile, section: _Section, title: str, meta: dict) -> Answer | None:
    prose = [b for b in section.blocks if b.kind in ("paragraph", "html", "heading")]
    if not prose:
        return None
    parts, star_labels = _assign_parts(section.blocks)
    words = _word_count(section.blocks)
    labelled = star_labels >= 2 or (star_labels == 1 and words >= MIN_UNLABELLED_WORDS)
    if not labelled:
        text = "\n".join(b.text for b in section.blocks if b.kind in ("paragraph", "html"))
        if words < MIN_UNLABELLED_WORDS or not _FIRST_PERSON.search(text):
            return None
        parts = {}
    last = section.blocks[-1] if section.blocks else section.heading
    start = section.heading or section.blocks[0]
    principles: list[str] = []
    if section.heading is not None:
        principles = find_principles(section.heading.text)
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
        heading=section.heading,
        blocks=[b for b in section.blocks if b.kind in ("paragraph", "html", "heading")],
        parts={n: p for n, p in parts.items() if n in PART_NAMES + EXTRA_PART_NAMES},
        principles=principles,
        section_principles=section_principles,
        labelled=labelled,
        front_matter=meta,
    )


def parse_answers(source: SourceFile) -> list[Answer]:
    meta, text, notices = split_front_matter(source.text)
    source.notices.extend(f"{source.path}: {n}" for n in notices)
    blocks = parse_blocks(text)
    sections = _sections(blocks)
    stem = os.path.splitext(os.path.basename(source.path))[0] or source.path
    default_title = str(meta.get("title") or stem)
    answers: list[Answer] = []
    for section in sections:
        title = clean_title(section.heading.text) if section.heading else default_title
        answer = _make_answer(source, section, title or default_title, meta)
        if answer is not None:
            answers.append(answer)
    return answers
