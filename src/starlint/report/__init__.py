"""Formatters: plain data in (a LintRun and the rules), text out. No checking happens here."""
