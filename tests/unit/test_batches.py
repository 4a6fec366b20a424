"""take_batches: the workers' batching of a Faust stream, asleep while the input is idle.

Run on Faust's own agent test context (an in-memory channel in place of the topic, no broker):
what is tested is the buffering over Faust's stream API, not Kafka."""

from __future__ import annotations

import asyncio
from typing import Any

import faust

from newswire.core.batches import take_batches


def _run(within: float, use_faust_take: bool = False) -> dict[str, Any]:
    app = faust.App(f"t-batches-{use_faust_take}", broker="kafka://127.0.0.1:1", store="memory://",
                    web_enabled=False, autodiscover=False)
    seen: dict[str, Any] = {"batches": [], "acked_while_held": [], "acked_after": [], "idle_waits": 0}
    waits = [0]
    held: list[Any] = []

    @app.agent()
    async def agent(stream: Any) -> None:
        original = stream.wait_for_stopped

        async def counted(*args: Any, **kwargs: Any) -> Any:
            waits[0] += 1
            return await original(*args, **kwargs)

        stream.wait_for_stopped = counted
        batches = stream.take_events(10, within=within) if use_faust_take else take_batches(stream, 10, within)
        async for events in batches:
            if held:  # the previous batch: acknowledged once its caller moved on
                seen["acked_after"].extend(e.message.acked for e in held)
            seen["batches"].append([e.value for e in events])
            seen["acked_while_held"].extend(e.message.acked for e in events)
            held[:] = events

    async def main() -> None:
        async with agent.test_context() as running:
            for i in range(25):
                await running.put(i)
            await asyncio.sleep(0.1)
            start = waits[0]
            await asyncio.sleep(0.3)  # idle
            seen["idle_waits"] = waits[0] - start
            await running.put(25)
            await asyncio.sleep(0.1)

    app.loop.run_until_complete(main())
    return seen


def test_batches_keep_order_and_size_and_ack_after_the_caller_is_done() -> None:
    seen = _run(within=0.005)
    flat = [v for batch in seen["batches"] for v in batch]
    assert flat == list(range(26))
    assert all(0 < len(batch) <= 10 for batch in seen["batches"])
    assert not any(seen["acked_while_held"]) and all(seen["acked_after"])


def test_an_idle_stream_does_not_wake_the_worker() -> None:
    """Faust's take_events woke every `within` (about 60 times in 0.3 s at 5 ms); an idle worker spent
    ~45 ms of CPU a second on it."""
    assert _run(within=0.005, use_faust_take=True)["idle_waits"] > 20  # what the worker used to do
    assert _run(within=0.005)["idle_waits"] <= 1
