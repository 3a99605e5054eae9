"""Reference banks: folders of Markdown answers, read by starlint's own reader."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..lint import LintRun, lint_paths
from ..model import Answer
from ..ruleset import Rule

_ID = re.compile(r"^\s*(Q\d+)\b", re.IGNORECASE)


@dataclass
class BankAnswer:
    id: str
    title: str
    path: str
    principles: list[str]
    answer: Answer


def builtin_bank_dir() -> Path:
    from ..resources import data_dir

    folder = data_dir("corpus")
    if folder is None:
        raise FileNotFoundError(f"{Path(__file__).parent}: built-in bank not found (broken installation)")
    return folder


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60] or "answer"


def load_banks(folders: list[str], rules: list[Rule]) -> tuple[list[BankAnswer], LintRun]:
    """Every answer of every bank folder, analysed and linted with `rules` in one run."""
    run = lint_paths(folders, rules)
    entries = []
    for answer in run.answers:
        match = _ID.match(answer.title)
        entries.append(
            BankAnswer(
                id=match.group(1).upper() if match else _slug(answer.title),
                title=answer.title,
                path=answer.source.path,
                principles=answer.principles + [p for p in answer.section_principles if p not in answer.principles],
                answer=answer,
            )
        )
    return entries, run
