"""One against two processes of a CPU-bound stage (cleaner, extractor) in one consumer group.

The stage's input topic is loaded after the workers hold their partitions, then the rate of
outputs is timed between the 10th and 90th percentile of arrivals (group join and the last
partition's tail excluded). Each run has its own broker and topics.
"""

from __future__ import annotations

import asyncio
import itertools
import threading
import time
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition

from newswire.bench.e2e import Articles, broker_settings
from newswire.bench.profile import spy_process
from newswire.bench.stages import build_stage
from newswire.bench.stats import steady_rate
from newswire.bench.workers import Fleet
from newswire.core.boundary import Boundary, Message
from newswire.core.codec import Codec
from newswire.core.kafka import client_kwargs
from newswire.core.metrics import create_metrics
from newswire.core.settings import Settings
from newswire.core.topics import Topics, partitions_for
from newswire.ingestion import encode_raw, ingest_headers
from newswire.kafkaio import produce

STAGES = ("cleaner", "extractor", "stories")
PROCESSES = {"cleaner": (1, 2), "extractor": (1, 2), "stories": (1,)}
"""Stories keeps one partition (one story index), so it runs as one process: its drain rate is the
ceiling of the whole pipeline's throughput."""
STATEFUL = {"stories"}
"""Stages fed distinct articles only (a stateful stage answers a redelivered article at once)."""
MAX_INPUTS = {"text": 20000, "html": 1500}
FIRST_OUTPUT_SECONDS = 60.0
"""How long a run waits for its first output before giving up."""

Record = tuple[bytes | None, bytes, list[tuple[str, bytes]]]
"""key, value and headers of an input record (its topic depends on the run's prefix)."""


def run(settings: Settings, articles: Articles, kinds: Sequence[str], seconds: float, log_dir: Path,
        log: Callable[[str], None], spy: bool = False) -> dict[str, Any]:
    """For each kind and stage, 1 then 2 processes over the same input; speedup = rate2 / rate1.
    With `spy`, the single worker is sampled with py-spy while it drains its input."""
    runs: list[dict[str, Any]] = []
    for kind in kinds:
        epoch = list(itertools.islice(articles.stream(kind), len(articles.sources[kind])))
        for stage in STAGES:
            inputs, per_process = stage_inputs(settings, stage, epoch)
            count = min(MAX_INPUTS[kind], max(200, int(per_process * 2 * seconds)))
            if stage in STATEFUL:  # repeated article ids would take the idempotent fast path
                fresh = list(itertools.islice(articles.stream(kind), count))
                records = stage_inputs(settings, stage, fresh)[0]
            else:
                records = list(itertools.islice(itertools.cycle(inputs), count))
            single: float | None = None
            for n in PROCESSES[stage]:
                log(f"scaling: {kind} {stage} x{n} ({count} inputs)")
                result = one(settings, stage, n, records, seconds, log_dir / f"{kind}-{stage}-{n}",
                             spy=spy and n == 1)
                result |= {"kind": kind, "stage": stage, "processes": n, "inputs": count,
                           "in_process_per_second": round(per_process, 1)}
                if n == 1:
                    single = result.get("per_second")
                elif single and result.get("per_second"):
                    result["speedup"] = round(result["per_second"] / single, 2)
                runs.append(result)
    return {"runs": runs}


def stage_inputs(settings: Settings, stage: str, epoch: list[dict[str, Any]]) -> tuple[list[Record], float]:
    """Encoded input records of a stage for one epoch of articles (the stages before it run in
    process), and the stage's own in-process rate behind its boundary, per CPU second."""
    topics = Topics.for_prefix(settings.topic_prefix)
    codec = Codec(settings.schemas_dir, settings.max_message_bytes)
    metrics = create_metrics(process=False)
    queue = []
    for a in epoch:
        key, value = encode_raw(codec, a, settings.pipeline_version)
        queue.append(Message(topics.raw, 0, len(queue), key, value, ingest_headers()))
    for name in STAGES:
        boundary = Boundary(build_stage(name, topics, settings), settings, metrics, codec)
        started = time.process_time()
        outputs = [o for m in queue for o in boundary.handle(m)]
        rate = len(queue) / max(time.process_time() - started, 1e-6)
        if name == stage:
            return [(m.key, m.value or b"", list(m.headers)) for m in queue], rate
        nxt = _io(name, topics)[1]
        queue = [Message(o.topic, 0, i, o.key, o.value, o.headers)
                 for i, o in enumerate(o for o in outputs if o.topic == nxt)]
    raise ValueError(f"unknown stage {stage!r}")


def one(settings: Settings, stage: str, processes: int, records: list[Record], seconds: float,
        log_dir: Path, spy: bool = False) -> dict[str, Any]:
    """Start `processes` workers of `stage`, load its input, time its output for `seconds`
    (py-spy the first worker if `spy`)."""
    with ExitStack() as stack:
        s = broker_settings(stack, settings, log_dir, "bench-scale")
        fleet = Fleet().start([(stage, processes)], s, log_dir)
        stack.callback(fleet.stop)
        topics = Topics.for_prefix(s.topic_prefix)
        source, output = _io(stage, topics)
        fleet.wait_ready({stage: partitions_for(source, topics, s)})
        load = [(source, key, value, headers) for key, value, headers in records]
        spied: dict[str, Any] = {}
        spy_thread = None
        if spy:  # sample the middle of the run, not the start-up
            pid, length = fleet.workers[0].process.pid, max(3.0, 0.6 * seconds)
            spy_thread = threading.Thread(target=lambda: spied.update(
                {"worker_profile": (time.sleep(2.0), spy_process(pid, length))[1]}), daemon=True)
            spy_thread.start()
        cpu_before = fleet.cpu_seconds()
        arrivals = asyncio.run(_load_and_time(s, load, output, seconds, fleet.check_alive))
        cpu = sum(fleet.cpu_seconds().values()) - sum(cpu_before.values())
        if spy_thread is not None:
            spy_thread.join(seconds + 60)
        rate = steady_rate(arrivals)
        return spied | {"outputs": len(arrivals), "per_second": round(rate, 1) if rate else None,
                "worker_cpu_seconds": round(cpu, 2),
                "per_worker_cpu_second": round(len(arrivals) / cpu, 1) if cpu > 0 else None,
                "peak_rss_mb": fleet.peak_mb(),
                "error": None if arrivals else "no output"}


def _io(stage: str, topics: Topics) -> tuple[str, str]:
    """The topic a stage reads and the one whose arrivals time it."""
    return {"cleaner": (topics.raw, topics.clean), "extractor": (topics.clean, topics.extracted),
            "stories": (topics.extracted, topics.enriched)}[stage]


async def _load_and_time(settings: Settings, records: list[Any], output: str, seconds: float,
                         alive: Callable[[], None]) -> list[float]:
    """Load the input, then collect output arrival times for `seconds` after the first one
    (or until every input came out): the rate is timed while the workers are busy."""
    consumer = AIOKafkaConsumer(**client_kwargs(settings), enable_auto_commit=False, auto_offset_reset="earliest",
                                fetch_max_wait_ms=50)
    await consumer.start()
    try:
        topics = Topics.for_prefix(settings.topic_prefix)
        tps = [TopicPartition(output, p) for p in range(partitions_for(output, topics, settings))]
        consumer.assign(tps)
        await consumer.seek_to_beginning(*tps)
        loader = asyncio.create_task(produce(settings, records))
        arrivals: list[float] = []
        deadline = time.monotonic() + seconds + FIRST_OUTPUT_SECONDS
        while len(arrivals) < len(records) and time.monotonic() < deadline:
            batch = await consumer.getmany(timeout_ms=100, max_records=5000)
            now = time.monotonic()
            got = sum(len(rs) for rs in batch.values())
            if got and not arrivals:
                deadline = now + seconds
            arrivals += [now] * got
            alive()
        await loader
        return arrivals
    finally:
        await consumer.stop()
