"""Line classification for flattened text: keep the article body, drop the rest with a reason.

Signals are general: sentence-like lines vs runs of short ones, the densest run of prose
(a maximum-sum segment), headings that open lists of other stories, a multilingual
boilerplate lexicon, repetition, truncation, similarity to the title and lead, and spam terms.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from newswire.cleaner import lexicon
from newswire.cleaner.meta import BYLINE_RE, find_date, is_dateline, parse_byline

_TERMINAL = frozenset('.!?。！？…"”’»)』」:;')
_TRUNCATED = re.compile(r"[^\W\d_](?:…|\.\.\.)\s*$")
_CAPTION = re.compile(
    r"\((?:[^()]*?(?:photo|foto|image|getty|afp|reuters|ap|epa|via|credit)[^()]*)\)\s*$"
    r"|\b(?:photo|photograph|image|foto|bild)\s*(?::|by|credit)|\bgetty images\b|/\s*(?:afp|ap|reuters|epa)\b",
    re.I,
)


# A caption's closing credit: "(Image: GETTY)", "(Photo: Jane Roe/AP)", "Getty Images", "/AFP".
_CREDIT_END = re.compile(
    r"(?:\((?:image|images|photo|photos|picture|pic|foto|bild|credit|source)s?\s*:[^()]{1,80}\)"
    r"|\([^()]{0,60}/\s*(?:getty images|afp|ap|reuters|epa|shutterstock|alamy|pa)\b[^()]{0,40}\)"
    r"|\((?:getty images|ap photo|afp photo|reuters photo|epa photo|shutterstock)[^()]{0,40}\)"
    r"|getty images|/\s*(?:afp|ap|reuters|epa))\s*\.?$",
    re.I,
)


@dataclass(slots=True)
class Line:
    """One non-empty input line with its features and verdict."""

    text: str
    low: str
    chars: int
    words: int
    prose: bool
    reason: str = ""


@dataclass(slots=True)
class Verdict:
    """What the classifier decided: kept lines, removed pieces and metadata found on the way."""

    kept: list[str]
    removed: list[tuple[str, str]]
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published_at: str | None = None
    spam_lines: int = 0
    spam_terms: list[str] = field(default_factory=list)


def _features(text: str) -> Line:
    n = len(text)
    words = text.count(" ") + 1
    if words * 12 < n:  # scripts without spaces (CJK): count characters as half-words
        words = max(words, n // 2)
    terminal = text[-1] in _TERMINAL
    prose = (words >= 10 and terminal) or (words >= 22 and not _cloud_like(text))
    return Line(text=text, low=text.lower(), chars=n, words=words, prose=prose)


# Frequent function words of a few languages, left out of vocabulary overlap (never used to drop text).
_FUNCTION = frozenset(
    "this that with from have were they their which would about after there these those been will into "
    "than them when what while where also said says other more some such only over under could should "
    "dass eine einer einem einen sich nicht auch nach wird sind oder aber wenn noch über durch "
    "dans pour avec sont mais plus leur cette comme elle nous vous être "
    "para como pero esta este más sobre entre desde también "
    "della delle sono anche come dopo"
    .split()
)


_NOT_CHROME = frozenset({"", "duplicate_line", "caption_repeat", "title", "byline", "dateline"})


def _cloud_like(text: str) -> bool:
    """A long line of mostly capitalised words without a full stop: a tag cloud or a menu, not prose."""
    toks = text.split()
    caps = sum(1 for t in toks if t[:1].isupper())
    return caps > 0.6 * len(toks) or "." not in text and caps > 0.4 * len(toks)


def _content_tokens(text: str) -> set[str]:
    return {t[:5] for t in text.lower().split() if len(t) >= 4 and t[0].isalpha() and t not in _FUNCTION}


def _lexicon_reason(ln: Line, spammy: bool, legal: bool = True) -> str:
    text = ln.text
    if ln.chars > 600:
        return ""
    low = ln.low
    if ln.chars <= 60:
        r = lexicon.exact_reason(text, low)
        if r:
            return r
    if legal and lexicon.is_legal(text, low):
        return "legal"
    if ln.chars <= 220:
        r = lexicon.phrase_reason(text, strong_only=ln.prose and ln.words > 14, low=low)
        if r:
            return r
    if ln.chars <= 40 and lexicon.is_relative_time(text):
        return "news_feed"
    if spammy and (not ln.prose or ln.words <= 12) and lexicon.is_spam_line(text):
        return "spam_injection"
    if spammy and ln.prose and len(set(lexicon.spam_hits(text))) >= 3:
        return "spam_injection"  # keyword-stuffed "sentence"
    return ""


def _headline_like(ln: Line) -> bool:
    """A headline: a few words, no sentence punctuation at the end."""
    return not ln.prose and 3 <= ln.words <= 25 and ln.text[-1] not in _TERMINAL


def _teaser_context(lines: list[Line], i: int, start: int, end: int) -> bool:
    """A cut-off line reads as a teaser among other teasers, headlines or chrome, not inside a quote."""
    if i == end and i > start:
        return True
    for j in (i - 1, i + 1):
        if start <= j <= end and (_headline_like(lines[j]) or lines[j].reason not in ("", "duplicate_line")):
            return True
    return False


def _menu_like(text: str) -> bool:
    """A menu entry: a few capitalised words, no sentence punctuation (not "Eat every 2 hours")."""
    if text[-1] in _TERMINAL:
        return False
    return all(not w[:1].isalpha() or w[:1].isupper() or len(w) <= 3 for w in text.split())


def _best_segment(lines: list[Line]) -> tuple[int, int]:
    """Maximum-sum run of lines: prose earns its length, chrome and short lines cost."""
    best, best_span = 0.0, (0, -1)
    cur, start = 0.0, 0
    seen_prose = False
    for i, ln in enumerate(lines):
        if ln.reason in ("terminator", "legal") and seen_prose and best >= 500:
            break  # comments, a news feed or the copyright line: the article is over
        if ln.reason == "soft_terminator" and seen_prose:
            # what follows must outweigh a good part of the body to be read as its continuation
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
        elif ln.words >= 6 or not _menu_like(ln.text):
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


_OPENERS = frozenset("([{“‘«\"'—–-,/")
_CLOSERS = frozenset(".,;:!?)]}”’%…")  # straight quotes open as often as they close: not here


def _join_fragments(raw: list[str]) -> list[str]:
    """Re-join a sentence that a flattener split at its inline links ("said" / "Reuters" / "on Monday.").

    A line continues the previous one when it starts in lower case or with closing punctuation,
    or when the previous one ends on an opening bracket, quote, dash or comma.
    """
    out: list[str] = []
    for line in raw:
        if not line:
            out.append(line)
            continue
        if out and out[-1] and out[-1].count(" ") >= 4:  # only a sentence in progress continues
            prev = out[-1]
            head = line[0]
            if prev[-1] not in _TERMINAL or prev[-1] in ",;":
                if (head.islower() or head in _CLOSERS or prev[-1] in _OPENERS) and not lexicon.exact_reason(line) \
                        and not BYLINE_RE.match(line):
                    out[-1] = prev + ("" if head in _CLOSERS or prev[-1] in "([{“‘«/" else " ") + line
                    continue
        out.append(line)
    return out


def _hard_stop(lines: list[Line]) -> int:
    """Index of the last line before comments, a news feed or the copyright line, once a body exists."""
    prose = 0
    for i, ln in enumerate(lines):
        if ln.reason in ("terminator", "legal") and prose >= 500:
            return i - 1
        if ln.prose and not ln.reason:
            prose += ln.chars
    return len(lines) - 1


def classify(text: str, title_hint: str | None = None, region: bool = True, captions: bool = True) -> Verdict:
    """Split text into lines and decide each: kept as body, or removed with a reason.

    `region=False` is for text already cut out of a page's DOM; `captions=False` drops lines that
    end in a photo credit (the HTML path, where figure captions are not body text).
    """
    raw_lines = _join_fragments([s.strip() for s in text.splitlines()]) if region else text.splitlines()
    lines = [_features(s.strip()) for s in raw_lines if s and not s.isspace()]
    verdict = Verdict(kept=[], removed=[])
    if not lines:
        return verdict
    low_text = text.lower()
    verdict.spam_terms = lexicon.spam_hits(low_text)
    legal = lexicon.may_be_legal(low_text)
    spammy = bool(verdict.spam_terms)
    seen: dict[str, int] = {}
    title_key = title_hint.strip().lower() if title_hint else None
    for i, ln in enumerate(lines):
        key = ln.low
        if key in seen and ln.words >= 2:
            # an interview may repeat a question; a doubled caption or a pasted paragraph is noise
            near = i - seen[key] == 1
            if _CAPTION.search(ln.text) or (near and ln.words >= 8):
                ln.reason = "caption_repeat"
                continue
            if near and ln.words >= 4:
                ln.reason = "duplicate_line"
                continue
        seen[key] = i
        if title_key and key == title_key:
            ln.reason = "title"
            continue
        kind = lexicon.terminator_kind(ln.text) if ln.chars <= 60 else ""
        if kind:
            ln.reason = "terminator" if kind == "hard" else "soft_terminator"
            continue
        ln.reason = _lexicon_reason(ln, spammy, legal)
        if not captions and not ln.reason and ln.chars <= 400 and _CREDIT_END.search(ln.text[-90:]):
            ln.reason = "caption"
    if region:
        start, end = _best_segment(lines)
        if end < start:
            start, end = 0, len(lines) - 1
        # short closing sentences right after the body ("The budget takes effect on July 1.")
        while end + 1 < len(lines) and not lines[end + 1].reason and lines[end + 1].words >= 3 \
                and lines[end + 1].text[-1] in ".!?。！？\"”":
            end += 1
    else:
        start, end = 0, _hard_stop(lines)
    lead = _detached_lead(lines, start, end) if region else None
    _metadata(lines, start if lead is None else lead, verdict, title_hint)
    after_terminator = ""
    for i, ln in enumerate(lines):
        if ln.reason in ("terminator", "soft_terminator"):
            after_terminator = "news_feed" if "feed" in ln.text.lower() else "related_list"
            if "repl" in ln.text.lower() or "comment" in ln.text.lower():
                after_terminator = "comment_form"
        if i < start and not ln.reason and i != lead:
            ln.reason = "navigation"
        elif i > end and not ln.reason:
            if ln.prose and ln.text.endswith(("…", "...")) and _TRUNCATED.search(ln.text[-8:]):
                ln.reason = "truncated_teaser"
            else:
                ln.reason = after_terminator or ("related_list" if ln.words < 20 else "off_topic")
    if region:
        _inner_rules(lines, start, end)
        _off_topic(lines, start, end, verdict.title or title_hint)
    for ln in lines:
        if ln.reason in ("terminator", "soft_terminator"):
            ln.reason = "related_list"
        elif ln.reason == "legal":
            ln.reason = "boilerplate"
        if ln.reason:
            verdict.removed.append((ln.text, ln.reason))
            if ln.reason == "spam_injection":
                verdict.spam_lines += 1
        else:
            verdict.kept.append(ln.text)
    if not verdict.kept:
        # a one-line item (a headline-only wire flash) is its own body
        titles = [t for t, r in verdict.removed if r == "title"]
        if titles:
            verdict.kept = titles[:1]
            verdict.removed = [(t, r) for t, r in verdict.removed if (t, r) != (titles[0], "title")]
    return verdict


def _metadata(lines: list[Line], start: int, verdict: Verdict, title_hint: str | None) -> None:
    """Bylines and datelines near the top become metadata; the headline becomes the title."""
    for i in range(max(0, start - 8), min(len(lines), start + 3)):
        ln = lines[i]
        if ln.reason and ln.reason not in ("navigation", "boilerplate"):
            continue
        by = parse_byline(ln.text)
        if by is not None:
            authors, iso = by
            if not verdict.authors:
                verdict.authors = authors
            if iso and not verdict.published_at:
                verdict.published_at = iso
            ln.reason = "byline"
            continue
        if is_dateline(ln.text) or (ln.reason == "boilerplate" and find_date(ln.text)[0] and ln.chars <= 80):
            iso, _ = find_date(ln.text)
            if iso and not verdict.published_at:
                verdict.published_at = iso
            ln.reason = "dateline"
    if title_hint:
        verdict.title = lexicon.strip_spam(title_hint) if verdict.spam_terms else title_hint
        return
    # the headline: the last heading-like line before the body starts
    for i in range(min(start, len(lines) - 1), -1, -1):
        ln = lines[i]
        if ln.reason in ("byline", "dateline", "caption_repeat") or (ln.reason == "" and i >= start and ln.prose):
            continue
        headline = 3 <= ln.words <= 30 and not ln.prose and ln.text[-1] not in ".;"
        if headline and ln.reason in ("", "navigation", "spam_injection"):
            title = ln.text
            if ln.reason == "spam_injection":
                title = lexicon.strip_spam(title)
            verdict.title = title or None
            if ln.reason != "spam_injection":
                ln.reason = "title"
            return
        if i < start - 6:
            return


def _detached_lead(lines: list[Line], start: int, end: int) -> int | None:
    """A lead paragraph cut off from the body by a widget (a stock table, a video box): a long
    prose line shortly before the body, with nothing but short lines between, on the same topic."""
    candidate = None
    for i in range(start - 1, max(-1, start - 26), -1):
        ln = lines[i]
        if ln.reason and ln.reason not in ("caption_repeat", "duplicate_line"):
            return None
        if ln.prose and ln.chars >= 120:
            candidate = i
            break
    if candidate is None:
        return None
    body_tokens: set[str] = set()
    for i in range(start, min(end + 1, start + 8)):
        if lines[i].prose and not lines[i].reason:
            body_tokens |= _content_tokens(lines[i].text)
    toks = _content_tokens(lines[candidate].text)
    if toks and len(toks & body_tokens) >= 0.3 * len(toks):
        return candidate
    return None


def _inner_rules(lines: list[Line], start: int, end: int) -> None:
    """Inside the body: truncated teasers, short-line runs, and headings with no body after them."""
    for i in range(start, end + 1):
        ln = lines[i]
        if ln.reason:
            continue
        if ln.chars >= 60 and ln.text.endswith(("…", "...")) and _TRUNCATED.search(ln.text[-8:]) \
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
        if ln.prose or ln.text[-1] in _TERMINAL:  # a sentence (a credit line, a last fact) stays
            break
        ln.reason = "related_list"


def _off_topic(lines: list[Line], start: int, end: int, title: str | None) -> None:
    """Drop a paragraph that sits apart from the body (after removed chrome) and shares almost no
    vocabulary with the title, the lead and the rest: a paragraph from another story."""
    body = [i for i in range(start, end + 1) if not lines[i].reason and lines[i].prose]
    if len(body) < 4:
        return
    candidates = [i for i in body[2:] if i > 0 and lines[i - 1].reason not in _NOT_CHROME]
    if not candidates:
        return
    tokens = {i: _content_tokens(lines[i].text) for i in body}
    lead = set(_content_tokens(title or ""))
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
