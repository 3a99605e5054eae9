"""The editor server's engine: re-linting an edited document gives exactly what the CLI's
`lint_text` gives for the same text, while redoing only the answers an edit touched."""

from __future__ import annotations

import random

import pytest

from starlint.incremental import DocumentLinter
from starlint.lint import lint_text
from starlint.reading.decode import ReadError, read_bytes
from starlint.ruleset import builtin_rules

from .conftest import BANK, FIXTURES, RAW_BANK

RULES = list(builtin_rules())
BANK_TEXT = BANK.read_text(encoding="utf-8")
DOCUMENTS = [BANK, RAW_BANK, *sorted(FIXTURES.glob("*/*.md"))]
#: what editing does to prep documents, and what can break a piecewise parse
SNIPPETS = ["we ", "I ", "\n", "\n\n", "# ", "## Q9: ", "```", "\n```\n", "**Task:** ", "Result: 10% ",
            "<!-- starlint-disable -->", "<!-- starlint-enable -->", "<!-- starlint-disable-next-line hedging -->",
            "<div>\n", "[ref]: /url\n", "<!--", "-->", "\n## Situation\n", "<details><summary>Q</summary>\n",
            "</details>\n", "\n===\n", "> ", "1. ", "- ", "    ", "\t", "é", "😀", "Ã©", "\r\n", "|a|b|\n|-|-|\n",
            "\n---\n", "x", "tried to "]


def cli(text: str):
    try:
        return lint_text(text, RULES, "doc.md").diagnostics
    except ReadError as exc:
        return str(exc)


def engine(linter: DocumentLinter, text: str):
    try:
        return linter.lint(text).diagnostics
    except ReadError as exc:
        return str(exc)


def random_edit(rng: random.Random, text: str) -> str:
    at = rng.randrange(len(text) + 1)
    roll = rng.random()
    if roll < 0.5:
        return text[:at] + rng.choice(SNIPPETS) + text[at:]
    if roll < 0.8:
        return text[:at] + text[at + rng.randrange(1, 40):]
    lines = text.split("\n")  # a line moved elsewhere
    line = lines.pop(rng.randrange(len(lines)))
    lines.insert(rng.randrange(len(lines) + 1), line)
    return "\n".join(lines)


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.stem for p in DOCUMENTS])
def test_random_edits_give_exactly_the_clis_diagnostics(path):
    original = read_bytes(path.read_bytes(), str(path)).original
    rng = random.Random(path.name)
    edits = 40 if path in (BANK, RAW_BANK) else 25
    for _run in range(2):
        linter, text = DocumentLinter(RULES, "doc.md"), original
        assert engine(linter, text) == cli(text)
        for _ in range(edits):
            text = random_edit(rng, text)
            assert engine(linter, text) == cli(text), text


def test_a_one_word_edit_rechecks_one_answer_of_fourteen():
    linter = DocumentLinter(RULES, "doc.md")
    first = linter.lint(BANK_TEXT)
    assert (first.checked, first.reused) == (14, 0)
    edited = BANK_TEXT.replace("restore dashboard", "restore the dashboard", 1)
    result = linter.lint(edited)
    assert (result.checked, result.reused) == (1, 13)
    assert result.parsed_chunks == 1 and result.reused_chunks == first.parsed_chunks - 1
    assert result.diagnostics == cli(edited)


def test_lines_added_above_move_the_other_answers_diagnostics_without_rechecking_them():
    linter = DocumentLinter(RULES, "doc.md")
    before = linter.lint(BANK_TEXT).diagnostics
    edited = BANK_TEXT.replace("**TASK:** As the on-call engineer", "**TASK:**\nAs the on-call engineer\n", 1)
    result = linter.lint(edited)
    assert (result.checked, result.reused) == (1, 13)
    assert result.diagnostics == cli(edited)
    # two lines more in Q91 (lines 50-66): every later finding is two lines further down
    assert [d.line + 2 for d in before if d.line > 66] == [d.line for d in result.diagnostics if d.line > 68]


def test_file_wide_comments_apply_to_reused_answers():
    linter = DocumentLinter(RULES, "doc.md")
    assert any(d.rule == "vague-claim" for d in linter.lint(BANK_TEXT).diagnostics)
    silenced = "<!-- starlint-disable-file vague-claim -->\n" + BANK_TEXT
    result = linter.lint(silenced)
    assert result.checked == 0 and result.diagnostics == cli(silenced)
    assert not any(d.rule == "vague-claim" for d in result.diagnostics)
    # a comment that silences nothing is reported, as by the CLI
    nothing = "<!-- starlint-disable-file missing-part -->\n" + BANK_TEXT
    result = linter.lint(nothing)
    assert result.diagnostics == cli(nothing)
    assert [d.rule for d in result.diagnostics if d.line == 1] == ["unused-disable"]


def test_an_unclosed_fence_swallows_the_rest_as_in_the_cli_and_closing_it_restores():
    linter = DocumentLinter(RULES, "doc.md")
    linter.lint(BANK_TEXT)
    opened = BANK_TEXT.replace("**SITUATION:** Finance team", "```\n**SITUATION:** Finance team", 1)
    result = linter.lint(opened)
    assert result.diagnostics == cli(opened)
    assert len(linter.answers) < 14
    closed = linter.lint(BANK_TEXT)
    assert closed.diagnostics == cli(BANK_TEXT) and len(linter.answers) == 14


def test_a_markdown_fence_around_the_answers_is_read_as_in_the_cli():
    """A ````md fence is unwrapped before the text is cut into chunks; opening and closing it
    by an edit re-reads the answers inside, as the CLI does."""
    linter = DocumentLinter(RULES, "doc.md")
    linter.lint(BANK_TEXT)
    fenced = "````md\n" + BANK_TEXT + "\n````\n"  # longer than the bank's own ``` fences
    result = linter.lint(fenced)
    assert result.diagnostics == cli(fenced) and len(linter.answers) == 14
    as_code = "````\n" + BANK_TEXT + "\n````\n"
    assert linter.lint(as_code).diagnostics == cli(as_code) and linter.answers == []
    assert linter.lint(fenced).diagnostics == cli(fenced) and len(linter.answers) == 14


def test_a_star_answer_told_as_a_table_is_read_as_in_the_cli():
    from .test_reader import STAR_TABLE

    linter = DocumentLinter(RULES, "doc.md")
    text = BANK_TEXT + "\n" + STAR_TABLE
    result = linter.lint(text)
    assert result.diagnostics == cli(text) and len(linter.answers) == 15
    edited = text.replace("Checkout got faster.", "Checkout got 30% faster.")
    assert linter.lint(edited).diagnostics == cli(edited)


def test_a_link_reference_definition_makes_the_file_one_chunk():
    text = BANK_TEXT + "\n[index]: #index\n"
    linter = DocumentLinter(RULES, "doc.md")
    result = linter.lint(text)
    assert result.parsed_chunks == 1 and result.diagnostics == cli(text)


def test_caches_hold_only_the_latest_version():
    linter = DocumentLinter(RULES, "doc.md")
    text = BANK_TEXT
    for n in range(30):
        text = text.replace("restore dashboard", f"restore dashboard {n}", 1)
        linter.lint(text)
    # as many chunks kept as the text has (a lint of the same text reuses every one)
    chunks = sum(len(pool) for pool in linter._chunks.values())
    again = linter.lint(text)
    assert chunks == again.reused_chunks and again.parsed_chunks == 0
    # one entry per section of the latest text: the 14 answers and the sections around them
    answers = [m.answer for m in linter._made.values() if m.answer is not None]
    assert len(answers) == 14 and {id(a) for a in answers} == {id(a) for a in linter.answers}
    assert len(linter._made) <= text.count("\n#") + 2  # the first line, and what comes before it
