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
from itertools import repeat
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
    """Loaded weights with per-token caches of unigram and character-gram contributions.

    Scoring runs over a batch of sentences with C-level `map`/`sum` over the cached
    per-token values, so an article's sentences cost a few dict lookups per token and no
    Python-level loop per token (the word-block bigrams are looked up the same way).
    """

    def __init__(self, weights: dict[str, float], bias: float, threshold: float) -> None:
        self.w = weights
        self.bias = bias
        self.threshold = threshold
        self._uw: dict[str, float] = {}  # unigram weight of the folded token
        self._cs: dict[str, float] = {}  # sum of the token's character-gram weights
        self._k: dict[str, int] = {}  # number of the token's character grams
        self._fold: dict[str, str] = {}  # the folded token (<num>, <bignum> or itself)
        # bigram weights keyed by token pairs: zip() yields the keys without building strings
        self._bigram: dict[tuple[str, ...], float] = {
            tuple(f.split(" ")): v for f, v in weights.items() if f.count(" ") == 1 and not f.startswith("c:")}

    def _learn(self, tokens: set[str]) -> None:
        """Fill the per-token caches for these tokens."""
        w = self.w
        for raw in tokens:
            tok = norm_token(raw)
            grams = word_chars(raw)
            self._uw[raw] = w.get(tok, 0.0)
            self._cs[raw] = sum(w.get(g, 0.0) for g in grams)
            self._k[raw] = len(grams)
            self._fold[raw] = tok

    def clear_cache(self) -> None:
        """Forget cached token contributions (for cold-start benchmarks)."""
        self._uw.clear()
        self._cs.clear()
        self._k.clear()
        self._fold.clear()

    def margins(self, sentences: list[str]) -> list[float]:
        """Linear scores before the logistic, with the tuned threshold at 0, for many sentences."""
        batches = [_TOKEN.findall(s.lower()) for s in sentences]
        tokens = set().union(*batches) if batches else set()
        missing = tokens.difference(self._uw)
        if missing:
            if len(self._uw) + len(missing) > _WORD_CACHE_SIZE:
                # full: start over, and refill every token this batch reads (not only the new ones)
                self.clear_cache()
                missing = tokens
            self._learn(missing)
        uw, cs, kk, fold, wget = self._uw.__getitem__, self._cs.__getitem__, self._k.__getitem__, \
            self._fold.__getitem__, self.w.get
        bget = self._bigram.get
        offset = self.bias - self.threshold
        out: list[float] = []
        for toks in batches:
            m = len(toks)
            folded = list(map(fold, toks))
            pairs = zip(folded, folded[1:], strict=False)
            word_sum = sum(map(uw, toks)) + sum(map(bget, pairs, repeat(0.0)))
            word_sum += wget(_length_feature(m), 0.0)
            total = word_sum / math.sqrt(m + max(0, m - 1) + 1)
            n_chars = sum(map(kk, toks))
            if n_chars:
                total += sum(map(cs, toks)) / math.sqrt(n_chars)
            out.append(total + offset)
        return out

    def margin(self, sentence: str) -> float:
        """The linear score of one sentence before the logistic."""
        return self.margins([sentence])[0]

    def scores(self, sentences: list[str]) -> list[float]:
        """Probability-like check-worthiness in 0..1 for many sentences at once."""
        return [_logistic(m) for m in self.margins(sentences)]

    def score(self, sentence: str) -> float:
        """Probability-like check-worthiness in 0..1; 0.5 is the tuned decision threshold."""
        return _logistic(self.margin(sentence))


def _logistic(m: float) -> float:
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
