"""Blocks -> spaCy Docs (one `nlp.pipe` over every block of every answer), parts -> Spans."""

from __future__ import annotations

from typing import Iterable

from ..model import Answer, Block, Part, Sentence
from ..nlp.fragments import split_note_fragments
from ..nlp.pipeline import blank_pipeline
from ..nlp.tokens import remember_text, span_words
from .inference import action_in_context, infer_parts, task_in_context

#: Blocks handed to `nlp.pipe` at a time: large enough to amortise, small enough for memory.
BATCH_SIZE = 256


def _part_spans(part: Part) -> None:
    part.spans = []
    part.sentences = []
    part._words = None
    for seg in part.segments:
        doc = seg.block.doc
        if doc is None:
            continue
        span = doc.char_span(seg.start, seg.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        part.spans.append(span)
        for sent in doc.sents:
            start, end = max(sent.start, span.start), min(sent.end, span.end)
            if start >= end:
                continue
            clipped = doc[start:end]
            if not span_words(clipped):
                continue
            part.sentences.append(Sentence(clipped, seg.block))


def analyse(answers: Iterable[Answer]) -> list[Answer]:
    answers = list(answers)
    nlp = blank_pipeline()
    blocks: list[Block] = [b for a in answers for b in a.blocks if b.doc is None]
    for block, doc in zip(blocks, nlp.pipe((b.text for b in blocks), batch_size=BATCH_SIZE)):
        block.doc = doc
        remember_text(doc, block.text)  # spaCy's tokenizer keeps the text exactly
        split_note_fragments(doc, block.text)
    for answer in answers:
        if not answer.labelled:
            answer.parts = infer_parts(answer)
        for part in answer.parts.values():
            _part_spans(part)
        if "task" not in answer.parts and (task := task_in_context(answer)) is not None:
            _part_spans(task)
            answer.parts["task"] = task
        if (action := action_in_context(answer)) is not None:
            _part_spans(action)
            answer.parts["action"] = action
    return answers
