"""The codec: envelopes round-trip, bad bytes and bad shapes raise the right poison errors."""

from __future__ import annotations

import datetime as dt

import pytest

from newswire.core import schemas
from newswire.core.codec import Codec, Envelope, parse_time, utc_now
from newswire.core.errors import DecodeError, OversizeError, SchemaError
from newswire.core.settings import Settings


@pytest.fixture
def codec() -> Codec:
    return Codec(Settings().schemas_dir, max_bytes=2000)


def raw(payload: dict) -> Envelope:
    return Envelope(schema=schemas.RAW, id="e_1", article_id="a_1", produced_at=utc_now(),
                    pipeline_version="1", replay=False, payload=payload)


def test_round_trip(codec: Codec) -> None:
    env = raw({"url": "https://x.example/1", "source": "X", "text": "Hello"})
    back = codec.decode(codec.encode(env), [schemas.RAW])
    assert back == env


@pytest.mark.parametrize("value", [b"\xff\xfe\x00", b"not json", b"{", b""])
def test_undecodable_bytes(codec: Codec, value: bytes) -> None:
    with pytest.raises(DecodeError):
        codec.decode(value, [schemas.RAW])


def test_tombstone(codec: Codec) -> None:
    with pytest.raises(DecodeError, match="tombstone"):
        codec.decode(None, [schemas.RAW])


def test_wrong_shape(codec: Codec) -> None:
    with pytest.raises(SchemaError, match="JSON object"):
        codec.decode(b"[1, 2]", [schemas.RAW])
    with pytest.raises(SchemaError, match="unexpected schema"):
        codec.decode(b'{"schema": "other/1"}', [schemas.RAW])


def test_both_html_and_text_is_invalid(codec: Codec) -> None:
    env = raw({"url": "u", "source": "s", "text": "a", "html": "<p>a</p>"})
    with pytest.raises(SchemaError, match="payload"):
        codec.encode(env)


def test_missing_body_is_invalid(codec: Codec) -> None:
    with pytest.raises(SchemaError):
        codec.encode(raw({"url": "u", "source": "s"}))


def test_oversize(codec: Codec) -> None:
    with pytest.raises(OversizeError):
        codec.decode(b" " * 2001, [schemas.RAW])


def test_time_helpers() -> None:
    now = utc_now()
    assert now.endswith("Z")
    assert parse_time(now).tzinfo is not None
    assert parse_time("2024-12-27T10:00:00").utcoffset() == dt.timedelta(0)
