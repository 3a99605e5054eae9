"""Front matter at the top of a file: YAML between `---` lines (Jekyll, MkDocs, Obsidian) or
TOML between `+++` lines (Hugo, Zola). One place that knows where it ends, for the reader,
the line windows of large files and the fixes that insert a comment after it."""

from __future__ import annotations

import re

#: the line that closes front matter, by its opening line
_CLOSES = {"---": re.compile(r"^(---|\.\.\.)\s*$"), "+++": re.compile(r"^\+\+\+\s*$")}
#: how far down a closing line is looked for: a lone `---` opening a long file is a rule
_MAX_LINES = 200


def front_matter_end(lines: list[str]) -> int:
    """Lines [0, end) are front matter; 0 when there is none."""
    if not lines:
        return 0
    closes = _CLOSES.get(lines[0].strip())
    if closes is None:
        return 0
    for end in range(1, min(len(lines), _MAX_LINES)):
        if closes.match(lines[end]):
            return end + 1
    return 0


def split_front_matter(text: str) -> tuple[dict, str, list[str]]:
    """Return (metadata, text with the front matter blanked, notices); line count is kept."""
    if not text.startswith(("---", "+++")):
        return {}, text, []
    lines = text.split("\n")
    end = front_matter_end(lines)
    if not end:
        return {}, text, []
    raw = "\n".join(lines[1 : end - 1])
    notices: list[str] = []
    if lines[0].strip() == "+++":
        import tomllib

        try:
            meta = tomllib.loads(raw)
        except tomllib.TOMLDecodeError as exc:
            notices.append(f"front matter: not valid TOML ({exc}), ignored")
            meta = {}
    else:
        import yaml

        from ..yamlsafe import safe_load

        try:
            meta = safe_load(raw) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" line {mark.line + 2}" if mark is not None else ""
            notices.append(f"front matter{where}: not valid YAML, ignored")
            meta = {}
    if not isinstance(meta, dict):
        meta = {}
    blanked = "\n" * (end - 1) + "\n" + "\n".join(lines[end:])
    return meta, blanked, notices
