"""Encode and decode events: one JSON envelope (orjson), validated against schemas/ both ways.

Envelope: `schema` (`newswire.<type>/<n>`), `id`, `article_id`, `produced_at`,
`pipeline_version`, `replay` and the event's `payload`. Kafka headers carry `ingested_at`
and `trace_id`; they travel with every event derived from an article.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
from jsonschema import ValidationError

from newswire.core.errors import DecodeError, OversizeError, SchemaError
from newswire.core.schemas import fast_validator, validator

Headers = Sequence[tuple[str, bytes]]


@dataclass(frozen=True, slots=True)
class Envelope:
    """An event: envelope fields plus the payload (plain data once decoded; a record may stand in
    for it on the way out)."""

    schema: str
    id: str
    article_id: str | None
    produced_at: str
    pipeline_version: str
    replay: bool
    payload: dict[str, Any]

    def as_dict(self) -> dict[str, Any]:
        """The envelope as the JSON object that goes on the wire."""
        return {
            "schema": self.schema, "id": self.id, "article_id": self.article_id,
            "produced_at": self.produced_at, "pipeline_version": self.pipeline_version,
            "replay": self.replay, "payload": self.payload,
        }


def utc_now() -> str:
    """The current UTC time as ISO-8601 with milliseconds and a Z."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_time(value: str) -> dt.datetime:
    """Parse ISO-8601 (a trailing Z allowed) into an aware UTC datetime."""
    parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


class Codec:
    """Encodes and decodes envelopes for one schemas directory and size limit."""

    __slots__ = ("schemas_dir", "max_bytes")

    def __init__(self, schemas_dir: Path, max_bytes: int = 10 * 1024 * 1024) -> None:
        self.schemas_dir = schemas_dir
        self.max_bytes = max_bytes

    def encode(self, envelope: Envelope) -> bytes:
        """Serialise an envelope and validate what was written against its schema (a bad event is
        our bug). The payload may hold records: one orjson pass writes them, and validating the
        bytes read back checks exactly what goes on the wire."""
        raw = orjson.dumps(envelope.as_dict())
        self._validate(envelope.schema, orjson.loads(raw))
        return raw

    def decode(self, value: bytes | None, expected: Sequence[str]) -> Envelope:
        """Parse and validate bytes read from a topic; raise a PoisonMessage subclass if bad."""
        if value is None:
            raise DecodeError("message has no value (tombstone)")
        if len(value) > self.max_bytes:
            raise OversizeError(f"message is {len(value)} bytes, limit {self.max_bytes}")
        try:
            data = orjson.loads(value)
        except orjson.JSONDecodeError as exc:
            raise DecodeError(f"not UTF-8 JSON: {exc}") from None
        if not isinstance(data, dict):
            raise SchemaError(f"event must be a JSON object, got {type(data).__name__}")
        schema = data.get("schema")
        if not isinstance(schema, str) or schema not in expected:
            raise SchemaError(f"unexpected schema {schema!r}, expected one of {list(expected)}")
        self._validate(schema, data)
        return Envelope(
            schema=schema, id=data["id"], article_id=data["article_id"], produced_at=data["produced_at"],
            pipeline_version=data["pipeline_version"], replay=data["replay"], payload=data["payload"],
        )

    def _validate(self, schema: str, data: dict[str, Any]) -> None:
        is_valid = fast_validator(self.schemas_dir, schema)
        if is_valid is not None and is_valid(data):
            return  # the common case, in Rust; the reference validator only explains failures
        try:
            validator(self.schemas_dir, schema).validate(data)
        except ValidationError as exc:
            where = "/".join(str(p) for p in exc.absolute_path) or "(root)"
            raise SchemaError(f"{schema} invalid at {where}: {exc.message[:300]}") from None


def header(headers: Headers | None, name: str) -> str | None:
    """A header's value as text, or None."""
    for key, value in headers or ():
        if key == name:
            return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    return None
