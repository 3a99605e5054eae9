"""The data files beside the rules (`rules/principles.yaml`, `questions.yaml`, `score.yaml`):
found where the rules are, read with the safe loader, checked key by key. Every problem is a
RuleError of one line, `file:line: what is wrong`, which the CLI turns into exit 2, as for a
broken rule file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .ruleset import RuleError, builtin_rules_dir, read_yaml

#: What a signal (of a principle or of a question type) may say.
SIGNAL_KEYS = ("phrases", "lemmas", "regex", "patterns", "quantity_in")


def builtin_data_path(name: str) -> Path:
    return builtin_rules_dir() / name


@dataclass
class DataFile:
    """One data file's records, and where each key stands, for messages: read a second
    time, with the node tree, only when a message needs a line (a run that loads good files
    builds no tree; the tree of the question types is thousands of objects)."""

    path: str
    records: list[Any]
    key: str  # the top-level key holding the records
    _lines: dict[tuple, int] | None = None

    @property
    def lines(self) -> dict[tuple, int]:
        if self._lines is None:
            self._lines = read_yaml(self.path, "data file")[1]
        return self._lines

    def line(self, *at: Any) -> int:
        """The line of the deepest key of `at` that the file has (a record's own line at least)."""
        for end in range(len(at), 0, -1):
            line = self.lines.get((self.key, *at[:end]))
            if line is not None:
                return line
        return self.lines.get((self.key,), 1)

    def error(self, problem: str, *at: Any) -> RuleError:
        return RuleError(f"{self.path}:{self.line(*at)}: {problem}")

    def check_keys(self, index: int, record: Any, allowed: dict[str, str], required: tuple[str, ...]) -> dict:
        if not isinstance(record, dict):
            raise self.error(f"entry {index + 1} must be a mapping of keys", index)
        for key in record:
            if key not in allowed:
                raise self.error(f"unknown key '{key}' (known: {', '.join(sorted(allowed))})", index, key)
        for key in required:
            if record.get(key) in (None, "", []):
                raise self.error(f"entry {index + 1} needs '{key}' ({allowed[key]})", index)
        return record

    def strings(self, value: Any, *at: Any) -> list[str]:
        """A string or a list of strings, as a list (anything else is an error)."""
        if value is None:
            return []
        if isinstance(value, str):
            return [value]
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return list(value)
        raise self.error(f"'{at[-1]}' must be a list of strings", *at)

    def signal(self, value: Any, *at: Any) -> dict[str, Any]:
        """A signal spec: phrases, lemmas, regex (lists of strings), patterns, quantity_in."""
        if not isinstance(value, dict):
            raise self.error(f"'{at[-1]}' must be a mapping of {', '.join(SIGNAL_KEYS)}", *at)
        out: dict[str, Any] = {}
        for key, item in value.items():
            if key not in SIGNAL_KEYS:
                raise self.error(f"unknown key '{key}' in '{at[-1]}' (known: {', '.join(SIGNAL_KEYS)})", *at, key)
            if key == "patterns":
                if not isinstance(item, list) or not all(isinstance(p, list) for p in item):
                    raise self.error("'patterns' must be a list of spaCy token patterns", *at, key)
                out[key] = item
            elif key == "quantity_in":
                out[key] = item
            else:
                out[key] = self.strings(item, *at, key)
        return out


def line_of(path: str, key: str, *at: Any) -> int:
    """The line of a record (or of a key in it) of a data file, read again for a message."""
    return DataFile(path, [], key).line(*at)


def load_data_file(path: str | Path, key: str, what: str) -> DataFile:
    """A data file whose records are a list under `key` (the safe loader only, as for rules)."""
    import gc

    import yaml

    path = str(path)
    collecting = gc.isenabled()
    gc.disable()  # parsing makes thousands of short-lived objects and no cycles to collect
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"{path}: cannot read {what} ({exc})") from None
    except yaml.YAMLError:
        read_yaml(path, what)  # raises the error with its line
        raise
    finally:
        if collecting:
            gc.enable()
    file = DataFile(path, data[key] if isinstance(data, dict) and key in data else [], key)
    if not isinstance(data, dict) or key not in data:
        raise RuleError(f"{path}:1: {what} holds '{key}: [...]'")
    extra = sorted(set(data) - {key})
    if extra:
        raise RuleError(f"{path}:{file.lines.get((extra[0],), 1)}: unknown key '{extra[0]}' beside '{key}'")
    if not isinstance(data[key], list):
        raise RuleError(f"{path}:{file.lines.get((key,), 1)}: '{key}' must be a list")
    return file
