"""eventcoder: structured, source-attributed event data from news text.

>>> import eventcoder
>>> records = eventcoder.code("On Monday the EU imposed sanctions on Caracas.",
...                           date="2022-11-15")                      # doctest: +SKIP
>>> eventcoder.records_to_frame(records, kind="event")               # doctest: +SKIP

For many documents, load the resources once with ``Coder.load()`` and call
``coder.code_many(texts_or_documents)``; ``Coder.load(actors=[...], verbs=[...])`` lays user
dictionaries over the bundled ones, and ``eventcoder.explain(text)`` says why a text was
coded as it was.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Coder", "CoderConfig", "__version__", "code", "explain", "records_to_frame"]

if TYPE_CHECKING:
    from eventcoder.coder import Coder, CoderConfig
    from eventcoder.dictionaries.explain import Explanation
    from eventcoder.records import Record


@lru_cache(maxsize=1)
def _default_coder() -> Coder:
    from eventcoder.coder import Coder

    return Coder.load()


def code(
    text_or_document: Any,
    date: str | dt.date | None = None,
    doc_id: str | None = None,
    min_confidence: float | None = None,
) -> list[Record]:
    """Code one text or ``Document`` with the default coder (loaded once per process).

    ``min_confidence`` (0..1) leaves out less certain events: by default those below the
    confidence model's default threshold (``eventcoder.events.confidence
    .precision_threshold()``); ``min_confidence=0`` keeps every event."""
    return _default_coder().code(
        text_or_document, date=date, doc_id=doc_id, min_confidence=min_confidence
    )


def explain(
    text: str, date: str | dt.date | None = None, coder: Coder | None = None
) -> Explanation:
    """Why ``text`` is coded as it is: the parse, each actor's dictionary entry (file, line,
    dated term), each event's verb entry and pattern, negation and modality cues, the date and
    how it was attached, and why other verbs gave no event (``.to_dict()`` for JSON). Pass a
    ``coder`` loaded with user dictionaries (``Coder.load(actors=..., verbs=...)``) to explain
    its coding."""
    from eventcoder.dictionaries.explain import explain as _explain

    return _explain(text, coder or _default_coder(), date)


def __getattr__(name: str) -> Any:
    # Heavy modules load on first use, so `import eventcoder` stays fast.
    if name in ("Coder", "CoderConfig"):
        from eventcoder import coder

        return getattr(coder, name)
    if name == "records_to_frame":
        from eventcoder.store.export import records_to_frame

        return records_to_frame
    raise AttributeError(f"module 'eventcoder' has no attribute {name!r}")
