"""Dead letters: the original bytes and where they came from, so `replay` can drive them again."""

from __future__ import annotations

import base64
from typing import Any

from newswire.core.codec import Headers

PREVIEW_CHARS = 200


def reason_of(exc: BaseException) -> str:
    """The dead-letter reason label: the exception's class name (bounded cardinality)."""
    return type(exc).__name__


def dead_letter_payload(
    *, stage: str, exc: BaseException, topic: str, partition: int, offset: int,
    key: bytes | None, value: bytes | None, headers: Headers | None, timestamp_ms: int | None = None,
    attempts: int = 1,
) -> dict[str, Any]:
    """The payload of a `newswire.deadletter/1` event for a message that failed."""
    raw = value or b""
    return {
        "stage": stage,
        "reason": reason_of(exc),
        "error": str(exc)[:1000] or reason_of(exc),
        "topic": topic,
        "partition": partition,
        "offset": offset,
        "timestamp_ms": timestamp_ms,
        "key_b64": base64.b64encode(key).decode() if key is not None else None,
        "value_b64": base64.b64encode(raw).decode(),
        "headers": [[k, v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v)]
                    for k, v in (headers or ())],
        "value_preview": raw[:PREVIEW_CHARS].decode("utf-8", "replace"),
        "attempts": attempts,
    }


def original_message(payload: dict[str, Any]) -> tuple[bytes | None, bytes, list[tuple[str, bytes]]]:
    """Key, value and headers of the message a dead letter preserved."""
    key = base64.b64decode(payload["key_b64"]) if payload.get("key_b64") else None
    value = base64.b64decode(payload["value_b64"])
    headers = [(k, v.encode()) for k, v in payload.get("headers") or []]
    return key, value, headers
