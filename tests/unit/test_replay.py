"""Replay's pure parts: bounds, the replay mark, dead-letter targets, checkpoints."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from newswire.core.deadletter import dead_letter_payload
from newswire.core.errors import ConfigError, DecodeError
from newswire.core.topics import Topics
from newswire.replay import Checkpoint, Position, mark_replay, replay_target


def test_positions() -> None:
    assert Position.parse("42") == Position(offset=42)
    assert Position.parse("earliest").edge == "earliest"
    assert Position.parse("2024-12-27T00:00:00Z").time_ms == 1735257600000
    with pytest.raises(ConfigError):
        Position.parse("yesterday-ish")


def test_mark_replay_keeps_id_and_payload() -> None:
    value = orjson.dumps({"schema": "s", "id": "e1", "replay": False, "payload": {"a": 1}})
    marked = orjson.loads(mark_replay(value))
    assert marked == {"schema": "s", "id": "e1", "replay": True, "payload": {"a": 1}}


def test_dead_letter_goes_back_to_its_topic_byte_for_byte() -> None:
    payload = dead_letter_payload(stage="cleaner", exc=DecodeError("bad"), topic="newswire.articles.raw",
                                  partition=2, offset=9, key=b"k", value=b"\xff\x00raw", headers=[("trace_id", b"t")])
    target = replay_target(orjson.dumps({"payload": payload}), Topics.for_prefix("newswire"))
    assert target == ("newswire.articles.raw", b"k", b"\xff\x00raw", [("trace_id", b"t")])
    payload["topic"] = "ingest:/some/file.json"
    assert replay_target(orjson.dumps({"payload": payload}), Topics.for_prefix("newswire")) is None


def test_checkpoint_round_trip(tmp_path: Path) -> None:
    ck = Checkpoint(tmp_path / "c.json")
    ck.next = {0: 10, 3: 7}
    ck.save()
    assert Checkpoint(tmp_path / "c.json").next == {0: 10, 3: 7}
