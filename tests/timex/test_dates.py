import datetime as dt

from eventcoder.timex import dates as D


def test_month_parts():
    assert D.month_span(2021, 2).end == dt.date(2021, 2, 28)
    assert D.month_span(2024, 2, "late") == D.Span(
        dt.date(2024, 2, 21), dt.date(2024, 2, 29), "month"
    )
    assert D.month_span(2023, 3, "early").end == dt.date(2023, 3, 10)


def test_winter_contains_january_of_its_year():
    winter = D.season_span("winter", 2021)
    assert (winter.start, winter.end) == (dt.date(2020, 12, 1), dt.date(2021, 2, 28))
    assert D.season_span("autumn", 2022).start == dt.date(2022, 9, 1)


def test_week_is_monday_to_sunday():
    week = D.week_span(dt.date(2023, 3, 15))
    assert (week.start, week.end) == (dt.date(2023, 3, 13), dt.date(2023, 3, 19))


def test_shift_exact_and_vague():
    base = dt.date(2022, 2, 24)
    assert D.shift(base, 2, 2, "month", -1) == D.month_span(2021, 12)
    vague = D.shift(base, 2, 4, "week", -1)
    assert (vague.start, vague.end) == (dt.date(2022, 1, 27), dt.date(2022, 2, 10))
    assert D.shift(base, 3, 3, "day", 1).start == dt.date(2022, 2, 27)


def test_add_months_clamps_day():
    assert D.add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
