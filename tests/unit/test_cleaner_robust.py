"""The cleaner never raises: odd, empty, huge or hostile input gives a record with reasons."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newswire.cleaner.clean import clean_article
from newswire.core.ids import article_id
from newswire.core.records import CleanArticle, RawArticle


def _raw(**kw: object) -> RawArticle:
    return RawArticle(url="https://example.org/x", source="example", **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize("kw", [
    {"text": ""},
    {"html": ""},
    {},
    {"text": "\x00\x01\x02\ufffd" * 100},
    {"html": "<html><body>" + "<div>" * 5000 + "deep text" + "</div>" * 5000 + "</body></html>"},
    {"html": "<" * 10000},
    {"html": '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><p>&e;</p>'},
    {"html": "\x89PNG\r\n\x1a\n" + "\x00" * 500},
    {"text": "word " * 200_000},
])
def test_odd_input_returns_a_record(kw: dict[str, str]) -> None:
    clean = clean_article(_raw(**kw))
    assert isinstance(clean, CleanArticle)
    assert clean.article_id == article_id(_raw(**kw))
    assert 0.0 <= clean.quality <= 1.0
    assert 0.0 <= clean.spam.score <= 1.0


def test_external_entities_are_not_resolved() -> None:
    clean = clean_article(_raw(html='<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><p>&e; text</p>'))
    assert "root:" not in clean.text


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_any_text_never_raises(text: str) -> None:
    clean = clean_article(_raw(text=text))
    assert clean.input_chars == len(text)


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet="<>/ =\"'abpdivlscrtyhe\n&;#", max_size=300))
def test_any_html_never_raises(html: str) -> None:
    clean = clean_article(_raw(html=html))
    assert clean.input_format == "html"


def test_same_input_same_output() -> None:
    raw = _raw(text="Some headline here\n" + "A sentence that is long enough to count as prose, with commas. " * 3)
    assert clean_article(raw) == clean_article(raw)


def test_hostile_nesting_is_fast() -> None:
    import time

    html = "<div>" * 60_000 + "deep text here" + "</div>" * 60_000
    t0 = time.perf_counter()
    clean = clean_article(_raw(html=html))
    assert time.perf_counter() - t0 < 3.0
    assert clean.input_format == "html"


@pytest.mark.parametrize(
    "kw", [{"text": ""}, {"html": ""}, {}, {"text": "   \n  "}, {"html": "<html><body></body></html>"}]
)
def test_empty_output_always_says_why(kw: dict[str, str]) -> None:
    clean = clean_article(_raw(**kw))
    assert clean.text == ""
    assert clean.removed and all(r.reason for r in clean.removed)


@pytest.mark.parametrize("html", [
    "<div></i>" * 80_000 + "<p>The minister said five people died in the flood, officials said.</p>",  # stray end tags
    "<svg>" * 40_000,  # unclosed invisible elements
    "<p" * 100_000,  # unclosed tags
])
def test_hostile_markup_is_fast(html: str) -> None:
    """Nesting a rough open/close count missed, and the tag-stripping fallback, stay linear (they took 6-40 s)."""
    import time

    t0 = time.process_time()
    clean = clean_article(_raw(html=html))
    assert time.process_time() - t0 < 2.0
    assert clean.input_format == "html"
    if "minister" in html:
        assert "five people died" in clean.text


def test_a_stage_timeout_is_not_swallowed() -> None:
    """The boundary's time limit raises inside the cleaner; it must reach the boundary (a dead letter), not
    become an empty article."""
    from newswire.core.boundary import StageTimeout, deadline

    html = "<html><body>" + "<div class='story'><p>A sentence long enough to count as prose, with commas, "\
        "and a figure of 12 people.</p></div>" * 20_000 + "</body></html>"
    with pytest.raises(StageTimeout), deadline(0.01):
        clean_article(_raw(html=html))
