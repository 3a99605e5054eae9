"""`{"answers": [...], "diagnostics": [...]}`: the machine-readable contract."""

from __future__ import annotations

import json

from ..lint import LintRun
from ..model import PART_NAMES, Answer


def answer_dict(answer: Answer) -> dict:
    parts = {}
    for name in PART_NAMES:
        part = answer.parts.get(name)
        parts[name] = None if part is None else {"line": part.line, "end_line": part.end_line, "inferred": part.inferred}
    return {
        "path": answer.source.path,
        "title": answer.title,
        "line": answer.line,
        "end_line": answer.end_line,
        "parts": parts,
        "principles": answer.principles + answer.section_principles,
    }


def render(run: LintRun, **_: object) -> str:
    data = {
        "answers": [answer_dict(a) for a in run.answers],
        "diagnostics": [d.as_dict() for d in run.diagnostics],
        "errors": run.errors,
        "notices": run.notices,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
