"""`starlint lsp` with a lint that raises on a marker: the tests check that an exception
inside a lint is logged, shown as one diagnostic, and that the server goes on serving."""

import sys

from starlint import incremental
from starlint.server import serve

MARKER = "RAISE-INSIDE-LINT"
_lint = incremental.DocumentLinter.lint


def _failing_lint(self, text):
    if MARKER in text:
        raise RuntimeError("a rule failed on purpose")
    return _lint(self, text)


incremental.DocumentLinter.lint = _failing_lint

if __name__ == "__main__":
    sys.exit(serve())
