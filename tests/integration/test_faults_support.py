"""Shared tools of the fault tests (no tests here): many distinct articles from the sample
corpus, a paced feeder thread, process kills, and counting articles in and out by id."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import orjson

from newswire.core.codec import Codec
from newswire.core.settings import Settings
from newswire.core.topics import Topics, changelog_topic, consumer_group
from newswire.ingestion import encode_raw, ingest_headers
from newswire.kafkaio import Record, collect, produce
from newswire.runner import SAMPLES, WorkerProcess, settings_env
from tests.corpus import read_articles


def sample_articles(n: int, tag: str) -> list[dict[str, Any]]:
    """`n` raw articles cycling through the sample corpus, each with its own url (so its own id)."""
    base = read_articles(SAMPLES)
    out = []
    for i in range(n):
        article = dict(base[i % len(base)])
        article["url"] = f"{article['url']}-{tag}-{i}"
        article.pop("id", None)
        out.append(article)
    return out


def raw_records(settings: Settings, articles: list[dict[str, Any]]) -> tuple[list[Record], list[str]]:
    """Raw-topic records for the articles and their article ids, in order."""
    codec = Codec(settings.schemas_dir, settings.max_message_bytes)
    topic = Topics.for_prefix(settings.topic_prefix).raw
    records: list[Record] = []
    ids: list[str] = []
    for article in articles:
        key, value = encode_raw(codec, article, settings.pipeline_version)
        records.append((topic, key, value, ingest_headers()))
        ids.append(key.decode())
    assert len(set(ids)) == len(ids), "every generated article has its own id"
    return records, ids


class Feeder(threading.Thread):
    """Produces records in small batches with a pause between them, so faults land mid-stream."""

    def __init__(self, settings: Settings, records: list[Record], batch: int = 10, pause: float = 0.1) -> None:
        super().__init__(daemon=True)
        self.settings, self.records, self.batch, self.pause = settings, records, batch, pause
        self.sent = 0
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            asyncio.run(self._feed())
        except BaseException as exc:  # reported by finish()
            self.error = exc

    async def _feed(self) -> None:
        for start in range(0, len(self.records), self.batch):
            self.sent += await produce(self.settings, self.records[start:start + self.batch])
            await asyncio.sleep(self.pause)

    def finish(self, timeout: float = 120.0) -> int:
        """Wait for the feeder; every record must have been acknowledged by the broker."""
        self.join(timeout)
        assert not self.is_alive(), "feeder did not finish"
        if self.error is not None:
            raise self.error
        assert self.sent == len(self.records)
        return self.sent


def by_article(settings: Settings, topic: str) -> dict[str, list[dict[str, Any]]]:
    """Every event of a topic, grouped by article id."""
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in asyncio.run(collect(settings, topic, idle_seconds=0.4)):
        event = orjson.loads(record.value)
        grouped[event["article_id"]].append(event)
    return grouped


def topic_size(settings: Settings, topic: str) -> int:
    """How many records a topic holds right now (sum of its end offsets; no reading)."""
    from aiokafka import AIOKafkaConsumer, TopicPartition

    from newswire.core.kafka import client_kwargs

    async def ends() -> int:
        consumer = AIOKafkaConsumer(**client_kwargs(settings), enable_auto_commit=False)
        await consumer.start()
        try:
            await consumer.topics()
            tps = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
            return sum((await consumer.end_offsets(tps)).values()) if tps else 0
        finally:
            await consumer.stop()

    return asyncio.run(ends())


def wait_count(settings: Settings, topic: str, at_least: int, timeout: float) -> int:
    """Wait until a topic holds at least `at_least` records (cheap: end offsets only)."""
    deadline = time.monotonic() + timeout
    seen = 0
    while time.monotonic() < deadline:
        seen = topic_size(settings, topic)
        if seen >= at_least:
            return seen
        time.sleep(0.1)
    raise AssertionError(f"only {seen} records reached {topic} within {timeout:g} s (wanted {at_least})")


def wait_all(settings: Settings, topic: str, ids: list[str], timeout: float) -> dict[str, list[dict[str, Any]]]:
    """Wait until every article id has an event in `topic`; returns the events by article."""
    deadline = time.monotonic() + timeout
    grouped: dict[str, list[dict[str, Any]]] = {}
    while time.monotonic() < deadline:
        grouped = by_article(settings, topic)
        if set(ids) <= set(grouped):
            return grouped
        time.sleep(0.5)
    missing = sorted(set(ids) - set(grouped))
    raise AssertionError(f"{len(missing)} of {len(ids)} articles lost on {topic}, e.g. {missing[:3]}")


def audit(grouped: dict[str, list[dict[str, Any]]], ids: list[str]) -> int:
    """Nothing lost, nothing foreign, redeliveries only as same-id events; returns the duplicates."""
    assert set(grouped) == set(ids), "exactly the input articles come out"
    duplicates = 0
    for aid, evs in grouped.items():
        assert len({e["id"] for e in evs}) == 1, f"{aid} came out under different event ids"
        for e in evs[1:]:
            differs = sorted(k for k in e["payload"].keys() | evs[0]["payload"].keys()
                             if e["payload"].get(k) != evs[0]["payload"].get(k))
            assert not differs, f"{aid}: a redelivery differs in {differs}"
        duplicates += len(evs) - 1
    return duplicates


def kill(worker: WorkerProcess, sig: int = signal.SIGKILL) -> int:
    """Send a signal to the worker's process group; for SIGKILL, reap it and return its code."""
    os.killpg(worker.process.pid, sig)
    return worker.process.wait(10) if sig == signal.SIGKILL else 0


def trace_missing(settings: Settings, missing: list[str], workers: dict[str, WorkerProcess]) -> str:
    """Where lost articles got to (which topics hold them, dead-letter reasons) and the workers' log tails,
    for a failure message: a loss that shows up once in many runs must say where it happened."""
    topics = Topics.for_prefix(settings.topic_prefix)
    lines = []
    for name in ("raw", "clean", "extracted", "enriched", "deadletter"):
        held = by_article(settings, getattr(topics, name))
        for aid in missing[:3]:
            events = held.get(aid, [])
            reasons = [e["payload"].get("reason") for e in events if name == "deadletter"]
            lines.append(f"{aid} on {name}: {len(events)} event(s){' ' + str(reasons) if reasons else ''}")
    lines.extend(_input_positions(settings, missing[:3]))
    state = table_keys(settings, changelog_topic(settings, "stories", "articles"))
    lines.extend(f"{aid} in the stories state: {'yes' if aid in state else 'no'}" for aid in missing[:3])
    for stage, worker in workers.items():
        lines.append(f"--- {stage} log tail ---\n{log_text(worker)[-1500:]}")
    return "\n".join(lines)


def _input_positions(settings: Settings, missing: list[str]) -> list[str]:
    """Where each missing article sits on the stories worker's input against the group's committed
    offset: committed past it means its offset was committed unprocessed; before it, never re-fetched."""
    from newswire.core.admin import group_lag

    topics = Topics.for_prefix(settings.topic_prefix)
    group = consumer_group(settings, "stories")
    lag = asyncio.run(group_lag(settings, group, topics.extracted))
    at = {r.key.decode(): (r.partition, r.offset) for r in asyncio.run(collect(settings, topics.extracted))}
    out = []
    for aid in missing:
        if aid in at:
            partition, offset = at[aid]
            committed, end = lag.get(partition, (None, None))
            out.append(f"{aid} at extracted partition {partition} offset {offset}; stories group committed "
                       f"{committed}, end {end}")
    return out


SLOW_RESUME = """
import asyncio, runpy, sys
from faust.transport.drivers.aiokafka import Consumer

seek = Consumer.perform_seek

async def slow_seek(self):
    await seek(self)
    # the event loop slow to get back to the recovery that awaited the seek: up to a second, or until
    # the fetcher has queued 20 records for the streams
    queues = self.app.flow_control._queues
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 1.0
    while loop.time() < deadline and not any(q.qsize() >= 20 for q in queues):
        await asyncio.sleep(0.001)

Consumer.perform_seek = slow_seek
sys.argv = ["newswire", "worker", sys.argv[1]]
runpy.run_module("newswire.cli", run_name="__main__")
"""


def start_slow_resuming_worker(stage: str, settings: Settings, log_dir: Path) -> WorkerProcess:
    """`newswire worker STAGE` whose consumer is slow to return from each seek to the committed offsets, as
    a loaded machine may be between Faust's seek and the rest of its recovery (records fetched meanwhile
    were thrown away unprocessed: faustfixes.seek_with_flow_stopped)."""
    log_path = log_dir / f"{stage}.log"
    with open(log_path, "ab") as log_file:
        proc = subprocess.Popen([sys.executable, "-c", SLOW_RESUME, stage], env=settings_env(settings),
                                stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True)
    return WorkerProcess(stage, proc, log_path)


def log_text(worker: WorkerProcess) -> str:
    """The worker's log so far (for failure messages)."""
    return worker.log_path.read_text(errors="replace")[-3000:]


def free_port_base(settings: Settings, stage: str) -> Settings:
    """The same settings with a metrics port base whose ports are free (a second worker)."""
    from newswire.core.settings import STAGES

    return settings.with_(metrics_port_base=port_block(len(STAGES)))


def port_block(n: int = 4) -> int:
    """A base port with `n` free ports from it (one per stage's /metrics), outside the ephemeral range."""
    from newswire.core.broker import free_port_block

    return free_port_block(n)


def raw_offsets(settings: Settings) -> dict[tuple[int, int], str]:
    """(partition, offset) -> article id of every record in the raw topic."""
    topic = Topics.for_prefix(settings.topic_prefix).raw
    return {(r.partition, r.offset): r.key.decode() for r in asyncio.run(collect(settings, topic, 0.4))}


def committed(settings: Settings, stage: str, topic: str) -> dict[int, int]:
    """partition -> committed offset of a stage's consumer group on `topic`."""
    from newswire.core import admin

    group = consumer_group(settings, stage)
    return {p: c for p, (c, _end) in asyncio.run(admin.group_lag(settings, group, topic)).items()}


def metric_total(settings: Settings, stage: str, name: str) -> float:
    """Sum of a counter's samples for `stage` on the worker's /metrics page."""
    import urllib.request

    from prometheus_client.parser import text_string_to_metric_families

    url = f"http://127.0.0.1:{settings.metrics_port(stage)}/metrics"
    with urllib.request.urlopen(url, timeout=5) as r:
        body = r.read().decode()
    return sum(s.value for fam in text_string_to_metric_families(body) if fam.name == name
               for s in fam.samples if s.name.endswith("_total") and s.labels.get("stage") == stage)


def table_keys(settings: Settings, changelog: str) -> set[str]:
    """Keys alive in a Faust table's changelog (JSON keys; a null value deletes)."""
    alive: dict[str, bool] = {}
    for record in asyncio.run(collect(settings, changelog, idle_seconds=0.4)):
        alive[orjson.loads(record.key)] = record.value is not None
    return {k for k, ok in alive.items() if ok}
