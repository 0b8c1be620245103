"""eventcoder: structured, source-attributed event data from news text.

>>> import eventcoder
>>> records = eventcoder.code("On Monday the EU imposed sanctions on Caracas.",
...                           date="2022-11-15")                      # doctest: +SKIP
>>> eventcoder.records_to_frame(records, kind="event")               # doctest: +SKIP

For many documents, load the resources once with ``Coder.load()`` and call
``coder.code_many(texts_or_documents)``.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Coder", "CoderConfig", "__version__", "code", "records_to_frame"]

if TYPE_CHECKING:
    from eventcoder.coder import Coder, CoderConfig
    from eventcoder.records import Record


@lru_cache(maxsize=1)
def _default_coder() -> Coder:
    from eventcoder.coder import Coder

    return Coder.load()


def code(
    text_or_document: Any, date: str | dt.date | None = None, doc_id: str | None = None
) -> list[Record]:
    """Code one text or ``Document`` with the default coder (loaded once per process)."""
    return _default_coder().code(text_or_document, date=date, doc_id=doc_id)


def __getattr__(name: str) -> Any:
    # Heavy modules load on first use, so `import eventcoder` stays fast.
    if name in ("Coder", "CoderConfig"):
        from eventcoder import coder

        return getattr(coder, name)
    if name == "records_to_frame":
        from eventcoder.store.export import records_to_frame

        return records_to_frame
    raise AttributeError(f"module 'eventcoder' has no attribute {name!r}")
