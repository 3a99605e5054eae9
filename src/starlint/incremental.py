"""Re-lint one document as it is edited, redoing only the answers that changed.

The editor server calls `DocumentLinter.lint(text)` on every change. A prep document is many
answers under headings; a keystroke changes one of them. The text is cut into chunks at ATX
headings (`## Q12 ...`) where the Markdown parse provably restarts (checked with a probe
heading, see `_parse_chunk`), each chunk is parsed once and kept while its text is
unchanged, and each answer's diagnostics are kept while its blocks are the same objects:
an unchanged answer is neither analysed nor checked again, its diagnostics are only moved
by the lines inserted or removed above it. Whole-file steps (inline disables, unused
disables) run on every call, as in the CLI. The result is, by test, exactly what
`lint_text` gives for the same text.

Nothing here knows about the editor protocol: positions are the CLI's (1-based lines,
columns in code points of the original line).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from .check import check_answer
from .disables import apply_directives
from .model import EXTRA_PART_NAMES, PART_NAMES, Answer, Block, Diagnostic, SourceFile
from .reading.answers import _make_answer, answers_from_blocks, prose_blocks
from .reading.front_matter import split_front_matter
from .reading.decode import MAX_BYTES, ReadError, read_text
from .reading.markdown import parse_blocks
from .ruleset import Rule

#: A line where a chunk may start: an ATX heading at the margin. Only a candidate: the chunk
#: before it must end in a state the heading closes (no open fence or HTML block).
_ATX = re.compile(r"#{1,6}(?:[ \t]|$)")
#: The probe appended to a chunk: if it parses as an empty level-1 heading on its own line,
#: the chunk's parse is closed and the next chunk parses the same alone as in the file.
_PROBE = "#"
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def check_size(text: str, path: str) -> None:
    """Refuse what the CLI refuses: over MAX_BYTES of UTF-8 (same message as read_bytes)."""
    if len(text) * 4 <= MAX_BYTES:
        return
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_BYTES:
        raise ReadError(f"{path}: file is {size // 1024} KiB, over the {MAX_BYTES // (1024 * 1024)} MiB limit")


@dataclass(frozen=True)
class PartPlace:
    """Where a part of an answer stands (1-based lines; label columns 1-based, exclusive end)."""

    name: str
    line: int
    end_line: int
    label_line: int | None = None
    label_column: int | None = None
    label_end_column: int | None = None


@dataclass(frozen=True)
class AnswerOutline:
    """An answer's layout as plain data, for edits (code actions) made after the lint."""

    title: str
    line: int
    end_line: int
    labelled: bool
    parts: dict[str, PartPlace]
    #: (first line, last line) of each block of the answer
    blocks: tuple[tuple[int, int], ...]


@dataclass
class LintResult:
    diagnostics: list[Diagnostic]
    lines: list[str]  # the original lines the positions refer to
    notices: list[str] = field(default_factory=list)
    #: how much was redone: answers checked / reused, chunks parsed / reused
    checked: int = 0
    reused: int = 0
    parsed_chunks: int = 0
    reused_chunks: int = 0


@dataclass
class _Chunk:
    """A parsed chunk: its blocks, positioned at `start` (0-based line in the file)."""

    blocks: list[Block]
    start: int
    closed: bool  # its parse ends where a following heading closes everything


@dataclass
class _Made:
    """A section's Answer (None: not an answer) and, once checked, its diagnostics before
    inline disables, as computed when the answer began at `checked_line`."""

    answer: Answer | None
    keep: tuple  # the section's blocks, so that the ids in its key stay unique while cached
    anchor_line: int  # line of the section's first block when `answer` was last positioned
    diagnostics: list[Diagnostic] | None = None
    checked_line: int = 0


def _shift_blocks(blocks: list[Block], delta: int) -> None:
    import numpy

    for block in blocks:
        block.line += delta
        block.end_line += delta
        if len(block.origin_lines):
            numpy.frombuffer(block.origin_lines, dtype=numpy.intc)[:] += delta


def _shift(diagnostics: list[Diagnostic], delta: int) -> list[Diagnostic]:
    return [dataclasses.replace(d, line=d.line + delta, end_line=d.end_line + delta) for d in diagnostics]


def _chunk_spans(lines: list[str], body: str) -> list[tuple[int, int]]:
    """[start, end) line ranges of candidate chunks. A link reference definition anywhere
    (`[x]: url`) is global to the file, so such a file is one chunk."""
    if "]:" in body:
        return [(0, len(lines))]
    cuts = [i for i in range(1, len(lines)) if lines[i].startswith("#") and _ATX.match(lines[i])]
    starts = [0, *cuts]
    return [(s, e) for s, e in zip(starts, [*cuts, len(lines)])]


def _parse_chunk(text: str, last: bool) -> _Chunk:
    """Parse a chunk alone. A chunk followed by another is parsed with a probe heading after
    it: the probe must come out as an empty level-1 heading on its own line, which shows that
    nothing was left open (a fence, an HTML block, a table) to swallow the next chunk."""
    if last:
        return _Chunk(prose_blocks(parse_blocks(text)), 0, True)
    blocks = parse_blocks(text + _PROBE)
    probe_line = text.count("\n") + 1
    end = blocks[-1] if blocks else None
    closed = end is not None and end.kind == "heading" and end.level == 1 and not end.text and end.line == probe_line
    return _Chunk(prose_blocks(blocks[:-1]) if closed else [], 0, closed)


def _outline(answer: Answer) -> AnswerOutline:
    source = answer.source
    parts = {}
    for name in PART_NAMES + EXTRA_PART_NAMES:
        part = answer.parts.get(name)
        if part is None:
            continue
        label = part.label
        if label is not None:
            start = source.original_position(*label.block.origin(label.start))
            line0, col0 = label.block.origin(max(label.start, label.end - 1))
            end = source.original_position(line0, col0 + 1)
            parts[name] = PartPlace(name, part.line, part.end_line, start.line, start.column, end.column)
        else:
            parts[name] = PartPlace(name, part.line, part.end_line)
    return AnswerOutline(answer.title, answer.line, answer.end_line, answer.labelled, parts,
                         tuple((b.line, b.end_line) for b in answer.blocks))


class DocumentLinter:
    """One open document: its chunk and answer caches, for one path and one set of rules.
    Caches hold only what the latest lint used, so memory follows the document's size."""

    def __init__(self, rules: list[Rule], path: str) -> None:
        self.rules = rules
        self.path = path
        self._chunks: dict[str, list[_Chunk]] = {}
        self._made: dict[tuple, _Made] = {}
        self._previous_made: dict[tuple, _Made] = {}
        self._meta_key = ""
        self.answers: list[Answer] = []  # of the latest lint

    def _blocks(self, body: str, source: SourceFile, result: LintResult) -> list[Block]:
        lines = body.split("\n")
        original = source.original.split("\n")
        spans = _chunk_spans(lines, body)
        previous, self._chunks = self._chunks, {}
        blocks: list[Block] = []
        i = 0
        while i < len(spans):
            start, end = spans[i]
            while True:
                last = end == len(lines)
                key = "\n".join(lines[start:end]) + ("" if last else "\n")
                text = key
                if any(m is not None for m in source.column_maps[start:end]):
                    # repaired lines: the same text can stand for different original columns
                    key += "\0" + "\n".join(original[start:end])
                pool = previous.get(key)
                if pool:
                    chunk = pool.pop()
                    result.reused_chunks += 1
                else:
                    chunk = _parse_chunk(text, last)
                    result.parsed_chunks += 1
                self._chunks.setdefault(key, []).append(chunk)
                if chunk.closed or last:
                    break
                # left open (a fence, an HTML block): the next chunk is part of this one
                i += 1
                end = spans[i][1]
            if chunk.start != start:
                _shift_blocks(chunk.blocks, start - chunk.start)
                chunk.start = start
            blocks.extend(chunk.blocks)
            i += 1
        return blocks

    def _make(self, source: SourceFile, section, title: str, meta: dict) -> Answer | None:
        """`_make_answer`, reusing the Answer of a section whose blocks are the same objects
        (moved, if lines were added above it, with the blocks themselves)."""
        first = section.heading or (section.blocks[0] if section.blocks else None)
        key = (id(section.heading), id(section.shared_heading), section.marked, tuple(map(id, section.blocks)),
               tuple(map(id, section.ancestors)), title, self._meta_key)
        made = self._previous_made.pop(key, None)
        if made is None:
            made = _Made(_make_answer(source, section, title, meta), (section.heading, section.blocks,
                         section.ancestors), first.line if first else 0)
        elif made.answer is not None:
            delta = first.line - made.anchor_line
            made.answer.source = source
            made.answer.line += delta
            made.answer.end_line += delta
            made.anchor_line = first.line
        self._made[key] = made
        return made.answer

    def lint(self, text: str) -> LintResult:
        """Lint the document's text; raises ReadError for what the CLI would refuse."""
        check_size(text, self.path)
        # an editor can send lone surrogates (JSON allows them); no file read from disk has
        # one: each stands for a character that cannot be decoded, as U+FFFD does
        source = read_text(_LONE_SURROGATE.sub("\ufffd", text), self.path)
        lines = source.original.split("\n")
        result = LintResult([], lines, list(source.notices))
        meta, body, notices = split_front_matter(source.text)
        result.notices.extend(f"{source.path}: {n}" for n in notices)
        blocks = self._blocks(body, source, result)
        self._meta_key = repr(meta)
        self._previous_made, self._made = self._made, {}
        answers = answers_from_blocks(source, blocks, meta, make=self._make)
        self._previous_made = {}
        made_of = {id(m.answer): m for m in self._made.values() if m.answer is not None}
        fresh = [a for a in answers if made_of[id(a)].diagnostics is None]
        if fresh:
            from .analysis import analyse

            analyse(fresh)
            for rule in self.rules:
                rule.check.prepare(fresh)
        found: list[Diagnostic] = []
        for answer in answers:
            made = made_of[id(answer)]
            if made.diagnostics is None:
                made.diagnostics = check_answer(answer, self.rules)
                made.checked_line = answer.line
            elif made.checked_line != answer.line:
                made.diagnostics = _shift(made.diagnostics, answer.line - made.checked_line)
                made.checked_line = answer.line
            found.extend(made.diagnostics)
        result.checked, result.reused = len(fresh), len(answers) - len(fresh)
        found.sort(key=Diagnostic.sort_key)
        result.diagnostics = apply_directives(source, found, self.rules)
        self.answers = answers
        if not source.text.strip():
            result.notices.append(f"{source.path}: empty file, nothing to lint")
        elif not answers:
            result.notices.append(f"{source.path}: no STAR answer found (no labelled parts, no first-person story)")
        return result

    def outlines(self) -> list[AnswerOutline]:
        """The latest lint's answers as plain data (call from the thread that lints)."""
        return [_outline(a) for a in self.answers]
