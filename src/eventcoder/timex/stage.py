"""The time stage (see ``eventcoder.stages`` for the protocol): the temporal expressions of
a chunk, resolved against the document date (inferred from the text when not given)."""

from __future__ import annotations

from typing import Literal

from eventcoder.stages import Context, Found
from eventcoder.timex.attach import resolve_document
from eventcoder.timex.events_table import TimeData

__all__ = ["TimeStage"]


class TimeStage:
    """Resolves the time expressions of a parsed chunk for the later stages."""

    name = "time"
    scope: Literal["chunk"] = "chunk"

    def __init__(self, data: TimeData) -> None:
        self.data = data

    @classmethod
    def load(cls) -> TimeStage:
        """The stage with the table of well-known events and the recognizers-text model."""
        return cls(TimeData.load())

    def run(self, context: Context) -> Found:
        assert context.doc is not None
        return Found(times=resolve_document(context.doc, context.document.date, self.data))
