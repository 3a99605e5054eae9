"""GitHub Actions workflow commands: each finding annotates its line in a pull request."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..lint import LintRun
from .names import display_path, one_line

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def stream(pieces: Iterable[LintRun], **_: object) -> Iterator[str]:
    for piece in pieces:
        lines = "".join(
            f"::{COMMANDS[d.severity]} file={_prop(display_path(d.path))},line={d.line},col={d.column},"
            f"endLine={d.end_line},endColumn={d.end_column},title={_prop(d.rule)}::{_data(one_line(d.message))}\n"
            for d in piece.diagnostics
        )
        if lines:
            yield lines


def render(run: LintRun, **options: object) -> str:
    return "".join(stream([run], **options))
