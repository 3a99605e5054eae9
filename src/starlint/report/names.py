"""File names as every format shows them, so that an odd name never breaks an output.

A name is what the operating system gave: bytes that are not UTF-8 reach Python as lone
surrogates (PEP 383), which no UTF-8 output can carry, and a newline in a name would split
the text format's one line per finding. Such a name is shown quoted, C-style, as git shows
it (`"bad\\xff name.md"`, `"new\\nline.md"`); any other name is shown as it is. In SARIF
the URI percent-encodes the name's own bytes, which is exact.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from urllib.parse import quote

#: what forces quoting: lone surrogates (undecodable bytes), C0/C1 controls and DEL, and the
#: Unicode line and paragraph separators (a line break to many readers)
_ODD = re.compile("[\udc80-\udcff\x00-\x1f\x7f-\x9f\u2028\u2029]")
#: in a name, also a quote or a backslash, so that a shown name is never ambiguous (as git)
_QUOTE = re.compile('[\udc80-\udcff\x00-\x1f\x7f-\x9f\u2028\u2029"\\\\]')
_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r", '"': '\\"', "\\": "\\\\"}


def _escape(ch: str) -> str:
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"  # the byte it stands for
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


@lru_cache(maxsize=4096)
def display_path(path: str) -> str:
    """The name itself, or C-quoted when it holds undecodable bytes, control characters, a
    quote or a backslash."""
    if not _QUOTE.search(path):
        return path
    return '"' + _QUOTE.sub(lambda m: _escape(m.group(0)), path) + '"'


def one_line(message: str) -> str:
    """A message (which may quote a name) as one printable line of valid UTF-8."""
    if not _ODD.search(message):
        return message
    return _ODD.sub(lambda m: _escape(m.group(0)), message)


def path_uri(path: str) -> tuple[str, str | None]:
    """(uri, uriBaseId) for SARIF: a relative path as a percent-encoded reference against
    %SRCROOT% (the working folder), an absolute one as a file URI."""
    raw = os.fsencode(path)
    if os.path.isabs(path):
        return "file://" + quote(raw, safe="/"), None
    return quote(raw, safe="/"), "%SRCROOT%"


def folder_uri(folder: str) -> str:
    """A folder as a file URI ending in a slash (SARIF's originalUriBaseIds)."""
    return "file://" + quote(os.fsencode(os.path.abspath(folder)).rstrip(b"/") + b"/", safe="/")
