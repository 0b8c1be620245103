"""The time stage (see ``eventcoder.stages`` for the protocol): the temporal expressions of
a chunk, resolved against the document date (inferred from the text when not given)."""

from __future__ import annotations

from typing import Literal

from eventcoder.stages import Context, Found
from eventcoder.timex.attach import resolve_document

__all__ = ["TimeStage"]


class TimeStage:
    """Resolves the time expressions of a parsed chunk for the later stages."""

    name = "time"
    scope: Literal["chunk"] = "chunk"

    @classmethod
    def load(cls) -> TimeStage:
        return cls()

    def run(self, context: Context) -> Found:
        assert context.doc is not None
        return Found(times=resolve_document(context.doc, context.document.date))
