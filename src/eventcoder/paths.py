"""Where eventcoder finds its bundled resources and the shared research data.

No absolute paths: everything is found relative to the package, the repository, or an
environment variable the user sets.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["PACKAGE_DIR", "REPO_DIR", "default_model_dir", "shared_data_dir"]

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent.parent

MODEL_NAME = "en_eventcoder"


def default_model_dir() -> Path:
    """The spaCy pipeline to load: ``$EVENTCODER_MODEL`` if set, else the copy shipped inside
    the package (``eventcoder/models/en_eventcoder``), so an installed wheel needs no source
    tree."""
    env = os.environ.get("EVENTCODER_MODEL")
    if env:
        return Path(env)
    return PACKAGE_DIR / "models" / MODEL_NAME


def shared_data_dir() -> Path:
    """The third-party research data: ``$EVENTCODER_SHARED_DATA`` or ``../shared/data``."""
    env = os.environ.get("EVENTCODER_SHARED_DATA")
    if env:
        return Path(env)
    return REPO_DIR.parent / "shared" / "data"
