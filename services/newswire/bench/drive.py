"""Drive a running pipeline through the broker: produce raw articles at a fixed rate (or flat out
with a bounded backlog) and time every enriched article and alert from its `ingested_at` header."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer, TopicPartition

from newswire.bench.stats import latency_summary, steady_rate
from newswire.core.codec import Codec, header, parse_time
from newswire.core.kafka import client_kwargs
from newswire.core.settings import Settings
from newswire.core.topics import Topics, partitions_for
from newswire.ingestion import encode_raw, ingest_headers
from newswire.kafkaio import producer

TICK_SECONDS = 0.005
FETCH_BYTES = 64 * 1024 * 1024
"""Per-partition fetch size of the timing consumer: a producer batch of large events must fit."""
DRAIN_SECONDS = 120.0
ALERT_TAIL_SECONDS = 2.0
SATURATED_SECONDS = 5.0
"""A fixed-rate phase stops producing once this many seconds of input wait unprocessed: the
pipeline cannot sustain the rate, and a longer queue would only measure the queue."""


@dataclass
class Phase:
    """One measured stretch: an input kind at a rate (None = flat out) for some seconds."""

    kind: str
    label: str
    rate: float | None
    seconds: float
    articles: Iterator[dict[str, Any]]
    backlog: int = 500
    sent: int = 0
    produce_seconds: float = 0.0
    enriched_latency: list[float] = field(default_factory=list)
    enriched_arrivals: list[float] = field(default_factory=list)
    alert_latency: list[float] = field(default_factory=list)
    clean_latency: list[float] = field(default_factory=list)
    extracted_latency: list[float] = field(default_factory=list)
    dead_letters: int = 0
    dead_reasons: Counter[str] = field(default_factory=Counter)
    saturated: bool = False
    cpu_ms_per_article: dict[str, float] = field(default_factory=dict)
    """CPU ms per article out of each process (workers, broker, this driver) over the phase."""
    throttle: bool = False
    """On saturation, hold the input back and keep going until `seconds` (the memory run)."""

    def summary(self) -> dict[str, Any]:
        """The phase's figures as JSON."""
        offered = round(self.sent / self.produce_seconds, 1) if self.produce_seconds else None
        sustained = steady_rate(self.enriched_arrivals)
        return {
            "kind": self.kind, "label": self.label, "target_rate": self.rate, "seconds": self.seconds,
            "sent": self.sent, "offered_per_second": offered, "enriched": len(self.enriched_latency),
            "missing": self.sent - len(self.enriched_latency), "dead_letters": self.dead_letters,
            "saturated": self.saturated, "dead_letter_reasons": dict(self.dead_reasons.most_common(10)),
            "sustained_per_second": round(sustained, 1) if sustained else None,
            "cpu_ms_per_article": self.cpu_ms_per_article,
            "latency": {"clean": latency_summary(self.clean_latency),
                        "extracted": latency_summary(self.extracted_latency),
                        "enriched": latency_summary(self.enriched_latency),
                        "alerts": latency_summary(self.alert_latency)},
        }


def age_seconds(headers: Any, now: float) -> float | None:
    """Seconds since the record's `ingested_at` header, or None without one."""
    ingested = header(headers, "ingested_at")
    if not ingested:
        return None
    try:
        return max(0.0, now - parse_time(ingested).timestamp())
    except ValueError:
        return None


class Driver:
    """Produces phases one after another while one consumer times what comes out."""

    def __init__(self, settings: Settings, log: Callable[[str], None], alive: Callable[[], None],
                 cpu: Callable[[], dict[str, float]] | None = None) -> None:
        self.settings = settings
        self.cpu = cpu
        """Cumulative CPU seconds by process name; read around each phase, the driver's own added."""
        self.topics = Topics.for_prefix(settings.topic_prefix)
        self.codec = Codec(settings.schemas_dir, settings.max_message_bytes)
        self.log = log
        self.alive = alive
        self.owner: dict[bytes, Phase] = {}

    async def run(self, phases: list[Phase]) -> list[dict[str, Any]]:
        """Run every phase in order; returns their summaries."""
        prod = producer(self.settings)
        consumer = AIOKafkaConsumer(**client_kwargs(self.settings), enable_auto_commit=False,
                                    auto_offset_reset="latest", fetch_max_wait_ms=20,
                                    max_partition_fetch_bytes=FETCH_BYTES)
        await prod.start()
        await consumer.start()
        stop = asyncio.Event()
        try:
            await self._assign(consumer)
            reader = asyncio.create_task(self._consume(consumer, stop))
            for phase in phases:
                before = self._cpu_now()
                await self._produce(prod, phase)
                await self._drain(phase, before)
            stop.set()
            await reader
        finally:
            await consumer.stop()
            await prod.stop()
        return [p.summary() for p in phases]

    async def _assign(self, consumer: AIOKafkaConsumer) -> None:
        # partition counts from the settings: Tansu's metadata can leave out a fresh topic
        t = self.topics
        tps = [TopicPartition(name, p) for name in (t.clean, t.extracted, t.enriched, t.alerts, t.deadletter)
               for p in range(partitions_for(name, t, self.settings))]
        consumer.assign(tps)
        await consumer.seek_to_end(*tps)
        for tp in tps:  # resolve the end offsets now, before anything is produced
            await consumer.position(tp)

    async def _produce(self, prod: Any, phase: Phase) -> None:
        self.log(f"e2e: {phase.kind} {phase.label} for {phase.seconds:g} s")
        start = time.monotonic()
        futures = []
        while (elapsed := time.monotonic() - start) < phase.seconds:
            done = len(phase.enriched_latency) + phase.dead_letters
            if phase.rate and phase.sent - done > phase.rate * SATURATED_SECONDS:
                phase.saturated = True
                if not phase.throttle:
                    break
                await asyncio.sleep(0.1)
                continue
            target = int(elapsed * phase.rate) + 1 if phase.rate else done + phase.backlog
            while phase.sent < target:
                article = next(phase.articles, None)
                if article is None:
                    break
                key, value = encode_raw(self.codec, article, self.settings.pipeline_version)
                self.owner[key] = phase
                futures.append(await prod.send(self.topics.raw, value=value, key=key, headers=ingest_headers()))
                phase.sent += 1
            await asyncio.sleep(TICK_SECONDS if phase.rate else 0.02)
        phase.produce_seconds = time.monotonic() - start
        await prod.flush()
        for fut in futures:
            await fut

    def _cpu_now(self) -> dict[str, float]:
        if self.cpu is None:
            return {}
        return self.cpu() | {"driver": time.process_time()}

    async def _drain(self, phase: Phase, cpu_before: dict[str, float]) -> None:
        deadline = time.monotonic() + DRAIN_SECONDS
        while len(phase.enriched_latency) + phase.dead_letters < phase.sent and time.monotonic() < deadline:
            self.alive()
            await asyncio.sleep(0.2)
        # CPU up to the last article out, before the idle tail that waits for late alerts
        out = len(phase.enriched_latency) + phase.dead_letters
        if cpu_before and out:
            after = self._cpu_now()
            phase.cpu_ms_per_article = {name: round(1000.0 * (after[name] - used) / out, 2)
                                        for name, used in cpu_before.items() if name in after}
        await asyncio.sleep(ALERT_TAIL_SECONDS)

    async def _consume(self, consumer: AIOKafkaConsumer, stop: asyncio.Event) -> None:
        t = self.topics
        while not stop.is_set():
            batch = await consumer.getmany(timeout_ms=50, max_records=2000)
            now, mono = time.time(), time.monotonic()
            for tp, records in batch.items():
                for r in records:
                    self._record(tp.topic, r, now, mono, t)

    def _record(self, topic: str, r: Any, now: float, mono: float, t: Topics) -> None:
        if topic == t.alerts:
            phase = self.owner.get((orjson.loads(r.value).get("article_id") or "").encode())
        else:
            phase = self.owner.get(r.key or b"")
        if phase is None:
            return
        age = age_seconds(r.headers, now)
        if topic == t.deadletter:
            phase.dead_letters += 1
            phase.dead_reasons[f"{header(r.headers, 'stage')}: {header(r.headers, 'reason')}"] += 1
        elif age is None:
            return
        elif topic == t.enriched:
            phase.enriched_latency.append(age)
            phase.enriched_arrivals.append(mono)
        elif topic == t.clean:
            phase.clean_latency.append(age)
        elif topic == t.extracted:
            phase.extracted_latency.append(age)
        elif topic == t.alerts:
            phase.alert_latency.append(age)
