"""What excludes cost a folder walk: starlint's walk (lint.inputs) of a git work tree of many
files with no filter, with the defaults and .gitignore files, with a config glob on top, beside
git's own walk of the same tree with the same ignore files (`git ls-files --others
--exclude-standard`), in one run.

    python benchmarks/walk.py [--files 20000] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from starlint.excludes import PathFilter  # noqa: E402
from starlint.lint import inputs  # noqa: E402


def build(root: Path, files: int) -> None:
    """Folders of 100 files; every tenth folder has a .gitignore; node_modules and a
    git-ignored folder hold files the walk must not list."""
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    (root / ".gitignore").write_text("drafts/\n*.tmp\n", encoding="utf-8")
    for d in range(max(1, files // 100)):
        folder = root / f"d{d:04}"
        folder.mkdir()
        if d % 10 == 0:
            (folder / ".gitignore").write_text("x*.md\n", encoding="utf-8")
        for f in range(100):
            (folder / f"f{f:03}.md").write_text("hi\n", encoding="utf-8")
    for skipped in ("node_modules/pkg", "drafts"):
        (root / skipped).mkdir(parents=True)
        for f in range(500):
            (root / skipped / f"s{f:03}.md").write_text("hi\n", encoding="utf-8")


def median_ms(work, runs: int) -> tuple[float, int]:
    times, count = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        count = work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        build(root, args.files)
        os.chdir(root)
        cases = {
            "starlint walk, no excludes": lambda: len(inputs(["."], [])),
            "starlint walk, defaults + .gitignore": lambda: len(inputs(["."], [], path_filter=PathFilter())),
            "  + extend-exclude glob": lambda: len(inputs(["."], [], path_filter=PathFilter(
                extend_exclude=["d00*/f00*.md"]))),
            "git ls-files --others --exclude-standard": lambda: len(subprocess.run(
                ["git", "ls-files", "--others", "--exclude-standard", "-z"], check=True,
                capture_output=True).stdout.split(b"\0")) - 1,
        }
        print(f"{args.files + 1000} files ({args.files} to lint), median of {args.runs} runs")
        for label, work in cases.items():
            ms, count = median_ms(work, args.runs)
            print(f"  {label:<42} {ms:8.1f} ms  {count} files")


if __name__ == "__main__":
    main()
