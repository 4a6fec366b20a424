"""Read raw articles from files, directories and stdin for `ingest` and `process`.

`.txt` is one plain-text article (url = its file URI, source = the file's stem, fetched_at =
its modification time); `.html`,
`.htm` and `.html.gz` one page; `.json` one raw-article object or a list of them; `.jsonl`
one per line; directories recursively in sorted order; `-` JSON lines on stdin.

JSON rows from datasets and crawlers name fields their own way; `as_raw_article` maps the
common ones (full_text/body/content, headline, date_publish, a numeric id) and fills a missing
url or source, so a row is judged on its content rather than lost to a field name. Events on
the raw topic get no such help: there the schema applies as written.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

import orjson

from newswire.core.errors import DecodeError

SUFFIXES = (".txt", ".html", ".htm", ".html.gz", ".json", ".jsonl")
MAX_FILE_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Item:
    """One raw article as read (a dict), or the reason it could not be read."""

    origin: str
    article: dict[str, Any] | None
    error: str | None = None


def read_paths(paths: Iterable[str], stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Every raw article under the given paths, in order."""
    for p in paths:
        if p == "-":
            yield from _read_jsonl((stdin or sys.stdin.buffer).read(), "<stdin>")
            continue
        path = Path(p)
        if path.is_dir():
            for child in sorted(c for c in path.rglob("*") if c.is_file() and _supported(c)):
                yield from _read_file(child)
        elif path.is_file():
            yield from _read_file(path)
        else:
            yield Item(str(path), None, f"no such file or directory: {path}")


def _supported(path: Path) -> bool:
    return path.name.lower().endswith(SUFFIXES)


def _read_file(path: Path) -> Iterator[Item]:
    name = path.name.lower()
    origin = str(path)
    if path.stat().st_size > MAX_FILE_BYTES:
        yield Item(origin, None, f"file larger than {MAX_FILE_BYTES} bytes")
        return
    data = path.read_bytes()
    # A bare file's fetch time is its modification time: stable across runs, unlike "now"
    base = {"url": path.resolve().as_uri(), "source": path.name.split(".")[0], "fetched_at": _mtime(path)}
    try:
        if name.endswith(".txt"):
            yield Item(origin, base | {"text": _text(data)})
        elif name.endswith((".html.gz",)):
            yield Item(origin, base | {"html": _text(_gunzip(data))})
        elif name.endswith((".html", ".htm")):
            yield Item(origin, base | {"html": _text(data)})
        elif name.endswith(".jsonl"):
            yield from _read_jsonl(data, origin)
        elif name.endswith(".json"):
            doc = _json(data)
            for i, obj in enumerate(doc if isinstance(doc, list) else [doc]):
                yield _item(obj, f"{origin}#{i}")
        else:
            yield Item(origin, None, f"unsupported file type: {path.name}")
    except DecodeError as exc:
        yield Item(origin, None, str(exc))


def _mtime(path: Path) -> str:
    stamp = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
    return stamp.isoformat(timespec="seconds").replace("+00:00", "Z")


def _read_jsonl(data: bytes, origin: str) -> Iterator[Item]:
    for n, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield _item(_json(line), f"{origin}:{n}")
        except DecodeError as exc:
            yield Item(f"{origin}:{n}", None, str(exc))


def _item(obj: Any, origin: str) -> Item:
    if not isinstance(obj, dict):
        return Item(origin, None, f"expected a JSON object, got {type(obj).__name__}")
    return Item(origin, as_raw_article(obj, origin))


TEXT_FIELDS = ("full_text", "maintext", "body", "content", "articleBody", "sentence")
TITLE_FIELDS = ("headline",)
DATE_FIELDS = ("date_publish", "datePublished", "published", "date")
ID_FIELDS = ("id", "doc_id", "sentence_id", "article_id")


def as_raw_article(obj: dict[str, Any], origin: str) -> dict[str, Any]:
    """A JSON row as a raw article: body, title, date and id under the names the schema uses,
    a url (`urn:newswire:<id>` when the row has none: rows without one would all share an
    article id) and a source (the url's host). Rows already in shape come back unchanged."""
    a = dict(obj)
    if not _nonempty(a.get("text")) and not _nonempty(a.get("html")):
        body = next((a[f] for f in TEXT_FIELDS if _nonempty(a.get(f))), None)
        if body is not None:
            a["text"] = body
            a.pop("html", None)
    if "text" in a and _nonempty(a.get("html")) and not _nonempty(a.get("text")):
        del a["text"]  # an empty text beside the page would make the row ambiguous
    if not _nonempty(a.get("title")):
        a["title"] = next((a[f] for f in TITLE_FIELDS if _nonempty(a.get(f))), a.get("title"))
    if not _nonempty(a.get("published_at")):
        a["published_at"] = next((a[f] for f in DATE_FIELDS if _nonempty(a.get(f))), a.get("published_at"))
    if a.get("id") is not None and not isinstance(a["id"], str):
        a["id"] = str(a["id"])  # a numeric id names the article as well as a string does
    if not _nonempty(a.get("url")):
        ident = next((a[f] for f in ID_FIELDS if a.get(f) not in (None, "")), None)
        a["url"] = f"urn:newswire:{ident}" if ident is not None else f"urn:newswire:{origin}"
    if not _nonempty(a.get("source")):
        a["source"] = urlsplit(a["url"]).hostname or Path(origin.split(":")[0].split("#")[0]).stem or "unknown"
    return a


def _nonempty(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _json(data: bytes) -> Any:
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise DecodeError(f"invalid JSON: {exc}") from None


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def _gunzip(data: bytes) -> bytes:
    """Decompress with a bound, so a decompression bomb cannot exhaust memory."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as f:
            out = f.read(MAX_FILE_BYTES + 1)
    except (OSError, EOFError) as exc:
        raise DecodeError(f"invalid gzip: {exc}") from None
    if len(out) > MAX_FILE_BYTES:
        raise DecodeError(f"decompressed page larger than {MAX_FILE_BYTES} bytes")
    return out
