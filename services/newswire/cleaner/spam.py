"""Spam and page-quality scores from general signals: gambling/SEO terms, injected lines, chrome share."""

from __future__ import annotations

import re

from newswire.cleaner import lexicon
from newswire.core.records import Spam

_BRAND_DIGITS = re.compile(r"\b[A-Za-z]{2,12}\d{2,3}\b|\b\d{2,3}[A-Za-z]{2,12}\b")
_OFFICIAL = re.compile(r"\bofficial (?:website|site)\b|\bdaftar\b|\blink alternatif\b", re.I)


def score_spam(text: str, title: str | None, spam_lines: int, hits: list[str] | None = None) -> Spam:
    """How spammy the page is (0..1) and why; injected gambling lines weigh most."""
    hits = list(lexicon.spam_hits(text) if hits is None else hits)
    if title:
        hits += lexicon.spam_hits(title)
    reasons: list[str] = []
    score = 0.0
    distinct = sorted(set(hits))
    if distinct:
        score += min(0.45, 0.15 * len(distinct))
        reasons.append("gambling_or_seo_terms:" + ",".join(distinct[:5]))
    if spam_lines:
        score += min(0.6, 0.3 * spam_lines)
        reasons.append(f"injected_lines:{spam_lines}")
    head = text[:400]
    if _OFFICIAL.search(head) and _BRAND_DIGITS.search(head):
        score += 0.3
        reasons.append("brand_with_digits_official_site")
    score = round(min(1.0, score), 3)
    return Spam(is_spam=score >= 0.5, score=score, reasons=reasons)


def page_quality(kept: str, input_chars: int, spam: Spam) -> float:
    """A 0..1 quality: enough body text, a modest share of chrome, no spam."""
    words = kept.count(" ") + 1 if kept else 0
    length = min(1.0, words / 300.0)
    share = len(kept) / input_chars if input_chars else 0.0
    q = 0.6 * length + 0.4 * min(1.0, share * 2.0)
    q *= 1.0 - 0.8 * spam.score
    if not kept:
        q = 0.0
    return round(max(0.0, min(1.0, q)), 3)
