"""Parse repairs after the parser, for news constructions the treebanks rarely show.

A wire lead puts the day between the subject and its verb ("Vietnam on Thursday accused
China of ...", "Peru on March 3 recalled its ambassador"). Trained on treebank text, the
parser sometimes makes the day the sentence's root and the verb a clause describing it
(``Thursday -acl-> accused``, ``Thursday -compound-> Vietnam``), and then the event stage
finds no subject and codes nothing. The ``eventcoder_parse_repairs`` component gives the
verb back its place: it takes the day's head and relation, the day becomes an oblique of the
verb and the name before "on" its subject. It acts only on that exact shape: a finite verb
right after "on" + a weekday or month phrase, hung on that phrase, with a name or noun just
before "on" hung on it too.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, MorphAnalysis, Token

from eventcoder.datafiles import read_word_classes
from eventcoder.nlp.sentences import WORDS_FILE, set_tree

__all__ = ["REPAIRS", "repair_parse"]

REPAIRS = "eventcoder_parse_repairs"
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
_DESCRIBING = frozenset({"acl", "acl:relcl", "relcl", "amod", "appos", "nmod", "dep", "conj"})
_NOMINAL = frozenset({"PROPN", "NOUN"})
_CALENDAR = frozenset(read_word_classes(WORDS_FILE)["calendar"])
_DAY_WORDS = 4  # words of the day phrase between "on" and the verb, at most


def _day_phrase(verb: Token) -> tuple[Token, Token] | None:
    """(the day's head word, "on") when ``verb`` directly follows "on <day>" ("on Thursday",
    "on March 3", "on Friday, May 2") and hangs on that phrase."""
    doc, day = verb.doc, verb.head
    if day.i >= verb.i or verb.dep_ not in _DESCRIBING:
        return None
    j = verb.i - 1
    while (
        j > 0
        and verb.i - j <= _DAY_WORDS
        and (doc[j].lower_ in _CALENDAR or doc[j].like_num or doc[j].text == ",")
    ):
        j -= 1
    phrase = range(j + 1, verb.i)
    if doc[j].lower_ != "on" or day.i not in phrase or doc[j].head.i not in phrase:
        return None
    if not any(doc[k].lower_ in _CALENDAR for k in phrase):
        return None
    return day, doc[j]


def _subject(doc: Doc, on: Token, day: Token) -> Token | None:
    """The name or noun just before "on": hung on the day phrase, or the word the day
    phrase hangs on ("Ethiopia" of "Ethiopia on Tuesday accused")."""
    if on.i == 0:
        return None
    word = doc[on.i - 1]
    while word.head.i < on.i and word.head.i != word.i:
        word = word.head
    if word.pos_ not in _NOMINAL:
        return None
    if on.i <= word.head.i <= day.i or day.head.i == word.i:
        return word
    return None


def _finite(verb: Token) -> bool:
    """A finite verb, or a past participle the tagger took for one in this position: it has
    an object and no auxiliary ("Ethiopia on Tuesday accused Eritrea of ...")."""
    if verb.tag_ in _FINITE:
        return True
    children = {c.dep_ for c in verb.children}
    return verb.tag_ == "VBN" and "obj" in children and not children & {"aux", "aux:pass"}


def _leads(doc: Doc) -> list[tuple[Token, Token, Token, Token]]:
    """(verb, day, "on", subject) of each lead the parser hung on its day."""
    found = []
    for verb in doc:
        if not _finite(verb):
            continue
        phrase = _day_phrase(verb)
        if phrase is None:
            continue
        day, on = phrase
        subject = _subject(doc, on, day)
        if subject is not None and not any(c.dep_.startswith("nsubj") for c in verb.children):
            found.append((verb, day, on, subject))
    return found


def repair_parse(doc: Doc) -> Doc:
    """Repair "X on <day> <verb>" leads the parser hung on the day (module docstring)."""
    leads = _leads(doc) if doc.has_annotation("DEP") else []
    if not leads:
        return doc
    heads = [tok.head.i for tok in doc]
    deps = [tok.dep_ for tok in doc]
    for verb, day, on, subject in leads:
        top = subject if day.head.i == subject.i else day
        # the verb takes the place of the phrase's top; the day and the name hang on the verb
        heads[verb.i] = verb.i if top.head.i == top.i else top.head.i
        deps[verb.i] = "ROOT" if top.head.i == top.i else top.dep_
        heads[day.i], deps[day.i] = verb.i, "obl"
        heads[subject.i], deps[subject.i] = verb.i, "nsubj"
        for k in range(on.i, verb.i):  # the day phrase hangs on the day, "on" included
            if heads[k] not in range(on.i, verb.i) and k != day.i:
                heads[k] = day.i
        for word in (day, subject):  # what closes the clause (its full stop) goes with the verb
            for child in word.children:
                if child.i > verb.i:
                    heads[child.i] = verb.i
    participles = [verb.i for verb, *_ in leads if verb.tag_ == "VBN"]
    set_tree(doc, heads, deps)
    for i in participles:  # the tagger's participle is the lead's finite verb
        doc[i].tag_ = "VBD"
        doc[i].morph = MorphAnalysis(doc.vocab, {"Mood": "Ind", "Tense": "Past", "VerbForm": "Fin"})
    return doc


Language.component(REPAIRS, func=repair_parse)
