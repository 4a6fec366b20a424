"""`newswire run`: broker, topics, four worker processes, the sample corpus, a report.

Workers are separate processes (one consumer group each). Stopping sends SIGTERM and
escalates to SIGKILL after a grace period, since a wedged Faust worker can ignore SIGTERM.
"""

from __future__ import annotations

import asyncio
import base64
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from newswire.core import admin
from newswire.core.broker import LocalBroker
from newswire.core.settings import STAGES, Settings
from newswire.core.topics import Topics, consumer_group

SAMPLES = Path(__file__).resolve().parent / "samples"
GRACE_SECONDS = 10.0


@dataclass
class WorkerProcess:
    """A worker subprocess and its log file."""

    stage: str
    process: subprocess.Popen[bytes]
    log_path: Path


def settings_env(settings: Settings) -> dict[str, str]:
    """The environment a child process needs to see exactly these settings."""
    env = dict(os.environ)
    # glibc's per-thread heap arenas (Faust's consumer thread has its own) fragment under large
    # pages: RSS crept ~1 MB/min in the cleaner and stories workers, flat with two arenas
    env.setdefault("MALLOC_ARENA_MAX", "2")
    # glibc raises its mmap threshold each time a large block is freed, so pages and events of
    # 128 KB and more end up in the heap and fragment it: a fixed threshold keeps them in mmap
    # (10 minutes at 50/s: stories 1.13 -> 0.37 MB/min, extractor 0.31 -> -0.02)
    env.setdefault("MALLOC_MMAP_THRESHOLD_", "131072")
    for name in Settings.__dataclass_fields__:
        value = getattr(settings, name)
        env[f"NEWSWIRE_{name.upper()}"] = str(value).lower() if isinstance(value, bool) else str(value)
    return env


def start_worker(stage: str, settings: Settings, log_dir: Path, extra_args: Sequence[str] = ()) -> WorkerProcess:
    """Start `newswire worker STAGE` as a subprocess logging to a file."""
    log_path = log_dir / f"{stage}.log"
    log_file = open(log_path, "ab")
    proc = subprocess.Popen(
        [sys.executable, "-m", "newswire.cli", "worker", stage, *extra_args],
        env=settings_env(settings), stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True,
    )
    log_file.close()
    return WorkerProcess(stage, proc, log_path)


def stop_workers(workers: Sequence[WorkerProcess], grace: float = GRACE_SECONDS) -> dict[str, int]:
    """SIGTERM every worker, SIGKILL those still alive after `grace`; returns exit codes."""
    for w in workers:
        if w.process.poll() is None:
            w.process.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + grace
    codes: dict[str, int] = {}
    for w in workers:
        try:
            codes[w.stage] = w.process.wait(max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(w.process.pid, signal.SIGKILL)
            codes[w.stage] = w.process.wait(5)
    return codes


async def wait_for_results(settings: Settings, article_ids: list[str], expected_dead: int,
                           timeout: float) -> tuple[list[Any], list[Any], list[Any]]:
    """Wait until every ingested article is enriched or dead-lettered by a stage, and the alerter has caught up.

    A dead-lettered article is done: waiting for its enriched event only ran the whole timeout and then
    reported the article as lost (an oversize text the cleaner refused)."""
    from newswire.kafkaio import collect

    topics = Topics.for_prefix(settings.topic_prefix)
    deadline = time.monotonic() + timeout
    enriched: dict[str, Any] = {}
    failed: set[str] = set()
    dead: list[Any] = []
    while time.monotonic() < deadline:
        for record in await collect(settings, topics.enriched, idle_seconds=0.5):
            event = orjson.loads(record.value)
            enriched[event["article_id"]] = event
        if not set(article_ids) <= set(enriched):
            dead = [orjson.loads(r.value) for r in await collect(settings, topics.deadletter, idle_seconds=0.3)]
            failed = {_dead_article(d) for d in dead}
        if set(article_ids) <= set(enriched) | failed:
            break
        await asyncio.sleep(0.5)
    else:
        missing = len(set(article_ids) - set(enriched) - failed)
        raise TimeoutError(f"{missing} of {len(article_ids)} articles did not come out within {timeout:g} s")
    group = consumer_group(settings, "alerter")
    while time.monotonic() < deadline:
        lag = await admin.group_lag(settings, group, topics.stories)
        if lag and all(committed >= end for committed, end in lag.values()):
            break
        await asyncio.sleep(0.5)
    else:
        raise TimeoutError("the alerter did not catch up with the story updates in time")
    while time.monotonic() < deadline:
        dead = [orjson.loads(r.value) for r in await collect(settings, topics.deadletter, idle_seconds=0.3)]
        if len(dead) >= expected_dead + len(set(article_ids) - set(enriched)):
            break
        await asyncio.sleep(0.5)
    alerts = [orjson.loads(r.value) for r in await collect(settings, topics.alerts, idle_seconds=0.3)]
    return [enriched[a] for a in article_ids if a in enriched], alerts, dead


def _dead_article(event: dict[str, Any]) -> str:
    """The article id a stage's dead letter is keyed by ("" for one written by ingest, which has none)."""
    key = event["payload"].get("key_b64")
    return base64.b64decode(key).decode("utf-8", "replace") if key else ""


def run(settings: Settings, paths: Sequence[str], *, follow: bool = False, timeout: float = 90.0,
        out: Any = sys.stdout) -> int:
    """The main job: everything up, the corpus through every worker, a report, everything down."""
    from newswire.ingestion import ingest_paths

    started = time.monotonic()
    with ExitStack() as stack:
        run_dir = Path(tempfile.mkdtemp(prefix="newswire-run-"))
        if not settings.kafka_bootstrap:
            broker_log = open(run_dir / "broker.log", "wb")
            stack.callback(broker_log.close)
            broker = stack.enter_context(LocalBroker(log=broker_log))
            settings = settings.with_(kafka_bootstrap=broker.bootstrap)
            print(f"local broker (Tansu) on {broker.bootstrap}", file=out)
        asyncio.run(admin.create_topics(settings))
        workers = [start_worker(stage, settings, run_dir) for stage in STAGES]
        stack.callback(lambda: print(f"workers stopped: {stop_workers(workers)}", file=out))
        print(f"workers started: {', '.join(w.stage for w in workers)} (logs in {run_dir})", file=out)
        sent, ids, invalid = ingest_paths(settings, paths or [str(SAMPLES)])
        print(f"ingested {sent} articles ({invalid} invalid, sent to the dead-letter topic)", file=out)
        if not sent and invalid:
            print("error: no article could be ingested", file=sys.stderr)
            return 1
        try:
            enriched, alerts, dead = asyncio.run(wait_for_results(settings, ids, invalid, timeout))
        except TimeoutError as exc:
            print(f"error: {exc}; see the worker logs in {run_dir}", file=sys.stderr)
            for w in workers:
                if w.process.poll() is not None:
                    print(f"  worker {w.stage} exited with {w.process.returncode}", file=sys.stderr)
            return 1
        from newswire.report import render

        print("", file=out)
        print(render(enriched, alerts, dead), file=out)
        refused = len(ids) - len(enriched)
        done = f"all {len(enriched)} articles" if not refused else \
            f"{len(enriched)} of {len(ids)} articles ({refused} dead-lettered by a stage)"
        print(f"\n{done} through every worker in {time.monotonic() - started:.1f} s", file=out)
        if follow:
            ended = follow_workers(workers, out)
            if ended:
                print("error: " + ", ".join(f"worker {w.stage} exited with {w.process.returncode}" for w in ended)
                      + f"; see the worker logs in {run_dir}", file=sys.stderr)
                return 1
    return 0


def follow_workers(workers: Sequence[WorkerProcess], out: Any) -> list[WorkerProcess]:
    """Keep the workers running until one exits or a stop is asked for; the workers that exited on their own
    (none after a stop, which is a normal end).

    The notice is printed inside the guard: a supervisor may send SIGTERM as soon as it reads the line,
    and CI once caught the signal arriving while print() was returning, before the guard began (exit 143)."""
    try:
        print("following: workers keep running; Ctrl-C or SIGTERM stops everything", file=out)
        while all(w.process.poll() is None for w in workers):
            time.sleep(1)
    except (KeyboardInterrupt, SystemExit):  # SIGTERM arrives as SystemExit (cli.Terminated): a normal stop
        return []
    return [w for w in workers if w.process.poll() is not None]
