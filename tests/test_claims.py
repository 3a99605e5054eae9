"""vague-claim flags an improvement claimed without a figure, not an aim ("to reduce ...")
nor a circumstance ("the increased load") (issue 10: false alarms on other writers' answers)."""

from __future__ import annotations

import pytest

from .conftest import lint

STORY = (
    "**Situation:** Our build farm ran out of capacity every Monday.\n\n"
    "**Task:** I had to keep the merge queue under an hour.\n\n"
    "**Action:** I moved the slowest suites to spot instances. {}\n\n"
    "**Result:** The queue stayed under 40 minutes for 6 weeks.\n"
)

CLAIMS = [
    "It improved the developer experience.",
    "This greatly reduced the wait.",
    "The builds became much faster.",
]
NOT_CLAIMS = [
    "I tried to reduce the number of flaky tests first.",
    "I set up a registry mirror to increase our pull quota.",
    "I rebuilt the caches by adding a shared volume to speed up the first run.",
    "The increased load came from a new mobile team.",
    "I added a cache for faster artifact uploads.",
]


def _claims(sentence: str) -> list[str]:
    return [d.message for d in lint(STORY.format(sentence)).diagnostics if d.rule == "vague-claim"]


@pytest.mark.parametrize("sentence", CLAIMS)
def test_claims_without_a_figure_are_flagged(sentence):
    assert _claims(sentence)


@pytest.mark.parametrize("sentence", NOT_CLAIMS)
def test_aims_and_circumstances_are_not_claims(sentence):
    assert _claims(sentence) == []


def test_an_opinion_read_as_the_result_claims_nothing():
    """An answer that is all opinion has no Result: missing-part says so; the "improves" in its
    last sentence, placed as the Result only by its position, is no claim to quantify."""
    text = ("## Think Big\n\n"
            "In my view good engineers keep the whole product in mind. A ticket is never just a "
            "ticket, it belongs to a feature that improves the customer's day.\n")
    run = lint(text)
    fired = {d.rule for d in run.diagnostics}
    assert "missing-part" in fired
    assert "vague-claim" not in fired


def test_a_told_result_still_gets_the_warning():
    text = ("## Think Big\n\n"
            "Last spring our sign-up form lost half its visitors. I had to fix it before the "
            "campaign. I removed four fields and moved the form above the fold. Sign-ups improved "
            "a lot after the launch.\n")
    hits = [d for d in lint(text).diagnostics if d.rule == "vague-claim"]
    assert hits and hits[0].line == 3
