"""Stream wiring of the cleaner: `newswire worker cleaner`."""

from __future__ import annotations

from newswire.core.settings import Settings
from newswire.core.worker import WorkerApp
from newswire.stages import CleanerStage

STAGE = "cleaner"


def create_worker(settings: Settings) -> WorkerApp:
    """The cleaner's Faust app: one agent over its input topic, no state."""
    return WorkerApp(STAGE, settings, lambda app, topics: CleanerStage(topics))
