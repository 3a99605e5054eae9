"""`path:line:col: severity rule-name message`, one line per finding, then a summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from statistics import median

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


#: Scores listed one by one up to this many answers; past it, the lowest few.
LIST_SCORES = 20
LOWEST_SCORES = 5


class ScoreLines:
    """The score lines of a run, kept as its pieces go by (a few entries and a count per
    total, however many answers): `score  90/100  path:line  title  (what cost points)` for
    every answer in file order, or past LIST_SCORES answers the LOWEST_SCORES lowest; then the
    range and median, and how many answers are under `fail_under`."""

    def __init__(self, fail_under: int | None = None) -> None:
        self.fail_under = fail_under
        self.first: list[tuple] = []
        self.lowest: list[tuple] = []
        self.totals: Counter = Counter()

    def add(self, piece: LintRun) -> None:
        from ..coach.score import describe

        for s in piece.summaries:
            if s.score is None:
                continue
            entry = (s.score.total, display_path(s.path), s.line, one_line(s.title), describe(s.score))
            self.totals[s.score.total] += 1
            if len(self.first) <= LIST_SCORES:
                self.first.append(entry)
            self.lowest = sorted([*self.lowest, entry])[:LOWEST_SCORES]

    def lines(self) -> list[str]:
        count = sum(self.totals.values())
        if not count:
            return []
        shown = self.first if count <= LIST_SCORES else self.lowest
        out = [f"score {t:>3}/100  {path}:{line}  {title}  ({lost})" for t, path, line, title, lost in shown]
        if count > LIST_SCORES:
            out.append(f"... {count - len(shown)} more answers scored {shown[-1][0]}-{max(self.totals)} "
                       "(every score: --format json)")
        if count > 1:
            out.append(f"scores {min(self.totals)}-{max(self.totals)}, median {median(self.totals.elements()):g}")
        if self.fail_under is not None:
            below = sum(n for total, n in self.totals.items() if total < self.fail_under)
            if below:
                out.append(f"{below} answer{'s' if below != 1 else ''} below --fail-under {self.fail_under}")
        return out


def stream(pieces: Iterable[LintRun], show_source: bool = False, quiet: bool = False,
           fail_under: int | None = None, **_: object) -> Iterator[str]:
    """One line per finding as the run goes (with `show_source`, the line itself and carets
    under the span), then each answer's score and the summary (not when `quiet`)."""
    tally = Tally()
    scores = ScoreLines(fail_under)
    for piece in pieces:
        tally.add(piece)
        scores.add(piece)
        text = "".join(line + "\n" for line in _lines(piece, show_source))
        if text:
            yield text
    if not quiet:
        yield "".join(line + "\n" for line in scores.lines()) + summary(tally) + "\n"


def render(run: LintRun, show_source: bool = False, **options: object) -> str:
    return "".join(stream([run], show_source=show_source, **options))


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
