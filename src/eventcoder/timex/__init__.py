"""Temporal expressions -> date intervals relative to the document and its narrative.

Who does what:

- own rules (:mod:`patterns`, :mod:`expressions`) find expressions: absolute and partial
  dates, parts of months and years, seasons, quarters, decades, weekdays, relative words,
  present-time words and expressions anchored on named events;
- Microsoft's recognizers-text (:mod:`recognizers`) adds explicit dates the rules missed and
  gives their TIMEX values;
- own resolvers (:mod:`resolve`, :mod:`relative`, :mod:`anchored`) turn each expression into
  an interval; :mod:`context` infers missing years from the narrative; :mod:`narrative`
  keeps the document timeline and dates named events (in the text, else from the table of
  well-known events, :mod:`events_table`);
- dateparser resolves only what recognizers-text finds but gives no readable TIMEX value
  for (a span with a year); it is not used to find spans: measured offline, its
  ``search_dates`` misses "On October 31" and reads "30%" as a date, and it knows no
  narrative (a missing year comes from the current date);
- :mod:`attach` gives each event trigger its interval (``DocumentTimes.date_for``).
"""

from __future__ import annotations

from eventcoder.timex.attach import DocumentTimes, infer_document_date, resolve_document
from eventcoder.timex.narrative import Timex

__all__ = ["DocumentTimes", "Timex", "infer_document_date", "resolve_document"]
