"""Hostile input never crashes starlint, hangs it, or touches a user's file."""

from __future__ import annotations

import codecs
import hashlib
import os
from pathlib import Path

import pytest

from starlint.reading.decode import MAX_BYTES
from starlint.ruleset import RuleError, load_rule_file

from .conftest import FIXTURES, cli_json, run_cli

ANSWER = (FIXTURES / "answers" / "plain_lines_no_result_number.md").read_text(encoding="utf-8")


def _findings(path) -> list[tuple[int, int, str]]:
    code, data = cli_json(str(path))
    assert code in (0, 1)
    return [(d["line"], d["column"], d["rule"]) for d in data["diagnostics"]]


@pytest.mark.parametrize(
    "name,encode",
    [
        ("bom8", lambda t: codecs.BOM_UTF8 + t.encode("utf-8")),
        ("utf16", lambda t: t.encode("utf-16")),
        ("utf16be", lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be")),
        ("crlf", lambda t: t.replace("\n", "\r\n").encode("utf-8")),
        ("cr", lambda t: t.replace("\n", "\r").encode("utf-8")),
    ],
)
def test_encodings_and_line_endings_keep_positions(tmp_path, name, encode):
    plain = tmp_path / "plain.md"
    plain.write_text(ANSWER, encoding="utf-8")
    other = tmp_path / f"{name}.md"
    other.write_bytes(encode(ANSWER))
    assert _findings(other) == _findings(plain) != []


def test_cp1252_file_is_decoded_with_a_notice(tmp_path):
    path = tmp_path / "legacy.md"
    path.write_bytes(ANSWER.replace("client", "caf\u00e9 client").encode("cp1252"))
    code, out, err = run_cli(str(path))
    assert code == 1 and "decoded as Windows-1252" in err


@pytest.mark.parametrize("data", [b"abc\x00def", b"\x89PNG\r\n\x1a\n" + bytes(range(32)) * 50])
def test_binary_is_refused_with_one_line(tmp_path, data):
    path = tmp_path / "image.md"
    path.write_bytes(data)
    code, out, err = run_cli(str(path))
    assert code == 2 and err.count("\n") == 1 and "binary file" in err and str(path) in err


def test_over_the_size_limit_is_refused(tmp_path):
    path = tmp_path / "huge.md"
    path.write_bytes(b"word " * (MAX_BYTES // 5 + 10))
    code, _, err = run_cli(str(path))
    assert code == 2 and "MiB limit" in err


@pytest.mark.parametrize(
    "text",
    [
        "- " * 20000 + "Situation: deep\n",
        ">" * 5000 + " Situation: deep\n",
        "<details>" * 20000 + "\n<b>Situation:</b> " + "<i>" * 20000 + "\n",
        "*a **b " * 20000 + "\n",
        "[a](" * 20000 + "\n",
        "**Situation:** " + "word &amp; \\* more " * 20000 + "\n",
        "**__**__``**\n" * 2000,
        "**Situation:**\n\n**Task:**\n\n**Action:**\n\n**Result:**\n",
    ],
    ids=["nested-lists", "nested-quotes", "tags", "emphasis", "links", "long-line", "only-markup", "empty-labels"],
)
def test_shapes_finish_in_bounded_time(tmp_path, text):
    path = tmp_path / "shape.md"
    path.write_text(text, encoding="utf-8")
    code, out, err = run_cli(str(path))
    assert code in (0, 1) and "Traceback" not in out + err


def test_labels_with_nothing_under_them_are_a_template_not_an_answer(tmp_path):
    """A bare STAR skeleton is not linted as an answer (issue 10), but the run says what it saw."""
    path = tmp_path / "empty.md"
    path.write_text("**Situation:**\n\n**Task:**\n\n**Action:**\n\n**Result:**\n", encoding="utf-8")
    code, data = cli_json(str(path))
    assert code == 0 and data["answers"] == [] and data["diagnostics"] == []
    assert any("empty.md:1: a STAR template" in n for n in data["notices"])


def test_a_draft_with_one_part_written_is_an_answer_with_empty_parts(tmp_path):
    path = tmp_path / "draft.md"
    path.write_text("**Situation:** Our nightly export to finance failed twice a week.\n\n**Task:**\n\n"
                    "**Action:**\n\n**Result:**\n", encoding="utf-8")
    code, data = cli_json(str(path))
    assert code == 1
    assert [d["message"].split(":")[0] for d in data["diagnostics"] if d["rule"] == "missing-part"] == [
        "Task is empty", "Action is empty", "Result is empty"]


def test_folder_with_link_loops_and_dangling_links(tmp_path):
    (tmp_path / "stories").mkdir()
    (tmp_path / "stories" / "a.md").write_text(ANSWER, encoding="utf-8")
    os.symlink(tmp_path / "stories", tmp_path / "stories" / "loop")
    os.symlink(tmp_path / "nowhere.md", tmp_path / "stories" / "dangling.md")
    os.symlink(tmp_path / "stories" / "a.md", tmp_path / "stories" / "again.md")
    code, out, err = run_cli(str(tmp_path / "stories"))
    assert code == 1
    assert "dangling.md: skipped" in err
    assert "already linted" in err
    assert out.strip().endswith("in 1 answer (1 file)")


def test_nothing_is_written(tmp_path):
    folder = tmp_path / "repo"
    folder.mkdir()
    samples = {
        "good.md": ANSWER.encode("utf-8"),
        "mojibake.md": (FIXTURES / "answers" / "mojibake_cp1252.md").read_bytes(),
        "crlf.md": ANSWER.replace("\n", "\r\n").encode("utf-8"),
        "binary.md": b"\x00\x01\x02",
        "random.md": bytes((i * 7919) % 256 for i in range(4000)),
        "utf16.md": ANSWER.encode("utf-16"),
    }
    for name, data in samples.items():
        (folder / name).write_bytes(data)

    def snapshot():
        return {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in folder.iterdir()}

    before = snapshot()
    for fmt in ("text", "json"):
        run_cli("--format", fmt, str(folder))
    assert snapshot() == before


def test_rule_file_python_tag_does_not_run(tmp_path):
    marker = tmp_path / "pwned"
    path = tmp_path / "evil.yaml"
    path.write_text(
        f"name: evil\nseverity: info\npart: answer\nkind: existence\nmessage: x\n"
        f"phrases: !!python/object/apply:os.system ['touch {marker}']\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleError, match=r"evil.yaml:6: invalid YAML"):
        load_rule_file(path, builtin=False)
    assert not marker.exists()


@pytest.mark.parametrize(
    "body,problem",
    [
        ("name: x\nseverity: info\npart: answer\nkind: existence\nmessage: m\nphrases: [a\n", r"x.yaml:7: invalid YAML"),
        ("name: x\nseverity: info\npart: answer\nkind: magic\nmessage: m\n", r"x.yaml:4: rule 'x': unknown kind 'magic'"),
        ("name: x\nseverity: info\npart: answer\nkind: existence\nmessage: m\nphrases: [a]\ncolour: red\n",
         r"x.yaml:7: rule 'x': unknown key 'colour'"),
        ("name: x\nseverity: fatal\npart: answer\nkind: existence\nmessage: m\nphrases: [a]\n", r"x.yaml:2: .*severity"),
        ("name: x\nseverity: info\npart: answer\nkind: existence\nmessage: m\nregex: '(?<=a)b'\n", r"x.yaml:6: .*not valid RE2"),
        # a regex list parameter of another kind points at its own line too
        ("name: x\nseverity: info\npart: action\nkind: actor\nmessage: m\nroutines: ['(?<=a)b']\n",
         r"x.yaml:6: .*not valid RE2"),
        ("name: x\nseverity: info\npart: result\nkind: absence\nmessage: m\nquantity: true\noutcome_in: action\n"
         "outcome_regex: ['(?<=a)b']\n", r"x.yaml:8: .*not valid RE2"),
        ("name: x\nseverity: info\npart: result\nkind: absence\nmessage: m\nphrases: [a]\noutcome_in: action\n",
         r"x.yaml:1: .*outcome_in needs quantity: true and outcome_regex"),
        ("name: x\nseverity: error\npart: answer\nkind: required-parts\nmessage: m\nfolded_by_labels: [problem]\n",
         r"x.yaml:\d+: .*folded_by_labels must map a part"),
        ("name: x\nseverity: error\npart: answer\nkind: required-parts\nmessage: m\nfolded_by_labels: {plan: [problem]}\n",
         r"x.yaml:\d+: .*unknown part"),
        ("name: x\nseverity: error\npart: answer\nkind: required-parts\nmessage: m\ntold_elsewhere: ['had to']\n",
         r"x.yaml:\d+: .*told_elsewhere must map a part"),
        ("name: x\nseverity: error\npart: answer\nkind: required-parts\nmessage: m\ntold_elsewhere: {action: ['(?<=a)b']}\n",
         r"x.yaml:\d+: .*not valid RE2"),
    ],
)
def test_broken_rule_files_name_file_and_line(tmp_path, body, problem):
    path = tmp_path / "x.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(RuleError, match=problem):
        load_rule_file(path, builtin=False)


def test_user_regex_cannot_hang(tmp_path):
    from starlint.lint import lint_text
    from starlint.ruleset import builtin_rules, combine

    path = tmp_path / "slow.yaml"
    path.write_text("name: slow\nseverity: info\npart: answer\nkind: existence\nmessage: m\nregex: '(a+)+$'\n", encoding="utf-8")
    rules = combine(builtin_rules(), load_rule_file(path, builtin=False))
    text = "**Situation:** " + "a" * 5000 + "b and I fixed it in 3 days.\n\n**Task:** I had to.\n\n**Action:** I did.\n\n**Result:** 5x."
    # with a backtracking engine this call would not return in any reasonable time; RE2 is linear
    run = lint_text(text, rules)
    assert not [d for d in run.diagnostics if d.rule == "slow"]


def test_mojibake_repair_only_where_a_lead_byte_was_misread():
    """Emoji and arrows are not mojibake (and need no ftfy); a mis-read
    UTF-8 sequence on the same line still is, with columns mapped back to the file."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from starlint.reading.decode import read_text\n"
        "clean = read_text('📌 Fixed → done ↩️ 15% ✅', 'a.md')\n"
        "print(clean.text == clean.original, 'ftfy' in sys.modules)\n"
        "mixed = read_text('📌 Itâ€™s done', 'b.md')\n"
        "print(mixed.text, mixed.original_position(0, mixed.text.index('s done')).column)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    first, second = out.splitlines()
    assert first == "True False"
    assert second == "📌 It’s done 8"  # 's' stands at column 8 of the file: 📌, space, I, t, â, €, ™
