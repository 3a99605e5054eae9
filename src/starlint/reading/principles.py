"""Amazon's sixteen Leadership Principles, and finding their names in headings and front matter."""

from __future__ import annotations

import re

#: canonical name -> extra spellings seen in prep repos
LEADERSHIP_PRINCIPLES: dict[str, tuple[str, ...]] = {
    "Customer Obsession": ("customer obsessed", "customer-obsession"),
    "Ownership": ("owner ship",),
    "Invent and Simplify": ("invent & simplify", "invent simplify"),
    "Are Right, A Lot": ("are right a lot", "be right a lot", "right a lot"),
    "Learn and Be Curious": ("learn & be curious", "learn be curious"),
    "Hire and Develop the Best": ("hire & develop the best", "hire and develop"),
    "Insist on the Highest Standards": ("insist on highest standards", "highest standards"),
    "Think Big": (),
    "Bias for Action": ("bias to action", "bias-for-action"),
    "Frugality": (),
    "Earn Trust": ("earns trust",),
    "Dive Deep": ("deep dive", "dive-deep"),
    "Have Backbone; Disagree and Commit": (
        "have backbone",
        "disagree and commit",
        "disagree & commit",
    ),
    "Deliver Results": ("delivers results", "delivering results"),
    "Strive to be Earth's Best Employer": ("earth's best employer", "best employer"),
    "Success and Scale Bring Broad Responsibility": (
        "success and scale",
        "broad responsibility",
    ),
}

#: The five the bank's Tips name ("DEMONSTRATE LEADERSHIP PRINCIPLES").
TIPS_PRINCIPLES: tuple[str, ...] = (
    "Customer Obsession",
    "Ownership",
    "Bias for Action",
    "Dive Deep",
    "Deliver Results",
)


def _pattern(name: str) -> re.Pattern[str]:
    forms = [name, *LEADERSHIP_PRINCIPLES[name]]
    alternatives = "|".join(
        re.escape(f.lower()).replace(r"\ ", r"[\s_-]+").replace("'", "['\u2019]?") for f in forms
    )
    return re.compile(rf"(?<![\w]){alternatives}(?![\w])", re.IGNORECASE)


_PATTERNS = {name: _pattern(name) for name in LEADERSHIP_PRINCIPLES}


def find_principles(text: str) -> list[str]:
    """Principles named in a heading or a front-matter value, in order of appearance."""
    found: list[tuple[int, str]] = []
    for name, pattern in _PATTERNS.items():
        match = pattern.search(text)
        if match:
            found.append((match.start(), name))
    return [name for _, name in sorted(found)]


def principles_from_front_matter(meta: dict) -> list[str]:
    names: list[str] = []
    for key in ("principles", "principle", "lp", "lps", "leadership_principles", "tags"):
        value = meta.get(key)
        if value is None:
            continue
        values = value if isinstance(value, list) else [value]
        for item in values:
            for name in find_principles(str(item)):
                if name not in names:
                    names.append(name)
    return names
