"""Each scraping artefact repair, on varied examples of our own, and the example article."""

from __future__ import annotations

import re

import pytest

from eventcoder.ingest.cleaning import clean, is_heading_like


def cleaned(text: str) -> str:
    return clean(text)[0]


@pytest.mark.parametrize(
    "broken, expected",
    [
        # a line broken where a hyperlink was: next line starts lower case
        (
            "The ministry published a\nreport on Tuesday.",
            "The ministry published a report on Tuesday.",
        ),
        # the broken line ends with a function word, the next starts with a name
        ("Talks were hosted by\nQatar in March.", "Talks were hosted by Qatar in March."),
        # a long hard-wrapped line that ends mid-sentence before a capital
        (
            (
                "Aid was cut.\nThe commission said that a long list of reforms promised by President\n"
                "Ruto had not been carried out."
            ),
            (
                "Aid was cut.\nThe commission said that a long list of reforms promised by President "
                "Ruto had not been carried out."
            ),
        ),
        # a break before a number
        ("Turnout fell to\n41 percent.", "Turnout fell to 41 percent."),
    ],
)
def test_lines_broken_inside_a_sentence_are_rejoined(broken: str, expected: str) -> None:
    assert cleaned(broken) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Troops withdrew on Monday.\nThe ceasefire held.",  # after a full stop
        'He said:\n"We will not retreat."',  # after a colon
        "The demands were:\n- a ceasefire\n- an inquiry",  # bullets
        "Reaction in the region\nOfficials in Nairobi welcomed the move.",  # short heading
        # a long title on the first line
        (
            "Ministers from twelve countries gather in Lima as the fishing dispute deepens again\n"
            "The talks open on Monday."
        ),
    ],
)
def test_real_line_breaks_are_kept(text: str) -> None:
    assert cleaned(text).count("\n") == text.count("\n")


def test_paragraph_breaks_are_kept_as_one_blank_line() -> None:
    assert cleaned("First paragraph ends here.\n\n\n\n  Second one starts.") == (
        "First paragraph ends here.\n\nSecond one starts."
    )


@pytest.mark.parametrize(
    "glued, heading, sentence",
    [
        (
            "Divisions over the budgetCurrently, the coalition holds 52 seats.",
            "Divisions over the budget",
            "Currently, the coalition holds 52 seats.",
        ),
        (
            "What happens nextThe envoy is due in Addis Ababa on Friday.",
            "What happens next",
            "The envoy is due in Addis Ababa on Friday.",
        ),
        (
            "Refugees at the borderAccording to the agency, 3,000 people crossed.",
            "Refugees at the border",
            "According to the agency, 3,000 people crossed.",
        ),
    ],
)
def test_glued_heading_goes_on_its_own_line(glued: str, heading: str, sentence: str) -> None:
    assert cleaned(glued) == f"{heading}\n{sentence}"


@pytest.mark.parametrize(
    "text",
    [
        "Shares of PlayStation maker Sony rose on Tuesday.",
        "The company posted the video on YouTube and LinkedIn.",
        "Sales of the new iPhone and of eBay listings grew.",
        "A JavaScript library from McDonald's engineers was released.",
    ],
)
def test_camel_case_names_are_not_split(text: str) -> None:
    assert cleaned(text) == text


def test_sentence_glued_after_full_stop_gets_its_space() -> None:
    assert cleaned("Prices rose this year.Officials blamed the drought.") == (
        "Prices rose this year. Officials blamed the drought."
    )
    assert cleaned("The U.S.Army base") == "The U.S.Army base"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("the inter-\nnational observers", "the international observers"),
        ("a Franco-\nGerman proposal", "a Franco-German proposal"),
        ("the COVID-\n19 rules", "the COVID-19 rules"),
    ],
)
def test_hyphenation_at_line_end_is_undone(text: str, expected: str) -> None:
    assert cleaned(text) == expected


def test_whitespace_is_normalised() -> None:
    text = "  The\u00a0army  said\t\tit had   withdrawn.\u200b  \n"
    assert cleaned(text) == "The army said it had withdrawn."


def test_quotes_dashes_and_ligatures_are_normalised() -> None:
    text = "\u201cWe are ready,\u201d the o\ufb03cial said \u2013 it\u2019s 3\u20134 days\u2026"
    assert cleaned(text) == '"We are ready," the official said - it\'s 3-4 days...'
    assert cleaned("peace\u2014for now\u2014held") == "peace - for now - held"


def test_offsets_survive_every_repair() -> None:
    original = "Talks in\nGeneva\u2014stalled.  The inter-\nnational \u201cteam\u201d left."
    text, offsets = clean(original)
    for word in ("Geneva", "stalled", "team", "left"):
        start = text.index(word)
        first, last = offsets.to_original(start, start + len(word))
        assert original[first:last] == word
    start = text.index("international")
    first, last = offsets.to_original(start, start + len("international"))
    assert original[first:last] == "inter-\nnational"


def test_clean_can_leave_a_header_out() -> None:
    original = "Date: 2023-01-01\n\nThe vote was delayed."
    text, offsets = clean(original, start=original.index("\n") + 1)
    assert text == "The vote was delayed."
    assert original[slice(*offsets.to_original(4, 8))] == "vote"


@pytest.mark.parametrize(
    "line, heading",
    [
        ("Divisions in society", True),
        ("What comes next", True),
        ("The army withdrew.", False),
        ("talks resumed in", False),
        ("The statement was signed by", False),
    ],
)
def test_heading_like_lines(line: str, heading: bool) -> None:
    assert is_heading_like(line) is heading


def test_example_article_comes_out_as_clean_sentences(belarus_text: str) -> None:
    text, offsets = clean(belarus_text)
    lines = [line for line in text.split("\n") if line.strip()]
    headings = [line for line in lines if is_heading_like(line)]
    prose = [line for line in lines if line not in headings]
    # every prose line ends a sentence: no line broken mid-sentence survives
    assert prose and all(re.search(r"[.!?:\"')]$", line) for line in prose)
    # the glued heading now stands alone, and no lower-case word runs into a capital
    assert headings and all(len(h.split()) <= 10 for h in headings)
    assert not re.search(r"\b[a-z]{3,}[A-Z][a-z]", text)
    # fewer lines than the original (broken ones rejoined), one more for the heading
    assert len(lines) < len([x for x in belarus_text.split("\n") if x.strip()])
    for match in re.finditer(r"\w+", text):
        first, last = offsets.to_original(match.start(), match.end())
        assert belarus_text[first:last] == match.group()
