"""Does coding cost grow linearly with the length of a text? Counted, not timed.

Codes the same paragraph repeated 20 and 80 times (about 6 KB and 25 KB, one chunk each)
with the full coder and counts Python-level calls with cProfile: a linear coder makes
about 4 times as many calls for the 4 times longer text. Prints one JSON line and writes
``benchmarks/results/linear.json``.

    PYTHONPATH=src .venv/bin/python benchmarks/bench_linear.py
"""

from __future__ import annotations

import cProfile
import json
import pstats
from pathlib import Path

from eventcoder.coder import Coder, code_document
from eventcoder.ingest.document import Document

PARAGRAPH = (
    "On Monday the foreign ministers of Chile and Peru met in Lima, officials said. "
    "Police said about 2,000 people marched a few weeks after the election in March. "
    "The ministry said 40 soldiers were sent to the border on Friday.\n\n"
)


def calls(coder: Coder, repeats: int) -> tuple[int, int]:
    """(characters, calls) for coding the paragraph ``repeats`` times over."""
    document = Document.from_text(PARAGRAPH * repeats, id="bench", date="2023-04-01")
    profile = cProfile.Profile()
    profile.enable()
    code_document(document, coder)
    profile.disable()
    return len(document.text), pstats.Stats(profile).total_calls  # type: ignore[attr-defined]


def main() -> None:
    coder = Coder.load()
    calls(coder, 2)  # first use: imports and set-up are not the text's cost
    (short_chars, short), (long_chars, long) = calls(coder, 20), calls(coder, 80)
    result = {
        "short": {"chars": short_chars, "calls": short},
        "long": {"chars": long_chars, "calls": long},
        "length_ratio": round(long_chars / short_chars, 2),
        "calls_ratio": round(long / short, 2),
    }
    out = Path(__file__).parent / "results" / "linear.json"
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
