"""Where records live: embedded DuckDB (default) or PostgreSQL; Parquet/CSV/JSONL exports.

``open_store(url)`` picks the back-end from the URL: a path ending in ``.duckdb`` (or any
plain path) is DuckDB, ``postgresql://...`` is PostgreSQL.
"""

from __future__ import annotations

import re

from eventcoder.errors import ConfigError, Errors
from eventcoder.store.base import BatchWriter, Store

__all__ = ["BatchWriter", "Store", "open_store", "redact"]


def open_store(url: str, read_only: bool = False, wait: float = 0.0) -> Store:
    """Open the store at ``url``, creating or migrating it unless ``read_only``.

    ``wait`` is how many seconds to wait for a DuckDB file that another process holds
    (0: fail at once with a message naming the lock).
    """
    if url.startswith(("postgresql://", "postgres://")):
        from eventcoder.store.postgres import PostgresStore

        return PostgresStore(url, read_only=read_only, wait=wait)
    if "://" in url:
        raise ConfigError(Errors.E201.format(url=redact(url)))
    from eventcoder.store.duck import DuckDBStore

    return DuckDBStore(url, read_only=read_only, wait=wait)


_SECRET = re.compile(r"(?i)\b(password|passwd|pwd)\s*=\s*('[^']*'|[^\s&;]+)")


def redact(text: str) -> str:
    """``text`` with every password hidden: in URLs (``postgresql://user:***@host``) and in
    ``password=...`` settings, so no message ever shows one."""
    text = _SECRET.sub(lambda m: f"{m.group(1)}=***", text)
    return re.sub(r"(\w+://[^/\s:@]*:)[^@\s]*@", r"\1***@", text)
