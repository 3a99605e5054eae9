"""Markdown -> plain-text blocks with a per-character map back to the file.

pulldown-cmark (through pyromark) gives the structure as a stream of events (headings,
paragraphs, list items, HTML, code, tables), each with its exact UTF-8 byte range in the
source. Text events that appear verbatim in the source map character by character; escapes,
entities and code spans that do not are located inside their own range. The stream is flat
and read in one loop, so hostile nesting costs no recursion.
"""

from __future__ import annotations

import html
import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Iterable

from ..model import Block
from .labels import parts_named
from .story import evidence

#: `<summary>` lines act as headings below every Markdown heading level
SUMMARY_LEVEL = 7
_TAG = re.compile(r"<[^<>\n]{0,500}>")
_HTML_ENTITY = re.compile(r"&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
#: How far ahead a character of unverbatim text is looked for in its source (keeps it linear).
ALIGN_WINDOW = 16
#: Inline containers: their text belongs to the enclosing paragraph, heading or list item.
_INLINE = frozenset({"Emphasis", "Strong", "Strikethrough", "Link", "Image", "Superscript", "Subscript"})


class _Positions:
    """UTF-8 byte offset in the text -> 0-based (line, column in characters)."""

    def __init__(self, text: str) -> None:
        self.data = text.encode("utf-8")
        self.lines = text.split("\n")
        self.starts = [0]
        for line in self.lines[:-1]:
            self.starts.append(self.starts[-1] + len(line.encode("utf-8")) + 1)

    def line_of(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def column(self, line: int, offset: int) -> int:
        byte_col = offset - self.starts[line]
        text = self.lines[line]
        if text.isascii():
            return min(max(byte_col, 0), len(text))
        start = self.starts[line]
        return len(self.data[start : start + max(byte_col, 0)].decode("utf-8", "ignore"))

    def at(self, offset: int) -> tuple[int, int]:
        line = self.line_of(offset)
        return line, self.column(line, offset)

    def last_line(self, start: int, end: int) -> int:
        """Line of the last character of [start, end), not counting a trailing newline."""
        while end > start + 1 and self.data[end - 1] == 0x0A:  # "\n" (text has no \r left)
            end -= 1
        return self.line_of(max(start, end - 1))


@dataclass
class _Builder:
    """Accumulates plain text and origins for one block."""

    kind: str
    level: int
    in_list: bool
    first_line: int  # 0-based
    last_line: int
    parts: list[str] = field(default_factory=list)
    lines: array = field(default_factory=lambda: array("i"))
    cols: array = field(default_factory=lambda: array("i"))
    strong: list[tuple[int, int]] = field(default_factory=list)
    page_links: list[tuple[int, int]] = field(default_factory=list)
    size: int = 0

    def add(self, content: str, line: int, col: int, verbatim: bool) -> None:
        """Text at (line, col); verbatim text maps one to one, other text to its start."""
        n = len(content)
        if not n:
            return
        self.parts.append(content)
        self.lines.extend(array("i", [line]) * n)
        if verbatim:
            self.cols.extend(range(col, col + n))
        else:
            self.cols.extend(array("i", [col]) * n)
        self.size += n

    def truncate(self, size: int) -> None:
        text = "".join(self.parts)[:size]
        self.parts = [text]
        del self.lines[size:]
        del self.cols[size:]
        self.size = size

    def text_since(self, size: int) -> str:
        return "".join(self.parts)[size:]

    def build(self) -> Block:
        if self.size:
            self.lines.append(self.lines[-1])
            self.cols.append(self.cols[-1] + 1)
        else:
            self.lines.append(self.first_line)
            self.cols.append(0)
        return Block(
            kind=self.kind, text="".join(self.parts), origin_lines=self.lines, origin_cols=self.cols,
            line=self.first_line + 1, end_line=max(self.first_line, self.last_line) + 1,
            level=self.level, in_list=self.in_list, strong=self.strong, page_links=self.page_links,
        )


def _emit(builder: _Builder, pos: _Positions, content: str, start: int, end: int) -> None:
    """Place `content`, produced by the source bytes [start, end), in the builder."""
    source = pos.data[start:end]
    line, col = pos.at(start)
    if "\n" not in content and source == content.encode("utf-8"):
        builder.add(content, line, col, True)
        return
    found = source.find(content.encode("utf-8")) if content else -1
    if found >= 0 and "\n" not in content:
        builder.add(content, *pos.at(start + found), True)
        return
    # an entity, or a code span over a line break: find each character in the source, in
    # order and nearby (linear); what is not there (an entity's output) stays where it was
    raw = source.decode("utf-8", "replace")
    places = []
    for ch in raw:
        places.append((line, col))
        line, col = (line + 1, 0) if ch == "\n" else (line, col + 1)
    places.append((line, col))
    j = 0
    for ch in content:
        hit = raw.find(ch, j, j + ALIGN_WINDOW) if not ch.isspace() else (j if j < len(raw) and raw[j].isspace() else -1)
        at = places[hit if hit >= 0 else min(j, len(raw))]
        builder.add(ch, at[0], at[1], True)
        if hit >= 0:
            j = hit + 1


def _html_blocks(lines: list[str], start: int, end: int, in_list: bool) -> Iterable[Block]:
    """Each line of an HTML block as a block of its text, tags removed (e.g. <details>)."""
    for li in range(start, min(end, len(lines))):
        line = lines[li]
        builder = _Builder("html", 0, in_list, li, li)
        pos = 0
        bold: list[int] = []
        for match in _TAG.finditer(line):
            _emit_html_text(builder, line, li, pos, match.start())
            tag = match.group(0).lower()
            if tag in ("<b>", "<strong>"):
                bold.append(builder.size)
            elif tag in ("</b>", "</strong>") and bold:
                builder.strong.append((bold.pop(), builder.size))
            elif tag.startswith(("</p", "<br", "</summary", "</li", "</div")):
                builder.add(" ", li, match.start(), True)
            pos = match.end()
        _emit_html_text(builder, line, li, pos, len(line))
        if "<summary" in line.lower():
            # a <details> summary titles what it folds: one answer per <details>
            builder.kind, builder.level = "heading", SUMMARY_LEVEL
            block = builder.build()
            block.text = block.text.rstrip()
            if block.text.strip():
                yield block
            continue
        block = builder.build()
        if block.text.strip():
            yield block


def _emit_html_text(builder: _Builder, line: str, li: int, start: int, end: int) -> None:
    pos = start
    for match in _HTML_ENTITY.finditer(line, start, end):
        builder.add(line[pos : match.start()], li, pos, True)
        builder.add(html.unescape(match.group(0)), li, match.start(), False)
        pos = match.end()
    builder.add(line[pos:end], li, pos, True)


def _opaque_block(kind: str, first: int, last: int) -> Block:
    return Block(kind=kind, text="", origin_lines=array("i", [first]), origin_cols=array("i", [0]),
                 line=first + 1, end_line=last + 1)


def _events(text: str):
    import pyromark

    # CommonMark plus GFM tables (prep repos use them for tables of contents)
    return pyromark.events_with_range(text, options=pyromark.Options.ENABLE_TABLES)


#: A bullet typed (or pasted from a document) as a character Markdown does not know: "• Tell
#: us about ...". Read as the list marker it stands for; one character for one, so every
#: column stays where it was.
_TYPED_BULLET = re.compile(r"^([ \t]*)[\u2022\u25e6\u25aa\u25cf](?=[ \t])", re.MULTILINE)


def _table_events(events) -> Iterable[list[list[tuple]]]:
    """The body rows of a table whose Start was just read, each a list of cells, each the
    cell's events; consumes the events up to the table's End."""
    row: list[list[tuple]] | None = None
    for event, where in events:
        if event == {"End": "Table"}:
            return
        if event == {"Start": "TableRow"}:
            row = []
        elif event == {"End": "TableRow"}:
            if row is not None:
                yield row
            row = None
        elif event == {"Start": "TableCell"}:
            if row is not None:
                row.append([])
        elif row is not None and row and event != {"End": "TableCell"}:
            row[-1].append((event, where))


#: marks before a part's name in a table's first column: "✔️ Situation"
_CELL_LEAD = re.compile(r"^[^A-Za-z(]+")


def _star_rows(rows: list[list[list[tuple]]], pos: _Positions, list_depth: int) -> list[Block]:
    """A STAR answer told as a table, one row per part ("| **Situation** | I was working on
    ... |"): each row whose first cell names a part is read as a paragraph labelled with it,
    the other cells its text. A table with fewer than two such rows, or whose rows tell
    nothing (a template of the method), stays a table."""
    named = []
    for cells in rows:
        if len(cells) < 2 or not cells[0]:
            continue
        head = "".join(v for e, _ in cells[0] if isinstance(e, dict) for k, v in e.items() if k in ("Text", "Code"))
        parts = parts_named(_CELL_LEAD.sub("", head).strip(" \t*_:."))
        if parts and any(c for c in cells[1:]):
            named.append(("/".join(p.capitalize() for p in parts), cells))
    if len(named) < 2:
        return []
    out = []
    for label, cells in named:
        first = cells[0][0][1]["start"]
        line, col = pos.at(first)
        body = [ev for cell in cells[1:] for ev in cell]
        last = max(w["end"] for _, w in body)
        builder = _Builder("paragraph", list_depth, list_depth > 0, line, pos.last_line(first, last))
        builder.add(label + ": ", line, col, False)
        for event, where in body:
            if not isinstance(event, dict):
                continue
            (tag, value), = event.items()
            if tag in ("Text", "Code"):
                _emit(builder, pos, value, where["start"], where["end"])
            elif tag == "InlineHtml" and str(value).lower().startswith("<br"):
                builder.add("\n", *pos.at(where["start"]), True)  # a line break inside the cell
        out.append(builder.build())
    # the method explained in a table ("| **S: Situation** | The scene, your role |") speaks
    # to the reader and tells nothing that happened: it stays a table
    return out if evidence([b.text for b in out]).answers_a_question else []


def parse_blocks(text: str) -> list[Block]:
    """Parse repaired file text into leaf blocks in document order."""
    if "\u2022" in text or "\u25e6" in text or "\u25aa" in text or "\u25cf" in text:
        text = _TYPED_BULLET.sub(r"\1-", text)
    pos = _Positions(text)
    blocks: list[Block] = []
    list_depth = 0
    opaque = 0  # inside a table or code block: its text is not prose
    builder: _Builder | None = None
    strong_starts: list[int] = []
    links: list[tuple[int, str]] = []

    def close() -> None:
        nonlocal builder
        if builder is not None:
            blocks.append(builder.build())
            builder = None
        strong_starts.clear()
        links.clear()

    def open_at(kind: str, level: int, start: int, end: int) -> _Builder:
        nonlocal builder
        close()
        builder = _Builder(kind, level, list_depth > 0 and kind != "heading", pos.line_of(start),
                           pos.last_line(start, end))
        return builder

    events = iter(_events(text))
    for event, where in events:
        start, end = where["start"], where["end"]
        if not opaque and isinstance(event, dict) and isinstance(event.get("Start"), dict) and "Table" in event["Start"]:
            close()
            rows = list(_table_events(events))
            blocks.append(_opaque_block("table", pos.line_of(start), pos.last_line(start, end)))
            blocks.extend(_star_rows(rows, pos, list_depth))
            continue
        if isinstance(event, str):  # SoftBreak, HardBreak, Rule, ...
            if event == "Rule" and not opaque and not list_depth:
                close()  # a thematic break ("---") between answers: the reader may end a section there
                line = pos.line_of(start)
                blocks.append(_opaque_block("rule", line, line))
                continue
            if event in ("SoftBreak", "HardBreak") and not opaque:
                if builder is None:
                    open_at("paragraph", list_depth, start, end)
                newline_at = pos.data.rfind(b"\n", start, end)
                line, col = pos.at(newline_at if newline_at >= 0 else start)
                builder.add("\n", line, col, True)
                builder.last_line = max(builder.last_line, line + 1)
            continue
        (tag, value), = event.items()
        if tag == "Start":
            name = value if isinstance(value, str) else next(iter(value))
            if name in _INLINE:
                if opaque:
                    continue
                if builder is None:
                    open_at("paragraph", list_depth, start, end)
                if name == "Strong":
                    strong_starts.append(builder.size)
                elif name == "Link":
                    links.append((builder.size, str(value["Link"].get("dest_url", ""))))
                continue
            if name == "Paragraph" and not opaque:
                open_at("paragraph", list_depth, start, end)
            elif name == "Heading" and not opaque:
                level = int(str(value["Heading"]["level"]).lstrip("H") or 1)
                open_at("heading", level, start, end)
            else:
                close()
                if name == "List":
                    list_depth += 1
                elif name in ("Table", "CodeBlock"):
                    if not opaque:
                        blocks.append(_opaque_block("table" if name == "Table" else "code",
                                                    pos.line_of(start), pos.last_line(start, end)))
                    opaque += 1
                elif name == "HtmlBlock" and not opaque:
                    blocks.extend(_html_blocks(pos.lines, pos.line_of(start),
                                               pos.last_line(start, end) + 1, list_depth > 0))
            continue
        if tag == "End":
            name = value if isinstance(value, str) else next(iter(value))
            if name in _INLINE:
                if builder is None or opaque:
                    continue
                if name == "Strong" and strong_starts:
                    builder.strong.append((strong_starts.pop(), builder.size))
                elif name == "Link" and links:
                    begin, href = links.pop()
                    # "[↩️](#index)" back-links carry no words: drop them from the plain text
                    if href.startswith("#") and not any(ch.isalnum() for ch in builder.text_since(begin)):
                        builder.truncate(begin)
                    elif href.startswith("#"):
                        builder.page_links.append((begin, builder.size))
                continue
            close()
            if name == "List":
                list_depth -= 1
            elif name in ("Table", "CodeBlock"):
                opaque -= 1
            continue
        if opaque or tag == "Html":
            continue  # table and code text; HTML block lines were read from the source
        if builder is None:
            open_at("paragraph", list_depth, start, end)
        builder.last_line = max(builder.last_line, pos.last_line(start, end))
        if tag in ("Text", "Code"):
            _emit(builder, pos, value, start, end)
        # InlineHtml (<b>, <br>, <a id=...>) and anything else carry no prose
    close()
    return blocks
