"""Clauses that report no act, read from their grammar alone (docs/codebook.md, "Not events").

Each test here looks at the clause a trigger stands in, never at the words of one document:

- :func:`standing_policy`: an act under "will continue", "must keep" ... is a commitment to
  go on with a policy, not a new act ("we will continue to support X", "he will continue the
  work, delivering aid to Y").
- :func:`background_participle`: a participle clause of time ("after seizing the town, X
  ...", "while meeting Y, he ...") sets the scene for the act the sentence reports.
- :func:`reduced_passive`: a bare past participle with its "by" agent ("the talks, convened
  by X, ...", "the channel, disputed by X and Y") describes a noun or the scene.
- :func:`shows_something`: "demonstrate" with an object or a clause ("demonstrated its
  resolve", "as the article demonstrates") shows something; it is no protest.
- :func:`describing_adjective`: an adjective of readiness with no copula describes its
  noun ("the few groups willing to cooperate with X", "states ready to help Y").
- :func:`asks_a_question`: "asked X how ...", "asked X whether ..." is a question put to X,
  neither an appeal to X nor an act of what the question is about.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from eventcoder.datafiles import read_words
from eventcoder.events.match import is_passive, shares_passive
from eventcoder.events.ontology import data_dir

__all__ = [
    "asks_a_question",
    "background_participle",
    "describing_adjective",
    "reduced_passive",
    "shows_something",
    "standing_policy",
]

# aspectual verbs: what they govern goes on; under a modal they state a policy
CONTINUING_VERBS = {"continue", "keep"}
# auxiliaries that put "continue" in the future or make it an obligation or a possibility
POLICY_AUX = {"will", "shall", "'ll", "would", "must", "should", "can", "could", "may", "might"}


def _clause_head(token: Token) -> Token:
    """The first conjunct of the coordination a verb stands in ("A, B and C" -> A)."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def standing_policy(trigger: Token) -> bool:
    """Whether the trigger is what a modal "continue"/"keep" governs: its infinitive or
    gerund ("will continue to strike X", "must keep pressing Y") or a gerund adjunct ("will
    continue the work ..., delivering aid to Z"). A policy stated, not an act reported; the
    past ("continued to fire at X") and the bare present are left alone. So is the modal
    "continue" itself when it is the trigger ("will continue its strikes on X")."""
    if trigger.lemma_.lower() in CONTINUING_VERBS:
        return _modal(trigger)  # "will continue its strikes on X", "will keep up the pressure"
    clause = _clause_head(trigger)
    if clause.dep_ not in {"xcomp", "advcl"} or clause.head.i == clause.i:
        return False
    governor = clause.head
    if governor.lemma_.lower() not in CONTINUING_VERBS:
        return False
    if clause.dep_ == "advcl" and clause.tag_ != "VBG":
        return False  # "will continue until X withdraws": a clause of its own
    return _modal(governor)


def _modal(verb: Token) -> bool:
    """Whether a verb (or the first verb of its coordination) has a modal auxiliary."""
    return any(c.dep_ == "aux" and c.lower_ in POLICY_AUX for c in _clause_head(verb).children)


# subordinators of time: a participle clause they open is the scene of the main clause
SCENE_MARKS = {"while", "when", "after", "before", "upon", "since", "whilst"}


def background_participle(trigger: Token) -> bool:
    """Whether the trigger heads a participle clause of time hung on another clause ("after
    seizing the area, the troops fought off ...", "while meeting his adviser, he was
    killed"): the clause backgrounds a circumstance; the main clause reports the act. A
    finite clause of time ("after the troops seized the area") is left alone."""
    clause = _clause_head(trigger)
    return (
        clause.dep_ in {"advcl", "csubj"}
        and clause.tag_ in {"VBG", "VBN"}
        and clause.head.i != clause.i
        and not any(c.dep_.startswith("nsubj") for c in clause.children)
        and any(c.dep_ in {"mark", "case"} and c.lower_ in SCENE_MARKS for c in clause.children)
    )


def reduced_passive(trigger: Token) -> bool:
    """Whether the trigger is a past participle with no auxiliary and no subject, with a "by"
    agent, that hangs on a noun or on a clause as an adjunct ("the meeting, convened by France,
    ...", "the SDF, supported by Coalition advisers, began ...", "the strait, disputed by X
    and Y"): a description, not a report. A participle coordinated with a passive verb ("were
    killed and dozens wounded by the blast") shares its auxiliary and is left alone; one
    coordinated with an active verb cannot ("made up of X and supported by Y")."""
    if trigger.tag_ != "VBN" or trigger.head.i == trigger.i:
        return False
    if any(
        c.dep_ in {"aux", "aux:pass", "auxpass"} or c.dep_.startswith("nsubj")
        for c in trigger.children
    ):
        return False
    if not (
        trigger.dep_ in {"acl", "advcl"}
        or trigger.dep_ == "conj"
        and not shares_passive(trigger)
        and (
            trigger.head.pos_ in {"NOUN", "PROPN", "PRON"}
            or trigger.head.pos_ == "VERB"
            and not is_passive(trigger.head)
        )
    ):
        return False
    return any(
        c.dep_ in {"obl", "obl:agent", "nmod"}
        and any(g.dep_ == "case" and g.lower_ == "by" for g in c.children)
        for c in trigger.children
    )


# what opens an indirect question besides a wh-word: "asked X whether/if ..."
QUESTION_MARKS = {"whether", "if"}
# the parser's tags of wh-words ("how", "why", "what", "which", "who", "whose")
WH_TAGS = {"WRB", "WP", "WP$", "WDT"}


def _indirect_question(clause: Token) -> bool:
    """Whether a complement clause is an indirect question: it opens with a wh-word or with
    "whether"/"if" ("how the files went missing", "whether X would attend")."""
    first = clause.left_edge
    wh_word = first.tag_ in WH_TAGS and (first.lower_.startswith("wh") or first.lower_ == "how")
    return wh_word or first.lower_ in QUESTION_MARKS  # not the "that" of "said that ..."


def _question_clauses(verb: Token) -> list[Token]:
    """The indirect questions a verb asks: its complement clauses that open with a wh-word
    or "whether", or such a clause the parse hangs on its object ("asked officials how the
    files went missing" read with "how ... went" describing "officials"; a clause on the
    object opening with "how", "why", "whether", never a relative "who"/"which")."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    for obj in verb.children:
        if obj.dep_ in {"obj", "iobj"}:
            clauses += [
                c
                for c in obj.children
                if c.dep_.startswith("acl")
                and (c.left_edge.tag_ == "WRB" or c.left_edge.lower_ in QUESTION_MARKS)
                and c.left_edge.lower_ not in {"where", "when"}  # "the town where ..."
            ]
    return [c for c in clauses if _indirect_question(c)]


def _questioning(verb: Token) -> bool:
    """Whether a verb puts a question: an indirect question and no infinitive ("asked X how
    ...", not "asked X to ...")."""
    return (
        verb.pos_ in {"VERB", "AUX"}
        and not any(c.dep_ == "xcomp" for c in verb.children)
        and bool(_question_clauses(verb))
    )


def asks_a_question(trigger: Token, governor: Token | None) -> bool:
    """Whether the trigger reports only a question: the asking verb itself when what it
    asks is an indirect question ("the minister asked officials how the files went missing"
    is no appeal to the officials), or a verb inside that question ("... how the troops
    entered the town" states no entry). "asked X to return Y" stays an appeal."""
    if _questioning(trigger):
        return True
    clause = _clause_head(trigger)
    return governor is not None and clause in _question_clauses(governor)


PROTEST_ROOT = "14"


@lru_cache(maxsize=1)
def _showing_verbs() -> frozenset[str]:
    """Verbs of protest that mean "show" with an object (``data/events/showing_verbs.txt``)."""
    return read_words(data_dir() / "showing_verbs.txt")


def shows_something(trigger: Token, code: str) -> bool:
    """Whether a verb coded as a protest shows something instead: one of
    ``showing_verbs.txt`` with a direct object or a complement clause ("demonstrated its
    resolve", "demonstrates that X ..."), or closing an "as" clause with nothing after it
    ("as the article demonstrates"). "Demonstrated against X", "demonstrated in the
    capital" stay protests."""
    if code[:2] != PROTEST_ROOT or trigger.lemma_.lower() not in _showing_verbs():
        return False
    if any(c.dep_ in {"obj", "ccomp"} for c in trigger.children):
        return True
    first = next((t for t in trigger.subtree if not t.is_punct), trigger)
    opens_as = first.lower_ == "as" or any(
        c.dep_ == "mark" and c.lower_ == "as" for c in trigger.children
    )  # however the parse hangs "as" (on the verb or on its subject)
    return opens_as and not any(c.dep_ in {"obl", "nmod"} for c in trigger.children)


def describing_adjective(word: Token | None) -> bool:
    """Whether a frame adjective ("willing", "ready", "eager" to do something) describes a
    noun rather than saying what an actor is: it has no copula, and it modifies the noun or
    the parse makes the noun just before it its subject ("among the few groups willing to
    cooperate with X"). "X is willing to cooperate" is said of X and left alone."""
    if word is None or word.pos_ != "ADJ" or any(c.dep_ == "cop" for c in word.children):
        return False
    if not any(c.dep_ == "xcomp" for c in word.children):
        return False  # no infinitive of its own: "the rebels clashed" read as an adjective
    return word.dep_ in {"amod", "acl"} or any(
        c.dep_.startswith("nsubj") and c.i == word.i - 1 for c in word.children
    )
