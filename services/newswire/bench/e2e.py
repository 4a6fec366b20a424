"""The broker sections: four real workers on Tansu at fixed rates and flat out (`e2e`), one
against two processes of each CPU-bound stage (`scaling`), worker memory over a long run
(`memory`). Each section gets its own broker, so one's data does not weigh on the next."""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from newswire.bench import corpus
from newswire.bench.drive import Driver, Phase
from newswire.bench.stats import memory_trend, p50_by_minute
from newswire.bench.workers import Fleet
from newswire.core import admin
from newswire.core.broker import LocalBroker
from newswire.core.settings import STAGES, Settings

FLAT_BACKLOG = {"text": 600, "html": 120, "mixed": 400}
"""Flat out, the producer keeps at most this many articles in flight (a bounded queue)."""
HTML_EVERY = 5
"""In the mixed input of the memory run, one article in this many is an HTML page."""


class Articles:
    """Endless raw articles per kind with urls never reused within one benchmark."""

    def __init__(self, sources: dict[str, list[corpus.Source]]) -> None:
        self.sources = sources
        self.next = {"text": 0, "html": 0}
        self.base = corpus.run_base()

    def stream(self, kind: str) -> Iterator[dict[str, Any]]:
        """Articles of `kind` (text, html or mixed), continuing where the last stream stopped."""
        if kind == "mixed":
            text, html = self.stream("text"), self.stream("html")
            return (next(html) if i % HTML_EVERY == HTML_EVERY - 1 else next(text) for i in itertools.count())
        return self._kind(kind)

    def _kind(self, kind: str) -> Iterator[dict[str, Any]]:
        """One article after the other, in publication order across streams: a stream that started at the next
        block of 1,000 jumped days ahead of the last one sent, and the stories stage took the jump for wrong
        dates (stages.FUTURE_SKEW): every later article of the run was timed at its arrival."""
        while True:
            for article in corpus.replicate(self.sources[kind], 1000, kind, start=self.next[kind], base=self.base):
                self.next[kind] += 1
                yield article


def run(settings: Settings, sources: dict[str, list[corpus.Source]], sections: Sequence[str],
        kinds: Sequence[str], args: argparse.Namespace, log: Callable[[str], None]) -> dict[str, Any]:
    """Run the broker sections that were asked for; returns their results by section name."""
    articles = Articles(sources)
    out: dict[str, Any] = {}
    log_dir = Path(tempfile.mkdtemp(prefix="newswire-bench-"))
    out["logs"] = str(log_dir)
    if "e2e" in sections:
        rates = [float(r) for r in args.rates.split(",") if r.strip()]
        out["e2e"] = _guard(lambda: pipeline(settings, articles, kinds, rates, args.seconds, log_dir / "e2e", log))
    if "scaling" in sections:
        from newswire.bench import scaling

        out["scaling"] = _guard(lambda: scaling.run(settings, articles, kinds, args.seconds, log_dir / "scaling", log,
                                                    spy="profile" in sections))
    if "memory" in sections:
        out["memory"] = _guard(lambda: memory(settings, articles, args.memory_rate, args.duration,
                                              log_dir / "memory", log))
    return out


def _guard(fn: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """A failed section is reported in the results instead of losing the others."""
    try:
        return fn()
    except Exception as exc:
        return {"error": f"{type(exc).__name__}: {exc}", "runs": []}


def broker_settings(stack: ExitStack, settings: Settings, log_dir: Path, prefix: str) -> Settings:
    """A fresh Tansu broker for one section, and settings pointing at it with their own topics."""
    return start_broker(stack, settings, log_dir, prefix)[0]


def start_broker(stack: ExitStack, settings: Settings, log_dir: Path, prefix: str) -> tuple[Settings, LocalBroker]:
    """`broker_settings`, and the broker itself (its CPU is part of an article's cost)."""
    log_dir.mkdir(parents=True, exist_ok=True)
    broker_log = stack.enter_context(open(log_dir / "broker.log", "wb"))
    broker = stack.enter_context(LocalBroker(log=broker_log))
    s = settings.with_(kafka_bootstrap=broker.bootstrap, topic_prefix=prefix, group_suffix="",
                       auto_offset_reset="earliest")
    asyncio.run(admin.create_topics(s))
    return s, broker


def process_cpu_seconds(pid: int) -> float:
    """CPU seconds (user + system) a process has used so far (0 if it is gone)."""
    import psutil

    try:
        t = psutil.Process(pid).cpu_times()
    except psutil.Error:
        return 0.0
    return t.user + t.system


def process_rss_mb(pid: int) -> float | None:
    """A process's resident memory in MB (None if it is gone)."""
    import psutil

    try:
        return round(psutil.Process(pid).memory_info().rss / 2**20, 1)
    except psutil.Error:
        return None


def cpu_ceiling(cpu_ms_per_article: dict[str, float], cores: int | None = None) -> dict[str, Any]:
    """The pipeline's CPU per article (workers and broker, not the load driver) and the rate
    that CPU allows on this machine's cores: what flat out could reach if nothing else limited it."""
    total = sum(v for name, v in cpu_ms_per_article.items() if name != "driver")
    if total <= 0:
        return {}
    return {"pipeline_cpu_ms_per_article": round(total, 2),
            "cpu_ceiling_per_second": round(1000.0 * (cores or os.cpu_count() or 1) / total)}


def pipeline(settings: Settings, articles: Articles, kinds: Sequence[str], rates: Sequence[float],
             seconds: float, log_dir: Path, log: Callable[[str], None]) -> dict[str, Any]:
    """One process per stage; for each kind, each fixed rate and then flat out, one after another."""
    with ExitStack() as stack:
        s, broker = start_broker(stack, settings, log_dir, "bench-e2e")
        fleet = Fleet().start([(stage, 1) for stage in STAGES], s, log_dir)
        stack.callback(fleet.stop)
        log("e2e: waiting for the four workers")
        fleet.wait_ready({"cleaner": s.partitions, "extractor": s.partitions})
        phases = [Phase("warm-up", "warm-up", 20.0, 1.0, articles.stream("text"))]
        for kind in kinds:
            phases += [Phase(kind, f"{r:g}/s", r, seconds, articles.stream(kind)) for r in rates]
            phases.append(Phase(kind, "flat out", None, seconds, articles.stream(kind), backlog=FLAT_BACKLOG[kind]))
        assert broker.process is not None  # start_broker waits for it to answer
        broker_pid = broker.process.pid

        def cpu() -> dict[str, float]:
            return fleet.cpu_seconds() | {"broker": process_cpu_seconds(broker_pid)}

        cpu_before = cpu()
        runs = asyncio.run(Driver(s, log, fleet.check_alive, cpu).run(phases))
        for run in runs:
            run.update(cpu_ceiling(run.get("cpu_ms_per_article") or {}))
        cpu_after = cpu()
        used = {name: spent - cpu_before[name] for name, spent in cpu_after.items()}
        articles_out = sum(r["enriched"] + r["dead_letters"] for r in runs) or 1
        return {"runs": [r for r in runs if r["kind"] != "warm-up"], "peak_rss_mb": fleet.peak_mb(),
                "processes": dict.fromkeys(STAGES, 1),
                "worker_cpu_ms_per_article": {n: round(1000.0 * c / articles_out, 2) for n, c in used.items()}}


def memory(settings: Settings, articles: Articles, rate: float, duration: float, log_dir: Path,
           log: Callable[[str], None]) -> dict[str, Any]:
    """Mixed text and HTML at a fixed rate for `duration` seconds; RSS of each worker every second."""
    with ExitStack() as stack:
        s, broker = start_broker(stack, settings, log_dir, "bench-memory")
        fleet = Fleet().start([(stage, 1) for stage in STAGES], s, log_dir)
        stack.callback(fleet.stop)
        fleet.wait_ready({"cleaner": s.partitions, "extractor": s.partitions})
        phase = Phase("mixed", f"{rate:g}/s", rate, duration, articles.stream("mixed"), throttle=True)
        [run] = asyncio.run(Driver(s, log, fleet.check_alive).run([phase]))
        # a worker's RSS follows the input it holds fetched but unprocessed: read the slopes beside
        # the latency per minute (Tansu's memory storage keeps every record and slows as it grows)
        return {"duration_seconds": duration, "offered_per_second": rate, "run": run,
                "enriched_p50_ms_by_minute": p50_by_minute(phase.enriched_arrivals, phase.enriched_latency),
                "broker_rss_mb": process_rss_mb(broker.process.pid) if broker.process is not None else None,
                "workers": {name: memory_trend(series) for name, series in fleet.rss.items()},
                "series_mb": {name: _thin(series, 120) for name, series in fleet.rss.items()}}


def _thin(series: list[tuple[float, float]], points: int) -> list[tuple[float, float]]:
    """At most `points` evenly spaced samples, values rounded, for the JSON file."""
    step = max(1, len(series) // points)
    return [(t, round(v, 1)) for t, v in series[::step]]
