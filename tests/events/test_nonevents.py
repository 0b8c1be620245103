"""Words that report no act: each mechanism that used to invent an event, on sentences of our
own (actors given directly)."""

from __future__ import annotations


def _codes(events) -> set[tuple[str | None, str | None, str]]:
    return {
        (e.source.code if e.source else None, e.target.code if e.target else None, e.cameo)
        for e in events
    }


def test_an_act_aimed_at_no_one_is_no_event(code_sentence):
    # a meeting (a verb's bare default) needs someone it is aimed at
    assert code_sentence("The minister met her husband there.", {"minister": "NORGOV"}) == []
    events = code_sentence(
        "The minister met Sweden's envoy.", {"minister": "NORGOV", "Sweden": "SWE"}
    )
    assert ("NORGOV", "SWE", "040") in _codes(events)


def test_a_one_sided_act_stays_an_event(code_sentence):
    events = code_sentence("Norway condemned the bombing.", {"Norway": "NOR"})
    assert [e.cameo[:2] for e in events] == ["11"]


def test_a_hypothetical_act_is_no_event(code_sentence):
    actors = {"Norway": "NOR", "Sweden": "SWE"}
    assert code_sentence("Norway could attack Sweden.", actors) == []
    assert code_sentence("Norway attacked Sweden.", actors)


def test_a_conditional_threat_is_one(code_sentence):
    actors = {"Norway": "NOR", "Sweden": "SWE"}
    events = code_sentence("Norway may halt talks with Sweden if the fighting continues.", actors)
    assert any(e.cameo.startswith("13") for e in events)


def test_a_past_participle_modifier_is_no_event(code_sentence):
    actors = {"Norway": "NOR", "Swedish": "SWE"}
    events = code_sentence("Norway sent aid to the besieged Swedish towns.", actors)
    assert [e.trigger_text for e in events] == ["sent"]
    events = code_sentence("Norway criticised the recently deployed Swedish troops.", actors)
    assert [e.trigger_text for e in events] == ["criticised"]


def test_a_participle_after_its_auxiliary_is_a_verb(nlp):
    from eventcoder.events.extract import _is_modifier

    doc = nlp("Norway has broken relations with Sweden.")
    broken = next(t for t in doc if t.text == "broken")
    assert not _is_modifier(broken)


def test_the_subject_of_another_clause_is_no_target(code_sentence):
    actors = {"Norway": "NOR", "Sweden": "SWE"}
    events = code_sentence("Norway faces many problems and Sweden must help.", actors)
    assert ("NOR", "SWE", "040") not in _codes(events)
    events = code_sentence("Norway claims Sweden was at fault.", actors)
    assert not any(e.target is not None and e.target.code == "SWE" for e in events)


def test_an_infinitive_under_a_judgement_is_no_event(code_sentence):
    events = code_sentence(
        "Norway said it is time to recognize Sweden.", {"Norway": "NOR", "Sweden": "SWE"}
    )
    assert not any(e.trigger_text == "recognize" for e in events)


def test_a_reason_clause_is_no_event(code_sentence):
    actors = {"Norway": "NOR", "Sweden": "SWE", "Finland": "FIN"}
    events = code_sentence("Norway praised Sweden for helping Finland.", actors)
    assert {e.trigger_text for e in events} == {"praised"}


def test_a_hyphenated_participle_is_a_modifier(code_sentence):
    actors = {"Norway": "NOR", "ISIL": "IMGMUSISI"}
    events = code_sentence("Norway destroyed three rocket-propelled grenades of ISIL.", actors)
    assert [e.trigger_text for e in events] == ["destroyed"]


def test_what_a_described_word_governs_is_no_event(code_sentence):
    actors = {"Norway": "NOR", "Sweden": "SWE", "Finland": "FIN"}
    sentence = "Norway has a duty to press Sweden to end its attacks on Finland."
    assert code_sentence(sentence, actors) == []


def test_an_ability_is_no_act(code_sentence):
    actors = {"Norway": "NOR", "Sweden": "SWE"}
    assert code_sentence("Norway will be able to meet Sweden.", actors) == []
    assert code_sentence("Norway was unable to meet Sweden.", actors) == []


def test_a_denied_act_is_negated_and_the_accusation_beside_it_is_not(code_sentence):
    actors = {"Norway": "NOR", "Norwegian": "NOR", "Sweden": "SWE", "Finland": "FIN"}
    events = code_sentence("Norway denied shelling Sweden and accused Finland of lying.", actors)
    shelling = [e for e in events if e.trigger_text == "shelling"]
    assert shelling and all(e.negated for e in shelling)
    sentence = "Norway denied that Norwegian troops shelled Sweden and accused Finland of lying."
    accusation = [e for e in code_sentence(sentence, actors) if e.cameo.startswith("11")]
    assert accusation and not any(e.negated for e in accusation)


def test_a_question_states_nothing(code_sentence):
    assert code_sentence("Did Norway attack Sweden?", {"Norway": "NOR", "Sweden": "SWE"}) == []


def test_a_scare_quoted_word_is_no_event(code_sentence):
    actors = {"Norway": "NOR", "Sweden": "SWE", "Finland": "FIN"}
    events = code_sentence("Sweden said Norway's 'war' on Finland is a sham.", actors)
    assert not any(e.cameo.startswith("19") for e in events)
    events = code_sentence('Norway\'s so-called "aid" to Sweden was criticised by Finland.', actors)
    assert not any(e.trigger_text == "aid" for e in events)


def test_wanting_another_to_act_is_a_demand(code_sentence):
    actors = {"Norway": "NOR", "Sweden": "SWE", "Finland": "FIN"}
    events = code_sentence("Norway wants Sweden to leave Finland.", actors)
    assert {(e.source.code, e.target.code, e.cameo[:2]) for e in events} == {("NOR", "SWE", "10")}
    assert code_sentence("Norway expects Sweden to attack Finland.", actors) == []


def test_the_source_of_a_report_is_no_party_to_it(code_sentence):
    events = code_sentence(
        "According to the Lima Monitor, Chilean troops shelled the Peruvian border post.",
        {"the Lima Monitor": "PERMED", "Chilean troops": "CHLMIL", "Peruvian": "PER"},
    )
    assert {e.source.code for e in events if e.source} == {"CHLMIL"}


def test_a_description_set_off_by_commas_is_no_second_actor():
    """The parse sometimes makes "a close ally of X" a conjunct of the subject."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from eventcoder.events.match import conjuncts

    words = ["Chile", ",", "a", "close", "ally", "of", "Peru", ",", "condemned", "it", "."]
    heads = [8, 4, 4, 4, 0, 6, 4, 0, 8, 8, 8]
    deps = [
        "nsubj",
        "punct",
        "det",
        "amod",
        "conj",
        "case",
        "nmod",
        "punct",
        "ROOT",
        "obj",
        "punct",
    ]
    pos = ["PROPN", "PUNCT", "DET", "ADJ", "NOUN", "ADP", "PROPN", "PUNCT", "VERB", "PRON", "PUNCT"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)
    assert [t.text for t in conjuncts(doc[0])] == ["Chile"]
    listed = Doc(
        Vocab(),
        words=["Chile", ",", "Peru", "and", "Bolivia"],
        heads=[0, 2, 0, 4, 0],
        deps=["ROOT", "punct", "conj", "cc", "conj"],
        pos=["PROPN"] * 5,
    )
    assert [t.text for t in conjuncts(listed[0])] == ["Chile", "Peru", "Bolivia"]


def test_a_two_sided_act_aimed_at_no_one_is_no_event(code_sentence):
    # aid, talks, force: an event only towards an actor the sentence names
    actors = {"Norway": "NOR", "Sweden": "SWE"}
    assert code_sentence("Norway provided safeguards by building a wall.", actors) == []
    assert code_sentence("Norway sent aid to Sweden.", actors)


def test_talks_held_with_another_are_one_event(code_sentence):
    actors = {"Norway": "NOR", "Sweden": "SWE"}
    events = code_sentence("Norway held talks with Sweden on Monday.", actors)
    assert {(e.source.code, e.target.code) for e in events} == {("NOR", "SWE")}
    events = code_sentence("Norway and Sweden held talks on Monday.", actors)
    assert {(e.source.code, e.target.code) for e in events} == {("NOR", "SWE"), ("SWE", "NOR")}


def test_an_apposition_is_the_same_target(code_sentence):
    actors = {"Norway": "NOR", "Swedish envoy": "SWEGOV", "Anna Berg": "SWEELI"}
    events = code_sentence("Norway met the Swedish envoy, Anna Berg in Oslo.", actors)
    assert [e.target.code for e in events] == ["SWEGOV"]


def test_a_list_without_and_is_still_a_list(code_sentence):
    actors = {"Norway": "NOR", "Sweden": "SWE", "Finland": "FIN", "Denmark": "DNK"}
    events = code_sentence("Norway held talks with Sweden, Finland, Denmark before noon.", actors)
    assert {e.target.code for e in events} == {"SWE", "FIN", "DNK"}


def test_the_speaker_after_a_comma_is_no_victim(code_sentence):
    events = code_sentence(
        "Chilean troops shelled the town, killing four farmers, local officials said.",
        {"Chilean troops": "CHLMIL", "four farmers": "---CVL", "local officials": "---GOV"},
    )
    assert all(e.target is None or e.target.code != "---GOV" for e in events)


def test_a_headline_line_is_no_event_but_a_one_line_text_is(code_sentence):
    actors = {"Norway": "NOR", "Sweden": "SWE"}
    text = "Norway condemns Sweden over border dispute\n\nNorway condemned Sweden on Monday."
    events = code_sentence(text, actors)
    assert [e.trigger_text for e in events] == ["condemned"]
    assert code_sentence("Norway condemns Sweden over border dispute", actors)
