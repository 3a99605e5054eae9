"""Put the evaluation texts in place from clones you already have; fetches nothing.

    python benchmarks/accuracy_texts.py --clones DIR [--texts DIR] [--labels DIR ...]

Each label file names a repository, a path, a commit and the sha256 of the text's bytes. For
each, this looks for a clone of the repository under --clones (as `owner/name`, `owner+name`
or `owner__name`, a work tree or a bare repository), takes the file at that commit with
`git show`, checks its sha256 and writes it to the texts folder under the label's stem. It
prints what it placed, what did not match, and which repositories it found no clone of (clone
those yourself: `git clone https://github.com/owner/name DIR/owner/name`).
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
from pathlib import Path, PurePosixPath

import yaml

ROOT = Path(__file__).resolve().parent / "accuracy"


def _git_dir(clones: Path, repo: str) -> Path | None:
    owner, name = repo.split("/", 1)
    for candidate in (clones / owner / name, clones / f"{owner}+{name}", clones / f"{owner}__{name}"):
        for git_dir in (candidate / ".git", candidate / "repo" / ".git", candidate / "repo", candidate):
            if (git_dir / "HEAD").is_file() and (git_dir / "objects").is_dir():
                return git_dir
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clones", type=Path, required=True, help="folder holding clones of the source repositories")
    parser.add_argument("--texts", type=Path, default=ROOT / "texts")
    parser.add_argument("--labels", type=Path, action="append",
                        help="label folders (default: labels/ and fresh/)")
    args = parser.parse_args(argv)
    folders = args.labels or [ROOT / "labels", ROOT / "fresh"]
    args.texts.mkdir(parents=True, exist_ok=True)
    placed = mismatched = 0
    missing: set[str] = set()
    for label in sorted(p for folder in folders for p in folder.glob("*.yaml")):
        source = yaml.safe_load(label.read_text(encoding="utf-8"))["source"]
        git_dir = _git_dir(args.clones, source["repo"])
        if git_dir is None:
            missing.add(source["repo"])
            continue
        shown = subprocess.run(["git", "--git-dir", str(git_dir), "show", f"{source['commit']}:{source['path']}"],
                               capture_output=True)
        if shown.returncode != 0 or hashlib.sha256(shown.stdout).hexdigest() != source["sha256"]:
            mismatched += 1
            print(f"no match: {label.stem} ({source['repo']} {source['commit'][:7]}:{source['path']})")
            continue
        (args.texts / (label.stem + PurePosixPath(source["path"]).suffix)).write_bytes(shown.stdout)
        placed += 1
    for repo in sorted(missing):
        print(f"no clone: {repo}")
    print(f"{placed} texts placed in {args.texts}, {mismatched} did not match, {len(missing)} repositories not cloned")
    return 0 if not mismatched else 1


if __name__ == "__main__":
    sys.exit(main())
