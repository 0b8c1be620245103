"""Offline language identification and the keep/skip decision."""

from __future__ import annotations

from eventcoder.ingest.language import detect_language, is_wanted


def test_languages_are_told_apart() -> None:
    english = detect_language("The government announced new sanctions against the company.")
    german = detect_language("Die Regierung hat am Montag neue Sanktionen gegen das Land verhängt.")
    assert english[0] == "en" and german[0] == "de" and german[1] > 0.9


def test_short_text_is_not_judged() -> None:
    assert detect_language("Oui.") == (None, 0.0)


def test_keep_or_skip() -> None:
    assert is_wanted("en", 0.99, "en")
    assert not is_wanted("de", 0.99, "en")
    assert is_wanted("de", 0.99, "any")
    assert is_wanted("de", 0.5, "en")  # not confident: keep
