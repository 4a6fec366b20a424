"""Per-language patterns for the quantity finder, compiled once per language and cached.

English keeps the patterns in `quantities.py`; `get("de")` builds the German set from
`locales.py`: "7,5" and "38.000" separators, number words, "Millionen", "rund", "Tonnen",
"14. März" as a date, "zwischen 10 und 20" as a range.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from newswire.extractor import locales as lc
from newswire.extractor import units as un
from newswire.extractor.numbers import parse_fraction, trie_pattern


@dataclass(frozen=True, slots=True)
class Lang:
    """Compiled patterns and vocabulary the quantity finder reads a language with."""

    code: str
    dig: re.Pattern[str]
    words: re.Pattern[str] | None
    scale_after: re.Pattern[str]
    scales: dict[str, float]
    approx_map: dict[str, str]
    approx_last: frozenset[str]  # the last word of each approximator: a cheap test before the lookup
    unit_after: re.Pattern[str]
    unit_lookup: Callable[[str | None, str | None], tuple[str, str] | None]
    month_before: re.Pattern[str]
    month_after: re.Pattern[str]
    time_after: re.Pattern[str]
    from_before: re.Pattern[str]
    between_before: re.Pattern[str]
    between_mid: re.Pattern[str]
    range_mid: re.Pattern[str]
    decimal_comma: bool
    stop: frozenset[str]
    skip: frozenset[str]
    noun_mode: str  # "en": English noun phrase; "cap": first capitalised noun (German); "first": first word


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# "38.000", "1 234,5", "7,5", "12": dots (or spaces) group thousands, a comma marks decimals
_DIG_COMMA = re.compile(
    r"[0-9](?:\d{0,2}(?:\.\d{3})+(?![\d])|\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?![\d.])|\d*)"
    r"(?:,\d+(?![\d.,]\d))?(?:/\d+)?"
)
_EN_MONTHS = (
    "Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
    "|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
_TIME_WORDS = {"de": r"Uhr\b", "fr": r"h\b|heures?\b", "nl": r"uur\b", "it": r"\b", "es": r"horas\b"}


@functools.cache
def get(lang: str | None) -> Lang | None:
    """The compiled patterns for a language, or None for English and languages without data."""
    code = lc.base(lang)
    if code == "en" or (code not in lc.SCALES and code not in lc.DECIMAL_COMMA):
        return None
    comma = code in lc.DECIMAL_COMMA
    scales = lc.SCALES.get(code, {})
    words = None
    if code == "de":
        atoms = [*lc.DE_UNITS, "hundert", "tausend", "und"]
        atoms += [a.capitalize() for a in atoms]
        words = re.compile(r"(?<!\w)(?:" + trie_pattern(atoms) + r")+(?!\w)")
    scale_alt = _alt(list(scales)) if scales else "(?!x)x"
    months = lc.MONTHS.get(code, "").split()
    month_alt = "|".join([_EN_MONTHS, *(re.escape(m) for m in months)])
    approx = lc.APPROX.get(code, {})
    unit_words = {**un.WORD_UNITS, **lc.UNITS.get(code, {})}
    unit_after = re.compile(
        r"[ \u00a0]?-?(?:(?P<sym>" + trie_pattern(list(un.SYMBOL_UNITS)) + r")(?![\w\u00b2])"
        r"|(?i:(?P<word>" + trie_pattern([w.lower() for w in unit_words]) + r"))(?!\w))"
    )

    def lookup(sym: str | None, word: str | None) -> tuple[str, str] | None:
        if sym is not None:
            return un.SYMBOL_UNITS.get(sym)
        return unit_words.get(word.lower()) if word is not None else None

    between, and_word = lc.BETWEEN.get(code, ("between", "and"))
    time_word = _TIME_WORDS.get(code)
    return Lang(
        code=code,
        dig=_DIG_COMMA if comma else re.compile(r"[0-9](?:\d{0,2}(?:,\d{3})+(?!\d)|\d*)(?:\.\d+)?"),
        words=words,
        scale_after=re.compile(r"[ \u00a0]?-?(?i:(?P<word>" + scale_alt + r"))(?!\w)(?P<letter>(?!x)x)?"),
        scales=scales,
        approx_map=approx,
        approx_last=frozenset(k.split()[-1] for k in approx),
        unit_after=unit_after,
        unit_lookup=lookup,
        month_before=re.compile(r"(?<!\w)(?:" + month_alt + r")\.?,?[ \u00a0]+(?:\d{1,2},?[ \u00a0]+)?$"),
        month_after=re.compile(r"(?:\.|st|nd|rd|th|er|e)?[ \u00a0]+(?:of[ ]+|de[ ]+)?(?:" + month_alt + r")(?!\w)"),
        time_after=re.compile(r"(?::\d\d|[ \u00a0]?(?:" + (time_word or "(?!x)x") + r"))"),
        from_before=re.compile(r"(?i:(?<!\w)" + _alt(lc.FROM.get(code, ["from"])) + r")[ \u00a0]+$"),
        between_before=re.compile(r"(?i:\b" + re.escape(between) + r")[ \u00a0]+$"),
        between_mid=re.compile(r"^[ \u00a0]*" + re.escape(and_word) + r"[ \u00a0]*$"),
        range_mid=re.compile(r"^-?[ \u00a0]*(?:-|\u2013|" + re.escape(lc.RANGE_TO.get(code, "to")) + r")[ \u00a0]*$"),
        decimal_comma=comma,
        stop=lc.STOP.get(code, frozenset()),
        skip=lc.SKIP.get(code, frozenset()),
        noun_mode="cap" if code == "de" else "first",
    )


_WORD_AFTER = re.compile(r"[ \u00a0]+(?P<w>[^\W\d_][\w'\u2019]*(?:-[^\W\d_]+)*)")


def counted_noun(lang: Lang, text: str, pos: int, end: int) -> str | None:
    """What a figure counts in a non-English text: "38.000 Fahrzeuge" -> "fahrzeuge"."""
    for _ in range(4):
        m = _WORD_AFTER.match(text, pos, end)
        if not m:
            return None
        word = m.group("w")
        low = word.lower()
        if low in lang.stop:
            return None
        pos = m.end()
        if low in lang.skip:
            continue
        if lang.noun_mode == "cap":
            if word[0].isupper():
                return low
            continue  # an adjective before the noun: "38.000 neue Fahrzeuge"
        return low
    return None


def parse_digits(lang: Lang, surface: str) -> float | None:
    """The value of a digit string in this language's separators."""
    s = surface.replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    if lang.decimal_comma:
        s = s.replace(".", "").replace(",", ".")
    else:
        s = s.replace(",", "")
    if "/" in s:
        return parse_fraction(s)
    try:
        return float(s)
    except ValueError:
        return None
