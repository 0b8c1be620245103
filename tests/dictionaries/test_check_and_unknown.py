"""dictionaries check (parsing, conflicts, overrides, coverage) and actors unknown."""

from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.dictionaries.actor_files import read_actor_file
from eventcoder.dictionaries.check import check_dictionaries, render_check
from eventcoder.dictionaries.unknown import (
    count_unknown,
    dictionary_text,
    report,
    seen_in_events,
)
from eventcoder.records import Actor, EventRecord


@pytest.fixture(scope="module")
def bundled_check():
    return check_dictionaries(date=dt.date(2024, 6, 1))


def test_bundled_entries_all_parse_and_coverage_is_reported(bundled_check):
    assert bundled_check.problems == []
    cov = bundled_check.coverage
    assert cov["states"] >= 190 and cov["igo"]["missing"] == []
    assert cov["armed_group"]["coded"] == cov["armed_group"]["listed"]
    assert cov["head of state"]["countries"] >= 20
    assert "nobody in office" in cov["foreign minister"]
    assert len(bundled_check.files) == 10


def test_bundled_conflicts_are_listed_not_silent(bundled_check):
    assert bundled_check.conflicts
    assert all(
        c.startswith("[E908]") and "the first one is used" in c for c in bundled_check.conflicts
    )


def test_user_conflicts_are_problems_and_overrides_are_listed(write):
    path = write(
        "c.tsv", "org\tHarbour Guard\tFRACOP\norg\tHarbour Guard\tFRAMIL\norg\tMinsk\tBLRCVL\n"
    )
    result = check_dictionaries(actors=[path], date=dt.date(2024, 6, 1))
    assert any(f"{path.name}:2: phrase 'Harbour Guard'" in p for p in result.problems)
    assert any("'Minsk' (BLRCVL) overrides metonyms.tsv:" in o for o in result.overrides)
    assert "Problems: 1" in render_check(result)


def _event(source: Actor | None, target: Actor | None, sentence: str) -> EventRecord:
    return EventRecord(
        id="d:s0:e0", doc_id="d", sentence_text=sentence, source=source, target=target
    )


def test_unknown_counts_names_and_writes_an_editable_dictionary(tmp_path):
    events = [
        _event(Actor("the Coalition", entity_type="ORG"), Actor("Russia", code="RUS"), "A."),
        _event(Actor("Coalition aircraft", sector="MIL"), None, "B."),
        _event(Actor("the civilians", sector="CVL"), Actor("Coalition", entity_type="ORG"), "C."),
        _event(Actor("he", entity_type="PRON"), Actor("Mr Ellwood", entity_type="PERSON"), "D."),
    ]
    found = count_unknown(seen_in_events(events), lambda w: w.lower() in {"aircraft", "civilians"})
    assert [(u.text, u.count) for u in found[:2]] == [("Coalition", 3), ("civilians", 1)]
    assert found[0].roles == {"source": 2, "target": 1} and found[0].examples == ["A.", "B."]
    assert "Names the dictionaries do not know" in report(found, 10)
    path = tmp_path / "unknown.tsv"
    path.write_text(dictionary_text(found, 10), encoding="utf-8")
    edited = path.read_text(encoding="utf-8").replace(
        "# org\tCoalition\tCODE", "org\tCoalition\tIGOCOA"
    )
    path.write_text(edited.replace("# person\tMr Ellwood\tCODE", "person\tMr Ellwood\tGBRGOV"))
    loaded = read_actor_file(path)
    assert not loaded.problems and {n for n, _ in loaded.names} == {"Coalition", "Mr Ellwood"}


def test_unknown_reads_the_subjects_that_cost_an_event(user_coder, write):
    from eventcoder.dictionaries.unknown import seen_in_documents

    path = write("doc.txt", "Date: 2025-03-05\n\nZorvak Industries attacked the Russian army.\n")
    lexicon = next(s for s in user_coder.stages if s.name == "actors").coder.lexicon
    is_agent = lambda w: lexicon.agents.match([w], [w.lower()], 0) is not None
    found = count_unknown(seen_in_documents([str(path)], user_coder), is_agent)
    assert [(u.text, u.roles) for u in found] == [("Zorvak Industries", {"source": 1})]
