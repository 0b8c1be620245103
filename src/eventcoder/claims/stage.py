"""The claims and conflicts stages (see ``eventcoder.stages`` for the protocol).

``claims`` finds claims, quantities and polls in a chunk and gives each its sentence's date;
``conflicts`` runs once per document over all its dated quantities, so which figures
conflict, and the conflicts' ids, do not depend on how the document was chunked.
"""

from __future__ import annotations

from typing import Literal

from spacy.tokens import Span

from eventcoder.claims.conflicts import find_conflicts
from eventcoder.claims.extract import ClaimExtractor
from eventcoder.claims.lexicon import ClaimsData, load_measure_classes
from eventcoder.records import DateInterval, QuantityRecord
from eventcoder.stages import Context, Found

__all__ = ["ClaimStage", "ConflictStage"]


class ClaimStage:
    """Claims, quantities and polls of one chunk, dated by the time stage."""

    name = "claims"
    scope: Literal["chunk"] = "chunk"

    def __init__(self, extractor: ClaimExtractor) -> None:
        self.extractor = extractor

    @classmethod
    def load(cls) -> ClaimStage:
        """The stage with the bundled claims data (read here, once)."""
        return cls(ClaimExtractor(ClaimsData.load()))

    def run(self, context: Context) -> Found:
        assert context.doc is not None
        times = context.times
        dates: dict[int, DateInterval] = {}  # by sentence start: once per sentence

        def date_of(sent: Span) -> DateInterval:
            if times is None:
                end = context.date.isoformat() if context.date else None
                return DateInterval(None, end, "unknown", None)
            if sent.start not in dates:
                dates[sent.start] = times.date_for(sent.root.i)
            return dates[sent.start]

        records = self.extractor.extract(
            context.doc,
            context.mentions,
            context.document.id,
            context.date,
            first_sentence=context.first_sentence,
            date_of=date_of,
            conflicts=False,
        )
        return Found(records=tuple(records))


class ConflictStage:
    """Figures of one document that dispute each other (the same measure, overlapping
    time, different sources), found once all its chunks are coded."""

    name = "conflicts"
    scope: Literal["document"] = "document"

    def __init__(self, measure_classes: dict[str, str]) -> None:
        self.measure_classes = measure_classes

    @classmethod
    def load(cls) -> ConflictStage:
        """The stage with the bundled measure classes."""
        return cls(load_measure_classes())

    def run(self, context: Context) -> Found:
        quantities = [r for r in context.records if isinstance(r, QuantityRecord)]
        return Found(records=tuple(find_conflicts(quantities, self.measure_classes)))
