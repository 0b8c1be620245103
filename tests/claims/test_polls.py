"""Polls: shares with answer, pollster, population and caveats."""

from __future__ import annotations

from eventcoder.claims.polls import find_polls
from eventcoder.claims.quantities import find_quantities

from .conftest import claims_data, numbers


def _polls(nlp, text):
    doc = nlp(text)
    sents = list(doc.sents)
    quantities = [find_quantities(s, numbers()) for s in sents]
    return find_polls(sents, quantities, caveats=claims_data().poll_caveats)


def test_shares_with_pollster_answers_and_caveats(nlp):
    polls, used = _polls(
        nlp,
        "The online poll of 1,200 adults was carried out by YouGov last week. "
        "It found that 55% back the new tax, 30% oppose it and 15% are undecided.",
    )
    assert [round(p.share, 2) for p in polls] == [0.55, 0.30, 0.15]
    assert {p.pollster for p in polls} == {"YouGov"}
    assert polls[1].answer == "oppose it"
    assert all({"online sample", "sample size"} <= set(p.caveats) for p in polls)
    assert len(used) == 4  # three shares and the sample size


def test_caveat_in_a_later_sentence_qualifies_the_poll(nlp):
    polls, _ = _polls(
        nlp,
        "A survey by the Levada Center found that 48% of Russians support talks. "
        "Critics note that the sample is not representative of rural areas.",
    )
    assert len(polls) == 1 and polls[0].caveats == ["representativeness"]
    assert polls[0].population == "Russians"


def test_percentages_without_a_poll_are_not_polls(nlp):
    polls, used = _polls(nlp, "Unemployment rose to 7.5% in March.")
    assert polls == [] and used == set()


def test_fieldwork_month_and_question_gist(nlp):
    import datetime

    doc = nlp(
        "Voters were asked whether they back the reform in a poll conducted by Ipsos in March. "
        "Of those, 40% said yes."
    )
    sents = list(doc.sents)
    polls, _ = find_polls(
        sents,
        [find_quantities(s, numbers()) for s in sents],
        datetime.date(2023, 2, 1),
        caveats=claims_data().poll_caveats,
    )
    assert polls and polls[0].pollster == "Ipsos"
    assert (polls[0].date.start, polls[0].date.end) == ("2022-03-01", "2022-03-31")
    assert polls[0].question == "whether they back the reform"


def test_common_noun_pollster_from_the_by_phrase(nlp):
    polls, _ = _polls(
        nlp,
        "A survey by a Norwegian research institute found that 58% of Chileans "
        "distrust the courts.",
    )
    assert len(polls) == 1 and polls[0].pollster == "a Norwegian research institute"
    assert polls[0].population == "Chileans"


def test_by_phone_is_a_mode_not_a_pollster(nlp):
    polls, _ = _polls(nlp, "In a survey conducted by telephone, 47% said they would vote.")
    assert len(polls) == 1 and polls[0].pollster is None
    assert "telephone sample" in polls[0].caveats


def test_population_from_the_poll_noun_and_respondents_kept(nlp):
    polls, _ = _polls(
        nlp,
        "In an online poll of 2,000 farmers in Ghana released on Monday, "
        "39% said that fertiliser prices had doubled.",
    )
    assert len(polls) == 1 and polls[0].population == "farmers"
    assert {"online sample", "sample size"} <= set(polls[0].caveats)
    polls, _ = _polls(
        nlp,
        "A survey by a Dutch broadcaster found that 61% of respondents "
        "opposed the plan, but the sample was limited to city dwellers.",
    )
    assert polls[0].pollster == "a Dutch broadcaster" and polls[0].population == "respondents"
    assert "representativeness" in polls[0].caveats
