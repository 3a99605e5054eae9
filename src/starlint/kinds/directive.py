"""`directive`: findings about starlint's own inline comments (`<!-- starlint-disable -->`).

They are produced where the comments are applied (disables.py), after every other rule has
run; the kind exists so that such a rule has a name, a severity and a doc like any other."""

from __future__ import annotations

from typing import Iterator

from ..model import Answer
from .base import Finding, Kind


class Directive(Kind):
    PARAMS = {}

    def __call__(self, answer: Answer) -> Iterator[Finding]:
        return iter(())
