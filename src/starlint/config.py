"""Project configuration: `[tool.starlint]` in pyproject.toml or `.starlint.yaml`, found from
the linted path upward (stopping at the repository root), or named with `--config`.

Every problem is one line: `file:line: what is wrong`, exit 2.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .kinds import KINDS
from .model import SEVERITIES
from .disables import KNOWN_NAMES, UNKNOWN
from .ruleset import Rule, RuleError, combine, load_rules_dir

CONFIG_FILES = (".starlint.yaml", ".starlint.yml", "pyproject.toml")
KEYS = {"select", "ignore", "severity", "fail-on", "fail-under", "extra-rules", "banks", "rules", "exclude",
        "extend-exclude", "respect-gitignore"}
LIST_KEYS = ("select", "ignore", "extra-rules", "banks", "exclude", "extend-exclude")


class ConfigError(Exception):
    """A broken config file; the message names the file and the line."""


@dataclass
class Config:
    path: str | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    fail_on: str | None = None
    fail_under: int | None = None  # exit 1 when an answer scores below this
    extra_rules: list[str] = field(default_factory=list)
    banks: list[str] = field(default_factory=list)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: gitignore-style globs, relative to the config file's folder (excludes.py); None: the defaults
    exclude: list[str] | None = None
    extend_exclude: list[str] = field(default_factory=list)
    respect_gitignore: bool = True
    lines: dict[str, int] = field(default_factory=dict)  # key -> line, for messages
    keys: set[str] = field(default_factory=set)  # the keys the file sets (--show-config)

    def where(self, key: str) -> str:
        return f"{self.path}:{self.lines.get(key, 1)}"


def find_config(start: Path) -> Path | None:
    """The nearest config file from `start` upward; stops at a folder holding `.git`."""
    folder = start if start.is_dir() else start.parent
    folder = folder.resolve()
    for current in (folder, *folder.parents):
        for name in CONFIG_FILES:
            candidate = current / name
            if candidate.is_file():
                if name == "pyproject.toml" and not _has_tool_section(candidate):
                    continue
                return candidate
        if (current / ".git").exists():
            return None
    return None


def _has_tool_section(path: Path) -> bool:
    """Whether the file means to configure starlint; loose, so that a broken table header
    (`[tool.starlint` without `]`) is read, and reported, rather than passed over."""
    try:
        return re.search(r"^\s*\[+\s*tool\s*\.\s*starlint\b", path.read_text(encoding="utf-8"), re.M) is not None
    except (OSError, UnicodeDecodeError):
        return False


def _toml_lines(text: str) -> dict[str, int]:
    lines: dict[str, int] = {}
    in_section = False
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("["):
            in_section = stripped.startswith("[tool.starlint")
            sub = re.match(r"\[tool\.starlint\.(\w[\w.-]*)\]", stripped)
            if sub:
                lines.setdefault(sub.group(1).split(".")[0], number)
            continue
        match = re.match(r'"?([\w-]+)"?\s*=', stripped)
        if in_section and match:
            lines.setdefault(match.group(1), number)
    return lines


def _yaml_lines(text: str) -> dict[str, int]:
    return {m.group(1): text[: m.start()].count("\n") + 1 for m in re.finditer(r"^([\w-]+)\s*:", text, re.M)}


def load_config(path: str | Path) -> Config:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config ({exc})") from None
    if path.name.endswith(".toml"):
        import tomllib

        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            line = re.search(r"line (\d+)", str(exc))
            raise ConfigError(f"{path}:{line.group(1) if line else 1}: invalid TOML: {exc}") from None
        data = data.get("tool", {}).get("starlint", {})
        lines = _toml_lines(text)
    else:
        import yaml

        from .yamlsafe import safe_load

        try:
            data = safe_load(text) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise ConfigError(
                f"{path}:{mark.line + 1 if mark else 1}: invalid YAML: {getattr(exc, 'problem', None) or exc}"
            ) from None
        lines = _yaml_lines(text)
    if not isinstance(data, dict):
        raise ConfigError(f"{path}:1: the config must be a mapping of keys")
    config = Config(path=str(path), lines=lines, keys=set(data))
    base = path.parent
    for key, value in data.items():
        where = f"{path}:{lines.get(key, 1)}"
        if key not in KEYS:
            raise ConfigError(f"{where}: unknown key '{key}' (known: {', '.join(sorted(KEYS))})")
        if key in LIST_KEYS:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                example = f'{key} = ["{value}"]' if isinstance(value, str) else f'{key} = ["..."]'
                if not path.name.endswith(".toml"):
                    example = f'{key}: [{value if isinstance(value, str) else "..."}]'
                raise ConfigError(f"{where}: '{key}' must be a list of strings ({example})")
            if key in ("extra-rules", "banks"):
                value = [str((base / v).resolve()) for v in value]
            setattr(config, key.replace("-", "_"), value)
        elif key == "severity":
            if not isinstance(value, dict) or any(v not in SEVERITIES for v in value.values()):
                raise ConfigError(f"{where}: 'severity' maps rule names to {', '.join(SEVERITIES)}")
            config.severity = dict(value)
        elif key == "respect-gitignore":
            if not isinstance(value, bool):
                raise ConfigError(f"{where}: 'respect-gitignore' must be true or false")
            config.respect_gitignore = value
        elif key == "fail-on":
            if value not in SEVERITIES:
                raise ConfigError(f"{where}: 'fail-on' must be one of {', '.join(SEVERITIES)}")
            config.fail_on = value
        elif key == "fail-under":
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 100:
                raise ConfigError(f"{where}: 'fail-under' must be a whole number from 0 to 100")
            config.fail_under = value
        elif key == "rules":
            if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
                raise ConfigError(f"{where}: 'rules' maps rule names to their parameters")
            config.rules = value
    return config


def _configured(rule: Rule, params: dict[str, Any], where: str) -> Rule:
    kind = KINDS[rule.kind]
    for key in params:
        if key not in kind.PARAMS:
            allowed = ", ".join(sorted(kind.PARAMS)) or "none"
            raise ConfigError(f"{where}: rule '{rule.name}' has no parameter '{key}' (it takes: {allowed})")
    new = dataclasses.replace(rule, params={**rule.params, **params})
    try:
        new.check = kind(new)
    except (ValueError, TypeError, KeyError) as exc:
        raise ConfigError(f"{where}: rule '{rule.name}': {exc}") from None
    return new


def build_rules(builtin: tuple[Rule, ...], config: Config, select: list[str], ignore: list[str],
                apply_selection: bool = True) -> list[Rule]:
    """The rules of a run: built-in + user rules, thresholds, severities, select/ignore.
    CLI `select`/`ignore` win over the config file's."""
    try:
        extra = [r for folder in config.extra_rules for r in load_rules_dir(folder, builtin=False)]
        rules = combine(builtin, extra)
    except RuleError as exc:
        raise ConfigError(str(exc)) from None
    known = sorted(r.name for r in rules)
    for key, names in (("select", config.select), ("ignore", config.ignore), ("severity", list(config.severity)),
                       ("rules", list(config.rules))):
        for name in names:
            if name not in known:
                from .suggest import did_you_mean

                raise ConfigError(f"{config.where(key)}: unknown rule '{name}' in '{key}'{did_you_mean(name, known)}")
    out = []
    for rule in rules:
        if rule.name in config.rules:
            rule = _configured(rule, config.rules[rule.name], config.where("rules"))
        if rule.name in config.severity:
            rule = dataclasses.replace(rule, severity=config.severity[rule.name])
        out.append(rule)
    if not apply_selection:
        return out
    return select_rules(out, select or config.select, ignore or config.ignore)


def select_rules(every: list[Rule], select: list[str], ignore: list[str]) -> list[Rule]:
    """The rules `select` and `ignore` leave. The `unknown-rule` rule keeps every name, so
    that an inline comment for a rule left out is not taken for a typo."""
    chosen = [r for r in every if (not select or r.name in select) and r.name not in ignore]
    names = tuple(sorted(r.name for r in every))
    return [dataclasses.replace(r, params={**r.params, KNOWN_NAMES: names}) if r.name == UNKNOWN else r
            for r in chosen]
