"""Workers' logs and /metrics carry no article text: a unique marker planted in good and
poison articles never shows up in either, while the dead letters prove the poison ran."""

from __future__ import annotations

import asyncio
import urllib.request
import uuid
from pathlib import Path

import orjson

from newswire.core import schemas
from newswire.core.settings import Settings
from newswire.core.topics import Topics
from newswire.ingestion import ingest_headers
from newswire.kafkaio import Record, produce
from newswire.runner import start_worker, stop_workers
from tests.integration.helpers import events, wait_caught_up, wait_until
from tests.integration.test_faults_support import raw_records, wait_all

STAGES_UP = ("cleaner", "extractor")


def planted_articles(marker: str) -> list[dict]:
    """Good articles with the marker in the title, byline, text and HTML."""
    text = (f"{marker} The port authority said on Monday that 14 ships were waiting, and "
            f"spokesperson Ana {marker} said talks would resume. More than 2,000 jobs depend on it.")
    return [
        {"url": "https://sec.example/text", "source": f"Wire {marker}", "title": f"Title {marker}", "text": text},
        {"url": "https://sec.example/html", "source": "Wire", "title": "Port",
         "html": f"<html><head><title>{marker}</title><meta name='author' content='{marker}'></head>"
                 f"<body><article><p class='byline'>By {marker}</p><p>{text}</p></article></body></html>"},
    ]


def test_no_article_text_in_logs_or_metrics(live_settings: Settings, tmp_path: Path) -> None:
    marker = "Zqx" + uuid.uuid4().hex[:12]
    topics = Topics.for_prefix(live_settings.topic_prefix)
    records, ids = raw_records(live_settings, planted_articles(marker))
    poison: list[Record] = [
        (topics.raw, b"p1", f'{{"broken json {marker}'.encode(), ingest_headers()),
        (topics.raw, b"p2", orjson.dumps({"schema": schemas.RAW, "id": marker, "payload": {"text": marker}}),
         ingest_headers()),
        (topics.raw, b"p3", f"\xff\xfe{marker}".encode("utf-8", "surrogateescape"), ingest_headers()),
    ]
    live_settings = live_settings.with_(log_level="DEBUG")  # the most verbose the service logs
    procs = [start_worker(s, live_settings, tmp_path) for s in STAGES_UP]
    try:
        asyncio.run(produce(live_settings, records + poison))
        wait_all(live_settings, topics.extracted, ids, timeout=60)
        assert wait_until(lambda: len(events(live_settings, topics.deadletter)) >= len(poison), 30)
        wait_caught_up(live_settings, "cleaner", topics.raw)
        pages = {}
        for stage in STAGES_UP:
            url = f"http://127.0.0.1:{live_settings.metrics_port(stage)}/metrics"
            with urllib.request.urlopen(url, timeout=5) as r:
                pages[stage] = r.read().decode()
    finally:
        stop_workers(procs)
    logs = {p.stage: p.log_path.read_text(errors="replace") for p in procs}
    assert "dead-lettering" in logs["cleaner"], "the poison was logged (so the logs were really captured)"
    assert 'newswire_dead_letters_total{' in pages["cleaner"]
    for where, text in list(logs.items()) + [(f"{s} /metrics", t) for s, t in pages.items()]:
        assert marker not in text and marker.lower() not in text.lower(), f"article text leaked into {where}"
    dead = events(live_settings, topics.deadletter)
    assert any(marker in orjson.dumps(d).decode() for d in dead), "dead letters do keep the original bytes"
