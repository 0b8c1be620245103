"""The actor mention: what the actor stage hands to the event and claim stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from eventcoder.records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["ActorMention", "pronoun_for"]


@dataclass(frozen=True)
class ActorMention:
    """An actor found in a parsed document.

    ``start``/``end`` are token indices into the spaCy ``Doc`` ([start, end)); ``head`` is the
    token index of the mention's syntactic head, which the event stage matches against the
    subject or object of a verb. ``char_start``/``char_end`` are offsets into the text the
    pipeline parsed (the cleaned text; the coder maps them back to the original).
    """

    start: int
    end: int
    head: int
    text: str
    char_start: int
    char_end: int
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    entity_type: str | None = None
    antecedent: tuple[int, int] | None = None  # token span of what a pronoun refers to
    rule: str | None = None  # which dictionary entry or rule coded it
    alternatives: tuple[str, ...] = field(default_factory=tuple)

    def standing_for(self, token: Token, rule: str) -> ActorMention:
        """A one-token mention (a pronoun, a quoted "we") coded as this actor, pointing back
        to it; ``rule`` names why (``pronoun``, ``speaker``)."""
        return pronoun_for(token, self, f"{rule}:{self.rule}", antecedent=(self.start, self.end))

    def to_actor(self) -> Actor:
        """The record form (character span in the parsed text)."""
        return Actor(
            text=self.text,
            code=self.code,
            country=self.country,
            sector=self.sector,
            span=(self.char_start, self.char_end),
            entity_type=self.entity_type,
        )


def pronoun_for(
    token: Token,
    actor: ActorMention | Actor,
    rule: str,
    antecedent: tuple[int, int] | None = None,
) -> ActorMention:
    """A one-token mention of ``token`` (a pronoun) coded as ``actor``: a mention in the
    text (``antecedent`` its span) or an actor named outside it (a document's issuer)."""
    return ActorMention(
        start=token.i,
        end=token.i + 1,
        head=token.i,
        text=token.text,
        char_start=token.idx,
        char_end=token.idx + len(token.text),
        code=actor.code,
        country=actor.country,
        sector=actor.sector,
        entity_type="PRON",
        antecedent=antecedent,
        rule=rule,
    )
