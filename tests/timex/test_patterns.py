from eventcoder.timex.patterns import RULES


def _match(rule, text):
    found = RULES[rule].search(text)
    return found.group(0) if found else None


def test_month_names_need_capitals():
    assert _match("month", "in March 2021") == "March 2021"
    assert _match("month", "they march on") is None


def test_day_month_forms():
    assert _match("month_day", "on October 31, 2022.") == "October 31, 2022"
    assert _match("day_month", "on the 3rd of May") == "the 3rd of May"
    assert _match("month_day", "in May 2018") is None


def test_relative_and_anchored_forms():
    assert _match("ago", "Three days ago, gunmen") == "Three days ago"
    assert _match("anchored", "a few weeks before the invasion Lukashenka").startswith(
        "a few weeks before the invasion"
    )
    assert _match("present", "societyCurrently, the") == "Currently"
    assert _match("present", "now-defunct party") is None
