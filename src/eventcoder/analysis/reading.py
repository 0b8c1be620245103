"""Opening a store for the commands that only read it (``summary``, ``conflicts``): every
failure is one clear message, never a traceback, and no message shows a password."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import click

from eventcoder.errors import Errors, EventcoderError
from eventcoder.store import Store, open_store, redact

__all__ = ["read", "reading_store"]

T = TypeVar("T")


@contextmanager
def reading_store(db: str) -> Iterator[Store]:
    """The store at ``db``, opened read-only; ``click.ClickException`` when it cannot be
    opened or read (missing, locked by a writer, not a store, server down)."""
    if "://" not in db and not Path(db).exists():
        raise click.ClickException(Errors.E223.format(url=db))
    try:
        store = open_store(db, read_only=True)
    except EventcoderError as exc:
        raise click.ClickException(redact(str(exc))) from None
    try:
        yield store
    finally:
        store.close()


def read(db: str, what: Callable[[], T]) -> T:
    """Run ``what`` (a query), turning a store error into one clear message."""
    try:
        return what()
    except click.ClickException:
        raise
    except Exception as exc:  # noqa: BLE001 - each back-end has its own error types
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise click.ClickException(redact(f"cannot read the store {db}: {first}")) from None
