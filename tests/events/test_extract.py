"""The event stage on sentences of our own (actors given directly)."""

from __future__ import annotations

from eventcoder.events.extract import EventCandidate


def _dyads(events: list[EventCandidate]) -> set[tuple[str | None, str | None, str]]:
    return {
        (e.source.code if e.source else None, e.target.code if e.target else None, e.cameo)
        for e in events
    }


def test_active_verb_pattern(code_sentence):
    events = code_sentence("Norway imposed sanctions on Iran.", {"Norway": "NOR", "Iran": "IRN"})
    assert ("NOR", "IRN", "163") in _dyads(events)
    event = next(e for e in events if e.cameo == "163")
    assert event.plover == "COERCE" and event.goldstein is not None and event.quad_class == 4
    assert event.pattern and event.trigger_text == "imposed" and not event.negated


def test_passive_voice(code_sentence):
    events = code_sentence(
        "Sanctions were imposed on Iran by Norway.", {"Norway": "NOR", "Iran": "IRN"}
    )
    assert ("NOR", "IRN", "163") in _dyads(events)


def test_negation(code_sentence):
    events = code_sentence(
        "Chile still hasn't broken off relations with Peru.", {"Chile": "CHL", "Peru": "PER"}
    )
    assert events and all(e.negated for e in events)


def test_threat_is_not_an_attack(code_sentence):
    events = code_sentence(
        "Russia threatened to fire missiles at Georgia.", {"Russia": "RUS", "Georgia": "GEO"}
    )
    assert events
    assert all(e.cameo.startswith("13") for e in events)
    assert all(e.plover == "THREATEN" for e in events)
    assert any(e.modality == "threatened" for e in events)


def test_refusal(code_sentence):
    events = code_sentence(
        "Egypt refused to send troops to Yemen.", {"Egypt": "EGY", "Yemen": "YEM"}
    )
    assert events and all(e.cameo.startswith("12") for e in events)


def test_reported_event(code_sentence):
    events = code_sentence(
        "Poland said that Russia attacked Ukraine.",
        {"Poland": "POL", "Russia": "RUS", "Ukraine": "UKR"},
    )
    attack = [e for e in events if e.cameo.startswith("19")]
    assert attack and attack[0].source.code == "RUS" and attack[0].target.code == "UKR"
    assert attack[0].reported_by is not None and attack[0].reported_by.code == "POL"
    assert attack[0].modality == "reported"


def test_no_plans(code_sentence):
    events = code_sentence(
        "Russia has no plans to attack Finland.", {"Russia": "RUS", "Finland": "FIN"}
    )
    assert all(e.negated for e in events)


def test_nominal_event(code_sentence):
    events = code_sentence(
        "They condemned Iraq's invasion of Kuwait.", {"Iraq": "IRQ", "Kuwait": "KWT"}
    )
    assert any(
        e.source is not None
        and e.source.code == "IRQ"
        and e.target is not None
        and e.target.code == "KWT"
        and e.cameo.startswith("19")
        for e in events
    )


def test_a_noun_without_its_actor_is_no_event(code_sentence):
    # real news: "the invasion", "the fighting" with no one named doing it is no event
    events = code_sentence("Protesters marched against the invasion of Kuwait.", {"Kuwait": "KWT"})
    assert not any(e.cameo.startswith("19") for e in events)


def test_coordinated_sources(code_sentence):
    events = code_sentence(
        "Yesterday Chile, Peru and Bolivia condemned Brazil.",
        {"Chile": "CHL", "Peru": "PER", "Bolivia": "BOL", "Brazil": "BRA"},
    )
    sources = {e.source.code for e in events if e.source and e.target and e.target.code == "BRA"}
    assert sources == {"CHL", "PER", "BOL"}


def test_no_actor_no_event(code_sentence):
    assert code_sentence("The weather was nice and people walked in the park.", {}) == []


def test_sentence_index(nlp, extractor, make_mentions):
    doc = nlp("It rained. Norway imposed sanctions on Iran.")
    events = extractor.extract(doc, make_mentions(doc, {"Norway": "NOR", "Iran": "IRN"}))
    assert events and all(e.sentence == 1 for e in events)


def test_unparsed_document_is_a_clear_error(extractor):
    import pytest
    import spacy

    from eventcoder.errors import InputError

    doc = spacy.blank("en")("Chile attacked Peru.")
    with pytest.raises(InputError, match="E805"):
        extractor.extract(doc, [])


def test_target_in_a_participial_clause_on_the_object(code_sentence):
    events = code_sentence(
        "Chile welcomed the proposals sent by Peru.", {"Chile": "CHL", "Peru": "PER"}
    )
    dyads = [(e.source.code, e.target.code) for e in events if e.source and e.target]
    assert ("CHL", "PER") in dyads


def test_pattern_skip_keeps_the_skipped_phrase_out_of_the_target(nlp, tmp_path):
    from eventcoder.events.extract import EventExtractor
    from tests.events.conftest import build_mentions

    verbs = tmp_path / "verbs.txt"
    verbs.write_text(
        "--- CELEBRATE [181] ---\nCELEBRATE\n- * FEAST IN ^ +  [045]\n", encoding="utf-8"
    )
    extractor = EventExtractor.from_data(verbs=verbs, recode=False)
    doc = nlp("Chile celebrated the feast in Peru with the envoys of Bolivia.")
    events = extractor.extract(
        doc, build_mentions(doc, {"Chile": "CHL", "Peru": "PER", "Bolivia": "BOL"})
    )
    dyads = {(e.source.code, e.target.code, e.cameo) for e in events if e.source and e.target}
    assert ("CHL", "BOL", "045") in dyads and ("CHL", "PER", "045") not in dyads


def test_pattern_with_target_before_the_verb_swaps_roles(nlp, tmp_path):
    from eventcoder.events.extract import EventExtractor
    from tests.events.conftest import build_mentions

    verbs = tmp_path / "verbs.txt"
    verbs.write_text(
        "--- RECEIVE [033] ---\nRECEIVE\n- + * MONEY $  [071]\n"
        "--- FREE [066] ---\nFREE\n- + * FROM $  [066]\n",
        encoding="utf-8",
    )
    extractor = EventExtractor.from_data(verbs=verbs, recode=False)
    table = {"Chile": "CHL", "Peru": "PER"}

    def dyads(text):
        doc = nlp(text)
        return {
            (e.source.code, e.target.code, e.cameo)
            for e in extractor.extract(doc, build_mentions(doc, table))
            if e.source and e.target
        }

    assert ("PER", "CHL", "071") in dyads("Chile received money from Peru on Monday.")
    assert ("PER", "CHL", "066") in dyads(
        "Chile was freed from Peru on Monday."
    )  # passive: no swap


def test_copular_predicate_of_an_infinitive(nlp):
    from eventcoder.events.extract import _copular

    ready = nlp("Chile is ready to talk with Peru.")
    wants = nlp("Chile wants to talk with Peru.")
    assert _copular(next(t for t in ready if t.lower_ == "talk").head)
    assert not _copular(next(t for t in wants if t.lower_ == "talk").head)


def test_compound_subject_is_reciprocal_despite_an_uncoded_name(nlp, tmp_path):
    from dataclasses import replace

    from eventcoder.events.extract import EventExtractor
    from tests.events.conftest import build_mentions

    verbs = tmp_path / "verbs.txt"
    verbs.write_text("--- AGREE [081] ---\nAGREE\n- % *  [030:030]\n", encoding="utf-8")
    extractor = EventExtractor.from_data(verbs=verbs, recode=False)
    doc = nlp(
        "Chile and Peru agree that territorial disputes in the Pacific Ocean should be resolved through talks."
    )
    mentions = build_mentions(doc, {"Chile": "CHL", "Peru": "PER", "Pacific Ocean": "XXX"})
    mentions = [
        replace(m, code=None, country=None, sector=None) if m.text == "Pacific Ocean" else m
        for m in mentions
    ]
    dyads = {
        (e.source.code, e.target.code)
        for e in extractor.extract(doc, mentions)
        if e.source and e.target
    }
    assert {("CHL", "PER"), ("PER", "CHL")} <= dyads


def test_a_place_in_the_object_phrase_is_no_target(nlp, extractor):
    from dataclasses import replace

    from tests.events.conftest import build_mentions

    doc = nlp("Chile attacked the Azov plant in Peru on Monday.")
    mentions = build_mentions(doc, {"Chile": "CHL", "Azov plant": "XXX", "Peru": "PER"})
    mentions = [
        replace(m, code=None, country=None, sector=None) if m.text == "Azov plant" else m
        for m in mentions
    ]
    targets = {e.target.code for e in extractor.extract(doc, mentions) if e.source and e.target}
    assert "PER" not in targets  # a place where it happened is never the target (real news)


def test_target_in_a_participial_clause_on_an_object_modifier(code_sentence):
    events = code_sentence(
        "Chile welcomed assurances on trade issues sent from Peru.", {"Chile": "CHL", "Peru": "PER"}
    )
    dyads = [(e.source.code, e.target.code) for e in events if e.source and e.target]
    assert ("CHL", "PER") in dyads


def test_carrying_out_research_is_not_an_event(nlp):
    from eventcoder.actors.coder import ActorCoder
    from eventcoder.events import EventExtractor

    extractor, actors = EventExtractor.from_data(), ActorCoder.from_data()
    poll = nlp("A Warsaw institute conducted a survey of Lithuanian voters in May.")
    assert extractor.extract(poll, actors.find(poll)) == []
    drill = nlp("The Polish army conducted exercises with Lithuanian troops.")
    assert [c.cameo for c in extractor.extract(drill, actors.find(drill))] == ["150"]
