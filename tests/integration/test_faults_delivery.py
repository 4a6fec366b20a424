"""A record the producer gives up on must end the worker before its input offset is committed
(Faust only logs a failed delivery and commits after its flush anyway). Runs a real WorkerApp
in this process; no broker is contacted."""

from __future__ import annotations

import asyncio

import pytest
from aiokafka.errors import KafkaTimeoutError

from newswire.core.settings import Settings
from newswire.core.worker import EXIT_CRASHED


class Exited(Exception):
    """os._exit, caught."""


def _worker(monkeypatch: pytest.MonkeyPatch) -> object:
    from newswire.cleaner.app import create_worker

    def fake_exit(code: int) -> None:
        raise Exited(code)

    monkeypatch.setattr("newswire.core.worker.os._exit", fake_exit)
    return create_worker(Settings(kafka_bootstrap="127.0.0.1:9", topic_prefix="tdeliv"))


def test_failed_delivery_ends_the_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    worker = _worker(monkeypatch)
    loop = asyncio.new_event_loop()
    try:
        failed: asyncio.Future = loop.create_future()
        failed.set_exception(KafkaTimeoutError("batch expired"))
        with pytest.raises(Exited) as exited:
            worker._delivered(failed)  # type: ignore[attr-defined]
        assert exited.value.args == (EXIT_CRASHED,)
    finally:
        loop.close()


def test_delivered_or_cancelled_records_do_not(monkeypatch: pytest.MonkeyPatch) -> None:
    worker = _worker(monkeypatch)
    loop = asyncio.new_event_loop()
    try:
        ok: asyncio.Future = loop.create_future()
        ok.set_result("metadata")
        cancelled: asyncio.Future = loop.create_future()
        cancelled.cancel()
        worker._delivered(ok)  # type: ignore[attr-defined]
        worker._delivered(cancelled)  # type: ignore[attr-defined]
    finally:
        loop.close()
