"""Rewrite detection: shingles outside quotations, b-bit MinHash, LSH bands."""

from __future__ import annotations

import numpy as np

from newswire.stories import features, minhash

BASE = ("North Korean forces are experiencing mass casualties on the front lines, with a thousand of their "
        "troops killed or injured in the last week alone in the Kursk region, the White House said Friday. "
        "Kirby also said President Joe Biden was likely to approve another security assistance package.")
REWRITE = ("North Korean forces on the front lines are experiencing mass casualties, with a thousand of their "
           "troops killed or injured in the last week alone in the Kursk region, the White House reported Friday. "
           "Kirby said President Joe Biden was expected to approve another security assistance package.")
OTHER = ("Slovakia on Friday confirmed its readiness to host peace talks aimed at ending the war, and the foreign "
         "minister said any talks must include all parties. Fico has halted military aid.")


def sig(text: str) -> np.ndarray:
    return minhash.signature(features.shingle_hashes(text))


def test_rewrite_scores_high_and_unrelated_text_low() -> None:
    assert minhash.similarity(sig(BASE), sig(BASE)) == 1.0
    assert minhash.similarity(sig(BASE), sig(REWRITE)) > 0.2
    assert minhash.similarity(sig(BASE), sig(OTHER)) < 0.05


def test_estimate_tracks_exact_jaccard() -> None:
    a, b = set(features.shingle_hashes(BASE).tolist()), set(features.shingle_hashes(REWRITE).tolist())
    exact = len(a & b) / len(a | b)
    assert abs(minhash.similarity(sig(BASE), sig(REWRITE)) - exact) < 0.12


def test_shared_quotation_alone_does_not_make_a_copy() -> None:
    quote = ('"It is clear that Russian and North Korean military leaders are treating these troops as expendable '
             'and ordering them on hopeless assaults against Ukrainian defenses," ')
    a = quote + "John Kirby told reporters at the White House on Friday afternoon in Washington."
    b = quote + "the spokesman said in a call, adding that losses in Kursk had grown sharply."
    assert minhash.similarity(sig(a), sig(b)) < 0.1


def test_signature_is_stable_and_round_trips() -> None:
    s = sig(BASE)
    assert s.dtype == np.uint16 and len(s) == minhash.PERMUTATIONS
    assert np.array_equal(minhash.decode(minhash.encode(s)), s)
    assert np.array_equal(sig(BASE), s)  # crc32-based: the same in every process
    assert len(minhash.encode(s)) < 700


def test_empty_text_matches_nothing() -> None:
    empty = sig("")
    assert minhash.is_empty(empty)
    assert not minhash.is_empty(sig(BASE))


def test_near_duplicates_share_a_band_and_strangers_rarely_do() -> None:
    assert set(minhash.bands(sig(BASE))) & set(minhash.bands(sig(REWRITE)))
    assert len(set(minhash.bands(sig(BASE))) & set(minhash.bands(sig(OTHER)))) <= 1
    assert len(minhash.bands(sig(BASE))) == minhash.PERMUTATIONS // minhash.BAND_ROWS


def test_sketch_similarity_is_exact_for_short_texts() -> None:
    a, b = features.shingle_hashes(BASE), features.shingle_hashes(REWRITE)
    exact = len(set(a.tolist()) & set(b.tolist())) / len(set(a.tolist()) | set(b.tolist()))
    assert minhash.sketch_similarity(minhash.sketch(a), minhash.sketch(b)) == exact
    assert minhash.sketch_similarity(minhash.sketch(a), minhash.sketch(a)) == 1.0
    assert minhash.sketch_similarity(minhash.sketch(a), minhash.sketch(features.shingle_hashes(""))) == 0.0
    s = minhash.sketch(a)
    assert np.array_equal(minhash.decode_sketch(minhash.encode_sketch(s)), s)


def test_sketch_of_long_texts_is_bounded_and_still_estimates() -> None:
    words = [f"w{i}" for i in range(1600)]  # 1,598 shingles, well over the sketch size
    a = features.shingle_hashes(" ".join(words))
    b = features.shingle_hashes(" ".join(words[:800] + [f"x{i}" for i in range(800)]))
    sa, sb = minhash.sketch(a), minhash.sketch(b)
    assert len(sa) == minhash.SKETCH
    exact = len(set(a.tolist()) & set(b.tolist())) / len(set(a.tolist()) | set(b.tolist()))
    assert abs(minhash.sketch_similarity(sa, sb) - exact) < 0.08  # ~4 standard errors at k=512
