"""The editor face of starlint: a Language Server (`starlint lsp`) over the same engine as
the CLI. Imported only by `starlint lsp`, so the CLI never pays for pygls."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor


def _warm_up() -> None:
    """Load spaCy and the rules, and lint a short answer, so that the first document is
    linted at once. Not the trained parser: as in the CLI, it loads when a sentence needs
    it (0.1 s, 10 MiB), which many documents never do; this answer has no "we" and no
    passive for it to settle."""
    try:
        from ..incremental import DocumentLinter
        from ..ruleset import builtin_rules

        DocumentLinter(list(builtin_rules()), "warm-up.md").lint(
            "**Situation:** Our nightly export failed.\n\n**Task:** I had to fix it.\n\n"
            "**Action:** I traced it to a timeout and raised it.\n\n**Result:** No failures in 3 months.\n")
    except Exception:  # noqa: BLE001 - the first real lint reports what is wrong
        logging.getLogger("starlint.server").debug("warm-up failed", exc_info=True)


def serve() -> int:
    """Run `starlint lsp`. The lint thread loads spaCy while the client starts up and the
    protocol thread waits for it. (Not while pygls is imported: two imports at once in two
    threads only take turns at the interpreter lock, and were 10% slower together.)"""
    from .app import run

    linting = ThreadPoolExecutor(max_workers=1, thread_name_prefix="starlint-lint")
    linting.submit(_warm_up)
    return run(linting)
