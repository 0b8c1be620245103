"""Events: who did what to whom, in CAMEO and PLOVER, with negation, modality and provenance.

``EventExtractor.from_data()`` loads our verb patterns (converted from PETRARCH's CAMEO
dictionary plus our own), event nouns, frames and code tables once;
``extractor.extract(doc, actors)`` returns the ``EventCandidate`` list of a parsed document.
"""

from eventcoder.events.extract import EventCandidate, EventExtractor

__all__ = ["EventCandidate", "EventExtractor"]
