"""The sample corpus stays loadable as raw articles and keeps showing each kind of input."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from newswire.core.records import RawArticle, from_dict

SAMPLES = Path(__file__).resolve().parents[2] / "services" / "newswire" / "samples"
EXTENSIONS = {".json", ".jsonl", ".html", ".txt"}
ALLOWED_KEYS = {"url", "id", "source", "title", "published_at", "fetched_at", "language", "html", "text"}
ISO_UTC = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
NAME = re.compile(r"^\d{2}_[a-z0-9_]+\.(json|jsonl|html|txt)$")
TAG = re.compile(r"<[^>]+>")
ARTICLE = re.compile(r"<article\b.*?</article>", re.S)
WORD = re.compile(r"\w+")


def sample_files() -> list[Path]:
    """Every input file of the corpus, in the order `ingest` reads a directory."""
    return sorted(p for p in SAMPLES.iterdir() if p.suffix in EXTENSIONS)


def load(path: Path) -> list[dict[str, Any]]:
    """Raw-article dicts from one file, as the ingest command is specified to read it."""
    if path.suffix == ".json":
        return [json.loads(path.read_text(encoding="utf-8"))]
    if path.suffix == ".jsonl":
        lines = path.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]
    field = "html" if path.suffix == ".html" else "text"
    return [{"url": path.as_uri(), "source": path.stem, field: path.read_text(encoding="utf-8")}]


def all_records() -> list[tuple[Path, dict[str, Any]]]:
    """Every raw article of the corpus with the file it came from, in file order."""
    return [(p, rec) for p in sample_files() for rec in load(p)]


def body_words(rec: dict[str, Any]) -> int:
    """Words of the article itself: the text, or the <article> element of an HTML page."""
    if rec.get("text") is not None:
        return len(WORD.findall(rec["text"]))
    match = ARTICLE.search(rec["html"])
    assert match, "HTML sample has no <article> element"
    return len(WORD.findall(TAG.sub(" ", match.group(0))))


def text_of(name: str) -> str:
    """The text of the single article in a sample file."""
    (rec,) = load(SAMPLES / name)
    return rec["text"]


RECORDS = all_records()


def test_corpus_has_a_dozen_articles_in_every_format() -> None:
    assert len(RECORDS) >= 12
    assert {p.suffix for p in sample_files()} == EXTENSIONS


def test_file_names_are_numbered_and_unique() -> None:
    names = [p.name for p in sample_files()]
    assert all(NAME.match(n) for n in names), names
    prefixes = [n[:2] for n in names]
    assert len(set(prefixes)) == len(prefixes)


@pytest.mark.parametrize(("path", "rec"), RECORDS, ids=[f"{p.name}:{i}" for i, (p, _) in enumerate(RECORDS)])
def test_record_has_required_fields(path: Path, rec: dict[str, Any]) -> None:
    assert isinstance(rec, dict)
    assert set(rec) <= ALLOWED_KEYS, set(rec) - ALLOWED_KEYS
    assert isinstance(rec.get("url"), str) and rec["url"]
    assert isinstance(rec.get("source"), str) and rec["source"].strip()
    bodies = [k for k in ("html", "text") if rec.get(k) is not None]
    assert len(bodies) == 1, f"{path.name}: needs exactly one of html/text, has {bodies}"
    assert isinstance(rec[bodies[0]], str) and rec[bodies[0]].strip()
    for key in ("title", "language"):
        assert rec.get(key) is None or (isinstance(rec[key], str) and rec[key].strip())
    for key in ("published_at", "fetched_at"):
        if rec.get(key) is not None:
            assert ISO_UTC.match(rec[key]), rec[key]
            datetime.strptime(rec[key], "%Y-%m-%dT%H:%M:%SZ")
    if rec.get("language") is not None:
        assert re.fullmatch(r"[a-z]{2}", rec["language"])
    article = from_dict(RawArticle, rec)
    assert article.url == rec["url"] and (article.html or article.text)


def test_json_samples_carry_outlet_title_and_time() -> None:
    for path, rec in RECORDS:
        if path.suffix in {".json", ".jsonl"}:
            assert rec.get("title") and rec.get("published_at") and rec.get("language"), path.name
            assert not rec["url"].startswith("file:"), path.name
            assert rec["fetched_at"] >= rec["published_at"], path.name


def test_publication_times_follow_file_order() -> None:
    times = [
        datetime.strptime(r["published_at"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        for _, r in RECORDS
        if r.get("published_at")
    ]
    assert times == sorted(times)
    assert (times[-1] - times[0]).total_seconds() <= 8 * 3600


def test_urls_are_unique() -> None:
    urls = Counter(r["url"] for _, r in RECORDS)
    assert [u for u, n in urls.items() if n > 1] == []


@pytest.mark.parametrize(("path", "rec"), RECORDS, ids=[f"{p.name}:{i}" for i, (p, _) in enumerate(RECORDS)])
def test_articles_are_short(path: Path, rec: dict[str, Any]) -> None:
    # the site capture carries page chrome on top of its ~250-word body
    assert 150 <= body_words(rec) <= 500, (path.name, body_words(rec))


def test_readme_lists_every_file() -> None:
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    missing = [p.name for p in sample_files() if f"`{p.name}`" not in readme]
    assert missing == []
    assert "Apache-2.0" in readme


def test_non_english_input_present() -> None:
    languages = {r.get("language") for _, r in RECORDS}
    assert "en" in languages and len(languages - {None}) >= 2


def test_html_page_has_page_chrome_around_the_article() -> None:
    (page,) = [r["html"] for p, r in RECORDS if p.suffix == ".html"]
    for tag in ("<nav", "<header", "<article", "<aside", "<footer", "<title>"):
        assert tag in page, tag
    assert "cookie" in page.lower()
    assert 'property="article:published_time"' in page


def test_rewrite_has_doubled_caption_and_comment_form_line() -> None:
    lines = [ln for ln in text_of("02_continental_herald_rewrite.json").splitlines() if ln.strip()]
    assert lines[-1] == "Leave a Reply"
    assert any(n == 2 for n in Counter(lines).values())


def test_site_capture_has_navigation_newsletter_teaser_and_feed() -> None:
    text = text_of("03_aragon_observer_site_capture.json")
    for marker in ("Skip to content", "Enter your email to subscribe", "* indicates required", "News Feed"):
        assert marker in text, marker
    assert re.search(r"\w\u2026$", text, re.M), "no teaser cut off mid-word"
    assert re.search(r"^by [A-Z][\w ]+ [A-Z][a-z]+ \d{1,2}, \d{4}", text, re.M), "no byline-and-date line"


def test_spam_page_copies_the_wire_and_carries_paywall_text() -> None:
    spam = text_of("04_spinpalace88_spam_copy.json")
    wire_paragraphs = text_of("01_meridian_wire_ebro_floods.json").split("\n\n")
    assert "Already a subscriber? Log in." in spam
    assert re.search(r"casino|betting", spam, re.I)
    # the copied paragraph is the wire lead minus its dateline
    assert wire_paragraphs[0].split("\u2014 ", 1)[1] in spam


def test_blog_summary_has_bullets() -> None:
    bullets = [ln for ln in text_of("06_riverwatch_blog_summary.json").splitlines() if ln.startswith("- ")]
    assert len(bullets) >= 5


def test_story_a_key_figure_and_its_conflict() -> None:
    window = re.compile(r"(past|last) 48 hours")
    for name in ("01_meridian_wire_ebro_floods.json", "05_iberia_daily_independent.json"):
        text = text_of(name)
        assert "2,400" in text and window.search(text) and "Marta Villanueva" in text, name
    conflict = text_of("11_zaragoza_ledger_conflict.json")
    assert "3,100" in conflict and window.search(conflict) and "2,400" not in conflict
    assert "Villanueva" not in conflict
