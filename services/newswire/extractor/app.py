"""Stream wiring of the extractor: `newswire worker extractor`."""

from __future__ import annotations

from newswire.core.settings import Settings
from newswire.core.worker import WorkerApp
from newswire.stages import ExtractorStage

STAGE = "extractor"


def create_worker(settings: Settings) -> WorkerApp:
    """The extractor's Faust app: one agent over its input topic, no state."""
    return WorkerApp(STAGE, settings, lambda app, topics: ExtractorStage(topics))
