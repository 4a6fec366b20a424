"""The readable report `newswire run` and `newswire process --report` print."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any


def _figure(q: dict[str, Any]) -> str:
    approx = {"=": "", "~": "~", ">": ">", "<": "<", ">=": ">=", "<=": "<="}.get(q.get("approx", "="), "")
    value = q.get("value")
    num = f"{value:,.0f}" if isinstance(value, (int, float)) and float(value).is_integer() else f"{value}"
    unit = q.get("unit") or ""
    return f"{approx}{num} {unit}".strip()


def _speaker(claim: dict[str, Any]) -> str:
    sp = claim.get("speaker") or {}
    if not sp:
        return "unattributed"
    extra = ", ".join(x for x in (sp.get("role"), sp.get("org")) if x)
    name = f"{sp.get('name')} = {sp['refers_to']}" if sp.get("refers_to") else f"{sp.get('name')}"
    return name + (f" ({extra})" if extra else "")


def render(articles: Iterable[dict[str, Any]], alerts: Iterable[dict[str, Any]] = (),
           dead_letters: Iterable[dict[str, Any]] = (), *, max_claims: int = 6) -> str:
    """Per article: title, outlet, characters kept and removed, claims, story, duplicate-of, alerts."""
    by_story: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for alert in alerts:
        p = alert.get("payload", alert)
        by_story[p["story_id"]].append(p)
    lines: list[str] = []
    story_numbers: dict[str, int] = {}
    for event in articles:
        a = event.get("payload", event)
        sid = a.get("story_id") or "-"
        n = story_numbers.setdefault(sid, len(story_numbers) + 1)
        removed = sum(len(r.get("text", "")) for r in a.get("removed", []))
        spam = a.get("spam") or {}
        lines.append(f"■ {a.get('title') or '(no title)'}")
        lines.append(f"  outlet: {a.get('source')}   published: {a.get('published_at') or '-'}   "
                     f"language: {a.get('language') or '-'}")
        lines.append(f"  text: {len(a.get('text', ''))} chars kept, {removed} removed "
                     f"({len(a.get('removed', []))} pieces)" + ("   SPAM " + ", ".join(spam.get("reasons", []))
                                                             if spam.get("is_spam") else ""))
        lines.append(f"  story: #{n} {sid}" + (f"   duplicate of: {a['duplicate_of']}"
                                              f" (similarity {a.get('duplicate_similarity') or 0:.2f})"
                                              if a.get("duplicate_of") else ""))
        claims = a.get("claims", [])
        for claim in claims[:max_claims]:
            figures = ", ".join(_figure(q) for q in claim.get("quantities", []))
            text = claim.get("text", "").replace("\n", " ")
            text = text if len(text) <= 110 else text[:107] + "..."
            hedge = " [hedged]" if claim.get("hedged") else ""
            lines.append(f"    - {claim.get('kind')}: {figures or '-'} — {_speaker(claim)}{hedge}")
            lines.append(f"      “{text}”")
        if len(claims) > max_claims:
            lines.append(f"    … and {len(claims) - max_claims} more claims")
        lines.append("")
    total_alerts = sum(len(v) for v in by_story.values())
    if total_alerts:
        lines.append("Alerts")
    for sid, story_alerts in by_story.items():
        for alert in story_alerts:
            update = " (update)" if alert.get("update") else ""
            lines.append(f"  story #{story_numbers.get(sid, '?')} [{alert.get('severity')}] {alert.get('rule')}: "
                         f"{alert.get('title')}{update}")
    dead = list(dead_letters)
    lines.append(f"{len(story_numbers)} stories, {total_alerts} alerts, {len(dead)} dead letters")
    for d in dead:
        p = d.get("payload", d)
        lines.append(f"  dead letter from {p.get('stage')}: {p.get('reason')}: {p.get('error', '')[:120]}")
    return "\n".join(lines)
