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
    words, chars = cw.features("In 2010 we cut taxes 12 times.")
    assert "<num>" in words and "<bignum>" in words and "we cut" in words
    assert chars and all(f.startswith("c:") for f in chars)


def test_fast_scorer_equals_training_features() -> None:
    """The cached scorer must compute exactly what the trainer's features describe."""
    model = cw.load()
    assert model is not None
    for s in ("We spent $200 million on 35 new bureaucracies.", "Thank you.", "Taxes rose 3% in 2010, 2011 and 2012."):
        words, chars = cw.features(s)
        expected = sum(model.w.get(f, 0.0) for f in words) / math.sqrt(len(words))
        expected += sum(model.w.get(f, 0.0) for f in chars) / math.sqrt(len(chars))
        expected += model.bias - model.threshold
        assert abs(model.margin(s) - expected) < 1e-9


def test_empty_and_odd_input() -> None:
    for s in ("", "   ", "\u041f\u0440\u0438\u0432\u0435\u0442 \u4f60\u597d", "!!!???"):
        assert 0.0 <= cw.score(s) <= 1.0


def test_batch_scores_equal_single_scores() -> None:
    model = cw.load()
    assert model is not None
    batch = ["We spent $200 million on 35 new bureaucracies.", "", "Thank you.", "Taxes rose 3% in 2010, 2011 and 2012."]
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
