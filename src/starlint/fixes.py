"""Edits that act on a diagnostic, as plain data: silence a rule for a line or a file with the
inline comments the CLI honours (disables.py), remove a comment that silences nothing, and
add the label of a missing STAR part. The editor server offers them as code actions.

Positions are the CLI's: 1-based lines, 1-based columns in code points of the original line
(`lines` is the linted text split at line ends). Each edit is made so that the text's Markdown
keeps its blocks: a comment goes on a line of its own before the first line of a block (a
`<!-- -->` line closes a paragraph or list without changing its words), or, for a line inside
a wrapped paragraph, at the end of the line before it, where an inline comment adds no words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .disables import UNUSED
from .incremental import AnswerOutline, PartPlace
from .model import EXTRA_PART_NAMES, PART_NAMES, Diagnostic
from .reading.front_matter import front_matter_end

#: The part order a labelled answer is written in; a missing part goes between its neighbours.
ORDER = PART_NAMES + EXTRA_PART_NAMES
#: What to write after an inserted label, for the user to replace.
PROMPTS = {
    "situation": "Where and when was this, and what was at stake?",
    "task": "What were you responsible for?",
    "action": "What did you do, step by step?",
    "result": "What changed, and by how much?",
    "learning": "What did you learn, and what do you do differently now?",
}
#: Leading indentation and block-quote markers: what keeps a new line inside the same container.
_CONTAINER = re.compile(r"[ \t]*(?:>[ \t]?)*")
_TAGS = re.compile(r"<[^<>]*>")
_MARKUP = re.compile(r"(?:<[^<>]*>|[^\w<]|_)*")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]")


@dataclass(frozen=True)
class Edit:
    """Replace [start, end) with `text`; an insertion has start == end."""

    title: str
    line: int
    column: int
    end_line: int
    end_column: int
    text: str


def _insert(title: str, line: int, column: int, text: str) -> Edit:
    return Edit(title, line, column, line, column, text)


def _block_start(line: int, blocks: list[tuple[int, int]]) -> int | None:
    """First line of the block holding `line`, if an answer's block holds it."""
    for first, last in blocks:
        if first <= line <= last:
            return first
    return None


def disable_line(diagnostic: Diagnostic, lines: list[str], blocks: list[tuple[int, int]]) -> Edit:
    """`<!-- starlint-disable-next-line RULE -->` for the diagnostic's line."""
    comment = f"<!-- starlint-disable-next-line {diagnostic.rule} -->"
    title = f"Disable {diagnostic.rule} for this line"
    line = diagnostic.line
    first = _block_start(line, blocks)
    if first is not None and first < line:
        # inside a wrapped paragraph: a new line would split it; an inline comment does not
        previous = lines[line - 2]
        return _insert(title, line - 1, len(previous) + 1, comment)
    prefix = _CONTAINER.match(lines[line - 1]).group(0) if line <= len(lines) else ""
    return _insert(title, line, 1, f"{prefix}{comment}\n")


def disable_file(rule: str, lines: list[str]) -> Edit:
    """`<!-- starlint-disable-file RULE -->` at the top (after any front matter)."""
    comment = f"<!-- starlint-disable-file {rule} -->"
    at = front_matter_end(lines)
    return _insert(f"Disable {rule} for this file", at + 1, 1, comment + "\n")


def remove_directive(diagnostic: Diagnostic, lines: list[str]) -> Edit:
    """Delete an unused `starlint-` comment: its whole line when it stands alone."""
    line = diagnostic.line
    text = lines[line - 1]
    start, end = diagnostic.column, diagnostic.end_column
    title = "Remove the unused starlint comment"
    if text[: start - 1].strip() == "" and text[end - 1 :].strip() == "":
        if line < len(lines):
            return Edit(title, line, 1, line + 1, 1, "")
        if line > 1:
            return Edit(title, line - 1, len(lines[line - 2]) + 1, line, len(text) + 1, "")
        return Edit(title, line, 1, line, len(text) + 1, "")
    if text[end - 1 : end] == " ":
        end += 1
    elif start > 1 and text[start - 2 : start - 1] == " ":
        start -= 1
    return Edit(title, line, start, line, end, "")


def _label_word(label: str) -> str:
    return re.sub(r"^[^A-Za-z]+|[^A-Za-z]+$", "", label)


def _in_case(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like.islower():
        return word.lower()
    return word.capitalize()


def _new_label(missing: str, style: PartPlace | None, lines: list[str]) -> tuple[str, bool]:
    """The label line for `missing`, written like an existing label of the answer; and
    whether the prompt goes on lines of its own (under a heading or a bare label line)."""
    if style is not None and style.label_line is not None:
        text = lines[style.label_line - 1]
        before = text[: style.label_column - 1]
        label = text[style.label_column - 1 : style.label_end_column - 1]
        word = _label_word(label)
        if word and not re.search(r"\w", _TAGS.sub("", before)):  # a label that opens its line
            rest = text[style.label_end_column - 1 :]
            tail = _MARKUP.match(rest).group(0)  # closing markup and spaces up to the content
            new_word = missing[0].upper() if len(word) == 1 else _in_case(missing, word)
            if len(word) == 1 and word.islower():
                new_word = new_word.lower()
            new = before + label.replace(word, new_word, 1) + tail
            bare = len(tail) == len(rest)  # nothing after the label on its line
            return new.rstrip() if bare else new, bare
    return f"**{missing.capitalize()}:** ", False


def _rank(place: PartPlace) -> int:
    return ORDER.index(place.name)


def insert_label(diagnostic: Diagnostic, outline: AnswerOutline, lines: list[str]) -> Edit | None:
    """For `missing-part` in a labelled answer: the missing part's label (and a prompt to
    replace) after the part before it, or before the part after it."""
    missing = diagnostic.part
    if missing not in ORDER or not outline.labelled or missing in outline.parts:
        return None
    index = ORDER.index(missing)
    before = [p for p in outline.parts.values() if _rank(p) < index]
    after = [p for p in outline.parts.values() if _rank(p) > index]
    if not before and not after:
        return None
    neighbour = max(before, key=_rank) if before else min(after, key=_rank)
    label, own_lines = _new_label(missing, neighbour, lines)
    is_heading = label.lstrip().startswith("#")
    body = label + ("\n\n" if is_heading else "\n") + PROMPTS[missing] if own_lines else label + PROMPTS[missing]
    title = f"Insert a {missing.capitalize()} label"
    if label.lstrip().startswith("<") or _LIST_ITEM.match(label):
        # a label in an HTML block (<b>Task:</b> inside <details>) or a list item (- T:): a
        # line of its own, no blank line, which would end the block or loosen the list
        at = neighbour.end_line + 1 if before else (neighbour.label_line or neighbour.line)
        return _insert(title, at, 1, body + "\n")
    if before:
        last = neighbour.end_line
        if last >= len(lines):
            return _insert(title, last, len(lines[last - 1]) + 1, "\n\n" + body)
        gap = "" if lines[last].strip() == "" else "\n"
        return _insert(title, last + 1, 1, "\n" + body + "\n" + gap)
    first = neighbour.label_line or neighbour.line
    gap = "\n" if first > 1 and lines[first - 2].strip() and not lines[first - 2].lstrip().startswith("#") else ""
    return _insert(title, first, 1, gap + body + "\n\n")


def edits_for(diagnostic: Diagnostic, kind: str | None, lines: list[str],
              outlines: list[AnswerOutline]) -> list[Edit]:
    """Every edit offered for a diagnostic of a rule of `kind`, the most specific first."""
    if diagnostic.rule == UNUSED:
        return [remove_directive(diagnostic, lines)]
    blocks = [b for o in outlines for b in o.blocks]
    edits: list[Edit] = []
    if kind == "required-parts":
        outline = next((o for o in outlines if o.line <= diagnostic.line <= o.end_line), None)
        fix = insert_label(diagnostic, outline, lines) if outline is not None else None
        if fix is not None:
            edits.append(fix)
    edits.append(disable_line(diagnostic, lines, blocks))
    edits.append(disable_file(diagnostic.rule, lines))
    return edits
