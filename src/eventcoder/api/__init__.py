"""The HTTP API and the web page (FastAPI). ``create_app`` builds it; ``eventcoder serve`` runs it."""

from __future__ import annotations

from eventcoder.api.app import create_app

__all__ = ["create_app"]
