"""Conflicts between estimates: a pure function over quantity records."""

from __future__ import annotations

from eventcoder.claims.conflicts import find_conflicts, measure_key, ranges_conflict
from eventcoder.records import Actor, DateInterval, QuantityRecord

from .conftest import claims_data


def _conflicts(quantities, **options):
    return find_conflicts(quantities, claims_data().measure_classes, **options)


def _key(measure):
    return measure_key(measure, claims_data().measure_classes)


def _q(qid, low, high, source, measure="troops", doc="d1", date=None, unit=None):
    return QuantityRecord(
        id=qid,
        doc_id=doc,
        measure=measure,
        low=low,
        high=high,
        unit=unit,
        source=Actor(source) if source else None,
        text=str(low),
        date=date,
    )


def test_vague_range_against_point_beyond_it_conflicts():
    a, b = _q("d1:s1:q0", 3000, 7000, "Intelligence"), _q("d1:s1:q1", 9000, 9000, "Ministry")
    conflicts = _conflicts([a, b])
    assert len(conflicts) == 1
    assert conflicts[0].members == ("d1:s1:q0", "d1:s1:q1")
    assert conflicts[0].id == "d1:x0"
    assert "Intelligence" in conflicts[0].reason and "Ministry" in conflicts[0].reason


def test_figures_within_tolerance_agree():
    assert not ranges_conflict(_q("a", 30, 30, "x"), _q("b", 28, 28, "y"))
    assert not _conflicts([_q("a", 30, 30, "x"), _q("b", 28, 28, "y")])


def test_open_ranges_only_conflict_beyond_their_bound():
    at_least = _q("a", 100, None, "x")
    assert not ranges_conflict(at_least, _q("b", 500, 500, "y"))
    assert ranges_conflict(at_least, _q("b", 50, 50, "y"))


def test_same_source_or_other_measure_is_no_conflict():
    assert not _conflicts([_q("a", 10, 10, "x"), _q("b", 90, 90, "X")])
    assert not _conflicts([_q("a", 10, 10, "x"), _q("b", 90, 90, "y", measure="tanks")])
    assert not _conflicts([_q("a", 10, 10, "x"), _q("b", 90, 90, "y", unit="percent")])


def test_across_documents_needs_overlapping_dates_and_gets_a_content_hash():
    june = DateInterval("2022-06-01", "2022-06-30", "month")
    july = DateInterval("2022-07-01", "2022-07-31", "month")
    a = _q("d1:s0:q0", 1000, 1000, "x", doc="d1", date=june)
    b = _q("d2:s3:q0", 5000, 5000, "y", doc="d2", date=june)
    c = _q("d3:s0:q0", 5000, 5000, "y", doc="d3", date=july)
    found = _conflicts([b, a, c])
    assert len(found) == 1 and found[0].id.startswith("conflict:")
    assert found[0].members == ("d1:s0:q0", "d2:s3:q0")
    assert _conflicts([a, b])[0].id == found[0].id  # stable
    undated = [_q("d1:s0:q0", 1000, 1000, "x", doc="d1"), _q("d2:s0:q0", 5000, 5000, "y", doc="d2")]
    assert _conflicts(undated) == []


def test_measure_key_compares_heads():
    assert _key("Russian troops") == _key("troop") == "troop"
    assert _key("bridges") == "bridge"
    assert _key("casualties") == _key("deaths")
    assert _key(None) is None


def test_near_synonyms_compare_and_open_dates_do_not_cross_documents():
    assert _key("soldiers") == _key("Russian troops")
    assert _conflicts(
        [_q("a", 8000, 8000, "x", measure="crowd"), _q("b", 100000, None, "y", measure="people")]
    )
    open_date = DateInterval(None, "2022-06-30", "unknown")
    a = _q("d1:s0:q0", 1000, 1000, "x", doc="d1", date=open_date)
    b = _q("d2:s0:q0", 5000, 5000, "y", doc="d2", date=open_date)
    assert _conflicts([a, b]) == []


def test_figures_without_a_source_are_not_estimates():
    assert (
        _conflicts(
            [_q("a", 2, 2, None, measure="convoys"), _q("b", 60, 60, "y", measure="convoys")]
        )
        == []
    )
