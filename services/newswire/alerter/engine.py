"""The alert engine: rules applied to story updates, each alert once per story, rule and claim key.

Dedup state is the `fired` mapping (a changelog-backed Faust table in streaming, a dict in batch):
alert_id -> JSON bytes {"count", "first_seen", "at"}. An alert fires the first time its rule
matches; it fires again, with `update=True`, only when its count rises (more independent origins,
more outlets, another conflicting figure) and the rule allows updates. Replayed input is never
alerted on and never marks anything fired, so a backfill cannot page anyone nor hide a live alert.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import MutableMapping
from datetime import UTC, datetime

import orjson

from newswire.alerter.matchers import Match, figure_key, match, outlet
from newswire.alerter.ratelimit import RateLimiter
from newswire.alerter.rules import Rule, RuleSet
from newswire.core.ids import alert_id
from newswire.core.records import Alert, AlertClaim, Story, StoryClaim

_UNREADABLE = 1 << 62  # a fired entry we cannot read counts as fired with no room for updates


class AlertEngine:
    """Turns story events into alerts, remembering in `fired` what was already sent."""

    def __init__(self, rules: RuleSet, fired: MutableMapping[str, bytes]) -> None:
        self.rules = rules
        self.fired = fired
        self.suppressed: Counter[str] = Counter()  # alerts held back by a rate limit, by rule
        self._limiter = RateLimiter()

    def evaluate(self, story: Story, *, replay: bool, now: datetime) -> list[Alert]:
        """The alerts this story update raises now; none at all for replayed input."""
        if replay:
            return []
        now = now if now.tzinfo is not None else now.replace(tzinfo=UTC)
        for gone in story.merged_from:
            self._carry_marks(gone, story)
        alerts: list[Alert] = []
        for rule in self.rules:
            if rule.STORY_LEVEL and not rule.updates and alert_id(rule.name, story.story_id) in self.fired:
                continue  # already sent for this story and nothing more can come of it: skip the matching
            for m in match(rule, story):
                alert = self._decide(rule, story, m, now)
                if alert is not None:
                    alerts.append(alert)
        return alerts

    def _carry_marks(self, gone: str, story: Story) -> None:
        """What was alerted on an absorbed story counts as alerted on the story that absorbed it: its
        one article's figure paged again under the new story id. Marks are keyed by digests, so every key
        a rule can give this story (claims, figures, conflicts, members, the story itself) is tried."""
        keys = {"", *(a.article_id for a in story.articles), *(x.key for x in story.conflicts)}
        for c in story.claims:
            keys.update((c.key, figure_key(c)))
        for rule in self.rules:
            for key in keys:
                mark = self.fired.get(alert_id(rule.name, gone, key))
                if mark is not None:
                    self.fired.setdefault(alert_id(rule.name, story.story_id, key), mark)

    def _decide(self, rule: Rule, story: Story, m: Match, now: datetime) -> Alert | None:
        aid = alert_id(rule.name, story.story_id, m.claim_key)
        previous = _read(self.fired.get(aid))
        if previous is not None and (not rule.updates or m.count <= previous[0]):
            return None
        # A rate-limited alert is not marked fired: it goes out with a later update of the story.
        if not self._limiter.allow(rule.name, rule.rate_limit, now):
            self.suppressed[rule.name] += 1
            return None
        first_seen = previous[1] if previous is not None else (story.last_seen or now.isoformat())
        # a copy: orjson's own bytes keep a ~32 KB buffer alive, and this value is held in the table
        mark = orjson.dumps({"count": m.count, "first_seen": first_seen, "at": now.isoformat()})
        self.fired[aid] = memoryview(mark).tobytes()
        return _build(aid, rule, story, m, first_seen, update=previous is not None)


def stale_keys(fired: MutableMapping[str, bytes], before: datetime) -> list[str]:
    """Fired entries last touched before `before` (e.g. older than the stories window), to prune."""
    out = []
    for key, raw in list(fired.items()):
        try:
            at = datetime.fromisoformat(str(orjson.loads(raw)["at"]))
        except (orjson.JSONDecodeError, KeyError, TypeError, ValueError):
            continue  # unreadable entries are kept: they still guard against a second alert
        if (at if at.tzinfo else at.replace(tzinfo=UTC)) < before:
            out.append(key)
    return out


def _read(raw: bytes | None) -> tuple[int, str] | None:
    if raw is None:
        return None
    try:
        data = orjson.loads(raw)
        return int(data["count"]), str(data["first_seen"])
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError):
        return _UNREADABLE, ""


def _alert_claim(c: StoryClaim) -> AlertClaim:
    return AlertClaim(key=c.key, text=c.text, speaker=c.speaker, value=c.value, unit=c.unit,
                      reports=c.reports, independent_origins=c.independent_origins)


def _build(aid: str, rule: Rule, story: Story, m: Match, first_seen: str, *, update: bool) -> Alert:
    wanted = set(m.article_ids)
    members = [a for a in story.articles if a.article_id in wanted] or list(story.articles)
    reasons = list(m.reasons)
    if update:
        reasons.append(f"update: count rose to {m.count}")
    return Alert(
        alert_id=aid,
        rule=rule.name,
        severity=rule.severity,
        title=m.render_title(),
        story_id=story.story_id,
        claims=[_alert_claim(c) for c in m.claims],
        outlets=list(dict.fromkeys(outlet(a) for a in members)),
        links=list(dict.fromkeys(a.url for a in members if a.url)),
        reasons=reasons,
        first_seen=first_seen,
        update=update,
    )
