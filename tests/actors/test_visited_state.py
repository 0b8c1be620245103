"""Those a visitor meets on a visit to a state are that state's (actors.context.visited_state;
sentences of our own, the first two fail on the code before)."""

from __future__ import annotations

import datetime as dt

DAY = dt.date(2016, 3, 1)


def _countries(coder, nlp, text):
    return {m.text: m.country for m in coder.find(nlp(text), DAY)}


def test_officials_met_on_a_visit_are_the_hosts(coder, nlp) -> None:
    found = _countries(
        coder, nlp, "During a visit to Kenya, the French minister met senior officials."
    )
    assert found["senior officials"] == "KEN"


def test_a_first_visit_as_minister(coder, nlp) -> None:
    found = _countries(
        coder,
        nlp,
        "In his first visit to Peru as trade minister, the French envoy met several "
        "ministers and discussed a range of issues.",
    )
    assert found["several ministers"] == "PER"


def test_the_visitor_keeps_no_host_country(coder, nlp) -> None:
    found = _countries(coder, nlp, "During a visit to Kenya, the minister met Ugandan traders.")
    assert found.get("the minister") != "KEN"


def test_a_meeting_with_no_visit_gives_no_host(coder, nlp) -> None:
    found = _countries(coder, nlp, "After his speech on Kenya, the minister met senior officials.")
    assert found.get("senior officials") != "KEN"
