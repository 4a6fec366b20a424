"""Check-worthiness model: loads from JSON, scores in 0..1, ranks factual claims above chatter."""

import math

from newswire.extractor import checkworthiness as cw


def test_model_file_loads_and_is_json() -> None:
    assert cw.MODEL_PATH.exists()
    assert cw.MODEL_PATH.read_bytes()[:1] == b"{"
    model = cw.load()
    assert model is not None and len(model.w) > 1000


def test_scores_in_range_and_ordered() -> None:
    factual = "Unemployment rose by 3.2 percent last year, and 12 million people lost their health insurance."
    chatter = "Thank you very much, it is great to be here tonight."
    a, b = cw.score(factual), cw.score(chatter)
    assert 0.0 <= b < 0.5 <= a <= 1.0


def test_deterministic_and_cache_consistent() -> None:
    model = cw.load()
    assert model is not None
    s = "We spent $200 million on 35 new bureaucracies."
    first = model.score(s)
    model.clear_cache()
    assert model.score(s) == first == model.score(s)


def test_features_fold_numbers_and_have_char_block() -> None:
    words, chars, cues = cw.features("In 2010 we cut taxes 12 times.")
    assert "<num>" in words and "<bignum>" in words and "we cut" in words
    assert chars and all(f.startswith("c:") for f in chars)
    assert all(f.startswith("h:") for f in cues)


def test_cue_block_marks_figures_and_opinions() -> None:
    *_, cues = cw.features("In 2010 Congress cut taxes by 12 percent, more than $3 billion, and I opposed it.")
    assert {"h:digit", "h:year", "h:pct", "h:money", "h:scale", "h:comp", "h:than", "h:person", "h:past"} <= set(cues)
    assert "h:caps2" in cues  # "Congress" and "I"
    *_, cues = cw.features("Will you think about it?")
    assert {"h:modal", "h:person", "h:q", "h:caps0"} == set(cues)
    assert len(cues) == len(set(cues))  # present or not: each cue once


def test_fast_scorer_equals_training_features() -> None:
    """The cached scorer must compute exactly what the trainer's features describe."""
    model = cw.load()
    assert model is not None
    for s in ("We spent $200 million on 35 new bureaucracies.", "Thank you.", "Taxes rose 3% in 2010, 2011 and 2012.",
              "", "Did Senator Smith say 40 percent?"):
        expected = model.bias - model.threshold
        for block in cw.features(s):
            if block:
                expected += sum(model.w.get(f, 0.0) for f in block) / math.sqrt(len(block))
        assert abs(model.margin(s) - expected) < 1e-9


def test_empty_and_odd_input() -> None:
    for s in ("", "   ", "\u041f\u0440\u0438\u0432\u0435\u0442 \u4f60\u597d", "!!!???"):
        assert 0.0 <= cw.score(s) <= 1.0


def test_batch_scores_equal_single_scores() -> None:
    model = cw.load()
    assert model is not None
    batch = ["We spent $200 million on 35 new bureaucracies.", "", "Thank you.",
             "Taxes rose 3% in 2010, 2011 and 2012."]
    singles = [model.score(s) for s in batch]
    model.clear_cache()
    assert model.scores(batch) == singles
    assert model.scores([]) == []


def test_full_token_cache_never_loses_a_token(monkeypatch) -> None:
    """When the cache fills mid-stream, every token of the batch is refilled (no KeyError)."""
    import newswire.extractor.checkworthiness as cw

    model = cw.load()
    assert model is not None
    monkeypatch.setattr(cw, "_WORD_CACHE_SIZE", 8)
    model.scores(["Officials said troops were killed."])
    # shares cached tokens with the first batch and overflows the cache with new ones
    mixed = model.scores(["Officials said troops were killed in another region entirely, reporters heard."])
    assert len(mixed) == 1


def test_training_is_reproducible_and_cv_is_nested() -> None:
    """Same rows, same model file; the CV threshold search stays on its grid."""
    import json

    from newswire.extractor import train

    xs = [f"Taxes rose {i} percent in {1990 + i}." for i in range(30)] + \
         [f"I think you are wrong about number {i}, my friend." for i in range(30)]
    ys = [1] * 30 + [0] * 30
    a = json.dumps(train.train(xs, ys, 0.0), sort_keys=True)
    assert a == json.dumps(train.train(xs, ys, 0.0), sort_keys=True)
    cv = train.cross_validate(xs, ys, folds=3, inner=2)
    assert cv["f1"] > 0.9 and cv["inner_folds"] == 2
    lo, hi, _ = train.THRESHOLDS
    assert lo <= cv["threshold"] <= hi
