"""Structured logs: one JSON object per line with stage and context fields."""

from __future__ import annotations

import logging

import orjson

from newswire.core.logs import JsonFormatter, logging_config, use_json
from newswire.core.settings import Settings


def test_json_line_with_context() -> None:
    record = logging.LogRecord("newswire.core.boundary", logging.WARNING, __file__, 1, "dead-lettering %s", ("x",),
                               None)
    record.article_id = "a_1"
    record.trace_id = "t_9"
    data = orjson.loads(JsonFormatter(stage="cleaner").format(record))
    assert data["stage"] == "cleaner" and data["article_id"] == "a_1" and data["trace_id"] == "t_9"
    assert data["message"] == "dead-lettering x" and data["level"] == "warning" and data["time"].endswith("Z")


def test_format_choice() -> None:
    assert use_json(Settings(log_format="json")) and not use_json(Settings(log_format="text"))
    config = logging_config(Settings(log_format="json"), "stories")
    assert config["formatters"]["main"]["stage"] == "stories"
