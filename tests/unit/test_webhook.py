"""WebhookSink against a real HTTP server on 127.0.0.1, and the Slack payload it posts."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

import orjson
import pytest
from aiohttp import web

from newswire.alerter.slack import slack_payload
from newswire.alerter.webhook import WebhookFailed, WebhookRejected, WebhookSink
from newswire.core.errors import ConfigError, Retriable
from newswire.core.records import Alert, AlertClaim

ALERT = Alert(
    alert_id="al_1", rule="corroborated", severity="high",
    title="Corroborated by 4 independent outlets: 1,000 troops killed <or> wounded (White House)",
    story_id="s_1",
    claims=[AlertClaim(key="k", text="A thousand troops were killed, the White House said.",
                       speaker="White House", value=1000.0, unit=None, reports=5, independent_origins=4)],
    outlets=["voa", "kyiv"], links=["https://www.voanews.com/a/1", "file:///seeds/002.txt"],
    reasons=["claim reported 5 times from 4 independent origins"], first_seen="2024-12-28T00:00:00+00:00",
    update=False,
)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


async def _with_server(handler: Handler, body: Callable[[str], Awaitable[Any]]) -> Any:
    """Serve `handler` on a free local port while `body(url)` runs."""
    app = web.Application()
    app.router.add_post("/hook", handler)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        return await body(f"http://127.0.0.1:{port}/hook")
    finally:
        await runner.cleanup()


def _run(handler: Handler, *, retries: int = 3, timeout: float = 2.0, backoff: float = 0.01) -> None:
    async def body(url: str) -> None:
        async with WebhookSink(url, timeout=timeout, retries=retries, backoff=backoff) as sink:
            await sink.send(ALERT)
    asyncio.run(_with_server(handler, body))


def test_success_posts_slack_json_with_the_alert() -> None:
    seen: list[dict[str, Any]] = []

    async def ok(request: web.Request) -> web.Response:
        assert request.headers["Content-Type"] == "application/json"
        seen.append(orjson.loads(await request.read()))
        return web.Response(text="ok")

    _run(ok)
    assert len(seen) == 1
    body = seen[0]
    assert body["text"].startswith("[HIGH] Corroborated by 4")
    assert body["alert"]["alert_id"] == "al_1" and body["alert"]["claims"][0]["independent_origins"] == 4
    assert body["blocks"][0]["type"] == "section"


def test_fails_twice_then_succeeds() -> None:
    calls: list[float] = []

    async def flaky(request: web.Request) -> web.Response:
        calls.append(time.monotonic())
        return web.Response(status=503) if len(calls) <= 2 else web.Response(text="ok")

    _run(flaky, retries=3, backoff=0.05)
    assert len(calls) == 3
    # Exponential backoff: the second wait is about twice the first.
    assert calls[1] - calls[0] >= 0.04 and calls[2] - calls[1] >= 0.09


def test_always_failing_raises_retriable_after_all_attempts() -> None:
    calls = 0

    async def down(request: web.Request) -> web.Response:
        nonlocal calls
        calls += 1
        return web.Response(status=500, text="boom")

    with pytest.raises(WebhookFailed) as info:
        _run(down, retries=2)
    assert calls == 3
    assert isinstance(info.value, Retriable)
    assert "HTTP 500 boom" in str(info.value) and "3 attempt" in str(info.value)


def test_slow_server_times_out() -> None:
    calls = 0

    async def slow(request: web.Request) -> web.Response:
        nonlocal calls
        calls += 1
        await asyncio.sleep(1.0)
        return web.Response(text="late")

    started = time.monotonic()
    with pytest.raises(WebhookFailed, match="timed out"):
        _run(slow, retries=1, timeout=0.2)
    assert calls == 2
    assert time.monotonic() - started < 1.5


def test_client_error_is_not_retried() -> None:
    calls = 0

    async def bad(request: web.Request) -> web.Response:
        nonlocal calls
        calls += 1
        return web.Response(status=400, text="invalid_payload")

    with pytest.raises(WebhookRejected, match="invalid_payload"):
        _run(bad, retries=3)
    assert calls == 1


def test_rate_limited_429_honours_retry_after() -> None:
    calls: list[float] = []

    async def limited(request: web.Request) -> web.Response:
        calls.append(time.monotonic())
        if len(calls) == 1:
            return web.Response(status=429, headers={"Retry-After": "1"})
        return web.Response(text="ok")

    _run(limited, retries=2, backoff=0.01)
    assert len(calls) == 2 and calls[1] - calls[0] >= 0.9


def test_refused_connection_raises_after_retries() -> None:
    async def body() -> None:
        sink = WebhookSink("http://127.0.0.1:9/hook", timeout=0.5, retries=1, backoff=0.01)
        try:
            await sink.send(ALERT)
        finally:
            await sink.close()

    with pytest.raises(WebhookFailed, match="2 attempt"):
        asyncio.run(body())


def test_bad_url_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="WEBHOOK_URL"):
        WebhookSink("ftp://example.org/x", timeout=1, retries=1, backoff=0.1)


def test_slack_payload_escapes_and_links() -> None:
    payload = slack_payload(ALERT)
    first = payload["blocks"][0]["text"]["text"]
    assert "&lt;or&gt;" in first and "<or>" not in first
    texts = orjson.dumps(payload["blocks"]).decode()
    assert "<https://www.voanews.com/a/1|voanews.com>" in texts
    assert "file:///seeds/002.txt" in texts
    update = slack_payload(Alert(**{**{f: getattr(ALERT, f) for f in ALERT.__dataclass_fields__},
                                    "update": True}))
    assert update["text"].startswith("UPDATE [HIGH]")
