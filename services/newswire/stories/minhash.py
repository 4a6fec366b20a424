"""MinHash signatures over word shingles and LSH band keys, for rewrite and copy detection.

Same idea as datasketch's MinHash, but with 32-bit crc32 shingle hashes and fixed
permutations so a signature is 4 bytes a slot, the same in every process, and stored
compactly in the changelog table.
"""

from __future__ import annotations

import base64

import numpy as np

PERMUTATIONS = 128
BAND_ROWS = 2
"""Rows per LSH band: 64 bands of 2 make a pair at Jaccard 0.15 a candidate with p ~ 0.76."""
_PRIME = np.uint64(4294967311)  # the first prime above 2**32
_MASK = np.uint64(0xFFFFFFFF)
_rng = np.random.RandomState(20241227)
_A = _rng.randint(1, 2**32 - 1, size=PERMUTATIONS, dtype=np.uint64)
_B = _rng.randint(0, 2**32 - 1, size=PERMUTATIONS, dtype=np.uint64)
_EMPTY = np.full(PERMUTATIONS, 0xFFFFFFFF, dtype=np.uint32)


def signature(hashes: list[int]) -> np.ndarray:
    """The MinHash signature (uint32 per permutation) of a set of 32-bit shingle hashes."""
    if not hashes:
        return _EMPTY.copy()
    hv = np.asarray(hashes, dtype=np.uint64)[:, None]
    # a, x < 2**32 so a*x + b < 2**64: no overflow before the modulus
    permuted = ((hv * _A + _B) % _PRIME) & _MASK
    return permuted.min(axis=0).astype(np.uint32)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures' shingle sets."""
    return float(np.count_nonzero(a == b)) / len(a)


def is_empty(sig: np.ndarray) -> bool:
    """True for the signature of an empty text, which must match nothing."""
    return bool((sig == 0xFFFFFFFF).all())


def bands(sig: np.ndarray, rows: int = BAND_ROWS) -> list[bytes]:
    """LSH band keys: two signatures sharing any key are candidate near-duplicates."""
    raw = sig.tobytes()
    width = rows * 4
    return [bytes([i]) + raw[i * width:(i + 1) * width] for i in range(len(sig) // rows)]


def encode(sig: np.ndarray) -> str:
    """A signature as compact text for the state store (base64 of its bytes)."""
    return base64.b64encode(sig.astype("<u4").tobytes()).decode("ascii")


def decode(text: str) -> np.ndarray:
    """A signature back from `encode`."""
    return np.frombuffer(base64.b64decode(text), dtype="<u4").astype(np.uint32)
