"""The per-event error boundary: outputs for good input, one dead letter for each kind of bad."""

from __future__ import annotations

import base64
import time

import orjson
import pytest

from newswire.core import schemas
from newswire.core.boundary import Boundary, Message
from newswire.core.codec import Codec, Envelope, utc_now
from newswire.core.metrics import create_metrics
from newswire.core.records import CleanArticle, Removed, Spam, to_dict
from newswire.core.settings import Settings
from newswire.core.stage import Context, Output
from newswire.core.topics import Topics


class CountingStage:
    """A stage that turns a raw article's text into a clean article, failing on demand."""

    name = "cleaner"
    input_schemas: tuple[str, ...] = (schemas.RAW,)

    def __init__(self, topics: Topics) -> None:
        self.topics = topics
        self.input_topic = topics.raw

    def process(self, envelope: Envelope, context: Context) -> list[Output]:
        aid = envelope.article_id or ""
        text = envelope.payload["text"]
        if text == "boom":
            raise KeyError("boom")
        if text == "slow":
            t = time.monotonic()
            while time.monotonic() - t < 3:
                pass
        clean = CleanArticle(article_id=aid, url=envelope.payload["url"], source="s", title=None,
                             authors=[], published_at=None, fetched_at=None, language=None, text=text,
                             removed=[Removed(text="x", reason="navigation")],
                             spam=Spam(is_spam=False, score=0.0), quality=1.0, input_format="text",
                             input_chars=len(text))
        return [Output(self.topics.clean, aid, schemas.CLEAN, aid, aid, to_dict(clean))]


@pytest.fixture
def boundary() -> Boundary:
    settings = Settings(max_processing_seconds=0.5, max_message_bytes=5000)
    return Boundary(CountingStage(Topics.for_prefix("newswire")), settings, create_metrics(process=False))


def raw_bytes(text: str, replay: bool = False) -> bytes:
    env = Envelope(schema=schemas.RAW, id="e1", article_id="a_1", produced_at=utc_now(), pipeline_version="1",
                   replay=replay, payload={"url": "https://x.example/1", "source": "X", "text": text})
    return Codec(Settings().schemas_dir).encode(env)


def msg(value: bytes | None, offset: int = 7) -> Message:
    return Message("newswire.articles.raw", 1, offset, b"a_1", value,
                   [("ingested_at", utc_now().encode()), ("trace_id", b"t1")])


def test_good_message_flows_with_headers_and_ids(boundary: Boundary) -> None:
    (out,) = boundary.handle(msg(raw_bytes("Hello world", replay=True)))
    assert out.topic == "newswire.articles.clean" and out.key == b"a_1"
    event = orjson.loads(out.value)
    assert event["schema"] == schemas.CLEAN and event["replay"] is True
    assert dict(out.headers)["trace_id"] == b"t1"
    (again,) = boundary.handle(msg(raw_bytes("Hello world")))
    assert orjson.loads(again.value)["id"] == event["id"], "ids must be deterministic"


@pytest.mark.parametrize("value, reason", [
    (b"\xff\x00garbage", "DecodeError"),
    (b'{"schema": "newswire.article.raw/1", "id": 1}', "SchemaError"),
    (b"x" * 6000, "OversizeError"),
    (None, "DecodeError"),
])
def test_poison_goes_to_dead_letter(boundary: Boundary, value: bytes | None, reason: str) -> None:
    (dead,) = boundary.handle(msg(value))
    assert dead.topic == "newswire.deadletter"
    payload = orjson.loads(dead.value)["payload"]
    assert payload["reason"] == reason and payload["stage"] == "cleaner"
    assert (payload["topic"], payload["partition"], payload["offset"]) == ("newswire.articles.raw", 1, 7)
    assert base64.b64decode(payload["value_b64"]) == (value or b"")
    assert boundary.metrics.dead_letters.labels("cleaner", reason)._value.get() == 1


def test_stage_exception_is_dead_lettered_with_its_class(boundary: Boundary) -> None:
    (dead,) = boundary.handle(msg(raw_bytes("boom")))
    payload = orjson.loads(dead.value)["payload"]
    assert payload["reason"] == "KeyError" and "boom" in payload["error"]
    (ok,) = boundary.handle(msg(raw_bytes("fine"), offset=8))
    assert ok.topic == "newswire.articles.clean", "the next good message still flows"


def test_time_limit(boundary: Boundary) -> None:
    started = time.monotonic()
    (dead,) = boundary.handle(msg(raw_bytes("slow")))
    assert time.monotonic() - started < 2
    assert orjson.loads(dead.value)["payload"]["reason"] == "StageTimeout"


def test_a_replay_is_not_timed_from_its_original_ingest(boundary: Boundary) -> None:
    """A replay keeps its original `ingested_at`: a week's backfill read as a week of latency and fired
    the end-to-end latency alert."""
    registry = boundary.metrics.registry

    def timed() -> float:
        return registry.get_sample_value("newswire_end_to_end_seconds_count", {"stage": "cleaner"}) or 0.0

    boundary.handle(msg(raw_bytes("Hello world", replay=True)))
    assert timed() == 0.0
    boundary.handle(msg(raw_bytes("Hello world")))
    assert timed() == 1.0
