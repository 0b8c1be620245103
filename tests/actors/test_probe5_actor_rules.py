"""Actor mechanisms that misread the fifth fresh-text probe (tests/events/fresh_probe/
probe5.jsonl), each on texts of our own."""

from __future__ import annotations

import datetime as dt

DAY = dt.date(2026, 6, 1)


def _we(coder, nlp, text: str) -> list[str | None]:
    return [m.code for m in coder.find(nlp(text), DAY) if m.text.lower() == "we"]


def test_a_heading_naming_the_issuer_gives_the_press_releases_we(coder, nlp) -> None:
    text = (
        "Statement by the Ministry of Foreign Affairs of Chile. We deplore the shelling of the "
        "hospital on Monday. We urge the parties to respect humanitarian law."
    )
    assert _we(coder, nlp, text) == ["CHLGOV", "CHLGOV"]
    police = "Metropolitan Police statement. We have arrested two men after a fire at a mosque."
    assert _we(coder, nlp, police) == ["GBRCOP"]


def test_a_heading_that_names_no_issuer_gives_we_no_code(coder, nlp) -> None:
    # a heading about a subject, not an issuer; and an opening that is a sentence
    assert _we(coder, nlp, "Statement on the floods in Chile. We urge donors to give.") == []
    text = "The minister spoke of Chile. We urge donors to give."
    assert _we(coder, nlp, text) == []


def test_msf_is_coded_when_written_without_accents(coder, nlp) -> None:
    found = {
        m.text: m.code for m in coder.find(nlp("Medecins Sans Frontieres said on Friday."), DAY)
    }
    assert found["Medecins Sans Frontieres"] == "NGOMSF"
