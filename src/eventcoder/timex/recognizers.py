"""Dates that Microsoft's recognizers-text finds and the own rules did not.

recognizers-text (``recognizers-text-suite``) gives TIMEX values per sentence
("October 31" -> ``XXXX-10-31``; "the second quarter of 2019" -> a range). Only spans that
name a month or a year are taken (its resolution of relative phrases such as "three years
later" is not anchored on the narrative), and a value without a year goes through the same
narrative year inference as the own rules (:func:`eventcoder.timex.context.pick_year`).
The model loads once, on first use. When a TIMEX value cannot be read, dateparser (with
``RELATIVE_BASE`` = the document date) resolves the span if it names a year.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Any

from spacy.tokens import Doc

from eventcoder.months import month_pattern
from eventcoder.timex import dates as D
from eventcoder.timex.context import Context, pick_year

__all__ = ["recognizer_candidates", "resolve_recognized"]

log = logging.getLogger(__name__)
# a year or a month name as a whole word: "Marines", "Julie" and "Declaring" name none, and
# a sentence whose only candidates they are is not worth recognizers-text's time (about
# 15 ms a sentence, most of the time stage's cost before this check was word-bounded)
_NAMED = re.compile(rf"\b(?:1[89]\d\d|20\d\d)\b|\b{month_pattern()}(?![a-z])")
_TYPES = ("datetimeV2.date", "datetimeV2.daterange")


def load_model() -> Any:
    """The recognizers-text English date-time model (about a second to build: load once)."""
    from recognizers_date_time import DateTimeRecognizer
    from recognizers_text import Culture

    return DateTimeRecognizer(Culture.English).get_datetime_model()


def recognizer_candidates(
    doc: Doc, document_date: dt.date | None, model: Any, covered: Any = None
) -> list:
    """Candidates (rule ``recognizers``) for each dated span recognizers-text finds, in the
    sentences that name a year or month outside the ``covered`` spans (an ``Occupied``;
    the others cannot give a span that would be kept: skipping them saves most of its time)."""
    from eventcoder.timex.expressions import Candidate, Occupied

    covered = covered if covered is not None else Occupied()
    reference = dt.datetime.combine(document_date or dt.date(2000, 1, 1), dt.time())
    out = []
    for sent in doc.sents:
        if not _uncovered_name(sent, covered):
            continue
        try:
            results = model.parse(sent.text, reference)
        except (ValueError, KeyError, IndexError, AttributeError) as exc:  # library quirks
            log.debug("recognizers-text failed on a sentence: %s", exc)
            continue
        for result in results:
            if (
                result.type_name not in _TYPES
                or not _NAMED.search(result.text)
                or result.text.strip().isdigit()
            ):
                continue  # bare numbers are the rules' job: they check the parse
            values = (result.resolution or {}).get("values") or []
            start = sent.start_char + result.start
            out.append(
                Candidate(
                    start,
                    start + len(result.text),
                    "recognizers",
                    {"values": values, "_start": start, "text": result.text},
                )
            )
    return out


def _uncovered_name(sent: Any, covered: Any) -> bool:
    return any(
        not covered.covers(sent.start_char + match.start()) for match in _NAMED.finditer(sent.text)
    )


def resolve_recognized(groups: dict[str, Any], ctx: Context) -> D.Span | None:
    """The interval of a recognizers-text TIMEX value (None when it cannot be read)."""
    values = groups.get("values") or []
    if not values:
        return _dateparser(groups.get("text", ""), ctx)
    value = values[0]
    timex = value.get("timex", "")
    if re.fullmatch(r"\d{4}-\d\d-\d\d", timex):
        return D.day(dt.date.fromisoformat(timex))
    match = re.fullmatch(r"XXXX-(\d\d)-(\d\d)", timex)
    if match:
        month, day_ = int(match.group(1)), int(match.group(2))
        return pick_year(lambda y: D.day(_clamp(y, month, day_), "partial"), ctx)
    if value.get("start") and value.get("end"):
        start = dt.date.fromisoformat(value["start"])
        end = dt.date.fromisoformat(value["end"]) - dt.timedelta(days=1)
        return D.Span(start, max(start, end), _granularity(start, end))
    return _dateparser(groups.get("text", ""), ctx)


def _dateparser_module() -> Any:
    import dateparser  # imported on first use: it is slow to import

    return dateparser


def _dateparser(text: str, ctx: Context) -> D.Span | None:
    """dateparser's reading of a span whose TIMEX value could not be read (only spans that
    name a year: dateparser fills a missing year from the current date, not the narrative)."""
    if not text or not re.search(r"\b(?:1[89]|20)\d\d\b", text):
        return None
    base = dt.datetime.combine(ctx.document_date or dt.date.today(), dt.time())
    settings = {
        "RELATIVE_BASE": base,
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    data = _dateparser_module().date.DateDataParser(languages=["en"], settings=settings)
    found = data.get_date_data(text)
    if found is None or found.date_obj is None:
        return None
    day_ = found.date_obj.date()
    if found.period == "year":
        return D.year_span(day_.year)
    if found.period == "month":
        return D.month_span(day_.year, day_.month)
    return D.day(day_)


def _clamp(year: int, month: int, day_: int) -> dt.date:
    return dt.date(year, month, min(day_, D.month_end(year, month).day))


def _granularity(start: dt.date, end: dt.date) -> str:
    days = (end - start).days + 1
    for limit, name in ((1, "day"), (7, "week"), (31, "month"), (92, "quarter"), (366, "year")):
        if days <= limit:
            return name
    return "decade" if days >= 3650 else "year"
