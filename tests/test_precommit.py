"""The real pre-commit framework runs starlint's hook from this repository
(`pre-commit try-repo`): a good story passes, a story without a Task fails."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import FIXTURES, ROOT

GOOD = FIXTURES / "answers" / "prep_doc.md"
NO_TASK = FIXTURES / "answers" / "letters_missing_task.md"


def _pre_commit() -> list[str] | None:
    exe = shutil.which("pre-commit", path=os.path.dirname(sys.executable)) or shutil.which("pre-commit")
    return [exe] if exe else None


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="needs a git checkout of starlint")
def test_pre_commit_try_repo(tmp_path):
    pre_commit = _pre_commit()
    if pre_commit is None:
        pytest.skip("pre-commit not installed")
    prep = tmp_path / "prep"
    prep.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    subprocess.run(["git", "init", "-q"], cwd=prep, check=True, env=env)
    shutil.copy(GOOD, prep / "good.md")
    shutil.copy(NO_TASK, prep / "no_task.md")
    subprocess.run(["git", "add", "."], cwd=prep, check=True, env=env)

    def hook(name: str) -> subprocess.CompletedProcess:
        return subprocess.run([*pre_commit, "try-repo", str(ROOT), "starlint", "--files", name],
                              cwd=prep, env=env, capture_output=True, text=True, timeout=900)

    good = hook("good.md")
    assert good.returncode == 0, good.stdout + good.stderr
    bad = hook("no_task.md")
    assert bad.returncode == 1
    assert "no_task.md:1:4: error missing-part Task is missing" in bad.stdout
