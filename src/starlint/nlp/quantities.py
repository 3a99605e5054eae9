"""What counts as a quantity in a Result: numbers, percentages, money, durations, counts,
multipliers and from-to changes ("QUANTIFY EVERYTHING", bank Tip 2).

Regexes over the text rather than token attributes: spaCy splits "$45K" into "$ 45 K" but
keeps "15K/month" whole, and `like_num` is false for "15K" (shared/notes/nlp-facts.md).
"""

from __future__ import annotations

import re

_NUMBER_WORDS = (
    "zero|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    "eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|half|twice|thrice|"
    "double[ds]?|doubling|tripled?|triples|quadrupled?|halved|a third|two[- ]thirds"
)
QUANTITY = re.compile(
    r"(?<![A-Za-z0-9.,])[$€£¥]?\s?\d+(?:[.,:]\d+)*\s?(?:%|percent\b|x\b|[kKmMbB]\b)?"
    rf"|\b(?:{_NUMBER_WORDS})\b",
    re.IGNORECASE,
)


def quantity_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of the quantities in `text`."""
    spans = []
    for match in QUANTITY.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans
