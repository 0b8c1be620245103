"""Run :func:`~eventcoder.runners.batch.code_batch` here or on every local core.

:func:`run_ordered` streams items (documents and anything else, such as rejections, that
just passes through) and yields one outcome per item in input order. With one worker it
codes in this process; with more, each worker process loads the coder once and batches go
out to them with at most a few batches per worker in flight, so memory stays bounded
whatever the corpus size, and the output is identical to one worker's.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Self

from eventcoder.errors import Errors, EventcoderError
from eventcoder.runners.batch import CodeFn, DocumentResult, code_batch

__all__ = ["Batcher", "InProcess", "LocalPool", "available_cores", "run_ordered"]

CoderFactory = Callable[..., CodeFn]
"""Loads the coder once in a worker: ``factory(*args) -> CodeFn``."""

BatchFn = Callable[[int, list[Any]], list[DocumentResult]]
"""Codes batch number ``index`` (its documents) wherever a runner puts it."""


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@dataclass
class Batcher:
    """Groups a stream into batches of documents, keeping every other item in its place.

    A batch closes at ``max_docs`` documents or ``max_chars`` characters of text, so a
    few long documents do not make one worker's batch much longer than the others.
    """

    is_document: Callable[[Any], bool]
    max_docs: int = 16
    max_chars: int = 60_000

    def batches(self, items: Iterable[Any]) -> Iterator[tuple[list[Any], list[Any]]]:
        """(items of the batch in order, the documents among them), in input order."""
        members: list[Any] = []
        documents: list[Any] = []
        chars = 0
        for item in items:
            members.append(item)
            if self.is_document(item):
                documents.append(item)
                chars += len(item.text)
                if len(documents) >= self.max_docs or chars >= self.max_chars:
                    yield members, documents
                    members, documents, chars = [], [], 0
        if members:
            yield members, documents


def _merge(
    members: list[Any], results: list[DocumentResult], is_document
) -> Iterator[tuple[Any, DocumentResult | None]]:
    """The batch's outcomes in input order: ``(item, its result)`` for each document,
    ``(item, None)`` for anything else."""
    found = iter(results)
    for item in members:
        yield item, (next(found) if is_document(item) else None)


def run_ordered(
    items: Iterable[Any],
    submit: Callable[[int, list[Any]], Any],
    result: Callable[[Any], list[DocumentResult]],
    batcher: Batcher,
    window: int,
) -> Iterator[Any]:
    """Yield ``(item, result or None)`` per item in input order, with at most ``window``
    batches in flight.

    ``submit(index, documents)`` starts batch ``index`` somewhere and returns a handle;
    ``result(handle)`` waits for its results. The runners differ only in these two.
    """
    pending: deque[tuple[Any, list[Any]]] = deque()
    index = 0
    for members, documents in batcher.batches(items):
        handle = submit(index, documents) if documents else None
        index += 1 if documents else 0
        pending.append((handle, members))
        while len(pending) > window:
            yield from _finish(pending.popleft(), result, batcher.is_document)
    while pending:
        yield from _finish(pending.popleft(), result, batcher.is_document)


def _finish(entry: tuple[Any, list[Any]], result, is_document) -> Iterator[Any]:
    handle, members = entry
    results = result(handle) if handle is not None else []
    yield from _merge(members, results, is_document)


# --- local processes -------------------------------------------------------------------

_WORKER: dict[str, Any] = {}  # the coder of this worker process, loaded once


def _init_worker(
    factory: CoderFactory, args: tuple[Any, ...], batch_fn: Any, parent: int, barrier: Any
) -> None:
    os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core per worker
    _exit_with_parent(parent)
    _WORKER["barrier"] = barrier  # passed at start: sync objects cannot travel with tasks
    try:
        _WORKER["code"] = factory(*args)
    except Exception as exc:  # noqa: BLE001 - raised again in the parent by _ready
        _WORKER["error"] = exc
    _WORKER["batch"] = batch_fn


def _exit_with_parent(parent: int, every: float = 0.5) -> None:
    """End this worker as soon as the run that started it dies (killed, out of memory),
    rather than coding on for nobody: at once through the kernel on Linux, else within
    ``every`` seconds."""
    if sys.platform == "linux":
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="eventcoder-parent-watch", daemon=True).start()


def _ready() -> bool:
    """Wait until every worker has loaded its coder (each takes one of these tasks)."""
    if "error" in _WORKER:
        _WORKER["barrier"].abort()  # the others need not wait: the run stops here
        raise _WORKER["error"]
    _WORKER["barrier"].wait(timeout=600)
    return True


def _work(index: int, documents: list[Any]) -> list[DocumentResult]:
    batch_fn = _WORKER["batch"]
    if batch_fn is not None:
        return batch_fn(index, documents, _WORKER["code"])
    return code_batch(documents, _WORKER["code"])


def _context() -> Any:
    """Fork where it is safe and fast (Linux: workers start at once, and a coder given as a
    closure needs no pickling); spawn elsewhere."""
    if sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


class LocalPool:
    """Worker processes that each load the coder once; a context manager.

    ``batch_fn(index, documents, code)``, when given, replaces plain :func:`code_batch` in
    the workers (to write each batch's Parquet partition where it was coded).
    """

    def __init__(
        self,
        workers: int,
        factory: CoderFactory,
        args: tuple[Any, ...] = (),
        batch_fn: Any = None,
    ) -> None:
        if workers < 1:
            raise EventcoderError(Errors.E063.format(value=workers))
        self.workers = workers
        context = _context()
        barrier = context.Barrier(workers)
        self.executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_init_worker,
            initargs=(factory, args, batch_fn, os.getpid(), barrier),
        )
        # Start the workers now (before any thread of a progress bar or store exists, so
        # they fork from a quiet process), wait until every one has loaded its coder, and
        # fail here if the coder cannot load.
        ready = [self.executor.submit(_ready) for _ in range(workers)]
        errors: list[BaseException] = []
        for future in ready:
            try:
                self.result(future)
            except Exception as exc:  # noqa: BLE001 - a worker error, or a broken wait
                errors.append(exc)
        if errors:
            self.executor.shutdown(wait=True, cancel_futures=True)
            raise next((e for e in errors if isinstance(e, EventcoderError)), errors[0])

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers (at once when the run failed or was interrupted)."""
        self.executor.shutdown(wait=True, cancel_futures=True)

    def submit(self, index: int, documents: list[Any]) -> Future:
        """Send batch ``index`` to a worker."""
        return self.executor.submit(_work, index, documents)

    @staticmethod
    def result(future: Future) -> Any:
        """Wait for a batch; a worker that died (killed, out of memory) is an E062 error."""
        try:
            return future.result()
        except BrokenProcessPool as exc:
            raise EventcoderError(Errors.E062.format(detail=exc or "killed")) from None

    def run(self, items: Iterable[Any], batcher: Batcher) -> Iterator[Any]:
        """Outcomes in input order (see :func:`run_ordered`); two batches per worker in flight."""
        return run_ordered(items, self.submit, self.result, batcher, window=2 * self.workers)


class InProcess:
    """The same outcomes, coded in this process (one worker); a context manager."""

    workers = 1

    def __init__(self, code: CodeFn, batch_fn: Any = None) -> None:
        self.code = code
        self.batch_fn = batch_fn

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def submit(self, index: int, documents: list[Any]) -> list[DocumentResult]:
        """Code batch ``index`` now."""
        if self.batch_fn is not None:
            return self.batch_fn(index, documents, self.code)
        return code_batch(documents, self.code)

    def run(self, items: Iterable[Any], batcher: Batcher) -> Iterator[Any]:
        """Outcomes in input order, each batch coded as it is read."""
        return run_ordered(items, self.submit, lambda results: results, batcher, window=0)
