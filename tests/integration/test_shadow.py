"""A shadow run for a model change: the same raw articles through a second pipeline with
another pipeline version and topic prefix, then `newswire diff` compares the outputs."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from newswire.cli import main as cli_main
from newswire.core import admin
from newswire.core.broker import LocalBroker
from newswire.core.settings import STAGES, Settings
from newswire.core.topics import Topics
from newswire.ingestion import ingest_paths
from newswire.replay import Position, replay
from newswire.runner import SAMPLES, settings_env, start_worker, stop_workers
from tests.integration.conftest import _free_port_block
from tests.integration.helpers import events, wait_caught_up, wait_enriched


def run_pipeline(settings: Settings, tmp_path: Path, feed: Callable[[], list[str]]) -> dict[str, dict]:
    """Start the four workers, feed them, wait for every article and the alerter, stop them."""
    procs = [start_worker(stage, settings, tmp_path) for stage in STAGES]
    try:
        ids = feed()
        out = wait_enriched(settings, ids)
        wait_caught_up(settings, "alerter", Topics.for_prefix(settings.topic_prefix).stories)
        return out
    finally:
        stop_workers(procs)


def test_shadow_pipeline_and_diff(broker: LocalBroker, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    # One partition per topic keeps the arrival order, which decides which copy is "first".
    base = Settings(kafka_bootstrap=broker.bootstrap, topic_prefix=f"t{uuid.uuid4().hex[:10]}", partitions=1,
                    metrics_port_base=_free_port_block(), session_timeout_seconds=6.0,
                    heartbeat_interval_seconds=0.5, commit_interval_seconds=0.5)
    shadow = base.with_(topic_prefix=base.topic_prefix + "-shadow", pipeline_version="2")
    for s in (base, shadow):
        asyncio.run(admin.create_topics(s))
    ids = ingest_paths(base, [str(SAMPLES)])[1]
    live = run_pipeline(base, tmp_path, lambda: ids)

    def feed_shadow() -> list[str]:
        counts = asyncio.run(replay(base, Topics.for_prefix(base.topic_prefix).raw, Position(edge="earliest"),
                                    into=Topics.for_prefix(shadow.topic_prefix).raw, as_live=True))
        assert counts["sent"] == len(ids)
        return ids

    shadowed = run_pipeline(shadow, tmp_path, feed_shadow)
    assert {e["pipeline_version"] for e in shadowed.values()} == {"2"}
    assert all(shadowed[a]["id"] != live[a]["id"] for a in ids), "event ids carry the pipeline version"
    assert events(shadow, Topics.for_prefix(shadow.topic_prefix).alerts), "the shadow computes its alerts"

    for name, value in settings_env(base).items():
        if name.startswith("NEWSWIRE_"):
            monkeypatch.setenv(name, value)
    capsys.readouterr()
    assert cli_main(["diff", "--base-prefix", base.topic_prefix, "--shadow-prefix", shadow.topic_prefix]) == 0
    report = capsys.readouterr().out
    assert f"articles: {len(ids)} base, {len(ids)} shadow" in report
    assert "identical" in report.splitlines()[-1], report
