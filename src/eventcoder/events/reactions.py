"""Praise and disapproval aimed at an act are aimed at whoever did it.

Statements react to acts more often than to actors: "the minister welcomed the agreement
reached between Chile and Peru", "Norway welcomed the news that Kenyan troops had freed the
hostages", "Austria condemned the bombing, for which the Taliban claimed responsibility". A
careful coder codes the praise (CAMEO 05) or the disapproval (11) as aimed at the act's doer:
Chile and Peru, the Kenyan troops, the Taliban. :func:`act_doers` finds that doer in the
phrase that names the act, and only there:

* the subject of a clause that states the act ("the news that X freed ...", "welcomed that
  X agreed ...");
* the act noun's own agent: a possessive ("X's decision"), a "by" or "between" phrase ("the
  decision by X", "the agreement between X and Y"), the "of" phrase of a noun of
  ``doer_nouns.txt`` ("the decision of X to ..."), or, for an event noun, a modifier that is
  an actor ("the ISIL attack");
* a participle or relative clause on the act noun that names who did it ("the agreement
  reached between X and Y", "the attack, for which X claimed responsibility", "the
  atrocities X committed": a verb of ``act_verbs.txt``);
* through a report of the act ("reports of X's attack", "reports that X killed ...").

Stances said of oneself react the same way: "we are appalled by reports that X killed ...",
"I am delighted that X will join ...", "we are grateful for the support provided by X". A
predicate adjective or participle of ``stances.tsv`` whose subject is an actor is an event
of that file's code, aimed at the doer of what the stance is about (its "by", "at", "about",
"over", "with", "for" or "to" phrase, or its "that" clause); with no doer named, there is no
event ("we are concerned by reports of violence").
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from spacy.tokens import Token

from eventcoder.actors.mention import ActorMention
from eventcoder.datafiles import read_rows, read_words
from eventcoder.events.match import conjuncts, subjects_of
from eventcoder.events.ontology import data_dir
from eventcoder.events.roles import ActorIndex

__all__ = [
    "REACTION_CODES",
    "act_doers",
    "reaction_targets",
    "reacts",
    "stance_code",
    "stance_subjects",
    "stance_targets",
]

# praise or endorse (051); disapprove, criticise, denounce, accuse (11): a code starting so
REACTION_CODES = ("051", "11")


def reacts(code: str | None) -> bool:
    """Whether a CAMEO code praises or disapproves (:data:`REACTION_CODES`)."""
    return code is not None and code.startswith(REACTION_CODES)


AGENT_CASES = {"by", "between"}
POSSESSIVE = {"'s", "\u2019s", "'"}
CLAUSE_DEPS = {"acl", "ccomp", "csubj", "advcl"}
RELATIVE_DEPS = {"acl", "acl:relcl", "relcl"}
STANCE_CASES = {"by", "at", "about", "over", "with", "for", "to"}
REPORT_NOUNS = {"report", "news", "word", "account", "allegation", "claim", "footage", "video"}
_DEPTH = 3
RELATIVE_TAGS = {"WDT", "WP", "WP$"}


@lru_cache(maxsize=1)
def _act_verbs() -> frozenset[str]:
    """Verbs whose subject did the act a relative clause of theirs hangs on."""
    return read_words(data_dir() / "act_verbs.txt")


@lru_cache(maxsize=1)
def _doer_nouns() -> frozenset[str]:
    """Nouns of an act whose "of" phrase names who acts ("the decision of X")."""
    return read_words(data_dir() / "doer_nouns.txt")


@lru_cache(maxsize=1)
def _stances() -> dict[str, str]:
    """Stance word (as written, lower case) -> CAMEO code."""
    return {
        cols[0].strip().lower(): cols[1].strip()
        for _, cols in read_rows(data_dir() / "stances.tsv", 2)
    }


def _case(token: Token) -> str:
    return " ".join(c.lower_ for c in token.children if c.dep_ == "case")


def _possessor(token: Token) -> bool:
    return token.dep_ == "nmod" and (
        "Yes" in token.morph.get("Poss", [])
        or any(c.dep_ == "case" and c.lower_ in POSSESSIVE for c in token.children)
    )


def _coded(mentions: list[ActorMention]) -> list[ActorMention]:
    return [m for m in mentions if m.code]


def _clause_subjects(clause: Token, index: ActorIndex) -> list[ActorMention]:
    """The coded actors heading the subject of a clause that states an act; for a clause
    whose subject is an act noun ("the agreement reached between X and Y" misparsed as a
    clause), the doers of that noun and the clause's own "by"/"between" phrases."""
    subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubj:pass"}]
    found = _coded(index.for_heads([s for h in subjects for s in conjuncts(h)]))
    if found or clause.tag_ not in {"VBN", "VBD"}:
        return found
    phrases = [c for c in clause.children if c.dep_ == "obl" and _case(c) in AGENT_CASES]
    return _coded(index.for_heads([p for h in phrases for p in conjuncts(h)]))


def act_doers(
    noun: Token, index: ActorIndex, event_noun: bool, depth: int = 0
) -> list[ActorMention]:
    """Who did the act ``noun`` names, read only from the phrase it heads (see the module
    doc); ``event_noun``: the noun is in the event noun lexicon. Empty when it names none."""
    if depth > _DEPTH:
        return []
    report = noun.lemma_.lower() in REPORT_NOUNS
    for child in noun.children:  # "the news that X freed ...", "reports that X killed ..."
        if child.dep_ in CLAUSE_DEPS | RELATIVE_DEPS and child.pos_ in {"VERB", "AUX"}:
            marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
            # a report's clause says what happened, however parsed ("that" read as object)
            if "that" in marks or child.dep_ == "ccomp" or report:
                found = _coded(index.for_heads(subjects_of(child)))
                if found:
                    return found
    doer_of = noun.lemma_.lower() in _doer_nouns()
    agents = [
        c
        for c in noun.children
        if c.dep_ in {"nmod", "obl"}
        and (_case(c) in AGENT_CASES or doer_of and _case(c) == "of")
        or _possessor(c)
    ]
    if event_noun:
        agents += [c for c in noun.children if c.dep_ in {"compound", "amod"}]
    found = _coded(index.for_heads([a for h in agents for a in conjuncts(h)]))
    if found:
        return found
    for clause in noun.children:  # "reached between X and Y", "for which X claimed ..."
        if clause.dep_ not in RELATIVE_DEPS:
            continue
        phrases = [c for c in clause.children if c.dep_ == "obl" and _case(c) in AGENT_CASES]
        if clause.lemma_.lower() in _act_verbs():
            phrases += [c for c in clause.children if c.dep_ == "nsubj"]
        found = _coded(index.for_heads([p for h in phrases for p in conjuncts(h)]))
        if found:
            return found
    if report:  # "reports of X's attack"
        for child in noun.children:
            if child.dep_ == "nmod" and _case(child) in {"of", "about", "on"}:
                found = act_doers(child, index, True, depth + 1)
                if found:
                    return found
    return []


def reaction_targets(
    verb: Token, objects: list[Token], index: ActorIndex, is_event_noun: Callable[[Token], object]
) -> list[ActorMention]:
    """The doers of the act a verb of praise or disapproval is aimed at: that of its object
    ("welcomed the agreement between X and Y"), or of the clause it governs ("welcomed [the
    agreement reached by X]", "welcomed that X agreed"). ``is_event_noun(token)`` tells an
    event noun."""
    for obj in objects:
        found = act_doers(obj, index, bool(is_event_noun(obj)))
        if found:
            return found
    for clause in verb.children:
        if clause.dep_ == "ccomp" and clause.pos_ in {"VERB", "AUX"}:
            found = _clause_subjects(clause, index)
            if found:
                return found
    if objects:
        return _relative_doers(verb, index)
    return []


def _relative_doers(verb: Token, index: ActorIndex) -> list[ActorMention]:
    """The subject of a relative clause of doing anywhere in the verb's clause ("condemned
    the bombing of a market in Kabul, for which X claimed responsibility": the parse hangs
    the relative clause on the verb or the nearest noun)."""
    for clause in verb.subtree:
        if (
            clause.i > verb.i
            and clause.pos_ == "VERB"
            and clause.lemma_.lower() in _act_verbs()
            and any(
                c.tag_ in RELATIVE_TAGS or any(g.tag_ in RELATIVE_TAGS for g in c.children)
                for c in clause.children
                if c.dep_ in {"obj", "obl"}
            )
        ):
            found = _coded(index.for_heads([c for c in clause.children if c.dep_ == "nsubj"]))
            if found:
                return found
    return []


def stance_code(token: Token) -> str | None:
    """The code of a stance predicate said of its subject ("X is appalled", "we are
    grateful"), else None: a word of ``stances.tsv`` with a subject of its own and a copula or
    a form of "be" (not "has encouraged X"), and no infinitive ("was encouraged to talk"), or
    coordinated with such a word ("concerned and shocked")."""
    code = _stances().get(token.lower_)
    if code is None or token.dep_ in {"amod", "compound"}:
        return None
    head = token
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    kids = {c.dep_ for c in head.children}
    linked = kids & {"cop", "aux:pass"} or any(
        c.dep_ == "aux" and c.lemma_.lower() == "be" for c in head.children
    )
    infinitive = any(
        c.dep_ == "xcomp" and not any(g.dep_ == "nsubj" for g in c.children) for c in head.children
    )
    if not kids & {"nsubj", "nsubj:pass"} or not linked or infinitive:
        return None  # "has encouraged X", "was encouraged to talk": acts, not stances
    return code


def stance_subjects(token: Token, index: ActorIndex) -> list[ActorMention]:
    """The actors holding a stance: the subject of the predicate (or of its first conjunct)."""
    head = token
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    return _coded(
        index.for_heads(
            [s for c in head.children if c.dep_ in {"nsubj", "nsubj:pass"} for s in conjuncts(c)]
        )
    )


def stance_targets(
    token: Token, index: ActorIndex, is_event_noun: Callable[[Token], object]
) -> list[ActorMention]:
    """Who a stance is aimed at: an actor its phrase names ("grateful to X"), else the doer
    of the act its phrase or clause names ("appalled by reports that X killed ...")."""
    predicates = [token]
    head = token
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
        predicates.append(head)
    predicates += [c for c in token.children if c.dep_ == "conj"]
    for predicate in predicates:
        for child in predicate.children:
            if child.dep_ == "obl" and _case(child) in STANCE_CASES:
                direct = _coded([m for m in [index.for_head(child, max_depth=0)] if m])
                found = direct or act_doers(child, index, bool(is_event_noun(child)))
            elif child.dep_ in CLAUSE_DEPS and child.pos_ in {"VERB", "AUX"}:
                marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
                found = _clause_subjects(child, index) if "that" in marks else []
            else:
                continue
            if found:
                return found
    return []
