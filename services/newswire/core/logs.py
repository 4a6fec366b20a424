"""Structured logs: JSON lines in containers, readable lines in a terminal.

Every record carries the stage; `extra={"article_id": ..., "trace_id": ...}` adds those.
Logs never carry article text.
"""

from __future__ import annotations

import logging
import sys
import time
from typing import Any

import orjson

from newswire.core.settings import Settings

FIELDS = ("stage", "article_id", "trace_id", "topic", "partition", "offset", "reason")


class JsonFormatter(logging.Formatter):
    """One JSON object per line with time, level, logger, message and context fields."""

    converter = time.gmtime  # type: ignore[assignment]  # logging's documented way to log in UTC

    def __init__(self, stage: str = "") -> None:
        super().__init__()
        self.stage = stage

    def format(self, record: logging.LogRecord) -> str:
        """Render a record as JSON."""
        data: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S") + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            "stage": getattr(record, "stage", self.stage),
        }
        for name in FIELDS[1:]:
            value = getattr(record, name, None)
            if value is not None:
                data[name] = value
        if record.exc_info:
            data["exception"] = self.formatException(record.exc_info)
        return orjson.dumps(data).decode()


def use_json(settings: Settings) -> bool:
    """JSON unless told otherwise or writing to a terminal."""
    if settings.log_format in ("json", "text"):
        return settings.log_format == "json"
    return not sys.stderr.isatty()


def logging_config(settings: Settings, stage: str) -> dict[str, Any]:
    """A logging.dictConfig for a worker process."""
    formatter: dict[str, Any]
    if use_json(settings):
        formatter = {"()": JsonFormatter, "stage": stage}
    else:
        formatter = {"format": f"%(asctime)s %(levelname)-7s [{stage}] %(name)s: %(message)s"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"main": formatter},
        "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "main", "stream": "ext://sys.stderr"}},
        "root": {"level": settings.log_level, "handlers": ["stderr"]},
        "loggers": {"aiokafka": {"level": "WARNING"}, "faust": {"level": "WARNING"}, "mode": {"level": "WARNING"}},
    }


def setup_cli_logging(settings: Settings, stage: str = "cli") -> None:
    """Configure logging for command-line tools."""
    import logging.config

    logging.config.dictConfig(logging_config(settings, stage))
