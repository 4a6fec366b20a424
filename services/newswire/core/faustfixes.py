"""Two corrections to Faust's consumer that the workers apply before they start.

Faust has no setting for either, so each replaces one method of a Faust class, once per
process, and calls the original inside; they were written against the Faust version pyproject.toml
pins (0.15.3). The seek fix has its own integration test on the real broker (tests/integration/
test_faults.py); the fetch-wait cap shows in the e2e bench's per-hop latency.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

FETCH_MAX_WAIT_MS = 25
"""Longest a fetch waits for records. Faust hard-codes 1,500 ms, and Tansu holds a fetch until
then even when records arrive: about 400 ms per hop at p50 (newswire bench, e2e section)."""


def apply_faust_fixes() -> None:
    """Apply both corrections (idempotent)."""
    short_fetch_wait()
    seek_with_flow_stopped()


def _patched(method: Callable[..., Any]) -> bool:
    return bool(getattr(method, "newswire_patched", False))


def short_fetch_wait() -> None:
    """Cap the fetch wait of Faust's worker consumer at FETCH_MAX_WAIT_MS."""
    from faust.transport.drivers.aiokafka import AIOKafkaConsumerThread

    original = AIOKafkaConsumerThread._create_worker_consumer
    if _patched(original):
        return

    def create(self: Any, transport: Any) -> Any:
        consumer = original(self, transport)
        consumer._fetch_max_wait_ms = FETCH_MAX_WAIT_MS  # read by aiokafka's start() when it builds the fetcher
        return consumer

    create.newswire_patched = True  # type: ignore[attr-defined]
    AIOKafkaConsumerThread._create_worker_consumer = create  # type: ignore[method-assign]


def seek_with_flow_stopped() -> None:
    """Stop the consumer's flow before it seeks its partitions to their committed offsets.

    After a rebalance or at start, Faust's recovery resumes the input partitions, seeks them to
    the committed offsets, then resumes flow control, which empties the streams' queues, and
    resumes the consumer's flow. The flow is already on during the seek (recovery turned it on
    to read changelogs), so records fetched from the committed offset between the seek and that
    emptying reach a queue and are thrown away, while the read offset has moved past them: they
    are never fetched again. Faust then commits over a lone missing offset (its `_new_offset`
    accepts a hole of one at the head), so one article was lost for good (the SIGKILL test of
    the stories worker, on a fresh-clone CI run; 20-26 of 300, with commits stuck behind them,
    when a test holds that moment open). With the flow stopped, nothing is fetched until
    recovery resumes it after the emptying; what reached a queue before the seek is fetched
    again from the committed offset. Every caller of `perform_seek` resumes the flow after it
    (recovery twice; a fetch while the flow is stopped seeks and keeps it stopped)."""
    from faust.transport.drivers.aiokafka import Consumer

    original = Consumer.perform_seek
    if _patched(original):
        return

    async def perform_seek(self: Any) -> None:
        self.stop_flow()
        await original(self)

    perform_seek.newswire_patched = True  # type: ignore[attr-defined]
    Consumer.perform_seek = perform_seek  # type: ignore[method-assign]
