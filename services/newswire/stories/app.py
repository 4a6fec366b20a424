"""Stream wiring of the stories stage: `newswire worker stories`.

Its state is a Faust table of per-article records backed by a changelog topic, so a
restarted worker recovers it before processing; the in-memory index is rebuilt from it.
"""

from __future__ import annotations

from typing import Any

from newswire.core.settings import Settings
from newswire.core.topics import Topics
from newswire.core.worker import WorkerApp
from newswire.stages import StoriesStage

STAGE = "stories"
TABLE = "articles"


def create_worker(settings: Settings) -> WorkerApp:
    """The stories worker: one agent over the extracted-articles topic plus its table."""

    def build(app: Any, topics: Topics) -> StoriesStage:
        # raw serialisers (the app default) with str keys and bytes values: no codec guesses
        table = app.Table(TABLE, partitions=settings.stories_partitions, key_type=str, value_type=bytes)
        return StoriesStage(topics, table, settings.stories_window_days)

    return WorkerApp(STAGE, settings, build)
