"""`path:line:col: severity rule-name message`, one line per finding, then a summary."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..lint import LintRun
from .names import display_path, one_line
from .stream import Tally


def summary(run: LintRun | Tally) -> str:
    tally = run if isinstance(run, Tally) else Tally.of(run)
    counts = tally.severities
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 and s != 'info' else ''}" for s in ("error", "warning", "info") if counts[s]]
    found = ", ".join(parts) if parts else "no problems"
    files = tally.files
    answers = tally.answers
    line = f"{found} in {answers} answer{'s' if answers != 1 else ''} ({files} file{'s' if files != 1 else ''})"
    if tally.errors:
        line += f"; {tally.errors} file{'s' if tally.errors != 1 else ''} could not be read"
    return line


def _lines(piece: LintRun, show_source: bool) -> Iterator[str]:
    for d in piece.diagnostics:
        yield f"{display_path(d.path)}:{d.line}:{d.column}: {d.severity} {d.rule} {one_line(d.message)}"
        line = piece.quoted.get(d.path, {}).get(d.line) if show_source else None
        if line is not None:
            line = one_line(line.expandtabs(1))
            end = d.end_column if d.end_line == d.line else len(line) + 1
            width = max(1, end - d.column)
            yield f"  {d.line:>4} | {line}"
            yield f"       | {' ' * (d.column - 1)}{'^' * width}"


def stream(pieces: Iterable[LintRun], show_source: bool = False, quiet: bool = False, **_: object) -> Iterator[str]:
    """One line per finding as the run goes (with `show_source`, the line itself and carets
    under the span), then the summary (not when `quiet`)."""
    tally = Tally()
    for piece in pieces:
        tally.add(piece)
        text = "".join(line + "\n" for line in _lines(piece, show_source))
        if text:
            yield text
    if not quiet:
        yield summary(tally) + "\n"


def render(run: LintRun, show_source: bool = False, **options: object) -> str:
    return "".join(stream([run], show_source=show_source))


def colour(text: str) -> str:
    """Colour for a terminal (rich markup): severities and carets; called only when the
    caller chose colour (a terminal without NO_COLOR, or --color always)."""
    import re

    from rich.console import Console

    console = Console(force_terminal=True, no_color=False, highlight=False, soft_wrap=True)
    styled = []
    for line in text.splitlines():
        escaped = line.replace("[", "\\[")
        escaped = re.sub(r": (error|warning|info) ", lambda m: f": [{_STYLE[m.group(1)]}]{m.group(1)}[/] ", escaped, count=1)
        if set(line.strip()) <= set("|^ ") and "^" in line:
            escaped = f"[red]{escaped}[/]"
        styled.append(escaped)
    with console.capture() as capture:
        console.print("\n".join(styled))
    return capture.get()


_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
