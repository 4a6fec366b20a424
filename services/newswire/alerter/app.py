"""Stream wiring of the alerter: `newswire worker alerter`.

It reads story updates (keyed by story id, so one story's updates share a partition) and
keeps which alerts fired in a changelog-backed table, so a restart never re-fires them.
"""

from __future__ import annotations

from typing import Any

from newswire.core.settings import Settings
from newswire.core.topics import Topics
from newswire.core.worker import WorkerApp
from newswire.stages import AlerterStage

STAGE = "alerter"
TABLE = "fired"


def create_worker(settings: Settings) -> WorkerApp:
    """The alerter worker: one agent over story updates plus its dedup table."""

    def build(app: Any, topics: Topics) -> AlerterStage:
        table = app.Table(TABLE, partitions=settings.partitions, key_serializer="json", value_serializer="raw")
        return AlerterStage(topics, table, settings)

    return WorkerApp(STAGE, settings, build)
