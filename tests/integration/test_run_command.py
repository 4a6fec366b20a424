"""`newswire run` owns a broker and four workers: stopping it must stop them.

SIGTERM is how supervisors, `timeout` and `kill` stop a process. Python's default action ends the
process without unwinding, which had left the Tansu broker and the four workers running with no
parent (each burning ~8% of a core while idle)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from newswire.core.broker import free_port_block

SERVICES = Path(__file__).resolve().parents[2] / "services"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="child processes are found through /proc")
def test_sigterm_stops_the_broker_and_workers_run_started(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSWIRE_")}
    env |= {"NEWSWIRE_METRICS_PORT_BASE": str(free_port_block(4)), "PYTHONPATH": str(SERVICES),
            "TMPDIR": str(tmp_path)}  # run's own local broker, on ports no other test holds
    run = subprocess.Popen([sys.executable, "-m", "newswire.cli", "run", "--follow"], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    children: list[psutil.Process] = []
    try:
        lines: list[str] = []
        deadline = time.monotonic() + 120
        assert run.stdout is not None
        for line in run.stdout:  # the samples go through first; then it follows
            lines.append(line)
            if line.startswith("following:") or time.monotonic() > deadline:
                break
        assert any(line.startswith("following:") for line in lines), "".join(lines[-20:])
        children = psutil.Process(run.pid).children(recursive=True)
        names = " ".join(" ".join(c.cmdline()) for c in children)
        assert "tansu" in names and all(f"worker {stage}" in names for stage in
                                        ("cleaner", "extractor", "stories", "alerter")), names

        run.send_signal(signal.SIGTERM)
        assert run.wait(timeout=60) == 0  # a requested stop of a following run is a clean exit
        _, alive = psutil.wait_procs(children, timeout=15)
        assert not alive, f"left running after SIGTERM: {[' '.join(p.cmdline()) for p in alive]}"
    finally:
        if run.poll() is None:
            run.kill()
        for child in children:
            if child.is_running():
                child.kill()
