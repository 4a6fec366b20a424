"""The command-line readers against the broker: "every record in a topic" means every record,
read up to the end offsets taken when reading began, not until the first quiet moment."""

from __future__ import annotations

import asyncio
import time

from newswire.core.settings import Settings
from newswire.core.topics import Topics
from newswire.kafkaio import collect, produce


def test_collect_reads_to_the_end_offsets_and_stops_there(live_settings: Settings) -> None:
    topic = Topics.for_prefix(live_settings.topic_prefix).raw
    started = time.monotonic()
    assert asyncio.run(collect(live_settings, topic, idle_seconds=5.0)) == []
    assert time.monotonic() - started < 4.0, "an empty topic is read at once, not after the idle time"
    records: list[tuple[str, bytes, bytes, list[tuple[str, bytes]]]] = [
        (topic, f"k{i}".encode(), b"x" * 2000, []) for i in range(600)]
    assert asyncio.run(produce(live_settings, records)) == 600
    started = time.monotonic()
    got = asyncio.run(collect(live_settings, topic, idle_seconds=5.0))
    assert time.monotonic() - started < 4.0, "reading stops at the end offsets, without waiting to be idle"
    assert sorted(r.key for r in got) == sorted(k for _, k, _, _ in records)
    assert {r.partition for r in got} == {0, 1}, "both partitions read"
