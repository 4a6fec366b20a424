"""Sentence splitting that survives abbreviations, quotes, bullets and headings.

Lines are blocks: a bullet or a heading is its own sentence, so a list item never runs
into the next one. Inside a line a boundary is a terminal mark (plus closing quotes)
followed by space and a capital, a digit or an opening quote, unless the word before
the mark is a known abbreviation or an initial ("John F. Kirby", "Dec. 22", "U.S.").
Every regex is linear: no nested quantifiers.
"""

from __future__ import annotations

import re
from itertools import islice
from typing import NamedTuple

_LINE = re.compile(r"[^\n]+")
_BULLET = re.compile(r"[ \t]*(?:[-*\u2022\u2023\u25aa\u25cf\u00b7\u2013\u2014]|\d{1,2}[.)])[ \t]+")
# group 1 ends the sentence: the spaces after it are nobody's. The marks are written [.!?…][.!?…]*, not
# [.!?…]+: a pattern that starts with a character class lets re skip in C to the next mark instead of
# trying a match at every position of the line. Tokenised text (Penn Treebank style, as in ECB+) spaces
# its marks: a closing '' after a space ends the sentence too, and an opening mark may be followed by a
# space ('years. " Newly elected'). A match starts only at a run's first mark (the look-behind) and
# takes the whole run (possessive): tried from every mark of a long run ("?" x 12,000, CJK mis-decoded), the
# run was read to its end from each of them, 3.7 s for one article.
_BOUNDARY = re.compile(
    r"([.!?\u2026](?<![.!?\u2026][.!?\u2026])[.!?\u2026]*+(?:[\"'\u201d\u2019)\]]*| '')?)"
    r"[ \t]+(?=[\"'\u201c\u2018(\[]? ?[A-Z0-9\u00c0-\u024f])"
)
_CLOSING = "\"'\u201d\u2019"
# a quotation that ends in ? or ! and the attribution after it: 'Holmes said', 'she asked' (no new sentence;
# a capitalised article or pronoun after the quote opens one: '"Why?" The Fed said no.')
_ATTRIBUTION_AFTER = re.compile(
    r"(?:(?!(?:The|A|An|This|That|These|Those|It|In|But|And|He|She|They|We|I)\s)(?:[A-Z][\w'\u2019.-]*\s+){1,3}"
    r"|(?:he|she|they)\s+)(?:said|says|asked|asks|added|testified|told|wrote"
    r"|explained|recalled|replied|shouted|wondered|continued)\b")
_HEADING_END = ".!?:;,\"'\u201d\u2019)\u2026"  # a line ending in one of these is no heading
_WORD = re.compile(r"\w+")

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt ft gen lt col maj capt sgt cpl adm cmdr gov sen rep rev hon pres
    supt insp det amb atty no nos vol vols fig figs art sec ch pp p op inc corp co ltd llc bros dept
    univ assn est approx vs etc al jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed
    thu thur thurs fri sat sun ave blvd rd hwy ariz calif colo conn fla ill ind kan mass mich minn
    miss nev okla ore penn tenn tex va wash wis wyo""".split()
)


class Sentence(NamedTuple):
    """A sentence's span in the text, its paragraph index and its block kind (a tuple: cheap to build)."""

    start: int
    end: int
    text: str
    para: int
    kind: str = "text"  # "text", "heading" or "bullet"


_STATE_ABBREVIATIONS = frozenset(
    "ala ariz ark calif colo conn del fla ga ill ind kan ky md mass mich minn miss mo mont neb nev okla ore pa penn "
    "tenn tex va wash wis wyo".split())
_TIME_GOES_ON = re.compile(
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*"
    r"|Eastern|Pacific|Central|Mountain|GMT|UTC|[A-Z]{1,3}[SD]?T|local|Local)\b|\d")
"""What may follow "a.m."/"p.m." inside a sentence: a day, a month, a time zone ("4 p.m. Friday", "10 a.m. ET")."""
TIME_LEAD_WORDS = 4
"""Words before a time that make it the end of a clause ("the gunman entered about 4 p.m."), not an opening
phrase ("At 9 a.m. U.S. troops moved in")."""


def _time_ends_sentence(text: str, token: str, start: int, mark: int, after: int) -> bool:
    """Whether "a.m."/"p.m." ends its sentence: a clause before it and a capitalised word after it that is
    no day, month or time zone ("about 4 p.m. Police locked down the neighborhood")."""
    if not token.lower().endswith(("a.m.", "p.m.")) or _TIME_GOES_ON.match(text, after):
        return False
    lead = sum(1 for _ in islice(_WORD.finditer(text, start, mark + 1 - len(token)), TIME_LEAD_WORDS))
    return lead >= TIME_LEAD_WORDS  # the words before "p.m.", its figure included
_OPENER = re.compile(r"(?:The|A|An|He|She|It|They|We|But|In|This|That|His|Her|Their|Its|Police|Officials)\b")
"""Words that open a sentence and never follow a title: after "Biloxi, Miss." they start the next sentence."""


def is_abbreviation(token: str, next_char: str, text: str = "", after: int = -1) -> bool:
    """True when a period after `token` does not end the sentence. What follows at text[after:] (the word after
    the period's space) tells a state at a sentence's end ("in Biloxi, Miss. The coroner said") from a title
    ("Miss. Kafoury")."""
    core = token.rstrip(".!?\"'\u201d\u2019)]").lstrip("\"'\u201c\u2018([")
    if not core:
        return False
    if "." in core and not core.lstrip("$\u20ac\u00a3")[:1].isdigit():  # U.S., a.m., e.g.: inner dots mark one
        return True  # (a figure's decimal point does not: "about 8.40pm. Police said")
    low = core.lower()
    if len(core) == 1 and core.isalpha() and core.isupper():  # an initial: John F. Kirby
        return True
    if low in ("no", "nos", "art", "fig", "vol", "p", "pp", "sec", "ch", "op"):
        return next_char.isdigit()
    if low in _STATE_ABBREVIATIONS and after >= 0 and _OPENER.match(text, after):
        return False
    return low in ABBREVIATIONS and not token.endswith(("!", "?"))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _few_words(body: str) -> bool:
    """True when the line has at most HEADING_WORDS words (stops counting after that)."""
    return sum(1 for _ in islice(_WORD.finditer(body), HEADING_WORDS + 1)) <= HEADING_WORDS


HEADING_WORDS = 14  # a line without closing punctuation and at most this many words is a heading


def split_sentences(text: str) -> list[Sentence]:
    """Split clean article text into sentences with offsets into `text`."""
    out: list[Sentence] = []
    para = 0
    prev_end = 0
    for line in _LINE.finditer(text):
        ls, le = _trim(text, line.start(), line.end())
        if ls >= le:
            continue
        if "\n" in text[prev_end:ls] and text.count("\n", prev_end, ls) >= 2:
            para += 1
        elif prev_end:
            para += 1 if out and out[-1].kind != "text" else 0
        prev_end = le
        bullet = _BULLET.match(text, ls, le)
        if bullet and bullet.end() < le:
            ls = bullet.end()
            out.append(Sentence(ls, le, text[ls:le], para, "bullet"))
            continue
        body = text[ls:le]
        if body[-1] not in _HEADING_END and _few_words(body):  # (a regex with $ would scan the whole line)
            out.append(Sentence(ls, le, body, para, "heading"))
            para += 1
            continue
        start = ls
        for m in _BOUNDARY.finditer(text, ls, le):
            ms = m.start()
            if text[ms] == ".":
                # the token before the period: \S+ back from the mark (at most 30 characters)
                tok = text[max(ls, ms - 30):ms + 1].rsplit(None, 1)[-1]
                if is_abbreviation(tok, text[m.end()] if m.end() < le else "", text, m.end()) \
                        and not _time_ends_sentence(text, tok, start, ms, m.end()):
                    continue
            elif text[m.end(1) - 1] in _CLOSING and _ATTRIBUTION_AFTER.match(text, m.end(), le):
                continue  # '"...investigation?" Holmes testified.': the attribution ends the sentence
            e = m.end(1)  # starts are not spaces: ls is trimmed and a boundary ends before a non-space
            if start < e:
                out.append(Sentence(start, e, text[start:e], para))
            start = m.end()
        s, e = _trim(text, start, le)
        if s < e:
            out.append(Sentence(s, e, text[s:e], para))
        para += 1
    return out
