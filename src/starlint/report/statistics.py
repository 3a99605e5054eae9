"""`--statistics`: how many findings each rule made, most first (as `ruff --statistics`),
in place of the findings themselves; text or JSON."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator

from ..lint import LintRun
from .stream import Tally
from .text import summary

FORMATS = ("text", "json")
_RANK = {"error": 0, "warning": 1, "info": 2}


def counts(pieces: Iterable[LintRun], tally: Tally) -> list[tuple[str, str, int]]:
    """(rule, severity, count) for every rule with a finding: most first, then by severity
    and name, so that equal counts keep one order."""
    found: Counter = Counter()
    for piece in pieces:
        tally.add(piece)
        found.update((d.rule, d.severity) for d in piece.diagnostics)
    return sorted(((rule, severity, n) for (rule, severity), n in found.items()),
                  key=lambda row: (-row[2], _RANK.get(row[1], 3), row[0]))


def stream(pieces: Iterable[LintRun], fmt: str = "text", quiet: bool = False) -> Iterator[str]:
    tally = Tally()
    rows = counts(pieces, tally)
    if fmt == "json":
        yield json.dumps([{"rule": r, "severity": s, "count": n} for r, s, n in rows], indent=2) + "\n"
        return
    width = max((len(str(n)) for _, _, n in rows), default=1)
    for rule, severity, n in rows:
        yield f"{n:>{width}}  {severity:<7}  {rule}\n"
    if not quiet:
        yield summary(tally) + "\n"
