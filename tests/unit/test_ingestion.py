"""What ingest sends for a batch of inputs, without a broker: raw articles and dead letters."""

from __future__ import annotations

from pathlib import Path

import orjson

from newswire.core.boundary import max_request_bytes
from newswire.core.settings import Settings
from newswire.ingestion import ingest_records


def test_an_oversize_article_is_a_dead_letter_the_producer_can_send(tmp_path: Path) -> None:
    """A text over the message limit (43 MB, under the 64 MB file limit) crashed the producer halfway through
    a directory: the articles before it were sent, those after it were not, and nothing said so."""
    settings = Settings(max_message_bytes=50_000)
    (tmp_path / "1.txt").write_text("A short article about the council budget, passed on Monday.")
    (tmp_path / "2.txt").write_text("A long article. " * 40_000)  # 640 KB
    (tmp_path / "3.txt").write_text("Another short article, about the river and the rescue teams.")
    records, article_ids, invalid = ingest_records(settings, [str(tmp_path)])
    topics = [topic for topic, _, _, _ in records]
    assert topics == ["newswire.articles.raw", "newswire.deadletter", "newswire.articles.raw"]
    assert len(article_ids) == 2 and invalid == 1
    dead = orjson.loads(records[1][2])
    assert dead["payload"]["reason"] == "OversizeError" and "limit 50000" in dead["payload"]["error"]
    assert all(len(value) <= max_request_bytes(settings) for _, _, value, _ in records)
