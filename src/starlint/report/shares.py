"""How an answer's words split between its parts, and the split typical of the reference bank.

The bank's figures are measured with starlint itself on `corpus/bank1.md` (its 14 model
answers) and kept here as constants, so a report never lints the bank again; a test
re-measures them. After a change to how answers are read, regenerate them with

    python -m starlint.report.shares
"""

from __future__ import annotations

import statistics

from ..model import AnswerDetail

#: part -> (median, lowest, highest) share of an answer's words, in percent, over the bank's
#: answers that have the part (measured on corpus/bank1.md: 14 answers).
BANK_SHARES: dict[str, tuple[int, int, int]] = {
    "situation": (17, 13, 18),
    "task": (7, 6, 15),
    "action": (51, 43, 62),
    "result": (23, 17, 33),
}
BANK_ANSWERS = 14


def answer_shares(detail: AnswerDetail) -> dict[str, float]:
    """Part -> percent of the answer's words (over the parts it has)."""
    total = sum(part.words for part in detail.parts)
    return {part.name: 100 * part.words / total if total else 0.0 for part in detail.parts}


def bank_shares(details: list[AnswerDetail]) -> dict[str, tuple[int, int, int]]:
    per_part: dict[str, list[float]] = {}
    for detail in details:
        for name, share in answer_shares(detail).items():
            per_part.setdefault(name, []).append(share)
    return {name: (round(statistics.median(values)), round(min(values)), round(max(values)))
            for name, values in per_part.items()}


def measure_bank() -> tuple[int, dict[str, tuple[int, int, int]]]:
    """Lint the shipped bank with the built-in rules: (answers, shares)."""
    from ..compare.banks import builtin_bank_dir
    from ..lint import lint_paths
    from ..ruleset import builtin_rules

    run = lint_paths([str(builtin_bank_dir() / "bank1.md")], list(builtin_rules()),
                     keep_analysis=False, details=True)
    return len(run.details), bank_shares(run.details)


if __name__ == "__main__":
    count, shares = measure_bank()
    print(f"BANK_SHARES = {{  # {count} answers")
    for name, figures in shares.items():
        print(f'    "{name}": {figures},')
    print("}")
