"""The event stage: from a parsed document and its actors, the events each sentence states.

``EventExtractor.extract(doc, actors)`` reads, sentence by sentence, verbs (through the verb
patterns, indexed by verb form and lemma) and event nouns (nominal events and the objects of
light verbs), finds their source and target actors, reads negation and modality, recodes
control constructions ("threatened to fire" -> a threat), and adds PLOVER, Goldstein and quad
class from the code tables.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span, Token

from eventcoder.actors.mention import ActorMention
from eventcoder.datafiles import read_rows, read_word_classes, read_words
from eventcoder.errors import Errors, InputError
from eventcoder.events.confidence import default_model, event_features
from eventcoder.events.discards import Discard, first_discard
from eventcoder.events.instruments import instrument_agents
from eventcoder.events.match import (
    VerbFrame,
    acts_as_verb,
    conjuncts,
    match_verb,
    shared_objects,
    shares_passive,
    subjects_of,
    token_forms,
    verb_frame,
)
from eventcoder.events.modality import (
    TIME_WORDS,
    Context,
    FrameTable,
    is_negated,
    is_relative_clause,
    read_context,
)
from eventcoder.events.nonacts import (
    asks_a_question,
    background_participle,
    describing_adjective,
    reduced_passive,
    shows_something,
    standing_policy,
)
from eventcoder.events.nonparties import (
    listed_member,
    names_a_stance,
    names_an_idea,
    own_parts,
)
from eventcoder.events.nouns import EventNoun, NounLexicon, claimed_acts, same_act
from eventcoder.events.ontology import CameoOntology, data_dir
from eventcoder.events.parties import JOINT_ROOTS, between_parties
from eventcoder.events.patterns import PatternSet, load_patterns, singular
from eventcoder.events.reactions import (
    reaction_targets,
    reacts,
    stance_code,
    stance_subjects,
    stance_targets,
)
from eventcoder.events.recode import ACCUSATION, accuses, mutual_code, recode_for_actors
from eventcoder.events.roles import ActorIndex

__all__ = ["EventCandidate", "EventExtractor"]

log = logging.getLogger(__name__)

INTENT_FRAMES = {"FUTURE", "INTEND", "PLAN", "AGREE", "FAIL"}
STANCE = "STANCE."  # the pattern of a stance reading (events.reactions)
APPEAL_FRAMES = {"DEMAND", "REQUEST"}  # their event is the appeal, whatever verb it governs
# prepositions of place: their object is where the act happens, never its target
PLACE_PREPS = {"in", "at", "near", "inside", "outside", "across", "throughout", "around", "within"}
# prepositions of time: their object is when the act happens ("signed a deal during a visit
# by X", "amid protests by Y"), never its target
TIME_PREPS = {"during", "amid", "amidst", "after", "before", "since", "until", "following"}


@dataclass(frozen=True)
class EventCandidate:
    """One event read from one sentence (before dates, places and ids are attached)."""

    source: ActorMention | None
    target: ActorMention | None
    cameo: str
    plover: str | None
    plover_mode: str | None
    plover_context: tuple[str, ...]
    goldstein: float | None
    quad_class: int | None
    negated: bool
    modality: str
    trigger: int
    trigger_text: str
    reported_by: ActorMention | None
    pattern: str
    sentence: int
    features: tuple[str, ...] = ()  # what the confidence model reads (events.confidence)
    confidence: float | None = None


@dataclass
class _Reading:
    """A coded trigger before actors are paired up."""

    trigger: Token
    code: str
    reverse: str | None
    pattern: str
    sources: list[ActorMention]
    targets: list[ActorMention]
    context: Context
    specific: bool = False  # coded by a pattern, not by the verb's default
    # a party the act is aimed at that is named but is no coded actor: a place ("suspended
    # aid in Baghdad"), a person's pronoun ("he was captured")
    unnamed_target: bool = False


class EventExtractor:
    """Codes events from a parsed document; load once with :meth:`from_data`."""

    def __init__(
        self,
        patterns: PatternSet,
        nouns: NounLexicon,
        frames: FrameTable,
        ontology: CameoOntology,
        keep_negated: bool = True,
        discards: tuple[Discard, ...] = (),
        require_source: bool = True,
        weak_blocks: frozenset[str] = frozenset(),
        complement_targets: bool = False,
        recode_actors: bool = True,
        accusing: frozenset[str] = frozenset(),
    ) -> None:
        self.require_source = require_source
        # PETRARCH's convention: a verb's bare default aims "X believes Y can cope" at Y, and
        # any clause's subject after the verb may be its target
        self.complement_targets = complement_targets
        self.accusing = accusing  # speech verbs that accuse (accusations.tsv)
        self.recode_actors = recode_actors  # CAMEO's actor-dependent codes (events.recode)
        self.weak_blocks = weak_blocks
        self.patterns = patterns
        self.nouns = nouns
        self.frames = frames
        self.ontology = ontology
        self.keep_negated = keep_negated
        self.discards = discards

    @classmethod
    def from_data(
        cls,
        verbs: Path | None = None,
        keep_negated: bool = True,
        recode: bool = True,
        patterns: PatternSet | None = None,
        discards: tuple[Discard, ...] = (),
    ) -> EventExtractor:
        """Our converted CAMEO verb patterns plus our own (or the PETRARCH-format or
        our-format verb file ``verbs``, as for the PETRARCH validation dictionaries).

        ``recode=False`` keeps the codes of governed events as they are ("agreed to X" stays
        X, with modality "intended"): for verb files whose codes are not CAMEO. ``patterns``
        (e.g. the bundled set with user files laid over it) replaces both; sentences with one
        of the ``discards`` phrases are not coded."""
        folder = data_dir()
        if patterns is None:
            if verbs is None:
                patterns = load_patterns(folder / "cameo_verbs.txt")
                load_patterns(folder / "own_verbs.txt", into=patterns)
            else:
                patterns = load_verb_file(verbs)
        frames = FrameTable.load(folder / "frames.tsv", folder / "complements.tsv")
        if not recode:
            frames = FrameTable(frames.frames, {})
        return cls(
            patterns,
            NounLexicon.load(folder / "nouns.tsv"),
            frames,
            CameoOntology.from_data(folder),
            keep_negated=keep_negated,
            discards=discards,
            # a verb file of one's own (the peer suite's) keeps every default it gives
            weak_blocks=_weak_blocks(folder) if verbs is None else frozenset(),
            # and is read with PETRARCH's conventions
            complement_targets=verbs is not None,
            recode_actors=recode,
            accusing=_accusing(folder) if verbs is None else frozenset(),
        )

    def extract(self, doc: Doc, actors: list[ActorMention]) -> list[EventCandidate]:
        """The events of every sentence of ``doc``, with the given actor mentions."""
        if not doc.has_annotation("DEP"):
            raise InputError(Errors.E805.format())
        index = ActorIndex(doc, actors)
        out: list[EventCandidate] = []
        if any(d.story for d in self.discards) and first_discard(
            doc.text, tuple(d for d in self.discards if d.story)
        ):
            return out  # a story discard: nothing of this document is coded
        for number, sent in enumerate(doc.sents):
            if self.discards and first_discard(sent.text, self.discards) is not None:
                continue
            if _is_question(sent):
                continue  # "Did X attack Y?", "What if X expanded?": nothing is stated
            if _is_heading(sent):
                continue  # a headline, caption or footer line: the body states the events
            for reading in self._read_sentence(sent, index):
                out.extend(self._candidates(reading, index, number))
        if not self.keep_negated:
            out = [c for c in out if not c.negated]
        out = _coded_once(out) if self.require_source else out
        if not self.complement_targets:
            out = _reaction_targets(doc, out)
        model = default_model()
        if model is None:
            return out
        return [dataclasses.replace(c, confidence=round(model.score(c.features), 3)) for c in out]

    # -- readings -----------------------------------------------------------------------
    def _read_sentence(self, sent: Span, index: ActorIndex) -> list[_Reading]:
        readings: list[_Reading] = []
        used_nouns: set[int] = set()
        for token in sent:
            if stance_code(token) is not None:  # "we are appalled by ...": see events.reactions
                stance = self._read_stance(token, index)
                if stance is not None:
                    readings.append(stance)
                continue
            if (
                acts_as_verb(token)
                and not index.inside(token)
                and not _scare_quoted(token)
                and not _is_modifier(token)
                and not _nominal_gerund(token)
                and not _describes(token, self.frames)
                and not _inside_description(token, self.frames)
            ):
                reading = self._read_verb(token, index, used_nouns)
                if reading is not None and not self._governed_by_modifier(reading, token):
                    readings.append(reading)
        for token in sent:
            if token.i not in used_nouns and not index.inside(token) and not _scare_quoted(token):
                reading = self._read_noun(token, index)
                if reading is not None:
                    readings.append(reading)
        stances = {r.trigger.i for r in readings if r.pattern.startswith(STANCE)}
        if stances:  # "is encouraged by X's decision to free Y" is no request to free Y
            readings = [
                r for r in readings if r.pattern.startswith(STANCE) or r.trigger.i not in stances
            ]
        consumed = {g.i for r in readings for g in r.context.consumed}
        # a governor's own reading yields to its complement's, unless a pattern of its own
        # spelled out the whole construction ("vowed to wage war")
        kept = [
            r
            for r in readings
            if r.trigger.i not in consumed
            or "+" in r.pattern
            or r.specific
            and not any("+" in o.pattern and o.trigger.i == r.trigger.i for o in readings)
        ]
        if len(kept) > 1:  # a speech verb is no event when it reports one
            kept = [r for r in kept if "+" in r.pattern or not self._is_speech(r.trigger)] or kept
        kept = _merge_adjuncts(kept)
        kept = [r for r in kept if not _second_of_one_assault(r, kept)]
        return kept + self._accusations(kept, index)

    def _accusations(self, readings: list[_Reading], index: ActorIndex) -> list[_Reading]:
        """The speaker's accusation (112) of whoever a reported hostile act is by, when the
        speech verb accuses ("alleged that Y shelled Z"); once per speech verb."""
        out: list[_Reading] = []
        for reading in readings:
            speaker = reading.context.speaker
            if (
                speaker is None
                or not reading.sources
                or any(o.trigger.i == speaker.i for o in out)
                or not accuses(
                    speaker.lemma_.lower(),
                    self.ontology.quad_class(reading.code),
                    self.accusing,
                )
            ):
                continue
            accusers = index.for_heads(subjects_of(speaker))
            targets = [s for s in reading.sources if s not in accusers]
            if accusers and targets:
                context = read_context(speaker, self.frames)
                out.append(
                    _Reading(
                        speaker,
                        ACCUSATION,
                        None,
                        "ACCUSE+" + reading.pattern,
                        accusers,
                        targets,
                        context,
                    )
                )
        return out

    def _matrix_conjunct(self, verb: Token, context: Context) -> Context:
        """A verbal act coordinated inside what a denial denies belongs to the denier:
        "X denied that its troops shelled Y and accused Z of lying" does not deny the
        accusation (the parse often hangs the second verb on the first)."""
        if verb.dep_ != "conj":
            return context
        head = verb.head
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        denier = head.head
        found = self.frames.frame_of(denier) if head.dep_ in {"ccomp", "advcl"} else None
        if found is None or found[0] != "DENY":
            return context
        outer = read_context(denier, self.frames)
        outer.negated = outer.negated or is_negated(verb)
        outer.consumed = []
        outer.frame = outer.governor = None
        return outer

    def _governed_by_modifier(self, reading: _Reading, verb: Token) -> bool:
        """An event governed by a word that reports no act itself: "a responsibility to
        press X to end the attacks" (the pressing is described, so is what it presses for)."""
        governor = reading.context.governor
        return (
            governor is not None
            and governor.i != verb.i
            and governor.pos_ == "VERB"
            and (_is_modifier(governor) or _describes(governor, self.frames))
        )

    def _is_speech(self, token: Token) -> bool:
        frame = self.frames.frame_of(token)
        return frame is not None and frame[0] == "SPEECH"

    def _suffered(self, verb: Token) -> list[Token]:
        """The event nouns a SUFFER verb's subject undergoes: its objects ("faced shelling
        and air strikes"), or what it comes under ("came under fire")."""
        if not self.frames.is_suffered(verb):
            return []
        heads = [
            c
            for c in verb.children
            if c.dep_ == "obj"
            and verb.lemma_.lower() != "come"
            or c.dep_ == "obl"
            and "under" in {g.lower_ for g in c.children if g.dep_ == "case"}
        ]
        return [n for h in heads for n in conjuncts(h) if self.nouns.lookup(n) is not None]

    def _sufferer(self, token: Token) -> Token | None:
        """The SUFFER verb whose subject undergoes the event noun ``token``, if any."""
        head = token
        while head.dep_ == "conj" and head.head.pos_ in {"NOUN", "PROPN"}:
            head = head.head
        verb = head.head
        return verb if verb.pos_ == "VERB" and token in self._suffered(verb) else None

    def _read_suffered(
        self, token: Token, noun: EventNoun, verb: Token, index: ActorIndex
    ) -> _Reading | None:
        """An act its target is said to undergo: "civilians faced shelling by X" is X's
        shelling of the civilians; with either side unnamed, no event."""
        head = token
        while head.dep_ == "conj" and head.head.pos_ in {"NOUN", "PROPN"}:
            head = head.head
        agents = [
            c
            for owner in (token, head, verb)
            for c in owner.children
            if c.dep_ in {"nmod", "obl"}
            and {g.lower_ for g in c.children if g.dep_ == "case"} & {"by", "from"}
        ]
        sources = index.for_heads(agents)
        if not sources:
            sources = [
                m
                for c in token.children
                if c.dep_ in {"amod", "compound"}
                or {g.lower_ for g in c.children if g.dep_ == "case"} & {"'s", "’s"}
                if (m := index.for_head(c, max_depth=1)) is not None
            ]
        targets = [t for t in index.for_heads(subjects_of(verb)) if t not in sources]
        if not sources or not targets:
            return None
        context = read_context(verb, self.frames)
        pattern = f"suffer:{verb.lemma_.lower()}+{noun.id}"
        return self._recode(
            _Reading(token, noun.code, None, pattern, sources, targets, context), index
        )

    def _read_verb(self, verb: Token, index: ActorIndex, used: set[int]) -> _Reading | None:
        if self._suffered(verb) or any(
            c.dep_ == "xcomp" and self._suffered(c) for c in verb.children
        ):
            return None  # the act undergone is read at its noun (_read_suffered)
        frame = verb_frame(verb)
        strike = _strike_reading(verb, frame.subjects, frame.objects, index, self.frames)
        if strike is not None:
            return strike
        matched = match_verb(self.patterns, verb, frame)
        code = reverse = None
        pattern_id = ""
        if matched is not None:
            entry, pattern = matched
            code, reverse = (
                (pattern.code, pattern.reverse_code)
                if pattern
                else (entry.code, entry.reverse_code)
            )
            pattern_id = pattern.id if pattern else f"{entry.block}.verb"
        targets_from = list(frame.objects) + _gapped_objects(verb, frame.objects)
        firing = verb.lemma_.lower() in FIRING_VERBS and not _particle(verb, "down")
        fired: list[Token] = []
        aimed: list[Token] = []
        if firing:
            # "launched 400 drones and 30 missiles at Ukraine": what is fired is no target;
            # what it is fired at is, wherever the parse hangs it
            fired = [c for o in targets_from if _projectile(o) for c in conjuncts(o)]
            aimed = [
                c
                for owner in ([verb, *(f for o in fired for f in _fired_chain(o))] if fired else [])
                for c in owner.children
                if c.dep_ in {"nmod", "obl"}
                and {g.lower_ for g in c.children if g.dep_ == "case"} & AIM_PREPS
            ]
            targets_from = aimed + [o for o in targets_from if not _projectile(o)]
        if not targets_from and not frame.passive and (code or "")[:2] in SHARED_OBJECT_ROOTS:
            targets_from = shared_objects(verb)  # "kidnapped and killed five villagers"
        claimed = claimed_acts(code, frame)  # "claimed responsibility for the bombing of X"
        for obj in frame.objects + claimed:
            noun = self.nouns.lookup(obj)
            if noun is None or _scare_quoted(obj):
                continue
            if frame.passive and noun.code[:2] in JOINT_ROOTS and between_parties(obj, index):
                continue  # "talks were held between A and B": the noun names both (_read_noun)
            if (
                code is None
                or matched is not None
                and matched[1] is None
                and self.frames.is_light(verb)
                or obj in claimed
            ):
                # a light verb: "launched an attack on", "issued an ultimatum"
                used.add(obj.i)  # the noun is this event ("condemned X's attack" is two)
                code, reverse, pattern_id = (
                    noun.code,
                    None,
                    f"light:{verb.lemma_.lower()}+{noun.id}",
                )
            elif same_act(code, noun.code) or _names_object(matched, obj):
                # a pattern spelled the noun out: "launched an attack" is one, and
                # "suspended peace talks" (164) is no meeting as well
                used.add(obj.i)
            targets_from = [h for _, h in self._noun_targets(obj, noun)] + targets_from
        context = read_context(verb, self.frames)
        if code is not None and context.negated and code[:2] in VERBAL_ROOTS:
            context = self._matrix_conjunct(verb, context)
        if matched is not None and matched[1] is not None and matched[1].negative:
            context.negated = False  # the pattern codes the negated form itself
        if (
            code is None
        ):  # an uncoded verb under "demanded that", "agreed to", "must": the frame's own code
            code = self.frames.recode(context.frame, "") if context.frame else None
            if code is None:
                return None
            pattern_id = f"{verb.lemma_.lower()}"
        if (
            verb.tag_ == "VBG"
            and verb.dep_ in {"xcomp", "obj"}
            and self.frames.is_suffered(verb.head)
        ):  # "civilians faced shelling by X": X shells them (a gerund read as a verb)
            return self._undergone(verb, code, reverse, pattern_id, index)
        by_instrument = frame.passive and any(self._instrument(h) for h in frame.subjects)
        if by_instrument:
            # "killed by a US drone strike in X": whoever owns the strike did it, never a
            # place or a target its phrase names ("by a strike on the Russian base")
            sources = instrument_agents(frame.subjects, index, self._instrument) or (
                index.for_heads([h for h in frame.subjects if not self._instrument(h)])
            )
        else:
            # "photographs of US soldiers circulated": the thing acts, not the actor inside it
            sources = [
                m
                for m in index.for_heads(frame.subjects)
                if not any(_inside_thing(self.nouns, h, m) for h in frame.subjects)
            ]
        skip = set(matched[1].skip) if matched is not None and matched[1] is not None else set()
        preps = [
            h
            for p, h in frame.preps
            if (p != "by" or frame.passive)
            and p not in skip
            and p not in PLACE_PREPS
            and p not in TIME_PREPS
            and p != "than"  # "more aid than Washington": no party
        ]
        targets = [
            t
            for t in index.for_heads(targets_from, phrases=1)
            if t not in sources
            and not skip & {c.lower_ for c in verb.doc[t.head].children if c.dep_ == "case"}
        ]
        uncoded, targets = (
            (targets, []) if targets and not any(t.code for t in targets) else ([], targets)
        )
        aim = matched[1].aim if matched is not None and matched[1] is not None else None
        if aim is None and reacts(code) and not frame.passive:
            # praise or disapproval of an act ("welcomed the agreement between X and Y",
            # "condemned the attack on Z, for which X claimed responsibility") is aimed at
            # whoever did it (events.reactions), not at those the act was aimed at
            doers = [
                t
                for t in reaction_targets(verb, frame.objects, index, self.nouns.lookup)
                if t not in sources
            ]
            if doers:
                targets, uncoded = doers, []
        if aim is not None:  # "retook the town from X": X, never the town
            # objects, and nouns the parse coordinates with the verb ("took X and Y")
            taken = frame.objects + [
                c for c in verb.children if c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"}
            ]
            holders = _taken_from(aim, frame.preps, taken) or _holders(taken)
            places = {o.i for o in taken}
            targets = [
                t
                for t in index.for_heads(holders)
                if t not in sources and not any(t.start <= i < t.end for i in places)
            ]
            uncoded, preps = [], []
        if not targets and aim is None:
            # the first prepositional phrase with an actor (and those listed with it)
            targets = next(
                (
                    found
                    for h in preps
                    if (found := [t for t in index.for_heads([h]) if t not in sources])
                ),
                [],
            )
        if not targets and aim is None:
            # the object's reduced relative clause ("memos sent by X", "roads into X")
            targets = next(
                (
                    found
                    for h in _relative_heads(frame.objects)
                    if (found := [t for t in index.for_heads([h]) if t not in sources])
                ),
                [],
            )
        # several subjects with no coded actor near: they act on each other (see _pairs),
        # an uncoded name ("the South China Sea") does not count
        if not targets and not frame.passive and aim is None:
            targets = [
                t
                for t in index.nearest(
                    verb,
                    right=True,
                    stop_at_verb=True,
                    # a verb's bare default does not make "X claims Y was ..." aimed at Y
                    complement_subject=matched is not None and matched[1] is not None,
                    any_subject=self.complement_targets,
                )
                if t not in sources
                and (t.code or len(sources) < 2)
                and not _in_place_phrase(verb.doc, t)
                and not _compared(verb.doc, t)
            ]
        if firing:
            targets = [t for t in targets if not _projectile(verb.doc[t.head])]
        if not targets and code[:2] in MATERIAL_CONFLICT_ROOTS:
            # "launched an offensive to retake X from Y": the purpose names whom it is against
            targets = [
                t for t in self._purpose_targets(verb, frame.objects, index) if t not in sources
            ]
        targets = targets or uncoded  # an uncoded name only when no actor stands around
        if not targets and code == AIR_STRIKE and pattern_id.startswith("light:"):
            targets = _struck_group(verb, sources, index)  # "conducted five airstrikes"
        # the nearest actor stands in for a subject only when the clause has none of its own
        # (a subject that names no actor, "the report", leaves the event without a source)
        if (
            not sources
            and not by_instrument  # the agent is named: a strike nobody is said to own
            and (verb.dep_ != "xcomp" or _copular(verb.head))
            and (frame.passive or not any(t.pos_ in COMMON_SUBJECTS for t in frame.subjects))
        ):
            sources = [
                s
                for s in index.nearest(
                    verb,
                    right=frame.passive,
                    stop_at_verb=frame.passive,
                    free_only=not frame.passive,  # an object elsewhere is no one's subject
                )
                if s not in targets and not _in_place_phrase(verb.doc, s)
            ]
        targets = [t for t in targets if not any(_same_actor(t, s) for s in sources)]
        if len(targets) > 1:  # "freed 18 prisoners, including two lawmakers": one release
            targets = [t for t in targets if not _included(verb.doc, t)] or targets
        sources = [m for m in sources if not _is_place(verb.doc, m)]
        placed = [
            m for m in targets if _place_phrase(verb.doc, m) and verb.doc[m.head] not in aimed
        ]
        targets = [m for m in targets if m not in placed]
        # what is fired is fired at someone, named or not ("fired two missiles into the sea")
        # when it says where to (not in a clause completing a noun: "the pretext that X fired
        # a shell at ...")
        unnamed_target = (
            bool(placed)
            or bool(aimed)  # "aimed" is only ever filled when something is fired
            and verb.dep_ not in {"acl", "acl:relcl"}
            or _unnamed_target(frame, index)
        )
        if frame.passive and code == MOBILIZE and not any(s.code for s in sources):
            # "Russian troops were deployed (to X)": the forces deployed make their own move
            moved = [t for t in index.for_heads(frame.objects) if t in targets]
            sources, targets = moved or sources, [t for t in targets if t not in moved]
        if matched is not None and matched[1] is not None and matched[1].swap and not frame.passive:
            sources, targets = targets, sources  # "+ * MONEY $": the subject receives
            # (a passive subject already stands as the target)
        if code[:2] in {"18", "19"} and _mass_killing(verb, frame.objects):
            code, reverse = MASS_KILLING, None  # "killed 70 members of the tribe"
        reading = _Reading(
            verb,
            code,
            reverse,
            pattern_id,
            sources,
            targets,
            context,
            specific=matched is not None and matched[1] is not None,
            unnamed_target=unnamed_target,
        )
        return self._recode(reading, index)

    def _instrument(self, token: Token) -> bool:
        """Whether a noun names a strike, an attack or a weapon (an event noun of violence,
        with or without the modifiers its entry asks for, or a projectile): what a passive
        act's "by" phrase may name instead of its doer."""
        if token.pos_ not in {"NOUN", "PROPN"}:
            return False
        entries = self.nouns.by_lemma.get(token.lemma_.lower(), [])
        return any(e.code[:2] in MATERIAL_CONFLICT_ROOTS for e in entries) or _projectile(token)

    def _purpose_targets(
        self, verb: Token, objects: list[Token], index: ActorIndex
    ) -> list[ActorMention]:
        """The targets of a violent act that a purpose infinitive of the verb or of its object
        spells out ("launched an offensive to retake X from Y": Y)."""
        for owner in [verb, *objects]:
            for clause in owner.children:
                if (
                    clause.dep_ in {"advcl", "acl", "xcomp"}
                    and clause.pos_ == "VERB"
                    and any(c.dep_ == "mark" and c.lower_ == "to" for c in clause.children)
                ):
                    inner = self._read_verb(clause, index, set())
                    if (
                        inner is not None
                        and inner.code[:2] in MATERIAL_CONFLICT_ROOTS
                        and inner.targets
                    ):
                        return inner.targets
                    if clause.lemma_.lower() in _objective_verbs():
                        # "to isolate the city and other ISIL-held territory": its holder
                        objects = [c for c in clause.children if c.dep_ == "obj"]
                        holders = index.for_heads(
                            _holders([n for o in objects for n in conjuncts(o)])
                        )
                        if holders:
                            return holders
        return []

    def _reacts(self, verb: Token) -> bool:
        """Whether a verb praises, disapproves or rejects (CAMEO 051, 11, 12) by its code; a
        light verb ("issued an ultimatum") acts through its noun, whatever its code."""
        if self.frames.is_light(verb):
            return False
        matched = match_verb(self.patterns, verb, verb_frame(verb))
        if matched is None:
            return False
        entry, pattern = matched
        code = pattern.code if pattern else entry.code
        return reacts(code) or (code or "")[:2] == "12"

    def _read_stance(self, token: Token, index: ActorIndex) -> _Reading | None:
        """A stance said of its subject and aimed at the doer of an act ("we are appalled by
        reports that X killed ..."; events.reactions); one reading for coordinated stance
        words ("concerned and shocked"), at the first."""
        if token.dep_ == "conj" and stance_code(token.head) is not None:
            return None
        code = stance_code(token)
        sources = stance_subjects(token, index)
        targets = [
            t
            for t in stance_targets(token, index, self.nouns.lookup)
            if t not in sources and not any(_same_actor(t, s) for s in sources)
        ]
        if code is None or not sources or not targets or _scare_quoted(token):
            return None
        context = read_context(token, self.frames)
        reading = _Reading(
            token, code, None, f"{STANCE}{token.lower_}", sources, targets, context, specific=True
        )
        return self._recode(reading, index)

    def _undergone(
        self, verb: Token, code: str, reverse: str | None, pattern_id: str, index: ActorIndex
    ) -> _Reading | None:
        """A gerund a SUFFER verb's subject undergoes: done by its "by"/"from" phrase to
        that subject; with either unnamed, no event."""
        agents = [
            c
            for c in verb.children
            if c.dep_ in {"obl", "nmod"}
            and {g.lower_ for g in c.children if g.dep_ == "case"} & {"by", "from"}
        ]
        sources = index.for_heads(agents)
        targets = [t for t in index.for_heads(subjects_of(verb.head)) if t not in sources]
        if not sources or not targets:
            return None
        context = read_context(verb.head, self.frames)
        reading = _Reading(
            verb,
            code,
            reverse,
            f"suffer:{verb.head.lemma_.lower()}+{pattern_id}",
            sources,
            targets,
            context,
            specific=True,
        )
        return self._recode(reading, index)

    def _noun_targets(self, noun_token: Token, noun: EventNoun) -> list[tuple[str, Token]]:
        """The target phrases of an event noun: its own ("attacks on X"), else those of a
        participle describing how it was done ("strikes using drones against X", "raids
        carried out on X")."""
        out: list[tuple[str, Token]] = []
        for child in noun_token.children:
            case = " ".join(c.lower_ for c in child.children if c.dep_ == "case")
            if child.dep_ == "nmod" and (
                case in noun.target_preps or case == "of" and noun.of_role == "target"
            ):
                out.extend((case, c) for c in conjuncts(child))
        if out:
            return out
        for participle in noun_token.children:
            if participle.dep_ != "acl" or participle.tag_ not in {"VBG", "VBN"}:
                continue
            for phrase in _phrases_below(participle):
                case = " ".join(c.lower_ for c in phrase.children if c.dep_ == "case")
                if case in noun.target_preps:
                    out.extend((case, c) for c in conjuncts(phrase))
        return out

    def _read_noun(self, token: Token, index: ActorIndex) -> _Reading | None:
        noun = self.nouns.lookup(token)
        if noun is None:
            return None
        if _mentioned_only(token):
            return None  # "during the attack on X", "an end to X's attacks": not reported
        sufferer = self._sufferer(token)
        if sufferer is not None:
            return self._read_suffered(token, noun, sufferer, index)
        sources, targets = (
            [],
            [m for _, h in self._noun_targets(token, noun) for m in index.for_heads([h])],
        )
        for child in token.children:
            case = " ".join(c.lower_ for c in child.children if c.dep_ == "case")
            is_source = (
                child.dep_ in {"amod", "compound"}
                or case in {"'s", "’s", "by"}
                or child.dep_ == "nmod"
                and "Yes" in child.morph.get("Poss", [])
                or case == "of"
                and noun.of_role == "source"
            )
            mention = index.for_head(child, max_depth=1) if is_source else None
            if mention is not None and mention not in targets and mention not in sources:
                sources.append(mention)
        if (
            not sources
            and token.dep_ in {"obj", "xcomp"}
            and token.head.pos_ == "VERB"
            and not self._reacts(token.head)
            # nor of one that reports, blames, denies or investigates it (reaction_verbs.txt)
            and token.head.lemma_.lower() not in _reaction_verbs()
        ):
            # "continued their strike"; not "condemned the bombing" (not the condemner's act)
            sources = index.for_heads(subjects_of(token.head))
        if not sources and _state_predicate(token):
            # "X is in talks with Y", "X has been at war with Y": the state is the subject's
            sources = index.for_heads([c for c in token.children if c.dep_ == "nsubj"])
            targets = targets or [
                m
                for c in token.children
                if c.dep_ == "obl" and _case_of(c) in noun.target_preps
                for m in index.for_heads([c])
            ]
        if not sources and noun.code[:2] in JOINT_ROOTS:
            parties = between_parties(token, index)  # "talks were held between A and B"
            sources, targets = (parties[:1], parties[1:]) if parties else (sources, targets)
        if not sources or not targets or token.dep_ in {"compound", "amod"}:
            return None  # a noun alone reports an act only with both its actors named
        context = read_context(token, self.frames)
        reading = _Reading(token, noun.code, None, noun.id, sources, targets, context)
        return self._recode(reading, index)

    def _recode(self, reading: _Reading, index: ActorIndex) -> _Reading:
        """Apply a control frame ("refused to send" -> a refusal) and the speaker."""
        context = reading.context
        if (
            context.negated
            and context.frame in INTENT_FRAMES
            and self.ontology.quad_class(reading.code) in {1, 2}
        ):
            context.frame, context.negated = "REFUSE", False  # "will not accept" is a refusal
        if context.frame and context.governor is not None:
            if context.frame == "THREATEN" and not context.swap:
                self._warned_party(reading, index)
            if context.swap:
                demander = index.for_heads(subjects_of(context.governor))
                asked = [
                    c
                    for c in context.governor.children
                    if c.dep_ in {"obj", "iobj"}
                    # "called on X to ...", "prevailed upon X to ..."
                    or c.dep_ in {"nmod", "obl"}
                    and {g.lower_ for g in c.children if g.dep_ == "case"} & {"on", "upon"}
                ]
                # "wants Y to leave": Y, whatever the parse makes the subject of "leave"
                addressee = index.for_heads(asked) or reading.sources or reading.targets
                reading.sources = demander
                reading.targets = [a for a in addressee if a not in demander]
            new_code = self.frames.recode(context.frame, reading.code)
            if new_code is not None:
                reading.code, reading.reverse = new_code, None
                reading.pattern = f"{context.frame}+{reading.pattern}"
                reading.trigger = context.governor
            if not reading.sources:
                reading.sources = index.for_heads(subjects_of(context.governor))
        return reading

    @staticmethod
    def _warned_party(reading: _Reading, index: ActorIndex) -> None:
        """ "Kenya warned that Somalia would face consequences / would pay a price": what
        the warned clause's subject would undergo or do short of force is the warner's
        threat, aimed at that subject (not Somalia's own threat)."""
        governor = reading.context.governor
        uncoded = reading.pattern == reading.trigger.lemma_.lower()  # the frame's own code
        if governor is None or (not uncoded and reading.code[:2] in _FORCE_ROOTS):
            return  # "warned that X could attack": X's act keeps its own actors
        if not any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in reading.trigger.children):
            return  # "warned that gangs continued to block roads": a report, no threat
        warner = index.for_heads(subjects_of(governor))
        if not warner or not reading.sources:
            return
        if any(_same_actor(w, s) for w in warner for s in reading.sources):
            return  # "Iran warned that it would respond": its own threat
        reading.targets = [s for s in reading.sources if s not in warner]
        reading.sources = warner

    # -- candidates ---------------------------------------------------------------------
    def _candidates(
        self, reading: _Reading, index: ActorIndex, sentence: int
    ) -> list[EventCandidate]:
        if reading.code.startswith("01") and not reading.targets:
            return []  # a bare statement is a claim, not an event
        weak = (
            reading.pattern.split("+")[-1].removesuffix(".verb") in self.weak_blocks
            and reading.context.frame not in APPEAL_FRAMES  # "ordered X to allow": a demand
        )
        governor = reading.context.governor
        if governor is not None and governor.lower_ in COMMITMENT_WORDS:
            return []  # "we remain committed to working with X": a policy, not an act
        if _restates_position(reading.trigger):
            return []  # "reaffirmed its support for X": a standing position, not an act
        if standing_policy(reading.trigger):
            return []  # "we will continue to support X": a policy (events.nonacts)
        if background_participle(reading.trigger):
            return []  # "after seizing the town, X ...": the scene of the act reported
        if reduced_passive(reading.trigger):
            return []  # "the talks, convened by X, ...": a description of the talks
        if asks_a_question(reading.trigger, governor):
            return []  # "asked X how the files went missing": a question, not an appeal
        if shows_something(reading.trigger, reading.code):
            return []  # "demonstrated its resolve": no protest
        if describing_adjective(reading.trigger) or describing_adjective(governor):
            return []  # "the few groups willing to cooperate with X": a description
        if reading.trigger.lemma_.lower() in RESULT_VERBS and SCORE.search(
            reading.trigger.sent.text
        ):
            return []  # "Sweden beat Korea 1-0": a sports result
        if (
            reading.context.modality == "hypothetical"
            and reading.context.frame not in {"DEMAND", "REQUEST", "THREATEN", "REFUSE"}
            and not (reading.code[:2] == "13" and _conditional(reading.trigger))
        ):
            # "if X expanded", "X could attack Y": no act happened; a demand ("said Y should
            # leave") or a conditional threat ("may halt the talks unless ...") is one
            return []
        reporter = None
        if reading.context.speaker is not None:
            speakers = index.for_heads(subjects_of(reading.context.speaker))
            reporter = speakers[0] if speakers else None
        out: list[EventCandidate] = []
        seen: set[tuple] = set()
        for source, target in self._pairs(reading):
            if (
                # PETRARCH's suite codes "Eriador's death toll has risen" as Eriador's act
                not self.complement_targets
                and reading.code[:2] not in MATERIAL_CONFLICT_ROOTS
                and self._modifier_only(source, reading)
            ):
                continue  # "the Environment Canada document was found": no act of Canada
            if (
                target is None
                and reading.code[:2] not in ONE_SIDED_ROOTS
                and not (reading.unnamed_target and source is not None)
                and reading.context.modality != "threatened"
            ):
                # an act aimed at no one the sentence names: "the minister met her husband",
                # "they left for the evening", "officials provided safeguards"
                continue
            if weak and not _firm_pair(source, target):
                continue  # a weak verb alone ("held", "joined") needs two named actors
            if _self_pair(source, target) and not self.complement_targets:
                continue  # "the Council urged all parties" read as the UN urging itself
            if source is not None and target is not None and _oneself(source, target):
                continue  # "urged the parties and their supporters": no act on oneself
            key = (_key(source), _key(target))
            if key in seen:
                continue  # "Palestinians ... the West Bank" coded alike: one event
            seen.add(key)
            code, reverse = reading.code, reading.reverse
            if self.recode_actors:
                reverse = reverse and mutual_code(code, reverse)
                if reverse and code[:2] == CONSULT_ROOT and not self.complement_targets:
                    # "A held talks with B" is A's act; "A and B held talks" is both (_pairs)
                    reverse = None
                two_sided = reverse == code or (
                    len(reading.sources) > 1 and not reading.targets and _mutual(reading)
                )
                if not two_sided:  # "police clashed with farmers": one code both ways
                    code = recode_for_actors(code, source, target)
                    reverse = reverse and recode_for_actors(reverse, target, source)
            out.append(self._candidate(reading, code, source, target, reporter, sentence))
            if reverse and source is not None and target is not None:
                out.append(self._candidate(reading, reverse, target, source, reporter, sentence))
        return out

    def _modifier_only(self, mention: ActorMention | None, reading: _Reading) -> bool:
        """A source named only as a modifier of a thing that is the subject: "the Russian
        economy", "an Environment Canada document", "Assad's policies". Not when the thing
        is the event ("Russia's attack"), an event noun, a named unit ("NATO's Task Force
        50"), a word for people or a group ("Ithilen's militia"), or when the modifier is a
        nationality ("a French frigate" is French). (A target may be named as the owner of
        what the act is aimed at: "rejected a US request" is aimed at the US.)"""
        if mention is None or reading.trigger.pos_ not in {"VERB", "AUX", "NOUN", "PROPN"}:
            return False
        doc = reading.trigger.doc
        head = doc[mention.head]
        thing = head.head
        while thing.dep_ == "compound" and thing.head.i != thing.i:
            thing = thing.head  # "the K.U. basketball team"
        owner = head.dep_ == "nmod" and (
            "Yes" in head.morph.get("Poss", [])
            or any(c.dep_ == "case" and c.lower_ in {"'s", "’s", "'"} for c in head.children)
        )
        if not (
            head.dep_ == "compound" or head.dep_ == "amod" and head.text[:1].islower() or owner
        ):
            return False
        if head.i > 1 and doc[head.i - 1].text == "-" and doc[head.i - 2].lower_ in ANTI_PRO:
            return False  # "anti-government protests": aimed at the government
        return not (
            mention.start <= thing.i < mention.end
            or thing.i == reading.trigger.i
            or doc[thing.i - 1].text == "-"  # "the Prime Minister-designate"
            # a person or group the actor stands for ("Ithilen's militia", "a French
            # frigate", "the K.U. basketball team")
            or thing.lower_ in TIME_WORDS  # "X and Y today signed", misparsed
            # a text that speaks for its author: "a UN resolution censuring X"
            or thing.lemma_.lower() in STATEMENT_NOUNS
            or self._is_speech(thing)
            or thing.lower_ in _agent_heads()
            or thing.lemma_.lower() in _agent_heads()
            or thing.pos_ == "PROPN"
            or thing.pos_ not in {"NOUN"}
            or self.nouns.lookup(thing) is not None
        )

    def _pairs(self, reading: _Reading) -> list[tuple[ActorMention | None, ActorMention | None]]:
        doc = reading.trigger.doc
        if not self.complement_targets:  # mentions that name no party (events.nonparties)
            reading = dataclasses.replace(
                reading,
                sources=self._parties(reading.sources, reading.trigger),
                targets=self._parties(reading.targets, reading.trigger),
            )
        sources: list[ActorMention | None] = list(reading.sources) or [None]
        targets: list[ActorMention | None] = list(reading.targets) or [None]
        symmetric = reading.reverse is not None and reading.reverse == reading.code
        if (
            len(reading.sources) > 1
            # "the community, including Russia and Iran, must work ...": no pair of members
            and not all(listed_member(doc, s) for s in reading.sources)
            # "Egypt and Qatar will host talks": co-hosts, not each other's guests (_mutual)
            and (
                (not reading.targets and _mutual(reading))
                # "A and B exchanged prisoners": the object is what passes between them
                or (
                    symmetric
                    and reading.trigger.lemma_.lower() not in ONE_WAY_VERBS
                    and all(t.country in (None, "---") for t in reading.targets)
                )
            )
        ):
            # "Israel and Lebanon renewed talks": each acts towards the other, once each way
            return [(a, b) for a in reading.sources for b in reading.sources if a is not b]
        return [
            (s, t)
            for s in sources
            for t in targets
            if (s is not None or t is not None) and s is not t
        ]

    def _parties(self, mentions: list[ActorMention], trigger: Token) -> list[ActorMention]:
        """The mentions that name a party: not "a democratic Somalia", not the X of "the
        pro-X camp", and not the parts of an actor listed after it ("X, its leader and
        fighters"; events.nonparties)."""
        doc = trigger.doc
        parts = own_parts(doc, mentions)

        def is_event(token: Token) -> bool:
            return self.nouns.lookup(token) is not None

        return [
            m
            for m in mentions
            if m not in parts
            and not names_an_idea(doc, m)
            and not names_a_stance(doc, m, trigger, is_event)
        ]

    def _candidate(
        self,
        reading: _Reading,
        code: str,
        source: ActorMention | None,
        target: ActorMention | None,
        reporter: ActorMention | None,
        sentence: int,
    ) -> EventCandidate:
        plover = self.ontology.plover(code)
        reported_by = reporter if reporter not in (source, target) else None
        features = event_features(
            reading.trigger,
            reading.pattern,
            code,
            source,
            target,
            reading.context.modality,
            reading.context.negated,
            reported_by is not None,
        )
        return EventCandidate(
            source=source,
            target=target,
            cameo=code,
            plover=plover.category if plover else None,
            plover_mode=plover.mode if plover else None,
            plover_context=plover.context if plover else (),
            goldstein=self.ontology.goldstein(code),
            quad_class=self.ontology.quad_class(code),
            negated=reading.context.negated,
            modality=reading.context.modality,
            trigger=reading.trigger.i,
            trigger_text=reading.trigger.text,
            reported_by=reported_by,
            pattern=reading.pattern,
            sentence=sentence,
            features=features,
        )


@lru_cache(maxsize=1)
def _calendar() -> frozenset[str]:
    """Day and month names (the sentence rules' word list)."""
    from eventcoder.paths import PACKAGE_DIR

    return read_word_classes(PACKAGE_DIR / "data" / "sentences" / "words.tsv")["calendar"]


def _names_object(matched: Any, obj: Token) -> bool:
    """Whether the verb pattern that matched asks for the object noun itself among its
    words after the verb (PETRARCH's "suspend * talks"): the noun is part of that act."""
    if matched is None or matched[1] is None:
        return False
    forms = token_forms(obj)
    return any(
        len(alt) == 1 and alt[0] & forms for term in matched[1].post for alt in term.alternatives
    )


def _is_date(token: Token) -> bool:
    """A day or month word ("4 April", "Monday", "May"): what a gapped clause repeats."""
    words = [token, *(c for c in token.children if c.dep_ in {"nmod", "compound", "nummod"})]
    return any(w.lower_ in TIME_WORDS or w.lower_ in _calendar() for w in words)


def _gapped_objects(verb: Token, objects: list[Token]) -> list[Token]:
    """Second objects of a gapped clause the parse hangs on the first one's date: "visited
    X on 4 April and Y from 5 to 6 April" (Y coordinated with "4")."""
    if not objects:
        return []
    out = []
    for child in verb.children:
        if child.dep_ != "obl" or not _is_date(child):
            continue
        out += [
            c
            for c in child.children
            if c.dep_ == "conj"
            and c.pos_ == "PROPN"
            and not any(g.dep_ == "case" for g in c.children)
            and not _is_date(c)
        ]
    return out


def _is_modifier(token: Token) -> bool:
    """A participle used as an adjective ("training centres", "arriving troops", "a besieged
    town") or as a preposition ("according to")."""
    if (
        token.i + 1 < len(token.doc)
        and token.doc[token.i + 1].lower_ == "to"
        and token.lower_ in {"according", "owing", "thanks", "due"}
    ):
        return True
    before = token.doc[token.i - 1] if token.i > token.sent.start else None
    if token.dep_ in {"amod", "compound"} and before is not None and before.text == "-":
        return True  # "rocket-propelled grenades", "rebel-held towns"
    return (
        token.dep_ in {"amod", "compound"}
        # "the occupied territories", "remotely piloted" (however tagged)
        and (token.tag_ in {"VBG", "VBN"} or token.tag_ == "JJ" and token.pos_ == "VERB")
        and not any(c.dep_ in {"obj", "obl", "nsubj"} for c in token.children)
        # "has broken relations" misparsed as an adjective: a verb after its auxiliary
        and not (token.tag_ == "VBN" and before is not None and before.lemma_ in {"have", "be"})
    )


# what an appeal or a report wants ended: "called for an end to X's attacks"
ENDING_NOUNS = {"end", "halt", "stop", "cessation", "ending"}


def _case_of(token: Token) -> str:
    return " ".join(c.lower_ for c in token.children if c.dep_ == "case")


def _state_predicate(token: Token) -> bool:
    """A noun of a state its subject is in, as a copular predicate: "is in talks with",
    "has been at war with", "have been in touch with"."""
    return any(c.dep_ == "cop" for c in token.children) and _case_of(token) in {"in", "at"}


def _mentioned_only(token: Token) -> bool:
    """An event noun that names an act only as the occasion of another ("during the US
    attack on X", "amid clashes between X and Y") or as what someone wants ended ("called
    for an end to X's attacks"): the sentence does not report the act."""
    head = token
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    cases = {c.lower_ for c in head.children if c.dep_ == "case"}
    if cases & TIME_PREPS:
        return True
    return (
        head.head.i != head.i
        and head.head.lemma_.lower() in ENDING_NOUNS
        and bool(cases & {"to", "of"})
    )


AGENT_PREPS = {"by", "from"}


@lru_cache(maxsize=1)
def _depictions() -> frozenset[str]:
    """Things that show or record people (``depictions.txt``)."""
    return read_words(data_dir() / "depictions.txt")


# prepositions whose object an event noun is aimed at ("the attack on X")
AIMED_PREPS = {"on", "against", "upon", "at", "toward", "towards", "into"}


def _inside_thing(nouns: NounLexicon, subject: Token, mention: ActorMention) -> bool:
    """Whether an actor is named inside a prepositional phrase of a subject that is a thing
    acting by itself, not at its head: an event's target ("the attack on X killed ten", "the
    destruction of X's depots limits ..."), what holds a projectile or a picture ("six
    shells of them hit", "photographs of US soldiers circulated"). The thing, not the actor,
    does what the verb says. Never through "by" or "from" ("the attack by X")."""
    if mention.start <= subject.i < mention.end:
        return False
    depiction = subject.lemma_.lower() in _depictions() or singular(subject.lower_) in _depictions()
    if subject.pos_ != "NOUN" and not depiction:  # "Photographs" opening a sentence: PROPN
        return False
    noun = nouns.lookup(subject)
    if noun is None and not depiction and not _projectile(subject):
        return False
    token = subject.doc[mention.head]
    while token.head.i != token.i and token.i != subject.i:
        cases = {c.lower_ for c in token.children if c.dep_ == "case" and c.pos_ == "ADP"}
        if token.dep_ == "nmod" and cases and not cases & AGENT_PREPS:
            if noun is None:
                return True
            return bool(cases & AIMED_PREPS) or "of" in cases and noun.of_role != "source"
        token = token.head
    return False


FINITE_TAGS = {"VBD", "VBZ", "VBP"}
CATENATIVE_HELP = {"help"}


def _inside_description(token: Token, frames: FrameTable) -> bool:
    """A verb in the infinitive or gerund chain of a clause that describes rather than reports
    (:func:`_describes`): "flew to Lima to discuss trade and sign deals" (sign), "talks on
    efforts to degrade and defeat X" (defeat), and a "to" infinitive coordinated with a finite
    verb, which can only be an adjunct of purpose ("offered a reward ... to benefit X")."""
    if (
        token.dep_ == "conj"
        and token.tag_ == "VB"
        and any(c.dep_ == "mark" and c.lower_ == "to" for c in token.children)
        and token.head.tag_ in FINITE_TAGS | {"VBN"}
        and not any(c.dep_ == "mark" and c.lower_ == "to" for c in token.head.children)
    ):
        return True
    link = token
    for _ in range(6):
        if link.dep_ not in {"xcomp", "conj"} or link.head.i == link.i:
            return False
        if link.dep_ == "conj" and link.tag_ not in {"VB", "VBG"}:
            return False  # a finite conjunct reports on its own
        if link.dep_ == "xcomp" and link.head.lemma_.lower() in CATENATIVE_HELP:
            return False  # "to help defend X": what the purpose does is read at "defend"
        link = link.head
        if link.pos_ == "VERB" and (_describes(link, frames) or _is_modifier(link)):
            return True
    return False


NOMINAL_DEPS = {"nmod", "obl", "obj", "iobj", "nsubj", "nsubj:pass", "appos"}


def _nominal_gerund(token: Token) -> bool:
    """A gerund standing where a noun stands, with no subject or object of its own, names an
    activity, not an act by anyone: "reports of renewed fighting near X", "the shelling
    worried residents". As a noun it is an event only with both actors named (_read_noun)."""
    return (
        token.tag_ == "VBG"
        and token.dep_ in NOMINAL_DEPS
        and not any(
            c.dep_ in {"nsubj", "nsubj:pass", "obj", "iobj", "ccomp"} for c in token.children
        )
    )


QUOTES = {'"', "\u201c", "\u201d", "\u2018", "\u2019", "'", "``", "''"}


def _scare_quoted(token: Token) -> bool:
    """A word (or a two-word term) in quotation marks of its own: its writer does not vouch
    for it ("its 'peace plan' is a sham", "the so-called 'aid'"), so it reports no act."""
    doc, i = token.doc, token.i

    def quote(j: int) -> bool:
        return 0 <= j < len(doc) and doc[j].text in QUOTES

    return (
        quote(i - 1)
        and quote(i + 1)
        or quote(i - 2)
        and quote(i + 1)
        and doc[i - 1].pos_ in {"NOUN", "ADJ", "PROPN"}
        or quote(i - 1)
        and quote(i + 2)
        and doc[i + 1].pos_ == "NOUN"
    )


def _is_question(sent: Span) -> bool:
    """A sentence that asks rather than states."""
    return sent.text.strip().rstrip("\"'\u201d\u2019)]").rstrip().endswith("?")


CITATION = re.compile(r"(\s*\[[^\]]{1,30}\])+$")  # "[2]", "[citation needed]"
TERMINAL = (".", "!", "?", ":", ";", '"', "'", "\u201d", "\u2019", ")", "]", "\u2026")


FORMAT_MARKS = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"


def _is_heading(sent: Span) -> bool:
    """A line of its own with no closing punctuation in a longer text: a headline, a caption,
    a footer ("Minister welcomes the agreement" above the story that reports it). A text of
    one line is coded whatever its punctuation."""
    # invisible format marks ("\u200e", a left-to-right mark a web page left) end no line
    text = CITATION.sub("", sent.text.strip(FORMAT_MARKS + string.whitespace))
    doc = sent.doc
    raw = sent.text
    # the whitespace after the sentence, read from its tokens (never from ``doc.text``, which
    # spaCy rebuilds on every access: once per sentence made long documents quadratic)
    after = raw[len(raw.rstrip()) :]
    if sent.end < len(doc) and doc[sent.end].is_space:
        after += doc[sent.end].text
    return (
        bool(text)
        and not text.endswith(TERMINAL)
        and ("\n" in after or sent.end == len(doc))
        and (
            any(not t.is_space for t in doc[: sent.start])
            or any(not t.is_space for t in doc[sent.end :])
        )
    )


def _conditional(token: Token) -> bool:
    """Whether a clause carries a condition of its own ("... if the talks fail")."""
    return any(
        c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children)
        for c in token.children
    )


SELF_PAIR_PREFIXES = ("IGO", "NGO", "IMG", "MNC")


def _self_pair(source: ActorMention | None, target: ActorMention | None) -> bool:
    """Whether a state or an organisation is said to act on itself: two mentions with the
    same bare country code or the same organisation code ("the Council urged all parties"
    read as the UN urging the UN) are a misread pair, never a record. Two people of one
    government (USAGOV and USAGOV: a president sacking a minister) stay a domestic event."""
    if source is None or target is None or not source.code or source.code != target.code:
        return False
    return len(source.code) == 3 or source.code.startswith(SELF_PAIR_PREFIXES)


VIOLENT_ROOTS = {"18", "19", "20"}
_FORCE_ROOTS = {"13", "15", "17", "18", "19", "20"}  # threats, force posture, coercion, force
_FUTURE_AUX = {"will", "would", "'ll", "shall"}


# violence told by two passive participles is one act ("was bombed and killed by X")
ONE_ASSAULT_ROOTS = {"18", "19", "20"}


def _second_of_one_assault(reading: _Reading, readings: list[_Reading]) -> bool:
    """Whether ``reading`` is the second participle of one violent act told in the passive
    ("was bombed and killed by X": one event, at the first verb, when that has a source)."""
    verb = reading.trigger
    if not shares_passive(verb) or (reading.code or "")[:2] not in ONE_ASSAULT_ROOTS:
        return False
    return any(
        other.trigger.i == verb.head.i
        and other.sources
        and (other.code or "")[:2] in ONE_ASSAULT_ROOTS
        for other in readings
    )


def _merge_adjuncts(readings: list[_Reading]) -> list[_Reading]:
    """A violent participle adjunct reports the outcome of the act it hangs on, not a second
    act: "gunmen attacked the checkpoint, killing four officers" is one attack, on the
    officers' side when the attack names no other target."""
    by_trigger = {r.trigger.i: r for r in readings}
    dropped: set[int] = set()
    for reading in readings:
        verb = reading.trigger
        head = by_trigger.get(verb.head.i)
        if (
            verb.tag_ == "VBG"
            and verb.dep_ == "advcl"
            and head is not None
            and head is not reading
            and id(head) not in dropped
            and reading.code[:2] in VIOLENT_ROOTS
            and head.code[:2] in VIOLENT_ROOTS
            and not any(c.dep_ in {"nsubj", "nsubj:pass"} for c in verb.children)
        ):
            if not head.targets:
                head.targets = list(reading.targets)
            dropped.add(id(reading))
    return [r for r in readings if id(r) not in dropped]


def _firm_pair(source: ActorMention | None, target: ActorMention | None) -> bool:
    """Both actors coded from a name or a title in the dictionaries (a country, an
    organisation, a person in office), not from context or a pronoun."""
    return _firm(source) and _firm(target)


def _firm(mention: ActorMention | None) -> bool:
    """An actor coded from a name or a title in the dictionaries, not from context or a
    pronoun."""
    return (
        mention is not None
        and bool(mention.code)
        and not (mention.code or "").startswith("---")
        and mention.entity_type != "PRON"
        and (mention.rule or "").split(":", 1)[0] not in {"dominant", "countryless", "namesake"}
    )


REACTION_ROOTS = {"10", "11", "12"}  # demands, disapproval, rejection
REACTION_REACH = 2  # sentences back to the act reacted to
DEFINITE = {"the", "this", "that", "these", "those"}


AIM_PREPS = {"at", "on", "toward", "towards", "against", "into"}
FIRING_VERBS = {"launch", "fire", "shoot", "lob", "drop", "hurl", "throw", "unleash", "rain"}


@lru_cache(maxsize=1)
def _projectiles() -> frozenset[str]:
    """What a verb of firing fires (``projectiles.txt``)."""
    return read_words(data_dir() / "projectiles.txt")


def _projectile(token: Token, depth: int = 0) -> bool:
    """What is fired: a projectile ("missiles"), or an amount of projectiles ("dozens of
    rockets", "dozens of rounds of artillery", "two salvoes of shells")."""
    if token.lemma_.lower() in _projectiles() or singular(token.lower_) in _projectiles():
        return True
    if depth > 1 or not (token.like_num or token.lower_ in _amount_words()):
        return False
    return any(
        c.dep_ == "nmod" and any(g.lower_ == "of" for g in c.children) and _projectile(c, depth + 1)
        for c in token.children
    )


def _fired_chain(token: Token) -> list[Token]:
    """What is fired and the projectiles of its amount ("dozens", "rounds", "artillery" of
    "dozens of rounds of artillery"), where the parse may hang the aim ("... into X")."""
    out = [token]
    for child in token.children:
        if child.dep_ == "nmod" and _projectile(child, 1) and child.i > token.i:
            out += _fired_chain(child)
    return out


@lru_cache(maxsize=1)
def _amount_words() -> frozenset[str]:
    """One-word vague amounts ("dozens", "hundreds", "scores": the claims stage's list)."""
    from eventcoder.claims.lexicon import load_vague_amounts

    return frozenset(phrase for phrase in load_vague_amounts() if " " not in phrase)


def _particle(verb: Token, word: str) -> bool:
    """Whether a verb comes with a particle ("shot down")."""
    return any(c.dep_ == "compound:prt" and c.lower_ == word for c in verb.children)


@lru_cache(maxsize=1)
def _reaction_verbs() -> frozenset[str]:
    """Verbs whose object names an act they react to (``reaction_verbs.txt``)."""
    return read_words(data_dir() / "reaction_verbs.txt")


@lru_cache(maxsize=1)
def _act_anaphors() -> frozenset[str]:
    return read_words(data_dir() / "act_anaphors.txt")


def _reaction_targets(doc: Doc, candidates: list[EventCandidate]) -> list[EventCandidate]:
    """A reaction aimed at an act just reported: "China lodged a protest ... Manila rejected
    the protest", "Mali suspended two channels ... Paris regretted the decision". A demand,
    disapproval or rejection with no target whose object is a definite act noun (``the
    move``, ``the decision``: ``act_anaphors.txt``) is aimed at the source of the latest
    event before it, up to two sentences back, by another actor."""
    words = _act_anaphors()
    out: list[EventCandidate] = []
    for index, event in enumerate(candidates):
        trigger = doc[event.trigger]
        objects = [c for c in trigger.children if c.dep_ == "obj"]
        if (
            event.target is None
            and event.source is not None
            and event.cameo[:2] in REACTION_ROOTS
            and objects
            and objects[0].lemma_.lower() in words
            and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in objects[0].children)
        ):
            prior = [
                p
                for p in candidates[:index]
                if p.source is not None
                and p.source.code
                and _key(p.source) != _key(event.source)
                and p.trigger < event.trigger
                and event.sentence - p.sentence <= REACTION_REACH
            ]
            if prior:
                target = prior[-1].source
                features = event_features(
                    trigger,
                    event.pattern,
                    event.cameo,
                    event.source,
                    target,
                    event.modality,
                    event.negated,
                    event.reported_by is not None,
                )
                event = dataclasses.replace(event, target=target, features=features)
        out.append(event)
    return out


def _accusing(folder: Path) -> frozenset[str]:
    """Speech verbs that accuse whoever the act they report is by (``accusations.tsv``)."""
    return frozenset(cols[0] for _, cols in read_rows(folder / "accusations.tsv", 1))


def _weak_blocks(folder: Path) -> frozenset[str]:
    """Verb blocks whose bare default code is not trusted (``weak_verbs.tsv``)."""
    return frozenset(cols[0] for _, cols in read_rows(folder / "weak_verbs.tsv", 1))


def _describes(token: Token, frames: FrameTable) -> bool:
    """A verb that describes rather than reports: a participle or present-tense relative
    clause on a noun ("a decree that targets firms", "troops stationed there"), a purpose
    clause ("flew to Lima to discuss trade"), an infinitive that is the subject of a judgement
    ("it is time to ..."), a reason or a description ("for calling", "as defined by")."""
    if (
        token.dep_ == "acl"
        and token.tag_ in {"VBG", "VBN", "VB"}
        and not _misread_strike(token)
        and not (
            any(c.dep_ == "nsubj" for c in token.children)
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children)
        )
    ):  # a noun's "that" clause with its own subject says what ("reports that X killed Y")
        # "a statement calling X an accomplice" reports what the statement does
        return not (token.tag_ == "VBG" and token.head.lemma_.lower() in STATEMENT_NOUNS)
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if (
        token.i > token.sent.start
        and token.text[:1].isupper()
        and nxt is not None
        and nxt.text[:1].isupper()
    ):
        return True  # a word of a name read as a verb ("the United Arab Emirates")
    if token.dep_ in {"acl:relcl", "relcl"} and token.tag_ in {"VBZ", "VBP", "VBG"}:
        return True
    if token.dep_ == "acl" and token.tag_ in {"VBZ", "VBP"} and is_relative_clause(token):
        return True  # a present-tense relative clause: "militias that control the roads"
    marks = {c.lower_ for c in token.children if c.dep_ == "mark" and c.i < token.i}
    if token.dep_ == "csubj" and "to" in marks:
        return True  # "it is time to recognize X", "it would be wrong to attack Y"
    if token.dep_ == "advcl" and (
        "for" in marks
        and token.tag_ == "VBG"  # a reason: "criticised X for calling Y a traitor"
        or "as" in marks
        and token.tag_ == "VBN"  # a description: "as defined by the UN"
        or "of" in marks
        and token.tag_ == "VBG"  # what is alleged: "accused X of sheltering Y", "suspected of"
        and _alleged(token)
    ):
        return True
    return (
        token.dep_ == "advcl"
        and frames.frame_of(token.head) is None  # "agreed to X", however parsed, is no purpose
        and "to" in marks
    )


COMMON_SUBJECTS = {"NOUN", "PRON", "NUM"}  # "the report said": a subject that names no actor
STATEMENT_NOUNS = {
    "statement",
    "declaration",
    "resolution",
    "letter",
    "communique",
    "message",
}
COMMITMENT_WORDS = {"committed", "commitment", "commitments", "determined", "dedicated"}
# restating a position ("reiterated its support for X", "underlined the UK's commitment to
# Y") states a standing policy, not an act (docs/codebook.md)
RESTATING_VERBS = {
    "reiterate",
    "reaffirm",
    "restate",
    "underline",
    "underscore",
    "stress",
    "emphasise",
    "emphasize",
}
POSITION_NOUNS = {
    "support",
    "commitment",
    "solidarity",
    "backing",
    "position",
    "stance",
    # "reaffirmed its rejection of all forms of violence", "... the country's policy of"
    "rejection",
    "opposition",
    "policy",
    "principle",
    "readiness",
    "determination",
}
# a match result: a result verb and a score in the sentence ("defeated Panama 3-0")
RESULT_VERBS = {"defeat", "beat", "lose", "draw", "win", "thrash", "edge"}
SCORE = re.compile(r"\b\d{1,2}\s*[-\u2013]\s*\d{1,2}\b")


def _restates_position(trigger: Token) -> bool:
    """A verb of restating whose object is a position ("reaffirms its full support")."""
    word = trigger.lower_
    # by stem as well: the lemmatizer may leave "reiterated" as "reiterat"
    restates = trigger.lemma_.lower() in RESTATING_VERBS or any(
        word.startswith(verb.removesuffix("e")) for verb in RESTATING_VERBS
    )
    return restates and any(
        c.dep_ == "obj" and c.lemma_.lower() in POSITION_NOUNS for c in trigger.children
    )


STRIKE_NOUNS = {"strike", "airstrike", "air strike"}
SUMMING_VERBS = {"mean", "bring", "include", "represent", "total", "comprise", "constitute"}
ARMED_GROUP_SECTORS = {"REB", "IMG"}


AIR_STRIKE = "195"
_STRUCK_SENTENCES = 3


def _struck_group(
    verb: Token, sources: list[ActorMention], index: ActorIndex
) -> list[ActorMention]:
    """The armed group an air strike with no target named is aimed at, as in strike
    reports: the latest militant group (IMG) named in the last few sentences, else the
    latest armed group, never the striker."""
    sents = list(verb.doc.sents)
    here = next(n for n, s in enumerate(sents) if s.start <= verb.i < s.end)
    oldest = sents[max(0, here - _STRUCK_SENTENCES)].start

    def near(m: ActorMention) -> bool:
        return m.start >= oldest and not any(_same_actor(m, s) for s in sources)

    group = index.latest(
        verb.i, lambda m: near(m) and (m.code or "").startswith("IMG")
    ) or index.latest(verb.i, lambda m: near(m) and (m.sector or "") in ARMED_GROUP_SECTORS)
    return [group] if group is not None else []


def _misread_strike(verb: Token) -> bool:
    """ "Five strikes destroyed eight jacks" parsed as a participle on "strikes": a past
    participle with a direct object of its own is the strikes' verb (a passive participle
    takes none)."""
    head = verb.head
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and head.pos_ == "NOUN"
        and head.lemma_.lower() in STRIKE_NOUNS
        and any(c.dep_ == "obj" for c in verb.children)
    )


def _strike_reading(
    verb: Token, subjects: list[Token], objects: list[Token], index: ActorIndex, frames: FrameTable
) -> _Reading | None:
    """A strike report: "Near X, two strikes destroyed a tank" is an air strike (195) by
    the force that conducts the strikes in this document, on the armed group it strikes
    (the group named in the object, else the latest named in the document)."""
    if verb.lemma_.lower() in SUMMING_VERBS or not (
        any(
            t.lemma_.lower() in STRIKE_NOUNS and t.pos_ == "NOUN" and t.head.i == verb.i
            for t in subjects
        )
        or _misread_strike(verb)
    ):
        # a strike report tells what strikes did, not what a strike is or what they add up
        # to ("a strike means ...", "the strikes bring the total to 900")
        return None
    sent_start = verb.sent.start
    source = index.latest(sent_start, lambda m: (m.code or "").startswith("IGOCOA"))
    if source is None:
        return None
    targets = [m for m in index.for_heads(objects) if (m.sector or "") in ARMED_GROUP_SECTORS] or [
        m
        for m in [index.latest(verb.i, lambda m: (m.sector or "") in ARMED_GROUP_SECTORS)]
        if m is not None
    ]
    context = read_context(verb, frames)
    return _Reading(verb, "195", None, "strike_report", [source], targets, context, True)


# coercion and violence: a verb of these roots with no object of its own shares the object
# of the verb coordinated right after it ("arrested and charged X", "kidnapped and killed X");
# other verbs do not ("arrived and met X" is one meeting)
SHARED_OBJECT_ROOTS = {"17", "18", "19", "20"}

# verbal acts (demands, disapproval, rejection, threats): a denier's own acts when coordinated
# with what it denies
VERBAL_ROOTS = {"10", "11", "12", "13"}
MOBILIZE = "154"  # forces deployed or mobilised make the move themselves

# acts that are events with no one they are aimed at: statements, demands, disapproval,
# rejection, protest and force posture ("the ministry condemned the bombing", "thousands
# rallied", "the army raised its alert"); any other act (help, talks, aid, coercion, an
# attack) is an event only towards an actor the sentence names
ONE_SIDED_ROOTS = {"01", "10", "11", "12", "14", "15"}

# coercion and violence: what they hit belongs to the target ("shelled Ukrainian positions",
# "struck ISIL targets"), so a target named as an owner stands
MATERIAL_CONFLICT_ROOTS = {"17", "18", "19", "20"}

CONSULT_ROOT = "04"  # consultations: the reverse event only for several subjects

# acts that several subjects with no target named do to each other: intent, consultation,
# diplomatic and material co-operation, reduced relations, fighting ("A and B met", "A and B
# cut ties", "A and B clashed"); "A and B criticised the plan" is no act between A and B
MUTUAL_ROOTS = {"03", "04", "05", "06", "16", "19"}


# acts of those roots that one side does for or to a third party: "Egypt and Qatar will host
# talks" or "mediated" are not acts of Egypt and Qatar on each other
ONE_WAY_CODES = {"042", "043", "045"}
ONE_WAY_VERBS = {"host", "mediate", "broker", "facilitate", "visit"}


def _mutual(reading: _Reading) -> bool:
    """Whether the subjects of an event with no target act on each other."""
    return (
        reading.code[:2] in MUTUAL_ROOTS
        and reading.code[:3] not in ONE_WAY_CODES
        and reading.trigger.lemma_.lower() not in ONE_WAY_VERBS
    )


PERSONAL_PRONOUNS = {"he", "him", "she", "her", "they", "them", "we", "us"}
PLACE_ENTITIES = {"GPE", "LOC", "FAC"}  # where the parse names places


@lru_cache(maxsize=1)
def _unnamed_parties() -> dict[str, frozenset[str]]:
    """Words of ``unnamed_parties.tsv`` by class (person, pact, place)."""
    found = read_word_classes(data_dir() / "unnamed_parties.tsv")
    return {c: found.get(c, frozenset()) for c in ("person", "pact", "place")}


ANTI_PRO = {"anti", "pro"}


@lru_cache(maxsize=1)
def _agent_heads() -> frozenset[str]:
    """Nouns that name people or groups: head words of the sector phrases of the actor
    dictionaries ("militia", "mayor", "frigate"), person nouns, organisation heads of names
    and ``group_nouns.tsv`` ("forum", "network")."""
    folder = data_dir().parent / "actors"
    words = {
        _phrase_head(cols[0].lower().split())
        for name in ("agents.tsv", "agents_hand.tsv")
        for _, cols in read_rows(folder / name, 2)
        if cols[0].strip()
    }
    words.update(
        w for _, cols in read_rows(folder / "person_nouns.tsv", 2) for w in cols[1].lower().split()
    )
    heads = read_word_classes(folder.parent / "entities" / "heads.tsv")
    words.update(w.lower() for w in heads.get("org", frozenset()))
    words.update(read_word_classes(data_dir() / "group_nouns.tsv").get("group", frozenset()))
    return frozenset(words)


PHRASE_PREPS = {"of", "for", "in", "on", "at", "to", "with", "from"}


def _phrase_head(words: list[str]) -> str:
    """The head word of a noun phrase: "minister for economy" -> "minister"."""
    cut = next((i for i, w in enumerate(words) if i and w in PHRASE_PREPS), len(words))
    return words[cut - 1]


def _unnamed_target(frame: VerbFrame, index: ActorIndex) -> bool:
    """Whether the act has a named party that is no coded actor: a place it happens in, goes
    to or takes ("suspended aid deliveries in Baghdad", "took the town of Alba"), a person as
    its object ("he was captured", "arresting 12"), or a pact, which has another party
    ("approved the treaty")."""
    parties = _unnamed_parties()
    people = parties["person"] | parties["pact"]
    places = parties["place"]
    if any(
        not index.inside(t)
        and (t.lower_ in PERSONAL_PRONOUNS or t.pos_ == "NUM" or t.lemma_.lower() in people)
        or t.lemma_.lower() in places
        or t.ent_type_ in PLACE_ENTITIES
        or any(c.lemma_.lower() in places for c in t.children if c.dep_ == "nmod")
        for t in frame.objects  # (of a passive verb: its grammatical subject)
    ):
        return True
    return any(
        p in PLACE_PREPS | {"to"}
        and any(m.entity_type == "GPE" or len(m.code or "") == 3 for m in index.for_heads([h]))
        for p, h in frame.preps
    )


def _is_place(doc: Doc, mention: ActorMention) -> bool:
    """A named place where something happens ("in Geneva", "near Raqqa"), not an actor."""
    head = doc[mention.head]
    if head.dep_ == "conj":  # "in Syria and Iraq"
        head = head.head
    return (mention.entity_type == "GPE" or len(mention.code or "") == 3) and any(
        c.dep_ == "case" and c.lower_ in PLACE_PREPS for c in head.children
    )


def _place_phrase(doc: Doc, mention: ActorMention) -> bool:
    """A named place or a settlement or area noun after a preposition of place ("near the
    town of X", however its name is tagged): where the act happens, never its target. (A
    source is left to the stand-in rules: PLOVER's gold, after PETRARCH, codes "a bombing
    near the town of X killed ..." from the town.)"""
    head = doc[mention.head]
    if head.dep_ == "conj":
        head = head.head
    return (
        _is_place(doc, mention)
        or head.lemma_.lower() in _place_nouns()
        and any(c.dep_ == "case" and c.lower_ in PLACE_PREPS for c in head.children)
    )


def _alleged(token: Token) -> bool:
    """Whether an "of"-gerund hangs on a word of alleging, or on its object as the parse
    may have it ("accused each other of violating")."""
    head = token.head
    if head.dep_ in {"obj", "nsubj:pass"} and head.lemma_.lower() not in _allegation_heads():
        head = head.head
    return head.lemma_.lower() in _allegation_heads()


@lru_cache(maxsize=1)
def _allegation_heads() -> frozenset[str]:
    """Words whose "of"-gerund is what is alleged (``data/events/allegation_heads.txt``)."""
    return read_words(data_dir() / "allegation_heads.txt")


@lru_cache(maxsize=1)
def _place_nouns() -> frozenset[str]:
    """Nouns of a settlement or an area (``data/events/place_nouns.txt``)."""
    return read_words(data_dir() / "place_nouns.txt")


INCLUDING = {"including", "among", "notably", "especially"}


def _included(doc: Doc, mention: ActorMention) -> bool:
    """Whether a mention names members of a group just named ("18 prisoners, including two
    lawmakers", "among them", "such as"): the same party, not a second one."""
    first = doc[mention.start]
    if first.lower_ in INCLUDING:
        return True
    before = [t for t in doc[max(first.sent.start, mention.start - 3) : mention.start]]
    words = [t.lower_ for t in before if not t.is_punct]
    return bool(words) and (
        words[-1] in INCLUDING or words[-2:] == ["such", "as"] or words[-2:] == ["among", "them"]
    )


def _compared(doc: Doc, mention: ActorMention) -> bool:
    """Whether a mention is what something is compared with ("more aid than Washington"):
    no party to the act."""
    return any(c.dep_ == "case" and c.lower_ == "than" for c in doc[mention.head].children)


def _in_place_phrase(doc: Doc, mention: ActorMention) -> bool:
    """Whether a common-noun mention is the object of a preposition of place ("celebrated
    in the capital", "will be charged in court"): an institution standing for where the act
    happens, so the nearest-actor fallback never takes it as a side (a phrase of the verb's
    own is never one either). Names keep PETRARCH's fallback here."""
    head = doc[mention.head]
    if head.dep_ == "conj":
        head = head.head
    if mention.entity_type is not None:
        return False
    return any(c.dep_ == "case" and c.lower_ in PLACE_PREPS for c in head.children)


def _coded_once(candidates: list[EventCandidate]) -> list[EventCandidate]:
    """Events a coder can use: a coded source (a country, an organisation or ``---`` and a
    sector), each record once (compound and reciprocal actors expand once per pair)."""
    out: list[EventCandidate] = []
    seen: set[tuple] = set()
    coded_target = {
        (c.sentence, c.trigger, c.source.code, c.cameo)
        for c in candidates
        if c.source is not None and c.target is not None and c.target.code
    }
    for c in candidates:
        if c.source is None or not c.source.code:
            continue
        if (
            c.target is not None
            and not c.target.code
            and (c.sentence, c.trigger, c.source.code, c.cameo) in coded_target
        ):
            continue  # "met the minister, Ann Smith": the apposition is the same target
        # one act of a kind per trigger and pair: "urged X to stay calm and respect the vote"
        # is one appeal, not one per verb it governs
        key = (
            c.sentence,
            c.trigger,
            c.source.code,
            c.target.code if c.target else None,
            c.cameo[:2],
        )
        if key in seen:
            continue
        seen.add(key)
        out.append(c)
    return out


OWN_WORDS = {"its", "their", "our", "his", "her", "my", "itself", "themselves", "ourselves"}


def _oneself(a: ActorMention, b: ActorMention) -> bool:
    """Whether two mentions are one actor: the same words, or one coded alike through a
    word that points back ("the council urged ... their supporters" read as the council's
    own). Two groups that merely share a code ("villagers" and "residents") are two."""
    if a is b or a.text.lower() == b.text.lower():
        return True
    return (
        a.code is not None
        and a.code == b.code
        and any(m.text.split()[0].lower() in OWN_WORDS | PERSONAL_PRONOUNS for m in (a, b))
    )


def _key(mention: ActorMention | None) -> str | None:
    return None if mention is None else (mention.code or mention.text.lower())


def _same_actor(a: ActorMention, b: ActorMention) -> bool:
    return a is b or (a.code is not None and a.code == b.code) or a.text.lower() == b.text.lower()


def load_verb_file(path: Path) -> PatternSet:
    """A verb file in our format, or a PETRARCH verb dictionary (converted on the fly)."""
    from eventcoder.events.petrarch_verbs import convert_petrarch_verbs

    text = path.read_text(encoding="utf-8", errors="replace")
    if any(line.startswith(("pattern\t", "verb\t")) for line in text.splitlines()[:200]):
        return load_patterns(path)
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "verbs.txt"
        convert_petrarch_verbs(path, target, adjacency=True)
        return load_patterns(target)


def _relative_heads(objects: list[Token]) -> list[Token]:
    """Nominal dependents of participial clauses on the objects or their modifiers, in text
    order ("the roads leading into X", "memos sent by X", "assurances on trade sent by X")."""
    nouns = [*objects, *(c for o in objects for c in o.children if c.dep_ == "nmod" and c.i > o.i)]
    heads = [
        g
        for o in nouns
        for c in o.children
        if c.dep_ == "acl" and c.tag_ in {"VBG", "VBN"}
        for g in c.children
        if g.dep_ in {"obl", "obj"}
    ]
    return sorted(heads, key=lambda t: t.i)


# CAMEO 202 "engage in mass killings": a killing verb whose object counts at least this many
# people ("killed 70 members of the tribe", "massacred hundreds"); fewer stay 18x/19x
MASS_KILLING = "202"
MASS_KILLING_COUNT = 25
KILLING_LEMMAS = {"kill", "massacre", "slaughter", "execute", "murder"}
MANY_WORDS = {"dozens", "scores", "hundreds", "thousands"}


def _mass_killing(verb: Token, objects: list[Token]) -> bool:
    """Whether a killing verb's object counts enough people to be a mass killing."""
    if verb.lemma_.lower() not in KILLING_LEMMAS:
        return False
    for obj in objects:
        if obj.lower_ in MANY_WORDS:
            return True
        for child in obj.children:
            if child.dep_ == "nummod" and child.like_num:
                digits = child.text.replace(",", "")
                if digits.isdigit() and int(digits) >= MASS_KILLING_COUNT:
                    return True
    return False


HOLDING_LEMMAS = {"hold", "control", "occupy", "seize", "capture", "dominate"}


def _taken_from(prep: str, preps: list[tuple[str, Token]], objects: list[Token]) -> list[Token]:
    """The phrases of ``prep`` on the verb or its objects, else anywhere in the objects
    ("the town of X from Y", however the parse hangs "from Y")."""
    found = [h for p, h in preps if p == prep]
    if found:
        return found
    return [
        token
        for obj in objects
        for token in obj.subtree
        if token.dep_ in {"nmod", "obl"}
        and prep in {c.lower_ for c in token.children if c.dep_ == "case"}
    ]


@lru_cache(maxsize=1)
def _objective_verbs() -> frozenset[str]:
    """Verbs of an objective taken from its holder (``objective_verbs.txt``)."""
    return read_words(data_dir() / "objective_verbs.txt")


def _holders(objects: list[Token]) -> list[Token]:
    """Who holds what the objects name: "rebel-held villages", "territory controlled by X"."""
    out: list[Token] = []
    for obj in objects:
        for token in obj.subtree:
            if token.lemma_.lower() not in HOLDING_LEMMAS or token.tag_ != "VBN":
                continue
            for child in token.children:
                case = {c.lower_ for c in child.children if c.dep_ == "case"}
                if child.dep_ in {"compound", "npadvmod", "obl:npmod", "nsubj"} or (
                    child.dep_ == "obl" and "by" in case
                ):
                    out.append(child)
    return out


def _phrases_below(participle: Token) -> list[Token]:
    """Prepositional phrases of a participle and of its objects and their phrases, not
    entering clauses ("using aircraft against X": "against X" hangs on "aircraft")."""
    out: list[Token] = []
    todo = [c for c in participle.children if c.dep_ in {"obj", "obl"}]
    for clause in participle.children:  # "strikes coordinated with X using aircraft against Y"
        if clause.dep_ == "advcl" and clause.tag_ in {"VBG", "VBN"}:
            todo.extend(c for c in clause.children if c.dep_ in {"obj", "obl"})
    while todo:
        current = todo.pop(0)
        if current.dep_ in {"obl", "nmod"}:
            out.append(current)
        for child in current.children:
            if child.dep_ in {"obl", "nmod"} or child.dep_ == "conj" and child.pos_ == "NOUN":
                todo.append(child)
            elif child.dep_ == "acl" and child.tag_ in {"VBG", "VBN"}:
                # "in support of X using aircraft against Y": the parse hangs one participle
                # on the other's phrase
                todo.extend(c for c in child.children if c.dep_ in {"obj", "obl"})
    return out


def _copular(token: Token) -> bool:
    """A copular predicate ("is about to restore"): its subject may be lost in the parse."""
    return any(c.dep_ == "cop" for c in token.children)
