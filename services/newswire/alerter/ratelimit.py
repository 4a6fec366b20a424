"""Per-rule sliding-window rate limits, so one noisy rule cannot flood the alert feed.

Counters live in memory: after a restart a rule may send up to its limit again, which is
acceptable for a flood guard (dedup, the part that must survive restarts, is in the fired table).
"""

from __future__ import annotations

from collections import deque
from datetime import datetime, timedelta

from newswire.alerter.rules import RateLimit

_MINUTE = timedelta(minutes=1)
_HOUR = timedelta(hours=1)


class RateLimiter:
    """Remembers when each rule last sent alerts, within the past hour."""

    __slots__ = ("_sent",)

    def __init__(self) -> None:
        self._sent: dict[str, deque[datetime]] = {}

    def allow(self, rule: str, limit: RateLimit, now: datetime) -> bool:
        """True (and the send is recorded) when `rule` may send one more alert at `now`."""
        if limit.per_minute is None and limit.per_hour is None:
            return True
        sent = self._sent.setdefault(rule, deque())
        if sent and now < sent[-1]:
            # the alerter's "now" is each story's last_seen, which goes back and forth between stories: read
            # an earlier one as the latest time seen, or the window restarted and a flood went through
            now = sent[-1]
        while sent and sent[0] <= now - _HOUR:
            sent.popleft()
        if limit.per_hour is not None and len(sent) >= limit.per_hour:
            return False
        if limit.per_minute is not None:
            recent = 0
            for t in reversed(sent):
                if t <= now - _MINUTE:
                    break
                recent += 1
            if recent >= limit.per_minute:
                return False
        sent.append(now)
        return True
