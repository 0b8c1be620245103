"""Conflicts: estimates of the same measure, for overlapping time, from different sources, that
disagree beyond a tolerance.

``find_conflicts`` is a pure function over ``QuantityRecord`` objects, so the same check runs
within one document (the extractor calls it) and across a whole store (``eventcoder conflicts``).

Rules (documented choices):

- same measure: the same ``measure_key`` (last word of the measure, lower case, singular, mapped
  through the near-synonym classes of ``measure_classes.tsv``) and the same unit;
- estimates only: both figures have a source (the actor who gives them); a figure the text
  states on its own is not compared, since long reports give many figures about different
  moments ("two convoys" then "six convoys");
- different sources: the source actor's code, else its text, compared case-insensitively;
- overlapping time: both dates unknown within one document, or both known and the intervals
  overlap; figures from different documents are compared only when both dates are bounded
  intervals (they may otherwise be about different moments);
- disagree: the ranges (open ends for "at least"/"up to") do not overlap and the gap between
  them exceeds ``REL_TOLERANCE`` (10%) of the larger nearest end, so "around 30" vs "28" agree
  and a vague "several hundred" (300-700) vs an exact "900" do not.

Members that disagree with at least one other figure of the same measure form one
``ConflictRecord``. Its id is ``{doc_id}:x{n}`` when all members come from one document, else a
content hash ``conflict:{sha1 of the member ids}`` (stable across re-runs and stores).
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from eventcoder.records import ConflictRecord, DateInterval, QuantityRecord, record_id

__all__ = ["REL_TOLERANCE", "find_conflicts", "measure_key", "ranges_conflict"]

REL_TOLERANCE = 0.10


def measure_key(measure: str | None, classes: Mapping[str, str]) -> str | None:
    """A comparable key for a measure: its last word, lower case, singular, mapped to its class
    in ``classes`` (``measure_classes.tsv``: "soldiers" and "troops" compare as "troop")."""
    if not measure or not measure.split():
        return None
    word = measure.lower().split()[-1].strip(".,;:'\"")
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith(("ss", "us")) and len(word) > 3:
        word = word[:-1]
    return classes.get(word, word)


def _bounds(q: QuantityRecord) -> tuple[float, float]:
    low = q.low if q.low is not None else (0.0 if q.high is not None else -math.inf)
    high = q.high if q.high is not None else math.inf
    return low, high


def ranges_conflict(a: QuantityRecord, b: QuantityRecord, tolerance: float = REL_TOLERANCE) -> bool:
    """True when the two ranges are apart by more than ``tolerance`` of the larger nearest end."""
    (lo_a, hi_a), (lo_b, hi_b) = _bounds(a), _bounds(b)
    if lo_a > hi_b:
        (lo_a, hi_a), (lo_b, hi_b) = (lo_b, hi_b), (lo_a, hi_a)
    gap = lo_b - hi_a
    if gap <= 0:
        return False
    return gap > tolerance * max(abs(lo_b), abs(hi_a))


def _source_key(q: QuantityRecord) -> str:
    if q.source is None:
        return ""
    return (q.source.code or q.source.text).strip().lower()


def _dates_overlap(a: QuantityRecord, b: QuantityRecord) -> bool:
    """Known dates must overlap; an unknown date is only assumed to match within one document.

    Across documents both dates must be bounded (start and end): an open interval such as
    "some time before the document date" would make every older figure comparable.
    """
    if a.doc_id != b.doc_id and not (_bounded(a.date) and _bounded(b.date)):
        return False
    date_a, date_b = a.date, b.date
    if date_a is not None and date_b is not None and _known(date_a) and _known(date_b):
        start_a, end_a = date_a.start or "0000", date_a.end or "9999"
        start_b, end_b = date_b.start or "0000", date_b.end or "9999"
        return start_a <= end_b and start_b <= end_a
    return a.doc_id == b.doc_id


def _bounded(date: DateInterval | None) -> bool:
    return date is not None and date.start is not None and date.end is not None


def _known(date: DateInterval | None) -> bool:
    return date is not None and (date.start is not None or date.end is not None)


def _fmt(q: QuantityRecord) -> str:
    def num(v: float | None) -> str:
        return "?" if v is None else f"{v:,.6g}" if abs(v) < 1e6 else f"{v:,.0f}"

    if q.high is None:
        rng = f"at least {num(q.low)}"
    elif q.low is None:
        rng = f"at most {num(q.high)}"
    else:
        rng = num(q.low) if q.low == q.high else f"{num(q.low)}-{num(q.high)}"
    who = q.source.text if q.source else "?"
    return f"{rng} ({who})"


def _conflicting(group: Sequence[QuantityRecord], tolerance: float) -> list[QuantityRecord]:
    """The figures that disagree with a figure of another source. Only pairs of different
    sources are compared, so many figures from one source cost linear time."""
    by_source: dict[str, list[QuantityRecord]] = defaultdict(list)
    for q in group:
        by_source[_source_key(q)].append(q)
    sources = list(by_source.values())
    members: dict[str, QuantityRecord] = {}
    for i, figures in enumerate(sources):
        for others in sources[i + 1 :]:
            for a in figures:
                for b in others:
                    if _dates_overlap(a, b) and ranges_conflict(a, b, tolerance):
                        members[a.id], members[b.id] = a, b
    return sorted(members.values(), key=lambda q: q.id)


def find_conflicts(
    quantities: Iterable[QuantityRecord],
    classes: Mapping[str, str],
    tolerance: float = REL_TOLERANCE,
) -> list[ConflictRecord]:
    """Conflict records for every measure whose figures from different sources disagree
    (``classes``: the measure classes of ``measure_classes.tsv``, see ``measure_key``)."""
    groups: dict[tuple[str, str | None], list[QuantityRecord]] = defaultdict(list)
    for q in quantities:
        key = measure_key(q.measure, classes)
        if key is not None and q.source is not None and (q.low is not None or q.high is not None):
            groups[(key, q.unit)].append(q)
    out: list[ConflictRecord] = []
    per_doc: dict[str, int] = defaultdict(int)
    for (key, unit), group in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        members = _conflicting(sorted(group, key=lambda q: q.id), tolerance)
        if not members:
            continue
        docs = {q.doc_id for q in members}
        ids = [q.id for q in members]
        if len(docs) == 1:
            doc_id = members[0].doc_id
            rec_id = record_id(doc_id, f"x{per_doc[doc_id]}")
            per_doc[doc_id] += 1
        else:
            doc_id = min(docs)
            rec_id = "conflict:" + hashlib.sha1("|".join(ids).encode("utf-8")).hexdigest()[:16]
        measure = members[0].measure or key
        reason = (
            f"estimates of {measure!r}{' in ' + unit if unit else ''} from different sources "
            f"differ by more than {tolerance:.0%}: " + " vs ".join(_fmt(q) for q in members)
        )
        out.append(
            ConflictRecord(
                id=rec_id, doc_id=doc_id, measure=measure, members=tuple(ids), reason=reason
            )
        )
    return out
