"""Why a text was coded as it was: ``explain(text, coder, date)``.

For each sentence: the parse; every actor found and how it was coded (the dictionary entries
inside it with their file and line, the dated term chosen and why); every event with the verb
entry and pattern that fired (file and line), its negation and modality cues, and its date
(the expression and the rule that attached it); every verb that gave no event, with the
reason. The result is plain data (``to_dict``) and is rendered for a terminal by
``eventcoder.dictionaries.render``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from eventcoder.actors.lexicon import Lexicon, term_for
from eventcoder.actors.mention import ActorMention
from eventcoder.actors.recognize import find_matches
from eventcoder.events.discards import first_discard
from eventcoder.events.match import match_verb, verb_frame
from eventcoder.events.modality import (
    CONDITIONAL_MARKS,
    FUTURE_AUX,
    HEDGES,
    HYPOTHETICAL_AUX,
    NEGATIVE_ARGUMENTS,
    NEGATORS,
    OBLIGATION,
)
from eventcoder.events.patterns import VerbEntry, VerbPattern

__all__ = [
    "ActorExplained",
    "EventExplained",
    "Explanation",
    "SentenceExplained",
    "explain",
    "stage_named",
]

_DATE_RULES = {
    "parse": "the expression modifies the trigger (or a predicate governing it) in the parse",
    "sentence": "the nearest dated expression of the sentence",
    "present": "a present-tense trigger: the document date",
    "narrative": "a simple-past trigger continues the dated narrative of the previous sentences",
    "unknown": "no expression applies: unknown, ending at the document date",
}


@dataclass(frozen=True)
class TokenExplained:
    """One token of the parse."""

    i: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int


@dataclass(frozen=True)
class EntryUsed:
    """A dictionary entry matched inside an actor mention."""

    matched: str
    kind: str  # state, capital, place, org, intl, person, agent
    label: str
    origin: str  # file:line
    code: str | None
    date_rule: str | None = None  # for dated entries: which term and why


@dataclass(frozen=True)
class ActorExplained:
    """An actor mention and how it was coded."""

    text: str
    span: tuple[int, int]
    code: str | None
    country: str | None
    sector: str | None
    entity_type: str | None
    rule: str | None
    antecedent: str | None
    entries: tuple[EntryUsed, ...]


@dataclass(frozen=True)
class EventExplained:
    """An event and what made it."""

    trigger: str
    trigger_index: int
    cameo: str
    plover: str | None
    source: str | None
    target: str | None
    pattern: str
    how: str
    verb: dict[str, Any] | None
    verb_pattern: dict[str, Any] | None
    negated: bool
    negation_cues: tuple[str, ...]
    modality: str
    modality_cues: tuple[str, ...]
    date: dict[str, Any]
    date_rule: str
    date_expression: str | None
    confidence: float | None = None
    kept: bool = True  # False: left out of the output, its confidence below the coder's floor


@dataclass(frozen=True)
class SentenceExplained:
    """One sentence: parse, actors, events, and the verbs that gave no event."""

    index: int
    text: str
    tokens: tuple[TokenExplained, ...]
    actors: tuple[ActorExplained, ...]
    events: tuple[EventExplained, ...]
    not_coded: tuple[dict[str, str], ...]
    discarded_by: str | None = None


@dataclass(frozen=True)
class Explanation:
    """The whole explanation of a text."""

    text: str
    date: str | None
    date_status: str
    dictionaries: str | None  # digest of the dictionaries in use
    times: tuple[dict[str, Any], ...]
    sentences: tuple[SentenceExplained, ...]

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return dataclasses.asdict(self)


def explain(text: str, coder: Any, date: dt.date | str | None = None) -> Explanation:
    """Explain how ``coder`` codes ``text`` (published on ``date``)."""
    from eventcoder.ingest.document import Document
    from eventcoder.stages import Context, run_chunk

    document = Document.from_text(text, date=date)
    parsed = coder.nlp(document.text)
    done, _ = run_chunk(coder.stages, Context(document, parsed, date=document.date))
    times, ref, actors = done.times, done.date, list(done.mentions)
    floor = getattr(coder, "min_confidence", None)
    actor_stage, extractor = stage_named(coder, "actors"), stage_named(coder, "events")
    extractor = extractor.extractor if extractor is not None else None
    candidates = extractor.extract(parsed, actors) if extractor is not None else []
    lexicon = actor_stage.coder.lexicon if actor_stage is not None else None
    sentences = [
        _sentence(n, sent, actors, candidates, lexicon, extractor, times, ref, floor)
        for n, sent in enumerate(parsed.sents)
    ]
    user = getattr(coder, "dictionaries", None)
    return Explanation(
        text=document.text,
        date=ref.isoformat() if ref else None,
        date_status=times.document_date_status if times else document.date_status,
        dictionaries=user.digest() if user is not None else None,
        times=tuple(_timex(t) for t in (times.timexes if times else [])),
        sentences=tuple(sentences),
    )


def stage_named(coder: Any, name: str) -> Any:
    """The coder's stage of that name, or None when it does not run."""
    return next((s for s in coder.stages if s.name == name), None)


def _timex(t: Any) -> dict[str, Any]:
    return {"text": t.text, "kind": t.kind, "interval": dataclasses.asdict(t.interval)}


def _sentence(
    number: int,
    sent: Span,
    actors: list[ActorMention],
    candidates: list[Any],
    lexicon: Lexicon | None,
    extractor: Any,
    times: Any,
    date: dt.date | None,
    floor: float | None = None,
) -> SentenceExplained:
    doc = sent.doc
    mine = [m for m in actors if sent.start <= m.head < sent.end]
    events = [c for c in candidates if c.sentence == number]
    matches = find_matches(doc, lexicon) if lexicon is not None else []
    verbs = _verb_readings(sent, extractor)
    discard = first_discard(sent.text, extractor.discards) if extractor is not None else None
    return SentenceExplained(
        index=number,
        text=sent.text,
        tokens=tuple(_token(t, sent.start) for t in sent),
        actors=tuple(_actor(doc, m, matches, date) for m in mine),
        events=tuple(_event(doc, c, verbs, times, extractor, floor) for c in events),
        not_coded=tuple(_not_coded(sent, events, mine, verbs, extractor, discard)),
        discarded_by=f"{discard.phrase!r} ({discard.origin})" if discard else None,
    )


def _token(t: Token, base: int) -> TokenExplained:
    return TokenExplained(t.i - base, t.text, t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i - base)


# -- actors -------------------------------------------------------------------------------


def _actor(doc: Doc, m: ActorMention, matches: list[Any], date: dt.date | None) -> ActorExplained:
    inside = [x for x in matches if x.entry is not None and m.start <= x.start and x.end <= m.end]
    if m.antecedent is not None:  # a pronoun or description: the entries of what it refers to
        a, b = m.antecedent
        inside += [x for x in matches if x.entry is not None and a <= x.start and x.end <= b]
    entries = []
    for x in inside:
        entry = x.entry
        rule = None
        code = entry.code if not entry.terms else None
        if entry.terms:
            term, why = term_for(entry.terms, date)
            code = term.code if term else None
            span = (
                f" {term.start or ''}..{term.end or ''}"
                if term and (term.start or term.end)
                else ""
            )
            rule = f"{code}{span}: {why}" if term else why
        elif entry.kind in ("state", "capital", "place"):
            code = entry.country + (entry.sector or "") if entry.country else None
        entries.append(
            EntryUsed(doc[x.start : x.end].text, entry.kind, entry.label, entry.origin, code, rule)
        )
    antecedent = doc[m.antecedent[0] : m.antecedent[1]].text if m.antecedent else None
    return ActorExplained(
        m.text, (m.char_start, m.char_end), m.code, m.country, m.sector, m.entity_type, m.rule,
        antecedent, tuple(entries),
    )  # fmt: skip


# -- events -------------------------------------------------------------------------------


def _verb_readings(sent: Span, extractor: Any) -> dict[int, tuple[VerbEntry, VerbPattern | None]]:
    if extractor is None:
        return {}
    out = {}
    for token in sent:
        if token.pos_ == "VERB":
            found = match_verb(extractor.patterns, token, verb_frame(token))
            if found is not None:
                out[token.i] = found
    return out


def _entry_dict(entry: VerbEntry) -> dict[str, Any]:
    return {
        "lemma": entry.lemma,
        "block": entry.block,
        "code": entry.code or "---",
        "particles": list(entry.particles),
        "origin": entry.origin,
    }


def _pattern_dict(p: VerbPattern) -> dict[str, Any]:
    words = lambda terms: " ".join(t.label for t in terms)
    return {
        "id": p.id,
        "code": p.code or "---",
        "pre": words(p.pre),
        "post": words(p.post),
        "preps": "; ".join(f"{prep} {words(terms)}".strip() for prep, terms in p.preps),
        "origin": p.origin,
    }


def _find_reading(
    pattern: str, verbs: dict[int, tuple[VerbEntry, VerbPattern | None]]
) -> tuple[VerbEntry, VerbPattern | None] | None:
    inner = pattern.rsplit("+", 1)[-1]
    for entry, found in verbs.values():
        if (found.id if found else f"{entry.block}.verb") == inner:
            return entry, found
    return None


def _how(c: Any, reading: tuple[VerbEntry, VerbPattern | None] | None) -> str:
    parts = []
    if "+" in c.pattern and not c.pattern.startswith("light:"):
        frame = c.pattern.split("+", 1)[0]
        parts.append(
            f"recoded by the {frame} frame of {c.trigger_text!r} (complements.tsv): "
            "the governed event becomes this one"
        )
    if c.pattern.startswith("light:"):
        verb, _, noun = c.pattern[6:].partition("+")
        parts.append(f"light verb {verb!r} with the event noun {noun!r} (nouns.tsv)")
    elif reading is not None:
        entry, pattern = reading
        where = f"verb {entry.lemma!r} of block {entry.block} ({entry.origin})"
        if pattern is not None:
            parts.append(f"{where}; pattern {pattern.id} ({pattern.origin}) matched")
        else:
            parts.append(f"{where}; no pattern matched, the verb's own code {entry.code} applies")
    elif c.pattern.rsplit("+", 1)[-1].startswith("N."):
        noun = c.pattern.rsplit("+", 1)[-1]
        parts.append(f"event noun {noun[2:]!r} (nouns.tsv entry {noun}) with its own actors")
    elif "." not in c.pattern:
        parts.append(f"an uncoded verb under a frame: the frame's own code ({c.pattern})")
    return "; ".join(parts) or c.pattern


def _event(
    doc: Doc, c: Any, verbs: dict, times: Any, extractor: Any, floor: float | None = None
) -> EventExplained:
    reading = _find_reading(c.pattern, verbs) if not c.pattern.startswith("light:") else None
    trigger = doc[c.trigger]
    if times is not None:
        interval, rule, timex = times.attachment(c.trigger)
    else:
        interval, rule, timex = None, "unknown", None
    return EventExplained(
        trigger=c.trigger_text,
        trigger_index=c.trigger - trigger.sent.start,
        cameo=c.cameo,
        plover=c.plover,
        source=_who(c.source),
        target=_who(c.target),
        pattern=c.pattern,
        how=_how(c, reading),
        verb=_entry_dict(reading[0]) if reading else None,
        verb_pattern=_pattern_dict(reading[1]) if reading and reading[1] else None,
        negated=c.negated,
        negation_cues=tuple(_negation_cues(trigger)) if c.negated else (),
        modality=c.modality,
        modality_cues=tuple(_modality_cues(trigger, extractor)),
        date=dataclasses.asdict(interval) if interval is not None else {},
        date_rule=f"{rule}: {_DATE_RULES[rule]}",
        date_expression=timex.text if timex is not None else None,
        confidence=getattr(c, "confidence", None),
        kept=_kept(getattr(c, "confidence", None), floor),
    )


def _kept(confidence: float | None, floor: float | None) -> bool:
    """Whether the coder outputs an event of this confidence (as ``code_document`` does)."""
    return confidence is None or floor is None or confidence >= floor


def _who(m: ActorMention | None) -> str | None:
    return None if m is None else f"{m.text} [{m.code or 'uncoded'}]"


def _chain(trigger: Token) -> list[Token]:
    """The trigger and the predicates that govern it within its sentence (at most five)."""
    out, current = [trigger], trigger
    for _ in range(5):
        if current.head is current or current.dep_ not in {
            "xcomp", "ccomp", "acl", "advcl", "parataxis", "conj", "obl",
        }:  # fmt: skip
            break
        current = current.head
        out.append(current)
    return out


def _negation_cues(trigger: Token) -> list[str]:
    cues = []
    for node in _chain(trigger):
        for child in node.children:
            negator = child.lower_ in NEGATORS or "Neg" in child.morph.get("Polarity", [])
            if child.dep_ in {"advmod", "neg", "det", "aux", "cc"} and negator:
                cues.append(f"{child.text!r} on {node.text!r}")
            if child.dep_ in {"nsubj", "obj", "iobj"} and child.lower_ in NEGATIVE_ARGUMENTS:
                cues.append(f"{child.text!r} as an argument of {node.text!r}")
            if child.dep_ in {"nsubj", "obj"} and any(
                g.dep_ == "det" and g.lower_ in {"no", "neither"} for g in child.children
            ):
                cues.append(f"'no {child.text}' as an argument of {node.text!r}")
        if node is not trigger and node.lemma_.lower() in {"deny", "fail", "refuse", "reject"}:
            cues.append(f"{node.text!r} governs it")
    return cues or ["a pattern or frame that spells out the negation"]


def _modality_cues(trigger: Token, extractor: Any) -> list[str]:
    cues = []
    frames = extractor.frames if extractor is not None else None
    for node in _chain(trigger):
        for child in node.children:
            low = child.lower_
            if child.dep_ == "aux" and low in FUTURE_AUX | HYPOTHETICAL_AUX | OBLIGATION:
                cues.append(f"auxiliary {child.text!r} on {node.text!r}")
            if child.dep_ == "mark" and low in CONDITIONAL_MARKS:
                cues.append(f"{child.text!r} (condition) on {node.text!r}")
            if child.dep_ == "amod" and low in HEDGES:
                cues.append(f"hedge {child.text!r} on {node.text!r}")
        found = frames.frame_of(node) if frames is not None and node is not trigger else None
        if found is not None:
            cues.append(f"{node.text!r} opens the {found[0]} frame (frames.tsv)")
    return cues


def _not_coded(
    sent: Span,
    events: list[Any],
    actors: list[ActorMention],
    verbs: dict[int, tuple[VerbEntry, VerbPattern | None]],
    extractor: Any,
    discard: Any,
) -> list[dict[str, str]]:
    triggers = {c.trigger for c in events}
    inner = {c.pattern.rsplit("+", 1)[-1] for c in events}
    in_actor = {i for m in actors for i in range(m.start, m.end)}
    out = []
    for token in sent:
        if token.pos_ != "VERB" or token.i in triggers or token.i in in_actor:
            continue
        reason = _why_not(token, verbs.get(token.i), inner, actors, extractor, discard)
        out.append({"word": token.text, "index": str(token.i - sent.start), "reason": reason})
    return out


def _why_not(
    token: Token,
    reading: tuple[VerbEntry, VerbPattern | None] | None,
    fired: set[str],
    actors: list[ActorMention],
    extractor: Any,
    discard: Any,
) -> str:
    if discard is not None:
        return f"the sentence holds the discard phrase {discard.phrase!r} ({discard.origin})"
    if extractor is None:
        return "the events stage is not running"
    if reading is None:
        return (
            f"not in the verb dictionaries (no entry for {token.lower_!r} "
            f"or its lemma {token.lemma_.lower()!r})"
        )
    entry, pattern = reading
    where = f"verb {entry.lemma!r} of block {entry.block} ({entry.origin})"
    code = pattern.code if pattern else entry.code
    pid = pattern.id if pattern else f"{entry.block}.verb"
    if pid in fired:
        return f"{where}: its event was recoded and moved to the word that governs it"
    if code is None:
        tried = len(extractor.patterns.patterns_for(entry.block))
        return f"{where} has no code of its own and none of its {tried} patterns matched"
    vf = verb_frame(token)
    coded = {m.head for m in actors if m.code and not m.code.startswith("---")}
    if not any(t.i in coded for t in vf.subjects):
        subj = ", ".join(t.text for t in vf.subjects) or "none"
        return (
            f"{where} gives {code}, but an event needs a coded source and the subject "
            f"({subj}) is not a coded actor"
        )
    frame = extractor.frames.frame_of(token)
    if frame is not None:
        return (
            f"{where} (code {code}) opens the {frame[0]} frame and reports or governs another event"
        )
    if code.startswith("01"):
        return f"{where} (code {code}): a statement with no target is a claim, not an event"
    return f"{where} gives {code}, but the reading was dropped (a modifier, or a duplicate)"
