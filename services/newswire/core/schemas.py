"""The event schemas in schemas/: one per topic's event, compiled once, looked up by name."""

from __future__ import annotations

import functools
from pathlib import Path

import orjson
from jsonschema import Draft202012Validator

RAW = "newswire.article.raw/1"
CLEAN = "newswire.article.clean/1"
CLAIM = "newswire.claim/1"
EXTRACTED = "newswire.article.extracted/1"
ENRICHED = "newswire.article.enriched/1"
STORY = "newswire.story/1"
ALERT = "newswire.alert/1"
DEADLETTER = "newswire.deadletter/1"

ALL = (RAW, CLEAN, CLAIM, EXTRACTED, ENRICHED, STORY, ALERT, DEADLETTER)


def file_name(schema: str) -> str:
    """`newswire.article.raw/1` -> `article.raw.v1.schema.json`."""
    name, _, major = schema.partition("/")
    return f"{name.removeprefix('newswire.')}.v{major}.schema.json"


@functools.cache
def validator(schemas_dir: Path, schema: str) -> Draft202012Validator:
    """The compiled validator of one event schema (cached per process)."""
    path = schemas_dir / file_name(schema)
    document = orjson.loads(path.read_bytes())
    Draft202012Validator.check_schema(document)
    return Draft202012Validator(document)
