"""German attribution, a fallback when the English rules find no speaker in a German article.

Covers the common wire forms: inverted "…, sagte Anna Berger, Sprecherin der Stadt", a
subject before the verb ("Anwohner berichteten", "die Stadt teilte mit"), and "nach Angaben
der Stadt", "laut Polizei", "der Polizei zufolge". Pronouns are not resolved here.
"""

from __future__ import annotations

import re

from newswire.core.records import Speaker
from newswire.extractor.numbers import trie_pattern

_VERBS = trie_pattern(
    """sagte sagten sagt sagen erklärte erklärten erklärt betonte betonten teilte teilten teilt berichtete
    berichteten berichtet warnte warnten warnt meldete meldeten meldet schätzte schätzten bestätigte
    bestätigten sprach räumte räumten kritisierte kritisierten forderte forderten""".split()
)
_NAME = r"[A-ZÄÖÜ][\w.\u2019'-]*(?:[ ](?:von[ ]|van[ ]|de[ ]|der[ ])?[A-ZÄÖÜ][\w.\u2019'-]*){0,3}"
_ART = r"(?:(?:der|die|das|den|dem|des|ein|eine)[ ])?"
_INVERTED = re.compile(
    r"(?<!\w)(?:" + _VERBS + r"|so)[ ]+(?!(?:er|sie|es|man|wir|ich)\b)" + _ART + r"(?P<subj>" + _NAME + r")"
    r"(?:,[ ]+(?P<role>[^,.;:\u201c\u201e\"]{3,80}?)(?=[ ]*[,.;]|$))?"
)
_BEFORE = re.compile(r"(?P<subj>" + _NAME + r")[ ]+(?:" + _VERBS + r")(?!\w)")
_ACCORDING = re.compile(
    r"(?<!\w)(?:[Nn]ach[ ]+Angaben|[Ll]aut)[ ]+" + _ART + r"(?P<subj>" + _NAME + r")"
    r"|" + _ART + r"(?P<subj2>" + _NAME + r")[ ]+zufolge(?!\w)"
)
_LEAD_ART = re.compile(r"(?:Der|Die|Das|Den|Dem|Des)[ ](?=[A-ZÄÖÜ])")
_NOT_SUBJECT = frozenset("Die Der Das Den Dem Des Ein Eine Er Sie Es Wir Ich Man Dies Diese Dieser Und Aber".split())
_ROLE_HEADS = ("sprecher", "minister", "präsident", "chef", "leiter", "bürgermeister", "direktor", "vorsitz",
               "kanzler", "sekretär", "polizei", "experte", "expertin", "anwalt", "anwältin", "sprecherin")


def _speaker(text: str, m: re.Match[str], group: str, role: str | None = None) -> Speaker | None:
    """A Speaker from a matched name, or None for a bare article or pronoun."""
    start, end = m.start(group), m.end(group)
    name = text[start:end].rstrip(".")
    lead = _LEAD_ART.match(name)
    if lead:  # "Der Polizei zufolge": the article is not part of the name
        start += lead.end()
        name = name[lead.end():]
    if not name or name in _NOT_SUBJECT:
        return None
    if role and not any(h in role.lower() for h in _ROLE_HEADS):
        role = None
    return Speaker(name=name, role=role, org=None, start=start, end=start + len(name))


def local(text: str, start: int, end: int) -> Speaker | None:
    """The speaker a German sentence names: inverted verb first, then subject-verb, then "laut"."""
    m = _INVERTED.search(text, start, end)
    if m:
        role = m.group("role")
        sp = _speaker(text, m, "subj", role.strip() if role else None)
        if sp:
            return sp
    for m in _BEFORE.finditer(text, start, end):
        sp = _speaker(text, m, "subj")
        if sp:
            return sp
    m = _ACCORDING.search(text, start, end)
    if m:
        return _speaker(text, m, "subj" if m.group("subj") else "subj2")
    return None
