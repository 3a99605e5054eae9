"""Rules list lemmas and match every form (issue 10, class 9)."""

from __future__ import annotations

import pytest

from starlint.nlp.inflect import phrase_forms, verb_forms

from .conftest import lint


@pytest.mark.parametrize("lemma, forms", [
    ("improve", ["improve", "improves", "improved", "improving"]),
    ("simplify", ["simplify", "simplifies", "simplified", "simplifying"]),
    ("stop", ["stop", "stops", "stopped", "stopping"]),
    ("boost", ["boost", "boosts", "boosted", "boosting"]),
    ("cut", ["cut", "cuts", "cutting"]),
])
def test_verb_forms(lemma, forms):
    assert verb_forms(lemma) == forms


def test_phrase_forms_inflect_the_verb():
    assert phrase_forms("speed up") == ["speed up", "speeds up", "sped up", "speeding up"]


@pytest.mark.parametrize("result, match", [
    ("It helped improve the efficiency of the support team.", "improve"),
    ("The redesign ended up improving usability for everyone.", "improving"),
    ("Support load was reduced.", "reduced"),
])
def test_vague_claim_matches_every_form(result, match):
    text = ("**Situation:** Support was slow.\n\n**Task:** I owned the fix.\n\n"
            f"**Action:** I rebuilt the triage form.\n\n**Result:** Tickets fell 30%. {result}\n")
    found = [d.message.split("'")[1] for d in lint(text).diagnostics if d.rule == "vague-claim"]
    assert found == [match]
