"""explain: the parse, how each actor and event was coded, cues, dates, misses."""

from __future__ import annotations

import io

import pytest

from eventcoder.dictionaries.explain import explain
from eventcoder.dictionaries.render import render_explanation

TEXT = (
    "Jane Quillon did not meet the harbour masters of Port Azur on Monday, "
    "but the Harbour Guard will stonewall the Russian army."
)


@pytest.fixture(scope="module")
def explained(user_coder):
    return explain(TEXT, user_coder, "2025-03-05")


def test_actors_name_their_dictionary_entries_and_date_rule(explained):
    (sentence,) = explained.sentences
    jane = next(a for a in sentence.actors if a.text == "Jane Quillon")
    assert jane.code == "FRAGOV"
    (entry,) = jane.entries
    assert entry.origin == "my_actors.tsv:2" and entry.kind == "person"
    assert entry.date_rule == "FRAGOV 2024-01-05..: the term covering 2025-03-05"
    masters = next(a for a in sentence.actors if "harbour masters" in a.text)
    assert {e.origin for e in masters.entries} == {"my_actors.tsv:5", "my_actors.tsv:6"}
    russian = next(a for a in sentence.actors if a.text == "the Russian army")
    assert all(".tsv:" in e.origin for e in russian.entries) and russian.code == "RUSMIL"


def test_events_name_the_verb_entry_pattern_cues_and_date(explained):
    (sentence,) = explained.sentences
    meet = next(e for e in sentence.events if e.trigger == "meet")
    assert meet.negated and any("'not' on 'meet'" in c for c in meet.negation_cues)
    assert meet.verb is not None and meet.verb["origin"].startswith("cameo_verbs.txt:")
    assert meet.date["start"] == "2025-03-03" and meet.date_expression == "Monday"
    assert meet.date_rule.startswith(("parse", "sentence"))
    snub = next(e for e in sentence.events if e.trigger == "stonewall")
    assert snub.cameo == "120" and snub.verb_pattern["origin"] == "my_verbs.txt:2"
    assert "pattern MY_STONEWALL.1 (my_verbs.txt:2) matched" in snub.how
    assert any("auxiliary 'will'" in c for c in snub.modality_cues)


def test_a_verb_with_no_event_says_why(user_coder):
    result = explain("France will sanction Russia.", user_coder, "2025-03-05")
    (item,) = result.sentences[0].not_coded
    assert item["word"] == "sanction" and "not in the verb dictionaries" in item["reason"]
    found = explain("The Harbour Guard stonewalled the tourists.", user_coder, "2025-03-05")
    (snub,) = found.sentences[0].not_coded
    assert "none of its 1 patterns matched" in snub["reason"]


def test_discard_is_explained(user_coder):
    result = explain("France stonewalled Russia at the football league final.", user_coder, None)
    sentence = result.sentences[0]
    assert sentence.events == () and "football league" in sentence.discarded_by


def test_json_form_and_terminal_form_escape_user_text(user_coder):
    result = explain("The Harbour Guard stonewalled the Russian army.", user_coder)
    data = result.to_dict()
    assert data["sentences"][0]["events"][0]["cameo"] == "120"
    assert data["dictionaries"].startswith("sha256:")
    out = io.StringIO()
    render_explanation(result, file=out)
    assert "my_verbs.txt:2" in out.getvalue()
    marked = explain("Officials said [bold]nothing[/bold] about [red]it[/red].", user_coder)
    out = io.StringIO()
    render_explanation(marked, file=out)
    assert "[bold]nothing[/bold] about [red]it[/red]" in out.getvalue()  # as written


def test_explain_accounts_for_every_event_of_the_example_article(plain_coder, belarus_text):
    from eventcoder.records import EventRecord

    coded = [
        r for r in plain_coder.code(belarus_text, date="2022-11-15") if isinstance(r, EventRecord)
    ]
    result = explain(belarus_text, plain_coder, "2022-11-15")
    explained = [
        (s.index, e.cameo, e.trigger) for s in result.sentences for e in s.events if e.kept
    ]
    assert sorted(explained) == sorted((e.sentence, e.cameo, e.trigger) for e in coded)
    assert all(e.how and e.date_rule for s in result.sentences for e in s.events)
    missed = [m for s in result.sentences for m in s.not_coded]
    assert missed and all(m["reason"] for m in missed)
