"""Stream wiring of the alerter: `newswire worker alerter`.

It reads story updates (keyed by story id, so one story's updates share a partition) and
keeps which alerts fired in a changelog-backed table, so a restart never re-fires them.
"""

from __future__ import annotations

from typing import Any

import orjson

from newswire.alerter.webhook import WebhookSink
from newswire.core import schemas
from newswire.core.boundary import Outgoing
from newswire.core.records import Alert, from_dict
from newswire.core.settings import Settings
from newswire.core.topics import Topics
from newswire.core.worker import Sink, WorkerApp
from newswire.stages import AlerterStage

STAGE = "alerter"
TABLE = "fired"


def create_worker(settings: Settings) -> WorkerApp:
    """The alerter worker: one agent over story updates plus its dedup table."""

    def build(app: Any, topics: Topics) -> AlerterStage:
        # raw serialisers (the app default) with str keys and bytes values: no codec guesses
        table = app.Table(TABLE, partitions=settings.partitions, key_type=str, value_type=bytes)
        return AlerterStage(topics, table, settings)

    worker = WorkerApp(STAGE, settings, build)
    if settings.webhook_url:
        worker.sinks.append(webhook_sink(settings))
    return worker


def webhook_sink(settings: Settings) -> Sink:
    """Post every alert event to the configured Slack-compatible webhook."""
    sink = WebhookSink(settings.webhook_url, timeout=settings.webhook_timeout_seconds,
                       retries=settings.retries, backoff=settings.retry_backoff_seconds)

    async def post(out: Outgoing) -> None:
        if out.schema == schemas.ALERT:
            await sink.send(from_dict(Alert, orjson.loads(out.value)["payload"]))

    return post
