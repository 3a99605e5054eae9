"""Where the shipped data lives: inside the installed package (`_data/`), or at the root of
a source checkout (`rules/`, `corpus/`)."""

from __future__ import annotations

from pathlib import Path


def data_dir(name: str) -> Path | None:
    here = Path(__file__).resolve().parent
    for candidate in (here / "_data" / name, here.parents[1] / name):
        if candidate.is_dir():
            return candidate
    return None
