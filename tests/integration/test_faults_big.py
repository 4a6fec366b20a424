"""Big articles on the real broker: an input within the configured size limit whose outputs
are larger than one Kafka request by default must come out (or be dead-lettered), never
crash-loop a worker."""

from __future__ import annotations

import asyncio
from pathlib import Path

from newswire.core.settings import Settings
from newswire.core.topics import Topics
from newswire.kafkaio import produce
from newswire.runner import start_worker, stop_workers
from tests.integration.helpers import events, wait_caught_up
from tests.integration.test_faults_support import log_text, raw_records, wait_all

PARAGRAPH = ("The port authority said on Monday that {n} ships were waiting outside the harbour, "
             "and the union said talks would resume on Thursday. ")


def big_article(paragraphs: int) -> dict:
    """A long plain-text article (about 400 bytes a paragraph)."""
    text = "\n\n".join(PARAGRAPH.format(n=i) * 3 for i in range(paragraphs))
    return {"url": f"https://big.example/{paragraphs}", "source": "Big Wire", "title": "Strike", "text": text}


def test_article_bigger_than_a_default_request_flows(live_settings: Settings, tmp_path: Path) -> None:
    topics = Topics.for_prefix(live_settings.topic_prefix)
    records, ids = raw_records(live_settings, [big_article(3500), big_article(3)])  # 1.4 MB and 1 KB
    procs = [start_worker("cleaner", live_settings, tmp_path)]
    try:
        asyncio.run(produce(live_settings, records))
        wait_caught_up(live_settings, "cleaner", topics.raw, timeout=60)
        out = {e["article_id"] for e in events(live_settings, topics.clean)}
        dead = events(live_settings, topics.deadletter)
        assert procs[0].process.poll() is None, f"the cleaner died:\n{log_text(procs[0])}"
    finally:
        stop_workers(procs)
    assert ids[1] in out
    assert ids[0] in out or any(d["payload"]["offset"] is not None for d in dead), "the big one is accounted for"


def test_outputs_over_the_limit_and_oversize_inputs_are_dead_lettered(live_settings: Settings,
                                                                      tmp_path: Path) -> None:
    """An input within the limit whose output exceeds it, and an input over it: dead letters."""
    topics = Topics.for_prefix(live_settings.topic_prefix)
    strict = live_settings.with_(max_message_bytes=600_000)
    records, ids = raw_records(live_settings, [big_article(1200), big_article(2000), big_article(3)])
    assert 400_000 < len(records[0][2]) < 600_000 < len(records[1][2])
    procs = [start_worker(s, strict, tmp_path) for s in ("cleaner", "extractor")]
    try:
        asyncio.run(produce(live_settings, records))
        wait_all(live_settings, topics.extracted, [ids[2]], timeout=60)
        wait_caught_up(live_settings, "cleaner", topics.raw, timeout=60)
        wait_caught_up(live_settings, "extractor", topics.clean, timeout=60)
        for p in procs:
            assert p.process.poll() is None, f"{p.stage} died:\n{log_text(p)}"
    finally:
        stop_workers(procs)
    dead = {d["article_id"] or d["payload"]["key_b64"]: d["payload"] for d in events(live_settings, topics.deadletter)}
    reasons = sorted((d["stage"], d["reason"]) for d in dead.values())
    assert reasons == [("cleaner", "OversizeError"), ("extractor", "OversizeError")], reasons
    assert all(len(d["value_b64"]) > 0 for d in dead.values()), "the originals are kept"
