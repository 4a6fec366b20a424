"""Ingest: raw articles read from files wrapped into `newswire.article.raw/1` envelopes and sent."""

from __future__ import annotations

import asyncio
import sys
import uuid
from collections.abc import Sequence
from typing import Any

import orjson

from newswire.core import ids, schemas
from newswire.core.boundary import dead_letter_room
from newswire.core.codec import Codec, Envelope, utc_now
from newswire.core.deadletter import dead_letter_payload
from newswire.core.errors import DecodeError, NewswireError, OversizeError, SchemaError
from newswire.core.records import RawArticle
from newswire.core.settings import Settings
from newswire.core.topics import Topics
from newswire.sources import read_paths


def raw_article_id(article: dict[str, Any]) -> str | None:
    """The article id of a raw article dict, or None when it has neither url nor id."""
    ident, url = article.get("id"), article.get("url")
    if not isinstance(ident, str | None) or not isinstance(url, str | None) or not (ident or url):
        return None
    return ids.article_id(RawArticle(url=url or "", source="", id=ident))


def raw_envelope(article: dict[str, Any], pipeline_version: str, *, replay: bool = False) -> Envelope:
    """The envelope ingest writes for one raw article (its id depends on content, not time)."""
    aid = raw_article_id(article)
    content = article.get("html") if article.get("html") is not None else article.get("text")
    subject = f"{aid}/{ids.digest(content)}"
    return Envelope(
        schema=schemas.RAW, id=ids.event_id(schemas.RAW, subject, pipeline_version), article_id=aid,
        produced_at=utc_now(), pipeline_version=pipeline_version, replay=replay, payload=article,
    )


def ingest_headers(trace_id: str | None = None) -> list[tuple[str, bytes]]:
    """Headers every ingested article carries through the pipeline."""
    return [("ingested_at", utc_now().encode()), ("trace_id", (trace_id or uuid.uuid4().hex).encode())]


def encode_raw(codec: Codec, article: dict[str, Any], pipeline_version: str, *,
               replay: bool = False) -> tuple[bytes, bytes]:
    """Key and validated value of a raw article; raises SchemaError if it is not a valid raw article."""
    if not isinstance(article, dict):  # a list, string or null from a caller: say so, not AttributeError
        raise SchemaError(f"a raw article must be a JSON object, got {type(article).__name__}")
    env = raw_envelope(article, pipeline_version, replay=replay)
    return (env.article_id or "").encode(), codec.encode(env)


Record = tuple[str, bytes | None, bytes, list[tuple[str, bytes]]]
"""A record to produce: topic, key, value, headers."""


def ingest_paths(settings: Settings, paths: Sequence[str]) -> tuple[int, list[str], int]:
    """Send every raw article under `paths` to the raw topic; unreadable or invalid ones go
    to the dead-letter topic with the reason. Returns (sent, article ids in input order, invalid)."""
    from newswire.kafkaio import produce  # aiokafka only where a broker is used

    records, article_ids, invalid = ingest_records(settings, paths)
    sent = asyncio.run(produce(settings, records))
    return sent - invalid, article_ids, invalid


def ingest_records(settings: Settings, paths: Sequence[str]) -> tuple[list[Record], list[str], int]:
    """The records ingest sends for `paths`: raw articles, and a dead letter for each unreadable, invalid or
    oversize input. Returns (records, article ids in input order, invalid)."""
    topics = Topics.for_prefix(settings.topic_prefix)
    codec = Codec(settings.schemas_dir, settings.max_message_bytes)
    records: list[Record] = []
    article_ids: dict[str, None] = {}  # ordered set
    invalid = 0
    for n, item in enumerate(read_paths(paths)):
        headers = ingest_headers()
        try:
            if item.article is None:
                raise DecodeError(item.error or "unreadable")
            key, value = encode_raw(codec, item.article, settings.pipeline_version)
            if len(value) > settings.max_message_bytes:  # refused here, as the cleaner would: not a producer crash
                raise OversizeError(f"raw article is {len(value)} bytes, limit {settings.max_message_bytes}")
            records.append((topics.raw, key, value, headers))
            article_ids[key.decode()] = None
        except NewswireError as exc:
            invalid += 1
            print(f"invalid input {item.origin}: {exc}", file=sys.stderr)
            value = orjson.dumps(item.article) if item.article is not None else item.origin.encode()
            value = value[:dead_letter_room(settings)]  # a dead letter the producer can send (the error gives the size)
            payload = dead_letter_payload(stage="ingest", exc=exc, topic="ingest:" + item.origin, partition=0,
                                          offset=n, key=None, value=value, headers=headers)
            event_id = ids.event_id(schemas.DEADLETTER, item.origin, settings.pipeline_version)
            env = Envelope(schema=schemas.DEADLETTER, id=event_id, article_id=None, produced_at=utc_now(),
                           pipeline_version=settings.pipeline_version, replay=False, payload=payload)
            records.append((topics.deadletter, item.origin.encode(), codec.encode(env), headers))
    return records, list(article_ids), invalid

