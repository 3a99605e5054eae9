"""`starlint compare`: retellings find their bank story first; the report says what to change."""

from __future__ import annotations

import json

import pytest

from .conftest import FIXTURES, run_cli

RETELLINGS = {
    "q92_revenue_gap.md": "Q92",
    "q96_peak_sale.md": "Q96",
    "q100_cluster_bill.md": "Q100",
    "q101_stock_badge.md": "Q101",
}


def compare_json(*args):
    code, out, err = run_cli("compare", "--format", "json", *args)
    return code, (json.loads(out) if out.strip() else None), err


@pytest.mark.parametrize("name,story", sorted(RETELLINGS.items()))
def test_retelling_finds_its_story_first(name, story):
    code, report, _ = compare_json(str(FIXTURES / "retellings" / name))
    assert code == 0
    scores = [m["score"] for m in report["matches"]]
    assert report["matches"][0]["id"] == story
    assert all(0.0 <= s <= 1.0 for s in scores) and scores == sorted(scores, reverse=True)
    assert scores[0] > 2 * scores[1], "the right story should stand clearly ahead"


def test_report_shape_and_principles():
    _, report, _ = compare_json(str(FIXTURES / "retellings" / "q101_stock_badge.md"), "--top", "2")
    assert len(report["matches"]) == 2
    best = report["matches"][0]
    assert set(best) == {"title", "id", "path", "score", "principles"}
    assert best["principles"] == ["Customer Obsession"]
    comparison = report["comparison"]
    assert comparison["match"]["parts"]["result"]["quantities"]
    assert comparison["draft"]["parts"]["action"]["inferred"] is True


def test_text_report_points_changes_at_draft_lines():
    draft = FIXTURES / "answers" / "plain_lines_no_result_number.md"
    code, out, _ = run_cli("compare", str(draft))
    assert code == 1  # the draft has an error finding
    assert "Closest bank answers" in out and "To close the gap:" in out
    changes = out.split("To close the gap:")[1].strip().splitlines()
    assert changes and all(line.strip().startswith(f"{draft}:") for line in changes)
    assert any(f"{draft}:4: Quantify the Result" in line for line in changes)


def test_user_bank(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text(
        "# Outage\n\nOne Friday a release broke sign-in for all our app users. I was on call and had to "
        "get sign-in back. I reverted the deploy in four minutes, reproduced the bug, traced it to a "
        "config key renamed in one service only, and wrote a contract test for both services. Sign-in "
        "was back within 5 minutes, and the test has caught two more mismatches since.\n",
        encoding="utf-8",
    )
    code, report, _ = compare_json(str(draft), "--bank", str(FIXTURES / "user_bank"))
    assert code == 0
    assert report["matches"][0]["title"] == "Restored login during an outage"
    assert report["matches"][0]["id"] == "restored-login-during-an-outage"


def test_bad_inputs_exit_2(tmp_path):
    code, _, err = run_cli("compare", str(tmp_path / "missing.md"))
    assert code == 2 and "no such file" in err
    code, _, err = run_cli("compare", "--bank", str(tmp_path / "nobank"), str(FIXTURES / "answers" / "prep_doc.md"))
    assert code == 2 and "bank folder not found" in err


def test_says_plainly_when_no_bank_answer_is_close():
    draft = FIXTURES / "user_bank" / "pricing.md"
    code, report, _ = compare_json(str(draft))
    assert code == 0 and report["close"] is False and report["threshold"] == 0.40
    assert report["matches"][0]["score"] < 0.40
    code, out, _ = run_cli("compare", str(draft))
    assert "No bank answer tells a story close to yours: the nearest scores 0.05" in out


@pytest.mark.parametrize("name", sorted(RETELLINGS))
def test_a_retelling_is_close(name):
    _, report, _ = compare_json(str(FIXTURES / "retellings" / name))
    assert report["close"] is True


@pytest.mark.parametrize("fmt", ["sarif", "github", "html"])
def test_a_format_compare_cannot_write_is_refused(fmt):
    code, out, err = run_cli("compare", "--format", fmt, str(FIXTURES / "retellings" / "q96_peak_sale.md"))
    assert code == 2 and out == "" and "Invalid value for '--format'" in err
