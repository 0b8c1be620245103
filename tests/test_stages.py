"""The stage runner's own rules (the stages themselves are tested in their folders)."""

from __future__ import annotations

from eventcoder.records import Actor, ConflictRecord, DateInterval, QuantityRecord
from eventcoder.stages import _recheck_conflicts, _shift_sentences


def _q(n: int, low: float, who: str, month: str) -> QuantityRecord:
    return QuantityRecord(
        id=f"d:s{n}:q0",
        doc_id="d",
        sentence=n,
        measure="troops",
        low=low,
        high=low,
        source=Actor(who, code=who),
        date=DateInterval(f"2022-{month}-01", f"2022-{month}-28", "month", None),
    )


def test_conflicts_are_rechecked_once_figures_are_dated():
    records = [
        _q(0, 3000, "UKRSPY", "02"),
        _q(1, 9000, "BLRMIL", "02"),
        _q(2, 50, "RUSMIL", "08"),
        ConflictRecord(
            id="d:x0",
            doc_id="d",
            measure="troops",
            members=["d:s0:q0", "d:s1:q0", "d:s2:q0"],
            reason="undated",
        ),
    ]
    out = _recheck_conflicts(records)
    conflicts = [r for r in out if r.KIND == "conflict"]
    assert len(conflicts) == 1
    assert conflicts[0].members == ["d:s0:q0", "d:s1:q0"]  # August figure is another time


def test_later_chunks_renumber_sentences_and_conflict_members():
    records = [
        _q(0, 3000, "UKRSPY", "02"),
        ConflictRecord(id="d:x0", doc_id="d", members=["d:s0:q0"]),
    ]
    out = _shift_sentences(records, first=40)
    assert out[0].id == "d:s40:q0" and out[0].sentence == 40
    assert out[1].members == ["d:s40:q0"] and out[1].id != "d:x0"
