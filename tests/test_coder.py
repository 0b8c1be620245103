"""The coder core: chunking long documents and mapping spans back to the original text."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from eventcoder.coder import _relocate, split_chunks
from eventcoder.records import Actor, EventRecord


@given(st.text(alphabet="ab .\n", max_size=400), st.integers(min_value=8, max_value=60))
def test_chunks_cover_the_text_exactly_once(text, size):
    pieces = split_chunks(text, size)
    assert "".join(p for _, p in pieces) == text
    assert all(text[o : o + len(p)] == p for o, p in pieces)
    assert all(len(p) <= size for _, p in pieces)


def test_chunks_prefer_paragraph_breaks():
    text = "First paragraph here.\n\nSecond paragraph here.\n\nThird one."
    pieces = split_chunks(text, 30)
    assert pieces[0][1] == "First paragraph here."  # the blank lines go with the next one,
    assert pieces[1][1] == "\n\nSecond paragraph here."  # as the parser attaches them


@dataclass
class _Doc:
    shift: int

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        return start + self.shift, end + self.shift


def test_relocate_moves_every_span_including_actors():
    record = EventRecord(
        id="d:s0:e0",
        doc_id="d",
        sentence=0,
        span=(0, 10),
        source=Actor("EU", span=(0, 2)),
        trigger_span=(3, 9),
    )
    moved = _relocate(record, offset=100, document=_Doc(shift=5))
    assert moved.span == (105, 115)
    assert moved.source.span == (105, 107)
    assert moved.trigger_span == (108, 114)
    assert moved.target is None
