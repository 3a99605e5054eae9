"""`{"answers": [...], "diagnostics": [...]}`: the machine-readable contract."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Iterator

from ..lint import LintRun
from .names import display_path, one_line
from .stream import JsonList

#: Diagnostics wait in memory up to this size, then in an anonymous temporary file, until
#: the answers list (which comes first in the report) is complete.
SPOOL_BYTES = 8 * 1024 * 1024


def _with_path(item: dict) -> dict:
    """Names as every format shows them; a title taken from a file name is one line too."""
    item["path"] = display_path(item["path"])
    for key in ("title", "answer"):
        if isinstance(item.get(key), str):
            item[key] = one_line(item[key])
    return item


def stream(pieces: Iterable[LintRun], **_: object) -> Iterator[str]:
    """The report in pieces, as the run goes (a 200-file batch's report is 5 MB: rendered
    at once it added 24 MiB to the main process's peak)."""
    answers, diagnostics = JsonList(2), JsonList(2)
    errors: list[str] = []
    notices: list[str] = []
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES, mode="w+", encoding="utf-8") as spool:
        yield '{\n  "answers": '
        for piece in pieces:
            for summary in piece.summaries:
                yield answers.item(_with_path(summary.as_dict()))
            for diagnostic in piece.diagnostics:
                spool.write(diagnostics.item(_with_path(diagnostic.as_dict())))
            errors.extend(one_line(e) for e in piece.errors)
            notices.extend(one_line(n) for n in piece.notices + piece.quiet_notices)  # all of them: data
        yield answers.close() + ',\n  "diagnostics": '
        spool.seek(0)
        while block := spool.read(1 << 16):
            yield block
    yield diagnostics.close() + ",\n"
    yield '  "errors": ' + json.dumps(errors, ensure_ascii=False, indent=2).replace("\n", "\n  ") + ",\n"
    yield '  "notices": ' + json.dumps(notices, ensure_ascii=False, indent=2).replace("\n", "\n  ") + "\n"
    yield "}\n"


def render_chunks(run: LintRun, **options: object) -> Iterator[str]:
    return stream([run], **options)


def render(run: LintRun, **options: object) -> str:
    return "".join(stream([run], **options))
