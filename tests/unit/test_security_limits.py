"""Size limits at the error boundary (a denial-of-service guard): an event too big to produce,
or a huge input, becomes a dead letter the producer can still send, never a crash loop."""

from __future__ import annotations

import base64

import orjson

from newswire.core import schemas
from newswire.core.boundary import Boundary, Message, dead_letter_room, max_request_bytes
from newswire.core.codec import Codec, Envelope, utc_now
from newswire.core.metrics import create_metrics
from newswire.core.settings import Settings
from newswire.core.stage import Context, Output
from newswire.core.topics import Topics

LIMIT = 20_000


class Inflating:
    """A stage whose output is `factor` times its input text (like the extractor's claims)."""

    name = "extractor"
    input_schemas: tuple[str, ...] = (schemas.RAW,)

    def __init__(self, topics: Topics, factor: int) -> None:
        self.topics, self.factor = topics, factor
        self.input_topic = topics.raw

    def process(self, envelope: Envelope, context: Context) -> list[Output]:
        aid = envelope.article_id or ""
        return [Output(self.topics.clean, aid, schemas.RAW, aid, aid,
                       envelope.payload | {"text": envelope.payload["text"] * self.factor})]


def boundary(factor: int) -> Boundary:
    settings = Settings(max_message_bytes=LIMIT)
    return Boundary(Inflating(Topics.for_prefix("newswire"), factor), settings, create_metrics(process=False))


def message(text: str) -> Message:
    env = Envelope(schema=schemas.RAW, id="e1", article_id="a_1", produced_at=utc_now(), pipeline_version="1",
                   replay=False, payload={"url": "https://x.example/1", "source": "X", "text": text})
    return Message("newswire.articles.raw", 0, 3, b"a_1", Codec(Settings().schemas_dir).encode(env), [])


def test_output_within_the_limit_flows() -> None:
    (out,) = boundary(2).handle(message("a" * 5_000))
    assert out.topic == "newswire.articles.clean"


def test_output_over_the_limit_dead_letters_the_input() -> None:
    m = message("a" * 5_000)
    (out,) = boundary(5).handle(m)
    payload = orjson.loads(out.value)["payload"]
    assert out.topic == "newswire.deadletter"
    assert payload["reason"] == "OversizeError" and "output to newswire.articles.clean" in payload["error"]
    assert base64.b64decode(payload["value_b64"]) == m.value, "the input is kept whole for a replay"


def test_huge_input_gives_a_dead_letter_the_producer_can_send() -> None:
    b = boundary(1)
    size = dead_letter_room(b.settings) + 50 * LIMIT
    (out,) = b.handle(Message("newswire.articles.raw", 0, 4, b"k", b"x" * size, []))
    payload = orjson.loads(out.value)["payload"]
    assert payload["reason"] == "OversizeError" and str(size) in payload["error"]
    assert len(base64.b64decode(payload["value_b64"])) == dead_letter_room(b.settings) < size
    assert len(out.value) < max_request_bytes(b.settings), "the dead letter fits in one request"


def test_input_half_again_over_the_limit_is_kept_whole() -> None:
    b = boundary(1)
    value = b"y" * (LIMIT * 3 // 2)
    (out,) = b.handle(Message("newswire.articles.raw", 0, 5, b"k", value, []))
    assert base64.b64decode(orjson.loads(out.value)["payload"]["value_b64"]) == value
    assert len(out.value) < max_request_bytes(b.settings)


class Slow:
    """A stage that takes longer than the time limit; stateful ones say so."""

    name = "stories"
    input_schemas: tuple[str, ...] = (schemas.RAW,)

    def __init__(self, topics: Topics, interruptible: bool) -> None:
        self.topics, self.interruptible = topics, interruptible
        self.input_topic = topics.raw
        self.finished = 0

    def process(self, envelope: Envelope, context: Context) -> list[Output]:
        import time

        end = time.monotonic() + 0.4
        while time.monotonic() < end:  # busy, like a scan over the state
            pass
        self.finished += 1
        aid = envelope.article_id or ""
        return [Output(self.topics.clean, aid, schemas.RAW, aid, aid, envelope.payload)]


def test_time_limit_interrupts_a_stateless_stage() -> None:
    stage = Slow(Topics.for_prefix("newswire"), interruptible=True)
    b = Boundary(stage, Settings(max_processing_seconds=0.1), create_metrics(process=False))
    (out,) = b.handle(message("a"))
    assert orjson.loads(out.value)["payload"]["reason"] == "StageTimeout" and stage.finished == 0


def test_time_limit_never_interrupts_a_stateful_stage_mid_update() -> None:
    stage = Slow(Topics.for_prefix("newswire"), interruptible=False)
    b = Boundary(stage, Settings(max_processing_seconds=0.1), create_metrics(process=False))
    (out,) = b.handle(message("a"))
    assert out.topic == "newswire.articles.clean" and stage.finished == 1
