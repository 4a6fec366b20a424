"""An optional webhook sink: each alert POSTed as Slack-compatible JSON, with timeouts and retries.

    Retriable
      WebhookFailed      the endpoint kept failing (timeouts, 5xx, 429, refused connections)
        WebhookRejected  the endpoint refused the alert for good (a 4xx): not retried here

Both are Retriable subclasses, so the wiring's error boundary dead-letters the alert (and
`newswire replay` can re-drive it once the endpoint is fixed).
"""

from __future__ import annotations

import asyncio
from types import TracebackType
from typing import Self
from urllib.parse import urlsplit

import aiohttp
import orjson

from newswire.alerter.slack import slack_payload
from newswire.core.errors import ConfigError, Retriable
from newswire.core.records import Alert

MAX_DELAY = 30.0  # the longest wait between two attempts, even when the server asks for more
_RETRY_STATUS = {408, 425, 429}


class WebhookFailed(Retriable):
    """The webhook could not take the alert after every attempt."""


class WebhookRejected(WebhookFailed):
    """The webhook answered with a client error: retrying the same body cannot help."""


class WebhookSink:
    """Posts alerts to one URL; reuse one instance (it keeps a connection pool), then `close()` it."""

    def __init__(self, url: str, *, timeout: float, retries: int, backoff: float) -> None:
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            raise ConfigError(f"NEWSWIRE_WEBHOOK_URL must be an http(s) URL, got {url!r}")
        if timeout <= 0 or retries < 0 or backoff < 0:
            raise ConfigError("webhook timeout must be > 0, retries and backoff >= 0")
        self.url = url
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self._session: aiohttp.ClientSession | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    async def send(self, alert: Alert) -> None:
        """POST the alert; retry transient failures with exponential backoff, then raise WebhookFailed."""
        body = orjson.dumps(slack_payload(alert))
        last, asked = "no attempt made", 0.0
        for attempt in range(self.retries + 1):
            if attempt:
                await asyncio.sleep(min(MAX_DELAY, max(self.backoff * 2 ** (attempt - 1), asked)))
            asked = 0.0
            try:
                status, detail, asked = await self._post(body)
            except TimeoutError:
                last = f"timed out after {self.timeout:g} s"
                continue
            except aiohttp.ClientError as exc:
                last = f"{type(exc).__name__}: {exc}"
                continue
            if 200 <= status < 300:
                return
            last = f"HTTP {status}{detail}"
            if 400 <= status < 500 and status not in _RETRY_STATUS:
                raise WebhookRejected(f"webhook rejected alert {alert.alert_id}: {last}")
        raise WebhookFailed(f"webhook failed for alert {alert.alert_id} after {self.retries + 1} "
                            f"attempt(s): {last}")

    async def _post(self, body: bytes) -> tuple[int, str, float]:
        """One attempt: the status, a short error detail and the server's Retry-After seconds."""
        loop = asyncio.get_running_loop()
        if self._session is None or self._session.closed or self._loop is not loop:
            # A session belongs to the loop that made it; a new loop (a restarted worker) needs its own.
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self.timeout))
            self._loop = loop
        async with self._session.post(self.url, data=body,
                                      headers={"Content-Type": "application/json"}) as resp:
            text = (await resp.text(errors="replace"))[:200].strip() if resp.status >= 300 else ""
            retry_after = resp.headers.get("Retry-After", "").strip()
            asked = float(retry_after) if retry_after.isdigit() else 0.0
            return resp.status, f" {text}" if text else "", asked

    async def close(self) -> None:
        """Close the connection pool."""
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        await self.close()

