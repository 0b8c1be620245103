"""Event dates at gold triggers: our event-date set's floors and the evaluation's checks."""

import json

import pytest
from click.testing import CliRunner

from eventcoder.errors import InputError
from eventcoder.floors import accuracy_floors
from eventcoder.timex.evaluate import eval_time_command
from eventcoder.timex.evaluate_events import (
    EVENTS_GOLD_FILE,
    evaluate_event_dates,
    load_event_gold,
)


def test_event_date_set_size():
    items = load_event_gold(EVENTS_GOLD_FILE)
    events = [e for item in items for e in item["events"]]
    assert len(events) >= 60
    assert len({item["id"] for item in items}) == len(items)


def test_event_date_floors(nlp, time_data):
    scores = evaluate_event_dates(load_event_gold(EVENTS_GOLD_FILE), nlp, time_data)
    floors = accuracy_floors("event_dates")["floors"]
    assert scores.exact / scores.dated >= floors["exact"]
    assert scores.undated_right / scores.undated >= floors["undated_right"]


def test_bad_event_gold_lines(tmp_path):
    path = tmp_path / "gold.jsonl"
    item = {"id": "x", "doc_date": "2024-01-05", "text": "Police arrested him.", "events": []}
    for bad in (
        {**item, "events": [{"trigger": "detained", "date": None}]},
        {**item, "events": [{"trigger": "arrested", "date": ["2024-01-05", "2024-01-01"]}]},
        {k: v for k, v in item.items() if k != "text"},
    ):
        path.write_text(json.dumps(bad) + "\n", encoding="utf-8")
        with pytest.raises(InputError, match="E501"):
            load_event_gold(path)
    with pytest.raises(InputError, match="E502"):
        load_event_gold(tmp_path / "missing.jsonl")


def test_events_command_scores_a_file(nlp, tmp_path):
    path = tmp_path / "gold.jsonl"
    item = {
        "id": "a",
        "doc_date": "2024-01-05",
        "text": "Police arrested him on Tuesday. Officials met again in 2019.",
        "events": [
            {"trigger": "arrested", "date": ["2024-01-02", "2024-01-02"]},
            {"trigger": "met", "date": ["2019-01-01", "2019-01-31"]},
        ],
    }
    path.write_text(json.dumps(item) + "\n", encoding="utf-8")
    result = CliRunner().invoke(eval_time_command, ["--events", "--gold", str(path)])
    assert result.exit_code == 0, result.output
    last = result.output.strip().splitlines()[-1]
    assert last == "event dates: exact 1/2 (50.0%), no day date where gold has none 0/0 (-)"


def test_probe_items_take_the_required_events(tmp_path):
    from eventcoder.timex.evaluate_events import probe_items

    path = tmp_path / "probe.jsonl"
    doc = {
        "id": "p1",
        "date": "2024-01-05",
        "text": "Police arrested him on Tuesday and questioned him.",
        "events": [
            {"trigger": "arrested", "date": ["2024-01-02", "2024-01-02"], "optional": False},
            {"trigger": "questioned", "date": None, "optional": True},
        ],
    }
    path.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    (item,) = probe_items(path)
    assert item["events"] == [{"trigger": "arrested", "n": 1, "date": ["2024-01-02", "2024-01-02"]}]
    with pytest.raises(InputError, match="E502"):
        probe_items(tmp_path / "missing.jsonl")
