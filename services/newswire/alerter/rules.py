"""Alert rules: typed, frozen, validated once from a YAML file.

A rules file looks like::

    defaults:                      # optional, applied to every rule
      severity: medium
      rate_limit: {per_minute: 10, per_hour: 100}
    rules:
      - name: big-money
        type: figure_threshold
        severity: high
        kinds: [money]
        units: [usd]
        threshold: 1.0e9

A wrong file raises ConfigError naming the rule and the field, so the worker fails at start.
"""

from __future__ import annotations

import dataclasses
import math
import re
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import yaml

from newswire.core.errors import ConfigError
from newswire.core.ids import digest
from newswire.core.records import CLAIM_KINDS

SEVERITIES = ("info", "low", "medium", "high", "critical")
SIGNALS = ("spam", "copy")
_NAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")


@dataclass(frozen=True, slots=True, kw_only=True)
class RateLimit:
    """At most this many alerts of one rule per minute and per hour (None: unlimited)."""

    per_minute: int | None = None
    per_hour: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    """Fields every rule has; subclasses add their type's fields."""

    TYPE: ClassVar[str] = ""
    STORY_LEVEL: ClassVar[bool] = False  # one alert per story (no claim key)
    name: str
    severity: str = "medium"
    rate_limit: RateLimit = field(default_factory=RateLimit)
    updates: bool = True
    enabled: bool = True

    def check(self) -> None:
        """Cross-field checks of a parsed rule; raise _FieldError naming the field."""
        unknown = [k for k in getattr(self, "kinds", ()) if k not in CLAIM_KINDS]
        if unknown:  # a misspelt kind ("monye") matched nothing, and the rule never fired
            raise _FieldError("kinds", f"{unknown[0]!r} is no claim kind ({', '.join(CLAIM_KINDS)})")


@dataclass(frozen=True, slots=True, kw_only=True)
class WatchlistRule(Rule):
    """A story mentions one of a desk's entities or keywords."""

    TYPE: ClassVar[str] = "watchlist"
    STORY_LEVEL: ClassVar[bool] = True
    desk: str | None = None
    entities: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    min_outlets: int = 1
    updates: bool = False
    # Every term in one whole-word, case-insensitive pattern, so a story is scanned once per rule.
    pattern: re.Pattern[str] | None = field(default=None, compare=False, repr=False)
    terms_by_key: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    needles: tuple[str, ...] = field(default=(), compare=False, repr=False)

    def find(self, text: str) -> list[str]:
        """The watchlist terms found in `text`, in rule order."""
        if self.pattern is None:
            return []
        low = text.lower()
        if not any(needle in low for needle in self.needles):
            return []  # a substring test is far cheaper than the regex scan, and most stories miss
        found = {self.terms_by_key.get(term_key(m.group(1))) for m in self.pattern.finditer(text)}
        return [t for t in (*self.entities, *self.keywords) if t in found]

    def check(self) -> None:
        """A watchlist needs at least one entity or keyword."""
        Rule.check(self)
        if not self.entities and not self.keywords:
            raise _FieldError("entities", "or 'keywords' must list at least one term")


@dataclass(frozen=True, slots=True, kw_only=True)
class FigureThresholdRule(Rule):
    """A claim's figure of a given kind (and unit) reaches a threshold."""

    TYPE: ClassVar[str] = "figure_threshold"
    threshold: float
    kinds: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    min_origins: int = 1
    include_hedged: bool = True

    def check(self) -> None:
        """A threshold rule must say which figures it watches, and a figure's size is above 0."""
        Rule.check(self)
        if not self.kinds and not self.units:
            raise _FieldError("kinds", "or 'units' must name at least one kind or unit")
        if not self.threshold > 0:  # figures are compared by size: 0 or less fired on every figure
            raise _FieldError("threshold", "must be greater than 0")


@dataclass(frozen=True, slots=True, kw_only=True)
class CorroboratedRule(Rule):
    """A claim reaches N independent origins."""

    TYPE: ClassVar[str] = "corroborated"
    min_origins: int
    kinds: tuple[str, ...] = ()
    require_figure: bool = False
    include_hedged: bool = True

    def check(self) -> None:
        """Corroboration needs at least two origins to mean anything."""
        Rule.check(self)
        if self.min_origins < 2:
            raise _FieldError("min_origins", "must be at least 2")


@dataclass(frozen=True, slots=True, kw_only=True)
class ConflictRule(Rule):
    """Reports in a story give figures for the same quantity that disagree."""

    TYPE: ClassVar[str] = "conflict"
    kinds: tuple[str, ...] = ()
    min_spread: float = 0.1
    # Figures further apart than this factor are almost always two quantities matched by mistake
    # (or a toll that grew), not two sources disagreeing.
    max_ratio: float | None = 10.0
    min_origins: int = 1

    def check(self) -> None:
        """The spread is a relative difference, so it must be positive; a ratio is above 1."""
        Rule.check(self)
        if self.min_spread <= 0:
            raise _FieldError("min_spread", "must be greater than 0")
        if self.max_ratio is not None and self.max_ratio <= 1:
            raise _FieldError("max_ratio", "must be greater than 1")


@dataclass(frozen=True, slots=True, kw_only=True)
class BreakingRule(Rule):
    """A new story reaches N outlets within M minutes of its first article."""

    TYPE: ClassVar[str] = "breaking"
    STORY_LEVEL: ClassVar[bool] = True
    min_outlets: int
    within_minutes: float

    def check(self) -> None:
        """Breaking means at least two outlets in a positive window."""
        if self.min_outlets < 2:
            raise _FieldError("min_outlets", "must be at least 2")
        if self.within_minutes <= 0:
            raise _FieldError("within_minutes", "must be greater than 0")


@dataclass(frozen=True, slots=True, kw_only=True)
class SuspectSourceRule(Rule):
    """A story member is a spam page, or a copy of another outlet's article.

    A spam page that copies is reported as spam (with the copy as a reason) by a rule watching
    spam; a rule watching copies alone leaves spam pages to that rule, so one page pages once.
    """

    TYPE: ClassVar[str] = "suspect_source"
    signals: tuple[str, ...] = ("spam",)
    updates: bool = False

    def check(self) -> None:
        """Only known signals, at least one."""
        if not self.signals:
            raise _FieldError("signals", f"must list at least one of {list(SIGNALS)}")
        bad = [s for s in self.signals if s not in SIGNALS]
        if bad:
            raise _FieldError("signals", f"has unknown signal {bad[0]!r} (known: {list(SIGNALS)})")


RULE_TYPES: dict[str, type[Rule]] = {
    cls.TYPE: cls
    for cls in (WatchlistRule, FigureThresholdRule, CorroboratedRule, ConflictRule, BreakingRule,
                SuspectSourceRule)
}


@dataclass(frozen=True, slots=True)
class RuleSet:
    """The enabled rules of one file, in file order, with a digest naming this version."""

    rules: tuple[Rule, ...]
    source: str = ""
    version: str = ""

    def __iter__(self) -> typing.Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)


class _FieldError(ValueError):
    """A bad field inside a rule; turned into a ConfigError naming rule and field."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.field = name
        self.message = message


# --- loading ------------------------------------------------------------------------------------


def load_rules(path: Path) -> RuleSet:
    """Read and validate a rules file once at start-up; ConfigError names any bad rule and field."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"rules file {str(path)!r} cannot be read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"rules file {str(path)!r} is not UTF-8 text (byte {exc.start})") from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"rules file {str(path)!r} is not valid YAML: {exc}") from exc
    return parse_rules(data, source=str(path))


def parse_rules(data: Any, *, source: str = "<rules>") -> RuleSet:
    """Validate already-parsed YAML data into a RuleSet (the testable half of load_rules)."""
    if not isinstance(data, dict):
        raise ConfigError(f"rules file {source!r}: expected a mapping with a 'rules' list")
    unknown = sorted(set(data) - {"rules", "defaults", "version"})
    if unknown:
        raise ConfigError(f"rules file {source!r}: unknown top-level field {unknown[0]!r}")
    defaults = data.get("defaults") or {}
    if not isinstance(defaults, dict):
        raise ConfigError(f"rules file {source!r}: 'defaults' must be a mapping")
    bad_defaults = sorted(set(defaults) - {"severity", "rate_limit", "updates"})
    if bad_defaults:
        raise ConfigError(f"rules file {source!r}: 'defaults' cannot set {bad_defaults[0]!r}")
    raw_rules = data.get("rules")
    if not isinstance(raw_rules, list) or not raw_rules:
        raise ConfigError(f"rules file {source!r}: 'rules' must be a non-empty list")
    rules: list[Rule] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_rules, start=1):
        rule = _parse_rule(raw, index, defaults)
        if rule.name in seen:
            raise ConfigError(f"rule {rule.name!r}: field 'name' is used by another rule")
        seen.add(rule.name)
        if rule.enabled:
            rules.append(rule)
    return RuleSet(tuple(rules), source=source, version=digest(repr(rules), size=6))


def _parse_rule(raw: Any, index: int, defaults: dict[str, Any]) -> Rule:
    label = f"rule #{index}"
    if not isinstance(raw, dict):
        raise ConfigError(f"{label}: expected a mapping of fields")
    name = raw.get("name")
    if not isinstance(name, str) or not _NAME.match(name):
        raise ConfigError(f"{label}: field 'name' must be a short lowercase name (letters, digits, '-', "
                          f"'_', '.'), got {name!r}")
    label = f"rule {name!r}"
    kind = raw.get("type")
    cls = RULE_TYPES.get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise ConfigError(f"{label}: field 'type' must be one of {sorted(RULE_TYPES)}, got {kind!r}")
    merged = {**defaults, **raw}
    if isinstance(defaults.get("rate_limit"), dict) and isinstance(raw.get("rate_limit"), dict):
        merged["rate_limit"] = {**defaults["rate_limit"], **raw["rate_limit"]}
    merged.pop("type")
    try:
        kwargs = _fields(cls, merged)
        rule = cls(**kwargs)
        rule.check()
    except _FieldError as exc:
        raise ConfigError(f"{label}: field {exc.field!r} {exc.message}") from None
    if isinstance(rule, WatchlistRule):
        terms = list(dict.fromkeys((*rule.entities, *rule.keywords)))
        rule = dataclasses.replace(rule, pattern=_terms_pattern(terms),
                                   terms_by_key={term_key(t): t for t in reversed(terms)},
                                   needles=tuple({t.split()[0].lower() for t in terms}))
    return rule


def term_key(text: str) -> str:
    """A watchlist term as matched text normalises to: lower case, single spaces."""
    return " ".join(text.lower().split())


# Inflections a term may carry and still name the same thing: plurals, possessives, demonyms
# ("North Korea" -> "North Korean troops", "strike" -> "strikes", "Russia" -> "Russia's").
_SUFFIX = r"(?:['’]s|s|es|n|ns|an|ans|ian|ians|ese)?"


def _terms_pattern(terms: list[str]) -> re.Pattern[str]:
    """Whole words, any case, any whitespace between words; longest terms first so they win."""
    alternatives = [r"\s+".join(re.escape(w) for w in t.split()) for t in sorted(terms, key=len, reverse=True)]
    return re.compile(r"(?<!\w)(" + "|".join(alternatives) + ")" + _SUFFIX + r"(?!\w)", re.IGNORECASE)


_INTERNAL = {"pattern", "terms_by_key", "needles"}


def _fields(cls: type[Rule], raw: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    known = {f.name: f for f in dataclasses.fields(cls) if f.name not in _INTERNAL}
    for key in raw:
        if key not in known:
            raise _FieldError(str(key), f"is not a field of a {cls.TYPE} rule (known: {sorted(known)})")
    out: dict[str, Any] = {}
    for name, f in known.items():
        if name not in raw:
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise _FieldError(name, "is required")
            continue
        out[name] = _coerce(name, hints[name], raw[name])
    return out


def _coerce(name: str, tp: Any, value: Any) -> Any:
    if name == "severity":
        if value not in SEVERITIES:
            raise _FieldError(name, f"must be one of {list(SEVERITIES)}, got {value!r}")
        return value
    if tp is RateLimit:
        return _rate_limit(value)
    origin = typing.get_origin(tp)
    args = [a for a in typing.get_args(tp) if a is not type(None)]
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        return _coerce(name, args[0], value)
    if origin is tuple:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise _FieldError(name, "must be a list of non-empty strings")
        return tuple(v.strip() for v in value)
    if tp is bool:
        if not isinstance(value, bool):
            raise _FieldError(name, "must be true or false")
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise _FieldError(name, "must be a whole number of at least 1")
        return value
    if tp is float:
        return _number(name, value)
    if tp is str:
        if not isinstance(value, str) or not value.strip():
            raise _FieldError(name, "must be a non-empty string")
        return value.strip()
    raise _FieldError(name, f"has an unsupported type {tp!r}")  # pragma: no cover - a coding error


def _number(name: str, value: Any) -> float:
    # PyYAML reads "1e9" (no dot) as a string, so numeric strings are accepted too.
    if isinstance(value, str):
        try:
            value = float(value.replace("_", ""))
        except ValueError:
            raise _FieldError(name, "must be a number") from None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise _FieldError(name, "must be a number")
    return float(value)


def _rate_limit(value: Any) -> RateLimit:
    if value is None:
        return RateLimit()
    if not isinstance(value, dict):
        raise _FieldError("rate_limit", "must be a mapping like {per_minute: 5, per_hour: 60}")
    unknown = sorted(set(value) - {"per_minute", "per_hour"})
    if unknown:
        raise _FieldError("rate_limit", f"has unknown key {unknown[0]!r} (known: per_minute, per_hour)")
    out: dict[str, int | None] = {}
    for key in ("per_minute", "per_hour"):
        v = value.get(key)
        if v is None:
            continue
        if isinstance(v, bool) or not isinstance(v, int) or v < 1:
            raise _FieldError(f"rate_limit.{key}", "must be a whole number of at least 1")
        out[key] = v
    return RateLimit(**out)
