"""`starlint coverage DIR`: which Leadership Principles the prep repo's stories show, and how
healthy the story bank is (bank Tips 1: "PREPARE 2-3 STORIES per Leadership Principle").

What a story counts for is starlint.coach.stories (the principles it names, its section
names, the question it answers, or only then its signals). The table is built from plain
data, (title, path, line, principle -> how) per story, so that the HTML report draws the same
table from its per-answer details; the health checks that need the stories' text (the same
story told twice) run here, over the analysed answers."""

from __future__ import annotations

import json

from .coach.stories import MAX_PRINCIPLES, MIN_STORIES, Story, credits, group_same_stories
from .lint import LintRun
from .model import Answer
from .ruleset import Rule

_HOW = {"named": "", "section": " (section)", "asked": " (asked: {question})", "detected": " (detected)"}


def principle_checker(rules: list[Rule]):
    """What credits stories beyond their names: the question types (those of the
    question-fit rule in `rules`, else the built-in ones)."""
    from .coach.questions import load_question_types
    from .kinds.question_fit import QuestionFit

    return next((r.check.types for r in rules if isinstance(r.check, QuestionFit)), None) or load_question_types()


def story_principles(answer: Answer, checker, names) -> dict[str, str]:
    """The principles among `names` an answer counts for, and how: named, section, asked,
    detected."""
    wanted = set(names)
    found: dict[str, str] = {}
    for credit in credits(answer, checker):
        if credit.principle in wanted:
            found.setdefault(credit.principle, credit.how)
    return found


def principle_names(every_principle: bool) -> list[str]:
    from .reading.principles import load_principles

    principles = load_principles()
    return list(principles) if every_principle else [n for n, p in principles.items() if p.tips]


def coverage_rows(stories: list[tuple[str, str, int, dict[str, str]]], names: list[str],
                  groups: dict[tuple[str, int], int] | None = None) -> list[dict]:
    """Rows of the table from plain data: (title, path, line, principle -> how) per story.
    `groups` ((path, line) -> group) says which stories tell the same story: one entry, with
    the other places under `also`, counted once."""
    rows = []
    for name in names:
        entries: dict[object, dict] = {}
        for title, path, line, found in stories:
            if name not in found:
                continue
            key = groups.get((path, line), (path, line)) if groups else (path, line)
            if key in entries:
                entries[key]["also"].append({"path": path, "line": line})
            else:
                entries[key] = {"title": title, "path": path, "line": line, "how": found[name], "also": []}
        counted = list(entries.values())
        rows.append({"principle": name, "stories": counted, "distinct": len(counted),
                     "enough": len(counted) >= MIN_STORIES})
    return rows


def _background() -> list[Answer]:
    """The built-in bank's answers: they weigh words for the same-story test (see pairwise)."""
    from .compare.banks import builtin_bank_dir
    from .lint import lint_paths

    return lint_paths([str(builtin_bank_dir())], []).answers


def _stories(run: LintRun, rules: list[Rule]) -> tuple[list[Story], list[dict]]:
    checker = principle_checker(rules)
    stories = [Story(a, credits(a, checker)) for a in run.answers]
    return stories, group_same_stories(stories, _background())


def _table(run: LintRun, rules: list[Rule], every_principle: bool) -> tuple[list[dict], list[Story], list[dict]]:
    """The table's rows (a story told twice counted once), the stories, the same-story pairs."""
    stories, duplicates = _stories(run, rules)
    plain = [(s.answer.title, s.answer.source.path, s.answer.line,
              {c.principle: c.how for c in reversed(s.credits)}) for s in stories]
    groups = {(s.answer.source.path, s.answer.line): s.group for s in stories}
    return coverage_rows(plain, principle_names(every_principle), groups), stories, duplicates


def coverage(run: LintRun, rules: list[Rule], every_principle: bool) -> list[dict]:
    """The table's rows, as the HTML report draws them from its details."""
    return _table(run, rules, every_principle)[0]


def bank_health(run: LintRun, rules: list[Rule], every_principle: bool) -> dict:
    """The whole report as plain data: the table (each story with the question it was
    credited for), then the health findings."""
    rows, stories, duplicates = _table(run, rules, every_principle)
    questions = {(s.answer.source.path, s.answer.line, c.principle): c.question for s in stories for c in s.credits
                 if c.question}
    for row in rows:
        for entry in row["stories"]:
            entry["question"] = questions.get((entry["path"], entry["line"], row["principle"]))
    return {
        "min_stories": MIN_STORIES,
        "principles": rows,
        "duplicates": duplicates,
        "spread_thin": [{**s.place(), "principles": s.principles} for s in stories if len(s.principles) > MAX_PRINCIPLES],
        "uncredited": [s.place() for s in stories if not s.credits],
        "short": [r["principle"] for r in rows if not r["enough"]],
    }


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
            how = _HOW.get(story["how"], "").format(question=story.get("question"))
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
