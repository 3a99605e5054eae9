"""The reference bank, clean and as the mojibake seed: 14 answers, four parts each, no error."""

from __future__ import annotations

from starlint.model import PART_NAMES

from .conftest import BANK, RAW_BANK, lint_file

TITLES = [
    "Q91: Fixed a broken data pipeline",
    "Q92: Debugged a data discrepancy",
    "Q93: Found root cause of incorrect metrics",
    "Q94: Took ownership beyond your role",
    "Q95: Improved reliability of data systems",
    "Q96: Delivered under tight deadlines",
    "Q97: Chose speed over perfection — why?",
    "Q98: Made a decision with incomplete data",
    "Q99: Automated a manual process",
    "Q100: Reduced cost or improved performance measurably",
    "Q101: Customer Obsession — Pushed back on requirements",
    "Q102: Ownership — 2 AM pipeline failure",
    "Q103: Deliver Results — Simplified complex solution",
    "Q104: Bias for Action — Calculated risk to fix data issue",
]


def test_clean_bank_yields_its_14_answers_with_all_parts():
    run = lint_file(BANK)
    assert [a.title for a in run.answers] == TITLES
    for answer in run.answers:
        assert set(answer.parts) >= set(PART_NAMES), answer.title
        assert not any(p.inferred for p in answer.parts.values())


def test_bank_has_no_error_finding():
    run = lint_file(BANK)
    assert not [d for d in run.diagnostics if d.severity == "error"]


def test_no_rule_fires_on_more_than_two_model_answers_unless_its_source_says_why():
    """The bank is the model: a rule that finds fault with most of it is the rule's fault,
    unless its `source` says where the bank itself falls short of its own Tips (issue 10)."""
    from collections import defaultdict

    from starlint.ruleset import builtin_rules

    run = lint_file(BANK)
    answers_by_rule: dict[str, set[int]] = defaultdict(set)
    for d in run.diagnostics:
        answer = next(a for a in run.answers if a.line <= d.line <= a.end_line)
        answers_by_rule[d.rule].add(answer.line)
    sources = {rule.name: rule.source for rule in builtin_rules()}
    for rule, answers in answers_by_rule.items():
        assert len(answers) <= 2 or "bank itself falls short" in sources[rule], (rule, len(answers))


def test_raw_mojibake_seed_reads_like_the_clean_bank():
    raw, clean = lint_file(RAW_BANK), lint_file(BANK)
    assert any("mojibake" in n for n in raw.notices)
    assert not any("mojibake" in n for n in clean.notices)
    assert [a.title for a in raw.answers] == TITLES
    for a, b in zip(raw.answers, clean.answers):
        assert {n: (p.line, p.end_line) for n, p in a.parts.items()} == {
            n: (p.line, p.end_line) for n, p in b.parts.items()
        }
    assert [(d.line, d.rule) for d in raw.diagnostics] == [(d.line, d.rule) for d in clean.diagnostics]


def test_bank_sections_give_principles():
    run = lint_file(BANK)
    by_title = {a.title: a for a in run.answers}
    assert by_title["Q91: Fixed a broken data pipeline"].section_principles == ["Ownership", "Dive Deep"]
    assert by_title["Q101: Customer Obsession — Pushed back on requirements"].principles == ["Customer Obsession"]


def test_bank_first_situation_position():
    run = lint_file(BANK)
    situation = run.answers[0].parts["situation"]
    line = BANK.read_text(encoding="utf-8").splitlines()[situation.line - 1]
    assert line.startswith("**SITUATION:** Our daily shipment")


def test_shipped_bank_is_clean_utf8_without_replacement_characters():
    """The seed's two U+FFFD (lost emoji) were restored or dropped; line numbers kept."""
    text = BANK.read_bytes().decode("utf-8")
    assert "\ufffd" not in text
    lines = text.split("\n")
    assert lines[29].startswith("| [📝 Tips for Behavioral Interviews](#-tips-for-behavioral-interviews)")
    assert lines[34] == "## 📌 STAR Framework [↩️](#index)"
    raw = RAW_BANK.read_text(encoding="utf-8").encode("mac_roman").decode("utf-8").split("\n")
    assert len(raw) == len(lines) and sum(a != b for a, b in zip(raw, lines)) == 2
