"""SARIF 2.1.0, for code-scanning UIs: the rules in tool.driver.rules, one result per finding.

Locations are URI references (percent-encoded, relative to %SRCROOT%, the folder starlint
ran in, or file URIs for absolute paths), and columns are counted in Unicode code points,
as starlint counts them: the run says so (`columnKind`), since SARIF's default is UTF-16.
Files that could not be linted are tool notifications of the invocation.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator

from .. import __version__
from ..lint import LintRun
from .names import folder_uri, one_line, path_uri
from .stream import indented

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_RESULTS, _INVOCATIONS = "\x00results\x00", "\x00invocations\x00"


def _driver(rules) -> tuple[dict, dict[str, int]]:
    rule_list = sorted(rules, key=lambda r: r.name)
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
    return driver, {r.name: i for i, r in enumerate(rule_list)}


def _result(d, index: dict[str, int]) -> dict:
    uri, base = path_uri(d.path)
    artifact = {"uri": uri, "uriBaseId": base} if base else {"uri": uri}
    result = {
        "ruleId": d.rule,
        "level": LEVELS[d.severity],
        "message": {"text": d.message},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": artifact,
                "region": {"startLine": d.line, "startColumn": d.column,
                           "endLine": d.end_line, "endColumn": d.end_column},
            }
        }],
    }
    if d.rule in index:
        result["ruleIndex"] = index[d.rule]
    return result


def stream(pieces: Iterable[LintRun], rules=(), **_: object) -> Iterator[str]:
    driver, index = _driver(rules)
    skeleton = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": folder_uri(os.getcwd())}},
            "columnKind": "unicodeCodePoints",
            "results": _RESULTS,
            "invocations": _INVOCATIONS,
        }],
    }
    text = json.dumps(skeleton, ensure_ascii=False, indent=2)
    head, rest = text.split(json.dumps(_RESULTS))
    middle, tail = rest.split(json.dumps(_INVOCATIONS))
    depth = head.rsplit("\n", 1)[1].count("  ")  # of the "results" key
    yield head
    count = 0
    errors: list[str] = []
    for piece in pieces:
        errors.extend(piece.errors)
        out = []
        for d in piece.diagnostics:
            out.append(("[\n" if count == 0 else ",\n") + "  " * (depth + 1) + indented(_result(d, index), depth + 1))
            count += 1
        if out:
            yield "".join(out)
    yield ("[]" if count == 0 else "\n" + "  " * depth + "]") + middle
    invocation = {
        "executionSuccessful": not errors,
        "toolExecutionNotifications": [
            {"level": "error", "message": {"text": one_line(e)}} for e in errors
        ],
    }
    yield indented([invocation], depth) + tail + "\n"


def render(run: LintRun, rules=(), **options: object) -> str:
    return "".join(stream([run], rules=rules, **options))
