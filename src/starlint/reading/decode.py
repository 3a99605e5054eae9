"""Bytes -> SourceFile: decoding, line endings, mojibake repair and the ```md wrapper of pasted
answers, keeping original positions.

Answers are pasted from word processors and chat tools and saved by editors in odd ways; the
seed bank itself is UTF-8 that was once read as Mac Roman. We repair the text before analysis,
and keep, for every repaired line, a map back to the original columns so that diagnostics
point into the file as the user sees it.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
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
        guess = _bomless_utf16_or_32(data)
        if guess:
            raise ReadError(
                f"{path}: looks like {guess} text without a byte-order mark; convert it to UTF-8, "
                f"e.g. `iconv -f {guess} -t UTF-8 FILE > NEW.md`")
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


def _bomless_utf16_or_32(data: bytes) -> str | None:
    """'UTF-16LE', 'UTF-16BE', 'UTF-32LE' or 'UTF-32BE' when NUL bytes stand where that
    encoding puts them for mostly-ASCII text (Notepad's "Unicode" saved without a BOM), and
    the sample decodes to text; otherwise None (a binary file)."""
    sample = data[:4096]
    for width, names in ((4, ("UTF-32LE", "UTF-32BE")), (2, ("UTF-16LE", "UTF-16BE"))):
        usable = len(sample) - len(sample) % width
        if usable < 2 * width:
            continue
        units = usable // width
        for name in names:
            little = name.endswith("LE")
            zeros = 0
            for i in range(0, usable, width):
                unit = sample[i : i + width]
                high = unit[1:] if little else unit[:-1]
                low = unit[0] if little else unit[-1]
                zeros += high.count(0) == width - 1 and low != 0
            if zeros < 0.9 * units:
                continue
            try:
                text = sample[:usable].decode(name.lower().replace("utf-", "utf_"))
            except UnicodeDecodeError:
                continue
            if not _looks_binary(text):
                return name
    return None


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


#: A fence whose info string says its content is Markdown: "```md", "~~~markdown". Answers
#: pasted from a chat assistant come wrapped in one; the writer declared the content prose.
_MARKDOWN_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})[ \t]*(?:md|markdown)[ \t]*\r?$", re.IGNORECASE | re.MULTILINE)
_ANY_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")


def unwrap_markdown_fences(lines: list[str]) -> list[int]:
    """Blank, in place, the opening and closing lines of every top-level ```md fence so its
    content is read as the Markdown it is; other fences stay code. Returns the lines blanked.
    The closing fence follows CommonMark (the same character, at least as long, nothing
    after it), so a ```python fence inside the Markdown stays a code block."""
    blanked: list[int] = []
    open_fence: str | None = None  # the marker of an open fence of another language
    i = 0
    while i < len(lines):
        line = lines[i]
        if "`" not in line[:4] and "~" not in line[:4]:
            i += 1
            continue
        match = _ANY_FENCE.match(line)
        if match is None:
            i += 1
            continue
        marker = match.group(1)
        if open_fence is not None:
            if marker[0] == open_fence[0] and len(marker) >= len(open_fence) and not match.group(2).strip():
                open_fence = None
            i += 1
            continue
        if marker[0] == "`" and "`" in match.group(2):
            i += 1  # not a fence: a code span ("``` x ```")
            continue
        if not _MARKDOWN_FENCE.match(line):
            open_fence = marker
            i += 1
            continue
        lines[i] = ""
        blanked.append(i)
        for j in range(i + 1, len(lines)):
            close = _ANY_FENCE.match(lines[j])
            if close and close.group(1)[0] == marker[0] and len(close.group(1)) >= len(marker) \
                    and not close.group(2).strip():
                lines[j] = ""
                blanked.append(j)
                i = j
                break
        else:
            break  # unclosed: the Markdown runs to the end of the file
        i += 1
    return blanked


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
    if _MARKDOWN_FENCE.search(text):  # most files have none: no line-by-line pass
        for i in unwrap_markdown_fences(repaired_lines):
            column_maps[i] = [0]  # a blank line: every position is its first column
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


def describe_size(size: int) -> str:
    """A size in the unit of the limit, precise enough to show how far over it is:
    '2 MiB + 1 byte', '2 MiB + 3,000 bytes', '4.77 MiB'."""
    mib = 1024 * 1024
    whole, extra = divmod(size, mib)
    if extra == 0:
        return f"{whole} MiB"
    if extra < mib // 100:  # less than 0.01 MiB over: say the bytes
        return f"{whole} MiB + {extra:,} byte{'s' if extra != 1 else ''}"
    return f"{size / mib:.2f} MiB"


def _too_large(path: str, size: int, exact: bool) -> ReadError:
    limit = describe_size(MAX_BYTES)
    if exact:
        return ReadError(f"{path}: file is {describe_size(size)}, over the {limit} limit")
    return ReadError(f"{path}: input is over the {limit} limit (more than {MAX_BYTES:,} bytes)")


def read_bytes(data: bytes, path: str, size: int | None = None) -> SourceFile:
    """`size`: the whole input's size where known (a file's); data holds at most the
    limit + 1 byte of it."""
    if len(data) > MAX_BYTES:
        raise _too_large(path, size if size is not None else len(data), exact=size is not None or len(data) > MAX_BYTES + 1)
    text, notices = decode_bytes(data, path)
    return read_text(text, path, notices)


def read_stream(stream, path: str) -> SourceFile:
    """Standard input (or any binary stream): at most the limit + 1 byte is read."""
    chunks: list[bytes] = []
    left = MAX_BYTES + 1
    try:
        while left > 0:
            chunk = stream.read(min(left, 1 << 16))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise ReadError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return read_bytes(b"".join(chunks), path)


_SPECIAL_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
                  (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def file_kind(mode: int) -> str:
    """What a file that is not a regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a directory"
    return next((name for test, name in _SPECIAL_KINDS if test(mode)), "not a regular file")


def _open_error(path: str, exc: OSError) -> ReadError:
    if isinstance(exc, FileNotFoundError):
        return ReadError(f"{path}: no such file")
    if isinstance(exc, PermissionError):
        return ReadError(f"{path}: permission denied")
    if isinstance(exc, IsADirectoryError):
        return ReadError(f"{path}: is a directory")
    return ReadError(f"{path}: cannot read ({exc.strerror or exc})")


def read_path(path: str) -> SourceFile:
    """A regular file only: a FIFO, device or socket is refused without opening it, and the
    file is opened non-blocking, so nothing that is swapped in meanwhile can block a run."""
    try:
        before = os.stat(path)
    except OSError as exc:
        raise _open_error(path, exc) from None
    if not stat.S_ISREG(before.st_mode):
        if stat.S_ISDIR(before.st_mode):
            raise ReadError(f"{path}: is a directory")
        raise ReadError(f"{path}: {file_kind(before.st_mode)}, not a regular file; starlint lints files "
                        "(use - to read standard input)")
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise _open_error(path, exc) from None
    try:
        now = os.fstat(fd)
        if not stat.S_ISREG(now.st_mode):
            raise ReadError(f"{path}: {file_kind(now.st_mode)}, not a regular file")
        chunks: list[bytes] = []
        left = MAX_BYTES + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise _open_error(path, exc) from None
    finally:
        os.close(fd)
    return read_bytes(b"".join(chunks), path, size=max(now.st_size, sum(map(len, chunks))))
