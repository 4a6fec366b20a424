"""`newswire diff`: what changed between two pipeline versions' outputs (a shadow run).

Compares enriched articles by article id (text, claims, story grouping, duplicate-of) and
alerts by alert id. Story ids may differ between versions, so grouping is compared as
"which other articles share my story".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

MAX_EXAMPLES = 5


@dataclass
class Diff:
    """Counts and examples of each kind of change."""

    articles_base: int = 0
    articles_shadow: int = 0
    only_base: list[str] = field(default_factory=list)
    only_shadow: list[str] = field(default_factory=list)
    changed: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    alerts_only_base: list[str] = field(default_factory=list)
    alerts_only_shadow: list[str] = field(default_factory=list)

    @property
    def identical(self) -> bool:
        """True when nothing differs."""
        return not (self.only_base or self.only_shadow or any(self.changed.values())
                    or self.alerts_only_base or self.alerts_only_shadow)


def _payloads(events: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    out = {}
    for e in events:
        p = e.get("payload", e)
        out[p["article_id"]] = p
    return out


def _claims(p: dict[str, Any]) -> set[tuple[str, tuple[float, ...], str]]:
    return {(c["text"], tuple(sorted(q["value"] for q in c.get("quantities", []))),
             (c.get("speaker") or {}).get("name") or "") for c in p.get("claims", [])}


def _groups(payloads: dict[str, dict[str, Any]]) -> dict[str, frozenset[str]]:
    members: dict[str, set[str]] = defaultdict(set)
    for aid, p in payloads.items():
        members[p.get("story_id") or aid].add(aid)
    return {aid: frozenset(members[p.get("story_id") or aid] - {aid}) for aid, p in payloads.items()}


def diff(base: Iterable[dict[str, Any]], shadow: Iterable[dict[str, Any]],
         base_alerts: Iterable[dict[str, Any]] = (), shadow_alerts: Iterable[dict[str, Any]] = ()) -> Diff:
    """Compare two versions' enriched articles and alerts."""
    a, b = _payloads(base), _payloads(shadow)
    d = Diff(articles_base=len(a), articles_shadow=len(b))
    d.only_base = sorted(set(a) - set(b))
    d.only_shadow = sorted(set(b) - set(a))
    ga, gb = _groups(a), _groups(b)
    for aid in sorted(set(a) & set(b)):
        pa, pb = a[aid], b[aid]
        if pa.get("text") != pb.get("text"):
            d.changed["text"].append(aid)
        if _claims(pa) != _claims(pb):
            d.changed["claims"].append(aid)
        if ga[aid] != gb[aid]:
            d.changed["story"].append(aid)
        if pa.get("duplicate_of") != pb.get("duplicate_of"):
            d.changed["duplicate_of"].append(aid)
        if bool((pa.get("spam") or {}).get("is_spam")) != bool((pb.get("spam") or {}).get("is_spam")):
            d.changed["spam"].append(aid)
    ka = {(x.get("payload", x)["alert_id"]) for x in base_alerts}
    kb = {(x.get("payload", x)["alert_id"]) for x in shadow_alerts}
    d.alerts_only_base, d.alerts_only_shadow = sorted(ka - kb), sorted(kb - ka)
    return d


def render(d: Diff, base: dict[str, Any] | None = None) -> str:
    """A short report: counts per kind of change with a few example article ids (and titles)."""
    titles = {k: (v.get("payload", v).get("title") or "") for k, v in (base or {}).items()}
    lines = [f"articles: {d.articles_base} base, {d.articles_shadow} shadow; "
             f"{len(d.only_base)} only in base, {len(d.only_shadow)} only in shadow"]
    for kind in ("text", "claims", "story", "duplicate_of", "spam"):
        ids = d.changed.get(kind, [])
        lines.append(f"{kind:>12} changed: {len(ids)}")
        for aid in ids[:MAX_EXAMPLES]:
            lines.append(f"{'':>14}{aid} {titles.get(aid, '')[:70]}")
    lines.append(f"      alerts: {len(d.alerts_only_base)} only in base, {len(d.alerts_only_shadow)} only in shadow")
    lines.append("identical" if d.identical else "different")
    return "\n".join(lines)
