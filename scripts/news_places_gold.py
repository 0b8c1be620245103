"""Build the place gold of the real-news event gold (offsets only, never text).

    PYTHONPATH=src python scripts/news_places_gold.py list --split dev > WORK/dev_events.txt
    PYTHONPATH=src python scripts/news_places_gold.py build --split dev --annotations WORK/dev.tsv

``list`` prints every gold event of a split (each trigger once, numbered ``E1``, ``E2``...
in document order) with its sentence, the trigger in ``[[...]]``, for the annotator to read.

The annotator's working file (kept out of the repository: it holds names copied from the
text) has one tab-separated line per event that has a place; events without a line have none:

    E<n>  <the place as written>  <ISO 3166 alpha-3 or ->  <precision>  [<lat>,<lon>]

``precision`` is ``exact``, ``near`` (near, outside, "north of"...), ``region`` or
``country``; a point is given for exact and near places when the annotator can place it
(to about 1 km; left out when unsure). The written place is looked up in the document: inside
the event's sentence when it is there, else the nearest occurrence before the trigger, else
the first one after it.

``build`` writes ``src/eventcoder/data/gold/news_places_<split>.jsonl``, one line per gold
event: ``{"doc", "trigger_span", "place"}`` with ``place`` null or
``{"span", "country", "precision", "lat", "lon"}``. Annotation rule (see README, Places):
the place where the text says the event happened (the place tied to it by in/at/near/from,
the place attacked or visited, a dateline, or the setting the surrounding text gives that
event); none when the text does not say.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from eventcoder.events.news_corpus import NewsDoc, read_news_corpus
from eventcoder.events.news_gold import GoldUnit, read_gold
from eventcoder.paths import PACKAGE_DIR, shared_data_dir

GOLD_DIR = PACKAGE_DIR / "data" / "gold"
PRECISIONS = ("exact", "near", "region", "country")


def gold_events(split: str) -> list[tuple[str, tuple[int, int], tuple[int, int]]]:
    """Every gold event of a split, each trigger once: (doc, unit span, trigger span)."""
    out = []
    seen: set[tuple[str, tuple[int, int]]] = set()
    units: list[GoldUnit] = read_gold(GOLD_DIR / f"news_{split}.jsonl")
    for unit in units:
        for event in unit.events:
            key = (unit.doc, event.trigger_span)
            if key not in seen:
                seen.add(key)
                out.append((unit.doc, unit.span, event.trigger_span))
    return out


def list_events(split: str, docs: dict[str, NewsDoc]) -> None:
    """Print the numbered events with their sentences."""
    current = None
    for n, (doc_id, (s, e), (a, b)) in enumerate(gold_events(split), 1):
        doc = docs[doc_id]
        if doc_id != current:
            print(f"\n######## {doc_id} | {doc.title} | {doc.date}")
            current = doc_id
        text = doc.text
        print(f"E{n} {a}-{b}\n   {text[s:a]}[[{text[a:b]}]]{text[b:e]}".rstrip())


def locate(text: str, name: str, unit: tuple[int, int], trigger: tuple[int, int]) -> int:
    """The offset of the occurrence of ``name`` the annotation means (-1 when absent)."""
    pattern = re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)")  # whole words only
    starts = [m.start() for m in pattern.finditer(text)]
    if not starts:
        return -1
    inside = [i for i in starts if unit[0] <= i < unit[1]]
    if inside:
        return min(inside, key=lambda i: abs(i - trigger[0]))
    before = [i for i in starts if i < trigger[0]]
    return before[-1] if before else starts[0]


def build(split: str, annotations: Path, docs: dict[str, NewsDoc]) -> int:
    """Write the split's place gold; return the number of bad annotation lines."""
    events = gold_events(split)
    places: dict[int, dict] = {}
    bad = 0
    for number, line in enumerate(annotations.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        try:
            index = int(cols[0].lstrip("E")) - 1
            doc_id, unit, trigger = events[index]
            name, country, precision = cols[1], cols[2], cols[3]
            if precision not in PRECISIONS:
                raise ValueError(f"precision {precision!r}")
            start = locate(docs[doc_id].text, name, unit, trigger)
            if start < 0:
                raise ValueError(f"{name!r} not in {doc_id}")
            lat = lon = None
            if len(cols) > 4 and cols[4].strip():
                lat, lon = (float(x) for x in cols[4].split(","))
        except (ValueError, IndexError) as exc:
            print(f"{annotations}:{number}: {exc}", file=sys.stderr)
            bad += 1
            continue
        places[index] = {
            "span": [start, start + len(name)],
            "country": None if country == "-" else country,
            "precision": precision,
            "lat": lat,
            "lon": lon,
        }
    out = GOLD_DIR / f"news_places_{split}.jsonl"
    with out.open("w", encoding="utf-8") as handle:
        for index, (doc_id, _unit, trigger) in enumerate(events):
            row = {"doc": doc_id, "trigger_span": list(trigger), "place": places.get(index)}
            handle.write(json.dumps(row) + "\n")
    print(f"{out.name}: {len(events)} events, {len(places)} with a place", file=sys.stderr)
    return bad


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=["list", "build"])
    parser.add_argument("--split", choices=["dev", "test"], required=True)
    parser.add_argument("--annotations", type=Path)
    args = parser.parse_args()
    docs = {doc.doc_id: doc for doc in read_news_corpus(shared_data_dir())}
    if args.command == "list":
        list_events(args.split, docs)
        return
    if args.annotations is None:
        parser.error("build needs --annotations")
    sys.exit(1 if build(args.split, args.annotations, docs) else 0)


if __name__ == "__main__":
    main()
