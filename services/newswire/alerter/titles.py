"""One-line alert titles an editor can read at a glance: figures formatted, sentences shortened."""

from __future__ import annotations

import re

TITLE_MAX = 200
SUMMARY_MAX = 140

_SPACE = re.compile(r"\s+")
# Attribution frames around a reported sentence: the speaker goes in parentheses instead.
_SAY = (r"(?:said|says|reported|announced|believes|estimated|estimates|confirmed|stated|claimed|revealed|"
        r"warned|added|told [\w ]{1,30}?)")
_WHEN = r"(?:\s+(?:on\s+|late\s+|early\s+)?(?:\w+day|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?"
_LEAD_ATTRIBUTION = re.compile(
    r"^(?:(?i:according to) [^,]{1,80},\s*|(?:the\s+)?[A-Z][\w.'’ -]{0,60}?\s+" + _SAY + _WHEN
    + r"\s+(?:that\s+)?)",
)
_TAIL_ATTRIBUTION = re.compile(
    r",[\"”’']?\s*(?:(?:the|a|an)\s+)?[\w.'’ -]{1,60}?\s+" + _SAY
    + r"(?:\s+(?:(?:later|earlier|late|early|on)\s+)?\w+day|\s+in\s+a\s+[\w ]{1,30}?)?"
    r"(?:,\s*citing\s+[^,.;]{1,60})?\s*[.!]?$",
    re.IGNORECASE,
)
_TRAIL = re.compile(r"[\s.;:,]+$")
_CLAUSE = re.compile(r"\s*(?:[,;:]|\s[–—-])\s+")
_FIGURE = re.compile(r"\d|\b(?:hundreds?|thousands?|millions?|billions?|trillions?|dozens?)\b", re.IGNORECASE)
_CLAUSE_LEAD = re.compile(r"^(?:and|but|with|while|as|which|who)\s+", re.IGNORECASE)
_UNIT_WORDS = {"usd": "$", "eur": "€", "gbp": "£"}
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def one_line(text: str, limit: int = TITLE_MAX) -> str:
    """Collapse whitespace and cut at a word boundary, so a title always fits one line."""
    text = _SPACE.sub(" ", text or "").strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return _TRAIL.sub("", cut) + "…"


def summarize_claim(text: str, limit: int = SUMMARY_MAX) -> str:
    """The claim sentence without its attribution frame and final stop, shortened to fit a title."""
    s = _SPACE.sub(" ", text or "").strip().strip("\"“”'")
    s = _TAIL_ATTRIBUTION.sub("", s).strip("\"“”'")
    lead = _LEAD_ATTRIBUTION.match(s)
    if lead and len(s) - lead.end() > 20:
        s = s[lead.end():]
    s = _TRAIL.sub("", s)
    if len(s) > limit:
        s = _figure_clause(s) or s
    if s[:1].islower():
        s = s[:1].upper() + s[1:]
    return one_line(s, limit)


def _figure_clause(sentence: str) -> str | None:
    """In a long sentence, the first clause that carries a figure (what the alert is about)."""
    for clause in _clauses(sentence):
        if len(clause) > 25 and _FIGURE.search(clause):
            return _CLAUSE_LEAD.sub("", clause)
    return None


def _clauses(sentence: str) -> list[str]:
    """The sentence cut at its clause marks, never inside brackets: "the Orioles (seven years, $140 million)
    and the Nationals" cut at its comma gave the title "$140 million) and the Nationals (eight years"."""
    out: list[str] = []
    start = 0
    for m in _CLAUSE.finditer(sentence):
        head = sentence[start:m.start()]
        if head.count("(") > head.count(")") or head.count("[") > head.count("]"):
            continue  # the mark is inside brackets: the clause goes on
        out.append(head)
        start = m.end()
    out.append(sentence[start:])
    return out


def format_number(value: float) -> str:
    """1000 -> '1,000'; 1.25e9 -> '1.25 billion'; 12.5 -> '12.5'."""
    v = abs(value)
    for scale, word in _SCALES:
        if v >= scale:
            scaled = value / scale
            return f"{scaled:,.2f}".rstrip("0").rstrip(".") + f" {word}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def format_figure(value: float | None, unit: str | None) -> str:
    """A figure with its unit as a reader writes it: '$1.25 billion', '10%', '1,000 troops'."""
    if value is None:
        return "?"
    number = format_number(value)
    u = (unit or "").strip()
    key = u.lower()
    if key in _UNIT_WORDS:
        return _UNIT_WORDS[key] + number
    if key in {"percent", "%", "per cent"}:
        return number + "%"
    return f"{number} {u}" if u else number


def with_speaker(summary: str, speaker: str | None) -> str:
    """Append the speaker in parentheses, as wire alerts do; a speaker's own organisation in brackets
    ("Michael Silverman (Boston Herald)") goes after a comma rather than in brackets within brackets."""
    who = (speaker or "").strip()
    if not who:
        return summary
    if who.endswith(")") and " (" in who:
        name, _, org = who[:-1].partition(" (")
        if name and "(" not in org:
            who = name if org == name else f"{name}, {org}"
    return f"{summary} ({who})"
