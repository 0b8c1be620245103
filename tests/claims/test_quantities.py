"""Quantities with their measure, resolved through the parse and coreference."""

from __future__ import annotations

from eventcoder.claims.quantities import find_quantities

from .conftest import numbers


def _run(nlp, text):
    doc = nlp(text)
    out, previous = [], None
    for sent in doc.sents:
        found = find_quantities(sent, numbers(), previous)
        out.extend(found)
        previous = next((q.measure for q in reversed(found) if q.measure), previous)
    return doc, out


def test_a_count_takes_the_noun_after_it(nlp):
    _, found = _run(nlp, "Rescue workers said 14 miners were still trapped.")
    assert [(q.match.low, q.measure) for q in found] == [(14, "miners")]


def test_vague_amount_of_noun(nlp):
    _, found = _run(nlp, "Dozens of villages have been flooded.")
    assert found[0].measure == "villages" and found[0].match.low == 12


def test_number_of_x_at_n(nlp):
    _, found = _run(nlp, "Police put the number of protesters at 15,000.")
    assert found[0].measure == "protesters"


def test_the_figure_takes_the_previous_measure(nlp):
    _, found = _run(
        nlp, "Police said about 5,000 people joined the march. Organisers put the figure at 40,000."
    )
    assert [q.measure for q in found] == ["people", "people"]


def test_their_number_refers_back_to_a_plural_noun(nlp):
    _, found = _run(
        nlp,
        "Officials published videos of arriving soldiers. "
        "Independent observers estimated their number at 2,000.",
    )
    assert found and found[-1].measure and found[-1].measure.endswith("soldiers")


def test_offsets_are_document_offsets(nlp):
    doc, found = _run(nlp, "First sentence here. The convoy of 40 trucks arrived.")
    q = found[0]
    assert doc.text[q.start_char : q.end_char] == "40"
    assert doc[q.first_token].text == "40"


def test_a_change_measures_the_subject_before_its_verb(nlp):
    _, found = _run(nlp, "Food prices have climbed 12 percent since the summer.")
    assert found[0].measure and found[0].measure.endswith("prices")
    _, found = _run(nlp, "Exports fell by a quarter last year.")
    assert found[0].measure == "Exports"


def test_a_share_counts_the_noun_after_it(nlp):
    _, found = _run(nlp, "The storm destroyed one in five homes.")
    assert found[0].measure == "homes"


def test_number_of_x_with_a_long_modifier_before_at(nlp):
    # the words between the verb and "at" are a clause ("deployed along ... in ..."), not the measure
    _, found = _run(
        nlp,
        "Observers estimated the number of troops deployed along the border "
        "with Chad at roughly 3,000.",
    )
    assert [(q.match.low, q.measure) for q in found] == [(3000, "troops")]


def test_setter_is_the_subject_of_the_set_verb(nlp):
    doc, found = _run(
        nlp,
        "A regional monitoring group put the number of families displaced "
        "by the floods in Kenya at about 40,000.",
    )
    assert found[0].measure == "families" and found[0].setter is not None
    assert doc[found[0].setter].text == "group"


def test_the_true_figure_closer_to_n_refers_back(nlp):
    _, found = _run(
        nlp,
        "A ministry report put the number of teachers on strike in Peru at "
        "about 8,000, but a union leader said the real figure was closer to 12,000.",
    )
    assert [q.measure for q in found] == ["teachers", "teachers"]
    assert all(q.match.approximate for q in found)


def test_an_aside_between_the_measure_and_at(nlp):
    _, found = _run(
        nlp, "Insurers put the overall damage, including lost harvests, at more than $2 billion."
    )
    assert [(q.match.low, q.match.unit, q.measure) for q in found] == [(2e9, "USD", "damage")]
