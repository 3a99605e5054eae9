"""The sixteen Leadership Principles as data (rules/principles.yaml): one list read by the
reader, lp-not-shown, coverage and question fit."""

from __future__ import annotations

import pytest

from starlint.coach.questions import load_question_types
from starlint.reading import principles
from starlint.reading.principles import find_principles, load_principles

from .conftest import data_file_error, lint


def test_sixteen_principles_each_with_signals_and_a_source():
    data = load_principles()
    assert len(data) == 16
    assert all(p.signals and p.source.startswith("Amazon") for p in data.values())
    assert principles.TIPS_PRINCIPLES == ("Customer Obsession", "Ownership", "Bias for Action", "Dive Deep", "Deliver Results")
    assert list(principles.LEADERSHIP_PRINCIPLES) == list(data)


def test_question_types_name_only_these_principles():
    names = set(load_principles())
    for qtype in load_question_types():
        assert set(qtype.principles) <= names
        assert all(s.principle in names for s in qtype.shows if s.principle)


STORY = """**Situation:** My manager wanted to ship the new checkout before the holidays.

**Task:** Checkout was my area.

**Action:** I {verb} with data from 5 usability tests and proposed a two-week delay.

**Result:** We shipped 2 weeks later and conversion rose 8%.
"""


@pytest.mark.parametrize("verb", ["disagreed", "pushed back", "challenged the plan"])
def test_disagreeing_shows_have_backbone(verb):
    run = lint("## Have Backbone; Disagree and Commit: the redesign\n\n" + STORY.format(verb=verb))
    assert run.answers[0].principles == ["Have Backbone; Disagree and Commit"]
    assert "lp-not-shown" not in {d.rule for d in run.diagnostics}


@pytest.mark.parametrize("heading,action", [
    ("Dive Deep", "I studied the vendor's source code and compared their totals with ours line by line."),
    ("Dive Deep", "I did a deep dive on the retry logic."),
    ("Ownership", "I spent my own time after work writing the missing migration guide."),
    ("Ownership", "Nobody had tested the front end, so I took it upon myself to write a testing plan."),
    ("Ownership", "The importer wasn't assigned to me, but I took the initiative and finished it."),
    ("Learn and Be Curious", "I asked to be sent to the product-owner training and got certified."),
    ("Invent and Simplify", "I wrote one set of config templates, a homogeneous base for every client."),
    ("Are Right, A Lot", "It turns out the API key was shared, so I built the feature on the public endpoint."),
    ("Dive Deep", "I found the bottlenecks in the checkout flow, diagramming each call on the way."),
    ("Invent and Simplify", "I proposed re-architecting checkout as one service per payment type."),
    ("Hire and Develop the Best", "When I hand off the checkout code, I co-work with the new owner for a week."),
    ("Insist on the Highest Standards", "I added exception handling for every declined card."),
    ("Ownership", "I knew the page would grow someday, so I built it as a separate module."),
    ("Ownership", "I noticed a gap in the shared cache library and added the missing purge method."),
    ("Invent and Simplify", "I wrote a lint rule, a small invention that stopped the bad images at review."),
    ("Are Right, A Lot", "I argued for counting on the server, but in the end I accepted her idea of counting on the phone."),
    ("Bias for Action", "It was an emergency, so I built a stopgap notice that afternoon."),
    ("Bias for Action", "I only had two days, so I shipped a stopgap notice first."),
    ("Ownership", "I wanted to fix the flaky checkout once and for all, so I rebuilt its retry queue."),
    # something new enough to patent, or with nothing to copy (a blind writer's answers)
    ("Invent and Simplify", "I built the drag-and-drop editor, and it resulted in a patent."),
    ("Invent and Simplify", "I built the drag-and-drop editor, which had no precedent in the product."),
])
def test_principle_shown_in_other_words(heading, action):
    """A story shows a principle in the verbs and phrases people use for it, in any form."""
    story = STORY.replace("I {verb} with data from 5 usability tests and proposed a two-week delay.", action)
    run = lint(f"## {heading}: the checkout\n\n" + story)
    assert run.answers[0].principles == [heading]
    assert "lp-not-shown" not in {d.rule for d in run.diagnostics}
    # the rest of the story shows none of it: the action alone decides
    plain = lint(f"## {heading}: the checkout\n\n" + STORY.replace(
        "I {verb} with data from 5 usability tests and proposed a two-week delay.", "I did the work on the page."))
    assert "lp-not-shown" in {d.rule for d in plain.diagnostics}


def test_backbone_named_but_not_shown():
    run = lint("## Disagree and commit: the redesign\n\n" + STORY.format(verb="went along"))
    assert [(d.line, d.column, d.message) for d in run.diagnostics if d.rule == "lp-not-shown"] == [
        (1, 4, "Names Have Backbone; Disagree and Commit but shows none of its signals")]


def test_every_principle_named_in_a_heading():
    for name, principle in load_principles().items():
        assert find_principles(f"Story 2 - {name}") == [name]
        for alias in principle.aliases:
            assert find_principles(f"## {alias.title()}: a story") == [name], alias


@pytest.mark.parametrize("text,problem", [
    ("principles:\n  - {name: A, signals: {phrases: [a]}}\n", ":2: entry 1 needs 'source'"),
    ("principles:\n  - {name: A, source: s, signals: {words: [a]}}\n", ":2: unknown key 'words' in 'signals'"),
    ("principles:\n  - {name: A, source: s, signals: {phrases: [a], quantity_in: middle}}\n", ":2: 'quantity_in' names a part"),
    ("principles:\n  - {name: A, source: s, signals: {phrases: [a]}}\n  - {name: A, source: s, signals: {phrases: [a]}}\n",
     ":3: principle 'A' is listed twice"),
    ("principles: !!python/object/apply:os.system [echo hi]\n", ":1:"),
])
def test_broken_principles_file(tmp_path, text, problem):
    assert problem in data_file_error(tmp_path, "principles.yaml", text, load_principles)


def test_an_opinion_under_a_principle_shows_nothing():
    """An answer that tells no story, only a view ("the best engineers keep the big picture
    in mind"), does not show Think Big by its words: no event, no principle (issue 10)."""
    opinion = ("## Think Big\n\n"
               "In my view the best engineers keep the big picture in mind. A ticket is never just "
               "a ticket; it belongs to a long-term vision of the product.\n")
    assert any(d.rule == "lp-not-shown" for d in lint(opinion).diagnostics)
    story = ("## Think Big\n\n"
             "Last year our team planned only one quarter ahead. I had to set a direction for the "
             "platform. I wrote a three-year vision for the platform and presented the big picture "
             "to the directors. They funded it, and 4 teams now plan against it.\n")
    assert not any(d.rule == "lp-not-shown" for d in lint(story).diagnostics)


def _every_pattern(text: str) -> list[str]:
    """find_principles without its prefilter: each principle's pattern searched."""
    found = [(m.start(), name) for name, pattern in principles._patterns().items()
             if (m := pattern.search(text))]
    return [name for _, name in sorted(found)]


def test_prefilter_finds_what_every_pattern_finds():
    import random

    forms = [f for p in load_principles().values() for f in (p.name, *p.aliases)]
    rng = random.Random(7)
    for _ in range(3000):
        words = []
        for _ in range(rng.randint(1, 3)):
            form = "".join(c.upper() if rng.random() < 0.3 else c for c in rng.choice(forms + ["Q1:", "x"]))
            form = form.replace(" ", rng.choice([" ", "_", "-", "\t", " - "])).replace("'", rng.choice(["'", "\u2019", ""]))
            if rng.random() < 0.05:  # characters that case-fold to ASCII letters
                form = form.replace("k", "\u212a").replace("s", "\u017f")
            words.append(form)
        text = rng.choice([" ", "", "/", ", "]).join(words)
        assert find_principles(text) == _every_pattern(text), text


def test_every_spelling_of_a_principle_is_a_whole_word():
    """The word edges held only for a principle's first and last spellings: "Ownerships" and
    "customer obsessedness" named principles."""
    assert find_principles("Ownerships of the data") == []
    assert find_principles("Customer obsessedness") == []
    assert find_principles("Story: customer obsessed support") == ["Customer Obsession"]
