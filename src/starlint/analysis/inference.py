"""Infer STAR parts of an answer written without labels, sentence by sentence.

Each sentence gets a score for each part from cues (setting and context; the speaker's
responsibility or goal; first-person actions; outcomes, figures and learnings) and a weak
position prior; then the best *ordered* assignment (S <= T <= A <= R, as answers are told) is
found by dynamic programming. Parts found this way are marked `inferred`.
"""

from __future__ import annotations

import re

from ..model import PART_NAMES, Answer, Part, Segment
from ..nlp.tokens import span_text, span_words

_TASK = re.compile(
    r"\b(I|my|me)\b[^.]{0,60}?\b(needed to|had to|have to|was (asked|tasked|responsible|expected|assigned|supposed)|"
    r"job was|task was|goal was|role was|responsibility was|objective was|aim was|wanted to|set out to)\b"
    r"|\b(my|the|our) (job|task|goal|role|responsibility|objective|mandate|challenge) (was|is|to)\b"
    r"|\bit was (my|on me|up to me)\b|\bI was (the|an?) [a-z -]{0,30}(on[- ]call|owner|lead|engineer|manager|in charge)\b"
    r"|\bit (was|fell) (on|to) me\b|\bI (owned|volunteered|took (on|ownership))\b",
    re.IGNORECASE,
)
_ACTION = re.compile(
    r"^(first|then|next|after that|afterwards|finally|to (do|fix|start) (this|that)|so I|I then)\b"
    r"|\bI\s+(?!was\b|were\b|am\b|had\b|have\b|needed\b|wanted\b|learned\b|learnt\b|realized\b|realised\b)"
    r"(also\s+|then\s+|quickly\s+|immediately\s+|personally\s+)?[a-z]+(ed|t)\b"
    r"|\bI\s+(built|wrote|set|ran|made|took|led|began|met|found|chose|sent|spoke|went|got|put|drove|held|"
    r"brought|rewrote|taught|drew|dug|did|gave|kept|sat|split|cut|shipped|paired|called|asked)\b",
    re.IGNORECASE,
)
_RESULT = re.compile(
    r"\b(as a result|result(ed|s)?|in the end|ultimately|outcome|impact|since then|today|now|"
    r"reduc(ed|ing)|increas(ed|ing)|sav(ed|ing)|improv(ed|ing)|dropp?(ed)?|grew|cut|went (up|down)|"
    r"launched|delivered|shipped|adopted|praised|recogni[sz]ed|promoted|learn(ed|t)|lesson|taught me|"
    r"next time|would (now )?do differently|takeaway)\b",
    re.IGNORECASE,
)
_SITUATION = re.compile(
    r"\b(when|while|at my (last|previous|current)|at (the|a) company|last (year|quarter)|"
    r"our team|the team|we (were|had)|there (was|were)|had been|was (failing|struggling|growing|losing)|"
    r"background|context)\b",
    re.IGNORECASE,
)


def _scores(text: str, index: int, total: int, has_quantity: bool) -> list[float]:
    position = index / max(1, total - 1)
    s = 0.6 * (1 - position) + (0.8 if _SITUATION.search(text) else 0.0) + (0.6 if index == 0 else 0.0)
    t = 1.5 if _TASK.search(text) else 0.0
    a = 1.2 if _ACTION.search(text) else 0.0
    r = (1.0 if _RESULT.search(text) else 0.0) + (0.7 if has_quantity else 0.0) + 0.4 * position
    return [s, t, a, r]


def infer_parts(answer: Answer) -> dict[str, Part]:
    sentences = []  # (block, start_char, end_char, text, has_quantity)
    for block in answer.blocks:
        if block.kind == "heading" or block.doc is None:
            continue
        for sent in block.doc.sents:
            if not span_words(sent):
                continue
            has_q = bool(sent._.quantities)
            text = span_text(sent)
            # a sentence after a soft line break starts with the "\n" token: the part starts
            # at its first word, not at the end of the previous line
            lead = len(text) - len(text.lstrip())
            trail = len(text) - len(text.rstrip())
            sentences.append((block, sent.start_char + lead, sent.end_char - trail, text.strip(), has_q))
    if not sentences:
        return {}
    n = len(sentences)
    scores = [_scores(text, i, n, q) for i, (_, _, _, text, q) in enumerate(sentences)]
    # best[i][k]: best total for sentences[:i+1] with sentence i in part k (parts never go back)
    best = [[0.0] * 4 for _ in range(n)]
    back = [[0] * 4 for _ in range(n)]
    for k in range(4):
        best[0][k] = scores[0][k] - (0.5 * k)  # an answer opens with its setting
    for i in range(1, n):
        for k in range(4):
            prev = max(range(k + 1), key=lambda j: best[i - 1][j])
            best[i][k] = best[i - 1][prev] + scores[i][k]
            back[i][k] = prev
    state = max(range(4), key=lambda k: best[n - 1][k] + (0.5 if k == 3 else 0.0))
    labels = [0] * n
    for i in range(n - 1, -1, -1):
        labels[i] = state
        state = back[i][state]
    parts: dict[str, Part] = {}
    for (block, start, end, _, _), k in zip(sentences, labels):
        name = PART_NAMES[k]
        part = parts.setdefault(name, Part(name=name, segments=[], inferred=True))
        last = part.segments[-1] if part.segments else None
        if last is not None and last.block is block and last.end <= start:
            last.end = end
        else:
            part.segments.append(Segment(block, start, end))
    return parts
