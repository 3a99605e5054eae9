"""What a candidate compares between two answers, part by part, as plain data."""

from __future__ import annotations

from ..analysis.syntax import actors
from ..model import PART_NAMES, Answer, Diagnostic


def part_profile(answer: Answer, name: str) -> dict | None:
    part = answer.parts.get(name)
    if part is None:
        return None
    quantities = [q.text for span in part.spans for q in span._.quantities]
    i_count = we_count = 0
    for sentence in part.sentences:
        who = actors(sentence.text)
        i_count += len(who.first_person)
        we_count += len(who.plural)
    return {
        "line": part.line,
        "words": part.word_count,
        "sentences": len(part.sentences),
        "quantities": quantities,
        "i_actor": i_count,
        "we_actor": we_count,
        "inferred": part.inferred,
    }


def answer_profile(answer: Answer, diagnostics: list[Diagnostic]) -> dict:
    mine = [d for d in diagnostics if d.path == answer.source.path and d.answer == answer.title]
    verdicts: dict[str, int] = {}
    for d in mine:
        verdicts[d.rule] = verdicts.get(d.rule, 0) + 1
    parts = {name: part_profile(answer, name) for name in PART_NAMES}
    action = parts.get("action")
    return {
        "title": answer.title,
        "path": answer.source.path,
        "line": answer.line,
        "parts": parts,
        "action_steps": action["sentences"] if action else 0,
        "learning": "no-learning" not in verdicts,
        "verdicts": verdicts,
        "diagnostics": [d.as_dict() for d in mine],
    }


def suggestions(draft: dict, bank: dict, limit: int = 6) -> list[dict]:
    """The few concrete changes that would close the gap, each at a line of the draft."""
    out: list[dict] = []
    dparts, bparts = draft["parts"], bank["parts"]
    for name in PART_NAMES:
        if dparts[name] is None and bparts[name] is not None:
            out.append({"line": draft["line"], "change": f"Add a {name.capitalize()}: the bank answer has one ({bparts[name]['words']} words)."})
    dres, bres = dparts["result"], bparts["result"]
    if dres is not None and bres is not None and len(dres["quantities"]) < len(bres["quantities"]):
        figures = ", ".join(bres["quantities"][:4])
        out.append({"line": dres["line"], "change": (
            f"Quantify the Result: the bank answer gives {len(bres['quantities'])} figures ({figures}), "
            f"yours {len(dres['quantities'])}.")})
    if dparts["action"] is not None and draft["action_steps"] < bank["action_steps"]:
        out.append({"line": dparts["action"]["line"], "change": (
            f"Spell out the Action step by step: the bank answer has {bank['action_steps']} steps, "
            f"yours {draft['action_steps']}; start each with what you did.")})
    for name in ("task", "action"):
        d = dparts[name]
        if d is not None and d["we_actor"] > d["i_actor"]:
            out.append({"line": d["line"], "change": (
                f"Say 'I' in the {name.capitalize()}: you wrote 'we' {d['we_actor']} times and 'I' {d['i_actor']} times.")})
    if not draft["learning"] and bank["learning"]:
        out.append({"line": (dres or {"line": draft["line"]})["line"], "change": (
            "End with a learning or how you shared it, as the bank answer does.")})
    seen = {s["change"] for s in out}
    for diag in draft["diagnostics"]:
        if diag["severity"] == "info" or diag["rule"] in ("missing-part",):
            continue
        change = f"{diag['message']} ({diag['rule']})"
        if change not in seen:
            seen.add(change)
            out.append({"line": diag["line"], "change": change})
    return out[:limit]
