"""`{"answers": [...], "diagnostics": [...]}`: the machine-readable contract."""

from __future__ import annotations

import json
from typing import Iterator

from ..lint import LintRun


def _items(key: str, items: list, last: bool) -> Iterator[str]:
    """One top-level list, an item at a time: the same text as `json.dumps(..., indent=2)`."""
    if not items:
        yield f'  "{key}": []' + ("\n" if last else ",\n")
        return
    yield f'  "{key}": [\n'
    for i, item in enumerate(items):
        text = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n    ")
        yield "    " + text + (",\n" if i < len(items) - 1 else "\n")
    yield "  ]" + ("\n" if last else ",\n")


def render_chunks(run: LintRun, **_: object) -> Iterator[str]:
    """The report in pieces, so that a large run never holds its whole text (a 200-file
    batch's report is 5 MB: rendered at once it added 24 MiB to the main process's peak)."""
    yield "{\n"
    yield from _items("answers", [a.as_dict() for a in run.summaries], False)
    yield from _items("diagnostics", [d.as_dict() for d in run.diagnostics], False)
    yield from _items("errors", run.errors, False)
    yield from _items("notices", run.notices, True)
    yield "}\n"


def render(run: LintRun, **options: object) -> str:
    return "".join(render_chunks(run, **options))
