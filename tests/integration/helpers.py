"""Helpers for integration tests: ingest, wait for outputs, read topics."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterable
from typing import Any

import orjson

from newswire.core import admin
from newswire.core.settings import Settings
from newswire.core.topics import Topics, consumer_group
from newswire.kafkaio import collect


def read_all(settings: Settings, topic: str) -> list[Any]:
    """Every record in a topic right now."""
    return asyncio.run(collect(settings, topic, idle_seconds=0.5))


def events(settings: Settings, topic: str) -> list[dict[str, Any]]:
    """Every event in a topic, decoded."""
    return [orjson.loads(r.value) for r in read_all(settings, topic)]


def wait_enriched(settings: Settings, article_ids: Iterable[str], timeout: float = 60.0) -> dict[str, dict[str, Any]]:
    """Wait until every article id has an enriched event; returns them by article id."""
    article_ids = set(article_ids)
    topic = Topics.for_prefix(settings.topic_prefix).enriched
    deadline = time.monotonic() + timeout
    seen: dict[str, dict[str, Any]] = {}
    while time.monotonic() < deadline:
        seen = {e["article_id"]: e for e in events(settings, topic)}
        if article_ids <= set(seen):
            return seen
        time.sleep(0.5)
    raise AssertionError(f"{len(article_ids - set(seen))} of {len(article_ids)} articles never came out")


def wait_caught_up(settings: Settings, stage: str, topic: str, timeout: float = 30.0) -> None:
    """Wait until a stage's consumer group has committed everything in `topic`."""
    group = consumer_group(settings, stage)
    deadline = time.monotonic() + timeout
    lag: dict[int, tuple[int, int]] = {}
    while time.monotonic() < deadline:
        lag = asyncio.run(admin.group_lag(settings, group, topic))
        if lag and all(c >= e for c, e in lag.values()):
            return
        time.sleep(0.5)
    raise AssertionError(f"{stage} did not catch up on {topic}: {lag}")


def wait_until(predicate: Callable[[], bool], timeout: float, interval: float = 0.3) -> bool:
    """Poll `predicate()` until true or `timeout` seconds pass."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return False
