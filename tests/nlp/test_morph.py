"""Plural tests over UD morphology."""

from eventcoder.nlp.morph import is_plural


def test_plural_only_and_regular_plurals(nlp):
    doc = nlp("The troops and the ministers crossed the border with a tank.")
    by_text = {t.text: t for t in doc}
    assert is_plural(by_text["ministers"])
    assert is_plural(by_text["troops"])
    assert not is_plural(by_text["tank"]) and not is_plural(by_text["border"])
