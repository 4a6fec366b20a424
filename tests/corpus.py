"""Reading test articles from files: every item must be readable, so a broken sample fails loudly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newswire.sources import read_paths


def read_articles(*paths: str | Path) -> list[dict[str, Any]]:
    """The raw articles under `paths`, in read order; an item that could not be read fails the test."""
    items = list(read_paths([str(p) for p in paths]))
    errors = [item.error for item in items if item.article is None]
    assert not errors, f"unreadable test input: {errors}"
    return [item.article for item in items if item.article is not None]
