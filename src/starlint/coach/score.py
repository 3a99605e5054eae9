"""A score per answer, 0-100, from the weights in `rules/score.yaml`.

It reads what the lint already produced, the answer's diagnostics and its summary (parts,
word count), and checks nothing again: a finding costs the points its rule is weighed at,
in the part it is weighed in. Cheap enough for every run (a few dictionary look-ups an
answer), and plain data (`Score` on `AnswerSummary`) for every report to show.
"""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from ..model import PART_NAMES, AnswerSummary, Diagnostic, Score, ScorePart

SCORE_FILE = "score.yaml"
TOTAL = 100
_PART_KEYS = {
    "name": "the part's name",
    "weight": "its points out of 100",
    "what": "what it rewards",
    "lose": "points lost per finding: [{rule, part?, points}]",
    "words": "{min, max, zero_below, zero_above}: graded from the answer's word count",
}


@dataclass(frozen=True)
class Loss:
    rule: str
    part: str | None
    points: int


@dataclass(frozen=True)
class WordBand:
    min: int
    max: int
    zero_below: int
    zero_above: int

    def share(self, words: int) -> float:
        """1 inside [min, max], falling linearly to 0 at zero_below / zero_above."""
        if self.min <= words <= self.max:
            return 1.0
        if words < self.min:
            return max(0.0, (words - self.zero_below) / (self.min - self.zero_below))
        return max(0.0, (self.zero_above - words) / (self.zero_above - self.max))


@dataclass(frozen=True)
class Weight:
    name: str
    weight: int
    what: str
    losses: tuple[Loss, ...]
    words: WordBand | None


@lru_cache(maxsize=4)
def load_weights(path: str | None = None) -> tuple[Weight, ...]:
    """The score's parts. RuleError (`file:line: ...`) on a broken file or weights that do
    not add up to 100."""
    from ..datafile import builtin_data_path, load_data_file

    path = path or str(builtin_data_path(SCORE_FILE))
    data = load_data_file(path, "parts", "score file")
    out: list[Weight] = []
    for i, record in enumerate(data.records):
        data.check_keys(i, record, _PART_KEYS, ("name", "weight"))
        weight = record["weight"]
        if not isinstance(weight, int) or isinstance(weight, bool) or weight < 0:
            raise data.error("'weight' must be a whole number of points", i, "weight")
        losses = []
        for j, loss in enumerate(record.get("lose") or []):
            if not isinstance(loss, dict) or set(loss) - {"rule", "part", "points"} or "rule" not in loss:
                raise data.error("each loss is {rule: NAME, part: PART (optional), points: N}", i, "lose", j)
            points = loss.get("points", weight)
            if not isinstance(points, int) or points < 0:
                raise data.error("'points' must be a whole number", i, "lose", j)
            if loss.get("part") not in (None, *PART_NAMES, "learning"):
                raise data.error(f"'part' names a part: {', '.join(PART_NAMES)}", i, "lose", j)
            losses.append(Loss(str(loss["rule"]), loss.get("part"), points))
        band = None
        if record.get("words") is not None:
            spec = record["words"]
            keys = ("min", "max", "zero_below", "zero_above")
            if not isinstance(spec, dict) or set(spec) != set(keys) or not all(isinstance(spec[k], int) for k in keys):
                raise data.error("'words' is {min, max, zero_below, zero_above}, whole numbers", i, "words")
            band = WordBand(*(spec[k] for k in keys))
            if not band.zero_below < band.min <= band.max < band.zero_above:
                raise data.error("'words' needs zero_below < min <= max < zero_above", i, "words")
        out.append(Weight(str(record["name"]), weight, str(record.get("what", "")), tuple(losses), band))
    if sum(w.weight for w in out) != TOTAL:
        raise data.error(f"the weights add up to {sum(w.weight for w in out)}, not {TOTAL}")
    return tuple(out)


def score_answer(summary: AnswerSummary, diagnostics: Iterable[Diagnostic],
                 weights: tuple[Weight, ...] | None = None) -> Score:
    """The score of one answer from its own diagnostics."""
    weights = weights or load_weights()
    by_rule: dict[str, int] = {}
    by_rule_part: dict[tuple[str, str | None], int] = {}
    for d in diagnostics:
        by_rule[d.rule] = by_rule.get(d.rule, 0) + 1
        by_rule_part[(d.rule, d.part)] = by_rule_part.get((d.rule, d.part), 0) + 1
    parts = []
    for weight in weights:
        lost = 0.0
        lost_to: list[str] = []
        for loss in weight.losses:
            n = by_rule.get(loss.rule, 0) if loss.part is None else by_rule_part.get((loss.rule, loss.part), 0)
            if n:
                lost += n * loss.points
                lost_to.append(loss.rule)
        if weight.words is not None:
            short = weight.weight * (1.0 - weight.words.share(summary.words))
            if short:
                lost += short
                lost_to.append("length")
        points = max(0, round(weight.weight - lost))
        parts.append(ScorePart(weight.name, weight.weight, points, tuple(lost_to) if points < weight.weight else ()))
    return Score(sum(p.points for p in parts), tuple(parts))


def with_scores(summaries: list[AnswerSummary], diagnostics: list[Diagnostic]) -> list[AnswerSummary]:
    """The summaries with their scores, each from the diagnostics inside its lines."""
    weights = load_weights()
    by_path: dict[str, list[Diagnostic]] = {}
    for d in sorted(diagnostics, key=lambda d: d.line):
        by_path.setdefault(d.path, []).append(d)
    lines = {path: [d.line for d in ds] for path, ds in by_path.items()}
    out = []
    for summary in summaries:
        ds = by_path.get(summary.path, [])
        starts = lines.get(summary.path, [])
        lo, hi = bisect.bisect_left(starts, summary.line), bisect.bisect_right(starts, summary.end_line)
        out.append(dataclasses.replace(summary, score=score_answer(summary, ds[lo:hi], weights)))
    return out


def lowest(summaries: list[AnswerSummary]) -> list[AnswerSummary]:
    """Scored answers, lowest score first (then by place)."""
    scored = [s for s in summaries if s.score is not None]
    return sorted(scored, key=lambda s: (s.score.total, s.path, s.line))


def describe(score: Score) -> str:
    """'result -10, learning -10' (what cost points), or 'nothing lost'."""
    lost = [f"{p.name} -{p.weight - p.points}" for p in score.parts if p.points < p.weight]
    return ", ".join(lost) if lost else "nothing lost"
