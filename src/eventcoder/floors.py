"""Every accuracy floor CI enforces, read from one data file (``data/floors.json``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from eventcoder.paths import PACKAGE_DIR

__all__ = ["FLOORS_FILE", "accuracy_floors"]

FLOORS_FILE: Path = PACKAGE_DIR / "data" / "floors.json"


def accuracy_floors(section: str, path: Path = FLOORS_FILE) -> dict[str, Any]:
    """One evaluation's section: ``{"about": ..., "floors": {...}}`` (and its own extras)."""
    return dict(json.loads(path.read_text(encoding="utf-8"))[section])
