"""Operator commands on a real broker: wrong arguments give a clear message and exit 2, not a traceback,
a hang or a silent wrong result."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from newswire.cli import main as cli_main
from newswire.core.settings import Settings
from newswire.core.topics import Topics
from newswire.ingestion import ingest_paths
from newswire.replay import Checkpoint, Position, replay
from newswire.runner import SAMPLES, settings_env


@pytest.fixture
def env(live_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    for name, value in settings_env(live_settings).items():
        monkeypatch.setenv(name, value)
    return live_settings


@pytest.mark.parametrize("argv", [["tail", "nosuchtopic"], ["tail", "nosuchtopic", "--latest", "--max", "1"],
                                  ["tail", "all"]])
def test_tail_of_a_topic_that_does_not_exist_says_so(env: Settings, argv: list[str],
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """It raised AssertionError, or with --latest waited forever or exited 0 without a word ("all" named a method)."""
    assert cli_main(argv) == 2
    assert "does not exist" in capsys.readouterr().err


@pytest.mark.parametrize(("argv", "message"), [
    (["--topic", "raw", "--from", "3", "--to", "1"], "is after --to"),
    (["--topic", "raw", "--from", "earliest", "--reason", "SchemaError"], "need --topic deadletter"),
    (["--topic", "raw", "--from", "earliest", "--partitions", "a"], "expected partition numbers"),
    (["--topic", "raw", "--from", "earliest", "--partitions", "9"], "has no partition 9"),
    (["--topic", "raw", "--from", "earliest", "--into", "brandnew"], "'brandnew' does not exist"),
])
def test_replay_arguments_that_select_nothing_or_the_wrong_thing_are_refused(
        env: Settings, tmp_path: Path, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    """They replayed 0 (exit 0), ignored the filter and copied everything, raised ValueError, or created the
    misspelt topic on the broker."""
    assert cli_main(["replay", *argv, "--checkpoint", str(tmp_path / "ck.json")]) == 2
    assert message in capsys.readouterr().err


def test_a_checkpoint_ahead_of_the_topic_is_not_trusted(live_settings: Settings, tmp_path: Path) -> None:
    """A checkpoint saved against another cluster (or a topic since recreated) said everything was sent
    already: "replayed 0 events (14 already sent)" into an empty topic."""
    topics = Topics.for_prefix(live_settings.topic_prefix)
    _, ids, _ = ingest_paths(live_settings, [str(SAMPLES / "01_meridian_wire_ebro_floods.json")])
    checkpoint = Checkpoint(tmp_path / "ck.json")
    checkpoint.next = {p: 1_000 for p in range(live_settings.partitions)}
    counts = asyncio.run(replay(live_settings, topics.raw, Position(edge="earliest"), into=topics.clean,
                                checkpoint=checkpoint))
    assert counts["sent"] == len(ids) == 1 and counts["resumed"] == 0


def test_an_unreachable_broker_is_one_line_not_a_traceback(monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("NEWSWIRE_KAFKA_BOOTSTRAP", "127.0.0.1:1")
    assert cli_main(["topics", "list"]) == 1
    err = capsys.readouterr().err
    assert "cannot reach the Kafka cluster at 127.0.0.1:1" in err and "Traceback" not in err


def test_topics_create_says_when_an_existing_topic_has_other_partitions(
        env: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """It said "exists", and a stage then ran on fewer partitions than configured."""
    monkeypatch.setenv("NEWSWIRE_PARTITIONS", str(env.partitions + 1))
    assert cli_main(["topics", "create"]) == 0
    out = capsys.readouterr().out
    raw = Topics.for_prefix(env.topic_prefix).raw
    assert f"exists (with {env.partitions} partitions, not the {env.partitions + 1} configured) {raw}" in out
