"""Where coding runs: in this process, on every local core, or on a Dask cluster.

Every runner calls the same pure per-batch function, :func:`code_batch` (documents in,
one :class:`DocumentResult` per document out), and yields outcomes in input order, so the
records of a run do not depend on where it ran. The Dask runner lives in
``eventcoder.runners.cluster`` and is imported only when used.
"""

from eventcoder.runners.batch import CodeFn, DocumentResult, code_batch, code_one, load_code
from eventcoder.runners.local import Batcher, InProcess, LocalPool, available_cores, run_ordered
from eventcoder.runners.progress import Progress, count_documents

__all__ = [
    "Batcher",
    "CodeFn",
    "DocumentResult",
    "InProcess",
    "LocalPool",
    "Progress",
    "available_cores",
    "code_batch",
    "code_one",
    "count_documents",
    "load_code",
    "run_ordered",
]
