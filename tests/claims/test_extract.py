"""The claims stage entry point: records, ids, sources, conflicts; the example article."""

from __future__ import annotations

import pytest

from eventcoder.errors import InputError
from eventcoder.records import (
    ClaimRecord,
    ConflictRecord,
    PollRecord,
    QuantityRecord,
    record_from_dict,
)

from .conftest import make_mention

TEXT = (
    "Police said about 5,000 people joined the protest. Organisers put the figure at 40,000. "
    "A Gallup poll found that 41% of Americans approve of the plan."
)


def test_records_ids_and_sources(nlp, extractor):
    doc = nlp(TEXT)
    records = extractor.extract(doc, [make_mention(doc, "Police", code="USACOP")], "doc7")
    claims = [r for r in records if isinstance(r, ClaimRecord)]
    quantities = [r for r in records if isinstance(r, QuantityRecord)]
    polls = [r for r in records if isinstance(r, PollRecord)]
    conflicts = [r for r in records if isinstance(r, ConflictRecord)]
    assert [q.id for q in quantities] == ["doc7:s0:q0", "doc7:s1:q0"]
    assert quantities[0].source.code == "USACOP"  # an estimate: the speaker is its source
    assert quantities[1].source.text == "Organisers"
    assert claims[0].id == "doc7:s0:c0" and claims[0].sentence == 0
    assert doc.text[slice(*claims[0].content_span)] == claims[0].content
    assert polls and polls[0].id.endswith(":p0") and polls[0].pollster == "Gallup"
    assert conflicts and conflicts[0].id == "doc7:x0"
    assert set(conflicts[0].members) == {q.id for q in quantities}
    for r in records:  # the output contract round-trips
        assert record_from_dict(r.to_dict()).to_dict() == r.to_dict()


def test_ids_are_stable_across_runs(nlp, extractor):
    first = [r.to_dict() for r in extractor.extract(nlp(TEXT), [], "d")]
    second = [r.to_dict() for r in extractor.extract(nlp(TEXT), [], "d")]
    assert first == second


def test_not_a_doc_is_a_clear_error(extractor):
    with pytest.raises(InputError, match="E701"):
        extractor.extract("plain text", [], "d")


def test_example_article(nlp, extractor, belarus_text):
    """Done-when: troop estimates in conflict, the war-duration claim, four polls with caveats."""
    records = extractor.extract(nlp(belarus_text), [], "ex")
    quantities = {r.id: r for r in records if isinstance(r, QuantityRecord)}
    conflicts = [r for r in records if isinstance(r, ConflictRecord)]
    troop = [c for c in conflicts if "troop" in (c.measure or "")]
    assert len(troop) == 1
    members = [quantities[m] for m in troop[0].members]
    assert len(members) == 2 and all(m.source is not None for m in members)
    assert len({m.source.text for m in members}) == 2
    assert sorted(m.approximate for m in members) == [False, True]  # a vague and an exact figure
    durations = [q for q in quantities.values() if q.unit == "day" and q.low != q.high]
    assert durations and durations[0].source is not None
    claims = [r for r in records if isinstance(r, ClaimRecord)]
    assert any(durations[0].text in (c.content or "") and c.speaker.text for c in claims)
    polls = [r for r in records if isinstance(r, PollRecord)]
    assert len(polls) == 4
    assert all(0 < p.share < 1 for p in polls)
    assert len({p.pollster for p in polls}) == 1 and polls[0].pollster
    assert all("online sample" in p.caveats for p in polls)


def test_rules_run_across_over_eager_sentence_splits(nlp, extractor):
    from eventcoder.claims.extract import sentence_units

    doc = nlp(
        "Putin, speaking at a press conference, claimed that the West had provoked it. Prices rose."
    )
    units = sentence_units(doc, list(doc.sents))
    assert [u.text.rstrip()[-1] for u in units] == [".", "."]
    claims = [r for r in extractor.extract(doc, [], "d") if isinstance(r, ClaimRecord)]
    assert claims and claims[0].speaker.text == "Putin"
    assert claims[0].content == "the West had provoked it"


def test_empty_and_number_free_documents(nlp, extractor):
    assert extractor.extract(nlp(""), [], "d") == []
    assert extractor.extract(nlp("Nothing to report here."), [], "d") == []


def test_set_figure_and_a_later_estimate_conflict(nlp, extractor):
    doc = nlp(
        "An African Union mission put the number of fighters loyal to the militia in "
        "Ituri at around 2,000, while a local official, who asked not to be named, "
        "said the actual figure was closer to 3,500."
    )
    records = extractor.extract(doc, [], "ituri")
    quantities = [r for r in records if isinstance(r, QuantityRecord)]
    conflicts = [r for r in records if isinstance(r, ConflictRecord)]
    assert [q.measure for q in quantities] == ["fighters", "fighters"]
    assert "mission" in quantities[0].source.text and "official" in quantities[1].source.text
    assert all(q.approximate for q in quantities)
    assert len(conflicts) == 1 and set(conflicts[0].members) == {q.id for q in quantities}
