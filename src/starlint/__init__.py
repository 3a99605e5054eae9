"""starlint: a linter for written behavioral-interview answers in STAR form."""

__version__ = "0.1.0"
