"""Per-line features of flattened text: length, words, sentence shape, menus, headlines, vocabulary."""

from __future__ import annotations

import re
from dataclasses import dataclass

TERMINAL = frozenset('.!?。！？…"”’»)』」:;')


TRUNCATED = re.compile(r"[^\W\d_](?:…|\.\.\.)\s*$")


@dataclass(slots=True)
class Line:
    """One non-empty input line with its features and verdict."""

    text: str
    low: str
    chars: int
    words: int
    prose: bool
    reason: str = ""


def features(text: str) -> Line:
    """The features of one stripped, non-empty line (CJK lines count characters as half-words)."""
    n = len(text)
    words = text.count(" ") + 1
    if words * 12 < n and not text.isascii():  # scripts without spaces (CJK): characters as half-words
        words = max(words, n // 2)
    terminal = text[-1] in TERMINAL
    prose = (words >= 10 and terminal) or (words >= 22 and not cloud_like(text))
    return Line(text=text, low=text.lower(), chars=n, words=words, prose=prose)


# Frequent function words of a few languages, left out of vocabulary overlap (never used to drop text).
_FUNCTION = frozenset(
    "this that with from have were they their which would about after there these those been will into "
    "than them when what while where also said says other more some such only over under could should "
    "dass eine einer einem einen sich nicht auch nach wird sind oder aber wenn noch über durch "
    "dans pour avec sont mais plus leur cette comme elle nous vous être "
    "para como pero esta este más sobre entre desde también "
    "della delle sono anche come dopo"
    .split()
)


def cloud_like(text: str) -> bool:
    """A long line of mostly capitalised words without a full stop: a tag cloud or a menu, not prose."""
    toks = text.split()
    caps = sum(1 for t in toks if t[:1].isupper())
    return caps > 0.6 * len(toks) or "." not in text and caps > 0.4 * len(toks)


def content_tokens(text: str) -> set[str]:
    """Vocabulary for topic overlap: 5-letter stems of longer words, function words left out."""
    return {t[:5] for t in text.lower().split() if len(t) >= 4 and t[0].isalpha() and t not in _FUNCTION}


def headline_like(ln: Line) -> bool:
    """A headline: a few words, no sentence punctuation at the end."""
    return not ln.prose and 3 <= ln.words <= 25 and ln.text[-1] not in TERMINAL


def menu_like(text: str) -> bool:
    """A menu entry: a few capitalised words, no sentence punctuation (not "Eat every 2 hours")."""
    if text[-1] in TERMINAL:
        return False
    return all(not w[:1].isalpha() or w[:1].isupper() or len(w) <= 3 for w in text.split())
