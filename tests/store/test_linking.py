"""Event linking: mentions of one real-world event, within and across documents."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from eventcoder.records import Actor, DateInterval, DocumentRecord, EventRecord
from eventcoder.store import open_store
from eventcoder.store.linking import Mention, cluster_mentions, compatible_codes, link_events

D = dt.date
_DAY = dt.timedelta(days=1)


def _m(id, doc="a", src="RUSMIL", tgt="UKR", cameo="190", start=None, end=None, doc_date=None):
    return Mention(id, doc, 0, src, tgt, cameo, False, start, end, doc_date or D(2023, 5, 8))


def test_compatible_codes():
    assert compatible_codes("190", "193") and compatible_codes("19", "195")
    assert not compatible_codes("193", "194")
    assert not compatible_codes("190", "180") and not compatible_codes(None, "190")


def test_same_actors_code_and_day_are_one_event():
    groups = cluster_mentions(
        [
            _m("a1", "a", start=D(2023, 5, 8), end=D(2023, 5, 8)),
            _m("b1", "b", cameo="193", start=D(2023, 5, 8), end=D(2023, 5, 8)),
            _m("c1", "c"),  # undated: the week before its document
        ]
    )
    assert [[m.id for m in g] for g in groups] == [["a1", "b1", "c1"]]


def test_different_days_actors_or_codes_stay_apart():
    groups = cluster_mentions(
        [
            _m("a1", start=D(2023, 5, 1), end=D(2023, 5, 1)),
            _m("a2", start=D(2023, 5, 8), end=D(2023, 5, 8)),
            _m("a3", src="BLRMIL", start=D(2023, 5, 8), end=D(2023, 5, 8)),
            _m("a4", cameo="111", start=D(2023, 5, 8), end=D(2023, 5, 8)),
            _m("a5", src=None, tgt=None),
        ]
    )
    assert len(groups) == 5


def test_weekly_repeats_do_not_chain_into_one_event():
    mondays = [D(2023, 1, 2) + dt.timedelta(days=7 * i) for i in range(4)]
    weekly = [
        _m(f"w{i}", f"d{i}", start=day, end=day, doc_date=day) for i, day in enumerate(mondays)
    ]
    undated = [_m(f"u{i}", f"e{i}", doc_date=day + _DAY) for i, day in enumerate(mondays)]
    groups = cluster_mentions(weekly + undated)
    assert sorted(sorted(m.id for m in g) for g in groups) == [[f"u{i}", f"w{i}"] for i in range(4)]


def _doc(doc_id, source, day):
    return DocumentRecord(id=doc_id, doc_id=doc_id, source=source, date=day)


def _event(doc_id, n, cameo="190", day="2023-05-08"):
    return EventRecord(
        id=f"{doc_id}:s{n}:e0",
        doc_id=doc_id,
        sentence=n,
        source=Actor("Russian forces", "RUSMIL", "RUS", "MIL"),
        target=Actor("Ukraine", "UKR", "UKR"),
        cameo=cameo,
        date=DateInterval(day, day, "day"),
    )


@pytest.fixture(params=["duckdb", "postgres"])
def store(request, tmp_path):
    url = (
        str(tmp_path / "l.duckdb")
        if request.param == "duckdb"
        else request.getfixturevalue("postgres_url")
    )
    with open_store(url) as opened:
        for table in ("records", "event_links", "texts"):
            opened.query(f"DELETE FROM {table}")
        yield opened


def test_store_counts_events_not_mentions(store):
    store.write(
        [
            _doc("a", "Wire One", "2023-05-08"),
            _event("a", 0),
            _event("a", 3, "193"),
            _doc("b", "Wire Two", "2023-05-09"),
            _event("b", 1),
            _doc("c", "Wire One", "2023-05-09"),
            _event("c", 0),
            _event("c", 2, "190", "2023-04-01"),
        ]
    )
    stats = link_events(store)
    assert (stats.mentions, stats.events, stats.cross_document_events) == (5, 2, 1)
    rows = store.query(
        "SELECT event_id, cameo, num_mentions, num_articles, num_sources FROM linked_events "
        "ORDER BY num_mentions DESC"
    )
    assert rows == [("a:s0:e0", "190", 4, 3, 2), ("c:s2:e0", "190", 1, 1, 1)]
    assert store.query("SELECT count(*) FROM event_mentions") == [(5,)]
    # a re-run links the same way
    link_events(store)
    assert store.query("SELECT count(*) FROM linked_events") == [(2,)]


def test_unlinked_events_count_as_their_own(store):
    store.write([_doc("a", "W", "2023-05-08"), _event("a", 0), _event("a", 1)])
    assert store.query("SELECT count(*), sum(num_mentions) FROM linked_events") == [(2, 2)]


def test_a_mention_with_one_actor_unknown_joins_the_event_it_agrees_with():
    day = D(2023, 5, 8)
    groups = cluster_mentions(
        [
            _m("a1", "a", start=day, end=day),
            _m("a2", "a", tgt=None, start=day, end=day),  # "shelled the city again"
            _m("b1", "b", src=None, tgt="UKR", cameo="194", start=day, end=day),
            _m("c1", "c", src="BLRMIL", tgt=None, start=day, end=day),  # disagrees: apart
        ]
    )
    assert sorted(sorted(m.id for m in g) for g in groups) == [["a1", "a2", "b1"], ["c1"]]


def test_a_code_without_a_country_counts_as_unknown(store):
    store.write(
        [_doc("a", "W", "2023-05-08"), _event("a", 0),
         replace(_event("a", 1), target=Actor("the city", "---CVL", None, "CVL"))]
    )  # fmt: skip
    assert link_events(store).events == 1
