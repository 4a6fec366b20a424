"""A real Prometheus server (Debian package `prometheus`) on loopback scrapes a running
cleaner worker and answers, through its HTTP API, with the newswire metrics the worker
exported, while the project's alert rules are loaded and evaluated. Bounded in time;
Prometheus runs from a temp dir on a free port and is stopped at the end."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from newswire.core.broker import free_port_block
from newswire.core.settings import Settings
from newswire.runner import WorkerProcess, start_worker, stop_workers

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "services" / "newswire" / "samples"
DEADLINE_SECONDS = 60.0


def _prometheus_binary() -> str:
    path = shutil.which("prometheus")
    if path:
        return path
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("prometheus is required in CI: apt-get install -y --no-install-recommends prometheus")
    pytest.skip("prometheus not installed (Debian package `prometheus`)")


def _get(url: str, timeout: float = 3.0) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, b""


def _wait(predicate: Any, what: str, timeout: float = DEADLINE_SECONDS) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(0.5)
    raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")


@pytest.fixture
def cleaner(live_settings: Settings, tmp_path: Path) -> Iterator[WorkerProcess]:
    """One cleaner worker process, ready (partitions assigned)."""
    worker = start_worker("cleaner", live_settings, tmp_path)
    port = live_settings.metrics_port("cleaner")
    try:
        _wait(lambda: worker.process.poll() is not None or _get(f"http://127.0.0.1:{port}/readyz")[0] == 200,
              "the cleaner's /readyz")
        assert worker.process.poll() is None, worker.log_path.read_text()[-3000:]
        yield worker
    finally:
        stop_workers([worker], grace=10)


@pytest.fixture
def prometheus(live_settings: Settings, tmp_path: Path) -> Iterator[str]:
    """A Prometheus server scraping the cleaner every second with newswire's alert rules; its URL."""
    binary = _prometheus_binary()
    home = tmp_path / "prometheus"
    home.mkdir()
    shutil.copy(ROOT / "deploy" / "prometheus" / "alerts.yml", home / "alerts.yml")
    config = yaml.safe_load((ROOT / "deploy" / "prometheus" / "prometheus.yml").read_text())
    config["global"].update(scrape_interval="1s", evaluation_interval="1s")
    job = next(j for j in config["scrape_configs"] if j["job_name"] == "newswire")
    job["static_configs"] = [{"targets": [f"127.0.0.1:{live_settings.metrics_port('cleaner')}"],
                              "labels": {"worker": "cleaner"}}]
    config["scrape_configs"] = [job]
    (home / "prometheus.yml").write_text(yaml.safe_dump(config))
    port = free_port_block(1)  # outside the ephemeral range, like the workers' ports
    log = open(home / "prometheus.log", "wb")
    proc = subprocess.Popen(
        [binary, f"--config.file={home / 'prometheus.yml'}", f"--storage.tsdb.path={home / 'data'}",
         f"--web.listen-address=127.0.0.1:{port}", "--storage.tsdb.retention.time=1h"],
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True, cwd=home,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait(lambda: proc.poll() is not None or _get(f"{url}/-/ready")[0] == 200, "Prometheus to be ready")
        assert proc.poll() is None, (home / "prometheus.log").read_text()[-3000:]
        yield url
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(5)
        log.close()


def query(url: str, promql: str) -> list[dict[str, Any]]:
    """An instant query through Prometheus's HTTP API; the result vector."""
    status, body = _get(f"{url}/api/v1/query?{urllib.parse.urlencode({'query': promql})}")
    assert status == 200, body[:500]
    answer = json.loads(body)
    assert answer["status"] == "success", answer
    return answer["data"]["result"]


def test_prometheus_scrapes_a_worker_and_serves_its_metrics(
        live_settings: Settings, cleaner: WorkerProcess, prometheus: str) -> None:
    from newswire.ingestion import ingest_paths

    sent, ids, invalid = ingest_paths(live_settings, [str(p) for p in sorted(SAMPLES.glob("0[1-3]_*.json"))])
    assert sent == 3 and invalid == 0

    # The target is up, with the labels the alert rules use.
    up = _wait(lambda: [r for r in query(prometheus, 'up{job="newswire",worker="cleaner"}')
                        if r["value"][1] == "1"], "the cleaner target to be up")
    assert up[0]["metric"]["instance"].endswith(f":{live_settings.metrics_port('cleaner')}")

    # Every ingested article shows up in the worker's counter, read back through Prometheus.
    promql = 'sum(newswire_messages_in_total{stage="cleaner"})'
    _wait(lambda: (r := query(prometheus, promql)) and float(r[0]["value"][1]) >= sent,
          f"{promql} to reach {sent}")
    out = query(prometheus, 'sum by (topic) (newswire_messages_out_total{stage="cleaner"})')
    assert {r["metric"]["topic"] for r in out} == {f"{live_settings.topic_prefix}.articles.clean"}
    assert float(out[0]["value"][1]) == len(ids)

    # The histogram and the lag gauge are scraped with their labels.
    assert query(prometheus, 'newswire_processing_seconds_count{stage="cleaner"}')
    _wait(lambda: query(prometheus, 'newswire_consumer_lag_messages{stage="cleaner"}'), "the lag gauge")
    assert query(prometheus, 'process_resident_memory_bytes{job="newswire"}')

    # The project's alert rules load into the real server and evaluate without errors.
    status, body = _get(f"{prometheus}/api/v1/rules")
    groups = json.loads(body)["data"]["groups"]
    rules = {r["name"]: r for g in groups for r in g["rules"]}
    assert {"NewswireWorkerDown", "NewswireConsumerLagGrowing", "NewswireDeadLetterRate",
            "NewswireEndToEndLatencyHigh"} <= set(rules)
    _wait(lambda: all(r.get("health") == "ok" for g in json.loads(_get(f"{prometheus}/api/v1/rules")[1])
                      ["data"]["groups"] for r in g["rules"]), "every rule to evaluate healthily", timeout=15)
    assert not query(prometheus, 'ALERTS{alertname="NewswireWorkerDown"}')
