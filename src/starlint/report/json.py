"""`{"answers": [...], "diagnostics": [...]}`: the machine-readable contract."""

from __future__ import annotations

import json

from ..lint import LintRun


def render(run: LintRun, **_: object) -> str:
    data = {
        "answers": [a.as_dict() for a in run.summaries],
        "diagnostics": [d.as_dict() for d in run.diagnostics],
        "errors": run.errors,
        "notices": run.notices,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
