"""Markdown -> plain-text blocks with a per-character map back to the file.

markdown-it-py gives the structure (headings, paragraphs, list items, HTML, code, tables)
and a line map per block, but inline text without columns. We take each inline text token
and find it again in the block's source lines, in order, so every plain-text character
knows its line and column. Escapes and entities that do not appear verbatim are aligned
character by character.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from ..model import Block

#: `<summary>` lines act as headings below every Markdown heading level
SUMMARY_LEVEL = 7
_TAG = re.compile(r"<[^<>\n]{0,500}>")
_HTML_ENTITY = re.compile(r"&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    # CommonMark plus GFM tables (prep repos use them for tables of contents).
    # Nesting is capped by markdown-it's own maxNesting; deeper input is treated as text.
    return MarkdownIt("commonmark", {"maxNesting": 40}).enable("table")


@dataclass
class _Builder:
    """Accumulates plain text and origins for one block."""

    lines: list[str]
    first_line: int  # 0-based
    text: list[str] = field(default_factory=list)
    origins: list[tuple[int, int]] = field(default_factory=list)
    strong: list[tuple[int, int]] = field(default_factory=list)
    line_idx: int = 0
    col: int = 0

    def _advance_to(self, line_idx: int, col: int) -> None:
        self.line_idx, self.col = line_idx, col

    def _pos(self) -> tuple[int, int]:
        return (self.first_line + self.line_idx, self.col)

    def _find(self, needle: str, window: int | None = None) -> tuple[int, int] | None:
        """Find `needle` at or after the cursor, within the current or the next line
        (and within `window` characters, so that per-character alignment stays linear)."""
        if not needle:
            return None
        for li in range(self.line_idx, min(len(self.lines), self.line_idx + 2)):
            start = self.col if li == self.line_idx else 0
            end = start + window if window is not None else len(self.lines[li])
            found = self.lines[li].find(needle, start, end)
            if found >= 0:
                return li, found
        return None

    def emit(self, content: str) -> None:
        if not content:
            return
        hit = self._find(content)
        if hit is not None and "\n" not in content:
            li, c = hit
            for k, ch in enumerate(content):
                self.text.append(ch)
                self.origins.append((self.first_line + li, c + k))
            self._advance_to(li, c + len(content))
            return
        # Escapes, entities or line-spanning content: align one character at a time.
        for ch in content:
            hit = self._find(ch, window=16) if not ch.isspace() else None
            if hit is not None and (hit[0] > self.line_idx or hit[1] - self.col <= 12):
                li, c = hit
                self.text.append(ch)
                self.origins.append((self.first_line + li, c))
                self._advance_to(li, c + 1)
            else:
                self.text.append(ch)
                self.origins.append(self._pos())

    def skip(self, markup: str) -> None:
        hit = self._find(markup)
        if hit is not None:
            self._advance_to(hit[0], hit[1] + len(markup))

    def newline(self) -> None:
        self.text.append("\n")
        line = self.lines[self.line_idx] if self.line_idx < len(self.lines) else ""
        self.origins.append((self.first_line + self.line_idx, len(line)))
        if self.line_idx + 1 < len(self.lines):
            self._advance_to(self.line_idx + 1, 0)

    def build(self, kind: str, level: int = 0, in_list: bool = False) -> Block:
        text = "".join(self.text)
        end = self.origins[-1] if self.origins else (self.first_line, 0)
        origins = self.origins + [(end[0], end[1] + (1 if self.origins else 0))]
        return Block(
            kind=kind,
            text=text,
            origins=origins,
            line=self.first_line + 1,
            end_line=self.first_line + max(1, len(self.lines)),
            level=level,
            in_list=in_list,
            strong=self.strong,
        )


def _inline_block(token, lines: list[str], kind: str, level: int, in_list: bool) -> Block:
    start, end = token.map
    builder = _Builder(lines=lines[start:end], first_line=start)
    strong_start: list[int] = []
    link_starts: list[tuple[int, str]] = []
    for child in token.children or []:
        ctype = child.type
        if ctype in ("text", "code_inline"):
            builder.emit(child.content)
        elif ctype in ("softbreak", "hardbreak"):
            builder.newline()
        elif ctype == "html_inline":
            builder.skip(child.content)
        elif ctype == "image":
            builder.emit(child.content)
        elif ctype == "strong_open":
            builder.skip(child.markup)
            strong_start.append(len(builder.text))
        elif ctype == "strong_close":
            builder.skip(child.markup)
            if strong_start:
                builder.strong.append((strong_start.pop(), len(builder.text)))
        elif ctype in ("em_open", "em_close", "s_open", "s_close"):
            builder.skip(child.markup)
        elif ctype == "link_open":
            link_starts.append((len(builder.text), str(child.attrs.get("href", ""))))
        elif ctype == "link_close" and link_starts:
            begin, href = link_starts.pop()
            label = "".join(builder.text[begin:])
            # "[↩️](#index)" back-links carry no words: drop them from the plain text
            if href.startswith("#") and not any(ch.isalnum() for ch in label):
                del builder.text[begin:]
                del builder.origins[begin:]
    return builder.build(kind, level, in_list)


def _html_blocks(token, lines: list[str], in_list: bool) -> Iterable[Block]:
    """Each line of an HTML block as a block of its text, tags removed (e.g. <details>)."""
    start, end = token.map
    for li in range(start, min(end, len(lines))):
        line = lines[li]
        builder = _Builder(lines=[line], first_line=li)
        pos = 0
        bold: list[int] = []
        for match in _TAG.finditer(line):
            _emit_html_text(builder, line, pos, match.start())
            tag = match.group(0).lower()
            if tag in ("<b>", "<strong>"):
                bold.append(len(builder.text))
            elif tag in ("</b>", "</strong>") and bold:
                builder.strong.append((bold.pop(), len(builder.text)))
            elif tag.startswith(("</p", "<br", "</summary", "</li", "</div")):
                builder.text.append(" ")
                builder.origins.append((li, match.start()))
            pos = match.end()
        _emit_html_text(builder, line, pos, len(line))
        if "<summary" in line.lower():
            # a <details> summary titles what it folds: one answer per <details>
            block = builder.build("heading", SUMMARY_LEVEL, in_list)
            block.text = block.text.rstrip()
            if block.text.strip():
                yield block
            continue
        block = builder.build("html", 0, in_list)
        if block.text.strip():
            yield block


def _emit_html_text(builder: _Builder, line: str, start: int, end: int) -> None:
    pos = start
    for match in _HTML_ENTITY.finditer(line, start, end):
        for k in range(pos, match.start()):
            builder.text.append(line[k])
            builder.origins.append((builder.first_line, k))
        import html

        for ch in html.unescape(match.group(0)):
            builder.text.append(ch)
            builder.origins.append((builder.first_line, match.start()))
        pos = match.end()
    for k in range(pos, end):
        builder.text.append(line[k])
        builder.origins.append((builder.first_line, k))


def _opaque_block(token, kind: str) -> Block:
    start, end = token.map
    return Block(kind=kind, text="", origins=[(start, 0)], line=start + 1, end_line=end)


def parse_blocks(text: str) -> list[Block]:
    """Parse repaired file text into leaf blocks in document order."""
    lines = text.split("\n")
    tokens = _parser().parse(text)
    blocks: list[Block] = []
    list_depth = 0
    table_depth = 0
    heading_level = 0
    i = 0
    while i < len(tokens):
        token = tokens[i]
        ttype = token.type
        if ttype in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif ttype in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif ttype == "table_open":
            table_depth += 1
            if token.map:
                blocks.append(_opaque_block(token, "table"))
        elif ttype == "table_close":
            table_depth -= 1
        elif ttype == "heading_open":
            heading_level = int(token.tag[1:]) if token.tag[1:].isdigit() else 1
        elif ttype == "inline" and token.map and table_depth == 0:
            parent = tokens[i - 1].type if i else ""
            if parent == "heading_open":
                blocks.append(_inline_block(token, lines, "heading", heading_level, False))
            else:
                blocks.append(_inline_block(token, lines, "paragraph", list_depth, list_depth > 0))
        elif ttype == "html_block" and token.map:
            blocks.extend(_html_blocks(token, lines, list_depth > 0))
        elif ttype in ("fence", "code_block") and token.map:
            blocks.append(_opaque_block(token, "code"))
        i += 1
    return blocks
