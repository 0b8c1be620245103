"""Scoring the coder on the self-written fresh-text probe (``tests/events/fresh_probe``).

The probe is paragraphs written for this project (wire stories with datelines, ministry press
releases, military communiques, UN and NGO statements, court, police, election, economic and
human-interest items, opinion), each with the events a careful coder following
``docs/codebook.md`` records. It was written, and the coder was changed on its errors, by the
same developer: it is a development set, not held out. Its use is to catch regressions on text
unlike the real-news gold.

Each probe line: ``{"id", "date", "genre", "text", "events": [...]}``; an event has
``trigger`` (words of the text), ``source``, ``target`` (codes as in the gold; ``---`` plus a
sector for a country-less actor), ``cameo`` (acceptable codes joined by ``|``; the root is
compared), ``modality``, ``negated``, ``date`` and ``optional`` (an event a coder may or may
not record: coding it is not counted either way).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventcoder.events.news_match import actor_agrees

__all__ = ["ProbeScore", "label_probe", "read_probe", "score_probe"]


@dataclass
class ProbeScore:
    """Strict counts over the probe: root plus source and target country where named."""

    coded: int = 0  # events coded, optional matches left out
    right: int = 0
    optional: int = 0
    required: int = 0  # expected events that are not optional
    found: int = 0
    wrong: list[tuple[str, str]] = field(default_factory=list)  # (document id, event)

    @property
    def precision(self) -> float:
        return self.right / self.coded if self.coded else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.required if self.required else 1.0


def read_probe(path: Path) -> list[dict[str, Any]]:
    """The probe documents with their expected events."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _agrees(expected: dict[str, Any], event: Any) -> bool:
    roots = {c[:2] for c in expected["cameo"].split("|")}
    return (
        (event.cameo or "")[:2] in roots
        and actor_agrees(expected["source"], event.source.code if event.source else None)
        and actor_agrees(expected["target"], event.target.code if event.target else None)
    )


def _overlaps(text: str, expected: dict[str, Any], event: Any) -> bool:
    start = text.find(expected["trigger"])
    span = event.trigger_span or event.span
    return start >= 0 and span[0] < start + len(expected["trigger"]) and start < span[1]


def label_probe(
    coder: Any, path: Path, min_confidence: float | None = 0.0
) -> list[tuple[str, Any, str]]:
    """Code every probe document and pair coded and expected events one to one (an expected
    event whose trigger overlaps the coded one first, required before optional): each event
    record with its document id and verdict, ``right``, ``wrong`` or ``optional`` (it matches
    an event a coder may or may not record), in coding order."""
    return [
        (doc_id, event, verdict)
        for doc_id, event, verdict, _ in _pairings(coder, path, min_confidence)
    ]


def _pairings(
    coder: Any, path: Path, min_confidence: float | None
) -> list[tuple[str, Any, str, int]]:
    """(document id, event, verdict, required events of the document, on its first event
    only, else 0); documents without events add a row with event None."""
    from eventcoder.ingest.document import Document

    out: list[tuple[str, Any, str, int]] = []
    for doc in read_probe(path):
        expected = doc["events"]
        required = sum(not e["optional"] for e in expected)
        document = Document.from_text(doc["text"], id=doc["id"], date=doc["date"])
        records = coder.code(document, min_confidence=min_confidence)
        out.append((doc["id"], None, "", required))
        taken: set[int] = set()
        for event in (r for r in records if r.KIND == "event"):
            options = [i for i, e in enumerate(expected) if i not in taken and _agrees(e, event)]
            options.sort(
                key=lambda i: (
                    not _overlaps(doc["text"], expected[i], event),
                    expected[i]["optional"],
                )
            )
            if options:
                taken.add(options[0])
                verdict = "optional" if expected[options[0]]["optional"] else "right"
            else:
                verdict = "wrong"
            out.append((doc["id"], event, verdict, 0))
    return out


def score_probe(coder: Any, path: Path, min_confidence: float | None = 0.0) -> ProbeScore:
    """Strict counts over the probe (see :func:`label_probe` for how events are paired)."""
    score = ProbeScore()
    for doc_id, event, verdict, required in _pairings(coder, path, min_confidence):
        score.required += required
        if event is None or verdict == "optional":
            score.optional += verdict == "optional"
            continue
        score.coded += 1
        if verdict == "right":
            score.right += 1
            score.found += 1
        else:
            source = event.source.code if event.source else None
            target = event.target.code if event.target else None
            score.wrong.append((doc_id, f"{source}->{target} {event.cameo} {event.trigger!r}"))
    return score
