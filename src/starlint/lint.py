"""The one-way flow for a run: read -> parse -> analyse -> check. Reporting is the caller's.

A run is produced as a stream of pieces (`iter_lint`), each the plain data of a few files in
path order, so that a report can be written as it goes and memory stays flat however many
files there are; `lint_paths` gathers the pieces for callers that want the whole run. One
file that cannot be linted (unreadable, or an unexpected error while linting it) is one
error line for that file; the other files keep their results.
"""

from __future__ import annotations

import gc
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .check import check
from .coach.score import with_scores
from .disables import directive_findings, parse_directives, silence
from .model import Answer, AnswerDetail, AnswerSummary, Diagnostic, SourceFile
from .reading.answers import parse_answers
from .reading.decode import ReadError, file_kind, read_path, read_stream
from .reading.windows import WINDOW_CHARS
from .ruleset import Rule

if TYPE_CHECKING:
    from .excludes import PathFilter

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
    #: said only with --verbose: a file with no answer, what the walk's excludes left out
    quiet_notices: list[str] = field(default_factory=list)
    planned_files: int = 0  # set on a run's first piece: the files it will lint
    #: made only with `details` (the HTML report): parts, figures and principles per answer
    details: list[AnswerDetail] = field(default_factory=list)
    #: kept only with `keep_analysis` (compare, coverage, tests): Answers with their blocks
    files: list[SourceFile] = field(default_factory=list)
    answers: list[Answer] = field(default_factory=list)

    def merge(self, other: "LintRun") -> None:
        self.file_count += other.file_count
        self.summaries.extend(other.summaries)
        self.diagnostics.extend(other.diagnostics)
        for path, lines in other.quoted.items():
            self.quoted.setdefault(path, {}).update(lines)
        self.errors.extend(other.errors)
        self.notices.extend(other.notices)
        self.quiet_notices.extend(other.quiet_notices)
        self.planned_files += other.planned_files
        self.details.extend(other.details)
        self.files.extend(other.files)
        self.answers.extend(other.answers)


def _is_lintable_name(name: str) -> bool:
    return not name.startswith(".") and name.lower().endswith(LINTABLE_SUFFIXES)


def walk(paths: Iterable[str], notices: list[str], path_filter: "PathFilter | None" = None) -> Iterator[str]:
    """Expand folders into lintable regular files, skipping link loops, unreadable entries
    and special files (a FIFO would block the run on open) with a notice, and what
    `path_filter` excludes (excludes.py). Iterative: no folder depth can exhaust the stack.
    Files named on the command line are yielded as they are (the reader refuses what is not
    a regular file, with an error), unless the filter forces its excludes on them."""
    seen_dirs: set[tuple[int, int]] = set()
    for path in paths:
        if path == STDIN or not os.path.isdir(path):
            if path == STDIN or path_filter is None or not path_filter.skip_named(path):
                yield path
            continue
        stack = [path]
        while stack:
            folder = stack.pop()
            try:
                st = os.stat(folder)
                if (st.st_dev, st.st_ino) in seen_dirs:
                    notices.append(f"{folder}: skipped (link to a folder already linted)")
                    continue
                seen_dirs.add((st.st_dev, st.st_ino))
                with os.scandir(folder) as entries:
                    entries = sorted(entries, key=lambda e: e.name)
            except OSError as exc:
                notices.append(f"{folder}: skipped ({exc.strerror or exc})")
                continue
            subfolders = []
            for entry in entries:
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                if is_dir:
                    if not entry.name.startswith(".") and not (path_filter and path_filter.skip(entry.path, True)):
                        subfolders.append(entry.path)
                    continue
                if not _is_lintable_name(entry.name) or (path_filter and path_filter.skip(entry.path, False)):
                    continue
                try:
                    mode = os.stat(entry.path).st_mode
                except OSError:
                    notices.append(f"{entry.path}: skipped (dangling link or unreadable)")
                    continue
                if not stat.S_ISREG(mode):
                    notices.append(f"{entry.path}: skipped ({file_kind(mode)}, not a regular file)")
                    continue
                yield entry.path
            stack.extend(reversed(subfolders))


def inputs(paths: Iterable[str], notices: list[str], stdin_name: str = "<stdin>",
           path_filter: "PathFilter | None" = None) -> list[str]:
    """The files of a run, each once, in the order of the paths reported (the order the
    diagnostics are sorted in). Standard input named twice is read once."""
    seen: set[object] = set()
    keyed: list[tuple[str, str]] = []
    for path in walk(paths, notices, path_filter):
        if path == STDIN:
            key: object = STDIN
        else:
            try:
                st = os.stat(path)
                key = (st.st_dev, st.st_ino)
            except OSError:
                key = path
        if key in seen:
            continue
        seen.add(key)
        keyed.append((stdin_name if path == STDIN else path, path))
    keyed.sort(key=lambda item: item[0])
    return [path for _, path in keyed]


def read_source(path: str, stdin_name: str = "<stdin>") -> SourceFile:
    if path == STDIN:
        if sys.stdin is None:
            raise ReadError(f"{stdin_name}: standard input is closed")
        return read_stream(sys.stdin.buffer, stdin_name)
    return read_path(path)


#: Files analysed together, in one process or handed to a worker: enough for `nlp.pipe` to
#: batch well (8 bank copies are ~1,500 blocks), few enough that memory stays flat (200 bank
#: copies in one process: 197 MiB peak with chunks of 32, 176 MiB with 8) and two cores
#: stay balanced.
CHUNK_FILES = 8


def _quoted_lines(source: SourceFile, diagnostics: list[Diagnostic], lines: list[str] | None = None) -> dict[int, str]:
    lines = lines if lines is not None else source.original.split("\n")
    return {d.line: lines[d.line - 1] for d in diagnostics if 0 < d.line <= len(lines)}


def _found_notice(source: SourceFile, found: bool, parser_spoke: bool) -> list[str]:
    """What to say of a file with no answer, unless the parser said why (a template)."""
    if not source.text.strip():
        return [f"{source.path}: empty file, nothing to lint"]
    if not found and not parser_spoke:
        return [f"{source.path}: no STAR answer found (no labelled parts, no first-person story)"]
    return []


def _lint_batch(sources: list[SourceFile], rules: list[Rule], keep_analysis: bool, details: bool) -> LintRun:
    """Parse, analyse and check a few files together (one `nlp.pipe` over all their blocks);
    `details` adds what the HTML report draws (AnswerDetail)."""
    from .analysis import analyse

    run = LintRun()
    answers: list[Answer] = []
    for source in sources:
        run.file_count += 1
        found_here = parse_answers(source)
        run.notices.extend(source.notices)  # the reader's, and the parser's (front matter)
        run.quiet_notices.extend(source.quiet_notices)  # templates not linted
        run.quiet_notices.extend(_found_notice(source, bool(found_here), bool(source.quiet_notices)))
        answers.extend(found_here)
    analyse(answers)
    by_path: dict[str, list[Diagnostic]] = {}
    for diagnostic in check(answers, rules):
        by_path.setdefault(diagnostic.path, []).append(diagnostic)
    for source in sources:
        directives = parse_directives(source)
        kept = silence(directives, by_path.get(source.path, []))
        kept.extend(directive_findings(source, directives, rules))
        kept.sort(key=Diagnostic.sort_key)
        run.diagnostics.extend(kept)
        if kept:
            run.quoted[source.path] = _quoted_lines(source, kept)
    run.diagnostics.sort(key=Diagnostic.sort_key)
    # scored from the findings kept (an inline disable costs nothing)
    run.summaries.extend(with_scores([answer.summary() for answer in answers], run.diagnostics))
    if details:
        from .details import answer_details

        run.details.extend(answer_details(answers, rules))
    if keep_analysis:
        run.files.extend(sources)
        run.answers.extend(answers)
    return run


def _lint_windowed(source: SourceFile, rules: list[Rule], details: bool) -> Iterator[LintRun]:
    """A very large file, a window of answers at a time (reading.windows): each window's
    blocks and Docs are freed before the next is read. Its findings come out per window;
    the comments' own findings (unused-disable), which need the whole file, come last."""
    from .analysis import analyse
    from .reading.windows import windows

    directives = parse_directives(source)
    lines = source.original.split("\n")
    found = False
    for window in windows(source):
        answers = parse_answers(window)
        if window.notices is not source.notices:  # a later window's: what the first did not say
            source.notices.extend(n for n in window.notices if n not in source.notices)
        if window.quiet_notices is not source.quiet_notices:
            source.quiet_notices.extend(n for n in window.quiet_notices if n not in source.quiet_notices)
        found = found or bool(answers)
        analyse(answers)
        piece = LintRun()
        piece.diagnostics = sorted(silence(directives, check(answers, rules)), key=Diagnostic.sort_key)
        if piece.diagnostics:
            piece.quoted[source.path] = _quoted_lines(source, piece.diagnostics, lines)
        piece.summaries = with_scores([answer.summary() for answer in answers], piece.diagnostics)
        if details:
            from .details import answer_details

            piece.details = answer_details(answers, rules)
        del answers
        yield piece
    last = LintRun(file_count=1, notices=source.notices,
                   quiet_notices=source.quiet_notices + _found_notice(source, found, bool(source.quiet_notices)))
    last.diagnostics = sorted(directive_findings(source, directives, rules), key=Diagnostic.sort_key)
    if last.diagnostics:
        last.quoted[source.path] = _quoted_lines(source, last.diagnostics, lines)
    yield last


def _failed(source: SourceFile, exc: BaseException) -> LintRun:
    detail = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
    why = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
    if isinstance(exc, RecursionError):
        why = "nested too deeply to lint"
    return LintRun(errors=[f"{source.path}: could not be linted ({why}); the other files were"])


def _pieces(sources: list[SourceFile], rules: list[Rule], keep_analysis: bool,
            details: bool = False) -> Iterator[LintRun]:
    """The pieces of a batch of files, in order; a file that fails gets its own error."""
    batch: list[SourceFile] = []
    for source in sources:
        if keep_analysis or len(source.text) <= WINDOW_CHARS:
            batch.append(source)
            continue
        yield from _isolated(batch, rules, keep_analysis, details)
        batch = []
        try:
            yield from _lint_windowed(source, rules, details)
        except Exception as exc:  # noqa: BLE001 - one file's failure is that file's error
            yield _failed(source, exc)
    yield from _isolated(batch, rules, keep_analysis, details)


def _isolated(sources: list[SourceFile], rules: list[Rule], keep_analysis: bool, details: bool) -> Iterator[LintRun]:
    """Lint the batch together; if that fails, each file alone, so only the culprit is lost."""
    if not sources:
        return
    notices = [list(s.notices) for s in sources]
    try:
        run = _lint_batch(sources, rules, keep_analysis, details)
    except Exception as exc:  # noqa: BLE001 - narrowed below to the file that fails
        if len(sources) == 1:
            yield _failed(sources[0], exc)
            return
        for source, before in zip(sources, notices):
            source.notices[:] = before  # the retry reads the file again
            yield from _isolated([source], rules, keep_analysis, details)
        return
    yield run


def _lint_files(paths: list[str], rules: list[Rule], stdin_name: str, keep_analysis: bool,
                details: bool = False) -> Iterator[LintRun]:
    """Read a few files and lint them: the unit of work, in this process or in a worker."""
    read_errors = LintRun()
    sources = []
    for path in paths:
        try:
            sources.append(read_source(path, stdin_name))
        except ReadError as exc:
            read_errors.errors.append(str(exc))
    if read_errors.errors:
        yield read_errors
    yield from _pieces(sources, rules, keep_analysis, details)


def lint_sources(sources: list[SourceFile], rules: list[Rule], run: LintRun | None = None,
                 keep_analysis: bool = True, details: bool = False) -> LintRun:
    """Parse, analyse and check `sources`, adding to `run`. Without `keep_analysis`, only
    plain data stays (summaries, diagnostics, quoted lines): what the formatters need;
    `details` adds what the HTML report draws (AnswerDetail)."""
    run = run or LintRun()
    for piece in _pieces(sources, rules, keep_analysis, details):
        run.merge(piece)
    run.diagnostics.sort(key=Diagnostic.sort_key)
    return run


#: From this many files on, `check` lints in worker processes (one per core, at most 4).
PARALLEL_MIN_FILES = 24
MAX_JOBS = 4
#: Tasks a worker may finish ahead of the oldest unfinished one: their pieces wait in the
#: main process until they can be written in order.
AHEAD_PER_WORKER = 4
_worker_rules: list[Rule] = []
_worker_details = False


def _lint_chunk(paths: list[str]) -> Iterator[LintRun]:
    """In a worker: read and lint a few files, yielding plain data to pickle back."""
    return _lint_files(paths, _worker_rules, "<stdin>", False, _worker_details)


def _lint_parallel(files: list[str], rules: list[Rule], details: bool, workers: int) -> Iterator[LintRun]:
    """The pieces of the run from worker processes, in file order (workers.py)."""
    from .nlp.pipeline import blank_pipeline
    from .workers import WorkerPool

    global _worker_rules, _worker_details
    _worker_rules, _worker_details = rules, details  # read by the forked workers
    blank_pipeline()  # import spaCy once here; forked workers share it copy-on-write
    chunks = [files[i : i + CHUNK_FILES] for i in range(0, len(files), CHUNK_FILES)]
    waiting: dict[int, list[LintRun]] = {}
    finished: set[int] = set()
    next_index = 0
    gc.freeze()  # the workers' collections then leave (rather than copy) the shared pages
    try:
        with WorkerPool(workers) as pool:
            for index, kind, value in pool.run(_lint_chunk, chunks, ahead=workers * AHEAD_PER_WORKER):
                if kind == "item":
                    waiting.setdefault(index, []).append(value)
                else:
                    finished.add(index)
                    if kind == "failed":
                        waiting.setdefault(index, []).append(
                            LintRun(errors=[f"{p}: could not be linted ({value})" for p in chunks[index]]))
                while next_index in waiting or next_index in finished:
                    yield from waiting.pop(next_index, [])
                    if next_index not in finished:
                        break
                    finished.discard(next_index)
                    next_index += 1
    finally:
        gc.unfreeze()  # a library caller's objects become collectable again


def iter_lint(paths: Iterable[str], rules: list[Rule], stdin_name: str = "<stdin>",
              keep_analysis: bool = False, jobs: int | None = None, details: bool = False,
              path_filter: "PathFilter | None" = None) -> Iterator[LintRun]:
    """The run as pieces in path order (the first holds the folder walk's notices and how
    many files the run has). `jobs`: worker processes for large folders (None: one per core,
    at most MAX_JOBS; 1: this process only, the least memory). `details`: also the
    per-answer data the HTML report draws. `path_filter`: what folder walks leave out."""
    walk_notices: list[str] = []
    files = inputs(paths, walk_notices, stdin_name, path_filter)
    yield LintRun(notices=walk_notices, planned_files=len(files),
                  quiet_notices=list(path_filter.skipped) if path_filter else [])
    workers = min(MAX_JOBS, os.cpu_count() or 1) if jobs is None else jobs
    if (not keep_analysis and workers > 1 and len(files) >= PARALLEL_MIN_FILES and STDIN not in files
            and sys.platform.startswith("linux")):
        yield from _lint_parallel(files, rules, details, workers)
        return
    for i in range(0, len(files), CHUNK_FILES):
        yield from _lint_files(files[i : i + CHUNK_FILES], rules, stdin_name, keep_analysis, details)


def lint_paths(paths: Iterable[str], rules: list[Rule], stdin_name: str = "<stdin>",
               keep_analysis: bool = True, jobs: int | None = None, details: bool = False,
               path_filter: "PathFilter | None" = None) -> LintRun:
    """Lint files and folders into one LintRun (see `iter_lint`)."""
    run = LintRun()
    for piece in iter_lint(paths, rules, stdin_name, keep_analysis, jobs, details, path_filter):
        run.merge(piece)
    run.diagnostics.sort(key=Diagnostic.sort_key)
    return run


def lint_text(text: str, rules: list[Rule], path: str = "<text>") -> LintRun:
    from .reading.decode import read_text

    return lint_sources([read_text(text, path)], rules)
