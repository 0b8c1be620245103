"""Reading verb frames from our parse."""

from __future__ import annotations

from eventcoder.events.match import conjuncts, is_passive, match_verb, subjects_of, verb_frame


def _token(doc, text):
    return next(t for t in doc if t.text == text)


def test_passive_frame(nlp):
    doc = nlp("Sanctions were imposed on Iran by Norway.")
    verb = _token(doc, "imposed")
    assert is_passive(verb)
    frame = verb_frame(verb)
    assert [t.text for t in frame.subjects] == ["Norway"]
    assert "Sanctions" in [t.text for t in frame.objects]
    assert any(p == "on" and h.text == "Iran" for p, h in frame.preps)


def test_active_frame_and_words(nlp):
    doc = nlp("Chile sent troops to Peru.")
    frame = verb_frame(_token(doc, "sent"))
    assert [t.text for t in frame.subjects] == ["Chile"]
    assert "troop" in frame.post_forms and "chile" in frame.pre_forms


def test_subject_passes_down_infinitives(nlp):
    doc = nlp("Egypt agreed to withdraw its troops.")
    assert [t.text for t in subjects_of(_token(doc, "withdraw"))] == ["Egypt"]


def test_conjuncts(nlp):
    doc = nlp("Chile and Peru signed the treaty.")
    assert {t.text for t in conjuncts(_token(doc, "Chile"))} >= {"Chile"}


def test_match_verb_prefers_specific_pattern(nlp, extractor):
    doc = nlp("Norway imposed sanctions on Iran.")
    _entry, pattern = match_verb(extractor.patterns, _token(doc, "imposed"))
    assert pattern is not None and pattern.code == "163"
    doc = nlp("Norway imposed a curfew.")
    _entry, pattern = match_verb(extractor.patterns, _token(doc, "imposed"))
    assert pattern is not None and pattern.code == "1723"


def test_unknown_verb(nlp, extractor):
    doc = nlp("The cat purred.")
    assert match_verb(extractor.patterns, _token(doc, "purred")) is None


def test_conjunct_of_a_subjectless_clause_takes_the_sentence_subject():
    """A second predicate mis-attached deep in the sentence still gets the main subject."""
    import spacy
    from spacy.tokens import Doc

    from eventcoder.events.match import subjects_of

    words = [
        "The",
        "Union",
        "issued",
        "a",
        "statement",
        "on",
        "what",
        "is",
        "happening",
        "and",
        "imposed",
        "sanctions",
        ".",
    ]
    heads = [1, 2, 2, 4, 2, 6, 4, 8, 6, 10, 8, 10, 2]
    deps = [
        "det",
        "nsubj",
        "ROOT",
        "det",
        "obj",
        "case",
        "nmod",
        "aux",
        "acl",
        "cc",
        "conj",
        "obj",
        "punct",
    ]
    pos = [
        "DET",
        "PROPN",
        "VERB",
        "DET",
        "NOUN",
        "ADP",
        "PRON",
        "AUX",
        "VERB",
        "CCONJ",
        "VERB",
        "NOUN",
        "PUNCT",
    ]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=heads,
        deps=deps,
        pos=pos,
        sent_starts=[True] + [False] * 12,
    )
    assert [t.text for t in subjects_of(doc[10])] == ["Union"]


def test_object_phrase_runs_on_through_its_modifiers(nlp):
    from eventcoder.events.match import verb_frame

    doc = nlp("Chile welcomed memos on trade issues from Peru.")
    verb = next(t for t in doc if t.lower_ == "welcomed")
    frame = verb_frame(verb)
    assert {"memos", "trade", "from"} <= frame.post_forms


def test_chained_pattern_words_must_be_adjacent(nlp):
    from eventcoder.events.match import _pattern_matches
    from eventcoder.events.patterns import Term, VerbPattern, forms_of

    chain = Term(
        "new_trade_ties", ((forms_of("new"), forms_of("trade"), forms_of("ties")),), adjacent=True
    )
    pattern = VerbPattern(id="P.1", block="P", code="903", reverse_code=None, post=(chain,))
    near = nlp("Chile will abandon new trade ties with Peru.")
    apart = nlp("Chile will abandon new global trade ties with Peru.")
    assert _pattern_matches(pattern, verb_frame(next(t for t in near if t.lower_ == "abandon")))
    assert not _pattern_matches(
        pattern, verb_frame(next(t for t in apart if t.lower_ == "abandon"))
    )


def test_chained_pattern_words_are_read_linearly_after_the_verb(nlp):
    from eventcoder.events.match import _pattern_matches
    from eventcoder.events.patterns import Term, VerbPattern, forms_of

    chain = Term("really_pleasant", ((forms_of("really"), forms_of("pleasant")),), adjacent=True)
    pattern = VerbPattern(id="P.2", block="P", code="024", reverse_code=None, post=(chain,))
    doc = nlp("Chile allowed that Peru is a really pleasant place to visit.")
    assert _pattern_matches(pattern, verb_frame(next(t for t in doc if t.lower_ == "allowed")))
    assert not _pattern_matches(pattern, verb_frame(next(t for t in doc if t.lower_ == "visit")))


def test_ordered_pattern_words_keep_their_order(nlp):
    from eventcoder.events.match import _pattern_matches
    from eventcoder.events.patterns import Term, VerbPattern, forms_of

    terms = (Term("the", ((forms_of("the"),),)), Term("full", ((forms_of("full"),),)))
    pattern = VerbPattern(
        id="P.3", block="P", code="099", reverse_code=None, post=terms, ordered=True
    )
    right = nlp("Chile will restore the full ties with Peru.")
    wrong = nlp("Chile will restore full ties with the Peru group.")
    assert _pattern_matches(pattern, verb_frame(next(t for t in right if t.lower_ == "restore")))
    assert not _pattern_matches(
        pattern, verb_frame(next(t for t in wrong if t.lower_ == "restore"))
    )


def test_ordered_pattern_words_are_read_past_the_clause(nlp):
    from eventcoder.events.match import _pattern_matches
    from eventcoder.events.patterns import Term, VerbPattern, forms_of

    terms = (Term("dead", ((forms_of("dead"),),)), Term("in", ((forms_of("in"),),)))
    pattern = VerbPattern(
        id="P.4", block="P", code="224", reverse_code=None, post=terms, ordered=True
    )
    doc = nlp("A soldier was shot dead in Peru.")
    assert _pattern_matches(pattern, verb_frame(next(t for t in doc if t.lower_ == "shot")))


def test_infinitive_under_a_passive_takes_its_subject(nlp):
    doc = nlp("Chile was seen to attack Peru on Monday.")
    verb = next(t for t in doc if t.lower_ == "attack")
    assert [t.text for t in subjects_of(verb)] == ["Chile"]


def test_longer_synset_phrase_wins(nlp):
    from eventcoder.events.match import best_pattern
    from eventcoder.events.patterns import Term, VerbPattern, forms_of

    def synset(label, *phrases):
        return Term(label, tuple(tuple(forms_of(w) for w in p.split()) for p in phrases))

    money = VerbPattern(
        id="P.5",
        block="P",
        code="071",
        reverse_code=None,
        post=(synset("&MONEY", "dollars", "silver coins"),),
    )
    rare = VerbPattern(
        id="P.6",
        block="P",
        code="072",
        reverse_code=None,
        post=(synset("&RARE", "gems", "old silver coins"),),
    )
    doc = nlp("Chile gave old silver coins to Peru.")
    verb = next(t for t in doc if t.lower_ == "gave")
    assert best_pattern([money, rare], verb_frame(verb)).id == "P.6"


def test_plain_words_of_ordered_patterns_match_as_written(nlp):
    from eventcoder.events.match import _pattern_matches
    from eventcoder.events.patterns import Term, VerbPattern, forms_of

    plain = VerbPattern(
        id="P.7",
        block="P",
        code="102",
        reverse_code=None,
        post=(Term("resolution", ((forms_of("resolution"),),)),),
        ordered=True,
    )
    one = nlp("Chile will adopt a resolution with Peru.")
    many = nlp("Chile will adopt a set of resolutions with Peru.")
    assert _pattern_matches(plain, verb_frame(next(t for t in one if t.lower_ == "adopt")))
    assert not _pattern_matches(plain, verb_frame(next(t for t in many if t.lower_ == "adopt")))
