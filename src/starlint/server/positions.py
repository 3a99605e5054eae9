"""Columns between starlint (code points) and the editor (UTF-16 code units by default, or
UTF-8 bytes or UTF-32 code points, as negotiated at `initialize`)."""

from __future__ import annotations

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def _units(ch: str, encoding: str) -> int:
    code = ord(ch)
    if encoding == UTF16:
        return 2 if code > 0xFFFF else 1
    if encoding == UTF8:
        return 1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4
    return 1


def to_client(line: str, column: int, encoding: str) -> int:
    """Code points [0, column) of `line` in the client's units."""
    column = max(0, min(column, len(line)))
    if encoding == UTF32 or line.isascii():
        return column
    return sum(_units(ch, encoding) for ch in line[:column])


def from_client(line: str, units: int, encoding: str) -> int:
    """The code point column at `units` of the client's; a position inside a character (half
    a surrogate pair, a byte of a UTF-8 sequence) counts as that character's start, past the
    end as the end."""
    if units <= 0:
        return 0
    if encoding == UTF32 or line.isascii():
        return min(units, len(line))
    seen = 0
    for index, ch in enumerate(line):
        seen += _units(ch, encoding)
        if seen > units:
            return index
        if seen == units:
            return index + 1
    return len(line)
