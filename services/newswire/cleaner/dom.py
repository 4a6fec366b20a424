"""Flatten an HTML page into text blocks with the DOM signals main-content selection needs.

One walk over the lexbor tree (selectolax, no network, no DTDs) yields every visible block of
text with its tag, link share, block-level ancestors and boilerplate hints from class and id.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "svg", "iframe", "head", "select", "option",
    "button", "input", "textarea", "object", "embed", "canvas", "math", "video", "audio",
    "map", "link", "meta", "dialog",
})
BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
    "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "figure", "figcaption",
    "header", "footer", "nav", "aside", "form", "address", "details", "summary", "center",
    "fieldset", "legend", "caption", "tbody", "thead", "tfoot", "hr", "body", "html", "menu",
    "hgroup", "picture",
})
CHROME_TAGS = frozenset({"nav", "footer", "aside", "menu"})

# Class/id words that mark page chrome. Strong ones hold even inside a "content" class
# (a "comment-content" is still a comment); weak ones yield to positive words.
STRONG_NEGATIVE_RE = re.compile(
    r"(?:^|[-_\s])(?:comments?|commentlist|comment_\w+|disqus|replies|related|share|sharing|sharebar|"
    r"social|sidebar|footer|nav|navbar|navigation|menu|newsletter|subscribe|subscription|signup|"
    r"cookie\w*|consent|gdpr|paywall|outbrain|taboola|recommend\w*|trending|most-?read|"
    r"most-?popular|breadcrumbs?|masthead|skip|more-?stories|newsfeed|jump-?links?)(?:$|[-_\s\d])",
    re.I,
)
NEGATIVE_RE = re.compile(
    r"(?:^|[-_\s])(?:ad|ads|advert\w*|banner|combx|community|remark|rss|shoutbox|skyscraper|"
    r"sponsor\w*|promo\w*|popup|popular|widget|pagination|pager|tags?|byline|author-?bio|bio|meta|"
    r"dateline|timestamp|caption|credit|modal|toolbar|ticker|teaser|read-?more|login|account|"
    r"toc|header|top-?bar|copyright|legal|disclaimer|hidden|print|tools|utility)(?:$|[-_\s\d])",
    re.I,
)
POSITIVE_RE = re.compile(
    r"article|body|content|entry|main|post|story|text|blog|prose|rich-?text|paragraph", re.I
)
_WS = re.compile(r"\s+")
MAX_DEPTH = 200
"""Deeper block elements are read as inline: paths stay short on hostile, deeply nested pages."""
INLINE_TAGS = (
    "span", "b", "i", "em", "strong", "font", "small", "u", "sup", "sub", "abbr", "time", "mark", "cite",
    "q", "label", "s", "del", "ins", "big", "code", "var", "kbd", "dfn", "bdi", "bdo", "nobr", "tt",
    "strike", "data", "output", "meter", "progress",
)
_HIDDEN_CSS = '[hidden], [style*="display:none"], [style*="display: none"], [style*="visibility:hidden"]'


_CHROME_REASON = {"nav": "navigation", "aside": "related_list", "footer": "boilerplate"}


def prune(tree: LexborHTMLParser, chrome: bool = False) -> list[tuple[str, str]]:
    """Drop invisible subtrees (and with `chrome`, nav/aside/footer) in C, so the Python walk is short.

    Returns the visible text of the chrome it dropped, with a reason, for the `removed` list.
    """
    tree.strip_tags(list(SKIP_TAGS - {"head"}))
    dropped: list[tuple[str, str]] = []
    if chrome:
        last = ""
        for node in tree.css("nav, aside, footer"):
            text = _WS.sub(" ", node.text(separator=" ")).strip()
            if text and text not in last:
                dropped.append((text, _CHROME_REASON.get(node.tag or "", "boilerplate")))
                last = text
        tree.strip_tags(["nav", "aside", "footer"])
    for node in tree.css(_HIDDEN_CSS):
        if node.tag not in ("html", "body"):
            node.decompose()
    tree.unwrap_tags(list(INLINE_TAGS))
    tree.merge_text_nodes()
    return dropped


@dataclass(slots=True)
class Frame:
    """A block-level element on the walk: identity, tag, parent and class/id verdicts."""

    uid: int
    tag: str
    parent: int
    negative: bool
    positive: bool
    strong: bool = False
    chars: int = 0
    link_chars: int = 0
    para_chars: int = 0
    score: float = 0.0


@dataclass(slots=True)
class Block:
    """A run of text between block boundaries, with the frames that contain it."""

    text: str
    tag: str
    link_chars: int
    path: tuple[int, ...]
    chrome: bool
    negative: bool


@dataclass(slots=True)
class Page:
    """The parsed page: blocks in document order, frames by uid, and head metadata."""

    blocks: list[Block]
    frames: dict[int, Frame]
    meta: dict[str, str]
    stripped: list[tuple[str, str]] = field(default_factory=list)


def parse(html: str) -> LexborHTMLParser:
    """Parse HTML with lexbor: fast, tolerant, and it never fetches anything."""
    return LexborHTMLParser(html)


@functools.lru_cache(maxsize=4096)
def class_verdict(cid: str) -> tuple[bool, bool, bool]:
    """(strong negative, negative, positive) for a class/id/role string; cached, pages repeat them."""
    if not cid.strip():
        return False, False, False
    strong = bool(STRONG_NEGATIVE_RE.search(cid))
    pos = bool(POSITIVE_RE.search(cid))
    neg = strong or (not pos and bool(NEGATIVE_RE.search(cid)))
    return strong, neg, pos and not strong


def _classid(node: LexborNode) -> str:
    attrs = node.attributes
    return f"{attrs.get('class') or ''} {attrs.get('id') or ''} {attrs.get('role') or ''}"


def walk(tree: LexborHTMLParser, max_nodes: int = 50_000) -> tuple[list[Block], dict[int, Frame]]:
    """Every visible text block of the body in order, iteratively (deep nesting is safe)."""
    root = tree.body or tree.root
    blocks: list[Block] = []
    frames: dict[int, Frame] = {}
    if root is None:
        return blocks, frames
    buf: list[str] = []
    link_chars = 0
    frame_stack: list[Frame] = []
    path_stack: list[tuple[int, ...]] = [()]
    chrome_depth = 0
    neg_depth = 0
    link_depth = 0
    has_text = False

    def flush() -> None:
        nonlocal buf, link_chars, has_text
        if has_text:
            has_text = False
            text = _WS.sub(" ", "".join(buf)).strip()
            if text and frame_stack:
                blocks.append(Block(text=text, tag=frame_stack[-1].tag, link_chars=min(link_chars, len(text)),
                                    path=path_stack[-1], chrome=chrome_depth > 0, negative=neg_depth > 0))
        buf = []
        link_chars = 0

    # Stack items are nodes to enter, or ("/", tag, frame) markers to leave a block or a link;
    # inline elements need no marker, which keeps the walk short.
    stack: list[Any] = [root]
    seen = 0
    block_tags, skip_tags, chrome_tags = BLOCK_TAGS, SKIP_TAGS, CHROME_TAGS
    while stack:
        item = stack.pop()
        if type(item) is tuple:
            _, tag, fr = item
            if fr is None:
                link_depth -= 1
                continue
            if has_text:
                flush()
            frame_stack.pop()
            path_stack.pop()
            if tag in chrome_tags:
                chrome_depth -= 1
            if fr.negative:
                neg_depth -= 1
            continue
        node = item
        tag = node.tag
        seen += 1
        if seen > max_nodes:
            break
        if tag == "-text":
            t = node.text_content
            if t:
                buf.append(t)
                if not has_text and not t.isspace():
                    has_text = True
                if link_depth:
                    link_chars += len(t.strip())
            continue
        if tag is None or tag[0] == "-" or tag in skip_tags:
            continue
        if tag == "br":
            if has_text:
                flush()
            continue
        if tag in block_tags and len(frame_stack) < MAX_DEPTH:
            if has_text:
                flush()
            if tag in ("body", "html"):
                strong, neg, pos = False, False, False
            else:
                strong, neg, pos = class_verdict(_classid(node))
            parent = frame_stack[-1].uid if frame_stack else 0
            fr = Frame(uid=node.mem_id, tag=tag, parent=parent, negative=neg, positive=pos, strong=strong)
            frames[fr.uid] = fr
            frame_stack.append(fr)
            path_stack.append(path_stack[-1] + (fr.uid,))
            if tag in chrome_tags:
                chrome_depth += 1
            if neg:
                neg_depth += 1
            stack.append(("/", tag, fr))
        elif tag == "a":
            link_depth += 1
            stack.append(("/", tag, None))
        elif tag == "img":
            continue
        child = node.last_child
        while child is not None:
            stack.append(child)
            child = child.prev
    flush()
    return blocks, frames


_META_KEYS = {
    "og:title": "title", "twitter:title": "title", "author": "author", "article:author": "author",
    "byl": "author", "dc.creator": "author", "parsely-author": "author", "sailthru.author": "author",
    "article:published_time": "date", "datepublished": "date", "pubdate": "date", "date": "date",
    "dc.date": "date", "dc.date.issued": "date", "parsely-pub-date": "date", "publish-date": "date",
    "sailthru.date": "date", "og:locale": "locale", "content-language": "language",
    "og:site_name": "site", "application-name": "site",
}
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')
_JSONLD_AUTHOR = re.compile(r'"author"\s*:\s*(?:\[\s*)?\{[^{}]*?"name"\s*:\s*"([^"]{2,80})"')


def head_meta(tree: LexborHTMLParser) -> dict[str, str]:
    """Title, author, date and language from <title>, <meta>, <html lang> and JSON-LD."""
    meta: dict[str, str] = {}
    html_node = tree.css_first("html")
    if html_node is not None:
        lang = html_node.attributes.get("lang")
        if lang:
            meta["lang"] = lang
    for node in tree.css("meta"):
        attrs = node.attributes
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
               or attrs.get("http-equiv") or "").lower()
        value = attrs.get("content")
        name = _META_KEYS.get(key)
        if name and value and name not in meta:
            meta[name] = _WS.sub(" ", value).strip()
    title = tree.css_first("title")
    if title is not None:
        meta.setdefault("html_title", _WS.sub(" ", title.text()).strip())
    h1 = tree.css_first("h1")
    if h1 is not None:
        meta["h1"] = _WS.sub(" ", h1.text()).strip()
    for node in tree.css('script[type="application/ld+json"]'):
        raw = node.text() or ""
        if "date" not in meta:
            m = _JSONLD_DATE.search(raw)
            if m:
                meta["date"] = m.group(1)
        if "author" not in meta:
            m = _JSONLD_AUTHOR.search(raw)
            if m:
                meta["author"] = m.group(1)
    return meta


def load_page(html: str) -> Page:
    """Parse once and return the blocks, frames and head metadata of a page."""
    tree = parse(html)
    meta = head_meta(tree)
    stripped = prune(tree, chrome=True)
    blocks, frames = walk(tree)
    return Page(blocks=blocks, frames=frames, meta=meta, stripped=stripped)


def visible_text(html: str) -> str:
    """The page's full visible text, one block per line, as a scraper without HTML flattens it."""
    tree = parse(html)
    prune(tree)
    blocks, _ = walk(tree)
    return "\n".join(b.text for b in blocks)
