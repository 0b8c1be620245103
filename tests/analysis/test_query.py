"""Analysis reads go through the store's query layer: every filter, pages, bad values
refused with a code, SQL-like text inert, negated events left out of the series."""

from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.analysis.load import load_events
from eventcoder.errors import ConfigError
from eventcoder.store.query import Filters, count_matches, parse_filters, select_records


def ids(store, kind: str, filters: Filters) -> list[str]:
    return sorted(item["id"] for item in select_records(store, kind, filters))


def test_actor_matches_code_or_country_on_either_side(store):
    assert count_matches(store, "events", Filters(actor=("RUR",))) == 5
    assert ids(store, "events", Filters(source=("FREMIL",))) == ["a:s1:e0"]
    assert ids(store, "events", Filters(target=("FRE",))) == ["a:s0:e0", "b:s1:e0"]
    assert ids(store, "events", Filters(dyad=("RUR", "FRE"))) == ["a:s0:e0", "b:s1:e0"]


def test_cameo_prefix_quad_and_negation(store):
    assert ids(store, "events", Filters(cameo=("19",))) == ["a:s1:e0", "b:s2:e0"]
    assert ids(store, "events", Filters(quad=(2,))) == ["b:s1:e0"]
    assert ids(store, "events", Filters(negated=True)) == ["b:s2:e0"]


def test_dates_match_by_overlap_and_undated_never(store):
    may = Filters(since=dt.date(2024, 5, 10), until=dt.date(2024, 5, 25))
    # the spring band, the May month and the May 20 day overlap; March 3 does not
    assert ids(store, "events", may) == ["a:s1:e0", "b:s0:e0", "b:s1:e0"]


def test_pages_count_all_and_return_a_slice(store):
    page = select_records(store, "events", Filters(limit=2, offset=2))
    assert count_matches(store, "events", Filters(limit=2, offset=2)) == 5 and len(page) == 2
    everything = [e["id"] for e in select_records(store, "events", Filters())]
    assert [e["id"] for e in page] == everything[2:4]
    assert select_records(store, "events", Filters(limit=2, offset=10)) == []


def test_events_carry_their_link_counts(store):
    first = select_records(store, "events", Filters(limit=1))[0]
    assert first["record"] == "event" and first["num_mentions"] == 1 and first["event_id"]
    assert "num_mentions" not in select_records(store, "mentions", Filters(limit=1))[0]


def test_claims_and_documents_have_their_own_filters(store):
    assert ids(store, "claims", Filters(actor=("RURGOV",))) == ["a:s2:c0"]
    assert ids(store, "documents", Filters(text="talks")) == ["b"]
    with pytest.raises(ConfigError, match="E404"):
        parse_filters("polls", {"actor": "RUR"})


@pytest.mark.parametrize(
    ("values", "code"),
    [
        ({"cameo": "19' OR 1=1 --"}, "E401"),
        ({"actor": "RUR; DROP TABLE records"}, "E401"),
        ({"quad": "5"}, "E401"),
        ({"since": "2024-02-30"}, "E401"),
        ({"negated": "perhaps"}, "E401"),
        ({"dyad": "RUR"}, "E401"),
        ({"since": "2024-06-01", "until": "2024-01-01"}, "E402"),
        ({"colour": "red"}, "E403"),
    ],
)
def test_bad_filter_values_are_refused_with_a_code(values, code):
    with pytest.raises(ConfigError, match=rf"\[{code}\]"):
        parse_filters("events", values)


def test_sql_like_text_is_only_text(store):
    assert count_matches(store, "events", Filters(text="'; DROP TABLE records; --")) == 0
    assert count_matches(store, "events", Filters(text="100%")) == 0  # % is not a wildcard
    assert store.counts()["event"] == 5


def test_unknown_kind_is_refused():
    with pytest.raises(ConfigError, match="E405"):
        parse_filters("rumours", {})


def test_load_events_drops_negated_unless_asked(store):
    assert len(load_events(store)) == 4
    assert len(load_events(store, include_negated=True)) == 5
    assert [e.id for e in load_events(store, Filters(negated=True))] == ["b:s2:e0"]
    assert len(load_events(store, linked=False)) == 4
