"""The HTML report in a real browser: Debian's headless Chromium, driven over the DevTools
protocol (tests/chromium.py). Skips where /usr/bin/chromium is absent, except in CI (CI=1,
set by .ci/run, which installs it): there a missing browser fails the run."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from .chromium import Browser, chromium_path, distinct_colours, png_pixels
from .conftest import BANK, run_cli
from .test_report import HOSTILE, text_at


def require_chromium() -> None:
    if chromium_path():
        return
    if os.environ.get("CI"):
        pytest.fail("CI runs the browser tests: /usr/bin/chromium is missing (.ci/run installs it with "
                    "`apt-get install -y chromium`)")
    pytest.skip("Debian's chromium is not installed (/usr/bin/chromium; `apt-get install -y chromium`): "
                "the report's browser tests need it (CI installs it and never skips them)")


@pytest.fixture(scope="module")
def browser():
    require_chromium()
    with Browser(width=1280, height=1000) as instance:
        yield instance


def write_report(folder, *inputs) -> str:
    out = folder / "report.html"
    code, _, stderr = run_cli("report", *map(str, inputs), "-o", str(out))
    assert code == 0, stderr
    return out.as_uri()


#: Per answer: which part bands and gutter names it shows; per finding: its first mark's data
#: and the text of all its pieces, in document order.
READ_DOM = """(() => {
  const answers = [...document.querySelectorAll('article.answer')].map(a => ({
    title: a.querySelector('h3').textContent,
    bands: ['situation', 'task', 'action', 'result'].filter(p => a.querySelector('.b.' + p)),
    rows: ['situation', 'task', 'action', 'result'].filter(p => a.querySelector('.ln.' + p)),
    gutter: [...a.querySelectorAll('.ln .pn')].map(e => e.textContent).join(' '),
    figures: [...a.querySelectorAll('.q')].map(e => e.textContent),
    score: [...a.querySelectorAll('header .score')].map(e => ({
      total: e.dataset.score, text: e.textContent, shown: e.checkVisibility()})),
    scoreParts: Object.fromEntries([...a.querySelectorAll('table.score-parts tr[data-component]')].map(tr => [
      tr.dataset.component, {points: +tr.dataset.points, shown: tr.checkVisibility(),
                             lostTo: [...tr.querySelectorAll('code')].map(c => c.textContent)}])),
  }));
  const marks = [...document.querySelectorAll('article mark.f[tabindex="0"]')].map(m => ({
    f: m.dataset.f, rule: m.dataset.rule, span: m.dataset.span, tip: m.dataset.tip,
    answer: m.closest('article').querySelector('h3').textContent,
    text: [...document.querySelectorAll('mark[data-f="' + m.dataset.f + '"]')].map(e => e.textContent).join(''),
    described: !!document.getElementById(m.getAttribute('aria-describedby')),
  }));
  const lowest = [...document.querySelectorAll('#lowest-scores tr[data-score]')].map(tr => ({
    score: +tr.dataset.score, title: tr.querySelector('a').textContent,
    lands: document.getElementById(tr.querySelector('a').getAttribute('href').slice(1)).querySelector('h3').textContent,
  }));
  const bands = [...document.querySelectorAll('#score-bands tr[data-band]')].map(tr => +tr.cells[1].textContent);
  return {answers, marks, lowest, bands, script: document.documentElement.dataset.script || null};
})()"""


def test_bank_report_renders_every_answer_part_and_finding(browser, tmp_path):
    page = browser.page(write_report(tmp_path, BANK))
    dom = page.evaluate(READ_DOM)
    assert dom["script"] == "ran"  # the page's own script passed its Content-Security-Policy
    assert len(dom["answers"]) == 14
    for answer in dom["answers"]:
        assert answer["bands"] == answer["rows"] == ["situation", "task", "action", "result"], answer["title"]
        for name in ("Situation", "Task", "Action", "Result"):
            assert name in answer["gutter"], answer["title"]
        assert answer["figures"], f"{answer['title']}: no figure highlighted in its Result"
    _, stdout, _ = run_cli("check", "--format", "json", str(BANK))
    diagnostics = json.loads(stdout)["diagnostics"]
    # each answer's score, shown, as the JSON report has it (answers[].score)
    json_answers = json.loads(stdout)["answers"]
    assert len(json_answers) == len(dom["answers"])
    for answer, expected in zip(dom["answers"], json_answers):
        score = expected["score"]
        assert answer["title"] == expected["title"]
        assert answer["score"] == [{"total": str(score["total"]), "text": f"score {score['total']}/100", "shown": True}]
        assert {n: p["points"] for n, p in answer["scoreParts"].items()} == score["parts"]
        assert {n: p["lostTo"] for n, p in answer["scoreParts"].items() if p["lostTo"]} == score["lost_to"]
        assert all(p["shown"] for p in answer["scoreParts"].values())
    lost = sorted((a for a in json_answers if a["score"]["total"] < 100), key=lambda a: (a["score"]["total"], a["line"]))
    assert dom["lowest"] == [{"score": a["score"]["total"], "title": a["title"], "lands": a["title"]} for a in lost]
    assert sum(dom["bands"]) == len(json_answers)
    assert len(dom["marks"]) == len(diagnostics) > 0
    for mark, d in zip(dom["marks"], diagnostics):
        assert mark["rule"] == d["rule"] and mark["answer"] == d["answer"]
        assert mark["span"] == f"{d['line']}:{d['column']}:{d['end_line']}:{d['end_column']}"
        expected = text_at(BANK, (d["line"], d["column"], d["end_line"], d["end_column"]))
        assert mark["text"] == expected.replace("\n", "")
        assert d["rule"] in mark["tip"] and d["message"] in mark["tip"] and mark["described"]
    assert page.problems() == []


def test_a_findings_message_shows_on_keyboard_focus_and_on_hover(browser, tmp_path):
    page = browser.page(write_report(tmp_path, BANK))
    # Tab from the start of the first answer with a finding lands on its mark
    focused = page.evaluate("""(() => {
      const mark = document.querySelector('article mark.f[tabindex="0"]');
      const article = mark.closest('article');
      article.setAttribute('tabindex', '-1');
      article.focus();
      return mark.dataset.f;
    })()""")
    for kind in ("keyDown", "keyUp"):
        page.browser.send("Input.dispatchKeyEvent", {"type": kind, "key": "Tab", "code": "Tab",
                                                     "windowsVirtualKeyCode": 9}, page.session)
    state = page.evaluate("""(() => {
      const el = document.activeElement;
      return {f: el.dataset.f || null, shown: getComputedStyle(el, '::after').content, tip: el.dataset.tip,
              rule: el.dataset.rule};
    })()""")
    assert state["f"] == focused
    assert state["shown"] == json.dumps(state["tip"], ensure_ascii=False) and state["rule"] in state["tip"]  # CSS quotes it
    # the mouse over another mark shows that one's message
    box = page.evaluate("""(() => {
      document.activeElement.blur();
      const mark = document.querySelectorAll('article mark.f[tabindex="0"]')[1];
      mark.scrollIntoView({block: 'center'});
      const r = mark.getBoundingClientRect();
      return {x: r.left + r.width / 2, y: r.top + r.height / 2, f: mark.dataset.f};
    })()""")
    page.browser.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": box["x"], "y": box["y"]}, page.session)
    hovered = page.evaluate(f"""(() => {{
      const mark = document.querySelector('mark[data-f="{box['f']}"]');
      return {{hover: mark.matches(':hover'), shown: getComputedStyle(mark, '::after').content, tip: mark.dataset.tip}};
    }})()""")
    assert hovered["hover"] and hovered["shown"] == json.dumps(hovered["tip"], ensure_ascii=False)
    # a finding listed under its answer links to its mark, which takes the focus
    linked = page.evaluate("""(() => {
      const link = document.querySelector('ol.findings a[href^="#f-"]');
      link.click();
      return new Promise(done => setTimeout(() => done({
        target: link.getAttribute('href').slice(1), active: document.activeElement.id}), 50));
    })()""")
    assert linked["active"] == linked["target"]
    assert page.problems() == []


PART_TINTS = {"situation": b"\xd7\xec\xf8", "task": b"\xfb\xe6\xbd", "action": b"\xcd\xee\xe2", "result": b"\xf4\xdb\xe8"}


def test_screenshot_shows_the_coloured_bands(browser, tmp_path):
    page = browser.page(write_report(tmp_path, BANK))
    page.evaluate("document.getElementById('a-1').scrollIntoView()")
    png = page.screenshot()
    width, height, rows = png_pixels(png)
    assert (width, height) == (1280, 1000)
    assert distinct_colours(png) > 100  # text, tints, swatches: not a blank page
    channels = len(rows[0]) // width
    pixels = {row[i : i + 3] for row in rows for i in range(0, len(row), channels)}
    missing = [name for name, tint in PART_TINTS.items() if tint not in pixels]
    assert not missing, f"bands not painted: {missing}"


def test_hostile_story_shows_its_markup_and_runs_no_script(browser, tmp_path):
    named = tmp_path / '"><img src=x onerror="window.__starlint_xss=9">.md'
    shutil.copy(HOSTILE, named)
    page = browser.page(write_report(tmp_path, named))
    state = page.evaluate("""(() => ({
      title: document.title,
      marker: typeof window.__starlint_xss,
      injected: document.querySelectorAll('img, svg, iframe, textarea, article b').length,
      scripts: document.scripts.length,
      ran: document.documentElement.dataset.script || null,
      text: document.querySelector('article.answer').textContent,
      path: document.querySelector('details.file summary .path').textContent,
      links: [...document.querySelectorAll('a')].map(a => a.getAttribute('href')).filter(h => !h.startsWith('#')),
    }))()""")
    assert state["title"] == "starlint report" and state["marker"] == "undefined"
    assert state["injected"] == 0 and state["scripts"] == 1 and state["ran"] == "ran"
    assert '<script>document.title = "pwned"; window.__starlint_xss = 1;</script>' in state["text"]
    assert '<img src="x" onerror="window.__starlint_xss = 4">' in state["text"]
    assert "[help link](javascript:window.__starlint_xss=5)" in state["text"]
    assert "</textarea><svg onload" in state["text"]
    assert state["path"].endswith('"><img src=x onerror="window.__starlint_xss=9">.md')
    assert state["links"] == []
    assert page.problems() == []


def test_a_folder_report_keeps_files_collapsed_and_links_open_them(browser, tmp_path):
    stories = tmp_path / "stories"
    stories.mkdir()
    for i in range(30):  # enough for worker processes
        shutil.copy(BANK, stories / f"bank{i:02d}.md")
    page = browser.page(write_report(tmp_path, stories))
    state = page.evaluate("""(() => {
      const files = [...document.querySelectorAll('details.file')];
      const closed = files.filter(d => !d.open).length;
      const link = document.querySelector('#coverage a[href="#a-400"]') || document.querySelector('#coverage a');
      const target = document.getElementById(link.getAttribute('href').slice(1));
      const hidden = !target.checkVisibility();
      link.click();
      // the summary's lowest score links to its answer in a collapsed file, and opens it
      const setAll = open => files.forEach(d => { d.open = open; });
      const opened = files.filter(d => d.open).length;
      setAll(false);
      const low = [...document.querySelectorAll('#lowest-scores tr[data-score]')];
      const lowLink = low[0].querySelector('a');
      const lowTarget = document.getElementById(lowLink.getAttribute('href').slice(1));
      const lowHidden = !lowTarget.checkVisibility();
      lowLink.click();
      return {files: files.length, closed, answers: document.querySelectorAll('article.answer').length,
              hidden, shown: target.checkVisibility(), open: opened,
              low: low.map(tr => +tr.dataset.score), more: document.getElementById('scores').textContent,
              lowHidden, lowShown: lowTarget.checkVisibility(),
              lowScore: lowTarget.querySelector('header .score').dataset.score};
    })()""")
    assert state["files"] == 30 and state["closed"] == 30 and state["answers"] == 420
    assert state["hidden"] and state["shown"] and state["open"] == 1
    # 30 copies of Q93 scored 87: ten listed, the rest counted
    assert state["low"] == [87] * 10 and "and 410 more scored 87-100." in state["more"]
    assert state["lowHidden"] and state["lowShown"] and state["lowScore"] == "87"
    assert page.problems() == []
