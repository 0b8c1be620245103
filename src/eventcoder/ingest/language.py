"""Offline language identification (py3langid), so non-English text is not coded as garbage."""

from __future__ import annotations

from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

__all__ = ["MIN_CHARS", "MIN_CONFIDENCE", "detect_language", "is_wanted", "latin_share"]

MIN_CHARS = 40  # shorter texts are not judged: identification is unreliable on them
MIN_CONFIDENCE = 0.9
MIN_LATIN_SHARE = 0.5  # below this share of Latin letters, a text is not in a Latin-script language
# languages written in the Latin alphabet (py3langid codes) that --language may ask for
LATIN_SCRIPT = frozenset({"en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "pl", "tr"})
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


def is_wanted(lang: str | None, prob: float, wanted: str, text: str = "") -> bool:
    """Keep a text unless it is in another language than ``wanted`` ("any": all): confidently
    so, or, when identification is unsure, written mostly outside the Latin alphabet while
    ``wanted`` is written in it (Chinese identified with low confidence is not English)."""
    if wanted == "any" or lang is None or lang == wanted:
        return True
    if prob >= MIN_CONFIDENCE:
        return False
    return not (wanted in LATIN_SCRIPT and latin_share(text[:_SAMPLE_CHARS]) < MIN_LATIN_SHARE)


def latin_share(text: str) -> float:
    """The share of the text's letters that are Latin letters (1.0 when it has none)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 1.0
    return sum(1 for c in letters if c < "\u0250") / len(letters)
