"""Spam, lexicon, metadata and evaluation helpers of the cleaner."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from newswire.cleaner import evaluate, lexicon
from newswire.cleaner.clean import clean_article
from newswire.cleaner.meta import detect_language, find_date, is_dateline, normalise_date, parse_byline
from newswire.cleaner.spam import score_spam
from newswire.core.records import RawArticle

ARTICLE = (
    "More than 1,000 soldiers were killed or wounded in the past week, officials said on Friday, "
    "adding that the losses amounted to almost 10 percent of the deployment.\n"
    "The officials said the troops had been sent on assaults with little protection, and that "
    "commanders had ignored warnings from intelligence agencies about the risks.\n"
    "Analysts said the figures could not be independently verified, but that they matched reports "
    "from volunteers and local officials in the region.\n"
)


def test_casino_injection_is_spam_and_removed() -> None:
    text = "Gold99 Official Website\n63win Soldiers killed in the war, officials say\n" + ARTICLE + \
        "slots empire casino\nWant all of The Times? Subscribe.63win"
    clean = clean_article(RawArticle(url="file:///x", source="x", text=text))
    assert clean.spam.is_spam and clean.spam.score >= 0.5 and clean.spam.reasons
    assert "casino" not in clean.text and "Gold99" not in clean.text and "63win" not in clean.text
    assert clean.title == "Soldiers killed in the war, officials say"
    assert any(r.reason == "spam_injection" for r in clean.removed)


def test_news_about_gambling_is_not_spam() -> None:
    paras = [
        "Regulators fined an online casino operator on Monday for failing to stop problem gambling among customers.",
        "The regulator said betting companies must check the age of every customer before taking a first deposit.",
        "The operator said it would appeal the fine and had already changed its checks for new accounts this year.",
    ]
    text = "\n".join(paras)
    assert not score_spam(text, None, 0).is_spam
    clean = clean_article(RawArticle(url="https://example.org/g", source="g", text=text))
    assert not clean.spam.is_spam
    assert all(p in clean.text for p in paras)


def test_clean_article_is_not_spam() -> None:
    clean = clean_article(RawArticle(url="file:///y", source="y", text=ARTICLE))
    assert not clean.spam.is_spam
    assert clean.spam.score < 0.5


def test_lexicon_reasons() -> None:
    assert lexicon.exact_reason("Share") == "share"
    assert lexicon.exact_reason("Teilen") == "share"
    assert lexicon.exact_reason("Skip to content") == "navigation"
    assert lexicon.exact_reason("The council voted") == ""
    assert lexicon.phrase_reason("Enter your email to subscribe") == "newsletter"
    assert lexicon.phrase_reason("Already a subscriber? Log in.") == "paywall"
    assert lexicon.phrase_reason("We use cookies to improve your experience") == "cookie"
    assert lexicon.phrase_reason("The minister resigned on Friday") == ""
    assert lexicon.terminator_kind("News Feed") == "hard"
    assert lexicon.terminator_kind("[ 167 comments ]") == "hard"
    assert lexicon.terminator_kind("Related:") == "soft"
    assert lexicon.terminator_kind("The related question is open") == ""
    assert lexicon.is_relative_time("32M ago") and lexicon.is_relative_time("8:06 AM")


def test_dates_and_bylines() -> None:
    assert find_date("by X December 28, 2024 7:33 AM")[0] == "2024-12-28"
    assert find_date("28. Dezember 2024")[0] == "2024-12-28"
    assert find_date("2025-01-05 03:41")[0] == "2025-01-05"
    assert find_date("no date here")[0] is None
    assert normalise_date("2026-03-14T11:12:00Z") == "2026-03-14T11:12:00Z"
    assert normalise_date("Sat, 14 March 2026 11:12") == "2026-03-14"
    assert normalise_date("2026-13-45") is None and normalise_date("") is None
    assert is_dateline("Updated: 2025-01-05 03:41")
    assert not is_dateline("The vote on 2025-01-05 was delayed by a storm over the capital city.")
    assert parse_byline("by Volodymyr Ivanyshyn December 28, 2024 7:33 AM 2 min read") == (
        ["Volodymyr Ivanyshyn"], "2024-12-28")
    assert parse_byline("Von Anna Müller und Jan de Vries") == (["Anna Müller", "Jan de Vries"], None)
    assert parse_byline("by the way, this is a sentence") is None
    assert parse_byline("Author: Jane Doe (KSDK)") == (["Jane Doe"], None)
    assert parse_byline("Authors: Jane Doe, John Smith") == (["Jane Doe", "John Smith"], None)
    assert parse_byline("Author: The council said it would not comment on the plan") is None
    assert is_dateline("December 12, 2024 1:45 PM EST Updated 2 hours ago")
    assert is_dateline("Publié le 12 mars 2024 à 18h30, mis à jour à 19h05")
    assert is_dateline("Veröffentlicht am 12.03.2024 um 18:30 Uhr")
    assert is_dateline("Publicado el 12 de marzo de 2024 a las 18:30")


def test_language_guess() -> None:
    assert detect_language(ARTICLE) == "en"
    assert detect_language("Der Rat hat die Pläne für die Stadt nicht mit der Mehrheit beschlossen, und es ist auch "
                           "nicht klar, ob die Regierung sich dafür ausspricht.") == "de"
    assert detect_language("وافق مجلس المدينة يوم الثلاثاء على ميزانية جديدة ترفع الإنفاق على النقل العام") == "ar"
    assert detect_language("12 34") is None


def test_zyte_metric_matches_definition() -> None:
    assert evaluate.zyte_prf([("a b c d e", "a b c d e")])["f1"] == 1.0
    r = evaluate.zyte_prf([("a b c d e f", "a b c d x y")])
    assert 0.0 < r["precision"] < 1.0 and 0.0 < r["recall"] < 1.0
    assert evaluate.zyte_prf([("a b c d", "")])["recall"] == 0.0


def test_eval_main_on_a_tiny_corpus(tmp_path: Path, capsys: object) -> None:
    zyte = tmp_path / "zyte-dev"
    (zyte / "html").mkdir(parents=True)
    body = " ".join(ARTICLE.split("\n"))
    paras = "".join(f"<p>{p}</p>" for p in ARTICLE.splitlines())
    html = f"<html><body><nav><a href='/'>Home</a></nav><article>{paras}</article></body></html>"
    (zyte / "html" / "p1.html.gz").write_bytes(gzip.compress(html.encode()))
    (zyte / "ground_truth.jsonl").write_text(json.dumps({"id": "p1", "url": "https://e/1", "articleBody": body}) + "\n")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "000_a.txt").write_text("Skip to content\n" + ARTICLE)
    (seeds / "gold.json").write_text(json.dumps({"articles": {"000_a.txt": {
        "spam": False, "must_remove": ["Skip to content"], "must_keep": ["could not be independently verified"],
        "claims": []}}}))
    out = tmp_path / "figures.json"
    assert evaluate.main(["--corpus", str(tmp_path), "--json", str(out)]) == 0
    figures = json.loads(out.read_text())
    assert figures["zyte_html"]["f1"] > 0.9
    assert figures["zyte_text"]["f1"] > 0.9
    assert figures["seeds"]["removed"] == 1 and figures["seeds"]["kept"] == 1
    assert evaluate.main(["--corpus", str(tmp_path / "missing")]) == 2
