"""The consumer-lag gauge shows the partitions a worker holds now, not those a rebalance took away."""

from __future__ import annotations

from prometheus_client import generate_latest

from newswire.core.metrics import create_metrics
from newswire.core.worker import show_lag


def test_a_partition_handed_to_another_pod_leaves_this_pod_s_gauge() -> None:
    """The old holder kept its last value: summed over pods, the partition's lag counted twice and the lag
    alert fired until the pod restarted."""
    metrics = create_metrics(process=False)
    shown = show_lag(metrics.consumer_lag, "cleaner", {("raw", "0"): 500, ("raw", "1"): 7}, set())
    shown = show_lag(metrics.consumer_lag, "cleaner", {("raw", "1"): 3}, shown)  # partition 0 went elsewhere
    text = generate_latest(metrics.registry).decode()
    assert 'partition="0"' not in text
    assert 'newswire_consumer_lag_messages{partition="1",stage="cleaner",topic="raw"} 3.0' in text
    assert show_lag(metrics.consumer_lag, "cleaner", {}, shown) == set()  # no partition left: no series
    assert "newswire_consumer_lag_messages{" not in generate_latest(metrics.registry).decode()
