"""``eventcoder export``: the store in standard shapes (mappings in docs/exports.md).

- ``parquet``: one folder per table, partitioned by month (``month=YYYY-MM``, Hive style);
- ``csv``: one file per table (``events.csv``, ``mentions.csv``, ``quantities.csv``...);
- ``gdelt``: linked events as a CSV with GDELT 2.0 event-table column names;
- ``plover``: linked events as PLOVER JSON Lines (the PLOVER manual's field names);
- ``acled``: political violence, protest and strategic events as an ACLED-like flat table.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import click
import pyarrow as pa

from eventcoder.datafiles import read_rows
from eventcoder.safe_output import csv_cell
from eventcoder.store.base import Store

__all__ = ["EXPORTS", "TABLES", "acled_rows", "export_command", "gdelt_rows", "plover_records"]

TABLES = {
    "events": "linked_events",
    "mentions": "event_mentions",
    "claims": "claims",
    "quantities": "quantities",
    "polls": "polls",
    "conflicts": "conflicts",
    "documents": "documents",
}
EXPORTS = ("parquet", "csv", "gdelt", "plover", "acled")
_DATA = Path(__file__).resolve().parent.parent / "data" / "store"
_EVENTS = (
    "SELECT e.*, r.started_at AS coded_at FROM linked_events e "
    "LEFT JOIN runs r ON r.run_id = e.run_id ORDER BY coalesce(e.date_start, e.date_end, "
    "e.doc_date) NULLS LAST, e.event_id"
)


def _rows(store: Store, sql: str) -> Iterator[dict[str, Any]]:
    yield from store.query_arrow(sql).to_pylist()


def _day(row: dict[str, Any]) -> dt.date | None:
    return row.get("date_start") or row.get("date_end") or row.get("doc_date")


def _list(value: Any) -> list[Any]:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return [value]
    return list(value or [])


# -- GDELT 2.0 ---------------------------------------------------------------------------

GDELT_COLUMNS = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1Type1Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2Type1Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "DATEADDED",
    "SOURCEURL",
]


def _geo_type(row: dict[str, Any]) -> int | None:
    if row.get("location_lat") is not None:
        return 4  # GDELT: a city or landmark with coordinates
    return 1 if row.get("location_country") else None  # 1: a country


def gdelt_rows(store: Store) -> Iterator[dict[str, Any]]:
    """Linked, non-negated events with GDELT 2.0 event-table column names."""
    for row in _rows(store, _EVENTS):
        day = _day(row)
        if row["negated"] or not row["cameo"]:
            continue  # GDELT codes no negated events
        cameo = row["cameo"]
        added = row.get("coded_at")
        yield {
            "GLOBALEVENTID": row["event_id"],
            "SQLDATE": day.strftime("%Y%m%d") if day else None,
            "MonthYear": day.strftime("%Y%m") if day else None,
            "Year": day.year if day else None,
            "FractionDate": round(day.year + (day.timetuple().tm_yday - 1) / 365, 4)
            if day
            else None,
            "Actor1Code": row["source_code"],
            "Actor1Name": (row["source_text"] or "").upper() or None,
            "Actor1CountryCode": row["source_country"],
            "Actor1Type1Code": row["source_sector"],
            "Actor2Code": row["target_code"],
            "Actor2Name": (row["target_text"] or "").upper() or None,
            "Actor2CountryCode": row["target_country"],
            "Actor2Type1Code": row["target_sector"],
            "IsRootEvent": int(row["sentence"] == 0),
            "EventCode": cameo,
            "EventBaseCode": cameo[:3],
            "EventRootCode": cameo[:2],
            "QuadClass": row["quad_class"],
            "GoldsteinScale": row["goldstein"],
            "NumMentions": row["num_mentions"],
            "NumSources": row["num_sources"],
            "NumArticles": row["num_articles"],
            "ActionGeo_Type": _geo_type(row),
            "ActionGeo_FullName": row["location"],
            "ActionGeo_CountryCode": row["location_country"],
            "ActionGeo_Lat": row["location_lat"],
            "ActionGeo_Long": row["location_lon"],
            "DATEADDED": added.strftime("%Y%m%d%H%M%S") if added else None,
            "SOURCEURL": row["doc_url"],
        }


# -- PLOVER ------------------------------------------------------------------------------


def _entity(row: dict[str, Any], side: str) -> list[dict[str, Any]]:
    if not row[f"{side}_text"] and not row[f"{side}_code"]:
        return []
    entity = {
        "code": row[f"{side}_country"],
        "sector": row[f"{side}_sector"],
        "entity_text": row[f"{side}_text"],
        "identifier_text": row[f"{side}_code"],
    }
    return [{k: v for k, v in entity.items() if v is not None}]


def plover_records(store: Store) -> Iterator[dict[str, Any]]:
    """Linked events as PLOVER JSON objects (id, date, actor, recipient, event, ...)."""
    from eventcoder import __version__

    for row in _rows(store, _EVENTS):
        day = _day(row)
        record: dict[str, Any] = {
            "id": row["event_id"],
            "date": day.isoformat() if day else None,
            "enddate": row["date_end"].isoformat() if row["date_end"] else None,
            "actor": _entity(row, "source"),
            "recipient": _entity(row, "target"),
            "event": [row["plover"]] if row["plover"] else [],
            "mode": [row["plover_mode"]] if row["plover_mode"] else [],
            "context": _list(row["plover_context"]),
            "quad_code": row["quad_class"],
            "event_scale": row["goldstein"],
            "event_text": [row["trigger"]] if row["trigger"] else [],
            "text_info": {
                "sequence": row["sentence"],
                "start": row["span_start"],
                "end": row["span_end"],
            },
            "cite_info": {
                "source": row["news_source"],
                "url": row["doc_url"],
                "headline": row["doc_title"],
                "date": row["doc_date"].isoformat() if row["doc_date"] else None,
            },
            "coder": f"eventcoder {__version__}",
            "coded_date": row["coded_at"].date().isoformat() if row.get("coded_at") else None,
            "cameo": row["cameo"],
            "negated": row["negated"],
            "modality": row["modality"],
            "confidence": row["confidence"],
            "date_granularity": row["date_granularity"],
            "num_mentions": row["num_mentions"],
            "num_sources": row["num_sources"],
            "num_articles": row["num_articles"],
        }
        if row["location"]:
            record["event_loc"] = {
                "placename": row["location"],
                "country": row["location_country"],
                "lat": row["location_lat"],
                "lon": row["location_lon"],
            }
        yield record


# -- ACLED -------------------------------------------------------------------------------

ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "country",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]
_TIME_PRECISION = {"day": 1, "week": 2}  # anything coarser: 3
# ACLED interaction codes by sector: 1 state forces, 2 rebels, 3 political militias,
# 5 rioters, 6 protesters, 7 civilians, 8 external/other forces.
_INTER = {
    "GOV": 1,
    "MIL": 1,
    "COP": 1,
    "SPY": 1,
    "JUD": 1,
    "REB": 2,
    "INS": 2,
    "UAF": 3,
    "OPP": 3,
    "CVL": 7,
    "MED": 7,
    "EDU": 7,
    "BUS": 7,
    "LAB": 7,
    "REF": 7,
    "IGO": 8,
    "NGO": 8,
}


@lru_cache(maxsize=1)
def _acled_types() -> dict[tuple[str, str], tuple[str, str, str]]:
    rows = read_rows(_DATA / "acled_types.tsv", 5)
    return {(c[0], c[1]): (c[2], c[3], c[4]) for _, c in rows}


def acled_type(cameo: str | None, target_sector: str | None) -> tuple[str, str, str] | None:
    """(event_type, sub_event_type, disorder_type) for a CAMEO code, None if out of scope."""
    table = _acled_types()
    for length in range(len(cameo or ""), 1, -1):
        prefix = (cameo or "")[:length]
        found = table.get((prefix, target_sector or "")) or table.get((prefix, "*"))
        if found:
            return found
    return None


def _inter(row: dict[str, Any], side: str, event_type: str) -> int | None:
    sector = row[f"{side}_sector"]
    if side == "source" and event_type in ("Protests", "Riots") and sector not in _INTER:
        return 6 if event_type == "Protests" else 5
    return _INTER.get(sector or "")


def _interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: both codes, smaller first (17); one actor alone: 10, 20..."""
    codes = sorted(i for i in (inter1, inter2) if i)
    if not codes:
        return None
    return codes[0] * 10 if len(codes) == 1 else codes[0] * 10 + codes[1]


def acled_rows(store: Store) -> Iterator[dict[str, Any]]:
    """Linked, non-negated events in ACLED's scope, as ACLED-like rows."""
    for row in _rows(store, _EVENTS):
        kind = acled_type(row["cameo"], row["target_sector"])
        if kind is None or row["negated"]:
            continue
        event_type, sub_type, disorder = kind
        day = _day(row)
        inter1, inter2 = _inter(row, "source", event_type), _inter(row, "target", event_type)
        lat = row["location_lat"]
        geo = 1 if lat is not None else 2 if row["location"] else 3
        violent = disorder == "Political violence"
        added = row.get("coded_at")
        yield {
            "event_id_cnty": row["event_id"],
            "event_date": day.isoformat() if day else None,
            "year": day.year if day else None,
            "time_precision": _TIME_PRECISION.get(row["date_granularity"] or "", 3),
            "disorder_type": disorder,
            "event_type": event_type,
            "sub_event_type": sub_type,
            "actor1": row["source_text"] or row["source_code"],
            "assoc_actor_1": None,
            "inter1": inter1,
            "actor2": row["target_text"] or row["target_code"],
            "assoc_actor_2": None,
            "inter2": inter2,
            "interaction": _interaction(inter1, inter2),
            "civilian_targeting": "Civilian targeting"
            if violent and row["target_sector"] == "CVL"
            else None,
            "country": row["location_country"] or row["target_country"] or row["source_country"],
            "location": row["location"],
            "latitude": lat,
            "longitude": row["location_lon"],
            "geo_precision": geo,
            "source": row["news_source"],
            "notes": row["sentence_text"],
            "fatalities": None,
            "tags": f"cameo={row['cameo']}; mentions={row['num_mentions']}",
            "timestamp": int(added.replace(tzinfo=dt.UTC).timestamp()) if added else None,
        }


# -- files -------------------------------------------------------------------------------


def _write_csv(path: Path, columns: list[str], rows: Iterator[dict[str, Any]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: "" if v is None else csv_cell(v) for k, v in row.items()})
            count += 1
    return count


def _month(table: pa.Table, name: str) -> pa.Array:
    column = {"documents": "date", "conflicts": None}.get(name, "date_start")
    if column is None or column not in table.column_names:
        return pa.array(["unknown"] * table.num_rows)
    days = table.column(column).to_pylist()
    if "date_end" in table.column_names:
        days = [d or e for d, e in zip(days, table.column("date_end").to_pylist(), strict=True)]
    return pa.array([d.strftime("%Y-%m") if d else "unknown" for d in days])


def export_tables(store: Store, folder: Path, fmt: str) -> dict[str, int]:
    """Every table to ``folder``: Parquet partitioned by month, or one CSV each."""
    import pyarrow.dataset as ds

    from eventcoder.store.output import write_result

    counts = {}
    for name, view in TABLES.items():
        table = store.query_arrow(f"SELECT * FROM {view}")
        counts[name] = table.num_rows
        if fmt == "csv":
            write_result(table, "csv", folder / f"{name}.csv")
            continue
        if table.num_rows == 0:  # an empty table still gets its folder and schema
            import pyarrow.parquet as pq

            (folder / name).mkdir(parents=True, exist_ok=True)
            pq.write_table(table, folder / name / "empty.parquet")
            continue
        table = table.append_column("month", _month(table, name))
        ds.write_dataset(
            table,
            folder / name,
            format="parquet",
            partitioning=ds.partitioning(pa.schema([("month", pa.string())]), flavor="hive"),
            existing_data_behavior="delete_matching",
        )
    return counts


def export(store: Store, fmt: str, output: Path) -> dict[str, int]:
    """Write the export ``fmt`` to ``output`` (a folder for parquet and csv); row counts."""
    if fmt in ("parquet", "csv"):
        output.mkdir(parents=True, exist_ok=True)
        return export_tables(store, output, fmt)
    output.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "gdelt":
        return {"events": _write_csv(output, GDELT_COLUMNS, gdelt_rows(store))}
    if fmt == "acled":
        return {"events": _write_csv(output, ACLED_COLUMNS, acled_rows(store))}
    count = 0
    with output.open("w", encoding="utf-8") as handle:
        for record in plover_records(store):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return {"events": count}


_DEFAULT_NAMES = {
    "parquet": "export-parquet",
    "csv": "export-csv",
    "gdelt": "events.gdelt.csv",
    "plover": "events.plover.jsonl",
    "acled": "events.acled.csv",
}


@click.command("export")
@click.option("--db", default="eventcoder.duckdb", show_default=True, help="Store to export.")
@click.option("--format", "fmt", type=click.Choice(EXPORTS), required=True, help="Export shape.")
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    help="File (gdelt, plover, acled) or folder (parquet, csv); a default name here.",
)
@click.option("--wait", is_flag=True, help="Wait while another process writes the DuckDB file.")
def export_command(db: str, fmt: str, output: Path | None, wait: bool) -> None:
    """Export the store: parquet (by month), csv, gdelt, plover or acled (see docs/exports.md)."""
    from eventcoder.store.cli import _open, _run

    target = output or Path(_DEFAULT_NAMES[fmt])

    def action() -> dict[str, int]:
        with _open(db, wait=wait) as store:
            return export(store, fmt, target)

    counts = _run(action)
    click.echo(
        f"eventcoder export: {fmt} -> {target}: "
        + ", ".join(f"{k} {v}" for k, v in counts.items()),
        err=True,
    )
