"""Long inputs cost linear time: measured by counting operations, never by the clock.

Two checks: (1) the coder parses a ~200 KB text in bounded chunks that cover it once, so
the per-chunk work cannot grow with the document; (2) with the real stages, the number of
Python-level calls per character stays flat when the text grows fourfold inside one chunk
(the quadratic scans of issue 10 made it grow with the length)."""

from __future__ import annotations

import cProfile
import pstats
from typing import Literal

import spacy

from eventcoder.coder import Coder, CoderConfig, code_document
from eventcoder.ingest.document import Document
from eventcoder.stages import Context, Found

PARAGRAPH = (
    "On Monday the foreign ministers of Chile and Peru met in Lima, officials said. "
    "Police said about 2,000 people marched a few weeks after the election in March. "
    "The ministry said 40 soldiers were sent to the border on Friday.\n\n"
)


class _Chunks:
    name = "chunks"
    scope: Literal["chunk"] = "chunk"

    def __init__(self) -> None:
        self.sizes: list[int] = []

    def run(self, context: Context) -> Found:
        assert context.doc is not None
        self.sizes.append(len(context.doc.text))
        return Found()


def test_a_200_kb_text_is_parsed_in_bounded_chunks_covering_it_once():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    stage = _Chunks()
    coder = Coder(nlp, CoderConfig(stages=(), chunk_chars=20_000), stages=(stage,))
    document = Document.from_text(PARAGRAPH * (200_000 // len(PARAGRAPH)), id="long")
    head = code_document(document, coder)[0]
    assert len(document.text) > 195_000 and head.status == "coded"
    assert sum(stage.sizes) == len(document.text)  # every character parsed exactly once
    assert max(stage.sizes) <= 20_000 and len(stage.sizes) >= 10


def _calls_per_char(coder: Coder, n_paragraphs: int) -> float:
    document = Document.from_text(PARAGRAPH * n_paragraphs, id="grow", date="2023-04-01")
    profile = cProfile.Profile()
    profile.enable()
    code_document(document, coder)
    profile.disable()
    return pstats.Stats(profile).total_calls / len(document.text)  # type: ignore[attr-defined]


def test_the_stages_cost_the_same_per_character_on_a_longer_text(nlp):
    coder = Coder.load(CoderConfig(chunk_chars=100_000))
    _calls_per_char(coder, 2)  # warm up: imports and first-use set-up are not the text's cost
    short, long = _calls_per_char(coder, 12), _calls_per_char(coder, 48)
    assert long / short < 1.3, (short, long)
