"""`starlint compare DRAFT`: the draft beside the closest bank answer."""

from __future__ import annotations

import json

import click

from ..model import PART_NAMES
from .banks import builtin_bank_dir, load_banks
from .profile import answer_profile, suggestions
from .retrieval import SAME_STORY, rank


def run_compare(draft_path: str, bank_dirs: list[str], top: int, rules, stdin_name: str = "<stdin>"):
    from ..lint import lint_paths

    draft_run = lint_paths([draft_path], rules, stdin_name)
    if draft_run.errors:
        return None, draft_run, "; ".join(draft_run.errors)
    if not draft_run.answers:
        return None, draft_run, f"{draft_path}: no STAR answer found to compare"
    bank, bank_run = load_banks(bank_dirs or [str(builtin_bank_dir())], rules)
    if not bank:
        return None, draft_run, "the bank holds no answers: " + ", ".join(bank_dirs)
    draft = draft_run.answers[0]
    ranked = rank(draft, [b.answer for b in bank])[: max(1, top)]
    matches = [
        {"title": bank[i].title, "id": bank[i].id, "path": bank[i].path, "score": round(score, 3),
         "principles": bank[i].principles}
        for i, score in ranked
    ]
    best = bank[ranked[0][0]]
    draft_profile = answer_profile(draft, draft_run.diagnostics)
    bank_profile = answer_profile(best.answer, bank_run.diagnostics)
    report = {
        "draft": {"path": draft.source.path, "title": draft.title},
        # a bank answer is close when it tells the same story (see SAME_STORY); below that the
        # side by side compares the form of two different stories, not one story
        "close": ranked[0][1] >= SAME_STORY,
        "threshold": SAME_STORY,
        "matches": matches,
        "comparison": {
            "draft": draft_profile,
            "match": bank_profile,
            "changes": suggestions(draft_profile, bank_profile),
        },
    }
    return report, draft_run, None


def _cell(profile: dict | None, key: str) -> str:
    if profile is None:
        return "(missing)"
    value = profile[key]
    if isinstance(value, list):
        return ", ".join(value) if value else "none"
    return str(value)


def render_text(report: dict) -> str:
    lines = [f"Closest bank answers to {report['draft']['title']}:"]
    for m in report["matches"]:
        lines.append(f"  {m['score']:.2f}  {m['title']}  ({', '.join(m['principles']) or 'no principle named'})")
    if not report["close"]:
        best = report["matches"][0]
        lines += ["", f"No bank answer tells a story close to yours: the nearest scores {best['score']:.2f}, and "
                      f"the same story scores {report['threshold']:.2f} or more. Below, your draft beside the "
                      "nearest answer's form (parts, figures, steps), not its story."]
    comp = report["comparison"]
    d, b = comp["draft"], comp["match"]
    width = 34
    lines += ["", f"{'':<16}{'your draft':<{width}}{'bank: ' + b['title'][:width]}"]
    for name in PART_NAMES:
        dp, bp = d["parts"][name], b["parts"][name]
        lines.append(f"{name.capitalize()}")
        for key, label in (("words", "words"), ("sentences", "sentences"), ("quantities", "quantities"),
                           ("i_actor", "'I' as actor"), ("we_actor", "'we' as actor")):
            if name in ("situation",) and key in ("i_actor", "we_actor"):
                continue
            lines.append(f"  {label:<14}{_cell(dp, key)[:width - 2]:<{width}}{_cell(bp, key)[:60]}")
    lines.append(f"{'Action steps':<16}{d['action_steps']:<{width}}{b['action_steps']}")
    lines.append(f"{'Learning':<16}{('yes' if d['learning'] else 'no'):<{width}}{'yes' if b['learning'] else 'no'}")
    lines.append("Rule verdicts")
    for rule in sorted(set(d["verdicts"]) | set(b["verdicts"])):
        lines.append(f"  {rule:<22}{('fires ' + str(d['verdicts'].get(rule, 0)) + 'x') if rule in d['verdicts'] else 'ok':<{width - 8}}"
                     f"{('fires ' + str(b['verdicts'][rule]) + 'x') if rule in b['verdicts'] else 'ok'}")
    lines += ["", "To close the gap:"]
    path = report["draft"]["path"]
    for change in comp["changes"] or [{"line": d["line"], "change": "Nothing: your draft matches the bank answer on every measure."}]:
        lines.append(f"  {path}:{change['line']}: {change['change']}")
    return "\n".join(lines) + "\n"


def render_json(report: dict) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def echo_report(report: dict, fmt: str) -> None:
    click.echo(render_json(report) if fmt == "json" else render_text(report), nl=False)
