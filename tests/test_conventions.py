"""What a ruff or markdownlint user expects of the command line: config errors that are one
line, unknown names with the nearest one, `rules` in a stable order, --show-config, excludes
and .gitignore, quiet files with no answer, --exit-zero, -q, --statistics, -o, --color,
a progress bar on a terminal only, shell completion."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter

import pytest

from .conftest import BANK, FIXTURES, run_cli

NO_TASK = FIXTURES / "answers" / "letters_missing_task.md"  # missing-part at 1:4
WE = FIXTURES / "answers" / "bold_labels_we_actor.md"  # we-instead-of-i at 9:14 and 11:17
BAD = FIXTURES / "answers" / "plain_lines_no_result_number.md"


def rules_in(out: str) -> list[str]:
    return [line.split()[2] for line in out.splitlines() if line.count(":") >= 3 and len(line.split()) > 2
            and line.split()[1] in ("error", "warning", "info")]


def paths_in(out: str) -> set[str]:
    return {line.split(":")[0].removeprefix("./") for line in out.splitlines()
            if len(line.split()) > 2 and line.split()[1] in ("error", "warning", "info")}


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A prep repository: a .git folder, stories, and the cwd there."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "stories").mkdir()
    shutil.copy(NO_TASK, tmp_path / "stories" / "no_task.txt")
    shutil.copy(WE, tmp_path / "stories" / "we.md")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- config: one line, exit 2 ------------------------------------------------------------

def test_invalid_toml_is_exit_2_with_file_and_line(repo):
    (repo / "pyproject.toml").write_text('[project]\nname = "prep"\n\n[tool.starlint\nignore = ["hedging"]\n',
                                         encoding="utf-8")
    code, out, err = run_cli("stories")
    assert code == 2 and out == ""
    assert err == (f"starlint: {repo / 'pyproject.toml'}:4: invalid TOML: Expected ']' at the end of a table "
                   "declaration (at line 4, column 15)\n")


def test_pyproject_without_a_starlint_table_is_not_read(repo):
    (repo / "pyproject.toml").write_text('[project\nname = "not ours"\n', encoding="utf-8")  # broken, not ours
    code, out, _ = run_cli("stories/we.md")
    assert code == 0 and rules_in(out) == ["we-instead-of-i", "we-instead-of-i"]


@pytest.mark.parametrize("name,body,problem", [
    ("pyproject.toml", '[tool.starlint]\nfail-on = "info"\nignore = "hedging"\n',
     "pyproject.toml:3: 'ignore' must be a list of strings (ignore = [\"hedging\"])"),
    (".starlint.yaml", "ignore: hedging\n", ".starlint.yaml:1: 'ignore' must be a list of strings (ignore: [hedging])"),
    (".starlint.yaml", "exclude: drafts/\n", ".starlint.yaml:1: 'exclude' must be a list of strings"),
    (".starlint.yaml", "respect-gitignore: sometimes\n", ".starlint.yaml:1: 'respect-gitignore' must be true or false"),
    (".starlint.yaml", "ignore: [hedgin]\n", ".starlint.yaml:1: unknown rule 'hedgin' in 'ignore'; did you mean 'hedging'?"),
])
def test_wrong_types_are_config_errors(repo, name, body, problem):
    (repo / name).write_text(body, encoding="utf-8")
    code, out, err = run_cli("stories")
    assert code == 2 and out == "" and err.count("\n") == 1 and problem in err, err


# --- names ---------------------------------------------------------------------------------

def _with_comments(tmp_path, *comments: str):
    path = tmp_path / "a.md"
    path.write_text("".join(c + "\n" for c in comments) + WE.read_text(encoding="utf-8"), encoding="utf-8")
    return path


def test_unknown_rule_in_a_comment_is_reported_with_the_nearest_name(tmp_path):
    path = _with_comments(tmp_path, "<!-- starlint-disable-file hedgin, we-instead-of-i -->",
                          "<!-- starlint-enable nonsense -->")
    code, out, _ = run_cli(str(path))
    lines = out.splitlines()
    assert lines[0] == (f"{path}:1:28: warning unknown-rule starlint-disable-file names unknown rule 'hedgin'; "
                        "did you mean 'hedging'?")
    assert lines[1] == f"{path}:2:22: warning unknown-rule starlint-enable names unknown rule 'nonsense'"
    assert "unused-disable" not in out  # we-instead-of-i was used; hedgin is not a rule at all
    assert rules_in(out) == ["unknown-rule", "unknown-rule"]


def test_comment_for_a_rule_left_out_by_the_config_is_not_unknown(repo):
    (repo / "myrules").mkdir()
    (repo / "myrules" / "jargon.yaml").write_text(
        "name: no-jargon\nseverity: warning\npart: answer\nkind: existence\nmessage: \"Jargon '{match}'\"\n"
        "phrases: [synergy]\n", encoding="utf-8")
    (repo / ".starlint.yaml").write_text("extra-rules: [myrules]\nignore: [no-jargon]\n", encoding="utf-8")
    path = _with_comments(repo / "stories", "<!-- starlint-disable-file no-jargon -->")
    _, out, _ = run_cli(str(path))
    assert "unknown-rule" not in out
    assert rules_in(out) == ["unused-disable", "we-instead-of-i", "we-instead-of-i"]


def test_rules_are_listed_by_severity_then_name():
    code, out, _ = run_cli("rules")
    rows = [line.split()[:2] for line in out.splitlines()]
    rank = {"error": 0, "warning": 1, "info": 2}
    assert code == 0 and rows == sorted(rows, key=lambda row: (rank[row[1]], row[0]))
    assert rows[0] == ["missing-part", "error"] and ["unknown-rule", "warning"] in rows


@pytest.mark.parametrize("name,hint", [
    ("vague-clam", "; did you mean 'vague-claim'?"),      # a typo
    ("passive", "; did you mean 'passive-voice'?"),       # a prefix
    ("we", "; did you mean 'we-instead-of-i'?"),          # a word of the name
    ("learning", "; did you mean 'no-learning'?"),
    ("nonsense", " (see `starlint rules`)"),              # close to nothing: no guess
    ("xyz", " (see `starlint rules`)"),
])
def test_explain_suggests_by_edit_distance_and_prefix_or_nothing(name, hint):
    code, _, err = run_cli("explain", name)
    assert code == 2 and err == f"starlint: unknown rule '{name}'{hint}\n"


def test_select_with_a_typo_suggests_the_rule():
    code, _, err = run_cli("--select", "missing-prat", str(WE))
    assert code == 2 and err == "starlint: unknown rule 'missing-prat'; did you mean 'missing-part'?\n"


# --- --show-config ---------------------------------------------------------------------------

def test_show_config_prints_settings_and_their_sources(repo):
    (repo / "pyproject.toml").write_text(
        '[tool.starlint]\nignore = ["hedging"]\nextend-exclude = ["drafts/"]\n\n[tool.starlint.severity]\n'
        'long-sentence = "warning"\n', encoding="utf-8")
    code, out, _ = run_cli("--show-config", "--fail-on", "warning", "stories")
    assert code == 0
    settings = {line.split("=")[0].strip(): line for line in out.splitlines() if not line.startswith("#") and "=" in line}
    assert out.splitlines()[:2] == ["# starlint settings for stories",
                                    "# config file: pyproject.toml (the nearest from stories upward)"]
    assert settings["ignore"].split("#")[-1].strip() == "pyproject.toml:2"
    assert '["hedging"]' in settings["ignore"]
    assert settings["fail-on"].split("#")[-1].strip() == "command line (--fail-on)" and '"warning"' in settings["fail-on"]
    assert settings["select"].split("#")[-1].strip() == "default"
    assert '"node_modules"' in settings["exclude"] and settings["exclude"].endswith("# default")
    assert '["drafts/"]' in settings["extend-exclude"] and settings["extend-exclude"].endswith("# pyproject.toml:3")
    rules = {line.split()[0]: " ".join(line.split()[1:]) for line in out.split("# rules in force")[1].splitlines()[1:]}
    assert rules["long-sentence"] == "warning # pyproject.toml:5"
    assert "hedging" not in rules  # ignored: not in force
    assert rules["missing-part"] == "error # built-in"


def test_show_config_without_a_config_file(repo):
    code, out, _ = run_cli("--show-config", "stories")
    assert code == 0 and "# config file: none found (defaults)" in out


# --- excludes ----------------------------------------------------------------------------------

@pytest.fixture
def prep(repo):
    """node_modules, venv, a git-ignored folder, a hidden one, a README with no answer."""
    for folder in ("node_modules/pkg", "venv/lib", "drafts", ".github", "stories/old"):
        (repo / folder).mkdir(parents=True)
    for name in ("node_modules/pkg/story.md", "venv/lib/story.md", "drafts/d.md", ".github/t.md",
                 "stories/old/keep.md", "stories/old/skip.md"):
        shutil.copy(NO_TASK, repo / name)
    (repo / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    (repo / "stories" / ".gitignore").write_text("old/*\n!old/keep.md\n", encoding="utf-8")
    (repo / "README.md").write_text("# My prep\n\nStories for the loop.\n", encoding="utf-8")
    return repo


def test_folder_walk_skips_node_modules_venv_and_gitignored(prep):
    code, out, err = run_cli(".")
    assert paths_in(out) == {"stories/no_task.txt", "stories/we.md", "stories/old/keep.md"}
    assert err == ""  # README.md has no answer: quiet unless --verbose
    assert out.splitlines()[-1].endswith("(4 files)")


def test_verbose_says_what_was_left_out_and_what_had_no_answer(prep):
    _, _, err = run_cli("-v", ".")
    assert err.splitlines() == [
        "starlint: ./drafts: skipped (ignored by git)",  # in the order of the walk
        "starlint: ./node_modules: skipped (excluded by default 'node_modules')",
        "starlint: ./venv: skipped (excluded by default 'venv')",
        "starlint: ./stories/old/skip.md: skipped (ignored by git)",
        "starlint: ./README.md: no STAR answer found (no labelled parts, no first-person story)",
    ]


def test_no_respect_gitignore(prep):
    _, out, _ = run_cli("--no-respect-gitignore", ".")
    assert paths_in(out) == {"stories/no_task.txt", "stories/we.md", "stories/old/keep.md", "stories/old/skip.md",
                             "drafts/d.md"}


def test_global_gitignore_is_read_as_git_reads_it(prep, tmp_path_factory, monkeypatch):
    """core.excludesFile in the global config, else $XDG_CONFIG_HOME/git/ignore; a work tree's
    own .gitignore still wins (its "!old/keep.md" keeps what the global file ignores)."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("GIT_CONFIG_GLOBAL", raising=False)
    (home / ".config" / "git").mkdir(parents=True)
    (home / ".config" / "git" / "ignore").write_text("*.txt\nkeep.md\n", encoding="utf-8")
    _, out, _ = run_cli(".")
    assert paths_in(out) == {"stories/we.md", "stories/old/keep.md"}
    (home / "my-ignores").write_text("we.md\n", encoding="utf-8")
    (home / ".gitconfig").write_text('[user]\n\tname = x\n[core]\n\texcludesFile = "~/my-ignores"\n',
                                     encoding="utf-8")
    _, out, _ = run_cli(".")
    assert paths_in(out) == {"stories/no_task.txt", "stories/old/keep.md"}
    _, out, _ = run_cli("--no-respect-gitignore", ".")
    assert "stories/we.md" in paths_in(out)


def test_gitignore_outside_a_git_work_tree_means_nothing(prep):
    shutil.rmtree(prep / ".git")
    _, out, _ = run_cli(".")
    assert "drafts/d.md" in paths_in(out)


def test_config_exclude_extend_exclude_and_cli_exclude(prep):
    (prep / ".starlint.yaml").write_text("extend-exclude: ['stories/*.txt']\n", encoding="utf-8")
    _, out, _ = run_cli(".")
    assert paths_in(out) == {"stories/we.md", "stories/old/keep.md"}
    _, out, _ = run_cli("--exclude", "we.md,keep.md", ".")
    assert paths_in(out) == set()
    (prep / ".starlint.yaml").write_text("exclude: []\n", encoding="utf-8")  # no defaults
    _, out, _ = run_cli(".")
    assert {"node_modules/pkg/story.md", "venv/lib/story.md"} <= paths_in(out)
    # from another folder, the config's globs still mean paths from the config's folder
    (prep / ".starlint.yaml").write_text("extend-exclude: ['stories/*.txt']\n", encoding="utf-8")
    os.chdir(prep / "stories")
    _, out, _ = run_cli("--config", str(prep / ".starlint.yaml"), ".")
    assert paths_in(out) == {"we.md", "old/keep.md"}


def test_invalid_globs(prep):
    code, out, err = run_cli("--exclude", "a\\", ".")
    assert code == 2 and out == "" and err == "starlint: invalid glob 'a\\' in --exclude (Invalid git pattern: 'a\\\\')\n"
    (prep / ".starlint.yaml").write_text("extend-exclude: ['ok/', 'bad\\']\n", encoding="utf-8")
    code, _, err = run_cli(".")
    assert code == 2 and err.startswith(f"starlint: {prep / '.starlint.yaml'}:1: invalid glob 'bad\\' in extend-exclude")
    (prep / ".starlint.yaml").unlink()
    (prep / ".gitignore").write_text("\\\ndrafts/\n", encoding="utf-8")  # git passes over a bad line
    code, out, _ = run_cli(".")
    assert "drafts/d.md" not in paths_in(out) and "stories/we.md" in paths_in(out)


def test_files_named_are_linted_unless_force_exclude(prep):
    _, out, _ = run_cli("node_modules/pkg/story.md", "drafts/d.md", "stories/we.md")
    assert paths_in(out) == {"node_modules/pkg/story.md", "drafts/d.md", "stories/we.md"}
    _, out, err = run_cli("--force-exclude", "-v", "node_modules/pkg/story.md", "drafts/d.md", "stories/we.md")
    assert paths_in(out) == {"stories/we.md"}
    assert "starlint: node_modules: skipped (excluded by default 'node_modules')" in err.splitlines()


# --- output options ------------------------------------------------------------------------------

def test_exit_zero_keeps_findings_but_exits_0():
    code, out, _ = run_cli("--exit-zero", str(NO_TASK))
    assert code == 0 and "error missing-part" in out
    code, _, _ = run_cli("--exit-zero", str(FIXTURES / "missing.md"))
    assert code == 2  # an input that cannot be read is still an error


def test_quiet_prints_findings_only(tmp_path):
    (tmp_path / "empty.md").write_text("")
    code, out, err = run_cli("-q", str(WE), str(tmp_path / "empty.md"))
    assert code == 0 and err == ""
    assert out.splitlines() == [
        f"{WE}:9:14: warning we-instead-of-i 'We' as the actor hides what you did: say 'I' for your own actions",
        f"{WE}:11:17: warning we-instead-of-i 'Our team' as the actor hides what you did: say 'I' for your own actions",
    ]
    code, _, err = run_cli("-q", "-v", str(WE))
    assert code == 2 and "exclude each other" in err


def test_statistics_counts_per_rule(tmp_path):
    data = json.loads(run_cli("--format", "json", str(WE), str(BAD), str(NO_TASK))[1])
    expected = Counter((d["rule"], d["severity"]) for d in data["diagnostics"])
    code, out, _ = run_cli("--statistics", str(WE), str(BAD), str(NO_TASK))
    lines = out.splitlines()
    rows = [line.split() for line in lines[:-1]]
    assert code == 1 and lines[-1].endswith("in 3 answers (3 files)")
    assert {(rule, severity): int(n) for n, severity, rule in rows} == expected
    assert [int(r[0]) for r in rows] == sorted((int(r[0]) for r in rows), reverse=True)
    code, out, _ = run_cli("--statistics", "--format", "json", str(WE))
    assert json.loads(out) == [{"rule": "we-instead-of-i", "severity": "warning", "count": 2}]
    code, _, err = run_cli("--statistics", "--format", "sarif", str(WE))
    assert code == 2 and err == "starlint: --statistics prints text or json, not sarif\n"


def test_output_file_written_and_linted_files_never_overwritten(tmp_path):
    story = tmp_path / "story.md"
    shutil.copy(WE, story)
    report = tmp_path / "out" / "report.json"
    report.parent.mkdir()
    code, out, _ = run_cli("--format", "json", "-o", str(report), str(tmp_path))
    assert code == 0 and out == ""
    assert [d["rule"] for d in json.loads(report.read_text(encoding="utf-8"))["diagnostics"]] == ["we-instead-of-i"] * 2
    before = story.read_bytes()
    code, out, err = run_cli("-o", str(story), str(tmp_path))
    assert code == 2 and story.read_bytes() == before
    assert err == (f"starlint: {story}: is one of the files being reported on; refusing to overwrite it "
                   "(choose another -o)\n")
    code, _, err = run_cli("-o", str(tmp_path), str(story))
    assert code == 2 and "is a folder" in err


@pytest.mark.parametrize("color,no_color,coloured", [
    ("always", False, True), ("always", True, True),  # the flag wins over NO_COLOR
    ("never", False, False), ("auto", False, False),  # auto: not a terminal here
])
def test_color_option_in_a_pipe(color, no_color, coloured):
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    if no_color:
        env["NO_COLOR"] = "1"
    result = subprocess.run([sys.executable, "-m", "starlint", "--color", color, str(WE)], capture_output=True,
                            text=True, env=env)
    assert ("\x1b[" in result.stdout) is coloured
    assert "we-instead-of-i" in result.stdout


def _pty(command: str, env: dict | None = None) -> str:
    if shutil.which("script") is None:
        pytest.skip("`script` (util-linux) not available")
    return subprocess.run(["script", "-qc", command, "/dev/null"], capture_output=True, text=True,
                          env=env, timeout=300).stdout


def test_color_never_on_a_terminal():
    out = _pty(f"{sys.executable} -m starlint --color never {WE}")
    assert "we-instead-of-i" in out and "\x1b[" not in out


# --- the progress bar ---------------------------------------------------------------------------

def test_progress_bar_on_a_terminal_for_many_files_only(tmp_path):
    for i in range(30):
        shutil.copy(WE, tmp_path / f"s{i:02}.md")
    # a terminal (script's pseudo-terminal), the bar's delay made 0 for the test
    run = (f"{sys.executable} -c 'import starlint.progress as p; p.DELAY = 0; "
           f"from starlint.cli import main; main()' {tmp_path} 2>&1")
    out = _pty(run)
    assert "30/30" in out and "files" in out  # the bar, counting files
    for i in range(30):  # every finding line arrives whole, above the bar
        assert f"{tmp_path}/s{i:02}.md:9:14: warning we-instead-of-i" in out.replace("\x1b[33mwarning\x1b[0m", "warning")
    assert out.rstrip().endswith("60 warnings in 30 answers (30 files)")
    # not in a pipe: standard error is not a terminal
    piped = subprocess.run([sys.executable, "-c", "import starlint.progress as p; p.DELAY = 0; "
                            "from starlint.cli import main; main()", str(tmp_path)], capture_output=True, text=True)
    # 60 findings, the 5 lowest scores and two lines about the rest, the summary
    assert piped.stderr == "" and piped.stdout.count("\n") == 60 + 5 + 2 + 1
    # not for a few files, nor with -q
    few = _pty(f"{sys.executable} -c 'import starlint.progress as p; p.DELAY = 0; "
               f"from starlint.cli import main; main()' {tmp_path}/s00.md {tmp_path}/s01.md 2>&1")
    assert "/2 " not in few and "files" in few.splitlines()[-1]
    quiet = _pty(run.replace(f" {tmp_path}", f" -q {tmp_path}"))
    assert "30/30" not in quiet


def test_progress_bar_needs_its_delay():
    """With the real delay, a quick run never shows a bar, nor imports rich for it."""
    code = ("import sys; from starlint import progress; from starlint.lint import LintRun; "
            "pieces = [LintRun(planned_files=100)] + [LintRun(file_count=1) for _ in range(100)]; "
            "assert list(progress.track(iter(pieces), enabled=True)) == pieces; "
            "print('rich' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout == "False\n", result.stderr


# --- shell completion -------------------------------------------------------------------------

@pytest.mark.parametrize("shell,marker", [("bash", "_starlint_completion"), ("zsh", "#compdef starlint"),
                                          ("fish", "complete --no-files --command starlint")])
def test_completion_script_is_produced(shell, marker):
    # the console script: completion keys on its name, which "python -m starlint" does not have
    script = shutil.which("starlint") or shutil.which("starlint", path=os.path.dirname(sys.executable))
    assert script, "the starlint console script is not installed beside this Python"
    result = subprocess.run([script], env={**os.environ, "_STARLINT_COMPLETE": f"{shell}_source"},
                            capture_output=True, text=True)
    assert result.returncode == 0 and marker in result.stdout


@pytest.mark.parametrize("words,expected", [
    ("starlint ex", "plain,explain"),
    ("starlint explain hed", "plain,hedging"),
    ("starlint --select missing-part,we", "plain,missing-part,we-instead-of-i"),
    ("starlint --force", "plain,--force-exclude"),
])
def test_completion_answers(words, expected):
    exe = shutil.which("starlint", path=os.path.dirname(sys.executable))
    if exe is None:
        pytest.skip("the starlint script is not installed beside this Python")
    env = {**os.environ, "_STARLINT_COMPLETE": "bash_complete", "COMP_WORDS": words,
           "COMP_CWORD": str(len(words.split()) - 1)}
    result = subprocess.run([exe], env=env, capture_output=True, text=True)
    assert expected in result.stdout.splitlines(), result.stdout


def test_bank_walk_has_no_notice():
    code, _, err = run_cli(str(BANK.parent))
    assert err == ""


# --- the README ----------------------------------------------------------------------------------

def test_readme_test_command_is_self_contained_and_what_ci_runs():
    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    import re

    section = readme[readme.index("Run the tests"):]
    command = re.search(r"```sh\n(.*?)\n```", section, re.S).group(1)
    assert command.startswith("python3 -m venv .venv && . .venv/bin/activate && ")  # any shell
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()


def test_readme_config_examples_are_valid(tmp_path):
    import re

    from starlint.config import load_config

    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Configuration"):readme.index("### pre-commit")]
    blocks = re.findall(r"```toml\n(.*?)```", section, re.S)
    assert len(blocks) == 2
    for i, block in enumerate(blocks):
        (tmp_path / f"{i}").mkdir()
        path = tmp_path / f"{i}" / "pyproject.toml"
        path.write_text(block, encoding="utf-8")
        config = load_config(path)
        assert config.keys, block
    assert load_config(tmp_path / "1" / "pyproject.toml").extend_exclude == ["drafts/", "stories/*.old.md"]


def test_a_matchers_hits_agree_with_its_matches():
    """`hits` stops at the first kind of matcher that finds anything (the speed of the
    principle and lesson checks); it must say what `matches` says, for phrases and regexes."""
    from starlint.kinds.base import SpanMatcher
    from starlint.nlp.pipeline import blank_pipeline

    matcher = SpanMatcher(phrases=["root cause"], regex=[r"\bnoticed (a|the) gap\b"])
    nlp = blank_pipeline()
    for text in ("I found the root cause.", "I noticed a gap in the library.", "I fixed it.",
                 "I noticed the gap and found the root cause."):
        span = nlp(text)[:]
        assert matcher.hits(span) is bool(matcher.matches(span)), text
