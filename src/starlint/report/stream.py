"""What every streaming formatter shares: the run's running totals, and JSON lists written an
item at a time in the layout of `json.dumps(..., indent=2)`.

A formatter's `stream(pieces, ...)` takes the run as the pieces `lint.iter_lint` yields and
yields text as it goes; nothing holds the whole run, so memory stays flat however many
files are linted (100,000 files held 776 MB when the run was gathered first).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..lint import LintRun


@dataclass
class Tally:
    """Counts of a run, kept as its pieces go by: the summary line and the exit code."""

    files: int = 0
    answers: int = 0
    errors: int = 0
    severities: Counter = field(default_factory=Counter)
    lowest_score: int | None = None  # of any answer (--fail-under)

    def add(self, piece: LintRun) -> None:
        self.files += piece.file_count
        self.answers += len(piece.summaries)
        self.errors += len(piece.errors)
        self.severities.update(d.severity for d in piece.diagnostics)
        for s in piece.summaries:
            if s.score is not None and (self.lowest_score is None or s.score.total < self.lowest_score):
                self.lowest_score = s.score.total

    def count(self, pieces: Iterable[LintRun]) -> Iterator[LintRun]:
        for piece in pieces:
            self.add(piece)
            yield piece

    @classmethod
    def of(cls, run: LintRun) -> "Tally":
        tally = cls()
        tally.add(run)
        return tally


_string = json.encoder.encode_basestring  # the C encoder's, as `json.dumps` uses with ensure_ascii=False


def indented(value: Any, depth: int) -> str:
    """What `json.dumps(value, ensure_ascii=False, indent=2)` writes, `depth` levels down.
    With `indent`, the json module leaves its C encoder for a pure-Python one, which was the
    largest cost of a batch's main process; the shapes a report holds (dicts with string
    keys, lists, strings, numbers) are written here, anything else by `json.dumps`."""
    if isinstance(value, str):
        return _string(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if type(value) is int:
        return int.__repr__(value)
    pad, inner = "\n" + "  " * depth, "\n" + "  " * (depth + 1)
    if type(value) is dict and all(type(k) is str for k in value):
        if not value:
            return "{}"
        return "{" + ",".join(inner + _string(k) + ": " + indented(v, depth + 1) for k, v in value.items()) + pad + "}"
    if type(value) in (list, tuple):
        if not value:
            return "[]"
        return "[" + ",".join(inner + indented(v, depth + 1) for v in value) + pad + "]"
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", pad)


class JsonList:
    """A JSON list written an item at a time: `[]` when empty, one item per line group."""

    def __init__(self, depth: int) -> None:
        self.depth = depth
        self.count = 0

    def item(self, value: Any) -> str:
        pad = "  " * self.depth
        text = ("[\n" if self.count == 0 else ",\n") + pad + indented(value, self.depth)
        self.count += 1
        return text

    def close(self) -> str:
        return "[]" if self.count == 0 else "\n" + "  " * (self.depth - 1) + "]"
