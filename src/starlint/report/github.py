"""GitHub Actions workflow commands: each finding annotates its line in a pull request."""

from __future__ import annotations

from ..lint import LintRun

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(run: LintRun, **_: object) -> str:
    lines = [
        f"::{COMMANDS[d.severity]} file={_prop(d.path)},line={d.line},col={d.column},"
        f"endLine={d.end_line},endColumn={d.end_column},title={_prop(d.rule)}::{_data(d.message)}"
        for d in run.diagnostics
    ]
    return "\n".join(lines) + ("\n" if lines else "")
