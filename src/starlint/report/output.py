"""Writing a report file: never over one of the files it reports on, never half-written."""

from __future__ import annotations

import os
import tempfile
from typing import Iterable

from ..lint import STDIN, walk


class OutputError(Exception):
    """The report cannot be written there: one line for the user."""


def check_output(output: str, paths: Iterable[str]) -> None:
    """Refuse an output that is one of the inputs (or a link to one), or a folder."""
    if os.path.isdir(output):
        raise OutputError(f"{output}: is a folder; give a file name for the report")
    if not os.path.exists(output):
        return
    target = os.path.realpath(output)
    for path in walk(paths, []):
        if path == STDIN:
            continue
        try:
            same = os.path.realpath(path) == target or os.path.samefile(path, output)
        except OSError:
            continue
        if same:
            raise OutputError(f"{output}: is one of the files being reported on; refusing to overwrite it "
                              "(choose another -o)")


def write_report(output: str, chunks: Iterable[str]) -> None:
    """Write to a temporary file beside `output`, then rename it over: a reader never sees a
    half-written report, and a link at `output` is replaced, never written through."""
    folder = os.path.dirname(os.path.abspath(output))
    try:
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=".starlint-report-", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"{output}: cannot write the report ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            for chunk in chunks:
                handle.write(chunk)
        os.chmod(temporary, 0o644 & ~_umask())
        os.replace(temporary, output)
    except OSError as exc:
        os.unlink(temporary)
        raise OutputError(f"{output}: cannot write the report ({exc.strerror})") from None
    except BaseException:
        os.unlink(temporary)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
