"""The type hints are checked, not only written: mypy over services/newswire and tests must find nothing.

Its settings are pyproject.toml's [tool.mypy]; an ignore comment that no longer hides an error fails too.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_SECONDS = 600  # a cold cache (as on a fresh clone) checks every module: about 5 s here


def test_mypy_finds_no_type_errors(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "mypy-cache")],
        cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False,
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    assert "Success: no issues found" in proc.stdout
