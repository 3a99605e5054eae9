"""Bytes -> SourceFile: decoding, line endings and mojibake repair, keeping original positions.

Answers are pasted from word processors and chat tools and saved by editors in odd ways; the
seed bank itself is UTF-8 that was once read as Mac Roman. We repair the text before analysis,
and keep, for every repaired line, a map back to the original columns so that diagnostics
point into the file as the user sees it.
"""

from __future__ import annotations

import codecs
import re
from difflib import SequenceMatcher
from functools import lru_cache

from ..model import SourceFile

#: Files above this size are refused: a prep answer is a few KB (the 14-answer bank is 17.5 KB),
#: a whole prep document a few hundred KB. The limit keeps time (~8 s) and memory (~400 MB)
#: bounded on anything pasted by mistake.
MAX_BYTES = 2 * 1024 * 1024

#: Single-byte encodings that UTF-8 is commonly mis-read as, most frequent first.
MOJIBAKE_ENCODINGS = ("sloppy-windows-1252", "mac_roman")
#: Every single-byte encoding ftfy undoes (its sloppy variants fill gaps with Latin-1).
_FTFY_ENCODINGS = ("latin-1", "cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257",
                   "iso8859-2", "mac_roman", "cp437")


@lru_cache(maxsize=1)
def _lead_characters() -> frozenset[str]:
    """What a UTF-8 lead byte (0xC2-0xF4) becomes when mis-read in one of those encodings.
    Mojibake of a multi-byte character always starts with one of these, so a line without
    any is not mojibake: emoji and arrows go through without loading ftfy."""
    lead = bytes(range(0xC2, 0xF5))
    return frozenset(ch for enc in _FTFY_ENCODINGS for ch in lead.decode(enc, errors="ignore"))


_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f]")


class ReadError(Exception):
    """The input cannot be linted; the message is one line that names the file."""


def decode_bytes(data: bytes, path: str) -> tuple[str, list[str]]:
    """Decode a file's bytes; return the text (line endings as in the file) and notices."""
    notices: list[str] = []
    if data.startswith(codecs.BOM_UTF32_LE) or data.startswith(codecs.BOM_UTF32_BE):
        try:
            return data.decode("utf-32"), notices
        except UnicodeDecodeError as exc:
            raise ReadError(f"{path}: cannot decode UTF-32 text ({exc.reason})") from None
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        try:
            return data.decode("utf-16"), notices
        except UnicodeDecodeError as exc:
            raise ReadError(f"{path}: cannot decode UTF-16 text ({exc.reason})") from None
    if b"\x00" in data:
        raise ReadError(f"{path}: binary file (contains NUL bytes), not a text answer")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8"), notices
    except UnicodeDecodeError:
        pass
    # Not UTF-8. Legacy Windows editors save cp1252; anything else is refused below.
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise ReadError(f"{path}: not UTF-8, UTF-16 or Windows-1252 text; cannot decode") from None
    notices.append(f"{path}: not valid UTF-8; decoded as Windows-1252")
    return text, notices


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    controls = len(_CONTROL_CHARS.findall(sample))  # C0 controls but \t \n \v \f \r
    return controls / len(sample) > 0.05


def split_lines(text: str) -> list[str]:
    """Split on \\r\\n, \\r and \\n only (as CommonMark does), keeping no terminators."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _new_controls(fixed: str, line: str) -> bool:
    return any(ord(ch) < 32 and ch != "\t" and ch not in line for ch in fixed)


def _round_trip(line: str) -> tuple[str, list[int]] | None:
    """Undo UTF-8-read-as-single-byte mojibake exactly, with an exact column map."""
    import ftfy.bad_codecs  # noqa: F401  registers "sloppy-windows-1252"

    for encoding in MOJIBAKE_ENCODINGS:
        try:
            fixed = line.encode(encoding).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if fixed == line:
            return None
        if _new_controls(fixed, line):
            continue  # the sloppy codecs encode U+FFFD as SUB (0x1A): not mojibake
        # each fixed character came from as many original characters as its UTF-8 bytes
        cmap: list[int] = []
        col = 0
        for ch in fixed:
            cmap.append(col)
            col += len(ch.encode("utf-8"))
        cmap.append(col)
        return fixed, cmap
    return None


def _aligned_map(fixed: str, original: str) -> list[int]:
    """Column map for a repair we cannot invert exactly: align the unchanged stretches."""
    cmap = [0] * (len(fixed) + 1)
    if len(fixed) > 4000 or len(original) > 4000:  # alignment is quadratic; stay bounded
        for i in range(len(fixed) + 1):
            cmap[i] = min(len(original), i * len(original) // max(1, len(fixed)))
        return cmap
    matcher = SequenceMatcher(None, fixed, original, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for k in range(i1, i2):
            cmap[k] = j1 + (k - i1 if tag == "equal" else min(k - i1, max(0, j2 - j1 - 1)))
    cmap[len(fixed)] = len(original)
    return cmap


def repair_line(line: str) -> tuple[str, list[int]] | None:
    """Return (repaired line, column map) or None when the line needs no repair."""
    if line.isascii() or _lead_characters().isdisjoint(line):
        return None
    exact = _round_trip(line)
    if exact is not None:
        return exact
    import ftfy  # only for lines that are neither ASCII nor exactly invertible

    if not ftfy.is_bad(line):
        return None
    fixed = ftfy.fix_encoding(line)
    if fixed == line or _new_controls(fixed, line):
        return None
    return fixed, _aligned_map(fixed, line)


def read_text(text: str, path: str, notices: list[str] | None = None) -> SourceFile:
    """Build a SourceFile from decoded text: normalise line endings, repair mojibake."""
    if "\x00" in text or _looks_binary(text):
        raise ReadError(f"{path}: binary file (control characters), not a text answer")
    if text.startswith("\ufeff"):
        text = text[1:]
    original_lines = split_lines(text)
    repaired_lines: list[str] = []
    column_maps: list[list[int] | None] = []
    repaired = 0
    for line in original_lines:
        result = repair_line(line)
        if result is None:
            repaired_lines.append(line)
            column_maps.append(None)
        else:
            repaired_lines.append(result[0])
            column_maps.append(result[1])
            repaired += 1
    notes = list(notices or [])
    if repaired:
        notes.append(f"{path}: repaired mis-decoded characters (mojibake) on {repaired} line(s)")
    return SourceFile(
        path=path,
        original="\n".join(original_lines),
        text="\n".join(repaired_lines),
        column_maps=column_maps,
        notices=notes,
    )


def read_bytes(data: bytes, path: str) -> SourceFile:
    if len(data) > MAX_BYTES:
        raise ReadError(
            f"{path}: file is {len(data) // 1024} KiB, over the {MAX_BYTES // (1024 * 1024)} MiB limit"
        )
    text, notices = decode_bytes(data, path)
    return read_text(text, path, notices)


def read_path(path: str) -> SourceFile:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except IsADirectoryError:
        raise ReadError(f"{path}: is a directory") from None
    except FileNotFoundError:
        raise ReadError(f"{path}: no such file") from None
    except PermissionError:
        raise ReadError(f"{path}: permission denied") from None
    except OSError as exc:
        raise ReadError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return read_bytes(data, path)
