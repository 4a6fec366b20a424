"""Claim matching across a story's articles: report counts, independent origins and conflicts.

A claim is summarised once, when its article arrives, into a small dict (kind, main figure,
unit, time window, the noun it counts, speaker, hedged, sentence), which is what the state
store keeps. Within a story, summaries with the same kind, window and counted noun and
figures within a tolerance are one claim, whatever the wording ("a thousand" / "more than
1,000"). Its independent origins are the distinct rewrite groups of its articles, so a copy
adds a report but no origin. Two such claims with figures apart beyond the tolerance
conflict, unless the figure only grew in later reports (casualty counts rise).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterable, Mapping
from typing import Any

from newswire.core.ids import digest
from newswire.core.records import Claim, Conflict, Quantity, StoryClaim
from newswire.stories.features import stem

TOLERANCE = 0.1
"""Relative difference under which two figures are the same figure."""
MAX_CLAIMS = 16
"""Claims with figures kept per article (by check-worthiness)."""
MAX_TEXT = 240
"""Characters of a claim's sentence kept in the state store."""
LISTED_IDS = 20
"""Article and claim ids a story claim or conflict lists (the earliest); `reports` counts them all. Listing
every report made a claim of a story of thousands of articles as large as the story."""
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
_SKIP = frozenset(
    "of the a an their its his her our more than about around some nearly almost over at least up to another other "
    "and or were was have has had been be are is in on to for from by with as who that which".split()
)
_SYNONYMS = {"soldier": "troop", "servicemen": "troop", "serviceman": "troop", "fighter": "troop",
             "wounded": "injured", "hurt": "injured", "person": "people", "individual": "people",
             "resident": "people", "civilian": "people", "inhabitant": "people", "villager": "people",
             "dollar": "usd", "$": "usd"}
_NOUNS = _SYNONYMS | {
    "wound": "injured", "injur": "injured", "injury": "injured",
    "kill": "dead", "died": "dead", "die": "dead", "death": "dead", "fatality": "dead",
    "house": "home", "demonstrator": "protester", "loss": "casualty", "losse": "casualty",
}
"""Counted nouns by their stems: "wounded" stems to "wound" and "injured" to "injur", so the synonyms of
_SYNONYMS, keyed by the words, never applied to them; and killed, died, dead and deaths count the same."""
_NOT_COUNTED = frozenset(
    "past last previous next this these week day month year hour minute since ago today yesterday tonight "
    "weekend overnight morning afternoon evening night alone far so earlier later said say told according "
    "other".split()
)
"""Words after a figure that say when or who, not what it counts ("1,000 killed in the past week alone"):
read as the counted noun, "past" made 12 killed and 40 wounded "in the past day" one thing, and a conflict."""
_HARMED = frozenset(("dead", "injured"))
"""Killed and wounded together are casualties ("1,000 killed or wounded" = "over 1,000 casualties")."""
_CLAUSE_END = re.compile(r"[.;:!?()\[\]\u2014]|,\s")
_NEXT_FIGURE = re.compile(r"[\d$\u00a3\u20ac]")
_CONVERSION = re.compile(r"[ \u00a0]*\([^()]{0,40}[\d$\u00a3\u20ac][^()]{0,40}\)")
"""The same figure in another currency or unit right after it ("45 million euros ($49 million) in aid")."""
_OUTCOMES = frozenset(("dead", "injured", "casualty"))
"""What a participle before a figure may say it counts ("killed 12"): only what happened to people; "approved
45 million euros" says nothing of what the money is, and matching must not read "approv" as its noun."""
_JOIN = frozenset(("and", "or", "but", "while", "with", "as", "plus"))
_WINDOWS = {"past week": "week", "last week": "week", "this week": "week", "past day": "day",
            "past month": "month", "past year": "year"}


_MONTHS = frozenset("jan feb mar apr may jun jul aug sep oct nov dec".split())
_DATE = re.compile(r"(?:(?P<m1>[a-z]{3})[a-z]*\.?\s+(?P<d1>\d{1,2})|(?P<d2>\d{1,2})\s+(?P<m2>[a-z]{3})[a-z]*\.?)"
                   r"(?:,?\s+(?P<y>\d{4}))?")


@functools.lru_cache(maxsize=4096)
def _canon_window(window: str | None) -> str | None:
    """A window as matching compares it: "past week" is "week"; a date is "oct 7" however written ("Oct. 7",
    "October 7", "7 October"), with its year when given ("oct 7 2023"). Idempotent, so stored summaries (whose
    windows were only lower-cased) are read through it again."""
    if not window:
        return None
    low = window.strip().lower()
    m = _DATE.fullmatch(low)
    if m is not None and (m["m1"] or m["m2"]) in _MONTHS:
        date = f"{m['m1'] or m['m2']} {int(m['d1'] or m['d2'])}"
        return f"{date} {m['y']}" if m["y"] else date
    return _WINDOWS.get(low, low)


def subject(text: str, after: int, start: int = -1) -> list[str]:
    """The counted noun after a figure ("1,000 North Korean troops" -> ["troop"]), up to two words.

    Read to the end of the figure's clause, and not into the next figure's words ("killed 12 and injured
    40": "injured" counts the 40); the participle right before the figure ("killed 12 people") completes it,
    so that "killed 12" and "killed 12 people" share what they count."""
    conversion = _CONVERSION.match(text, after)
    if conversion:
        after = conversion.end()  # "45 million euros ($49 million) in emergency aid": the aid is what it is
    hi = min(len(text), after + 80)
    end = _CLAUSE_END.search(text, after, hi)
    if end:
        hi = end.start()
    nxt = _NEXT_FIGURE.search(text, after, hi)
    out: list[str] = []
    for m in _WORD.finditer(text, after, nxt.start() if nxt else hi):
        word = m.group()
        low = word.lower()
        if nxt and low in _JOIN:
            break  # "and injured 40": the rest describes the next figure
        if low in _SKIP or word[0].isupper() or low in {"million", "billion", "thousand", "hundred"}:
            continue
        base = stem(low)
        if base in _NOT_COUNTED:
            continue
        noun = _NOUNS.get(base, base)
        if noun in _HARMED and out and out[-1] in _HARMED and out[-1] != noun:
            out[-1] = "casualty"  # "killed or wounded": read as one word, so the noun before it stays
            continue
        if len(out) == 2:
            break
        out.append(noun)
    if len(out) < 2 and start >= 0:
        verb = _verb_before(text, start)
        if verb and verb not in out:
            out.append(verb)
    return out


_DEATH_TOLL = re.compile(r"\bdeath\s+tolls?\b")


def _verb_before(text: str, start: int) -> str | None:
    """The participle governing the figure that starts at `start` ("killed at least 12" -> "dead"), if any;
    "dead" after a death toll in the same clause ("the death toll rose to 41")."""
    clause = _CLAUSE_END.split(text[max(0, start - 60):start])[-1]
    if _DEATH_TOLL.search(clause.lower()):
        return "dead"
    words = _WORD.findall(clause)
    while words and words[-1].lower() in _SKIP:
        words.pop()  # "killed at least 12", "injuring some 40"
    if not words or not words[-1].islower() or not words[-1].endswith(("ed", "ing")):
        return None
    if len(words) > 1 and words[-2].lower() in ("a", "an", "the"):
        return None  # "an estimated 1,000", "a staggering 40": an adjective of the figure
    noun = _NOUNS.get(stem(words[-1]))
    return noun if noun in _OUTCOMES else None


def nouns(j: Iterable[str]) -> frozenset[str]:
    """What a summary counts, as matching compares it: stored summaries keep the words they were written
    with (stems unmerged, window words such as "past" among them, "killed or injured" as two), so those are
    read the same way."""
    out = frozenset(_NOUNS.get(w, w) for w in j if w not in _NOT_COUNTED)
    return out - _HARMED | {"casualty"} if _HARMED <= out else out


_MAIN_KINDS = {"money": "money", "share": "percent", "casualties": "count", "count": "count"}
"""The quantity kind that carries a claim of each kind's figure (see extractor/extract.py `_kind`)."""


def main_quantity(claim: Claim) -> Quantity:
    """The figure a claim is about: its first quantity of the claim's own kind ("an eight-year, $200 million
    offer" is a money claim about $200 million, not 8 years), else its first."""
    wanted = _MAIN_KINDS.get(claim.kind)
    if wanted is not None:
        for q in claim.quantities:
            if q.kind == wanted:
                return q
    return claim.quantities[0]


_LOWER_BOUND = frozenset((">", ">="))  # "more than", "at least", "over"
_UPPER_BOUND = frozenset(("<=",))  # "up to"; "<" is mostly "nearly"/"almost", a figure close below: a point


def _bounds(q: Quantity) -> list[float | None] | None:
    """The figure's range when it is one or has one open end ("at least 1,000" -> [1000, None]), else None."""
    if q.low is not None and q.high is not None and q.low < q.high:
        return [q.low, q.high]
    if q.approx in _LOWER_BOUND:
        return [q.value, None]
    if q.approx in _UPPER_BOUND:
        return [None, q.value]
    return None


_DENIAL = re.compile(r"\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut(?:e|es|ed|ing)"
                     r"|disput(?:e|es|ed|ing)|rebut(?:s|ted|ting)?)\b(?P<gap>[^,;:.!?]*)$")
_GAP_BREAK = re.compile(r"\b(?:but|said|says|while|although|though)\b")


def _denied(claim: Claim, q: Quantity) -> bool:
    """Whether the claim denies its figure ("denied claims that 1,000 were killed"): a denial verb before the
    figure in the same clause. "Police, who denied any wrongdoing, said 12 were killed" affirms its 12."""
    at = q.start - claim.start
    if not 0 < at <= len(claim.text):
        return False
    m = _DENIAL.search(claim.text[:at].lower())
    return m is not None and _GAP_BREAK.search(m["gap"]) is None


def summarize(claims: Iterable[Claim], text: str) -> list[dict[str, Any]]:
    """The compact, storable form of an article's claims that carry a figure.

    "b", only on a figure that is a range or a bound ("at least 1,000"), holds its [low, high] (None for an
    open end): a figure inside it is no contradiction. Summaries without it are exact figures. "n": True
    marks a claim that denies its figure, which is no report of it; summaries without it affirm theirs."""
    with_figures = [c for c in claims if c.quantities]
    with_figures.sort(key=lambda c: (-c.checkworthiness, c.start))
    out: list[dict[str, Any]] = []
    for c in with_figures[:MAX_CLAIMS]:
        q = main_quantity(c)
        speaker = c.speaker.who if c.speaker else None
        if c.speaker and c.speaker.org and c.speaker.org not in (speaker or ""):
            speaker = f"{speaker} ({c.speaker.org})" if speaker else c.speaker.org
        summary = {
            "i": c.claim_id, "k": c.kind, "v": q.value, "u": q.unit, "w": _canon_window(c.window),
            "j": subject(text, q.end, q.start) if 0 <= q.start <= q.end <= len(text) else [],
            "s": speaker, "h": c.hedged, "x": c.text[:MAX_TEXT],
        }
        bounds = _bounds(q)
        if bounds is not None:
            summary["b"] = bounds
        if _denied(c, q):
            summary["n"] = True
        out.append(summary)
    return out


def signatures(claims: Iterable[Mapping[str, Any]]) -> set[tuple[Any, ...]]:
    """Distinctive claim fingerprints (kind, window, noun, figure to two digits) for story matching.

    Only figures of 100 or more, or figures with a time window, are distinctive enough:
    "two people" recurs across unrelated events, "1,000 troops in the past week" does not.
    A figure with a window also gives its fingerprint without the value: what is counted over the
    same window is one story's figure even when sources disagree on it (2,400 or 3,100 evacuated in
    48 hours), and the story must hold both for the conflict to be seen.
    """
    out: set[tuple[Any, Any, str, float | None]] = set()
    for c in claims:
        value, window = float(c["v"]), _canon_window(c["w"])
        if not (abs(value) >= 100 or window):
            continue
        counted = next((_NOUNS.get(w, w) for w in c["j"] if w not in _NOT_COUNTED), None)
        if counted is None:
            continue
        rounded = float(f"{value:.2g}")
        out.add((c["k"], window, unit_key(c["u"]) or counted, rounded))
        if window:
            out.add((c["k"], window, unit_key(c["u"]) or counted, None))
    return out


_UNSAID = frozenset(("dead", "injured", "casualty", "victim", "missing", "loss", "losse"))
"""Units that say what happened, not to whom ("1,000 deaths", "1,000 wounded"): unknown units, as when none
is given ("1,000 were killed"), compared by the counted noun instead."""


@functools.lru_cache(maxsize=4096)
def unit_key(unit: str | None) -> str | None:
    """A unit compared across wordings: "soldiers" and "troops", "homes" and "houses" count the same thing;
    None when the figure does not say who or what it counts."""
    if not unit:
        return None
    low = stem(unit.strip().lower())
    low = _NOUNS.get(low, low)
    return None if low in _UNSAID else low


def _units_agree(a: str | None, b: str | None) -> bool:
    """Unit keys that may count the same thing: equal, or at least one unknown (an unknown matches any)."""
    return a is None or b is None or a == b


@functools.lru_cache(maxsize=4096)
def _key_unit(unit: str | None) -> str | None:
    """The unit as claim keys spell it: as unit_key did before it read stems, so that the key of a claim
    whose first report the store holds stays the same (alerts are marked by it)."""
    if not unit:
        return None
    low = stem(unit.strip().lower())
    return _SYNONYMS.get(low, low)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b), 1e-9)


def _consistent(a: _Group, b: _Group) -> bool:
    """Whether two claims' figures can both be right: their ranges (see _Group.bounds) meet, or come within
    the tolerance ("at least 1,000" and 1,500 do; "up to 1,000" and 1,500 do not)."""
    a_lo, a_hi = a.bounds()
    b_lo, b_hi = b.bounds()
    lo = max(x for x in (a_lo, b_lo) if x is not None) if a_lo is not None or b_lo is not None else None
    hi = min(x for x in (a_hi, b_hi) if x is not None) if a_hi is not None or b_hi is not None else None
    return lo is None or hi is None or lo <= hi or _close(lo, hi)


class _Group:
    __slots__ = ("first", "nouns", "unit", "value", "key", "reports", "origins", "claim_ids", "hedged", "speakers",
                 "time", "seq", "exact")

    def __init__(self, claim: Mapping[str, Any], article_id: str, origin: str, time: float, seq: int = 0) -> None:
        self.first = claim
        self.seq = seq  # its place among the story's groups: ties in the ranking keep that order
        self.nouns = nouns(claim["j"])  # what matching reads of the first report
        self.unit = unit_key(claim["u"])
        self.value = claim["v"]
        self.key = claim_key(claim)  # the first report fixes it: hashed once, not per story event
        self.reports: dict[str, None] = {article_id: None}
        self.origins = {origin}
        self.claim_ids = [claim["i"]]
        self.hedged = [bool(claim["h"])]
        self.speakers: dict[str, int] = {claim["s"]: 1} if claim["s"] else {}
        self.time = time
        self.exact = "b" not in claim  # whether a report gives the figure itself, not a bound or range

    def bounds(self) -> tuple[float | None, float | None]:
        """The claim's range: its first report's bound or range only when no report gives an exact figure
        ("ten died" and "at least 10 died" say 10), so that it does not depend on which report came first."""
        if self.exact:
            return self.value, self.value
        lo, hi = self.first["b"]
        return lo, hi


class ClaimBook:
    """A story's matched claims, updated as its articles arrive (oldest first)."""

    __slots__ = ("_groups", "_buckets", "_ranked", "_order", "_stale", "_conflicts",
                 "_all_conflicts", "_dirty", "_newest", "_pairs")

    def __init__(self) -> None:
        self._groups: list[_Group] = []
        self._buckets: dict[tuple[Any, Any, bool], list[_Group]] = {}
        """Groups by kind, window and denial: units are compared within (an unknown unit matches any)."""
        self._ranked: dict[int, tuple[int, int, str, int, StoryClaim]] = {}
        """Each group's claim behind its rank key (most origins, most reports, key, then group order):
        ranking by these plain tuples needs no key function per claim per story event."""
        self._order: list[tuple[int, int, str, int, StoryClaim]] = []  # those tuples, kept sorted
        self._stale: dict[int, _Group] = {}  # groups whose claim changed since the last result
        self._conflicts: dict[tuple[Any, Any, bool], list[Conflict]] = {}
        self._all_conflicts: list[Conflict] = []
        self._dirty: set[tuple[Any, Any, bool]] = set()
        self._newest: list[_Group] = []  # the groups the last article added reports
        self._pairs: dict[tuple[Any, Any, bool], dict[tuple[int, int], Conflict]] = {}
        """Per bucket, the conflicting pairs of its claims by their places in it (claims are only appended)."""

    def add(self, article_id: str, origin: str, time: float, claims: list[dict[str, Any]]) -> None:
        """Match one article's claim summaries against the groups so far."""
        self._newest = newest = []
        for claim in claims:
            # a denial is matched only with denials: it reports no figure, and is no report of the one it denies
            key = (claim["k"], _canon_window(claim["w"]), bool(claim.get("n")))
            bucket = self._buckets.setdefault(key, [])
            self._dirty.add(key)
            counted, value, unit = nouns(claim["j"]), claim["v"], unit_key(claim["u"])
            for g in bucket:
                # the bucket fixes kind and window: the unit and counted noun are left (an unknown one matches any)
                if (not counted or not g.nouns or not counted.isdisjoint(g.nouns)) and _close(g.value, value) \
                        and (unit is None or g.unit is None or unit == g.unit):
                    if article_id not in g.reports:
                        g.reports[article_id] = None
                        g.origins.add(origin)
                        g.hedged.append(bool(claim["h"]))
                    g.claim_ids.append(claim["i"])
                    if claim["s"]:
                        g.speakers[claim["s"]] = g.speakers.get(claim["s"], 0) + 1
                    if time < g.time:  # the earliest report dates the figure, whatever arrived first
                        g.time = time
                    if "b" not in claim:
                        g.exact = True
                    self._stale[id(g)] = g
                    newest.append(g)
                    break
            else:
                group = _Group(claim, article_id, origin, time, len(self._groups))
                self._stale[id(group)] = group
                self._groups.append(group)
                bucket.append(group)
                newest.append(group)

    def _refresh(self) -> list[Conflict]:
        """Rebuild the claims that changed and the conflicts of the buckets that did; the conflicts."""
        order = self._order
        stale, self._stale = self._stale, {}
        for gid, g in stale.items():
            sc = _story_claim(g)
            old = self._ranked.get(gid)
            if old is not None:  # the group's rank may have moved: out at the old place, in at the new one
                del order[bisect.bisect_left(order, old)]
            rank = self._ranked[gid] = (-sc.independent_origins, -sc.reports, sc.key, g.seq, sc)
            bisect.insort(order, rank)  # ranks differ in their group order, so claims are never compared
        changed = False
        for key in self._dirty:
            bucket = self._buckets[key]
            # only claims with a time window can conflict (see _conflict): the rest cost no pairwise pass
            if len(bucket) > 1 and key[1] and key[0] not in _NO_CONFLICT and not key[2]:
                found = self._recheck(key, bucket, stale)
            else:
                found = []
            if found or self._conflicts.get(key):
                changed = True
            self._conflicts[key] = found
        self._dirty.clear()
        if changed:
            # in the order of the bucket keys, not of set iteration (string hashes differ per process):
            # a restarted or second worker must publish the same story event for the same article
            self._all_conflicts = [x for _, xs in sorted(self._conflicts.items(), key=_bucket_order) for x in xs]
        return list(self._all_conflicts)

    def _recheck(self, key: tuple[Any, Any, bool], bucket: list[_Group], stale: Mapping[int, _Group]) -> list[Conflict]:
        """The bucket's conflicts, in pair order, with only the pairs of claims that changed checked again.

        A pair's conflict depends on its two claims alone, so the others keep theirs: checking every pair
        at each article cost a story with tens of claims in one bucket milliseconds per article."""
        pairs = self._pairs.setdefault(key, {})
        changed = [i for i, g in enumerate(bucket) if id(g) in stale]
        for i, j in {(min(c, o), max(c, o)) for c in changed for o in range(len(bucket)) if o != c}:
            found = _conflict(bucket[i], bucket[j])
            if found is None:
                pairs.pop((i, j), None)
            else:
                pairs[(i, j)] = found
        return [pairs[p] for p in sorted(pairs)]

    def result(self) -> tuple[list[StoryClaim], list[Conflict]]:
        """The story's claims in group order (rebuilt only where they changed) and its conflicts."""
        conflicts = self._refresh()
        ranked = self._ranked
        return [ranked[id(g)][-1] for g in self._groups], conflicts

    def newest_keys(self) -> set[str]:
        """The keys of the claims the newest article reports."""
        return {g.key for g in self._newest}

    def top(self, claims: int, conflicts: int) -> tuple[list[StoryClaim], list[Conflict], int, int]:
        """What a story event lists: the `claims` best-ranked claims, then any claim of the newest article
        ranked below them; the conflicts of the newest article's claims, then the others, `conflicts` in
        all unless the newest article has more; and how many claims and conflicts the story holds.

        A rule that fires on a new claim or conflict therefore sees it in the event of the article that
        brought it, however large the story (an event listing everything grew with every member)."""
        found = self._refresh()
        order, ranked = self._order, self._ranked
        listed = [r[-1] for r in order[:claims]]
        if len(order) > claims:
            cut = order[claims - 1] if claims else None
            newest = {id(g): ranked[id(g)] for g in self._newest}  # an article may report a claim twice
            # ranks differ in their group order, so sorting never compares the claims themselves
            listed.extend(r[-1] for r in sorted(r for r in newest.values() if cut is None or r > cut))
        held = len(found)
        if held > conflicts:
            keys = self.newest_keys()
            mine = [c for c in found if not keys.isdisjoint(c.claim_keys)]
            others = [c for c in found if keys.isdisjoint(c.claim_keys)]
            found = mine + others[:max(0, conflicts - len(mine))]
        return listed, found, len(order), held


def _bucket_order(item: tuple[tuple[Any, Any, bool], list[Conflict]]) -> str:
    """A process-independent order of claim buckets (kind, window may be None; denied)."""
    return repr(item[0])


def match(reports: Iterable[tuple[str, str, float, list[dict[str, Any]]]]) -> tuple[list[StoryClaim], list[Conflict]]:
    """Group claim summaries of (article_id, origin, event_time, claims), oldest first, into story claims."""
    book = ClaimBook()
    for article_id, origin, time, claims in reports:
        book.add(article_id, origin, time, claims)
    return book.result()


def _story_claim(g: _Group) -> StoryClaim:
    c = g.first
    speaker = max(g.speakers.items(), key=lambda kv: (kv[1], kv[0]))[0] if g.speakers else None
    return StoryClaim(
        key=g.key, kind=c["k"], text=c["x"], value=c["v"], unit=c["u"], window=c["w"], speaker=speaker,
        reports=len(g.reports), independent_origins=len(g.origins),
        article_ids=list(itertools.islice(g.reports, LISTED_IDS)), claim_ids=g.claim_ids[:LISTED_IDS],
        hedged=all(g.hedged),
    )


def claim_key(c: Mapping[str, Any]) -> str:
    """A matched claim's stable key: kind, window, counted noun and figure of its first report, and whether it
    denies the figure (only then, so that the keys of stored claims stay)."""
    parts = (c["k"], c["w"], " ".join(c["j"]), _key_unit(c["u"]), round(float(c["v"]), 3))
    return "k_" + digest(*parts, "denied") if c.get("n") else "k_" + digest(*parts)


_POSSESSOR = re.compile(r"([A-Za-z][A-Za-z\-]*)['\u2019]s\b")
_IN_PARENS = re.compile(r"\(([^()]*)\)")
_COMMON_OWNERS = frozenset(
    "country region city state nation province government company firm group agency ministry army military".split())


@functools.lru_cache(maxsize=4096)
def _owners(speaker: str) -> frozenset[str]:
    """Whose a speaker is: its possessors and the organisation in parentheses ("Russia's defence ministry" ->
    russia, "John Kirby (White House)" -> white, house); not a generic one ("the country's disaster agency")."""
    words = {m.lower() for m in _POSSESSOR.findall(speaker)}
    for org in _IN_PARENS.findall(speaker):
        words.update(w for w in _WORD.findall(org.lower()) if w not in _SKIP)
    return frozenset(words - _COMMON_OWNERS)


def _same_source(a: _Group, b: _Group) -> bool:
    """Whether two claims come from the same speaker (or at least one speaker is unknown).

    Speakers that both say whose they are and differ there are two sources whatever else they share
    ("Russia's defence ministry", "Ukraine's defence ministry"); otherwise any shared word makes one."""
    if not a.speakers or not b.speakers:
        return True
    owners_a = frozenset().union(*map(_owners, a.speakers))
    owners_b = frozenset().union(*map(_owners, b.speakers))
    if owners_a and owners_b and owners_a.isdisjoint(owners_b):
        return False
    words_a = {w for s in a.speakers for w in _WORD.findall(s.lower()) if w not in _SKIP}
    words_b = {w for s in b.speakers for w in _WORD.findall(s.lower()) if w not in _SKIP}
    return bool(words_a & words_b)


_NO_CONFLICT = frozenset(("quote", "statement"))


def _first_distinct(ids: Iterable[str], n: int) -> list[str]:
    """The first `n` distinct ids, reading no further than needed."""
    out: dict[str, None] = {}
    for i in ids:
        out[i] = None
        if len(out) == n:
            break
    return list(out)


def _conflict(a: _Group, b: _Group) -> Conflict | None:
    """The conflict between two claims of one bucket (`a` the earlier group), or None."""
    if not (a.nouns and b.nouns and _units_agree(a.unit, b.unit) and not a.nouns.isdisjoint(b.nouns)):
        return None  # the bucket fixes kind and window
    if a.first["k"] in _NO_CONFLICT or not a.first["w"]:
        return None  # without a time window two figures need not describe the same quantity
    if _consistent(a, b):
        return None  # "at least 1,000" and 1,500: both can be right
    early, late = (a, b) if a.time <= b.time else (b, a)
    if early.time < late.time and late.first["v"] > early.first["v"] and _same_source(early, late):
        return None  # a source raising its own figure later is an update, not a contradiction
    return Conflict(
        key="x_" + digest(a.key, b.key), kind=a.first["k"], window=a.first["w"],
        unit=a.first["u"] if a.unit else b.first["u"] or a.first["u"],  # the one that says what it counts
        values=[a.first["v"], b.first["v"]], claim_keys=[a.key, b.key],
        article_ids=_first_distinct(itertools.chain(a.reports, b.reports), LISTED_IDS),
    )
