"""A confidence (0..1) on every event: how likely a careful coder would record it as coded.

The model is a logistic regression over binary features the event stage already knows when it
codes an event (:func:`event_features`): which kind of pattern fired, the trigger's lemma, the
clause the trigger stands in, how the source and target were found (dictionary, context,
pronoun, none), the modality and negation, the CAMEO root. It is trained on the dev split of
the real-news gold (``scripts/train_confidence.py``, scikit-learn) and shipped as plain JSON
weights (``data/events/confidence.json``), so scoring needs no library and loads no pickle.
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
from eventcoder.events.ontology import data_dir

__all__ = ["ConfidenceModel", "default_model", "event_features", "precision_threshold"]

MODEL_FILE = "confidence.json"


def _pattern_kind(pattern: str) -> str:
    last = pattern.split("+")[-1]
    if pattern.startswith("light:"):
        return "light"
    if last.startswith("N."):
        return "noun"
    if last.endswith(".verb"):
        return "verb_default"
    if "." in last:
        return "verb_pattern"
    return last or "none"


def _actor_kind(mention: ActorMention | None) -> str:
    if mention is None:
        return "none"
    code = mention.code or ""
    if not code:
        return "uncoded"
    if code.startswith("---"):
        return "countryless"
    if code.startswith(("IGO", "NGO", "IMG", "MNC")):
        return "organisation"
    return "state" if len(code) == 3 else "state_sector"


def _actor_source(mention: ActorMention | None) -> str:
    """How the actor was found: the dictionary rule's kind, or context, or a pronoun."""
    if mention is None:
        return "none"
    if mention.entity_type == "PRON" or mention.antecedent is not None:
        return "pronoun"
    return (mention.rule or "none").split(":", 1)[0]


def _path(trigger: Token, mention: ActorMention | None) -> str:
    """The shape of the dependency path from the trigger to an actor's head."""
    if mention is None:
        return "none"
    head = trigger.doc[mention.head]
    if head.head.i == trigger.i:
        return f"child:{head.dep_}"
    if any(a.i == trigger.i for a in head.ancestors):
        return "below"
    if trigger.sent.start <= head.i < trigger.sent.end:
        return "same_sentence"
    return "elsewhere"


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
    """The binary features of one coded event (names of the features that are on)."""
    frame = pattern.split("+")[0] if "+" in pattern and not pattern.startswith("light:") else ""
    same = bool(source and target and source.country and source.country == target.country)
    return (
        "bias",
        f"pattern_kind={_pattern_kind(pattern)}",
        f"frame={frame or 'none'}",
        f"root={cameo[:2]}",
        f"lemma={trigger.lemma_.lower()}",
        f"trigger_pos={trigger.pos_}",
        f"clause={trigger.dep_.split(':')[0]}",
        f"source_kind={_actor_kind(source)}",
        f"source_found={_actor_source(source)}",
        f"source_path={_path(trigger, source)}",
        f"target_kind={_actor_kind(target)}",
        f"target_found={_actor_source(target)}",
        f"modality={modality}",
        f"negated={negated}",
        f"reported={reported}",
        f"same_country={same}",
    )


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
    """The shipped model's threshold chosen for precision (0 when no model is shipped)."""
    model = default_model()
    return model.default_threshold if model is not None else 0.0


@lru_cache(maxsize=1)
def default_model() -> ConfidenceModel | None:
    """The shipped model, or None when none has been trained yet."""
    path = data_dir() / MODEL_FILE
    return ConfidenceModel.load(path) if path.exists() else None
