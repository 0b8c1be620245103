"""The places stage (see ``eventcoder.stages`` for the protocol): every event of a chunk
gets the place where it happened, or none.

It runs after the events stage and returns the chunk's event records again, each with its
``location`` set (records with a known id replace the earlier ones). The place comes from
:mod:`eventcoder.places.attach`: the parse, else the sentence, else the narrative.
"""

from __future__ import annotations

import dataclasses
from typing import Literal

from eventcoder.actors.mention import ActorMention
from eventcoder.places.locate import PlaceLocator
from eventcoder.records import Actor, EventRecord
from eventcoder.stages import Context, Found

__all__ = ["PlaceStage"]


class PlaceStage:
    """Locates the events of a chunk with the gazetteer, loaded once."""

    name = "places"
    scope: Literal["chunk"] = "chunk"

    def __init__(self, locator: PlaceLocator) -> None:
        self.locator = locator

    @classmethod
    def load(cls) -> PlaceStage:
        """The stage with the bundled gazetteer and cue words."""
        return cls(PlaceLocator.from_data())

    def run(self, context: Context) -> Found:
        assert context.doc is not None
        events = [r for r in context.of_kind("event") if isinstance(r, EventRecord)]
        if not events:
            return Found()
        doc = context.doc
        places = self.locator.find(doc, context.mentions)
        by_char = {m.char_start: m for m in context.mentions}
        tokens = {token.idx: token for token in doc}
        located = []
        for event in events:
            trigger = tokens.get(event.trigger_span[0]) if event.trigger_span else None
            if trigger is None or event.sentence is None:
                continue
            actors = [_mention(by_char, event.source), _mention(by_char, event.target)]
            location = self.locator.locate(
                places,
                trigger,
                event.sentence - context.first_sentence,
                actors,
                event.cameo or "",
                _countries(event.source, event.target),
            )
            located.append(dataclasses.replace(event, location=location))
        return Found(records=tuple(located))


def _countries(*actors: Actor | None) -> list[str]:
    """The ISO 3166 countries of an event's coded actors ("IRQREB" -> IRQ)."""
    out = []
    for actor in actors:
        if actor is None:
            continue
        code = actor.country if actor.country and len(actor.country) == 3 else actor.code
        if code and code[:3].isalpha() and code[:3].isupper():
            out.append(code[:3])
    return out


def _mention(by_char: dict[int, ActorMention], actor: Actor | None) -> ActorMention | None:
    if actor is None or actor.span is None:
        return None
    return by_char.get(actor.span[0])
