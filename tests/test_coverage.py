"""`starlint coverage`: rows with file and line, the same story told twice counted once with
both places, stories spread over more than three principles, principles with fewer than two
distinct stories, and what a story is credited for."""

from __future__ import annotations

import json
import shutil

from .conftest import BANK, FIXTURES, run_cli

DISAGREE = FIXTURES / "answers" / "letters_missing_task.md"  # "Tell me about a time you disagreed ..."


def coverage_json(*args):
    code, out, err = run_cli("coverage", "--format", "json", *args)
    assert code == 0, err
    return json.loads(out)


def row(report, name):
    return next(r for r in report["principles"] if r["principle"] == name)


def test_rows_name_file_and_line():
    code, out, _ = run_cli("coverage", str(BANK))
    assert code == 0
    assert f"    {BANK}:295  Q102: Ownership — 2 AM pipeline failure\n" in out
    assert f"    {BANK}:229  Q99: Automated a manual process (section)\n" in out


def test_bank_alone_has_no_story_twice_and_none_spread_thin():
    report = coverage_json("--all", str(BANK))
    assert report["duplicates"] == [] and report["spread_thin"] == [] and report["uncredited"] == []
    assert row(report, "Invent and Simplify")["distinct"] == 2
    assert [(s["title"][:4], s["how"], s["question"]) for s in row(report, "Invent and Simplify")["stories"]] == [
        ("Q99:", "asked", "automation"), ("Q103", "asked", "simplification")]


def test_a_story_copied_into_two_files_is_one_story_with_both_places(tmp_path):
    shutil.copy(DISAGREE, tmp_path / "a.md")
    shutil.copy(DISAGREE, tmp_path / "b.md")
    report = coverage_json("--all", str(tmp_path))
    assert report["duplicates"] == [{"similarity": 1.0, "stories": [
        {"path": str(tmp_path / "a.md"), "line": 1, "title": "Tell me about a time you disagreed with your manager"},
        {"path": str(tmp_path / "b.md"), "line": 1, "title": "Tell me about a time you disagreed with your manager"}]}]
    backbone = row(report, "Have Backbone; Disagree and Commit")
    assert backbone["distinct"] == 1 and not backbone["enough"]
    assert backbone["stories"][0]["also"] == [{"path": str(tmp_path / "b.md"), "line": 1}]
    assert "Have Backbone; Disagree and Commit" in report["short"]
    code, out, _ = run_cli("coverage", "--all", str(tmp_path))
    assert (f"same story twice (similarity 1.00), counted once: {tmp_path / 'a.md'}:1 Tell me about a time you "
            f"disagreed with your manager / {tmp_path / 'b.md'}:1 Tell me about a time you disagreed with your manager") in out
    assert f", also {tmp_path / 'b.md'}:1" in out


def test_a_retelling_beside_its_story_is_the_same_story(tmp_path):
    shutil.copy(BANK, tmp_path / "bank.md")
    shutil.copy(FIXTURES / "retellings" / "q96_peak_sale.md", tmp_path)
    report = coverage_json(str(tmp_path))
    assert [(d["stories"][0]["title"][:4], d["stories"][1]["path"].rsplit("/", 1)[-1]) for d in report["duplicates"]] == [
        ("Q96:", "q96_peak_sale.md")]
    assert 0.40 <= report["duplicates"][0]["similarity"] < 1.0


def test_two_different_stories_under_one_principle_are_two(tmp_path):
    shutil.copy(DISAGREE, tmp_path)
    shutil.copy(FIXTURES / "answers" / "we_joint.md", tmp_path)  # "Disagreed with my lead about on-call"
    report = coverage_json("--all", str(tmp_path))
    assert report["duplicates"] == []
    backbone = row(report, "Have Backbone; Disagree and Commit")
    assert backbone["distinct"] == 2 and backbone["enough"]


def test_disagreement_story_counts_for_backbone_not_bias_for_action(tmp_path):
    shutil.copy(DISAGREE, tmp_path)
    report = coverage_json("--all", str(tmp_path))
    credited = {r["principle"]: [(s["how"], s["question"]) for s in r["stories"]] for r in report["principles"] if r["stories"]}
    assert credited == {"Have Backbone; Disagree and Commit": [("asked", "conflict")]}


def test_a_story_that_does_not_answer_its_question_is_not_credited_for_it(tmp_path):
    bank = BANK.read_text(encoding="utf-8")
    story = bank.split("### Q99: Automated a manual process [↩️](#index)\n", 1)[1].split("\n---", 1)[0]
    (tmp_path / "a.md").write_text("## Tell me about a time you went above and beyond for a customer\n" + story,
                                   encoding="utf-8")
    report = coverage_json("--all", str(tmp_path))
    assert row(report, "Customer Obsession")["stories"] == []


def test_a_story_credited_to_more_than_three_principles_is_pointed_out(tmp_path):
    story = DISAGREE.read_text(encoding="utf-8").split("\n", 1)[1]
    (tmp_path / "a.md").write_text("## Doxygen story (Dive Deep, Bias for Action, Backbone, Ownership)\n" + story,
                                   encoding="utf-8")
    report = coverage_json("--all", str(tmp_path))
    assert report["spread_thin"] == [{"path": str(tmp_path / "a.md"), "line": 1,
                                      "title": "Doxygen story (Dive Deep, Bias for Action, Backbone, Ownership)",
                                      "principles": ["Dive Deep", "Bias for Action", "Have Backbone; Disagree and Commit",
                                                     "Ownership"]}]
    code, out, _ = run_cli("coverage", str(tmp_path))
    assert "credited to 4 principles (Dive Deep, Bias for Action, Have Backbone; Disagree and Commit, Ownership)" in out


def test_a_story_nothing_credits_is_named(tmp_path):
    shutil.copy(FIXTURES / "answers" / "bold_labels_we_actor.md", tmp_path)
    code, out, _ = run_cli("coverage", str(tmp_path))
    assert (f"{tmp_path / 'bold_labels_we_actor.md'}:1 Led the migration to a new CI system: counts for no "
            "principle; name one in its heading or front matter") in out
    assert "5 principle(s) with fewer than 2 distinct stories" in out


def test_coverage_does_not_depend_on_lp_not_shown_being_on(tmp_path):
    shutil.copy(BANK, tmp_path / "bank.md")
    (tmp_path / ".starlint.yaml").write_text("ignore: [lp-not-shown, question-not-answered]\n", encoding="utf-8")
    with_config = coverage_json("--all", str(tmp_path))
    (tmp_path / ".starlint.yaml").unlink()
    assert [r["distinct"] for r in with_config["principles"]] == [r["distinct"] for r in coverage_json("--all", str(tmp_path))["principles"]]
