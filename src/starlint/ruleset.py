"""Rules are data: YAML files naming a kind and its parameters, validated on load.

A file holds one rule (a mapping) or a family (`rules: [...]`). Built-in rules must carry a
`source` and `examples`; user rules (config `extra-rules`) may leave them out. Every problem is
reported as `file:line: what is wrong`, and YAML is only ever read with the safe loader.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .kinds import KINDS
from .model import EXTRA_PART_NAMES, PART_NAMES, SEVERITIES

RULE_PARTS = PART_NAMES + EXTRA_PART_NAMES + ("answer",)
COMMON_KEYS = {
    "name": "a stable kebab-case name",
    "severity": "error, warning or info",
    "part": "the STAR part it applies to",
    "kind": "the kind of check",
    "message": "the message, with {placeholders}",
    "summary": "one line: what it flags",
    "why": "why it matters",
    "source": "the tip or bank figure behind it",
    "examples": "{fail: [...], pass: [...]}",
    "fix": "how to fix it",
}
REQUIRED_KEYS = ("name", "severity", "part", "kind", "message")
_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


class RuleError(Exception):
    """A rule file is broken: the message is one line naming the file and line."""


@dataclass
class Rule:
    name: str
    severity: str
    part: str | list[str]
    kind: str
    message: str
    params: dict[str, Any]
    summary: str = ""
    why: str = ""
    source: str = ""
    fix: str = ""
    examples: dict[str, list[str]] = field(default_factory=dict)
    path: str = ""
    line: int = 0
    builtin: bool = True
    check: Any = None  # the kind's compiled checker, built once

    def format(self, **values: Any) -> str:
        # quoted text stays on one line ("much\nbetter" is quoted "much better"), in every format
        one_line = {k: " ".join(v.split()) if isinstance(v, str) else v for k, v in values.items()}
        return self.message.format_map(_Missing(one_line))


class _Missing(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def builtin_rules_dir() -> Path:
    from .resources import data_dir

    folder = data_dir("rules")
    if folder is None:
        raise RuleError(f"{Path(__file__).parent}: built-in rules not found (broken installation)")
    return folder


def _key_lines(node) -> dict[tuple, int]:
    """Line (1-based) of every mapping key, addressed by its path from the root. Iterative,
    and walked once per node: the document's aliases were bounded before (yamlsafe)."""
    import yaml

    lines: dict[tuple, int] = {}
    stack = [(node, ())] if node is not None else []
    while stack:
        n, path = stack.pop()
        if isinstance(n, yaml.MappingNode):
            for key, value in n.value:
                kpath = path + (key.value,)
                lines[kpath] = key.start_mark.line + 1
                stack.append((value, kpath))
        elif isinstance(n, yaml.SequenceNode):
            for i, item in enumerate(n.value):
                lines[path + (i,)] = item.start_mark.line + 1
                stack.append((item, path + (i,)))
    return lines


def read_yaml(path: str | os.PathLike, what: str = "rule file") -> tuple[Any, dict[tuple, int]]:
    """A YAML file's data and the line of every key (for `file:line` messages). One parse:
    compose the node tree (for key lines), bound its aliases, then construct the data from
    it. The safe loader only: a `!!python/...` tag is an error, never code."""
    import yaml

    from .yamlsafe import compose_checked

    path = str(path)
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"{path}: cannot read {what} ({exc})") from None
    try:
        node, data = compose_checked(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"{mark.line + 1}:" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise RuleError(f"{path}:{line} invalid YAML: {problem}") from None
    return data, _key_lines(node)


def load_rule_file(path: str | os.PathLike, builtin: bool) -> list[Rule]:
    path = str(path)
    data, lines = read_yaml(path)
    if data is None or (isinstance(data, dict) and set(data) == {"questions"}):
        return []  # nothing, or question types (data a question-fit rule names), beside the rules
    if isinstance(data, dict) and "rules" in data:
        extra = set(data) - {"rules"}
        if extra:
            key = sorted(extra)[0]
            raise RuleError(f"{path}:{lines.get((key,), 1)}: unknown key '{key}' beside 'rules'")
        items = data["rules"]
        if not isinstance(items, list):
            raise RuleError(f"{path}:{lines.get(('rules',), 1)}: 'rules' must be a list of rules")
        prefix: tuple = ("rules",)
    elif isinstance(data, dict):
        items, prefix = [data], ()
    else:
        raise RuleError(f"{path}:1: a rule file holds a rule (a mapping) or 'rules: [...]'")
    rules = []
    for i, item in enumerate(items):
        item_path = prefix + (i,) if prefix else ()
        rules.append(_build_rule(item, path, lines, item_path, builtin))
    return rules


def _build_rule(data: Any, path: str, lines: dict, at: tuple, builtin: bool) -> Rule:
    start = lines.get(at, 1) if at else 1

    def fail(key: str | None, problem: str) -> RuleError:
        line = lines.get(at + (key,), start) if key else start
        return RuleError(f"{path}:{line}: {problem}")

    if not isinstance(data, dict):
        raise fail(None, "a rule must be a mapping of keys")
    for key in REQUIRED_KEYS:
        if key not in data:
            raise fail(None, f"rule is missing '{key}'")
    name = data["name"]
    if not isinstance(name, str) or not _NAME.match(name):
        raise fail("name", f"rule name {name!r} must be kebab-case (e.g. 'vague-claim')")
    kind_name = data["kind"]
    kind = KINDS.get(kind_name) if isinstance(kind_name, str) else None
    if kind is None:
        raise fail("kind", f"rule '{name}': unknown kind {kind_name!r} (known: {', '.join(sorted(KINDS))})")
    if data["severity"] not in SEVERITIES:
        raise fail("severity", f"rule '{name}': severity must be one of {', '.join(SEVERITIES)}")
    parts = data["part"] if isinstance(data["part"], list) else [data["part"]]
    if not parts or any(p not in RULE_PARTS for p in parts):
        raise fail("part", f"rule '{name}': part must be one (or a list) of {', '.join(RULE_PARTS)}")
    for key in data:
        if key not in COMMON_KEYS and key not in kind.PARAMS:
            allowed = ", ".join(sorted(kind.PARAMS)) or "none"
            raise fail(key, f"rule '{name}': unknown key '{key}' (kind {kind_name} takes: {allowed})")
    if builtin:
        for key in ("source", "examples", "summary", "why"):
            if not data.get(key):
                raise fail(None, f"built-in rule '{name}' needs '{key}'")
    examples = data.get("examples") or {}
    if not isinstance(examples, dict) or set(examples) - {"fail", "pass"}:
        raise fail("examples", f"rule '{name}': examples must be {{fail: [...], pass: [...]}}")
    if builtin and (not examples.get("fail") or not examples.get("pass")):
        raise fail("examples", f"rule '{name}': needs at least one fail and one pass example")
    params = {k: v for k, v in data.items() if k in kind.PARAMS}
    rule = Rule(
        name=name,
        severity=data["severity"],
        part=data["part"],
        kind=kind_name,
        message=str(data["message"]),
        params=params,
        summary=str(data.get("summary", "")),
        why=str(data.get("why", "")),
        source=str(data.get("source", "")),
        fix=str(data.get("fix", "")),
        examples={k: [str(x) for x in (v or [])] for k, v in examples.items()},
        path=path,
        line=start,
        builtin=builtin,
    )
    try:
        rule.check = kind(rule)
    except (ValueError, TypeError, KeyError) as exc:
        key = getattr(exc, "key", None)  # kinds.base.ParamError names the parameter
        line = lines.get(at + (key,)) or next(
            (n for p, n in sorted(lines.items(), key=lambda item: item[1])
             if p[: len(at)] == at and p[-1:] == (key,)), start) if key else start
        raise RuleError(f"{path}:{line}: rule '{name}': {exc}") from None
    return rule


#: Data beside the built-in rules, not rules: read by their own loaders (the Leadership
#: Principles, the question types, the score's weights).
DATA_FILES = ("principles.yaml", "questions.yaml", "score.yaml")


def load_rules_dir(folder: str | os.PathLike, builtin: bool) -> list[Rule]:
    folder = Path(folder)
    if not folder.is_dir():
        raise RuleError(f"{folder}: rules folder not found")
    rules: list[Rule] = []
    for path in sorted(folder.rglob("*")):
        if builtin and path.parent == folder and path.name in DATA_FILES:
            continue
        if path.suffix in (".yaml", ".yml") and path.is_file():
            rules.extend(load_rule_file(path, builtin))
    return rules


@lru_cache(maxsize=1)
def builtin_rules() -> tuple[Rule, ...]:
    rules = load_rules_dir(builtin_rules_dir(), builtin=True)
    seen: dict[str, Rule] = {}
    for rule in rules:
        if rule.name in seen:
            raise RuleError(f"{rule.path}:{rule.line}: rule '{rule.name}' is defined twice")
        seen[rule.name] = rule
    return tuple(rules)


def combine(builtin: tuple[Rule, ...], extra: list[Rule]) -> list[Rule]:
    """Built-in rules plus user rules; a user rule may not reuse a built-in name."""
    names = {r.name: r for r in builtin}
    out = list(builtin)
    for rule in extra:
        if rule.name in names:
            raise RuleError(f"{rule.path}:{rule.line}: rule '{rule.name}' is already defined ({names[rule.name].path})")
        names[rule.name] = rule
        out.append(rule)
    return out
