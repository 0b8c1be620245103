"""A user who adds actors and a verb pattern in files sees them used with no code change."""

from __future__ import annotations

import pytest

from eventcoder.coder import Coder
from eventcoder.errors import DictionaryError
from eventcoder.records import EventRecord

DATE = "2025-03-05"


def events(coder, text):
    return [r for r in coder.code(text, date=DATE) if isinstance(r, EventRecord)]


def test_new_actors_are_coded(plain_coder, user_coder):
    text = "Jane Quillon met the harbour masters of Port Azur."
    before = events(plain_coder, text)
    after = events(user_coder, text)
    assert not any(e.source and e.source.code == "FRAGOV" for e in before)
    (meet,) = [e for e in after if e.cameo == "040"]
    assert meet.source.code == "FRAGOV" and meet.target.code == "FRACOP"


def test_new_verb_pattern_fires_and_dated_code_follows_the_date(plain_coder, user_coder):
    text = "The North Shore Front stonewalled the Russian army."
    assert not any(e.cameo == "120" for e in events(plain_coder, text))
    (snub,) = [e for e in events(user_coder, text) if e.cameo == "120"]
    assert snub.pattern == "MY_STONEWALL.1" and snub.source.code == "XYZGOV"  # the 2024.. term
    old = [r for r in user_coder.code(text, date="2020-06-01") if isinstance(r, EventRecord)]
    assert old[0].source.code == "XYZREB"


def test_discarded_sentences_give_no_events(user_coder):
    text = "The Harbour Guard stonewalled the Russian army at the football league final."
    assert events(user_coder, text) == []


def test_a_bad_dictionary_stops_loading_with_every_problem(write):
    bad = write("bad.tsv", "person\tX\tFRAGOV 2024-99-01..\n")
    with pytest.raises(DictionaryError, match=r"\[E907\] 1 problem"):
        Coder.load(actors=[bad])
