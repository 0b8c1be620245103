"""A statement issued in an institution's name: its "we" is the institution."""

from __future__ import annotations

import datetime as dt

DAY = dt.date(2016, 3, 1)


def _pronouns(coder, nlp, text, lead=True):
    return [
        (m.text, m.code)
        for m in coder.find(nlp(text), DAY, lead)
        if m.entity_type == "PRON" and m.text.lower() in {"we", "us", "i"}
    ]


STATEMENT = (
    "The United States strongly condemns the bombing of the ferry near Mombasa. "
    "We urge the Government of Kenya to find those responsible. "
    "We are consulting with our partners."
)


def test_the_statement_we_is_its_author(coder, nlp) -> None:
    assert _pronouns(coder, nlp, STATEMENT) == [("We", "USA"), ("We", "USA")]


def test_a_later_piece_of_a_long_document_has_no_lead(coder, nlp) -> None:
    assert _pronouns(coder, nlp, STATEMENT, lead=False) == []


def test_the_singular_i_is_not_the_institution(coder, nlp) -> None:
    text = "The European Union welcomes the vote in Kenya. I hope it holds."
    assert _pronouns(coder, nlp, text) == []


def test_a_report_about_a_state_has_no_author(coder, nlp) -> None:
    text = "The United States said on Monday it would send aid. We think this is too little."
    assert _pronouns(coder, nlp, text) == []


def test_a_quotation_keeps_its_own_speaker(coder, nlp) -> None:
    text = (
        "The United States condemns the attack in Mombasa. "
        '"We will rebuild the port," said Kenyan President Uhuru Kenyatta.'
    )
    assert ("We", "USA") not in _pronouns(coder, nlp, text)
