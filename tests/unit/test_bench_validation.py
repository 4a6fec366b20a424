"""The fast (jsonschema-rs) validation path must agree with the reference validator."""

from __future__ import annotations

import copy

import orjson
import pytest

from newswire.core import schemas
from newswire.core.codec import Codec, Envelope
from newswire.core.errors import SchemaError
from newswire.core.settings import Settings
from newswire.ingestion import raw_envelope

SCHEMAS_DIR = Settings().schemas_dir


def _raw() -> dict:
    env = raw_envelope({"url": "https://x.example/a", "source": "x", "text": "Body."}, "1")
    return env.as_dict()


def test_fast_validator_is_used_when_installed() -> None:
    pytest.importorskip("jsonschema_rs")
    assert schemas.fast_validator(SCHEMAS_DIR, schemas.RAW) is not None


@pytest.mark.parametrize("mutate", [
    lambda d: d.pop("id"),
    lambda d: d.update(replay="no"),
    lambda d: d["payload"].update(url=""),
    lambda d: d["payload"].update(text=3),
    lambda d: d.update(schema="newswire.article.clean/1"),
])
def test_fast_and_reference_agree_on_invalid_events(mutate) -> None:
    data = copy.deepcopy(_raw())
    mutate(data)
    fast = schemas.fast_validator(SCHEMAS_DIR, schemas.RAW)
    reference = schemas.validator(SCHEMAS_DIR, schemas.RAW)
    assert not reference.is_valid(data)
    if fast is not None:
        assert fast(data) is False
    with pytest.raises(SchemaError):
        Codec(SCHEMAS_DIR).decode(orjson.dumps(data), [data.get("schema") or schemas.RAW, schemas.RAW])


def test_valid_event_round_trips_through_the_codec() -> None:
    codec = Codec(SCHEMAS_DIR)
    data = _raw()
    env = codec.decode(orjson.dumps(data), [schemas.RAW])
    assert isinstance(env, Envelope) and env.payload["url"] == "https://x.example/a"
    assert orjson.loads(codec.encode(env)) == data


def test_schema_error_names_the_field() -> None:
    data = _raw()
    data["payload"]["url"] = ""
    with pytest.raises(SchemaError, match="payload/url"):
        Codec(SCHEMAS_DIR).decode(orjson.dumps(data), [schemas.RAW])
