"""`newswire replay`: re-publish a range of a topic, marked `replay: true`, resumable.

The range is given by times (ISO-8601, looked up with `offsets_for_times`) or offsets, per
partition. Replayed events keep their ids and keys; the original position and timestamp
travel in headers (`replay_of`, `original_timestamp_ms`). Progress is checkpointed after
each acknowledged batch, so an interrupted replay resumes without re-sending what it sent.
Dead letters are re-driven to the topic they came from, byte for byte.
"""

from __future__ import annotations

import hashlib
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import orjson
from aiokafka import AIOKafkaConsumer, TopicPartition

from newswire.core.admin import end_offsets, found_offset, topic_partitions
from newswire.core.codec import parse_time
from newswire.core.deadletter import original_message
from newswire.core.errors import ConfigError
from newswire.core.kafka import client_kwargs, started
from newswire.core.settings import Settings
from newswire.core.topics import Topics
from newswire.kafkaio import producer

BATCH = 500


@dataclass(frozen=True, slots=True)
class Position:
    """A replay bound: an offset, a time in ms, or the partition's start/end."""

    offset: int | None = None
    time_ms: int | None = None
    edge: str | None = None

    @classmethod
    def parse(cls, text: str) -> Position:
        """`123` (offset), `earliest`, `latest`, or an ISO-8601 time."""
        if text in ("earliest", "latest"):
            return cls(edge=text)
        if text.isdigit():
            return cls(offset=int(text))
        try:
            return cls(time_ms=int(parse_time(text).timestamp() * 1000))
        except ValueError:
            raise ConfigError(
                f"--from/--to {text!r}: expected an offset, 'earliest', 'latest' or an ISO-8601 time") from None


@dataclass
class Plan:
    """Offsets to replay per partition: [start, stop)."""

    ranges: dict[int, tuple[int, int]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        """How many records the plan covers."""
        return sum(max(0, b - a) for a, b in self.ranges.values())


def replay_target(value: bytes, topics: Topics) -> tuple[str, bytes | None, bytes, list[tuple[str, bytes]]] | None:
    """Where a dead letter's original message goes back to: (topic, key, value, headers)."""
    event = orjson.loads(value)
    payload = event["payload"]
    if payload["topic"].startswith("ingest:"):
        return None  # never reached a topic: nothing to re-drive it into
    key, original, headers = original_message(payload)
    return payload["topic"], key, original, headers


def mark_replay(value: bytes) -> bytes:
    """The same event with `replay: true` (ids and payload unchanged)."""
    event = orjson.loads(value)
    if isinstance(event, dict) and "replay" in event:
        event["replay"] = True
    return orjson.dumps(event)


class Checkpoint:
    """Per-partition next offset, persisted as JSON after every acknowledged batch."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.next: dict[int, int] = {}
        if path is not None and path.exists():
            self.next = {int(k): v for k, v in orjson.loads(path.read_bytes()).items()}

    def save(self) -> None:
        """Write atomically (a checkpoint without a path lives in memory only)."""
        if self.path is None:
            return
        tmp = self.path.with_suffix(".tmp")
        tmp.write_bytes(orjson.dumps({str(k): v for k, v in self.next.items()}))
        tmp.replace(self.path)


def default_checkpoint(topic: str, into: str, start: str, stop: str, filters: str, cluster: str = "") -> Path:
    """A checkpoint file named by the replay's arguments and the cluster's address, so re-running the same
    replay resumes it (and the same replay on another cluster does not: it sent nothing there)."""
    digest = hashlib.blake2b(f"{topic}|{into}|{start}|{stop}|{filters}|{cluster}".encode(),
                             digest_size=8).hexdigest()
    directory = Path.home() / ".cache" / "newswire" / "replay"
    directory.mkdir(parents=True, exist_ok=True)
    return directory / f"{digest}.json"


async def plan(consumer: AIOKafkaConsumer, topic: str, start: Position, stop: Position | None,
               partitions: list[int] | None) -> Plan:
    """Resolve bounds to offsets per partition."""
    every = await topic_partitions(consumer, topic)
    if not every:
        raise ConfigError(f"topic {topic!r} does not exist")
    tps = [tp for tp in every if partitions is None or tp.partition in partitions]
    if not tps:
        raise ConfigError(f"topic {topic!r} has no partition {', '.join(map(str, partitions or []))} "
                          f"(it has {len(every)})")
    begin = await consumer.beginning_offsets(tps)
    end = await end_offsets(consumer, tps)

    async def resolve(pos: Position | None, default: dict[TopicPartition, int]) -> dict[TopicPartition, int]:
        if pos is None or pos.edge == "latest":
            return dict(end)
        if pos.edge == "earliest":
            return dict(begin)
        if pos.offset is not None:
            return {tp: min(max(pos.offset, begin[tp]), end[tp]) for tp in tps}
        found = await consumer.offsets_for_times({tp: pos.time_ms for tp in tps})
        return {tp: (found[tp].offset if found_offset(found.get(tp)) else end[tp]) for tp in tps}

    a = await resolve(start, begin)
    b = await resolve(stop, end)
    return Plan({tp.partition: (a[tp], max(a[tp], b[tp])) for tp in tps})


async def replay(settings: Settings, topic: str, start: Position, stop: Position | None = None, *,
                 into: str | None = None, partitions: list[int] | None = None, reason: str | None = None,
                 stage: str | None = None, checkpoint: Checkpoint | None = None, as_live: bool = False,
                 progress: Callable[[int, int, float], None] | None = None) -> dict[str, int]:
    """Replay a range; returns counts of sent, skipped (filtered) and resumed-over records.

    `as_live` leaves the replay flag unset: for feeding a shadow pipeline's own topics, whose
    alerts must be computed (to compare versions) and reach no one."""
    topics = Topics.for_prefix(settings.topic_prefix)
    is_dead = topic == topics.deadletter
    consumer = AIOKafkaConsumer(**client_kwargs(settings), enable_auto_commit=False)
    prod = producer(settings)
    await started(consumer)
    try:
        await started(prod)
    except BaseException:
        await consumer.stop()
        raise
    counts = {"sent": 0, "skipped": 0, "resumed": 0}
    try:
        p = await plan(consumer, topic, start, stop, partitions)
        if into is not None and into not in await consumer.topics():
            raise ConfigError(f"topic {into!r} does not exist (a misspelt --into would be created by the broker)")
        ck = checkpoint or Checkpoint(None)
        if any(ck.next.get(part, a) > b for part, (a, b) in p.ranges.items()):
            # past what this topic holds: the topic was recreated, or this is another cluster, since it was saved
            print(f"replay: the checkpoint is ahead of {topic}'s offsets (a recreated topic or another "
                  "cluster): starting afresh", file=sys.stderr)
            ck.next.clear()
        tps = []
        for part, (a, b) in p.ranges.items():
            begin = max(a, ck.next.get(part, a))
            counts["resumed"] += begin - a
            if begin < b:
                tp = TopicPartition(topic, part)
                tps.append(tp)
        consumer.assign(tps)
        for tp in tps:
            a, _ = p.ranges[tp.partition]
            consumer.seek(tp, max(a, ck.next.get(tp.partition, a)))
        began = time.monotonic()
        done = counts["resumed"]
        remaining = {tp.partition for tp in tps}
        while remaining:
            batch = await consumer.getmany(*[TopicPartition(topic, r) for r in remaining], timeout_ms=500,
                                           max_records=BATCH)
            futures = []
            for tp, records in batch.items():
                stop_at = p.ranges[tp.partition][1]
                for r in records:
                    if r.offset >= stop_at:
                        remaining.discard(tp.partition)
                        break
                    out = _outgoing(r, topic, into, is_dead, topics, reason, stage, as_live)
                    if out is None:
                        counts["skipped"] += 1
                    else:
                        futures.append(await prod.send(out[0], key=out[1], value=out[2], headers=out[3]))
                    ck.next[tp.partition] = r.offset + 1
                    done += 1
                if ck.next.get(tp.partition, 0) >= stop_at:
                    remaining.discard(tp.partition)
            for part in list(remaining):  # a range can end in a gap (compaction, aborted batches)
                if await consumer.position(TopicPartition(topic, part)) >= p.ranges[part][1]:
                    remaining.discard(part)
            for fut in futures:
                await fut
            counts["sent"] += len(futures)
            if checkpoint is not None:
                checkpoint.save()
            if progress:
                progress(done, p.total, time.monotonic() - began)
        return counts
    finally:
        await prod.stop()
        await consumer.stop()


Outgoing = tuple[str, bytes | None, bytes, list[tuple[str, bytes]]]


def _outgoing(r: Any, topic: str, into: str | None, is_dead: bool, topics: Topics, reason: str | None,
              stage: str | None, as_live: bool = False) -> Outgoing | None:
    headers = list(r.headers or ())
    if is_dead:
        payload = orjson.loads(r.value)["payload"]
        if (reason and payload.get("reason") != reason) or (stage and payload.get("stage") != stage):
            return None
        target = replay_target(r.value, topics)
        if target is None:
            return None
        t, key, value, original_headers = target
        origin = f"{topic}[{r.partition}]@{r.offset}".encode()
        return into or t, key, value, original_headers + [("redriven_from", origin)]
    headers = [(k, v) for k, v in headers if k not in ("replay_of", "original_timestamp_ms")]
    headers += [("replay_of", f"{topic}[{r.partition}]@{r.offset}".encode()),
                ("original_timestamp_ms", str(r.timestamp).encode())]
    return into or topic, r.key, r.value if as_live else mark_replay(r.value), headers


def print_progress(stream: TextIO = sys.stderr) -> Callable[[int, int, float], None]:
    """A one-line progress bar with rate and ETA."""

    def show(done: int, total: int, elapsed: float) -> None:
        rate = done / elapsed if elapsed > 0 else 0.0
        eta = (total - done) / rate if rate > 0 else 0.0
        width = 30
        filled = int(width * done / total) if total else width
        stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {rate:,.0f}/s ETA {eta:,.0f}s ")
        stream.flush()

    return show
