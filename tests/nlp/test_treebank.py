"""CoNLL-U reading: multiword tokens, empty nodes, GUM entity brackets, genre filter."""

from __future__ import annotations

import gzip

import spacy

from eventcoder.nlp.treebank import read_conllu, sentences_to_docs

CONLLU = """# newdoc id = GUM_news_test
# sent_id = 1
# text = The University of Oxford said it won't move.
1	The	the	DET	DT	_	2	det	_	Entity=(1-organization-new-sss-cf1-1-coref-University_of_Oxford
2	University	University	PROPN	NNP	Number=Sing	5	nsubj	_	_
3	of	of	ADP	IN	_	4	case	_	_
4	Oxford	Oxford	PROPN	NNP	Number=Sing	2	nmod	_	Entity=(2-place-new-sss-cf2-1-coref-Oxford)1)
5	said	say	VERB	VBD	Tense=Past	0	root	_	_
6	it	it	PRON	PRP	_	9	nsubj	_	Entity=(1-organization-giv-sss-cf1-1-coref)
7-8	won't	_	_	_	_	_	_	_	_
7	wo	will	AUX	MD	_	9	aux	_	_
8	n't	not	PART	RB	Polarity=Neg	9	advmod	_	_
8.1	move	move	VERB	VB	_	_	_	5:ccomp	_
9	move	move	VERB	VB	VerbForm=Inf	5	ccomp	_	SpaceAfter=No
10	.	.	PUNCT	.	_	5	punct	_	_

# newdoc id = GUM_fiction_test
# sent_id = 2
# text = Anna ran.
1	Anna	Anna	PROPN	NNP	_	2	nsubj	_	Entity=(3-person-new-sss-cf1-1-coref)
2	ran	run	VERB	VBD	_	0	root	_	SpaceAfter=No
3	.	.	PUNCT	.	_	2	punct	_	_

"""


def _write(tmp_path, gz: bool):
    path = tmp_path / ("t.conllu.gz" if gz else "t.conllu")
    opener = gzip.open if gz else open
    with opener(path, "wt", encoding="utf-8") as handle:
        handle.write(CONLLU)
    return path


def test_reads_words_heads_and_multiword_tokens(tmp_path):
    sent = next(read_conllu(_write(tmp_path, gz=True)))
    assert sent.words == [
        "The",
        "University",
        "of",
        "Oxford",
        "said",
        "it",
        "wo",
        "n't",
        "move",
        ".",
    ]
    assert sent.spaces[6] is False and sent.spaces[7] is True  # "wo|n't" glued, then space
    assert sent.heads[0] == 1 and sent.deps[4] == "ROOT" and sent.heads[4] == 4
    assert sent.genre == "news"


def test_named_entities_keep_the_longest_proper_name(tmp_path):
    sent = next(read_conllu(_write(tmp_path, gz=False)))
    # "The" is outside the name; nested "Oxford" gives way to the organisation; "it" is no name
    assert sent.entities == [(1, 4, "ORG")]


def test_genre_filter(tmp_path):
    sents = list(read_conllu(_write(tmp_path, gz=False), genres={"news"}))
    assert [s.doc_id for s in sents] == ["GUM_news_test"]


def test_docs_never_span_two_documents(tmp_path):
    nlp = spacy.blank("en")
    docs = list(
        sentences_to_docs(read_conllu(_write(tmp_path, gz=False)), nlp.vocab, with_entities=True)
    )
    assert len(docs) == 2
    assert docs[0].text == "The University of Oxford said it won't move."
    assert [(e.text, e.label_) for e in docs[0].ents] == [("University of Oxford", "ORG")]
    assert [(e.text, e.label_) for e in docs[1].ents] == [("Anna", "PERSON")]
    assert docs[0][4].dep_ == "ROOT" and docs[0][8].head.i == 4


UNITED = """# newdoc id = GUM_news_united
# sent_id = 1
# text = The United States objected.
1	The	the	DET	DT	_	3	det	_	Entity=(1-place-new-sss-cf1-1-coref-United_States
2	United	unite	VERB	NNP	VerbForm=Part	3	amod	_	_
3	States	State	PROPN	NNPS	Number=Plur	4	nsubj	_	Entity=1)
4	objected	object	VERB	VBD	Tense=Past	0	root	_	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	_	_

"""


def test_a_name_word_tagged_nnp_stays_in_the_name(tmp_path):
    # GUM reads "United" as a VERB with the tag NNP: the name is "United States", not "States"
    path = tmp_path / "u.conllu"
    path.write_text(UNITED, encoding="utf-8")
    assert next(read_conllu(path)).entities == [(1, 3, "GPE")]
