"""Faust wiring shared by the four workers: topics as raw bytes, one agent, the error
boundary around every event, /metrics, /healthz and /readyz, consumer-lag gauges.

A stage's app.py only says which Stage to build (and which table it keeps).
At-least-once: Faust commits an offset only after the agent moved past the event and,
before committing, flushes the producer, so the outputs and table (changelog) writes of an
event are acknowledged before its offset is committed; a batch's outputs wait for its table
writes, so nothing is published ahead of its state. Ids are deterministic, so a
redelivery produces the same events again, never different ones.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
import weakref
from collections.abc import Awaitable, Callable
from typing import Any, cast

import faust
from faust.streams import _current_event as _faust_current_event
from prometheus_client import generate_latest

from newswire import native
from newswire.core.batches import take_batches
from newswire.core.boundary import Boundary, Message, Outgoing, max_request_bytes
from newswire.core.errors import FatalError, Retriable
from newswire.core.faustfixes import apply_faust_fixes
from newswire.core.kafka import faust_broker_url, faust_credentials
from newswire.core.memory import TRIM_INTERVAL_SECONDS, release_free_memory, tune_gc
from newswire.core.metrics import Metrics, create_metrics
from newswire.core.settings import Settings
from newswire.core.stage import Stage
from newswire.core.topics import Topics, consumer_group

log = logging.getLogger(__name__)

EXIT_CRASHED = 70
"""Exit code of a worker whose agent crashed (EX_SOFTWARE): the supervisor restarts it."""

METRICS_CONTENT_TYPE = "text/plain; version=0.0.4"
LAG_INTERVAL_SECONDS = 5.0
BROKER_STALE_SECONDS = 30.0

StageFactory = Callable[[faust.App, Topics], Stage]
Sink = Callable[[Outgoing], Awaitable[None]]
"""A side effect after an event is produced (the alerter's webhook); Retriable -> dead letter."""


class WorkerApp:
    """A Faust app running one stage, with its metrics and health state."""

    def __init__(self, stage_name: str, settings: Settings, build_stage: StageFactory,
                 metrics: Metrics | None = None) -> None:
        self.settings = settings
        self.stage_name = stage_name
        self.topics = Topics.for_prefix(settings.topic_prefix)
        self.metrics = metrics or create_metrics()
        self.app = make_faust_app(stage_name, settings)
        self.stage = build_stage(self.app, self.topics)
        self.boundary = Boundary(self.stage, settings, self.metrics)
        self.sinks: list[Sink] = []
        self._after_delivery = getattr(self.stage, "after_delivery", None)
        self._state_writes: list[asyncio.Future[Any]] = []
        self._last_broker_ok = 0.0
        self._lag_shown: set[tuple[str, str]] = set()
        self._track_state_writes()
        self._wire()

    def _track_state_writes(self) -> None:
        """Keep the delivery future of every table (changelog) write, so a batch's outputs can
        wait for the state they stand for. Faust queues changelog writes in a buffer that a
        background task drains, while outputs go to the producer at once: under SIGKILL, 35
        published articles had no state yet, and one redelivered article joined another story."""
        for table in self.app.tables.values():
            send = table.send_changelog

            def tracked(*args: Any, _send: Any = send, **kwargs: Any) -> Any:
                future = _send(*args, **kwargs)
                self._state_writes.append(future)
                return future

            table.send_changelog = tracked

    def _wire(self) -> None:
        app = self.app
        source = app.topic(self.stage.input_topic, key_serializer="raw", value_serializer="raw")

        @app.agent(source, name=f"{self.stage_name}-agent")
        async def process(stream: Any) -> None:
            try:
                # a batch per wake-up: one await per batch instead of per event, outputs queued together;
                # asleep while the input is idle (Faust's take_events woke every batch_wait_seconds)
                batches = take_batches(stream, self.settings.batch_max, self.settings.batch_wait_seconds)
                async for events in batches:
                    await self._handle_batch(events)
            except asyncio.CancelledError:
                raise
            except BaseException as exc:  # a crashed agent must end the worker, non-zero
                log.critical("agent crashed: %r; exiting %d", exc, EXIT_CRASHED, exc_info=True)
                logging.shutdown()
                os._exit(EXIT_CRASHED)

        @app.page("/metrics")
        async def metrics_view(web: Any, request: Any) -> Any:
            # aiohttp refuses a charset inside content_type; the exposition format is UTF-8 anyway
            return web.bytes(generate_latest(self.metrics.registry), content_type=METRICS_CONTENT_TYPE)

        @app.page("/healthz")
        async def healthz(web: Any, request: Any) -> Any:
            return web.json({"status": "alive", "stage": self.stage_name})

        @app.page("/readyz")
        async def readyz(web: Any, request: Any) -> Any:
            ready, detail = self.readiness()
            return web.json({"ready": ready, **detail}, status=200 if ready else 503)

        @app.task
        async def announce() -> None:
            log.info("worker %s started: group %s, reading %s, serving /metrics on %s:%d", self.stage_name,
                     app.conf.id, self.stage.input_topic, self.settings.metrics_host,
                     self.settings.metrics_port(self.stage_name), extra={"stage": self.stage_name})
            rules = f"newswire.{self.stage_name}."
            if native.loaded(rules):  # the stages whose rules mypyc compiles (newswire/native.py)
                log.log(logging.WARNING if native.stale(rules) else logging.INFO, "worker %s: %s",
                        self.stage_name, native.summary(rules), extra={"stage": self.stage_name})

        @app.timer(LAG_INTERVAL_SECONDS)
        async def update_lag() -> None:
            await self._update_lag()

        @app.timer(TRIM_INTERVAL_SECONDS)
        async def trim_heap() -> None:
            release_free_memory()

    async def _handle_batch(self, events: list[Any]) -> None:
        """Run the boundary over a batch of consumed events and queue every output.

        Faust acks the batch's events (so their offsets may be committed) only after this
        returns, and flushes the producer before any commit. Each event is handled as Faust's
        current event, because a table write takes its changelog partition from it. The batch's
        outputs are sent only once its table writes are acknowledged. A stage with
        `after_delivery` (staged state) gets it per event once the batch is acknowledged."""
        outputs: list[Outgoing] = []
        for event in events:
            as_current_event(event)
            record = event.message
            ts = record.timestamp
            msg = Message(
                topic=record.topic, partition=record.partition, offset=record.offset, key=record.key,
                value=record.value, headers=list(record.headers or ()),
                timestamp_ms=int(ts * 1000) if ts else None,
            )
            outputs.extend(self.boundary.handle(msg))
        if self._state_writes:
            # state before outputs: a published output whose state write was lost would, once
            # redelivered, be decided afresh against other state (another story for one article)
            writes, self._state_writes = self._state_writes, []
            await asyncio.gather(*writes)  # raises (and ends the worker) if one was not delivered
        deliveries: list[asyncio.Future[Any]] = []
        for out in outputs:
            deliveries.append(await self._send(out))
            for sink in self.sinks:
                try:
                    await sink(out)
                except Retriable as exc:  # the sink kept failing: keep the event as a dead letter
                    origin = Message(out.topic, -1, -1, out.key, out.value, out.headers)
                    deliveries.append(await self._send(self.boundary.dead_letter(origin, exc)))
        if self._after_delivery is not None:
            await asyncio.gather(*deliveries)  # raises (and ends the worker) if one was not delivered
            for event in events:
                as_current_event(event)
                record = event.message
                self._after_delivery((record.topic, record.partition, record.offset))

    async def _send(self, out: Outgoing) -> asyncio.Future[Any]:
        """Queue one record and return its delivery future; Faust flushes before each commit."""
        attempts = self.settings.retries + 1
        for attempt in range(1, attempts + 1):
            try:
                # the transport producer directly: Faust's Topic.send adds futures, sensors and
                # callbacks per record that cost more than the record itself (bench, scaling section)
                # aiokafka's producer hands back an asyncio future (Faust's type hint says Awaitable)
                delivery = cast("asyncio.Future[Any]",
                                await self.app.producer.send(out.topic, out.key, out.value, None, None, out.headers))
                delivery.add_done_callback(self._delivered)
                return delivery
            except Exception as exc:  # broker trouble: back off, then give up loudly
                self.metrics.retries.labels(self.stage_name, type(exc).__name__).inc()
                if attempt == attempts:
                    raise FatalError(f"cannot produce to {out.topic} after {attempts} attempts: {exc}") from exc
                await asyncio.sleep(self.settings.retry_backoff_seconds * 2 ** (attempt - 1))
        raise AssertionError("the last attempt returns or raises")

    def _delivered(self, delivery: asyncio.Future[Any]) -> None:
        """A record the producer gave up on (after its own retries) must stop the worker at once:
        Faust would log it, commit the input offset anyway after its flush, and lose the event."""
        if delivery.cancelled() or delivery.exception() is None:
            return
        exc = delivery.exception()
        self.metrics.retries.labels(self.stage_name, type(exc).__name__).inc()
        log.critical("delivery failed: %s; exiting %d before the offset is committed",
                     type(exc).__name__, EXIT_CRASHED)
        logging.shutdown()
        os._exit(EXIT_CRASHED)

    def readiness(self) -> tuple[bool, dict[str, Any]]:
        """Ready when partitions are assigned and the broker answered recently."""
        try:
            assigned = len(self.app.consumer.assignment())
        except Exception:
            assigned = 0
        broker_ok = time.monotonic() - self._last_broker_ok < BROKER_STALE_SECONDS
        return assigned > 0 and broker_ok, {"partitions_assigned": assigned, "broker_reachable": broker_ok}

    async def _update_lag(self) -> None:
        sizes = getattr(self.stage, "state_sizes", None)
        if sizes is not None:
            held = sizes()
            self.metrics.articles_held.labels(self.stage_name).set(held.get("articles", 0))
            self.metrics.stories_held.labels(self.stage_name).set(held.get("stories", 0))
        consumer = self.app.consumer
        tps = [tp for tp in consumer.assignment() if tp.topic == self.stage.input_topic]
        if not tps:
            self._last_broker_ok = time.monotonic() if consumer.assignment() else self._last_broker_ok
            self._lag_shown = show_lag(self.metrics.consumer_lag, self.stage_name, {}, self._lag_shown)
            return
        try:
            highwaters = await consumer.highwaters(*tps)
        except Exception as exc:
            log.warning("cannot read end offsets: %r", exc)
            return
        self._last_broker_ok = time.monotonic()
        committed = getattr(consumer, "_committed_offset", {})
        lags = {(tp.topic, str(tp.partition)): max(0, (highwaters.get(tp) or 0) - (committed.get(tp) or 0))
                for tp in tps}
        self._lag_shown = show_lag(self.metrics.consumer_lag, self.stage_name, lags, self._lag_shown)

    def run(self) -> None:
        """Run the worker until SIGTERM/SIGINT (Faust stops gracefully and commits)."""
        from newswire.core.logs import logging_config

        tune_gc()

        worker = faust.Worker(
            self.app, loglevel=self.settings.log_level, quiet=True, redirect_stdouts=False,
            logging_config=logging_config(self.settings, self.stage_name),
        )
        worker.execute_from_commandline()


def show_lag(gauge: Any, stage: str, lags: dict[tuple[str, str], int],
             shown: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """Set the lag gauge of each (topic, partition) this worker holds, and drop those it no longer holds:
    after a rebalance the old holder kept reporting its last value, and sums over pods counted it twice
    (the lag alert fired until the pod restarted). Returns what is shown now."""
    for topic, partition in shown - lags.keys():
        gauge.remove(stage, topic, partition)
    for (topic, partition), lag in lags.items():
        gauge.labels(stage, topic, partition).set(lag)
    return set(lags)


def as_current_event(event: Any) -> None:
    """Make `event` Faust's current event in this task: a table write takes its changelog
    partition from it. Only the context variable is set, never the stream's `current_event`
    attribute: take_events' background buffering reads that attribute for the next event, and
    changing it there swapped one event for another (an article lost under SIGKILL tests)."""
    _faust_current_event.set(weakref.ref(event))


def make_faust_app(stage_name: str, settings: Settings) -> faust.App:
    """A Faust app for one stage: consumer group `<prefix>-<stage>[suffix]`, in-memory stores,
    raw-byte topics, no auto-declared topics, short timeouts that suit one machine."""
    apply_faust_fixes()
    app_id = consumer_group(settings, stage_name)
    settings.data_dir.mkdir(parents=True, exist_ok=True)  # Faust creates only the last level
    return faust.App(
        app_id,
        datadir=str(settings.data_dir / app_id),  # Faust's scratch folder, never the working directory
        broker=faust_broker_url(settings),
        broker_credentials=faust_credentials(settings),
        store="memory://",
        autodiscover=False,
        topic_allow_declare=False,
        topic_disable_leader=True,
        topic_partitions=settings.partitions,
        web_enabled=True,
        web_host=settings.metrics_host,
        web_port=settings.metrics_port(stage_name),
        web_in_thread=False,
        broker_session_timeout=settings.session_timeout_seconds,
        broker_heartbeat_interval=settings.heartbeat_interval_seconds,
        broker_commit_interval=settings.commit_interval_seconds,
        consumer_auto_offset_reset=settings.auto_offset_reset,
        producer_acks=-1,
        producer_linger=settings.producer_linger_seconds,  # batch sends: a request per event cost CPU (bench)
        producer_max_batch_size=1048576,
        producer_compression_type=settings.compression_type,
        producer_max_request_size=max_request_bytes(settings),  # Faust's default (1 MB) crashed on big events
        producer_enable_idempotence=settings.enable_idempotence,
        stream_wait_empty=True,
        table_cleanup_interval=60.0,
        key_serializer="raw",
        value_serializer="raw",
    )
