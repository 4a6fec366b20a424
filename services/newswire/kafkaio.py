"""aiokafka producers and readers for the command-line tools (ingest, tail, run, replay).

Auto-commit is off everywhere; a producer's batch is awaited before anything is reported.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterable
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from newswire.core.admin import end_offsets, topic_partitions
from newswire.core.boundary import max_request_bytes
from newswire.core.errors import ConfigError
from newswire.core.kafka import client_kwargs, started
from newswire.core.settings import Settings

Record = tuple[str, bytes | None, bytes, list[tuple[str, bytes]]]


def producer(settings: Settings) -> AIOKafkaProducer:
    """A producer with acks=all, and idempotence and compression as configured."""
    return AIOKafkaProducer(
        **client_kwargs(settings), acks="all", enable_idempotence=settings.enable_idempotence,
        linger_ms=5, max_request_size=max_request_bytes(settings), compression_type=settings.compression_type,
    )


async def produce(settings: Settings, records: Iterable[Record]) -> int:
    """Send records (topic, key, value, headers) without awaiting each; await the whole batch."""
    prod = producer(settings)
    await started(prod)
    try:
        futures = [await prod.send(topic, value=value, key=key, headers=headers)
                   for topic, key, value, headers in records]
        await prod.flush()
        for fut in futures:
            await fut  # raises if any delivery failed
        return len(futures)
    finally:
        await prod.stop()


async def read_topic(settings: Settings, topic: str, *, idle_seconds: float = 2.0,
                     until: float | None = None, from_beginning: bool = True,
                     to_end: bool = False) -> AsyncIterator[Any]:
    """Yield records of a topic from its start (no consumer group) until idle or a deadline.

    With `to_end`, stop once every partition is read up to its end offset as it was when
    reading began, and wait up to `max(idle_seconds, TO_END_STALL_SECONDS)` without a record
    before giving up: on a busy machine a fetch can take longer than a short idle time, and
    stopping on idle alone then returns part of the topic as if it were all of it."""
    consumer = AIOKafkaConsumer(**client_kwargs(settings), enable_auto_commit=False,
                                auto_offset_reset="earliest" if from_beginning else "latest")
    await started(consumer)
    try:
        tps = await topic_partitions(consumer, topic)
        if not tps:
            raise ConfigError(f"topic {topic!r} does not exist (`newswire topics list` shows those that do)")
        pending: dict[Any, int] = {}
        if to_end and tps:
            begins = await consumer.beginning_offsets(tps)
            ends = await end_offsets(consumer, tps)  # reassigns the consumer: before the assign below
            pending = {tp: end for tp, end in ends.items() if end > begins[tp]}
            idle_seconds = max(idle_seconds, TO_END_STALL_SECONDS)
        consumer.assign(tps)
        if from_beginning:
            await consumer.seek_to_beginning(*tps)
        last = time.monotonic()
        while not to_end or pending:
            batch = await consumer.getmany(timeout_ms=200, max_records=1000)
            records = [r for rs in batch.values() for r in rs]
            now = time.monotonic()
            for r in records:
                yield r
            for tp, rs in batch.items():
                if rs and tp in pending and rs[-1].offset + 1 >= pending[tp]:
                    del pending[tp]
            if records:
                last = now
            elif idle_seconds and now - last > idle_seconds:
                return
            if until is not None and now > until:
                return
    finally:
        await consumer.stop()


TO_END_STALL_SECONDS = 15.0
"""How long `read_topic(to_end=True)` waits for a record it knows exists before it gives up."""


async def collect(settings: Settings, topic: str, idle_seconds: float = 1.0) -> list[Any]:
    """Every record in a topic when called: read up to the end offsets taken at the start."""
    return [r async for r in read_topic(settings, topic, idle_seconds=idle_seconds, to_end=True)]


