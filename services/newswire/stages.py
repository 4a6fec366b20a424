"""The four stages as envelope adapters around the pure logic of each worker.

Each class turns a decoded envelope into `Output`s. No Faust and no I/O here: the same
objects run in the streaming workers (core/worker.py) and in `newswire process`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import MutableMapping
from typing import Any

from newswire.core import schemas
from newswire.core.codec import Envelope, parse_time
from newswire.core.ids import content_version
from newswire.core.records import (
    CleanArticle,
    ExtractedArticle,
    RawArticle,
    Story,
    StoryAssignment,
    fields_of,
    from_dict,
)
from newswire.core.settings import Settings
from newswire.core.stage import Context, Output
from newswire.core.staged import StagedMapping
from newswire.core.topics import Topics

EXPIRE_EVERY = 500
"""The alerter's "fired" marks are pruned of expired entries once every this many events."""
STORIES_EXPIRE_EVERY = 10
"""The stories index drops what left its window every this many events: cheap when nothing
expired (a heap by event time), and a few drops at a time never pause the worker for long."""


class CleanerStage:
    """Raw article -> clean article."""

    name = "cleaner"
    input_schemas: tuple[str, ...] = (schemas.RAW,)

    def __init__(self, topics: Topics) -> None:
        from newswire.cleaner.clean import clean_article

        self._clean = clean_article
        self.topics = topics
        self.input_topic = topics.raw

    def process(self, envelope: Envelope, context: Context) -> list[Output]:
        """Clean one raw article."""
        clean = self._clean(from_dict(RawArticle, envelope.payload))
        subject = f"{clean.article_id}/{content_version(clean.title, clean.text)}"  # a new text, a new event
        return [Output(self.topics.clean, clean.article_id, schemas.CLEAN, subject, clean.article_id, clean)]


class ExtractorStage:
    """Clean article -> one claim event per claim, and the extracted article."""

    name = "extractor"
    input_schemas: tuple[str, ...] = (schemas.CLEAN,)

    def __init__(self, topics: Topics) -> None:
        from newswire.extractor.extract import extract

        self._extract = extract
        self.topics = topics
        self.input_topic = topics.clean

    def process(self, envelope: Envelope, context: Context) -> list[Output]:
        """Extract claims, quantities and entities from one clean article."""
        article = from_dict(CleanArticle, envelope.payload)
        extraction = self._extract(article)
        aid = article.article_id
        out = [
            Output(self.topics.claims, aid, schemas.CLAIM, claim.claim_id, aid,
                   fields_of(claim) | {"url": article.url, "source": article.source})
            for claim in extraction.claims
        ]
        extracted = ExtractedArticle(article=article, extraction=extraction)
        subject = f"{aid}/{content_version(article.title, article.text)}"
        out.append(Output(self.topics.extracted, aid, schemas.EXTRACTED, subject, aid, extracted))
        return out


class StoriesStage:
    """Extracted article -> enriched article and a story update; state in `store`."""

    name = "stories"
    input_schemas: tuple[str, ...] = (schemas.EXTRACTED,)
    interruptible = False  # never stop it mid-update: the index would disagree with its store

    def __init__(self, topics: Topics, store: MutableMapping[str, bytes], window_days: float = 7.0) -> None:
        from newswire.stories.index import StoryIndex

        self.index = StoryIndex(store, window_days=window_days)
        self.topics = topics
        self.input_topic = topics.extracted
        self._since_expiry = 0
        self._latest = dt.datetime.min.replace(tzinfo=dt.UTC)

    def state_sizes(self) -> dict[str, int]:
        """Articles and stories held (for the `newswire_*_held` gauges)."""
        return {"articles": len(self.index), "stories": self.index.story_count}

    def process(self, envelope: Envelope, context: Context) -> list[Output]:
        """Place one article in a story and emit what changed."""
        extracted = from_dict(ExtractedArticle, envelope.payload)
        article = extracted.article
        arrived = arrival_time(context, envelope)
        when = event_time(article, context, envelope)
        at, seen = parse_time(when), parse_time(arrived) if arrived else None
        if seen is not None and at.timestamp() > max(
                self._latest.timestamp(), self.index.latest_epoch, seen.timestamp()) + FUTURE_SKEW:
            # a date ahead of everything seen (its arrival, the window's clock) is wrong: its arrival stands in.
            # One page dated a year ahead moved the clock and expired every article held. A date ahead of the
            # arrival alone is believed once the clock has come near it (the bench publishes days within minutes)
            when, at = arrived or when, seen
        version = content_version(article.title, article.text)
        assignment = self.index.add(extracted, event_time=when, arrival_time=arrived, version=version)
        # the window's clock: the latest event time or arrival seen (an undated article arrives
        # "now" while a dated archive page is years old: neither may expire the other at once)
        self._latest = max(self._latest, at, seen or self._latest)
        self._since_expiry += 1
        if self._since_expiry >= STORIES_EXPIRE_EVERY:  # by the latest event time seen, not this article's
            self._since_expiry = 0
            self.index.expire(self._latest.isoformat().replace("+00:00", "Z"))
        aid = article.article_id
        story = assignment.story
        subject = f"{aid}/{version}"  # an update of the article (a new text): new events
        return [
            Output(self.topics.enriched, aid, schemas.ENRICHED, subject, aid, enriched_payload(extracted, assignment)),
            Output(self.topics.stories, story.story_id, schemas.STORY, f"{story.story_id}/{subject}", aid, story),
        ]


_EARLIEST = dt.datetime(1900, 1, 1, tzinfo=dt.UTC)
_LATEST = dt.datetime(9000, 1, 1, tzinfo=dt.UTC)
"""The alerter's clock stays between these: a story last seen in year 1 or 9999 (an input's own date) made
`now - window` and the rate limits overflow."""


class AlerterStage:
    """Story update -> alerts, once per story and rule; nothing for replayed input."""

    name = "alerter"
    # v1: events written before an upgrade, or replayed
    input_schemas: tuple[str, ...] = (schemas.STORY, schemas.STORY_V1)
    interruptible = False  # the same for the staged "fired" marks

    def __init__(self, topics: Topics, fired: MutableMapping[str, bytes], settings: Settings) -> None:
        from newswire.alerter.engine import AlertEngine, stale_keys
        from newswire.alerter.rules import load_rules

        self.fired = StagedMapping(fired)
        self.engine = AlertEngine(load_rules(settings.rules_file), self.fired)
        self.topics = topics
        self.input_topic = topics.stories
        self.window = dt.timedelta(days=settings.stories_window_days)
        self._stale_keys = stale_keys
        self._since_prune = 0

    def process(self, envelope: Envelope, context: Context) -> list[Output]:
        """Evaluate the rules against one story update; "fired" marks wait for `after_delivery`."""
        self.fired.discard()  # marks left by an event that failed midway
        story = from_dict(Story, envelope.payload)
        # the story's clock, kept inside the years the rules' date arithmetic can reach
        now = min(max(parse_time(story.last_seen), _EARLIEST), _LATEST)
        alerts = self.engine.evaluate(story, replay=envelope.replay, now=now)
        self._since_prune += 1
        if self._since_prune >= EXPIRE_EVERY:  # stories expire after the window: so do their marks
            self._since_prune = 0
            for key in self._stale_keys(self.fired, now - self.window):
                del self.fired[key]
        outputs = [
            Output(self.topics.alerts, story.story_id, schemas.ALERT,
                   f"{alert.alert_id}/{envelope.article_id}" if alert.update else alert.alert_id,
                   envelope.article_id, alert)
            for alert in alerts
        ]
        self.fired.seal(delivery_key(context))  # this event's marks wait for its deliveries
        return outputs

    def after_delivery(self, event: tuple[str, int, int] | None = None) -> None:
        """An event's alerts (or, without one named, all events') are acknowledged: remember
        them as fired."""
        if event is None:
            self.fired.apply()
        else:
            self.fired.apply(event)


def delivery_key(context: Context) -> tuple[str, int, int]:
    """Names a consumed event for `after_delivery`: topic, partition, offset."""
    return (context.topic, context.partition, context.offset)


FUTURE_SKEW = 86_400.0
"""Seconds an article's own date may lie ahead of its arrival and of the stories window's clock (a time zone
written wrong puts a page hours ahead); a date further ahead is wrong (StoriesStage.process)."""


def _utc_iso(value: str | None) -> str | None:
    """A time as UTC ISO-8601 with a Z, or None when absent, unreadable or out of datetime's range."""
    if not value:
        return None
    try:
        return parse_time(value).astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
    except (ValueError, OverflowError):  # "9999-12-31T23:59:59-05:00" is past year 9999 in UTC
        return None


def event_time(article: CleanArticle, context: Context, envelope: Envelope) -> str:
    """The article's event time: published, else fetched, else ingested, else produced."""
    for candidate in (article.published_at, article.fetched_at, context.ingested_at, envelope.produced_at):
        when = _utc_iso(candidate)
        if when is not None:
            return when
    return envelope.produced_at


def arrival_time(context: Context, envelope: Envelope) -> str | None:
    """When the article entered the pipeline (the ingest header a replay keeps), as UTC ISO."""
    for candidate in (context.ingested_at, envelope.produced_at):
        when = _utc_iso(candidate)
        if when is not None:
            return when
    return None


def enriched_payload(extracted: ExtractedArticle, assignment: StoryAssignment) -> dict[str, Any]:
    """The flat enriched article: clean fields, extraction, story and duplicate-of."""
    payload = fields_of(extracted.article) | fields_of(extracted.extraction)
    payload["story_id"] = assignment.story_id
    payload["duplicate_of"] = assignment.duplicate_of
    payload["duplicate_similarity"] = assignment.duplicate_similarity
    return payload
