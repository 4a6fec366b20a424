"""Attribution scorer: the held-out (PolNeAR-style) matching rule on tiny inputs, and the gold file's spans."""

import json
from pathlib import Path

import pytest

from newswire.extractor import attribution_eval as ae

URL = "urn:ecbplus:test_1"
TEXT = ('"We are all deeply shocked," Mr Papandreou said. '
        '"It was an empty city," he said. Police said the man was arrested.')


def _att(source: str, resolved: str, cue: str, content: str, after: int = 0) -> dict:
    """Spans located in TEXT (searching from ``after``) so the tiny gold is itself valid."""
    def span(part: str) -> dict:
        start = TEXT.index(part, after)
        return {"text": part, "start": start, "end": start + len(part)}
    return {"source": span(source), "source_resolved": resolved, "cue": span(cue), "content": span(content)}


def _gold() -> list[dict]:
    return [{"doc_id": "test_1", "url": URL, "text": TEXT, "attributions": [
        _att("Mr Papandreou", "George Papandreou", "said", "We are all deeply shocked"),
        _att("he", "George Papandreou", "said", "It was an empty city", after=TEXT.index("It was")),
        _att("Police", "Police", "said", "the man was arrested", after=TEXT.index("Police")),
    ]}]


def test_tiny_gold_is_valid() -> None:
    assert ae.validate(_gold()) == []


def test_hit_by_text_and_speaker_name() -> None:
    pred = {URL: [{"text": '"We are all deeply shocked," Mr Papandreou said.',
                   "speaker": {"name": "George Papandreou"}}]}
    r = ae.score(pred, _gold())
    assert (r["tp"], r["fp"], r["fn"]) == (1, 0, 2)
    assert r["precision"] == 1.0 and r["recall"] == pytest.approx(1 / 3)


def test_speaker_may_be_a_plain_string_and_prediction_a_record() -> None:
    pred = {URL: {"claims": [{"text": "Police said the man was arrested.", "speaker": "police"}]}}
    assert ae.score(pred, _gold())["tp"] == 1


def test_miss_by_speaker_is_a_false_negative_and_a_false_positive() -> None:
    pred = {URL: [{"text": "Police said the man was arrested.", "speaker": {"name": "The Associated Press"}}]}
    r = ae.score(pred, _gold())
    assert (r["tp"], r["fp"], r["fn"]) == (0, 1, 3)


def test_stop_words_alone_never_match_a_speaker() -> None:
    # "The" is shared with nothing after stop-word removal, so a speaker "the man" does not match "Police".
    pred = {URL: [{"text": "the man was arrested", "speaker": {"name": "the"}}]}
    assert ae.score(pred, _gold())["tp"] == 0


def test_miss_by_coverage_under_half_the_content_words() -> None:
    # content "We are all deeply shocked" has 5 words; the claim covers 2 of them.
    pred = {URL: [{"text": "They were shocked, we heard.", "speaker": {"name": "Papandreou"}}]}
    r = ae.score(pred, _gold())
    assert (r["tp"], r["fp"]) == (0, 1)


def test_exactly_half_coverage_counts() -> None:
    # "the man was arrested" has 4 words; 2 covered is enough.
    pred = {URL: [{"text": "A man arrested.", "speaker": {"name": "police"}}]}
    assert ae.score(pred, _gold())["tp"] == 1


def test_false_positive_only_for_claims_with_a_speaker() -> None:
    pred = {URL: [{"text": "Something nobody in the gold said.", "speaker": {"name": "Someone Else"}},
                  {"text": "No speaker at all.", "speaker": None},
                  {"text": "Empty speaker.", "speaker": {}}]}
    r = ae.score(pred, _gold())
    assert (r["tp"], r["fp"], r["fn"]) == (0, 1, 3)


def test_missing_article_counts_every_gold_pair_as_missed() -> None:
    r = ae.score({}, _gold())
    assert (r["tp"], r["fp"], r["fn"], r["f1"]) == (0, 0, 3, 0.0)


def test_pronoun_source_only_reachable_when_resolved() -> None:
    pred = {URL: [{"text": '"It was an empty city," he said.', "speaker": {"name": "George Papandreou"}}]}
    strict = ae.score(pred, _gold())
    lenient = ae.score(pred, _gold(), resolved=True)
    assert (strict["tp"], strict["fp"]) == (0, 1)
    assert (lenient["tp"], lenient["fp"]) == (1, 0)
    # A predicted "he" is no help either: the pronoun is a stop word on both sides.
    assert ae.score({URL: [{"text": "It was an empty city", "speaker": "he"}]}, _gold())["tp"] == 0


def test_one_claim_may_cover_several_gold_pairs() -> None:
    pred = {URL: [{"text": TEXT, "speaker": {"name": "Papandreou"}}]}
    r = ae.score(pred, _gold(), resolved=True)
    assert (r["tp"], r["fp"], r["fn"]) == (2, 0, 1)


def test_validate_reports_drifted_offsets() -> None:
    gold = _gold()
    gold[0]["attributions"][0]["content"]["start"] += 1
    problems = ae.validate(gold)
    assert len(problems) == 1 and "content" in problems[0]


def test_gold_file_spans_are_exact() -> None:
    gold = ae.load_gold()
    assert ae.validate(gold) == []
    assert len(gold) == 30
    assert sum(len(d["attributions"]) for d in gold) >= 250
    source = {json.loads(line)["doc_id"] for line in ae.GOLD_PATH.read_text(encoding="utf-8").splitlines()}
    assert len(source) == 30


def test_news_gold_file_spans_are_exact() -> None:
    # The zyte-dev news set: real article URLs instead of urn:ecbplus: ones, otherwise the same checks.
    gold = ae.load_gold(ae.NEWS_GOLD_PATH)
    assert ae.validate(gold, ecbplus=False) == []
    assert len(gold) == 22
    assert sum(len(d["attributions"]) for d in gold) >= 300
    assert len({d["doc_id"] for d in gold}) == 22
    assert all(d["attributions"] for d in gold)


def test_validate_news_urls_must_be_http() -> None:
    gold = _gold()
    assert ae.validate(gold, ecbplus=False) == ["test_1: url 'urn:ecbplus:test_1' is not an http(s) URL"]
    gold[0]["url"] = "https://example.com/story"
    assert ae.validate(gold, ecbplus=False) == []


def test_gold_scored_against_itself_is_perfect_when_resolved() -> None:
    # Claims built from the gold itself: content as text, resolved name as speaker.
    gold = ae.load_gold()
    pred = {d["url"]: [{"text": a["content"]["text"], "speaker": {"name": a["source_resolved"]}}
                       for a in d["attributions"]] for d in gold}
    r = ae.score(pred, gold, resolved=True)
    assert r["fn"] == 0 and r["recall"] == 1.0


def test_eval_claims_runs_the_extractor_over_the_gold_set(tmp_path: Path) -> None:
    """`newswire eval claims` scores the real extractor: a plain "X said" sentence is found."""
    from newswire.extractor.evaluate import eval_attribution

    text = "The storm killed 12 people in the valley, Governor Maria Lopez said on Monday."
    content = "The storm killed 12 people in the valley"
    source = "Governor Maria Lopez"
    row = {"doc_id": "t1", "url": "urn:test:t1", "text": text, "attributions": [{
        "source": {"text": source, "start": text.index(source), "end": text.index(source) + len(source)},
        "source_resolved": "Maria Lopez",
        "cue": {"text": "said", "start": text.rindex("said"), "end": text.rindex("said") + 4},
        "content": {"text": content, "start": 0, "end": len(content)}}]}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(row) + "\n", encoding="utf-8")
    result = eval_attribution(gold)
    assert result["as_written"]["tp"] == 1 and result["as_written"]["fn"] == 0
