"""`starlint coverage DIR`: which Leadership Principles the prep repo's stories show.

Bank Tips 1: "PREPARE 2-3 STORIES per Leadership Principle". A story counts for a principle
when it names it (heading, front matter, enclosing section) or shows its signals (the
`principle` kind of the lp-not-shown rule)."""

from __future__ import annotations

import json

from .kinds.principle import Principle
from .lint import LintRun
from .model import Answer
from .reading.principles import LEADERSHIP_PRINCIPLES, TIPS_PRINCIPLES
from .ruleset import Rule

#: Tips 1: two stories at least per principle.
MIN_STORIES = 2


def principle_checker(rules: list[Rule]) -> Principle | None:
    return next((r.check for r in rules if isinstance(r.check, Principle)), None)


def story_principles(answer: Answer, checker: Principle | None, names) -> dict[str, str]:
    """The principles among `names` an answer counts for: "declared" or "detected"."""
    found = {}
    for name in names:
        if name in answer.principles or name in answer.section_principles:
            found[name] = "declared"
        elif checker is not None and name in checker.signals and checker.shows(answer, name):
            found[name] = "detected"
    return found


def principle_names(every_principle: bool) -> list[str]:
    return list(LEADERSHIP_PRINCIPLES) if every_principle else list(TIPS_PRINCIPLES)


def coverage_rows(stories: list[tuple[str, str, int, dict[str, str]]], names: list[str]) -> list[dict]:
    """Rows of the table from plain data: (title, path, line, principle -> how) per story."""
    rows = []
    for name in names:
        counted = [{"title": title, "path": path, "line": line, "how": found[name]}
                   for title, path, line, found in stories if name in found]
        rows.append({"principle": name, "stories": counted, "enough": len(counted) >= MIN_STORIES})
    return rows


def coverage(run: LintRun, rules: list[Rule], every_principle: bool) -> list[dict]:
    names = principle_names(every_principle)
    checker = principle_checker(rules)
    return coverage_rows([(a.title, a.source.path, a.line, story_principles(a, checker, names))
                          for a in run.answers], names)


def render_text(rows: list[dict]) -> str:
    width = max(len(r["principle"]) for r in rows)
    lines = [f"{'principle':<{width}}  stories  "]
    for row in rows:
        mark = "ok " if row["enough"] else "NEED"
        titles = "; ".join(s["title"] + ("" if s["how"] == "declared" else " (detected)") for s in row["stories"])
        lines.append(f"{row['principle']:<{width}}  {len(row['stories']):>3} {mark}  {titles}")
    short = [r["principle"] for r in rows if not r["enough"]]
    lines.append(
        f"{len(short)} principle(s) with fewer than {MIN_STORIES} stories: {', '.join(short)}" if short
        else f"every principle has at least {MIN_STORIES} stories"
    )
    return "\n".join(lines) + "\n"


def render_json(rows: list[dict]) -> str:
    return json.dumps({"min_stories": MIN_STORIES, "principles": rows}, ensure_ascii=False, indent=2) + "\n"
