"""Which date an event gets: the rules of ``timex.clauses`` and the inferred document date
(sentences of our own)."""


def _token(result, word):
    return next(t.i for t in result.doc if t.text == word)


def _date(times, text, date, word):
    result = times(text, date)
    interval = result.date_for(_token(result, word))
    return interval.start, interval.end, interval.granularity


def test_stative_present_is_no_day_but_progressive_and_first_person_are(times):
    assert _date(times, "The opposition claims the vote was rigged.", "2024-03-15", "claims") == (
        None,
        "2024-03-15",
        "unknown",
    )
    day = ("2024-03-15", "2024-03-15", "day")
    assert _date(times, "Troops are shelling the town of Arvo.", "2024-03-15", "shelling") == day
    assert _date(times, "We condemn the attack on the clinic.", "2024-03-15", "condemn") == day


def test_pluperfect_is_not_dated_by_the_report(times):
    text = "The army said on Saturday that it had retaken the bridge."
    assert _date(times, text, "2022-06-20", "said") == ("2022-06-18", "2022-06-18", "day")
    assert _date(times, text, "2022-06-20", "retaken")[2] != "day"


def test_clause_of_time_is_not_dated_by_its_main_clause(times):
    text = "Guards detained the two men on Monday after the convoy had left."
    assert _date(times, text, "2023-05-12", "detained") == ("2023-05-08", "2023-05-08", "day")
    assert _date(times, text, "2023-05-12", "left")[2] != "day"
    text = "Police seized the boat on Tuesday before the crew escaped."
    assert _date(times, text, "2023-05-12", "escaped")[2] != "day"


def test_circumstance_dates_the_report_content_does_not(times):
    text = "Speaking to reporters on Friday, the minister accused the rebels of moving troops."
    assert _date(times, text, "2025-05-12", "accused") == ("2025-05-09", "2025-05-09", "day")
    text = "The minister accused the rebels of shelling the market on Friday."
    assert _date(times, text, "2025-05-12", "accused")[2] != "day"


def test_full_date_before_a_noun_dates_only_that_noun(times):
    text = "We urge both parties to honour the May 4, 2018 agreement."
    assert _date(times, text, "2024-03-15", "urge") == ("2024-03-15", "2024-03-15", "day")
    text = "The cleric said during a Friday sermon that the occupation must end."
    assert _date(times, text, "2024-03-15", "said") == ("2024-03-15", "2024-03-15", "day")


def test_inferred_document_date_is_a_lower_bound_for_deictic_dates(times):
    text = "We urge both parties to honour the May 4, 2018 agreement. Today we welcome the talks."
    result = times(text, None)
    assert result.document_date_status == "inferred"
    interval = result.date_for(_token(result, "welcome"))
    assert (interval.end, interval.granularity) == (None, "unknown")
    # an explicit day that dates an act of the text fixes the day the text tells of
    text = "The army began the offensive on 6 November 2016. The coalition is supporting it."
    assert _date(times, text, None, "supporting") == ("2016-11-06", "2016-11-06", "day")


def test_parenthetical_report_is_not_dated_by_what_it_reports(times):
    text = "Troops opened fire on the marchers on 2 May, the monitors said in a report issued on Tuesday."
    assert _date(times, text, "2024-05-10", "opened") == ("2024-05-02", "2024-05-02", "day")
    assert _date(times, text, "2024-05-10", "said") == ("2024-05-07", "2024-05-07", "day")


def test_act_set_in_a_place_of_a_dated_journey(times):
    text = (
        "The foreign minister visited Ghana on 3 June and Togo from 5 to 6 June 2024. "
        "In Togo, the minister met the prime minister and opposition leaders."
    )
    assert _date(times, text, "2024-06-10", "met") == ("2024-06-05", "2024-06-06", "day")
    # a place named in an earlier sentence with no journey to it dates nothing
    text = "Rebels shelled Togo on 3 June. In Togo, the minister met opposition leaders."
    assert _date(times, text, "2024-06-10", "met")[2] != "day"


def test_comma_conjunct_does_not_share_the_pluperfect(times):
    text = (
        "The agency said on Tuesday that 5,000 people had fled the town, and appealed for food aid."
    )
    assert _date(times, text, "2025-09-30", "appealed") == ("2025-09-30", "2025-09-30", "day")
    text = "He said on Tuesday that rebels had looted and burned the depot."
    assert _date(times, text, "2025-09-30", "burned")[2] != "day"


def test_the_day_of_a_parenthetical_report_is_not_the_reported_acts(times):
    text = (
        "Kenya and Uganda agreed to lift the fishing ban after three days of talks, "
        "officials from both countries said on Friday."
    )
    assert _date(times, text, "2025-12-03", "said") == ("2025-11-28", "2025-11-28", "day")
    assert _date(times, text, "2025-12-03", "agreed")[2] != "day"
