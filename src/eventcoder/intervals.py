"""Non-overlapping spans, kept sorted so a new span is checked in logarithmic time.

Choosing the longest of overlapping matches by testing each against every one kept so far
costs time quadratic in their number, which grows with document length; this does not.
This module imports nothing of ours.
"""

from __future__ import annotations

import bisect

__all__ = ["DisjointSpans"]


class DisjointSpans:
    """A set of non-overlapping non-empty ``[start, end)`` spans.

    >>> kept = DisjointSpans()
    >>> kept.add(0, 5), kept.add(3, 8), kept.add(5, 8)
    (True, False, True)
    """

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []  # sorted too: the spans do not overlap

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` shares a position with a kept span."""
        i = bisect.bisect_left(self._starts, end)
        return i > 0 and self._ends[i - 1] > start

    def add(self, start: int, end: int) -> bool:
        """Keep the span unless it overlaps a kept one; whether it was kept."""
        if self.overlaps(start, end):
            return False
        i = bisect.bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)
        return True
