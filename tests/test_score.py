"""The score per answer: the bank's calibration, what each finding costs, where the score is
shown (text, JSON), --fail-under and config fail-under, and the weights file as data."""

from __future__ import annotations

import json

import pytest

from starlint.coach.score import WordBand, load_weights, score_answer
from starlint.model import AnswerSummary, Diagnostic
from .conftest import BANK, FIXTURES, cli_json, data_file_error, lint, lint_file, run_cli

#: The bank's 14 answers, as the README reports them.
BANK_SCORES = {
    "Q91": 100, "Q92": 100, "Q93": 87, "Q94": 95, "Q95": 94, "Q96": 100, "Q97": 100,
    "Q98": 100, "Q99": 100, "Q100": 97, "Q101": 90, "Q102": 99, "Q103": 100, "Q104": 100,
}


def test_bank_scores():
    run = lint_file(BANK)
    assert {s.title.split(":")[0]: s.score.total for s in run.summaries} == BANK_SCORES


def test_weights_add_up_and_parts_add_up_to_the_total():
    weights = load_weights()
    assert sum(w.weight for w in weights) == 100
    assert [w.name for w in weights] == ["completeness", "length", "action", "result", "ownership", "learning", "clarity"]
    for summary in lint_file(BANK).summaries:
        assert summary.score.total == sum(p.points for p in summary.score.parts)


def test_each_finding_costs_its_weight():
    """plain_lines_no_result_number (60 words in its parts): answer-length, no-learning, hedging,
    unquantified-result and vague-claim in the Result."""
    run = lint_file(FIXTURES / "answers" / "plain_lines_no_result_number.md")
    assert sorted((d.rule, d.part) for d in run.diagnostics) == [
        ("answer-length", None), ("hedging", None), ("no-learning", None), ("unquantified-result", "result"),
        ("vague-claim", "result")]
    score = run.summaries[0].score
    assert {p.name: (p.points, p.lost_to) for p in score.parts} == {
        "completeness": (40, ()),
        "length": (7, ("length",)),  # 60 words: 10 short of 70, zero at 35 -> 10 x 25/35
        "action": (15, ()),
        "result": (0, ("unquantified-result", "vague-claim")),  # 10 + 3, no lower than 0
        "ownership": (10, ()),
        "learning": (0, ("no-learning",)),
        "clarity": (4, ("hedging",)),
    }
    assert score.total == 76


def _summary(words: int) -> AnswerSummary:
    return AnswerSummary("a.md", "A", 1, 9, {}, [], words)


def _diag(rule: str, part: str | None = None) -> Diagnostic:
    return Diagnostic("a.md", 2, 1, 2, 5, rule, "warning", "m", "A", part)


def test_losses_stop_at_zero_and_respect_the_part():
    score = score_answer(_summary(150), [_diag("we-instead-of-i")] * 5 + [_diag("vague-claim", "action")])
    parts = {p.name: p.points for p in score.parts}
    assert parts["ownership"] == 0  # 5 x 4 points, no lower than 0
    assert parts["action"] == 12 and parts["result"] == 10  # vague-claim in the Action costs there only
    assert score.total == 100 - 10 - 3


@pytest.mark.parametrize("words,points", [(70, 10), (420, 10), (150, 10), (35, 0), (10, 0), (630, 0), (900, 0),
                                          (52, 5), (525, 5)])
def test_length_is_graded_between_the_band_and_zero(words, points):
    assert {p.name: p.points for p in score_answer(_summary(words), []).parts}["length"] == points
    assert WordBand(70, 420, 35, 630).share(words) == pytest.approx(points / 10, abs=0.05)


def test_inline_disable_costs_nothing():
    text = (FIXTURES / "answers" / "plain_lines_no_result_number.md").read_text(encoding="utf-8")
    before = lint(text).summaries[0].score.total
    after = lint("<!-- starlint-disable-file unquantified-result -->\n" + text).summaries[0].score.total
    assert (before, after) == (76, 83)  # the Result keeps 7: only vague-claim's 3 points are lost


def test_json_has_the_score_with_its_parts():
    code, data = cli_json(str(BANK))
    score = data["answers"][2]["score"]
    assert score == {
        "total": 87,
        "parts": {"completeness": 40, "length": 10, "action": 15, "result": 7, "ownership": 10, "learning": 0,
                  "clarity": 5},
        "lost_to": {"result": ["vague-claim"], "learning": ["no-learning"]},
    }
    assert {w.name: w.weight for w in load_weights()} == {"completeness": 40, "length": 10, "action": 15, "result": 10,
                                                           "ownership": 10, "learning": 10, "clarity": 5}
    assert data["answers"][2]["words"] > 100


def test_text_shows_every_score_then_the_range():
    code, out, _ = run_cli(str(BANK))
    lines = out.splitlines()
    assert f"score  87/100  {BANK}:92  Q93: Found root cause of incorrect metrics  (result -3, learning -10)" in lines
    assert lines[-2] == "scores 87-100, median 100"
    assert sum(1 for line in lines if line.startswith("score ")) == 14


def test_text_lists_only_the_lowest_of_many(tmp_path):
    for i in range(3):
        (tmp_path / f"bank{i}.md").write_text(BANK.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = run_cli("-j", "1", str(tmp_path))
    scores = [line for line in out.splitlines() if line.startswith("score ")]
    assert len(scores) == 5 and all(" 87/100" in s or " 90/100" in s for s in scores[:5])
    assert "... 37 more answers scored 90-100 (every score: --format json)" in out


@pytest.mark.parametrize("args,code", [(("--fail-under", "95"), 1), (("--fail-under", "87"), 0), (("--fail-under", "88"), 1),
                                        ((), 0)])
def test_fail_under(args, code):
    got, out, _ = run_cli(*args, str(BANK))
    assert got == code
    if code:
        assert out.splitlines()[-2].endswith(f"below --fail-under {args[1]}")


def test_fail_under_in_config_and_cli_wins(tmp_path):
    (tmp_path / ".starlint.yaml").write_text("fail-under: 95\n", encoding="utf-8")
    answer = tmp_path / "bank.md"
    answer.write_text(BANK.read_text(encoding="utf-8"), encoding="utf-8")
    assert run_cli(str(answer))[0] == 1
    assert run_cli("--fail-under", "50", str(answer))[0] == 0
    assert cli_json(str(answer))[0] == 1


@pytest.mark.parametrize("value", ["101", "-1", "high", "true"])
def test_bad_fail_under_in_config_is_exit_2(tmp_path, value):
    (tmp_path / ".starlint.yaml").write_text(f"fail-under: {value}\n", encoding="utf-8")
    answer = tmp_path / "a.md"
    answer.write_text("x\n", encoding="utf-8")
    code, _, err = run_cli(str(answer))
    assert code == 2 and f"{tmp_path / '.starlint.yaml'}:1: 'fail-under'" in err


def test_bad_fail_under_on_the_command_line_is_exit_2():
    code, _, _ = run_cli("--fail-under", "101", str(BANK))
    assert code == 2


@pytest.mark.parametrize("text,problem", [
    ("parts:\n  - {name: a, weight: 60}\n  - {name: b, weight: 30}\n", "add up to 90, not 100"),
    ("parts:\n  - {name: a, weight: 100, lose: [{rule: x, points: -1}]}\n", ":2: 'points' must be a whole number"),
    ("parts:\n  - name: a\n    weight: 100\n    words: {min: 70, max: 20, zero_below: 1, zero_above: 900}\n",
     ":4: 'words' needs zero_below < min <= max < zero_above"),
    ("parts:\n  - {name: a, weight: 100, bonus: 3}\n", ":2: unknown key 'bonus'"),
    ("weights: []\n", ":1: score file holds 'parts: [...]'"),
])
def test_broken_weights_are_one_line_errors(tmp_path, text, problem):
    assert problem in data_file_error(tmp_path, "score.yaml", text, load_weights)


def test_score_is_on_the_plain_summary_for_other_reports():
    """The HTML report (and any other face) reads the score from the summaries, as plain data."""
    summary = lint_file(BANK).summaries[0]
    as_dict = summary.as_dict()
    assert json.loads(json.dumps(as_dict))["score"] == summary.score.as_dict()
