"""Line classification for flattened text: keep the article body, drop the rest with a reason.

Signals are general: sentence-like lines vs runs of short ones, the densest run of prose
(a maximum-sum segment), headings that open lists of other stories, a multilingual
boilerplate lexicon, repetition, truncation, similarity to the title and lead, and spam terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newswire.cleaner import lexicon
from newswire.cleaner.features import TERMINAL, TRUNCATED, Line, features
from newswire.cleaner.meta import BYLINE_RE, find_date, is_dateline, parse_byline
from newswire.cleaner.region import best_segment, detached_lead, hard_stop, inner_rules, off_topic

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
class Verdict:
    """What the classifier decided: kept lines, removed pieces and metadata found on the way."""

    kept: list[str]
    removed: list[tuple[str, str]]
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published_at: str | None = None
    spam_lines: int = 0
    spam_terms: list[str] = field(default_factory=list)


def _lexicon_reason(ln: Line, spammy: bool, legal: bool = True) -> str:
    text = ln.text
    if ln.chars > 600:
        return ""
    low = ln.low
    if ln.chars <= 60:
        r = lexicon.exact_reason(text, low)
        if r:
            return r
    if ln.chars <= 30 and lexicon.wire_credit(text, low):
        return "boilerplate"
    if legal and lexicon.is_legal(text, low):
        return "legal"
    if ln.chars <= 220 and lexicon.inline_teaser(text, low):
        return "related_list"
    if lexicon.credit_line(text, low):
        return "boilerplate"
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


_OPENERS = frozenset("([{“‘«\"'—–-,/")


_CLOSERS = frozenset(".,;:!?)]}”’%…")  # straight quotes open as often as they close: not here


def _standalone(line: str) -> bool:
    """An e-mail address on its own line: a contact line, never the rest of a sentence (a bare URL
    is often a link's text that belongs to the line before it)."""
    return " " not in line and "@" in line and "." in line


def _join_fragments(raw: list[str]) -> list[str]:
    """Re-join a sentence that a flattener split at its inline links ("said" / "Reuters" / "on Monday.").

    A line continues the previous one when it starts in lower case or with closing punctuation,
    or when the previous one ends on an opening bracket, quote, dash or comma.
    """
    out: list[str] = []
    n = len(raw)
    for k, line in enumerate(raw):
        if not line:
            out.append(line)
            continue
        if out and out[-1] and out[-1].count(" ") >= 4:  # only a sentence in progress continues
            prev = out[-1]
            head = line[0]
            if prev[-1] not in TERMINAL or prev[-1] in ",;":
                joins = head.islower() or head in _CLOSERS or prev[-1] in _OPENERS
                if not joins and line.count(" ") < 4 and line[-1] not in TERMINAL and k + 1 < n and raw[k + 1]:
                    # a capitalised name in the middle of a sentence: "... creating" / "Fargo" / "and ..."
                    nxt = raw[k + 1][0]
                    joins = nxt.islower() or nxt in _CLOSERS
                if joins and not lexicon.exact_reason(line) and not BYLINE_RE.match(line) \
                        and not _standalone(line) and not is_dateline(prev):
                    out[-1] = prev + ("" if head in _CLOSERS or prev[-1] in "([{“‘«/" else " ") + line
                    continue
        out.append(line)
    return out


_BIO_CONTACT = re.compile(
    r"\b(?:contact|reach|e-?mail|follow) (?:him|her|the (?:reporter|writer|author))(?: at| on| via|:)"
    r"|^the (?:writer|author|reporter) (?:is|was|can be)\b"
)
_BIO_VERBS = frozenset({"is", "was", "covers", "covered", "writes", "reports", "has", "joined", "edits", "can",
                        "lives"})
_BIO_TAIL = 2


def _author_bio(ln: Line, authors: list[str]) -> bool:
    """A closing line about the writer: "Jane Roe covers city hall...", "Contact her at ...", "The author is ..."."""
    if ln.chars > 400:
        return False
    low = ln.low
    for name in authors:
        key = name.lower() + " "
        if low.startswith(key) and low[len(key):].split(" ", 1)[0] in _BIO_VERBS:
            return True
    return _BIO_CONTACT.search(low) is not None


def _drop_author_bio(lines: list[Line], authors: list[str]) -> None:
    """The last kept lines of an article, when they are the writer's biography or contact details."""
    seen = 0
    for ln in reversed(lines):
        if ln.reason:
            continue
        if not _author_bio(ln, authors):
            return
        ln.reason = "author_bio"
        seen += 1
        if seen >= _BIO_TAIL:
            return


def classify(text: str, title_hint: str | None = None, region: bool = True, captions: bool = True,
             authors_hint: list[str] | None = None) -> Verdict:
    """Split text into lines and decide each: kept as body, or removed with a reason.

    `region=False` is for text already cut out of a page's DOM; `captions=False` drops lines that
    end in a photo credit (figure captions are not body text: "... (AP Photo/Jane Roe)"); `authors_hint`
    names the writers found outside the text (a closing line about them is their biography).
    """
    raw_lines = _join_fragments([s.strip() for s in text.splitlines()]) if region else text.splitlines()
    lines = [features(s.strip()) for s in raw_lines if s and not s.isspace()]
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
        start, end = best_segment(lines)
        if end < start:
            start, end = 0, len(lines) - 1
        # short closing sentences right after the body ("The budget takes effect on July 1.")
        while end + 1 < len(lines) and not lines[end + 1].reason and lines[end + 1].words >= 3 \
                and lines[end + 1].text[-1] in ".!?。！？\"”":
            end += 1
    else:
        start, end = 0, hard_stop(lines)
    lead = detached_lead(lines, start, end) if region else None
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
            if ln.prose and ln.text.endswith(("…", "...")) and TRUNCATED.search(ln.text[-8:]):
                ln.reason = "truncated_teaser"
            else:
                ln.reason = after_terminator or ("related_list" if ln.words < 20 else "off_topic")
    if region:
        inner_rules(lines, start, end)
        off_topic(lines, start, end, verdict.title or title_hint)
    _drop_author_bio(lines, verdict.authors or authors_hint or [])
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
