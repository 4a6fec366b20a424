"""Quantities: figures with their unit, what they count, approximator and offsets.

One linear scan finds number cores (digits, unicode fractions, number words); small
anchored regexes then read the context on either side: currency and approximators
before, scale words, units and the counted noun after. Dates, years, clock times,
ordinals and model names ("F-16", "Section 427") are time expressions or labels, not
quantities, and are dropped. Ranges ("10-15", "between 44 and 50", "from 7 to 10") become
their midpoint with approx "~", as both reference annotations (quantulum, NewsQuant) read
them; "X +/- Y unit" keeps X. Lists share what their last item carries, right to left:
"13 of 24 drones" gives two counts of drones, "five or six million people" two scaled
counts of people. Powers (8x2^10, 2.48x10^-5), mixed fractions (2 1/2, 2½) and compound
unit symbols (km/s2, µg/m3, via `units.parse_unit_expr`) are read after the digits.
"""

from __future__ import annotations

import math
import re
import string

from newswire.core.records import Quantity
from newswire.extractor import locales as lc
from newswire.extractor import numbers as nb
from newswire.extractor import qlang
from newswire.extractor import units as un


def _cased(words: list[str]) -> list[str]:
    return words + [w.capitalize() for w in words]


_WORD_ALT = nb.trie_pattern(_cased([*nb.UNITS_WORDS, *nb.TENS_WORDS, *nb.SCALE_WORDS, "dozen"]))
_WORD_START = nb.trie_pattern(_cased([*nb.UNITS_WORDS, *nb.TENS_WORDS]))
_FRAC_NUM = nb.trie_pattern(_cased("a an one two three four five six seven eight nine ten".split()))
_FRAC_ALT = nb.trie_pattern(list(nb.FRACTION_WORDS))
# Digits, unicode fractions and number words are found by three patterns and merged: a
# pattern that starts with a plain character class ([0-9]) lets Python's re skip ahead
# fast, while one alternation of all three scans about three times slower.
_DIG = re.compile(
    # 1,500,000 / 10 000 (space groups not inside a token: "i7 860" is not 7860) / 42
    # and tokenised text's "35, 000" (a group after ", " only when it starts with 0: "2005, 100 people" stays two)
    r"[0-9](?:\d{0,2}(?:,\d{3}|,[ ]0\d\d)+(?!\d)|(?<![^\W\d]\d)\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?![\d,.])|\d*)"
    r"(?:\.\d+)?(?:[eE][-+\u2212]?\d+)?(?:[ -]\d{1,2}[/\u2044]\d{1,3}(?!\d)|[/\u2044]\d+| and a half\b"
    r"|[ ]?[\u00bd\u2153\u2154\u00bc\u00be\u2155-\u215b])?"  # 4e14, 2 1/2, 1/40
)
_UF = re.compile(r"[\u00bd\u2153\u2154\u00bc\u00be\u2155-\u215b]")
# English scans digits and unicode fractions in one pass: one leading character class keeps the
# fast skip-ahead, and the digit tail applies only after a digit.
_DIG_UF = re.compile(r"[0-9\u00bd\u2153\u2154\u00bc\u00be\u2155-\u215b](?:(?<=[0-9])" + _DIG.pattern[5:] + ")?")
# "a gallon", "a kilogram", "a percentage point": one of a unit of measure. Durations and money are
# left out: "a year ago", "twice a day", "not a penny", "a dollar spent" are idioms, not figures.
_ONE_UNITS_LIST = (
    "gallon litre liter mile kilometre kilometer metre meter kilogram gram acre hectare inch ounce pint barrel tonne "
    "kilobyte megabyte gigabyte terabyte kibibyte byte percentage".split()
)
_ONE_UNITS = nb.trie_pattern(_ONE_UNITS_LIST)
_FIRST_LETTERS = "".join(sorted({w[0] for w in _cased(
    [*nb.UNITS_WORDS, *nb.TENS_WORDS, "a", "an", *"one two three four five six seven eight nine ten".split()])}))
# A one-character class, then a lookahead for how every match starts ("a"/"an" before a space or a
# hyphen, or a unit or tens word), in front of the three alternatives: Python's re then rejects most
# positions with one test, and "the", "and", "about" with a few, instead of trying each branch of each trie.
_WORDS_LEAD = r"(?=[" + _FIRST_LETTERS + r"])(?=[Aa]n?[ -]|" + _WORD_START + r")"
_WORDS_BODY = (
    r"(?:(?P<frac>" + _FRAC_NUM + r"[ -]" + _FRAC_ALT + r")\b"
    r"|(?P<w>(?:[Aa]n?[ ](?:hundred|thousand|million|billion|dozen)|" + _WORD_START + r")"
    r"(?:(?:[ ]?-[ ]?|[ ]and[ ]|[ ]?&[ ]|,?[ ])(?:" + _WORD_ALT + r"))*(?:[ ]and[ ]a[ ]half|-and-a-half)?)\b"
    r"|(?P<one>[Aa]n?)(?=[ ](?:" + _ONE_UNITS + r")\b)(?<!of a)(?<!of an))"  # lookbehinds last: faster
)
_WORDS_CORE = re.compile(r"\b" + _WORDS_LEAD + _WORDS_BODY)
# _WORDS_CORE with the non-word character before the number word (its word boundary) taken along: a
# pattern that starts with a character class lets re skip in C over the letters inside words
_WORDS_SCAN = re.compile(nb.NON_WORD + _WORDS_LEAD + _WORDS_BODY)


def _word_cores(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, group) of each _WORDS_CORE.finditer(text, start, end) match, found by _WORDS_SCAN.

    Only a number word right at `start` has its non-word character outside the window; every match
    ends in a word character, so the next one starts past the non-word character after it."""
    out = []
    m = _WORDS_CORE.match(text, start, end)
    if m:
        out.append((m.start(), m.end(), m.lastgroup or "w"))
        start = m.end()
    out += [(m.start() + 1, m.end(), m.lastgroup or "w") for m in _WORDS_SCAN.finditer(text, start, end)]
    return out


def _cores(lang: qlang.Lang, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Number cores (start, end, kind) in text order, without overlaps."""
    if lang.code == "en":
        found = [(m.start(), m.end(), "dig" if text[m.start()] <= "9" else "uf")
                 for m in _DIG_UF.finditer(text, start, end)]
    else:
        found = [(m.start(), m.end(), "dig") for m in lang.dig.finditer(text, start, end)]
        found += [(m.start(), m.end(), "uf") for m in _UF.finditer(text, start, end)]
    if lang.words is _WORDS_CORE:
        found += _word_cores(text, start, end)
    elif lang.words is not None:
        found += [(m.start(), m.end(), m.lastgroup or lang.code) for m in lang.words.finditer(text, start, end)]
    if lang.code == "en":
        for word in ("half", "Half"):  # str.find skips ahead far faster than a regex scan for a rare word
            i = text.find(word, start, end)
            while i >= 0:
                if _HALF.match(text, i, end) and not _NOT_HALF.search(text, max(start, i - 12), i):
                    found.append((i, i + 4, "half"))
                i = text.find(word, i + 4, end)
    found.sort()
    out: list[tuple[int, int, str]] = []
    last_end = -1
    for s, e, k in found:
        if s >= last_end:
            out.append((s, e, k))
            last_end = e
    return out


_SCALE_AFTER = re.compile(
    r"(?:[ \u00a0]?-?[ \u00a0]?(?P<word>thousand|million|billion|trillion|mn|mln|bn|bln|tn|crores?|lakhs?)\b"
    r"|(?P<letter>[kKmMbBtT])(?![\w]))"
)
_APPROX_MAP: dict[str, str] = {
    "more than": ">", "over": ">", "upwards of": ">", "just over": ">", "well over": ">", "in excess of": ">",
    "well above": ">", "above": ">", "at least": ">=", "no fewer than": ">=", "about": "~", "around": "~",
    "approximately": "~", "approx.": "~", "roughly": "~", "some": "~", "close to": "~", "an estimated": "~",
    "estimated": "~", "nearly": "<", "almost": "<", "just under": "<", "fewer than": "<", "less than": "<",
    "under": "<", "below": "<", "barely": "<", "up to": "<=", "as many as": "<=", "as much as": "<=",
    "at most": "<=", "no more than": "<=",
}
_MONTHS = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
_MONTH_BEFORE = re.compile(r"\b(?:" + _MONTHS + r")\.?,?[ \u00a0]+(?:\d{1,2},?[ \u00a0]+)?$")
_MONTH_AFTER = re.compile(r"(?:st|nd|rd|th)?[ \u00a0]+(?:of[ ]+)?(?:" + _MONTHS + r")\b")
_ORDINAL_FIRST = frozenset("snrt'")
_SCI_FIRST = frozenset("x\u00d7^")
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b|s\b|'s\b")  # 21st, 1960s
_TIME_AFTER = re.compile(r"(?::\d\d|[ \u00a0]?(?:a\.m\.|p\.m\.|am\b|pm\b|AM\b|PM\b|GMT\b|UTC\b|EST\b|ET\b))")
_WORD_AFTER = re.compile(r"[ \u00a0]+(?P<w>[A-Za-z][A-Za-z'\u2019]*(?:-[A-Za-z]+|(?<=[A-Z])-\d+)*)")  # "AK-47"
_HYPHEN_WORD = re.compile(r"-(?!(?:and|or|to|on|in|of|by|for|at|up)\b)"  # "11-and 13-inch", "two-on-one": no units
                          r"(?P<w>[a-z]+(?:-old|-(?:foot|feet|metre|meter|kilometre|kilometer|mile|yard|inch))?)\b")
# "half of", "half the": a share; "the second half of", "in half" are not figures
_HALF = re.compile(r"[Hh]alf(?= (?:of|the|a|an|its|their|his|her|our|all|those|these)\b)")
_NOT_HALF = re.compile(r"(?:\w|\b(?:first|second|third|last|other|latter|former|the|a|back|and)[ ])$")
_ORDINAL_FRAC = re.compile(r"(?i:an?|one)[ -](?:third|fourth|fifth|sixth|eighth|tenth)$")
_OF_NEXT = re.compile(r"[ \u00a0]+of\b|[ \u00a0]*(?:[,.;:!?)]|$)")
_MAGNITUDE_BEFORE = re.compile(r"\b[Mm]agnitude[ \u00a0](?:of[ \u00a0])?$")
_HALF_SCALE = re.compile(r"[ ]an?[ ](?P<s>dozen|hundred|thousand|million|billion|trillion)\b")
_HALF_UNIT = re.compile(r"[ ](?:of[ ])?an?(?=[ ]+[a-z])")  # "half a mile", "two-tenths of a mile"
_MINUS_BEFORE = re.compile(r"\b[Mm]inus[ \u00a0]$")
_MILLION_M = re.compile(r"m[ \u00a0](?P<w>[a-z]{3,})\b")
_SUP = r"[\u207b\u207a\u2070\u00b9\u00b2\u00b3\u2074-\u2079]"  # superscript digits and signs
# 8x2^10, 2.48x10^-5, 2.48x10-5 (a superscript lost), 1.5x10\u2076, 2^10
_SCI_AFTER = re.compile(
    r"(?:[ ]?[\u00d7x][ ]?(?P<base>\d{1,3})(?:\^|(?<=10)(?=[-+\u2212]\d|" + _SUP + r"))|\^)"
    r"(?P<exp>[-+\u2212]?\d{1,3}(?!\d)|[\u207b\u207a]?[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]{1,3})"
)
_SUPERSCRIPT = str.maketrans("\u207b\u207a\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079\u2212",
                             "-+0123456789-")
_PER_AFTER = re.compile(  # "/kg", "a share", "-a-barrel", "per diluted share" (the unit is the noun)
    r"(?:[ ]?/|[ -](?:per|an?)[ -])(?:[a-z]{2,12}(?:ed|al)[ ](?=[a-z]))?(?P<u>[A-Za-z]{1,12})\b")
_INCH = re.compile(
    r"[ \u00a0]?in(?=\.?[ \u00a0]*(?:[,;:)!?]|$)"
    r"|[ \u00a0]+(?:thick|long|wide|tall|high|deep|across|of (?:rain|snow))\b)"
)
_POWER_WORD = re.compile(r"[ ](?P<p>squared|cubed)\b")
_TIMES_PER = re.compile(r"[ ]times[ ](?:per|a|an|each|every)[ ](?P<u>second|minute|hour|day|week|month|year)\b")
_ADDRESS_AFTER = re.compile(
    r"(?:[ ][A-Z][\w'.-]*){1,3}[ ](?:Street|St|Avenue|Ave|Place|Road|Rd|Boulevard|Blvd|Drive|Lane|Way|Court"
    r"|Terrace|Parkway|Square)\b|[ ]block[ ]of\b"
)
_NAME_COMMA = re.compile(r"\b[A-Z][A-Za-z'\u2019-]*[a-z][ ]?,[ ]$")  # "Teixeira, 28", "Alice McMeekin, 58"
_DESCRIBED_COMMA = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Mm]y)[ ](?:[a-z][\w'-]*[ ]){0,2}"
                              r"[a-z][\w'-]*,[ ]$")  # "The suspect, 34, was charged", "Her husband, 71,"
_AGE_NEXT = re.compile(r",[ ](?!(?:or|and|up|down|including|compared|from|to|with)\b)[a-z]")
_AGED_BEFORE = re.compile(r"\b(?:[Aa]ged?|[Aa]ges)[ ](?:between[ ]|of[ ])?$")
_WORD_LIST_SEP = re.compile(r",[ ]|[ ]and[ ]")
_CLOCK_SPACED = re.compile(r":[ ]\d\d(?!\d)")
_OF_DET_GAP = re.compile(r"[ \u00a0]+of[ \u00a0]+(?:the|their|its|his|her|our|these|those)[ \u00a0]+$")
_PARTITIVE = re.compile(r"(?:[ \u00a0]+of)?(?:[ \u00a0]+(?:the|their|its|his|her|our|these|those|them|all)\b)?")
_OF_DET = re.compile(r"[ \u00a0]+of[ \u00a0]+(?:the|their|its|his|her|our|these|those|them|all)\b")
_RANGE_SEP = re.compile(r"[ \u00a0]*(?:-|\u2013|\u2014|to|and|or)[ \u00a0]*$")
_LIST_SEP = re.compile(r"^(?:-?[ \u00a0]*(?:,|and|or|,[ ]and|,[ ]or)[ \u00a0]*)$")  # "11- and 13-inch"
_RANGE_MID = re.compile(r"^-?[ \u00a0]*(?:-|\u2013|to-?)[ \u00a0]*$")  # "10-15", "10 to 15", "four-to-six"
_BETWEEN_MID = re.compile(r"^[ \u00a0]*and[ \u00a0]*$")
_PLUS_MINUS = re.compile(r"^[ \u00a0]*(?:\+/-|\+-|\u00b1)[ \u00a0]*$")
_FROM_BEFORE = re.compile(r"\bfrom[ \u00a0]+$", re.I)
_BETWEEN_BEFORE = re.compile(r"\bbetween[ \u00a0]+$", re.I)

STOP = frozenset(
    """the a an of in on at to for from by with and or but nor is are was were be been being have has had
    will would could should may might can must shall do does did that which who whom whose this these those
    it its their his her our your my per than as since after before during over under into onto ago each
    more less most least times than so if when while where then there here not no also just only still
    alone ago apiece each every other others such said says say told according including some any all
    both many much few several out up down off about around against between among across through toward
    towards via vs versus last next past first second third new old same own x met left fled died won lost
    made got saw he she they we you i him them us me worldwide nationwide overall altogether overnight annually
    daily weekly monthly yearly abroad respectively instead too already yet now today yesterday tomorrow
    tonight myself yourself himself herself itself ourselves yourselves themselves along alongside together
    apart ahead away""".split()
)
_IRREGULAR_PLURALS = frozenset(
    "people men women children police personnel staff feet teeth mice geese cattle sheep fish aircraft".split()
)
_ONE_IDIOM_NEXT = frozenset("else another hand".split())
_ONE_IDIOM_BEFORE = re.compile(r"\b(?:[Nn]o|[Aa]ny|[Ee]very|[Ss]ome|[Tt]he)[ ]$")
_NOUN_SKIP = frozenset("more other additional extra further new".split())
_AFTER_NOUN = frozenset(
    """onboard aboard abroad ashore overseas nationwide worldwide apiece today yesterday tonight
    roughly about nearly almost around approximately""".split())
"""Words that end a counted noun, or stand where it would: adverbs after it ("26 Somali crew onboard") and an
approximator opening the next figure ("900 of the roughly 7,000 jobs")."""
_LY_NOUNS = frozenset("family ally assembly supply rally anomaly butterfly fly lily monopoly reply".split())
"""Nouns in -ly, which a count may count ("one family"); any other word in -ly after a figure is an adverb,
passed over on the way to the noun."""
_PARTICIPLE_NOUNS = frozenset(
    "killed wounded injured arrested detained displaced evacuated hospitalized hospitalised rescued infected "
    "confirmed unemployed".split())
"""Participles that name whom a figure counts ("at least 50 injured", "30 wounded"); other words in -ed after a
figure are its verb or an adjective before the noun ("the three worked", "23 armed pirates")."""
_EMERGENCY_LINE = re.compile(r"[ -](?:calls?|call-taker|dispatch(?:er|ers)?|operators?|supervisors?|cent(?:er|re)s?"
                             r"|emergency|system|lines?|recordings?|tapes?)\b", re.I)
_LATER = frozenset("later earlier sooner".split())
"""Comparatives of time: an adjective before the noun, or an adverb after it that ends it."""
_PER_SHORT = {"mo": "month", "mos": "month", "wk": "week", "wks": "week", "yr": "year", "yrs": "year", "ea": "each"}
"""Short forms after a rate's slash that the units table does not name ("$4.99/mo"; it knows "hr", "min")."""
_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_STOP_SPAN = 4
_VIDEO_LINES = frozenset([144.0, 240.0, 360.0, 480.0, 576.0, 720.0, 1080.0, 1440.0, 2160.0, 4320.0])
"""Heights of video formats, written with a p ("720p") like pence ("50p")."""


def _date_part(surface: str, has_day: bool) -> bool:
    """Whether a figure after a month is the date's day or year: "Dec. 12, 2008", "May 5", "May, 2009";
    not "On Dec. 12, 150 protesters gathered" or "In May, 300 people came" (a count after a date)."""
    digits = surface.replace(",", "")
    if not digits.isdigit():
        return True  # "Nov. 9th", "May 5-6": left to the date reading, as before
    if len(digits) == 4:
        return True
    return not has_day and len(digits) <= 2 and 1 <= int(digits) <= 31


def _plural(word: str) -> bool:
    w = word.lower()
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s", "\u2019s"))


_NOT_PARTITIVE = frozenset("what which whom whose who it them us you him her".split())
"""Words after a fraction's "of" that name no counted thing ("three-quarters of what it takes")."""


def _counted_noun(text: str, pos: int, end: int, partitive: bool = False) -> str | None:
    """The noun a bare count counts: "1,000 North Korean troops" -> "troops"; with `partitive` (a fraction)
    also after a bare "of" or a determiner: "a quarter of voters", "half the residents"."""
    m = (_PARTITIVE if partitive else _OF_DET).match(text, pos, end)
    if m:
        pos = m.end()
    last: str | None = None
    words = 0  # words taken into the noun so far
    for _ in range(_STOP_SPAN):
        m = _WORD_AFTER.match(text, pos, end)
        if not m:
            break
        word = m.group("w")
        low = word.lower()
        if partitive and last is None and low in _NOT_PARTITIVE:
            return None  # "about three-quarters of what it takes"
        if low in _NOUN_SKIP and last is None:  # "two more victims", "three other employees"
            pos = m.end()
            continue
        if low in _DAYS:
            return None  # "voted 7-4 late Friday": the words before a day are no noun either
        if low in STOP or low in nb.UNITS_WORDS or low in nb.TENS_WORDS or low in _AFTER_NOUN or (
                low.endswith(("'s", "\u2019s")) and low[:-2] in STOP):  # "one that's stronger"
            break
        if low in _LATER:  # "two earlier legal opinions", but "one murder charge later this week"
            if last is not None:
                break
            pos = m.end()
            continue
        if last is None and (low.endswith("ly") and low not in _LY_NOUNS
                             or low.endswith("ed") and low not in _PARTICIPLE_NOUNS) and not word[0].isupper():
            pos = m.end()  # an adverb or a participle: "two highly critical reports", "23 armed pirates"; and
            continue  # no noun in "from 16 currently to", "the three worked together"
        if last is not None and low.endswith(("ed", "ing", "ly")) and not word[0].isupper() and not (
                last[0].isupper() and not _plural(last)):
            break  # "troops killed", but "two Yemeni fishing boats"
        if words == 1 and last is not None and last[0].isupper() and _plural(last) and word.islower() \
                and not _plural(word) and low not in _IRREGULAR_PLURALS:
            break  # "500 Americans support the measure"; but "40 Texas towns", "two United States service members"
        last = word
        words += 1
        pos = m.end()
        if low in _IRREGULAR_PLURALS and not word[0].isupper():
            nxt = _WORD_AFTER.match(text, pos, end)
            w2 = nxt.group("w") if nxt else ""
            if w2.islower() and _plural(w2) and w2 not in STOP:  # "four police officers", "300 staff members"
                last = w2
            break
        if _plural(word) and not word[0].isupper():
            break
    return last.lower().rstrip(".") if last else None


def _not_fraction(surface: str, text: str, e: int, end: int) -> bool:
    """Digits around a slash that are a date or a label rather than a fraction: "9/11", "12/25/2024",
    "24/7". A written fraction is proper, and its denominator is rarely a day of the month."""
    num, _, den = surface.partition("/")
    if not (num.isdigit() and den.isdigit()):
        return False
    n, d = int(num), int(den)
    return n >= d or (11 <= d <= 31 and n <= 12) or (e < end and text[e] == "/")


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _label_before(window: str) -> tuple[bool, str | None]:
    """Whether the text before a number makes it a label ("Section 427", "#3", "No. 5", "F-"), and the
    capitalised word when that is the reason. String methods, not a `$`-anchored regex, which would
    be tried at every position of the window."""
    c = window[-1:]
    if c in ("#", "\u2116"):
        return True, None
    if c == "-":
        return window[-2:-1] in _ASCII_LETTERS, None
    if c not in (" ", "\u00a0"):
        return False, None
    head = window[:-1]
    rest = head.rstrip(_ASCII_LETTERS)
    word = head[len(rest):]
    if rest and _word_char(rest[-1]):
        return False, None
    if word and not word.islower():  # "Section", "Voyager", and product names: "iPhone 12", "iOS 6"
        return True, word
    if head.endswith("No.") and not (len(head) > 3 and _word_char(head[-4])):
        return True, None
    return False, None


def _approx_before(lang: qlang.Lang, tail: str) -> tuple[str, int]:
    """The approximator right before a figure ("more than ", "about the ") as (approx, its length
    back from the figure); ("=", 0) when there is none. The last one to three words are looked up."""
    last = tail.rsplit(None, 2)[-2:]  # the last word, or the one before a final "the"
    if not last:
        return "=", 0
    word = last[-2] if last[-1] == "the" and len(last) == 2 and lang is _EN else last[-1]
    if word.lower().lstrip("([\"'\u201c\u2018") not in lang.approx_last:
        return "=", 0  # most figures: a cheap test before the lookups
    words = tail.split()
    if lang is _EN and words[-1] == "the":
        words.pop()
    for n in (3, 2, 1):
        if len(words) < n:
            continue
        key = " ".join(words[-n:]).lower()
        k = 0
        while k < len(key) and not key[k].isalnum():
            k += 1
        a = lang.approx_map.get(key[k:])
        if a:
            pos = tail.lower().rfind(key[k:])
            if pos < 0 or (pos and _word_char(tail[pos - 1])):
                continue
            return a, len(tail) - pos
    return "=", 0


def _clock_like(surface: str) -> bool:
    """Whether digits can be a clock time before "pm", "GMT": "5", "10.30", not "2.123" (2.123 pm is
    a length in picometres) nor "2.5"."""
    whole, dot, minutes = surface.partition(".")
    if not whole.isdigit():
        return False
    if len(whole) == 4 and not dot:  # "1000 GMT"
        return int(whole[:2]) <= 24 and int(whole[2:]) < 60
    return int(whole) <= 24 and (not dot or (len(minutes) == 2 and minutes.isdigit() and int(minutes) < 60))


def _counts_plural(text: str, e: int, end: int) -> bool:
    """A lower-case plural noun right after the figure ("2000 people")."""
    m = _WORD_AFTER.match(text, e, end)
    return m is not None and m.group("w").islower() and (_plural(m.group("w")) or m.group("w") in _IRREGULAR_PLURALS)


_PHONE_GATE = frozenset(" -.")
_PHONE = re.compile(r"\(?\d{1,5}\)?(?:[ .\-]\d{2,5}){2,}(?![\d,])|0\d{2,4}[ \-]\d{3,8}(?![\d,])")
"""Digit groups of a phone number: three or more ("020 7946 0958", "1-800-555-0199"), or two after a leading 0."""
_SPACED_THOUSANDS = re.compile(r"\d{1,3}(?:[ \u00a0]\d{3})+")
_TIME_AGO = re.compile(r"[ \u00a0]+(?:earlier|ago|later|previously|prior)\b")
_PLUS_ODD = re.compile(r"-(plus|odd)\b")
_BY_BEFORE = re.compile(r"\bby[ ]$")
_CHANGE_BEFORE = re.compile(
    r"\b(?:r[io]se|rising|gained|jumped|climbed|added|increased|grew|surged|soared|fell|fallen|dropped|lost|slid"
    r"|slipped|shed|declined|decreased|plunged|tumbled|slumped|sank|up|down)[ ]$")
"""A verb of change before "X to Y": the change, then the level reached, when Y is far above X."""
_OF_HYPHEN = re.compile(r"\d-(?:of|for)-$")
_RANGE_END = re.compile(r"[-\u2013\u2212]\d+(?:\.\d+)?[ \u00a0]?")


def _range_with_unit(lang: qlang.Lang, text: str, e: int, end: int) -> bool:
    """Whether a range to a figure with a unit follows ("-30 minutes"): then the capitalised word before the
    first figure is no label but a sentence's first word ("Drink 20-30 minutes before", "Allow 2-3 hours")."""
    r = _RANGE_END.match(text, e, end)
    um = lang.unit_after.match(text, r.end(), end) if r else None
    looked = lang.unit_lookup(um.group("sym"), um.group("word")) if um else None
    return looked is not None


def _is_year(value: float, surface: str) -> bool:
    return surface.isdigit() and len(surface) == 4 and 1800 <= value <= 2100


def find_quantities(text: str, start: int = 0, end: int | None = None, lang: str | None = None) -> list[Quantity]:
    """Every quantity in text[start:end], in order, with offsets into `text`; `lang` ("de", "fr")
    picks the separators and vocabulary (English when None or unknown)."""
    end = len(text) if end is None else end
    L = (qlang.get(lang) or _EN) if lang else _EN
    found: list[Quantity] = []
    drop_next_partner = False
    cores = _cores(L, text, start, end)
    ci = 0
    while ci < len(cores):
        s, e, kind_hint = cores[ci]
        ci += 1
        if found and s < found[-1].end:
            continue  # read as part of the previous figure: "$3 a gallon", "5 m/s2"
        core_end = e
        surface = text[s:e]
        labelled = False
        if kind_hint == "dig":
            before = text[s - 1] if s > start else " "
            if before.isalnum() or before in "._,\u00d7":
                continue  # inside a token: J1149, 06F6, 1.5.3
            if before in "+^" or (e < end and text[e] == "+"):
                continue  # catalogue ids and exponents: J1149.5+6663, 2^10
            nxt = text[e:e + 1]
            if (nxt in _PHONE_GATE and text[e + 1:e + 2].isdigit()) or (before == "(" and nxt == ")"):
                ph = _PHONE.match(text, s - 1 if before == "(" else s, end)
                if ph and sum(c.isdigit() for c in ph.group()) >= 7 and not _SPACED_THOUSANDS.fullmatch(ph.group()):
                    while ci < len(cores) and cores[ci][0] < ph.end():
                        ci += 1
                    continue  # a phone number: 0800 555 111, (555) 123-4567, 1-800-555-0199
            if surface[0] == "0" and surface[1:2].isdigit():
                if found and found[-1].end == s - 1 and text[s - 1] == "-":
                    found.pop()  # "555-0199"
                continue  # a code with a leading zero: 007, 0800
            if ci < len(cores) and cores[ci][0] == e + 1 and text[e] == "-" and cores[ci][2] == "w":
                ci += 1
                continue  # digits hyphenated to a number word are a name: 7-Eleven
            if before in "-\u2212" and s - 2 >= start and text[s - 2].isalnum():
                if text[s - 2].isdigit() and found and found[-1].end == s - 1 and not drop_next_partner:
                    pass  # the second half of "10-15": merged as a range below
                elif _OF_HYPHEN.search(text, max(start, s - 6), s):
                    pass  # "20-of-24 passing", "7-for-10 shooting": no label (see below)
                else:
                    continue  # F-16, COVID-19, 2013-14
            if before == ":" or (e < end and text[e] == ":" and e + 1 < end and text[e + 1].isdigit()):
                continue
            if surface == "911" and _EMERGENCY_LINE.match(text, e, end):
                continue  # "911 calls", "a 911 dispatcher": the emergency number
            if (text[s - 2:s] == ": " and text[s - 3:s - 2].isdigit()) or (
                    text[e:e + 1] == ":" and _CLOCK_SPACED.match(text, e, end)):
                continue  # a clock time written "09: 30"
            if L is _EN:
                value = nb.parse_digits(surface)
                if surface.endswith(" and a half"):  # "10 and a half million jobs"
                    value = nb.parse_digits(surface[:-11]) + 0.5  # type: ignore[operator]
                elif surface[-1] in nb.UNICODE_FRACTIONS:  # "2\u00bd miles"
                    whole = nb.parse_digits(surface[:-1])
                    value = None if whole is None else whole + nb.UNICODE_FRACTIONS[surface[-1]]
            else:
                value = qlang.parse_digits(L, surface)
            if ("/" in surface or "\u2044" in surface) and " " not in surface and \
                    _not_fraction(surface.replace("\u2044", "/"), text, e, end):
                drop_next_partner = True
                continue
            if L.decimal_comma and e + 1 < end and text[e] == "." and text[e + 1].isdigit():
                continue  # a date or version: 14.03.2026
            signed = s > start and text[s - 1] in "-\u2212" and (s - 1 == start or text[s - 2] in " (\u00a0$")
            if value is not None and signed:
                value, s = -value, s - 1
            elif value is not None and text[s - 5:s - 1] == "inus" and _MINUS_BEFORE.search(text, max(start, s - 6), s):
                value, s = -value, s - 6  # "minus 10 degrees"
        elif kind_hint == "uf":
            value = nb.UNICODE_FRACTIONS.get(surface)
        elif kind_hint == "frac":
            if _ORDINAL_FRAC.match(surface) and not _OF_NEXT.match(text, e, end):
                continue  # "a third client", "one fifth grader": ordinals; "a third of" is a share
            num, _, den = surface.replace("-", " ").partition(" ")
            value = nb.parse_fraction_words(num, den)
        elif kind_hint == "de":
            value = lc.parse_german(surface)
        elif kind_hint == "half":
            value = 0.5
            hs = _HALF_SCALE.match(text, e, end)
            if hs:  # "half a million"
                value, e = 0.5 * nb.SCALE_WORDS.get(hs.group("s"), 12.0), hs.end()
        elif kind_hint == "one":
            value = 1.0
        else:
            value = nb.parse_words(surface)
            if value is None:
                items, at = [], s  # "two, three": a list, not one number; read each item (all at once: linear)
                for sep in _WORD_LIST_SEP.finditer(surface):
                    items.append((at, s + sep.start(), "w"))
                    at = s + sep.end()
                if items:
                    cores[ci:ci] = [*items, (at, e, "w")]
                continue
        if value is None:
            continue
        drop_next_partner = False
        window = text[max(start, s - 40):s]
        # time expressions and labels
        if kind_hint == "dig":
            mb = L.month_before.search(window[-18:])
            if (mb and _date_part(surface, any(c.isdigit() for c in mb.group()))) \
                    or L.month_after.match(text, e, end):
                drop_next_partner = True
                continue
            if (text[e:e + 1] in _ORDINAL_FIRST and _ORDINAL_AFTER.match(text, e, end)) \
                    or (L.time_after.match(text, e, end) and _clock_like(surface)):
                drop_next_partner = True
                continue
            labelled, cap = _label_before(window)
            if labelled and window.endswith(("-of-", "-for-")) and _OF_HYPHEN.search(window):
                labelled = False  # "20-of-24 passing": a count, not a label like "F-16"
            labelled = labelled and not (cap and cap.lower() in _CAP_OK)
            if labelled and L.noun_mode == "cap" and cap and _CAP_NEXT.match(text, e, end):
                labelled = False  # German capitalises nouns: "Kosten 12 Millionen", "Polizei 40 Verletzte"
            sci = _SCI_AFTER.match(text, e, end) if text[e:e + 1] in _SCI_FIRST or text[e + 1:e + 2] in _SCI_FIRST \
                else None
            if sci:
                exp = int(sci.group("exp").translate(_SUPERSCRIPT))
                base = sci.group("base")
                try:
                    value = value * float(base) ** exp if base else value ** exp  # 8x2^10, 2.48x10-5, 2^10
                    e = sci.end()
                except OverflowError:
                    pass
        approx = "="
        kind = "count"
        unit: str | None = None
        cur = un.CURRENCY_BEFORE.search(window[-10:]) if kind_hint == "dig" and \
            window.rstrip(" \u00a0-")[-1:] in un.CURRENCY_LAST_CHARS else None
        if cur:
            unit, kind = un.currency_code(cur.group("cur")), "money"
            s = max(start, s - len(cur.group()))
            window = text[max(start, s - 40):s]
        if window[-1:].isspace():
            approx, back = _approx_before(L, window[-22:])
            s -= back
        sc = L.scale_after.match(text, e, end)
        letter = sc.group("letter") if sc else None
        scaled = False
        if sc and (sc.group("word") or kind == "money" or letter in ("M", "B", "T", "K", "k")):
            scale = L.scales.get((sc.group("word") or sc.group("letter")).lower(), 1.0)
            value *= scale
            e = sc.end()
            scaled = True
            sc2 = L.scale_after.match(text, e, end) if sc.group("word") else None
            if sc2 and sc2.group("word") and L.scales.get(sc2.group("word").lower(), 1.0) > scale:
                value *= L.scales[sc2.group("word").lower()]  # "Rs 1.5 lakh crore", "10 thousand crore"
                e = sc2.end()
        if text[e:e + 1] == "-" and L is _EN:
            po = _PLUS_ODD.match(text, e, end)
            if po:  # "1,000-plus passengers", "200-odd people"
                if approx == "=":
                    approx = ">" if po.group(1) == "plus" else "~"
                e = po.end()
        um = L.unit_after.match(text, e, end)
        if kind != "money" and (um is None or um.group("sym") is not None):
            ux = un.UNIT_EXPR.match(text, e, end)  # "km/s2", "mGy", "fb-1", "J/m^2"
            if ux and (um is None or ux.end() > um.end()):
                name = un.parse_unit_expr(ux.group("u"))
                if name:
                    unit, kind, e, um = name, "measure", ux.end(), None
        if um is None and kind == "count" and L is _EN and kind_hint == "dig":
            inch = _INCH.match(text, e, end)
            if inch:  # "2 1/2 in thick", "2 in." but not "2 in the box"
                unit, kind, e = "inch", "measure", inch.end()
            elif text[e:e + 1] in ("C", "F") and not labelled and not text[e + 1:e + 2].isalnum():  # "30C", "95F"
                unit, kind, e = "degree celsius" if text[e] == "C" else "degree fahrenheit", "measure", e + 1
            elif text[e:e + 1] == "p" and not labelled and not _word_char(text[e + 1:e + 2] or " ") \
                    and value not in _VIDEO_LINES:  # "5p a litre", "150p": pence; not "720p" video
                unit, kind, e = "penny", "money", e + 1
        if um and um.group("sym") == "m" and L is _EN and not scaled:
            mm = _MILLION_M.match(text, um.end() - 1, end)
            if mm and (_plural(mm.group("w")) or mm.group("w") in _IRREGULAR_PLURALS):  # "1.5m jobs", "2m people"
                value *= 1e6
                e = um.end()
                scaled = True
                um = None
                money = un.lookup_unit(None, mm.group("w"))
                if money is not None and money[1] == "money" and kind != "money":  # "2m euros"
                    unit, kind = money
                    e = mm.end()
        if um:
            looked = L.unit_lookup(um.group("sym"), um.group("word"))
            if looked and looked[0] == "second" and (text[um.end():um.end() + 1] == "-" or _is_year(value, surface)):
                looked = None  # an ordinal: "its 2008 second quarter", "the second-largest"
            if looked and kind != "money":  # "$5 per kg" is handled as a rate below
                unit, kind = looked
                e = um.end()
        if kind == "measure" and unit and not unit.startswith(("square", "cubic")):
            pw = _POWER_WORD.match(text, e, end)
            if pw:  # "4 km cubed"
                unit, e = ("square " if pw.group("p") == "squared" else "cubic ") + unit, pw.end()
        if kind in ("money", "measure"):
            per = _PER_AFTER.match(text, e, end)
            if per and _TIME_AGO.match(text, per.end(), end):
                per = None  # "$300m a year earlier", "$5 a month before": when, not a rate
            looked = (un.lookup_unit(None, per.group("u")) or un.lookup_unit(per.group("u"), None)) if per else None
            if per and (looked or kind == "money"):  # "$5 per share", "20 J/m^2 per year", "12 km an hour"
                low_u = per.group("u").lower()
                unit = f"{unit} per {looked[0] if looked else _PER_SHORT.get(low_u, low_u)}"
                e = per.end()
        if kind == "count":
            ca = un.CURRENCY_AFTER.match(text, e, end)
            if ca and kind_hint == "dig":
                unit, kind, e = un.currency_code(ca.group("cur")), "money", ca.end()
        if kind_hint in ("half", "frac", "uf") and kind == "count":
            hm = _HALF_UNIT.match(text, e, end)
            um2 = L.unit_after.match(text, hm.end(), end) if hm else None
            looked = L.unit_lookup(um2.group("sym"), um2.group("word")) if um2 and um2.group("word") else None
            if looked and um2 is not None:  # "half an hour", "half a mile", "a quarter of a percentage point"
                unit, kind = looked
                e = um2.end()
        if kind_hint == "one" and kind == "count":
            continue  # "a" only counts with the unit right after it
        if kind == "count" and kind_hint == "dig" and labelled and not (cap and _range_with_unit(L, text, e, end)):
            continue  # a label or model name: Section 427, Voyager 2, Big 12; but "Drink 20-30 minutes"
        if kind == "count" and _is_year(value, surface) and not cur and not (
                (approx != "=" or (found and found[-1].end == s - 1 and text[s - 1] == "-"
                                   and found[-1].kind == "count")) and _counts_plural(text, e, end)):
            drop_next_partner = True
            continue  # a year; but "more than 2000 people", "1500-2000 people" are counts
        tp = _TIMES_PER.match(text, e, end) if kind == "count" and L is _EN and text.startswith(" times", e) else None
        if tp:  # "four times per week": a frequency
            unit, kind, e = f"count per {tp.group('u')}", "rate", tp.end()
        if kind == "count":
            hy = _HYPHEN_WORD.match(text, e, end) if text[e:e + 1] == "-" else None
            if hy and hy.group("w") == "strong":  # "a 10,000-strong force": the force is counted
                e, hy = hy.end(), None
            if hy:
                looked = un.lookup_unit(None, hy.group("w").replace("-", " "))
                unit = looked[0] if looked else hy.group("w")
                kind = looked[1] if looked else "count"
                e = hy.end()
            elif L.noun_mode == "en":
                if kind_hint == "dig" and _ADDRESS_AFTER.match(text, e, end):
                    continue  # a street number: "505 LaGuardia Place", "1600 Pennsylvania Avenue"
                unit = _counted_noun(text, e, end, kind_hint in ("half", "frac", "uf"))
                lead = max(start, s - 13)
                if ("agnitude" in text[lead:s] and _MAGNITUDE_BEFORE.search(text, lead, s)) \
                        or text.startswith(" on the Richter", e):
                    unit, kind = "magnitude", "measure"  # "a magnitude 4.6 earthquake", "5.9 on the Richter scale"
                elif unit is None and kind_hint == "dig" and value < 120 and (
                        (text[e:e + 1] == "," and (_NAME_COMMA.search(text, max(start, s - 30), s) or (
                            _DESCRIBED_COMMA.search(text, max(start, s - 40), s) and _AGE_NEXT.match(text, e, end))))
                        or _AGED_BEFORE.search(text, max(start, s - 16), s)):
                    unit, kind = "year of age", "age"  # "Teixeira, 28, was acquired", "aged 24"
            else:
                unit = qlang.counted_noun(L, text, e, end)
        if kind_hint == "dig" and e == core_end and e < end and text[e].isalpha():
            continue  # glued to letters and not a known unit: 06F6, 5G, 737MAX
        if kind == "count" and kind_hint == "w" and surface.lower() in ("one", "a", "an") and (
                unit is None or _plural(unit) or unit in _IRREGULAR_PLURALS or unit.endswith(("ed", "ing", "est"))
                or unit in _ONE_IDIOM_NEXT
                or _ONE_IDIOM_BEFORE.search(text, max(start, s - 8), s)) and not (
                unit is None and ci < len(cores) and cores[ci][0] == e + 4 and text.startswith(" in ", e)
                and not _ONE_IDIOM_BEFORE.search(text, max(start, s - 8), s)):
            continue  # a bare "one" ("one costs", "one of them", "no one else") is a pronoun; not "one in five"
        if kind_hint == "de" and not scaled and surface.lower() in lc.DE_ARTICLES:
            continue  # "ein", "eine": the indefinite article unless a scale follows ("eine Million")
        if not math.isfinite(value):
            continue  # "1e999": no figure a reader could check
        value = float(f"{value:.12g}")  # 2.48 * 10**-5 -> 2.48e-05, not 2.4800000000000003e-05
        found.append(Quantity(value=value, unit=unit, approx=approx, surface=text[s:e], start=s, end=e, kind=kind))
    return _merge_ranges(L, text, found)


_CAP_OK = frozenset(
    """about around over nearly almost some approximately roughly more less at up just only the and but
    by with of in on to for from all another just exactly between than a an"""
    .split()
)


def _merge_ranges(lang: qlang.Lang, text: str, qs: list[Quantity]) -> list[Quantity]:
    """Merge "10-15 exabytes" and "between 44 and 50 mg" into midpoints; share scales and units in lists."""
    _share_back(lang, text, qs)
    out: list[Quantity] = []
    i = 0
    while i < len(qs):
        q = qs[i]
        if i + 1 < len(qs):
            n = qs[i + 1]
            if n.start - q.end > 12:  # nothing below joins figures this far apart
                out.append(q)
                i += 1
                continue
            gap = text[q.end:n.start]
            if _PLUS_MINUS.match(gap) and n.value >= 0:  # "9.83e-3 +/- 1e-5 km/s2": the value, in the unit
                unit = q.unit or n.unit
                out.append(Quantity(value=q.value, unit=unit, approx=q.approx, surface=text[q.start:n.end],
                                    start=q.start, end=n.end, kind=q.kind if q.unit else n.kind))
                i += 2
                continue
            if gap == " in " and lang is _EN and q.unit is None and n.kind == "count" \
                    and 1 <= q.value < n.value <= 1000 and q.value.is_integer() and n.value.is_integer():
                # "one in five adults": a share of them, as "a fifth of adults" reads
                out.append(Quantity(value=float(f"{q.value / n.value:.12g}"), unit=n.unit, approx=q.approx,
                                    surface=text[q.start:n.end], start=q.start, end=n.end, kind="count"))
                i += 2
                continue
            between = lang.between_mid.match(gap) and lang.between_before.search(text, max(0, q.start - 12), q.start)
            ranged = lang.range_mid.match(gap)
            compatible = q.unit is None or n.unit is None or q.unit == n.unit or q.kind == n.kind == "money"
            # "from X to Y" is one range, as both reference annotations (quantulum, NewsQuant) read it,
            # even after a verb of change ("rose from $350 to $680 per kg")
            from_to = ranged and "-" not in gap and "\u2013" not in gap and lang.from_before.search(
                text, max(0, q.start - 8), q.start)
            if ranged and not from_to and "-" not in gap and "\u2013" not in gap and (
                    (q.unit is not None and q.unit != n.unit and q.kind != "age")
                    or _BY_BEFORE.search(text, max(0, q.start - 4), q.start)
                    or (n.value > 4 * q.value > 0 and _CHANGE_BEFORE.search(text, max(0, q.start - 10), q.start))):
                ranged = None  # "fell 1.2 points to 25,430", "down by 30 to 126", "rose $4 to $150": a change
            if (ranged or from_to) and q.value == 0 and n.value > 0 and compatible:
                out.append(n)  # "from zero to 60 mph", "0-60 mph": the figure is the 60 mph, no midpoint
                i += 2
                continue
            if (between or ranged) and compatible and (q.value <= n.value or between or from_to or n.value < 0):
                unit = n.unit or q.unit
                kind = n.kind if n.unit else q.kind
                # halves first: the sum of two huge figures ("1e308 to 1.7e308") overflows to inf, which JSON
                # writes as null and the claim event's schema then rejects
                out.append(Quantity(value=q.value / 2 + n.value / 2, unit=unit, approx="~", surface=text[q.start:n.end],
                                    start=q.start, end=n.end, kind=kind, low=min(q.value, n.value),
                                    high=max(q.value, n.value)))
                i += 2
                continue
        out.append(q)
        i += 1
    return out


def _share_back(lang: qlang.Lang, text: str, qs: list[Quantity]) -> None:
    """Right to left, so a whole list takes what its last item carries: "five, six or seven million
    people", "13 of 24 drones"; then an age passes forward: "aged 24, 31 and 40"."""
    carried = 1.0  # the scale the next figure has, written or taken from its own neighbour
    for i in range(len(qs) - 2, -1, -1):
        q, n = qs[i], qs[i + 1]
        if n.start - q.end > 12:
            carried = 1.0
            continue
        gap = text[q.end:n.start]
        scale, carried = carried, 1.0
        listed = _LIST_SEP.match(gap)
        if (q.unit is None or q.kind == "money") and (
                listed or lang.range_mid.match(gap) or lang.between_mid.match(gap)):
            q, carried = _share_scale(lang, q, n, scale if scale != 1.0 else _surface_scale(lang, n.surface))
        if q.unit is None and n.unit is not None and (listed or gap.strip() in ("of", "to") or _OF_DET_GAP.match(gap)):
            q = Quantity(value=q.value, unit=n.unit, approx=q.approx, surface=q.surface, start=q.start, end=q.end,
                         kind=n.kind)
        qs[i] = q
    for i in range(len(qs) - 1):
        q, n = qs[i], qs[i + 1]
        if q.kind == "age" and n.unit is None and _LIST_SEP.match(text[q.end:n.start]):
            qs[i + 1] = Quantity(value=n.value, unit=q.unit, approx=n.approx, surface=n.surface, start=n.start,
                                 end=n.end, kind=q.kind)


_SCALE_TOKEN = re.compile(r"(?<=\d)[kmbt]n?\b|[^\W\d_]{3,}")


def _surface_scale(lang: qlang.Lang, surface: str) -> float:
    for tok in _SCALE_TOKEN.findall(surface.lower()):
        f = lang.scales.get(tok)
        if f:
            return f
    return 1.0


def _share_scale(lang: qlang.Lang, q: Quantity, n: Quantity, scale: float) -> tuple[Quantity, float]:
    """"$5-6 million", "five or six billion": the first figure takes the scale written after the second;
    returns the figure and the scale it now carries (1.0 when none)."""
    if scale == 1.0 or not n.value / 20 <= q.value * scale <= n.value * 20 or _surface_scale(lang, q.surface) != 1.0 \
            or not math.isfinite(q.value * scale):
        return q, 1.0
    return Quantity(value=float(f"{q.value * scale:.12g}"), unit=q.unit, approx=q.approx, surface=q.surface,
                    start=q.start, end=q.end, kind=q.kind), scale


_ASCII_LETTERS = string.ascii_letters
_CAP_NEXT = re.compile(r"[ \u00a0]+[A-Z\u00c4\u00d6\u00dc]")
_EN = qlang.Lang(
    code="en", dig=_DIG, words=_WORDS_CORE, scale_after=_SCALE_AFTER, scales=nb.SCALE_SUFFIX,
    approx_map=_APPROX_MAP, approx_last=frozenset(k.split()[-1] for k in _APPROX_MAP), unit_after=un.UNIT_AFTER,
    unit_lookup=un.lookup_unit,
    month_before=_MONTH_BEFORE, from_before=_FROM_BEFORE, month_after=_MONTH_AFTER,
    time_after=_TIME_AFTER, between_before=_BETWEEN_BEFORE,
    between_mid=_BETWEEN_MID, range_mid=_RANGE_MID, decimal_comma=False, stop=STOP, skip=frozenset(), noun_mode="en",
)
