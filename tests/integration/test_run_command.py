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
        _kill_left(run, children)


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="child processes are found through /proc")
def test_run_reports_a_dead_lettered_article_and_fails_when_a_worker_dies(tmp_path: Path) -> None:
    """An article a stage dead-letters is done (run waited out its whole timeout for its enriched event, then
    called it lost), and a worker that dies while `run --follow` follows it is an error (it exited 0)."""
    sample = SERVICES / "newswire" / "samples" / "01_meridian_wire_ebro_floods.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSWIRE_")}
    env |= {"NEWSWIRE_METRICS_PORT_BASE": str(free_port_block(4)), "PYTHONPATH": str(SERVICES),
            "TMPDIR": str(tmp_path), "NEWSWIRE_MAX_MESSAGE_BYTES": "6000"}  # its raw event fits, its extraction not
    run = subprocess.Popen([sys.executable, "-m", "newswire.cli", "run", "--follow", "--timeout", "60", str(sample)],
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    children: list[psutil.Process] = []
    try:
        lines: list[str] = []
        started = time.monotonic()
        assert run.stdout is not None
        for line in run.stdout:
            lines.append(line)
            if line.startswith("following:") or time.monotonic() - started > 120:
                break
        text = "".join(lines)
        assert "0 of 1 articles (1 dead-lettered by a stage)" in text, text[-2000:]
        assert "OversizeError" in text and time.monotonic() - started < 55, text[-2000:]  # not the whole timeout
        children = psutil.Process(run.pid).children(recursive=True)
        [stories] = [c for c in children if "worker stories" in " ".join(c.cmdline())]
        stories.kill()
        assert run.wait(timeout=60) == 1
        rest = run.stdout.read()
        assert "worker stories exited with -9" in rest, rest
        _, alive = psutil.wait_procs(children, timeout=15)
        assert not alive or alive == [stories]
    finally:
        _kill_left(run, children)


def _kill_left(run: subprocess.Popen[str], children: list[psutil.Process]) -> None:
    """Whatever a failed test left running: the run command and its broker and workers."""
    if run.poll() is None:
        run.kill()
    for child in children:
        if child.is_running():
            child.kill()
