"""The gazetteer entity fixes: one test per class of fix, on made-up text.

Each test gives the component the entity the small recognizer got wrong (set by hand, so the
test does not hang on what the statistical model happens to find) and checks the fix.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from eventcoder.errors import ConfigError
from eventcoder.nlp.entities import ALL_FIXES, COMPONENT, DEFAULT_FIXES, EntityFixes
from eventcoder.nlp.pipeline import load_pipeline


def _fixed(nlp, text: str, wrong: str, label: str, fixes=DEFAULT_FIXES) -> list[tuple[str, str]]:
    """Parse ``text`` without the fixes, make ``wrong`` its only entity, apply ``fixes``."""
    bare = load_pipeline(exclude=(COMPONENT,))
    doc = bare(text)
    start = text.index(wrong)
    span = doc.char_span(start, start + len(wrong), label=label)
    assert isinstance(span, Span)
    doc.set_ents([span], default="outside")
    doc = EntityFixes(fixes)(doc)
    return [(e.text, e.label_) for e in doc.ents]


CASES = [
    # (fix, text, the recognizer's entity, its label, the entities after the fix)
    (
        "trim",
        "The study appeared in the Journal of Medicine this week.",
        "Journal of Medicine this",
        "ORG",
        [("Journal of Medicine", "ORG")],
    ),
    (
        "heads",
        "Officials of the Northern Lottery Corporation met the mayor.",
        "Northern Lottery Corporation",
        "GPE",
        [("Northern Lottery Corporation", "ORG")],
    ),
    (
        "heads",
        "Ferries cross Manila Bay every hour.",
        "Manila Bay",
        "PERSON",
        [("Manila Bay", "GPE")],
    ),
    (
        "places",
        "Thousands marched through Lahore on Friday.",
        "Lahore",
        "PERSON",
        [("Lahore", "GPE")],
    ),
    (
        "organisations",
        "Officers of Frontex patrolled the coast.",
        "Frontex",
        "PERSON",
        [("Frontex", "ORG")],
    ),
    (
        "extend_people",
        "The letter was signed by Maria Teresa Okafor yesterday.",
        "Teresa Okafor",
        "PERSON",
        [("Maria Teresa Okafor", "PERSON")],
    ),
    (
        "extend_people",
        "On Monday, Deputy Secretary Okonkwo met the envoys.",
        "Deputy Secretary",
        "PERSON",
        [("Okonkwo", "PERSON")],
    ),
    (
        "head_of",
        "Judges of the Northland Court of Appeal ruled on Tuesday.",
        "Northland Court of Appeal",
        "PERSON",
        [("Northland Court of Appeal", "ORG")],
    ),
    (
        "partial_titles",
        "She met Polish Foreign Minister Anna Kowalczyk in the capital.",
        "Minister Anna Kowalczyk",
        "PERSON",
        [("Anna Kowalczyk", "PERSON")],
    ),
    (
        "plural_titles",
        "The bill passed after the Senators voted late.",
        "Senators",
        "PERSON",
        [],
    ),
    (
        "place_first",
        "Shepherds climbed Mount Korvan at dawn.",
        "Mount Korvan",
        "PERSON",
        [("Mount Korvan", "GPE")],
    ),
    (
        "lone_heads",
        "Aid flights resumed after the Cabinet agreed to a pause.",
        "Cabinet",
        "PERSON",
        [("Cabinet", "ORG")],
    ),
]


def _with_ents(text: str, ents: list[tuple[str, str]], fixes) -> list[tuple[str, str]]:
    """Parse ``text`` without the fixes, give it exactly ``ents`` (each name's first
    occurrence), apply ``fixes``."""
    doc = load_pipeline(exclude=(COMPONENT,))(text)
    spans = []
    for name, label in ents:
        start = text.index(name)
        spans.append(doc.char_span(start, start + len(name), label=label))
    doc.set_ents(spans, default="outside")
    return [(e.text, e.label_) for e in EntityFixes(fixes)(doc).ents]


# (fix, text, the recognizer's entities, the entities after the fix): fixes that add names
ADDING = [
    (
        "new_orgs",
        "Officers of the Northland Defence Forces crossed the river.",
        [],
        [("Northland Defence Forces", "ORG")],
    ),
    (
        "lone_heads",
        "Aid flights resumed after the Cabinet agreed to a pause.",
        [],
        [("Cabinet", "ORG")],
    ),
    (
        "acronyms",
        "The Northland Liberation Front (NLF) said that NLF fighters had left Korvan.",
        [("Korvan", "GPE")],
        [
            ("Northland Liberation Front", "ORG"),
            ("NLF", "ORG"),
            ("NLF", "ORG"),
            ("Korvan", "GPE"),
        ],
    ),
    (
        "acronyms",
        "Members of the Tarsk People's Council (TPC) met. The TPC voted.",
        [("Tarsk People's Council", "GPE"), ("TPC", "GPE")],
        [("Tarsk People's Council", "ORG"), ("TPC", "ORG"), ("TPC", "ORG")],
    ),
    (
        "consistent",
        "Anna Kowalczyk arrived on Monday. Later Kowalczyk said the talks went well.",
        [("Anna Kowalczyk", "PERSON")],
        [("Anna Kowalczyk", "PERSON"), ("Kowalczyk", "PERSON")],
    ),
]


@pytest.mark.parametrize(("fix", "text", "ents", "expected"), ADDING, ids=[c[0] for c in ADDING])
def test_each_adding_fix(nlp, fix, text, ents, expected):
    assert _with_ents(text, ents, [fix]) == expected
    assert _with_ents(text, ents, []) != expected


def test_consistent_labels_take_the_majority(nlp):
    text = "Dorran Vale spoke first. Then Dorran Vale left, and Dorran Vale returned."
    doc = load_pipeline(exclude=(COMPONENT,))(text)
    starts = [i for i in range(len(text)) if text.startswith("Dorran Vale", i)]
    labels = ["PERSON", "GPE", "PERSON"]
    doc.set_ents(
        [doc.char_span(s, s + 11, label=lab) for s, lab in zip(starts, labels)],
        default="outside",
    )
    fixed = EntityFixes(["consistent"])(doc)
    assert [(e.text, e.label_) for e in fixed.ents] == [("Dorran Vale", "PERSON")] * 3


def test_a_place_found_once_is_not_spread(nlp):
    """A one-word place is left to the recognizer elsewhere ("Jordan" may be a person)."""
    text = "Troops left Korvan. Korvan is quiet."
    assert _with_ents(text, [("Korvan", "GPE")], ["consistent"]) == [("Korvan", "GPE")]


def test_an_acronym_must_match_its_initials(nlp):
    text = "Talks in the Grand Hall (NLF) ended."
    assert _with_ents(text, [], ["acronyms"]) == []


@pytest.mark.parametrize(
    ("fix", "text", "wrong", "label", "expected"), CASES, ids=[c[0] for c in CASES]
)
def test_each_fix(nlp, fix, text, wrong, label, expected):
    assert _fixed(nlp, text, wrong, label, [fix]) == expected
    # and with that fix switched off, the entity stays as the recognizer had it
    others = [f for f in DEFAULT_FIXES if f != fix]
    assert _fixed(nlp, text, wrong, label, others) != expected


def test_a_small_town_name_stays_a_person():
    """Only countries, regions and large cities turn a PERSON into a place."""
    assert _fixed(None, "We thanked Gloria for the meal.", "Gloria", "PERSON", ["places"]) == [
        ("Gloria", "PERSON")
    ]


def test_fixes_are_in_the_default_pipeline(nlp):
    names = nlp.pipe_names
    assert names.index(COMPONENT) == names.index("entity_ruler") + 1


def test_unknown_fix_is_an_error():
    with pytest.raises(ConfigError, match="E105"):
        EntityFixes(["trim", "no-such-fix"])


def test_no_fixes_change_nothing(nlp):
    text = "Thousands marched through Lahore on Friday."
    assert _fixed(nlp, text, "Lahore", "PERSON", []) == [("Lahore", "PERSON")]
    assert set(DEFAULT_FIXES) <= set(ALL_FIXES)
