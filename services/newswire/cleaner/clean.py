"""The cleaner's entry point: one RawArticle in, one CleanArticle out, never an exception."""

from __future__ import annotations

import re

from newswire.cleaner.dom import Block, load_page
from newswire.cleaner.extract import select
from newswire.cleaner.lines import Verdict, classify
from newswire.cleaner.meta import detect_language, normalise_date, parse_byline
from newswire.cleaner.spam import page_quality, score_spam
from newswire.core.errors import NewswireError
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


_HEADER_BLOCKS = 40
_PARAGRAPH_CHARS = 120


def _header_byline(blocks: list[Block], kept: list[Block]) -> list[str]:
    """Authors from a byline block above the article's first kept block: a byline styled as page
    chrome ("byline" class, the names as links) is dropped by the selection, its names are not."""
    # above the first paragraph: a standfirst or a subheading may be kept before the byline
    first = next((b for b in kept if len(b.text) >= _PARAGRAPH_CHARS), None)
    for b in blocks[:_HEADER_BLOCKS]:
        if b is first:
            break
        if len(b.text) <= 160 and not b.chrome:
            by = parse_byline(b.text)
            if by is not None:
                return by[0]
    return []


def _from_html(raw: RawArticle, html: str) -> tuple[Verdict, dict[str, str], str]:
    page = load_page(html)
    meta = page.meta
    sel = select(page)
    title = raw.title or meta.get("title") or meta.get("h1") or meta.get("html_title")
    body = "\n".join(b.text for b in sel.blocks)
    header_authors = [] if meta.get("author") else _header_byline(page.blocks, sel.blocks)
    verdict = classify(body, title_hint=title, region=False, captions=False,
                       authors_hint=[meta["author"]] if meta.get("author") else header_authors)
    dropped = [(b.text, reason) for b, reason in sel.dropped]
    verdict.removed = page.stripped + dropped + verdict.removed
    verdict.title = title
    if not verdict.authors:
        verdict.authors = header_authors
    page_text = "\n".join([b.text for b in page.blocks] + [t for t, _ in page.stripped])
    return verdict, meta, page_text


_TAG = re.compile(r"<[^<>]*(?:>|(?=<))")
"""A tag, or an unclosed tag's head up to the next "<": stopping at "<" keeps the scan linear on
"<p<p<p..." (a pattern reading to the next ">" rescanned the rest of the page from every "<")."""
_INVISIBLE_OPEN = re.compile(r"<(script|style|svg|noscript|template)\b", re.I)
_INVISIBLE_CLOSE = {name: re.compile(rf"</{name}\s*>", re.I) for name in ("script", "style", "svg", "noscript",
                                                                          "template")}
_TAG_EDGE = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
_SIBLING_CLOSES = frozenset({"p", "li", "dt", "dd", "tr", "td", "th", "option"})
"""Elements a start tag of the same name closes when it is the innermost one ("<p>a<p>b" is two paragraphs)."""
MANY_TAGS = 30_000
MAX_DEPTH = 3_000
"""A page with many tags is checked for nesting depth; past MAX_DEPTH it is read as tag-stripped
text, because HTML parsers slow down quadratically on hostile, deeply nested markup."""


def _too_deep(html: str) -> bool:
    """Whether a big page nests deeper than any real article page.

    An end tag closes the innermost open element of its name and those inside it, and one with no
    open element of its name closes nothing, as in a browser: "<div></i>" repeated nests every div
    (counting any end tag as a close read it as flat, and the parser then took 40 s on 1.4 MB)."""
    stack: list[str] = []
    open_count: dict[str, int] = {}
    for m in _TAG_EDGE.finditer(html):
        name = m.group(2).lower()
        if m.group(1):
            if open_count.get(name, 0) > 0:
                while True:  # each element is pushed once and popped once: linear over the page
                    top = stack.pop()
                    open_count[top] -= 1
                    if top == name:
                        break
        elif name not in _VOID:
            if name in _SIBLING_CLOSES and stack and stack[-1] == name:
                continue  # "<p>a<p>b": the new paragraph replaces the open one
            stack.append(name)
            open_count[name] = open_count.get(name, 0) + 1
            if len(stack) > MAX_DEPTH:
                return True
    return False


def _strip_invisible(html: str) -> str:
    """Drop script, style, svg, noscript and template elements; an unclosed one runs to the end of the
    page, as a parser reads it. One forward scan (a lazy regex per element rescanned the rest of the
    page from every unclosed "<svg>")."""
    parts: list[str] = []
    pos = 0
    while True:
        m = _INVISIBLE_OPEN.search(html, pos)
        if m is None:
            parts.append(html[pos:])
            break
        parts.append(html[pos:m.start()])
        close = _INVISIBLE_CLOSE[m.group(1).lower()].search(html, m.end())
        if close is None:
            break
        parts.append("\n")
        pos = close.end()
    return "".join(parts)


def _clean(raw: RawArticle) -> CleanArticle:
    html = raw.html
    meta: dict[str, str] = {}
    if html is not None and html.count("<") > MANY_TAGS and _too_deep(html):
        fmt, source = "html", html
        flat = _TAG.sub("\n", _strip_invisible(html))
        verdict = classify(flat, title_hint=raw.title, captions=False)
    elif html is not None:
        fmt, source = "html", html
        verdict, meta, flat = _from_html(raw, html)
    else:
        fmt, source = "text", raw.text or ""
        verdict = classify(source, title_hint=raw.title, captions=False)
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
    """Clean one article (HTML or text); on any failure of the page's own return an empty text saying why.

    The boundary's signals pass through: a StageTimeout raised into a slow parse must dead-letter the
    input (kept as an empty article, it was never found by a replay of timed-out messages)."""
    try:
        return _clean(raw)
    except NewswireError:
        raise
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
