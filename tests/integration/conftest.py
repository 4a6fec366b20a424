"""Integration fixtures: a real Tansu broker on a free port, uuid topic prefixes, real
worker processes. If the broker cannot start, these tests fail; they never skip."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from newswire.core import admin
from newswire.core.broker import LocalBroker, free_port_block
from newswire.core.settings import STAGES, Settings
from newswire.runner import WorkerProcess, start_worker, stop_workers


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Everything under tests/integration is marked `integration`."""
    for item in items:
        if "/integration/" in str(item.fspath):
            item.add_marker(pytest.mark.integration)


@contextlib.contextmanager
def logged_broker(log_path: Path) -> Iterator[LocalBroker]:
    """A Tansu broker on a free port logging to `log_path`, stopped (SIGKILL if needed) at the end."""
    with open(log_path, "wb") as log, LocalBroker(log=log) as b:
        yield b


@pytest.fixture(scope="session")
def broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalBroker]:
    """One Tansu broker for the session (data in memory; tests isolate by topic prefix)."""
    with logged_broker(tmp_path_factory.mktemp("broker") / "tansu.log") as b:
        yield b


def _free_port_block(n: int = 4) -> int:
    """A base port with n consecutive free ports after it, outside the ephemeral range."""
    return free_port_block(n)


@pytest.fixture
def live_settings(broker: LocalBroker) -> Settings:
    """Settings for one test: the session broker, a fresh topic prefix, free metric ports,
    short session timeouts so restarted workers rejoin quickly."""
    s = Settings(
        kafka_bootstrap=broker.bootstrap, topic_prefix=f"t{uuid.uuid4().hex[:10]}",
        metrics_port_base=_free_port_block(), partitions=2, session_timeout_seconds=6.0,
        heartbeat_interval_seconds=0.5, commit_interval_seconds=0.5, log_format="json",
    )
    asyncio.run(admin.create_topics(s))
    return s


@pytest.fixture
def workers(live_settings: Settings, tmp_path: Path) -> Iterator[dict[str, WorkerProcess]]:
    """The four workers as real processes; stopped (SIGKILL after a grace) at the end."""
    procs = {stage: start_worker(stage, live_settings, tmp_path) for stage in STAGES}
    try:
        yield procs
    finally:
        stop_workers(list(procs.values()), grace=10)
