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


def sketch(text: str) -> np.ndarray:
    return minhash.sketch(features.shingle_hashes(text))


def sim(a: str, b: str) -> float:
    return minhash.sketch_similarity(sketch(a), sketch(b))


def shared_keys(a: str, b: str) -> int:
    return len(set(minhash.index_keys(sketch(a))) & set(minhash.index_keys(sketch(b))))


def test_rewrite_scores_high_and_unrelated_text_low() -> None:
    assert sim(BASE, BASE) == 1.0
    assert sim(BASE, REWRITE) > 0.2
    assert sim(BASE, OTHER) < 0.05


def test_shared_quotation_alone_does_not_make_a_copy() -> None:
    quote = ('"It is clear that Russian and North Korean military leaders are treating these troops as expendable '
             'and ordering them on hopeless assaults against Ukrainian defenses," ')
    a = quote + "John Kirby told reporters at the White House on Friday afternoon in Washington."
    b = quote + "the spokesman said in a call, adding that losses in Kursk had grown sharply."
    assert sim(a, b) < 0.1


def test_sketch_is_stable_and_round_trips() -> None:
    s = sketch(BASE)
    assert s.dtype == np.uint32 and list(s) == sorted(set(s.tolist()))
    assert np.array_equal(minhash.decode_sketch(minhash.encode_sketch(s)), s)
    assert np.array_equal(sketch(BASE), s)  # hashed from the bytes: the same in every process


def test_shingle_hashes_are_the_same_in_another_process() -> None:
    import subprocess
    import sys

    code = ("from newswire.stories import features; "
            f"print(features.shingle_hashes({BASE!r}).tolist())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONHASHSEED": "123", "PYTHONPATH": ":".join(sys.path)})
    assert out.stdout.strip() == str(features.shingle_hashes(BASE).tolist())


def test_words_split_on_unicode_punctuation_like_ascii() -> None:
    assert np.array_equal(features.shingle_hashes("troops \u2014 killed \u201cin\u201d Kursk"),
                          features.shingle_hashes("troops - killed \"in\" Kursk"))
    # accented letters stay inside their words: four words, two 3-grams
    assert len(features.shingle_hashes("caf\u00e9 na\u00efve d\u00e9j\u00e0 vu")) == 2


def test_empty_text_matches_nothing() -> None:
    assert len(sketch("")) == 0 and minhash.index_keys(sketch("")) == []
    assert minhash.sketch_similarity(sketch(""), sketch(BASE)) == 0.0


def test_near_duplicates_share_index_keys_and_strangers_rarely_do() -> None:
    need = minhash.min_shared(minhash.index_keys(sketch(BASE)))
    assert shared_keys(BASE, REWRITE) >= need
    assert shared_keys(BASE, OTHER) < need
    assert len(minhash.index_keys(sketch(" ".join(f"w{i}" for i in range(500))))) == minhash.INDEX_VALUES


def test_rewrites_at_the_threshold_are_candidates_in_every_trial() -> None:
    """Banded 16-bit MinHash missed about one rewrite in six at Jaccard 0.12; the key index must not."""
    import random

    rng = random.Random(7)
    vocabulary = [f"w{i}" for i in range(5000)]
    similarities = []
    for _ in range(200):
        words = rng.choices(vocabulary, k=300)
        # change each word with probability 0.4: a 3-gram survives with p = 0.6**3, Jaccard about 0.12
        other = [rng.choice(vocabulary) if rng.random() < 0.4 else w for w in words]
        a, b = " ".join(words), " ".join(other)
        similarities.append(sim(a, b))
        assert shared_keys(a, b) >= minhash.min_shared(minhash.index_keys(sketch(a)))
    assert 0.09 < sum(similarities) / len(similarities) < 0.15


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
