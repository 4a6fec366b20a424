"""Rule-based named entities: people, organisations and places with offsets.

Capitalised spans are cut into a leading role ("Ukrainian President"), a name and a
trailing possessive; organisation words, agency acronyms and a small gazetteer of
places decide the label, and a name of two or more capitalised words (or one after a
title or role) is a person. Single words that earlier matched a person's surname
("Kirby" after "John Kirby") are people too. No model, nothing downloaded.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from newswire.core.records import Entity
from newswire.extractor import gazetteer as gz
from newswire.extractor import genders

# One leading [A-Z] then the alternatives: a pattern that starts with a character class lets
# Python's re skip non-capitals fast (about 3x faster than an alternation of whole tokens).
_TOKEN = (
    r"[A-Z](?:(?:\.[A-Z])+\.?"  # U.S., U.N.
    r"|(?<=[MDSRGLJPC])(?:r|rs|s|t|en|ep|ov|rof|ol)\."  # Mr. Mrs. Ms. Dr. St. Sen. Rep. Gov. Gen. Jr. Prof. Col.
    r"|\.(?=[ ][A-Z])"  # an initial: John F. Kirby
    r"|[\w\u2019'\-]*)"
)
_FOR_HEADS = ("Council Institute Institutes Committee Center Centre Centers Centres Commission Conference Office "
              "Bureau Agency Society Association Foundation Alliance Coalition Campaign Fund Federation League "
              "Organization Organisation Board Forum Network Partnership Project Trust Force Tribunal Observatory "
              "Movement Physicians Front").split()
_ON_HEADS = "Council Committee Commission Conference Institute Institutes Panel Forum Force Board Tribunal".split()
_TO_HEADS = "Committee Campaign".split()
_ON_FOR = ("(?:for(?:" + "|".join(f"(?<={h} for)" for h in _FOR_HEADS) + ")|on(?:"
           + "|".join(f"(?<={h} on)" for h in _ON_HEADS) + ")|to(?:" + "|".join(f"(?<={h} to)" for h in _TO_HEADS)
           + r"))(?:[ ]the)?(?=[ ](?!(?:Monday|Tuesday|Wednesday"
           r"|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October"
           r"|November|December)\b))")
"""An organisation's "for"/"on"/"to" joins a name only after a word that heads such names ("Center for Environmental
Politics", "Syrian Observatory for Human Rights", "Council on Foreign Relations", "Committee to Protect Journalists"),
never before a day or month; elsewhere it ends one ("Trump on Monday", "the CNN Center on Tuesday")."""
# the lookbehinds of _ON_FOR run only once " for"/" on" has matched: every other word boundary costs as before
# a name's particles, also in pairs ("Maria de la Cruz", "Ursula von der Leyen", "Juan de los Santos")
_SPAN = re.compile(_TOKEN + r"(?:(?:[ ](?:of(?:[ ]the)?|de(?:[ ]la|[ ]las|[ ]los)?|del|da|bin|al|von(?:[ ]der)?"
                   r"|van(?:[ ]der|[ ]den|[ ]de)?|der|la|le|" + _ON_FOR + r")[ ]|[ ])"
                   + _TOKEN + r")*")
_AND_MORE = re.compile(r"[ ]and[ ]" + _TOKEN + r"(?:[ ]" + _TOKEN + r")*")
"""The words after "and" that end a name with "on"/"for" in it ("Centers for Disease Control and Prevention")."""
_POSSESSIVE = ("\u2019s", "'s", "\u2019", "'")


class Mention(NamedTuple):
    """A capitalised span split into role, name and label, with offsets of the name (a tuple: cheap to build)."""

    name: str
    label: str
    start: int
    end: int
    role: str | None = None
    org: str | None = None


@functools.lru_cache(maxsize=8192)
def _strip_possessive(tok: str) -> str:
    for p in _POSSESSIVE:
        if tok.endswith(p) and len(tok) > len(p) + 1:
            return tok[: -len(p)]
    return tok.rstrip(".") if not (len(tok) == 2 and tok.endswith(".")) and "." not in tok[:-1] else tok


_COUNTRY_STEMS = frozenset(c[:4] for c in gz.COUNTRIES) | frozenset(c.rsplit(" ", 1)[-1][:4] for c in gz.COUNTRIES)
_EXTRA_DEMONYMS = frozenset("french dutch swiss greek thai slovak czech polish western eastern".split())


@functools.lru_cache(maxsize=4096)
def is_demonym(word: str) -> bool:
    """True for adjectives of nationality: Russian, Ukrainian, Korean, Chinese, Israeli."""
    low = word.lower()
    if low in _EXTRA_DEMONYMS:
        return True
    if len(low) < 5 or not low.endswith(("ian", "ean", "ese", "ish", "ic", "i", "an", "ak", "ch")):
        return False
    return low[:4] in _COUNTRY_STEMS


def _split_span(g: str, pos: int) -> list[tuple[list[str], list[int]]]:
    """A capitalised span of several words as token lists with offsets, cut after possessives
    ("Russia's | Kursk")."""
    out: list[tuple[list[str], list[int]]] = []
    toks: list[str] = []
    offs: list[int] = []
    for tok in g.split(" "):
        toks.append(tok)
        offs.append(pos)
        pos += len(tok) + 1
        if tok.endswith(_POSSESSIVE) and len(tok) > 2:
            out.append(([_strip_possessive(t) for t in toks], offs))
            toks, offs = [], []
    if toks:
        out.append(([_strip_possessive(t) for t in toks], offs))
    return out


_ING_NAMES = frozenset(
    """irving sterling stirling channing manning fleming browning harding golding redding ewing darling king
    ming jing xing ling ping qing ying bing ding sing wing tsing lansing reading beijing nanjing wyoming
    kipling pershing cushing dowling spalding boeing bering""".split())
_VOWEL = re.compile("[aeiouy]")


def _is_gerund(tok: str) -> bool:
    """A capitalised -ing verb opening a span ("Hosting Cook at Dreamforce", "Following Trump's call"):
    no part of the name after it (names like Irving or Sterling excepted)."""
    low = tok.lower()
    return len(low) > 5 and low.endswith("ing") and _VOWEL.search(low, 0, len(low) - 3) is not None \
        and low not in _ING_NAMES  # a stem with a vowel: "Hosting", not "Spring" or "String"


def _person_of(toks: list[str]) -> int:
    """Where a name of two to four words ends at an "of" that leads to an organisation or a place ("John Smith
    of the University of Texas", "Rosaly Lopes of NASA"), else 0. Never inside an organisation's or a place's own
    name ("Royal Bank of Scotland", "United States of America", "Democratic Republic of Congo")."""
    i = toks.index("of") if "of" in toks else 0
    if not 2 <= i <= 4 or i + 1 >= len(toks):
        return 0
    before = toks[:i]
    rest = toks[i + 2:] if toks[i + 1] == "the" else toks[i + 1:]
    if not rest or any(t.lower() in gz.ORG_WORDS or t.lower() in gz.PLACE_SUFFIXES for t in before) \
            or _is_head(before[-1]) or gz.is_place(" ".join(before)) or gz.is_org(" ".join(before)):
        return 0
    if len(rest) == 1 and rest[0].lower() in gz.ORG_WORDS:
        return 0  # "of Staff": a bare organisation word ends no person's name
    after = " ".join(rest)
    acronym = len(rest) == 1 and len(rest[0]) >= 2 and rest[0].isupper()
    return i if acronym or gz.is_org(after) or gz.is_place(after) else 0


def _is_head(tok: str) -> bool:
    low = tok.lower()
    return low in gz.ROLE_HEADS or low in gz.TITLES


def _only_demonyms(toks: list[str]) -> bool:
    return all(is_demonym(t.rstrip("s")) or is_demonym(t) or t.lower() in gz.DIRECTIONS for t in toks)


@functools.lru_cache(maxsize=8192)
def _mention_rel(toks_t: tuple[str, ...], offs_t: tuple[int, ...]) -> tuple[Mention, ...]:
    return tuple(_mention_uncached(list(toks_t), list(offs_t)))


def _mention_uncached(toks: list[str], offs: list[int]) -> list[Mention]:
    """Label one capitalised piece; a role before a name gives a person with role and organisation."""
    i = 0
    while i < len(toks) - 1 and toks[i].lower() in gz.NON_NAME_CAPS:
        i += 1
    if i < len(toks) - 1 and _is_gerund(toks[i]) and not gz.is_org(" ".join(toks)):  # not "Working Group"
        i += 1
    toks, offs = toks[i:], offs[i:]
    if not toks or toks[0].lower() in gz.NON_NAME_CAPS or toks[0] == "of":
        return []
    whole = " ".join(toks)
    last = toks[-1].lower()
    if 3 <= len(toks) <= 4 and toks[0].lower() in gz.COUNTRIES and genders.is_given_name(toks[1]) \
            and not genders.is_given_name(toks[0]) and not gz.is_org(whole):  # "envoy to Ukraine Kurt Volker"
        return [Mention(toks[0], "GPE", offs[0], offs[0] + len(toks[0])), *_mention_uncached(toks[1:], offs[1:])]
    if len(toks) >= 2 and toks[0].lower() in gz.VESSEL_PREFIXES and toks[1][:1].isupper():
        return [Mention(whole, "ORG", offs[0], offs[-1] + len(toks[-1]))]  # "INS Mysore", "MV Gibe"
    split = _person_of(toks)
    if split:  # "John Smith of the University of Texas", "Rosaly Lopes of NASA"
        after = split + (2 if toks[split + 1] == "the" else 1)
        left, right = _mention_uncached(toks[:split], offs[:split]), _mention_uncached(toks[after:], offs[after:])
        if left and right and left[-1].label == "PERSON" and left[-1].org is None and right[0].label == "ORG":
            left[-1] = left[-1]._replace(org=right[0].name)  # where the person works
        return left + right
    if len(toks) >= 3 and toks[1] == "of" and any(w in gz.ORG_WORDS for w in toks[0].lower().split("-")) \
            or "on" in toks or "for" in toks or "to" in toks:  # "Department of Justice", "Institute on Drug Abuse"
        return [Mention(whole, "ORG", offs[0], offs[-1] + len(toks[-1]))]
    if gz.is_org(whole) and (last in gz.ORG_WORDS or gz.is_org(toks[-1])) or gz.is_place(whole):
        org_or_place = "ORG" if gz.is_org(whole) and not gz.is_place(whole) else "GPE"
        return [Mention(whole, org_or_place, offs[0], offs[-1] + len(toks[-1]))]
    head = max((j for j, t in enumerate(toks) if _is_head(t)), default=-1)
    if head == len(toks) - 1 and head > 0 and genders.is_given_name(toks[head - 1]):
        # a role word after a given name is a surname: "Janice Leader", "John Major"
        head = max((j for j, t in enumerate(toks[:head - 1]) if _is_head(t)), default=-1)
    out: list[Mention] = []
    role = org = None
    start = 0
    if head >= 0:
        end_role = head + 1
        while end_role + 1 < len(toks) and toks[end_role] == "of" and (
                toks[end_role + 1].lower() in gz.ROLE_MODIFIERS or gz.is_org(toks[end_role + 1])
                or gz.is_place(toks[end_role + 1])):  # "President of France Emmanuel Macron"
            end_role += 2
        if end_role >= len(toks):
            return []  # only a role: "the Foreign Minister"
        rs = head
        while rs > 0 and (toks[rs - 1].lower() in gz.ROLE_WORDS or toks[rs - 1].lower() in gz.TITLES):
            rs -= 1
        pre = toks[:rs]
        while pre and (is_demonym(pre[0]) or pre[0].lower() in gz.DIRECTIONS) and not gz.is_org(" ".join(pre)) \
                and not gz.is_place(" ".join(pre)):  # "South Dakota Gov. Kristi Noem"
            pre = pre[1:]
        if pre:
            org = " ".join(pre)
            po = offs[rs - len(pre)]
            out.append(Mention(org, "ORG" if gz.is_org(org) else ("GPE" if gz.is_place(org) else "ORG"), po,
                               offs[rs - 1] + len(toks[rs - 1])))
        role = " ".join(gz.ROLE_ABBREVIATIONS.get(t.lower(), t) for t in toks[rs:end_role]
                        if t.lower() not in gz.TITLES) or None
        start = end_role
    else:
        while start < len(toks) - 1 and (is_demonym(toks[start]) or toks[start].lower() in gz.DIRECTIONS):
            start += 1
    name_toks = toks[start:]
    if head >= 0 and name_toks[0] in ("of", "for", "on"):  # the role goes on: "Head of Research"
        given = next((j for j in range(2, len(name_toks) - 1) if genders.is_given_name(name_toks[j])), None)
        if given is None and len(name_toks) >= 4 and all(
                t.isalpha() and t.istitle() and t.lower() not in gz.ORG_WORDS and t.lower() not in gz.NON_NAME_CAPS
                and not gz.is_place(t) for t in name_toks[-2:]):
            given = len(name_toks) - 2  # "Chief of Detectives Charlie Beck": a name of two words closes it
        if given is None:
            return out  # a role alone ("General Manager of Life Care Solutions")
        role = " ".join([*(role or "").split(), *name_toks[:given]]) or None  # "Chief of Detectives Charlie Beck"
        start += given
        name_toks = name_toks[given:]
    verb = next((j for j in range(1, len(name_toks)) if name_toks[j].lower() in gz.HEADLINE_VERBS), None)
    if verb is not None:
        name_toks = name_toks[:verb]  # a headline: "Obama Announces Nominee" is Obama
    if not name_toks or (head < 0 and _only_demonyms(name_toks)) or (
            len(name_toks[-1]) == 1 and not genders.is_given_name(name_toks[0])):
        return out  # a name ending in one letter is a thing ("Gen Z", "Plan B"), Malcolm X aside
    name = " ".join(name_toks)
    s0 = offs[start]
    # the name's last word where the text has it: a dot dropped inside the name ("St. Croix" -> "St Croix")
    # made `s0 + len(name)` end one character short per dot
    e0 = offs[start + len(name_toks) - 1] + len(name_toks[-1])
    if gz.is_org(name):
        label: str | None = "ORG"
    elif gz.is_place(name):
        label = "GPE"
    elif head >= 0 and len(name_toks) <= 4:
        label = "PERSON"
    elif len(name_toks) == 1 or len(name_toks) > 4 or any(t.lower() in gz.NON_NAME_CAPS for t in name_toks):
        label = None
    else:
        label = "PERSON"
    if label:
        out.append(Mention(name, label, s0, e0, role if label == "PERSON" else None, org))
    elif len(name_toks) == 1:
        out.append(Mention(name, "?", s0, e0))
    return out


_SPAN_CACHE_SIZE = 1 << 14
_SPAN_CACHE_MAX_CHARS = 120
_span_cache: dict[str, tuple[Mention, ...]] = {}


def _span_mentions(g: str) -> tuple[Mention, ...]:
    """Mentions in one capitalised span, offsets relative to its start (cached: names recur)."""
    hit = _span_cache.get(g)
    if hit is not None:
        return hit
    if " " not in g:  # most spans are one word, often "The" or "He": skip the token loop
        res = () if g.lower() in gz.NON_NAME_CAPS else _mention_rel((_strip_possessive(g),), (0,))
    else:
        found: list[Mention] = []
        for toks, offs in _split_span(g, 0):
            base = offs[0]
            for m in _mention_rel(tuple(toks), tuple(o - base for o in offs)):
                found.append(Mention(m.name, m.label, m.start + base, m.end + base, m.role, m.org) if base else m)
        res = tuple(found)
    if len(g) <= _SPAN_CACHE_MAX_CHARS:  # a run of capitalised words can be a whole page: never kept
        if len(_span_cache) >= _SPAN_CACHE_SIZE:
            _span_cache.clear()
        _span_cache[g] = res
    return res


def mentions(text: str) -> list[Mention]:
    """Every capitalised mention with its label (PERSON, ORG, GPE), role and organisation.

    An unlabelled word is a person only as a surname seen earlier ("Kirby" after "John Kirby").
    """
    out: list[Mention] = []
    surnames: set[str] = set()
    get = _span_cache.get
    for sm in _SPAN.finditer(text):
        g = sm.group()
        found = get(g)
        if found is None:
            found = _span_mentions(g)
        if not found:
            continue
        base = sm.start()
        for m in found:
            label = m.label
            if label == "?":
                if m.name in surnames:
                    out.append(Mention(m.name, "PERSON", m.start + base, m.end + base))
                continue
            if label == "PERSON":
                surnames.add(m.name.rsplit(" ", 1)[-1])
            out.append(Mention(m.name, label, m.start + base, m.end + base, m.role, m.org) if base else m)
    return _things_are_not_people(text, _places_after_roles(text, _and_tails(text, out)))


def _and_tails(text: str, found: list[Mention]) -> list[Mention]:
    """An organisation's name with "for"/"on" in it takes the words after a following "and" ("Centers for
    Disease Control and Prevention"), and any mention among them goes. After the span pass rather than in it:
    a test per span cost 15% of the pass, while such names are rare."""
    out: list[Mention] = []
    upto = -1
    for m in found:
        if m.start < upto:
            continue  # inside the name just extended
        if m.label == "ORG" and (" for " in m.name or " on " in m.name) and text.startswith(" and ", m.end):
            more = _AND_MORE.match(text, m.end)
            if more is not None:
                m = Mention(text[m.start:more.end()], "ORG", m.start, more.end())
                upto = more.end()
        out.append(m)
    return out


_ROLE_TO = re.compile(r"([a-z]+) (?:to|of|for) $")


def _places_after_roles(text: str, found: list[Mention]) -> list[Mention]:
    """Split a country off a name it opens when a role leads to it: "ambassador to Britain Liu Xiaming" is
    Britain and Liu Xiaming ("Britain Liu" is no given name the cached split could know)."""
    if not any(m.label == "PERSON" and m.role is None and m.name.count(" ") >= 2 for m in found):
        return found  # the common case: no name of three words or more without a role
    out: list[Mention] = []
    for m in found:
        first, _, rest = m.name.partition(" ")
        if m.label == "PERSON" and " " in rest and first.lower() in gz.COUNTRIES and m.role is None:
            role = _ROLE_TO.search(text, max(0, m.start - 24), m.start)
            if role is not None and role.group(1) in gz.ROLE_HEADS:
                cut = m.start + len(first) + 1
                out += [Mention(first, "GPE", m.start, m.start + len(first)), Mention(rest, "PERSON", cut, m.end)]
                continue
        out.append(m)
    return out


_THE_BEFORE = re.compile(r"(?:^|[^\w])[Tt]he (?:([A-Z][a-z]+) )?$")
_WORD_AFTER = re.compile(r" ([a-z]+)")
_VERBS_AFTER = frozenset(
    "said says say told has had have is was were are will would could can may might did does".split())


def _the_name(text: str, m: Mention) -> str | None:
    """How a name with "the" (and at most a nationality or direction) right before it is used: "acts" with a verb
    after it ("the Spanish Red Cross said", "the Red Sox could"), "names" otherwise ("the Winter Meetings if",
    "the Bettie Page mystique"); None without "the". People's names take no article."""
    if text.find("he ", max(0, m.start - 24), m.start) < 0:
        return None
    found = _THE_BEFORE.search(text, max(0, m.start - 24), m.start)
    if found is None:
        return None
    word = found.group(1)
    if word is not None and not (is_demonym(word) or word.lower() in gz.DIRECTIONS):
        return None
    after = _WORD_AFTER.match(text, m.end)
    verb = after.group(1) if after else ""
    return "acts" if verb in _VERBS_AFTER or verb.endswith("ed") else "names"


def _things_are_not_people(text: str, found: list[Mention]) -> list[Mention]:
    """Sort out "people" that are things or places, by how the article uses them.

    A name followed by ", which" ("Big Machine, which was bought out") or acting after "the" ("the Spanish Red
    Cross said") is an organisation, in all its mentions. A name after "the" that does not act ("at the Winter
    Meetings if", "Other than the MacBook Pro,", "the Bettie Page mystique") is no person there: that mention
    goes. A name only ever found after "in", "near" or "outside" is a place ("in Bandar Abbas"). None of this
    touches a surname alone, a name with a role, a known given name or an initial: "which" after a person
    refers to what came before ("Cook told Benioff, which meant"), and a man's name can qualify a noun ("the
    Donald Trump era", "the J. Edgar Hoover building").
    """
    things: set[str] = set()
    objects: set[int] = set()
    located: dict[str, bool] = {}  # name -> every mention so far after "in"/"near"/"outside"
    for m in found:
        if m.label != "PERSON" or m.role is not None or " " not in m.name or ". " in m.name \
                or genders.is_given_name(m.name):
            continue
        use = "acts" if text.startswith(", which ", m.end) else _the_name(text, m)
        if use == "acts":
            things.add(m.name)
        elif use == "names":
            objects.add(m.start)
        located[m.name] = located.get(m.name, True) and _IN_BEFORE.search(text, max(0, m.start - 8), m.start) \
            is not None and not text.startswith(_POSSESSIVE, m.end)  # "in Van Gogh's painting": a person
    places = {name for name, yes in located.items() if yes and name not in things}
    if not things and not objects and not places:
        return found
    out = []
    for m in found:
        if m.label == "PERSON" and m.name in things:
            out.append(m._replace(label="ORG", role=None, org=None))
        elif m.label == "PERSON" and m.name in places:
            out.append(m._replace(label="GPE", role=None, org=None))  # "in Bandar Abbas", "near Key Biscayne"
        elif m.start not in objects:
            out.append(m)
    return out


_IN_BEFORE = re.compile(r"\b(?:in|near|outside)[ ]$")


def find_entities(text: str) -> list[Entity]:
    """Named people, organisations and places in the text with offsets."""
    return [Entity(text=m.name, label=m.label, start=m.start, end=m.end) for m in mentions(text)]
