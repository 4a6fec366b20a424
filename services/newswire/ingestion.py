"""Wrap raw articles read from files into `newswire.article.raw/1` envelopes and headers."""

from __future__ import annotations

import uuid
from typing import Any

from newswire.core import ids, schemas
from newswire.core.codec import Codec, Envelope, utc_now
from newswire.core.records import RawArticle


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
    env = raw_envelope(article, pipeline_version, replay=replay)
    return (env.article_id or "").encode(), codec.encode(env)
