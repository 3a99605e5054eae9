"""The one-way flow for a run: read -> parse -> analyse -> check. Reporting is the caller's."""

from __future__ import annotations

import gc
import os
import sys
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from .check import check
from .coach.score import with_scores
from .disables import UNUSED, apply_directives
from .model import Answer, AnswerDetail, AnswerSummary, Diagnostic, SourceFile
from .reading.answers import parse_answers
from .reading.decode import ReadError, read_bytes, read_path
from .ruleset import Rule

#: What a folder walk lints.
LINTABLE_SUFFIXES = (".md", ".markdown", ".txt")
STDIN = "-"


@dataclass
class LintRun:
    """Everything a formatter needs, as plain data (cheap to send back from a worker), and,
    for in-process callers that asked to keep them, the analysed files and answers."""

    file_count: int = 0
    summaries: list[AnswerSummary] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: path -> line number -> original line, for the lines diagnostics point at (--show-source)
    quoted: dict[str, dict[int, str]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)  # one line per input that cannot be linted
    notices: list[str] = field(default_factory=list)
    #: made only with `details` (the HTML report): parts, figures and principles per answer
    details: list[AnswerDetail] = field(default_factory=list)
    #: kept only with `keep_analysis` (compare, coverage, tests): Answers with their blocks
    files: list[SourceFile] = field(default_factory=list)
    answers: list[Answer] = field(default_factory=list)

    def merge(self, other: "LintRun") -> None:
        self.file_count += other.file_count
        self.summaries.extend(other.summaries)
        self.diagnostics.extend(other.diagnostics)
        self.quoted.update(other.quoted)
        self.errors.extend(other.errors)
        self.notices.extend(other.notices)
        self.details.extend(other.details)
        self.files.extend(other.files)
        self.answers.extend(other.answers)


def walk(paths: Iterable[str], notices: list[str]) -> Iterator[str]:
    """Expand folders into lintable files, skipping link loops and unreadable entries."""
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: set[tuple[int, int]] = set()
    for path in paths:
        if path == STDIN or not os.path.isdir(path):
            yield path
            continue
        for root, dirs, files in os.walk(path, followlinks=True, onerror=lambda e: notices.append(
            f"{e.filename}: skipped ({e.strerror})")):
            try:
                st = os.stat(root)
            except OSError:
                continue
            if (st.st_dev, st.st_ino) in seen_dirs:
                notices.append(f"{root}: skipped (link to a folder already linted)")
                dirs[:] = []
                continue
            seen_dirs.add((st.st_dev, st.st_ino))
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.lower().endswith(LINTABLE_SUFFIXES) or name.startswith("."):
                    continue
                full = os.path.join(root, name)
                try:
                    fst = os.stat(full)
                except OSError:
                    notices.append(f"{full}: skipped (dangling link or unreadable)")
                    continue
                if (fst.st_dev, fst.st_ino) in seen_files:
                    continue
                seen_files.add((fst.st_dev, fst.st_ino))
                yield full


def read_source(path: str, stdin_name: str = "<stdin>") -> SourceFile:
    if path == STDIN:
        data = sys.stdin.buffer.read()
        return read_bytes(data, stdin_name)
    return read_path(path)


#: Files analysed together, in one process or handed to a worker: enough for `nlp.pipe` to
#: batch well (8 bank copies are ~1,500 blocks), few enough that memory stays flat (200 bank
#: copies in one process: 197 MiB peak with chunks of 32, 176 MiB with 8) and two cores
#: stay balanced.
CHUNK_FILES = 8


def lint_sources(sources: list[SourceFile], rules: list[Rule], run: LintRun | None = None,
                 keep_analysis: bool = True, details: bool = False) -> LintRun:
    """Parse, analyse and check `sources`, adding to `run`. Without `keep_analysis`, only
    plain data stays (summaries, diagnostics, quoted lines): what the formatters need;
    `details` adds what the HTML report draws (AnswerDetail)."""
    from .analysis import analyse

    run = run or LintRun()
    answers: list[Answer] = []
    for source in sources:
        run.file_count += 1
        before = len(source.notices)
        found_here = parse_answers(source)
        run.notices.extend(source.notices)  # the reader's, and the parser's (front matter, templates)
        if not source.text.strip():
            run.notices.append(f"{source.path}: empty file, nothing to lint")
        elif not found_here and len(source.notices) == before:
            run.notices.append(f"{source.path}: no STAR answer found (no labelled parts, no first-person story)")
        answers.extend(found_here)
    analyse(answers)
    by_path: dict[str, list[Diagnostic]] = {}
    for diagnostic in check(answers, rules):
        by_path.setdefault(diagnostic.path, []).append(diagnostic)
    unused_rule = next((r for r in rules if r.name == UNUSED), None)
    first_new = len(run.diagnostics)
    for source in sources:
        kept = apply_directives(source, by_path.get(source.path, []), unused_rule is not None,
                                unused_rule.severity if unused_rule else "info")
        run.diagnostics.extend(kept)
        if kept:
            lines = source.original.split("\n")
            run.quoted[source.path] = {d.line: lines[d.line - 1] for d in kept if 0 < d.line <= len(lines)}
    # scored from the findings kept (an inline disable costs nothing), before they are sorted in
    run.summaries.extend(with_scores([answer.summary() for answer in answers], run.diagnostics[first_new:]))
    run.diagnostics.sort(key=Diagnostic.sort_key)
    if details:
        from .details import answer_details

        run.details.extend(answer_details(answers, rules))
    if keep_analysis:
        run.files.extend(sources)
        run.answers.extend(answers)
    return run


#: From this many files on, `check` lints in worker processes (one per core, at most 4).
PARALLEL_MIN_FILES = 24
MAX_JOBS = 4
_worker_rules: list[Rule] = []
_worker_details = False


def _lint_chunk(paths: list[str]) -> LintRun:
    """In a worker: read and lint a few files, returning plain data to pickle back."""
    run = LintRun()
    sources = []
    for path in paths:
        try:
            sources.append(read_source(path))
        except ReadError as exc:
            run.errors.append(str(exc))
    return lint_sources(sources, _worker_rules, run, keep_analysis=False, details=_worker_details)


def _lint_parallel(files: list[str], rules: list[Rule], run: LintRun, workers: int) -> LintRun:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from .nlp.pipeline import blank_pipeline

    global _worker_rules
    _worker_rules = rules
    blank_pipeline()  # import spaCy once here; forked workers share it copy-on-write
    gc.freeze()  # the workers' collections then leave (rather than copy) the shared pages
    try:
        chunks = [files[i : i + CHUNK_FILES] for i in range(0, len(files), CHUNK_FILES)]
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            for part in pool.map(_lint_chunk, chunks):
                run.merge(part)
    finally:
        gc.unfreeze()  # a library caller's objects become collectable again
    run.diagnostics.sort(key=Diagnostic.sort_key)
    return run


def lint_paths(paths: Iterable[str], rules: list[Rule], stdin_name: str = "<stdin>",
               keep_analysis: bool = True, jobs: int | None = None, details: bool = False) -> LintRun:
    """Lint files and folders. `jobs`: worker processes for large folders (None: one per
    core, at most MAX_JOBS; 1: this process only, the least memory). `details`: also the
    per-answer data the HTML report draws."""
    run = LintRun()
    files = list(walk(paths, run.notices))
    workers = min(MAX_JOBS, os.cpu_count() or 1) if jobs is None else jobs
    if (not keep_analysis and workers > 1 and len(files) >= PARALLEL_MIN_FILES and STDIN not in files
            and sys.platform.startswith("linux")):
        global _worker_details
        _worker_details = details  # read by the forked workers, as _worker_rules is
        return _lint_parallel(files, rules, run, workers)
    chunk: list[SourceFile] = []
    for path in files:
        try:
            chunk.append(read_source(path, stdin_name))
        except ReadError as exc:
            run.errors.append(str(exc))
        if len(chunk) >= CHUNK_FILES:
            lint_sources(chunk, rules, run, keep_analysis, details)
            chunk = []
    if chunk or not run.file_count:
        lint_sources(chunk, rules, run, keep_analysis, details)
    return run


def lint_text(text: str, rules: list[Rule], path: str = "<text>") -> LintRun:
    from .reading.decode import read_text

    return lint_sources([read_text(text, path)], rules)
