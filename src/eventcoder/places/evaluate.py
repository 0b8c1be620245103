"""``eventcoder eval places``: place recognition, resolution and event attachment on gold.

Each gold item (one JSON object per line) has ``id``, ``text``, ``places`` (each ``text``
as written, ``country`` ISO 3166 alpha-3 or null for international waters, ``lat``/``lon``
or null, ``precision``) and ``events`` (each a ``trigger`` word and the ``place`` text the
event happened at, or null for none).

* **found**: a gold mention is found when a resolved place overlaps its first occurrence;
  resolved places that overlap no gold mention are *extra*.
* **country**: the found place's country is the gold one (over all gold mentions).
* **within 25 km**: for gold points (precision exact or near, with coordinates), the found
  place's point lies within 25 km of the gold one.
* **attached**: for gold events that the event stage codes at any confidence (matched by
  trigger word), the location given is the gold place (same country, and within 25 km for
  a point, else the same mention) or, for a gold ``null``, none.

Two gold sets ship, written by hand for this purpose with news-style sentences of our own:
``places_dev.jsonl`` (rules were tuned on it) and ``places_heldout.jsonl`` (never used for
tuning). Both are measured by default. Three later held-out sets,
``places_heldout2.jsonl``, ``places_heldout3.jsonl`` and ``places_heldout4.jsonl``, each
written after the rules and first run untouched (see the README), are measured with
``--gold``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from eventcoder.datafiles import read_checked_jsonl
from eventcoder.errors import Errors, EventcoderError
from eventcoder.places.gazetteer import distance_km

__all__ = [
    "GOLD_FILES",
    "PlaceScores",
    "actor_finder",
    "eval_places_command",
    "evaluate_places",
    "load_gold",
]

GOLD_DIR = Path(__file__).resolve().parent.parent / "data" / "gold"
GOLD_FILES = (GOLD_DIR / "places_dev.jsonl", GOLD_DIR / "places_heldout.jsonl")
WITHIN_KM = 25.0
_POINT = {"exact", "near"}


@dataclass
class PlaceScores:
    """Counts over one gold set."""

    mentions: int = 0
    found: int = 0
    extra: int = 0
    country: int = 0
    points: int = 0
    within: int = 0
    events: int = 0
    coded: int = 0
    attached: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: PlaceScores) -> None:
        """Add another set's counts to these."""
        for name in ("mentions", "found", "extra", "country", "points", "within"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in ("events", "coded", "attached"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses


def load_gold(path: Path) -> list[dict[str, Any]]:
    """The gold items of a JSON Lines file (clear errors for missing files and bad lines)."""
    return read_checked_jsonl(path, _check_item, Errors.E952, Errors.E951)


def _check_item(item: dict[str, Any]) -> dict[str, Any]:
    for key in ("id", "text", "places", "events"):
        if key not in item:
            raise ValueError(f"missing {key}")
    for place in item["places"]:
        if place["text"] not in item["text"]:
            raise ValueError(f"place {place['text']!r} not in text")
    return item


def _span(text: str, mention: str, others: tuple[str, ...] = ()) -> tuple[int, int]:
    """Where a gold mention is: its first occurrence as whole words ("Haiti" is not the
    start of "Haitian") that lies inside no longer gold mention ("Aden" after "the Gulf of
    Aden" is the second "Aden"); else its first occurrence."""
    inside = [
        (m.start(), m.end())
        for other in others
        if len(other) > len(mention) and mention in other
        for m in re.finditer(re.escape(other), text)
    ]
    for found in re.finditer(re.escape(mention), text):
        start, end = found.span()
        whole = (start == 0 or not text[start - 1].isalnum()) and (
            end == len(text) or not text[end].isalnum()
        )
        if whole and not any(a <= start and end <= b for a, b in inside):
            return start, end
    start = text.find(mention)
    return start, start + len(mention)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _near(gold: dict[str, Any], lat: float | None, lon: float | None) -> bool:
    if gold.get("lat") is None or lat is None or lon is None:
        return False
    return distance_km(gold["lat"], gold["lon"], lat, lon) <= WITHIN_KM


def _is_point(gold: dict[str, Any]) -> bool:
    return gold.get("precision") in _POINT and gold.get("lat") is not None


def score_item(item: dict[str, Any], found: list[Any], events: list[Any]) -> PlaceScores:
    """Score one gold item given its resolved places (objects with ``span``, ``country``,
    ``lat``, ``lon``, ``name``) and event records."""
    scores = PlaceScores()
    text = item["text"]
    gold_spans = []
    names = tuple(g["text"] for g in item["places"])
    for gold in item["places"]:
        span = _span(text, gold["text"], names)
        gold_spans.append(span)
        scores.mentions += 1
        point = _is_point(gold)
        scores.points += point
        hit = next((f for f in found if _overlaps(f.span, span)), None)
        if hit is None:
            scores.misses.append(f"{item['id']}: {gold['text']!r} not found")
            continue
        scores.found += 1
        if hit.country == gold["country"]:
            scores.country += 1
        else:
            scores.misses.append(
                f"{item['id']}: {gold['text']!r} country {hit.country} for {gold['country']}"
            )
        if point:
            if _near(gold, hit.lat, hit.lon):
                scores.within += 1
            else:
                scores.misses.append(
                    f"{item['id']}: {gold['text']!r} at {hit.lat},{hit.lon} ({hit.name})"
                )
    scores.extra = sum(1 for f in found if not any(_overlaps(f.span, s) for s in gold_spans))
    by_text = {g["text"]: (g, s) for g, s in zip(item["places"], gold_spans, strict=True)}
    for gold_event in item["events"]:
        scores.events += 1
        trigger = gold_event["trigger"].lower()
        event = next((e for e in events if (e.trigger or "").lower() == trigger), None)
        if event is None:
            continue
        scores.coded += 1
        loc = event.location
        want = gold_event["place"]
        if want is None:
            ok = loc is None
        elif loc is None:
            ok = False
        else:
            gold, span = by_text[want]
            same_country = loc.country == gold["country"]
            if _is_point(gold):
                ok = same_country and _near(gold, loc.lat, loc.lon)
            else:
                ok = same_country and loc.span is not None and _overlaps(tuple(loc.span), span)
        scores.attached += ok
        if not ok:
            got = f"{loc.name} ({loc.country})" if loc else "none"
            scores.misses.append(f"{item['id']}: event {trigger!r} at {got}, gold {want!r}")
    return scores


@dataclass(frozen=True)
class FoundPlace:
    """A place the places stage found: character span, country, point and name."""

    span: tuple[int, int]
    country: str | None
    lat: float | None
    lon: float | None
    name: str

    @classmethod
    def of(cls, place: Any) -> FoundPlace:
        """From a located place mention of ``PlaceLocator.find``."""
        mention = place.mention
        return cls(
            (mention.char_start, mention.char_end), place.country, place.lat, place.lon, place.name
        )


def evaluate_places(paths: tuple[Path, ...] = GOLD_FILES) -> dict[str, PlaceScores]:
    """Scores per gold file (by file stem)."""
    from eventcoder.coder import Coder
    from eventcoder.places.locate import PlaceLocator

    coder = Coder.load()
    locator = PlaceLocator.from_data()
    actors = actor_finder()
    out: dict[str, PlaceScores] = {}
    for path in paths:
        total = PlaceScores()
        for item in load_gold(path):
            parsed = coder.nlp(item["text"])
            places = locator.find(parsed, actors(parsed))
            found = [FoundPlace.of(p) for p in places.places]
            records = coder.code(item["text"], doc_id=item["id"], min_confidence=0.0)
            events = [r for r in records if r.KIND == "event"]
            total.add(score_item(item, found, events))
        out[path.stem] = total
    return out


def actor_finder() -> Any:
    """A function from a parsed text to its actor mentions (the actor dictionaries, once)."""
    from eventcoder.actors.coder import ActorCoder

    coder = ActorCoder.from_data()
    return lambda parsed: coder.find(parsed, None)


def _news_report(split: str, show_misses: bool) -> None:
    """Print the real-news place scores of a split, or why they cannot be had."""
    from eventcoder.paths import shared_data_dir
    from eventcoder.places.evaluate_news import evaluate_news_places, report_news

    if not shared_data_dir().exists():
        click.echo(f"news_{split}: skipped, no research data at {shared_data_dir()}")
        return
    try:
        scores = evaluate_news_places(split)
    except EventcoderError as exc:
        raise click.ClickException(str(exc)) from None
    for line in report_news(split, scores):
        click.echo(line)
    if show_misses and split == "dev":  # test errors are never studied
        for miss in scores.misses:
            click.echo(f"    miss {miss}")


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:.1f}%" if d else "n/a"


def report(name: str, s: PlaceScores) -> list[str]:
    """The lines printed for one gold set."""
    return [
        f"{name}: {s.mentions} gold place mentions, {s.events} gold events",
        f"  found {s.found}/{s.mentions} ({_pct(s.found, s.mentions)}), extra {s.extra}",
        (
            f"  country right {s.country}/{s.mentions} ({_pct(s.country, s.mentions)});"
            f" of those found {_pct(s.country, s.found)}"
        ),
        (
            f"  within {WITHIN_KM:.0f} km {s.within}/{s.points} ({_pct(s.within, s.points)})"
            " of gold points (exact or near)"
        ),
        (
            f"  events coded {s.coded}/{s.events}; right place attached {s.attached}/{s.coded}"
            f" ({_pct(s.attached, s.coded)})"
        ),
    ]


@click.command(name="places")
@click.option(
    "--gold",
    "gold_paths",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Gold JSON Lines file(s); default: the dev and held-out sets.",
)
@click.option(
    "--news",
    "news",
    type=click.Choice(["dev", "test", "both", "none"]),
    default="both",
    show_default=True,
    help="Also score the places of the real-news event gold (needs ../shared/data).",
)
@click.option("--show-misses", is_flag=True, help="List every miss.")
def eval_places_command(gold_paths: tuple[Path, ...], news: str, show_misses: bool) -> None:
    """Place mentions (found, country, within 25 km) and event attachment on gold."""
    try:
        results = evaluate_places(tuple(gold_paths) or GOLD_FILES)
    except EventcoderError as exc:
        raise click.ClickException(str(exc)) from None
    overall = PlaceScores()
    for name, scores in results.items():
        for line in report(name, scores):
            click.echo(line)
        if show_misses:
            for miss in scores.misses:
                click.echo(f"    miss {miss}")
        overall.add(scores)
    if len(results) > 1:
        for line in report("all", overall)[1:]:
            click.echo(line)
    for split in {"both": ["dev", "test"], "none": []}.get(news, [news]):
        _news_report(split, show_misses)
    click.echo(
        f"places: found {overall.found}/{overall.mentions}"
        f" ({_pct(overall.found, overall.mentions)}), extra {overall.extra}"
    )
