"""The ``--db`` option that every command reading or writing a store takes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

__all__ = ["DEFAULT_DB", "db_option"]

DEFAULT_DB = "eventcoder.duckdb"
F = TypeVar("F", bound=Callable[..., Any])


def db_option(what: str = "Store") -> Callable[[F], F]:
    """``--db PATH|URL`` (default ``eventcoder.duckdb``); ``what`` starts its help line, e.g.
    "Store to check"."""
    return click.option(
        "--db",
        default=DEFAULT_DB,
        show_default=True,
        help=f"{what} (DuckDB path or postgresql:// URL).",
    )
