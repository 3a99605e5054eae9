"""Vale-testdata style: each answer in fixtures/answers/ beside the findings it must produce
(`NAME.expected`: `line:column rule`, one per line), on both syntax paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import FIXTURES, lint_file

ANSWERS = sorted((FIXTURES / "answers").glob("*.md"))


def _expected(path: Path) -> list[str]:
    text = path.with_suffix(".expected").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _actual(path: Path) -> list[str]:
    run = lint_file(path)
    assert not run.errors
    return [f"{d.line}:{d.column} {d.rule}" for d in run.diagnostics]


@pytest.mark.parametrize("path", ANSWERS, ids=[p.stem for p in ANSWERS])
def test_fixture_findings(path):
    assert _actual(path) == _expected(path)


@pytest.mark.parametrize("path", ANSWERS, ids=[p.stem for p in ANSWERS])
def test_fixture_findings_without_trained_pipeline(path, blank_pipeline):
    assert _actual(path) == _expected(path)


def test_fixture_positions_point_at_the_flagged_words():
    """The column counts characters of the original file, through bold labels and list markers."""
    path = FIXTURES / "answers" / "bold_labels_we_actor.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    run = lint_file(path)
    spans = [lines[d.line - 1][d.column - 1 : d.end_column - 1] for d in run.diagnostics]
    assert spans == ["We", "Our team"]


def test_mojibake_position_counts_original_characters():
    path = FIXTURES / "answers" / "mojibake_cp1252.md"
    line = path.read_text(encoding="utf-8").splitlines()[2]
    assert "â€”" in line
    hedge = next(d for d in lint_file(path).diagnostics if d.rule == "hedging")
    assert line[hedge.column - 1 : hedge.end_column - 1] == "maybe"
