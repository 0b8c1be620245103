"""The places stage (see ``eventcoder.stages`` for the protocol): every event of a chunk
gets the place where it happened, or none.

It runs after the events stage and returns the chunk's event records again, each with its
``location`` set (records with a known id replace the earlier ones). The place comes from
:mod:`eventcoder.places.attach`: the parse, else the sentence, else the narrative; an event
with none that tells again an earlier one (same trigger lemma, CAMEO code and actors'
countries; not a statement) takes the earlier one's place.
"""

from __future__ import annotations

import dataclasses
from typing import Literal

from spacy.tokens import Token

from eventcoder.actors.mention import ActorMention
from eventcoder.places.locate import PlaceLocator
from eventcoder.records import Actor, EventRecord, Location
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
        told: dict[tuple[str, str, str, str], Location] = {}  # events with a place so far
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
            key = _retold_key(event, trigger, self.locator.cues["verbal"])
            if location is None and key is not None:
                location = told.get(key)  # the same event told again: its place
            elif location is not None and key is not None:
                told.setdefault(key, location)
            located.append(dataclasses.replace(event, location=location))
        return Found(records=tuple(located))


def _retold_key(
    event: EventRecord, trigger: Token, verbal: frozenset[str]
) -> tuple[str, str, str, str] | None:
    """What makes two events of a text one event told twice ("X met Y in London today."
    ... "The Foreign Secretary met Y to discuss ..."): the trigger's lemma, the CAMEO code
    and the countries of source and target. None for a verbal event (a statement is made
    again elsewhere) or one without both actors' countries."""
    cameo = event.cameo or ""
    countries = _countries(event.source), _countries(event.target)
    if cameo[:2] in verbal or not all(countries):
        return None
    return (trigger.lemma_.lower(), cameo, countries[0][0], countries[1][0])


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
