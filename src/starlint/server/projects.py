"""Which rules apply to a document: the config found upward from it, as the CLI finds it,
re-read when the file changes (checked by its modification time on every lint: one `stat`,
so editors without file watching see a change on the next keystroke too)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..config import Config, ConfigError, build_rules, find_config, load_config
from ..ruleset import Rule, RuleError, builtin_rules


@dataclass(frozen=True)
class Rules:
    """The rules for a document, or why there are none (a broken config or rule file)."""

    key: tuple  # changes whenever the rules may have changed
    rules: list[Rule] | None = None
    problem: str | None = None


def _fingerprint(path: Path | None) -> tuple:
    if path is None:
        return (None,)
    try:
        st = os.stat(path)
    except OSError:
        return (str(path), None)
    return (str(path), st.st_mtime_ns, st.st_size)


class Projects:
    """Config lookups and the rules built from them, cached by config file and its mtime."""

    def __init__(self) -> None:
        self._built: dict[tuple, Rules] = {}
        self.generation = 0  # bumped when watched files change: rebuild everything

    def invalidate(self) -> None:
        self._built.clear()
        self.generation += 1

    def rules_for(self, folder: str) -> Rules:
        """The rules for a document in `folder` (its own folder, or the workspace's)."""
        try:
            found = find_config(Path(folder))
        except OSError as exc:
            problem = f"{folder}: cannot look for a config ({exc.strerror or exc})"
            return Rules(key=("error", problem), problem=problem)
        key = (*_fingerprint(found), self.generation)
        cached = self._built.get(key)
        if cached is not None:
            return cached
        try:
            config = load_config(found) if found is not None else Config()
            rules = build_rules(builtin_rules(), config, [], [])
            built = Rules(key=key, rules=rules)
        except (ConfigError, RuleError) as exc:
            built = Rules(key=key, problem=str(exc))
        # one entry per config file: an edited config replaces its older versions
        for old in [k for k in self._built if k[0] == key[0]]:
            del self._built[old]
        self._built[key] = built
        return built
