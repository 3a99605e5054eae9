"""The quick fixes' edits, applied to real text and linted again by the CLI's `lint_text`:
a disabled finding is gone and nothing else changes but line numbers; an inserted label
makes the part found where it was put."""

from __future__ import annotations

import dataclasses

import pytest

from starlint.fixes import disable_file, disable_line, edits_for, insert_label, remove_directive
from starlint.incremental import DocumentLinter
from starlint.lint import lint_text
from starlint.ruleset import builtin_rules

from .conftest import BANK, FIXTURES

RULES = list(builtin_rules())
KINDS = {r.name: r.kind for r in RULES}
DOCUMENTS = [BANK, *sorted((FIXTURES / "answers").glob("*.md")), *sorted((FIXTURES / "lsp").glob("*.md"))]


def apply(lines: list[str], edit) -> str:
    start = sum(len(line) + 1 for line in lines[: edit.line - 1]) + edit.column - 1
    end = sum(len(line) + 1 for line in lines[: edit.end_line - 1]) + edit.end_column - 1
    text = "\n".join(lines)
    return text[:start] + edit.text + text[end:]


def analysed(path):
    linter = DocumentLinter(RULES, "doc.md")
    result = linter.lint(path.read_text(encoding="utf-8"))
    return result, linter.outlines()


def moved(diagnostics, from_line: int, by: int):
    return [dataclasses.replace(d, line=d.line + by, end_line=d.end_line + by) if d.line >= from_line else d
            for d in diagnostics]


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.stem for p in DOCUMENTS])
def test_disable_for_this_line_silences_exactly_that_finding(path):
    result, outlines = analysed(path)
    blocks = [b for o in outlines for b in o.blocks]
    for d in result.diagnostics:
        edit = disable_line(d, result.lines, blocks)
        after = lint_text(apply(result.lines, edit), RULES, "doc.md").diagnostics
        kept = [x for x in result.diagnostics if not (x.rule == d.rule and x.line == d.line)]
        added_line = edit.text.endswith("\n")
        assert after == (moved(kept, edit.line, 1) if added_line else kept), (d, edit)


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.stem for p in DOCUMENTS])
def test_disable_for_this_file_silences_the_rule_only(path):
    result, _ = analysed(path)
    for rule in dict.fromkeys(d.rule for d in result.diagnostics):
        edit = disable_file(rule, result.lines)
        after = lint_text(apply(result.lines, edit), RULES, "doc.md").diagnostics
        assert after == moved([x for x in result.diagnostics if x.rule != rule], edit.line, 1)


def test_disable_inside_a_wrapped_paragraph_keeps_the_paragraph():
    text = ("## Q\n\n**Situation:** Our export failed nightly for 40 analysts.\n\n**Task:** I had to fix it.\n\n"
            "**Action:** The job spent an hour in one join.\nWe rewrote it as a batched lookup\n"
            "and I tested it for a week.\n\n**Result:** It runs in 5 minutes now. I learned to profile first.\n")
    before = lint_text(text, RULES, "doc.md").diagnostics
    (we,) = [d for d in before if d.rule == "we-instead-of-i"]
    linter = DocumentLinter(RULES, "doc.md")
    result = linter.lint(text)
    edit = disable_line(we, result.lines, [b for o in linter.outlines() for b in o.blocks])
    assert (edit.line, edit.text) == (we.line - 1, "<!-- starlint-disable-next-line we-instead-of-i -->")
    after = lint_text(apply(result.lines, edit), RULES, "doc.md").diagnostics
    assert after == [d for d in before if d is not we]


@pytest.mark.parametrize("front", ["---\ntitle: Outage\n---\n", '+++\ntitle = "Outage"\n+++\n'], ids=["yaml", "toml"])
def test_front_matter_stays_first(front):
    text = front + (FIXTURES / "lsp" / "bold_upper_missing_task.md").read_text()
    edit = disable_file("missing-part", text.split("\n"))
    assert edit.line == 4
    assert lint_text(apply(text.split("\n"), edit), RULES, "doc.md").diagnostics == []


def test_removing_an_unused_comment_restores_the_text():
    base = BANK.read_text(encoding="utf-8")
    lines = base.split("\n")
    own_line = base.replace("### Q91", "<!-- starlint-disable long-sentence -->\n### Q91", 1)
    in_line = base.replace("**SITUATION:** Our daily", "**SITUATION:** <!-- starlint-disable-next-line hedging --> Our daily", 1)
    at_end = base + "\n<!-- starlint-disable-file situation-too-long -->"
    for text in (own_line, in_line, at_end):
        result = lint_text(text, RULES, "doc.md")
        (unused,) = [d for d in result.diagnostics if d.rule == "unused-disable"]
        edit = remove_directive(unused, text.split("\n"))
        assert apply(text.split("\n"), edit) == base, edit
    assert lines  # the bank itself has no comment to remove
    assert not any(d.rule == "unused-disable" for d in lint_text(base, RULES, "doc.md").diagnostics)


MISSING = {
    "bold_upper_missing_task.md": ("task", "**TASK:** "),
    "headings_missing_result.md": ("result", "## Result"),
    "plain_lines_missing_situation.md": ("situation", "Situation: "),
    "details_missing_task.md": ("task", "<b>Task:</b> "),
    "bare_bold_missing_result.md": ("result", "**Result**"),
    "letters_missing_task.md": ("task", "- T: "),
}


@pytest.mark.parametrize("name", sorted(MISSING))
def test_inserted_label_is_in_the_answers_style_and_found_there(name):
    path = FIXTURES / ("answers" if name.startswith("letters") else "lsp") / name
    part, label = MISSING[name]
    result, outlines = analysed(path)
    (missing,) = [d for d in result.diagnostics if d.rule == "missing-part"]
    assert missing.part == part
    edit = insert_label(missing, outlines[0], result.lines)
    assert edit is not None and label in edit.text
    edited = apply(result.lines, edit)
    run = lint_text(edited, RULES, "doc.md")
    assert not any(d.rule == "missing-part" for d in run.diagnostics)
    (summary,) = run.summaries
    place = summary.parts[part]
    assert place is not None and not place.inferred
    assert edited.split("\n")[place.line - 1].startswith(label.strip())
    # every other part is still where it was (moved down only by what was inserted)
    assert all(summary.parts[name] is not None for name in ("situation", "task", "action", "result"))
    # the quick-fix list offers it first
    assert edits_for(missing, KINDS["missing-part"], result.lines, outlines)[0] == edit


def test_no_label_for_an_unlabelled_answer_or_an_empty_part():
    result, outlines = analysed(FIXTURES / "answers" / "prose_unlabelled.md")
    for d in result.diagnostics:
        if d.rule == "missing-part":
            assert insert_label(d, outlines[0], result.lines) is None
    text = "**Situation:** Our export failed.\n\n**Task:**\n\n**Action:** I fixed it.\n\n**Result:** 5 min now.\n"
    linter = DocumentLinter(RULES, "doc.md")
    result = linter.lint(text)
    (empty,) = [d for d in result.diagnostics if d.rule == "missing-part"]
    assert "is empty" in empty.message and insert_label(empty, linter.outlines()[0], result.lines) is None
