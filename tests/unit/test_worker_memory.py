"""Workers hand freed heap pages back to the system (glibc) instead of letting RSS creep."""

from __future__ import annotations

import platform

import pytest

from newswire.core.memory import release_free_memory


def test_release_free_memory_runs_where_glibc_is() -> None:
    freed = [bytearray(64 * 1024) for _ in range(200)]  # large blocks, then freed
    del freed
    released = release_free_memory()
    assert released is (platform.libc_ver()[0] == "glibc")
    assert release_free_memory() is released  # the libc handle is looked up once and reused


def test_workers_start_with_bounded_arenas_and_a_fixed_mmap_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    """glibc's sliding mmap threshold put large pages in the heap (stories RSS +1.1 MB/min over 10 minutes)."""
    from newswire.core.settings import Settings
    from newswire.runner import settings_env

    monkeypatch.delenv("MALLOC_MMAP_THRESHOLD_", raising=False)
    monkeypatch.delenv("MALLOC_ARENA_MAX", raising=False)
    env = settings_env(Settings())
    assert env["MALLOC_ARENA_MAX"] == "2" and env["MALLOC_MMAP_THRESHOLD_"] == "131072"
    monkeypatch.setenv("MALLOC_MMAP_THRESHOLD_", "65536")  # an operator's choice wins
    assert settings_env(Settings())["MALLOC_MMAP_THRESHOLD_"] == "65536"


def test_measurements_run_under_the_workers_collector_settings_then_restore_them() -> None:
    """Evaluations and the stage benchmark time what a worker does, whose collector is tuned at start-up
    (Python's defaults had made the stories stage look up to twice as costly); the process gets its own back."""
    import gc

    from newswire.core.memory import GC_THRESHOLDS, worker_gc

    original = gc.get_threshold()
    gc.set_threshold(700, 10, 10)  # Python's defaults, whatever ran before in this process
    try:
        with worker_gc():
            assert gc.get_threshold() == GC_THRESHOLDS
            assert gc.get_freeze_count() > 0  # what existed before the measurement is left out of its scans
        assert gc.get_threshold() == (700, 10, 10) and gc.get_freeze_count() == 0
    finally:
        gc.set_threshold(*original)
