"""`starlint coverage DIR`: which Leadership Principles the prep repo's stories show, and how
healthy the story bank is (bank Tips 1: "PREPARE 2-3 STORIES per Leadership Principle").

What counts as a story for a principle, and the health checks, are starlint.coach.stories;
this module runs them over a lint run and renders the report."""

from __future__ import annotations

import json

from .coach.stories import MAX_PRINCIPLES, MIN_STORIES, bank_health
from .lint import LintRun
from .ruleset import Rule

_HOW = {"named": "", "section": " (section)", "asked": " (asked: {question})", "detected": " (detected)"}


def _question_types(rules: list[Rule]):
    from .coach.questions import load_question_types
    from .kinds.question_fit import QuestionFit

    return next((r.check.types for r in rules if isinstance(r.check, QuestionFit)), None) or load_question_types()


def _background() -> list:
    """The built-in bank's answers: they weigh words for the same-story test (see pairwise)."""
    from .compare.banks import builtin_bank_dir
    from .lint import lint_paths

    return lint_paths([str(builtin_bank_dir())], []).answers


def coverage(run: LintRun, rules: list[Rule], every_principle: bool) -> dict:
    from .reading.principles import load_principles

    principles = load_principles()
    names = list(principles) if every_principle else [n for n, p in principles.items() if p.tips]
    return bank_health(run.answers, _question_types(rules), names, _background())


def _place(item: dict) -> str:
    return f"{item['path']}:{item['line']}"


def render_text(report: dict) -> str:
    rows = report["principles"]
    width = max(len(r["principle"]) for r in rows)
    lines = [f"{'principle':<{width}}  stories"]
    for row in rows:
        mark = "ok " if row["enough"] else "NEED"
        lines.append(f"{row['principle']:<{width}}  {row['distinct']:>3} {mark}")
        for story in row["stories"]:
            how = _HOW[story["how"]].format(question=story["question"])
            also = "".join(f", also {_place(a)}" for a in story["also"])
            lines.append(f"    {_place(story)}  {story['title']}{how}{also}")
    health = []
    for dup in report["duplicates"]:
        a, b = dup["stories"]
        health.append(f"same story twice (similarity {dup['similarity']:.2f}), counted once: "
                      f"{_place(a)} {a['title']} / {_place(b)} {b['title']}")
    for story in report["spread_thin"]:
        health.append(f"{_place(story)} {story['title']}: credited to {len(story['principles'])} principles "
                      f"({', '.join(story['principles'])}); more than {MAX_PRINCIPLES} is one story spread thin")
    for story in report["uncredited"]:
        health.append(f"{_place(story)} {story['title']}: counts for no principle; name one in its heading "
                      "or front matter (principles: [...])")
    short = report["short"]
    health.append(
        f"{len(short)} principle(s) with fewer than {MIN_STORIES} distinct stories (Tips 1: PREPARE 2-3 STORIES "
        f"per Leadership Principle): {', '.join(short)}" if short
        else f"every principle has at least {MIN_STORIES} distinct stories")
    return "\n".join(lines + [""] + health) + "\n"


def render_json(report: dict) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
