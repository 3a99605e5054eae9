"""spaCy, imported without its command line.

`spacy/__init__.py` imports `spacy.cli` only to re-export `spacy.info`, and `spacy.cli`
imports every spaCy command and their libraries (typer, weasel, httpx, requests, rich,
jinja2: 360 modules). starlint never runs a spaCy command: that import was a third of
`import spacy` (~0.2 s of a cold run) and 18 MiB resident. So the first import of spaCy
goes through `import_spacy`, which lets `spacy/__init__.py` find a stand-in for
`spacy.cli.info` whose `info` imports the real one when called. The stand-in is removed
once spaCy is imported: a later `import spacy.cli` imports the real commands as usual.
"""

from __future__ import annotations

import importlib
import sys
import threading
from types import ModuleType

_INFO = "spacy.cli.info"
_lock = threading.Lock()


def _real_info() -> ModuleType:
    """The real `spacy.cli.info` (and so all of `spacy.cli`), imported on first use."""
    if isinstance(sys.modules.get(_INFO), _DeferredInfo):
        del sys.modules[_INFO]
    return importlib.import_module(_INFO)


def info(*args, **kwargs):
    """`spacy.info`, as spaCy's own: its command is imported when it is called."""
    return _real_info().info(*args, **kwargs)


class _DeferredInfo(ModuleType):
    """Stands in for `spacy.cli.info` while spaCy imports; any name but `info` is the real one's."""

    def __getattr__(self, name: str):
        if name.startswith("__"):  # what the import system asks of a module (`__path__`)
            raise AttributeError(name)
        return getattr(_real_info(), name)


def import_spacy() -> ModuleType:
    """`import spacy`, without importing `spacy.cli` (the first import only; then a lookup)."""
    if "spacy" in sys.modules:
        return importlib.import_module("spacy")  # waits if another thread is importing it
    with _lock:
        if "spacy" in sys.modules or _INFO in sys.modules:
            return importlib.import_module("spacy")
        stand_in = _DeferredInfo(_INFO)
        stand_in.info = info
        sys.modules[_INFO] = stand_in
        try:
            return importlib.import_module("spacy")
        finally:
            if sys.modules.get(_INFO) is stand_in:
                del sys.modules[_INFO]
