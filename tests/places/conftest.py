"""Fixtures for the places tests: the gazetteer and locator load once per session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def locator():
    """The bundled gazetteer, cue words and locator."""
    from eventcoder.places.locate import PlaceLocator

    return PlaceLocator.from_data()


@pytest.fixture(scope="session")
def gazetteer(locator):
    return locator.gazetteer


@pytest.fixture(scope="session")
def actor_coder():
    from eventcoder.actors.coder import ActorCoder

    return ActorCoder.from_data()


@pytest.fixture(scope="session")
def places_of(nlp, locator, actor_coder):
    """Resolved places of a text: ``{mention text: ResolvedPlace}``."""

    def run(text: str):
        doc = nlp(text)
        found = locator.find(doc, actor_coder.find(doc, None))
        return {p.mention.text: p for p in found.places}

    return run


@pytest.fixture(scope="session")
def coder():
    from eventcoder.coder import Coder

    return Coder.load()
