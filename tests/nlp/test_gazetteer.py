"""Entity patterns from the actor data, and the ruler in the committed pipeline."""

from eventcoder.nlp.gazetteer import entity_patterns


def test_patterns_cover_states_organisations_and_people():
    patterns = {p["pattern"]: p["label"] for p in entity_patterns()}
    assert patterns["Belarus"] == "GPE" and patterns["Minsk"] == "GPE"
    assert patterns["European Union"] == "ORG"
    assert patterns["Alexander Lukashenko"] == "PERSON"
    assert "Lukashenko" not in patterns  # bare surnames are left to the recognizer
    assert all(p[0].isupper() for p in patterns)


def test_pipeline_marks_known_names(nlp):
    doc = nlp("The European Union imposed new sanctions on Belarus, Alexander Lukashenko said.")
    assert {(e.text, e.label_) for e in doc.ents} >= {
        ("European Union", "ORG"),
        ("Belarus", "GPE"),
        ("Alexander Lukashenko", "PERSON"),
    }
