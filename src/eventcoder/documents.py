"""Documents and how they are read: a thin facade over ``eventcoder.ingest``."""

from eventcoder.ingest import Document, OffsetMap, Rejection, clean, content_id, read_inputs

__all__ = ["Document", "OffsetMap", "Rejection", "clean", "content_id", "read_inputs"]
