import datetime as dt

import pytest

from eventcoder.errors import InputError
from eventcoder.timex.events_table import find_event, load_events


def test_table_loads_with_documented_rows():
    events = {e.id: e for e in load_events()}
    assert events["ukraine_invasion_2022"].start == dt.date(2022, 2, 24)
    assert events["september_11_2001"].start == dt.date(2001, 9, 11)
    assert all(e.source for e in events.values())


def test_region_gates_generic_aliases():
    text = "Kyiv said the front had not moved."
    hit = find_event("the invasion began", text, dt.date(2023, 1, 1), load_events())
    assert hit is not None and hit[0].id == "ukraine_invasion_2022"
    assert (
        find_event(
            "the invasion began", "Nothing about the place.", dt.date(2023, 1, 1), load_events()
        )
        is None
    )


def test_event_must_precede_document():
    assert find_event("the pandemic", "", dt.date(2019, 5, 1), load_events()) is None
    assert find_event("the pandemic", "", dt.date(2021, 5, 1), load_events()) is not None


def test_alias_must_open_the_phrase():
    assert (
        find_event("the meeting about the pandemic", "", dt.date(2021, 5, 1), load_events()) is None
    )


def test_bad_row_is_a_clear_error(tmp_path):
    path = tmp_path / "events.tsv"
    path.write_text("x\tthe thing\tnot-a-date\t\t\tnote\n", encoding="utf-8")
    with pytest.raises(InputError, match="E103"):
        load_events(path)
