"""Prometheus config, alert rules and the Grafana dashboard, checked with promtool (Debian
package `prometheus`): syntax, the rules' own unit tests, every dashboard query's PromQL, and
that every newswire metric they name is one the workers export.

In CI (CI=true) a missing promtool fails these tests; elsewhere they skip.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from prometheus_client import CollectorRegistry

from newswire.core.metrics import create_metrics

ROOT = Path(__file__).resolve().parents[2]
PROM = ROOT / "deploy" / "prometheus"
GRAFANA = ROOT / "deploy" / "grafana"
DASHBOARD = GRAFANA / "dashboards" / "newswire.json"

METRIC_NAME = re.compile(r"\b(newswire_[a-z0-9_]+)\b")
# Grafana's variables, replaced by values promtool accepts.
GRAFANA_VARS = {"$__rate_interval": "5m", "$__range": "1h", "$__interval": "1m", "$stage": ".*"}


def promtool() -> str:
    """promtool's path; fails in CI when missing, skips elsewhere."""
    path = shutil.which("promtool")
    if path:
        return path
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("promtool is required in CI: apt-get install -y --no-install-recommends prometheus")
    pytest.skip("promtool not installed (Debian package `prometheus`)")


def run_promtool(*args: str, cwd: Path = PROM) -> subprocess.CompletedProcess[str]:
    """Run promtool and return its result."""
    return subprocess.run([promtool(), *args], capture_output=True, text=True, timeout=60, cwd=cwd)


def exported_names() -> set[str]:
    """Every sample name the workers' registry exposes (histograms as _bucket/_sum/_count)."""
    metrics = create_metrics(CollectorRegistry(), process=False)
    names: set[str] = set()
    for family in metrics.registry.collect():
        names.add(family.name)
        if family.type == "counter":
            names.add(family.name + "_total")
        if family.type == "histogram":
            names.update(family.name + s for s in ("_bucket", "_sum", "_count"))
    return names


def dashboard_exprs() -> list[str]:
    """Every PromQL expression of the dashboard's panels and variables."""
    dash = json.loads(DASHBOARD.read_text())
    exprs = [t["expr"] for p in dash["panels"] for t in p.get("targets", [])]
    for var in dash["templating"]["list"]:
        query = var["query"]["query"] if isinstance(var["query"], dict) else var["query"]
        inner = re.fullmatch(r"label_values\((\w+),\s*\w+\)", query)
        assert inner, query
        exprs.append(inner.group(1))
    return exprs


def test_alert_rules_pass_promtool_check() -> None:
    out = run_promtool("check", "rules", "alerts.yml")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "SUCCESS" in out.stdout


def test_alert_rules_unit_tests_pass() -> None:
    out = run_promtool("test", "rules", "alerts_test.yml")
    assert out.returncode == 0, out.stdout + out.stderr


def test_promtool_catches_a_broken_rule(tmp_path: Path) -> None:
    rules = yaml.safe_load((PROM / "alerts.yml").read_text())
    rules["groups"][0]["rules"][0]["expr"] = "sum by (stage) (newswire_consumer_lag_messages"
    (tmp_path / "bad.yml").write_text(yaml.safe_dump(rules))
    assert run_promtool("check", "rules", "bad.yml", cwd=tmp_path).returncode != 0


def test_prometheus_config_passes_promtool_check() -> None:
    out = run_promtool("check", "config", "prometheus.yml")
    assert out.returncode == 0, out.stdout + out.stderr


def test_required_alerts_exist_with_severity_and_summary() -> None:
    rules = {r["alert"]: r for g in yaml.safe_load((PROM / "alerts.yml").read_text())["groups"]
             for r in g["rules"]}
    must = {
        "NewswireConsumerLagGrowing": "newswire_consumer_lag_messages",
        "NewswireDeadLetterRate": "newswire_dead_letters_total",
        "NewswireWorkerDown": "up{",
        "NewswireEndToEndLatencyHigh": "newswire_end_to_end_seconds_bucket",
    }
    for name, needle in must.items():
        assert needle in rules[name]["expr"], name
    for rule in rules.values():
        assert rule["labels"]["severity"] in {"warning", "critical"}
        assert rule["annotations"]["summary"]
    # Every alert has a unit test in alerts_test.yml, firing at least once.
    tested = yaml.safe_load((PROM / "alerts_test.yml").read_text())["tests"]
    fired = {c["alertname"] for t in tested for c in t["alert_rule_test"] if c["exp_alerts"]}
    assert set(must) <= fired


def test_scrape_config_covers_the_four_workers_on_their_ports() -> None:
    from newswire.core.settings import STAGES, Settings

    config = yaml.safe_load((PROM / "prometheus.yml").read_text())
    job = next(j for j in config["scrape_configs"] if j["job_name"] == "newswire")
    targets = {t["labels"]["worker"]: t["targets"] for t in job["static_configs"]}
    assert set(targets) == set(STAGES)
    for stage in STAGES:
        assert targets[stage] == [f"{stage}:{Settings().metrics_port(stage)}"]
    assert "alerts.yml" in config["rule_files"]


def test_rules_and_dashboard_name_only_exported_metrics() -> None:
    exported = exported_names()
    texts = [(PROM / "alerts.yml").read_text(), *dashboard_exprs()]
    used = {m for text in texts for m in METRIC_NAME.findall(text)}
    assert used, "no newswire metric referenced"
    assert used <= exported, used - exported
    # The dashboard shows throughput, lag, latency, dead letters and alerts.
    dash_used = {m for e in dashboard_exprs() for m in METRIC_NAME.findall(e)}
    assert {"newswire_messages_in_total", "newswire_consumer_lag_messages",
            "newswire_end_to_end_seconds_bucket", "newswire_dead_letters_total",
            "newswire_alerts_total"} <= dash_used


def test_dashboard_queries_are_valid_promql(tmp_path: Path) -> None:
    exprs = dashboard_exprs()
    rules = []
    for i, expr in enumerate(exprs):
        for var, value in GRAFANA_VARS.items():
            expr = expr.replace(var, value)
        assert "$" not in expr, expr
        rules.append({"record": f"dashboard:query_{i}", "expr": expr})
    (tmp_path / "dash.yml").write_text(yaml.safe_dump({"groups": [{"name": "dashboard", "rules": rules}]}))
    out = run_promtool("check", "rules", "dash.yml", cwd=tmp_path)
    assert out.returncode == 0, out.stdout + out.stderr


def test_dashboard_is_provisioned_against_the_provisioned_datasource() -> None:
    dash: dict[str, Any] = json.loads(DASHBOARD.read_text())
    assert dash["uid"] and dash["title"] and dash["panels"]
    ids = [p["id"] for p in dash["panels"]]
    assert len(ids) == len(set(ids))
    sources = yaml.safe_load((GRAFANA / "provisioning" / "datasources" / "prometheus.yml").read_text())
    [ds] = sources["datasources"]
    uids = {t["datasource"]["uid"] for p in dash["panels"] for t in p.get("targets", [])}
    assert uids == {ds["uid"]}
    providers = yaml.safe_load((GRAFANA / "provisioning" / "dashboards" / "newswire.yml").read_text())
    [provider] = providers["providers"]
    compose = yaml.safe_load((ROOT / "deploy" / "compose.yaml").read_text())
    mounts = compose["services"]["grafana"]["volumes"]
    assert f"./grafana/dashboards:{provider['options']['path']}:ro" in mounts
    assert ds["url"] == "http://prometheus:9090"
    # Panels do not overlap on the grid.
    cells: set[tuple[int, int]] = set()
    for p in dash["panels"]:
        g = p["gridPos"]
        assert g["x"] + g["w"] <= 24
        area = {(x, y) for x in range(g["x"], g["x"] + g["w"]) for y in range(g["y"], g["y"] + g["h"])}
        assert not area & cells, p["title"]
        cells |= area
