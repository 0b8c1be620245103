"""Places of a parsed text end to end: recognise, resolve, and locate events.

``PlaceLocator.from_data()`` loads the gazetteer and cue words once; ``find`` returns the
``DocumentPlaces`` of a parsed text (given the actor mentions, whose countries help to
disambiguate); ``locate`` gives an event trigger its ``Location`` record.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

from eventcoder.places.attach import DocumentPlaces, EventActor
from eventcoder.places.fuzzy import FuzzyIndex
from eventcoder.places.gazetteer import DATA_DIR, Gazetteer, Place, shared_gazetteer
from eventcoder.places.recognize import Cues, PlaceMention, find_mentions, is_strong
from eventcoder.places.resolve import ResolvedPlace, resolve_mentions
from eventcoder.places.unknown import add_unknown_mentions
from eventcoder.records import Location

__all__ = ["PlaceLocator", "to_location"]


def to_location(
    place: ResolvedPlace, precision: str | None = None, country: Place | None = None
) -> Location:
    """The output record of a resolved place. ``precision`` overrides the place's own; at
    country precision ``country`` (the gazetteer's entry) gives the name and point."""
    precision = precision or place.precision
    lat, lon, name = place.lat, place.lon, place.name
    admin1 = place.admin1
    if precision == "country" and place.precision != "country":
        admin1 = None  # the document's country, not the place that named it
        name = country.name if country else (place.country or place.name)
        lat, lon = (country.lat, country.lon) if country else (None, None)
    return Location(
        name=name,
        country=place.country,
        admin1=admin1,
        lat=lat,
        lon=lon,
        precision=precision,  # type: ignore[arg-type]  # one of Precision, by construction
        span=(place.mention.char_start, place.mention.char_end),
    )


def _names_actor(mention: PlaceMention, actors: list[Any]) -> bool:
    """A name that the actor dictionary codes as an organisation, or as a group of another
    country than any place of that name, is that actor and not a small town of the same
    name ("the EU", "Hamas"); a country, region or city of 100,000 or more stays a place
    ("Minsk" for BLRGOV, "Brussels" for the EU)."""
    if is_strong(mention.candidates):
        return False
    for actor in actors:
        if actor.start <= mention.name_start and mention.name_end <= actor.end:
            head = getattr(actor, "head", mention.name_start)
            if not mention.name_start <= head < mention.name_end:
                continue  # a name inside the actor's words, not the actor ("the village of X")
            code = getattr(actor, "code", None) or ""
            if len(code) <= 3:  # a bare country code: the actor coder took it for a place
                return False
            country = code[:3] if code[:3].isupper() else ""
            return all(p.iso3 != country for p, _ in mention.candidates)
    return False


class PlaceLocator:
    """The gazetteer and cue words, loaded once."""

    def __init__(self, gazetteer: Gazetteer, cues: Cues) -> None:
        self.gazetteer = gazetteer
        self.cues = cues
        self._fuzzy: FuzzyIndex | None = None

    @property
    def fuzzy(self) -> FuzzyIndex:
        """The index of near spellings, built on first use (a fraction of a second)."""
        if self._fuzzy is None:
            self._fuzzy = FuzzyIndex(self.gazetteer, self.cues["article"])
        return self._fuzzy

    @classmethod
    def from_data(cls, data_dir: Path = DATA_DIR) -> PlaceLocator:
        """Load the bundled data files (``data/places``)."""
        return cls(shared_gazetteer(data_dir), Cues.load(data_dir / "cues.tsv"))

    def find(self, doc: Doc, actors: Iterable[Any] = ()) -> DocumentPlaces:
        """Every resolved place of a parsed text. ``actors`` are actor mentions (anything
        with ``start`` and ``country``); their ISO 3166 countries guide disambiguation."""
        sentence_starts = [s.start for s in doc.sents]
        actors = list(actors)
        found = find_mentions(doc, self.gazetteer, self.cues)
        found = add_unknown_mentions(doc, self.gazetteer, self.cues, self.fuzzy, found)
        found = [self._settlement_country(m, actors) for m in found]
        mentions = [
            m
            for m in found
            if not _names_actor(m, actors) and (m.candidates or m.hint != "settlement")
        ]

        def sentence(token_i: int) -> int:
            return max(bisect.bisect_right(sentence_starts, token_i) - 1, 0)

        # actors lend their countries ("Israeli troops"), unless a place name gave it them
        named = {i for m in mentions for i in range(m.start, m.end)}
        starts = [m.start for m in mentions]  # mentions come in text order
        countries: dict[int, set[str]] = defaultdict(set)
        for actor in actors:
            country = getattr(actor, "country", None)
            inside = mentions[
                bisect.bisect_left(starts, actor.start) : bisect.bisect_left(starts, actor.end)
            ]
            if getattr(actor, "head", actor.start) in named or any(
                any(p.iso3 == country for p, _ in m.candidates) for m in inside
            ):
                continue  # "the governor of Georgia": its country came from the place
            if country and len(country) == 3 and country.isupper():
                countries[sentence(actor.start)].add(country)
        resolved = resolve_mentions(
            mentions, [sentence(m.start) for m in mentions], self.gazetteer, dict(countries)
        )
        return DocumentPlaces(doc, resolved, self.cues)

    def _settlement_country(self, mention: PlaceMention, actors: list[Any]) -> PlaceMention:
        """An unknown settlement after a nationality word ("the Syrian town of X") is in
        that country, read from the actor the word begins (the actor coder knows the
        nationality words): the country as its only candidate."""
        if mention.hint != "settlement" or mention.candidates:
            return mention
        for actor in actors:
            if actor.start <= mention.name_start < actor.end:
                country = self.gazetteer.countries.get(getattr(actor, "country", None) or "")
                if country is not None:
                    return dataclasses.replace(mention, candidates=((country, True),))
        return mention

    def locate(
        self,
        places: DocumentPlaces,
        trigger: Token,
        sentence: int,
        actors: Iterable[Any] = (),
        cameo: str = "",
        countries: Iterable[str] = (),
    ) -> Location | None:
        """The location of an event whose trigger is ``trigger``. ``actors`` are the event's
        source and target mentions (with ``start``, ``end``, ``head`` and ``sector``, or
        None): a place that is one of them and stands for an institution is not the event's
        location, except the place visited (CAMEO codes of ``cues.tsv``). ``countries``
        are the ISO 3166 countries of the event's actors (the document's country locates an
        event only when it is one of them)."""
        source, target = (list(actors) + [None, None])[:2]
        roles = []
        for role, actor in (("source", source), ("target", target)):
            if actor is None:
                continue
            # a visit happens at the place visited, a hosted visit at the host's place
            visit = cameo[:3] in self.cues["visit_" + role] or (
                role == "target" and trigger.lemma_.lower() in self.cues["visit_verb"]
            )
            acted_on = role == "target" and (
                cameo[:2] in self.cues["target_place"] or cameo[:3] in self.cues["target_place"]
            )
            # an institution is an actor, never the location; nor is the target of an event
            # that does not happen at its target ("sanctions on Russia")
            excluded = (bool(getattr(actor, "sector", None)) or role == "target") and not (
                visit or acted_on
            )
            code = getattr(actor, "code", None) or ""
            country = getattr(actor, "country", None) or (code[:3] if code[:3].isalpha() else "")
            roles.append(
                EventActor(
                    actor.start,
                    actor.end,
                    actor.head,
                    excluded,
                    country or None,
                    source=role == "source",
                )
            )
        deed = cameo[:3] in self.cues["deed"]  # "signed a deal in X": done there, not said
        verbal = cameo[:2] in self.cues["verbal"] and not deed
        story_town = cameo[:2] in self.cues["story_town"]
        found = places.attach(
            trigger,
            sentence,
            roles,
            verbal,
            frozenset(countries),
            story_town=story_town,
            parse_only=deed,
        )
        if found is None:
            return None
        country = self.gazetteer.countries.get(found.place.country or "")
        return to_location(found.place, found.precision, country)
