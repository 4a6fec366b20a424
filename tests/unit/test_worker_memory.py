"""Workers hand freed heap pages back to the system (glibc) instead of letting RSS creep."""

from __future__ import annotations

import platform

from newswire.core.worker import release_free_memory


def test_release_free_memory_runs_where_glibc_is() -> None:
    freed = [bytearray(64 * 1024) for _ in range(200)]  # large blocks, then freed
    del freed
    released = release_free_memory()
    assert released is (platform.libc_ver()[0] == "glibc")
    assert release_free_memory() is released  # the libc handle is looked up once and reused
