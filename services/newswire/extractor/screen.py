"""Keyword screens: where cheap substrings occur in an article, found once with str.find.

A span-level regex (hedges, time windows) runs only on spans that hold one of its
keywords. Finding the keywords once per article with str.find (C speed) replaces
one `any(k in span ...)` loop per sentence; the regex still decides, so a screen
never changes a result as long as every match of the regex contains a keyword.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class Spots:
    """Offsets of every occurrence of some keywords in one (lower-cased) text."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, low: str, keywords: Iterable[str]) -> None:
        found: list[tuple[int, int]] = []
        find = low.find
        for k in keywords:
            n = len(k)
            i = find(k)
            while i >= 0:
                found.append((i, i + n))
                i = find(k, i + 1)
        found.sort()
        self._starts = [s for s, _ in found]
        self._ends = [e for _, e in found]

    def any_in(self, start: int, end: int) -> bool:
        """True when a keyword lies wholly inside text[start:end]."""
        starts, ends = self._starts, self._ends
        i = bisect.bisect_left(starts, start)
        n = len(starts)
        while i < n and starts[i] < end:
            if ends[i] <= end:
                return True
            i += 1
        return False
