"""Kinds of check, each implemented once. A rule in `rules/*.yaml` names one and sets its
parameters; a new rule of an existing kind needs no Python."""

from .absence import Absence
from .base import Finding, Kind
from .directive import Directive
from .existence import Existence
from .habitual import Habitual
from .metric import Metric
from .principle import Principle
from .proportion import Proportion
from .required_parts import RequiredParts
from .syntax import Actor, Passive

KINDS: dict[str, type[Kind]] = {
    "existence": Existence,
    "habitual": Habitual,
    "absence": Absence,
    "required-parts": RequiredParts,
    "metric": Metric,
    "proportion": Proportion,
    "actor": Actor,
    "passive": Passive,
    "principle": Principle,
    "directive": Directive,
}

__all__ = ["KINDS", "Finding", "Kind"]
