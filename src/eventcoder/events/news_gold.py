"""The real-news event gold: annotators' working files in, committed offsets-only gold out.

Annotators write one JSON Lines file per document (see ``docs/codebook.md``): one line per
sentence unit, ``{"unit", "events": [...]}``, each event with its ``trigger`` copied from the
text. :func:`build_gold` checks every line against the document text and writes the committed
gold, which keeps only ids, character offsets and codes (never the text)::

    {"unit": "GUM_news_x#3", "doc": "GUM_news_x", "span": [214, 359], "annotator": "A1",
     "events": [{"trigger_span": [230, 238], "source": "USACOP", "target": "USACVL",
                 "cameo": "173", "negated": false, "modality": "asserted",
                 "date": ["2015-09-14", "2015-09-14"]}]}

:func:`read_gold` reads that file back (with line-numbered errors) for ``eventcoder eval news``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventcoder.datafiles import read_checked_jsonl
from eventcoder.errors import Errors
from eventcoder.events.news_corpus import NewsDoc, unit_id

__all__ = [
    "MODALITIES",
    "GoldEvent",
    "GoldUnit",
    "Problem",
    "build_gold",
    "check_annotation_file",
    "read_gold",
    "write_gold",
]

MODALITIES = ("asserted", "reported", "intended", "threatened", "hypothetical")
_ACTOR = re.compile(r"^(?:---|[A-Z]{3})(?:[A-Z]{3})*$|^(?:IGO|NGO|IMG|MNC)[A-Z]*$")
_CAMEO = re.compile(r"^[0-2][0-9]{1,3}$")


@dataclass(frozen=True)
class GoldEvent:
    """One gold event: where its trigger is and how it is coded."""

    trigger_span: tuple[int, int]
    source: str
    target: str | None
    cameo: str
    negated: bool = False
    modality: str = "asserted"
    date: tuple[str, str] | None = None

    def to_dict(self) -> dict:
        return {
            "trigger_span": list(self.trigger_span),
            "source": self.source,
            "target": self.target,
            "cameo": self.cameo,
            "negated": self.negated,
            "modality": self.modality,
            "date": list(self.date) if self.date else None,
        }


@dataclass(frozen=True)
class GoldUnit:
    """One annotated sentence unit and its events (none: an explicit "no event")."""

    unit: str
    doc: str
    span: tuple[int, int]
    events: tuple[GoldEvent, ...] = field(default=())
    annotator: str = ""

    def to_dict(self) -> dict:
        return {
            "unit": self.unit,
            "doc": self.doc,
            "span": list(self.span),
            "annotator": self.annotator,
            "events": [e.to_dict() for e in self.events],
        }


@dataclass(frozen=True)
class Problem:
    """A line of an annotation or gold file that cannot be used."""

    path: Path
    line: int
    detail: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.detail}"


def _check_date(value: object) -> tuple[str, str] | None:
    if value is None:
        return None
    if not isinstance(value, list) or len(value) != 2:
        raise ValueError(f"date must be null or [start, end], got {value!r}")
    days = []
    for item in value:
        try:
            days.append(dt.date.fromisoformat(str(item)))
        except ValueError:
            raise ValueError(f"date {item!r} is not YYYY-MM-DD") from None
    if days[0] > days[1]:
        raise ValueError(f"date interval {value!r} ends before it starts")
    return (days[0].isoformat(), days[1].isoformat())


def _check_actor(value: object, role: str, optional: bool) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str) or not _ACTOR.match(value):
        raise ValueError(f"{role} {value!r} is not an actor code (e.g. USAGOV, ---CVL, IGOEU)")
    return value


def _find(text: str, needle: str, occurrence: int) -> int:
    start = -1
    for _ in range(occurrence):
        start = text.find(needle, start + 1)
        if start < 0:
            return -1
    return start


def _event(
    raw: object, doc: NewsDoc, span: tuple[int, int], cameo_codes: set[str] | None
) -> GoldEvent:
    if not isinstance(raw, dict):
        raise TypeError(f"an event must be an object, got {type(raw).__name__}")
    missing = {"trigger", "source", "cameo"} - set(raw)
    if missing:
        raise ValueError(f"event lacks {', '.join(sorted(missing))}")
    trigger = raw["trigger"]
    if not isinstance(trigger, str) or not trigger.strip():
        raise ValueError(f"trigger {trigger!r} is not a word of the text")
    occurrence = raw.get("trigger_occurrence", 1)
    if not isinstance(occurrence, int) or occurrence < 1:
        raise ValueError(f"trigger_occurrence {occurrence!r} is not a positive number")
    unit_text = doc.text[span[0] : span[1]]
    at = _find(unit_text, trigger, occurrence)
    if at < 0:
        at = _find(unit_text.lower(), trigger.lower(), occurrence)
    if at < 0:
        raise ValueError(f"trigger {trigger!r} (occurrence {occurrence}) is not in the unit text")
    cameo = raw["cameo"]
    if isinstance(cameo, int):
        cameo = f"{cameo:03d}" if cameo >= 10 else f"0{cameo}"
    if not isinstance(cameo, str) or not _CAMEO.match(cameo):
        raise ValueError(f"cameo {raw['cameo']!r} is not a CAMEO code of 2-4 digits")
    if cameo_codes is not None and cameo not in cameo_codes:
        raise ValueError(f"cameo {cameo!r} is not in the CAMEO code table")
    negated = raw.get("negated", False)
    if not isinstance(negated, bool):
        raise TypeError(f"negated must be true or false, got {negated!r}")
    modality = raw.get("modality", "asserted")
    if modality not in MODALITIES:
        raise ValueError(f"modality {modality!r} is not one of {', '.join(MODALITIES)}")
    source = _check_actor(raw["source"], "source", optional=False)
    assert source is not None
    return GoldEvent(
        trigger_span=(span[0] + at, span[0] + at + len(trigger)),
        source=source,
        target=_check_actor(raw.get("target"), "target", optional=True),
        cameo=cameo,
        negated=negated,
        modality=modality,
        date=_check_date(raw.get("date")),
    )


def check_annotation_file(
    path: Path,
    docs: dict[str, NewsDoc],
    annotator: str,
    cameo_codes: set[str] | None = None,
) -> tuple[list[GoldUnit], list[Problem]]:
    """The usable units of one annotator file, and a problem for every line that is not.

    A unit with any bad event is left out whole (a half-read unit would claim "no event" for
    what the annotator recorded). Units of the document the file does not cover are named.
    """
    units: list[GoldUnit] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    doc: NewsDoc | None = None
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        return [], [Problem(path, 0, f"cannot read the file ({exc})")]
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(Problem(path, number, f"not valid JSON ({exc.msg})"))
            continue
        if not isinstance(row, dict):
            problems.append(Problem(path, number, "a line must be a JSON object"))
            continue
        if "doc" in row and "unit" not in row:
            continue  # a header copied from the unit file
        uid = row.get("unit")
        if not isinstance(uid, str) or "#" not in uid:
            problems.append(Problem(path, number, f"unknown unit id {uid!r}"))
            continue
        doc_id, _, number_text = uid.rpartition("#")
        if doc_id not in docs:
            problems.append(Problem(path, number, f"unknown unit id {uid!r}"))
            continue
        if doc is not None and doc.doc_id != doc_id:
            problems.append(Problem(path, number, f"unit {uid} is of another document"))
            continue
        doc = docs[doc_id]
        index = int(number_text) if number_text.isdigit() else -1
        if not 0 <= index < len(doc.units) or unit_id(doc_id, index) != uid:
            problems.append(Problem(path, number, f"unknown unit id {uid!r}"))
            continue
        if uid in seen:
            problems.append(Problem(path, number, f"unit {uid} is annotated twice"))
            continue
        seen.add(uid)
        raw_events = row.get("events")
        if not isinstance(raw_events, list):
            problems.append(Problem(path, number, "'events' must be a list ([] for no event)"))
            continue
        span = doc.units[index]
        try:
            events = tuple(_event(raw, doc, span, cameo_codes) for raw in raw_events)
        except (TypeError, ValueError) as exc:
            problems.append(Problem(path, number, f"unit {uid}: {exc}"))
            continue
        units.append(GoldUnit(uid, doc_id, span, events, annotator))
    if doc is not None:
        left = [unit_id(doc.doc_id, i) for i in range(len(doc.units))]
        absent = [u for u in left if u not in seen]
        if absent:
            problems.append(
                Problem(path, 0, f"{len(absent)} unit(s) not annotated, e.g. {absent[0]}")
            )
    elif not problems:
        problems.append(Problem(path, 0, "no annotated unit"))
    return units, problems


def build_gold(
    folders: Iterable[tuple[str, Path]],
    docs: dict[str, NewsDoc],
    cameo_codes: set[str] | None = None,
) -> tuple[list[GoldUnit], list[Problem]]:
    """Gold units from annotator folders, in order of preference: a document annotated in
    several folders takes the first folder's version (A1 before A2 for the overlap)."""
    chosen: dict[str, list[GoldUnit]] = {}
    problems: list[Problem] = []
    for annotator, folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.jsonl")):
            units, found = check_annotation_file(path, docs, annotator, cameo_codes)
            problems += found
            if units and units[0].doc not in chosen:
                chosen[units[0].doc] = units
    order = {doc_id: i for i, doc_id in enumerate(docs)}
    out = [u for doc_id in sorted(chosen, key=order.__getitem__) for u in chosen[doc_id]]
    return out, problems


def write_gold(units: Iterable[GoldUnit], path: Path) -> int:
    """Write gold units as JSON Lines; the number written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with path.open("w", encoding="utf-8") as handle:
        for unit in units:
            handle.write(json.dumps(unit.to_dict(), ensure_ascii=False) + "\n")
            n += 1
    return n


def _gold_event(raw: dict) -> GoldEvent:
    span = raw["trigger_span"]
    if not (isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) for x in span)):
        raise ValueError(f"trigger_span {span!r} is not [start, end]")
    modality = raw.get("modality", "asserted")
    if modality not in MODALITIES:
        raise ValueError(f"modality {modality!r} is not one of {', '.join(MODALITIES)}")
    source = _check_actor(raw["source"], "source", optional=False)
    assert source is not None
    cameo = raw["cameo"]
    if not isinstance(cameo, str) or not _CAMEO.match(cameo):
        raise ValueError(f"cameo {cameo!r} is not a CAMEO code of 2-4 digits")
    return GoldEvent(
        trigger_span=(span[0], span[1]),
        source=source,
        target=_check_actor(raw.get("target"), "target", optional=True),
        cameo=cameo,
        negated=bool(raw.get("negated", False)),
        modality=modality,
        date=_check_date(raw.get("date")),
    )


def read_gold(path: Path) -> list[GoldUnit]:
    """Read a committed gold file; a bad line is an error naming the file and line."""
    return read_checked_jsonl(path, _gold_unit, Errors.E806, Errors.E807)


def _gold_unit(row: dict[str, Any]) -> GoldUnit:
    span = row["span"]
    return GoldUnit(
        unit=str(row["unit"]),
        doc=str(row["doc"]),
        span=(int(span[0]), int(span[1])),
        events=tuple(_gold_event(e) for e in row["events"]),
        annotator=str(row.get("annotator", "")),
    )
