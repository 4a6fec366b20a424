"""Number parsing: digits with separators, scales, fractions and English number words.

Pure helpers the quantity finder calls on matched spans; each parses one short
surface string, so nothing here scans the whole text.
"""

from __future__ import annotations

import re

UNITS_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS_WORDS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
SCALE_WORDS: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}
SCALE_SUFFIX: dict[str, float] = {
    "k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9,
    "bln": 1e9, "billion": 1e9, "t": 1e12, "tn": 1e12, "trillion": 1e12, "hundred": 1e2, "crore": 1e7,
    "crores": 1e7, "lakh": 1e5, "lakhs": 1e5,
}
FRACTION_WORDS: dict[str, float] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8,
    "tenth": 10, "tenths": 10,
}
UNICODE_FRACTIONS: dict[str, float] = {
    "\u00bd": 0.5, "\u2153": 1 / 3, "\u2154": 2 / 3, "\u00bc": 0.25, "\u00be": 0.75, "\u2155": 0.2,
    "\u2156": 0.4, "\u2157": 0.6, "\u2158": 0.8, "\u2159": 1 / 6, "\u215a": 5 / 6, "\u215b": 0.125,
}

_SEP = re.compile(r"[,\s\u00a0\u202f]")
_TOKEN = re.compile(r"[a-z]+")


def parse_fraction(s: str) -> float | None:
    """"3/4" as 0.75; None for a zero or unreadable denominator."""
    num, _, den = s.partition("/")
    try:
        d = float(den)
        return float(num) / d if d else None
    except ValueError:
        return None


def parse_digits(surface: str) -> float | None:
    """The value of a digit string such as "1,500,000", "-1e-3", "2 1/2" or "16.25"."""
    s = surface.replace("\u2212", "-").replace("\u2044", "/").strip()
    if "/" in s and (" " in s or "-" in s[1:]):  # mixed fraction "2 1/2", "2-1/2"
        whole, _, frac = (s[0] + s[1:].replace("-", " ", 1)).partition(" ")
        w, f = parse_digits(whole), parse_digits(frac)
        return None if w is None or f is None else w + f if w >= 0 else w - f
    if "/" in s:
        return parse_fraction(s)
    s = _SEP.sub("", s)
    try:
        return float(s)
    except ValueError:
        return None


def parse_words(surface: str) -> float | None:
    """The value of English number words: "a hundred and two", "three million, two hundred & forty"."""
    total = 0.0
    current = 0.0
    seen = False
    half = False
    for tok in _TOKEN.findall(surface.lower()):
        if tok in ("and", "a", "an"):
            if tok in ("a", "an") and not seen:
                current = 1.0
                seen = True
            continue
        if tok in UNITS_WORDS:
            v = UNITS_WORDS[tok]
            if current % 100 and (current % 10 or v >= 10):
                return None  # "nineteen fifty" is a year read aloud, "one two" no number
            current += v
        elif tok in TENS_WORDS:
            if current % 100:
                return None  # "nineteen fifty-three"
            current += TENS_WORDS[tok]
        elif tok == "dozen":
            current = (current or 1.0) * 12
        elif tok == "hundred":
            current = (current or 1.0) * 100
        elif tok in SCALE_WORDS:
            total += (current or 1.0) * SCALE_WORDS[tok]
            current = 0.0
        elif tok in ("half",):
            half = True
        else:
            return None
        seen = True
    if not seen:
        return None
    value = total + current
    return value + 0.5 if half and value else (0.5 if half else value)


def parse_fraction_words(numerator: str, denominator: str) -> float | None:
    """The value of "two thirds", "one sixth", "a third"."""
    num = 1.0 if numerator.lower() in ("a", "an", "one") else parse_words(numerator)
    den = FRACTION_WORDS.get(denominator.lower())
    if num is None or not den:
        return None
    return num / den


def trie_pattern(words: list[str]) -> str:
    """A regex alternation factored as a trie: Python's re tries one branch per first letter."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(root)


# \b before a word character, checked after that character: the character before it is no word character
_WORD_START = r"(?<!\w.)"


def word_alternatives(words: list[str]) -> list[str]:
    r"""The branches of r"\b" + trie_pattern(words) + r"\b", one per first letter, each starting with
    that letter: the leading \b is checked after it.

    A pattern that starts with \b makes Python's re try a match at every position of the text;
    one whose top-level branches all start with a literal lets it skip in C to the next position
    holding one of those letters (40% fewer instructions for the clause-delimiter scan). Joined
    with "|" they can share a top-level alternation with other literal-led branches. When the words
    start with most letters of the alphabet (the speech verbs) nearly every letter is a candidate
    and scan_pattern is cheaper: measure before using it.
    """
    if not all(w and (w[0].isalnum() or w[0] == "_") for w in words):
        raise ValueError("word_alternatives: every word must start with a word character")
    by_first: dict[str, list[str]] = {}
    for w in words:
        by_first.setdefault(w[0], []).append(w[1:])
    out = []
    for ch, rests in sorted(by_first.items()):
        tail = trie_pattern([r for r in rests if r])
        if tail and "" in rests:
            tail = "(?:" + tail + ")?"
        out.append(re.escape(ch) + _WORD_START + tail + r"\b")
    return out


def word_pattern(words: list[str]) -> str:
    r"""r"\b" + trie_pattern(words) + r"\b" as one literal-led alternation (see word_alternatives)."""
    return "(?:" + "|".join(word_alternatives(words)) + ")"


NON_WORD = r"[^0-9A-Za-z_](?<=[\x00-\x7f]|\W)"
r"""\W as the first character of a scan, written so re tests it faster: the class is a bitmap (one bit test
for the ASCII letters and digits that fill a text, where \W looks up each character's Unicode category),
and the look-behind accepts an ASCII character at once (every ASCII character outside the class is a
non-word character), looking the category up only for the rest. The same matches; speech-verb, number-word
and hedge scans ran 10-20% faster."""


def scan_pattern(pattern: str) -> str:
    r"""`pattern` (which must start with \b and a word character) with a \W (NON_WORD) in place of the \b.

    The non-word character before each match is taken along, so the pattern starts with a character
    class and Python's re skips over the letters inside words in C instead of trying \b at each
    position (see word_spans)."""
    if not pattern.startswith(r"\b"):
        raise ValueError("scan_pattern: the pattern must start with \\b")
    return NON_WORD + pattern[2:]


def word_spans(rx: re.Pattern[str], scan: re.Pattern[str], text: str, pos: int, endpos: int) -> list[tuple[int, int]]:
    """The spans of rx.finditer(text, pos, endpos), found with scan = re.compile(scan_pattern(rx.pattern)).

    Valid when every match of rx starts and ends with a word character: only a match right at `pos`
    has its non-word character outside the window, and the next match starts past the non-word
    character after the last one, where the scan resumes."""
    out = []
    m = rx.match(text, pos, endpos)
    if m:
        out.append(m.span())
        pos = m.end()
    out += [(m.start() + 1, m.end()) for m in scan.finditer(text, pos, endpos)]
    return out
