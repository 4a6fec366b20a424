"""What every stage is to the runtime: envelopes in, outputs out, no I/O.

The same `Stage` object runs inside a Faust worker (core/worker.py) and inside
`newswire process` (pipeline.py), which is why batch and streaming agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from newswire.core.codec import Envelope


@dataclass(frozen=True, slots=True)
class Context:
    """Facts about the message being processed that are not in its payload."""

    ingested_at: str | None = None
    trace_id: str | None = None
    topic: str = ""
    partition: int = 0
    offset: int = 0


@dataclass(frozen=True, slots=True)
class Output:
    """One event a stage wants written: which topic, key, schema and payload."""

    topic: str
    key: str
    schema: str
    subject: str
    article_id: str | None
    payload: Any
    """A dict or a record (orjson serialises dataclasses; the codec validates the bytes it wrote)."""
    extra_headers: tuple[tuple[str, bytes], ...] = field(default_factory=tuple)


class Stage(Protocol):
    """A pipeline stage: named once, reading one topic, turning an envelope into outputs."""

    name: str
    input_schemas: tuple[str, ...]
    input_topic: str

    def process(self, envelope: Envelope, context: Context) -> list[Output]:
        """Pure processing of one event (state, if any, lives in an injected mapping)."""
        ...

# A stage may also define `after_delivery(event: tuple[str, int, int] | None = None) -> None`:
# the runtime calls it, for each event of a batch (named by topic, partition and offset) and in
# that event's context, once the batch's outputs are acknowledged by the broker (state that must
# not get ahead of its outputs is applied there; see core/staged.py). None means every event.
