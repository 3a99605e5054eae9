"""The document model shared by every stage: read -> parse -> analyse -> check -> report.

Text handed to the NLP pipeline is *plain* text (Markdown markup removed, mojibake repaired),
so every block carries a map from each of its characters back to the line and column of the
original file. Nothing downstream ever computes a position any other way.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .nlp.tokens import span_text, span_words, words_before

if TYPE_CHECKING:  # spaCy is imported lazily; the model only names its types
    from spacy.tokens import Doc, Span

PART_NAMES: tuple[str, ...] = ("situation", "task", "action", "result")
#: Parts recognised beyond STAR proper; "learning" is the STAR+L / STARR tail.
EXTRA_PART_NAMES: tuple[str, ...] = ("learning",)
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")


@dataclass(frozen=True, order=True)
class Position:
    """1-based line and column (in characters) in the original file."""

    line: int
    column: int


@dataclass(frozen=True)
class SourceSpan:
    start: Position
    end: Position  # inclusive of the last character's column + 1 (exclusive end)


@dataclass
class SourceFile:
    """A file as read: its original text, the repaired text, and what the reader noticed."""

    path: str
    original: str
    text: str  # repaired, same line count as `original`
    #: per line of `text`: column (0-based) in `text` line -> column (0-based) in `original` line;
    #: None where the line was not repaired (identity)
    column_maps: list[list[int] | None]
    notices: list[str] = field(default_factory=list)
    #: what is said only with --verbose (a template that is not linted)
    quiet_notices: list[str] = field(default_factory=list)

    def original_position(self, line0: int, col0: int) -> Position:
        """Map a 0-based (line, column) in the repaired text to a 1-based original Position."""
        cmap = self.column_maps[line0] if 0 <= line0 < len(self.column_maps) else None
        if cmap is not None:
            col0 = cmap[min(col0, len(cmap) - 1)] if cmap else 0
        return Position(line0 + 1, col0 + 1)


@dataclass
class Block:
    """One Markdown leaf block as plain text: a paragraph, list item, heading or HTML line."""

    kind: str  # "paragraph", "heading", "html", "table", "code"
    text: str
    #: for each character of `text`, its 0-based line and column in the repaired file text
    #: (two machine-int arrays, ~8 bytes a character); one extra entry at the end so that an
    #: exclusive end offset maps too. Read them with `origin()`.
    origin_lines: array
    origin_cols: array
    line: int  # 1-based first line in the file
    end_line: int  # 1-based last line
    level: int = 0  # heading level, list depth
    in_list: bool = False
    #: [start, end) ranges of bold text, where labels such as **Situation:** are written
    strong: list[tuple[int, int]] = field(default_factory=list)
    #: [start, end) ranges of link text pointing inside the page ("[Ownership](#ownership)"):
    #: a section made of them is a table of contents
    page_links: list[tuple[int, int]] = field(default_factory=list)
    doc: "Doc | None" = None  # set by analysis
    #: the STAR labels found in the block, once the reader has looked (`reading.labels`)
    labels: list | None = field(default=None, repr=False, compare=False)

    def origin(self, offset: int) -> tuple[int, int]:
        if not self.origin_lines:
            return (self.line - 1, 0)
        i = max(0, min(offset, len(self.origin_lines) - 1))
        return (self.origin_lines[i], self.origin_cols[i])

    def split(self, at: int) -> tuple["Block", "Block"]:
        """Two blocks, [0, at) and [at, end), each mapping its characters where this one did
        (a question line inside a paragraph starts an answer of its own)."""
        def piece(start: int, end: int) -> "Block":
            lines = self.origin_lines[start:end] + self.origin_lines[end : end + 1]
            cols = self.origin_cols[start:end] + self.origin_cols[end : end + 1]
            last = self.origin_lines[max(start, end - 1)] + 1
            def clip(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
                return [(max(s, start) - start, min(e, end) - start) for s, e in ranges if s < end and e > start]

            return Block(self.kind, self.text[start:end], lines, cols, self.origin_lines[start] + 1, last,
                         self.level, self.in_list, clip(self.strong), clip(self.page_links))

        return piece(0, at), piece(at, len(self.text))


@dataclass
class Segment:
    """A character range [start, end) of one block's text that belongs to a part."""

    block: Block
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.block.text[self.start : self.end]


@dataclass
class Sentence:
    """A sentence of a part, clipped to the part (a label line is not part of it)."""

    span: "Span"
    block: Block

    @property
    def text(self) -> str:
        return span_text(self.span)


@dataclass
class Part:
    name: str  # one of PART_NAMES or EXTRA_PART_NAMES
    segments: list[Segment]
    inferred: bool = False
    #: an inferred part whose sentences show nothing of it (a habit read as the Situation
    #: only because it comes first) counts as missing
    evidence: bool = True
    label: Segment | None = None  # where the label stands, if labelled
    spans: list["Span"] = field(default_factory=list)  # set by analysis
    sentences: list[Sentence] = field(default_factory=list)  # set by analysis

    @property
    def text(self) -> str:
        return "\n".join(s.text for s in self.segments)

    _words: int | None = field(default=None, repr=False)

    @property
    def word_count(self) -> int:
        """Words as a reader counts them ("don't" is one: `nlp.tokens.words_before`); counted once, after analysis."""
        if self._words is None:
            self._words = sum(span_words(span) for span in self.spans)
        return self._words

    @property
    def line(self) -> int:
        seg = self.label or (self.segments[0] if self.segments else None)
        return seg.block.origin(seg.start)[0] + 1 if seg else 0

    @property
    def end_line(self) -> int:
        if not self.segments:
            return self.line
        seg = self.segments[-1]
        return seg.block.origin(max(seg.start, seg.end - 1))[0] + 1


@dataclass
class Answer:
    """One STAR answer: a heading's section (or a whole file) holding the parts."""

    source: SourceFile
    title: str
    line: int
    end_line: int
    heading: Block | None
    blocks: list[Block]
    parts: dict[str, Part] = field(default_factory=dict)
    #: Leadership Principles named in the answer's own heading or front matter
    principles: list[str] = field(default_factory=list)
    #: principles named by an enclosing section heading ("Ownership / Dive Deep")
    section_principles: list[str] = field(default_factory=list)
    labelled: bool = True
    front_matter: dict[str, Any] = field(default_factory=dict)
    #: the question line the answer replies to ("Q: ...", "**Question:** ..."), when it has one
    question: Block | None = None
    #: (part name, span) of each text block, for rules that read the whole answer: made once
    #: by the first such rule, after analysis has placed the parts
    whole_spans: list[tuple[str | None, Any]] | None = field(default=None, repr=False, compare=False)

    def summary(self) -> "AnswerSummary":
        parts = {name: None if (p := self.parts.get(name)) is None else PartSummary(p.line, p.end_line, p.inferred, p.evidence)
                 for name in PART_NAMES}
        words = self.word_count()  # the parts, as answer-length reads
        return AnswerSummary(self.source.path, self.title, self.line, self.end_line, parts,
                             self.principles + self.section_principles, words)

    def part(self, name: str) -> Part | None:
        return self.parts.get(name)

    def star_parts(self) -> list[Part]:
        return [self.parts[n] for n in PART_NAMES if n in self.parts]

    def all_parts(self) -> list[Part]:
        return [self.parts[n] for n in PART_NAMES + EXTRA_PART_NAMES if n in self.parts]

    def word_count(self) -> int:
        """Words the parts say, each once: a part read from inside others (a Task in the
        Situation's sentence, steps told in the setting) is not said twice."""
        runs: dict[int, tuple[Any, list[tuple[int, int]]]] = {}
        for part in self.all_parts():
            for span in part.spans:
                runs.setdefault(id(span.doc), (span.doc, []))[1].append((span.start, span.end))
        words = 0
        for doc, spans in runs.values():
            prefix = words_before(doc)
            end = -1
            for start, stop in sorted(spans):
                start = max(start, end)
                if stop > start:
                    words += prefix[stop] - prefix[start]
                    end = stop
        return words


@dataclass(frozen=True)
class PartSummary:
    line: int
    end_line: int
    inferred: bool
    told: bool = True  # False: inferred from position alone, its sentences tell nothing of it


@dataclass(frozen=True)
class ScorePart:
    """One part of an answer's score: what it weighs, what the answer kept, and why it lost."""

    name: str
    weight: int
    points: int
    lost_to: tuple[str, ...] = ()  # the rules (or "length") that cost points, once each


@dataclass(frozen=True)
class Score:
    """An answer's score, 0-100, from the weights in rules/score.yaml (see starlint.coach.score)."""

    total: int
    parts: tuple[ScorePart, ...]

    def as_dict(self) -> dict[str, Any]:
        """{"total", "parts": points per part, "lost_to": the rules that cost points, for the
        parts that lost some}: short, as the JSON report holds one per answer (what each part
        is out of is rules/score.yaml's, the same for every answer)."""
        return {"total": self.total,
                "parts": {p.name: p.points for p in self.parts},
                "lost_to": {p.name: list(p.lost_to) for p in self.parts if p.lost_to}}


@dataclass(frozen=True)
class AnswerSummary:
    """What a report says about an answer, as plain data: small enough to send between
    processes by the thousand, unlike an Answer with its blocks and Docs."""

    path: str
    title: str
    line: int
    end_line: int
    parts: dict[str, PartSummary | None]  # every STAR part, None where missing
    principles: list[str]
    words: int = 0  # in its parts (what answer-length and the score's length read)
    score: Score | None = None  # set once the answer's diagnostics are final

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "title": self.title,
            "line": self.line,
            "end_line": self.end_line,
            "parts": {name: None if p is None else {"line": p.line, "end_line": p.end_line, "inferred": p.inferred, "told": p.told}
                      for name, p in self.parts.items()},
            "principles": self.principles,
            "words": self.words,
            "score": None if self.score is None else self.score.as_dict(),
        }


@dataclass(frozen=True)
class Diagnostic:
    """A finding, as plain data: formatters turn these into text, JSON, SARIF, ..."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    severity: str
    message: str
    answer: str | None = None
    part: str | None = None

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.rule)

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "answer": self.answer,
            "part": self.part,
        }


#: (line, column, end_line, end_column) in the original file, 1-based, end exclusive: the
#: convention of Diagnostic. Tuples, not SourceSpans: thousands of them cross from workers.
Range = tuple[int, int, int, int]


@dataclass(frozen=True)
class PartDetail:
    """Where a part stands in the file, for a report that draws it."""

    name: str
    inferred: bool
    label: Range | None  # where its label ("**SITUATION:**") stands, if labelled
    ranges: list[Range]  # its text, a range per segment (label not included)
    words: int
    evidence: bool = True  # False: inferred, but nothing in it tells the part (counted missing)


@dataclass(frozen=True)
class AnswerDetail:
    """What the HTML report draws beyond an AnswerSummary, as plain data. Made only when a
    run asks for it (`lint_paths(details=True)`), so the other formats pay nothing."""

    path: str
    title: str
    line: int
    end_line: int
    #: the answer's lines as written (original file, lines line..end_line)
    lines: list[str]
    parts: list[PartDetail]  # in reading order: STAR, then the learning tail
    #: the figures (quantities) of the Result, as the rules see them (`span._.quantities`)
    figures: list[Range]
    #: Leadership Principle -> "declared" or "detected", as `starlint coverage` counts them
    principles: dict[str, str]
