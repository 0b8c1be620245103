"""Reading the date a document carries (metadata, HTML, a JSON field or ``--date``)."""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["parse_date"]

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(value: object) -> dt.date | None:
    """A calendar date from an ISO string (date or date-time), a date, or free text.

    Free text ("4 May 2023", "May 4, 2023") is read with dateparser, offline; anything that
    is not one day returns None.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if _ISO_DAY.match(text):
        try:  # a date, or a date-time whose time is valid too ("T99:99" is not a time)
            return dt.datetime.fromisoformat(text).date()
        except ValueError:
            return _iso_with_zone(text)
    return _parse_free(text)


def _iso_with_zone(text: str) -> dt.date | None:
    """A date-time that only ``fromisoformat`` of older Pythons refuses ("...Z", "+0100")."""
    fixed = re.sub(
        r"(?:Z|([+-]\d\d)(\d\d))$", lambda m: f"{m[1]}:{m[2]}" if m[1] else "+00:00", text
    )
    try:
        return dt.datetime.fromisoformat(fixed).date()
    except ValueError:
        return None


def _parse_free(text: str) -> dt.date | None:
    if not re.search(r"\d", text) or len(text) > 60:
        return None
    import dateparser  # slow to import; only needed for non-ISO dates

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    return parsed.date() if parsed else None
