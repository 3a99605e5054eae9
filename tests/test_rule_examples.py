"""Every built-in rule's own examples: `fail` texts fire it, `pass` texts do not
(as LanguageTool and proselint test their rules)."""

from __future__ import annotations

import pytest

from starlint.ruleset import builtin_rules

from .conftest import lint

CASES = [
    (rule.name, verdict, i, text)
    for rule in builtin_rules()
    for verdict in ("fail", "pass")
    for i, text in enumerate(rule.examples.get(verdict, []))
]


@pytest.mark.parametrize("name,verdict,index,text", CASES, ids=[f"{c[0]}-{c[1]}{c[2]}" for c in CASES])
def test_rule_example(name, verdict, index, text):
    fired = [d for d in lint(text).diagnostics if d.rule == name]
    if verdict == "fail":
        assert fired, f"{name} should fire on its fail example {index}"
    else:
        assert not fired, f"{name} fired on its pass example {index}: {[d.message for d in fired]}"


def test_every_rule_has_both_examples_and_a_source():
    for rule in builtin_rules():
        assert rule.examples.get("fail") and rule.examples.get("pass"), rule.name
        assert rule.source and rule.summary and rule.why, rule.name


def test_required_rules_exist_with_their_severities():
    expected = {
        "missing-part": "error",
        "unquantified-result": "error",
        "we-instead-of-i": "warning",
        "vague-claim": "warning",
        "no-learning": "warning",
        "situation-too-long": "warning",
        "thin-action": "warning",
        "answer-length": "warning",
        "lp-not-shown": "warning",
        "passive-voice": "info",
        "hedging": "info",
        "long-sentence": "info",
    }
    actual = {r.name: r.severity for r in builtin_rules()}
    for name, severity in expected.items():
        assert actual.get(name) == severity, name
