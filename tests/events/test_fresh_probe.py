"""The self-written fresh-text probe: precision and recall stay at or above their floors.

``tests/events/fresh_probe/probe.jsonl`` holds 42 paragraphs written for this project in the
styles the coder meets in use (datelined wire stories, ministry press releases, military
communiques, UN and NGO statements, court and police news, election and economic news,
human-interest items, opinion), each with the events a careful coder following
``docs/codebook.md`` records, judged before the coder's output was read. It is self-written and
was used for development (the coder was changed on its errors), so it is **not** held out: it
guards against regressions on text unlike the real-news gold, it does not measure quality on
unseen text. Floors: ``data/floors.json``, section ``fresh_probe``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.events.confidence import precision_threshold
from eventcoder.events.fresh_probe import read_probe, score_probe
from eventcoder.floors import accuracy_floors

PROBE = Path(__file__).parent / "fresh_probe" / "probe.jsonl"
FLOORS = accuracy_floors("fresh_probe")["floors"]


@pytest.fixture(scope="module")
def coder():
    from eventcoder.coder import Coder

    return Coder.load()


def test_the_probe_is_well_formed():
    docs = read_probe(PROBE)
    assert len(docs) >= 40
    assert len({d["id"] for d in docs}) == len(docs)
    for doc in docs:
        for event in doc["events"]:
            assert event["trigger"] in doc["text"], (doc["id"], event["trigger"])
            assert event["source"], doc["id"]
    genres = {d["genre"] for d in docs}
    assert {"wire", "press", "military", "court", "economy", "opinion"} <= genres
    # paragraphs with no event at all: a coder that codes everything must lose precision
    assert sum(not d["events"] for d in docs) >= 8


@pytest.mark.slow
@pytest.mark.parametrize("key", ["default", "every_event"])
def test_probe_figures_meet_their_floors(coder, key: str):
    """At the confidence model's default threshold and with every event kept (the test
    session keeps every event by default, so the threshold is passed explicitly)."""
    threshold = precision_threshold() if key == "default" else 0.0
    score = score_probe(coder, PROBE, threshold)
    wrong = "\n".join(f"{doc}: {event}" for doc, event in score.wrong)
    assert score.precision >= FLOORS[key]["precision"], f"{score.precision:.3f}\n{wrong}"
    assert score.recall >= FLOORS[key]["recall"], f"{score.recall:.3f}"
