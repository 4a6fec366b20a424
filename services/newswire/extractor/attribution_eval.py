"""Who-said-what scoring against the hand-annotated attribution sets in ``gold/``.

``attribution_dev.jsonl`` holds ECB+ articles; ``attribution_news_dev.jsonl`` holds ordinary news articles
from the zyte-dev corpus (real URLs instead of ``urn:ecbplus:`` ones). Both have the same format.

The held-out evaluation counts attributions PolNeAR-style by text overlap, not by offsets, so this
module applies the same rule to a development set the project annotated itself (blind to the
extractor's output). That lets changes to speaker attribution be measured before the held-out run.

Rule (same as the held-out scorer): a gold (source, content) pair is found when some predicted claim
with a speaker has text covering at least half of the content's words, and the speaker's name shares
a word with the source once stop words are removed. Words are lower-cased ``\\w+`` runs compared as
sets. A claim may match several gold pairs; every claim with a speaker that matched none is a false
positive. Claims without a speaker are ignored.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

GOLD_PATH = Path(__file__).with_name("gold") / "attribution_dev.jsonl"
NEWS_GOLD_PATH = Path(__file__).with_name("gold") / "attribution_news_dev.jsonl"

_WORD = re.compile(r"\w+", re.UNICODE)
# Pronouns and the speech verb carry no identity: a source of "he" can only be matched via its resolution.
STOP_WORDS = frozenset({"the", "a", "an", "of", "and", "in", "to", "he", "she", "they", "it", "said", "says"})
SPAN_KEYS = ("source", "cue", "content")


def words(text: str | None) -> set[str]:
    """Lower-cased word set, the unit both coverage and speaker matching are measured in."""
    return {w.lower() for w in _WORD.findall(text or "")}


def load_gold(path: str | Path = GOLD_PATH) -> list[dict]:
    """Read the JSONL gold set (one article per line) so it can be scored or validated."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _speaker_name(speaker: Any, resolved: bool = False) -> str:
    """Predicted speakers arrive as ``{"name": ...}`` dicts or plain strings; both are compared by name,
    or, resolved, by whom a description names (``refers_to``: "Eric Holcomb" for "governor")."""
    if isinstance(speaker, Mapping):
        return str((speaker.get("refers_to") if resolved else None) or speaker.get("name") or "")
    return str(speaker)


def _claims(entry: Any) -> list[dict]:
    """Accept either a list of claims or a whole extractor record (``{"claims": [...]}``) per URL."""
    if isinstance(entry, Mapping):
        entry = entry.get("claims")
    return [c for c in (entry or []) if c.get("speaker")]


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def score(predicted: Mapping[str, Any], gold: Iterable[dict], *, resolved: bool = False) -> dict:
    """Precision/recall/F1 of predicted (text, speaker) claims against gold attributions.

    ``predicted`` maps an article URL to its claims (dicts with ``text`` and ``speaker``).
    With ``resolved=True`` the gold ``source_resolved`` (e.g. "Yanis Varoufakis" for "he") is
    matched instead of the source span as written: a second, more lenient figure that shows how
    much is lost only to pronoun and role sources.
    """
    tp = fp = fn = 0
    for doc in gold:
        claims = _claims(predicted.get(doc["url"]))
        prepared = [(words(c.get("text")), words(_speaker_name(c["speaker"], resolved)) - STOP_WORDS) for c in claims]
        used: set[int] = set()
        for att in doc["attributions"]:
            src_text = (att.get("source") or {}).get("text")
            content_text = (att.get("content") or {}).get("text")
            if not src_text or not content_text:  # the held-out scorer skips incomplete pairs too
                continue
            src = words((att.get("source_resolved") or src_text) if resolved else src_text) - STOP_WORDS
            content = words(content_text)
            hit = next((i for i, (ct, st) in enumerate(prepared)
                        if content and len(content & ct) >= 0.5 * len(content) and src & st), None)
            if hit is None:
                fn += 1
            else:
                tp += 1
                used.add(hit)
        fp += len(claims) - len(used)
    return _prf(tp, fp, fn)


def validate(gold: Iterable[dict], *, ecbplus: bool = True) -> list[str]:
    """Problems in the gold file: spans that are not ``text[start:end]``, missing fields, bad URLs.

    An offset that drifts from its text would silently change what the set measures, so tests run this.
    ECB+ rows (the default) must have the URL ``urn:ecbplus:<doc_id>``; with ``ecbplus=False`` (the news
    set) the URL must be the article's http(s) address.
    """
    problems: list[str] = []
    seen: set[str] = set()
    for doc in gold:
        did = doc.get("doc_id", "?")
        text = doc.get("text") or ""
        if did in seen:
            problems.append(f"{did}: duplicate doc_id")
        seen.add(did)
        if ecbplus and doc.get("url") != f"urn:ecbplus:{did}":
            problems.append(f"{did}: url {doc.get('url')!r} is not urn:ecbplus:{did}")
        if not ecbplus and not str(doc.get("url") or "").startswith(("http://", "https://")):
            problems.append(f"{did}: url {doc.get('url')!r} is not an http(s) URL")
        if not text:
            problems.append(f"{did}: empty text")
        for n, att in enumerate(doc.get("attributions") or []):
            if not str(att.get("source_resolved") or "").strip():
                problems.append(f"{did}#{n}: empty source_resolved")
            for key in SPAN_KEYS:
                span = att.get(key) or {}
                start, end, stext = span.get("start"), span.get("end"), span.get("text")
                if not isinstance(start, int) or not isinstance(end, int) or not stext:
                    problems.append(f"{did}#{n}: {key} span incomplete")
                elif not 0 <= start < end <= len(text) or text[start:end] != stext:
                    problems.append(f"{did}#{n}: {key} {stext!r} != text[{start}:{end}] {text[start:end]!r}")
    return problems
