"""`starlint coverage DIR`: which Leadership Principles the prep repo's stories show.

Bank Tips 1: "PREPARE 2-3 STORIES per Leadership Principle". A story counts for a principle
when it names it (heading, front matter, enclosing section) or shows its signals (the
`principle` kind of the lp-not-shown rule)."""

from __future__ import annotations

import json

from .kinds.principle import Principle
from .lint import LintRun
from .reading.principles import LEADERSHIP_PRINCIPLES, TIPS_PRINCIPLES
from .ruleset import Rule

#: Tips 1: two stories at least per principle.
MIN_STORIES = 2


def coverage(run: LintRun, rules: list[Rule], every_principle: bool) -> list[dict]:
    checker = next((r.check for r in rules if isinstance(r.check, Principle)), None)
    names = list(LEADERSHIP_PRINCIPLES) if every_principle else list(TIPS_PRINCIPLES)
    rows = []
    for name in names:
        stories = []
        for answer in run.answers:
            declared = name in answer.principles or name in answer.section_principles
            shown = checker is not None and name in checker.signals and checker.shows(answer, name)
            if declared or shown:
                stories.append({"title": answer.title, "path": answer.source.path, "line": answer.line,
                                "how": "declared" if declared else "detected"})
        rows.append({"principle": name, "stories": stories, "enough": len(stories) >= MIN_STORIES})
    return rows


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
