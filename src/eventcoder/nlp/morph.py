"""Small morphological tests over our UD-trained parses, shared by the coding stages."""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["is_plural"]

_PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def is_plural(token: Token) -> bool:
    """True for plural nouns and pronouns.

    UD marks plural-only nouns ("troops", "whereabouts") ``Number=Ptan`` rather than
    ``Plur``, so the feature alone misses them; the PTB tag settles those.
    """
    number = token.morph.get("Number", [])
    return (
        "Plur" in number
        or ("Ptan" in number and token.tag_ in _PLURAL_TAGS)
        or (not number and token.tag_ in _PLURAL_TAGS)
    )
