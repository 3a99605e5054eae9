"""Worker processes for large runs, which never outlive the run.

Why not `concurrent.futures.ProcessPoolExecutor`: on Ctrl-C every worker printed a
traceback and the pool's shutdown then waited for them forever; on SIGTERM to the main
process the workers stayed behind as orphans. Here the workers are forked (after spaCy is
imported, so they share it copy-on-write), ignore SIGINT (the main process decides what a
signal means), die with the main process whatever kills it (Linux's parent-death signal),
and are killed when the run ends early. A worker that dies mid-task (out of memory, killed)
costs only its task: its files get an error line, a new worker takes its place.
"""

from __future__ import annotations

import gc
import os
import signal
from collections.abc import Callable, Iterable, Iterator
from typing import Any

_DONE = "done"
_ITEM = "item"
_FAILED = "failed"
#: tasks handed to one worker before it reports back: one to work on, one waiting
IN_FLIGHT = 2
#: the collector's thresholds in a worker (Python's default is 700, 10, 10)
WORKER_GC_THRESHOLDS = (50_000, 50, 100)


def _die_with_parent(parent: int) -> None:
    """Ask Linux to SIGKILL this process when its parent exits (prctl PR_SET_PDEATHSIG)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _serve(conn, work: Callable[[Any], Iterable[Any]], parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    _die_with_parent(parent)
    # A worker's objects are Docs, tokens and answers that die with their task, by reference
    # count; the cyclic collector's frequent passes over them were ~10% of a batch's CPU.
    gc.set_threshold(*WORKER_GC_THRESHOLDS)
    try:
        while True:
            task = conn.recv()
            if task is None:
                break
            index, payload = task
            try:
                for item in work(payload):
                    conn.send((index, _ITEM, item))
            except Exception as exc:  # noqa: BLE001 - reported by the main process for this task
                conn.send((index, _FAILED, f"{type(exc).__name__}: {exc}"))
                continue
            conn.send((index, _DONE, None))
    except (EOFError, OSError):
        pass  # the main process went away
    finally:
        os._exit(0)  # no atexit handlers, no flushing of the parent's inherited buffers


class _Worker:
    def __init__(self, context, work) -> None:
        self.conn, child = context.Pipe(duplex=True)
        # Signals stay blocked from before the fork until the child has its own handlers, so
        # that a Ctrl-C in between never runs the main process's handler in the child.
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        try:
            self.process = context.Process(target=_serve, args=(child, work, os.getpid()), daemon=True)
            self.process.start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        child.close()
        self.tasks: list[int] = []  # indexes handed to it, oldest first


class WorkerPool:
    """`run(work, payloads)` yields `(index, kind, value)` as workers report, where kind is
    "item" (one of the values `work(payload)` yielded), "done" or "failed" (value: why)."""

    def __init__(self, workers: int) -> None:
        import multiprocessing

        self._context = multiprocessing.get_context("fork")
        self._size = workers
        self._workers: list[_Worker] = []
        self._respawns = workers * 2

    def __enter__(self) -> "WorkerPool":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
        else:
            self.kill()  # Ctrl-C, SIGTERM, a broken pipe: end the workers now

    def close(self) -> None:
        for worker in self._workers:
            try:
                worker.conn.send(None)
            except OSError:
                pass
        for worker in self._workers:
            worker.process.join(timeout=2)
        self.kill()

    def kill(self) -> None:
        for worker in self._workers:
            if worker.process.is_alive():
                worker.process.kill()
        for worker in self._workers:
            worker.process.join(timeout=2)
            worker.conn.close()
        self._workers = []

    def run(self, work: Callable[[Any], Iterable[Any]], payloads: list[Any],
            ahead: int = 16) -> Iterator[tuple[int, str, Any]]:
        """Tasks are handed out in order, never more than `ahead` past the oldest unfinished
        one, so that a consumer writing results in order buffers at most that many."""
        from multiprocessing.connection import wait

        self._workers = [_Worker(self._context, work) for _ in range(min(self._size, len(payloads)))]
        pending = list(range(len(payloads)))[::-1]  # popped from the end: in order
        unfinished: set[int] = set()
        while self._workers:
            oldest = min(unfinished) if unfinished else (pending[-1] if pending else 0)
            for worker in self._workers:
                while pending and len(worker.tasks) < IN_FLIGHT and pending[-1] < oldest + ahead:
                    index = pending.pop()
                    worker.conn.send((index, payloads[index]))
                    worker.tasks.append(index)
                    unfinished.add(index)
            busy = [w for w in self._workers if w.tasks]
            if not busy:
                break
            ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy])
            for worker in busy:
                if worker.conn in ready:
                    try:
                        while worker.conn.poll():
                            index, kind, value = worker.conn.recv()
                            if kind != _ITEM:
                                worker.tasks.remove(index)
                                unfinished.discard(index)
                            yield index, kind, value
                    except (EOFError, OSError):
                        pass  # it died: seen through its sentinel below
                if worker.process.sentinel in ready and not worker.process.is_alive():
                    unfinished.difference_update(worker.tasks)
                    yield from self._replace(worker, work)
        for index in reversed(pending):  # every worker died, and so did their replacements
            yield index, _FAILED, "no worker process left"

    def _replace(self, dead: _Worker, work) -> Iterator[tuple[int, str, Any]]:
        code = dead.process.exitcode
        why = f"killed by signal {-code}" if code is not None and code < 0 else f"exit status {code}"
        for index in dead.tasks:
            yield index, _FAILED, f"worker process died ({why})"
        dead.conn.close()
        self._workers.remove(dead)
        if self._respawns > 0:
            self._respawns -= 1
            self._workers.append(_Worker(self._context, work))


def group_processes(pgid: int) -> list[int]:
    """Live (not zombie) processes of a process group, read from /proc (Linux): how the
    tests and benchmarks/hostile.py check that a run left no worker behind."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z" and int(fields[2]) == pgid:
            found.append(int(entry))
    return found
