"""Settings come from NEWSWIRE_* variables and fail at start-up naming the bad one."""

from __future__ import annotations

import asyncio

import pytest

from newswire.core.errors import ConfigError
from newswire.core.settings import load_settings


def test_defaults_work_without_environment() -> None:
    s = load_settings({})
    assert s.topic_prefix == "newswire" and s.partitions == 4 and s.kafka_bootstrap == ""
    assert s.metrics_port("alerter") == s.metrics_port_base + 3


def test_values_are_parsed() -> None:
    s = load_settings({"NEWSWIRE_PARTITIONS": "8", "NEWSWIRE_ENABLE_IDEMPOTENCE": "true",
                       "NEWSWIRE_STORIES_WINDOW_DAYS": "2.5", "NEWSWIRE_KAFKA_BOOTSTRAP": "k:9092",
                       "NEWSWIRE_PRODUCER_LINGER_SECONDS": "0.001"})
    assert (s.partitions, s.enable_idempotence, s.stories_window_days, s.kafka_bootstrap) == (8, True, 2.5, "k:9092")
    assert s.producer_linger_seconds == 0.001


@pytest.mark.parametrize("env, name", [
    ({"NEWSWIRE_PARTITIONS": "many"}, "NEWSWIRE_PARTITIONS"),
    ({"NEWSWIRE_ENABLE_IDEMPOTENCE": "maybe"}, "NEWSWIRE_ENABLE_IDEMPOTENCE"),
    ({"NEWSWIRE_PARTITIONS": "0"}, "NEWSWIRE_PARTITIONS"),
    ({"NEWSWIRE_SECURITY_PROTOCOL": "SASL_SSL"}, "NEWSWIRE_SASL_MECHANISM"),
    ({"NEWSWIRE_PRODUCER_LINGER_SECONDS": "-1"}, "NEWSWIRE_PRODUCER_LINGER_SECONDS"),
    ({"NEWSWIRE_PRODUCER_LINGER_SECONDS": "soon"}, "NEWSWIRE_PRODUCER_LINGER_SECONDS"),
    ({"NEWSWIRE_PRODUCER_COMPRESSION": "brotli"}, "NEWSWIRE_PRODUCER_COMPRESSION"),
    # accepted before, then a traceback in a worker or a silent change of behaviour
    ({"NEWSWIRE_MAX_MESSAGE_BYTES": "-5"}, "NEWSWIRE_MAX_MESSAGE_BYTES"),
    ({"NEWSWIRE_LOG_LEVEL": "LOUD"}, "NEWSWIRE_LOG_LEVEL"),
    ({"NEWSWIRE_LOG_FORMAT": "xml"}, "NEWSWIRE_LOG_FORMAT"),
    ({"NEWSWIRE_METRICS_PORT_BASE": "70000"}, "NEWSWIRE_METRICS_PORT_BASE"),
    ({"NEWSWIRE_SESSION_TIMEOUT_SECONDS": "0"}, "NEWSWIRE_SESSION_TIMEOUT_SECONDS"),
    ({"NEWSWIRE_HEARTBEAT_INTERVAL_SECONDS": "30"}, "NEWSWIRE_HEARTBEAT_INTERVAL_SECONDS"),
    ({"NEWSWIRE_REPLICATION": "0"}, "NEWSWIRE_REPLICATION"),
    ({"NEWSWIRE_RETRIES": "-1"}, "NEWSWIRE_RETRIES"),
    ({"NEWSWIRE_STORIES_WINDOW_DAYS": "0"}, "NEWSWIRE_STORIES_WINDOW_DAYS"),
    ({"NEWSWIRE_BATCH_WAIT_SECONDS": "nan"}, "NEWSWIRE_BATCH_WAIT_SECONDS"),
    ({"NEWSWIRE_TOPIC_PREFIX": "bad prefix!"}, "NEWSWIRE_TOPIC_PREFIX"),
])
def test_bad_values_name_the_variable(env: dict[str, str], name: str) -> None:
    with pytest.raises(ConfigError, match=name):
        load_settings(env)


def test_a_missing_ca_file_is_named_when_a_client_needs_it() -> None:
    """A FileNotFoundError traceback from inside the client before."""
    from newswire.core.kafka import ssl_context

    settings = load_settings({"NEWSWIRE_SSL_CAFILE": "/nonexistent/ca.pem", "NEWSWIRE_SECURITY_PROTOCOL": "SSL"})
    with pytest.raises(ConfigError, match="NEWSWIRE_SSL_CAFILE"):
        ssl_context(settings)


def test_a_log_level_in_lower_case_is_read() -> None:
    """"debug" made the worker die configuring its root logger."""
    assert load_settings({"NEWSWIRE_LOG_LEVEL": "debug"}).log_level == "DEBUG"


def test_producer_compression_reaches_every_producer() -> None:
    """The workers' Faust producer and the tools' aiokafka producer take the same codec; none is None."""
    from newswire.core.worker import make_faust_app
    from newswire.kafkaio import producer

    assert load_settings({}).compression_type is None
    s = load_settings({"NEWSWIRE_PRODUCER_COMPRESSION": "zstd", "NEWSWIRE_KAFKA_BOOTSTRAP": "127.0.0.1:9"})
    assert make_faust_app("cleaner", s).conf.producer_compression_type == "zstd"

    async def codec_of_tool_producer() -> object:
        return producer(s)._compression_type

    assert asyncio.run(codec_of_tool_producer()) == "zstd"


def test_password_not_in_repr() -> None:
    s = load_settings({"NEWSWIRE_SASL_PASSWORD": "hunter2"})
    assert "hunter2" not in repr(s)


def test_metrics_port_blocks_are_picked_below_the_ephemeral_range(monkeypatch) -> None:
    """A block picked from the ephemeral range could be taken by an outgoing connection before a
    worker binds it (a worker that never started in CI); a busy port moves the search on."""
    import random
    import socket

    from newswire.core import broker

    base = broker.free_port_block(4)
    assert broker.FIXED_PORTS[0] <= base and base + 4 <= broker.FIXED_PORTS[1]
    with socket.socket() as busy:
        busy.bind(("0.0.0.0", base + 2))
        monkeypatch.setattr(random, "randrange", lambda span: (base - broker.FIXED_PORTS[0]) // 4)
        assert broker.free_port_block(4) == base + 4  # the block holding the busy port is skipped


def test_every_setting_is_in_the_readme_configuration_table() -> None:
    """Six settings were missing from the table, so a newcomer could not know they exist."""
    from newswire.core.settings import PROJECT_ROOT, Settings

    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## Configuration"):readme.index("## Delivery guarantees")]
    missing = [f"NEWSWIRE_{name.upper()}" for name in Settings.__dataclass_fields__
               if f"`NEWSWIRE_{name.upper()}`" not in table]
    assert not missing
