"""The benchmark corpus: real articles from ../shared/corpus and the sample corpus, replicated.

Text input: the ECB+ articles, the five seed captures and the samples' text articles.
HTML input: the Zyte benchmark pages and the samples' HTML pages. A corpus larger than
its sources is built in *epochs*: epoch k repeats every source article under a distinct
url and id, published `EPOCH_DAYS` later than epoch k-1. Copies of one article therefore
never meet inside the stories window (they would otherwise form one ever-growing story of
identical copies, which real input does not), and the stories state expires as it would in
a steady stream, so memory over a long run is measured in its steady state.
"""

from __future__ import annotations

import datetime as dt
import gzip
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from newswire.core.settings import PROJECT_ROOT

CORPUS_DIR = PROJECT_ROOT.parent / "shared" / "corpus"
SAMPLES_DIR = PROJECT_ROOT / "services" / "newswire" / "samples"
EPOCH_DAYS = 8.0
"""Days between epochs: longer than the default 7-day stories window."""
BASE_TIME = dt.datetime(2026, 1, 5, 6, 0, tzinfo=dt.UTC)


def run_base() -> dt.datetime:
    """Publication base for a run's articles: now. Their event time is then never before their
    arrival (the `ingested_at` header), so the stories window turns over on event time; an older
    base would hold every article a full window from arrival, and a run's later epochs would meet
    the earlier ones as copies (591 of 1,004 text articles, against 178, behind the boundaries)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


@dataclass(frozen=True, slots=True)
class Source:
    """One real article as the benchmark replicates it."""

    origin: str
    source: str
    title: str | None
    body: str
    is_html: bool
    language: str | None = "en"


def load_sources(corpus_dir: Path = CORPUS_DIR, samples_dir: Path = SAMPLES_DIR) -> dict[str, list[Source]]:
    """The real articles, split by input kind: {"text": [...], "html": [...]}."""
    text = _ecbplus(corpus_dir / "ecbplus-dev" / "stories.jsonl") + _seeds(corpus_dir / "seeds")
    html = _zyte(corpus_dir / "zyte-dev" / "html")
    samples = _samples(samples_dir)
    text += [s for s in samples if not s.is_html]
    html += [s for s in samples if s.is_html]
    return {"text": text, "html": html}


def replicate(sources: list[Source], count: int, kind: str, *, start: int = 0,
              base: dt.datetime = BASE_TIME) -> Iterator[dict[str, Any]]:
    """`count` raw-article dicts from `sources`, cycling through epochs with distinct urls,
    published from `base` on."""
    if not sources:
        raise ValueError(f"no {kind} sources to build a benchmark corpus from")
    n = len(sources)
    step = dt.timedelta(days=EPOCH_DAYS) / n  # spread one epoch's articles over its days
    for i in range(start, start + count):
        epoch, j = divmod(i, n)
        src = sources[j]
        published = base + dt.timedelta(days=EPOCH_DAYS * epoch) + step * j
        article: dict[str, Any] = {
            "url": f"https://bench.example/{kind}/{epoch}/{j}",
            "source": f"{src.source}",
            "title": src.title,
            "published_at": _iso(published),
            "fetched_at": _iso(published + dt.timedelta(minutes=3)),
            "language": src.language,
        }
        article["html" if src.is_html else "text"] = src.body
        yield {k: v for k, v in article.items() if v is not None}


def corpus_bytes(articles: list[dict[str, Any]]) -> int:
    """Total body size in bytes (to report KB/s beside articles/s)."""
    return sum(len((a.get("html") or a.get("text") or "").encode()) for a in articles)


def _iso(t: dt.datetime) -> str:
    return t.isoformat(timespec="seconds").replace("+00:00", "Z")


def _ecbplus(path: Path) -> list[Source]:
    out: list[Source] = []
    if not path.is_file():
        return out
    for line in path.read_bytes().splitlines():
        if not line.strip():
            continue
        row = orjson.loads(line)
        body = row.get("full_text") or row.get("text") or ""
        if body.strip():
            out.append(Source(f"ecbplus:{row.get('doc_id')}", f"ecbplus-{row.get('topic')}", row.get("title"),
                              body, False))
    return out


def _seeds(folder: Path) -> list[Source]:
    return [Source(f"seeds:{p.name}", p.stem, None, p.read_text("utf-8"), False)
            for p in sorted(folder.glob("*.txt"))] if folder.is_dir() else []


def _zyte(folder: Path) -> list[Source]:
    if not folder.is_dir():
        return []
    return [Source(f"zyte:{p.name}", p.name[:12], None, gzip.decompress(p.read_bytes()).decode("utf-8", "replace"),
                   True)
            for p in sorted(folder.glob("*.html.gz"))]


def _samples(folder: Path) -> list[Source]:
    from newswire.sources import read_paths

    out: list[Source] = []
    for item in read_paths([str(folder)]):
        a = item.article
        if not a or not isinstance(a.get("html") or a.get("text"), str):
            continue
        is_html = a.get("html") is not None
        out.append(Source(f"samples:{item.origin.rsplit('/', 1)[-1]}", str(a.get("source") or "sample"),
                          a.get("title"), a["html"] if is_html else a["text"], is_html, a.get("language") or "en"))
    return out
