"""Character offset maps from a cleaned text back to the original it was made from.

Cleaning changes lengths (whitespace collapsed, hyphens removed, a line break inserted), so
offsets into the cleaned text are not offsets into the user's text. An ``OffsetMap`` records
the edits as aligned segments and maps any ``[start, end)`` span of the cleaned text to the
span of the original that holds the same characters. ``MapBuilder`` writes the cleaned text
and its map in one pass over the original.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right

__all__ = ["MapBuilder", "OffsetMap"]

_FLUSH_PIECES = 65_536  # join output pieces this often, so memory stays near the text size


class OffsetMap:
    """Maps spans of a cleaned text to spans of its original.

    Segment ``i`` covers ``clean[c[i]:c[i+1]]`` and ``original[o[i]:o[i+1]]`` (the last one
    ends at the text ends). A segment whose two sides have equal length maps character by
    character; any other segment is a replacement and maps as a whole, so a span that starts
    or ends inside it widens to the whole replaced original.
    """

    __slots__ = ("_clean", "_orig", "clean_len", "orig_len")

    def __init__(
        self, clean_starts: array, orig_starts: array, clean_len: int, orig_len: int
    ) -> None:
        self._clean = clean_starts
        self._orig = orig_starts
        self.clean_len = clean_len
        self.orig_len = orig_len

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        """The map of a text that cleaning left unchanged."""
        return cls(array("q", [0]), array("q", [0]), length, length)

    @property
    def n_segments(self) -> int:
        """How many segments the map holds (1 for an unchanged text)."""
        return len(self._clean)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map ``[start, end)`` of the cleaned text to the same characters in the original."""
        if not 0 <= start <= end <= self.clean_len:
            raise ValueError(f"span [{start}, {end}) outside text of length {self.clean_len}")
        if start == end:
            point = self.orig_len if start == self.clean_len else self._start(start)
            return point, point
        return self._start(start), self._end(end)

    def _segment(self, index: int) -> tuple[int, int, int, int]:
        last = index + 1 >= len(self._clean)
        c_end = self.clean_len if last else self._clean[index + 1]
        o_end = self.orig_len if last else self._orig[index + 1]
        return self._clean[index], c_end, self._orig[index], o_end

    def _start(self, pos: int) -> int:
        c0, c1, o0, o1 = self._segment(bisect_right(self._clean, pos) - 1)
        return o0 + (pos - c0) if c1 - c0 == o1 - o0 else o0

    def _end(self, pos: int) -> int:
        c0, c1, o0, o1 = self._segment(bisect_right(self._clean, pos - 1) - 1)
        return o0 + (pos - c0) if c1 - c0 == o1 - o0 else o1


class MapBuilder:
    """Writes a cleaned text from left to right over its original, recording every edit.

    ``copy_to(pos)`` keeps the original up to ``pos``; ``replace(end, new)`` puts ``new`` in
    place of the original from the cursor to ``end`` (``new`` may be empty: a deletion; and
    ``end`` may equal the cursor: an insertion). Same-length replacements need no segment.
    """

    def __init__(self, original: str, start: int = 0) -> None:
        self._src = original
        self._pos = 0
        self._pieces: list[str] = []
        self._blocks: list[str] = []
        self._clean_len = 0
        self._clean = array("q", [0])
        self._orig = array("q", [0])
        if start:
            self.replace(start, "")

    @property
    def position(self) -> int:
        """The cursor: how far into the original the output has been written."""
        return self._pos

    def copy_to(self, pos: int) -> None:
        """Keep the original from the cursor up to ``pos``."""
        if pos > self._pos:
            self._emit(self._src[self._pos : pos])
            self._pos = pos

    def replace(self, end: int, new: str) -> None:
        """Write ``new`` in place of the original from the cursor to ``end``."""
        if len(new) != end - self._pos:
            self._mark()
            self._emit(new)
            self._pos = end
            self._mark()
        else:
            self._emit(new)
            self._pos = end

    def finish(self) -> tuple[str, OffsetMap]:
        """Copy the rest of the original and return the cleaned text with its map."""
        self.copy_to(len(self._src))
        self._blocks.append("".join(self._pieces))
        text = "".join(self._blocks)
        self._pieces, self._blocks = [], []
        return text, OffsetMap(self._clean, self._orig, len(text), len(self._src))

    def _emit(self, piece: str) -> None:
        if not piece:
            return
        self._pieces.append(piece)
        self._clean_len += len(piece)
        if len(self._pieces) >= _FLUSH_PIECES:
            self._blocks.append("".join(self._pieces))
            self._pieces = []

    def _mark(self) -> None:
        if self._clean[-1] == self._clean_len and self._orig[-1] == self._pos:
            return
        self._clean.append(self._clean_len)
        self._orig.append(self._pos)
