"""Query results out: a readable table, CSV, JSON Lines or Parquet.

User text is shown as written on a terminal (no markup, no control characters) and never
becomes a spreadsheet formula in CSV (``eventcoder.safe_output``)."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

import pyarrow as pa

from eventcoder.errors import ConfigError, Errors
from eventcoder.safe_output import csv_cell, terminal_text

__all__ = ["FORMATS", "write_result"]

FORMATS = ("table", "csv", "jsonl", "parquet")
_LISTS = {"warnings", "plover_context", "caveats", "members"}


def _plain(name: str, value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if name in _LISTS and isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _table(result: pa.Table, handle: IO[str], columns: Sequence[str] | None) -> None:
    from rich.console import Console
    from rich.table import Table

    names = [c for c in (columns or result.column_names) if c in result.column_names]
    table = Table(*names, title=f"{result.num_rows} rows", title_justify="left")
    for row in result.select(names).to_pylist():
        table.add_row(*(terminal_text(_plain("", row[n]), 60) for n in names))
    Console(file=handle, width=200).print(table)


def write_result(
    result: pa.Table,
    fmt: str,
    output: Path | None = None,
    table_columns: Sequence[str] | None = None,
) -> None:
    """Write ``result`` to ``output`` (standard output when None; Parquet needs a file)."""
    if fmt not in FORMATS:
        raise ConfigError(
            Errors.E225.format(value=fmt, option="--format", expected=", ".join(FORMATS))
        )
    if fmt == "parquet":
        if output is None:
            raise ConfigError(
                Errors.E229.format(path="standard output", detail="Parquet needs --output FILE")
            )
        import pyarrow.parquet as pq

        _ensure_parent(output)
        pq.write_table(result, output)
        return
    handle = _open(output)
    try:
        if fmt == "table":
            _table(result, handle, table_columns)
        elif fmt == "jsonl":
            for row in result.to_pylist():
                data = {k: _plain(k, v) for k, v in row.items()}
                handle.write(json.dumps(data, ensure_ascii=False, default=str) + "\n")
        else:
            writer = csv.writer(handle)
            writer.writerow(result.column_names)
            for row in result.to_pylist():
                writer.writerow(
                    ["" if v is None else csv_cell(_plain("", v)) for v in row.values()]
                )
    finally:
        if output is not None:
            handle.close()
        else:
            handle.flush()


def _ensure_parent(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(Errors.E229.format(path=path, detail=exc.strerror or exc)) from None


def _open(output: Path | None) -> IO[str]:
    if output is None:
        return sys.stdout
    _ensure_parent(output)
    try:
        return output.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        raise ConfigError(Errors.E229.format(path=output, detail=exc.strerror or exc)) from None
