"""Frozen settings read once from `NEWSWIRE_*` environment variables.

No other module reads `os.environ`; a wrong value fails at start-up naming the variable.
"""

from __future__ import annotations

import math
import os
import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from newswire.core.errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parents[3]
"""The repository root (schemas/, deploy/ and the sample corpus live beside the package)."""

STAGES = ("cleaner", "extractor", "stories", "alerter")
COMPRESSION_TYPES = ("none", "gzip", "snappy", "lz4", "zstd")
"""Producer codecs Kafka defines (aiokafka's names); "none" sends batches as they are."""


@dataclass(frozen=True, slots=True)
class Settings:
    """Every knob of the service, with defaults that work on one machine."""

    kafka_bootstrap: str = ""
    topic_prefix: str = "newswire"
    partitions: int = 4
    stories_partitions: int = 1
    replication: int = 1
    pipeline_version: str = "1"
    metrics_host: str = "127.0.0.1"
    metrics_port_base: int = 9400
    max_message_bytes: int = 10 * 1024 * 1024
    max_processing_seconds: float = 10.0
    retries: int = 3
    retry_backoff_seconds: float = 0.2
    session_timeout_seconds: float = 10.0
    heartbeat_interval_seconds: float = 1.0
    commit_interval_seconds: float = 1.0
    enable_idempotence: bool = False
    stories_window_days: float = 7.0
    rules_file: Path = PROJECT_ROOT / "deploy" / "rules.yaml"
    schemas_dir: Path = PROJECT_ROOT / "schemas"
    data_dir: Path = Path(tempfile.gettempdir()) / "newswire"
    log_format: str = "auto"
    log_level: str = "INFO"
    security_protocol: str = "PLAINTEXT"
    sasl_mechanism: str = ""
    sasl_username: str = ""
    sasl_password: str = field(default="", repr=False)
    ssl_cafile: str = ""
    webhook_url: str = ""
    webhook_timeout_seconds: float = 5.0
    auto_offset_reset: str = "earliest"
    group_suffix: str = ""
    batch_max: int = 256
    batch_wait_seconds: float = 0.0025
    """How long a batch's first event waits for others to join it (core/batches.py): 2.5 ms, the mean
    wait of the 5 ms cycle Faust's take_events had, whose timer woke idle workers 200 times a second."""
    producer_linger_seconds: float = 0.001
    """1 ms against 5 ms (bench e2e, quiet machine, 3 runs each): p99 at 50/s 156-188 ms against
    195-253 ms, flat out 170-226/s against 174-199/s. Outputs already leave in batches."""
    producer_compression: str = "none"
    """Codec of the batches newswire produces (workers, `ingest`, `replay`): none, gzip, snappy, lz4 or
    zstd. Compression saves the cluster's network and disk, at the producers' CPU; consumers read any
    codec whatever this says."""

    @property
    def compression_type(self) -> str | None:
        """The producer codec as aiokafka and Faust take it (None for none)."""
        return None if self.producer_compression == "none" else self.producer_compression

    def metrics_port(self, stage: str) -> int:
        """Each stage serves /metrics on its own port: base + its index."""
        return self.metrics_port_base + STAGES.index(stage)

    def with_(self, **changes: object) -> Settings:
        """A copy with some fields changed (for tests and the CLI)."""
        return replace(self, **changes)  # type: ignore[arg-type]


_INT = {"partitions", "stories_partitions", "replication", "metrics_port_base", "max_message_bytes", "retries",
        "batch_max"}
_FLOAT = {
    "max_processing_seconds", "retry_backoff_seconds", "session_timeout_seconds",
    "heartbeat_interval_seconds", "commit_interval_seconds", "stories_window_days",
    "webhook_timeout_seconds", "batch_wait_seconds", "producer_linger_seconds",
}
_BOOL = {"enable_idempotence"}
_PATH = {"rules_file", "schemas_dir", "data_dir"}


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Build Settings from `NEWSWIRE_<FIELD>` variables; raise ConfigError naming a bad one."""
    env = os.environ if env is None else env
    values: dict[str, object] = {}
    for name in Settings.__dataclass_fields__:
        var = f"NEWSWIRE_{name.upper()}"
        raw = env.get(var)
        if raw is None or raw == "":
            continue
        try:
            if name in _INT:
                values[name] = int(raw)
            elif name in _FLOAT:
                values[name] = float(raw)
                if not math.isfinite(values[name]):  # type: ignore[arg-type]  # a float, just made
                    raise ValueError("expected a finite number")
            elif name in _BOOL:
                if raw.lower() not in {"1", "0", "true", "false", "yes", "no"}:
                    raise ValueError("expected true or false")
                values[name] = raw.lower() in {"1", "true", "yes"}
            elif name in _PATH:
                values[name] = Path(raw)
            elif name == "log_level":
                values[name] = raw.upper()  # "debug" is as clear as "DEBUG"
            else:
                values[name] = raw
        except ValueError as exc:
            raise ConfigError(f"{var}={raw!r} is invalid: {exc}") from exc
    settings = Settings(**values)  # type: ignore[arg-type]
    _validate(settings)
    return settings


LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
LOG_FORMATS = ("auto", "json", "text")
_TOPIC_PREFIX = re.compile(r"[A-Za-z0-9._-]{1,200}")
"""Characters Kafka allows in topic names, with room for the longest suffix."""
_AT_LEAST = {"replication": 1, "max_message_bytes": 1024, "retries": 0, "max_processing_seconds": 0.0,
             "retry_backoff_seconds": 0.0}
_POSITIVE = ("session_timeout_seconds", "heartbeat_interval_seconds", "commit_interval_seconds",
             "stories_window_days", "webhook_timeout_seconds")


def _validate(s: Settings) -> None:
    """Refuse at start what would fail later or change behaviour without a word (a worker that died configuring
    its logger, a limit of -5 bytes that dead-lettered every article, a window of 0 days)."""
    if s.partitions < 1 or s.stories_partitions < 1:
        raise ConfigError("NEWSWIRE_PARTITIONS and NEWSWIRE_STORIES_PARTITIONS must be at least 1")
    for name, low in _AT_LEAST.items():
        if getattr(s, name) < low:
            raise ConfigError(f"NEWSWIRE_{name.upper()} must be at least {low}")
    for name in _POSITIVE:
        if getattr(s, name) <= 0:
            raise ConfigError(f"NEWSWIRE_{name.upper()} must be more than 0")
    if s.heartbeat_interval_seconds >= s.session_timeout_seconds:
        raise ConfigError("NEWSWIRE_HEARTBEAT_INTERVAL_SECONDS must be less than NEWSWIRE_SESSION_TIMEOUT_SECONDS")
    if not 1 <= s.metrics_port_base <= 65535 - len(STAGES):
        raise ConfigError(f"NEWSWIRE_METRICS_PORT_BASE must leave room for {len(STAGES)} ports below 65536")
    if s.log_level not in LOG_LEVELS:
        raise ConfigError(f"NEWSWIRE_LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}")
    if s.log_format not in LOG_FORMATS:
        raise ConfigError(f"NEWSWIRE_LOG_FORMAT must be one of {', '.join(LOG_FORMATS)}")
    if not _TOPIC_PREFIX.fullmatch(s.topic_prefix):
        raise ConfigError("NEWSWIRE_TOPIC_PREFIX may hold only letters, digits, '.', '_' and '-' (Kafka's topic names)")

    if s.auto_offset_reset not in {"earliest", "latest"}:
        raise ConfigError("NEWSWIRE_AUTO_OFFSET_RESET must be 'earliest' or 'latest'")
    if s.batch_max < 1 or s.batch_wait_seconds < 0:
        raise ConfigError("NEWSWIRE_BATCH_MAX must be at least 1 and NEWSWIRE_BATCH_WAIT_SECONDS not negative")
    if s.producer_linger_seconds < 0:
        raise ConfigError("NEWSWIRE_PRODUCER_LINGER_SECONDS must not be negative")
    if s.producer_compression not in COMPRESSION_TYPES:
        raise ConfigError(f"NEWSWIRE_PRODUCER_COMPRESSION must be one of {', '.join(COMPRESSION_TYPES)}")
    if s.security_protocol not in {"PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"}:
        raise ConfigError("NEWSWIRE_SECURITY_PROTOCOL must be PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL")
    if s.security_protocol.startswith("SASL") and not (s.sasl_mechanism and s.sasl_username):
        raise ConfigError("NEWSWIRE_SASL_MECHANISM and NEWSWIRE_SASL_USERNAME are required with SASL")
