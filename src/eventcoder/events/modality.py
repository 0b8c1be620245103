"""Negation and modality of an event trigger, read from the parse.

Walks up from the trigger through the words that govern it: an infinitival complement
("threatened to fire", "isn't going to attack", "has no plans to"), a noun's infinitive ("a
decision to create"), or a clause under a speech verb ("X said that Y attacked Z"). Frames come
from ``frames.tsv``; the recoding of "<frame> to <event>" from ``complements.tsv``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from eventcoder.datafiles import read_words
from eventcoder.errors import Errors, ModelError
from eventcoder.events.ontology import data_dir

__all__ = [
    "Context",
    "FrameTable",
    "infinitive_governor",
    "is_negated",
    "is_relative_clause",
    "read_context",
]

NEGATORS = {"not", "n't", "never", "no", "neither", "nor", "without"}
HYPOTHETICAL_AUX = {"could", "might", "may", "should"}
FUTURE_AUX = {"will", "shall", "'ll", "would", "'d", "wo"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}
OBLIGATION = {"must", "should", "ought"}
TIME_WORDS = {"today", "tomorrow", "yesterday", "tonight"}


@dataclass(frozen=True)
class FrameTable:
    """Frames of governing words and the complement recoding table."""

    frames: dict[str, tuple[str, str]]
    complements: dict[str, dict[str, str]]

    @classmethod
    def load(cls, frames_path: Path, complements_path: Path) -> FrameTable:
        """Read ``frames.tsv`` and ``complements.tsv``."""
        frames: dict[str, tuple[str, str]] = {}
        for cols in _rows(frames_path, 3):
            frames[cols[0]] = (cols[1], cols[2])
        complements: dict[str, dict[str, str]] = {}
        for cols in _rows(complements_path, 3):
            complements.setdefault(cols[0], {})[cols[1]] = cols[2]
        return cls(frames, complements)

    def is_light(self, token: Token) -> bool:
        """A light verb ("issued an ultimatum"): its event noun object carries the event."""
        return (
            self.frames.get(token.lemma_.lower(), ("", ""))[0] == "LIGHT"
            or self.frames.get(token.lower_, ("", ""))[0] == "LIGHT"
        )

    def is_suffered(self, token: Token) -> bool:
        """A verb whose subject undergoes the act its object names ("faced shelling by X",
        "came under fire from X", "received threats from X"): frame SUFFER."""
        return self.frames.get(token.lemma_.lower(), ("", ""))[0] == "SUFFER"

    def frame_of(self, token: Token) -> tuple[str, str] | None:
        """The frame a governing token opens, if any."""
        found = self._frame_of(token)
        return None if found is None or found[0] in {"LIGHT", "SUFFER"} else found

    def _frame_of(self, token: Token) -> tuple[str, str] | None:
        if token.lemma_.lower() == "go" and token.tag_ == "VBG":
            return self.frames.get("be going")
        lower = token.lower_
        stems = (
            lower,
            lower[:-1],
            lower[:-2],
            lower[:-3],
            lower[:-3] + "e",
            lower[:-2] + "e",
            lower[:-4],
        )  # "planning" -> "plan"
        for key in (token.lemma_.lower(), *stems):
            if key in self.frames:
                return self.frames[key]
        return None

    def recode(self, frame: str, code: str) -> str | None:
        """The code of "<frame> to <event with code>" (None: keep the governed code)."""
        table = self.complements.get(frame)
        if not table:
            return None
        for length in range(len(code), 1, -1):
            if code[:length] in table:
                return table[code[:length]]
        return table.get("*")


def _rows(path: Path, width: int) -> list[list[str]]:
    if not path.exists():
        raise ModelError(Errors.E801.format(path=path))
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < width:
            raise ModelError(
                Errors.E802.format(path=path, line=number, detail=f"expected {width} columns")
            )
        rows.append(cols)
    return rows


@dataclass
class Context:
    """What the words around a trigger say about its event."""

    negated: bool = False
    modality: str = "asserted"
    frame: str | None = None  # the control frame that recodes the event
    governor: Token | None = None  # the word that opened that frame
    speaker: Token | None = None  # the speech verb that reports it
    swap: bool = False  # the governor's subject acts on the governed subject
    # ("X demanded that Y leave", "X said Y must leave")
    consumed: list[Token] = field(default_factory=list)  # governors whose own event is replaced


NEGATIVE_ARGUMENTS = {"nothing", "none", "nobody", "no-one", "noone"}
HEDGES = {
    "possible",
    "potential",
    "alleged",
    "planned",
    "expected",
    "threatened",
    "likely",
    "hypothetical",
    "feared",
    "rumoured",
    "rumored",
}


def is_negated(token: Token) -> bool:
    """A negation on the word itself ("didn't cross", "no plans", "never attacked") or on its
    subject or object ("no troops were sent", "had nothing to offer")."""
    for child in token.children:
        if child.dep_ in {"advmod", "neg", "det", "aux", "cc"} and (
            child.lower_ in NEGATORS or "Neg" in child.morph.get("Polarity", [])
        ):
            return True
        if child.dep_ in {"nsubj", "obj", "iobj"} and (
            child.lower_ in NEGATIVE_ARGUMENTS
            or any(g.dep_ == "det" and g.lower_ in {"no", "neither"} for g in child.children)
        ):
            return True
    return False


def _own_modality(token: Token) -> str | None:
    if token.pos_ in {"NOUN", "PROPN"} and any(
        c.dep_ == "amod" and c.lower_ in HEDGES for c in token.children
    ):
        return "hypothetical"  # "possible Russian aggression"
    for child in token.children:
        if child.dep_ == "aux" and child.lower_ in HYPOTHETICAL_AUX:
            return "hypothetical"
        if child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKS:
            return "hypothetical"
    return None


def infinitive_governor(token: Token, frames: FrameTable) -> Token | None:
    """The frame word just before "to <verb>" ("plans to attack"), whatever the parse says."""
    marks = [c for c in token.children if c.dep_ == "mark" and c.lower_ == "to" and c.i < token.i]
    if (
        not marks
        and token.i > token.sent.start
        and token.doc[token.i - 1].lower_ == "to"
        and token.tag_ == "VB"
    ):
        marks = [token.doc[token.i - 1]]
    if not marks:
        return None
    i = marks[0].i - 1
    sent_start = token.sent.start
    while i >= sent_start and (
        token.doc[i].pos_ in {"ADV", "PART"} or token.doc[i].lower_ in TIME_WORDS
    ):
        i -= 1  # "threatened again to", "threatened today to"
    if i < sent_start:
        return None
    candidate = token.doc[i]
    return candidate if frames.frame_of(candidate) is not None else None


def _preceding_speech(token: Token, frames: FrameTable) -> Token | None:
    for i in range(token.i - 1, token.sent.start - 1, -1):
        candidate = token.doc[i]
        found = frames.frame_of(candidate) if candidate.pos_ == "VERB" else None
        if found is not None and found[0] == "SPEECH":
            return candidate
    return None


def _governor(current: Token, frames: FrameTable) -> tuple[str, Token]:
    fallback = infinitive_governor(current, frames)
    if fallback is not None and fallback is not current.head:
        return "xcomp", fallback
    if (
        current.dep_ == "advcl"
        and current.tag_ == "VB"
        and any(c.dep_ == "mark" and c.lower_ == "to" for c in current.children)
    ):
        found = frames.frame_of(current.head)
        if found is not None and found[0] in {"REQUEST", "DEMAND"}:
            return "xcomp", current.head  # "urged Somalia to release", parsed as a purpose
    if current.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in current.children
    ):
        return "ccomp", current.head  # "emphasizing that troops didn't cross", however parsed
    return current.dep_, current.head


def _passive(governor: Token) -> bool:
    """Whether a control word stands in the passive ("is expected to", "are believed to")."""
    return governor.tag_ == "VBN" and any(
        c.dep_ in {"aux:pass", "auxpass"} or c.dep_ == "aux" and c.lemma_ == "be"
        for c in governor.children
    )


FINITE_TAGS = {"VBZ", "VBP", "VBD", "MD"}
RELATIVE_WORDS = {"which", "who", "whom", "whose"}


def is_relative_clause(clause: Token) -> bool:
    """Whether a clause on a noun is finite (a relative clause with its own subject or
    tense: "the threat they pose", "the deal that will let X") rather than the noun's
    infinitive ("a threat to strike", "a decision to leave") or a participle."""
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    if "to" in marks:
        return False
    if "that" in marks and not any(c.lower_ in RELATIVE_WORDS for c in clause.children):
        return False  # a content clause: "an order that the units should withdraw"
    return clause.tag_ in FINITE_TAGS or any(
        c.dep_ in {"nsubj", "nsubj:pass", "nsubjpass"}
        or c.dep_ in {"aux", "aux:pass", "auxpass"}
        and c.tag_ in FINITE_TAGS
        for c in clause.children
    )


def _has_object(governor: Token, complement: Token) -> bool:
    """Whether a control word has an object before its infinitive ("wants Y to ...")."""
    return any(c.dep_ in {"obj", "iobj"} and c.i < complement.i for c in governor.children)


@lru_cache(maxsize=1)
def _performatives() -> frozenset[str]:
    return read_words(data_dir() / "performatives.txt")


def _performed(governor: Token, complement: Token, dep: str) -> bool:
    """Whether "I/we want (wish) to <verb>" performs the speech act it names ("I want to
    congratulate X", "we wish to express our condolences"): a first-person subject, the
    present tense, no negation, a verb of ``performatives.txt`` (not "we want to meet X")."""
    return (
        dep == "xcomp"
        and complement.lemma_.lower() in _performatives()
        and governor.tag_ in {"VBP", "VB"}
        and not is_negated(governor)
        and not any(c.dep_ == "aux" for c in governor.children)
        and any(c.dep_ == "nsubj" and c.lower_ in {"i", "we"} for c in governor.children)
    )


def read_context(trigger: Token, frames: FrameTable) -> Context:
    """Negation, modality, control frame and speaker of the event at ``trigger``."""
    context = Context(negated=is_negated(trigger))
    modality = _own_modality(trigger)
    current = trigger
    for _ in range(5):
        dep, governor = _governor(current, frames)
        if governor is current:
            break
        if dep == "conj":
            current = governor
            continue
        if (
            dep in {"xcomp", "acl", "ccomp", "parataxis"}
            or dep == "advcl"
            and governor.pos_ == "VERB"
            or dep == "obl"
            and current.tag_ == "VBG"
            and governor.pos_ == "VERB"
        ):
            found = frames.frame_of(governor)
            if found is not None and found[0] == "INTEND" and _performed(governor, current, dep):
                found = None  # "I want to thank X": saying so thanks X
            if found is not None and dep == "xcomp" and _has_object(governor, current):
                # "X wants Y to leave": X's demand on Y; "X expects Y to attack": a belief
                found = frames.frames.get(governor.lemma_.lower() + "+obj", found)
            if dep == "xcomp" and _passive(governor):
                # "the leaders are expected to sign": someone else's expectation, no plan
                found = frames.frames.get(governor.lemma_.lower() + "+pass", found)
            if dep == "ccomp" and not any(
                c.dep_ in {"aux", "aux:pass"} and c.lower_ in FUTURE_AUX | HYPOTHETICAL_AUX
                for c in current.children
            ):
                # "warned that cholera was spreading": a report of what is, no threat
                found = frames.frames.get(governor.lemma_.lower() + "+fact", found)
            if dep == "advcl" and _own_modality(current) == "hypothetical":
                modality = modality or "hypothetical"
            if found is None:
                if dep in {"xcomp", "acl", "advcl"} and is_negated(governor):
                    context.negated = True
                current = governor
                continue
            frame, frame_modality = found
            if (
                frame == "SPEECH"
                and dep in {"ccomp", "parataxis"}
                and context.frame is None
                and any(c.dep_ == "aux" and c.lower_ in OBLIGATION for c in current.children)
            ):
                context.frame, context.governor, context.swap = "DEMAND", governor, True
                context.consumed.append(governor)
            elif frame in {"SPEECH", "DENY"} and (
                dep in {"ccomp", "parataxis"}
                or dep == "acl"  # "reports that X attacked Y": what the report says
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in current.children)
                or frame == "DENY"
                and current.tag_ == "VBG"  # "denied shelling the town", however parsed
                and dep in {"advcl", "xcomp"}
            ):
                context.speaker = context.speaker or governor
                context.negated = context.negated or frame == "DENY"
                modality = modality or frame_modality
                context.consumed.append(governor)
            elif frame not in {"SPEECH", "DENY"} and dep in {"xcomp", "acl", "ccomp"}:
                if dep == "acl" and is_relative_clause(current):
                    # "the threat they pose to X", "an agreement that will let X ...": the
                    # clause describes its noun, the noun does not govern it as an act
                    current = governor
                    continue
                if context.frame is None:
                    context.frame, context.governor = frame, governor
                    context.swap = frame in {"DEMAND", "REQUEST"}
                    context.consumed.append(governor)
                context.negated = context.negated or frame == "FAIL" or is_negated(governor)
                modality = modality or frame_modality
            current = governor
            continue
        break
    if context.frame is None and any(
        c.dep_ == "aux" and c.lower_ in OBLIGATION for c in trigger.children
    ):
        speech = _preceding_speech(trigger, frames)  # "X said Y must ..." however parsed
        if speech is not None:
            context.frame, context.governor, context.swap = "DEMAND", speech, True
            context.consumed.append(speech)
    if context.frame is None and any(
        c.dep_ == "aux" and c.lower_ in FUTURE_AUX | HYPOTHETICAL_AUX for c in trigger.children
    ):
        context.frame, context.governor = "FUTURE", trigger  # "will provide" -> intent
        modality = modality or "intended"  # ("may halt" stays hypothetical)
    if modality is None and context.speaker is None and _said_after(trigger, frames):
        modality = "reported"  # "A met B on Tuesday, a spokesperson said"
    context.modality = modality or "asserted"
    return context


def _said_after(trigger: Token, frames: FrameTable) -> bool:
    """Whether the trigger's clause ends with its attribution ("..., officials said"): a
    speech verb after it that the parse hangs on the clause's main verb as parataxis."""
    clause = trigger
    while clause.dep_ in {"conj", "xcomp", "advcl"} and clause.head.i != clause.i:
        clause = clause.head
    for child in clause.children:
        if (
            child.dep_ in {"parataxis", "conj"}
            and child.i > trigger.i
            and "," in {child.left_edge.text, child.doc[child.left_edge.i - 1].text}
            # its content is the clause before it: no object, clause or "and" of its own
            and not any(
                c.dep_ in {"obj", "ccomp", "xcomp", "cc"} or c.lower_ == "that"
                for c in child.children
            )
        ):
            found = frames.frame_of(child)
            if found is not None and found[0] == "SPEECH":
                return True
    return False
