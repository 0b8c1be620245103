"""Loader of the table of well-known events (``data/timex/events.tsv``).

News text anchors times on events it does not date ("a few weeks before the invasion",
"since the pandemic began"). When the document itself gives no date for such an event, the
small documented table supplies one. A row applies only when the document date is on or
after the event, and, for rows with a region, when one of the region's names occurs in the
document (so "the invasion" means 2022-02-24 in a story about Ukraine, not elsewhere).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventcoder.errors import Errors, InputError

__all__ = ["EVENTS_FILE", "TimeData", "WellKnownEvent", "find_event", "load_events"]

EVENTS_FILE = Path(__file__).resolve().parent.parent / "data" / "timex" / "events.tsv"


@dataclass(frozen=True)
class WellKnownEvent:
    """One row of the table."""

    id: str
    aliases: tuple[str, ...]
    start: dt.date
    end: dt.date
    region: tuple[str, ...]
    source: str

    def applies(self, document_text: str, document_date: dt.date | None) -> bool:
        """Whether the event can be what this document refers to."""
        if document_date is not None and document_date < self.start:
            return False
        if not self.region:
            return True
        return any(re.search(rf"\b{re.escape(name)}", document_text) for name in self.region)


def _row(path: Path, number: int, line: str) -> WellKnownEvent:
    cols = line.rstrip("\n").split("\t")
    if len(cols) != 6:
        raise InputError(Errors.E103.format(path=path, line=number, detail="expected 6 columns"))
    ident, aliases, start, end, region, source = cols
    try:
        first = dt.date.fromisoformat(start)
        last = dt.date.fromisoformat(end) if end else first
    except ValueError as exc:
        raise InputError(Errors.E103.format(path=path, line=number, detail=str(exc))) from exc
    return WellKnownEvent(
        id=ident,
        aliases=tuple(a.strip().lower() for a in aliases.split(";") if a.strip()),
        start=first,
        end=last,
        region=tuple(r.strip() for r in region.split(";") if r.strip()),
        source=source,
    )


def load_events(path: Path = EVENTS_FILE) -> tuple[WellKnownEvent, ...]:
    """All rows of the table; ``#`` lines are comments."""
    rows: list[WellKnownEvent] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            rows.append(_row(path, number, line))
    return tuple(rows)


def find_event(
    phrase: str,
    document_text: str,
    document_date: dt.date | None,
    events: tuple[WellKnownEvent, ...],
) -> tuple[WellKnownEvent, int, int] | None:
    """The event whose longest alias opens ``phrase`` (after at most two words), with the
    alias's offsets in the phrase."""
    lowered = phrase.lower().replace("’", "'")
    best: tuple[WellKnownEvent, int, int] | None = None
    for event in events:
        for alias in event.aliases:
            match = re.search(rf"(?<![\w/]){re.escape(alias)}(?![\w/])", lowered)
            if match is None or len(lowered[: match.start()].split()) > 2:
                continue  # the alias must head the phrase ("the", a possessive, an adjective)
            if best is not None and best[2] - best[1] >= len(alias):
                continue
            if event.applies(document_text, document_date):
                best = (event, match.start(), match.end())
    return best


@dataclass(frozen=True)
class TimeData:
    """What the time stage reads, loaded once by its factory and passed in: the table of
    well-known events, the recognizers-text date model (None: rules only), the verbs of
    a journey and the reporting verbs."""

    events: tuple[WellKnownEvent, ...]
    recognizer: Any = None
    travel_verbs: frozenset[str] = frozenset()  # data/timex/travel_verbs.txt
    reporting_verbs: frozenset[str] = frozenset()  # data/claims/reporting_verbs.tsv, lemmas

    @classmethod
    def load(cls, recognizers: bool = True) -> TimeData:
        """The bundled table, and the recognizers-text model unless ``recognizers=False``."""
        from eventcoder.datafiles import read_rows, read_words
        from eventcoder.timex.recognizers import load_model

        travel = read_words(EVENTS_FILE.with_name("travel_verbs.txt"))
        reporting = EVENTS_FILE.parent.parent / "claims" / "reporting_verbs.tsv"
        saying = frozenset(cols[0].lower() for _, cols in read_rows(reporting, 1))
        return cls(load_events(), load_model() if recognizers else None, travel, saying)
