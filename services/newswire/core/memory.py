"""Process memory settings every long-running newswire process shares: the workers, and the
evaluations and benchmarks that measure what a worker would do.

Kept apart from core/worker.py so a measurement can apply the same settings without importing Faust.
"""

from __future__ import annotations

import contextlib
import functools
import gc
from collections.abc import Iterator
from typing import Any

TRIM_INTERVAL_SECONDS = 30.0


def release_free_memory() -> bool:
    """Hand freed heap pages back to the system (glibc's malloc_trim); False where unavailable.

    A worker that parses large pages frees most of what it allocates, but glibc keeps the
    freed pages mapped: the cleaner's RSS crept 0.7 MB/min over 10 minutes of mixed input
    while its Python heap stayed flat. Returning them every TRIM_INTERVAL_SECONDS costs well
    under a millisecond per call."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True


@functools.cache
def _malloc_trim() -> Any:
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):  # not glibc (musl, macOS): nothing to trim
        return None


GC_THRESHOLDS = (10_000, 20, 20)
"""Python's default (700, 10, 10) ran a collection every few events of a stage that builds
thousands of small objects per article; ~7% of the stories worker went to the collector."""


def tune_gc() -> None:
    """Freeze what start-up built (modules, models, Faust) out of the collector's scans, and
    collect less often; reference counting still frees almost everything at once."""
    freeze_heap()
    gc.set_threshold(*GC_THRESHOLDS)


def freeze_heap() -> None:
    """Collect, then move every object left out of the collector's later scans."""
    gc.collect()
    gc.freeze()


@contextlib.contextmanager
def worker_gc() -> Iterator[None]:
    """The workers' collector settings for a measurement of what a worker does, restored afterwards
    (under Python's defaults the stories stage took up to twice the CPU per article on long pages)."""
    before = gc.get_threshold()
    tune_gc()
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()
