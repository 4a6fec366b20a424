"""Hostile input through the codec and every stage: a dead letter or a result, never a crash
or a hang. Runs the real stages behind their real error boundaries, without a broker."""

from __future__ import annotations

import gzip
import time
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from newswire.core.boundary import Message
from newswire.core.settings import Settings
from newswire.pipeline import Pipeline
from newswire.sources import read_paths

PIPELINE = Pipeline(Settings(max_processing_seconds=5.0))
FUZZ = hsettings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def outcome(article: dict) -> str:
    """'ok' when an enriched article came out, else the dead letter's reason."""
    result = PIPELINE.process(article)
    assert len(result.enriched) + len(result.dead_letters) == 1, "exactly one outcome per article"
    if result.enriched:
        return "ok"
    return result.dead_letters[0]["payload"]["reason"]


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes_into_every_stage(data: bytes) -> None:
    for topic, boundary in PIPELINE.boundaries.items():
        (out,) = boundary.handle(Message(topic, 0, 0, b"k", data, []))
        assert out.topic == PIPELINE.topics.deadletter


@FUZZ
@given(st.recursive(st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.text(max_size=20),
                    lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=8), c, max_size=4),
                    max_leaves=20))
def test_valid_json_of_the_wrong_shape(value: object) -> None:
    for topic, boundary in PIPELINE.boundaries.items():
        (out,) = boundary.handle(Message(topic, 0, 0, b"k", orjson.dumps(value), []))
        assert out.topic == PIPELINE.topics.deadletter
        assert orjson.loads(out.value)["payload"]["reason"] in ("SchemaError", "DecodeError")


@FUZZ
@given(st.text(max_size=3000), st.sampled_from(["text", "html"]))
def test_any_text_or_html_gives_one_outcome(body: str, kind: str) -> None:
    assert outcome({"url": "https://fuzz.example/x", "source": "fuzz", kind: body}) in ("ok", "StageTimeout")


@pytest.mark.parametrize("name, body, kind", [
    ("empty text", "", "text"),
    ("NUL bytes", "Breaking\x00 news\x00 " * 50, "text"),
    ("mixed scripts", "Москва 北京 القاهرة Zürich 1,000 трупп " * 40, "text"),
    ("deeply nested html", "<div>" * 20000 + "deep" + "</div>" * 20000, "html"),
    ("entity bomb", '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;'
                    '&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;'
                    '&c;&c;">]><html><body><p>&d;&d;&d;</p></body></html>', "html"),
    ("external entity", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                        "<html><body><p>&e;</p></body></html>", "html"),
    ("all boilerplate", "Skip to content\nSubscribe\nLog in\nShare\nCookie settings\n" * 30, "text"),
    ("one huge line", "word " * 400_000, "text"),
])
def test_hostile_pages(name: str, body: str, kind: str) -> None:
    started = time.monotonic()
    result = outcome({"url": f"https://fuzz.example/{name}", "source": "fuzz", kind: body})
    assert result in ("ok", "StageTimeout", "OversizeError")
    assert time.monotonic() - started < 30
    if name == "external entity":
        out = PIPELINE.process({"url": "https://fuzz.example/xxe", "source": "fuzz", kind: body})
        assert "root:" not in orjson.dumps(out.enriched).decode(), "no external entity is ever loaded"


def test_ten_megabyte_page_is_refused_with_a_reason() -> None:
    body = "<p>" + "x" * (11 * 1024 * 1024) + "</p>"
    result = PIPELINE.process({"url": "https://fuzz.example/big", "source": "fuzz", "html": body})
    assert result.dead_letters and result.dead_letters[0]["payload"]["reason"] == "OversizeError"


def test_decompression_bomb_is_bounded(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.html.gz"
    with gzip.open(bomb, "wb") as f:
        chunk = b"\0" * (1024 * 1024)
        for _ in range(80):
            f.write(chunk)
    (item,) = read_paths([str(bomb)])
    assert item.article is None and "larger than" in (item.error or "")
