"""The ``runs`` table: one row per ``eventcoder code`` run into a store.

Each row says which coder version and which dictionaries (a hash of the data files) wrote
the records, when, with what command, and how many documents and records it stored;
``records.run_id`` points at it. A run that was killed keeps ``status = 'running'``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from eventcoder.store.base import Store

__all__ = ["dictionaries_hash", "finish_run", "start_run"]

_DATA = Path(__file__).resolve().parent.parent / "data"


def dictionaries_hash(user_files: Iterable[Path] = ()) -> str:
    """SHA-256 (16 hex digits) over the coder's data files (actors, events, claims, time)
    and, in order, the user dictionary files of the run (``--actors``, ``--verbs``)."""
    files = tuple(user_files)
    if not files:
        return _bundled_hash()
    digest = hashlib.sha256(_bundled_hash().encode())
    for path in files:
        digest.update(str(path).encode())
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def _bundled_hash() -> str:
    digest = hashlib.sha256()
    for path in sorted(_DATA.rglob("*")):
        if path.is_file() and "gold" not in path.relative_to(_DATA).parts:
            digest.update(path.relative_to(_DATA).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)  # UTC, naive


def start_run(store: Store, command: str, user_dictionaries: Iterable[Path] = ()) -> str:
    """Record the start of a run; its id (UTC time and a random suffix). The run's
    ``dictionaries_hash`` covers the bundled data and the ``user_dictionaries`` files."""
    from eventcoder import __version__

    started = _now()
    run_id = f"{started:%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"
    m = store.mark
    store.query(
        "INSERT INTO runs (run_id, started_at, status, coder_version, dictionaries_hash, "
        f"command) VALUES ({m}, {m}, 'running', {m}, {m}, {m})",
        [run_id, started, __version__, dictionaries_hash(user_dictionaries), command[:2000]],
    )
    return run_id


def finish_run(
    store: Store, run_id: str, documents: int, rejected: int, records: int, status: str = "done"
) -> None:
    """Record the end of a run and what it stored."""
    m = store.mark
    store.query(
        f"UPDATE runs SET finished_at = {m}, status = {m}, n_documents = {m}, "
        f"n_rejected = {m}, n_records = {m} WHERE run_id = {m}",
        [_now(), status, documents, rejected, records, run_id],
    )
