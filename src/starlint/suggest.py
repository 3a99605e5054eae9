"""The nearest rule names to a mistyped one: for `explain`, `--select`, config files and inline
comments. Close means a few typos away, or a start or a whole word of the name; a name
close to nothing gets no suggestion (a wild guess helps nobody)."""

from __future__ import annotations


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, with a swap of two neighbours counted as one edit."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def _typos_allowed(name: str) -> int:
    """One typo per four characters, at least one, at most three."""
    return max(1, min(3, len(name) // 4))


def nearest_names(name: str, names: list[str], limit: int = 3) -> list[str]:
    """Names within a few edits of `name` (closest first), then names that start with it or
    have it as one of their words (`passive` -> `passive-voice`, `we` -> `we-instead-of-i`), or
    that it extends (`hedging-x` -> `hedging`). A prefix needs three characters, a word two."""
    query = name.strip().lower()
    if not query:
        return []
    scored: list[tuple[int, int, str]] = []
    for candidate in names:
        distance = edit_distance(query, candidate)
        if distance <= _typos_allowed(candidate) and distance < len(query):
            scored.append((0, distance, candidate))
        elif ((len(query) >= 3 and candidate.startswith(query)) or (len(query) >= 2 and query in candidate.split("-"))
              or (len(candidate) >= 4 and query.startswith(candidate + "-"))):
            scored.append((1, len(candidate), candidate))
    scored.sort()
    return [candidate for _, _, candidate in scored[:limit]]


def did_you_mean(name: str, names: list[str]) -> str:
    """`; did you mean 'a' or 'b'?`, or "" when nothing is close."""
    close = nearest_names(name, names)
    return "; did you mean " + " or ".join(f"'{n}'" for n in close) + "?" if close else ""
