"""Reading inputs: every supported file type, directories in order, stdin, and clear errors."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

from newswire.sources import read_paths
from tests.corpus import read_articles


def test_file_types_and_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("Plain text article.")
    (tmp_path / "b" / "c.html").write_text("<html><body><p>Hi</p></body></html>")
    (tmp_path / "b" / "d.html.gz").write_bytes(gzip.compress(b"<p>zipped</p>"))
    (tmp_path / "e.json").write_text('{"url": "https://x.example/e", "source": "E", "text": "t"}')
    (tmp_path / "f.jsonl").write_text(
        '{"url": "u1", "source": "F", "text": "1"}\n\n{"url": "u2", "source": "F", "text": "2"}\n')
    (tmp_path / "ignored.bin").write_bytes(b"\x00")
    items = list(read_paths([str(tmp_path)]))
    assert [i.error for i in items] == [None] * 6
    arts = [i.article for i in items if i.article is not None]
    assert len(arts) == 6
    assert arts[0]["text"] == "Plain text article."
    assert arts[0]["url"].startswith("file://") and arts[0]["source"] == "a"
    assert arts[1]["html"].startswith("<html>")
    assert arts[2]["html"] == "<p>zipped</p>"
    assert [a.get("url") for a in arts[3:]] == ["https://x.example/e", "u1", "u2"]


def test_stdin_and_bad_lines() -> None:
    data = b'{"url": "u", "source": "s", "text": "x"}\nnot json\n[1]\n'
    items = list(read_paths(["-"], stdin=io.BytesIO(data)))
    assert items[0].article is not None
    assert "invalid JSON" in (items[1].error or "")
    assert "JSON object" in (items[2].error or "")


def test_missing_path_and_bad_gzip(tmp_path: Path) -> None:
    (tmp_path / "bad.html.gz").write_bytes(b"not gzip")
    items = list(read_paths([str(tmp_path / "nope.txt"), str(tmp_path / "bad.html.gz")]))
    assert "no such file" in (items[0].error or "")
    assert "gzip" in (items[1].error or "")


def test_dataset_rows_become_raw_articles() -> None:
    """Rows shaped like ECB+, NewsQuant or ClaimBuster files keep their content instead of being
    rejected for a field name: body aliases, numeric ids, missing url or source."""
    from newswire.sources import as_raw_article

    ecb = as_raw_article({"doc_id": "10_1ecb", "url": "", "title": "Angels offer", "text": "",
                          "full_text": "The Angels made an offer.", "date_publish": None}, "s.jsonl:1")
    assert ecb["text"] == "The Angels made an offer." and ecb["url"] == "urn:newswire:10_1ecb"
    assert ecb["source"] == "s" and ecb["title"] == "Angels offer"
    quant = as_raw_article({"id": 0, "text": "I want two meters of cotton"}, "q.jsonl:1")
    assert quant["id"] == "0" and quant["url"] == "urn:newswire:0"
    cb = as_raw_article({"sentence_id": 23782, "sentence": "The report said America is safer."}, "c.jsonl:1")
    assert cb["text"].startswith("The report") and cb["url"] == "urn:newswire:23782"
    web = as_raw_article({"url": "https://www.example.org/a", "html": "<p>x</p>", "text": ""}, "w.json")
    assert web["source"] == "www.example.org" and "text" not in web
    ready = {"url": "u", "source": "s", "text": "t"}
    assert as_raw_article(ready, "x") == ready | {"title": None, "published_at": None}


def test_dataset_rows_without_urls_stay_distinct_through_process(tmp_path: Path) -> None:
    """Two rows without a url must not collapse into one article id."""
    from newswire.core.settings import Settings
    from newswire.pipeline import Pipeline

    (tmp_path / "rows.jsonl").write_text(
        '{"doc_id": "a", "url": "", "full_text": "Storm hits the coast of Galicia today."}\n'
        '{"doc_id": "b", "url": "", "full_text": "Parliament approves the 2026 budget."}\n')
    result = Pipeline(Settings()).run(read_articles(tmp_path / "rows.jsonl"))
    assert not result.dead_letters
    assert len({e["article_id"] for e in result.enriched}) == 2
