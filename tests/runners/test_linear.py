"""Coding cost grows linearly with document length.

Measured by a deterministic proxy, never the clock: the number of Python and Cython
function calls (cProfile's count, which includes spaCy's token objects) per word. A rule
that rebuilds the document's text or scans every expression for each match or event makes
this count grow with the length of the document.
"""

from __future__ import annotations

import cProfile
import json
import pstats
import re

import pytest

from eventcoder.paths import REPO_DIR, default_model_dir

pytestmark = pytest.mark.skipif(not default_model_dir().exists(), reason="no trained pipeline")


def _base_text() -> str:
    """The bodies of the bundled examples, as paragraphs (about 700 words)."""
    parts = []
    for path in sorted((REPO_DIR / "examples").glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        parts.append("\n".join(ln for ln in lines if not re.match(r"^\w+: ", ln)).strip())
    for line in (REPO_DIR / "examples" / "briefs.jsonl").read_text().splitlines():
        parts.append(json.loads(line)["text"])
    return "\n\n".join(parts)


def _calls_per_word(coder, text: str) -> float:
    from eventcoder.ingest.document import Document

    document = Document.from_text(text, id="long", date="2024-03-11")
    coder.code(document)  # warm every lazy resource first
    profile = cProfile.Profile()
    profile.enable()
    coder.code(document)
    profile.disable()
    return pstats.Stats(profile).total_calls / len(text.split())


def test_calls_per_word_do_not_grow_with_document_length() -> None:
    from eventcoder.coder import Coder

    coder = Coder.load()
    base = _base_text()
    short = _calls_per_word(coder, base)
    long = _calls_per_word(coder, "\n\n".join([base] * 8))
    print(f"calls per word: {short:.0f} ({len(base.split())} words) -> {long:.0f} (8 times)")
    assert long <= 1.15 * short, (short, long)
