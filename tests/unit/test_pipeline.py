"""`newswire process` (the in-memory pipeline): seeds and samples end to end, no broker."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from newswire.cli import main as cli_main
from newswire.core import schemas
from newswire.core.codec import Codec
from newswire.core.settings import Settings
from newswire.pipeline import Pipeline
from newswire.runner import SAMPLES
from tests.corpus import read_articles


@pytest.fixture(scope="module")
def samples_result():
    return Pipeline(Settings()).run(read_articles(SAMPLES))


def test_process_writes_five_schema_valid_seed_articles(seeds_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "seeds.jsonl"
    assert cli_main(["process", str(seeds_dir), "--out", str(out)]) == 0
    lines = out.read_bytes().splitlines()
    assert len(lines) == 5
    codec = Codec(Settings().schemas_dir)
    names = [codec.decode(line, [schemas.ENRICHED]).payload["url"].rsplit("/", 1)[-1] for line in lines]
    assert names == sorted(names), "written in input order"


def test_samples_every_stage_does_work(samples_result) -> None:
    enriched = [e["payload"] for e in samples_result.enriched]
    assert len(enriched) >= 12 and not samples_result.dead_letters
    assert sum(len(a["removed"]) for a in enriched) > 10, "the cleaner removed page chrome"
    assert any(a["spam"]["is_spam"] for a in enriched), "the spam page is flagged"
    assert sum(len(a["claims"]) for a in enriched) > 20
    assert any(c["speaker"] for a in enriched for c in a["claims"]), "speakers are attributed"
    stories = {a["story_id"] for a in enriched}
    assert 3 <= len(stories) <= 6
    assert any(a["duplicate_of"] for a in enriched), "the rewrite or copy is found"
    assert samples_result.alerts, "the default rules fire"


def test_story_a_corroborates_its_key_figures(samples_result) -> None:
    """Story A's 2,400 evacuated, 137 rescues and 45 million euros of aid each come from three or more independent
    outlets (a rewrite and a copy of the wire add none). The aid's alert was lost once when its wire report's
    counted thing was read as "approv" (the verb before the figure) and matched no other outlet's."""
    titles = [a["payload"]["title"] for a in samples_result.alerts if a["payload"]["rule"] == "corroborated"]
    for figure in ("2,400 residents", "137 rescues", "45 million euros"):
        assert any(figure in t for t in titles), (figure, titles)


def test_same_input_same_ids(samples_result) -> None:
    again = Pipeline(Settings()).run(read_articles(SAMPLES))
    strip = lambda evs: [(e["id"], e["payload"]) for e in evs]  # noqa: E731 - produced_at differs
    assert strip(again.enriched) == strip(samples_result.enriched)
    assert [a["id"] for a in again.alerts] == [a["id"] for a in samples_result.alerts]


def test_an_updated_article_gets_new_event_ids_and_a_redelivery_the_same() -> None:
    """A new text at the same url is a new version: its clean, extracted, enriched and story events get new
    ids (they had the first version's, with other content); the same text again gets the same ids."""
    body = "Floods in the Ebro valley forced {} people from their homes on Monday, the regional government said."
    first = {"url": "https://wire.example/ebro", "source": "wire", "title": "Ebro floods", "text": body.format("1,200")}
    update = first | {"text": body.format("2,400")}
    pipeline = Pipeline(Settings())
    runs = [pipeline.process(a) for a in (first, update, update)]
    ids = [(r.enriched[0]["id"], r.stories[0]["id"]) for r in runs]
    assert ids[0][0] != ids[1][0] and ids[0][1] != ids[1][1]
    assert ids[1] == ids[2]
    assert [c["value"] for c in runs[1].stories[0]["payload"]["claims"]] == [2400]


def test_replayed_input_raises_no_alert(samples_result) -> None:
    articles = read_articles(SAMPLES)
    replayed = Pipeline(Settings()).run(articles, replay=True)
    assert samples_result.alerts and not replayed.alerts
    assert len(replayed.enriched) == len(samples_result.enriched)
    assert all(e["replay"] for e in replayed.enriched + replayed.stories)
    assert not replayed.dead_letters


def test_metrics_count_claims_by_kind_and_alerts_by_rule() -> None:
    pipeline = Pipeline(Settings())
    result = pipeline.run(read_articles(SAMPLES))
    registry = pipeline.metrics.registry
    kinds = Counter(c["payload"]["kind"] for c in result.claims)
    assert len(kinds) > 1 and max(kinds.values()) > 1  # counted per kind, several of a kind per article
    assert {k: registry.get_sample_value("newswire_claims_total", {"stage": "extractor", "kind": k})
            for k in kinds} == kinds
    out = {t: registry.get_sample_value("newswire_messages_out_total", {"stage": "extractor", "topic": t})
           for t in ("newswire.claims", "newswire.articles.extracted")}
    assert out == {"newswire.claims": len(result.claims), "newswire.articles.extracted": len(result.enriched)}
    rules = {a["payload"]["rule"] for a in result.alerts}
    fired = sum(registry.get_sample_value("newswire_alerts_total", {"stage": "alerter", "rule": r}) or 0.0
                for r in rules)
    assert fired == len(result.alerts)
    assert registry.get_sample_value("newswire_messages_in_total",
                                     {"stage": "cleaner", "topic": "newswire.articles.raw"}) == len(result.enriched)


def test_pass_through_commands_show_their_own_options(capsys) -> None:
    """`newswire bench --help` lists bench's options (the wrapper parser used to answer with only -h)."""
    import pytest

    for argv, option in ((["bench", "--help"], "--only"), (["eval", "claims", "--help"], "--corpus"),
                         (["train", "checkworthiness", "--help"], "--data")):
        with pytest.raises(SystemExit) as done:
            cli_main(argv)
        assert done.value.code == 0
        assert option in capsys.readouterr().out


@pytest.mark.parametrize("bad", [["a list"], "a string", None, {1: "a key that is no string"},
                                 {"url": "https://x.example/1", "source": "x", "text": "Hi.", "n": 2**70},
                                 {"url": "https://x.example/2", "source": "x", "text": "\ud800"}])
def test_any_python_input_gives_a_dead_letter_not_an_exception(bad: object) -> None:
    """Inputs JSON cannot hold (a lone surrogate, integers past 64 bits, keys that are no strings) made the
    dead-letter path's own orjson.dumps raise out of `process`; a list, string or None said AttributeError."""
    result = Pipeline(Settings()).process(bad)  # type: ignore[arg-type]
    [dead] = result.dead_letters
    assert result.enriched == []
    if not isinstance(bad, dict):
        assert dead["payload"]["reason"] == "SchemaError"
        assert "must be a JSON object" in dead["payload"]["error"]
