"""`newswire process`: every stage in one process, no broker, same code path as the workers.

Each article goes through the same `Boundary` objects the workers use (decode, validate,
stage, encode), in input order, with the stories and alerter state kept across the run,
so the batch output equals what the streaming pipeline writes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import orjson

from newswire.core.boundary import Boundary, Message, Outgoing
from newswire.core.codec import Codec
from newswire.core.metrics import Metrics, create_metrics
from newswire.core.settings import Settings
from newswire.core.stage import Stage
from newswire.core.topics import Topics
from newswire.ingestion import encode_raw, ingest_headers
from newswire.stages import AlerterStage, CleanerStage, ExtractorStage, StoriesStage


@dataclass
class Result:
    """Everything one article produced, decoded."""

    enriched: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    stories: list[dict[str, Any]] = field(default_factory=list)
    alerts: list[dict[str, Any]] = field(default_factory=list)
    dead_letters: list[dict[str, Any]] = field(default_factory=list)

    def extend(self, other: Result) -> None:
        """Add another result's events to this one."""
        for name in ("enriched", "claims", "stories", "alerts", "dead_letters"):
            getattr(self, name).extend(getattr(other, name))


class Pipeline:
    """The four stages chained in memory, each behind its own error boundary."""

    def __init__(self, settings: Settings, metrics: Metrics | None = None) -> None:
        self.settings = settings
        self.topics = Topics.for_prefix(settings.topic_prefix)
        self.codec = Codec(settings.schemas_dir, settings.max_message_bytes)
        self.metrics = metrics or create_metrics(process=False)
        self.stories_store: dict[str, bytes] = {}
        self.fired: dict[str, bytes] = {}
        stages: list[Stage] = [
            CleanerStage(self.topics),
            ExtractorStage(self.topics),
            StoriesStage(self.topics, self.stories_store, settings.stories_window_days),
            AlerterStage(self.topics, self.fired, settings),
        ]
        self.boundaries = {s.input_topic: Boundary(s, settings, self.metrics, self.codec) for s in stages}
        self._offsets: dict[str, int] = defaultdict(int)

    def process(self, article: dict[str, Any], *, replay: bool = False) -> Result:
        """Run one raw article through every stage (`replay` marks it as a backfill)."""
        result = Result()
        try:
            key, value = encode_raw(self.codec, article, self.settings.pipeline_version, replay=replay)
        except Exception as exc:  # an invalid raw article: dead-letter it as ingest would
            value = _as_bytes(article)
            raw_boundary = self.boundaries[self.topics.raw]
            msg = self._message(self.topics.raw, b"", value, ingest_headers())
            self._collect(raw_boundary.dead_letter(msg, exc), result)
            return result
        queue = [Outgoing(self.topics.raw, key, value, ingest_headers(), "")]
        while queue:
            record = queue.pop(0)
            boundary = self.boundaries.get(record.topic)
            if boundary is None:
                self._collect(record, result)
                continue
            if record.topic != self.topics.raw:
                self._collect(record, result)
            msg = self._message(record.topic, record.key, record.value, record.headers)
            queue.extend(boundary.handle(msg))
            after_delivery = getattr(boundary.stage, "after_delivery", None)
            if after_delivery is not None:  # in memory, "delivered" is immediate
                after_delivery()
        return result

    def run(self, articles: Iterable[dict[str, Any]], *, replay: bool = False) -> Result:
        """Process articles in order and gather every event."""
        total = Result()
        for article in articles:
            total.extend(self.process(article, replay=replay))
        return total

    def _message(self, topic: str, key: bytes, value: bytes, headers: list[tuple[str, bytes]]) -> Message:
        offset = self._offsets[topic]
        self._offsets[topic] += 1
        return Message(topic, 0, offset, key, value, headers)

    def _collect(self, record: Outgoing, result: Result) -> None:
        t = self.topics
        target = {t.enriched: result.enriched, t.claims: result.claims, t.stories: result.stories,
                  t.alerts: result.alerts, t.deadletter: result.dead_letters}.get(record.topic)
        if target is not None:
            target.append(orjson.loads(record.value))


def _as_bytes(article: Any) -> bytes:
    """An invalid input as JSON for its dead letter, whatever Python object a caller passed (keys that are no
    strings, integers past 64 bits: orjson refused them, and the exception escaped `process`)."""
    try:
        return orjson.dumps(article, default=repr, option=orjson.OPT_NON_STR_KEYS)
    except (TypeError, orjson.JSONEncodeError):
        return repr(article).encode("utf-8", "replace")
