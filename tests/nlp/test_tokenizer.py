"""News abbreviations stay single tokens, so sentences do not break after them."""

import spacy

from eventcoder.nlp.tokenizer import add_news_exceptions, load_exceptions


def test_exceptions_file_loads():
    items = load_exceptions()
    assert "Gen." in items and "Sept." in items
    assert all(" " not in item for item in items)


def test_titles_stay_whole():
    nlp = spacy.blank("en")
    assert add_news_exceptions(nlp.tokenizer) > 20
    words = [t.text for t in nlp("Lt. Gen. Smith arrived on Sept. 3.")]
    assert words[:3] == ["Lt.", "Gen.", "Smith"]
    assert "Sept." in words
