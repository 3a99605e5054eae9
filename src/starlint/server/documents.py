"""The open documents' text, kept here as the editor sends it (full or incremental changes),
split into lines as the protocol and the CLI's reader do: at \r\n, \r and \n only."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .positions import from_client

LINE_END = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    return LINE_END.split(text)


@dataclass
class Document:
    uri: str
    text: str
    version: int | None
    language_id: str = ""
    path: str | None = None  # on disk, for file: URIs
    _lines: list[str] | None = field(default=None, repr=False)

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = split_lines(self.text)
        return self._lines

    def _line_spans(self) -> list[tuple[int, int]]:
        spans, offset = [], 0
        for match in LINE_END.finditer(self.text):
            spans.append((offset, match.start()))
            offset = match.end()
        spans.append((offset, len(self.text)))
        return spans

    def _offset(self, spans: list[tuple[int, int]], line: int, units: int, encoding: str) -> int:
        """Index into `text` of a client position, clamped to the text as clients expect."""
        if line < 0:
            return 0
        if line >= len(spans):
            return len(self.text)
        start, end = spans[line]
        return start + from_client(self.text[start:end], units, encoding)

    def replace(self, start: tuple[int, int], end: tuple[int, int], new_text: str, encoding: str) -> None:
        """Apply one incremental change: replace the client range [start, end) by `new_text`."""
        spans = self._line_spans()
        a = self._offset(spans, *start, encoding)
        b = max(a, self._offset(spans, *end, encoding))
        self.text = self.text[:a] + new_text + self.text[b:]
        self._lines = None

    def set_text(self, text: str) -> None:
        self.text = text
        self._lines = None
