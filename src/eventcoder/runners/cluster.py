"""Run :func:`~eventcoder.runners.batch.code_batch` on a Dask cluster.

Each worker loads the coder once, through a worker plugin (also on workers that join
later); the client reads the input as a stream, sends batches with a few per worker in
flight, and yields the outcomes in input order, so a run on a cluster gives the records
of a run in one process. Without a scheduler address a local cluster of ``workers``
single-threaded processes is started.

Needs the ``dask`` extra: ``pip install 'eventcoder[dask]'``.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Self, cast

from eventcoder.errors import Errors, EventcoderError
from eventcoder.runners.batch import DocumentResult, code_batch, load_code
from eventcoder.runners.local import Batcher, run_ordered

__all__ = ["PLUGIN_NAME", "CoderPlugin", "DaskRunner", "coder_plugin"]

if TYPE_CHECKING:
    from distributed import WorkerPlugin
else:
    try:
        from distributed import WorkerPlugin
    except ImportError:  # the dask extra is not installed: --engine dask says so (E060)
        WorkerPlugin = object

log = logging.getLogger(__name__)

PLUGIN_NAME = "eventcoder-coder"


def _distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise EventcoderError(Errors.E060.format(detail=exc)) from None
    return distributed


class CoderPlugin(WorkerPlugin):
    """Loads the coder (with ``stages``) once on each worker, when the worker starts or
    joins the cluster; the tasks use it from there."""

    name = PLUGIN_NAME

    def __init__(self, coder_args: tuple[Any, ...] = ()) -> None:
        self.coder_args = coder_args  # load_code's arguments (dictionary files must be
        self.code: Any = None  # readable on the workers)

    def setup(self, worker: Any) -> None:
        self.code = load_code(*self.coder_args)


def coder_plugin(coder_args: tuple[Any, ...] = ()) -> CoderPlugin:
    """The worker plugin for ``load_code(*coder_args)`` (checks distributed is installed)."""
    _distributed()
    return CoderPlugin(coder_args)


def _code_on_worker(index: int, documents: list[Any], batch_fn: Any) -> list[DocumentResult]:
    """The task: code one batch with the coder the plugin loaded on this worker."""
    from distributed import get_worker

    plugin = cast(CoderPlugin, get_worker().plugins[PLUGIN_NAME])
    if plugin.code is None:  # a worker that missed its setup: load once here
        plugin.code = load_code(*plugin.coder_args)
    if batch_fn is not None:
        return batch_fn(index, documents, plugin.code)
    return code_batch(documents, plugin.code)


class DaskRunner:
    """A connection to a Dask cluster (or a local one it started); a context manager."""

    def __init__(
        self,
        scheduler: str | None = None,
        workers: int = 2,
        coder_args: tuple[Any, ...] = (),
        batch_fn: Any = None,
    ) -> None:
        distributed = _distributed()
        self.cluster = None
        self.batch_fn = batch_fn
        try:
            if scheduler:
                self.client = distributed.Client(scheduler, timeout="30s")
            else:
                if workers < 1:
                    raise EventcoderError(Errors.E063.format(value=workers))
                if logging.getLogger().getEffectiveLevel() >= logging.WARNING:
                    logging.getLogger("distributed").setLevel(logging.WARNING)
                    # "still alive after 4 seconds, killing": a worker slow to unload its
                    # pipeline at the end of a local run, nothing the user must act on
                    logging.getLogger("distributed.nanny").setLevel(logging.ERROR)
                import dask

                # the workers' statistical profiler samples every thread 100 times a
                # second: measured, 9% more CPU time per word for a dashboard view
                with dask.config.set({"distributed.worker.profile.enabled": False}):
                    self.cluster = distributed.LocalCluster(
                        n_workers=workers,
                        threads_per_worker=1,
                        processes=True,
                        dashboard_address=":0",  # any free port: never clash with another run
                        silence_logs=logging.WARNING,
                    )
                self.client = distributed.Client(self.cluster)
        except (OSError, TimeoutError) as exc:
            self.close()
            raise EventcoderError(
                Errors.E061.format(address=scheduler or "a local cluster", detail=exc)
            ) from None
        self.client.register_plugin(coder_plugin(coder_args), name=PLUGIN_NAME)
        self.run_id = uuid.uuid4().hex[:8]

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Disconnect, and stop the local cluster if this runner started one."""
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
        if self.cluster is not None:
            self.cluster.close()

    @property
    def threads(self) -> int:
        """Worker threads in the cluster now (each codes one batch at a time)."""
        return max(1, sum(self.client.nthreads().values()))

    def submit(self, index: int, documents: list[Any]) -> Any:
        """Send batch ``index`` to the cluster."""
        return self.client.submit(
            _code_on_worker,
            index,
            documents,
            self.batch_fn,
            key=f"eventcoder-{self.run_id}-{index}",
            pure=False,
        )

    @staticmethod
    def result(future: Any) -> list[DocumentResult]:
        """Wait for a batch; a batch that killed its workers is an E062 error."""
        try:
            results = future.result()
        except Exception as exc:  # KilledWorker, a lost scheduler: stop, resume later
            if isinstance(exc, EventcoderError):
                raise
            detail = f"{type(exc).__name__}: {exc}"
            raise EventcoderError(Errors.E062.format(detail=detail)) from None
        finally:
            future.release()
        return results

    def run(self, items: Iterable[Any], batcher: Batcher) -> Iterator[Any]:
        """Outcomes in input order, with two batches per worker thread in flight."""
        return run_ordered(items, self.submit, self.result, batcher, window=2 * self.threads)
