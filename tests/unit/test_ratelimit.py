"""Rate limits hold whatever order the stories' times come in."""

from __future__ import annotations

from datetime import UTC, datetime

from newswire.alerter.ratelimit import RateLimiter
from newswire.alerter.rules import RateLimit


def test_a_limit_holds_when_story_times_go_back_and_forth() -> None:
    """The alerter's clock is each story's last_seen: stories last seen at 10:00 and 08:00 arriving in turn
    let 20 alerts through a limit of 10 a minute within a second, since an earlier time restarted the count."""
    limiter, limit = RateLimiter(), RateLimit(per_minute=10)
    ten, eight = datetime(2026, 3, 14, 10, 0, tzinfo=UTC), datetime(2026, 3, 14, 8, 0, tzinfo=UTC)
    allowed = sum(limiter.allow("watch", limit, ten if i % 2 else eight) for i in range(30))
    assert allowed == 11  # the first at 08:00, then ten in the 10:00 minute (21 before)
    assert limiter.allow("watch", limit, datetime(2026, 3, 14, 10, 2, tzinfo=UTC))  # a minute later: room again
