"""The offset map: spans of a cleaned text point back to the same original characters."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.ingest.cleaning import clean
from eventcoder.ingest.offsets import MapBuilder, OffsetMap

# characters cleaning acts on, mixed with plain letters so that every rule gets exercised
_ALPHABET = st.sampled_from(
    list(
        "abcdeXYZ  ..,;:!?-\n\n\t\u00a0\u2009\u00ad\u200b\ufeff\ufb01\u2026\u2014\u2013"
        "\u2019\u201c\u201d\"'()0123"
    )
    + [
        "ion",
        "Currently",
        "society",
        "the",
        "State",
        "-\n",
        "\n\n",
        "  \n ",
        "economy.Officials",
        "\r\n",
        "\r",
        "\u2028",
        "Franco-\nGerman",
    ]
)
_TEXTS = st.lists(_ALPHABET, max_size=60).map("".join)
# what cleaning may delete inside a word: breaks, hyphens at line ends, invisible characters
_REMOVED = re.compile(r"[\s\-\u00ad\u200b-\u200d\u2060\ufeff\x00-\x08\x0e-\x1b\x7f]")


def _normal(text: str) -> str:
    return _REMOVED.sub("", unicodedata.normalize("NFKC", text))


def test_unchanged_text_maps_to_itself() -> None:
    offsets = OffsetMap.identity(10)
    assert offsets.to_original(2, 7) == (2, 7)
    assert offsets.to_original(10, 10) == (10, 10)


def test_builder_records_deletion_insertion_and_replacement() -> None:
    original = "ab  cd-\nef"
    builder = MapBuilder(original)
    builder.copy_to(2)
    builder.replace(4, " ")  # two spaces -> one
    builder.copy_to(6)
    builder.replace(8, "")  # hyphen and break deleted
    builder.replace(8, "|")  # an insertion
    text, offsets = builder.finish()
    assert text == "ab cd|ef"
    assert original[slice(*offsets.to_original(3, 5))] == "cd"
    assert original[slice(*offsets.to_original(6, 8))] == "ef"
    assert offsets.to_original(5, 6) == (8, 8)  # inserted text has no original characters
    assert original[slice(*offsets.to_original(2, 3))] == "  "


def test_span_outside_text_is_refused() -> None:
    with pytest.raises(ValueError):
        OffsetMap.identity(3).to_original(2, 5)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_TEXTS, st.text(max_size=80)))
def test_every_span_maps_inside_the_original_and_in_order(original: str) -> None:
    text, offsets = clean(original)
    previous = (0, 0)
    for start in range(len(text) + 1):
        first, last = offsets.to_original(start, len(text))
        assert 0 <= first <= last <= len(original)
        assert first >= previous[0]
        previous = (first, last)
    ends = [offsets.to_original(0, end)[1] for end in range(len(text) + 1)]
    assert ends == sorted(ends)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_TEXTS, st.text(max_size=80)))
def test_every_word_maps_back_to_the_same_characters(original: str) -> None:
    text, offsets = clean(original)
    for word in re.finditer(r"\w+", text):
        first, last = offsets.to_original(word.start(), word.end())
        assert _normal(original[first:last]) == _normal(word.group())


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["The", "minister", "said", "talks", "would", "resume", "in", "May", "2024"]
        ),
        min_size=1,
        max_size=30,
    )
)
def test_clean_text_is_left_alone(words: list[str]) -> None:
    original = " ".join(words) + "."
    text, offsets = clean(original)
    assert text == original
    assert offsets.to_original(0, len(text)) == (0, len(original))
    assert offsets.n_segments == 1
