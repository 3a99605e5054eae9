"""`starlint report`: the plain data it draws (AnswerDetail), the HTML it writes (escaped,
well-formed), and what it must never do (overwrite an input, touch the linted files).
What a browser makes of the page is tested in test_report_browser.py."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import xml.etree.ElementTree as ET

import html5lib
import pytest

from starlint.coach.score import load_weights
from starlint.coverage import coverage, coverage_rows, principle_names
from starlint.lint import lint_paths
from starlint.reading.decode import read_path
from starlint.report import html as html_report
from starlint.report.shares import BANK_ANSWERS, BANK_SHARES, measure_bank
from starlint.ruleset import builtin_rules

from .conftest import BANK, FIXTURES, cli_json, lint_file, run_cli
from .test_score import BANK_SCORES

HOSTILE = FIXTURES / "report" / "hostile.md"
BOLD = FIXTURES / "answers" / "bold_labels_we_actor.md"
PROSE = FIXTURES / "answers" / "prose_unlabelled.md"
NS = "{http://www.w3.org/1999/xhtml}"


def detail_run(*paths, **options):
    return lint_paths([str(p) for p in paths], list(builtin_rules()), keep_analysis=False, details=True, **options)


def text_at(path, rng) -> str:
    """The file's text, as starlint decoded it, in a (line, column, end_line, end_column)
    range, newlines included."""
    lines = read_path(str(path)).original.split("\n")
    line, col, end_line, end_col = rng
    if line == end_line:
        return lines[line - 1][col - 1 : end_col - 1]
    return "\n".join([lines[line - 1][col - 1 :], *lines[line : end_line - 1], lines[end_line - 1][: end_col - 1]])


def parse_strict(page: str):
    """html5lib in strict mode: any parse error (an unclosed tag, a stray end tag) raises."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(page)


def elements(tree, tag: str) -> list[ET.Element]:
    return list(tree.iter(NS + tag))


def by_class(tree, tag: str, cls: str) -> list[ET.Element]:
    return [e for e in elements(tree, tag) if cls in (e.get("class") or "").split()]


def text_of(element: ET.Element) -> str:
    return "".join(element.itertext())


# -- the plain data ---------------------------------------------------------------------------


def test_details_are_made_only_when_asked():
    plain = lint_paths([str(BANK)], list(builtin_rules()), keep_analysis=False)
    assert plain.details == [] and len(plain.summaries) == 14
    detailed = detail_run(BANK)
    assert len(detailed.details) == 14
    assert [d.title for d in detailed.details] == [s.title for s in plain.summaries]
    assert detailed.diagnostics == plain.diagnostics


def test_part_ranges_labels_figures_and_words_point_at_the_file():
    detail = detail_run(BOLD).details[0]
    parts = {p.name: p for p in detail.parts}
    assert list(parts) == ["situation", "task", "action", "result"]
    assert text_at(BOLD, parts["situation"].label) == "Situation:"
    assert [text_at(BOLD, r) for r in parts["situation"].ranges] == ["Our Jenkins server was failing two builds a day."]
    assert [text_at(BOLD, r) for r in parts["action"].ranges][1] == "Plan:** We decided to migrate the smallest pipelines first."  # file text: markup within
    assert [text_at(BOLD, r) for r in detail.figures] == ["2", "1"]  # "from 2 a day to 1 a month"
    assert parts["situation"].words == 9 and not parts["situation"].inferred
    assert detail.lines[0] == "# Led the migration to a new CI system" and detail.line == 1
    assert len(detail.lines) == detail.end_line - detail.line + 1


def test_inferred_parts_are_marked_and_cover_their_sentences():
    detail = detail_run(PROSE).details[0]
    parts = {p.name: p for p in detail.parts}
    assert all(p.inferred and p.label is None for p in detail.parts)
    assert text_at(PROSE, parts["task"].ranges[0]).startswith("I was the engineer on call that week")
    assert [text_at(PROSE, r) for r in detail.figures] == ["2.4 s", "300 ms", "12%"]


def test_an_inferred_part_nothing_tells_is_shown_as_not_told():
    """The reader marks such a part `evidence=False` (missing-part says "was not found")."""
    import dataclasses

    run = detail_run(PROSE)
    detail = run.details[0]
    parts = [dataclasses.replace(p, evidence=p.name != "task") for p in detail.parts]
    run.details[0] = dataclasses.replace(detail, parts=parts)
    tree = parse_strict(html_report.render(run, rules=list(builtin_rules())))
    rows = {tr.get("data-part"): text_of(tr) for tr in elements(tree, "tr") if tr.get("data-part")}
    assert "not told" in rows["task"] and "not told" not in rows["action"]


def test_details_from_worker_processes_match_one_process(tmp_path):
    for i in range(24):  # PARALLEL_MIN_FILES: linted by workers
        shutil.copy(BANK, tmp_path / f"bank{i:02d}.md")
    parallel = detail_run(tmp_path, jobs=2)
    single = detail_run(tmp_path, jobs=1)
    assert len(parallel.details) == 24 * 14
    assert parallel.details == single.details


def test_report_coverage_is_the_coverage_commands_table():
    rules = list(builtin_rules())
    analysed = lint_paths([str(BANK)], rules)
    for every in (False, True):
        names = principle_names(every)
        from_details = coverage_rows([(d.title, d.path, d.line, d.principles) for d in detail_run(BANK).details], names)
        assert from_details == coverage(analysed, rules, every)


def test_bank_shares_are_what_starlint_measures_on_the_bank():
    count, shares = measure_bank()
    assert count == BANK_ANSWERS
    assert shares == BANK_SHARES, "the bank's shares changed: run `python -m starlint.report.shares` and paste them"


# -- the page ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bank_page() -> str:
    run = detail_run(BANK)
    return html_report.render(run, rules=list(builtin_rules()))


def test_bank_report_is_well_formed_and_holds_every_answer_and_finding(bank_page):
    tree = parse_strict(bank_page)
    answers = by_class(tree, "article", "answer")
    assert len(answers) == 14
    assert [text_of(a.find(f"{NS}header/{NS}h3")) for a in answers][0] == "Q91: Fixed a broken data pipeline"
    run = detail_run(BANK)
    firsts = [m for m in elements(tree, "mark") if m.get("tabindex") == "0"]
    assert len(firsts) == len(run.diagnostics) > 0
    for mark, d in zip(firsts, run.diagnostics):
        assert mark.get("data-rule") == d.rule
        assert mark.get("data-span") == f"{d.line}:{d.column}:{d.end_line}:{d.end_column}"
        assert d.message in mark.get("data-tip")
        pieces = [m for m in elements(tree, "mark") if m.get("data-f") == mark.get("data-f")]
        assert "".join(text_of(p) for p in pieces) == text_at(BANK, (d.line, d.column, d.end_line, d.end_column))
    items = {li.get("id"): li for li in elements(tree, "li") if (li.get("id") or "").startswith("d-")}
    assert len(items) == len(run.diagnostics) and all(m.get("aria-describedby") in items for m in firsts)
    # every answer has its four bands, each part's name written in the gutter
    for article in answers:
        bands = {cls for e in elements(article, "span") for cls in (e.get("class") or "").split()}
        assert {"situation", "task", "action", "result"} <= bands
        gutter = " ".join(text_of(e) for e in by_class(article, "span", "pn"))
        assert all(name in gutter for name in ("Situation", "Task", "Action", "Result"))


def test_figures_are_highlighted_in_the_result(bank_page):
    tree = parse_strict(bank_page)
    q91 = by_class(tree, "article", "answer")[0]
    figures = [text_of(e) for e in by_class(q91, "span", "q")]
    assert figures == ["6 months", "100%", "45 min", "15 min"]  # as the rules count them (nlp/quantities.py)


def test_part_words_speaking_time_and_bank_share_are_shown(bank_page):
    tree = parse_strict(bank_page)
    q91 = by_class(tree, "article", "answer")[0]
    rows = {tr.get("data-part"): [text_of(td).strip() for td in tr.iter(NS + "td")]
            for tr in q91.iter(NS + "tr") if tr.get("data-part")}
    # Q91's Action: 64 words (as a reader counts them), 27 s at 140 words a minute, 48% of the
    # answer's words; bank median 51%
    assert rows["action"][1:4] == ["64", "27 s", "48%"]
    assert rows["action"][4].startswith(f"{BANK_SHARES['action'][0]}%")


def lost_text(score: dict) -> list[str]:
    """'result \u22123' for each part of a JSON score that lost points, in the score's order."""
    weights = {w.name: w.weight for w in load_weights()}
    return [f"{name} \u2212{weights[name] - points}" for name, points in score["parts"].items() if points < weights[name]]


def test_every_answer_shows_its_score_and_deductions_as_the_json_has_them(bank_page):
    _, data = cli_json(str(BANK))
    scores = [a["score"] for a in data["answers"]]
    assert {a["title"].split(":")[0]: s["total"] for a, s in zip(data["answers"], scores)} == BANK_SCORES
    weights = {w.name: w.weight for w in load_weights()}
    tree = parse_strict(bank_page)
    answers = by_class(tree, "article", "answer")
    assert len(answers) == len(scores) == 14
    for article, answer, score in zip(answers, data["answers"], scores):
        title = text_of(article.find(f"{NS}header/{NS}h3"))
        assert title == answer["title"]
        badge = by_class(article, "span", "score")
        assert len(badge) == 1 and badge[0].get("data-score") == str(score["total"]), title
        assert text_of(badge[0]) == f"score {score['total']}/100"
        lost = by_class(article, "span", "lost")
        if score["lost_to"]:  # the header names what cost points, part by part
            assert text_of(lost[0]) == ", ".join(lost_text(score)), title
        else:
            assert not lost and "nothing lost" in text_of(article.find(f"{NS}header"))
        table = by_class(article, "table", "score-parts")[0]
        rows = [tr for tr in table.iter(NS + "tr") if tr.get("data-component")]
        assert [tr.get("data-component") for tr in rows] == list(score["parts"]), title
        for tr in rows:
            name = tr.get("data-component")
            points, weight = score["parts"][name], weights[name]
            cells = [text_of(td) for td in tr.iter(NS + "td")]
            assert (tr.get("data-points"), tr.get("data-weight")) == (str(points), str(weight))
            assert cells[:2] == [name, f"{points}/{weight}"]
            if name in score["lost_to"]:
                assert tr.get("class") == "lost"
                assert cells[2] == f"\u2212{weight - points} " + ", ".join(score["lost_to"][name]), (title, name)
            else:
                assert points == weight and cells[2] == "\u2013" and tr.get("class") is None
        assert text_of(list(table.iter(NS + "tr"))[-1]) == f"total{score['total']}/100"


def test_summary_shows_the_score_distribution_and_the_lowest_first(bank_page):
    _, data = cli_json(str(BANK))
    totals = [a["score"]["total"] for a in data["answers"]]
    tree = parse_strict(bank_page)
    bands = next(t for t in elements(tree, "table") if t.get("id") == "score-bands")
    counts = {tr.get("data-band"): int(text_of(list(tr.iter(NS + "td"))[1])) for tr in bands.iter(NS + "tr")
              if tr.get("data-band")}
    assert sum(counts.values()) == len(totals) == 14
    assert counts["90-100"] == sum(t >= 90 for t in totals) == 13 and counts["80-89"] == 1
    scores = next(e for e in elements(tree, "div") if e.get("id") == "scores")
    assert f"scored {min(totals)}-{max(totals)} out of 100, median 100" in text_of(scores)
    table = next(t for t in elements(tree, "table") if t.get("id") == "lowest-scores")
    rows = [tr for tr in table.iter(NS + "tr") if tr.get("data-score")]
    expected = sorted((a for a in data["answers"] if a["score"]["total"] < 100),
                      key=lambda a: (a["score"]["total"], a["line"]))
    assert [int(tr.get("data-score")) for tr in rows] == [a["score"]["total"] for a in expected] == [87, 90, 94, 95, 97, 99]
    articles = {a.get("id"): a for a in by_class(tree, "article", "answer")}
    for tr, answer in zip(rows, expected):
        link = tr.find(f".//{NS}a")
        target = articles[link.get("href")[1:]]  # the link lands on that answer
        assert text_of(link) == text_of(target.find(f"{NS}header/{NS}h3")) == answer["title"]
        assert text_of(list(tr.iter(NS + "td"))[2]) == ", ".join(lost_text(answer["score"]))
    assert "and 8 more scored 100: nothing lost." in text_of(scores)
    index = next(e for e in elements(tree, "nav"))
    assert "line 92, 2 findings, score 87" in text_of(index)


def test_a_run_without_scores_leaves_the_slots_empty():
    import dataclasses

    run = detail_run(BOLD)
    run.summaries = [dataclasses.replace(s, score=None) for s in run.summaries]
    tree = parse_strict(html_report.render(run, rules=list(builtin_rules())))
    assert not by_class(tree, "span", "score") and not by_class(tree, "table", "score-parts")
    assert not any(e.get("id") == "scores" for e in elements(tree, "div"))
    assert by_class(tree, "div", "score-slot")  # the slot is there, empty (hidden by CSS)


@pytest.mark.parametrize("path", sorted((FIXTURES / "answers").glob("*.md")) + [HOSTILE], ids=lambda p: p.name)
def test_every_finding_is_marked_at_its_span_in_every_fixture(path):
    run = detail_run(path)
    tree = parse_strict(html_report.render(run, rules=list(builtin_rules())))
    marks = {m.get("data-f"): m for m in elements(tree, "mark") if m.get("tabindex") == "0"}
    listed = {li.get("id") for li in elements(tree, "li")}
    for index, d in enumerate(run.diagnostics, 1):
        assert f"d-{index}" in listed
        mark = marks.get(str(index))
        if mark is None:  # outside every answer: listed for its file only
            assert not any(a.line <= d.line <= a.end_line for a in run.details if a.path == d.path)
            continue
        pieces = [m for m in elements(tree, "mark") if m.get("data-f") == str(index)]
        expected = text_at(path, (d.line, d.column, d.end_line, d.end_column)).replace("\n", "")
        assert "".join(text_of(p) for p in pieces) == expected, d
    for detail in run.details:  # every part present in the answer has its band
        article = next(a for a in by_class(tree, "article", "answer")
                       if text_of(a.find(f"{NS}header/{NS}h3")) == detail.title)
        classes = {c for e in elements(article, "span") for c in (e.get("class") or "").split()}
        assert {p.name for p in detail.parts} <= classes


def test_a_learning_part_gets_its_own_band_and_row(tmp_path):
    path = tmp_path / "learning.md"
    path.write_text("# Sped up the build\n\n**Situation:** Our CI build took 40 minutes.\n\n"
                    "**Task:** I owned the build that quarter.\n\n**Action:** I cached dependencies and split "
                    "the tests into four shards.\n\n**Result:** Builds took 9 minutes.\n\n"
                    "**Learning:** I learned to measure before optimising.\n", encoding="utf-8")
    run = detail_run(path)
    assert [p.name for p in run.details[0].parts][-1] == "learning"
    tree = parse_strict(html_report.render(run, rules=list(builtin_rules())))
    rows = {tr.get("data-part"): text_of(tr) for tr in elements(tree, "tr") if tr.get("data-part")}
    assert "Learning" in rows["learning"] and "n/a" in rows["learning"]  # the bank has none
    assert by_class(tree, "span", "learning") and "Learning" in " ".join(text_of(e) for e in by_class(tree, "span", "pn"))


def test_summary_counts_rules_and_flags_principles_under_two(tmp_path):
    path = tmp_path / "one.md"
    shutil.copy(BOLD, path)
    page = html_report.render(detail_run(path), rules=list(builtin_rules()))
    tree = parse_strict(page)
    by_rule = next(t for t in elements(tree, "table") if t.get("id") == "by-rule")
    assert [text_of(td) for td in by_rule.iter(NS + "td")][:3] == ["we-instead-of-i", "warning", "2"]
    cover = next(t for t in elements(tree, "table") if t.get("id") == "coverage")
    short = [text_of(tr.find(NS + "td")) for tr in cover.iter(NS + "tr") if tr.get("class") == "short"]
    assert "Customer Obsession" in short and "fewer than 2" in text_of(cover)


def test_hostile_story_renders_as_text(tmp_path):
    evil_name = tmp_path / '<img src=x onerror="window.__starlint_xss=9">.md'
    shutil.copy(HOSTILE, evil_name)
    page = html_report.render(detail_run(evil_name), rules=list(builtin_rules()), title="<b>t</b>")
    tree = parse_strict(page)
    tags = {e.tag.replace(NS, "") for e in tree.iter() if isinstance(e.tag, str)}
    assert not tags & {"img", "svg", "iframe", "textarea", "b"}
    assert len(elements(tree, "script")) == 1  # the report's own
    for element in tree.iter():
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on")
            if name == "href":
                assert value.startswith("#")
    body = text_of(by_class(tree, "article", "answer")[0])
    assert '<script>window.__starlint_xss = 3</script>' in body
    assert '(javascript:window.__starlint_xss=5)' in body and "</textarea><svg" in body
    assert "&lt;still text&gt;" in body  # an entity in the file is shown as written
    assert "<title>&lt;b&gt;t&lt;/b&gt;</title>" in page
    # the story's title is text in the summary's score table too (it lost points)
    lowest = next(t for t in elements(tree, "table") if t.get("id") == "lowest-scores")
    assert text_of(lowest.find(f".//{NS}a")) == text_of(by_class(tree, "article", "answer")[0].find(f"{NS}header/{NS}h3"))
    assert 'document.title = "pwned"' in text_of(lowest)


# -- the command ------------------------------------------------------------------------------


def snapshot(folder):
    return {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in folder.iterdir()}


def test_report_command_writes_the_page_and_leaves_inputs_alone(tmp_path):
    stories = tmp_path / "stories"
    stories.mkdir()
    for source in (BANK, BOLD, PROSE, HOSTILE):
        shutil.copy(source, stories / source.name)
    before = snapshot(stories)
    out = tmp_path / "out" / "report.html"
    out.parent.mkdir()
    code, stdout, stderr = run_cli("report", str(stories), "-o", str(out))
    assert code == 0, stderr
    assert snapshot(stories) == before
    assert sorted(os.listdir(out.parent)) == ["report.html"]  # no temporary file left
    page = out.read_text(encoding="utf-8")
    tree = parse_strict(page)
    assert len(by_class(tree, "article", "answer")) == 17
    files = by_class(tree, "details", "file")
    assert len(files) == 4 and not any(f.get("open") is not None for f in files)  # collapsed
    assert "wrote" in stderr and "17 answers" in stderr


def test_report_refuses_to_overwrite_an_input(tmp_path):
    story = tmp_path / "story.md"
    shutil.copy(BOLD, story)
    link = tmp_path / "link.html"
    link.symlink_to(story)
    before = snapshot(tmp_path)
    for target, inputs in ((story, [str(story)]), (story, [str(tmp_path)]), (link, [str(story)])):
        code, stdout, stderr = run_cli("report", *inputs, "-o", str(target))
        assert code == 2
        assert stderr.count("\n") == 1 and "refusing to overwrite" in stderr and "Traceback" not in stderr
    assert snapshot(tmp_path) == before
    code, _, stderr = run_cli("report", str(story), "-o", str(tmp_path))
    assert code == 2 and "is a folder" in stderr


def test_report_to_standard_output_and_json_unchanged(tmp_path):
    code, stdout, _ = run_cli("report", str(BOLD), "-o", "-")
    assert code == 0 and stdout.startswith("<!DOCTYPE html>") and stdout.rstrip().endswith("</html>")
    code, stdout, _ = run_cli("check", "--format", "json", str(BOLD))
    assert set(json.loads(stdout)) == {"answers", "diagnostics", "errors", "notices"}


def test_report_lists_unreadable_inputs_and_exits_2(tmp_path):
    binary = tmp_path / "binary.md"
    binary.write_bytes(b"\x00\x01\x02" * 50)
    out = tmp_path / "r.html"
    code, _, stderr = run_cli("report", str(binary), str(BOLD), "-o", str(out))
    assert code == 2 and "binary.md" in stderr
    tree = parse_strict(out.read_text(encoding="utf-8"))
    errors = next(e for e in elements(tree, "ul") if e.get("id") == "errors")
    assert "binary.md" in text_of(errors)
    assert len(by_class(tree, "article", "answer")) == 1


def test_answer_with_a_missing_part_and_findings_outside_answers(tmp_path):
    path = tmp_path / "draft.md"
    path.write_text("<!-- starlint-disable hedging -->\n\n# Draft\n\n**Situation:** Our build was slow.\n\n"
                    "**Action:** I cached the dependencies and split the test suite in four.\n\n"
                    "**Result:** Builds took 6 minutes instead of 20.\n", encoding="utf-8")
    run = detail_run(path)
    page = html_report.render(run, rules=list(builtin_rules()))
    tree = parse_strict(page)
    task = next(tr for tr in elements(tree, "tr") if tr.get("data-part") == "task")
    assert "missing" in text_of(task)
    rules = {d.rule for d in run.diagnostics}
    assert {"missing-part", "unused-disable"} <= rules
    marks = {m.get("data-rule") for m in elements(tree, "mark") if m.get("tabindex") == "0"}
    outside = "".join(text_of(e) for e in elements(tree, "ol"))
    for d in run.diagnostics:  # each finding is marked in its answer, or listed for its file
        assert d.rule in marks or d.rule in outside


def test_streamed_json_items_are_written_as_json_dumps_writes_them():
    """The report's own encoder (the json module's C encoder is off once `indent` is given)
    writes every item of a real run, and the odd values, byte for byte as `json.dumps`."""
    import json

    from starlint.report.stream import indented

    run = lint_file(BANK)
    items = [d.as_dict() for d in run.diagnostics] + [s.as_dict() for s in run.summaries]
    items.append({"a": [1, 2.5, None, True, False, {"x": [], "y": {}}], "é\u2028": "\"q\"\n\t", "n": float("nan"),
                  "t": (1, "2"), "k": {1: "int key"}})
    for item in items:
        for depth in (0, 2):
            assert indented(item, depth) == json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)
