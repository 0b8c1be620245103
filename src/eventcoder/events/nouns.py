"""Event nouns: nominal events and the objects of light verbs (data file ``nouns.tsv``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Token

from eventcoder.errors import Errors, ModelError

__all__ = ["CLAIM_CODES", "EventNoun", "NounLexicon", "claimed_acts", "same_act"]

# CAMEO 015 "acknowledge or claim responsibility": when the act claimed is named ("claimed
# responsibility for the bombing of X", "claimed the attack"), the act is the event, with the
# claimant as its source.
CLAIM_CODES = frozenset({"015"})


@dataclass(frozen=True)
class EventNoun:
    """One event noun: its code, the role of its "of" phrase, target prepositions, modifiers."""

    lemma: str
    code: str
    of_role: str
    target_preps: frozenset[str]
    required: frozenset[str]
    id: str


class NounLexicon:
    """Event nouns indexed by lemma; entries needing a modifier are tried first."""

    def __init__(self, entries: list[EventNoun]) -> None:
        self.by_lemma: dict[str, list[EventNoun]] = {}
        for entry in entries:
            self.by_lemma.setdefault(entry.lemma, []).append(entry)
        for options in self.by_lemma.values():
            options.sort(key=lambda e: -len(e.required))

    @classmethod
    def load(cls, path: Path) -> NounLexicon:
        """Read ``nouns.tsv``."""
        if not path.exists():
            raise ModelError(Errors.E801.format(path=path))
        entries = []
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 6:
                raise ModelError(
                    Errors.E802.format(
                        path=path, line=number, detail="expected 6 tab-separated columns"
                    )
                )
            entries.append(
                EventNoun(
                    lemma=cols[0],
                    code=cols[1],
                    of_role=cols[2],
                    target_preps=frozenset(p for p in cols[3].split(",") if p),
                    required=frozenset(m for m in cols[4].split("|") if m),
                    id=cols[5],
                )
            )
        return cls(entries)

    def lookup(self, token: Token) -> EventNoun | None:
        """The event noun a token is, checking required modifiers among its dependents."""
        if token.pos_ not in {"NOUN", "PROPN"}:
            return None
        options = self.by_lemma.get(token.lemma_.lower()) or self.by_lemma.get(token.lower_)
        if not options and token.lower_.endswith("s"):
            options = self.by_lemma.get(token.lower_[:-1])
        if not options:
            return None
        modifiers = {c.lower_ for c in token.children} | {c.lemma_.lower() for c in token.children}
        if token.i > 0:
            modifiers.add(token.doc[token.i - 1].lower_)  # "hunger strike", however parsed
        if token.dep_ == "obj":
            modifiers.add(token.head.lemma_.lower())  # "conducted strikes": the verb decides
        for entry in options:
            if not entry.required or entry.required & modifiers:
                return entry
        return None


def claimed_acts(code: str | None, frame: Any) -> list[Token]:
    """Words that may name the act a claim of responsibility is about: the verb's objects and
    its "for" phrases ("claimed responsibility for the attack"). Empty for other codes."""
    if code not in CLAIM_CODES:
        return []
    return list(frame.objects) + [head for prep, head in frame.preps if prep == "for"]


def same_act(code: str | None, noun_code: str) -> bool:
    """Whether a verb's code and its object noun's code are one act ("launched an attack":
    both 19), so the noun gives no second event."""
    return code is not None and code[:2] == noun_code[:2]
