"""Praise and disapproval aimed at an act are aimed at its doer (events.reactions); stances
said of oneself ("we are appalled by ...") are events aimed the same way. Sentences of our
own, with the actors given directly."""

from __future__ import annotations


def _pairs(events) -> set[tuple[str | None, str | None, str]]:
    return {
        (e.source.code if e.source else None, e.target.code if e.target else None, e.cameo[:3])
        for e in events
    }


def test_praise_of_an_agreement_is_aimed_at_its_parties(code_sentence):
    actors = {"I": "FINGOV", "the Government of Chile": "CHLGOV", "the rebels": "CHLREB"}
    # the parse makes the participle a clause of its own: its "between" phrase names them
    text = (
        "I welcome the agreement reached yesterday between the Government of Chile "
        "and the rebels on the issue of land."
    )
    assert {("FINGOV", "CHLGOV", "051"), ("FINGOV", "CHLREB", "051")} <= _pairs(
        code_sentence(text, actors)
    )


def test_praise_of_reported_news_is_aimed_at_who_did_it(code_sentence):
    actors = {"Canada": "CAN", "Kenyan troops": "KENMIL", "the hostages": "---CVL"}
    events = code_sentence(
        "Canada welcomed the news that Kenyan troops had freed the hostages.", actors
    )
    assert ("CAN", "KENMIL", "051") in _pairs(events)
    assert ("CAN", "---CVL", "051") not in _pairs(events)


def test_a_condemned_attack_is_the_claimant_s_not_the_victims(code_sentence):
    actors = {"Austria": "AUT", "Kabul": "AFG", "the Taliban": "AFGREB"}
    text = (
        "Austria strongly condemned the bombing of a market in Kabul, for which the Taliban "
        "claimed responsibility."
    )
    pairs = _pairs(code_sentence(text, actors))
    assert ("AUT", "AFGREB", "111") in pairs
    # the condemner did not bomb the market
    assert not any(s == "AUT" and c.startswith("19") for s, _, c in pairs)


def test_the_of_phrase_of_a_decision_is_who_decided(code_sentence):
    actors = {"The Council": "IGOUNO", "President Ruiz": "PERGOV"}
    text = "The Council is encouraged by the decision of President Ruiz to free the prisoners."
    assert ("IGOUNO", "PERGOV", "051") in _pairs(code_sentence(text, actors))


def test_a_stance_on_a_reported_act_is_aimed_at_its_doer(code_sentence):
    actors = {"Belgium": "BEL", "Sudanese forces": "SDNMIL", "villagers": "SDNCVL"}
    text = "Belgium is deeply concerned and shocked by reports that Sudanese forces killed 40 villagers."
    pairs = _pairs(code_sentence(text, actors))
    assert ("BEL", "SDNMIL", "111") in pairs
    assert len([p for p in pairs if p[0] == "BEL"]) == 1  # one stance, not one per word
    actors = {"Norway": "NOR", "Kenya": "KEN"}
    text = "Norway is grateful for the support provided by Kenya."
    assert ("NOR", "KEN", "051") in _pairs(code_sentence(text, actors))


def test_a_stance_with_no_doer_named_is_no_event(code_sentence):
    actors = {"Belgium": "BEL"}
    assert code_sentence("Belgium is concerned by reports of ceasefire violations.", actors) == []
    # a stance about what may happen names no act done
    actors = {"Teachers": "ITAEDU", "the Government": "ITAGOV"}
    text = "Teachers are concerned the Government will change the law."
    assert code_sentence(text, actors) == []


def test_an_act_of_encouraging_is_no_stance(code_sentence):
    actors = {"Norway": "NOR", "Kenya": "KEN"}
    events = code_sentence("Norway has encouraged Kenya to join the talks.", actors)
    assert ("NOR", "KEN") in {(e.source.code, e.target.code) for e in events if e.target}
    assert not [e for e in events if e.pattern.startswith("STANCE")]
