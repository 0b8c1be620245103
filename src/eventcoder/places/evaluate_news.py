"""Places on real news: the place gold of the real-news event gold.

``data/gold/news_places_{dev,test}.jsonl`` gives, for every gold event of
``news_{dev,test}.jsonl``, the place where the text says it happened (character offsets into
the document, ISO 3166 alpha-3 country, precision and, for exact and near places, a point)
or null (see ``scripts/news_places_gold.py``). Two measures:

* **mentions** (every gold place, whatever the event stage finds): a resolved place of the
  document overlaps the gold span; its country is the gold one; for gold points, it lies
  within 25 km.
* **attachment** (gold events that the event stage codes, matched by overlapping trigger
  spans, at every confidence): the event's location is the gold place (same country, within
  25 km of a gold point, else the same name or span), or none for a gold null.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventcoder.datafiles import read_checked_jsonl
from eventcoder.errors import Errors, InputError
from eventcoder.places.evaluate import FoundPlace
from eventcoder.places.gazetteer import distance_km, name_key

__all__ = [
    "NewsPlace",
    "NewsPlaceScores",
    "evaluate_news_places",
    "news_gold_path",
    "read_news_places",
    "report_news",
    "score_document",
]

GOLD_DIR = Path(__file__).resolve().parent.parent / "data" / "gold"
WITHIN_KM = 25.0
_POINT = {"exact", "near"}


@dataclass(frozen=True)
class NewsPlace:
    """One gold event and its place (``span`` None: the text gives none)."""

    doc: str
    trigger_span: tuple[int, int]
    span: tuple[int, int] | None = None
    country: str | None = None
    precision: str | None = None
    lat: float | None = None
    lon: float | None = None

    @property
    def is_point(self) -> bool:
        return self.precision in _POINT and self.lat is not None and self.lon is not None


@dataclass
class NewsPlaceScores:
    """Counts over one split."""

    places: int = 0  # distinct gold place spans
    found: int = 0
    country: int = 0
    points: int = 0
    within: int = 0
    events: int = 0
    with_place: int = 0
    coded: int = 0
    attached: int = 0
    misses: list[str] = field(default_factory=list)


def news_gold_path(split: str) -> Path:
    """The committed place gold of a split."""
    return GOLD_DIR / f"news_places_{split}.jsonl"


def read_news_places(path: Path) -> list[NewsPlace]:
    """The gold events and places of a file (line-numbered errors for bad lines)."""
    return read_checked_jsonl(path, _row, Errors.E952, Errors.E951)


def _row(row: dict[str, Any]) -> NewsPlace:
    trigger = row["trigger_span"]
    place = row["place"]
    if place is None:
        return NewsPlace(str(row["doc"]), (int(trigger[0]), int(trigger[1])))
    span = place["span"]
    return NewsPlace(
        doc=str(row["doc"]),
        trigger_span=(int(trigger[0]), int(trigger[1])),
        span=(int(span[0]), int(span[1])),
        country=place["country"],
        precision=str(place["precision"]),
        lat=place.get("lat"),
        lon=place.get("lon"),
    )


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _near(gold: NewsPlace, lat: float | None, lon: float | None) -> bool:
    if not gold.is_point or lat is None or lon is None:
        return False
    assert gold.lat is not None and gold.lon is not None
    return distance_km(gold.lat, gold.lon, lat, lon) <= WITHIN_KM


def _right_location(gold: NewsPlace, loc: Any, text: str) -> bool:
    """Whether an event's location is its gold place."""
    if gold.span is None:
        return loc is None
    if loc is None or loc.country != gold.country:
        return False
    if gold.is_point:
        return _near(gold, loc.lat, loc.lon)
    if gold.precision == "country":
        return True
    if loc.span is None:
        return False
    span = (int(loc.span[0]), int(loc.span[1]))
    gold_name = name_key(text[gold.span[0] : gold.span[1]])
    return _overlaps(span, gold.span) or name_key(text[span[0] : span[1]]) == gold_name


def score_document(
    gold: list[NewsPlace], text: str, places: list[Any], events: list[Any], doc_id: str
) -> NewsPlaceScores:
    """Score one document: ``places`` are resolved places (with ``span``, ``country``,
    ``lat``, ``lon``) and ``events`` event records (with ``trigger_span``, ``location``)."""
    scores = NewsPlaceScores()
    seen: set[tuple[int, int]] = set()
    for item in gold:
        if item.span is None or item.span in seen:
            continue
        seen.add(item.span)
        scores.places += 1
        scores.points += item.is_point
        name = text[item.span[0] : item.span[1]]
        hit = next((p for p in places if _overlaps(p.span, item.span)), None)
        if hit is None:
            scores.misses.append(f"{doc_id}: {name!r} not found")
            continue
        scores.found += 1
        if hit.country == item.country:
            scores.country += 1
        else:
            scores.misses.append(f"{doc_id}: {name!r} country {hit.country} for {item.country}")
        if item.is_point:
            if _near(item, hit.lat, hit.lon):
                scores.within += 1
            else:
                scores.misses.append(f"{doc_id}: {name!r} at {hit.lat},{hit.lon} ({hit.name})")
    for item in gold:
        scores.events += 1
        scores.with_place += item.span is not None
        event = next(
            (
                e
                for e in events
                if e.trigger_span is not None
                and _overlaps((int(e.trigger_span[0]), int(e.trigger_span[1])), item.trigger_span)
            ),
            None,
        )
        if event is None:
            continue
        scores.coded += 1
        ok = _right_location(item, event.location, text)
        scores.attached += ok
        if not ok:
            loc = event.location
            got = f"{loc.name} ({loc.country})" if loc else "none"
            want = repr(text[item.span[0] : item.span[1]]) if item.span else "none"
            trigger = text[item.trigger_span[0] : item.trigger_span[1]]
            scores.misses.append(f"{doc_id}: event {trigger!r} at {got}, gold {want}")
    return scores


def evaluate_news_places(split: str, data_dir: Path | None = None) -> NewsPlaceScores:
    """Code the split's gold documents (every confidence) and score their places."""
    from eventcoder.coder import Coder
    from eventcoder.events.news_corpus import read_news_corpus
    from eventcoder.ingest.document import Document
    from eventcoder.paths import shared_data_dir
    from eventcoder.places.evaluate import actor_finder
    from eventcoder.places.locate import PlaceLocator

    gold = read_news_places(news_gold_path(split))
    by_doc: dict[str, list[NewsPlace]] = {}
    for item in gold:
        by_doc.setdefault(item.doc, []).append(item)
    folder = data_dir or shared_data_dir()
    if not folder.exists():
        raise InputError(Errors.E102.format(path=folder))
    docs = {d.doc_id: d for d in read_news_corpus(folder) if d.doc_id in by_doc}
    coder = Coder.load()
    locator = PlaceLocator.from_data()
    actors = actor_finder()
    total = NewsPlaceScores()
    for doc_id, items in by_doc.items():
        doc = docs.get(doc_id)
        if doc is None:
            raise InputError(Errors.E808.format(unit=doc_id, span="document absent"))
        document = Document.from_text(doc.text, id=doc_id, date=doc.date or None)
        events = [r for r in coder.code(document, min_confidence=0.0) if r.KIND == "event"]
        parsed = coder.nlp(doc.text)
        places = [FoundPlace.of(p) for p in locator.find(parsed, actors(parsed)).places]
        _add(total, score_document(items, doc.text, places, events, doc_id))
    return total


def _add(total: NewsPlaceScores, other: NewsPlaceScores) -> None:
    for name in ("places", "found", "country", "points", "within"):
        setattr(total, name, getattr(total, name) + getattr(other, name))
    for name in ("events", "with_place", "coded", "attached"):
        setattr(total, name, getattr(total, name) + getattr(other, name))
    total.misses += other.misses


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:.1f}%" if d else "n/a"


def report_news(split: str, s: NewsPlaceScores) -> list[str]:
    """The lines printed for one split."""
    return [
        (
            f"news_{split} (real news): {s.events} gold events, {s.with_place} with a place"
            f" ({s.places} distinct place mentions)"
        ),
        f"  found {s.found}/{s.places} ({_pct(s.found, s.places)})",
        (
            f"  country right {s.country}/{s.places} ({_pct(s.country, s.places)});"
            f" of those found {_pct(s.country, s.found)}"
        ),
        (
            f"  within {WITHIN_KM:.0f} km {s.within}/{s.points} ({_pct(s.within, s.points)})"
            " of gold points (exact or near)"
        ),
        (
            f"  events coded {s.coded}/{s.events}; right place (or none) attached"
            f" {s.attached}/{s.coded} ({_pct(s.attached, s.coded)})"
        ),
    ]
