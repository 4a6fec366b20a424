"""What the stories stage keeps of an article's text: weighted terms for clustering, shingles for rewrites.

Terms are lowercased, lightly stemmed content words; capitalised spans (names of people,
places, organisations) add `e:` terms, numbers `#n` terms and years `#y` terms, and the
title's words count again, since these tell two events of the same kind apart far better
than topical words do ("Hugh Jackman to host" versus "Ellen DeGeneres to host").
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from collections.abc import Iterable

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

_STOP = frozenset(ENGLISH_STOP_WORDS) | frozenset(
    "said says say told according reported report reports reporting year years week weeks day days time "
    "new just like also including people percent mr mrs ms dr monday tuesday wednesday thursday friday "
    "saturday sunday january february march april june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec today yesterday tomorrow ago "
    "don doesn didn isn wasn aren weren won wouldn couldn shouldn".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z\u2019'\-]*[A-Za-z]|\d[\d,.]*\d|\d")
_YEAR = re.compile(r"(?:19|20)\d\d")
_CAP = re.compile(
    r"(?:[A-Z][A-Za-z\u2019'\-]+|[A-Z]\.)(?:\s(?:(?:of|de|del|van|von|al|bin)\s)?(?:[A-Z][A-Za-z\u2019'\-]+|[A-Z]\.))*"
)
_SENT_START = re.compile(r"(?:^|[.!?:;\"\u201c\u201d]\s*|\n\s*)$")
_SHINGLE_WORD = re.compile(r"\w+")

ENTITY_WEIGHT = 1.5
"""A name's term counts this much more than a common word (names separate same-kind events)."""
TITLE_WEIGHT = 1.0
"""Each title word counts once more: the headline is the story's own summary."""
NUMBER_WEIGHT = 0.5
"""Figures are evidence but recur by chance ("two", "10")."""
MAX_TERMS = 60
"""Terms kept per article (by weight): enough to cluster, small enough to store."""
SHINGLE = 3
"""Word n-gram size for rewrite detection: 3-grams separate a rewrite (Jaccard ~0.2) from
independent reports of one event (~0.03) on the seeds."""


def stem(word: str) -> str:
    """A cheap English stem so "troops"/"troop", "injuries"/"injury" share a term."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ed") and not word.endswith("eed"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _number_term(tok: str) -> str | None:
    digits = tok.replace(",", "")
    if _YEAR.fullmatch(digits):
        return "#y" + digits
    if len(digits) < 2 or digits.count(".") > 1:
        return None  # single digits and dotted dates are noise
    return "#n" + digits


def _words(text: str, weight: float, out: Counter[str]) -> None:
    for m in _WORD.finditer(text):
        tok = m.group()
        if tok[0].isdigit():
            term = _number_term(tok)
            if term:
                out[term] += NUMBER_WEIGHT * weight
            continue
        low = tok.lower().replace("\u2019", "'")
        if low.endswith("'s"):
            low = low[:-2]
        if len(low) < 3 or low in _STOP:
            continue
        out[stem(low)] += weight


def _names(text: str, out: Counter[str]) -> None:
    for m in _CAP.finditer(text):
        words = [w.lower().replace("\u2019", "'").removesuffix("'s") for w in m.group().split()]
        words = [w for w in words if w not in _STOP and len(w) > 1]
        if not words:
            continue
        if len(words) == 1 and _SENT_START.search(text, 0, m.start()) is not None:
            continue  # a lone capital after a full stop is just a sentence start
        for w in words:
            out["e:" + w.rstrip(".")] += ENTITY_WEIGHT
        if len(words) > 1:
            out["e:" + " ".join(words)] += ENTITY_WEIGHT


def terms(title: str | None, text: str, entities: Iterable[str] = ()) -> dict[str, float]:
    """The article's weighted terms (log-scaled counts), at most MAX_TERMS of them."""
    counts: Counter[str] = Counter()
    _words(text, 1.0, counts)
    _names(text, counts)
    if title:
        _words(title, TITLE_WEIGHT, counts)
        _names(title, counts)
    for name in entities:
        low = name.lower()
        if low not in _STOP:
            counts["e:" + low] += 0.5 * ENTITY_WEIGHT
    weighted = {t: 1.0 + math.log(c) if c >= 1.0 else c for t, c in counts.items()}
    if len(weighted) > MAX_TERMS:
        top = sorted(weighted.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TERMS]
        weighted = dict(top)
    return {t: round(w, 3) for t, w in weighted.items()}


def shingle_hashes(text: str, size: int = SHINGLE) -> list[int]:
    """Stable 32-bit hashes of the text's word n-grams (crc32, so the same in every process)."""
    words = _SHINGLE_WORD.findall(text.lower())
    if len(words) < size:
        return [zlib.crc32(" ".join(words).encode())] if words else []
    return list({zlib.crc32(" ".join(words[i:i + size]).encode()) for i in range(len(words) - size + 1)})
