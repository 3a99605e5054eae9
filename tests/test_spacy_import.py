"""spaCy is imported without its command line (nlp/spacy_import.py), and stays whole."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
from starlint.nlp.pipeline import blank_pipeline
blank_pipeline()
assert "spacy.cli" not in sys.modules and "spacy.cli.info" not in sys.modules, "spaCy's commands imported"
assert not {"typer", "weasel", "rich", "jinja2", "httpx"} & set(sys.modules)
import spacy
assert spacy.info(silent=True)["spacy_version"] == spacy.__version__  # imports the real one
from spacy.cli import download
from spacy.cli.info import info
assert callable(download) and callable(info) and info is not spacy.info
print("ok")
"""


def test_spacy_imports_without_its_commands_and_they_still_work():
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "ok", done.stderr
