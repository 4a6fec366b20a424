"""HTML cleaning: the article container wins over navigation, sidebars, teasers and comments."""

from __future__ import annotations

from newswire.cleaner.clean import clean_article
from newswire.cleaner.dom import load_page, visible_text
from newswire.cleaner.extract import select
from newswire.core.records import RawArticle

PARAS = [
    "The regional parliament voted on Wednesday to extend the night train service to the coast, a "
    "decision that rail operators had sought for almost a decade.",
    "Under the plan, three additional trains will run every night from June, stopping at eight stations, "
    "and tickets will cost the same as daytime fares, officials said.",
    "Critics argued that the money, estimated at 45 million euros a year, would be better spent on "
    "repairing old tracks, but the proposal passed with a comfortable majority.",
    "The transport minister said the first trains would be tested in April, with passengers allowed on "
    "board once safety inspectors had approved the new timetable.",
]


def _html() -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    teasers = "".join(
        f'<li><a href="/s{i}">Other story number {i} about something else entirely</a></li>' for i in range(8)
    )
    return f"""<!DOCTYPE html><html lang="en-GB"><head><title>Night trains extended | Example News</title>
<meta property="og:title" content="Night trains to the coast extended">
<meta name="author" content="Ana Varga">
<meta property="article:published_time" content="2024-05-02T08:00:00Z">
<script>var x = "<p>not text</p>";</script><style>p {{ color: red }}</style></head>
<body><header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article class="story"><h1>Night trains to the coast extended</h1>
<div class="byline">By Ana Varga</div>
<div class="article-body">{paras}
<div class="share-tools"><a href="#">Share on Facebook</a><a href="#">Tweet</a></div>
<p style="display:none">Hidden tracking text that nobody sees.</p></div></article>
<aside class="sidebar"><h3>Most read</h3><ul>{teasers}</ul></aside></main>
<section id="comments" class="comments"><p>Great article, I have been waiting for this train for years and
years, finally something good happens in this region.</p></section>
<footer><p>© 2024 Example News. All rights reserved.</p></footer></body></html>"""


def test_html_keeps_article_paragraphs_only() -> None:
    clean = clean_article(RawArticle(url="https://example.org/trains", source="example", html=_html()))
    for p in PARAS:
        assert p in clean.text
    for junk in ("Home", "Share on Facebook", "Other story number", "Great article", "All rights reserved",
                 "not text", "color: red", "Hidden tracking"):
        assert junk not in clean.text, junk
    assert clean.input_format == "html"
    assert clean.input_chars == len(_html())


def test_html_metadata() -> None:
    clean = clean_article(RawArticle(url="https://example.org/trains", source="example", html=_html()))
    assert clean.title == "Night trains to the coast extended"
    assert clean.authors == ["Ana Varga"]
    assert clean.published_at == "2024-05-02T08:00:00Z"  # an ISO stamp is kept whole
    assert clean.language == "en"
    assert clean.quality > 0.3
    assert any(r.reason in ("navigation", "boilerplate", "related_list") for r in clean.removed)


def test_selection_prefers_dense_prose_over_link_lists() -> None:
    sel = select(load_page(_html()))
    texts = [b.text for b in sel.blocks]
    assert texts == PARAS
    assert sel.confidence > 0.3


def test_article_split_into_sibling_sections_is_joined() -> None:
    sections = "".join(f'<section class="companion"><div><p>{p}</p></div></section>' for p in PARAS)
    html = f"<html><body><div id='menu'><a href='/'>Home</a></div><div class='body'>{sections}</div></body></html>"
    clean = clean_article(RawArticle(url="https://example.org/s", source="s", html=html))
    for p in PARAS:
        assert p in clean.text


def test_visible_text_is_one_block_per_line() -> None:
    lines = visible_text(_html()).splitlines()
    assert "Home" in lines and PARAS[0] in lines
    assert not any("not text" in line for line in lines)


def test_comments_heading_inside_the_container_ends_the_article() -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    comment = ("I have taken this train for twenty years and the service has never been this bad, "
               "so I doubt that anything will change after this vote.")
    html = f"<html><body><div class='entry'>{body}<h3>3 Comments</h3><p>{comment}</p></div></body></html>"
    clean = clean_article(RawArticle(url="https://example.org/c", source="c", html=html))
    assert all(p in clean.text for p in PARAS)
    assert comment not in clean.text


def test_credit_lines_are_captions_in_html_but_acronyms_are_not() -> None:
    caption = "Protesters have worn masks to protect their identities (Image: GETTY )"
    acronym = ("Das Thema mit dem höchsten Potenzial wird seit Jahren intensiv diskutiert: "
               "die elektronische Patientenakte (ePA)")
    body = "".join(f"<p>{p}</p>" for p in PARAS[:2]) + f"<p>{caption}</p><p>{acronym}</p>" + \
        "".join(f"<p>{p}</p>" for p in PARAS[2:])
    html = f"<html><body><article>{body}</article></body></html>"
    clean = clean_article(RawArticle(url="https://example.org/k", source="k", html=html))
    assert caption not in clean.text
    assert acronym in clean.text
    assert any(r.reason == "caption" for r in clean.removed)


def test_misleading_class_on_the_article_container_does_not_wipe_it() -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    html = (f"<html><body><div class='menu'><a href='/'>Home</a></div>"
            f"<article class='story'><h2>Night trains</h2><p>{PARAS[0]}</p>"
            f"<div class='post-content social-share-enabled'>{body}</div></article></body></html>")
    clean = clean_article(RawArticle(url="https://example.org/m", source="m", html=html))
    assert all(p in clean.text for p in PARAS)


def test_inline_teaser_paragraph_without_a_link_is_dropped() -> None:
    teaser = "RELATED: Tips for staying safe on night trains this summer"
    body = "".join(f"<p>{p}</p>" for p in PARAS[:2]) + f"<p>{teaser}</p>" + \
        "".join(f"<p>{p}</p>" for p in PARAS[2:])
    html = f"<html><head><title>Night trains</title></head><body><div class='article'>{body}</div></body></html>"
    clean = clean_article(RawArticle(url="https://example.org/t", source="t", html=html))
    assert all(p in clean.text for p in PARAS)
    assert teaser not in clean.text


def test_byline_outside_the_chosen_blocks_still_names_the_authors() -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    html = ("<html><head><title>Night trains</title></head><body><div class='story'><h1>Night trains extended</h1>"
            "<div class='story-body'><h2>Three more trains a night from June</h2>"
            "<p class='art-byline'>By <a href='/s/1'>Ana Varga</a> and <a href='/s/2'>Tom Berg</a></p>"
            f"{body}</div></div>"
            "<aside><ul><li>By Other Writer</li></ul></aside></body></html>")
    clean = clean_article(RawArticle(url="https://example.org/b", source="b", html=html))
    assert clean.authors == ["Ana Varga", "Tom Berg"]
    assert "Ana Varga" not in clean.text


def test_author_bio_after_the_article_is_dropped() -> None:
    bio = "Ana Varga covers transport for Example News. Contact her at avarga@example.org."
    body = "".join(f"<p>{p}</p>" for p in PARAS) + f"<p>{bio}</p>"
    html = ("<html><head><title>Night trains</title><meta name='author' content='Ana Varga'></head><body>"
            f"<div class='story'><h1>Night trains extended</h1>{body}</div></body></html>")
    clean = clean_article(RawArticle(url="https://example.org/b", source="b", html=html))
    assert all(p in clean.text for p in PARAS)
    assert bio not in clean.text
