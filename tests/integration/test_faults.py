"""Worker faults on the real broker, counted by article id: SIGKILL and restart of each stage,
SIGTERM mid-batch, a second worker joining and leaving. Nothing lost; duplicates only as
same-id events."""

from __future__ import annotations

import asyncio
import signal
import time
from pathlib import Path

import pytest

from newswire.core.settings import STAGES, Settings
from newswire.core.topics import Topics, changelog_topic
from newswire.kafkaio import produce
from newswire.runner import WorkerProcess, start_worker, stop_workers
from tests.integration.helpers import wait_caught_up
from tests.integration.test_faults_support import (
    Feeder,
    audit,
    by_article,
    committed,
    free_port_base,
    kill,
    log_text,
    metric_total,
    raw_offsets,
    raw_records,
    sample_articles,
    start_slow_resuming_worker,
    table_keys,
    trace_missing,
    wait_all,
    wait_count,
)

N_KILL = 300
N_TERM = 1000
N_JOIN = 400
UPSTREAM = ("cleaner", "extractor")
DOWNSTREAM = ("stories", "alerter")


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


@pytest.mark.parametrize("stage", DOWNSTREAM)
def test_sigkill_stateful_stage_then_restart_state_complete(stage: str, live_settings: Settings,
                                                            tmp_path: Path) -> None:
    topics = Topics.for_prefix(live_settings.topic_prefix)
    records, ids = raw_records(live_settings, sample_articles(N_KILL, f"kill-{stage}"))
    changelog = changelog_topic(live_settings, "stories", "articles")
    procs = _start(STAGES, live_settings, tmp_path)
    try:
        feeder = Feeder(live_settings, records, batch=10, pause=0.15)
        feeder.start()
        wait_count(live_settings, topics.enriched if stage == "stories" else topics.stories, 40, timeout=90)
        assert kill(procs[stage]) == -signal.SIGKILL
        if stage == "stories":  # what a dead stories worker published, its state must already hold
            published = set(by_article(live_settings, topics.enriched))
            missing = published - table_keys(live_settings, changelog)
            assert not missing, f"{len(missing)} enriched articles published before their state was durable"
        feeder.finish()
        time.sleep(1.0)
        procs[stage] = start_worker(stage, live_settings, tmp_path)
        try:
            final = wait_all(live_settings, topics.enriched, ids, timeout=150)
        except AssertionError as exc:  # once in many runs: say where the article stopped
            lost = sorted(set(ids) - set(by_article(live_settings, topics.enriched)))
            raise AssertionError(f"{exc}\n{trace_missing(live_settings, lost, procs)}") from None
        wait_caught_up(live_settings, "stories", topics.extracted, timeout=60)
        wait_caught_up(live_settings, "alerter", topics.stories, timeout=90)
        for name, proc in procs.items():
            assert proc.process.poll() is None, f"{name} died:\n{log_text(proc)}"
    finally:
        stop_workers(list(procs.values()))
    duplicates = audit(final, ids)  # a redelivered article keeps its story (payload identical)
    assert table_keys(live_settings, changelog) >= set(ids), "every article is in the state"
    updates = by_article(live_settings, topics.stories)
    assert set(updates) == set(ids), "every article gave a story update"
    absorbed_by = {gone: e["payload"]["story_id"] for evs in updates.values() for e in evs
                   for gone in e["payload"].get("merged_from") or ()}
    for aid, evs in updates.items():
        # a redelivery updates the story that holds the article now: the one it was told, or one that absorbed it
        told = final[aid][0]["payload"]["story_id"]
        holders = {told}
        while told in absorbed_by and absorbed_by[told] not in holders:
            told = absorbed_by[told]
            holders.add(told)
        assert {e["payload"]["story_id"] for e in evs} <= holders
        assert aid in {m["article_id"] for m in evs[-1]["payload"]["articles"]}, "the story lists its article"
    alerts = by_article(live_settings, topics.alerts)
    for evs in alerts.values():
        by_id: dict[str, dict] = {}
        for e in evs:
            first = by_id.setdefault(e["id"], e)
            assert e["payload"] == first["payload"], "a re-sent alert is the same alert"
    n_alerts = sum(len(v) for v in alerts.values())
    n_distinct = len({e["id"] for v in alerts.values() for e in v})
    print(f"\n[faults] SIGKILL {stage}: {len(ids)} in, {len(final)} out, 0 lost, {duplicates} duplicate articles, "
          f"{n_alerts - n_distinct} duplicate alerts of {n_distinct}")


def test_sigterm_mid_batch_finishes_commits_and_exits(live_settings: Settings, tmp_path: Path) -> None:
    topics = Topics.for_prefix(live_settings.topic_prefix)
    records, ids = raw_records(live_settings, sample_articles(N_TERM, "term"))
    feeder = Feeder(live_settings, records, batch=200, pause=0)
    feeder.start()  # the whole backlog first: the worker is stopped while busy with it
    feeder.finish()
    procs = _start(("cleaner",), live_settings, tmp_path)
    try:
        wait_count(live_settings, topics.clean, 40, timeout=60)
        started = time.monotonic()
        procs["cleaner"].process.send_signal(signal.SIGTERM)
        code = procs["cleaner"].process.wait(15)
        took = time.monotonic() - started
        assert code == 0, f"exit code {code}:\n{log_text(procs['cleaner'])}"
        assert took < 10, f"the worker took {took:.1f} s to stop"
        # What was committed is exactly what came out: in-flight work finished, nothing done twice.
        done = committed(live_settings, "cleaner", topics.raw)
        offsets = raw_offsets(live_settings)
        below = {aid for (p, o), aid in offsets.items() if o < done.get(p, 0)}
        out = set(by_article(live_settings, topics.clean))
        assert below, "the worker committed its progress before exiting"
        assert out == below, f"{len(out - below)} processed but uncommitted, {len(below - out)} committed unprocessed"
        assert len(below) < len(ids), f"the stop landed mid-stream (stopped in {took:.1f} s)"
        procs["cleaner"] = start_worker("cleaner", live_settings, tmp_path)
        final = wait_all(live_settings, topics.clean, ids, timeout=90)
    finally:
        stop_workers(list(procs.values()))
    duplicates = audit(final, ids)
    assert duplicates == 0, "a graceful stop leaves nothing to redeliver"
    print(f"\n[faults] SIGTERM cleaner: exit {code} in {took:.1f} s, {len(below)} of {len(ids)} committed, "
          "0 lost, 0 duplicates")


def test_records_fetched_while_the_worker_resumes_are_processed(live_settings: Settings, tmp_path: Path) -> None:
    """A stories worker restarting on a backlog, slow between Faust's seek to the committed offsets and the
    rest of its recovery (where the fetcher already runs: it read the changelog): what it fetched meanwhile
    was thrown away and never fetched again. One article was lost for good in a CI run of the SIGKILL test;
    20-odd here, with commits stuck behind them."""
    topics = Topics.for_prefix(live_settings.topic_prefix)
    records, ids = raw_records(live_settings, sample_articles(N_KILL, "slow-resume"))
    procs = _start(STAGES[:3], live_settings, tmp_path)
    try:
        asyncio.run(produce(live_settings, records[:100]))
        wait_all(live_settings, topics.enriched, ids[:100], timeout=90)  # the stories worker has state
        stop_workers([procs.pop("stories")])
        asyncio.run(produce(live_settings, records[100:]))
        wait_all(live_settings, topics.extracted, ids, timeout=90)  # and a backlog when it restarts
        procs["stories"] = start_slow_resuming_worker("stories", live_settings, tmp_path)
        final = wait_all(live_settings, topics.enriched, ids, timeout=90)
        wait_caught_up(live_settings, "stories", topics.extracted)
        for name, proc in procs.items():
            assert proc.process.poll() is None, f"{name} died:\n{log_text(proc)}"
    finally:
        stop_workers(list(procs.values()))
    duplicates = audit(final, ids)
    print(f"\n[faults] slow resume: {len(ids)} in, {len(final)} out, 0 lost, {duplicates} duplicates")


def test_second_worker_joins_and_leaves_mid_stream(live_settings: Settings, tmp_path: Path) -> None:
    topics = Topics.for_prefix(live_settings.topic_prefix)
    records, ids = raw_records(live_settings, sample_articles(N_JOIN, "join"))
    procs = _start(UPSTREAM, live_settings, tmp_path)
    second_settings = free_port_base(live_settings, "cleaner")
    second: WorkerProcess | None = None
    try:
        feeder = Feeder(live_settings, records, batch=10, pause=0.25)  # about 15 s of stream
        feeder.start()
        wait_count(live_settings, topics.clean, 30, timeout=60)
        (tmp_path / "second").mkdir()
        second = start_worker("cleaner", second_settings, tmp_path / "second")
        second_log = second.log_path
        assert wait_until_metric(second_settings, "cleaner", 5, timeout=40), (
            f"the second worker got no work:\n{second_log.read_text(errors='replace')[-3000:]}")
        second.process.send_signal(signal.SIGTERM)
        assert second.process.wait(15) == 0
        feeder.finish()
        final = wait_all(live_settings, topics.extracted, ids, timeout=120)
        for name, proc in procs.items():
            assert proc.process.poll() is None, f"{name} died:\n{log_text(proc)}"
    finally:
        stop_workers(list(procs.values()) + ([second] if second else []))
    duplicates = audit(final, ids)
    print(f"\n[faults] join+leave cleaner: {len(ids)} in, {len(final)} out, 0 lost, {duplicates} duplicates")


def wait_until_metric(settings: Settings, stage: str, at_least: float, timeout: float) -> bool:
    """Wait until a worker's /metrics shows it consumed at least `at_least` messages."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if metric_total(settings, stage, "newswire_messages_in") >= at_least:
                return True
        except OSError:
            pass
        time.sleep(0.5)
    return False
