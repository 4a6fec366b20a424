"""`newswire process` and the streaming workers give the same enriched articles and alerts."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

from newswire.core import admin
from newswire.core.broker import LocalBroker
from newswire.core.settings import STAGES, Settings
from newswire.core.topics import Topics
from newswire.ingestion import ingest_paths
from newswire.pipeline import Pipeline
from newswire.runner import SAMPLES, start_worker, stop_workers
from tests.corpus import read_articles
from tests.integration.conftest import _free_port_block
from tests.integration.helpers import events, wait_caught_up, wait_enriched


def test_batch_equals_streaming(broker: LocalBroker, tmp_path: Path) -> None:
    # One partition everywhere keeps the input order end to end, as `process` does.
    settings = Settings(kafka_bootstrap=broker.bootstrap, topic_prefix=f"t{uuid.uuid4().hex[:10]}",
                        partitions=1, metrics_port_base=_free_port_block(), session_timeout_seconds=6.0,
                        heartbeat_interval_seconds=0.5, commit_interval_seconds=0.5)
    asyncio.run(admin.create_topics(settings))
    procs = [start_worker(stage, settings, tmp_path) for stage in STAGES]
    try:
        _, ids, _ = ingest_paths(settings, [str(SAMPLES)])
        streamed = wait_enriched(settings, ids)
        topics = Topics.for_prefix(settings.topic_prefix)
        wait_caught_up(settings, "alerter", topics.stories)
        stream_alerts = {a["id"]: a["payload"] for a in events(settings, topics.alerts)}
    finally:
        stop_workers(procs)

    batch = Pipeline(settings).run(read_articles(SAMPLES))
    batched = {e["article_id"]: e for e in batch.enriched}
    assert set(batched) == set(streamed)
    for aid, event in batched.items():
        assert event["id"] == streamed[aid]["id"]
        assert event["payload"] == streamed[aid]["payload"], f"article {aid} differs"
    assert {a["id"]: a["payload"] for a in batch.alerts} == stream_alerts
