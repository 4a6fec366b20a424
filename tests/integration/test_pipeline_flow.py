"""The sample corpus flows from raw to alerts through the four real workers on Tansu."""

from __future__ import annotations

import asyncio
import urllib.error
import urllib.request

from prometheus_client.parser import text_string_to_metric_families

from newswire.core import schemas
from newswire.core.codec import Codec
from newswire.core.settings import STAGES, Settings
from newswire.core.topics import Topics
from newswire.ingestion import encode_raw, ingest_headers, ingest_paths
from newswire.kafkaio import produce
from newswire.runner import SAMPLES
from tests.integration.helpers import events, read_all, wait_caught_up, wait_enriched, wait_until

TOPIC_SCHEMAS = {
    "raw": schemas.RAW, "clean": schemas.CLEAN, "claims": schemas.CLAIM, "extracted": schemas.EXTRACTED,
    "enriched": schemas.ENRICHED, "stories": schemas.STORY, "alerts": schemas.ALERT,
}


def test_sample_corpus_flows_to_alerts_schema_valid(live_settings: Settings, workers: dict) -> None:
    topics = Topics.for_prefix(live_settings.topic_prefix)
    sent, ids, invalid = ingest_paths(live_settings, [str(SAMPLES)])
    assert sent >= 12 and invalid == 0
    enriched = wait_enriched(live_settings, ids)
    wait_caught_up(live_settings, "alerter", topics.stories)

    codec = Codec(live_settings.schemas_dir, live_settings.max_message_bytes)
    for short, schema in TOPIC_SCHEMAS.items():
        for record in read_all(live_settings, getattr(topics, short)):
            codec.decode(record.value, [schema])  # raises if any event breaks its schema
    assert events(live_settings, topics.deadletter) == []
    stories = {e["payload"]["story_id"] for e in enriched.values()}
    assert 3 <= len(stories) < len(ids), "articles about one event share a story"
    assert any(e["payload"]["duplicate_of"] for e in enriched.values()), "the rewrite is found"
    assert len(events(live_settings, topics.claims)) > 20
    alerts = events(live_settings, topics.alerts)
    assert {a["payload"]["rule"] for a in alerts}, "the default rules fire on the samples"
    assert len({a["id"] for a in alerts}) == len(alerts), "no alert event twice"
    for w in workers.values():
        assert w.process.poll() is None, f"{w.stage} worker died"
    _check_http(live_settings, len(ids))


def _check_http(settings: Settings, n: int) -> None:
    """Every worker serves /healthz, /readyz and /metrics with its counters."""
    for stage in STAGES:
        base = f"http://127.0.0.1:{settings.metrics_port(stage)}"
        assert _get(base + "/healthz")[0] == 200
        ready = base + "/readyz"

        def answers(url: str = ready) -> bool:
            return _get(url)[0] == 200

        assert wait_until(answers, 15), f"{stage} not ready"
        status, body = _get(base + "/metrics")
        assert status == 200
        families = {m.name: m for m in text_string_to_metric_families(body)}
        assert "newswire_processing_seconds" in families
        ins = sum(s.value for s in families["newswire_messages_in"].samples
                  if s.name.endswith("_total") and s.labels["stage"] == stage)
        assert ins >= n if stage != "alerter" else ins >= 1


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, ""


def test_malformed_message_is_dead_lettered_and_next_flows(live_settings: Settings, workers: dict) -> None:
    topics = Topics.for_prefix(live_settings.topic_prefix)
    codec = Codec(live_settings.schemas_dir)
    article = {"url": "https://example.org/after-garbage", "source": "Test Wire",
               "text": "The council approved a budget of $12 million on Tuesday, the mayor said."}
    key, value = encode_raw(codec, article, live_settings.pipeline_version)
    bad = [(topics.raw, b"k1", b"\xff\xfenot json", ingest_headers()),
           (topics.raw, b"k2", b'{"schema": "newswire.article.raw/1", "payload": {}}', ingest_headers())]
    asyncio.run(produce(live_settings, bad + [(topics.raw, key, value, ingest_headers())]))
    wait_enriched(live_settings, {key.decode()})
    dead = events(live_settings, topics.deadletter)
    reasons = sorted(d["payload"]["reason"] for d in dead)
    assert reasons == ["DecodeError", "SchemaError"]
    assert {d["payload"]["stage"] for d in dead} == {"cleaner"}
    assert {d["payload"]["topic"] for d in dead} == {topics.raw}
    assert workers["cleaner"].process.poll() is None


def test_input_compressed_by_its_producer_flows(live_settings: Settings, workers: dict) -> None:
    """Crawlers and connectors often compress what they produce: Kafka clients offer gzip, snappy, lz4
    and zstd, and the consumer decompresses. Without a codec the worker cannot read the batch at all
    (aiokafka raises for snappy, lz4 and zstd unless cramjam is installed)."""
    from aiokafka import AIOKafkaProducer

    from newswire.core.kafka import client_kwargs

    topics = Topics.for_prefix(live_settings.topic_prefix)
    codec = Codec(live_settings.schemas_dir)
    codecs = ("gzip", "snappy", "lz4", "zstd")
    sent = []
    for name in codecs:
        article = {"url": f"https://example.org/compressed-{name}", "source": "Test Wire",
                   "text": f"The port authority said 40 ships waited offshore on Monday ({name} batch)."}
        sent.append((name, *encode_raw(codec, article, live_settings.pipeline_version)))

    async def send() -> None:
        for name, key, value in sent:
            prod = AIOKafkaProducer(**client_kwargs(live_settings), acks="all", compression_type=name)
            await prod.start()
            try:
                await (await prod.send(topics.raw, value=value, key=key, headers=ingest_headers()))
            finally:
                await prod.stop()

    asyncio.run(send())
    wait_enriched(live_settings, {key.decode() for _, key, _ in sent})
    assert all(w.process.poll() is None for w in workers.values())
