"""Claims: reporting verbs and phrases -> speaker, content, stance."""

from __future__ import annotations

from eventcoder.claims.attribution import find_attributions

from .conftest import make_mention


def _claims(nlp, verbs, text, mentions_for=()):
    doc = nlp(text)
    mentions = [make_mention(doc, t, code=c) for t, c in mentions_for]
    out = []
    for sent in doc.sents:
        for a in find_attributions(sent, mentions, verbs):
            out.append((a.speaker, doc[a.content_start : a.content_end].text, a.stance, a.verb))
    return out


def test_reporting_verb_with_that_clause(nlp, verbs):
    found = _claims(
        nlp, verbs, "The interior minister said that the border would reopen on Monday."
    )
    assert len(found) == 1
    speaker, content, stance, verb = found[0]
    assert "minister" in speaker.text and speaker.code is None
    assert content == "the border would reopen on Monday"
    assert (stance, verb) == ("assertion", "said")


def test_denial_stance_comes_from_the_verb(nlp, verbs):
    found = _claims(nlp, verbs, "The army denied that any soldiers had crossed the border.")
    assert [f[2] for f in found] == ["denial"]


def test_speaker_is_the_covering_actor_mention(nlp, verbs):
    found = _claims(
        nlp,
        verbs,
        "The Kremlin insists that the exercises are defensive.",
        mentions_for=[("The Kremlin", "RUSGOV")],
    )
    assert found and found[0][0].code == "RUSGOV"


def test_according_to_gives_a_report(nlp, verbs):
    found = _claims(nlp, verbs, "According to the state news agency, the meeting lasted two hours.")
    assert len(found) == 1
    speaker, content, stance, _verb = found[0]
    assert speaker.text == "the state news agency"
    assert content == "the meeting lasted two hours" and stance == "report"


def test_put_the_figure_at_is_an_estimate(nlp, verbs):
    found = _claims(nlp, verbs, "The navy put the figure at 28.")
    assert found and found[0][2] == "estimate" and found[0][1].endswith("28")


def test_quote_before_the_speaker(nlp, verbs):
    found = _claims(nlp, verbs, "“The situation is stable,” said a police spokesman.")
    assert found and "spokesman" in found[0][0].text
    assert found[0][1] == "The situation is stable"


def test_nouns_and_poll_shares_are_not_claims(nlp, verbs):
    assert _claims(nlp, verbs, "The statement was read on television.") == []
    assert _claims(nlp, verbs, "Half of those polled said they would not vote.") == []


def test_refusing_or_not_saying_is_no_claim(nlp, verbs):
    assert _claims(nlp, verbs, "The minister refused to say how many soldiers were hurt.") == []
    assert _claims(nlp, verbs, "The spokesman did not deny that talks were held.") == []


def test_uncoded_mention_inside_a_longer_phrase_keeps_the_phrase(nlp, verbs):
    found = _claims(
        nlp,
        verbs,
        "Officials in the capital denied that troops had left.",
        mentions_for=[("Officials", None)],
    )
    assert found and found[0][0].text == "Officials in the capital"


def test_a_gerund_after_a_clause_is_no_quote_inversion(nlp, verbs):
    found = _claims(
        nlp,
        verbs,
        "Currently, both regimes are interested in maintaining an atmosphere of uncertainty.",
    )
    assert found == []


def test_a_capitalised_name_part_is_not_a_verb(nlp, verbs):
    found = _claims(nlp, verbs, "The Department of State expects the offer to help.")
    assert [f[3] for f in found] == ["expects"]
