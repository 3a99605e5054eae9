"""Shared helpers: lint a text or a file with the built-in rules, run the CLI in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from starlint.cli import cli
from starlint.lint import lint_paths, lint_text
from starlint.ruleset import builtin_rules

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BANK = ROOT / "corpus" / "bank1.md"
RAW_BANK = FIXTURES / "bank_raw_macroman.txt"


def lint(text: str, path: str = "answer.md"):
    return lint_text(text, list(builtin_rules()), path)


def lint_file(path) -> object:
    return lint_paths([str(path)], list(builtin_rules()))


def rules_fired(run) -> set[str]:
    return {d.rule for d in run.diagnostics}


def run_cli(*args: str, input: str | bytes | None = None):
    """The CLI in-process; returns (exit code, stdout, stderr)."""
    runner = CliRunner()
    result = runner.invoke(cli, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def cli_json(*args: str, input=None) -> tuple[int, dict]:
    code, out, _ = run_cli("check", "--format", "json", *args, input=input)
    return code, json.loads(out)


@pytest.fixture
def blank_pipeline(monkeypatch):
    """Force the rule-based syntax fallback even where a trained pipeline is installed."""
    from starlint.analysis import syntax
    from starlint.nlp import pipeline

    monkeypatch.setenv(pipeline.PIPELINE_ENV, "blank")
    pipeline.trained_pipeline.cache_clear()
    syntax.clear_parse_cache()
    yield
    monkeypatch.delenv(pipeline.PIPELINE_ENV)
    pipeline.trained_pipeline.cache_clear()
    syntax.clear_parse_cache()


@pytest.fixture(params=["trained", "blank"])
def syntax_path(request) -> str:
    """Run the test on both ways of reading who acts: the trained parse (where its package is
    installed; `.ci/run` installs it) and the rule-based fallback, which must agree."""
    if request.param == "blank":
        request.getfixturevalue("blank_pipeline")
    return request.param


def data_file_error(tmp_path, name: str, text: str, loader) -> str:
    """The error a data-file loader gives for `text`: one line, naming the file first."""
    from starlint.ruleset import RuleError

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError) as info:
        loader(str(path))
    message = str(info.value)
    assert message.startswith(str(path)) and "\n" not in message
    return message
