"""Claims, quantities (estimates), polls and conflicts between sources."""

from eventcoder.claims.conflicts import find_conflicts
from eventcoder.claims.extract import ClaimExtractor

__all__ = ["ClaimExtractor", "find_conflicts"]
