"""Reading our tab-separated data files: ``#`` starts a comment line, blank lines are skipped.

Dictionaries and code tables are data files (DESIGN.md); each has one loader in the module
that uses it, and every loader reads rows through here, so a missing file or a short row is
reported the same way everywhere: which file, which line, what is wrong.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from eventcoder.errors import Errors, InputError, ModelError

__all__ = ["read_checked_jsonl", "read_rows", "read_word_classes", "read_words"]

T = TypeVar("T")


def read_rows(path: Path, columns: int, pad: bool = False) -> list[tuple[int, list[str]]]:
    """(line number, columns) for each data row of ``path``.

    A row with fewer than ``columns`` columns is an error, or, with ``pad``, is filled with
    empty strings (for files whose trailing columns are optional).
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ModelError(Errors.E103.format(path=path, line=0, detail=exc.strerror or exc)) from exc
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < columns:
            if not pad:
                raise ModelError(
                    Errors.E103.format(
                        path=path, line=number, detail=f"expected {columns} tab-separated columns"
                    )
                )
            cols += [""] * (columns - len(cols))
        rows.append((number, cols))
    return rows


def read_words(path: Path) -> frozenset[str]:
    """The words or phrases of a one-column list, lower case."""
    return frozenset(cols[0].strip().lower() for _, cols in read_rows(path, 1))


def read_word_classes(path: Path) -> dict[str, frozenset[str]]:
    """Class -> its words, from rows ``class<TAB>word word ...`` (a class may take many rows)."""
    out: dict[str, set[str]] = {}
    for _, cols in read_rows(path, 2):
        out.setdefault(cols[0].strip(), set()).update(cols[1].split())
    return {name: frozenset(words) for name, words in out.items()}


def read_checked_jsonl(path: Path, check: Callable[[Any], T], missing: str, bad: str) -> list[T]:
    """The items of a JSON Lines gold file, each passed through ``check``.

    ``check`` returns the item to keep, or raises ValueError, KeyError, TypeError or
    IndexError for a bad one. ``missing`` (formatted with ``path``) and ``bad`` (with
    ``path``, ``line`` and ``detail``) are the evaluation's own error messages; both are
    raised as ``InputError``. Blank lines are skipped.
    """
    if not path.exists():
        raise InputError(missing.format(path=path))
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            items.append(check(json.loads(line)))
        except (ValueError, KeyError, TypeError, IndexError) as exc:
            detail = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
            raise InputError(bad.format(path=path, line=number, detail=detail)) from exc
    return items
