"""A progress bar on standard error for long folder runs: only on a terminal, only for a run
of many files, and only once it has taken a second (a quick run never shows one, and never
imports rich for it). While it shows, the report's lines written to a terminal go above it
(rich's Live redirects standard output), so the two never garble each other; in a pipe, in
CI or with -o, standard output is untouched."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator

from .lint import LintRun

#: A run of fewer files never shows a bar (folders from this size are linted in parallel).
MIN_FILES = 24
#: Seconds before the bar appears.
DELAY = 1.0


def wanted(stream=None) -> bool:
    """Whether a bar may show at all: standard error is a terminal (not `TERM=dumb`)."""
    import os

    stream = sys.stderr if stream is None else stream
    try:
        return bool(stream is not None and stream.isatty() and os.environ.get("TERM") != "dumb")
    except (ValueError, OSError):
        return False


def track(pieces: Iterable[LintRun], enabled: bool, delay: float | None = None,
          min_files: int | None = None) -> Iterator[LintRun]:
    """The pieces of a run as they are, with a bar counting their files once the run has
    taken `delay` seconds (DELAY), if it has `min_files` (MIN_FILES) files or more and `enabled`."""
    if not enabled:
        yield from pieces
        return
    delay = DELAY if delay is None else delay
    min_files = MIN_FILES if min_files is None else min_files
    start = time.monotonic()
    total = done = 0
    bar = None
    try:
        for piece in pieces:
            total = total or piece.planned_files
            done += piece.file_count
            if bar is None and total >= min_files and time.monotonic() - start >= delay:
                bar = _Bar(total)
            if bar is not None:
                bar.update(done)
            yield piece
    finally:
        if bar is not None:
            bar.stop()


class _Bar:
    """rich's Progress on standard error, transient: it leaves no line behind."""

    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.progress = Progress(
            TextColumn("starlint"), BarColumn(), MofNCompleteColumn(), TextColumn("files"), TimeRemainingColumn(),
            console=Console(file=sys.stderr), transient=True, redirect_stdout=sys.stdout.isatty(),
            redirect_stderr=False,
        )
        self.task = self.progress.add_task("lint", total=total)
        self.progress.start()

    def update(self, done: int) -> None:
        self.progress.update(self.task, completed=done)

    def stop(self) -> None:
        self.progress.stop()
