"""Known vulnerabilities in the installed dependencies, checked with pip-audit.

Fails on any finding that has a fixed version to move to. Needs the vulnerability service
(PyPI's per-release JSON); when it answered for none of the packages, the test says so and
skips rather than passing silently.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

AUDIT_TIMEOUT_SECONDS = 300


def run_pip_audit() -> dict[str, Any]:
    """pip-audit over this interpreter's environment, as JSON (the project itself is editable: skipped)."""
    try:
        import pip_audit  # noqa: F401 - only checks that it is installed
    except ImportError:  # a skip, not a failure: the lock file must list it first (see the report)
        pytest.skip("pip-audit not installed (pip install -e '.[test]'; requirements.lock must list it)")
    proc = subprocess.run(
        [sys.executable, "-m", "pip_audit", "--format", "json", "--progress-spinner", "off", "--skip-editable"],
        capture_output=True, text=True, timeout=AUDIT_TIMEOUT_SECONDS, check=False,
    )
    if proc.returncode not in (0, 1):  # 1 = vulnerabilities found; anything else = it could not run
        pytest.fail(f"pip-audit failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return json.loads(proc.stdout)


def fixable(report: dict[str, Any]) -> list[str]:
    """`name version: id -> fixed versions` for every finding that has a fix."""
    return [f"{d['name']} {d['version']}: {v['id']} -> {', '.join(v['fix_versions'])}"
            for d in report.get("dependencies", []) for v in d.get("vulns", []) if v.get("fix_versions")]


def test_fixable_reads_pip_audit_json() -> None:
    report = {"dependencies": [
        {"name": "a", "version": "1.0", "vulns": [{"id": "PYSEC-1", "fix_versions": ["1.1"]}]},
        {"name": "b", "version": "2.0", "vulns": [{"id": "GHSA-x", "fix_versions": []}]},
        {"name": "c", "version": "3.0", "vulns": []},
    ]}
    assert fixable(report) == ["a 1.0: PYSEC-1 -> 1.1"]


def test_no_known_vulnerability_with_a_fix() -> None:
    report = run_pip_audit()
    deps = report.get("dependencies", [])
    audited = [d for d in deps if "skip_reason" not in d]
    unfixed = [f"{d['name']} {d['version']}: {v['id']}" for d in audited for v in d.get("vulns", [])
               if not v.get("fix_versions")]
    if unfixed:
        print(f"\n[pip-audit] known vulnerabilities without a fix yet: {unfixed}")
    assert fixable(report) == [], "upgrade these dependencies (pin the fixed version in pyproject.toml)"
    if not audited:
        pytest.skip(f"pip-audit could not audit any of {len(deps)} packages: its vulnerability service "
                    f"did not answer ({deps[0].get('skip_reason') if deps else 'no packages'})")
    print(f"\n[pip-audit] {len(audited)} of {len(deps)} packages audited, no fixable finding")
