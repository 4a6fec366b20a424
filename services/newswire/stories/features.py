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
from collections.abc import Iterable

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
_QUOTE = re.compile(r"[\"\u201c\u201d][^\"\u201c\u201d]{0,800}[\"\u201c\u201d]")
_QUOTE_ASCII = re.compile(r'"[^"]{0,800}"')
"""_QUOTE for ASCII text, where only the straight quote can occur: a literal first character lets the
regex engine skip ahead to it (about 7x faster on news text), with the same matches."""

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


@functools.lru_cache(maxsize=65536)
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
def _name_keys(span: str) -> tuple[str, ...]:
    """The `e:` terms of a capitalised span: each word, and the whole name when it has several."""
    words = [w.lower().replace("\u2019", "'").removesuffix("'s").rstrip(".") for w in span.split()]
    kept = [w for w in words if w not in _STOP and len(w) > 1]
    keys = ["e:" + w for w in kept]
    if len(kept) > 1:
        keys.append("e:" + " ".join(kept))
    return tuple(keys)


_TERM_CACHE: dict[str, str | None] = {}
_MISSING = ""  # no token's term is the empty string
_CACHE_MAX = 200_000


def _words(text: str, weight: float, out: dict[str, float]) -> None:
    """Add the weights of the text's word terms to `out`, terms in order of first occurrence.

    Token by token rather than counted first: counting cost more than it saved, and the
    sums are the same floats (the weights are small whole numbers)."""
    cache = _TERM_CACHE
    lookup = cache.get
    get = out.get
    number = NUMBER_WEIGHT * weight
    for tok in _WORD.findall(text):
        term = lookup(tok, _MISSING)
        if term is _MISSING:
            if len(cache) > _CACHE_MAX:
                cache.clear()  # bounded: a long run meets an open vocabulary
            term = cache[tok] = _word_term(tok)
        if term is not None:
            out[term] = get(term, 0.0) + (number if term[0] == "#" else weight)


def _names(text: str, out: dict[str, float]) -> None:
    get = out.get
    for m in _CAP.finditer(text):
        keys = _name_keys(m.group())
        if not keys:
            continue
        if len(keys) == 1:
            start = m.start()
            before = text[max(0, start - 3):start].rstrip(" ")
            if not before or before[-1] in _SENT_END:
                continue  # a lone capital after a full stop is just a sentence start
        for key in keys:
            out[key] = get(key, 0.0) + ENTITY_WEIGHT


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
    scaled = _SCALED
    if len(scaled) > 4096:
        scaled.clear()  # counts are sums of a few weights, so this rarely fills
    weighted = {}
    for t, c in counts.items():
        w = scaled.get(c)
        if w is None:
            w = scaled[c] = round(1.0 + math.log(c) if c >= 1.0 else c, 3)
        weighted[t] = w
    if len(weighted) > MAX_TERMS:  # heaviest first, ties by term: sort by term, then stably by weight
        # sorting the bare terms (string keys) and then by a dict lookup costs less than sorting (term, weight) pairs
        top = sorted(sorted(weighted), key=weighted.__getitem__, reverse=True)[:MAX_TERMS]
        weighted = {t: weighted[t] for t in top}
    return weighted


_SCALED: dict[float, float] = {}
"""Log-scaled weight (rounded for compact storage) by raw count: the same few counts recur."""


_WORD_BYTE = np.zeros(256, dtype=bool)
_WORD_BYTE[[*range(48, 58), *range(97, 123), 95, *range(128, 256)]] = True  # 0-9 a-z _ and non-ASCII letters
_INSIDE = bytes(_WORD_BYTE.astype(np.uint8))
"""_WORD_BYTE as a bytes.translate table (1 inside a word, 0 outside): translating the text's bytes in C costs
less than indexing the array with them."""
_NOT_WORD = re.compile("[\u00a0\u00ab\u00bb\u2010-\u2015\u2018-\u201f\u2022\u2026\u2032\u2033\u20ac\u00a3"
                       "\u00a9\u00ae\u00b0\u00b7\u2122\u3000\ufeff]")
"""Non-ASCII punctuation and spaces that separate words, like ASCII punctuation does."""
_P = np.uint64(0x100000001B3)  # odd, so its powers are invertible modulo 2**64
_POW = np.ones(1, dtype=np.uint64)
_INV = np.ones(1, dtype=np.uint64)


def _powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    """P**j and P**-j modulo 2**64 for j < n (grown on demand)."""
    global _POW, _INV
    if len(_POW) < n:
        size = max(n, 2 * len(_POW), 4096)
        inv_p = pow(int(_P), -1, 2**64)
        pw = np.empty(size, dtype=np.uint64)
        iv = np.empty(size, dtype=np.uint64)
        a = b = 1
        for j in range(size):  # once per process, up to the longest text seen
            pw[j], iv[j] = a, b
            a, b = a * int(_P) % 2**64, b * inv_p % 2**64
        _POW, _INV = pw, iv
    return _POW, _INV


def _word_hashes(text: str) -> np.ndarray:
    """A 64-bit hash of each word of a lowercased text, computed for all words at once.

    Words are runs of ASCII letters, digits and underscores or non-ASCII letters (the
    punctuation in _NOT_WORD split them); each word's hash is its bytes' polynomial hash,
    from prefix sums, mixed so nearby words differ in every bit. Stable across processes.
    """
    if not text.isascii():
        text = _NOT_WORD.sub(" ", text)
    raw = text.encode("utf-8", "surrogatepass")
    if not raw:
        return np.zeros(0, dtype=np.uint64)
    data = np.frombuffer(raw, dtype=np.uint8)
    inside = np.zeros(len(data) + 2, dtype=np.int8)
    inside[1:-1] = np.frombuffer(raw.translate(_INSIDE), dtype=np.int8)
    # array methods rather than np.flatnonzero / np.cumsum and no np.errstate: on news-length texts
    # their Python wrappers cost more than the arithmetic (integer arrays wrap silently anyway)
    edges = inside[1:] - inside[:-1]
    starts = (edges == 1).nonzero()[0]
    if not len(starts):
        return np.zeros(0, dtype=np.uint64)
    ends = (edges == -1).nonzero()[0]
    pw, inv = _powers(len(data) + 1)
    prefix = np.zeros(len(data) + 1, dtype=np.uint64)
    np.multiply(data, pw[:len(data)], out=prefix[1:])  # into the prefix array: no temporary
    prefix[1:].cumsum(out=prefix[1:])
    h = (prefix[ends] - prefix[starts]) * inv[starts]
    h ^= h >> np.uint64(31)  # a splitmix-style finaliser: every bit depends on every byte
    h *= np.uint64(0xBF58476D1CE4E5B9)
    h ^= h >> np.uint64(29)
    return h


_M1 = np.uint64(0x9E3779B97F4A7C15)
_M2 = np.uint64(0xC2B2AE3D27D4EB4F)
_M3 = np.uint64(0x165667B19E3779F9)


def shingle_hashes(text: str, size: int = SHINGLE) -> np.ndarray:
    """Distinct 32-bit hashes of the text's word 3-grams outside quotations (stable across processes)."""
    text = text[:SHINGLE_CHARS]
    unquoted = (_QUOTE_ASCII if text.isascii() else _QUOTE).sub(" | ", text)
    h = _word_hashes((unquoted if len(unquoted) > len(text) // 3 else text).lower())
    if not len(h):
        return np.zeros(0, dtype=np.uint64)
    if len(h) < size:
        return np.array([int(h.sum()) >> 32], dtype=np.uint64)
    mixed = h[:-2] * _M1 + h[1:-1] * _M2 + h[2:] * _M3  # position-aware: "a b c" differs from "c b a"
    mixed >>= np.uint64(32)  # type: ignore[misc]  # uint64 throughout; numpy's stubs read the products as float64
    mixed.sort()
    keep = np.empty(len(mixed), dtype=bool)  # distinct values (np.unique costs ten times the sort)
    keep[0] = True
    np.not_equal(mixed[1:], mixed[:-1], out=keep[1:])
    return mixed[keep]
