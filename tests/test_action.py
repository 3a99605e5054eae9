"""The GitHub Action (action.yml): its shell steps, run as GitHub runs them (bash, the inputs
in the environment, GITHUB_ACTION_PATH at this checkout), in a fresh virtual environment:
the install step installs starlint from the checkout, the run step annotates a prep repo's
answers (`--format github`) and fails the job on an error."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
import yaml

from .conftest import FIXTURES, ROOT

ACTION = ROOT / "action.yml"


def _substitute(text: str, inputs: dict[str, str]) -> str:
    """GitHub's `${{ inputs.NAME }}` expressions (the only ones the action uses)."""
    def value(match: re.Match) -> str:
        expression = match.group(1).strip()
        assert expression.startswith("inputs."), f"unexpected expression {expression}"
        return inputs[expression.removeprefix("inputs.")]

    return re.sub(r"\$\{\{(.*?)\}\}", value, text)


def test_action_is_composite_with_setup_python_first():
    action = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    first = action["runs"]["steps"][0]
    assert first["uses"].startswith("actions/setup-python@")
    assert first["with"]["python-version"] == "${{ inputs.python-version }}"
    for step in action["runs"]["steps"][1:]:
        assert step["shell"] == "bash" and "${{" not in step["run"], "inputs reach scripts through env only"


def test_action_steps_install_and_annotate(tmp_path):
    action = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    inputs = {name: spec.get("default", "") for name, spec in action["inputs"].items()}
    inputs.update(paths="stories notes.md", args="--ignore answer-length")

    # a fresh venv standing in for setup-python's Python; the dependencies are linked from
    # this one (a .pth), so that the install step builds and installs starlint itself only
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    site = subprocess.run([str(venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    Path(site, "deps-of-the-test.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")

    prep = tmp_path / "prep"
    (prep / "stories").mkdir(parents=True)
    (prep / "stories" / "no_task.txt").write_bytes((FIXTURES / "answers" / "letters_missing_task.md").read_bytes())
    (prep / "notes.md").write_bytes((FIXTURES / "answers" / "bold_labels_we_actor.md").read_bytes())
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env.update(PATH=f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}", GITHUB_ACTION_PATH=str(ROOT))

    results = []
    for step in action["runs"]["steps"][1:]:
        step_env = {**env, **{k: _substitute(str(v), inputs) for k, v in step.get("env", {}).items()}}
        results.append(subprocess.run(["bash", "-e", "-c", step["run"]], cwd=prep, env=step_env,
                                      capture_output=True, text=True, timeout=900))
    install, lint = results
    assert install.returncode == 0, install.stdout + install.stderr
    installed = subprocess.run([str(venv / "bin" / "python"), "-c", "import starlint; print(starlint.__file__)"],
                               capture_output=True, text=True, env=env).stdout
    assert installed.startswith(site), installed  # the install step's copy, not this checkout's
    assert lint.returncode == 1, lint.stdout + lint.stderr
    lines = lint.stdout.splitlines()
    assert ("::error file=stories/no_task.txt,line=1,col=4,endLine=1,endColumn=56,title=missing-part::"
            "Task is missing: a STAR answer needs a Situation, Task, Action and Result") in lines
    assert any(line.startswith("::warning file=notes.md,line=9,col=14,") and "title=we-instead-of-i" in line
               for line in lines)
    assert not any("answer-length" in line for line in lines)  # the args input was passed
