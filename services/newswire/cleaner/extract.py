"""Main-content selection over a page's text blocks: pick the article container, keep its prose.

Readability-style scoring (text length and commas of paragraphs flow up to their ancestors,
damped by link density and class/id hints), computed over the flat block list so one DOM walk
is enough. The best container and its strong siblings form the article.
"""

from __future__ import annotations

from dataclasses import dataclass

from newswire.cleaner import lexicon
from newswire.cleaner.dom import Block, Frame, Page
from newswire.cleaner.meta import BYLINE_RE

PARA_TAGS = frozenset({"p", "pre", "td", "blockquote", "div", "section", "article", "dd", "li", "main", "span"})
_COMMAS = (",", "،", "，", "、")


@dataclass(frozen=True, slots=True)
class Selection:
    """The chosen blocks, the dropped ones with reasons, and how confident the choice is (0..1)."""

    blocks: list[Block]
    dropped: list[tuple[Block, str]]
    confidence: float


def _commas(text: str) -> int:
    return sum(text.count(c) for c in _COMMAS)


def _score_frames(blocks: list[Block], frames: dict[int, Frame]) -> None:
    for b in blocks:
        n = len(b.text)
        for uid in b.path:
            fr = frames[uid]
            fr.chars += n
            fr.link_chars += b.link_chars
    for b in blocks:
        n = len(b.text)
        if n < 25 or b.tag not in PARA_TAGS or b.chrome:
            continue
        if b.link_chars > 0.5 * n:
            continue
        s = 1.0 + _commas(b.text) + min(n / 100.0, 3.0)
        if b.tag == "li":  # list items are as often teasers as prose
            s *= 0.5
        for uid in b.path:
            frames[uid].para_chars += n
        # the block's own element is path[-1]; its container gets the full score
        for level, uid in enumerate(reversed(b.path[:-1])):
            if level == 0:
                frames[uid].score += s
            elif level == 1:
                frames[uid].score += s / 2
            elif level < 5:
                frames[uid].score += s / (level * 3)
            else:
                break
        frames[b.path[-1]].score += s


def _final_score(fr: Frame) -> float:
    ld = fr.link_chars / fr.chars if fr.chars else 1.0
    score = fr.score
    if fr.positive:
        score = score * 1.2 + 5.0
    if fr.strong:
        score *= 0.3
    elif fr.negative:
        score *= 0.6
    return score * (1.0 - ld)


def select(page: Page) -> Selection:
    """Pick the article blocks of a page and say why the rest was dropped."""
    blocks, frames = page.blocks, page.frames
    if not blocks:
        return Selection(blocks=[], dropped=[], confidence=0.0)
    _score_frames(blocks, frames)
    # a "negative" class on a container that holds most of the page's prose is a naming accident
    # ("entry-content share-enabled"): trust the text over the class name
    total_para = max((fr.para_chars for fr in frames.values()), default=0)
    for fr in frames.values():
        if fr.negative and fr.para_chars > 0.5 * total_para:
            fr.negative = fr.strong = False
    candidates = [fr for fr in frames.values() if fr.score > 0 and fr.tag not in ("body", "html")]
    if not candidates:
        return Selection(blocks=[b for b in blocks if not b.chrome],
                         dropped=[(b, "navigation") for b in blocks if b.chrome],
                         confidence=0.1)
    scored = sorted(((_final_score(fr), fr) for fr in candidates), key=lambda x: -x[0])
    top_score, top = scored[0]
    # an article split into sibling sections: climb to the ancestor that holds every
    # comparable candidate, as long as that ancestor is not mostly links or chrome
    top = _common_container(top, top_score, scored, frames)
    chosen = {top.uid}
    threshold = max(10.0, top_score * 0.2)
    for fr in frames.values():
        if fr.parent == top.parent and fr.uid != top.uid and top.parent:
            sc = _final_score(fr)
            if sc >= threshold:
                chosen.add(fr.uid)
    kept: list[Block] = []
    dropped: list[tuple[Block, str]] = []
    for b in blocks:
        inside = not chosen.isdisjoint(b.path)
        if not inside:
            dropped.append((b, _outside_reason(b)))
            continue
        reason = _block_reason(b, top.uid, frames)
        if reason:
            dropped.append((b, reason))
        else:
            kept.append(b)
    conf = min(1.0, top_score / 40.0) * (0.5 + 0.5 * min(1.0, sum(len(b.text) for b in kept) / 500))
    return Selection(blocks=kept, dropped=dropped, confidence=conf)


def _lineage(fr: Frame, frames: dict[int, Frame]) -> list[int]:
    out = [fr.uid]
    uid = fr.parent
    while uid in frames:
        out.append(uid)
        uid = frames[uid].parent
    return out


def _common_container(top: Frame, top_score: float, scored: list[tuple[float, Frame]],
                      frames: dict[int, Frame]) -> Frame:
    lineage = _lineage(top, frames)
    line_set = set(lineage)
    best = top
    for sc, fr in scored[1:12]:
        if sc < 0.5 * top_score:
            break
        if fr.uid in line_set or fr.strong or fr.tag in ("ul", "ol", "li"):
            continue
        if fr.link_chars > 0.2 * fr.chars:
            continue
        other = _lineage(fr, frames)
        if top.uid in other:
            continue
        other_set = set(other)
        lca = next((uid for uid in lineage if uid in other_set), None)
        if lca is None:
            continue
        anc = frames[lca]
        if anc.tag in ("body", "html") or anc.link_chars > 0.35 * anc.chars:
            continue
        if lineage.index(lca) > lineage.index(best.uid):
            best = anc
    return best


def _outside_reason(b: Block) -> str:
    """Why a block outside the article was dropped, as specific as cheap checks allow."""
    if b.tag == "h1":
        return "title"
    if b.chrome:
        return "navigation"
    text = b.text
    if len(text) <= 80:
        if BYLINE_RE.match(text):
            return "byline"
        reason = lexicon.exact_reason(text) or lexicon.phrase_reason(text)
        if reason:
            return reason
    if b.link_chars > 0.5 * len(text):
        return "navigation" if len(text) < 40 else "related_list"
    return "boilerplate"


def _block_reason(b: Block, top_uid: int, frames: dict[int, Frame]) -> str:
    n = len(b.text)
    if b.tag == "h1":
        return "title"
    if b.tag == "figcaption" or b.tag == "figure":
        return "caption"
    # chrome/negative containers *below* the chosen container
    below = b.path[b.path.index(top_uid) + 1:] if top_uid in b.path else b.path
    top_chars = frames[top_uid].chars if top_uid in frames else 0
    for uid in below:
        fr = frames[uid]
        if fr.strong or fr.tag in ("nav", "aside", "footer", "menu"):
            return "boilerplate"
        if fr.tag == "figcaption":
            return "caption"
        if (fr.negative or fr.tag == "form") and fr.chars < 0.4 * top_chars:
            return "boilerplate"
    if b.link_chars > 0.8 * n and n < 300:
        return "related_list"
    return ""
