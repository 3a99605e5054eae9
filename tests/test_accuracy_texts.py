"""benchmarks/accuracy_texts.py places a label's text from a local clone, byte for byte, and
refuses one whose bytes differ from the label's sha256."""

from __future__ import annotations

import hashlib
import importlib.util
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "accuracy_texts.py"


def _script():
    spec = importlib.util.spec_from_file_location("accuracy_texts", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _repo(tmp_path: Path, text: bytes) -> str:
    work = tmp_path / "clones" / "jane" / "prep"
    work.mkdir(parents=True)
    (work / "stories.md").write_bytes(text)
    git = ["git", "-C", str(work), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run(["git", "init", "-q", str(work)], check=True)
    subprocess.run(git + ["add", "stories.md"], check=True)
    subprocess.run(git + ["commit", "-qm", "x"], check=True)
    return subprocess.run(git + ["rev-parse", "HEAD"], check=True, capture_output=True, text=True).stdout.strip()


def _label(folder: Path, stem: str, commit: str, digest: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{stem}.yaml").write_text(
        f"source:\n  repo: jane/prep\n  path: stories.md\n  commit: {commit}\n  sha256: {digest}\nsections: []\n",
        encoding="utf-8")


def test_a_text_is_placed_from_its_clone_and_a_wrong_digest_is_refused(tmp_path, capsys):
    text = "# Conflict\n\nI disagreed with my lead about the cache.\r\n".encode("utf-8")
    commit = _repo(tmp_path, text)
    labels = tmp_path / "labels"
    _label(labels, "x-jane-stories", commit, hashlib.sha256(text).hexdigest())
    texts = tmp_path / "texts"
    args = ["--clones", str(tmp_path / "clones"), "--texts", str(texts), "--labels", str(labels)]
    assert _script().main(args) == 0
    assert (texts / "x-jane-stories.md").read_bytes() == text
    _label(labels, "x-jane-stories", commit, "0" * 64)
    (texts / "x-jane-stories.md").unlink()
    assert _script().main(args) == 1
    assert not (texts / "x-jane-stories.md").exists()
    assert "no match: x-jane-stories" in capsys.readouterr().out
