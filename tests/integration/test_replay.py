"""Backfills on the real broker: a replayed window gives the same ids and no new alerts;
dead letters are re-driven once the cause is fixed; a backfill group starts at a time."""

from __future__ import annotations

import asyncio
import datetime
import time
from collections import Counter
from pathlib import Path

import pytest

from newswire.cli import main as cli_main
from newswire.core.settings import Settings
from newswire.core.topics import Topics
from newswire.ingestion import ingest_paths
from newswire.replay import Checkpoint, Position, replay
from newswire.runner import SAMPLES, settings_env, start_worker, stop_workers
from tests.integration.helpers import events, wait_caught_up, wait_enriched, wait_until


def test_replayed_window_same_ids_no_alerts(live_settings: Settings, workers: dict, tmp_path: Path) -> None:
    topics = Topics.for_prefix(live_settings.topic_prefix)
    _, ids, _ = ingest_paths(live_settings, [str(SAMPLES)])
    first = wait_enriched(live_settings, ids)
    wait_caught_up(live_settings, "alerter", topics.stories)
    alerts_before = events(live_settings, topics.alerts)
    assert alerts_before

    window = (Position(edge="earliest"), Position(time_ms=int(time.time() * 1000) + 1))
    time.sleep(0.01)
    counts = asyncio.run(replay(live_settings, topics.raw, *window, checkpoint=Checkpoint(tmp_path / "ck.json")))
    assert counts["sent"] == len(ids)
    # Re-running the same replay resumes at its checkpoint: nothing is sent twice.
    again = asyncio.run(replay(live_settings, topics.raw, *window, checkpoint=Checkpoint(tmp_path / "ck.json")))
    assert again["sent"] == 0 and again["resumed"] == len(ids)

    enriched_topic = topics.enriched
    assert wait_until(lambda: len(events(live_settings, enriched_topic)) >= 2 * len(ids), 60)
    wait_caught_up(live_settings, "stories", topics.extracted)
    wait_caught_up(live_settings, "alerter", topics.stories)
    all_enriched = events(live_settings, enriched_topic)
    per_id = Counter(e["id"] for e in all_enriched)
    assert set(per_id.values()) == {2}, "every replayed article comes out again with the same event id"
    replayed = [e for e in all_enriched if e["replay"]]
    assert len(replayed) == len(ids)
    for e in replayed:
        assert e["payload"] == first[e["article_id"]]["payload"], "same input, same version, same content"
    alerts_after = events(live_settings, topics.alerts)
    assert sorted(a["id"] for a in alerts_after) == sorted(a["id"] for a in alerts_before), \
        "no alert for replayed input"


def test_dead_letters_redriven_after_fix(live_settings: Settings, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    topics = Topics.for_prefix(live_settings.topic_prefix)
    strict = live_settings.with_(max_message_bytes=1500)  # the "bug": a limit too small for real articles
    procs = [start_worker("cleaner", strict, tmp_path)]
    try:
        _, ids, _ = ingest_paths(live_settings, [str(SAMPLES / "01_meridian_wire_ebro_floods.json")])
        assert wait_until(lambda: len(events(live_settings, topics.deadletter)) == 1, 60)
    finally:
        stop_workers(procs)
    (dead,) = events(live_settings, topics.deadletter)
    assert dead["payload"]["reason"] == "OversizeError"

    procs = [start_worker(s, live_settings, tmp_path) for s in ("cleaner", "extractor", "stories")]
    for name, value in settings_env(live_settings).items():
        if name.startswith("NEWSWIRE_"):
            monkeypatch.setenv(name, value)
    try:
        code = cli_main(["replay", "--topic", "deadletter", "--from", "earliest", "--reason", "OversizeError",
                         "--checkpoint", str(tmp_path / "dl.json"), "--quiet"])
        assert code == 0
        wait_enriched(live_settings, ids)
    finally:
        stop_workers(procs)


def test_backfill_worker_starts_at_time(live_settings: Settings, tmp_path: Path) -> None:
    """`newswire worker cleaner --group-suffix bf --from T` processes only what came after T."""
    topics = Topics.for_prefix(live_settings.topic_prefix)
    _, before, _ = ingest_paths(live_settings, [str(SAMPLES / "01_meridian_wire_ebro_floods.json")])
    time.sleep(0.05)
    cut = datetime.datetime.now(datetime.UTC).isoformat()  # the broker stamps records (Tansu: append time)
    time.sleep(0.05)
    _, after, _ = ingest_paths(live_settings, [str(SAMPLES / "07_riverton_courier_budget.json")])
    procs = [start_worker("cleaner", live_settings, tmp_path, ["--group-suffix", "bf", "--from", cut])]
    try:
        assert wait_until(lambda: len(events(live_settings, topics.clean)) >= 1, 60)
        group = live_settings.with_(group_suffix="-bf")
        wait_caught_up(group, "cleaner", topics.raw)
    finally:
        stop_workers(procs)
    assert [e["article_id"] for e in events(live_settings, topics.clean)] == after != before


@pytest.mark.parametrize(("start", "expected"), [("latest", "ends"), ("earliest", "zeros")])
def test_a_backfill_group_starts_where_from_says(live_settings: Settings, monkeypatch: pytest.MonkeyPatch,
                                                 start: str, expected: str) -> None:
    """`--from latest` committed offset 0 (only the offset and the time were passed on): the backfill
    re-processed the whole topic. The worker itself is left out: its group's commits are what count."""
    from newswire.cleaner import app as cleaner_app
    from newswire.core import admin
    from newswire.core.topics import consumer_group

    topics = Topics.for_prefix(live_settings.topic_prefix)
    ingest_paths(live_settings, [str(SAMPLES / "01_meridian_wire_ebro_floods.json"),
                                 str(SAMPLES / "07_riverton_courier_budget.json")])
    for name, value in settings_env(live_settings).items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(cleaner_app, "create_worker", lambda settings: type("NoRun", (), {"run": lambda self: None})())
    assert cli_main(["worker", "cleaner", "--group-suffix", f"bf-{start}", "--from", start]) == 0
    group = consumer_group(live_settings.with_(group_suffix=f"-bf-{start}"), "cleaner")
    lag = asyncio.run(admin.group_lag(live_settings, group, topics.raw))
    assert sum(end for _, end in lag.values()) == 2
    committed = [c for c, _ in lag.values()]
    assert committed == ([end for _, end in lag.values()] if expected == "ends" else [0] * len(lag))
