"""Acronyms a document defines: "the Rapid Support Forces ... RSF supply lines".

A news story names an organisation in full, then by its initials. Those initials are the
organisation named, whatever else a dictionary gives them ("RSF" is also Reporters Without
Borders): an upper-case mention whose letters are the initials of an earlier coded mention's
capitalised words takes that mention's coding.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc

from eventcoder.actors.mention import ActorMention

__all__ = ["defined_acronyms"]

_LETTERS = (2, 6)  # an acronym's length, in letters


def _initials(doc: Doc, mention: ActorMention) -> str:
    """The first letters of the mention's capitalised words, determiners left out."""
    return "".join(
        t.text[0]
        for t in doc[mention.start : mention.end]
        if t.pos_ != "DET" and t.is_alpha and t.text[0].isupper()
    )


def _acronym(mention: ActorMention) -> bool:
    text = mention.text
    return _LETTERS[0] <= len(text) <= _LETTERS[1] and text.isalpha() and text.isupper()


def defined_acronyms(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """``mentions`` with each acronym coded as the earlier mention whose capitalised words it
    abbreviates (the last words of a longer name: "Sudan's Rapid Support Forces" -> "RSF")."""
    out = list(mentions)
    for k, m in enumerate(out):
        if not _acronym(m):
            continue
        for prior in reversed(out[:k]):
            if not prior.code or prior.end - prior.start < len(m.text) or _acronym(prior):
                continue
            if _initials(doc, prior).endswith(m.text):
                if prior.code != m.code:
                    out[k] = dataclasses.replace(
                        m,
                        code=prior.code,
                        country=prior.country,
                        sector=prior.sector,
                        antecedent=(prior.start, prior.end),
                        rule=f"acronym:{prior.rule}",
                    )
                break
    return out
