"""Offline language identification (py3langid), so non-English text is not coded as garbage."""

from __future__ import annotations

from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

__all__ = ["MIN_CHARS", "MIN_CONFIDENCE", "detect_language", "is_wanted"]

MIN_CHARS = 40  # shorter texts are not judged: identification is unreliable on them
MIN_CONFIDENCE = 0.9
_SAMPLE_CHARS = 5_000


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, probability) of the text's language; (None, 0.0) when too short."""
    sample = text[:_SAMPLE_CHARS]
    if len(sample.strip()) < MIN_CHARS:
        return None, 0.0
    lang, prob = _identifier().classify(sample)
    return str(lang), float(prob)


def is_wanted(lang: str | None, prob: float, wanted: str) -> bool:
    """Keep a text unless it is confidently in another language than ``wanted`` ("any": all)."""
    if wanted == "any" or lang is None or prob < MIN_CONFIDENCE:
        return True
    return lang == wanted
