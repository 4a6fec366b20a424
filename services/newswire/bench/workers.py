"""Worker processes for the broker benchmarks: start with distinct metrics ports, wait until
their partitions are assigned, sample their memory, stop them (SIGKILL after a grace period)."""

from __future__ import annotations

import json
import threading
import time
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newswire.core.broker import free_port_block
from newswire.core.settings import STAGES, Settings
from newswire.runner import WorkerProcess, start_worker, stop_workers

SAMPLE_SECONDS = 1.0


@dataclass
class Fleet:
    """Running workers, the metrics port of each, and the memory sampled from them."""

    workers: list[WorkerProcess] = field(default_factory=list)
    ports: list[int] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    rss: dict[str, list[tuple[float, float]]] = field(default_factory=dict)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def start(self, plan: Sequence[tuple[str, int]], settings: Settings, log_dir: Path) -> Fleet:
        """Start `count` processes of each (stage, count); each gets its own metrics port."""
        base = free_port_block(len(STAGES) * max(c for _, c in plan))
        data_dir = getattr(settings, "data_dir", None)
        if data_dir is not None:  # Faust creates its scratch folder inside it, without parents
            Path(data_dir).mkdir(parents=True, exist_ok=True)
        for stage, count in plan:
            for i in range(count):
                s = settings.with_(metrics_port_base=base + len(STAGES) * i)
                name = f"{stage}-{i + 1}" if count > 1 else stage
                self.workers.append(start_worker(stage, s, _own_dir(log_dir, name)))
                self.ports.append(s.metrics_port(stage))
                self.names.append(name)
                self.rss[name] = []
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def wait_ready(self, partitions: dict[str, int], timeout: float = 90.0) -> None:
        """Block until every worker has partitions and each stage's are all assigned."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.check_alive()
            assigned = [_assigned(p) for p in self.ports]
            per_stage: dict[str, int] = {}
            for w, n in zip(self.workers, assigned, strict=True):
                per_stage[w.stage] = per_stage.get(w.stage, 0) + n
            if all(assigned) and all(per_stage.get(s, 0) >= n for s, n in partitions.items()):
                return
            time.sleep(0.5)
        raise TimeoutError(f"workers not ready within {timeout:g} s: {dict(zip(self.names, assigned, strict=True))}")

    def check_alive(self) -> None:
        """Raise if a worker has exited."""
        for name, w in zip(self.names, self.workers, strict=True):
            if w.process.poll() is not None:
                raise RuntimeError(f"worker {name} exited with {w.process.returncode}; log {w.log_path}")

    def stop(self) -> dict[str, int]:
        """Stop sampling and the workers; returns exit codes."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
        return stop_workers(self.workers)

    def cpu_seconds(self) -> dict[str, float]:
        """CPU seconds (user + system) each worker has used so far."""
        import psutil

        out: dict[str, float] = {}
        for name, w in zip(self.names, self.workers, strict=True):
            try:
                t = psutil.Process(w.process.pid).cpu_times()
                out[name] = t.user + t.system
            except psutil.Error:
                out[name] = 0.0
        return out

    def peak_mb(self) -> dict[str, float | None]:
        """Peak RSS of each worker in MB."""
        return {n: round(max(v for _, v in s), 1) if s else None for n, s in self.rss.items()}

    def _sample(self) -> None:
        import psutil

        procs = {n: psutil.Process(w.process.pid) for n, w in zip(self.names, self.workers, strict=True)}
        t0 = time.monotonic()
        while not self._stop.is_set():
            now = time.monotonic() - t0
            for name, proc in procs.items():
                try:
                    self.rss[name].append((round(now, 1), proc.memory_info().rss / 2**20))
                except psutil.Error:
                    pass
            self._stop.wait(SAMPLE_SECONDS)


def _own_dir(log_dir: Path, name: str) -> Path:
    d = log_dir / name
    d.mkdir(parents=True, exist_ok=True)
    return d


def _assigned(port: int) -> int:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=1.0) as resp:
            return int(json.loads(resp.read()).get("partitions_assigned", 0))
    except OSError as exc:  # a 503 (not ready yet) still carries the JSON body
        body = getattr(exc, "read", None)
        if body is not None:
            try:
                return int(json.loads(body()).get("partitions_assigned", 0))
            except (ValueError, OSError):
                return 0
        return 0
