"""One-pass story clustering: a new article joins the story it is most similar to, or opens one.

Similarity is TF-IDF cosine with document frequencies over the articles held (so the
weights follow the news of the window), found through an inverted index of terms; an
article's score for a story mixes its best match among the members with its mean match,
so a story grows from close neighbours but a loose chain does not swallow a second event.
Everything here is in memory and rebuilt from the state store after a restart.
"""

from __future__ import annotations

import math
from collections import defaultdict

THRESHOLD = 0.2
"""Lowest story score that joins an existing story (tuned on ECB+ dev, shuffled order)."""
MAX_WEIGHT = 0.5
"""Share of the best member match in a story's score; the rest is the mean over members."""
QUERY_TERMS = 40
"""Rarest terms of the new article walked in the inverted index (bounds the cost per article)."""
COMMON = 0.3
"""Terms in more than this share of held articles are too common to look candidates up by."""


class Clusterer:
    """Inverted index of held articles' terms, with their stories, for one-pass assignment."""

    __slots__ = ("_df", "_postings", "_terms", "_norms", "story_of", "members")

    def __init__(self) -> None:
        self._df: dict[str, int] = defaultdict(int)
        self._postings: dict[str, set[str]] = defaultdict(set)
        self._terms: dict[str, dict[str, float]] = {}
        self._norms: dict[str, tuple[int, float]] = {}
        self.story_of: dict[str, str] = {}
        self.members: dict[str, set[str]] = defaultdict(set)

    def __len__(self) -> int:
        return len(self._terms)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._terms

    def idf(self, term: str) -> float:
        """Inverse document frequency over the held articles (plus the one being placed)."""
        n = len(self._terms) + 1
        return math.log((n + 1) / (self._df.get(term, 0) + 1.5)) + 0.1

    def _norm(self, article_id: str) -> float:
        n = len(self._terms)
        cached = self._norms.get(article_id)
        if cached is not None and cached[0] * 0.8 <= n <= cached[0] * 1.25:
            return cached[1]  # document frequencies drift slowly: recompute only when the index grew a lot
        idf = self.idf
        norm = math.sqrt(sum((w * idf(t)) ** 2 for t, w in self._terms[article_id].items())) or 1.0
        self._norms[article_id] = (n, norm)
        return norm

    def scores(self, terms: dict[str, float]) -> dict[str, float]:
        """Each candidate story's score for an article with these terms (not yet added)."""
        if not terms or not self._terms:
            return {}
        idf = self.idf
        n = len(self._terms)
        weights = {t: w * idf(t) for t, w in terms.items()}
        qnorm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
        limit = max(3, COMMON * n)
        ranked = sorted((t for t in terms if 0 < self._df.get(t, 0) <= limit), key=lambda t: -weights[t])
        dots: dict[str, float] = defaultdict(float)
        for term in ranked[:QUERY_TERMS]:
            qw = weights[term] * idf(term)
            for other in self._postings[term]:
                dots[other] += qw * self._terms[other][term]
        best: dict[str, float] = defaultdict(float)
        total: dict[str, float] = defaultdict(float)
        for other, dot in dots.items():
            sim = dot / (qnorm * self._norm(other))
            story = self.story_of[other]
            total[story] += sim
            if sim > best[story]:
                best[story] = sim
        return {s: MAX_WEIGHT * best[s] + (1 - MAX_WEIGHT) * total[s] / len(self.members[s]) for s in best}

    def choose(self, terms: dict[str, float], threshold: float = THRESHOLD) -> tuple[str | None, float]:
        """The best story to join and its score, or (None, best score) when none reaches the threshold."""
        scored = self.scores(terms)
        if not scored:
            return None, 0.0
        story, score = max(scored.items(), key=lambda kv: (kv[1], kv[0]))
        return (story if score >= threshold else None), score

    def add(self, article_id: str, terms: dict[str, float], story_id: str) -> None:
        """Hold an article's terms under its story (a second add of the same id is ignored)."""
        if article_id in self._terms:
            return
        self._terms[article_id] = terms
        for t in terms:
            self._df[t] += 1
            self._postings[t].add(article_id)
        self.story_of[article_id] = story_id
        self.members[story_id].add(article_id)

    def remove(self, article_id: str) -> None:
        """Forget an article (expiry); its story goes when its last member does."""
        terms = self._terms.pop(article_id, None)
        if terms is None:
            return
        for t in terms:
            self._df[t] -= 1
            if self._df[t] <= 0:
                del self._df[t]
            posting = self._postings.get(t)
            if posting is not None:
                posting.discard(article_id)
                if not posting:
                    del self._postings[t]
        self._norms.pop(article_id, None)
        story = self.story_of.pop(article_id)
        members = self.members[story]
        members.discard(article_id)
        if not members:
            del self.members[story]
