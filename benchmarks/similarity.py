"""Where "the same story" starts: the BM25 scores behind SAME_STORY (compare/retrieval.py),
used by `starlint compare` (is any bank answer close?) and `starlint coverage` (is this story
told twice?).

    python benchmarks/similarity.py

Prints, for both uses, the scores of different stories (the bank's answers against each
other, the test fixtures' drafts against the bank) and of the same story (the retellings in
tests/fixtures/retellings against their bank answer, copies and edited copies), and where
the threshold falls between them. Nothing is fetched; everything read is in the repository.
"""

from __future__ import annotations

import itertools
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from starlint.compare.retrieval import SAME_STORY, pairwise, rank  # noqa: E402
from starlint.lint import lint_paths, lint_text  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
RETELLINGS = {"q92_revenue_gap.md": "Q92", "q96_peak_sale.md": "Q96", "q100_cluster_bill.md": "Q100",
              "q101_stock_badge.md": "Q101"}
#: The same story in two fixture files (a cp1252 copy and a bank-folder copy of one story).
SAME_PAIRS = [("answers/mojibake_cp1252.md", "user_bank/onboarding.md")]


def answers(path: Path):
    return lint_paths([str(path)], []).answers


def edited(text: str) -> str:
    """A copy a candidate might keep in a second file: a word changed here and there, the
    last line dropped."""
    lines = [line for line in text.splitlines() if line.strip()][:-1]
    return re.sub(r"\b(I|we) (\w+ed)\b", r"\1 then \2", "\n\n".join(lines))


def main() -> None:
    bank = answers(ROOT / "corpus" / "bank1.md")
    by_id = {a.title.split(":")[0]: a for a in bank}
    drafts = [a for path in sorted((FIXTURES / "answers").glob("*.md")) + sorted((FIXTURES / "user_bank").glob("*.md"))
              for a in answers(path)]
    same_pair_titles = {answers(FIXTURES / p)[0].title for pair in SAME_PAIRS for p in pair}

    print(f"SAME_STORY = {SAME_STORY:.2f}\n")
    print("compare: the best bank score of a draft (score / the draft's own score)")
    different = []
    for i, answer in enumerate(bank):
        rest = bank[:i] + bank[i + 1:]
        different.append((rank(answer, rest)[0][1], f"bank {answer.title[:4]} vs the rest of the bank"))
    for draft in drafts:
        if draft.title in same_pair_titles:
            continue
        different.append((rank(draft, bank)[0][1], f"fixture '{draft.title[:40]}'"))
    same = []
    for name, story in RETELLINGS.items():
        draft = answers(FIXTURES / "retellings" / name)[0]
        score = dict((bank[j].title.split(":")[0], s) for j, s in rank(draft, bank))[story]
        same.append((score, f"retelling {name} vs {story}"))
    report(different, same)

    print("\ncoverage: pairs within a folder (lower of both directions, the bank weighing words)")
    different = [(s, f"bank {bank[i].title[:4]} / {bank[j].title[:4]}") for i, j, s in pairwise(bank, bank)]
    others = [d for d in drafts if d.title not in same_pair_titles]
    different += [(s, f"'{others[i].title[:25]}' / '{others[j].title[:25]}'") for i, j, s in pairwise(others, bank)]
    same = []
    for name, story in RETELLINGS.items():
        draft = answers(FIXTURES / "retellings" / name)[0]
        same.append((pairwise([by_id[story], draft], bank)[0][2], f"{story} / its retelling, alone in a folder"))
    for a, b in SAME_PAIRS:
        pair = [answers(FIXTURES / a)[0], answers(FIXTURES / b)[0]]
        same.append((pairwise(pair, bank)[0][2], f"{a} / {b}"))
    bank_text = (ROOT / "corpus" / "bank1.md").read_text(encoding="utf-8")
    for story in ("Q91", "Q97", "Q103"):
        section = re.search(rf"^### {story}:.*?(?=^---)", bank_text, re.M | re.S).group(0)
        copy = lint_text(edited(section), [], "copy.md").answers[0]
        same.append((pairwise([by_id[story], copy], bank)[0][2], f"{story} / an edited copy"))
    report(different, same)
    unrelated_pairs = list(itertools.combinations(range(len(others)), 2))
    print(f"\n({len(bank)} bank answers, {len(others)} fixture drafts, {len(unrelated_pairs)} fixture pairs)")


def report(different: list, same: list) -> None:
    hi = max(different)
    lo = min(same)
    print(f"  different stories: {len(different)}, highest {hi[0]:.3f} ({hi[1]})")
    print(f"  same story:        {len(same)}, lowest  {lo[0]:.3f} ({lo[1]})")
    for score, what in sorted(same):
        print(f"      {score:.3f}  {what}")
    verdict = "in the gap" if hi[0] < SAME_STORY <= lo[0] else "NOT in the gap"
    print(f"  threshold {SAME_STORY:.2f}: {verdict}, {SAME_STORY - hi[0]:.3f} above the highest different pair, "
          f"{lo[0] - SAME_STORY:.3f} below the lowest same pair")


if __name__ == "__main__":
    main()
