"""Write records to JSON Lines, CSV or Parquet files (per-kind tables for the tabular ones)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO

import pandas as pd

from eventcoder.records import Record
from eventcoder.safe_output import csv_cell

__all__ = ["records_to_frame", "write_jsonl", "write_tables"]


_PLURAL = {"quantity": "quantities"}


def write_jsonl(records: Iterable[Record], handle: IO[str]) -> int:
    """One JSON object per line, in the output contract's form."""
    count = 0
    for record in records:
        handle.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count


def records_to_frame(records: Iterable[Record], kind: str | None = None) -> pd.DataFrame:
    """A flat DataFrame (nested fields joined with '.'), optionally of one record kind."""
    rows = [r.to_dict() for r in records if kind is None or r.KIND == kind]
    return pd.json_normalize(rows, sep=".") if rows else pd.DataFrame()


def write_tables(records: Iterable[Record], folder: Path, fmt: str = "parquet") -> list[Path]:
    """One file per record kind (``events.parquet``, ``quantities.csv``...) in ``folder``.

    For a store, ``eventcoder export`` (``eventcoder.store.exports``) writes the same tables
    with linked events and dates as dates."""
    folder.mkdir(parents=True, exist_ok=True)
    by_kind: dict[str, list[Record]] = {}
    for record in records:
        by_kind.setdefault(record.KIND, []).append(record)
    written = []
    for kind, group in by_kind.items():
        frame = records_to_frame(group)
        # Lists and dicts (warnings, members, context) go out as JSON text for CSV/Parquet.
        for column in frame.columns:
            if frame[column].map(lambda v: isinstance(v, (list, dict))).any():
                frame[column] = frame[column].map(
                    lambda v: json.dumps(v) if isinstance(v, (list, dict)) else v
                )
        path = folder / f"{_PLURAL.get(kind, kind + 's')}.{fmt}"
        if fmt == "parquet":
            frame.to_parquet(path, index=False)
        else:
            frame.map(csv_cell).to_csv(path, index=False)  # no spreadsheet formulas
        written.append(path)
    return written
