"""Event-stage fixtures: the extractor loads once per session; actor mentions are built
directly (the actor stage is tested on its own)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from eventcoder.actors.mention import ActorMention


def build_mentions(doc: Doc, table: dict[str, str]) -> list[ActorMention]:
    """Every occurrence of each name in ``table`` (name -> code) as an actor mention."""
    out = []
    for name, code in table.items():
        words = name.split()
        for i in range(len(doc) - len(words) + 1):
            if [t.text for t in doc[i : i + len(words)]] == words:
                span = doc[i : i + len(words)]
                out.append(
                    ActorMention(
                        start=span.start,
                        end=span.end,
                        head=span.root.i,
                        text=span.text,
                        char_start=span.start_char,
                        char_end=span.end_char,
                        code=code,
                        country=code[:3],
                        sector=code[3:6] or None,
                    )
                )
    return sorted(out, key=lambda m: m.start)


@pytest.fixture(scope="session")
def make_mentions():
    return build_mentions


@pytest.fixture(scope="session")
def extractor():
    from eventcoder.events.extract import EventExtractor

    return EventExtractor.from_data()


@pytest.fixture(scope="session")
def code_sentence(nlp, extractor):
    """Code a sentence with the given actor names (name -> code)."""

    def run(text: str, actors: dict[str, str]):
        doc = nlp(text)
        return extractor.extract(doc, build_mentions(doc, actors))

    return run
