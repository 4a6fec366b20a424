"""A shadow run for a model change: the same raw articles through a second pipeline with
another pipeline version and topic prefix, then `newswire diff` compares the outputs."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from newswire.cli import main as cli_main
from newswire.core import admin
from newswire.core.settings import STAGES, Settings
from newswire.core.topics import Topics
from newswire.ingestion import ingest_paths
from newswire.replay import Position, replay
from newswire.runner import SAMPLES, settings_env, start_worker, stop_workers
from tests.integration.conftest import _free_port_block
from tests.integration.helpers import events, wait_caught_up, wait_enriched


def test_shadow_pipeline_and_diff(live_settings: Settings, workers: dict, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    _, ids, _ = ingest_paths(live_settings, [str(SAMPLES)])
    live = wait_enriched(live_settings, ids)

    shadow = live_settings.with_(topic_prefix=live_settings.topic_prefix + "-shadow", pipeline_version="2",
                                 metrics_port_base=_free_port_block())
    asyncio.run(admin.create_topics(shadow))
    procs = [start_worker(stage, shadow, tmp_path) for stage in STAGES]
    try:
        counts = asyncio.run(replay(live_settings, Topics.for_prefix(live_settings.topic_prefix).raw,
                                    Position(edge="earliest"), into=Topics.for_prefix(shadow.topic_prefix).raw,
                                    as_live=True))
        assert counts["sent"] == len(ids)
        shadowed = wait_enriched(shadow, ids)
        wait_caught_up(shadow, "alerter", Topics.for_prefix(shadow.topic_prefix).stories)
        wait_caught_up(live_settings, "alerter", Topics.for_prefix(live_settings.topic_prefix).stories)
    finally:
        stop_workers(procs)

    assert {e["pipeline_version"] for e in shadowed.values()} == {"2"}
    assert all(shadowed[a]["id"] != live[a]["id"] for a in ids), "event ids carry the pipeline version"
    assert events(shadow, Topics.for_prefix(shadow.topic_prefix).alerts), "the shadow computes its alerts"

    for name, value in settings_env(live_settings).items():
        if name.startswith("NEWSWIRE_"):
            monkeypatch.setenv(name, value)
    capsys.readouterr()
    assert cli_main(["diff", "--base-prefix", live_settings.topic_prefix,
                     "--shadow-prefix", shadow.topic_prefix]) == 0
    report = capsys.readouterr().out
    assert f"articles: {len(ids)} base, {len(ids)} shadow" in report
    assert "identical" in report.splitlines()[-1], report
