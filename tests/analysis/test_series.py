"""Timelines, dyad series and networks from events."""

from __future__ import annotations

import pytest

from eventcoder.analysis.load import load_events
from eventcoder.analysis.series import dyad_series, network, timeline
from eventcoder.errors import ConfigError
from eventcoder.store.query import Filters

from .corpus import corpus_store


def test_timeline_shapes_follow_the_granularity(store):
    items = timeline(load_events(store, Filters(), include_negated=True))
    shapes = {i.id: (i.shape, i.granularity) for i in items}
    assert shapes["a:s0:e0"] == ("point", "day")
    assert shapes["a:s1:e0"] == ("band", "season")
    assert shapes["b:s0:e0"] == ("band", "month")
    assert shapes["b:s2:e0"] == ("unknown", "unknown")
    assert items[-1].id == "b:s2:e0"  # undated last
    assert [i.start for i in items[:4]] == sorted(i.start for i in items[:4])


def test_monthly_dyad_series_counts_quads_and_goldstein(store):
    points, undated = dyad_series(load_events(store, Filters(actor=("RUR",))), "month")
    assert [p.period for p in points] == ["2024-03-01", "2024-04-01", "2024-05-01"]
    march, april, may = points
    assert march.events == 2 and march.quad == {1: 0, 2: 0, 3: 1, 4: 1}
    assert march.goldstein_sum == -12.0 and march.goldstein_mean == -6.0
    assert april.events == 0 and april.goldstein_mean is None  # a gap is filled with zeros
    assert may.events == 2 and may.goldstein_mean == 6.0
    assert undated == 0


def test_weekly_series_starts_on_mondays_and_counts_undated(store):
    points, undated = dyad_series(load_events(store, include_negated=True), "week")
    assert points[0].period == "2024-02-26"  # the Monday of the week of March 1
    assert undated == 1
    with pytest.raises(ConfigError, match="E415"):
        dyad_series([], "year")


def test_linked_mentions_count_once(tmp_path):
    with corpus_store(str(tmp_path / "linked.duckdb")) as store:
        store.replace_links([("a:s0:e0", "one-real-event", 0), ("b:s1:e0", "one-real-event", 1)])
        linked, mentions = load_events(store), load_events(store, linked=False)
        assert len(linked) == len(mentions) - 1
        assert "b:s1:e0" not in {e.id for e in linked}  # the first mention stands for both
        weight = sum(e.events for e in network(linked).edges)
        assert weight == sum(e.events for e in network(mentions).edges) - 1


def test_network_is_signed_and_weighted(store):
    net = network(load_events(store))
    edges = {(e.source, e.target): e for e in net.edges}
    assert edges[("FREMIL", "RURMIL")].sign == -1
    assert edges[("FRE", "RURGOV")].sign == 1 and edges[("FRE", "RURGOV")].cooperative == 1
    assert ("FRE", "RURGOV") in edges and edges[("RURGOV", "FRE")].events == 2
    assert edges[("RURGOV", "FRE")].goldstein_mean == 3.0
    assert {n["id"] for n in net.nodes} == {"FRE", "RURGOV", "FREMIL", "RURMIL"}
    assert network(load_events(store), min_events=2).edges[0].source == "RURGOV"
