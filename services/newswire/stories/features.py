"""What the stories stage keeps of an article's text: weighted terms for clustering, shingles for rewrites.

Terms are lowercased, lightly stemmed content words; capitalised spans (names of people,
places, organisations) add `e:` terms, numbers `#n` terms and years `#y` terms, and the
title's words count again, since these tell two events of the same kind apart far better
than topical words do ("Hugh Jackman to host" versus "Ellen DeGeneres to host").
"""

from __future__ import annotations

import functools
import math
import re
import zlib
from collections import Counter
from collections.abc import Iterable
from operator import itemgetter

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

_STOP = frozenset(ENGLISH_STOP_WORDS) | frozenset(
    "said says say told according reported report reports reporting year years week weeks day days time "
    "new just like also including people percent mr mrs ms dr tomorrow ago "
    "don doesn didn isn wasn aren weren won wouldn couldn shouldn".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z\u2019'\-]*[A-Za-z]|\d[\d,.]*\d|\d")
_YEAR = re.compile(r"(?:19|20)\d\d")
_CAP = re.compile(
    r"(?:[A-Z][A-Za-z\u2019'\-]+|[A-Z]\.)(?:\s(?:(?:of|de|del|van|von|al|bin)\s)?(?:[A-Z][A-Za-z\u2019'\-]+|[A-Z]\.))*"
)
_SENT_END = frozenset(".!?:;\"\u201c\u201d\n\u2014-|")
_SHINGLE_WORD = re.compile(r"\w+")
_QUOTE = re.compile(r"[\"\u201c\u201d][^\"\u201c\u201d]{0,800}[\"\u201c\u201d]")

ENTITY_WEIGHT = 2.0
"""A name's term counts this much more than a common word (names separate same-kind events)."""
TITLE_WEIGHT = 3.0
"""Title words count again, thrice: the headline is the story's own summary."""
NUMBER_WEIGHT = 3.0
"""Figures ("died at 85", "$160 million", "magnitude 5.6") tell same-kind events apart; single digits are dropped.
3.0 rather than 1.5: B-cubed F1 on ECB+ dev +0.01 on each half of the topics."""
MAX_TERMS = 80
"""Terms kept per article (by weight): enough to cluster, small enough to store."""
TERM_CHARS = 800
"""Characters read for terms: the lead (who, what, where, when) carries the event; later paragraphs bring
background that other events of the same kind share (earlier quakes, past offers). 800 rather than 6,000:
B-cubed F1 on ECB+ dev 0.881 -> 0.895 over 5 shuffles, and better on each half of the topics."""
SHINGLE_CHARS = 12000
"""Characters read for rewrite shingles (a copy shows in its first pages as well as anywhere)."""
SHINGLE = 3
"""Word n-gram size for rewrite detection. Quotations are left out first: independent
reports share a spokesman's words, a rewrite shares the reporter's. On the seeds' clean
text that puts the rewrite at Jaccard 0.14 and independent reports at 0.01-0.04."""


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


def _word_term(tok: str) -> str | None:
    """The term of one token ("Troops" -> "troop", "2008" -> "#y2008"), None for noise."""
    if tok[0].isdigit():
        digits = tok.replace(",", "")
        if _YEAR.fullmatch(digits):
            return "#y" + digits
        if len(digits) < 2 or digits.count(".") > 1:
            return None  # single digits and dotted dates are noise
        return "#n" + digits
    low = tok.lower().replace("\u2019", "'")
    if low.endswith("'s"):
        low = low[:-2]
    if len(low) < 3 or low in _STOP:
        return None
    return stem(low)


@functools.lru_cache(maxsize=65536)
def _name_words(span: str) -> tuple[str, ...]:
    words = [w.lower().replace("\u2019", "'").removesuffix("'s").rstrip(".") for w in span.split()]
    return tuple(w for w in words if w not in _STOP and len(w) > 1)


_TERM_CACHE: dict[str, str | None] = {}
_CACHE_MAX = 200_000


def _words(text: str, weight: float, out: dict[str, float]) -> None:
    cache = _TERM_CACHE
    counted = Counter(_WORD.findall(text))
    missing = [tok for tok in counted if tok not in cache]
    if missing:
        if len(cache) > _CACHE_MAX:
            cache.clear()  # bounded: a long run meets an open vocabulary
            missing = list(counted)  # refill everything this text reads, not only the new tokens
        for tok in missing:
            cache[tok] = _word_term(tok)
    get = out.get
    number = NUMBER_WEIGHT * weight
    for tok, n in counted.items():
        term = cache[tok]
        if term is not None:
            out[term] = get(term, 0.0) + n * (number if term[0] == "#" else weight)


def _names(text: str, out: dict[str, float]) -> None:
    for m in _CAP.finditer(text):
        words = _name_words(m.group())
        if not words:
            continue
        if len(words) == 1:
            before = text[max(0, m.start() - 3):m.start()].rstrip(" ")
            if not before or before[-1] in _SENT_END:
                continue  # a lone capital after a full stop is just a sentence start
        for w in words:
            key = "e:" + w
            out[key] = out.get(key, 0.0) + ENTITY_WEIGHT
        if len(words) > 1:
            key = "e:" + " ".join(words)
            out[key] = out.get(key, 0.0) + ENTITY_WEIGHT


def terms(title: str | None, text: str, entities: Iterable[str] = ()) -> dict[str, float]:
    """The article's weighted terms (log-scaled counts), at most MAX_TERMS of them."""
    counts: dict[str, float] = {}
    text = text[:TERM_CHARS]
    _words(text, 1.0, counts)
    _names(text, counts)
    if title:
        _words(title, TITLE_WEIGHT, counts)
        _names(title, counts)
    for name in entities:
        low = name.lower()
        if low not in _STOP:
            counts["e:" + low] = counts.get("e:" + low, 0.0) + 0.5 * ENTITY_WEIGHT
    weighted = {t: 1.0 + math.log(c) if c >= 1.0 else c for t, c in counts.items()}
    if len(weighted) > MAX_TERMS:  # heaviest first, ties by term: sort by term, then stably by weight
        weighted = dict(sorted(sorted(weighted.items()), key=itemgetter(1), reverse=True)[:MAX_TERMS])
    return {t: round(w, 3) for t, w in weighted.items()}


_HASH_CACHE: dict[str, int] = {}


def _word_hashes(words: list[str]) -> list[int]:
    cache = _HASH_CACHE
    missing = set(words).difference(cache)
    if missing:
        if len(cache) > _CACHE_MAX:
            cache.clear()  # bounded: a long run meets an open vocabulary
            missing = set(words)  # refill everything these words need, not only the new ones
        for w in missing:
            cache[w] = zlib.crc32(w.encode("utf-8", "surrogatepass"))
    return list(map(cache.__getitem__, words))


_M1 = np.uint64(0x9E3779B97F4A7C15)
_M2 = np.uint64(0xC2B2AE3D27D4EB4F)
_M3 = np.uint64(0x165667B19E3779F9)


def shingle_hashes(text: str, size: int = SHINGLE) -> np.ndarray:
    """Distinct 32-bit hashes of the text's word 3-grams outside quotations (stable across processes)."""
    text = text[:SHINGLE_CHARS]
    unquoted = _QUOTE.sub(" | ", text)
    words = _SHINGLE_WORD.findall((unquoted if len(unquoted) > len(text) // 3 else text).lower())
    if not words:
        return np.zeros(0, dtype=np.uint64)
    h = np.array(_word_hashes(words), dtype=np.uint64)
    if len(h) < size:
        return np.array([int(h.sum()) & 0xFFFFFFFF], dtype=np.uint64)
    with np.errstate(over="ignore"):
        mixed = h[:-2] * _M1 + h[1:-1] * _M2 + h[2:] * _M3  # position-aware: "a b c" differs from "c b a"
    return np.unique(mixed >> np.uint64(32))
