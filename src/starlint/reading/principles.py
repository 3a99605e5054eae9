"""Amazon's sixteen Leadership Principles, and finding their names in headings and front matter.

The principles are data (`rules/principles.yaml`): names, the spellings that name them, the
signals a story that shows them says, and their source. This module reads the file once; the
reader needs the names, the `principle` kind, coverage and question fit the signals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

PRINCIPLES_FILE = "principles.yaml"
_KEYS = {
    "name": "the principle as Amazon writes it",
    "aliases": "other spellings that name it in a heading",
    "tips": "true for the five the bank's Tips name",
    "signals": "phrases, lemmas, regex, patterns, quantity_in",
    "source": "where its wording comes from",
}


@dataclass(frozen=True)
class PrincipleData:
    name: str
    aliases: tuple[str, ...]
    tips: bool
    signals: dict[str, Any] = field(hash=False)
    source: str
    path: str
    index: int  # its place in the file (datafile.line_of gives the line, for a message)


@lru_cache(maxsize=4)
def load_principles(path: str | None = None) -> dict[str, PrincipleData]:
    """Name -> principle, in the file's order. Raises RuleError (`file:line: ...`) on a broken file."""
    from ..datafile import builtin_data_path, load_data_file

    path = path or str(builtin_data_path(PRINCIPLES_FILE))
    data = load_data_file(path, "principles", "principles file")
    out: dict[str, PrincipleData] = {}
    for i, record in enumerate(data.records):
        data.check_keys(i, record, _KEYS, ("name", "signals", "source"))
        name = record["name"]
        if not isinstance(name, str):
            raise data.error("'name' must be a string", i, "name")
        if name in out:
            raise data.error(f"principle '{name}' is listed twice", i, "name")
        signals = data.signal(record["signals"], i, "signals")
        if signals.get("quantity_in") not in (None, "situation", "task", "action", "result", "learning"):
            raise data.error("'quantity_in' names a part: situation, task, action, result or learning",
                             i, "signals", "quantity_in")
        out[name] = PrincipleData(name, tuple(data.strings(record.get("aliases"), i, "aliases")),
                                  bool(record.get("tips", False)), signals, str(record["source"]), path, i)
    return out


def __getattr__(name: str) -> Any:
    """LEADERSHIP_PRINCIPLES (name -> aliases) and TIPS_PRINCIPLES, read from the data file."""
    if name == "LEADERSHIP_PRINCIPLES":
        return {n: p.aliases for n, p in load_principles().items()}
    if name == "TIPS_PRINCIPLES":
        return tuple(n for n, p in load_principles().items() if p.tips)
    raise AttributeError(name)


def _pattern(principle: PrincipleData) -> re.Pattern[str]:
    forms = [principle.name, *principle.aliases]
    alternatives = "|".join(
        re.escape(f.lower()).replace(r"\ ", r"[\s_-]+").replace("'", "['\u2019]?") for f in forms
    )
    # the group makes both word edges hold for every spelling, not only the first and last
    return re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    return {name: _pattern(p) for name, p in load_principles().items()}


def _literals(principle: PrincipleData) -> tuple[tuple[str, ...], ...] | None:
    """Per spelling, the words its pattern matches literally (what lies between the spaces
    and apostrophes, which the pattern loosens); None where a spelling is not ASCII."""
    forms = [principle.name, *principle.aliases]
    if not all(f.isascii() for f in forms):
        return None
    return tuple(tuple(w for w in f.lower().replace("'", " ").split(" ") if w) for f in forms)


@lru_cache(maxsize=1)
def _prefilter() -> dict[str, tuple[tuple[str, ...], ...] | None]:
    return {name: _literals(p) for name, p in load_principles().items()}


#: The only characters outside ASCII that an ASCII letter matches case-insensitively (İ ı ſ K,
#: for i, s and k): text without them lowers its ASCII letters exactly, emoji or not.
_ASCII_LOOKALIKES = frozenset("\u0130\u0131\u017f\u212a")


def _candidates(text: str) -> list[str]:
    """The principles whose pattern can match `text`. A case-insensitive match holds each
    literal word of one spelling, so substring tests rule most out before any regex runs
    (the regexes, with their lookarounds, were 8% of a batch's time). That holds in any text
    but one with a character that matches an ASCII letter without lowering to it: such
    text gets every principle."""
    if not text.isascii() and not _ASCII_LOOKALIKES.isdisjoint(text):
        return list(_patterns())
    lower = text.lower()
    return [name for name, forms in _prefilter().items()
            if forms is None or any(all(w in lower for w in words) for words in forms)]


def find_principles(text: str) -> list[str]:
    """Principles named in a heading or a front-matter value, in order of appearance."""
    return list(_principles_in(text))


@lru_cache(maxsize=1024)
def _principles_in(text: str) -> tuple[str, ...]:
    """Cached: each answer asks again of every heading above it (a prep document's title and
    group headings, once per answer under them)."""
    names = _candidates(text)
    if not names or (len(names) > 1 and not _any_principle().search(text)):
        return ()  # most headings name none: one pass instead of sixteen
    found: list[tuple[int, str]] = []
    patterns = _patterns()
    for name in names:
        match = patterns[name].search(text)
        if match:
            found.append((match.start(), name))
    return tuple(name for _, name in sorted(found))


@lru_cache(maxsize=1)
def _any_principle() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p.pattern})" for p in _patterns().values()), re.IGNORECASE)


def principle_spans(text: str) -> list[tuple[int, int]]:
    """Where principles are named in `text` (question fit reads a title without them)."""
    return [(m.start(), m.end()) for m in _any_principle().finditer(text)]


#: the keys that name a story's principles, at the top of the front matter or in one of the
#: tables of TOML front matter that hold a site's own keys (Zola's `[taxonomies]` and
#: `[extra]`, Hugo's `[params]`)
_FRONT_MATTER_KEYS = ("principles", "principle", "lp", "lps", "leadership_principles", "tags", "tag")
_NESTED = ("taxonomies", "extra", "params")


def principles_from_front_matter(meta: dict) -> list[str]:
    names: list[str] = []
    for table in [meta] + [meta[k] for k in _NESTED if isinstance(meta.get(k), dict)]:
        for key in _FRONT_MATTER_KEYS:
            value = table.get(key)
            if value is None:
                continue
            for item in value if isinstance(value, list) else [value]:
                for name in find_principles(str(item)):
                    if name not in names:
                        names.append(name)
    return names
