"""Bench section `growth`: the stories stage as one story grows to thousands of articles.

A newsroom's big story (a war, an election) gathers thousands of articles within the stories
window, so the stage's CPU per article and the size of its story events must not grow with the
story. The articles are made from the five seed captures, which report one real event: each takes
five of their paragraphs, chosen by its number, so some are rewrites of others and most are
independent reports of the same story. They are published MINUTES_APART and arrive when published,
so after about 2,500 articles the 7-day window turns over and the story's oldest articles expire
while it grows, as in coverage that runs longer than the window. They go through the cleaner and
extractor first, then the stories stage behind its boundary under the workers' collector settings,
as in the `stages` section.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable, Sequence
from typing import Any

from newswire.bench import corpus
from newswire.core.settings import Settings

PARAGRAPHS = 5
"""Paragraphs of the seeds per made article."""
MINUTES_APART = 4.0
"""Publication (and arrival) gap between made articles: 2,520 of them fill the default 7-day window."""
STEP = 250
"""Articles per timed step: each row is the cost of the latest step."""


def story_articles(sources: Sequence[corpus.Source], count: int,
                   base: dt.datetime = corpus.BASE_TIME) -> list[dict[str, Any]]:
    """`count` raw articles of one story, MINUTES_APART, from the paragraphs of `sources`."""
    pool = [line.strip() for s in sources for line in s.body.splitlines() if len(line.strip()) > 80]
    if len(pool) < PARAGRAPHS:
        raise ValueError("the seed captures are missing: no story to grow")
    out = []
    for i in range(count):
        picked = sorted(random.Random(i).sample(range(len(pool)), PARAGRAPHS))  # seeded: the same corpus each run
        out.append({"url": f"https://bench.example/growth/{i}", "source": f"outlet{i % 97}.example",
                    "published_at": (base + dt.timedelta(minutes=MINUTES_APART * i)).isoformat()
                    .replace("+00:00", "Z"),
                    "text": "\n\n".join(pool[j] for j in picked)})
    return out


def run(settings: Settings, sources: dict[str, list[corpus.Source]], size: int,
        log: Callable[[str], None]) -> dict[str, Any]:
    """CPU per article and story-event size of the stories stage, per step of STEP articles, up to `size`."""
    from newswire.bench.stages import _next_topic, build_stage
    from newswire.core.boundary import Boundary, Message
    from newswire.core.codec import Codec
    from newswire.core.memory import worker_gc
    from newswire.core.metrics import create_metrics
    from newswire.core.topics import Topics
    from newswire.ingestion import encode_raw

    seeds = [s for s in sources.get("text", []) if s.origin.startswith("seeds:")]
    topics = Topics.for_prefix(settings.topic_prefix)
    codec = Codec(settings.schemas_dir, settings.max_message_bytes)
    metrics = create_metrics(process=False)
    log(f"growth: {size} articles of one story through cleaner and extractor")
    # each arrives when published (its ingest header), as from a live feed: expiry counts from arrival
    queue = [Message(topics.raw, 0, n, *encode_raw(codec, a, settings.pipeline_version),
                     [("ingested_at", a["published_at"].encode()), ("trace_id", f"growth-{n}".encode())])
             for n, a in enumerate(story_articles(seeds, size))]
    for name in ("cleaner", "extractor"):
        boundary = Boundary(build_stage(name, topics, settings), settings, metrics, codec)
        nxt = _next_topic(name, topics)
        outputs = [o for m in queue for o in boundary.handle(m) if o.topic == nxt]
        queue = [Message(o.topic, 0, i, o.key, o.value, o.headers) for i, o in enumerate(outputs)]
    stage = build_stage("stories", topics, settings)
    stories = Boundary(stage, settings, metrics, codec)
    rows = []
    with worker_gc():
        for start in range(0, len(queue), STEP):
            step = queue[start:start + STEP]
            began = time.process_time()
            outputs = [o for m in step for o in stories.handle(m)]
            cpu = time.process_time() - began
            events = [len(o.value) for o in outputs if o.topic == topics.stories]
            rows.append({
                "articles": start + len(step),
                "cpu_ms_per_article": round(cpu / len(step) * 1000, 3),
                "event_kb_mean": round(sum(events) / max(1, len(events)) / 1024, 1),
                "event_kb_max": round(max(events, default=0) / 1024, 1),
                "dead_letters": sum(1 for o in outputs if o.topic == topics.deadletter),
            })
            log(f"growth: {rows[-1]}")
    held = stage.state_sizes()
    return {"articles": size, "articles_held": held["articles"], "stories_held": held["stories"], "rows": rows}
