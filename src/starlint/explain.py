"""`starlint explain RULE`: the rule's doc in three parts (what, why, example), as ruff does."""

from __future__ import annotations

import textwrap

from .ruleset import Rule


def _indent(text: str) -> str:
    return textwrap.indent(text.rstrip(), "    ")


def explain_text(rule: Rule) -> str:
    part = rule.part if isinstance(rule.part, str) else ", ".join(rule.part)
    out = [
        f"{rule.name} ({rule.severity}, reads: {part}, kind: {rule.kind})",
        "",
        "What it flags",
        _indent(textwrap.fill(rule.summary, 88)),
        "",
        "Why",
        _indent(textwrap.fill(rule.why, 88)),
        _indent(textwrap.fill("Source: " + rule.source, 88)),
    ]
    if rule.examples.get("fail"):
        out += ["", "Flagged", _indent(rule.examples["fail"][0])]
    if rule.examples.get("pass"):
        out += ["", "Not flagged", _indent(rule.examples["pass"][0])]
    if rule.fix:
        out += ["", "How to fix", _indent(textwrap.fill(rule.fix, 88))]
    out += [
        "",
        "Turn it off",
        f"    starlint --ignore {rule.name} FILE",
    ]
    return "\n".join(out) + "\n"
