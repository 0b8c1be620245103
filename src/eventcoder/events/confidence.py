"""A confidence (0..1) on every event: how likely a careful coder would record it as coded.

The model is a calibrated logistic regression over binary features the event stage already
knows when it codes an event (:func:`event_features`). They describe *how* the event was
found, never *which words* it was found in, so that they carry over to text nobody trained on:

- the pattern: its family (a verb pattern, a verb's bare default, a light verb with an event
  noun, an event noun, a control frame, a strike report), how many words it asks for, and
  whether it comes from our own curated verb file or from PETRARCH's converted dictionary;
- the trigger: its part of speech, tag and dependency relation, the clause it stands in
  (main, coordinated, complement, relative, participial, infinitival, conditional, question,
  nominal), passive voice, a modal auxiliary, quotation marks around it;
- reported speech, modality and negation;
- each actor: how sure its code is (a dictionary name or title, a country inferred from
  context, a pronoun, ``---`` with a sector, none), what kind of code (state, state sector,
  organisation), its entity type, where it stands (a direct dependent, deeper below the
  trigger, elsewhere in the sentence) and how far from the trigger;
- the pair: both actors coded with a country, the same country on both sides;
- the sentence length, the CAMEO root, the quad class and how deep the code is.

It is trained on the dev split of the real-news gold (``scripts/train_confidence.py``,
scikit-learn, cross-validated by document, Platt-calibrated) and shipped as plain JSON weights
(``data/events/confidence.json``), so scoring needs no library and loads no pickle.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from eventcoder.actors.mention import ActorMention
from eventcoder.errors import Errors, ModelError
from eventcoder.events.ontology import data_dir, quad_class
from eventcoder.nlp.datelines import dateline_length

__all__ = [
    "ConfidenceModel",
    "default_model",
    "event_features",
    "pattern_origin",
    "precision_threshold",
]

MODEL_FILE = "confidence.json"
OWN_VERBS = "own_verbs.txt"
PETRARCH_VERBS = "cameo_verbs.txt"

# closed-class grammar words (not vocabulary): what opens a conditional clause, what quotes
QUOTES = {'"', "“", "”", "‘", "’", "'", "«", "»"}
CONDITIONAL_MARKS = {"if", "unless"}
# how an actor was found, from the first part of its ``rule`` (see eventcoder.actors)
INFERRED_RULES = {"dominant", "context", "place", "attached", "namesake", "countryless"}


@dataclass(frozen=True)
class _PatternInfo:
    """What the pattern files say about one pattern id: who wrote it, how many words."""

    own_ids: frozenset[str]
    own_verbs: frozenset[tuple[str, str]]  # (block, lemma) of the verb rows of our own file
    size: dict[str, int]


@lru_cache(maxsize=1)
def _pattern_info() -> _PatternInfo:
    own_ids: set[str] = set()
    own_verbs: set[tuple[str, str]] = set()
    size: dict[str, int] = {}
    for name in (PETRARCH_VERBS, OWN_VERBS):
        path = data_dir() / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if cols[0] == "pattern" and len(cols) >= 4:
                words = sum(len(c.split("=", 1)[-1].split()) for c in cols[4:7])
                size[cols[1]] = words
                if name == OWN_VERBS:
                    own_ids.add(cols[1])
            elif cols[0] == "verb" and len(cols) >= 3 and name == OWN_VERBS:
                own_verbs.add((cols[1], cols[2].lower()))
    return _PatternInfo(frozenset(own_ids), frozenset(own_verbs), size)


def pattern_origin(pattern_id: str, lemma: str = "") -> str:
    """Where the code of a verb pattern id comes from: ``own`` (our curated verb file) or
    ``petrarch`` (the converted CAMEO dictionary)."""
    info = _pattern_info()
    if pattern_id.endswith(".verb"):
        block = pattern_id.removesuffix(".verb")
        own = block.startswith("EC_") or (block, lemma.lower()) in info.own_verbs
        return "own" if own else "petrarch"
    return "own" if pattern_id in info.own_ids or pattern_id.startswith("EC_") else "petrarch"


def _pattern_features(pattern: str, lemma: str) -> list[str]:
    """Family, frame, origin and specificity of the pattern that coded the event."""
    if pattern.startswith("light:"):
        return ["family=light", "origin=noun"]
    frame = ""
    last = pattern
    if "+" in pattern:
        frame, _, last = pattern.partition("+")
    out = [f"frame={frame or 'none'}"]
    if last == "strike_report":
        return [*out, "family=strike_report", "origin=rule"]
    if last.startswith("N."):
        return [*out, "family=noun", "origin=noun"]
    if last.endswith(".verb"):
        return [*out, "family=verb_default", f"origin={pattern_origin(last, lemma)}"]
    if "." in last:
        words = _pattern_info().size.get(last, 0)
        return [
            *out,
            "family=verb_pattern",
            f"origin={pattern_origin(last, lemma)}",
            f"pattern_words={min(words, 3)}",
        ]
    return [*out, "family=frame_only"]  # an uncoded verb under a control frame


def _clause(trigger: Token) -> str:
    """The kind of clause the trigger stands in."""
    token = trigger
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head  # a coordinated verb stands where its first conjunct stands
    dep = token.dep_
    if trigger.pos_ in {"NOUN", "PROPN"}:
        return "nominal"
    if dep in {"acl:relcl", "relcl"}:
        return "relative"
    if dep == "acl" or (dep == "advcl" and token.tag_ in {"VBG", "VBN"}):
        return "participial"
    if dep == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in token.children
    ):
        return "conditional"
    if dep == "xcomp" or any(c.dep_ == "mark" and c.lower_ == "to" for c in token.children):
        return "infinitival"
    if dep in {"ccomp", "csubj"}:
        return "complement"
    if dep == "advcl":
        return "adverbial"
    if dep in {"ROOT", "parataxis"}:
        return "coordinated" if token is not trigger else "main"
    return "other"


def _conditional(trigger: Token) -> bool:
    """Whether the trigger stands under "if"/"unless" (itself or a clause above it)."""
    for token in (trigger, *trigger.ancestors):
        if token.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in token.children
        ):
            return True
    return False


def _quoted(trigger: Token) -> bool:
    """Whether an odd number of quotation marks stands before the trigger in its sentence."""
    marks = sum(1 for t in trigger.doc[trigger.sent.start : trigger.i] if t.text in QUOTES)
    return marks % 2 == 1


def _certainty(mention: ActorMention | None) -> str:
    """How sure the actor's code is: a dictionary entry, a code inferred from context, a
    pronoun's antecedent, ``---`` with a sector, no code, no actor."""
    if mention is None:
        return "absent"
    code = mention.code or ""
    if not code:
        return "uncoded"
    rule = (mention.rule or "").split(":", 1)[0].split("+", 1)[0]
    if mention.entity_type == "PRON" or mention.antecedent is not None or rule == "pronoun":
        return "pronoun"
    if code.startswith("---"):
        return "countryless"
    if rule in INFERRED_RULES:
        return "inferred"
    return "dictionary"


def _kind(mention: ActorMention | None) -> str:
    code = (mention.code or "") if mention is not None else ""
    if not code or code.startswith("---"):
        return "none"
    if code.startswith(("IGO", "NGO", "IMG", "MNC")):
        return "organisation"
    return "state" if len(code) == 3 else "state_sector"


def _entity(mention: ActorMention | None) -> str:
    if mention is None:
        return "absent"
    kind = mention.entity_type or "none"
    return kind if kind in {"GPE", "ORG", "PERSON", "NORP", "PRON", "FAC", "LOC"} else "other"


def _position(trigger: Token, mention: ActorMention | None) -> str:
    """Where the actor's head stands from the trigger."""
    if mention is None:
        return "absent"
    head = trigger.doc[mention.head]
    if head.head.i == trigger.i and head.i != trigger.i:
        dep = head.dep_.split(":")[0]
        return f"child_{dep if dep in {'nsubj', 'obj', 'obl', 'nmod', 'iobj'} else 'other'}"
    if any(a.i == trigger.i for a in head.ancestors):
        return "below"
    if trigger.sent.start <= head.i < trigger.sent.end:
        return "sentence"
    return "elsewhere"


def _distance(trigger: Token, mention: ActorMention | None) -> str:
    if mention is None:
        return "absent"
    gap = abs(mention.head - trigger.i)
    for limit in (2, 5, 10, 20):
        if gap <= limit:
            return f"le{limit}"
    return "far"


def _length(trigger: Token) -> str:
    """The sentence's length without its dateline (a wire lead is no longer for it)."""
    sent = trigger.sent
    n = len(sent) - dateline_length(sent)
    for limit in (12, 25, 40, 60):
        if n <= limit:
            return f"le{limit}"
    return "long"


def _actor_features(
    role: str, trigger: Token, mention: ActorMention | None, by_rule: bool = False
) -> list[str]:
    """What one actor looks like; ``by_rule``: the event's own rule placed it (a strike
    report's force), so where it stands says nothing."""
    return [
        f"{role}_certainty={_certainty(mention)}",
        f"{role}_kind={_kind(mention)}",
        f"{role}_entity={_entity(mention)}",
        f"{role}_position={'rule' if by_rule else _position(trigger, mention)}",
        f"{role}_distance={'rule' if by_rule else _distance(trigger, mention)}",
    ]


def event_features(
    trigger: Token,
    pattern: str,
    cameo: str,
    source: ActorMention | None,
    target: ActorMention | None,
    modality: str,
    negated: bool,
    reported: bool,
) -> tuple[str, ...]:
    """The binary features of one coded event (names of the features that are on).

    No feature names a word of the text: they say how the event was found (see the module)."""
    source_country = source.country if source is not None else None
    target_country = target.country if target is not None else None
    children = list(trigger.children)
    passive = any(c.dep_ in {"nsubj:pass", "aux:pass"} for c in children)
    modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in children)
    question = any(t.text == "?" for t in trigger.sent)
    clause = "question" if question else _clause(trigger)
    out = [
        "bias",
        *_pattern_features(pattern, trigger.lemma_),
        f"trigger_pos={trigger.pos_}",
        f"trigger_tag={trigger.tag_ if trigger.tag_.startswith('VB') else trigger.pos_}",
        f"trigger_dep={trigger.dep_.split(':')[0]}",
        f"clause={clause}",
        f"conditional={_conditional(trigger)}",
        f"passive={passive}",
        f"modal_aux={modal}",
        f"quoted={_quoted(trigger)}",
        f"reported={reported}",
        f"modality={modality}",
        f"negated={negated}",
        *_actor_features("source", trigger, source, pattern == "strike_report"),
        *_actor_features("target", trigger, target),
        f"both_countries={bool(source_country and target_country)}",
        f"same_country={bool(source_country and source_country == target_country)}",
        f"sentence_length={_length(trigger)}",
        f"first_sentence={trigger.sent.start == 0}",
        f"root={cameo[:2]}",
        f"quad={quad_class(cameo) or 0}",
        f"code_depth={min(len(cameo), 4)}",
    ]
    return tuple(out)


@dataclass(frozen=True)
class ConfidenceModel:
    """Weights of the features; ``default_threshold`` is the precision-oriented default cut."""

    weights: dict[str, float]
    default_threshold: float = 0.0
    about: dict = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> ConfidenceModel:
        """Read the JSON weights written by ``scripts/train_confidence.py``."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            weights = {str(k): float(v) for k, v in data["weights"].items()}
            threshold = float(data.get("default_threshold", 0.0))
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ModelError(Errors.E809.format(path=path, detail=exc)) from exc
        return cls(weights, threshold, data.get("about", {}))

    def score(self, features: Iterable[str]) -> float:
        """The probability that the event is right (unknown features weigh nothing)."""
        z = sum(self.weights.get(name, 0.0) for name in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> str:
        """The file form (weights sorted by name, rounded: small and diff-friendly)."""
        return json.dumps(
            {
                "about": self.about,
                "default_threshold": round(self.default_threshold, 3),
                "weights": {k: round(v, 4) for k, v in sorted(self.weights.items())},
            },
            indent=1,
        )


def precision_threshold() -> float:
    """The shipped model's default threshold, chosen for precision (0 when no model is
    shipped): events below it are left out unless a caller asks for another floor."""
    model = default_model()
    return model.default_threshold if model is not None else 0.0


@lru_cache(maxsize=1)
def default_model() -> ConfidenceModel | None:
    """The shipped model, or None when none has been trained yet."""
    path = data_dir() / MODEL_FILE
    return ConfidenceModel.load(path) if path.exists() else None
