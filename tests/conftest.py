"""Shared fixtures: settings pointing at the repository's schemas and rules."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newswire.core.settings import PROJECT_ROOT, Settings

SHARED_CORPUS = PROJECT_ROOT.parent / "shared" / "corpus"
SAMPLES = PROJECT_ROOT / "services" / "newswire" / "samples"


@pytest.fixture
def settings() -> Settings:
    """Default settings (no broker)."""
    return Settings()


@pytest.fixture
def seeds_dir() -> Path:
    """The five seed captures; CI has ../shared beside the clone."""
    path = SHARED_CORPUS / "seeds"
    if not path.is_dir():
        pytest.fail(f"seed corpus missing at {path}", pytrace=False)
    return path


sys.setrecursionlimit(max(sys.getrecursionlimit(), 10000))
