"""The per-event error boundary: one message in, the events to write out (or a dead letter).

Poison messages (undecodable, schema-invalid, oversize, a stage that raises or overruns its
time limit) become a dead letter at once; the worker carries on with the next message.
This layer is synchronous and broker-free, so it is unit-tested directly.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from newswire.core import ids
from newswire.core.codec import Codec, Envelope, Headers, header, parse_time, utc_now
from newswire.core.deadletter import dead_letter_payload, reason_of
from newswire.core.errors import NewswireError, OversizeError, PoisonMessage, StageError
from newswire.core.metrics import Metrics
from newswire.core.schemas import ALERT, CLAIM, DEADLETTER
from newswire.core.settings import Settings
from newswire.core.stage import Context, Output, Stage
from newswire.core.topics import Topics

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Message:
    """A consumed Kafka record, as the boundary needs it."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    headers: Headers
    timestamp_ms: int | None = None


@dataclass(frozen=True, slots=True)
class Outgoing:
    """A record to produce: topic, key, value bytes and headers."""

    topic: str
    key: bytes
    value: bytes
    headers: list[tuple[str, bytes]]
    schema: str


PASSED_HEADERS = ("ingested_at", "trace_id", "replay_of")
"""Input headers every output carries on: its ingest time (latency), its trace and what it replays."""
DEAD_LETTER_OVERHEAD = 128 * 1024
"""Bytes a dead letter needs besides the base64 of the original (error, preview, headers)."""


def max_request_bytes(settings: Settings) -> int:
    """The producer's request limit: any allowed event, and a dead letter holding an input
    half again as large as the limit (base64 grows it by a third)."""
    return 2 * settings.max_message_bytes + 2 * DEAD_LETTER_OVERHEAD


def dead_letter_room(settings: Settings) -> int:
    """The largest original a dead letter can hold and still be produced."""
    return (max_request_bytes(settings) - DEAD_LETTER_OVERHEAD) * 3 // 4


class StageTimeout(StageError):
    """The stage took longer than the configured per-message time limit."""


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise StageTimeout in the main thread if the block runs longer than `seconds`."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_alarm(signum: int, frame: object) -> None:
        raise StageTimeout(f"processing took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class Boundary:
    """Runs one stage over consumed messages with decoding, validation, limits and dead letters."""

    def __init__(self, stage: Stage, settings: Settings, metrics: Metrics, codec: Codec | None = None) -> None:
        self.stage = stage
        self.settings = settings
        self.metrics = metrics
        self.topics = Topics.for_prefix(settings.topic_prefix)
        self.codec = codec or Codec(settings.schemas_dir, settings.max_message_bytes)
        self.input_topic = stage.input_topic
        self._children: dict[tuple[Any, tuple[str, ...]], Any] = {}

    def handle(self, msg: Message) -> list[Outgoing]:
        """Process one message; returns the outputs, or a single dead letter on failure."""
        name = self.stage.name
        self._labelled(self.metrics.messages_in, name, msg.topic).inc()
        started = time.perf_counter()
        try:
            envelope = self.codec.decode(msg.value, self.stage.input_schemas)
            context = Context(
                ingested_at=header(msg.headers, "ingested_at"), trace_id=header(msg.headers, "trace_id"),
                topic=msg.topic, partition=msg.partition, offset=msg.offset,
            )
            # a stage that keeps state must not be interrupted mid-update (a half-applied update
            # corrupted the stories index under load): it declares `interruptible = False`
            limit = self.settings.max_processing_seconds if getattr(self.stage, "interruptible", True) else 0.0
            with deadline(limit):
                try:
                    outputs = self.stage.process(envelope, context)
                except NewswireError:
                    raise
                except Exception as exc:  # the stage's own bug on this input: poison, not fatal
                    raise StageError(f"{type(exc).__name__}: {exc}") from exc
            # one time and one header list for all of an input's outputs (a text article gives 12)
            produced_at = utc_now()
            kept = [(k, v) for k, v in msg.headers if k in PASSED_HEADERS]
            out = [self._encode(o, envelope, kept, produced_at) for o in outputs]
            self._count(outputs)
            self._check_sizes(out)
        except PoisonMessage as exc:
            self.metrics.messages_failed.labels(name, reason_of(_root(exc))).inc()
            reason = reason_of(_root(exc))
            log.warning("dead-lettering %s[%d]@%d: %s", msg.topic, msg.partition, msg.offset, reason, extra={
                "stage": name, "reason": reason, "topic": msg.topic, "partition": msg.partition,
                "offset": msg.offset, "trace_id": header(msg.headers, "trace_id"),
                "article_id": msg.key.decode("utf-8", "replace")[:64] if msg.key else None})
            return [self.dead_letter(msg, _root(exc))]
        finally:
            self._labelled(self.metrics.processing_seconds, name).observe(time.perf_counter() - started)
        self._observe(out, msg.headers, envelope.replay)
        return out

    def dead_letter(self, msg: Message, exc: BaseException, attempts: int = 1) -> Outgoing:
        """The dead-letter record for a message that failed with `exc`."""
        value = msg.value
        if value is not None and len(value) > dead_letter_room(self.settings):
            # a huge input: a dead letter too big to produce would crash-loop the worker, so keep
            # its head (the error gives the full size); the original stays at topic[partition]@offset
            value = value[: dead_letter_room(self.settings)]
        payload = dead_letter_payload(
            stage=self.stage.name, exc=exc, topic=msg.topic, partition=msg.partition, offset=msg.offset,
            key=msg.key, value=value, headers=msg.headers, timestamp_ms=msg.timestamp_ms,
            attempts=attempts,
        )
        subject = f"{msg.topic}[{msg.partition}]@{msg.offset}"
        env = Envelope(
            schema=DEADLETTER, id=ids.event_id(DEADLETTER, subject + self.stage.name, self.settings.pipeline_version),
            article_id=None, produced_at=utc_now(), pipeline_version=self.settings.pipeline_version,
            replay=False, payload=payload,
        )
        self.metrics.dead_letters.labels(self.stage.name, payload["reason"]).inc()
        headers = [(k, v) for k, v in msg.headers if k in ("ingested_at", "trace_id")]
        headers += [("stage", self.stage.name.encode()), ("reason", payload["reason"].encode())]
        return Outgoing(self.topics.deadletter, msg.key or subject.encode(), self.codec.encode(env),
                        headers, DEADLETTER)

    def _encode(self, o: Output, source: Envelope, kept: list[tuple[str, bytes]], produced_at: str) -> Outgoing:
        env = Envelope(
            schema=o.schema, id=ids.event_id(o.schema, o.subject, self.settings.pipeline_version),
            article_id=o.article_id, produced_at=produced_at, pipeline_version=self.settings.pipeline_version,
            replay=source.replay, payload=o.payload,
        )
        return Outgoing(o.topic, o.key.encode(), self.codec.encode(env), kept + list(o.extra_headers), o.schema)

    def _check_sizes(self, out: list[Outgoing]) -> None:
        """An event over the size limit cannot be produced: the input is dead-lettered instead."""
        limit = self.settings.max_message_bytes
        for o in out:
            if len(o.value) > limit:
                raise OversizeError(f"output to {o.topic} is {len(o.value)} bytes, limit {limit}")

    def _labelled(self, metric: Any, *labels: str) -> Any:
        """A metric's child for these labels, cached: `labels()` costs four times the increment,
        and the label values are few (stages, topics, kinds, rules)."""
        key = (metric, labels)
        child = self._children.get(key)
        if child is None:
            child = self._children[key] = metric.labels(*labels)
        return child

    def _count(self, outputs: list[Output]) -> None:
        """Claims by kind and alerts by rule (bounded label values, never ids)."""
        counts: dict[tuple[Any, str], int] = {}
        for o in outputs:
            if o.schema == CLAIM:
                key = (self.metrics.claims, str(_field(o.payload, "kind")))
            elif o.schema == ALERT:
                key = (self.metrics.alerts, str(_field(o.payload, "rule")))
            else:
                continue
            counts[key] = counts.get(key, 0) + 1
        for (metric, value), n in counts.items():
            self._labelled(metric, self.stage.name, value).inc(n)

    def _observe(self, out: list[Outgoing], headers: Headers, replay: bool) -> None:
        """Count the outputs; time the input from its ingest, unless it is a replay: it keeps its original
        `ingested_at`, so a week's backfill read as a week of latency and fired the latency alert."""
        name = self.stage.name
        counts: dict[str, int] = {}
        for o in out:
            counts[o.topic] = counts.get(o.topic, 0) + 1
        for topic, n in counts.items():
            self._labelled(self.metrics.messages_out, name, topic).inc(n)
        ingested = header(headers, "ingested_at")
        if ingested and out and not replay:
            try:
                age = time.time() - parse_time(ingested).timestamp()
            except ValueError:
                return
            self._labelled(self.metrics.end_to_end_seconds, name).observe(max(age, 0.0))


def _field(payload: Any, name: str) -> Any:
    """A payload's field, whether the payload is a dict or a record."""
    return payload.get(name) if isinstance(payload, dict) else getattr(payload, name, None)


def _root(exc: BaseException) -> BaseException:
    """Report a StageError by the exception that caused it (a useful reason label)."""
    if type(exc) is StageError and exc.__cause__ is not None:
        return exc.__cause__
    return exc
