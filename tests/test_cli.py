"""The command line as a user meets it: exit codes, formats, stdin, bad input, no traceback."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from .conftest import BANK, FIXTURES, cli_json, run_cli

GOOD = FIXTURES / "answers" / "prep_doc.md"
BAD = FIXTURES / "answers" / "plain_lines_no_result_number.md"


def test_text_format_one_line_per_finding_and_summary():
    code, out, _ = run_cli(str(BAD))
    lines = out.splitlines()
    assert code == 1
    assert lines[3] == (
        f"{BAD}:4:1: error unquantified-result Result states no quantity: give a number, "
        "percentage, money, time or before/after figure"
    )
    assert lines[-1] == "1 error, 3 warnings, 1 info in 1 answer (1 file)"


def test_clean_answer_exits_zero():
    code, out, _ = run_cli(str(GOOD))
    assert code == 0 and out.strip().splitlines() == [
        f"score 100/100  {GOOD}:11  Migrated billing without downtime  (nothing lost)",
        "no problems in 1 answer (1 file)"]


def test_json_shape():
    code, data = cli_json(str(BAD))
    assert code == 1
    answer = data["answers"][0]
    assert set(answer) >= {"path", "title", "line", "end_line", "parts"}
    assert answer["parts"]["result"] == {"line": 4, "end_line": 4, "inferred": False, "told": True}
    diag = next(d for d in data["diagnostics"] if d["rule"] == "unquantified-result")
    assert diag == {
        "path": str(BAD), "line": 4, "column": 1, "end_line": 4, "end_column": 8,
        "rule": "unquantified-result", "severity": "error", "message": diag["message"],
        "answer": "plain_lines_no_result_number", "part": "result",
    }


def test_folder_recurses_into_markdown(tmp_path):
    (tmp_path / "sub").mkdir()
    shutil.copy(GOOD, tmp_path / "sub" / "a.md")
    shutil.copy(BAD, tmp_path / "b.markdown")
    (tmp_path / "notes.py").write_text("print('not an answer')")
    code, data = cli_json(str(tmp_path))
    assert code == 1
    assert sorted({a["path"] for a in data["answers"]}) == sorted([str(tmp_path / "b.markdown"), str(tmp_path / "sub" / "a.md")])


def test_standard_input():
    code, data = cli_json("-", "--stdin-filename", "draft.md", input=BAD.read_bytes())
    assert code == 1
    assert {d["path"] for d in data["diagnostics"]} == {"draft.md"}
    assert any(d["rule"] == "unquantified-result" and d["line"] == 4 for d in data["diagnostics"])


@pytest.mark.parametrize(
    "content,expect",
    [
        (None, "no such file"),
        (b"\x00\x01\x02binary\x00", "binary file"),
    ],
)
def test_unreadable_input_is_one_line_and_exit_2(tmp_path, content, expect):
    path = tmp_path / "answer.md"
    if content is not None:
        path.write_bytes(content)
    code, out, err = run_cli(str(path))
    assert code == 2
    assert err.strip().splitlines() == [f"starlint: {path}: {err.split(': ', 2)[2].strip()}"]
    assert expect in err and str(path) in err and "Traceback" not in err + out


def test_empty_file_says_so_with_verbose(tmp_path):
    path = tmp_path / "empty.md"
    path.write_text("")
    code, out, err = run_cli(str(path))
    assert code == 0 and err == "" and out == "no problems in 0 answers (1 file)\n"
    code, out, err = run_cli("--verbose", str(path))
    assert code == 0 and err == f"starlint: {path}: empty file, nothing to lint\n"


def test_no_answer_says_so_with_verbose(tmp_path):
    path = tmp_path / "todo.md"
    path.write_text("# Todo\n\n- buy milk\n")
    code, _, err = run_cli(str(path))
    assert code == 0 and err == ""  # one notice per README is noise
    code, _, err = run_cli("-v", str(path))
    assert code == 0 and err == f"starlint: {path}: no STAR answer found (no labelled parts, no first-person story)\n"


def test_unknown_rule_is_a_usage_error():
    code, _, err = run_cli("--select", "no-such-rule", str(GOOD))
    assert code == 2 and "unknown rule 'no-such-rule'" in err


def test_fail_on_and_select():
    code, out, _ = run_cli("--select", "hedging", str(BAD))
    assert code == 0 and "hedging" in out and "unquantified-result" not in out
    code, _, _ = run_cli("--select", "hedging", "--fail-on", "info", str(BAD))
    assert code == 1


def test_rules_lists_every_rule():
    code, out, _ = run_cli("rules")
    names = {line.split()[0] for line in out.splitlines()}
    assert code == 0 and {"missing-part", "we-instead-of-i", "long-sentence"} <= names
    assert len(names) >= 12


def test_console_script_without_network():
    """Nothing is downloaded at run time: the CLI works with the network namespace empty."""
    if shutil.which("unshare") is None:
        pytest.skip("unshare not available")
    probe = subprocess.run(["unshare", "-rn", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("cannot create a network namespace here")
    result = subprocess.run(
        ["unshare", "-rn", sys.executable, "-m", "starlint", "--format", "json", str(BANK)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["answers"]) == 14


def test_parallel_folder_run_matches_the_serial_one(tmp_path, monkeypatch):
    """Large folders are linted in worker processes; the report must not change."""
    from starlint import lint

    pools: list[int] = []
    real = lint._lint_parallel
    monkeypatch.setattr(lint, "_lint_parallel", lambda *a: pools.append(a[-1]) or real(*a))
    files = lint.PARALLEL_MIN_FILES + 2
    for i in range(files):
        shutil.copy(BAD if i % 2 else GOOD, tmp_path / f"story{i:02d}.md")
    (tmp_path / "broken.md").write_bytes(b"\x00binary")
    parallel = run_cli("--jobs", "2", "--format", "json", str(tmp_path))
    serial = run_cli("--jobs", "1", "--format", "json", str(tmp_path))
    assert pools == [2]  # two workers for the first run, none for the second
    assert parallel == serial
    code, out, err = parallel
    assert code == 2 and "broken.md: binary file" in err
    assert len(json.loads(out)["answers"]) == files
