"""`eventcoder query|sql|search|export|link` on DuckDB and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from eventcoder.cli import main
from eventcoder.records import Actor, DateInterval, DocumentRecord, EventRecord
from eventcoder.store import open_store
from eventcoder.store.linking import link_events
from eventcoder.store.search import refresh_index

from .records_sample import sample

_TEXT = "The European Union imposed sanctions on Minsk. An air base near the border was hit."
_QUOTED = "d'x\"; DROP TABLE records; --"


def _strike(doc_id: str, n: int, day: str = "2023-05-08") -> EventRecord:
    return EventRecord(
        id=f"{doc_id}:s{n}:e0",
        doc_id=doc_id,
        sentence=n,
        source=Actor("Russian forces", "RUSMIL", "RUS", "MIL"),
        target=Actor("civilians", "UKRCVL", "UKR", "CVL"),
        cameo="195",
        plover="ASSAULT",
        quad_class=4,
        goldstein=-10.0,
        trigger="struck",
        date=DateInterval(day, day, "day"),
        sentence_text="Russian aircraft struck an air base.",
    )


@pytest.fixture(params=["duckdb", "postgres"])
def db(request, tmp_path):
    url = (
        str(tmp_path / "q.duckdb")
        if request.param == "duckdb"
        else request.getfixturevalue("postgres_url")
    )
    with open_store(url) as store:
        for table in ("records", "event_links", "texts"):
            store.query(f"DELETE FROM {table}")
        docs = [
            DocumentRecord(id=d, doc_id=d, source=s, date="2023-05-09", url=f"https://x/{d}")
            for d, s in (("w1", "Wire One"), ("w2", "Wire Two"), (_QUOTED, "Wire One"))
        ]
        store.write(
            sample("d1") + docs + [_strike("w1", 0), _strike("w2", 2), _strike(_QUOTED, 1)],
            texts={"d1": ("Sanctions", _TEXT), "w1": ("Strike", "An air base was struck.")},
        )
        link_events(store)
        refresh_index(store)
    return url


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def _jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def test_query_counts_events_not_mentions(db):
    code, out, _ = _run("query", "events", "--db", db, "--format", "jsonl")
    assert code == 0
    rows = _jsonl(out)
    assert len(rows) == 2
    strike = next(r for r in rows if r["cameo"] == "195")
    assert (strike["num_mentions"], strike["num_articles"], strike["num_sources"]) == (3, 3, 2)
    code, out, _ = _run("query", "mentions", "--db", db, "--format", "jsonl", "--root", "19")
    assert code == 0 and len(_jsonl(out)) == 3


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--actor", "rus"], {"195"}),
        (["--actor", "IGOEU"], {"163"}),
        (["--dyad", "RUSMIL-UKR"], {"195"}),
        (["--dyad", "UKR-RUSMIL"], set()),
        (["--source", "RUS"], {"195"}),
        (["--target", "ukr", "--target", "BLR"], {"163", "195"}),
        (["--source", "UKR"], set()),
        (["--cameo", "16"], {"163"}),
        (["--plover", "assault", "--quad", "4"], {"195"}),
        (["--since", "2023-05-01", "--until", "2023-05-31"], {"195"}),
        (["--until", "2022-03-15"], {"163"}),
        (["--negated"], set()),
        (["--not-negated", "--modality", "asserted"], {"163", "195"}),
        (["--text", "air base"], {"195"}),
        (["--doc", _QUOTED], {"195"}),
    ],
)
def test_event_filters(db, args, expected):
    code, out, err = _run("query", "events", "--db", db, "--format", "csv", *args)
    assert code == 0, err
    assert {row["cameo"] for row in csv.DictReader(io.StringIO(out))} == expected


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["events", "--plover", "NOTATHING"], "E225"),
        (["events", "--modality", "wishful"], "E225"),
        (["events", "--cameo", "1'9"], "E225"),
        (["claims", "--dyad", "RUS-UKR"], "E225"),
        (["events", "--min-confidence", "0.5"], "E226"),
        (["events", "--format", "parquet"], "E229"),
    ],
)
def test_bad_filters_are_clear_errors(db, args, message):
    code, _, err = _run("query", *args, "--db", db)
    assert code == 1 and message in err and "Traceback" not in err


def test_other_kinds_and_formats(db, tmp_path):
    for kind, n in (
        ("claims", 1),
        ("quantities", 1),
        ("polls", 1),
        ("conflicts", 1),
        ("documents", 4),
    ):
        code, out, _ = _run("query", kind, "--db", db, "--format", "jsonl")
        assert code == 0 and len(_jsonl(out)) == n, kind
    code, out, _ = _run("query", "polls", "--db", db, "--format", "jsonl")
    assert _jsonl(out)[0]["caveats"] == ["online sample"]
    code, out, _ = _run("query", "documents", "--db", db, "--text", "sanctions")
    assert code == 0 and "d1" in out
    path = tmp_path / "q" / "events.parquet"
    assert _run("query", "events", "--db", db, "--format", "parquet", "-o", str(path))[0] == 0
    table = pq.read_table(path)
    assert table.num_rows == 2 and str(table.schema.field("date_start").type) == "date32[day]"


def test_sql_reads_and_refuses_writes(db):
    code, out, _ = _run("sql", "SELECT count(*) AS n FROM records", "--db", db, "--format", "csv")
    assert code == 0 and out.splitlines() == ["n", "12"]
    for statement in (
        "DELETE FROM records",
        "DROP TABLE records",
        "SELECT 1; DELETE FROM records",
        "WITH gone AS (DELETE FROM records RETURNING id) SELECT count(*) FROM gone",
        "COPY records TO '/tmp/x.csv'",
    ):
        code, _, err = _run("sql", statement, "--db", db)
        assert code == 1 and ("E224" in err or "E227" in err), statement
        assert "Traceback" not in err
    with open_store(db, read_only=True) as store:
        assert sum(store.counts().values()) == 12  # nothing was written


def test_search(db):
    code, out, _ = _run("search", "air base", "--db", db, "--format", "jsonl")
    assert code == 0
    hits = _jsonl(out)
    assert {h["doc_id"] for h in hits} == {"d1", "w1"}
    assert "air base" in hits[0]["snippet"]
    code, out, _ = _run("search", "sanctions minsk", "--db", db, "--format", "jsonl")
    assert [h["doc_id"] for h in _jsonl(out)] == ["d1"]


@pytest.mark.parametrize("fmt", ["gdelt", "acled", "plover", "csv", "parquet"])
def test_exports(db, tmp_path, fmt):
    out = tmp_path / f"export-{fmt}"
    code, _, err = _run("export", "--db", db, "--format", fmt, "-o", str(out))
    assert code == 0, err
    if fmt == "gdelt":
        rows = list(csv.DictReader(out.open()))
        strike = next(r for r in rows if r["EventCode"] == "195")
        assert (strike["EventRootCode"], strike["Actor1Code"], strike["NumSources"]) == (
            "19",
            "RUSMIL",
            "2",
        )
        assert strike["SQLDATE"] == "20230508" and strike["SOURCEURL"] == f"https://x/{_QUOTED}"
    elif fmt == "acled":
        rows = list(csv.DictReader(out.open()))
        assert [(r["event_type"], r["sub_event_type"], r["civilian_targeting"]) for r in rows] == [
            ("Explosions/Remote violence", "Air/drone strike", "Civilian targeting")
        ]
        assert rows[0]["time_precision"] == "1" and rows[0]["inter1"] == "1"
    elif fmt == "plover":
        rows = _jsonl(out.read_text())
        strike = next(r for r in rows if r["cameo"] == "195")
        assert strike["event"] == ["ASSAULT"] and strike["actor"][0]["code"] == "RUS"
        assert strike["date"] == "2023-05-08" and strike["num_mentions"] == 3
    elif fmt == "csv":
        assert sorted(p.name for p in out.iterdir()) == sorted(
            f"{t}.csv"
            for t in (
                "events",
                "mentions",
                "claims",
                "quantities",
                "polls",
                "conflicts",
                "documents",
            )
        )
    else:
        months = sorted(p.name for p in (out / "events").iterdir())
        assert months == ["month=2022-03", "month=2023-05"]
        assert pq.read_table(out / "mentions").num_rows == 4


def test_the_query_layer_pages_and_loads_records(db):
    from eventcoder.store.query import Filters, count_matches, select_records

    with open_store(db) as store:
        mentions = select_records(store, "mentions", Filters(root=("19",)))
        assert len(mentions) == 3 and all(m["record"] == "event" for m in mentions)
        page = select_records(store, "mentions", Filters(root=("19",), limit=2, offset=1))
        assert [m["id"] for m in page] == [m["id"] for m in mentions[1:3]]
        assert count_matches(store, "mentions", Filters(root=("19",), limit=1)) == 3
        (strike,) = select_records(store, "events", Filters(source=("RUSMIL",)))
        assert (strike["num_mentions"], strike["num_articles"], strike["num_sources"]) == (3, 3, 2)
        # a document's title is searched even when its text is not kept
        assert [d["id"] for d in select_records(store, "documents", Filters(text="strike"))] == [
            "w1"
        ]


@pytest.mark.parametrize(
    ("kind", "values", "expected"),
    [
        (
            "events",
            {"source": ["RUS", "BLR"], "quad": "4"},
            {"source": ("RUS", "BLR"), "quad": (4,)},
        ),
        ("events", {"dyad": "RUS-UKR", "since": "2023-05-01"}, {"dyad": ("RUS", "UKR")}),
        ("documents", {"text": "air base", "doc": "w1"}, {"text": "air base", "doc": ("w1",)}),
        ("events", {"plover": "assault", "negated": "false"}, {"plover": ("ASSAULT",)}),
    ],
)
def test_filters_from_text_values(kind, values, expected):
    from eventcoder.store.query import parse_filters

    filters = parse_filters(kind, values)
    assert {name: getattr(filters, name) for name in expected} == expected


@pytest.mark.parametrize(
    ("kind", "values", "code"),
    [
        ("events", {"actor": "RUS' OR 1=1"}, "E401"),
        ("events", {"quad": "0"}, "E401"),
        ("events", {"min_confidence": "2"}, "E401"),
        ("events", {"since": "2023-02-30"}, "E401"),
        ("events", {"since": ["2023-01-01", "2023-02-01"]}, "E401"),
        ("events", {"since": "2023-06-01", "until": "2023-01-01"}, "E402"),
        ("events", {"limit": "5"}, "E403"),
        ("claims", {"cameo": "19"}, "E404"),
        ("polls", {"actor": "RUS"}, "E404"),
        ("rumours", {}, "E405"),
    ],
)
def test_bad_text_filters_name_the_filter(kind, values, code):
    from eventcoder.errors import ConfigError
    from eventcoder.store.query import parse_filters

    with pytest.raises(ConfigError, match=rf"\[{code}\]"):
        parse_filters(kind, values)


def test_user_text_is_no_markup_and_no_formula(tmp_path):
    db = str(tmp_path / "t.duckdb")
    title = '=HYPERLINK("x") [bold]loud[/bold]'
    with open_store(db) as store:
        store.write([DocumentRecord(id="t1", doc_id="t1", title=title, date="2023-05-01")])
    code, out, _ = _run("query", "documents", "--db", db)
    assert code == 0 and "[bold]loud[/bold]" in out  # printed as written, not as markup
    code, out, _ = _run("query", "documents", "--db", db, "--format", "csv")
    assert next(csv.DictReader(io.StringIO(out)))["title"] == "'" + title
