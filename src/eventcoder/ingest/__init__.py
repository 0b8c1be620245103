"""Ingest: documents from text, HTML, JSON Lines and stdin, cleaned of scraping artefacts.

``read_inputs`` streams ``Document`` (ready to code) and ``Rejection`` (bad or skipped input,
with a catalogue message) from files, folders and ``-``.
"""

from eventcoder.ingest.cleaning import clean
from eventcoder.ingest.document import Document, Rejection, content_id
from eventcoder.ingest.inputs import read_inputs
from eventcoder.ingest.offsets import OffsetMap

__all__ = ["Document", "OffsetMap", "Rejection", "clean", "content_id", "read_inputs"]
