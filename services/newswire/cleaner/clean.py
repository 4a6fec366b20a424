"""The cleaner's entry point: one RawArticle in, one CleanArticle out, never an exception."""

from __future__ import annotations

import re

from newswire.cleaner.dom import load_page
from newswire.cleaner.extract import select
from newswire.cleaner.lines import Verdict, classify
from newswire.cleaner.meta import detect_language, normalise_date
from newswire.cleaner.spam import page_quality, score_spam
from newswire.core.ids import article_id
from newswire.core.records import CleanArticle, RawArticle, Removed, Spam

_MAX_REMOVED_TEXT = 2000


def _compact(removed: list[tuple[str, str]]) -> list[Removed]:
    """Merge consecutive pieces removed for the same reason so the record stays small."""
    out: list[Removed] = []
    cur_reason = ""
    cur: list[str] = []
    for text, reason in removed:
        if reason != cur_reason and cur:
            out.append(Removed(text="\n".join(cur)[:_MAX_REMOVED_TEXT], reason=cur_reason))
            cur = []
        cur_reason = reason
        cur.append(text)
    if cur:
        out.append(Removed(text="\n".join(cur)[:_MAX_REMOVED_TEXT], reason=cur_reason))
    return out


def _language(code: str | None) -> str | None:
    if not code:
        return None
    code = code.strip().replace("_", "-").split("-")[0].lower()
    return code if 2 <= len(code) <= 3 and code.isalpha() else None


def _from_html(raw: RawArticle, html: str) -> tuple[Verdict, dict[str, str], str]:
    page = load_page(html)
    meta = page.meta
    sel = select(page)
    title = raw.title or meta.get("title") or meta.get("h1") or meta.get("html_title")
    body = "\n".join(b.text for b in sel.blocks)
    verdict = classify(body, title_hint=title, region=False, captions=False)
    dropped = [(b.text, reason) for b, reason in sel.dropped]
    verdict.removed = page.stripped + dropped + verdict.removed
    verdict.title = title
    page_text = "\n".join([b.text for b in page.blocks] + [t for t, _ in page.stripped])
    return verdict, meta, page_text


_TAG = re.compile(r"<[^>]*>")
_INVISIBLE = re.compile(r"<(script|style|svg|noscript|template)\b.*?</\1\s*>", re.S | re.I)
_TAG_EDGE = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
MANY_TAGS = 30_000
MAX_DEPTH = 3_000
"""A page with many tags is checked for nesting depth; past MAX_DEPTH it is read as tag-stripped
text, because HTML parsers slow down quadratically on hostile, deeply nested markup."""


def _too_deep(html: str) -> bool:
    """Whether a big page nests deeper than any real article page (a rough open/close count)."""
    depth = deepest = 0
    for m in _TAG_EDGE.finditer(html):
        if m.group(1):
            depth = max(0, depth - 1)
        elif m.group(2).lower() not in _VOID:
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_DEPTH:
                    return True
    return False


def _clean(raw: RawArticle) -> CleanArticle:
    html = raw.html
    meta: dict[str, str] = {}
    if html is not None and html.count("<") > MANY_TAGS and _too_deep(html):
        fmt, source = "html", html
        flat = _TAG.sub("\n", _INVISIBLE.sub("\n", html))
        verdict = classify(flat, title_hint=raw.title)
    elif html is not None:
        fmt, source = "html", html
        verdict, meta, flat = _from_html(raw, html)
    else:
        fmt, source = "text", raw.text or ""
        verdict = classify(source, title_hint=raw.title)
        flat = source
    text = "\n\n".join(verdict.kept)
    if not text and not verdict.removed:
        # nothing to keep and nothing dropped: say why the text is empty
        verdict.removed.append((source[:200], "empty_input" if not source.strip() else "no_article_text"))
    authors = verdict.authors or ([meta["author"]] if meta.get("author") else [])
    published = (normalise_date(raw.published_at) or normalise_date(meta.get("date"))
                 or verdict.published_at)
    language = _language(raw.language) or _language(meta.get("lang")) or detect_language(text or flat)
    spam = score_spam(flat, verdict.title, verdict.spam_lines, None if html is not None else verdict.spam_terms)
    quality = page_quality(text, len(source), spam)
    return CleanArticle(
        article_id=article_id(raw), url=raw.url, source=raw.source, title=verdict.title or raw.title,
        authors=authors, published_at=published, fetched_at=raw.fetched_at, language=language,
        text=text, removed=_compact(verdict.removed), spam=spam, quality=quality,
        input_format=fmt, input_chars=len(source),
    )


def clean_article(raw: RawArticle) -> CleanArticle:
    """Clean one article (HTML or text); on any failure return an empty text saying why."""
    try:
        return _clean(raw)
    except Exception as exc:  # noqa: BLE001 - the contract is "never raise"; the reason is kept
        source = raw.html or raw.text or ""
        try:
            aid = article_id(raw)
        except Exception:  # noqa: BLE001 - a malformed record still gets a stable placeholder id
            aid = "a_invalid"
        return CleanArticle(
            article_id=aid, url=str(raw.url), source=str(raw.source), title=None, authors=[],
            published_at=None, fetched_at=None, language=None, text="",
            removed=[Removed(text=str(source)[:200], reason=f"unparseable:{type(exc).__name__}")],
            spam=Spam(is_spam=False, score=0.0, reasons=[]), quality=0.0,
            input_format="html" if raw.html is not None else "text",
            input_chars=len(source) if isinstance(source, str) else 0,
        )
