"""One self-contained HTML page: each answer's source lines with its STAR parts on colour
bands, its findings underlined at their spans, its figures highlighted; a summary on top.

Plain data in (a LintRun made with `details=True`: AnswerDetail beside the diagnostics),
HTML out; nothing here reads or checks an answer. Every piece of user text goes through
`html.escape` (the source lines, built here) or Jinja's autoescaping (the rest), and a
Content-Security-Policy lets only this module's own script run.

Source lines rather than rendered Markdown: positions are (line, column) in the file, so a
finding's underline falls exactly where the editor puts it, the line numbers are those of
`file:line:col`, and no user Markdown or HTML is ever turned into markup.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter
from functools import lru_cache
from html import escape
from pathlib import Path
from statistics import median
from types import SimpleNamespace as View
from typing import Iterator

from .. import __version__
from ..coverage import MIN_STORIES, coverage_rows, principle_names
from ..coach.score import lowest
from ..lint import LintRun
from ..model import PART_NAMES, SEVERITIES, AnswerDetail, AnswerSummary, Diagnostic, Range, Score
from .shares import BANK_ANSWERS, BANK_SHARES, answer_shares
from .text import summary as text_summary

ASSETS = Path(__file__).resolve().parent / "templates"
PART_TITLES = {"situation": "Situation", "task": "Task", "action": "Action", "result": "Result",
               "learning": "Learning"}
#: the pace of the answer-length rule, when no rule sets one
WORDS_PER_MINUTE = 140.0
#: one file's section starts open when the report has at most this many files
OPEN_FILES = 1
#: "Expand all" is offered up to this many files: opening 200 bank copies at once took
#: Chromium 10 s here (one file: 0.1 s)
EXPAND_ALL_FILES = 20
SHORT_TITLE = 28
#: stories named per principle in the coverage table (a folder of 200 files has thousands)
COVERAGE_STORIES = 12
#: answers that lost points listed in the summary, lowest score first (a folder has thousands)
LOWEST_SCORES = 10
#: the summary's score distribution: (label, lowest score, highest score), best first
SCORE_BANDS = (("90-100", 90, 100), ("80-89", 80, 89), ("70-79", 70, 79), ("60-69", 60, 69),
               ("50-59", 50, 59), ("under 50", 0, 49))
_QUESTION = re.compile(r"\s*(Q\d+)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _environment():
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(ASSETS)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    return env


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str, str]:
    """The page's style and script, and the CSP hash that lets exactly that script run."""
    css = (ASSETS / "report.css").read_text(encoding="utf-8")
    js = (ASSETS / "report.js").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii")
    return css, js, f"'sha256-{digest}'"


def _pace(rules) -> float:
    for rule in rules:
        wpm = getattr(rule, "params", {}).get("words_per_minute")
        if isinstance(wpm, (int, float)) and wpm > 0:
            return float(wpm)
    return WORDS_PER_MINUTE


# -- source lines ------------------------------------------------------------------------------


def _pieces(rng: Range, first: int, lines: list[str]) -> Iterator[tuple[int, int, int]]:
    """(index into `lines`, start column, end column) of a range, one per line it covers,
    clipped to the lines shown; columns 0-based, end exclusive."""
    line, col, end_line, end_col = rng
    for number in range(max(line, first), min(end_line, first + len(lines) - 1) + 1):
        text = lines[number - first]
        start = col - 1 if number == line else 0
        end = end_col - 1 if number == end_line else len(text)
        yield number - first, max(0, min(start, len(text))), max(0, min(end, len(text)))


def _bands(detail: AnswerDetail) -> list[tuple[Range, str]]:
    """Each part's label and segments, in file order, with the gaps between two ranges of the
    same part filled (list markers, bold stars), so that a part reads as one band."""
    ranges = sorted(((r, p.name) for p in detail.parts for r in ([p.label] if p.label else []) + p.ranges),
                    key=lambda item: item[0])
    bands: list[tuple[Range, str]] = []
    for rng, name in ranges:
        if bands and bands[-1][1] == name:
            last = bands[-1][0]
            bands[-1] = ((last[0], last[1], *max(last[2:], rng[2:])), name)
        else:
            bands.append((rng, name))
    return bands


class _Line:
    __slots__ = ("events", "parts", "starts")

    def __init__(self) -> None:
        self.events: list[tuple[int, int, str, object]] = []  # (start, end, kind, payload)
        self.parts: list[str] = []  # parts touching the line, in order
        self.starts: list[str] = []  # parts whose band starts on the line


def _finding_attrs(index: int, d: Diagnostic, first: bool) -> str:
    tip = escape(f"{d.severity} {d.rule}: {d.message}", quote=True)
    attrs = f' class="f {d.severity}" data-f="{index}" data-tip="{tip}"'
    if first:
        span = f"{d.line}:{d.column}:{d.end_line}:{d.end_column}"
        attrs += (f' id="f-{index}" tabindex="0" aria-describedby="d-{index}" data-rule="{escape(d.rule)}"'
                  f' data-span="{span}"')
    return attrs


def render_source(detail: AnswerDetail, findings: list[tuple[int, Diagnostic]]) -> str:
    """The answer's lines as HTML rows: line number, the part(s) starting there, the text with
    its bands (one class per part), figures and finding marks nested per character run."""
    lines = detail.lines
    first = detail.line
    info = [_Line() for _ in lines]
    inferred = {p.name for p in detail.parts if p.inferred}
    started: set[str] = set()
    for rng, name in _bands(detail):
        for i, start, end in _pieces(rng, first, lines):
            row = info[i]
            if name not in row.parts:
                row.parts.append(name)
            if name not in started:
                started.add(name)
                row.starts.append(name)
                row.events.append((start, end, "band-start", name))
            elif end > start:
                row.events.append((start, end, "band", name))
    for rng in detail.figures:
        for i, start, end in _pieces(rng, first, lines):
            if end > start:
                info[i].events.append((start, end, "figure", None))
    for index, d in findings:
        shown = False
        for i, start, end in _pieces((d.line, d.column, d.end_line, d.end_column), first, lines):
            if end > start or not shown:  # a span past the line's end still gets its (empty) mark
                info[i].events.append((start, end, "finding", (index, d, not shown)))
                shown = True

    out = []
    for i, text in enumerate(lines):
        row = info[i]
        number = first + i
        classes = "ln"
        if len(row.parts) == 1 and row.parts[0] not in inferred:
            classes += f" {row.parts[0]}"
        names = ", ".join(PART_TITLES.get(n, n) for n in row.starts)  # inferred: the band's chip says so
        out.append(f'<div class="{classes}"><span class="no">{number}</span>'
                   f'<span class="pn">{names}</span><code>{_render_line(text, row.events, inferred)}</code></div>')
    return "\n".join(out)


def _render_line(text: str, events: list, inferred: set[str]) -> str:
    if not events:
        return escape(text, quote=False)
    cuts = {0, len(text)}
    for start, end, _, _ in events:
        cuts.add(start)
        cuts.add(end)
    points = sorted(cuts)
    html = []
    opened_finding: set[int] = set()
    for a, b in zip(points, points[1:] + [None]):
        # zero-width finding marks at `a` (a span that lies past the line's end)
        for start, end, kind, payload in events:
            if kind == "finding" and start == end == a:
                index, d, first = payload
                html.append(f"<mark{_finding_attrs(index, d, first)}></mark>")
        if b is None:
            break
        piece = escape(text[a:b], quote=False)
        band = figure = None
        marks = []
        for start, end, kind, payload in events:
            if start <= a and b <= end and start < end:
                if kind in ("band", "band-start"):
                    band = (kind, payload, start == a)
                elif kind == "figure":
                    figure = True
                elif kind == "finding":
                    index, d, first = payload
                    marks.append((index, d, first and index not in opened_finding))
                    opened_finding.add(index)
        for index, d, first in reversed(marks):
            piece = f"<mark{_finding_attrs(index, d, first)}>{piece}</mark>"
        if figure:
            piece = f'<span class="q">{piece}</span>'
        if band is not None:
            kind, name, at_start = band
            attrs = f'class="b {name}' + (" i" if name in inferred else "")
            if kind == "band-start" and at_start:
                attrs += ' s" data-part="' + PART_TITLES.get(name, name) + (" (inferred)" if name in inferred else "") + '"'
            else:
                attrs += '"'
            piece = f"<span {attrs}>{piece}</span>"
        html.append(piece)
    return "".join(html)


# -- the page ----------------------------------------------------------------------------------


def _count(number: int, severity: str) -> str:
    return f"{number} {severity}{'s' if number != 1 and severity != 'info' else ''}"


def _seconds(words: int, pace: float) -> int:
    return round(words * 60 / pace)


def _score_view(score: Score | None) -> View | None:
    """An answer's score as the run computed it (coach.score, on its AnswerSummary): the total,
    each part's points out of its weight, and the rules that cost points. Nothing recounted."""
    if score is None:
        return None
    parts = [View(name=p.name, weight=p.weight, points=p.points, lost=p.weight - p.points,
                  lost_to=list(p.lost_to)) for p in score.parts]
    return View(total=score.total, parts=parts, lost=[p for p in parts if p.lost])


def _answer_view(number: int, detail: AnswerDetail, findings: list[tuple[int, Diagnostic]], pace: float,
                 score: Score | None = None) -> View:
    shares = answer_shares(detail)
    by_name = {p.name: p for p in detail.parts}
    rows = []
    for name in PART_NAMES + tuple(n for n in by_name if n not in PART_NAMES):
        part = by_name.get(name)
        bank = BANK_SHARES.get(name)
        rows.append(View(
            name=name,
            title=PART_TITLES.get(name, name),
            present=part is not None,
            inferred=bool(part and part.inferred),
            untold=bool(part and not part.evidence),
            words=part.words if part else 0,
            seconds=_seconds(part.words, pace) if part else 0,
            share=round(shares.get(name, 0.0)),
            bank=bank,
        ))
    total = sum(p.words for p in detail.parts)
    return View(
        id=f"a-{number}",
        title=detail.title,
        path=detail.path,
        line=detail.line,
        end_line=detail.end_line,
        parts=rows,
        words=total,
        seconds=_seconds(total, pace),
        inferred=any(p.inferred for p in detail.parts),
        findings=[View(index=i, d=d) for i, d in findings],
        source=render_source(detail, findings),
        score=_score_view(score),
    )


def _place_findings(run: LintRun) -> tuple[dict[int, list[tuple[int, Diagnostic]]], dict[str, list[tuple[int, Diagnostic]]]]:
    """Each diagnostic, numbered, to the answer whose lines hold its start (or to its file)."""
    spans: dict[str, list[tuple[int, int, int]]] = {}
    for n, detail in enumerate(run.details):
        spans.setdefault(detail.path, []).append((detail.line, detail.end_line, n))
    in_answer: dict[int, list[tuple[int, Diagnostic]]] = {}
    in_file: dict[str, list[tuple[int, Diagnostic]]] = {}
    for index, d in enumerate(run.diagnostics, 1):
        home = next((n for line, end, n in spans.get(d.path, ()) if line <= d.line <= end), None)
        if home is None:
            in_file.setdefault(d.path, []).append((index, d))
        else:
            in_answer.setdefault(home, []).append((index, d))
    return in_answer, in_file


def _short_title(title: str) -> str:
    """A story's name in the coverage table: its question number ("Q91") where the title
    starts with one, else the title cut to a few words."""
    match = _QUESTION.match(title)
    if match:
        return match.group(1)
    return title if len(title) <= SHORT_TITLE else title[: SHORT_TITLE - 1].rstrip() + "\u2026"


def _scores_view(summaries: list[AnswerSummary], answer_ids: dict[tuple[str, int], str]) -> View | None:
    """The scores of the run: range, median, how many fall in each band, and the answers that
    lost points, lowest first (at most LOWEST_SCORES), each linking to its answer."""
    ranked = lowest(summaries)
    if not ranked:
        return None
    totals = [s.score.total for s in ranked]
    bands = []
    for label, low, high in SCORE_BANDS:
        count = sum(1 for t in totals if low <= t <= high)
        bands.append(View(label=label, count=count, share=round(100 * count / len(totals))))
    lost = [s for s in ranked if s.score.total < 100]
    shown = lost[:LOWEST_SCORES]
    rest = totals[len(shown):]
    return View(
        count=len(totals),
        low=totals[0],
        high=totals[-1],
        median=f"{median(totals):g}",
        bands=bands,
        lowest=[View(id=answer_ids.get((s.path, s.line)), title=s.title, path=s.path, line=s.line,
                     score=_score_view(s.score)) for s in shown],
        more=len(rest),
        more_low=rest[0] if rest else None,
        more_high=rest[-1] if rest else None,
    )


def _summary_view(run: LintRun, every_principle: bool, answer_ids: dict[tuple[str, int], str]) -> View:
    by_rule = Counter((d.rule, d.severity) for d in run.diagnostics)
    answers_by_rule: dict[tuple[str, str], set] = {}
    for d in run.diagnostics:
        answers_by_rule.setdefault((d.rule, d.severity), set()).add((d.path, d.answer))
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    rules = [View(rule=rule, severity=sev, count=count, answers=len(answers_by_rule[(rule, sev)]))
             for (rule, sev), count in sorted(by_rule.items(), key=lambda kv: (rank.get(kv[0][1], 9), -kv[1], kv[0][0]))]
    severities = Counter(d.severity for d in run.diagnostics)
    names = principle_names(every_principle)
    rows = coverage_rows([(d.title, d.path, d.line, d.principles) for d in run.details], names)
    coverage = [View(principle=row["principle"], enough=row["enough"], count=len(row["stories"]),
                     more=max(0, len(row["stories"]) - COVERAGE_STORIES),
                     stories=[View(id=answer_ids.get((story["path"], story["line"])), title=story["title"],
                                   short=_short_title(story["title"]), how=story["how"])
                              for story in row["stories"][:COVERAGE_STORIES]])
                for row in rows]
    return View(
        files=run.file_count,
        answers=len(run.details),
        severities=[(s, severities.get(s, 0)) for s in SEVERITIES],
        rules=rules,
        coverage=coverage,
        min_stories=MIN_STORIES,
        short=[r["principle"] for r in rows if not r["enough"]],
        line=text_summary(run),
        bank_answers=BANK_ANSWERS,
        scores=_scores_view(run.summaries, answer_ids),
    )


def _total(score: Score | None) -> int | None:
    return None if score is None else score.total


def render_chunks(run: LintRun, rules=(), every_principle: bool = False, title: str = "starlint report",
                  **_: object) -> Iterator[str]:
    """The page in pieces (a 200-file report is megabytes): the summary, then a section per
    file, each answer's lines rendered as its section is written."""
    pace = _pace(rules)
    in_answer, in_file = _place_findings(run)
    answer_ids = {(d.path, d.line): f"a-{n + 1}" for n, d in enumerate(run.details)}
    # each answer's score, as the run computed it (AnswerSummary.score), found by its place
    by_place = {(s.path, s.line): s.score for s in run.summaries}
    scores = [by_place.get((d.path, d.line)) for d in run.details]
    files: dict[str, list[int]] = {}
    for n, detail in enumerate(run.details):
        files.setdefault(detail.path, []).append(n)
    for path in in_file:
        files.setdefault(path, [])

    def sections() -> Iterator[View]:
        for number, (path, indices) in enumerate(files.items(), 1):
            counts = Counter(d.severity for n in indices for _, d in in_answer.get(n, ()))
            counts.update(d.severity for _, d in in_file.get(path, ()))
            yield View(
                id=f"file-{number}",
                path=path,
                open=len(files) <= OPEN_FILES,
                counts=[_count(counts[s], s) for s in SEVERITIES if counts[s]],
                # a generator: each answer's lines are rendered as the template reaches them
                answers=(_answer_view(n + 1, run.details[n], in_answer.get(n, []), pace, scores[n])
                         for n in indices),
                index=[View(id=f"a-{n + 1}", title=run.details[n].title, line=run.details[n].line,
                            findings=len(in_answer.get(n, ())),
                            score=_total(scores[n]))
                       for n in indices],
                other=[View(index=i, d=d) for i, d in in_file.get(path, [])],
            )

    css, js, script_hash = _assets()
    template = _environment().get_template("report.html.j2")
    yield from template.generate(
        title=title,
        version=__version__,
        css=css,
        js=js,
        script_hash=script_hash,
        summary=_summary_view(run, every_principle, answer_ids),
        parts=[(n, PART_TITLES[n]) for n in PART_NAMES + ("learning",)],
        sections=sections(),
        many_files=len(files) > OPEN_FILES,
        expand_all=len(files) <= EXPAND_ALL_FILES,
        sections_count=len(files),
        errors=run.errors,
        notices=run.notices,
        pace=round(pace),
    )


def render(run: LintRun, **options: object) -> str:
    return "".join(render_chunks(run, **options))
