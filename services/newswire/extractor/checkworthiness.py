"""Check-worthiness: how much a sentence states a checkable fact, as a score from 0 to 1.

A linear model over word 1-3-grams (numbers folded to <num>/<bignum>) and character
3-5-grams of each word, with counts scaled by 1/sqrt(feature count). Because the
character part of the score depends only on the word, it is cached per word, so scoring
costs a few dict lookups per token. Weights live in models/checkworthiness.json (plain
JSON: nothing executable), written by `newswire train checkworthiness`.
"""

from __future__ import annotations

import functools
import json
import math
import re
from pathlib import Path

MODEL_PATH = Path(__file__).resolve().parent / "models" / "checkworthiness.json"
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*|[$%?!]")
_DIGIT = re.compile(r"\d")
CHAR_NS = (3, 4, 5)
_WORD_CACHE_SIZE = 1 << 16


def norm_token(tok: str) -> str:
    """Fold numbers so "$1.25" and "$3" share features."""
    if tok[0].isdigit():
        return "<num>" if len(tok) < 4 else "<bignum>"
    return tok


def raw_tokens(sentence: str) -> list[str]:
    """Lower-cased word, number and symbol tokens."""
    return _TOKEN.findall(sentence.lower())


def word_chars(word: str) -> list[str]:
    """Character n-grams of one token padded with spaces (digits folded to 0)."""
    w = " " + _DIGIT.sub("0", word) + " "
    return ["c:" + w[i:i + n] for n in CHAR_NS for i in range(len(w) - n + 1)]


def _length_feature(n_tokens: int) -> str:
    return f"<len{min(n_tokens // 5, 8)}>"


def features(sentence: str) -> list[str]:
    """All features of a sentence, repeated as often as they occur (training side)."""
    raw = raw_tokens(sentence)
    toks = [norm_token(t) for t in raw]
    out = list(toks)
    for t in raw:
        out += word_chars(t)
    out += [a + " " + b for a, b in zip(toks, toks[1:])]
    out += [a + " " + b + " " + c for a, b, c in zip(toks, toks[1:], toks[2:])]
    out.append(_length_feature(len(toks)))
    return out


class Model:
    """Loaded weights with a per-token cache of unigram and character-gram contributions."""

    def __init__(self, weights: dict[str, float], bias: float, threshold: float) -> None:
        self.w = weights
        self.bias = bias
        self.threshold = threshold
        self._cache: dict[str, tuple[float, int, str]] = {}

    def _token(self, raw: str) -> tuple[float, int, str]:
        """(unigram + character-gram weight, feature count, folded token) for one raw token."""
        hit = self._cache.get(raw)
        if hit is None:
            w = self.w
            tok = norm_token(raw)
            grams = word_chars(raw)
            hit = (w.get(tok, 0.0) + sum(w.get(g, 0.0) for g in grams), 1 + len(grams), tok)
            if len(self._cache) >= _WORD_CACHE_SIZE:
                self._cache.clear()
            self._cache[raw] = hit
        return hit

    def clear_cache(self) -> None:
        """Forget cached token contributions (for cold-start benchmarks)."""
        self._cache.clear()

    def margin(self, sentence: str) -> float:
        """The linear score before the logistic, with the tuned threshold at 0."""
        w = self.w
        total = 0.0
        n = 1
        toks: list[str] = []
        for raw in _TOKEN.findall(sentence.lower()):
            s, k, tok = self._token(raw)
            total += s
            n += k
            toks.append(tok)
        m = len(toks)
        for i in range(m - 1):
            total += w.get(toks[i] + " " + toks[i + 1], 0.0)
        for i in range(m - 2):
            total += w.get(toks[i] + " " + toks[i + 1] + " " + toks[i + 2], 0.0)
        n += max(0, m - 1) + max(0, m - 2)
        total += w.get(_length_feature(m), 0.0)
        return total / math.sqrt(n) + self.bias - self.threshold

    def score(self, sentence: str) -> float:
        """Probability-like check-worthiness in 0..1; 0.5 is the tuned decision threshold."""
        m = self.margin(sentence)
        if m < -30:
            return 0.0
        if m > 30:
            return 1.0
        return 1.0 / (1.0 + math.exp(-m))


@functools.cache
def load(path: Path = MODEL_PATH) -> Model | None:
    """The trained model, loaded once; None when it has not been trained yet."""
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return Model(data["weights"], float(data["bias"]), float(data.get("threshold", 0.0)))


def score(sentence: str) -> float:
    """Check-worthiness of one sentence (0.0 when no model is installed)."""
    model = load()
    return model.score(sentence) if model is not None else 0.0
