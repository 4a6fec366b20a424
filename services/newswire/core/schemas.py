"""The event schemas in schemas/: one per topic's event, compiled once, looked up by name.

`fast_validator` answers valid/invalid with jsonschema-rs (Rust) when it is installed: the
pure-Python validator cost about two thirds of a worker's CPU (newswire bench --only profile).
`validator` (jsonschema) stays the reference and explains what is wrong.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
from jsonschema import Draft202012Validator

RAW = "newswire.article.raw/1"
CLEAN = "newswire.article.clean/1"
CLAIM = "newswire.claim/1"
EXTRACTED = "newswire.article.extracted/1"
ENRICHED = "newswire.article.enriched/1"
STORY = "newswire.story/2"
STORY_V1 = "newswire.story/1"
"""Story events before their lists were bounded: still read (a topic keeps them for its retention), not written."""
ALERT = "newswire.alert/1"
DEADLETTER = "newswire.deadletter/1"

ALL = (RAW, CLEAN, CLAIM, EXTRACTED, ENRICHED, STORY, STORY_V1, ALERT, DEADLETTER)


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


@functools.cache
def fast_validator(schemas_dir: Path, schema: str) -> Callable[[Any], bool] | None:
    """An `is_valid` function of one event schema backed by jsonschema-rs, or None without it."""
    try:
        import jsonschema_rs
    except ImportError:  # optional speed-up: the reference validator does the whole job
        return None
    validator(schemas_dir, schema)  # the same schema check and errors as without the speed-up
    document = orjson.loads((schemas_dir / file_name(schema)).read_bytes())
    # formats are annotations in 2020-12, as in the reference validator (no format checker)
    return jsonschema_rs.Draft202012Validator(document, validate_formats=False).is_valid
