"""Article metadata from text: byline authors, publication dates and the language.

Bylines and datelines are recognised in several languages; dates become ISO `YYYY-MM-DD`.
Language is guessed from the script, then from short function-word profiles.
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS: dict[str, int] = {}
for _i, _names in enumerate((
    "january jan januar janvier enero gennaio janeiro januari",
    "february feb februar février febrero febbraio fevereiro februari",
    "march mar märz mars marzo março maart",
    "april apr avril abril aprile",
    "may mai mayo maggio maio mei",
    "june jun juni juin junio giugno junho",
    "july jul juli juillet julio luglio julho",
    "august aug août agosto augustus",
    "september sep sept septembre septiembre settembre setembro",
    "october oct oktober octobre octubre ottobre outubro",
    "november nov novembre noviembre novembro",
    "december dec dezember décembre diciembre dicembre dezembro",
), start=1):
    for _n in _names.split():
        _MONTHS[_n] = _i
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))

DATE_RES = (
    # 2024-12-28, 2024/12/28
    (re.compile(r"(?<!\d)((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)"), "ymd"),
    # December 28, 2024 / Dec. 28 2024
    (re.compile(rf"\b({_MONTH_ALT})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{{2}})\b", re.I), "mdy"),
    # 28 December 2024 / 28. Dezember 2024
    (re.compile(rf"\b(\d{{1,2}})\.?\s+(?:de\s+)?({_MONTH_ALT})\.?,?\s+(?:de\s+)?((?:19|20)\d{{2}})\b", re.I), "dmy"),
    # 28.12.2024 (European day-first)
    (re.compile(r"\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\b"), "dmy_num"),
    # 12/28/2024 (US month-first)
    (re.compile(r"\b(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})\b"), "mdy_num"),
)
_TIME_RE = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b)?", re.I)
BYLINE_RE = re.compile(
    r"^(?:(?:by|written by|posted by|von|par|por|di|door|av|af|от|автор|بقلم|كتب)\s*:?\s+"
    r"|(?:authors?|autor(?:in|es)?|auteur|autore|reporter)\s*:\s*)(.+)$", re.I
)
"""A byline's head: "By", "Von", or a label with a colon ("Author: Jane Doe", TV station sites)."""
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\bو)\s*")
_PARTICLES = frozenset(
    {"de", "da", "van", "von", "der", "den", "del", "la", "le", "al", "el", "bin", "ibn", "di", "du", "dos"}
)
_BYLINE_TAIL = frozenset({
    "for", "at", "in", "of", "and", "with", "|", "-", "–", "—", "staff", "special", "via", "from", "updated",
    "published", "posted", "publiziert", "veröffentlicht", "aktualisiert", "am", "publié", "le", "publicado",
    "el", "pubblicato", "il",
})
_ROLE_WORDS = re.compile(
    r"\b(?:reporter|correspondent|editor|staff|writer|contributor|columnist|updated|published|"
    r"min read|minutes? read|photograph\w*|associated press|reuters|afp)\b", re.I,
)


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


_YEAR = re.compile(r"(?:19|20)\d\d")


def find_date(text: str) -> tuple[str | None, tuple[int, int]]:
    """The first calendar date in a text as ISO `YYYY-MM-DD`, with its span."""
    if _YEAR.search(text) is None:  # every pattern needs a year: skip the costly ones
        return None, (0, 0)
    best: tuple[int, str, tuple[int, int]] | None = None
    for pattern, kind in DATE_RES:
        m = pattern.search(text)
        if not m or (best is not None and m.start() >= best[0]):
            continue
        g = m.groups()
        iso = None
        if kind == "ymd":
            iso = _valid(int(g[0]), int(g[1]), int(g[2]))
        elif kind == "mdy":
            iso = _valid(int(g[2]), _MONTHS[g[0].lower()], int(g[1]))
        elif kind == "dmy":
            iso = _valid(int(g[2]), _MONTHS[g[1].lower()], int(g[0]))
        elif kind == "dmy_num":
            iso = _valid(int(g[2]), int(g[1]), int(g[0]))
        elif kind == "mdy_num":
            iso = _valid(int(g[2]), int(g[0]), int(g[1])) or _valid(int(g[2]), int(g[1]), int(g[0]))
        if iso:
            best = (m.start(), iso, m.span())
    return (best[1], best[2]) if best else (None, (0, 0))


_ISO_STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")


def normalise_date(value: str | None) -> str | None:
    """A metadata date as ISO: an ISO timestamp is kept whole, anything else becomes `YYYY-MM-DD`."""
    if not value:
        return None
    value = value.strip()
    if _ISO_STAMP.match(value) and find_date(value[:10])[0]:
        return value.replace(" ", "T", 1)
    iso, _ = find_date(value)
    return iso


_DATELINE_WORDS = re.compile(
    r"(?i)\b(?:updated|published|posted|last|modified|on|at|am|pm|et|gmt|utc|\d+ min(?:ute)?s? read|"
    r"\d+ (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?) ago|\d{1,2} ?h ?\d{2}|"
    r"aktualisiert|veröffentlicht|publié|mis à jour|publicado|actualizado|pubblicato|"
    r"um|uhr|le|à|el|de|a las|alle|às|ore)(?!\w)"
)
"""Words a date stamp carries besides its date and time, in a few languages ("Publié le ... à 18h30")."""


def is_dateline(line: str) -> bool:
    """True for a short line that is only a date/time stamp (with words like "Updated")."""
    if len(line) > 80:
        return False
    iso, (a, b) = find_date(line)
    if not iso:
        return False
    rest = _TIME_RE.sub(" ", line[:a] + " " + line[b:])
    rest = _DATELINE_WORDS.sub(" ", rest)
    return len(re.findall(r"\w+", rest)) <= 2


def parse_byline(line: str) -> tuple[list[str], str | None] | None:
    """Authors (and a date) from a byline such as "by Jane Roe December 28, 2024", else None."""
    if len(line) > 160:
        return None
    m = BYLINE_RE.match(line.strip())
    if not m:
        return None
    rest = m.group(1)
    iso, (a, _) = find_date(rest)
    names_part = rest[:a] if iso else rest
    names_part = _TIME_RE.sub(" ", names_part)
    names_part = re.split(r"\s[|•·–—-]\s|\(|\bupdated\b|\bpublished\b|\bon\b", names_part, maxsplit=1, flags=re.I)[0]
    if not rest[:1].isupper():  # "by the way", "by far": a sentence, not a byline
        return None
    short = len(line.split()) <= 4 or iso is not None
    authors: list[str] = []
    for chunk in _NAME_SPLIT.split(names_part):
        words = chunk.split()
        name: list[str] = []
        for w in words:
            if w[:1].isupper() or (name and w.lower() in _PARTICLES):
                name.append(w.strip(",.;:"))
            else:
                break
        leftover = words[len(name):]
        if leftover and leftover[0].lower() not in _BYLINE_TAIL:
            return None  # "By Russia or anybody else.": the rest reads as a sentence
        if (len(name) >= 2 or (name and short)) and len(name) <= 5 and not _ROLE_WORDS.search(" ".join(name)):
            authors.append(" ".join(name))
        if leftover:
            break
    if not authors:
        return None
    return authors, iso


_STOP: dict[str, frozenset[str]] = {
    "en": frozenset("the and of to in is that for was on with as by at from it said his are be has this".split()),
    "de": frozenset("der die und das ist nicht den mit von sich des auf für ein eine im dem zu auch wird".split()),
    "fr": frozenset("le la les des et est un une du en que dans pour qui pas sur au par avec ce il sont".split()),
    "es": frozenset("el la los las de que y en un una es por con para del se al lo como más su".split()),
    "it": frozenset("il la che di e è un una per non del della con sono gli le nel alla si da".split()),
    "pt": frozenset("o a os as de que e do da em um uma para com não no na por se mais dos".split()),
    "nl": frozenset("de het een en van is dat op te in voor niet met zijn er aan ook als bij".split()),
    "id": frozenset("yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke karena ada".split()),
    "tr": frozenset("ve bir bu da de için ile çok olarak daha gibi olan ama sonra kadar".split()),
    "pl": frozenset("i w nie na się z do że jest to jak o po ale od za przez".split()),
}
_WORD = re.compile(r"[^\W\d_]+")


_SCRIPTS = (
    ("ar", re.compile(r"[\u0600-\u06FF]")), ("ru", re.compile(r"[\u0400-\u04FF]")),
    ("ko", re.compile(r"[\uAC00-\uD7AF]")), ("ja", re.compile(r"[\u3040-\u30FF]")),
    ("zh", re.compile(r"[\u4E00-\u9FFF]")), ("el", re.compile(r"[\u0370-\u03FF]")),
    ("he", re.compile(r"[\u0590-\u05FF]")), ("hi", re.compile(r"[\u0900-\u097F]")),
    ("th", re.compile(r"[\u0E00-\u0E7F]")),
)
_NONLATIN = re.compile(r"[\u0370-\u1FFF\u3040-\u9FFF\uAC00-\uD7AF]")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
_STOP_INDEX: dict[str, tuple[str, ...]] = {}
for _lang, _words in _STOP.items():
    for _w in _words:
        _STOP_INDEX[_w] = _STOP_INDEX.get(_w, ()) + (_lang,)


def detect_language(text: str) -> str | None:
    """A best-guess ISO 639-1 code from the script, then function-word counts; None if unsure."""
    sample = text[:600]
    if len(_NONLATIN.findall(sample)) >= 20:
        counts = {code: len(rx.findall(sample)) for code, rx in _SCRIPTS}
        latin = len(_LATIN.findall(sample))
        code = max(counts, key=counts.__getitem__)
        if counts[code] > latin and counts[code] >= 20:
            if code == "zh" and counts["ja"] > 0.1 * counts["zh"]:
                return "ja"
            return code
    scores: dict[str, int] = {}
    for w in _WORD.findall(sample[:400].lower()):
        for lang in _STOP_INDEX.get(w, ()):
            scores[lang] = scores.get(lang, 0) + 1
    if not scores:
        return None
    lang = max(scores, key=scores.__getitem__)
    return lang if scores[lang] >= 3 else None
