"""Per-stage throughput in one process: the pure stage functions, then the same stages behind
their error boundary (decode, validate, process, validate, encode), and trafilatura alone.

Rates are given per wall second and per CPU second of this process ("per core"): on a
shared machine the CPU figure is the one that says how many pods a stream needs.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from newswire.core.codec import parse_time
from newswire.core.memory import freeze_heap, worker_gc
from newswire.core.records import CleanArticle, ExtractedArticle, RawArticle, Story, StoryAssignment, from_dict
from newswire.core.settings import Settings

STAGE_NAMES = ("cleaner", "extractor", "stories", "alerter")


@dataclass
class Rate:
    """How many items a step handled in how much wall and CPU time."""

    items: int = 0
    wall: float = 0.0
    cpu: float = 0.0
    error: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """The JSON form: counts, seconds and both rates."""
        out: dict[str, Any] = {"items": self.items, "wall_seconds": round(self.wall, 3),
                               "cpu_seconds": round(self.cpu, 3), "per_second": per_second(self.items, self.wall),
                               "per_cpu_second": per_second(self.items, self.cpu)}
        if self.error:
            out["error"] = self.error
        return out | self.extra


def per_second(items: int, seconds: float) -> float | None:
    """items / seconds rounded, None when nothing was timed."""
    return round(items / seconds, 1) if seconds > 0 and items else None


def timed(fn: Callable[[Any], Any], inputs: Iterable[Any], rate: Rate) -> list[Any]:
    """Apply fn to each input, adding the elapsed wall and CPU time to `rate`."""
    out: list[Any] = []
    freeze_heap()  # what exists already (the corpus, earlier stages' outputs) is no part of this step's worker
    w0, c0 = time.perf_counter(), time.process_time()
    for item in inputs:
        out.append(fn(item))
    rate.wall += time.perf_counter() - w0
    rate.cpu += time.process_time() - c0
    rate.items += len(out)
    return out


def direct(articles: list[dict[str, Any]], settings: Settings) -> dict[str, Rate]:
    """Each stage's pure function over the outputs of the one before (no codec, no validation)."""
    from newswire.cleaner.clean import clean_article
    from newswire.extractor.extract import extract

    rates = {name: Rate() for name in STAGE_NAMES}
    raws = [from_dict(RawArticle, a) for a in articles]
    cleaned: list[CleanArticle] = timed(clean_article, raws, rates["cleaner"])
    extracted = [ExtractedArticle(article=c, extraction=x)
                 for c, x in zip(cleaned, timed(extract, cleaned, rates["extractor"]), strict=True)]
    try:
        from newswire.stages import STORIES_EXPIRE_EVERY
        from newswire.stories.index import StoryIndex
    except ImportError as exc:
        rates["stories"].error = rates["alerter"].error = f"stories unavailable: {exc}"
        return rates
    index = StoryIndex({}, window_days=settings.stories_window_days)
    added = itertools.count(1)

    def place(e: ExtractedArticle) -> StoryAssignment:
        when = e.article.published_at or ""
        assignment = index.add(e, event_time=when)
        if next(added) % STORIES_EXPIRE_EVERY == 0:  # the window turns over as in the stage
            index.expire(when)
        return assignment

    assignments = timed(place, extracted, rates["stories"])
    rates["stories"].extra.update(held=len(index), copies=sum(1 for a in assignments if a.duplicate_of))
    stories: list[Story] = [a.story for a in assignments]
    from newswire.alerter.engine import AlertEngine
    from newswire.alerter.rules import load_rules

    engine = AlertEngine(load_rules(settings.rules_file), {})
    alerts = timed(lambda s: engine.evaluate(s, replay=False, now=parse_time(s.last_seen)), stories,
                   rates["alerter"])
    rates["alerter"].extra["alerts"] = sum(len(a) for a in alerts)
    return rates


def through_boundary(articles: list[dict[str, Any]], settings: Settings) -> dict[str, Rate]:
    """Each stage behind its Boundary, fed the encoded outputs of the stage before, as a worker is."""
    from newswire.core.boundary import Boundary, Message
    from newswire.core.codec import Codec
    from newswire.core.metrics import create_metrics
    from newswire.core.topics import Topics
    from newswire.ingestion import encode_raw, ingest_headers

    topics = Topics.for_prefix(settings.topic_prefix)
    codec = Codec(settings.schemas_dir, settings.max_message_bytes)
    metrics = create_metrics(process=False)
    rates = {name: Rate() for name in STAGE_NAMES}
    queue = []
    for n, a in enumerate(articles):
        key, value = encode_raw(codec, a, settings.pipeline_version)
        queue.append(Message(topics.raw, 0, n, key, value, ingest_headers()))
    for name in STAGE_NAMES:
        try:
            boundary = Boundary(build_stage(name, topics, settings), settings, metrics, codec)
        except ImportError as exc:
            rates[name].error = f"{name} unavailable: {exc}"
            break
        results = timed(boundary.handle, queue, rates[name])
        outputs = [o for out in results for o in out]
        rates[name].extra["dead_letters"] = sum(1 for o in outputs if o.topic == topics.deadletter)
        nxt = _next_topic(name, topics)
        queue = [Message(o.topic, 0, i, o.key, o.value, o.headers)
                 for i, o in enumerate(x for x in outputs if x.topic == nxt)]
    return rates


def build_stage(name: str, topics: Any, settings: Settings) -> Any:
    """A fresh stage object with empty in-memory state (ImportError if its module is missing)."""
    from newswire import stages

    if name == "cleaner":
        return stages.CleanerStage(topics)
    if name == "extractor":
        return stages.ExtractorStage(topics)
    if name == "stories":
        return stages.StoriesStage(topics, {}, settings.stories_window_days)
    return stages.AlerterStage(topics, {}, settings)


def _next_topic(stage: str, topics: Any) -> str | None:
    return {"cleaner": topics.clean, "extractor": topics.extracted, "stories": topics.stories}.get(stage)


def cpu_budget(boundary: dict[str, dict[str, Any]], cores: int | None = None) -> dict[str, Any]:
    """CPU ms one article costs across the stages behind their boundaries, the rate that allows on
    all cores, and the slowest stage (the ceiling of a stage that cannot be split, like stories)."""
    import os

    cores = cores or os.cpu_count() or 1
    rates = {k: v.get("per_cpu_second") for k, v in boundary.items()}
    if not all(rates.values()):
        return {"complete": False}
    ms = {k: 1000.0 / r for k, r in rates.items() if r}
    total = sum(ms.values())
    slowest = min(rates, key=lambda k: rates[k] or 0.0)
    return {"complete": True, "cpu_ms_per_article": round(total, 2), "cores": cores,
            "ceiling_all_cores_per_second": round(cores * 1000.0 / total, 1),
            "slowest_stage": slowest, "slowest_stage_per_second": rates[slowest],
            "stage_ms": {k: round(v, 2) for k, v in ms.items()}}


def trafilatura_reference(articles: list[dict[str, Any]]) -> Rate:
    """trafilatura.extract alone on the same HTML pages (the project's quality reference)."""
    import trafilatura

    rate = Rate()
    pages = [a["html"] for a in articles if a.get("html")]
    timed(lambda html: trafilatura.extract(html), pages, rate)
    return rate


def run(corpora: dict[str, list[dict[str, Any]]], settings: Settings,
        log: Callable[[str], None] = lambda s: None) -> dict[str, Any]:
    """Direct and boundary rates per input kind, plus trafilatura on the HTML pages."""
    out: dict[str, Any] = {}
    for kind, articles in corpora.items():
        # the workers' collector settings (and each step's heap frozen first, in `timed`, whose freezing this
        # block undoes): with Python's defaults, collections over this process's heap (the corpus, every stage's
        # outputs) had made the stories stage look more than twice as costly as it is
        with worker_gc():
            log(f"stages: {kind} ({len(articles)} articles), direct")
            d = direct(articles, settings)
            log(f"stages: {kind}, through the boundary")
            b = through_boundary(articles, settings)
            reference = None
            if kind == "html":  # under the same settings, for a fair comparison
                log("stages: trafilatura reference")
                reference = trafilatura_reference(articles).as_dict()
        out[kind] = {"articles": len(articles),
                     "direct": {k: v.as_dict() for k, v in d.items()},
                     "boundary": {k: v.as_dict() for k, v in b.items()}}
        out[kind]["budget"] = cpu_budget(out[kind]["boundary"])
        if reference is not None:
            out[kind]["trafilatura"] = reference
    return out
