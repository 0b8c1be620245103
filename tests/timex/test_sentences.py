from eventcoder.timex.sentences import sentence_of


def test_sentence_of_matches_spacy(nlp):
    doc = nlp("Troops arrived on Monday. They left on Friday after talks.")
    for token in doc:
        assert sentence_of(doc, token.i) == token.sent
