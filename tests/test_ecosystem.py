"""Config files, inline comments, SARIF/GitHub output, coverage: starlint among the linters."""

from __future__ import annotations

import json
import shutil

import jsonschema
import pytest

from .conftest import BANK, FIXTURES, run_cli

BAD = FIXTURES / "answers" / "plain_lines_no_result_number.md"
WE = FIXTURES / "answers" / "bold_labels_we_actor.md"


@pytest.fixture
def repo(tmp_path):
    (tmp_path / ".git").mkdir()
    stories = tmp_path / "stories"
    stories.mkdir()
    shutil.copy(BAD, stories / "bad.md")
    shutil.copy(WE, stories / "we.md")
    return tmp_path


def rules_in(out: str) -> list[str]:
    return [line.split()[2] for line in out.splitlines() if ": " in line and line.split()[1] in ("error", "warning", "info")]


def test_pyproject_config_selects_severity_and_fail_on(repo):
    (repo / "pyproject.toml").write_text(
        '[project]\nname = "prep"\n\n[tool.starlint]\nignore = ["hedging"]\nfail-on = "warning"\n'
        '[tool.starlint.severity]\nunquantified-result = "warning"\n',
        encoding="utf-8",
    )
    code, out, _ = run_cli(str(repo / "stories" / "bad.md"))
    assert "hedging" not in rules_in(out)
    assert "stories/bad.md:4:1: warning unquantified-result" in out
    assert code == 1  # fail-on warning
    code, out, _ = run_cli("--ignore", "answer-length", str(repo / "stories" / "bad.md"))
    assert "hedging" in rules_in(out), "a CLI --ignore replaces the config's ignore list"


def test_yaml_config_thresholds_and_upward_search(repo):
    (repo / ".starlint.yaml").write_text("rules:\n  answer-length:\n    min: 10\n", encoding="utf-8")
    code, out, _ = run_cli(str(repo / "stories" / "we.md"))
    assert "answer-length" not in rules_in(out)


def test_config_search_stops_at_repo_root(tmp_path, repo):
    (tmp_path.parent / ".starlint.yaml").write_text("ignore: [we-instead-of-i]\n", encoding="utf-8")
    try:
        code, out, _ = run_cli(str(repo / "stories" / "we.md"))
        assert "we-instead-of-i" in rules_in(out)
    finally:
        (tmp_path.parent / ".starlint.yaml").unlink()


@pytest.mark.parametrize(
    "body,problem",
    [
        ("colour: red\n", ".starlint.yaml:1: unknown key 'colour'"),
        ("select: [missing-part]\nignore: [no-such-rule]\n", ".starlint.yaml:2: unknown rule 'no-such-rule' in 'ignore'"),
        ("rules:\n  thin-action:\n    maximum: 3\n", ".starlint.yaml:1: rule 'thin-action' has no parameter 'maximum'"),
        ("select: [a\n", ".starlint.yaml:2: invalid YAML"),
        ("fail-on: never\n", ".starlint.yaml:1: 'fail-on' must be one of"),
    ],
)
def test_broken_config_is_one_line_and_exit_2(repo, body, problem):
    (repo / ".starlint.yaml").write_text(body, encoding="utf-8")
    code, out, err = run_cli(str(repo / "stories" / "bad.md"))
    assert code == 2 and problem in err and err.count("\n") == 1


def test_extra_rules_folder_of_user_yaml(repo):
    (repo / "myrules").mkdir()
    (repo / "myrules" / "jargon.yaml").write_text(
        "name: no-jargon\nseverity: warning\npart: answer\nkind: existence\n"
        "message: \"Jargon '{match}'\"\nphrases: [synergy, leverage]\n", encoding="utf-8")
    (repo / ".starlint.yaml").write_text("extra-rules: [myrules]\n", encoding="utf-8")
    (repo / "stories" / "j.md").write_text(BAD.read_text(encoding="utf-8").replace("weekly calls", "synergy calls"), encoding="utf-8")
    code, out, _ = run_cli(str(repo / "stories" / "j.md"))
    assert "j.md:3:26: warning no-jargon Jargon 'synergy'" in out


def test_inline_disable_comments(tmp_path):
    text = BAD.read_text(encoding="utf-8").splitlines()
    text.insert(2, "<!-- starlint-disable-next-line hedging -->")
    text.insert(0, "<!-- starlint-disable-file answer-length, long-sentence -->")
    path = tmp_path / "a.md"
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    code, out, _ = run_cli(str(path))
    assert rules_in(out) == ["unused-disable", "no-learning", "unquantified-result", "vague-claim"]
    assert "a.md:1:1: info unused-disable starlint-disable-file for long-sentence silences nothing" in out


def test_disable_enable_range(tmp_path):
    text = WE.read_text(encoding="utf-8").replace("2. **Plan:**", "<!-- starlint-disable we-instead-of-i -->\n\n2. **Plan:**")
    text = text.replace("3. **Pilot:**", "<!-- starlint-enable we-instead-of-i -->\n\n3. **Pilot:**")
    path = tmp_path / "a.md"
    path.write_text(text, encoding="utf-8")
    _, out, _ = run_cli(str(path))
    assert rules_in(out) == ["we-instead-of-i"] and ":15:17:" in out


# The parts of SARIF 2.1.0 that code-scanning tools read, as a JSON schema of our own
# (the official schema is not shipped by any PyPI package; see README).
SARIF_SUBSET = {
    "type": "object",
    "required": ["version", "runs"],
    "properties": {
        "version": {"const": "2.1.0"},
        "runs": {"type": "array", "minItems": 1, "items": {
            "type": "object", "required": ["tool", "results"],
            "properties": {
                "tool": {"type": "object", "required": ["driver"], "properties": {"driver": {
                    "type": "object", "required": ["name", "rules"],
                    "properties": {"rules": {"type": "array", "items": {
                        "type": "object", "required": ["id", "shortDescription", "help"],
                        "properties": {"shortDescription": {"type": "object", "required": ["text"]}}}}}}}},
                "results": {"type": "array", "items": {
                    "type": "object", "required": ["ruleId", "level", "message", "locations"],
                    "properties": {
                        "level": {"enum": ["none", "note", "warning", "error"]},
                        "message": {"type": "object", "required": ["text"]},
                        "locations": {"type": "array", "items": {"type": "object", "properties": {
                            "physicalLocation": {"type": "object", "required": ["artifactLocation", "region"],
                                                 "properties": {"region": {"type": "object", "required": ["startLine"],
                                                     "properties": {k: {"type": "integer", "minimum": 1} for k in
                                                                    ("startLine", "startColumn", "endLine", "endColumn")}}}}}}}}}},
            }}},
    },
}


def test_sarif_output():
    code, out, _ = run_cli("--format", "sarif", str(BAD))
    data = json.loads(out)
    jsonschema.validate(data, SARIF_SUBSET)
    run = data["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert "unquantified-result" in ids
    result = next(r for r in run["results"] if r["ruleId"] == "unquantified-result")
    assert result["level"] == "error" and ids[result["ruleIndex"]] == "unquantified-result"
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 4, "startColumn": 1, "endLine": 4, "endColumn": 8}
    assert code == 1


def test_github_output():
    code, out, _ = run_cli("--format", "github", str(WE))
    assert out.splitlines()[0] == (
        f"::warning file={WE},line=9,col=14,endLine=9,endColumn=16,title=we-instead-of-i::"
        "'We' as the actor hides what you did: say 'I' for your own actions"
    )


def test_show_source_marks_the_span():
    _, out, _ = run_cli("--show-source", str(WE))
    lines = out.splitlines()
    assert lines[1] == "     9 | 2. **Plan:** We decided to migrate the smallest pipelines first."
    assert lines[2] == "       |              ^^"
    assert "\x1b[" not in out  # no colour when not on a terminal


def test_coverage_table_and_json(tmp_path):
    for name in ("bold_labels_we_actor", "letters_missing_task", "mojibake_cp1252", "plain_lines_no_result_number",
                 "prep_doc", "prose_unlabelled"):
        shutil.copy(FIXTURES / "answers" / f"{name}.md", tmp_path)
    code, out, _ = run_cli("coverage", str(tmp_path))
    assert code == 0 and "Bias for Action       1 NEED" in out
    code, out, _ = run_cli("coverage", "--all", "--format", "json", str(BANK))
    data = json.loads(out)
    assert len(data["principles"]) == 16
    ownership = next(p for p in data["principles"] if p["principle"] == "Ownership")
    assert ownership["enough"] and any(s["title"].startswith("Q102") and s["how"] == "declared" for s in ownership["stories"])
    frugality = next(p for p in data["principles"] if p["principle"] == "Frugality")
    assert frugality["stories"] == [] and not frugality["enough"]


@pytest.mark.parametrize("no_color", [False, True])
def test_terminal_output_colour_and_no_color(no_color):
    """On a real terminal (a pseudo-terminal from `script`): source lines always, colour
    unless NO_COLOR is set."""
    import os
    import subprocess
    import sys

    if shutil.which("script") is None:
        pytest.skip("`script` (util-linux) not available")
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    if no_color:
        env["NO_COLOR"] = "1"
    result = subprocess.run(["script", "-qc", f"{sys.executable} -m starlint {WE}", "/dev/null"],
                            capture_output=True, text=True, env=env, timeout=120)
    out = result.stdout
    assert "     9 | 2. **Plan:** We decided to migrate the smallest pipelines first." in out
    assert ("\x1b[" in out) is (not no_color)
