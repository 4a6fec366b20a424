"""One-pass story clustering: a new article joins the story whose centroid it is closest to, or opens one.

Each story keeps a centroid: the sum of its members' length-normalised term weights.
An article's score for a story is the TF-IDF cosine between the article and that centroid,
with document frequencies over the articles held, so the weights follow the news of the
window. The centroid (average link) rather than the nearest member (single link) keeps a
loose chain of articles from pulling a second event of the same kind into a story.
Candidates come from an inverted index of story terms, walked for the article's rarest
terms only, so the cost per article stays bounded as the window fills.
The cosine over names, figures and years alone then moves the score up or down: two events
of the same kind share topical words ("earthquake", "pirates") but not their names and tolls.
A story's first article is a poor centroid, so the second report of an event often opens a story
of its own; when a later article joins a story, a single-article story among its candidates whose
article now scores over the threshold against the grown centroid is absorbed into it.
Everything here is in memory and rebuilt from the state store after a restart.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

THRESHOLD = 0.25
"""Lowest cosine to a story's centroid that joins it (tuned on ECB+ dev, shuffled order)."""
QUERY_TERMS = 16
"""Rarest terms of the new article looked up in the story index."""
CANDIDATES = 6
"""Stories scored exactly per article: those sharing the most of its rare terms."""
SPECIFIC_WEIGHT = 0.2
"""How much the cosine over names, figures and years alone adds to (or takes from) a story's score."""
SPECIFIC_EXPECT = 0.3
"""The names-and-figures cosine that neither helps nor hurts: below it (a story sharing mostly
topical words with the article) the join gets harder, since it is probably another event of the same kind."""
_DRIFT = 1.5
"""A cached story norm is recomputed once the number of held articles moved by this factor."""


class _Story:
    __slots__ = ("sid", "centroid", "size", "norm_sq", "norm_n", "spec_sq")

    def __init__(self, sid: str) -> None:
        self.sid = sid
        self.centroid: dict[str, float] = {}
        self.size = 0
        self.norm_sq = 0.0  # squared TF-IDF norm, kept up to date as members come and go
        self.norm_n = -1  # held-article count the IDF of norm_sq was taken at; -1 = never
        self.spec_sq = 0.0  # the same, over the specific terms only (names, figures, years)


class _Query(NamedTuple):
    """An article prepared for scoring against story centroids (see Clusterer._query)."""

    plain: list[tuple[str, float]]
    specific: list[tuple[str, float]]
    norm: float
    spec_norm: float
    rare: list[tuple[int, str, float]]
    n: int
    base: float
    logs: list[float]


_LOGS: list[float] = [math.log(d + 1.5) for d in range(1024)]


def _logs(n: int) -> list[float]:
    """log(df + 1.5) by document frequency, a table covering every df up to n."""
    if n >= len(_LOGS):
        _LOGS.extend(math.log(d + 1.5) for d in range(len(_LOGS), 2 * n + 64))
    return _LOGS


def _unpost(postings: dict[str, str | set[str]], term: str, sid: str) -> None:
    """Take a story off a term's posting: a lone story id, or a set that shrinks back to one."""
    posting: Any = postings.get(term)  # str or set: `type(...) is str` below does not narrow for mypy
    if posting is None:
        return
    if type(posting) is str:
        if posting == sid:
            del postings[term]
        return
    posting.discard(sid)
    if len(posting) == 1:
        postings[term] = next(iter(posting))
    elif not posting:
        del postings[term]


class Clusterer:
    """Story centroids and an inverted index of their terms, for one-pass assignment.

    IDF is log((n + 1) / (df + 1.5)) + 0.1 over the n articles held, from live document
    frequencies, read from a table of logs by df (no per-term cache to go stale or refill).
    """

    __slots__ = ("_df", "_stories", "_postings", "story_of", "members", "_copies")

    def __init__(self) -> None:
        self._df: Counter[str] = Counter()  # a Counter for its update, which counts in C
        self._stories: dict[str, _Story] = {}
        self._postings: dict[str, str | set[str]] = {}  # term -> the one story id, or a set of several
        self.story_of: dict[str, str] = {}
        self.members: dict[str, set[str]] = defaultdict(set)
        self._copies: set[str] = set()  # held articles left out of document frequencies

    def __len__(self) -> int:
        return len(self.story_of)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self.story_of

    def _base(self) -> tuple[int, float, list[float]]:
        """(n, log(n + 1) + 0.1, log table): a term's IDF is base - table[df]."""
        n = len(self.story_of) - len(self._copies) + 1
        return n, math.log(n + 1) + 0.1, _logs(n)

    def _norm(self, story: _Story, n: int, base: float, logs: list[float]) -> float:
        if story.norm_n < 0 or not (story.norm_n / _DRIFT <= n <= story.norm_n * _DRIFT):
            get = self._df.get
            norm = spec = 0.0
            for t, w in story.centroid.items():
                v = w * (base - logs[get(t, 0)])
                v *= v
                norm += v
                if t[0] == "#" or (t[0] == "e" and t[1:2] == ":"):  # a name, figure or year
                    spec += v
            story.norm_sq, story.spec_sq, story.norm_n = norm, spec, n
        return math.sqrt(story.norm_sq) if story.norm_sq > 0 else 1.0

    def _shift(self, story: _Story, terms: dict[str, float], sign: float) -> None:
        """Add (sign 1) or take away (sign -1) a member's unit vector, updating the norm in place."""
        length = math.sqrt(sum(w * w for w in terms.values())) or 1.0
        scale = sign / length
        _, base, logs = self._base()
        get = self._df.get
        centroid = story.centroid
        cget = centroid.get
        postings = self._postings
        sid = story.sid
        delta = spec = 0.0
        for t, w in terms.items():
            old = cget(t)
            new = (old or 0.0) + scale * w
            if new <= 1e-9:
                if old is None:
                    continue  # taking away a term the centroid no longer has
                new = 0.0
                del centroid[t]
                _unpost(postings, t, sid)
            else:
                centroid[t] = new
                if old is None:
                    posting: Any = postings.get(t)  # str or set (see _unpost)
                    if posting is None:
                        postings[t] = sid  # most terms are in one story's centroid: no set for them
                    elif type(posting) is str:
                        if posting != sid:
                            postings[t] = {posting, sid}
                    else:
                        posting.add(sid)
            i = base - logs[get(t, 0)]
            change = (new * new - (old or 0.0) ** 2) * i * i
            delta += change
            if t[0] == "#" or (t[0] == "e" and t[1:2] == ":"):  # a name, figure or year
                spec += change
        story.norm_sq = max(0.0, story.norm_sq + delta)
        story.spec_sq = max(0.0, story.spec_sq + spec)

    def scores(self, terms: dict[str, float], extra: Iterable[str] = ()) -> dict[str, float]:
        """Cosine of an article (not yet added) to each candidate story's centroid (and to `extra` stories)."""
        if not terms or not self._stories:
            return {}
        query = self._query(terms)
        postings = self._postings
        hits: dict[str, float] = {}
        for _, t, v in query.rare[:QUERY_TERMS]:
            posting = postings.get(t)
            if posting is None:
                continue
            if type(posting) is str:
                hits[posting] = hits.get(posting, 0.0) + v
            else:
                for s in posting:
                    hits[s] = hits.get(s, 0.0) + v
        chosen = [s for _, s in sorted([(-h, s) for s, h in hits.items()])[:CANDIDATES]]
        chosen.extend(s for s in extra if s in self._stories and s not in chosen)
        return {s: self._cosine(self._stories[s], query) for s in chosen}

    def similarity(self, terms: dict[str, float], story_id: str) -> float:
        """The score `scores` gives one held story, without the candidate search."""
        return self._cosine(self._stories[story_id], self._query(terms))

    def _query(self, terms: dict[str, float]) -> _Query:
        """An article's IDF-weighted terms split for scoring, and its rarest held terms for the search."""
        n, base, logs = self._base()
        get = self._df.get
        qsq = qspec = 0.0
        plain: list[tuple[str, float]] = []  # (term, query weight times IDF twice: the centroid is raw)
        specific: list[tuple[str, float]] = []
        rare: list[tuple[int, str, float]] = []
        postings = self._postings
        for t, w in terms.items():
            d = get(t, 0)
            i = base - logs[d]
            v = w * i
            sq = v * v
            qsq += sq
            if t[0] == "#" or (t[0] == "e" and t[1:2] == ":"):  # a name, figure or year
                qspec += sq
                if t in postings:  # a term in no story's centroid adds nothing to any dot product
                    specific.append((t, v * i))
            elif t in postings:
                plain.append((t, v * i))
            if d:
                rare.append((d, t, v))
        rare.sort()
        return _Query(plain, specific, math.sqrt(qsq) or 1.0, math.sqrt(qspec), rare, n, base, logs)

    def _cosine(self, story: _Story, query: _Query) -> float:
        """The article's cosine to the story's centroid, moved by its cosine over names, figures and years."""
        cget = story.centroid.get
        dot = sdot = 0.0
        for t, v in query.specific:
            c = cget(t)
            if c is not None:
                sdot += v * c
        for t, v in query.plain:
            c = cget(t)
            if c is not None:
                dot += v * c
        cos = (dot + sdot) / (query.norm * self._norm(story, query.n, query.base, query.logs))
        if query.spec_norm > 0 and story.spec_sq > 0:
            cos += SPECIFIC_WEIGHT * (sdot / (query.spec_norm * math.sqrt(story.spec_sq)) - SPECIFIC_EXPECT)
        return cos

    def rank(self, terms: dict[str, float], bonus: Mapping[str, float] | None = None) -> dict[str, float]:
        """Each candidate story's score for an article: cosine plus any bonus."""
        scored = self.scores(terms, bonus or ())
        for s, extra in (bonus or {}).items():
            if s in scored:
                scored[s] += extra
        return scored

    @staticmethod
    def pick(scored: Mapping[str, float], threshold: float | None = None) -> tuple[str | None, float]:
        """The best-scored story (ties by id) and its score; None as the story below the threshold."""
        if not scored:
            return None, 0.0
        story, score = max(scored.items(), key=lambda kv: (kv[1], kv[0]))
        return (story if score >= (THRESHOLD if threshold is None else threshold) else None), score

    def choose(self, terms: dict[str, float], bonus: Mapping[str, float] | None = None,
               threshold: float | None = None) -> tuple[str | None, float]:
        """The best story to join and its score (cosine plus any bonus), or None below the threshold."""
        return self.pick(self.rank(terms, bonus), threshold)

    def absorbable(self, story_id: str, near: Iterable[str]) -> str | None:
        """The single-article story among `near` whose article now scores at least THRESHOLD against
        story `story_id` (the highest, ties by id), or None."""
        found: list[tuple[float, str]] = []
        for s in near:
            other = self._stories.get(s)
            if s != story_id and other is not None and other.size == 1:
                score = self.similarity(other.centroid, story_id)  # a lone member's centroid is its own vector
                if score >= THRESHOLD:
                    found.append((-score, s))
        return min(found)[1] if found else None

    def merge(self, keep: str, gone: str) -> None:
        """Move story `gone`'s members and centroid into story `keep`."""
        story, old = self._stories[keep], self._stories.pop(gone)
        postings = self._postings
        centroid = story.centroid
        for t, w in old.centroid.items():
            _unpost(postings, t, gone)
            had = centroid.get(t)
            centroid[t] = (had or 0.0) + w
            if had is None:
                posting: Any = postings.get(t)  # str or set (see _unpost)
                if posting is None:
                    postings[t] = keep
                elif type(posting) is str:
                    postings[t] = {posting, keep}  # not keep: keep's centroid lacked the term
                else:
                    posting.add(keep)
        story.size += old.size
        story.norm_n = -1  # recomputed at its next score
        for article_id in self.members.pop(gone):
            self.story_of[article_id] = keep
            self.members[keep].add(article_id)

    def add(self, article_id: str, terms: dict[str, float], story_id: str, *, copy: bool = False) -> None:
        """Hold an article's terms under its story (a second add of the same id is ignored).

        A copy or rewrite of a held article (`copy`) joins its story's centroid but not the document
        frequencies: it is the same document again, and counting it would make its story's own
        names look common (a wire story republished ten times is one document, not ten).
        """
        if article_id in self.story_of:
            return
        self.story_of[article_id] = story_id
        self.members[story_id].add(article_id)
        if copy:
            self._copies.add(article_id)
        else:
            self._df.update(terms.keys())
        story = self._stories.get(story_id)
        if story is None:
            story = self._stories[story_id] = _Story(story_id)
        self._shift(story, terms, 1.0)
        story.size += 1

    def remove(self, article_id: str, terms: dict[str, float]) -> None:
        """Forget an article (expiry) given the terms it was added with; its story goes with its last member.

        The terms are not kept here (the state store has them): that halves the memory per article.
        """
        if article_id not in self.story_of:
            return
        story_id = self.story_of[article_id]
        story = self._stories[story_id]
        self._shift(story, terms, -1.0)  # with the IDF it was added under, as far as still known
        del self.story_of[article_id]
        if article_id in self._copies:
            self._copies.discard(article_id)
        else:
            for t in terms:
                self._df[t] -= 1
                if self._df[t] <= 0:
                    del self._df[t]
        story.size -= 1
        members = self.members[story_id]
        members.discard(article_id)
        if not members:
            del self.members[story_id]
            del self._stories[story_id]
            postings = self._postings
            for t in story.centroid:
                _unpost(postings, t, story_id)
