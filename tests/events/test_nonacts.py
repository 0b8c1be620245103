"""Clauses that report no act (``eventcoder.events.nonacts`` and the rules of the event stage
it feeds), each on sentences of our own."""

from __future__ import annotations


def _codes(events) -> set[tuple[str | None, str | None, str]]:
    return {
        (e.source.code if e.source else None, e.target.code if e.target else None, e.cameo)
        for e in events
    }


def test_a_modal_continue_states_a_policy(code_sentence):
    actors = {"Norway": "NOR", "Somalia": "SOM", "army": "SDNMIL", "rebels": "SDNREB"}
    # under "will/must continue" or "keep" the act goes on as a policy: no event
    assert code_sentence("Norway will continue to send aid to Somalia.", actors) == []
    assert code_sentence("The army will keep shelling the rebels.", actors) == []
    assert code_sentence("Norway must continue its support for Somalia.", actors) == []
    # a gerund adjunct of the policy is part of it
    assert (
        code_sentence("Norway will continue its mission, delivering aid to Somalia.", actors) == []
    )
    # the past reports what went on, and the act without "continue" is an event
    past = _codes(code_sentence("The army continued to shell the rebels.", actors))
    assert any(s == "SDNMIL" and t == "SDNREB" and c.startswith("19") for s, t, c in past)
    assert ("NOR", "SOM", "070") in _codes(
        code_sentence("Norway delivered aid to Somalia.", actors)
    )


def test_standing_policy_reads_the_clause(nlp):
    from eventcoder.events.nonacts import standing_policy

    doc = nlp("Kenya will continue to urge both sides to talk.")
    assert standing_policy(next(t for t in doc if t.text == "urge"))
    doc = nlp("Kenya continued to urge both sides to talk.")
    assert not standing_policy(next(t for t in doc if t.text == "urge"))
    doc = nlp("Kenya will urge both sides to talk.")
    assert not standing_policy(next(t for t in doc if t.text == "urge"))
