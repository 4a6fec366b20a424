"""`extract(article)`: sentences, quantities, claims with speakers and hedges, entities.

Pure and deterministic: the same clean article always gives the same extraction and
claim ids; offsets index `article.text`. A claim is a sentence (or an attributed clause of
one) that carries a figure, a speaker, a hedge or a check-worthy statement.
"""

from __future__ import annotations

import bisect
import re

from newswire.core.ids import claim_id
from newswire.core.records import Claim, CleanArticle, Entity, Extraction, Quantity, Speaker
from newswire.extractor import checkworthiness as cw
from newswire.extractor import hedges as hd
from newswire.extractor import speakers_de
from newswire.extractor.entities import mentions as find_mentions
from newswire.extractor.numbers import NON_WORD, trie_pattern, word_pattern
from newswire.extractor.quantities import find_quantities
from newswire.extractor.screen import Spots
from newswire.extractor.sentences import Sentence, split_sentences
from newswire.extractor.speakers import Attributor

MAX_TEXT = 2_000_000  # longer inputs are cut: the tail of a 10 MB page is never an article
NOTE_WINDOW = 8  # sentences a verification note may reach back
_SEGMENT = re.compile(
    r",\s+with\s+(?=[^,;]{2,60}?\s(?:estimating|saying|claiming|reporting|suggesting|putting|believing)\b)"
)
_CONTRAST = re.compile(r"(?:,\s+(?:but|while|whereas)|;)\s+")
"""Where a sentence joins two clauses that may each carry their own attribution."""
_CONTRAST_WORDS = ("but", "while", "whereas")  # in every match of _CONTRAST without a ";"
# Matched against lower-cased text with trie-factored alternations: (?i) makes re several times slower.
_CASUALTY_WORDS = """killed wounded injured hurt dead death deaths died casualty casualties losses fatalities missing
    tote toten verletzte verletzten getötet verletzt vermisst todesopfer morts blessés tués disparus muertos heridos
    fallecidos desaparecidos morti feriti dispersi vittime doden gewonden vermist""".split()
_CASUALTY = re.compile(word_pattern(_CASUALTY_WORDS))
_CASUALTY_BEFORE = re.compile(
    r"\b(?:kill(?:ed|ing|s)|wound(?:ed|ing|s)|injur(?:ed|ing|es)"
    r"|(?:death\s+toll|(?:number|toll)\s+of\s+(?:dead|deaths|fatalities|casualties|victims))\s+"
    r"(?:[\w']+\s+){0,8}?(?:to|at|of))\s+$")
_EVENT_WORDS = """took taken taking seized captured capture downed approved approve stationed deployed launched struck
    attacked invaded signed arrested evacuated destroyed elected resigned announced""".split()
_EVENT = re.compile(r"\b" + trie_pattern(_EVENT_WORDS) + r"\b")
# the same words with the non-word character before them taken along: a pattern led by a character class
# lets re skip over the letters inside words in C (30% fewer instructions than literal-led branches)
_EVENT_SCAN = re.compile(NON_WORD + trie_pattern(_EVENT_WORDS) + r"\b")


def _has_event(low: str, lo: int, hi: int) -> bool:
    """Whether low[lo:hi] names an event ("took", "seized", "shot down"): an event word right at `lo`,
    or after a non-word character inside the span, or "shot down" anywhere."""
    return bool(_EVENT.match(low, lo, hi) or _EVENT_SCAN.search(low, lo, hi)) or low.find("shot down", lo, hi) >= 0
_PAST = r"\b(?:in|over|during|within)\s+the\s+(?:past|last|previous)\s+"
_SOME = r"(?:(?:few|several|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+)?"
"""How many days, weeks, months or years a window spans: "the past two weeks" is a week's window, as "the past
few weeks" and "the past 48 hours" (a day's) are; the labels are coarse."""
_WINDOWS = (
    (re.compile(_PAST + r"(?:\d{1,2}\s+hours|" + _SOME + r"days?)\b"), "day"),
    (re.compile(_PAST + _SOME + r"weeks?\b|\bthis\s+week\b"), "week"),
    (re.compile(_PAST + _SOME + r"months?\b|\bthis\s+month\b"), "month"),
    (re.compile(_PAST + _SOME + r"years?\b|\bthis\s+year\b"), "year"),
    (re.compile(r"\bsince\s+(?:their|its|his|her|the)\s+(?:deployment|arrival|deploying|being\s+deployed)\b"),
     "since deployment"),
    (re.compile(r"\bsince\s+(?:the\s+(?:start|beginning)\s+of\s+the\s+(?:war|invasion|conflict)|the\s+(?:war|invasion)"
                r"\s+began)\b"), "since start of war"),
)
# the six patterns factored into one, to say in one scan whether any of them matches
_ANY_WINDOW = re.compile(
    r"\b(?:(?:in|over|during|within)\s+the\s+(?:past|last|previous)\s+(?:\d{1,2}\s+hours|" + _SOME
    + r"(?:days?|weeks?|months?|years?))|this\s+(?:week|month|year)"
    r"|since\s+(?:(?:their|its|his|her|the)\s+(?:deployment|arrival"
    r"|deploying|being\s+deployed)|the\s+(?:start|beginning)\s+of\s+the\s+(?:war|invasion|conflict)"
    r"|the\s+(?:war|invasion)\s+began))\b"
)
_WINDOW_HINTS = ("past", "last", "previous", "this ", "since")
_DATE = re.compile(
    r"\bon\s+(?P<d>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s+\d{4})?"
    r"|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*(?:\s+\d{4})?"
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b"
)


def window_of(text: str) -> str | None:
    """The time window a claim covers: "week", "since deployment", or the date it names."""
    low = text.lower()
    if any(k in low for k in _WINDOW_HINTS):  # cheap screen before six patterns
        for rx, label in _WINDOWS:  # lower-case patterns on lower-cased text
            if rx.search(low):
                return label
    if " on " not in low:
        return None
    m = _DATE.search(text)
    return m.group("d") if m else None


def _window_at(text: str, low: str, start: int, end: int, hints: Spots, ons: Spots) -> str | None:
    """window_of(text[start:end]) on the whole article: `low` is its lower-cased text, aligned with it."""
    if hints.any_in(start, end) and _ANY_WINDOW.search(low, start, end):  # one scan says whether any matches
        for rx, label in _WINDOWS:
            if rx.search(low, start, end):
                return label
    if not ons.any_in(start, end):
        return None
    m = _DATE.search(text, start, end)
    return m.group("d") if m else None


_CASUALTY_NOUNS = frozenset(["victims", *_CASUALTY_WORDS])  # "1,000 losses", "23 Verletzte", "12 morts"
_NEGATED = re.compile(r"\b(?:no|zero|without)\s+(?:\w+\s+)?$")
_CLAUSE_END = re.compile(r"[;.!?]|,\s+(?:and|but|while|as|with)\b")
CASUALTY_REACH = 60  # characters after a figure its "killed or wounded" may sit in


def _counts_casualties(low: str, lo: int, hi: int, base: int, q: Quantity) -> bool:
    """True when a figure counts people killed, wounded, injured, dead or missing.

    The claim is low[lo:hi] (lower-cased); a quantity's offsets minus `base` index `low`.
    A count whose unit is a casualty noun ("1,000 losses") qualifies; otherwise a casualty word
    must follow the figure in the same clause ("3,000 soldiers have been killed"), not negated
    ("no deaths reported"). Hectares under water or evacuated people are not casualties.
    """
    if q.kind != "count":
        return False
    if q.unit in _CASUALTY_NOUNS:
        return True
    qs = q.start - base
    if _CASUALTY_BEFORE.search(low, max(lo, qs - 70), qs):
        return True  # "the blast killed 12 people", "the death toll rose to 40"
    a = q.end - base
    b = min(hi, a + CASUALTY_REACH)
    stop = _CLAUSE_END.search(low, a, b)
    if stop:
        b = stop.start()
    for m in _CASUALTY.finditer(low, a, b):
        if not _NEGATED.search(low, max(lo, m.start() - 20), m.start()):
            return True
    return False


def _kind(low: str, lo: int, hi: int, base: int, qs: list[Quantity], quoted: bool) -> str:
    """Claim kind from its figures and wording; the claim is low[lo:hi] (see _counts_casualties)."""
    if qs and any(_counts_casualties(low, lo, hi, base, q) for q in qs):
        return "casualties"
    kinds = {q.kind for q in qs}
    if "money" in kinds:
        return "money"
    if "percent" in kinds:
        return "share"
    if quoted and not qs:
        return "quote"
    # the regex scan of _has_event last: with figures, most claims lack the words tested before it
    if (not qs or (any(q.value < 100 for q in qs) and any(low.find(w, lo, hi) >= 0
                                                       for w in ("took", "taken", "captur", "control")))) \
            and _has_event(low, lo, hi):
        return "event"
    if qs:  # an event word with other figures: what they are ("struck" does not make a magnitude a count)
        return "count" if "count" in kinds else "measure"
    return "statement"


def _segments(s: Sentence, attributor: Attributor) -> list[tuple[int, int]]:
    """A sentence cut before an attributed ", with X estimating ..." clause, or between two
    attributed clauses ("Tehran's seismologic center said the quake measured 5.9, but the U.S.
    Geological Survey said it was 6.1"): each source's figure is its own claim."""
    m = _SEGMENT.search(s.text) if "with" in s.text else None  # a substring test first: most sentences hold none
    if m:
        cut = s.start + m.start()
        return [(s.start, cut), (cut, s.end)]
    if ";" not in s.text and ("," not in s.text or not any(w in s.text for w in _CONTRAST_WORDS)):
        return [(s.start, s.end)]  # substring tests first: few sentences hold a contrast
    for c in _CONTRAST.finditer(s.text):
        cut, resume = s.start + c.start(), s.start + c.end()
        if attributor.has_speech_verb(s.start, cut) and attributor.has_speech_verb(resume, s.end):
            return [(s.start, cut), (resume, s.end)]
    return [(s.start, s.end)]


def _place(places: list[Entity], starts: list[int], start: int, end: int) -> str | None:
    """The first place named inside the claim."""
    i = bisect.bisect_left(starts, start)
    return places[i].text if i < len(places) and places[i].start < end else None


def _continued_speaker(drafts: list[dict], si: int, quote: tuple[int, int], attributor: Attributor,
                       start: int, end: int) -> Speaker | None:
    """The speaker of an unattributed quotation (text[start:end]) that follows, in the next
    sentence, another quotation with a speaker, or the same one: news style leaves a continued
    quote unattributed (“"It's a disgrace," Sanders said. "The people deserve better."”)."""
    prev = drafts[-1] if drafts else None
    if prev is None or prev["si"] != si - 1 or prev["speaker"] is None:
        return None  # no attributed sentence right before
    if prev["quote"] == quote:
        return prev["speaker"]  # the quotation's next sentence: its speaker goes on
    if attributor.has_speech_verb(start, end):
        return None  # an attribution of its own, even one the parser could not read
    if prev["quote"] is None and not attributor.has_quote(prev["start"], prev["end"]):
        return None  # the sentence before reports speech without quoting: the quote may be anyone's
    return prev["speaker"]


def extract(article: CleanArticle) -> Extraction:
    """Find the article's quantities, claims (with speakers, hedges, scores) and entities."""
    text = article.text or ""
    if len(text) > MAX_TEXT:
        text = text[:MAX_TEXT]
    # lower-cased once per article; per-span regexes read it by offset (when lower() keeps offsets)
    low = text.lower()
    aligned = len(low) == len(text)
    hedge_spots = Spots(low, hd.HINTS) if aligned else None
    note_spots = hedge_spots  # NOTE_HINTS are among HINTS: a sentence without HINTS is no note
    sentences = split_sentences(text)
    ments = find_mentions(text)
    entities = [Entity(text=m.name, label=m.label, start=m.start, end=m.end) for m in ments]
    attributor = Attributor(text, ments)
    model = cw.load()
    drafts: list[dict] = []
    notes: list[tuple[int, set[str], int]] = []
    all_quantities = find_quantities(text, lang=article.language)  # one scan; sentences take theirs by offset
    q_starts = [q.start for q in all_quantities]
    german = (article.language or "").lower().startswith("de")
    plan: list[tuple[int, Sentence, list[Quantity], list[tuple[int, int]]]] = []
    for si, s in enumerate(sentences):
        lo, hi = bisect.bisect_left(q_starts, s.start), bisect.bisect_left(q_starts, s.end)
        qs_sentence = all_quantities[lo:hi]
        if not qs_sentence and (note_spots is None or note_spots.any_in(s.start, s.end)) \
                and hd.is_verification_note(s.text, False):
            notes.append((si, hd.note_keys(s.text), hd.note_reach(s.text)))
            continue
        plan.append((si, s, qs_sentence, _segments(s, attributor)))
    seg_texts = [text[a:b] for *_, segs in plan for a, b in segs]
    # one batch per article: the scorer's per-token work runs in C over all segments at once
    seg_scores = iter(model.scores(seg_texts) if model is not None else [0.0] * len(seg_texts))
    seg_text = iter(seg_texts)
    for si, s, qs_sentence, segs in plan:
        quote = attributor.quote_at(s.start, s.end)
        speaker = None
        for a, b in segs:
            score = next(seg_scores)
            seg = next(seg_text)
            qs = [q for q in qs_sentence if a <= q.start < b] if len(segs) > 1 else qs_sentence
            if speaker is None or not attributor.opens_with_speech_verb(a):  # ", but added": the same subject
                speaker = attributor.local(a, b)
            if speaker is None and german:
                speaker = speakers_de.local(text, a, b)
            if speaker is None and quote is not None:
                speaker = attributor.quote_speaker(*quote)
                if speaker is None:
                    speaker = _continued_speaker(drafts, si, quote, attributor, a, b)
            attributor.heard(speaker, a)
            if hedge_spots is None:
                hedges = hd.inline_hedges(seg)
            else:
                hedges = hd.inline_hedges_at(low, a, b) if hedge_spots.any_in(a, b) else []
            prev = drafts[-1] if drafts else None
            if (quote is not None and prev is not None and prev["quote"] == quote and prev["si"] == si - 1
                    and speaker is not None and prev["speaker"] is not None and prev["speaker"].who == speaker.who):
                # one claim per quotation: its sentences share a speaker and are read together
                prev.update(si=si, end=b, text=text[prev["start"]:b], qs=prev["qs"] + qs,
                            hedges=prev["hedges"] + hedges, speaker=speaker, rescore=True)
                continue
            if not (qs or speaker or hedges or score >= 0.5):
                continue
            drafts.append({"si": si, "start": a, "end": b, "text": seg, "qs": qs, "speaker": speaker,
                           "hedges": hedges, "score": score, "quoted": quote is not None, "quote": quote})
    for si, keys, reach in notes:
        note_start = sentences[si].start
        cands = [(i, d["text"] + " " + (d["speaker"].name if d["speaker"] else ""), len(d["qs"]),
                  d["speaker"] is not None, text.find("\n", d["end"], note_start) < 0)
                 for i, d in list(enumerate(drafts))[::-1] if si - NOTE_WINDOW <= d["si"] < si]
        for i in hd.note_targets(keys, cands, reach):
            drafts[i]["hedges"].append(sentences[si].text.strip().lower())
    places = [e for e in entities if e.label == "GPE"]
    place_starts = [e.start for e in places]
    claims = []
    merged = [d for d in drafts if d.get("rescore")]
    if merged and model is not None:
        for d, sc in zip(merged, model.scores([d["text"] for d in merged]), strict=True):
            d["score"] = max(d["score"], sc)
    if aligned:
        win_hints, ons = Spots(low, _WINDOW_HINTS), Spots(low, (" on ",))
    aid = article.article_id
    for d in drafts:
        a, b, t, qs = d["start"], d["end"], d["text"], d["qs"]
        if aligned:
            kind = _kind(low, a, b, 0, qs, d["quoted"])
            window = _window_at(text, low, a, b, win_hints, ons)
        else:
            tl = t.lower()
            kind = _kind(tl, 0, len(tl), a, qs, d["quoted"])
            window = window_of(t)
        claims.append(Claim(
            claim_id=claim_id(aid, a, b, t), text=t, start=a, end=b, kind=kind, quantities=qs,
            speaker=d["speaker"], hedged=bool(d["hedges"]), hedges=d["hedges"],
            checkworthiness=round(d["score"], 4), window=window, place=_place(places, place_starts, a, b),
        ))
    return Extraction(quantities=all_quantities, claims=claims, entities=entities)
