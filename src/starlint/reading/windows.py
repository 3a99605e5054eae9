"""A very large file, read a window of headings at a time, so that memory stays bounded.

One 1.8 MB file of 50,000 short answers held 230 MB of blocks and answers before a single
Doc was made (about 4.6 KB an answer), 780 MB at its peak. Above WINDOW_CHARS, the file is
cut at headings into windows of about that size; each window is a SourceFile of the whole
file's length in which the lines outside the window are blank, except the front matter and
the headings that enclose the window (their principles and nesting still apply). Every line
keeps its number, so every position is the file's own and nothing needs shifting back.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator

from ..model import Block, SourceFile
from .front_matter import front_matter_end
from .labels import heading_label

#: Files up to this many characters are read whole, as before (the bank is 17,500).
WINDOW_CHARS = 200_000
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t#]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def _is_label(title: str, level: int) -> bool:
    probe = Block(kind="heading", text=title, origin_lines=array("l"), origin_cols=array("l"),
                  line=0, end_line=0, level=level)
    return heading_label(probe) is not None


def _cuts(lines: list[str], start: int) -> Iterator[tuple[int, list[int]]]:
    """(line index, enclosing heading lines) of every heading a window may start at: an ATX
    heading outside code fences that opens a new section (not a label such as `## Action`,
    nor a heading nested under one)."""
    fence: str | None = None
    stack: list[tuple[int, int]] = []  # (level, line index) of the open section headings
    label_level: int | None = None
    for i in range(start, len(lines)):
        line = lines[i]
        fence_match = _FENCE.match(line)
        if fence_match:
            marker = fence_match.group(1)[0]
            fence = marker if fence is None else (None if marker == fence else fence)
            continue
        if fence is not None or "#" not in line[:4]:
            continue
        match = _ATX.match(line)
        if match is None:
            continue
        level = len(match.group(1))
        if _is_label(match.group(2) or "", level):
            label_level = level
            continue
        if label_level is not None and level > label_level:
            continue
        label_level = None
        while stack and stack[-1][0] >= level:
            stack.pop()
        yield i, [at for _, at in stack]
        stack.append((level, i))


def windows(source: SourceFile) -> Iterator[SourceFile]:
    """The source itself when it is small; otherwise its windows, in file order."""
    if len(source.text) <= WINDOW_CHARS:
        yield source
        return
    lines = source.text.split("\n")
    head = front_matter_end(lines)
    before = [0]  # before[i]: characters in the lines before line i
    for line in lines:
        before.append(before[-1] + len(line) + 1)
    bounds: list[tuple[int, int, list[int]]] = []
    window_start, kept = head, []
    for cut, enclosing in _cuts(lines, head):
        if before[cut] - before[window_start] >= WINDOW_CHARS and cut > window_start:
            bounds.append((window_start, cut, kept))
            window_start, kept = cut, enclosing
    bounds.append((window_start, len(lines), kept))
    if len(bounds) == 1:
        yield source
        return
    for first, end, enclosing in bounds:
        prefix = [""] * first
        for i in [*range(head), *enclosing]:
            prefix[i] = lines[i]
        text = "\n".join(prefix + lines[first:end] + [""] * (len(lines) - end))
        yield SourceFile(path=source.path, original=source.original, text=text,
                         column_maps=source.column_maps, notices=source.notices if first == head else [],
                         quiet_notices=source.quiet_notices if first == head else [])
