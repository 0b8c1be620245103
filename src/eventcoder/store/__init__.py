"""Where records live: embedded DuckDB (default) or PostgreSQL; Parquet/CSV/JSONL exports.

``open_store(url)`` picks the back-end from the URL: a path ending in ``.duckdb`` (or any
plain path) is DuckDB, ``postgresql://...`` is PostgreSQL.
"""

from __future__ import annotations

from eventcoder.errors import ConfigError, Errors
from eventcoder.store.base import Store

__all__ = ["Store", "open_store"]


def open_store(url: str) -> Store:
    """Open (creating if needed) the store at ``url``."""
    if url.startswith(("postgresql://", "postgres://")):
        from eventcoder.store.postgres import PostgresStore

        return PostgresStore(url)
    if "://" in url:
        raise ConfigError(Errors.E201.format(url=url))
    from eventcoder.store.duck import DuckDBStore

    return DuckDBStore(url)
