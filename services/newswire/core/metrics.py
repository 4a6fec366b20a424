"""Prometheus metrics of a worker, created against a registry passed in.

Names follow Prometheus conventions: `newswire_` prefix, base units, counters end in
`_total`; labels are `stage`, `topic`, `partition`, `reason`, `kind`, `rule`, never an id.
"""

from __future__ import annotations

from dataclasses import dataclass

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    PlatformCollector,
    ProcessCollector,
)

LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
E2E_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0, 300.0)


@dataclass(frozen=True, slots=True)
class Metrics:
    """Every metric a worker exports."""

    registry: CollectorRegistry
    messages_in: Counter
    messages_out: Counter
    messages_failed: Counter
    dead_letters: Counter
    retries: Counter
    processing_seconds: Histogram
    end_to_end_seconds: Histogram
    consumer_lag: Gauge
    claims: Counter
    alerts: Counter
    stories_held: Gauge
    articles_held: Gauge


def create_metrics(registry: CollectorRegistry | None = None, *, process: bool = True) -> Metrics:
    """Create the metric set on `registry` (a fresh one by default)."""
    reg = registry or CollectorRegistry()
    if process:
        ProcessCollector(registry=reg)
        PlatformCollector(registry=reg)
    return Metrics(
        registry=reg,
        messages_in=Counter("newswire_messages_in_total", "Messages read from a topic.",
                            ["stage", "topic"], registry=reg),
        messages_out=Counter("newswire_messages_out_total", "Events written to a topic.",
                             ["stage", "topic"], registry=reg),
        messages_failed=Counter("newswire_messages_failed_total", "Messages that could not be processed.",
                                ["stage", "reason"], registry=reg),
        dead_letters=Counter("newswire_dead_letters_total", "Messages sent to the dead-letter topic.",
                             ["stage", "reason"], registry=reg),
        retries=Counter("newswire_retries_total", "Retries of transient failures.",
                        ["stage", "reason"], registry=reg),
        processing_seconds=Histogram("newswire_processing_seconds", "Time to process one message.",
                                     ["stage"], buckets=LATENCY_BUCKETS, registry=reg),
        end_to_end_seconds=Histogram("newswire_end_to_end_seconds",
                                     "From ingest (the ingested_at header) to this stage's output.",
                                     ["stage"], buckets=E2E_BUCKETS, registry=reg),
        consumer_lag=Gauge("newswire_consumer_lag_messages", "End offset minus committed offset.",
                           ["stage", "topic", "partition"], registry=reg),
        claims=Counter("newswire_claims_total", "Claims extracted, by kind.", ["stage", "kind"], registry=reg),
        alerts=Counter("newswire_alerts_total", "Alerts emitted, by rule.", ["stage", "rule"], registry=reg),
        stories_held=Gauge("newswire_stories_held", "Stories in the stories stage's state.", ["stage"],
                           registry=reg),
        articles_held=Gauge("newswire_articles_held", "Articles in the stories stage's state.", ["stage"],
                            registry=reg),
    )
