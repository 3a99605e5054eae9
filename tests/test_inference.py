"""The cues unlabelled answers are split by: a past event sets the scene, an "un-...-ed"
adjective does not, an "un-...-ed" verb after its subject does (issue 10, class 2)."""

from __future__ import annotations

import pytest

from starlint.analysis.inference import _cues


@pytest.mark.parametrize("sentence,setting", [
    ("Estimating without full information can lead to unexpected problems.", False),
    ("During the audit we uncovered a rounding error in refunds.", True),
    ("I unblocked the release team that week.", True),
    ("When faced with a conflict, I like to ask questions first.", False),
])
def test_setting_cue(sentence, setting):
    assert _cues(sentence, False)[0] is setting
