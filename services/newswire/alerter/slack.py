"""A Slack-compatible message for an alert: `text` and `blocks` for chat, plus the alert itself."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from newswire.alerter.titles import format_figure, one_line
from newswire.core.records import Alert, to_dict

_BADGE = {"critical": ":rotating_light:", "high": ":red_circle:", "medium": ":large_orange_circle:",
          "low": ":large_blue_circle:", "info": ":white_circle:"}
_SECTION_MAX = 2900  # Slack rejects section text above 3,000 characters
_MAX_CLAIMS = 5
_MAX_LINKS = 8


def _escape(text: str) -> str:
    """Slack mrkdwn needs &, < and > escaped, or a '<' in a quote turns into a broken link."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _clip(text: str) -> str:
    return text if len(text) <= _SECTION_MAX else text[: _SECTION_MAX - 1] + "…"


def _link(url: str) -> str:
    host = urlsplit(url).hostname if url.startswith(("http://", "https://")) else None
    return f"<{url}|{_escape(host.removeprefix('www.'))}>" if host else _escape(url)


def slack_payload(alert: Alert) -> dict[str, Any]:
    """The JSON body the webhook posts: Slack's `text` and `blocks`, and `alert` for other consumers."""
    prefix = "UPDATE " if alert.update else ""
    text = one_line(f"{prefix}[{alert.severity.upper()}] {alert.title}", 300)
    blocks: list[dict[str, Any]] = [
        {"type": "section", "text": {"type": "mrkdwn", "text": _clip(
            f"{_BADGE.get(alert.severity, '')} *{_escape(prefix + alert.title)}*")}},
    ]
    for claim in alert.claims[:_MAX_CLAIMS]:
        speaker = f" — {_escape(claim.speaker)}" if claim.speaker else ""
        figure = f" ({format_figure(claim.value, claim.unit)})" if claim.value is not None else ""
        counts = f"{claim.reports} reports, {claim.independent_origins} independent origins"
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": _clip(
            f"> {_escape(claim.text)}{speaker}\n{counts}{figure}")}})
    if alert.reasons:
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": _clip(
            "\n".join(f"• {_escape(r)}" for r in alert.reasons))}})
    links = " · ".join(_link(u) for u in alert.links[:_MAX_LINKS])
    context = [f"rule `{_escape(alert.rule)}`", f"story `{alert.story_id}`",
               f"first seen {alert.first_seen}", f"outlets: {_escape(', '.join(alert.outlets))}"]
    blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": _clip(" | ".join(context))}]})
    if links:
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": _clip(links)}]})
    return {"text": text, "blocks": blocks, "alert": to_dict(alert)}
