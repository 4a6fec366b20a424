"""Check-worthiness: how much a sentence states a checkable fact, as a score from 0 to 1.

A linear model over three feature blocks, each block's counts scaled by 1/sqrt(its size):
word 1-2-grams (numbers folded to <num>/<bignum>) with a length bucket; character
3-5-grams of each word; and "cue" classes present anywhere in the sentence (a figure, a
year, percent, money, scale and number words, comparatives, modals, first and second
person, past tense, a question, capitalised names). The character and cue parts of the
score depend only on the word, so they are cached per word and scoring costs a few dict
lookups per token. Weights live in models/checkworthiness.json (plain JSON: nothing
executable), written by `newswire train checkworthiness`.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Callable
from itertools import repeat
from pathlib import Path

MODEL_PATH = Path(__file__).resolve().parent / "models" / "checkworthiness.json"
# [a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*|[$%?!], written to start with one character class: Python's re
# then skips non-token characters in a C loop instead of trying the three branches at each (15% fewer
# instructions); the lookbehinds pick the branch the first character began
_TOKEN = re.compile(r"[a-z\d$%?!](?:(?<=[a-z])[a-z]*+(?:'[a-z]+)?|(?<=\d)\d*+(?:[.,]\d+)*+|)")
_DIGIT = re.compile(r"\d")
# a capitalised word after a space: names, places, organisations (and "I"). Only counted: the capital
# with a space before it, not the space before a capital, so re skips in C to the next capital
# instead of testing every character for whitespace (same count: matches of \s[A-Z] cannot overlap)
_CAPS = re.compile(r"[A-Z](?<=\s[A-Z])")
CHAR_NS = (3, 4, 5)
_WORD_CACHE_SIZE = 1 << 16


def _lexicon(groups: dict[str, str]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for cue, words in groups.items():
        for w in words.split():
            out.setdefault(w, []).append("h:" + cue)
    return {w: tuple(v) for w, v in out.items()}


# word classes that mark a checkable statement (figures, comparisons) or an opinion or promise
_CUES = _lexicon({
    "pct": "% percent percentage",
    "money": "$ dollar dollars cents",
    "scale": "hundred hundreds thousand thousands million millions billion billions trillion trillions",
    "numw": "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty "
            "seventy eighty ninety dozen dozens half twice double",
    "comp": "more less fewer higher lower larger smaller bigger greater most least highest lowest largest "
            "increase increased decrease decreased rise rose fell doubled tripled cut cuts",
    "than": "than",
    "modal": "will would should could might can may must going want wants think believe hope",
    "person": "i we you",
    "q": "?",
})


# every cue feature, each with its bit in the scorer's per-token masks
CUE_FEATURES: tuple[str, ...] = tuple(sorted({f for v in _CUES.values() for f in v} | {
    "h:digit", "h:year", "h:past"}))
_CUE_BIT = {f: 1 << i for i, f in enumerate(CUE_FEATURES)}


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


def token_cues(tok: str) -> frozenset[str]:
    """The cue classes one lower-cased token belongs to."""
    out = list(_CUES.get(tok, ()))
    if tok[0].isdigit():
        out.append("h:digit")
        if len(tok) == 4 and tok[:2] in ("18", "19", "20"):
            out.append("h:year")
    elif len(tok) > 2 and tok.endswith("ed"):
        out.append("h:past")
    return frozenset(out)


_LEXICON_BITS = {w: sum(_CUE_BIT[f] for f in set(cues)) for w, cues in _CUES.items()}
_DIGIT_BIT, _YEAR_BIT, _PAST_BIT = _CUE_BIT["h:digit"], _CUE_BIT["h:year"], _CUE_BIT["h:past"]
# the slices word_chars() takes of a padded word of each length, in its order (3-grams, 4-grams, 5-grams)
_GRAM_SLICES = [tuple(slice(i, i + n) for n in CHAR_NS for i in range(size - n + 1)) for size in range(64)]


def _gram_sum(chars_get: Callable[[str, float], float], padded: str, zero: repeat[float]) -> tuple[float, int]:
    """The summed weights of a padded word's character grams and their number (word_chars' grams,
    added left to right as `sum` over word_chars would)."""
    size = len(padded)
    cuts = _GRAM_SLICES[size] if size < len(_GRAM_SLICES) else tuple(
        slice(i, i + n) for n in CHAR_NS for i in range(size - n + 1))
    return sum(map(chars_get, map(padded.__getitem__, cuts), zero)), len(cuts)


CAPS_BUCKETS = 4  # capitalised words: 0, 1, 2, 3 or more
LENGTH_BUCKETS = 9  # tokens: 0-4, 5-9, ..., 40 or more


def _caps_feature(sentence: str) -> str:
    return f"h:caps{min(len(_CAPS.findall(sentence)), CAPS_BUCKETS - 1)}"


def _length_feature(n_tokens: int) -> str:
    return f"<len{min(n_tokens // 5, LENGTH_BUCKETS - 1)}>"


def features(sentence: str) -> tuple[list[str], list[str], list[str]]:
    """Word, character and cue blocks, each feature repeated as often as it occurs (training side)."""
    raw = raw_tokens(sentence)
    toks = [norm_token(t) for t in raw]
    words = list(toks)
    words += [a + " " + b for a, b in zip(toks, toks[1:], strict=False)]
    words.append(_length_feature(len(toks)))
    chars: list[str] = []
    for t in raw:
        chars += word_chars(t)
    cues = sorted(frozenset().union(*map(token_cues, raw)))
    cues.append(_caps_feature(sentence))
    return words, chars, cues


class _Token:
    """One token's contributions: its folded form's unigram weight, the sum and number of its character-gram
    weights, its cue classes as a bit mask, and the folded token (<num>, <bignum> or itself)."""

    __slots__ = ("bits", "char_sum", "folded", "n_chars", "unigram")

    def __init__(self, unigram: float, char_sum: float, n_chars: int, bits: int, folded: str) -> None:
        self.unigram = unigram
        self.char_sum = char_sum
        self.n_chars = n_chars
        self.bits = bits
        self.folded = folded


class Model:
    """Loaded weights with a per-token cache of unigram, character-gram and cue contributions.

    Scoring runs over a batch of sentences with one cache lookup per token (the word-block
    bigrams are summed with C-level `map`/`sum`). One lookup of a tuple replaced five dicts
    looked up with `map`: scoring an article's sentences took 0.28 ms instead of 0.36 compiled
    (newswire/native.py) and 0.35 instead of 0.40 interpreted. The entry became a `_Token` (compiled, a
    native class whose fields are read without boxing) looked up in the dict itself rather than through
    its bound `get`: 311 instead of 337 us per article compiled.
    """

    def __init__(self, weights: dict[str, float], bias: float, threshold: float) -> None:
        self.w = weights
        self.bias = bias
        self.threshold = threshold
        self._token: dict[str, _Token] = {}
        self._cue_sum: dict[int, tuple[float, int]] = {}  # a mask's summed cue weights and its cue count
        self._chars = {f[2:]: v for f, v in weights.items() if f.startswith("c:")}  # character grams, unprefixed
        self._digit_grams: dict[str, tuple[float, int]] = {}  # gram sum and count by digit-folded padded number
        # bigram weights keyed by token pairs: zip() yields the keys without building strings
        self._bigram: dict[tuple[str, ...], float] = {
            tuple(f.split(" ")): v for f, v in weights.items() if f.count(" ") == 1 and not f.startswith("c:")}
        # the sentence-level features' weights by bucket, so scoring builds no feature strings
        self._lenw = [weights.get(f"<len{i}>", 0.0) for i in range(LENGTH_BUCKETS)]
        self._capw = [weights.get(f"h:caps{i}", 0.0) for i in range(CAPS_BUCKETS)]

    def _learn(self, tokens: set[str]) -> None:
        """Fill the per-token caches for these tokens.

        The same values as `word_chars`/`token_cues` give, summed in the same order (so the
        same floats), without building a "c:" string per gram: grams are sliced from the
        padded word with precomputed slices and looked up in the prefix-less `_chars`.
        """
        wget, cget, cache = self.w.get, self._chars.get, self._token
        digit_grams = self._digit_grams
        zero = repeat(0.0)
        for raw in tokens:
            bits = _LEXICON_BITS.get(raw, 0)
            if raw[0].isdigit():  # only number tokens hold digits (see _TOKEN)
                tok = "<num>" if len(raw) < 4 else "<bignum>"
                bits |= _DIGIT_BIT | (_YEAR_BIT if len(raw) == 4 and raw[:2] in ("18", "19", "20") else 0)
                padded = " " + _DIGIT.sub("0", raw) + " "
                got = digit_grams.get(padded)  # "2019" and "2020" share their grams
                if got is None:
                    got = digit_grams[padded] = _gram_sum(cget, padded, zero)
                char_sum, n_chars = got
            else:
                tok = raw
                if len(raw) > 2 and raw.endswith("ed"):
                    bits |= _PAST_BIT
                char_sum, n_chars = _gram_sum(cget, " " + raw + " ", zero)
            cache[raw] = _Token(wget(tok, 0.0), char_sum, n_chars, bits, tok)

    def _cue_weights(self, mask: int) -> tuple[float, int]:
        """The summed weights and the number of the cues in this mask (cached: few masks occur)."""
        got = self._cue_sum.get(mask)
        if got is None:
            cues = [f for f, bit in _CUE_BIT.items() if mask & bit]
            got = self._cue_sum[mask] = (sum(self.w.get(f, 0.0) for f in cues), len(cues))
        return got

    def clear_cache(self) -> None:
        """Forget cached token contributions (for cold-start benchmarks)."""
        self._cue_sum.clear()
        self._digit_grams.clear()
        self._token.clear()

    def margins(self, sentences: list[str]) -> list[float]:
        """Linear scores before the logistic, with the tuned threshold at 0, for many sentences.

        One cache lookup per token gives all its contributions; a sentence with an unseen token
        learns its tokens and starts over, so the sums run in the same order either way.
        """
        cache = self._token
        bget = self._bigram.get
        lenw, capw, last_len, last_cap = self._lenw, self._capw, LENGTH_BUCKETS - 1, CAPS_BUCKETS - 1
        caps, sqrt, zero = _CAPS.findall, math.sqrt, repeat(0.0)
        cue_sum, cue_weights = self._cue_sum.get, self._cue_weights
        tokenize = _TOKEN.findall
        offset = self.bias - self.threshold
        out: list[float] = []
        for s in sentences:
            toks: list[str] = tokenize(s.lower())
            m = len(toks)
            while True:
                unigrams = 0.0
                char_sum = 0.0
                n_chars = 0
                mask = 0
                folded: list[str] = []
                for t in toks:
                    got = cache.get(t)
                    if got is None:
                        break
                    unigrams += got.unigram
                    char_sum += got.char_sum
                    n_chars += got.n_chars
                    mask |= got.bits
                    folded.append(got.folded)
                else:
                    break
                self._learn_missing(toks)
            word_sum = unigrams + sum(map(bget, zip(folded, folded[1:], strict=False), zero))
            word_sum += lenw[min(m // 5, last_len)]
            total = word_sum / sqrt(m + m) if m else word_sum
            if n_chars:
                total += char_sum / sqrt(n_chars)
            cue_w, n_cues = cue_sum(mask) or cue_weights(mask)
            total += (cue_w + capw[min(len(caps(s)), last_cap)]) / sqrt(n_cues + 1)
            out.append(total + offset)
        return out

    def _learn_missing(self, toks: list[str]) -> None:
        """Learn a sentence's unseen tokens; a full cache starts over with all of its tokens."""
        tokens = set(toks)
        missing = tokens.difference(self._token)
        if len(self._token) + len(missing) > _WORD_CACHE_SIZE:
            self.clear_cache()
            missing = tokens
        self._learn(missing)

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
