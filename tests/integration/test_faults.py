"""Worker faults on the real broker, counted by article id: SIGKILL and restart of each stage,
SIGTERM mid-batch, a second worker joining and leaving. Nothing lost; duplicates only as
same-id events."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest

from newswire.core.settings import Settings
from newswire.core.topics import Topics
from newswire.runner import WorkerProcess, start_worker, stop_workers
from tests.integration.helpers import wait_caught_up
from tests.integration.test_faults_support import (
    Feeder, audit, kill, log_text, raw_records, sample_articles, wait_all, wait_count,
)

N_KILL = 300
UPSTREAM = ("cleaner", "extractor")


def _output_topic(topics: Topics, stage: str) -> str:
    return {"cleaner": topics.clean, "extractor": topics.extracted}[stage]


def _start(stages: tuple[str, ...], settings: Settings, log_dir: Path) -> dict[str, WorkerProcess]:
    return {s: start_worker(s, settings, log_dir) for s in stages}


@pytest.mark.parametrize("stage", UPSTREAM)
def test_sigkill_mid_stream_then_restart_loses_nothing(stage: str, live_settings: Settings, tmp_path: Path) -> None:
    topics = Topics.for_prefix(live_settings.topic_prefix)
    records, ids = raw_records(live_settings, sample_articles(N_KILL, f"kill-{stage}"))
    procs = _start(UPSTREAM, live_settings, tmp_path)
    try:
        feeder = Feeder(live_settings, records, batch=10, pause=0.15)
        feeder.start()
        out_topic = _output_topic(topics, stage)
        wait_count(live_settings, out_topic, 40, timeout=60)
        assert kill(procs[stage]) == -signal.SIGKILL
        feeder.finish()
        time.sleep(1.0)  # the rest of the stream piles up while the stage is down
        procs[stage] = start_worker(stage, live_settings, tmp_path)  # log appended
        final = wait_all(live_settings, topics.extracted, ids, timeout=120)
        stage_out = wait_all(live_settings, out_topic, ids, timeout=10)
        wait_caught_up(live_settings, stage, {"cleaner": topics.raw, "extractor": topics.clean}[stage])
        for name, proc in procs.items():
            assert proc.process.poll() is None, f"{name} died:\n{log_text(proc)}"
    finally:
        stop_workers(list(procs.values()))
    duplicates = audit(final, ids)
    audit(stage_out, ids)
    print(f"\n[faults] SIGKILL {stage}: {len(ids)} in, {len(final)} out, 0 lost, {duplicates} duplicates")
