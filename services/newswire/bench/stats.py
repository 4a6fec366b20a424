"""Small statistics the benchmark reports: percentiles, steady-state rates, memory trend."""

from __future__ import annotations

import math
from collections.abc import Sequence


def percentile(values: Sequence[float], q: float) -> float | None:
    """The q-th percentile (0..100) by linear interpolation; None for no values."""
    if not values:
        return None
    if not 0.0 <= q <= 100.0:
        raise ValueError(f"percentile {q} outside 0..100")
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100.0
    lo, hi = math.floor(pos), math.ceil(pos)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def latency_summary(seconds: Sequence[float]) -> dict[str, float | int | None]:
    """count, p50, p90, p99 and max of latencies, in milliseconds."""
    ms = [s * 1000.0 for s in seconds]
    return {
        "count": len(ms),
        "p50_ms": _round(percentile(ms, 50)),
        "p90_ms": _round(percentile(ms, 90)),
        "p99_ms": _round(percentile(ms, 99)),
        "max_ms": _round(max(ms) if ms else None),
    }


def steady_rate(times: Sequence[float], trim: float = 0.1) -> float | None:
    """Events per second between the `trim` and `1 - trim` quantiles of arrival times, so the
    start-up (group join, first batch) and the tail (last partition draining) do not count."""
    if len(times) < 10:
        return None
    ordered = sorted(times)
    lo = int(len(ordered) * trim)
    hi = max(lo + 1, int(len(ordered) * (1.0 - trim)) - 1)
    span = ordered[hi] - ordered[lo]
    return (hi - lo) / span if span > 0 else None


def slope_per_minute(points: Sequence[tuple[float, float]]) -> float | None:
    """Least-squares slope of (seconds, value) points, per minute (memory growth in MB/min)."""
    if len(points) < 3:
        return None
    n = len(points)
    mx = sum(t for t, _ in points) / n
    my = sum(v for _, v in points) / n
    var = sum((t - mx) ** 2 for t, _ in points)
    if var == 0:
        return None
    return 60.0 * sum((t - mx) * (v - my) for t, v in points) / var


def memory_trend(points: Sequence[tuple[float, float]], warmup: float = 0.5) -> dict[str, float | bool | None]:
    """Peak, start (after `warmup` of the run: caches and the stories window fill first), end and
    slope of an RSS series in MB; `flat` when that slope adds under 5 % of the start per 10 minutes."""
    if not points:
        return {"peak_mb": None, "start_mb": None, "end_mb": None, "slope_mb_per_min": None, "flat": None}
    t0, t1 = points[0][0], points[-1][0]
    after = [p for p in points if p[0] >= t0 + (t1 - t0) * warmup] or list(points)
    slope = slope_per_minute(after)
    start = after[0][1]
    flat = None if slope is None else slope * 10.0 <= 0.05 * start
    return {"peak_mb": _round(max(v for _, v in points)), "start_mb": _round(start),
            "end_mb": _round(points[-1][1]), "slope_mb_per_min": _round(slope), "flat": flat}


def p50_by_minute(arrivals: Sequence[float], latencies: Sequence[float]) -> list[float | None]:
    """Median latency in ms of the events arriving in each minute from the first arrival (None for
    a minute without any). A worker holds the input it has fetched but not yet processed, so a
    rising latency over a memory run raises RSS by the input queued, with no state growing."""
    if not arrivals:
        return []
    t0 = min(arrivals)
    minutes: list[list[float]] = [[] for _ in range(int((max(arrivals) - t0) // 60.0) + 1)]
    for at, latency in zip(arrivals, latencies, strict=True):
        minutes[int((at - t0) // 60.0)].append(latency * 1000.0)
    return [_round(percentile(m, 50), 1) for m in minutes]


def _round(x: float | None, digits: int = 2) -> float | None:
    return None if x is None else round(x, digits)
