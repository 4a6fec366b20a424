"""Deterministic ids: the same input and pipeline version always give the same id.

That makes at-least-once delivery and replays idempotent for anyone storing by id.
"""

from __future__ import annotations

import hashlib

from newswire.core.records import RawArticle


def digest(*parts: object, size: int = 10) -> str:
    """A short stable hex digest of the parts (blake2b, `size` bytes)."""
    h = hashlib.blake2b(digest_size=size)
    for part in parts:
        h.update(str(part).encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()


def article_id(raw: RawArticle) -> str:
    """An article's id: from its explicit id, else its URL (the article's identity)."""
    return "a_" + digest("article", raw.id or raw.url)


def content_version(title: str | None, text: str) -> str:
    """A short digest of an article's title and clean text: a new version of an article (same url, new text)
    gets new event ids and updates its story, while a redelivery of the same text changes nothing."""
    return digest(title, text, size=8)


def event_id(schema: str, subject: str, pipeline_version: str) -> str:
    """The id of the event a stage produces about a subject (article, claim, story)."""
    return "e_" + digest(schema, subject, pipeline_version, size=12)


def claim_id(article_id_: str, start: int, end: int, text: str) -> str:
    """A claim's id from its article and its place in the clean text."""
    return "c_" + digest(article_id_, start, end, text)


def story_id(founding_article_id: str) -> str:
    """A story's id from the article that opened it."""
    return "s_" + digest("story", founding_article_id)


def alert_id(rule: str, story_id_: str, claim_key: str = "") -> str:
    """An alert's id from its rule, story and (for claim rules) the claim key."""
    return "al_" + digest(rule, story_id_, claim_key)
