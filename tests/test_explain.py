"""`starlint explain RULE` / `starlint rule RULE`: ruff's three-part doc from the rule's YAML."""

from __future__ import annotations

import subprocess
import sys

from .conftest import run_cli


def test_explain_prints_what_why_examples_and_how_to_turn_off():
    code, out, _ = run_cli("explain", "we-instead-of-i")
    assert code == 0
    for heading in ("What it flags", "Why", "Source:", "Flagged", "Not flagged", "Turn it off"):
        assert heading in out
    assert "We decided to cache the build layers" in out
    assert "starlint --ignore we-instead-of-i FILE" in out


def test_rule_alias():
    assert run_cli("rule", "hedging")[1] == run_cli("explain", "hedging")[1]


def test_unknown_rule_suggests_nearest_and_exits_2():
    result = subprocess.run([sys.executable, "-m", "starlint", "explain", "vague-clam"], capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.strip() == "starlint: unknown rule 'vague-clam'; did you mean 'vague-claim'?"
    assert "Traceback" not in result.stderr


def test_console_exit_codes():
    """Through the real entry point (not click's test runner): 0, 1 and 2."""
    from .conftest import BANK, FIXTURES

    def code(*args):
        return subprocess.run([sys.executable, "-m", "starlint", *args], capture_output=True).returncode

    assert code(str(BANK)) == 0
    assert code(str(FIXTURES / "answers" / "letters_missing_task.md")) == 1
    assert code(str(FIXTURES / "missing.md")) == 2
