"""SARIF 2.1.0, for code-scanning UIs: the rules in tool.driver.rules, one result per finding."""

from __future__ import annotations

import json

from .. import __version__
from ..lint import LintRun

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def render(run: LintRun, rules=(), **_: object) -> str:
    rule_list = sorted(rules, key=lambda r: r.name)
    index = {r.name: i for i, r in enumerate(rule_list)}
    driver = {
        "name": "starlint",
        "version": __version__,
        "informationUri": "https://pypi.org/project/starlint/",
        "rules": [
            {
                "id": r.name,
                "name": r.name,
                "shortDescription": {"text": r.summary or r.name},
                "fullDescription": {"text": r.why or r.summary or r.name},
                "help": {"text": f"{r.summary} Why: {r.why} Fix: {r.fix}".strip()},
                "defaultConfiguration": {"level": LEVELS[r.severity]},
            }
            for r in rule_list
        ],
    }
    results = []
    for d in run.diagnostics:
        result = {
            "ruleId": d.rule,
            "level": LEVELS[d.severity],
            "message": {"text": d.message},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": d.path},
                    "region": {"startLine": d.line, "startColumn": d.column,
                               "endLine": d.end_line, "endColumn": d.end_column},
                }
            }],
        }
        if d.rule in index:
            result["ruleIndex"] = index[d.rule]
        results.append(result)
    data = {"$schema": SCHEMA, "version": "2.1.0", "runs": [{"tool": {"driver": driver}, "results": results}]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
