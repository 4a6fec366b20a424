"""Alerts on the five seed captures (issue 6): a corroborated alert for the 1,000 figure,
a suspect-source alert for the spam copy 003, no conflict; nothing when replayed; a rule
change takes effect when the alerter restarts with the new file."""

from __future__ import annotations

from pathlib import Path

import yaml

from newswire.core.settings import Settings
from newswire.pipeline import Pipeline, Result
from newswire.sources import read_paths


def seed_articles(seeds_dir: Path) -> list[dict]:
    return [i.article for i in read_paths([str(seeds_dir)]) if i.article and "url" in i.article]


def run(seeds_dir: Path, settings: Settings, replay: bool = False) -> Result:
    return Pipeline(settings).run(seed_articles(seeds_dir), replay=replay)


def test_seed_alerts(seeds_dir: Path) -> None:
    alerts = [a["payload"] for a in run(seeds_dir, Settings()).alerts]
    corroborated = [a for a in alerts if a["rule"] == "corroborated"]
    assert any(1000.0 in [c["value"] for c in a["claims"]] for a in corroborated)
    assert max(c["independent_origins"] for a in corroborated for c in a["claims"]) == 4
    suspects = [a for a in alerts if a["rule"].startswith("suspect")]
    assert any("003_d4aaad94c5e217ba" in " ".join(a["outlets"]) and "spam" in a["title"] for a in suspects)
    assert not [a for a in alerts if a["rule"] == "conflicting-figures"], "1,000 a week vs 3,000 since deployment"
    assert len({a["alert_id"] + str(a["update"]) for a in alerts}) == len(alerts), "each alert once"


def test_replayed_seeds_raise_nothing(seeds_dir: Path) -> None:
    result = run(seeds_dir, Settings(), replay=True)
    assert result.enriched and not result.alerts


def test_rule_change_takes_effect_on_restart(seeds_dir: Path, tmp_path: Path) -> None:
    rules = yaml.safe_load(Settings().rules_file.read_text())
    for rule in rules["rules"]:
        if rule["type"] == "corroborated":
            rule["min_origins"] = 5  # more than the seeds' four independent origins
    changed = tmp_path / "rules.yaml"
    changed.write_text(yaml.safe_dump(rules))
    alerts = [a["payload"] for a in run(seeds_dir, Settings(rules_file=changed)).alerts]
    assert alerts and not [a for a in alerts if a["rule"] == "corroborated"]
