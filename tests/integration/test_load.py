"""Load: 50,000 articles through the four workers on a dedicated local broker, with every
article counted out by id and each worker's memory sampled (psutil) the whole way.

Long (tens of minutes on two cores): marked `slow`, not in the default run. Run it with
`pytest -m slow -s tests/integration/test_load.py` (NEWSWIRE_LOAD_ARTICLES changes the count).
"""

from __future__ import annotations

import asyncio
import os
import re
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import psutil
import pytest

from newswire.core import admin
from newswire.core.broker import LocalBroker
from newswire.core.settings import STAGES, Settings
from newswire.core.topics import Topics
from newswire.kafkaio import collect, produce, read_topic
from newswire.runner import WorkerProcess, start_worker, stop_workers
from tests.integration.conftest import logged_broker
from tests.integration.test_faults_support import log_text, port_block, raw_records, sample_articles, topic_size

pytestmark = pytest.mark.slow

N_ARTICLES = int(os.environ.get("NEWSWIRE_LOAD_ARTICLES", "50000"))
FAMILY = 20
"""Articles per synthetic story: copies of one sample under distinct urls."""
BATCH = 1000
SLACK = 50
TIMEOUT_SECONDS = 3600.0
_WORD = re.compile(r"(?<![&\w])[A-Za-z]{3,}\b")
_BETWEEN_TAGS = re.compile(r">([^<]+)<")
_KEEP = frozenset("""the and for with from that this than was were has have had are not but its his her their
they she who said says told according reported announced estimated about around nearly more least since after
before during could would should will also million billion people percent officials spokesperson spokeswoman
spokesman minister president police mayor""".split())
_NUMBER = re.compile(r"\b(\d[\d,]*)\b")


@pytest.fixture(autouse=True)
def only_when_asked(request: pytest.FixtureRequest) -> None:
    """Run only when `slow` is selected by name (`-m integration` alone must not start it)."""
    if "slow" not in (request.config.getoption("markexpr") or "") or "not slow" in request.config.getoption("markexpr"):
        pytest.skip("the load test runs only with -m slow")


def load_articles(n: int) -> list[dict[str, Any]]:
    """`n` articles in stories of FAMILY copies: each family renames the words, people, places
    and figures of a sample article, so families share little text and are separate stories.
    (Renaming only the names left families of one sample in one story of thousands of members:
    a hot story, a different test.)"""
    base = sample_articles(n, "load")
    out = []
    for i, article in enumerate(base):
        family = i // FAMILY
        tag = _family_tag(family)
        new = dict(article)
        for field in ("title", "text"):
            if isinstance(new.get(field), str):
                new[field] = _vary(new[field], tag, family)
        if isinstance(new.get("html"), str):  # only the text between tags
            def varied(m: re.Match[str], t: str = tag, f: int = family) -> str:
                return ">" + _vary(m.group(1), t, f) + "<"

            new["html"] = _BETWEEN_TAGS.sub(varied, new["html"])
        out.append(new)
    return out


def _vary(text: str, tag: str, family: int) -> str:
    text = _WORD.sub(lambda m: _rename(m.group(0), tag), text)
    return _NUMBER.sub(lambda m: str(int(m.group(1).replace(",", "")) + family), text)


def _rename(word: str, tag: str) -> str:
    return word if word.lower() in _KEEP else word + tag


def _family_tag(family: int) -> str:
    letters = "bcdfghjklmnpqrstvwz"
    tag = ""
    while True:
        family, r = divmod(family, len(letters))
        tag += letters[r]
        if family == 0:
            return tag


class MemorySampler(threading.Thread):
    """Peak RSS of each worker process (with its children) and of the broker, every second."""

    def __init__(self, procs: dict[str, WorkerProcess], broker_pid: int) -> None:
        super().__init__(daemon=True)
        self.pids = {name: w.process.pid for name, w in procs.items()} | {"broker": broker_pid}
        self.peak: dict[str, int] = dict.fromkeys(self.pids, 0)
        self.timeline: list[tuple[float, dict[str, int]]] = []
        self.stop_event = threading.Event()

    def run(self) -> None:
        started = time.monotonic()
        while not self.stop_event.wait(1.0):
            now: dict[str, int] = {}
            for name, pid in self.pids.items():
                try:
                    p = psutil.Process(pid)
                    now[name] = p.memory_info().rss + sum(c.memory_info().rss for c in p.children(recursive=True))
                except psutil.Error:
                    continue
                self.peak[name] = max(self.peak[name], now[name])
            self.timeline.append((time.monotonic() - started, now))


@pytest.fixture
def load_broker(tmp_path: Path) -> Iterator[LocalBroker]:
    with logged_broker(tmp_path / "tansu.log") as b:
        yield b


def dead_lettered(settings: Settings, topic: str) -> dict[str, str]:
    """article id (the record key) -> reason of every dead letter so far."""
    if topic_size(settings, topic) == 0:
        return {}
    return {r.key.decode(): orjson.loads(r.value)["payload"]["reason"]
            for r in asyncio.run(collect(settings, topic, idle_seconds=0.5))}


def count_out(settings: Settings, topic: str) -> tuple[dict[str, str], int]:
    """article id -> event id over a whole topic, and how many events (values not kept)."""
    ids: dict[str, str] = {}
    events = 0

    async def scan() -> None:
        nonlocal events
        async for record in read_topic(settings, topic, idle_seconds=3.0):
            event = orjson.loads(record.value)
            events += 1
            previous = ids.setdefault(event["article_id"], event["id"])
            assert previous == event["id"], f"{event['article_id']} came out under two event ids"

    asyncio.run(scan())
    return ids, events


def test_load_50k_articles_bounded_memory(load_broker: LocalBroker, tmp_path: Path) -> None:
    settings = Settings(
        kafka_bootstrap=load_broker.bootstrap, topic_prefix=f"load{uuid.uuid4().hex[:8]}", partitions=2,
        metrics_port_base=port_block(), session_timeout_seconds=10.0, log_format="json",
    )
    asyncio.run(admin.create_topics(settings))
    topics = Topics.for_prefix(settings.topic_prefix)
    records, ids = raw_records(settings, load_articles(N_ARTICLES))
    procs = {s: start_worker(s, settings, tmp_path) for s in STAGES}
    assert load_broker.process is not None
    sampler = MemorySampler(procs, load_broker.process.pid)
    sampler.start()
    started = time.monotonic()
    progress: list[tuple[float, int]] = []
    try:
        for start in range(0, len(records), BATCH):
            asyncio.run(produce(settings, records[start:start + BATCH]))
        fed = time.monotonic() - started
        deadline = started + TIMEOUT_SECONDS
        out: dict[str, str] = {}
        dead: dict[str, str] = {}
        n_events = 0
        while time.monotonic() < deadline:
            done = topic_size(settings, topics.enriched)
            progress.append((time.monotonic() - started, done))
            for name, w in procs.items():
                assert w.process.poll() is None, f"{name} died:\n{log_text(w)}"
            dead = dead_lettered(settings, topics.deadletter)
            # Tansu's end offsets can lag the last few records: near the end, count for real
            if done >= len(ids) - SLACK - len(dead):
                elapsed = time.monotonic() - started
                out, n_events = count_out(settings, topics.enriched)
                if set(ids) <= set(out) | set(dead):
                    break
            time.sleep(5.0)
        elapsed = time.monotonic() - started if not out else elapsed
    finally:
        sampler.stop_event.set()
        stop_workers(list(procs.values()))
    lost = set(ids) - set(out) - set(dead)
    mib = {name: round(v / 2**20) for name, v in sampler.peak.items()}
    half = _rss_at(sampler, progress, len(ids) // 2)
    steady = _rate(progress, len(ids) // 10, len(ids) * 9 // 10)
    report = {
        "articles": len(ids), "lost": len(lost), "dead_lettered": dict(Counter(dead.values())),
        "duplicates": n_events - len(out), "seconds": round(elapsed),
        "feed_seconds": round(fed), "articles_per_second": round(len(out) / elapsed, 1),
        "steady_articles_per_second": steady, "peak_rss_mib": mib,
        "rss_mib_at_half": {k: round(v / 2**20) for k, v in half.items()},
    }
    (tmp_path / "load.json").write_bytes(orjson.dumps(report, option=orjson.OPT_INDENT_2))
    print(f"\n[load] {orjson.dumps(report).decode()}")
    assert not lost, f"{len(lost)} articles lost"
    assert not dead, f"articles dead-lettered under load: {Counter(dead.values())}"
    for stage in ("cleaner", "extractor", "alerter"):
        grown = sampler.peak[stage] - half.get(stage, 0)
        assert grown < 200 * 2**20, f"{stage} kept growing in the second half ({grown / 2**20:.0f} MiB)"


def _rate(progress: list[tuple[float, int]], low: int, high: int) -> float | None:
    """Articles per second between the samples where `low` and `high` articles were through."""
    a = next(((t, n) for t, n in progress if n >= low), None)
    b = next(((t, n) for t, n in progress if n >= high), None)
    if a is None or b is None or b[0] <= a[0]:
        return None
    return round((b[1] - a[1]) / (b[0] - a[0]), 1)


def _rss_at(sampler: MemorySampler, progress: list[tuple[float, int]], articles: int) -> dict[str, int]:
    """Each process's RSS at the first sample after `articles` were through."""
    when = next((t for t, n in progress if n >= articles), None)
    if when is None:
        return {}
    return next((rss for t, rss in sampler.timeline if t >= when), {})
