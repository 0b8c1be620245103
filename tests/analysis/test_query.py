"""Filtered, paginated reads: every filter, bad values refused, SQL-like text inert."""

from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.analysis.query import Filters, fetch_page, linked_event_ids, load_events
from eventcoder.errors import ConfigError


def ids(page) -> list[str]:
    return [item["id"] for item in page.items]


def test_actor_prefix_matches_either_side(store):
    page = fetch_page(store, "event", Filters(actor="RUR"))
    assert page.total == 5
    assert ids(fetch_page(store, "event", Filters(source="FREMIL"))) == ["a:s1:e0"]
    assert ids(fetch_page(store, "event", Filters(target="FRE"))) == ["a:s0:e0", "b:s1:e0"]


def test_cameo_root_quad_and_negation(store):
    assert ids(fetch_page(store, "event", Filters(cameo="19"))) == ["a:s1:e0", "b:s2:e0"]
    assert ids(fetch_page(store, "event", Filters(quad_class=2))) == ["b:s1:e0"]
    assert ids(fetch_page(store, "event", Filters(negated=True))) == ["b:s2:e0"]


def test_dates_match_by_overlap_and_undated_never(store):
    may = Filters(date_from=dt.date(2024, 5, 10), date_to=dt.date(2024, 5, 25))
    # the spring band, the May month and the May 20 day overlap; March 3 does not
    assert ids(fetch_page(store, "event", may)) == ["a:s1:e0", "b:s0:e0", "b:s1:e0"]


def test_pagination_counts_all_and_returns_a_slice(store):
    page = fetch_page(store, "event", Filters(), limit=2, offset=2)
    assert page.total == 5 and len(page.items) == 2 and page.offset == 2
    assert fetch_page(store, "event", Filters(), limit=2, offset=10).items == []


def test_claims_and_documents_have_their_own_filters(store):
    assert ids(fetch_page(store, "claim", Filters(actor="RURGOV"))) == ["a:s2:c0"]
    assert ids(fetch_page(store, "document", Filters(text="talks"))) == ["b"]
    with pytest.raises(ConfigError, match="E404"):
        fetch_page(store, "poll", Filters(actor="RUR"))


@pytest.mark.parametrize(
    "values",
    [
        {"cameo": "19' OR 1=1 --"},
        {"actor": "RUR; DROP TABLE records"},
        {"quad_class": "5"},
        {"date_from": "2024-02-30"},
        {"negated": "perhaps"},
        {"date_from": "2024-06-01", "date_to": "2024-01-01"},
        {"colour": "red"},
    ],
)
def test_bad_filter_values_are_refused_with_a_code(values):
    with pytest.raises(ConfigError, match=r"\[E40[123]\]"):
        Filters.from_strings(values)


def test_sql_like_text_is_only_text(store):
    page = fetch_page(store, "event", Filters(text="'; DROP TABLE records; --"))
    assert page.total == 0
    assert fetch_page(store, "event", Filters(text="100%")).total == 0  # % is not a wildcard
    assert store.counts()["event"] == 5


def test_unknown_kind_and_bad_paging(store):
    with pytest.raises(ConfigError, match="E405"):
        fetch_page(store, "rumour", Filters())
    with pytest.raises(ConfigError, match="E406"):
        fetch_page(store, "event", Filters(), limit=0)


def test_load_events_drops_negated_unless_asked(store):
    assert len(load_events(store)) == 4
    assert len(load_events(store, include_negated=True)) == 5
    assert linked_event_ids(store) == {} or isinstance(linked_event_ids(store), dict)
