"""Uncoded names described by an office, and repeated definite descriptions."""

from __future__ import annotations

import datetime as dt

DAY = dt.date(2016, 3, 1)


def _codes(coder, nlp, text):
    return [(m.text, m.code) for m in coder.find(nlp(text), DAY)]


def test_a_description_after_the_name_between_commas_codes_it(coder, nlp) -> None:
    text = "Gareth Pilkington, Foreign Office Minister for Africa, said the talks went well."
    assert ("Gareth Pilkington", "GBRGOV") in _codes(coder, nlp, text)


def test_a_description_before_the_name_between_commas_codes_it(coder, nlp) -> None:
    text = (
        "FCO Minister Gareth Pilkington arrived on Monday. "
        "The Minister for Africa, Gareth Pilkington, met students in Nairobi."
    )
    found = _codes(coder, nlp, text)
    assert ("Gareth Pilkington", "GBRGOV") in found


def test_the_short_name_follows_the_office(coder, nlp) -> None:
    text = "Gareth Pilkington, Foreign Office Minister for Africa, said the talks went well. Mr Pilkington left."
    assert ("Mr Pilkington", "GBRGOV") in _codes(coder, nlp, text)


def test_a_name_in_a_list_after_a_title_is_not_described(coder, nlp) -> None:
    text = "The Foreign Office spokesman, the ambassador, Gareth Pilkington and others attended."
    assert ("Gareth Pilkington", "GBRGOV") not in _codes(coder, nlp, text)


def test_a_repeated_description_keeps_its_first_country(coder, nlp) -> None:
    text = (
        "A Foreign Office spokesman said the Foreign Secretary met Russian Foreign Minister "
        "Sergei Lavrov. The ministers spoke about Syria. The Foreign Secretary then left Minsk."
    )
    found = _codes(coder, nlp, text)
    secretaries = [code for text_, code in found if text_.lower() == "the foreign secretary"]
    assert secretaries == ["GBRGOV", "GBRGOV"]


def test_a_description_without_an_earlier_twin_takes_the_latest_same_sector(coder, nlp) -> None:
    text = "Iraqi officials met the envoy. The government said the talks went well."
    assert ("The government", "IRQGOV") in _codes(coder, nlp, text)


def test_a_speaker_tied_to_the_dominant_country_does_not_speak_for_it(coder, nlp) -> None:
    text = (
        "Iraq and Iraqi leaders met in Baghdad. Iraq's parliament sat. "
        "Minister Gareth Pilkington said: I welcome the vote."
    )
    pronouns = [m for m in coder.find(nlp(text), DAY) if m.text == "I"]
    assert not pronouns


def test_an_office_takes_the_state_of_its_own_of_phrase(coder, nlp) -> None:
    # past the words of its title: the ministry is Egypt's, not the place the story is about
    text = (
        "The Ministry of Foreign Affairs of the Arab Republic of Egypt condemns the attack "
        "on civilians in Port Sudan."
    )
    assert ("The Ministry of Foreign Affairs", "EGYGOV") in _codes(coder, nlp, text)
    text = "The Ministry of Foreign Affairs of Egypt condemns the attack in Port Sudan."
    assert ("The Ministry of Foreign Affairs", "EGYGOV") in _codes(coder, nlp, text)
