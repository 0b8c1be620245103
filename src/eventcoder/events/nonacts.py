"""Clauses that report no act, read from their grammar alone (docs/codebook.md, "Not events").

Each test here looks at the clause a trigger stands in, never at the words of one document:

- :func:`standing_policy`: an act under "will continue", "must keep" ... is a commitment to
  go on with a policy, not a new act ("we will continue to support X", "he will continue the
  work, delivering aid to Y").
- :func:`background_participle`: a participle clause of time ("after seizing the town, X
  ...", "while meeting Y, he ...") sets the scene for the act the sentence reports.
- :func:`reduced_passive`: a bare past participle with its "by" agent ("the talks, convened
  by X, ...", "the channel, disputed by X and Y") describes a noun or the scene.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventcoder.events.match import is_passive, shares_passive

__all__ = ["background_participle", "reduced_passive", "standing_policy"]

# aspectual verbs: what they govern goes on; under a modal they state a policy
CONTINUING_VERBS = {"continue", "keep"}
# auxiliaries that put "continue" in the future or make it an obligation or a possibility
POLICY_AUX = {"will", "shall", "'ll", "would", "must", "should", "can", "could", "may", "might"}


def _clause_head(token: Token) -> Token:
    """The first conjunct of the coordination a verb stands in ("A, B and C" -> A)."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def standing_policy(trigger: Token) -> bool:
    """Whether the trigger is what a modal "continue"/"keep" governs: its infinitive or
    gerund ("will continue to strike X", "must keep pressing Y") or a gerund adjunct ("will
    continue the work ..., delivering aid to Z"). A policy stated, not an act reported; the
    past ("continued to fire at X") and the bare present are left alone. So is the modal
    "continue" itself when it is the trigger ("will continue its strikes on X")."""
    if trigger.lemma_.lower() in CONTINUING_VERBS:
        return _modal(trigger)  # "will continue its strikes on X", "will keep up the pressure"
    clause = _clause_head(trigger)
    if clause.dep_ not in {"xcomp", "advcl"} or clause.head.i == clause.i:
        return False
    governor = clause.head
    if governor.lemma_.lower() not in CONTINUING_VERBS:
        return False
    if clause.dep_ == "advcl" and clause.tag_ != "VBG":
        return False  # "will continue until X withdraws": a clause of its own
    return _modal(governor)


def _modal(verb: Token) -> bool:
    """Whether a verb (or the first verb of its coordination) has a modal auxiliary."""
    return any(c.dep_ == "aux" and c.lower_ in POLICY_AUX for c in _clause_head(verb).children)


# subordinators of time: a participle clause they open is the scene of the main clause
SCENE_MARKS = {"while", "when", "after", "before", "upon", "since", "whilst"}


def background_participle(trigger: Token) -> bool:
    """Whether the trigger heads a participle clause of time hung on another clause ("after
    seizing the area, the troops fought off ...", "while meeting his adviser, he was
    killed"): the clause backgrounds a circumstance; the main clause reports the act. A
    finite clause of time ("after the troops seized the area") is left alone."""
    clause = _clause_head(trigger)
    return (
        clause.dep_ in {"advcl", "csubj"}
        and clause.tag_ in {"VBG", "VBN"}
        and clause.head.i != clause.i
        and not any(c.dep_.startswith("nsubj") for c in clause.children)
        and any(c.dep_ in {"mark", "case"} and c.lower_ in SCENE_MARKS for c in clause.children)
    )


def reduced_passive(trigger: Token) -> bool:
    """Whether the trigger is a past participle with no auxiliary and no subject, with a "by"
    agent, that hangs on a noun or on a clause as an adjunct ("the meeting, convened by France,
    ...", "the SDF, supported by Coalition advisers, began ...", "the strait, disputed by X
    and Y"): a description, not a report. A participle coordinated with a passive verb ("were
    killed and dozens wounded by the blast") shares its auxiliary and is left alone; one
    coordinated with an active verb cannot ("made up of X and supported by Y")."""
    if trigger.tag_ != "VBN" or trigger.head.i == trigger.i:
        return False
    if any(
        c.dep_ in {"aux", "aux:pass", "auxpass"} or c.dep_.startswith("nsubj")
        for c in trigger.children
    ):
        return False
    if not (
        trigger.dep_ in {"acl", "advcl"}
        or trigger.dep_ == "conj"
        and not shares_passive(trigger)
        and (
            trigger.head.pos_ in {"NOUN", "PROPN", "PRON"}
            or trigger.head.pos_ == "VERB"
            and not is_passive(trigger.head)
        )
    ):
        return False
    return any(
        c.dep_ in {"obl", "obl:agent", "nmod"}
        and any(g.dep_ == "case" and g.lower_ == "by" for g in c.children)
        for c in trigger.children
    )
