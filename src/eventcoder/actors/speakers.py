"""First-person pronouns of quoted speech resolved to their speaker.

Statements and wire copy quote people at length: "Ann Lee, the foreign minister, said:" and
then "I welcome ...", "We are concerned ..." for a paragraph or more; or "'I am delighted,'
said Lee." A careful coder codes "I" and "we" there as the speaker. The rules:

* a reporting verb ("said", "told", "added": the claims stage's list) whose subject is a coded
  actor and which is followed by a colon opens a quotation; first-person pronouns after the
  colon belong to that speaker, up to the next such opening or :data:`WINDOW` sentences on;
* in a sentence with a reporting verb and quotation marks, first-person pronouns inside the
  quotation marks belong to the verb's subject when it is a coded actor outside them.

* a statement issued in an institution's name opens with that institution as the subject
  of a present-tense statement verb ("The United States condemns ...", "The EU welcomes
  ..."); its first-person plural pronouns outside quotations ("We urge ...", "we are
  consulting ...") are that institution (a state, an organisation or a government body),
  unless a quotation's speaker is in force.

* a heading of the same kind opens the text: a first sentence with no verb, headed by a
  noun such as "statement", "announcement" or "release" (``data/actors/statement_headings.txt``)
  whose "by", "of" or "from" phrase or compound names a coded institution ("Statement by the
  Ministry of Foreign Affairs of X.", "Metropolitan Police statement."); its "we" is that
  institution as above.

* a document issued by an institution (its ``source`` codes as a state, a government body,
  an armed force or an international organisation: "US State Department", "Ministry of
  Defence"): a first-person pronoun outside quotation marks that no rule above gives a
  speaker ("We welcome ...", "I am appalled ..." after "Minister Lee said:" when the
  minister's name is in no dictionary) is that institution, as a press release's "we" is
  its issuer.

A first-person pronoun outside quoted speech in any other document (a blogger's "I") is
left alone, and so is a speaker coded only from the document's dominant country (directly
or through a title or name tied to it).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from eventcoder.actors.mention import ActorMention, pronoun_for
from eventcoder.datafiles import read_rows, read_words
from eventcoder.paths import PACKAGE_DIR
from eventcoder.records import Actor

if TYPE_CHECKING:
    from eventcoder.actors.coder import ActorCoder

__all__ = ["WINDOW", "first_person_speakers", "issuer_actor"]

WINDOW = 8  # sentences a colon-opened quotation may run on
FIRST_PERSON = {"i", "me", "we", "us"}
FIRST_PLURAL = {"we", "us"}
_INSTITUTION_SECTORS = {None, "GOV", "IGO", "MIL"}
_QUOTES = {'"', "\u201c", "\u201d", "''", "``"}
_WEAK_RULES = {"dominant", "countryless", "namesake"}
_ISSUER_SECTORS = {None, "GOV", "MIL", "IGO"}
_HEADING_SECTORS = _INSTITUTION_SECTORS | {"COP"}  # a police force issues statements too
_HEADING_CASES = {"by", "of", "from"}


@lru_cache(maxsize=1)
def reporting_lemmas() -> frozenset[str]:
    """Lemmas of reporting verbs (the claims stage's list)."""
    rows = read_rows(PACKAGE_DIR / "data" / "claims" / "reporting_verbs.tsv", 1)
    return frozenset(cols[0].strip() for _, cols in rows)


def _speaker(verb: Token, by_head: dict[int, ActorMention]) -> ActorMention | None:
    """The coded actor heading the subject of a reporting verb."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in reporting_lemmas():
        return None
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubj:pass"}:
            found = by_head.get(child.i)
            if (
                found is not None
                and found.code
                and found.entity_type != "PRON"
                and not set((found.rule or "").split(":")) & _WEAK_RULES
            ):
                return found
    return None


@lru_cache(maxsize=1)
def statement_lemmas() -> frozenset[str]:
    """Lemmas of the verbs that open an institution's statement ("condemns", "welcomes")."""
    rows = read_rows(PACKAGE_DIR / "data" / "actors" / "statement_verbs.tsv", 1)
    return frozenset(cols[0].strip() for _, cols in rows)


def statement_author(doc: Doc, by_head: dict[int, ActorMention]) -> ActorMention | None:
    """The institution a statement is issued in the name of: the coded subject (a state,
    organisation or government body, not a person) of the first sentence's present-tense
    statement verb ("The United States strongly condemns ...")."""
    first = next(iter(doc.sents), None)
    if first is None:
        return None
    verb = first.root
    if verb.tag_ != "VBZ" or verb.lemma_.lower() not in statement_lemmas():
        return None
    for child in verb.children:
        found = by_head.get(child.i) if child.dep_ == "nsubj" else None
        if _institution(found, _INSTITUTION_SECTORS):
            return found
    return None


@lru_cache(maxsize=1)
def heading_nouns() -> frozenset[str]:
    """Lemmas of the nouns that head a heading naming a text's issuer ("Statement by ...")."""
    return read_words(PACKAGE_DIR / "data" / "actors" / "statement_headings.txt")


def heading_author(doc: Doc, by_head: dict[int, ActorMention]) -> ActorMention | None:
    """The institution a heading names as the text's issuer: a first sentence with no verb,
    headed by a noun of ``statement_headings.txt``, whose "by", "of" or "from" phrase or
    compound is a coded state, organisation, government body, armed force or police force
    ("Statement by the Ministry of Foreign Affairs of X.", "Metropolitan Police statement.")."""
    first = next(iter(doc.sents), None)
    if first is None or any(t.pos_ in {"VERB", "AUX"} for t in first):
        return None
    root = first.root
    if root.lemma_.lower() not in heading_nouns():
        return None
    for child in root.children:
        named = child.dep_ == "compound" or (
            child.dep_ == "nmod"
            and any(c.dep_ == "case" and c.lower_ in _HEADING_CASES for c in child.children)
        )
        if not named:
            continue
        found = next((m for m in by_head.values() if m.start <= child.i < m.end), None)
        if _institution(found, _HEADING_SECTORS):
            return found
    return None


def _institution(found: ActorMention | None, sectors: set[str | None]) -> bool:
    """Whether a mention is a coded institution of one of ``sectors`` (not a person, not a
    pronoun, not coded only from the document's dominant country)."""
    return (
        found is not None
        and bool(found.code)
        and found.entity_type != "PRON"
        and found.sector in sectors
        and not (found.rule or "").startswith(("person", "tie", "office"))
        and not set((found.rule or "").split(":")) & _WEAK_RULES
    )


def _colon_openings(doc: Doc, by_head: dict[int, ActorMention]) -> list[tuple[int, ActorMention]]:
    """(token index of the colon, speaker) for "X said:" openings."""
    out = []
    for token in doc:
        if token.text != ":":
            continue
        verb = doc[token.i - 1] if token.i > 0 else None
        speaker = _speaker(verb, by_head) if verb is not None else None
        if speaker is not None:
            out.append((token.i, speaker))
    return out


def _inside_quotes(token: Token) -> bool:
    """Whether an odd number of quotation marks precede ``token`` in its sentence."""
    marks = sum(1 for t in token.sent if t.i < token.i and t.text in _QUOTES)
    return marks % 2 == 1


def _quoted_speaker(token: Token, by_head: dict[int, ActorMention]) -> ActorMention | None:
    """The speaker of a quotation in the pronoun's own sentence ("'I ...,' said Lee")."""
    if not any(t.text in _QUOTES for t in token.sent) or not _inside_quotes(token):
        return None
    for verb in token.sent:
        speaker = _speaker(verb, by_head)
        if speaker is not None and not _inside_quotes(verb):
            return speaker
    return None


def issuer_actor(coder: ActorCoder, source: str | None, date: dt.date | None) -> Actor | None:
    """The institution a document's ``source`` names ("US State Department", "UK_Government"),
    coded; None for a source that is no state, government body, armed force or international
    organisation (a newspaper, a blog, a person) or that no dictionary codes."""
    if not source or not source.strip():
        return None
    actor = coder.code_text(source.replace("_", " ").strip(), date)
    if actor is None or not actor.code or actor.sector not in _ISSUER_SECTORS:
        return None
    if actor.entity_type == "PERSON" and actor.sector is None:
        return None  # a person's name as the source: a byline, not an institution
    return actor


def first_person_speakers(
    doc: Doc,
    mentions: list[ActorMention],
    sent_of: list[int],
    lead: bool = True,
    issuer: Actor | None = None,
) -> list[ActorMention]:
    """Mentions for the first-person pronouns of quoted speech, of a statement issued in
    an institution's name and of a document whose ``issuer`` is known (see the module doc);
    ``lead``: ``doc`` opens the document."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    by_head = {m.head: m for m in mentions}
    openings = _colon_openings(doc, by_head)
    author = (statement_author(doc, by_head) or heading_author(doc, by_head)) if lead else None
    found = []
    for token in doc:
        if token.lower_ not in FIRST_PERSON or token.pos_ != "PRON" or token.i in taken:
            continue
        speaker = _quoted_speaker(token, by_head)
        if speaker is None:
            before = [(i, s) for i, s in openings if i < token.i]
            if before and sent_of[token.i] - sent_of[before[-1][0]] <= WINDOW:
                speaker = before[-1][1]
            elif author is not None and token.lower_ in FIRST_PLURAL and not _quoted(token):
                found.append(author.standing_for(token, "author"))
                continue
        if speaker is None:
            if issuer is not None and not _quoted(token):
                found.append(pronoun_for(token, issuer, f"issuer:{issuer.text}"))
            continue
        found.append(speaker.standing_for(token, "speaker"))
    return found


def _quoted(token: Token) -> bool:
    """Whether ``token`` stands inside quotation marks of its sentence."""
    return any(t.text in _QUOTES for t in token.sent) and _inside_quotes(token)
