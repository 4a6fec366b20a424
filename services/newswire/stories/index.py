"""StoryIndex: the stories stage's state and its one decision per article.

The store (a changelog-backed Faust table in streaming, a dict in `newswire process`)
holds one compact record per article, keyed by article id: event time, story, duplicate
link, MinHash signature, weighted terms, claim summaries. That is the only durable state;
the LSH buckets, the inverted index and the story membership are rebuilt from it whenever
the store holds entries the memory does not know (after a restart or a rebalance).
Writes are keyed by article id, so a redelivered article changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import MutableMapping
from typing import Any

import numpy as np
import orjson

from newswire.core.ids import story_id as make_story_id
from newswire.core.records import ExtractedArticle, Story, StoryAssignment, StoryMember
from newswire.stories import claims as claim_match
from newswire.stories import features, minhash
from newswire.stories.cluster import Clusterer

DUPLICATE_THRESHOLD = 0.12
"""Estimated Jaccard of word 3-grams from which an article is a rewrite or copy of another.
Rewrites on the seeds sit at ~0.2, independent reports of one event at ~0.03."""
MAX_ENTITIES = 8
"""Entity names kept per article (most mentioned first), for the story's entity list."""
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def parse_epoch(value: str | None) -> float | None:
    """Seconds since the epoch of an ISO-8601 time (naive means UTC), or None when unreadable."""
    if not value:
        return None
    try:
        when = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return (when - _EPOCH).total_seconds()


def _iso(epoch: float) -> str:
    return (_EPOCH + dt.timedelta(seconds=epoch)).isoformat().replace("+00:00", "Z")


def _top_entities(extracted: ExtractedArticle) -> list[str]:
    counts = Counter(e.text for e in extracted.extraction.entities if e.label != "DATE")
    return [name for name, _ in counts.most_common(MAX_ENTITIES)]


class StoryIndex:
    """Near-duplicates, stories, claims and conflicts of the articles held in `store`."""

    def __init__(self, store: MutableMapping[str, bytes], *, window_days: float = 7.0) -> None:
        self._store = store
        self.window_seconds = window_days * 86400.0
        self._records: dict[str, dict[str, Any]] = {}
        self._sigs: dict[str, np.ndarray] = {}
        self._buckets: dict[int, set[str]] = defaultdict(set)
        self._clusterer = Clusterer()
        self._latest = 0.0
        self._seq = 0
        self._sync()

    # --- state -------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._records)

    @property
    def story_count(self) -> int:
        """Stories with at least one article held."""
        return len(self._clusterer.members)

    def _sync(self) -> None:
        """Rebuild the memory from the store when they disagree (cheap check: sizes)."""
        if len(self._store) == len(self._records):
            return
        self._records.clear()
        self._sigs.clear()
        self._buckets.clear()
        self._clusterer = Clusterer()
        self._latest = 0.0
        self._seq = 0
        records = []
        for key, value in list(self._store.items()):
            try:
                records.append((key, orjson.loads(value)))
            except orjson.JSONDecodeError:
                continue  # not ours; never let a bad entry stop the stage
        records.sort(key=lambda kv: (kv[1]["e"], kv[1]["q"]))
        for key, rec in records:
            self._hold(key, rec)

    def _hold(self, article_id: str, rec: dict[str, Any]) -> None:
        self._records[article_id] = rec
        sig = minhash.decode(rec["m"])
        self._sigs[article_id] = sig
        if not minhash.is_empty(sig):
            for band in self._band_keys(sig):
                self._buckets[band].add(article_id)
        self._clusterer.add(article_id, rec["k"], rec["s"])
        self._latest = max(self._latest, rec["e"])
        self._seq = max(self._seq, rec["q"] + 1)

    @staticmethod
    def _band_keys(sig: np.ndarray) -> list[int]:
        return [hash(b) for b in minhash.bands(sig)]

    def _drop(self, article_id: str) -> None:
        self._records.pop(article_id, None)
        sig = self._sigs.pop(article_id, None)
        if sig is not None and not minhash.is_empty(sig):
            for band in self._band_keys(sig):
                bucket = self._buckets.get(band)
                if bucket is not None:
                    bucket.discard(article_id)
                    if not bucket:
                        del self._buckets[band]
        self._clusterer.remove(article_id)

    # --- decisions -----------------------------------------------------------------------

    def _duplicate(self, sig: np.ndarray) -> tuple[str | None, str | None, float | None]:
        """(earliest article of the rewrite group, closest match, similarity) or Nones."""
        if minhash.is_empty(sig):
            return None, None, None
        seen: set[str] = set()
        best, best_sim = None, 0.0
        roots: set[str] = set()
        for band in self._band_keys(sig):
            for other in self._buckets.get(band, ()):
                if other in seen:
                    continue
                seen.add(other)
                sim = minhash.similarity(sig, self._sigs[other])
                if sim >= DUPLICATE_THRESHOLD:
                    roots.add(self._records[other]["d"] or other)
                    if sim > best_sim or (sim == best_sim and best is not None and other < best):
                        best, best_sim = other, sim
        if best is None:
            return None, None, None
        root = min(roots, key=lambda a: (self._records[a]["e"], self._records[a]["q"], a))
        return root, best, round(best_sim, 4)

    def add(self, article: ExtractedArticle, *, event_time: str) -> StoryAssignment:
        """Place one article: its rewrite group, its story, and the story as it now stands."""
        self._sync()
        clean = article.article
        aid = clean.article_id
        rec = self._records.get(aid)
        if rec is None:
            rec = self._new_record(article, event_time)
            self._store[aid] = orjson.dumps(rec)  # the durable write first, then memory
            self._hold(aid, rec)
        return StoryAssignment(story_id=rec["s"], duplicate_of=rec["d"], duplicate_similarity=rec["ds"],
                               story=self.story(rec["s"], trigger=aid))

    def _new_record(self, article: ExtractedArticle, event_time: str) -> dict[str, Any]:
        clean = article.article
        text = clean.text or ""
        epoch = parse_epoch(event_time)
        if epoch is None:
            epoch = self._latest  # unreadable time: treat as now in event time
        sig = minhash.signature(features.shingle_hashes(text))
        root, closest, sim = self._duplicate(sig)
        names = _top_entities(article)
        terms = features.terms(clean.title, text)
        if closest is not None:
            story = self._records[closest]["s"]  # a copy belongs to its source's story
            if self._records[root]["e"] > epoch:
                root = None  # this one is older than the group's earliest: it is the original
        else:
            chosen, _ = self._clusterer.choose(terms)
            story = chosen or make_story_id(clean.article_id)
        return {
            "e": epoch, "t": event_time or _iso(epoch), "q": self._seq, "s": story,
            "d": root, "g": closest, "ds": sim if root else None,
            "u": clean.url, "o": clean.source, "ti": clean.title, "p": clean.published_at,
            "sp": bool(clean.spam.is_spam), "m": minhash.encode(sig), "k": terms,
            "c": claim_match.summarize(article.extraction.claims, text), "n": names,
        }

    def expire(self, now: str) -> int:
        """Drop articles whose event time is older than the window before `now`; how many."""
        self._sync()
        epoch = parse_epoch(now)
        if epoch is None:
            return 0
        cutoff = epoch - self.window_seconds
        old = [aid for aid, rec in self._records.items() if rec["e"] < cutoff]
        for aid in old:
            self._store.pop(aid, None)
            self._drop(aid)
        return len(old)

    # --- story events ----------------------------------------------------------------------

    def _origins(self, members: list[str]) -> dict[str, str]:
        """Each member's independent origin: the root of its rewrite links (union-find)."""
        parent = {a: a for a in members}

        def find(a: str) -> str:
            while parent[a] != a:
                parent[a] = parent[parent[a]]
                a = parent[a]
            return a

        for a in members:
            for link in (self._records[a]["g"], self._records[a]["d"]):
                if link in parent:
                    ra, rb = find(a), find(link)
                    if ra != rb:
                        parent[max(ra, rb)] = min(ra, rb)
        return {a: find(a) for a in members}

    def story(self, story_id: str, *, trigger: str) -> Story:
        """The `newswire.stories` event of a story as it stands."""
        members = sorted(self._clusterer.members.get(story_id, ()),
                         key=lambda a: (self._records[a]["e"], self._records[a]["q"]))
        recs = [self._records[a] for a in members]
        origins = self._origins(members)
        story_claims, conflicts = claim_match.match(
            (a, origins[a], r["e"], r["c"]) for a, r in zip(members, recs, strict=True)
        )
        story_claims.sort(key=lambda c: (-c.independent_origins, -c.reports, c.key))
        names: Counter[str] = Counter()
        for r in recs:
            names.update(r["n"])
        titled = [r for r in recs if r["ti"] and not r["sp"]] or [r for r in recs if r["ti"]]
        return Story(
            story_id=story_id,
            title=titled[0]["ti"] if titled else None,
            first_seen=recs[0]["t"] if recs else "",
            last_seen=max((r["t"] for r in recs), key=parse_epoch_or_zero) if recs else "",
            articles=[StoryMember(article_id=a, url=r["u"], source=r["o"], title=r["ti"], published_at=r["p"],
                                  duplicate_of=r["d"], spam=r["sp"]) for a, r in zip(members, recs, strict=True)],
            claims=story_claims,
            conflicts=conflicts,
            entities=[n for n, _ in names.most_common(12)],
            trigger_article_id=trigger,
        )


def parse_epoch_or_zero(value: str) -> float:
    """Sort key for event times: unreadable ones first."""
    return parse_epoch(value) or 0.0
