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


def features(sentence: str) -> tuple[list[str], list[str]]:
    """Word-block and character-block features, repeated as often as they occur (training side)."""
    raw = raw_tokens(sentence)
    toks = [norm_token(t) for t in raw]
    words = list(toks)
    words += [a + " " + b for a, b in zip(toks, toks[1:], strict=False)]
    words.append(_length_feature(len(toks)))
    chars: list[str] = []
    for t in raw:
        chars += word_chars(t)
    return words, chars


class Model:
    """Loaded weights with a per-token cache of unigram and character-gram contributions."""

    def __init__(self, weights: dict[str, float], bias: float, threshold: float) -> None:
        self.w = weights
        self.bias = bias
        self.threshold = threshold
        self._cache: dict[str, tuple[float, float, int, str]] = {}

    def _token(self, raw: str) -> tuple[float, float, int, str]:
        """(unigram weight, character-gram weight sum, character-gram count, folded token)."""
        hit = self._cache.get(raw)
        if hit is None:
            w = self.w
            tok = norm_token(raw)
            grams = word_chars(raw)
            hit = (w.get(tok, 0.0), sum(w.get(g, 0.0) for g in grams), len(grams), tok)
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
        word_sum = char_sum = 0.0
        n_chars = 0
        toks: list[str] = []
        for raw in _TOKEN.findall(sentence.lower()):
            uw, cs, k, tok = self._token(raw)
            word_sum += uw
            char_sum += cs
            n_chars += k
            toks.append(tok)
        m = len(toks)
        prev = None
        for tok in toks:
            if prev is not None:
                word_sum += w.get(prev + " " + tok, 0.0)
            prev = tok
        word_sum += w.get(_length_feature(m), 0.0)
        n_words = m + max(0, m - 1) + 1
        total = word_sum / math.sqrt(n_words)
        if n_chars:
            total += char_sum / math.sqrt(n_chars)
        return total + self.bias - self.threshold

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
