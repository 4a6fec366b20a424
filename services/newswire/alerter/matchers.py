"""What each rule type finds in a story: pure functions from (rule, story) to matches.

A match carries its dedup key (empty for story-level rules), the count whose rise makes an
update, how to render its one-line title, and the claims, articles and reasons the alert will show.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from newswire.alerter.rules import (
    BreakingRule,
    ConflictRule,
    CorroboratedRule,
    FigureThresholdRule,
    Rule,
    SuspectSourceRule,
    WatchlistRule,
)
from newswire.alerter.titles import format_figure, one_line, summarize_claim, with_speaker
from newswire.core.records import Story, StoryClaim, StoryMember

_UNITS = {
    "$": "usd", "us$": "usd", "dollar": "usd", "dollars": "usd", "us dollar": "usd", "us dollars": "usd",
    "€": "eur", "euro": "eur", "euros": "eur", "£": "gbp", "pound": "gbp", "pounds": "gbp",
    "%": "percent", "per cent": "percent", "percentage": "percent", "pct": "percent",
}


# Stems of physical units: a rule on counts ("casualties >= 100") must not fire on "18,000 hectares".
_MEASURE = re.compile(
    r"^(?:percent|hectare|acre|sq\b|sq\.|square|cubic|km|kilomet|met(?:er|re)|mile|mm|cm|inch|feet|foot|yard|kg|"
    r"kilogram|gram|tonne|ton|pound-|lb|ounce|litre|liter|gallon|barrel|degree|°|celsius|fahrenheit|kelvin|"
    r"second|minute|hour|day|week|month|year|mph|km/h|knot|watt|kw|mw|gw|volt|byte|gb|tb)",
    re.IGNORECASE,
)


_CURRENCIES = {"usd", "eur", "gbp", "jpy", "cny", "chf", "inr", "rub", "uah", "krw", "cad", "aud"}


def is_measure(unit: str | None) -> bool:
    """True for a physical unit or a share, which a threshold on a count never compares."""
    u = norm_unit(unit)
    return bool(u) and u not in _CURRENCIES and bool(_MEASURE.match(u))


@dataclass(frozen=True, slots=True)
class Match:
    """One thing a rule found in a story, before dedup and rate limiting."""

    claim_key: str
    count: int
    render_title: Callable[[], str]  # built only for alerts that fire: titles cost regex work
    claims: tuple[StoryClaim, ...]
    article_ids: tuple[str, ...]
    reasons: tuple[str, ...]


def match(rule: Rule, story: Story) -> list[Match]:
    """Everything `rule` finds in `story` (dedup and rate limits are the engine's job)."""
    return _MATCHERS[type(rule)](rule, story)


# --- helpers ------------------------------------------------------------------------------------


def norm_unit(unit: str | None) -> str:
    """A unit in one spelling ('$', 'dollars' -> 'usd'), so rules need not list variants."""
    u = (unit or "").strip().lower()
    return _UNITS.get(u, u)


def outlet(member: StoryMember) -> str:
    """The outlet behind an article: its source, else the URL's host, else the file name."""
    if member.source and member.source.strip():
        return member.source.strip()
    parts = urlsplit(member.url or "")
    if parts.hostname:
        return parts.hostname.removeprefix("www.")
    return (parts.path or member.url or member.article_id).rstrip("/").rsplit("/", 1)[-1]


def parse_time(value: str | None) -> datetime | None:
    """An ISO-8601 time as an aware UTC datetime (naive means UTC); None when absent or unreadable."""
    if not value:
        return None
    try:
        t = datetime.fromisoformat(value.strip())
        return t.replace(tzinfo=UTC) if t.tzinfo is None else t.astimezone(UTC)
    except (ValueError, OverflowError):  # "9999-12-31T23:59:59-05:00" is past year 9999 in UTC
        return None


def outlets_of(members: list[StoryMember]) -> list[str]:
    """Distinct outlets in first-seen order."""
    return list(dict.fromkeys(outlet(m) for m in members))


def _story_title(story: Story) -> str:
    """The story's title, else a member's, else its most reported claim, else its main entities."""
    if story.title and story.title.strip():
        return story.title.strip()
    for m in story.articles:
        if m.title and m.title.strip() and not m.spam:
            return m.title.strip()
    if story.claims:
        best = max(story.claims, key=lambda c: (c.independent_origins, c.reports, c.value is not None))
        return summarize_claim(best.text, 100)
    if story.entities:
        return ", ".join(story.entities[:3])
    return story.story_id


def _claim_matches_kind(claim: StoryClaim, kinds: tuple[str, ...]) -> bool:
    return not kinds or claim.kind.lower() in {k.lower() for k in kinds}


def _spam_only(claim: StoryClaim, spam_ids: set[str]) -> bool:
    """A claim that only spam pages report: never a reason to alert on its own."""
    return bool(claim.article_ids) and all(a in spam_ids for a in claim.article_ids)


def _spam_ids(story: Story) -> set[str]:
    return {m.article_id for m in story.articles if m.spam}


def _spam_note(story: Story, article_ids: list[str]) -> list[str]:
    spam = [m for m in story.articles if m.spam and m.article_id in set(article_ids)]
    if not spam:
        return []
    return [f"reported also by a page flagged as spam: {', '.join(outlets_of(spam))}"]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _claim_line(claim: StoryClaim) -> str:
    return with_speaker(summarize_claim(claim.text), claim.speaker)


def _lazy(template: str, claim: StoryClaim, **fields: object) -> Callable[[], str]:
    """A title about a claim, summarised only when the alert really fires."""
    return lambda: one_line(template.format(line=_claim_line(claim), **fields))


def _fixed(title: str) -> Callable[[], str]:
    line = one_line(title)
    return lambda: line


# --- the rule types -----------------------------------------------------------------------------


def _corroborated(rule: CorroboratedRule, story: Story) -> list[Match]:
    spam_ids = _spam_ids(story)
    out = []
    for c in story.claims:
        if c.independent_origins < rule.min_origins or not _claim_matches_kind(c, rule.kinds):
            continue
        if _spam_only(c, spam_ids):
            continue
        if (rule.require_figure and c.value is None) or (c.hedged and not rule.include_hedged):
            continue
        title = _lazy("Corroborated by {n} independent outlets: {line}", c, n=c.independent_origins)
        reasons = [(f"claim reported {c.reports} times from {c.independent_origins} independent origins "
                   f"(rule needs {rule.min_origins})")]
        if c.window:
            reasons.append(f"time window: {c.window}")
        if c.hedged:
            reasons.append("some reports mark it unverified")
        reasons += _spam_note(story, c.article_ids)
        out.append(Match(c.key, c.independent_origins, title, (c,), tuple(c.article_ids),
                         tuple(reasons)))
    return out


def figure_key(claim: StoryClaim) -> str:
    """A figure's identity within a story: kind and value, plus the unit for money and measures.

    Threshold alerts are keyed by it, not by claim key, so "3,000 soldiers" and "3,000 North
    Koreans" that the stories stage did not match still page once per story.
    """
    unit = norm_unit(claim.unit)
    keep_unit = unit in _CURRENCIES or is_measure(unit)
    return f"{claim.kind.lower()}={claim.value:.6g}" + (f" {unit}" if keep_unit else "")


def _figure_threshold(rule: FigureThresholdRule, story: Story) -> list[Match]:
    units = {norm_unit(u) for u in rule.units}
    spam_ids = _spam_ids(story)
    groups: dict[str, list[StoryClaim]] = {}
    for c in story.claims:
        if c.value is None or abs(c.value) < rule.threshold or not _claim_matches_kind(c, rule.kinds):
            continue
        if _spam_only(c, spam_ids):
            continue
        if (units and norm_unit(c.unit) not in units) or c.independent_origins < rule.min_origins:
            continue
        if not units and is_measure(c.unit):
            continue  # "10 percent", "18,000 hectares": not a count; only a rule naming the unit compares it
        if c.hedged and not rule.include_hedged:
            continue
        groups.setdefault(figure_key(c), []).append(c)
    out = []
    for key, group in groups.items():
        group.sort(key=lambda c: (-c.independent_origins, -c.reports, c.speaker is None, c.hedged))
        c = group[0]
        figure = format_figure(c.value, norm_unit(c.unit) or c.unit)
        title = _lazy("{kind} figure {figure}: {line}", c, kind=c.kind.capitalize(), figure=figure)
        reasons = [f"{c.kind} figure {figure} reaches the threshold {format_figure(rule.threshold, None)}",
                   f"{_plural(c.independent_origins, 'independent origin')}, {_plural(c.reports, 'report')}"]
        if len(group) > 1:
            reasons.append(f"the same figure appears in {len(group)} claims of the story")
        if all(g.hedged for g in group):
            reasons.append("reports mark it unverified")
        article_ids = list(dict.fromkeys(a for g in group for a in g.article_ids))
        reasons += _spam_note(story, article_ids)
        out.append(Match(key, c.independent_origins, title, tuple(group), tuple(article_ids), tuple(reasons)))
    return out


def _conflict(rule: ConflictRule, story: Story) -> list[Match]:
    claims = {c.key: c for c in story.claims}
    spam_ids = _spam_ids(story)
    out = []
    for conflict in story.conflicts:
        if rule.kinds and conflict.kind.lower() not in {k.lower() for k in rule.kinds}:
            continue
        involved = [claims[k] for k in conflict.claim_keys if k in claims]
        # Different time windows are different quantities, never a contradiction.
        windows = {c.window.strip().lower() for c in involved if c.window}
        if len(windows) > 1:
            continue
        if involved and len(involved) == len(conflict.claim_keys):
            # Judge on the claims themselves: spam-only reports and thin figures do not count.
            involved = [c for c in involved if c.value is not None and not _spam_only(c, spam_ids)
                        and c.independent_origins >= rule.min_origins]
            values = sorted({c.value for c in involved if c.value is not None})
        else:
            values = sorted(set(conflict.values))
        if len(values) < 2:
            continue
        low, high = values[0], values[-1]
        spread = (high - low) / max(abs(high), abs(low), 1e-9)
        if spread < rule.min_spread:
            continue
        if rule.max_ratio is not None and (low <= 0 or high / low > rule.max_ratio):
            continue
        shown = ", ".join(format_figure(v, conflict.unit) for v in values)
        window = f" ({conflict.window})" if conflict.window else ""
        title = f"Conflicting {conflict.kind} figures{window}: {shown} — {_story_title(story)}"
        reasons = [(f"{len(values)} different figures for the same {conflict.kind}{window}, spread "
                   f"{spread:.0%} (rule needs {rule.min_spread:.0%})")]
        reasons += [f"{format_figure(c.value, c.unit or conflict.unit)}: {c.speaker or 'unattributed'}, "
                    f"{_plural(c.independent_origins, 'independent origin')}" for c in involved]
        out.append(Match(conflict.key, len(values), _fixed(title), tuple(involved),
                         tuple(conflict.article_ids), tuple(reasons)))
    return out


def _breaking(rule: BreakingRule, story: Story) -> list[Match]:
    start = parse_time(story.first_seen)
    if start is None:
        return []
    try:
        end = start + timedelta(minutes=rule.within_minutes)
    except OverflowError:  # a story first seen at the end of year 9999
        end = datetime.max.replace(tzinfo=UTC)
    last = parse_time(story.last_seen)
    whole_story_in_window = last is not None and last <= end
    inside = []
    for m in story.articles:
        if m.spam:
            continue
        t = parse_time(m.published_at)
        # An article without a time is placed only when the whole story so far fits the window.
        if (t is not None and t <= end) or (t is None and whole_story_in_window):
            inside.append(m)
    outlets = outlets_of(inside)
    if len(outlets) < rule.min_outlets:
        return []
    minutes = f"{rule.within_minutes:g}"
    title = f"Breaking: {_story_title(story)} — {len(outlets)} outlets within {minutes} minutes"
    reasons = [(f"{len(outlets)} outlets reported the story within {minutes} minutes of its first article "
               f"(rule needs {rule.min_outlets})")]
    return [Match("", len(outlets), _fixed(title), (), tuple(m.article_id for m in inside),
                  tuple(reasons))]


def _watchlist(rule: WatchlistRule, story: Story) -> list[Match]:
    members = [m for m in story.articles if not m.spam]
    outlets = outlets_of(members)
    if len(outlets) < rule.min_outlets:
        return []
    text = "\n".join([*story.entities, story.title or "", *(m.title or "" for m in members),
                      *(c.text for c in story.claims)])
    hits = rule.find(text)
    if not hits:
        return []
    desk = f"[{rule.desk}] " if rule.desk else ""

    def title() -> str:
        return one_line(f"{desk}Watchlist {', '.join(hits)}: {_story_title(story)} "
                        f"({_plural(len(outlets), 'outlet')})")

    reasons = [f"matches watchlist term(s) of the {rule.desk} desk: {', '.join(hits)}" if rule.desk else
               f"matches watchlist term(s): {', '.join(hits)}",
               f"{_plural(len(outlets), 'outlet')} (rule needs {rule.min_outlets})"]
    return [Match("", len(outlets), title, (), tuple(m.article_id for m in members), tuple(reasons))]


def _suspect_source(rule: SuspectSourceRule, story: Story) -> list[Match]:
    by_id = {m.article_id: m for m in story.articles}
    out = []
    for m in story.articles:
        reasons: list[str] = []
        what = ""
        if "spam" in rule.signals and m.spam:
            reasons.append(f"{outlet(m)} is flagged as a spam page")
            what = "spam page"
        original = by_id.get(m.duplicate_of or "")
        copy_wanted = "copy" in rule.signals and (not m.spam or "spam" in rule.signals)
        if copy_wanted and original is not None and outlet(original) != outlet(m):
            reasons.append(f"{outlet(m)} copies or rewrites an article of {outlet(original)}")
            what = what + " copying " + outlet(original) if what else "copy of " + outlet(original)
        if not reasons:
            continue
        title = f"Suspect source {outlet(m)} ({what}) in story: {_story_title(story)}"
        ids = (m.article_id,) + ((original.article_id,) if original is not None else ())
        out.append(Match(m.article_id, 1, _fixed(title), (), ids, tuple(reasons)))
    return out


_MATCHERS: dict[type, Callable[..., list[Match]]] = {
    CorroboratedRule: _corroborated,
    FigureThresholdRule: _figure_threshold,
    ConflictRule: _conflict,
    BreakingRule: _breaking,
    WatchlistRule: _watchlist,
    SuspectSourceRule: _suspect_source,
}
