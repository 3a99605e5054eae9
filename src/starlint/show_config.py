"""`starlint --show-config PATH`: the settings in force for a path and where each comes from
(the default, a line of the config file, or the command line), as `ruff check
--show-settings` prints them. TOML-like lines, so that a value can be copied into a config."""

from __future__ import annotations

import json
import os

from .config import Config
from .excludes import DEFAULT_EXCLUDES
from .ruleset import Rule

_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {_toml(v)}" for k, v in value.items()) + "}"
    return json.dumps(value, ensure_ascii=False)


def _relative(path: str) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith(os.pardir + os.sep + os.pardir) else rel


def render(config: Config, rules: list[Rule], paths: tuple[str, ...], *, config_file: str | None,
           select: list[str], ignore: list[str], fail_on: str | None, cli_exclude: list[str],
           respect_gitignore: bool | None, force_exclude: bool, fail_under: int | None = None) -> str:
    """The settings for `paths` (their first path decides which config file is found)."""
    target = paths[0] if paths else "."
    lines = [f"# starlint settings for {target}"]
    if config.path is None:
        lines.append("# config file: none found (defaults)")
    elif config_file:
        lines.append(f"# config file: {_relative(config.path)} (--config)")
    else:
        lines.append(f"# config file: {_relative(config.path)} (the nearest from {target} upward)")

    def origin(key: str, cli_value: object = None, cli_name: str = "") -> str:
        if cli_value:
            return f"command line ({cli_name})"
        if key in config.keys:
            return f"{_relative(config.path)}:{config.lines.get(key, 1)}"
        return "default"

    rows: list[tuple[str, object, str]] = [
        ("select", select or config.select, origin("select", select, "--select")),
        ("ignore", ignore or config.ignore, origin("ignore", ignore, "--ignore")),
        ("fail-on", fail_on or config.fail_on or "error", origin("fail-on", fail_on, "--fail-on")),
        *([("fail-under", config.fail_under if fail_under is None else fail_under,
            origin("fail-under", fail_under is not None, "--fail-under"))]
          if fail_under is not None or config.fail_under is not None else []),
        ("exclude", list(DEFAULT_EXCLUDES) if config.exclude is None else config.exclude, origin("exclude")),
        ("extend-exclude", config.extend_exclude, origin("extend-exclude")),
        ("--exclude", cli_exclude, "command line" if cli_exclude else "default"),
        ("force-exclude", force_exclude, "command line" if force_exclude else "default"),
        ("respect-gitignore", config.respect_gitignore if respect_gitignore is None else respect_gitignore,
         origin("respect-gitignore", respect_gitignore is not None, "--[no-]respect-gitignore")),
        ("extra-rules", [_relative(p) for p in config.extra_rules], origin("extra-rules")),
        ("banks", [_relative(p) for p in config.banks] or ["(built-in bank)"], origin("banks")),
        ("severity", config.severity, origin("severity")),
    ]
    rows += [(f"rules.{name}", params, origin("rules")) for name, params in config.rules.items()]
    width = max(len(key) for key, _, _ in rows)
    values = [f"{key:<{width}} = {_toml(value)}" for key, value, _ in rows]
    value_width = min(60, max(len(v) for v in values))
    lines += [f"{v:<{value_width}}  # {where}" for v, (_, _, where) in zip(values, rows)]
    chosen = sorted(rules, key=lambda r: (_SEVERITY_ORDER.get(r.severity, 3), r.name))
    lines.append(f"# rules in force ({len(chosen)}): name, severity")
    name_width = max((len(r.name) for r in chosen), default=0)
    for rule in chosen:
        where = f"{_relative(config.path)}:{config.lines.get('severity', 1)}" if rule.name in config.severity else (
            "built-in" if rule.builtin else _relative(rule.path))
        lines.append(f"{rule.name:<{name_width}}  {rule.severity:<7}  # {where}")
    return "\n".join(lines) + "\n"
