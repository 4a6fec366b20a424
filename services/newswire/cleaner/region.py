"""Where the article body sits in a list of lines, and what inside it still does not belong.

The body is the densest run of prose (a maximum-sum segment); around it, comments and news feeds
end the article, a lead cut off by a widget is brought back; inside it, teasers, menu runs,
stray headings and off-topic paragraphs are dropped.
"""

from __future__ import annotations

from collections import Counter

from newswire.cleaner.features import (
    TERMINAL,
    TRUNCATED,
    Line,
    content_tokens,
    headline_like,
    menu_like,
)
from newswire.cleaner.meta import is_dateline, parse_byline

_NOT_CHROME = frozenset({"", "duplicate_line", "caption_repeat", "title", "byline", "dateline"})


def _teaser_context(lines: list[Line], i: int, start: int, end: int) -> bool:
    """A cut-off line reads as a teaser among other teasers, headlines or chrome, not inside a quote."""
    if i == end and i > start:
        return True
    for j in (i - 1, i + 1):
        if start <= j <= end and (headline_like(lines[j]) or lines[j].reason not in ("", "duplicate_line")):
            return True
    return False


def _inline_widget(lines: list[Line], i: int) -> bool:
    """A "Read more:"/"Related:" heading with at most two short lines before prose resumes."""
    for j in range(i + 1, min(len(lines), i + 4)):
        if lines[j].prose and not lines[j].reason:
            return j - i - 1 <= 2
    return False


def best_segment(lines: list[Line]) -> tuple[int, int]:
    """Maximum-sum run of lines: prose earns its length, chrome and short lines cost."""
    best, best_span = 0.0, (0, -1)
    cur, start = 0.0, 0
    seen_prose = False
    for i, ln in enumerate(lines):
        if ln.reason in ("terminator", "legal") and seen_prose and best >= 500:
            break  # comments, a news feed or the copyright line: the article is over
        if ln.reason == "soft_terminator" and seen_prose:
            if _inline_widget(lines, i):
                w = -60.0  # "Read more:" and one headline, then the body goes on
            else:
                # a list follows: it must outweigh a good part of the body to be read as its continuation
                w = -max(400.0, 0.75 * cur)
        elif ln.reason in ("terminator", "legal"):
            w = -400.0
        elif ln.reason in ("duplicate_line", "caption_repeat"):
            w = 0.0
        elif ln.reason:
            w = -60.0
        elif ln.prose and ln.text.endswith(("…", "...")):
            w = 0.0  # a cut-off teaser neither extends the body nor breaks it
        elif ln.prose:
            w = float(ln.chars)
            seen_prose = True
        elif ln.words >= 4 and ln.text[-1] in ".!?。！？\"”":
            w = 0.5 * ln.chars  # a short sentence: weak evidence of body text
        elif ln.words >= 6 or not menu_like(ln.text):
            w = -10.0
        else:
            w = -40.0
        if cur <= 0:
            cur, start = w, i
        else:
            cur += w
        if cur > best:
            best, best_span = cur, (start, i)
    return best_span


def hard_stop(lines: list[Line]) -> int:
    """Index of the last line before comments, a news feed or the copyright line, once a body exists."""
    prose = 0
    for i, ln in enumerate(lines):
        if ln.reason in ("terminator", "legal") and prose >= 500:
            return i - 1
        if ln.prose and not ln.reason:
            prose += ln.chars
    return len(lines) - 1


_BETWEEN_LEAD_AND_BODY = frozenset({"caption_repeat", "duplicate_line", "boilerplate", "share"})
"""What may separate a lead from the body: repeats, ad markers ("Continue Reading Below"), share buttons."""


def detached_lead(lines: list[Line], start: int, end: int) -> int | None:
    """A lead paragraph cut off from the body by a widget (a stock table, a video box): a long
    prose line shortly before the body, with nothing but short lines between, on the same topic."""
    candidate = None
    for i in range(start - 1, max(-1, start - 26), -1):
        ln = lines[i]
        if ln.reason and ln.reason not in _BETWEEN_LEAD_AND_BODY:
            return None
        if ln.prose and ln.chars >= 120:
            candidate = i
            break
    if candidate is None:
        return None
    body_tokens: set[str] = set()
    for i in range(start, min(end + 1, start + 8)):
        if lines[i].prose and not lines[i].reason:
            body_tokens |= content_tokens(lines[i].text)
    toks = content_tokens(lines[candidate].text)
    if toks and len(toks & body_tokens) >= 0.3 * len(toks):
        return candidate
    return None


def inner_rules(lines: list[Line], start: int, end: int) -> None:
    """Inside the body: truncated teasers, short-line runs, and headings with no body after them."""
    for i in range(start, end + 1):
        ln = lines[i]
        if ln.reason:
            continue
        if ln.chars >= 60 and ln.text.endswith(("…", "...")) and TRUNCATED.search(ln.text[-8:]) \
                and _teaser_context(lines, i, start, end):
            ln.reason = "truncated_teaser"  # a teaser under its headline, or the last line, cut off
            continue
        if ln.chars <= 80 and not ln.prose:
            if parse_byline(ln.text) is not None or ln.text.lower() == "by":
                ln.reason = "byline"
                continue
            if is_dateline(ln.text):
                ln.reason = "dateline"
                continue
        if not ln.prose and ln.words <= 3:
            prev_short = i > start and not lines[i - 1].prose
            next_short = i < end and not lines[i + 1].prose
            if prev_short and next_short:
                ln.reason = "navigation"
    # after a "Trending"/"Related" heading inside the body: its items, up to the next real paragraph
    i = start
    while i <= end:
        if lines[i].reason in ("terminator", "soft_terminator"):
            j = i + 1
            while j <= end and not (lines[j].prose and lines[j].chars >= 100 and not lines[j].reason):
                if not lines[j].reason:
                    lines[j].reason = "related_list"
                j += 1
            i = j
        else:
            i += 1
    # a trailing heading or label with no kept prose after it belongs to what follows
    for i in range(end, start - 1, -1):
        ln = lines[i]
        if ln.reason:
            continue
        if ln.prose or ln.text[-1] in TERMINAL:  # a sentence (a credit line, a last fact) stays
            break
        ln.reason = "related_list"


def off_topic(lines: list[Line], start: int, end: int, title: str | None) -> None:
    """Drop a paragraph that sits apart from the body (after removed chrome) and shares almost no
    vocabulary with the title, the lead and the rest: a paragraph from another story."""
    body = [i for i in range(start, end + 1) if not lines[i].reason and lines[i].prose]
    if len(body) < 4:
        return
    candidates = [i for i in body[2:] if i > 0 and lines[i - 1].reason not in _NOT_CHROME]
    if not candidates:
        return
    tokens = {i: content_tokens(lines[i].text) for i in body}
    lead = set(content_tokens(title or ""))
    for i in body[:2]:
        lead |= tokens[i]
    counts: Counter[str] = Counter()
    for toks in tokens.values():
        counts.update(toks)
    repeated = {t for t, c in counts.items() if c > 1}
    for i in candidates:
        toks = tokens[i]
        if len(toks) < 8:
            continue
        if len(toks & lead) < 0.1 * len(toks) and len(toks & repeated) < 0.2 * len(toks):
            lines[i].reason = "off_topic"
