"""Where a wire dateline ends (eventcoder.nlp.datelines)."""

from __future__ import annotations

import pytest

from eventcoder.nlp.datelines import dateline_length


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        (
            "LAGOS, June 9 (Agency) - Gunmen seized a bus near the port on Friday.",
            "LAGOS, June 9 (Agency) -",
        ),
        ("QUITO - The assembly approved the budget.", "QUITO -"),
        ("HANOI, Oct. 12 -- The ministry summoned the envoy.", "HANOI, Oct. 12 --"),
        ("The army - not the police - fired first.", ""),
        ("PARIS said nothing - it waited.", ""),
        ("Rebels-held towns fell.", ""),
    ],
)
def test_dateline_length(nlp, text: str, dateline: str) -> None:
    sent = next(nlp(text).sents)
    assert sent[: dateline_length(sent)].text == dateline
