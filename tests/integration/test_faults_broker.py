"""The broker frozen for 30 s (SIGSTOP, then SIGCONT) under a running pipeline: the workers
wait and resume, nothing is lost. A dedicated broker, so the session's is never frozen."""

from __future__ import annotations

import asyncio
import os
import signal
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from newswire.core import admin
from newswire.core.broker import LocalBroker
from newswire.core.settings import Settings
from newswire.core.topics import Topics
from newswire.runner import start_worker, stop_workers
from tests.integration.conftest import logged_broker
from tests.integration.test_faults_support import (
    Feeder,
    audit,
    log_text,
    port_block,
    raw_records,
    sample_articles,
    wait_all,
    wait_count,
)

FREEZE_SECONDS = 30.0
STAGES_UP = ("cleaner", "extractor")


@pytest.fixture
def own_broker(tmp_path: Path) -> Iterator[LocalBroker]:
    """A broker for this test alone (it gets frozen)."""
    with logged_broker(tmp_path / "tansu.log") as b:
        try:
            yield b
        finally:
            if b.process is not None and b.process.poll() is None:
                os.kill(b.process.pid, signal.SIGCONT)  # a stopped process cannot act on SIGTERM


def test_broker_frozen_30s_workers_wait_and_resume(own_broker: LocalBroker, tmp_path: Path) -> None:
    settings = Settings(
        kafka_bootstrap=own_broker.bootstrap, topic_prefix=f"t{uuid.uuid4().hex[:10]}", partitions=2,
        metrics_port_base=port_block(), session_timeout_seconds=6.0, heartbeat_interval_seconds=0.5,
        commit_interval_seconds=0.5, log_format="json",
    )
    asyncio.run(admin.create_topics(settings))
    topics = Topics.for_prefix(settings.topic_prefix)
    records, ids = raw_records(settings, sample_articles(300, "freeze"))
    before, after = records[:150], records[150:]
    procs = {s: start_worker(s, settings, tmp_path) for s in STAGES_UP}
    assert own_broker.process is not None
    try:
        feeder = Feeder(settings, before, batch=50, pause=0)
        feeder.start()
        feeder.finish()
        at_freeze = wait_count(settings, topics.extracted, 20, timeout=60)  # frozen mid-backlog
        os.kill(own_broker.process.pid, signal.SIGSTOP)
        frozen_at = time.monotonic()
        while time.monotonic() - frozen_at < FREEZE_SECONDS:
            for name, proc in procs.items():
                assert proc.process.poll() is None, f"{name} exited while the broker was frozen:\n{log_text(proc)}"
            time.sleep(1.0)
        os.kill(own_broker.process.pid, signal.SIGCONT)
        feeder = Feeder(settings, after, batch=10, pause=0.05)
        feeder.start()
        feeder.finish()
        final = wait_all(settings, topics.extracted, ids, timeout=150)
        for name, proc in procs.items():
            assert proc.process.poll() is None, f"{name} died after the freeze:\n{log_text(proc)}"
    finally:
        stop_workers(list(procs.values()))
    duplicates = audit(final, ids)
    print(f"\n[faults] broker frozen {FREEZE_SECONDS:g} s: {len(ids)} in, {len(final)} out, 0 lost, "
          f"{duplicates} duplicates ({at_freeze} of {len(before)} through when frozen)")
