"""StoryIndex: the stories stage's state and its one decision per article.

The store (a changelog-backed Faust table in streaming, a dict in `newswire process`)
holds one compact record per article, keyed by article id: event time, story, duplicate
link, bottom-k MinHash sketch, weighted terms, claim summaries. That is the only durable state;
the sketch index keys, the inverted index and the story membership are rebuilt from it whenever
the store holds entries the memory does not know (after a restart or a rebalance).
Writes are keyed by article id, so a redelivered article changes nothing. When an article's
join lets its story absorb a single-article story (see cluster.py), the absorbed article's record
is rewritten with its new story, and the joining article's record names the absorbed story ("m"),
so a rebuild holds the same stories and a redelivery repeats the same story event. An original
that arrives after its copies rewrites their records the same way, so they name it as duplicated.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, MutableMapping
from typing import Any

import numpy as np
import orjson

from newswire.core.ids import content_version
from newswire.core.ids import story_id as make_story_id
from newswire.core.records import ExtractedArticle, Story, StoryAssignment, StoryMember
from newswire.stories import claims as claim_match
from newswire.stories import features, minhash
from newswire.stories.cluster import Clusterer

DUPLICATE_THRESHOLD = 0.115
"""Estimated Jaccard of word 3-grams from which an article is a rewrite or copy of another.
Outside quotations the seeds' rewrite sits at 0.137 and the samples' at 0.146; independent reports of
one event reach 0.091. The sketch's index keys find the candidates, the whole sketch decides."""
MAX_DUPLICATE_CHECKS = 64
"""Candidate copies compared per article at most (bounds the cost of a text copied many times)."""
MAX_KEY_HOLDERS = 64
"""Latest articles read per index key (a shingle in very many texts says little and must not cost much)."""
CLAIM_BONUS = 0.1
"""Added to a story's score for each distinctive figure (kind, window, noun, value) it already reports."""
MAX_CLAIM_BONUS = 0.2
MAX_ENTITIES = 8
"""Entity names kept per article (most mentioned first), for the story's entity list."""
STORY_NAMES = 12
"""Entity names a story event lists (most named first)."""
EVENT_ARTICLES = 50
"""Articles a story event lists: the story's first and the latest, and besides them the article the event is
for (a redelivered one may be old), the original it copies, and those that report the newest article's claims
and conflicts (their listed ids), so an alert on a copy or a claim names the outlets concerned. An event
that listed the whole story grew with every member: at 3,000 articles each new one cost 16 ms and a 1.4 MB
event (the stage's usual cost is under 1 ms), and at some tens of thousands it would pass the message size
limit."""
EVENT_CLAIMS = 50
"""Claims a story event lists, best-ranked first; the newest article's claims are listed as well."""
EVENT_CONFLICTS = 50
"""Conflicts a story event lists; those of the newest article's claims are listed first, and always."""
EXPIRY_STEPS = 24
"""Expiry advances in steps of the window divided by this (7 hours of a 7-day window): an article leaves
at the first step after its window ends. A story's view is rebuilt from all its members whenever one of
them expires, so expiring a few at a time rebuilt a long-running story's view every few articles (bench
section growth, a story of 2,500 held articles: 1.6 -> 6 ms per article once its window turned over)."""
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_SLIM = ("e", "q", "s", "d", "g", "ds")
_SLIM_IF_SET = ("m", "r", "h")
"""Record keys only some records have, held in memory too: stories absorbed ("m"), the first answer ("r"), the
content version ("h", absent from records written before versions were kept)."""
_CONTENT_KEYS = ("e", "t", "a", "u", "o", "ti", "p", "sp", "b", "k", "c", "n", "h", "f")
"""Record keys that come from the article's content and times; an update of the article replaces them."""
_RECORD_KEYS = frozenset(("e", "t", "q", "s", "d", "g", "ds", "u", "o", "ti", "p", "sp", "b", "k", "c", "n"))


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
    counts: dict[str, int] = {}
    for e in extracted.extraction.entities:
        if e.label != "DATE":
            counts[e.text] = counts.get(e.text, 0) + 1
    # most mentioned, ties by name: the names sorted, then stably by count (cheaper than sorting pairs)
    return sorted(sorted(counts), key=counts.__getitem__, reverse=True)[:MAX_ENTITIES]


class StoryIndex:
    """Near-duplicates, stories, claims and conflicts of the articles held in `store`."""

    def __init__(self, store: MutableMapping[str, bytes], *, window_days: float = 7.0) -> None:
        self._store = store
        self.window_seconds = window_days * 86400.0
        self._records: dict[str, dict[str, Any]] = {}
        self._sketches: dict[str, np.ndarray] = {}
        self._buckets: dict[int, str | list[str]] = {}
        self._clusterer = Clusterer()
        self._views: dict[str, _StoryView] = {}
        self._foreign = 0
        self._fingerprints: dict[tuple[Any, ...], Counter[str]] = defaultdict(Counter)
        self._latest = 0.0
        self._seq = 0
        self._expiry: list[tuple[float, str]] = []
        """(event time, article id), oldest first: expiry pops what fell out of the window instead
        of scanning every article held (that scan paused the worker for ~0.5 s per call)."""
        self._sync()

    # --- state -------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._records)

    def story_of(self, article_id: str) -> str | None:
        """The story a held article is in now (absorption may have moved it since its assignment)."""
        rec = self._records.get(article_id)
        return rec["s"] if rec is not None else None

    @property
    def latest_epoch(self) -> float:
        """The latest event time held, in seconds since 1970 (0.0 before any): the window's clock after a restart."""
        return self._latest

    @property
    def story_count(self) -> int:
        """Stories with at least one article held."""
        return len(self._clusterer.members)

    def _sync(self) -> None:
        """Rebuild the memory from the store when they disagree (cheap check: sizes)."""
        if len(self._store) == len(self._records) + self._foreign:
            return
        self._foreign = 0
        self._records.clear()
        self._sketches.clear()
        self._buckets.clear()
        self._views.clear()
        self._fingerprints.clear()
        self._clusterer = Clusterer()
        self._latest = 0.0
        self._seq = 0
        self._expiry.clear()
        records = []
        for key, value in list(self._store.items()):
            try:
                rec = orjson.loads(value)
            except (orjson.JSONDecodeError, TypeError):
                rec = None
            if not isinstance(rec, dict) or not _RECORD_KEYS <= rec.keys():
                self._foreign += 1  # not a record of ours: skipped, and counted so it forces no rebuilds
                continue
            records.append((key, rec))
        records.sort(key=lambda kv: (kv[1]["e"], kv[1]["q"]))
        for key, rec in records:
            self._hold(key, rec)

    def _hold(self, article_id: str, rec: dict[str, Any], sketch: np.ndarray | None = None, *,
              fresh: bool = False) -> None:
        """Hold a record in memory; `fresh` for a new arrival (a rebuild holds records in event-time order,
        so its views are built later, lazily, in arrival order)."""
        # memory keeps only what decisions read; terms, claims and member fields stay in the store
        slim = self._records[article_id] = {k: rec[k] for k in _SLIM}
        for field in _SLIM_IF_SET:
            if field in rec:
                slim[field] = rec[field]
        slim["x"] = expires_from = rec.get("a", rec["e"])  # later of event time and arrival
        if sketch is None:
            sketch = minhash.decode_sketch(rec["b"])
        self._sketches[article_id] = sketch
        buckets = self._buckets
        # most keys hold one article: no list
        mine: dict[int, str | list[str]] = dict.fromkeys(minhash.index_keys(sketch), article_id)
        for key in mine.keys() & buckets.keys():  # the few keys held already (set operations in C)
            held = buckets[key]
            if isinstance(held, str):
                mine[key] = [held, article_id]
            else:
                held.append(article_id)
                del mine[key]
        buckets.update(mine)
        self._clusterer.add(article_id, rec["k"], rec["s"], copy=rec["g"] is not None)
        for fingerprint in claim_match.signatures(rec["c"]):
            self._fingerprints[fingerprint][rec["s"]] += 1
        view = self._views.get(rec["s"])
        if view is not None:
            view.append(article_id, rec)  # arrival order, so a late-published article costs no rebuild
        elif fresh and len(self._clusterer.members.get(rec["s"], ())) == 1:
            view = self._views[rec["s"]] = _StoryView()  # a new story: its view from the record at hand
            view.append(article_id, rec)
        self._latest = max(self._latest, rec["e"])
        self._seq = max(self._seq, rec["q"] + 1)
        heapq.heappush(self._expiry, (expires_from, article_id))

    def _drop(self, article_id: str, rec: dict[str, Any]) -> None:
        """Forget an article held in memory, given its full stored record."""
        if self._records.pop(article_id, None) is not None:
            self._views.pop(rec["s"], None)
            for fingerprint in claim_match.signatures(rec["c"]):
                stories = self._fingerprints.get(fingerprint)
                if stories is not None:
                    stories[rec["s"]] -= 1
                    if stories[rec["s"]] <= 0:
                        del stories[rec["s"]]
                    if not stories:
                        del self._fingerprints[fingerprint]
        sketch = self._sketches.pop(article_id, None)
        if sketch is not None:
            buckets = self._buckets
            for key in minhash.index_keys(sketch):
                held = buckets.get(key)
                if held == article_id:
                    del buckets[key]
                elif isinstance(held, list) and article_id in held:
                    held.remove(article_id)
                    if len(held) == 1:
                        buckets[key] = held[0]
        self._clusterer.remove(article_id, rec["k"])

    # --- decisions -----------------------------------------------------------------------

    def _duplicate(self, sketch: np.ndarray) -> tuple[str | None, str | None, float | None, list[tuple[str, float]]]:
        """(earliest article of the rewrite group, closest match, similarity, every match with its similarity)
        or Nones and no matches."""
        keys = minhash.index_keys(sketch)
        if not keys:
            return None, None, None, []
        shared: dict[str, int] = {}
        for held in filter(None, map(self._buckets.get, keys)):  # most keys are held by no article
            if isinstance(held, str):
                shared[held] = shared.get(held, 0) + 1
            else:
                for other in held[-MAX_KEY_HOLDERS:]:
                    shared[other] = shared.get(other, 0) + 1
        need = minhash.min_shared(keys)
        candidates = sorted((-n, other) for other, n in shared.items() if n >= need)[:MAX_DUPLICATE_CHECKS]
        best, best_sim = None, 0.0
        roots: set[str] = set()
        similar: list[tuple[str, float]] = []
        for _, other in candidates:  # most shared keys first; bounded for a text copied many times
            sim = minhash.sketch_similarity(sketch, self._sketches[other])
            if sim >= DUPLICATE_THRESHOLD:
                similar.append((other, round(sim, 4)))
                root = self._records[other]["d"] or other
                # the group's first article may have expired: the earliest one still held leads it
                roots.add(root if root in self._records else other)
                if sim > best_sim or (sim == best_sim and best is not None and other < best):
                    best, best_sim = other, sim
        if best is None:
            return None, None, None, []
        root = min(roots, key=lambda a: (self._records[a]["e"], self._records[a]["q"], a))
        return root, best, round(best_sim, 4), similar

    def _claim_bonus(self, summaries: list[dict[str, Any]]) -> dict[str, float]:
        """Stories that already report one of these distinctive figures, with the score it adds."""
        bonus: dict[str, float] = defaultdict(float)
        for fingerprint in claim_match.signatures(summaries):
            for story in self._fingerprints.get(fingerprint, ()):
                bonus[story] = min(MAX_CLAIM_BONUS, bonus[story] + CLAIM_BONUS)
        return bonus

    def add(self, article: ExtractedArticle, *, event_time: str, arrival_time: str | None = None,
            version: str | None = None) -> StoryAssignment:
        """Place one article: its rewrite group, its story, and the story as it now stands.

        `arrival_time` (when it entered the pipeline) matters only to expiry: an article whose
        event time is already old when it arrives is still held a full window after arrival.
        `version` is the article's content_version, when the caller has it already."""
        self._sync()
        clean = article.article
        aid = clean.article_id
        version = version or content_version(clean.title, clean.text or "")
        rec = self._records.get(aid)
        if rec is None:
            rec, sketch, near, copies = self._new_record(article, event_time, arrival_time, version)
            self._write(aid, rec)  # the durable write first, then memory
            self._hold(aid, rec, sketch, fresh=True)
            if near:
                self._absorb(aid, rec, near)
            if copies:
                self._relabel_copies(aid, rec, copies)
        elif rec.get("h", version) != version and self._newer(aid, rec, article, event_time, arrival_time):
            rec = self._update(aid, article, event_time, arrival_time, version)
        # a redelivery or replay gets the answer first given, even if a merge or a late original moved it since:
        # its enriched event keeps its id, so it must keep its content
        story_id, duplicate_of, similarity = rec.get("r") or (rec["s"], rec["d"], rec["ds"])
        return StoryAssignment(story_id=story_id, duplicate_of=duplicate_of, duplicate_similarity=similarity,
                               story=self.story(rec["s"], trigger=aid))

    def _write(self, article_id: str, rec: dict[str, Any]) -> None:
        """Store an article's record; copied because orjson's bytes keep a 32 KB buffer each."""
        self._store[article_id] = memoryview(orjson.dumps(rec)).tobytes()

    @staticmethod
    def _keep_first_answer(full: dict[str, Any], held: dict[str, Any]) -> None:
        """Before a record's story or original changes, note what its article was first told ("r")."""
        if "r" not in full:
            full["r"] = held["r"] = [full["s"], full["d"], full["ds"]]

    def _relabel_copies(self, original: str, rec: dict[str, Any], copies: list[tuple[str, float]]) -> None:
        """An original that arrives after its copies (partitions, a late feed) becomes what the copies it
        matches duplicate: their records now name it, so story events and alerts see them as copies."""
        for other, sim in copies:
            held = self._records[other]
            if held["d"] == original:
                continue
            full = self._full(other)
            self._keep_first_answer(full, held)
            full["d"] = held["d"] = original
            if full["ds"] is None:  # the group's former first article: its similarity to the original
                full["ds"] = held["ds"] = sim
            self._write(other, full)
            self._views.pop(held["s"], None)  # rebuilt from the records at its next story event
        self._views.pop(rec["s"], None)

    def _absorb(self, article_id: str, rec: dict[str, Any], near: list[str]) -> None:
        """Let the story the article joined absorb a single-article story among its candidates."""
        story = rec["s"]
        gone = self._clusterer.absorbable(story, near)
        if gone is None:
            return
        [moved] = self._clusterer.members[gone]
        full = self._full(moved)
        self._keep_first_answer(full, self._records[moved])
        full["s"] = story
        self._write(moved, full)  # the moved article first, then the mark
        rec["m"] = [gone]
        self._write(article_id, rec)
        self._clusterer.merge(story, gone)
        self._records[moved]["s"] = story
        self._records[article_id]["m"] = rec["m"]
        for fingerprint in claim_match.signatures(full["c"]):
            stories = self._fingerprints[fingerprint]
            stories[story] += stories.pop(gone, 0)
        self._views.pop(gone, None)
        self._views.pop(story, None)  # rebuilt in arrival order at the story event

    def _newer(self, aid: str, held: dict[str, Any], article: ExtractedArticle, event_time: str,
               arrival_time: str | None) -> bool:
        """Whether another text of a held article is a later version than the one held (an update), not an
        older one sent again. Both fetched: the later fetch (an older version ingested anew arrives "now" and
        undid the update). Otherwise the later of event time and arrival (a replay keeps its arrival)."""
        fetched, held_fetched = parse_epoch(article.article.fetched_at), self._full(aid).get("f")
        if fetched is not None and held_fetched is not None and fetched != held_fetched:
            return fetched > held_fetched
        return max(parse_epoch(event_time) or 0.0, parse_epoch(arrival_time) or 0.0) >= held["x"]

    def _update(self, aid: str, article: ExtractedArticle, event_time: str, arrival_time: str | None,
                version: str) -> dict[str, Any]:
        """A new version of a held article (same id, new text, not older than the one held): its content, times,
        claims and terms replace the old ones in its story, which it stays in (as its rewrite links stay).
        A redelivery of an older version is answered as a redelivery (a replay must not undo an update)."""
        full = self._full(aid)
        self._drop(aid, full)
        content, sketch = self._content(article, event_time, arrival_time, version)
        rec = {k: v for k, v in full.items() if k not in _CONTENT_KEYS} | content
        self._write(aid, rec)
        self._hold(aid, rec, sketch, fresh=True)
        return self._records[aid]

    def _content(self, article: ExtractedArticle, event_time: str, arrival_time: str | None,
                 version: str) -> tuple[dict[str, Any], np.ndarray]:
        """The record's fields that come from the article itself (see _CONTENT_KEYS), and its sketch."""
        clean = article.article
        text = clean.text or ""
        epoch = parse_epoch(event_time)
        if epoch is None:
            epoch = self._latest  # unreadable time: treat as now in event time
        arrival = parse_epoch(arrival_time)
        sketch = minhash.sketch(features.shingle_hashes(text))
        content = {
            "e": epoch, "t": event_time or _iso(epoch),
            "u": clean.url, "o": clean.source, "ti": clean.title, "p": clean.published_at,
            "sp": bool(clean.spam.is_spam), "b": minhash.encode_sketch(sketch),
            "k": features.terms(clean.title, text),
            "c": claim_match.summarize(article.extraction.claims, text), "n": _top_entities(article),
            "h": version,
        }
        if arrival is not None and arrival > epoch:
            content["a"] = arrival
        fetched = parse_epoch(clean.fetched_at)
        if fetched is not None:
            content["f"] = fetched  # which of two versions is the later one (_newer)
        return content, sketch

    def _new_record(self, article: ExtractedArticle, event_time: str, arrival_time: str | None,
                    version: str) -> tuple[dict[str, Any], np.ndarray, list[str], list[tuple[str, float]]]:
        """The article's record, its sketch, the stories it was scored against when it joined one, and the
        held copies it is the original of (it is older than their group's first article)."""
        content, sketch = self._content(article, event_time, arrival_time, version)
        epoch = content["e"]
        root, closest, sim, similar = self._duplicate(sketch)
        copies: list[tuple[str, float]] = []
        near: list[str] = []
        if closest is not None:
            story = self._records[closest]["s"]  # a copy belongs to its source's story
            if root is not None and self._records[root]["e"] > epoch:  # a closest match has a root
                root = None  # this one is older than the group's earliest: it is the original
                copies = similar
        else:
            scored = self._clusterer.rank(content["k"], self._claim_bonus(content["c"]))
            chosen, _ = self._clusterer.pick(scored)
            story = chosen or make_story_id(article.article.article_id)
            if chosen is not None:
                near = list(scored)
        rec = {"q": self._seq, "s": story, "d": root, "g": closest, "ds": sim if root else None} | content
        return rec, sketch, near, copies

    def expire(self, now: str) -> int:
        """Drop articles whose event time (or arrival, when later) is older than the window
        before `now`, in steps of the window (EXPIRY_STEPS); how many."""
        self._sync()
        epoch = parse_epoch(now)
        if epoch is None:
            return 0
        cutoff = epoch - self.window_seconds
        step = self.window_seconds / EXPIRY_STEPS
        if step > 0:
            cutoff = math.floor(cutoff / step) * step  # steps counted from 1970: the same in every process
        heap, old = self._expiry, []
        while heap and heap[0][0] < cutoff:
            when, aid = heapq.heappop(heap)
            rec = self._records.get(aid)
            if rec is not None and rec["x"] == when:  # else dropped already: a stale entry
                old.append(aid)
        for aid in old:
            full = orjson.loads(self._store.pop(aid))  # one read of the store (a table in the worker), not two
            self._drop(aid, full)
        return len(old)

    def _full(self, article_id: str) -> dict[str, Any]:
        """An article's whole record, read back from the store."""
        return orjson.loads(self._store[article_id])

    # --- story events ----------------------------------------------------------------------

    def _view(self, story_id: str) -> _StoryView:
        """The story's derived view, built from its members' records when missing."""
        view = self._views.get(story_id)
        if view is None:
            view = self._views[story_id] = _StoryView()
            members = sorted(self._clusterer.members.get(story_id, ()), key=lambda a: self._records[a]["q"])
            for a in members:
                view.append(a, self._full(a), rank_names=False)
            view.rank_names()  # once, not per member: the same names as ranking them as each came
        return view

    def story(self, story_id: str, *, trigger: str) -> Story:
        """The `newswire.stories` event of a story as it stands."""
        view = self._view(story_id)
        story_claims, conflicts, claim_count, conflict_count = view.book.top(EVENT_CLAIMS, EVENT_CONFLICTS)
        held = self._records.get(trigger)
        members = view.members
        if len(members) <= EVENT_ARTICLES:
            listed = list(members)
        else:
            keys = view.book.newest_keys()
            wanted = {trigger}  # a redelivered article's update is of the story as it stands: it lists it too
            if held is not None and held["d"]:
                wanted.add(held["d"])  # the original it copies: a copy is flagged against its outlet
            wanted.update(a for c in story_claims if c.key in keys for a in c.article_ids)
            wanted.update(a for x in conflicts if not keys.isdisjoint(x.claim_keys) for a in x.article_ids)
            tail, place = len(members) - (EVENT_ARTICLES - 1), view.place
            between = sorted(place[a] for a in wanted if 0 < place.get(a, 0) < tail)
            listed = [members[0], *(members[i] for i in between), *members[tail:]]
        return Story(
            story_id=story_id,
            title=view.title,
            first_seen=view.first_seen,
            last_seen=view.last_seen,
            articles=listed,
            claims=story_claims,
            conflicts=conflicts,
            entities=list(view.top_names),
            trigger_article_id=trigger,
            merged_from=list(held.get("m", ())) if held is not None and held["s"] == story_id else [],
            article_count=len(members),
            claim_count=claim_count,
            conflict_count=conflict_count,
        )


class _StoryView:
    """What a story event shows, kept up to date as articles join (in arrival order)."""

    __slots__ = ("members", "place", "origin", "book", "names", "name_rank", "top_names", "title", "title_spam",
                 "first_seen", "last_seen", "first_epoch", "last_epoch")

    def __init__(self) -> None:
        self.members: list[StoryMember] = []
        self.place: dict[str, int] = {}  # a member's place in `members`
        self.origin: dict[str, str] = {}
        self.book = claim_match.ClaimBook()
        self.names: dict[str, int] = {}  # mentions by name (counted once per article naming it)
        self.name_rank: dict[str, int] = {}  # order of first mention: ties in the top names keep it
        self.top_names: list[str] = []
        """The STORY_NAMES most named, most first, ties by first mention (as Counter.most_common orders them),
        kept up to date: counts only grow, so only the last top names and the article's names can make it."""
        self.title: str | None = None
        self.title_spam = True
        self.first_seen = ""
        self.last_seen = ""
        self.first_epoch = float("inf")
        self.last_epoch = float("-inf")

    def append(self, article_id: str, rec: dict[str, Any], *, rank_names: bool = True) -> None:
        """Add the newest member: its origin is that of the article it rewrites, if in the story, else the
        original it copies (one that arrived later, or expired): copies of one original are one origin.
        Without `rank_names` the top names are left for `rank_names()` (a view built from many members)."""
        origin = rec["d"] or article_id
        for link in (rec["g"], rec["d"]):
            if link in self.origin:
                origin = self.origin[link]
                break
        self.origin[article_id] = origin
        self.place[article_id] = len(self.members)
        self.members.append(StoryMember(article_id=article_id, url=rec["u"], source=rec["o"], title=rec["ti"],
                                        published_at=rec["p"], duplicate_of=rec["d"], spam=rec["sp"]))
        self.book.add(article_id, origin, rec["e"], rec["c"])
        names, rank = self.names, self.name_rank
        for name in rec["n"]:
            count = names.get(name)
            if count is None:
                rank[name] = len(names)
                names[name] = 1
            else:
                names[name] = count + 1
        if rec["n"] and rank_names:
            contenders = dict.fromkeys(self.top_names)
            contenders.update(dict.fromkeys(rec["n"]))
            self._rank(contenders)
        if rec["ti"] and (self.title is None or (self.title_spam and not rec["sp"])):
            self.title, self.title_spam = rec["ti"], rec["sp"]
        if rec["e"] < self.first_epoch:
            self.first_epoch, self.first_seen = rec["e"], rec["t"]
        if rec["e"] >= self.last_epoch:
            self.last_epoch, self.last_seen = rec["e"], rec["t"]

    def rank_names(self) -> None:
        """The top names from all counts (after members were added without ranking them)."""
        self._rank(self.names)

    def _rank(self, candidates: Iterable[str]) -> None:
        """The top names among `candidates`: most mentioned first, then the first mentioned."""
        names, rank = self.names, self.name_rank
        self.top_names = sorted(candidates, key=lambda n: (-names[n], rank[n]))[:STORY_NAMES]
