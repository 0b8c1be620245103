"""Entity patterns for well-known names, from the actor data files.

The statistical recognizer learns from about 130k words of GUM and misses or mislabels
common news names (a country labelled as a person). A spaCy ``entity_ruler`` placed after it marks
the names we are sure of — state names and capitals (GPE), organisations (ORG) and people in
office (PERSON) — where the recognizer found nothing
or the same span, and leaves longer names it found alone. The patterns are stored
inside the saved pipeline, so loading needs no data files.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, cast

from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Span
from spacy.util import filter_spans, registry

from eventcoder.datafiles import read_rows

__all__ = ["add_entity_ruler", "entity_patterns"]

ACTOR_DATA = Path(__file__).resolve().parent.parent / "data" / "actors"


@registry.misc("eventcoder.longest_then_ours.v1")
def make_longest_then_ours():
    """Of overlapping entities keep the longest; on equal length prefer the ruler's."""

    def longest_then_ours(entities: Iterable[Span], spans: Iterable[Span]) -> list[Span]:
        ours = list(spans)
        return filter_spans(ours + [e for e in entities])

    return longest_then_ours


def _rows(path: Path) -> Iterator[list[str]]:
    return (cols for _, cols in read_rows(path, 1))


def _ok(name: str) -> bool:
    # Skip short or lower-case aliases ("EU" stays: two capitals), which are too ambiguous.
    return len(name) >= 2 and name[0].isupper() and not name.endswith("'s")


def entity_patterns(data_dir: Path = ACTOR_DATA) -> list[dict[str, str]]:
    """Phrase patterns: state names and capitals, organisations, people in office."""
    patterns: dict[str, str] = {}
    for row in _rows(data_dir / "states.tsv"):
        for name in [row[1], *row[3].split("|")]:
            if _ok(name):
                patterns.setdefault(name, "GPE")
    capitals = set(patterns)
    for row in _rows(data_dir / "organisations.tsv"):
        for name in row[3].split("|"):
            if _ok(name) and name not in capitals and (len(name) > 2 or name.isupper()):
                patterns.setdefault(name, "ORG")
    for row in _rows(data_dir / "people_current.tsv"):
        for name in row[0].split("|"):
            if _ok(name) and " " in name:  # full names only; a bare surname may be anything
                patterns.setdefault(name, "PERSON")
    return [{"label": label, "pattern": name} for name, label in sorted(patterns.items())]


def add_entity_ruler(nlp: Language, data_dir: Path = ACTOR_DATA) -> int:
    """Put an entity ruler with our patterns after the recognizer; return the pattern count."""
    if "entity_ruler" in nlp.pipe_names:
        nlp.remove_pipe("entity_ruler")
    # After the recognizer; of overlapping names the longest wins and, on a tie, ours: a
    # longer statistical name ("Gdansk Shipyard Union") keeps its span, while a same-span guess
    # (a country guessed as PERSON) takes our label.
    ruler = cast(
        SpanRuler,
        nlp.add_pipe(
            "span_ruler",
            name="entity_ruler",
            after="ner",
            config={
                "spans_key": None,
                "annotate_ents": True,
                "overwrite": False,
                "phrase_matcher_attr": "ORTH",
                "ents_filter": {"@misc": "eventcoder.longest_then_ours.v1"},
            },
        ),
    )
    patterns = entity_patterns(data_dir)
    ruler.add_patterns(cast(list[dict[str, Any]], patterns))  # phrase patterns: str values
    return len(patterns)
