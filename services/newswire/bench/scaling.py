"""One against two processes of a CPU-bound stage (cleaner, extractor) in one consumer group.

The stage's whole input is in its topic before the workers start, so the loader does not
compete with them for the two cores (loading while they ran made the loader the limit for
HTML pages). Once every worker holds partitions, outputs are timed between the 10th and 90th
percentile of their arrivals (the last partition's tail excluded); outputs made before then
(one worker started before the other joined) are counted apart. Each run has its own broker
and topics.
"""

from __future__ import annotations

import asyncio
import itertools
import statistics
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
MAX_INPUTS = {"text": 30000, "html": 6000}
"""Enough for 20 s of two processes behind the start-up (the broker holds them all in memory)."""
FIRST_OUTPUT_SECONDS = 60.0
"""How long a run waits for its first output before giving up."""

Record = tuple[bytes | None, bytes, list[tuple[str, bytes]]]
"""key, value and headers of an input record (its topic depends on the run's prefix)."""


ROUNDS = 2
"""Rounds of one and two processes, in the order 1, 2, 2, 1 so that a machine speeding up or slowing
down over the section weighs on both alike: single runs of a stage moved by up to 30% from one run
to the next on this machine (html extractor 1.50x in one section, 1.97x in the next)."""


def run(settings: Settings, articles: Articles, kinds: Sequence[str], seconds: float, log_dir: Path,
        log: Callable[[str], None], spy: bool = False, rounds: int = ROUNDS) -> dict[str, Any]:
    """For each kind and stage, runs of 1 and 2 processes over the same input; a stage's speedup is the
    mean rate of its 2-process runs over that of its 1-process runs. With `spy`, the first single
    worker is sampled with py-spy while it drains its input."""
    runs: list[dict[str, Any]] = []
    speedups: list[dict[str, Any]] = []
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
            rates: dict[int, list[float]] = {n: [] for n in PROCESSES[stage]}
            for i, n in enumerate(run_order(PROCESSES[stage], rounds if len(PROCESSES[stage]) > 1 else 1)):
                log(f"scaling: {kind} {stage} x{n} ({count} inputs)")
                result = one(settings, stage, n, records, seconds, log_dir / f"{kind}-{stage}-{n}-{i}",
                             spy=spy and i == 0)
                result |= {"kind": kind, "stage": stage, "processes": n, "inputs": count,
                           "in_process_per_second": round(per_process, 1)}
                if result.get("per_second"):
                    rates[n].append(result["per_second"])
                runs.append(result)
            if len(rates) == 2 and rates[1] and rates[2]:
                one_rate, two_rate = statistics.mean(rates[1]), statistics.mean(rates[2])
                speedups.append({"kind": kind, "stage": stage, "one_per_second": round(one_rate, 1),
                                 "two_per_second": round(two_rate, 1), "speedup": round(two_rate / one_rate, 2),
                                 "runs": len(rates[1]) + len(rates[2])})
    return {"runs": runs, "speedups": speedups}


def run_order(processes: Sequence[int], rounds: int) -> list[int]:
    """Process counts to run, mirrored every other round: (1, 2) twice is 1, 2, 2, 1."""
    order: list[int] = []
    for r in range(rounds):
        order += list(processes) if r % 2 == 0 else list(reversed(processes))
    return order


def stage_inputs(settings: Settings, stage: str, epoch: list[dict[str, Any]]) -> tuple[list[Record], float]:
    """Encoded input records of a stage for one epoch of articles (the stages before it run in
    process), and the stage's own in-process rate behind its boundary, per CPU second."""
    topics = Topics.for_prefix(settings.topic_prefix)
    codec = Codec(settings.schemas_dir, settings.max_message_bytes)
    metrics = create_metrics(process=False)
    queue: list[Message] = []
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
    """Load the input, start `processes` workers of `stage`, and time its outputs for `seconds` once
    they all hold partitions (py-spy the first worker if `spy`)."""
    with ExitStack() as stack:
        s = broker_settings(stack, settings, log_dir, "bench-scale")
        topics = Topics.for_prefix(s.topic_prefix)
        source, output = _io(stage, topics)
        started = time.monotonic()
        asyncio.run(produce(s, [(source, key, value, headers) for key, value, headers in records]))
        load_seconds = time.monotonic() - started
        fleet = Fleet().start([(stage, processes)], s, log_dir)
        stack.callback(fleet.stop)
        fleet.wait_ready({stage: partitions_for(source, topics, s)})
        spied: dict[str, Any] = {}
        spy_thread = None
        if spy:  # sample the middle of the run, not the start-up
            pid, length = fleet.workers[0].process.pid, max(3.0, 0.6 * seconds)

            def sample() -> None:
                time.sleep(2.0)
                spied["worker_profile"] = spy_process(pid, length)

            spy_thread = threading.Thread(target=sample, daemon=True)
            spy_thread.start()
        cpu_before = fleet.cpu_seconds()
        early, arrivals = asyncio.run(_time_outputs(s, output, len(records), seconds, fleet.check_alive))
        cpu = sum(fleet.cpu_seconds().values()) - sum(cpu_before.values())
        if spy_thread is not None:
            spy_thread.join(seconds + 60)
        rate = steady_rate(arrivals)
        return spied | {"outputs": len(arrivals), "outputs_before_ready": early,
                        "load_seconds": round(load_seconds, 1),
                        "per_second": round(rate, 1) if rate else None,
                        "worker_cpu_seconds": round(cpu, 2),
                        "per_worker_cpu_second": round(len(arrivals) / cpu, 1) if cpu > 0 else None,
                        "peak_rss_mb": fleet.peak_mb(),
                        "error": None if arrivals else "no output"}


def _io(stage: str, topics: Topics) -> tuple[str, str]:
    """The topic a stage reads and the one whose arrivals time it."""
    return {"cleaner": (topics.raw, topics.clean), "extractor": (topics.clean, topics.extracted),
            "stories": (topics.extracted, topics.enriched)}[stage]


async def _time_outputs(settings: Settings, output: str, expected: int, seconds: float,
                        alive: Callable[[], None]) -> tuple[int, list[float]]:
    """Outputs already made (skipped), then arrival times of the next ones for `seconds` after the
    first (or until all `expected` came out)."""
    consumer = AIOKafkaConsumer(**client_kwargs(settings), enable_auto_commit=False, auto_offset_reset="earliest",
                                fetch_max_wait_ms=50)
    await consumer.start()
    try:
        topics = Topics.for_prefix(settings.topic_prefix)
        tps = [TopicPartition(output, p) for p in range(partitions_for(output, topics, settings))]
        consumer.assign(tps)
        await consumer.seek_to_end(*tps)
        early = sum([await consumer.position(tp) for tp in tps])
        arrivals: list[float] = []
        deadline = time.monotonic() + seconds + FIRST_OUTPUT_SECONDS
        while early + len(arrivals) < expected and time.monotonic() < deadline:
            batch = await consumer.getmany(timeout_ms=100, max_records=5000)
            now = time.monotonic()
            got = sum(len(rs) for rs in batch.values())
            if got and not arrivals:
                deadline = now + seconds
            arrivals += [now] * got
            alive()
        return early, arrivals
    finally:
        await consumer.stop()
