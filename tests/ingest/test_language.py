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


def test_unsure_identification_of_a_non_latin_text_is_not_english() -> None:
    text = "中华人民共和国外交部发言人周一表示，中方坚决反对对该地区的武器销售，并将采取必要措施。"
    lang, prob = detect_language(text)
    assert lang != "en" and prob < 0.9  # unsure: the old rule coded it as English
    assert not is_wanted(lang, prob, "en", text)
    names = "NATO. EU. UN. Minsk, Kyiv, Moscow, Warsaw, Vilnius, Riga, Tallinn, Helsinki."
    lang, prob = detect_language(names)
    assert is_wanted(lang, prob, "en", names)  # unsure but Latin: kept, as before
