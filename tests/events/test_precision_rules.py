"""Precision rules for real news (issue 11), each on wire-style sentences of our own: clauses
that describe a noun, actors named only as a modifier, acts on oneself, one act per trigger
and pair, strike reports in the present."""

from __future__ import annotations


def _codes(events) -> set[tuple[str | None, str | None, str]]:
    return {
        (e.source.code if e.source else None, e.target.code if e.target else None, e.cameo)
        for e in events
    }


def test_a_relative_clause_takes_no_frame_from_its_noun(code_sentence):
    # "the threat they pose": the clause describes the threat, it is no threat to act
    actors = {"militants": "SOMREB", "Kenya": "KEN", "ministry": "KENGOV"}
    events = code_sentence("The ministry warned of the threat the militants pose to Kenya.", actors)
    assert not any(e.cameo.startswith("13") and e.source.code == "SOMREB" for e in events)
    # an agreement's relative clause says what it does, not what anyone agreed to do
    actors = {"Mali": "MLI", "Niger": "NER"}
    events = code_sentence(
        "Mali and Niger signed a trade agreement that will let Niger export power to Mali.",
        actors,
    )
    assert {e.cameo for e in events} == {"057"}


def test_a_nouns_infinitive_keeps_its_frame(nlp):
    from eventcoder.events.modality import is_relative_clause

    doc = nlp("Kenya issued a threat to expel the envoy.")
    expel = next(t for t in doc if t.text == "expel")
    assert not is_relative_clause(expel)
    doc = nlp("The ministry warned of the threat the militants pose to Kenya.")
    pose = next(t for t in doc if t.text == "pose")
    assert is_relative_clause(pose)


def test_a_present_tense_relative_clause_describes(nlp, extractor):
    from eventcoder.events.extract import _describes

    doc = nlp("Rebels who control the northern roads attacked the convoy.")
    control = next(t for t in doc if t.text == "control")
    assert _describes(control, extractor.frames)
    attacked = next(t for t in doc if t.text == "attacked")
    assert not _describes(attacked, extractor.frames)


def test_an_actor_named_only_as_a_modifier_of_a_thing_is_no_source(code_sentence):
    actors = {"EU": "IGOEU", "Malawi": "MWI"}
    assert code_sentence("The EU grant will support Malawi.", actors) == []
    assert ("IGOEU", "MWI", "032") in _codes(code_sentence("The EU will support Malawi.", actors))
    actors = {"Norway": "NOR", "Sweden": "SWE"}
    assert code_sentence("Norway's economy helped Sweden.", actors) == []
    assert (
        code_sentence("The Twitter campaign praised Norway.", {"Twitter": "USABUS", **actors}) == []
    )


def test_a_modifier_that_stands_for_its_group_or_text_stays_the_source(code_sentence):
    actors = {"Norway": "NOR", "Sweden": "SWE"}
    # a word for a group or person: the group is the country's
    assert ("NOR", "SWE", "040") in _codes(
        code_sentence("Norway's delegation met Sweden's envoy.", actors)
    )
    # a text speaks for its author
    events = code_sentence(
        "A UN report accused Sudan of torture.", {"UN": "IGOUNO", "Sudan": "SDN"}
    )
    assert ("IGOUNO", "SDN") in {(s, t) for s, t, _ in _codes(events)}
    # force: the instruments are the actor's
    events = code_sentence(
        "Israeli army bulldozers demolished Palestinian homes.",
        {"Israeli army": "ISRMIL", "Palestinian": "PSE"},
    )
    assert ("ISRMIL", "PSE") in {(s, t) for s, t, _ in _codes(events)}


def test_agent_heads_read_the_head_of_a_phrase():
    from eventcoder.events.extract import _agent_heads, _phrase_head

    assert _phrase_head(["minister", "for", "economy", "and", "finance"]) == "minister"
    assert _phrase_head(["defence", "minister"]) == "minister"
    heads = _agent_heads()
    assert {"militia", "forum", "ally"} <= heads
    assert "economy" not in heads and "document" not in heads


def test_one_act_per_trigger_and_pair(code_sentence):
    events = code_sentence(
        "Norway urged Sweden to free the prisoners and respect the truce.",
        {"Norway": "NOR", "Sweden": "SWE"},
    )
    pairs = [(e.source.code, e.target.code, e.trigger_text) for e in events]
    assert pairs.count(("NOR", "SWE", "urged")) == 1


def test_no_act_on_oneself(extractor, nlp, make_mentions):
    # "their supporters" read as the speaker's own: an appeal to oneself is no event
    doc = nlp("The council urged the parties and their supporters to stay calm.")
    mentions = make_mentions(
        doc, {"council": "IGOUNO", "parties": "GHAPTY", "their supporters": "IGOUNO"}
    )
    events = extractor.extract(doc, mentions)
    assert all(e.source.code != (e.target.code if e.target else None) for e in events)


def test_a_strike_report_is_in_the_past(code_sentence):
    actors = {"Allied forces": "IGOCOA", "Harakat": "AFGREB"}
    first = "Allied forces struck Harakat again. "
    events = code_sentence(first + "Near Tromso, two strikes destroyed a Harakat tank.", actors)
    assert ("IGOCOA", "AFGREB", "195") in _codes(events)
    events = code_sentence(first + "Near Tromso, the strikes bring the total to 900.", actors)
    assert not any(e.trigger_text == "bring" for e in events)


def test_a_strike_verb_misparsed_as_a_participle_is_still_the_report(nlp, extractor):
    from spacy.tokens import Doc

    from eventcoder.events.extract import _describes, _misread_strike

    # "five strikes destroyed eight jacks" with "destroyed" hung on "strikes", as the parser
    # sometimes does after a long place name
    doc = Doc(
        nlp.vocab,
        words=["Five", "strikes", "destroyed", "eight", "jacks", "."],
        heads=[1, 1, 1, 4, 2, 1],
        deps=["nummod", "ROOT", "acl", "nummod", "obj", "punct"],
        tags=["CD", "NNS", "VBN", "CD", "NNS", "."],
        pos=["NUM", "NOUN", "VERB", "NUM", "NOUN", "PUNCT"],
        lemmas=["five", "strike", "destroy", "eight", "jack", "."],
    )
    assert _misread_strike(doc[2])
    assert not _describes(doc[2], extractor.frames)
    # a passive participle has no object of its own: "strikes reported by X" describes
    doc = Doc(
        nlp.vocab,
        words=["strikes", "reported", "by", "Norway"],
        heads=[0, 0, 3, 1],
        deps=["ROOT", "acl", "case", "obl"],
        tags=["NNS", "VBN", "IN", "NNP"],
        pos=["NOUN", "VERB", "ADP", "PROPN"],
        lemmas=["strike", "report", "by", "Norway"],
    )
    assert not _misread_strike(doc[1])
    assert _describes(doc[1], extractor.frames)


def test_restating_a_position_is_no_act(code_sentence):
    actors = {"Ghana": "GHA", "Togo": "TGO"}
    assert code_sentence("Ghana reaffirmed its full support for Togo.", actors) == []
    assert code_sentence("Ghana reiterated its commitment to Togo's security.", actors) == []
    assert ("GHA", "TGO") in {
        (s, t) for s, t, _ in _codes(code_sentence("Ghana praised Togo.", actors))
    }


def test_a_match_result_is_no_attack(code_sentence):
    actors = {"Ghana": "GHA", "Togo": "TGO"}
    assert code_sentence("Ghana defeated Togo 2-1 in Accra on Sunday.", actors) == []
    assert any(
        e.cameo.startswith("19")
        for e in code_sentence("Ghana's army defeated Togo in a border battle.", actors)
    )
