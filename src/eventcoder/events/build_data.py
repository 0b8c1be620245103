"""Rebuild the converted event data files from the shared research data.

``python -m eventcoder.events.build_data`` writes, under ``eventcoder/data/events/``:
``cameo_verbs.txt`` (from PETRARCH's CAMEO.2.0.txt), ``cameo_plover.tsv`` (from
CAMEO2PLOVER-2021.txt) and ``cameo_goldstein.tsv`` (from CAMEO.goldsteinscale.txt).
The hand-written files (``own_verbs.txt``, ``nouns.tsv``, ``frames.tsv``,
``plover_successors.tsv``) are ours and are not touched.
"""

from __future__ import annotations

import logging
from pathlib import Path

from eventcoder.events.ontology import convert_goldstein_table, convert_plover_table, data_dir
from eventcoder.events.petrarch_verbs import convert_petrarch_verbs
from eventcoder.paths import shared_data_dir

__all__ = ["build_event_data"]

log = logging.getLogger(__name__)


def build_event_data(shared: Path | None = None, target: Path | None = None) -> dict[str, int]:
    """Convert the shared tables into our data files; returns row counts per file."""
    shared = shared or shared_data_dir()
    target = target or data_dir()
    target.mkdir(parents=True, exist_ok=True)
    verbs = convert_petrarch_verbs(
        shared / "petrarch2" / "dictionaries" / "CAMEO.2.0.txt", target / "cameo_verbs.txt"
    )
    return {
        "cameo_verbs.txt": len(verbs),
        "cameo_plover.tsv": convert_plover_table(
            shared / "plover" / "CAMEO2PLOVER-2021.txt", target / "cameo_plover.tsv"
        ),
        "cameo_goldstein.tsv": convert_goldstein_table(
            shared / "cameo_codes" / "CAMEO.goldsteinscale.txt", target / "cameo_goldstein.tsv"
        ),
    }


if __name__ == "__main__":  # pragma: no cover - a maintenance command
    logging.basicConfig(level=logging.INFO)
    for name, count in build_event_data().items():
        log.info("%s: %d rows", name, count)
