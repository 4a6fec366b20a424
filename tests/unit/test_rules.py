"""Rules files: the shipped default loads; every mistake names the rule and the field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newswire.alerter.rules import (
    BreakingRule,
    CorroboratedRule,
    FigureThresholdRule,
    RateLimit,
    SuspectSourceRule,
    WatchlistRule,
    load_rules,
    parse_rules,
)
from newswire.core.errors import ConfigError
from newswire.core.settings import Settings

DEFAULT = Path(__file__).resolve().parents[2] / "deploy" / "rules.yaml"


def _one(rule: dict[str, Any], **top: Any) -> Any:
    return parse_rules({"rules": [rule], **top}).rules[0]


def _error(data: Any) -> str:
    with pytest.raises(ConfigError) as info:
        parse_rules(data)
    return str(info.value)


def test_default_rules_file_loads_every_type() -> None:
    rules = load_rules(DEFAULT)
    assert Settings().rules_file == DEFAULT
    types = {type(r) for r in rules}
    assert {CorroboratedRule, FigureThresholdRule, BreakingRule, WatchlistRule, SuspectSourceRule} <= types
    big = next(r for r in rules if r.name == "big-money")
    assert isinstance(big, FigureThresholdRule) and big.threshold == 1e9 and big.units == ("usd",)
    # defaults apply to rules that do not override them
    assert big.rate_limit == RateLimit(per_minute=10, per_hour=120)
    breaking = next(r for r in rules if r.name == "breaking")
    assert breaking.rate_limit == RateLimit(per_minute=3, per_hour=30)


def test_wrong_threshold_names_rule_and_field() -> None:
    msg = _error({"rules": [{"name": "big-money", "type": "figure_threshold", "kinds": ["money"],
                             "threshold": "lots"}]})
    assert msg == "rule 'big-money': field 'threshold' must be a number"


@pytest.mark.parametrize("rule, field", [
    ({"name": "c", "type": "corroborated"}, "min_origins"),
    ({"name": "c", "type": "corroborated", "min_origins": 1}, "min_origins"),
    ({"name": "c", "type": "corroborated", "min_origins": "3"}, "min_origins"),
    ({"name": "c", "type": "corroborated", "min_origins": 3, "severity": "urgent"}, "severity"),
    ({"name": "c", "type": "corroborated", "min_origins": 3, "colour": "red"}, "colour"),
    ({"name": "c", "type": "corroborated", "min_origins": 3, "updates": "yes"}, "updates"),
    ({"name": "c", "type": "corroborated", "min_origins": 3, "rate_limit": 5}, "rate_limit"),
    ({"name": "c", "type": "corroborated", "min_origins": 3, "rate_limit": {"per_minute": 0}},
     "rate_limit.per_minute"),
    ({"name": "c", "type": "corroborated", "min_origins": 3, "rate_limit": {"per_day": 4}}, "rate_limit"),
    ({"name": "c", "type": "teleport"}, "type"),
    ({"name": "b", "type": "breaking", "min_outlets": 3, "within_minutes": -5}, "within_minutes"),
    ({"name": "b", "type": "breaking", "within_minutes": 5}, "min_outlets"),
    ({"name": "w", "type": "watchlist", "desk": "world"}, "entities"),
    ({"name": "w", "type": "watchlist", "keywords": [1, 2]}, "keywords"),
    ({"name": "s", "type": "suspect_source", "signals": ["casino"]}, "signals"),
    ({"name": "f", "type": "figure_threshold", "threshold": 5}, "kinds"),
    ({"name": "f", "type": "figure_threshold", "kinds": ["money"], "threshold": True}, "threshold"),
    ({"name": "k", "type": "conflict", "min_spread": 0}, "min_spread"),
    ({"name": "k", "type": "conflict", "max_ratio": 0.5}, "max_ratio"),
    # accepted before: a misspelt kind never fired, a threshold under 0 fired on every figure
    ({"name": "f", "type": "figure_threshold", "kinds": ["monye"], "threshold": 5}, "kinds"),
    ({"name": "f", "type": "figure_threshold", "kinds": ["money"], "threshold": -5}, "threshold"),
    ({"name": "c", "type": "corroborated", "min_origins": 3, "kinds": ["casualty"]}, "kinds"),
    ({"name": "k", "type": "conflict", "kinds": ["percent"]}, "kinds"),
])
def test_bad_field_is_named(rule: dict[str, Any], field: str) -> None:
    msg = _error({"rules": [rule]})
    assert msg.startswith(f"rule {rule['name']!r}: field {field!r}"), msg


def test_bad_names_and_structure() -> None:
    assert "rule #2: field 'name'" in _error({"rules": [
        {"name": "ok", "type": "conflict"}, {"type": "conflict"}]})
    assert "rule #1: field 'name'" in _error({"rules": [{"name": "Has Spaces", "type": "conflict"}]})
    assert "rule 'x': field 'name' is used by another rule" == _error({"rules": [
        {"name": "x", "type": "conflict"}, {"name": "x", "type": "breaking", "min_outlets": 2,
                                            "within_minutes": 1}]})
    assert "'rules' must be a non-empty list" in _error({"rules": []})
    assert "unknown top-level field 'rulez'" in _error({"rulez": []})
    assert "rule #1: expected a mapping" in _error({"rules": ["conflict"]})
    assert "'defaults' cannot set 'threshold'" in _error({"defaults": {"threshold": 3},
                                                           "rules": [{"name": "x", "type": "conflict"}]})


def test_bad_default_is_reported_on_the_rule() -> None:
    msg = _error({"defaults": {"severity": "loud"}, "rules": [{"name": "x", "type": "conflict"}]})
    assert msg.startswith("rule 'x': field 'severity'")


def test_files_unreadable_or_not_yaml(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot be read"):
        load_rules(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("rules: [ {name: x, type: conflict\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_rules(bad)
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"\xff\xfe rules: []")  # a UnicodeDecodeError traceback before
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_rules(binary)


def test_the_claim_kinds_rules_may_name_are_those_the_extractor_gives() -> None:
    """Rules are checked against CLAIM_KINDS: the extractor must not give a kind the list lacks."""
    from newswire.core.records import CLAIM_KINDS
    from newswire.core.settings import Settings
    from newswire.pipeline import Pipeline
    from newswire.runner import SAMPLES
    from tests.corpus import read_articles

    kinds = {c["payload"]["kind"] for c in Pipeline(Settings()).run(read_articles(SAMPLES)).claims}
    assert kinds <= set(CLAIM_KINDS) and len(kinds) >= 5


def test_numbers_written_without_a_dot_and_disabled_rules() -> None:
    data = {"rules": [
        {"name": "big", "type": "figure_threshold", "units": ["usd"], "threshold": "1e9"},
        {"name": "off", "type": "conflict", "enabled": False},
    ]}
    rules = parse_rules(data)
    assert [r.name for r in rules] == ["big"]
    assert rules.rules[0].threshold == 1e9  # type: ignore[attr-defined]


def test_watchlist_terms_match_whole_words_case_insensitively() -> None:
    rule = _one({"name": "w", "type": "watchlist", "entities": ["North Korea", "Korea"], "keywords": ["IMF"]})
    assert isinstance(rule, WatchlistRule)
    assert rule.find("troops of north  korea and the imf") == ["North Korea", "IMF"]
    assert rule.find("North Korean troops and the IMF's view") == ["North Korea", "IMF"]
    assert rule.find("Koreanx, IMFA and imfsx") == []
    assert rule.find("South Korea") == ["Korea"]


def test_version_changes_with_the_rules() -> None:
    a = parse_rules({"rules": [{"name": "c", "type": "corroborated", "min_origins": 3}]})
    b = parse_rules({"rules": [{"name": "c", "type": "corroborated", "min_origins": 4}]})
    assert a.version != b.version
    assert a.version == parse_rules({"rules": [{"name": "c", "type": "corroborated", "min_origins": 3}]}).version
