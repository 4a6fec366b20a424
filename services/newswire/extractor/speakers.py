"""Attribution: who asserts a sentence, with role, organisation and offsets.

Speech verbs anchor the search ("said", "told reporters", "reported", "claimed",
"according to"); the subject is the noun phrase before the verb back to the previous
clause boundary, or the name after an inverted verb ('," said John Kirby'). A quotation's
speaker comes from the attribution right after (or before) it and covers every sentence
inside it. "he"/"she" resolve to the last person named outside quotes, "it" to the last
organisation that spoke, a surname or "Mr. Kirby" to the full name seen earlier, and "the
foreign minister" to the person introduced with that role.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from newswire.core.records import Speaker
from newswire.extractor import gazetteer as gz
from newswire.extractor import genders
from newswire.extractor.entities import Mention, is_demonym
from newswire.extractor.numbers import NON_WORD, SCALE_WORDS, TENS_WORDS, UNITS_WORDS, trie_pattern, word_alternatives
from newswire.extractor.sentences import is_abbreviation

_VERB_WORDS = (
    "said says say told tells added adds reported reports claimed claims stated states noted notes wrote writes "
    "announced announces explained explains warned warns confirmed confirms revealed reveals believes believe "
    "estimated estimates estimate insisted insists argued argues acknowledged acknowledges alleged alleges "
    "denied denies "
    "asserted asserts declared declares tweeted posted indicated suggested suggests concluded predicted "
    "testified characterized characterised described emphasised emphasized stressed urged cautioned "
    "admitted admits conceded concedes contended contends maintained maintains recalled recalls "
    "replied replies vowed vows countered remarked hinted hints joked jokes accused accuses "
    "cited cites touted touts chanted denounced denounces criticised criticized criticises criticizes "
    "slammed slams blasted blasts assailed condemned condemns yelled yells shouted shouts screamed"
)
_VERB = re.compile(r"\b" + trie_pattern(_VERB_WORDS.split()) + r"\b")  # trie: one branch per letter
# a verb with the non-word character before it: a pattern that starts with a character class lets re
# skip in C over the letters inside words, where \b would be tried at each one (a third fewer instructions)
_VERB_SCAN = re.compile(NON_WORD + trie_pattern(_VERB_WORDS.split()) + r"\b")
_ACCORDING = re.compile(
    r"(?:\b[Aa]ccording to|\bPer|(?<=, )per) "
    r"(?P<subj>[^,;:.!?\"\u201c\u201d]{2,80}?)(?=\s*(?:[,;:.!?\"\u201c\u201d]|$))"
)
"""The source after "according to", or after "Per" ("Per THR, the talks are delicate", "..., per the AP.")."""
_ACCORDING_REST = re.compile(r"[^,;:.!?\"\u201c\u201d]{2,60}?(?=\s*(?:[,;:.!?\"\u201c\u201d]|$))")
"""The rest of an "according to" source after a title's dot."""
_TITLE_ABBREVIATIONS = frozenset({t.rstrip(".") for t in gz.TITLES} | set(gz.ROLE_ABBREVIATIONS)
                                 | set("sgt capt cpl det adm maj".split()))
"""Titles written with a dot before a name ("Lt. Gerry Scherlinck"): the dot ends no sentence or source."""
_WITH_ING = re.compile(
    r"\W*with (?P<subj>[^,;]{2,60}?) (?:estimating|saying|claiming|reporting|suggesting|putting|citing|believing)\b"
)
_ADVERB_TAIL = re.compile(
    r"(?:\s+(?:also|later|then|further|previously|repeatedly|again|has|have|had|had also|has also|publicly|at first"
    r"|separately|earlier|recently|subsequently|first|initially|originally|had earlier|just|already|often|now|still"
    r"|privately|openly|finally|eventually|twice|may|might|would|will|could|can|should|must"
    r"|(?!(?:family|ally|assembly|daily|weekly|monthly|quarterly|yearly|rally|supply|reply|bully|anomaly|monopoly"
    r"|butterfly|fly|elderly)\b)[a-z]{2,}ly))+\s*$"  # "the minister flatly denied", "Trump reportedly said"
)
_DELIM_WORDS = ("that as while when after before because and but which who where what how if since though although "
                "whereas so then with").split()
# whole words between \b's: the trie matches the same words as the plain alternation, with one branch per letter
# every top-level branch starts with a literal: re skips in C to the next mark or first letter
_DELIM = re.compile("|".join([*map(re.escape, ",;:()\"\u201c\u201d\u2014"), *word_alternatives(_DELIM_WORDS)]))
_DELIM_NEAR = 48  # characters before a verb scanned first for clause delimiters
_LEAD_DET = re.compile(r"^(?:(?:but|and|so|yet|meanwhile|also|then)\s+)?(?:the|a|an|this|that|these|those)\s+", re.I)
_LEAD_CONJ = re.compile(
    r"(?:but|and|so|yet|meanwhile|also|now|however|when|while|after|before|as|if|because|although|though|since"
    r"|once|until|where|today|yesterday|tonight)\s+",
    re.I,
)
_TIME_TAIL = re.compile(
    r"(?:\s+(?:on|last|this|late|early|earlier|later|in)\s+(?:[A-Z][a-z]+\.?(?:\s+\d{1,2})?|week|month|year|night|"
    r"morning|evening)|\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight))+\s*$"
)
# noun/verb homographs: "the reports", "swing states," are nouns, not speech verbs
_AMBIGUOUS = frozenset({"reports", "claims", "states", "notes", "estimates", "estimate", "says", "posted",
                        "alleges"})
_PLURAL_NOUNS = frozenset({"reports", "claims", "states", "notes", "estimates"})
"""Verbs that are also plural nouns ("key states like Ohio", "the reports"), checked for the word before them."""
_COUNTED = re.compile(r"(?:\d[\d,.]*|" + trie_pattern([*UNITS_WORDS, *TENS_WORDS, *SCALE_WORDS]) + r")(?:-[a-z]+)?")
"""A number or a compound led by one ("11", "two", "10-year", "50-state"): a plural noun follows it ("legalized
in 11 states", "benchmark 10-year notes rose"), not a speech verb."""
_PARTICIPLE_ADJECTIVE = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Tt]his|[Tt]hese)\s+[a-z]+ly\s+$")
"""A determiner and an adverb before a verb: a participle used as an adjective ("a previously announced date",
"the widely reported deal"), no attribution."""
_NOT_ATTRIBUTING = re.compile(
    r"(?:\b(?:not|never|was|were|been|being|be|is|are|to|did|do|does|wouldn't|couldn't|didn't|won't)"
    r"|n't|n\u2019t)\s+$"
)
# what the two $-anchored patterns above can end with: a cheap test before the search
_ADVERB_ENDINGS = tuple("""also later then further previously repeatedly again has have had publicly separately
    earlier recently subsequently first initially originally just already often now still privately openly
    finally eventually twice may might would will could can should must""".split())
_ADVERB_TAIL_ENDINGS = (*_ADVERB_ENDINGS, "ly")
"""What _ADVERB_TAIL can end with: the words above or any adverb in -ly."""
_OF_ORG = re.compile(r"(?:from|at)\s+(?:the\s+)?(?!age\b)")
"""An apposition saying where a person is from ("X, from the Egyptian ministry, said"): an organisation."""
_FROM_NAME = re.compile(r"\b(?:from|by)\s+(?:the\s+)?([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)$")
"""A name closing a phrase after "from"/"by": who issued what the phrase names."""
_NO_SUBJECT_START = frozenset("for to of in with by from at on about against like unlike including my our your".split())
"""Words no speaker's phrase opens with: a preposition, a participle's "including", a first- or second-person owner."""
_SUBJECT_TAIL_WORDS = frozenset(_ADVERB_ENDINGS) | {
    "today", "yesterday", "tonight", "who", "which", "that", "he", "she", "it", "they"}
"""Lower-case words that may stand between a subject and its verb ("the report today claims", "he also notes")."""
_NOT_ENDINGS = ("not", "never", "was", "were", "been", "being", "be", "is", "are", "to", "did", "do", "does", "n't",
                "n\u2019t")


def _ends_with(text: str, lo: int, hi: int, endings: tuple[str, ...], space: bool) -> bool:
    """True when text[lo:hi], without its trailing spaces (which `space` requires), ends with an ending."""
    t = text[lo:hi]
    st = t.rstrip()
    return (not space or len(st) < len(t)) and st.endswith(endings)
_FIGURE_AFTER = re.compile(r"\s+(?:[$\u20ac\u00a3]|\d|about\s+\d|nearly\s+\d|more\s+than)")
_PLACE_WORD = r"(?:(?:[A-Z]\.){2,3}|[A-Z][\w'\u2019-]*\.?)"
_CREDIT_LINE = re.compile(r"\s+from\s+" + _PLACE_WORD + r"(?:,?\s+(?:and\s+|from\s+)?" + _PLACE_WORD + r")*[.!]?\s*$")
"""Only places (and more reporters) after "reported from" to the sentence's end: "Jane Doe reported from Kyiv, and
Ann Lee from Washington, D.C.", a credit line."""
_DET_BEFORE = re.compile(
    r"\b(?:the|a|an|these|those|their|its|his|her|our|no|any|some|such|had|have|has|of|unverified|media|news)\s+$",
    re.I,
)
_APPOS_AFTER = re.compile(r",\s+(?:the\s+|a\s+|an\s+)?(?P<appos>[^,;.!?\"\u201c\u201d()]{3,90}?)(?=\s*(?:,|\.|;|$))")
# words that never open or run through an inverted subject: prepositions but "of" ("said the company in
# a statement"), pronouns and auxiliaries ("said he was arrested Wednesday" reports, it names no one)
_NOT_SUBJECT_WORD = (
    r"(?!(?:in|on|at|to|for|with|from|after|before|by|during|when|while|that|who|which|and|but|he|she|it"
    r"|they|we|i|you|his|her|its|their|there|this|was|were|is|are|has|had|have|will|would|could|should|can"
    r"|may|might|did|does|do|not)\b)"
)
_WHEN_HOW = (r"(?:when|while|after|before|during)\s|in\s+(?:a|an|her|his|their|its)\s+(?:statement|e-?mail|interview"
             r"|letter|post|tweet|release|news release|press release|video|speech)\b")
_NOT_WHEN_WHERE = r"(?!" + _WHEN_HOW + ")"
"""What follows an inverted subject and is no part of it ("said the coach in a statement", "said a spokesperson
when contacted"); "in the impeachment probe, former adviser Fiona Hill" is still part of one."""
_NOT_VERB = r"(?!(?:was|were|is|are|has|had|have|been|will|would|could|should|can|may|might|did|does|do|not)\b)"
"""No auxiliary inside an inverted subject: 'said several buildings were damaged' reports, it names no one."""
_INVERTED = re.compile(
    r"\s+(?P<subj>(?:[A-Z][\w.'\u2019-]*\s?){1,5}(?=\s*(?:,|\.|;|!|\?|$|\s+(?:on|in|at|of|to)\b))"
    r"|(?:the|a|an|another|one|two|three|several|some|many|other)\s+(?:" + _NOT_VERB + _NOT_WHEN_WHERE
    + r"[\w'\u2019.-]+\s){0,5}" + _NOT_VERB + _NOT_WHEN_WHERE
    + r"[a-z-]+(?=\s*(?:[,.;!?]|$)|\s+(?:" + _WHEN_HOW + "))"
    # ("said a WeWork spokesperson when contacted by Reuters": a clause of time or place after the subject)
    r"|(?:" + _NOT_SUBJECT_WORD + r"[a-z-]+\s){1,3}(?:[A-Z][\w.'\u2019-]*\s?){1,4}(?=\s*(?:[,.;!?]|$))"
    # "said DA spokesman Gregg Miliote", "said former Senate Majority Leader Harry Reid": organisation,
    # role and name words before the name
    r"|(?:" + _NOT_SUBJECT_WORD + r"[\w'\u2019-]+\.?\s){1,6}?(?:[A-Z][\w.'\u2019-]*\s?){1,4}(?=\s*(?:[,.;!?]|$)))"
)
_INVERTED_PLURAL = re.compile(
    r"\s+(?P<subj>(?:[a-z-]+\s){0,2}(?P<head>[a-z]+s|people))"
    r"(?=\s*(?:[,.;!?)]|$)|\s+(?:familiar|close|with|who|in|at|from|on|briefed|knowledgeable|involved)\b)"
)
"""A bare plural source after an inverted verb ('..., say sources.', 'said senior officials familiar with'): no
determiner or name for _INVERTED to find; its head must be a plural speaker noun."""
_WORD = re.compile(r"[A-Za-z][\w'\u2019.-]*")
_PRONOUNS_PERSON = frozenset({"he", "she"})
_PRONOUNS_GROUP = frozenset({"it", "they"})
SPEAKER_NOUNS = frozenset(
    """ministry ministries officials official spokesperson spokesman spokeswoman force forces military police
    government administration agency report reports intelligence analysts analyst experts expert sources
    witnesses residents authorities army navy office department council committee commission statement
    governor president minister secretary chief commander prosecutors investigators researchers study survey
    data monitor observers media outlet newspaper agency's sources officers troops staff service spokespeople
    company firm group bank party union campaign team board club network prosecutor prosecutors
    leader leaders mayor ambassador envoy court judge lawyer lawyers attorney
    senator senators lawmaker lawmakers legislator legislators congressman congresswoman representative
    candidate director chairman chairwoman executive executives economist economists scientist scientists
    doctors aide aides adviser advisers advisor diplomat diplomats negotiators regulators activists critics
    opponents supporters organizers source person people doctor doctors traders investors workers protesters
    operator operators co-worker co-workers coworker coworkers colleague colleagues records documents
    presentation presentations filing filings memo letter
    teachers students parents families voters customers consumers users patients relatives survivors victims
    man woman resident witness victim survivor relative patient customer voter worker employee employees
    student teacher parent mother father wife husband son daughter brother sister friend friends neighbor neighbour
    neighbors neighbours owner manager passenger passengers farmer farmers driver
    association federation institute foundation alliance coalition chamber organization organisation
    regulator watchdog paper rebel rebels militants insurgents separatists fighters guerrillas opposition medics
    paramedics rescuers firefighters demonstrators soldiers""".split()
)
_MAX_SUBJ_WORDS = 9
_OWN_CLAUSE_DETS = frozenset({"the", "a", "an", "its", "their", "his", "her"})
"""A determiner right after "a claim": the noun's own relative clause opens ("a claim the army denied")."""
_ISSUED_BY = re.compile(
    r"(?:(?:the|a|an|new|latest|recent|official|preliminary|annual|its|their)\s+){0,3}(?:figures|data|statistics|"
    r"numbers|estimates?|reports?|statements?|surveys?|stud(?:y|ies)|analys[ie]s|records|documents|filings?|tally|"
    r"count|census|research|polls?|projections?|forecasts?)\s+(?:(?:released|published|compiled|issued)\s+)?"
    r"(?:from|by|of)\s+(?:the\s+)?",
    re.I,
)
"""What an organisation issued, before its name: "figures from Nielsen Media Research" speak for Nielsen."""
_GENERIC_ORG = re.compile(
    r"(?:the|this|that)\s+(?:company|firm|group|ministry|agency|department|organi[sz]ation|bank|government|"
    r"office|committee|council|party|club|network|newspaper|paper|union|university|court|commission)$",
    re.I,
)
_ON_BEHALF = frozenset(
    """spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen lawyer lawyers attorney attorneys counsel
    aide aides adviser advisers advisor advisors representative representatives publicist agent agents family
    families relative relatives friend friends wife husband widow widower mother father son daughter brother sister
    parents children colleague colleagues neighbor neighbors neighbour neighbours supporter supporters ally allies
    critic critics opponent opponents associate associates office campaign team staff assistant assistants people
    administration government company""".split())
"""Who speaks for or about a person named after "for"/"of"/"to" or before "'s" ("a lawyer for Jane Miller", "the
wife of John Smith", "Smith's office"): the speaker, not the person."""
_ON_BEHALF_PREPS = frozenset({"for", "of", "to", "representing"})
_ON_BEHALF_MID = frozenset({"the", "late"}) | gz.ROLE_WORDS | {t.rstrip(".") for t in gz.TITLES} | gz.TITLES
"""Lower-case words that may stand between the preposition and the name, as the person's own title ("a spokesman
for Senator John Smith", "the widow of the late John Smith")."""
_POSSESSED = re.compile(r"(?:'s|\u2019s|'|\u2019)\s+(?:[a-z-]+\s+){0,3}([a-z-]+)")
_PRESS_WORDS = frozenset(
    """times post news journal herald tribune gazette telegraph guardian chronicle courier observer express mail
    independent star sun inquirer register daily weekly bulletin ledger standard reporter press""".split())
_ORG_KINDS: dict[str, frozenset[str]] = {
    "newspaper": _PRESS_WORDS, "paper": _PRESS_WORDS,
    "network": frozenset("network tv television radio broadcasting news".split()),
    "ministry": frozenset({"ministry"}), "department": frozenset({"department"}), "bank": frozenset({"bank"}),
    "university": frozenset({"university", "college"}), "court": frozenset({"court"}), "union": frozenset({"union"}),
    "party": frozenset({"party"}), "club": frozenset({"club"}), "committee": frozenset({"committee"}),
    "council": frozenset({"council"}), "commission": frozenset({"commission"}),
}
"""What an organisation's name must say for a noun naming a kind to mean it ("the newspaper": a Times or a Post)."""
_NOT_COMPANY = _PRESS_WORDS | frozenset(
    """ministry department police court government council committee commission house senate congress
    parliament awards festival university college school hospital army navy military agency office""".split())
_ORG_NAME_WORD = re.compile(r"[a-z]+")
_DOCUMENT = re.compile(r"(?:the|a|its|their)\s+(?:(?:news|press|written|joint)\s+)?(?:statement|release)$", re.I)
"""A document speaking for whoever issued it."""
_MAX_VERBS = 6
_VERB_INSIDE = re.compile(r"\w\s+(?!(?:" + "|".join(sorted(_AMBIGUOUS)) + r")\b)" + _VERB.pattern + r"\s+\w")
"""A speech verb between words inside a subject ("He said police"), not a noun head ("news reports that")."""
_TRAILING_WORDS = 5
"""Words at most after a pronoun subject for its attribution to trail the sentence (", he said on Friday.")."""
_GENDER_REACH = 160
"""Characters after a name searched for a pronoun telling the person's gender (within its sentence)."""
_HE = re.compile(r"\b(?:he|his|him|himself)\b", re.I)
_SHE = re.compile(r"\b(?:she|her|hers|herself)\b", re.I)
_PRONOUN_REACH = 4
"""People named back from a "he"/"she" that may be passed over for their gender."""
_RECENT_SPEAKER_CHARS = 600
"""How far back a person who spoke stays the referent of "he"/"she" in an attribution."""
_NOT_INVERTED = frozenset({"told", "tells"})
"""Verbs never put before their subject: in '"...," told France Info' the name after is the listener."""
_QUOTED_AS = re.compile(
    r"\s(?:(?:was|were|is|are|been)\s+quoted\b[^.;:\"\u201c\u201d]{0,80}?"
    r"|quoted\s+(?P<subj>[^,;.\"\u201c\u201d]{2,80}?))\s+as\s+saying\b")
"""Wire style: "X was quoted by state TV as saying" (X, before the verb) and "Interfax quoted X as saying"."""
_PARTICIPLE = re.compile(
    r", (?:saying|adding|telling|warning|noting|arguing|insisting|claiming|explaining|admitting|stressing"
    r"|suggesting|accusing|describing)\b")
"""A participle after a comma that reports the main clause's subject's speech."""
_LEADING_ADVERBIAL = frozenset(
    """after before in on at when while despite following during since as with without for by later earlier
    meanwhile however also but and speaking asked""".split())
_SUBJECT_WORDS = gz.ROLE_WORDS | {"the", "a", "an"}
_PARTICIPLE_ASIDE = re.compile(r"\s*(?:speaking|citing|writing|talking|pointing|referring|responding|asked)\b")
"""An aside of a participle between the subject and its verb ("Officials, speaking on condition of anonymity,
said", "The company, citing weak demand, said")."""
_POSTNOMINAL = re.compile(r"\s*(?:[A-Z]{2,4}|(?:[A-Z][a-z]?\.){2,3}|Jr\.?|Sr\.?|Ph\.?\s?D\.?|Esq\.?|I{2,3}|IV"
                          r"|[DRI]-[A-Z][A-Za-z.]*(?:\s[A-Z][a-z]+)?)\s*")
"""Letters after a name between commas ("Carol Keehan, DC, said", "William Hurlbut, M.D., said") and a US
lawmaker's party and state ("Sen. Jane Doe, D-Mass., said", "R-S.C.", "I-Vt."): no subject."""
_ASIDE = re.compile(r"\s*(?:however|though|meanwhile|too|also|instead|in turn|in response"
                    r"|for (?:its|their|his|her) part|in (?:a|an|his|her|their|its)(?: [a-z-]+)? (?:statement|address"
                    r"|interview|speech|email|e-mail|letter|post|tweet|video|briefing|release)"
                    r"|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\s*")
"""An aside between commas after a subject ("The Taliban, however, claimed"): the subject is before it."""
_CLAUSE_CUT = re.compile(r",|\s[\u2014\u2013-]\s")
_VIA = re.compile(r"\s*via\s+\S")
_DESCRIPTION = re.compile(
    r"\s*(?:(?:the|a|an|another|one|his|her|their|(?:[A-Z][\w.-]*\s)*[A-Z][\w.-]*(?:'s|\u2019s))\s+(?:[A-Z][\w.-]*\s+)*[a-z]"
    r"|(?:from|at)\s+(?:the\s+)?(?!age\b)\w)")
"""A description after a comma ("Gérard Bénézat, the store's insurer, told", "Chris Tang, Hong Kong's new police
commissioner, said", "X, the Texas-based firm,", "Rafaat Hindy, from the Egyptian ministry, said"): an apposition
to the name before it, kept when that name is a person."""


@dataclass(slots=True)
class Person:
    """A person named in the article, with what the article says they are."""

    name: str
    role: str | None
    org: str | None
    gender: str | None = None  # genders.FEMALE / MALE, or unknown


_PARTICLES = frozenset("de del da di du dos la le von van der den bin al".split())
"""Words opening a surname ("de la Cruz", "von der Leyen"), capitalised when the surname is used alone."""


class Registry:
    """People and organisations named in one article, for short-name and pronoun resolution."""

    def __init__(self, text: str, mentions: list[Mention], quotes: list[tuple[int, int]]) -> None:
        self.text = text
        self.mentions = mentions
        self.by_surname: dict[str, list[tuple[int, Person]]] = {}
        self.by_name: dict[str, Person] = {}
        self.roles: list[tuple[str, Person, bool]] = []  # role, person, a nationality before the role
        self._person_pos: list[int] = []
        self._person_at: list[Mention] = []
        people: list[Person] = []
        for m in mentions:
            if m.label != "PERSON":
                continue
            toks = m.name.split()
            person = self.person(m.name, m.start) if len(toks) == 1 else self.by_name.get(m.name)
            if person is None and len(toks) >= 2 and toks[0].lower() in _PARTICLES:
                full = self.person(m.name, m.start)  # "De la Cruz" after "Maria de la Cruz": her surname
                if full is not None and full.name.lower().endswith(" " + m.name.lower()):
                    person = full
            if person is None:
                role, org = m.role, m.org
                if role is None:
                    role, org2 = _role_before(text, m.start, mentions)
                    org = org or org2
                ap = _APPOS_AFTER.match(text, m.end)
                if ap and role is None and _has_role_head(ap.group("appos")):
                    role = ap.group("appos").strip()
                    org = org or _org_in(ap.group("appos"), mentions, ap.start("appos"))
                gender = genders.of_words(text[max(0, m.start - 6):m.start]) or genders.of_words(role) \
                    or genders.of_name(m.name)
                person = Person(m.name, role, org, gender)
                if len(toks) >= 2:
                    self.by_surname.setdefault(toks[-1], []).append((m.start, person))
                    self.by_name[m.name] = person
                if role:
                    lead = _WORD.findall(text, max(0, m.start - 80), m.start)[-len(role.split()) - 2:]
                    self.roles.append((role.lower(), person, any(map(is_demonym, lead))))
            elif person.gender is None:  # "his wife Deborra-Lee Furness", "Mrs. Kane" after a plain mention
                person.gender = genders.of_words(text[max(0, m.start - 6):m.start])
            if not _inside(m.start, quotes):
                self._person_pos.append(m.start)
                self._person_at.append(m)
                people.append(person)
        self._people = people  # the person of each name in _person_at
        self._unread = {id(p) for p in people}  # people whose gender the pronouns may still tell

    def gender_of(self, person: Person) -> str | None:
        """A person's gender; one the name does not tell is read, once and only when asked, from the article's
        own pronouns: "he"/"his" or "she"/"her" later in a sentence that names them and no one else ("Swift got
        support after accusing them of trying to stop her performing"), when all such pronouns agree."""
        if person.gender is not None or id(person) not in self._unread:
            return person.gender  # known, read already, or no person named outside quotations
        self._unread.discard(id(person))
        text = self.text
        at = self._person_at
        last = len(at) - 1
        he = she = 0
        for i, p in enumerate(self._people):
            if p is not person:
                continue
            m = at[i]
            stop = min(at[i + 1].start if i < last else len(text), m.end + _GENDER_REACH)
            full = _SENT_END.search(text, m.end, stop)
            window = text[m.end:full.start() if full else stop]
            has_he, has_she = _HE.search(window) is not None, _SHE.search(window) is not None
            he += has_he and not has_she
            she += has_she and not has_he
        if bool(he) != bool(she):
            person.gender = genders.MALE if he else genders.FEMALE
        return person.gender

    def person(self, name: str, pos: int | None = None) -> Person | None:
        """The person a name refers to: a full name itself, or "Kirby"/"Mr. Kirby" -> the John Kirby
        named last before `pos` (two Kafourys in one article stay apart)."""
        toks = [t for t in name.split() if t.lower() not in gz.TITLES]
        if not toks:
            return None
        if len(toks) >= 2 and name in self.by_name:
            return self.by_name[name]
        cands = self.by_surname.get(toks[-1])
        if not cands:
            return None
        if pos is not None:
            before = [p for start, p in cands if start < pos]
            if before:
                return before[-1]
        return cands[0][1]

    def last_person_before(self, pos: int, pronoun: str | None = None) -> tuple[Person, Mention] | None:
        """The last person named outside quotes before `pos` whom `pronoun` ("he"/"she") can refer to:
        people known to be of the other gender are passed over, up to _PRONOUN_REACH names back."""
        return next(self.people_before(pos, pronoun), None)

    def people_before(self, pos: int, pronoun: str | None = None) -> Iterator[tuple[Person, Mention]]:
        """The people named outside quotes before `pos`, latest first, whom `pronoun` can refer to (any
        without one), up to _PRONOUN_REACH names back."""
        i = bisect.bisect_left(self._person_pos, pos) - 1
        for j in range(i, max(-1, i - _PRONOUN_REACH), -1):
            m = self._person_at[j]
            person = self.person(m.name, m.start) or Person(m.name, m.role, m.org)
            if pronoun is None or genders.agrees(self.gender_of(person), pronoun):
                yield person, m

    def by_role(self, phrase: str, pos: int | None = None) -> Person | None:
        """The person introduced with this role ("the foreign minister"): of several, the one named last
        before `pos` ("Holcomb's campaign. The governor said" is Holcomb, though another governor is
        introduced further down), else the one introduced last."""
        low = _LEAD_DET.sub("", phrase.lower()).strip()
        owner = _OWNER.match(low)  # "austria's interior minister": the minister of Austria
        if owner:
            low = low[owner.end():]
        found: list[Person] = []
        exact: list[Person] = []
        for role, person, national in reversed(self.roles):
            if low and (low in role or role.endswith(low)):
                if owner and (national or (person.org and owner.group(1) not in person.org.lower())):
                    continue  # "Ukrainian Foreign Minister Kuleba" is not "Russia's foreign minister"
                found.append(person)
                if role == low:
                    exact.append(person)
        if exact:  # "the president" is President Trump, not "the president of the American Farm Bureau"
            found = exact
        if len(found) > 1 and pos is not None:
            i = bisect.bisect_left(self._person_pos, pos) - 1
            for j in range(i, -1, -1):
                m = self._person_at[j]
                named = self.person(m.name, m.start)
                if named is not None and any(named is f for f in found):
                    return named
        return found[0] if found else None


_AND_ROLE = re.compile(r"\s*and\s+(?:the\s+|a\s+|an\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*)*(?:\s+of\s+.*)?$")
"""A second description joined by "and" inside an apposition ("and co-author of the study")."""
_OWNER = re.compile(r"([a-z][\w .-]*?)(?:'s|\u2019s)\s+")
"""The owner before a role ("austria's interior minister", lower-cased)."""
_ROLE_RUN = re.compile(r"\b((?:[a-z][a-z-]*\s+){1,4})$")
# a role found by _role_before ends in a word that is a role word and a role head
_ROLE_LAST = tuple(sorted(gz.ROLE_HEADS & gz.ROLE_WORDS))


def _role_before(text: str, pos: int, mentions: list[Mention]) -> tuple[str | None, str | None]:
    """A lower-case role right before a name ("Acme chief executive Jane Smith") and its organisation; a place
    may close it ("China's ambassador to Britain Liu Xiaming")."""
    prep = _ROLE_PREP.search(text, max(0, pos - 40), pos)  # a cheap test before the mentions are searched
    place = next((m for m in mentions if m.end == pos - 1 and m.label == "GPE"), None) if prep else None
    if prep is not None and place is not None and prep.end(1) + 1 == place.start:
        role, org = _role_before(text, prep.start() + 1, mentions)
        if role is not None:
            return f"{role} {prep.group(1)} {place.name}", org
    lo = max(0, pos - 50)
    j = pos
    while j > lo and text[j - 1].isspace():
        j -= 1
    if j == pos or j == lo or not ("a" <= text[j - 1] <= "z" or text[j - 1] == "-"):
        return None, None  # the run must end in lower-case letters and spaces right before the name
    if not text.endswith(_ROLE_LAST, lo, j):
        return None, None  # its last word is no role head: _ROLE_RUN (tried at each position) cannot give a role
    m = _ROLE_RUN.search(text, lo, pos)
    if not m:
        return None, None
    words = m.group(1).split()
    k = len(words)
    while k > 0 and words[k - 1] in gz.ROLE_WORDS:
        k -= 1
    role_words = words[k:]
    if not role_words or role_words[-1] not in gz.ROLE_HEADS:
        return None, None
    org = None
    if k == 0:
        for o in mentions:
            if o.label == "ORG" and 0 <= m.start() - o.end <= 2:
                org = o.name
    return " ".join(role_words), org


_RELATIVE_PRONOUN = re.compile(r"\b(?:which|that) (?:it|they) $")
"""A pronoun opening a relative clause ("the helicopter, which it said crashed"): it refers back to the main
clause's subject, which the sentence's other verb names."""
_ROLE_PREP = re.compile(r" (to|of|for) [A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*)? $")
"""A role's preposition and the place closing it, right before a name ("ambassador to Britain Liu")."""


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    return i >= 0 and spans[i][0] < pos < spans[i][1]


def _organisation(name: str, start: int, end: int) -> Speaker:
    """An organisation speaking for itself (its name is its org)."""
    return Speaker(name=name, role=None, org=name, start=start, end=end)


def _is_speaker_noun(word: str) -> bool:
    """A speaker noun, possessive ("ministry's") or plural ("sources", "governors") included."""
    base = word.removesuffix("'s").removesuffix("\u2019s").removesuffix("'").removesuffix("\u2019")
    return base in SPEAKER_NOUNS or _plural(base)


def _plural(word: str) -> bool:
    """A plural speaker noun ("officials", "sources", "companies"), never one named person."""
    if not word.endswith("s") or word.endswith(("ss", "'s", "\u2019s")):
        return False
    return word[:-1] in SPEAKER_NOUNS or (word.endswith("ies") and word[:-3] + "y" in SPEAKER_NOUNS)


def _has_role_head(phrase: str) -> bool:
    return any(w.lower() in gz.ROLE_HEADS for w in _WORD.findall(phrase))


def _org_in(phrase: str, mentions: list[Mention], offset: int) -> str | None:
    for m in mentions:
        if m.label == "ORG" and offset <= m.start < offset + len(phrase):
            return m.name
    return None


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Quotation spans (start of opening mark, end of closing mark) in text order."""
    # a quotation starts at a mark: try the pattern only there (same spans as finditer, without its scan)
    starts = _positions(text, "\u201c") + _positions(text, '"')
    starts.sort()
    spans: list[tuple[int, int]] = []
    last_end = 0
    for p in starts:
        if p < last_end:
            continue
        m = _QUOTE.match(text, p)
        if m and not _reported_inside(text, p, m.end()):
            spans.append((p, m.end()))
            last_end = m.end()
    return spans


_REPORTED = re.compile(r"\b(?:said|says)\.\s")
_LONG_QUOTE = 200


def _reported_inside(text: str, start: int, end: int) -> bool:
    """True for a long span between marks that holds two sentences ending "said.": the marks are
    stray (a scraped article wrapped in one), not a quotation that would own every claim inside."""
    if end - start < _LONG_QUOTE:
        return False
    first = _REPORTED.search(text, start, end)
    return first is not None and _REPORTED.search(text, first.end(), end) is not None


def _positions(text: str, ch: str) -> list[int]:
    """Every offset of one character in the text."""
    out: list[int] = []
    i = text.find(ch)
    while i >= 0:
        out.append(i)
        i = text.find(ch, i + 1)
    return out


# An opening mark stops the scan too, so unbalanced quotes cost linear time.
# A straight mark may close with two apostrophes, as Penn Treebank-style text writes a closing quote
# ("days, '' Miliote said"): tried first, lazily, and never past the next straight mark. A straight
# mark may also close curly ('"And I asked, on whose authority?” said Hill'): text edited in two styles.
# A straight mark between a full stop and a letter opens, never closes ('burned down. "Otherwise, it was'): a
# quotation running on into a new paragraph reopens there, and taking that mark as its end shifts every pair
# after it ('act, "Mr Papandreou said', tokenised text, still closes).
_QUOTE = re.compile(
    r"\u201c[^\u201c\u201d\n]{1,3000}\u201d|\"[^\"\n]{1,3000}?''|\"[^\"\u201d\n]{1,3000}(?:[\"\u201d](?![^\W_])|(?<![.!?]\s)[\"\u201d])"
    r"|\u201c[^\u201c\u201d\"\n]{1,3000}\""  # opened curly, closed straight: text edited in two styles
    # a quotation running on into the next paragraph leaves its own unclosed: it ends with the paragraph
    # (an opening mark only: at a line start or after a space)
    r"|(?<!\S)\u201c[^\u201c\u201d\n]{1,3000}(?=\n\s*[\u201c\"])|(?<!\S)\"[^\"\n]{1,3000}(?=\n\s*[\u201c\"])")


def _verbs_outside(text: str, quotes: list[tuple[int, int]]) -> list[re.Match[str]]:
    """Speech verbs outside quotation marks, scanning only the text between quotations.

    A verb is a whole word and a quotation starts and ends with a mark, so no verb straddles
    a quotation's edge and the gaps give the same verbs as one scan filtered by _inside().
    """
    out: list[re.Match[str]] = []
    pos = 0
    for qs, qe in quotes:
        if qs > pos:
            out += _verb_matches(text, pos, qs)
        pos = max(pos, qe)
    out += _verb_matches(text, pos, len(text))
    return out


def _verb_matches(text: str, pos: int, endpos: int) -> list[re.Match[str]]:
    """The matches of _VERB.finditer(text, pos, endpos), found by the faster _VERB_SCAN.

    A verb starts after a non-word character (its word boundary), which _VERB_SCAN takes along; only a verb
    right at `pos` has that character before the window. A verb ends in a word character, so the
    next one starts past the non-word character after it and the scan misses none."""
    out: list[re.Match[str]] = []
    m = _VERB.match(text, pos, endpos)
    if m:
        out.append(m)
        pos = m.end()
    match = _VERB.match
    for c in _VERB_SCAN.finditer(text, pos, endpos):
        out.append(match(text, c.start() + 1, endpos))  # type: ignore[arg-type]  # the scan matched there
    return out


class _Delims:
    """Clause delimiters in text[lo:hi], read from the end: the near end is scanned first and the
    whole window only when more are asked for than it holds. Delimiters are single marks or whole
    words, so a later scan start finds the same last ones."""

    __slots__ = ("_found", "_full", "_hi", "_lo", "_text")

    def __init__(self, text: str, lo: int, hi: int) -> None:
        self._text, self._lo, self._hi = text, lo, hi
        near = max(lo, hi - _DELIM_NEAR)
        self._found = list(_DELIM.finditer(text, near, hi))
        self._full = near <= lo

    def back(self, k: int) -> re.Match[str] | None:
        """The k-th delimiter from the end (1 = the last), or None."""
        if len(self._found) < k and not self._full:
            self._found = list(_DELIM.finditer(self._text, self._lo, self._hi))
            self._full = True
        return self._found[-k] if len(self._found) >= k else None


_SPACED_DASHES = (" - ", " \u2014 ", " \u2013 ")
_DASH_ASIDE = re.compile(r"(?<=\w\w) ([\u2014\u2013-]) (?=[A-Za-z])([^\u2014\u2013\n.!?;:\"\u201c\u201d]{2,150}?)"
                         r"(?<=[\w)]) \1 (?=(?:(?:also|later|then|previously|earlier)\s+)?" + _VERB.pattern + ")")
"""An aside between two spaced dashes, right before a speech verb: "Jonathan Wright - director of wholesale products at
Interoute - told the BBC", "Sen. Ann Lee \u2014 a Democrat \u2014 said" (not the hyphens of tokenised text,
"17 - year - old", "T - Mobile")."""


def dash_asides_as_commas(text: str) -> str:
    """The text with each dashed aside set off by commas instead, at the same offsets ("X,  director of Y,  told"):
    the subject rules read "X, role, said" and would otherwise take the aside for the speaker."""
    spans: list[tuple[int, int]] = []
    for dash in _SPACED_DASHES:  # the regex tried only where a spaced dash stands: searched, it cost 59 us an article
        i = text.find(dash)
        while i >= 0:
            m = _DASH_ASIDE.match(text, i)
            if m:
                spans.append(m.span(2))
                i = text.find(dash, m.end())
            else:
                i = text.find(dash, i + 1)
    if not spans:
        return text
    parts, at = [], 0
    for start, end in sorted(spans):
        if start - 3 >= at:  # (an aside overlapping one of another dash is left alone)
            parts += [text[at:start - 3], ",  ", text[start:end], ",  "]
            at = end + 3
    return "".join(parts) + text[at:]


class Attributor:
    """Finds the speaker of each sentence of one article."""

    def __init__(self, text: str, mentions: list[Mention]) -> None:
        text = dash_asides_as_commas(text)  # same length: every offset still indexes the article
        self.text = text
        self.quotes = find_quotes(text)
        self.registry = Registry(text, mentions, self.quotes)
        self.mentions = mentions
        self._starts = [m.start for m in mentions]
        self._org_names = {m.name for m in mentions if m.label == "ORG"}
        self.last_group: Speaker | None = None
        self._group_candidate: Speaker | None = None
        self._recent: tuple[int, Speaker, str | None] | None = None  # the last person who spoke, where, gender
        self._segment_start = self._segment_end = 0  # the sentence (segment) being attributed
        # one scan of the article for speech verbs, skipping quotations; sentences take theirs by offset
        self._verbs = _verbs_outside(text, self.quotes)
        self._vstarts = [v.start() for v in self._verbs]

    # --- subjects ----------------------------------------------------------------
    def _speaker_from(self, start: int, end: int, appos: tuple[int, int] | None = None) -> Speaker | None:
        """Turn a subject span into a Speaker, resolving pronouns, surnames and roles."""
        text = self.text
        while start < end and text[start] in " \"'\u201c\u201d\u2018\u2019,":
            start += 1
        while end > start and text[end - 1] in " \"'\u201c\u201d\u2018\u2019,":
            end -= 1
        if end - start > 3 and text[end - 1] == "." and not _abbreviation_before(text, end - 1):
            end -= 1  # the sentence's full stop after an inverted subject ("said ... Joe Coffey Monday.")
        tt = _TIME_TAIL.search(text, start, end)
        if tt:
            end = tt.start()
        lc = _LEAD_CONJ.match(text, start, end)
        if lc:
            start = lc.end()
        i = bisect.bisect_left(self._starts, start) - 1
        if i >= 0 and self.mentions[i].start < start < self.mentions[i].end:
            start = self.mentions[i].start  # cut at an "and" inside a name: "Centers for Disease Control and"
        subj = text[start:end]
        words = _WORD.findall(subj)
        if not words or len(words) > _MAX_SUBJ_WORDS and not self._ends_in_long_org(start, end):
            return None
        if _VERB_INSIDE.search(subj):
            return None  # "He said police told ...": the subject of the earlier verb speaks
        if len(words) >= 3 and words[0].lower() in ("a", "an", "the") and words[1].islower() \
                and words[2].lower() in _OWN_CLAUSE_DETS:
            return None  # "..., a claim the army denied": a noun with its own relative clause, no subject
        last_low = words[-1].lower()
        if len(words) > 1 and last_low in _PRONOUNS_PERSON | _PRONOUNS_GROUP:
            # "debt it says it can't repay": the pronoun alone is the subject
            start = end - len(words[-1])
            subj = words[-1]
        elif last_low.replace("\u2019", "'").split("'", 1)[0] in ("you", "i", "we", "us", "me"):
            return None  # "Can you believe it?", "We've said this before": no third-party speaker
        low = subj.lower()
        if low in _PRONOUNS_PERSON:
            hit = self.registry.last_person_before(start, low)
            recent = self._recent
            if (recent is not None and 0 <= start - recent[0] <= _RECENT_SPEAKER_CHARS
                    and genders.agrees(recent[2], low)
                    and (hit is None or hit[1].start >= self._segment_start or not self._subject_like(hit[1]))
                    and len(text[end:self._segment_end].split()) <= _TRAILING_WORDS
                    and (hit is None or not _opens_sentence(text, start))):  # "He said he was innocent." leads
                # "..., Miliote said. Catherine Gomes lived there, he said.": in a trailing attribution a
                # name inside the reported clause is what is reported on; "he" is the person quoted
                # just before ("While Hurd could not say when, he noted that ...": Hurd, as before), and so
                # is a name in an object before ("X told The Hill she meant no harm to Omar. '...,' she said")
                r = recent[1]
                return Speaker(name=r.who, role=r.role, org=r.org, start=start, end=end)
            if hit is None:
                return None
            if not self._subject_like(hit[1]) and _opens_sentence(text, start):
                subject = self._subject_of_sentence(hit, low)
                if subject is None and recent is not None and 0 <= start - recent[0] <= _RECENT_SPEAKER_CHARS \
                        and genders.agrees(recent[2], low) and self._another_object_before(hit, low):
                    # "The victims were identified as Mark Stone, 40, and Paul Stone, 12. He said": "he" cannot
                    # mean one of two people named as objects; it goes on from the person who spoke
                    r = recent[1]
                    return Speaker(name=r.who, role=r.role, org=r.org, start=start, end=end)
                hit = subject or hit
            person, _ = hit
            return Speaker(name=person.name, role=person.role, org=person.org, start=start, end=end)
        if low in _PRONOUNS_GROUP:
            if self.last_group is None:
                return None
            g = self.last_group
            return Speaker(name=g.name, role=g.role, org=g.org, start=start, end=end)
        if low in ("i", "we", "you", "one", "who", "which", "there", "this", "that"):
            return None
        inside = self.mentions[bisect.bisect_left(self._starts, start):bisect.bisect_left(self._starts, end)]
        persons = [m for m in inside if m.label == "PERSON"]
        orgs = [m for m in inside if m.label in ("ORG", "GPE")]
        role_text = text[appos[0]:appos[1]].strip() if appos else None
        org_text = None
        if role_text:
            of_org = _OF_ORG.match(role_text)
            if of_org:  # "from the Egyptian ministry": where the person is from, not a role
                org_text = role_text[of_org.end():]
                role_text = None
        if persons:
            m = persons[-1]
            head = self._speaks_for(start, end, m)
            if head is not None:  # "a lawyer for Jane Miller said": the lawyer, not Miller
                name = _LEAD_DET.sub("", subj)
                sp = Speaker(name=name, role=head if head in gz.ROLE_HEADS else None, org=None,
                             start=end - len(name), end=end)
                self._group_candidate = sp
                return sp
            person = self.registry.person(m.name, m.start) or Person(m.name, m.role, m.org)
            role = person.role or m.role or role_text or _role_between(text, start, m.start)
            org = person.org or m.org or org_text or (orgs[0].name if orgs and orgs[0].start < m.start else None)
            if role_text and appos and not person.role:  # role_text is read from appos
                org = org or _org_in(role_text, self.mentions, appos[0])
            return Speaker(name=person.name, role=role, org=org, start=m.start, end=m.end)
        if not any(w[0].isupper() and w.lower() not in gz.NON_NAME_CAPS for w in words) and not any(
            _is_speaker_noun(w.lower()) for w in words
        ) and not _has_role_head(subj):  # "The coroner said": the coroner named before
            return None
        if _DOCUMENT.match(subj) and self.last_group is not None:
            # "the statement said": the document as written, from the organisation that spoke last
            name = _LEAD_DET.sub("", subj)
            return Speaker(name=name, role=None, org=self.last_group.name, start=end - len(name), end=end)
        if orgs and orgs[-1].end == end and _ISSUED_BY.fullmatch(text, start, orgs[-1].start):
            return _organisation(orgs[-1].name, orgs[-1].start, end)
        generic = _GENERIC_ORG.match(subj)
        if generic and not orgs:
            org_m = self._last_org_before(start, last_low)
            if org_m is not None:  # "the newspaper reported": the description, meaning the paper named before
                name = _LEAD_DET.sub("", subj)
                return Speaker(name=name, role=None, org=org_m.name, start=end - len(name), end=end,
                               refers_to=org_m.name)
        if len(words) == 1 and words[0][0].isupper():
            # a surname first ("Leader said" after "Cpl. Janice Leader"), then a role
            surname = self.registry.person(words[0], start)
            if surname:
                return Speaker(name=surname.name, role=surname.role, org=surname.org, start=start, end=end)
        if _has_role_head(subj) and (not orgs or _OWNER.match(subj.lower())) and not _plural(last_low):
            # "the senator" is the senator named before; "Sheriff's officials" are not one person
            holder = self.registry.by_role(subj, start)
            if holder:  # "the governor said": the description, meaning the governor named before
                name = _LEAD_DET.sub("", subj)
                return Speaker(name=name, role=holder.role, org=holder.org, start=end - len(name), end=end,
                               refers_to=holder.name)
        if words[0].lower() in _NO_SUBJECT_START:
            # "For the man described as ..., his", "including a brother", "my mother": the phrase is no
            # source, though an organisation inside it may be ("In Parliament the Communist Party of Greece")
            if orgs:
                return _organisation(orgs[-1].name, orgs[-1].start, orgs[-1].end)
            issuer = _FROM_NAME.search(subj)  # "In an official statement from Seacom"
            if issuer is None:
                return None
            return _organisation(issuer.group(1), start + issuer.start(1), start + issuer.end(1))
        name = _LEAD_DET.sub("", subj)
        sp = Speaker(name=name, role=None, org=orgs[-1].name if orgs else None, start=end - len(name), end=end)
        self._group_candidate = sp  # "they said" will mean it once heard() confirms the sentence is its
        return sp

    def _speaks_for(self, start: int, end: int, m: Mention) -> str | None:
        """The head of a subject text[start:end] that names person `m` only as whom it speaks for or about: "a
        spokesman for Senator John Smith", "the wife of John Smith", "people close to Smith" (the head before
        "for"/"of"/"to", only the person's title between), or "Jane Miller's lawyer" (the head after "'s")."""
        text = self.text
        if m.end < end:
            after = _POSSESSED.fullmatch(text, m.end, end)
            return after.group(1) if after is not None and after.group(1) in _ON_BEHALF else None
        words = text[start:m.start].split()
        i = len(words) - 1
        while i >= 0 and (words[i][0].isupper() or words[i].lower() in _ON_BEHALF_MID) \
                and words[i].lower() not in _ON_BEHALF_PREPS:
            i -= 1  # the person's own title: "Senator", "President", "the late"
        if i < 1 or words[i].lower() not in _ON_BEHALF_PREPS:
            return None
        if words[i] == "to" and words[i - 1].lower() == "close":
            i -= 1  # "people close to"
        head = words[i - 1].lower()
        return head if head in _ON_BEHALF else None

    def _subject_like(self, m: Mention) -> bool:
        """Whether a name opens its clause (only capitalised, role or determiner words before it back to
        a mark), as a subject does, rather than standing in an object ("harm to Omar")."""
        text = self.text
        lo = max(0, m.start - 80)
        cut = max(text.rfind(c, lo, m.start) for c in ".!?;:,\n\"\u201c\u201d")
        return _only_subject_words(text, max(lo, cut + 1), m.start)

    def _place_aside(self, comma: re.Match[str], end: int) -> bool:
        """Whether text between `comma` and `end` only says where, so the subject is before it: a state after
        its city ("in Greenbelt, Maryland, has confirmed") or "of"/"from" a place ("Smith, of Dallas, said")."""
        text = self.text
        place = text[comma.end():end].strip()
        if place.startswith(("of ", "from ")):
            place = place.split(" ", 1)[1]
            return _is_capitalised(place) and gz.is_place(place)
        if not (_is_capitalised(place) and gz.is_place(place) and text[comma.start() - 1:comma.start()].isalpha()):
            return False
        city = _WORD.findall(text, max(0, comma.start() - 30), comma.start())[-1]
        # "in Munich, Germany, and": a country after its city; "Russia, China, said" lists two subjects
        return city[:1].isupper() and (place.lower() not in gz.COUNTRIES or city.lower() not in gz.COUNTRIES)

    def _subject_of_sentence(self, hit: tuple[Person, Mention], pronoun: str) -> tuple[Person, Mention] | None:
        """The person opening the sentence of `hit` (a name standing in an object) whom `pronoun` can
        mean: "Braun has worked with Kanye West and Kim Kardashian, both of whom Taylor Swift has had
        feuds with. He has denied it": a pronoun opening a sentence continues the last one's subject."""
        text = self.text
        for person, m in self.registry.people_before(hit[1].start, pronoun):
            if _SENT_END.search(text, m.end, hit[1].start):
                return None  # back in an earlier sentence
            if person is not hit[0] and self._opens_its_sentence(m):
                return person, m
        return None

    def _another_object_before(self, hit: tuple[Person, Mention], pronoun: str) -> bool:
        """Whether the sentence of `hit` (a name standing in an object) names, before it, another person `pronoun`
        can mean, also in an object ("identified as Mark Stone, 40, and Paul Stone, 12"): the pronoun is ambiguous."""
        for person, m in self.registry.people_before(hit[1].start, pronoun):
            if _SENT_END.search(self.text, m.end, hit[1].start):
                return False  # back in an earlier sentence
            if person is not hit[0]:
                return not self._subject_like(m)
        return False

    def _opens_its_sentence(self, m: Mention) -> bool:
        """Whether a name is its sentence's subject: only capitalised, role or determiner words before it
        back to the sentence's start ("vs. #Steelers" opens none: "vs." is an abbreviation)."""
        text = self.text
        lo = max(0, m.start - 160)
        cut = m.start
        while True:
            cut = max(text.rfind(c, lo, cut) for c in ".!?\n")
            if cut < 0 or not _abbreviation_before(text, cut):
                break
        if cut < 0 and lo > 0:
            return False  # no sentence start within reach: a long sentence, the name deep inside it
        return _only_subject_words(text, cut + 1, m.start)

    def heard(self, speaker: Speaker | None, pos: int) -> None:
        """Note the speaker the article gave the sentence at `pos`; a person is who "he said" next
        refers to."""
        person = self.registry.person(speaker.who) if speaker is not None else None
        if person is not None and speaker is not None:  # a person comes only from a speaker
            self._recent = (pos, speaker, self.registry.gender_of(person))
        elif speaker is not None and speaker is self._group_candidate:
            # only a group the article gave a sentence to: a phrase merely tried as a subject on the way
            # ("three boats were captured by INS Sukanya, the statement said") is no one's source
            self.last_group = speaker

    def _last_org_before(self, pos: int, noun: str | None = None) -> Mention | None:
        """The organisation named last before `pos` that `noun` ("the newspaper", "the company") can mean:
        one whose name says it is of that kind when the noun names a kind, else one whose name says it is
        no company when the noun is "company" or "firm"."""
        kind = _ORG_KINDS.get(noun or "")
        i = bisect.bisect_left(self._starts, pos) - 1
        while i >= 0:
            m = self.mentions[i]
            i -= 1
            if m.label != "ORG" or _inside(m.start, self.quotes):
                continue
            words = set(_ORG_NAME_WORD.findall(m.name.lower()))
            if kind is not None and not words & kind:
                continue  # "the newspaper reported" after "Bristol County House of Correction"
            if noun in ("company", "firm") and words & _NOT_COMPANY:
                continue  # "the company says" after "American Music Awards"
            return m
        return None

    def _subject_before(self, lo: int, vpos: int) -> Speaker | None:
        """The speaker named before a verb at vpos, back to the last clause boundary after lo."""
        text = self.text
        chunk_end = vpos
        alo = max(lo, vpos - 40)
        adv = _ADVERB_TAIL.search(text, alo, vpos) if _ends_with(text, alo, vpos, _ADVERB_TAIL_ENDINGS, False) else None
        if adv:
            chunk_end = adv.start()
        window_lo = max(lo, chunk_end - 160)
        delims = _Delims(text, window_lo, chunk_end)
        k = 1  # the clause boundary is the k-th delimiter from the end
        d = delims.back(1)
        if d is not None and d.group() == "," and not text[d.end():chunk_end].strip():
            chunk_end = d.start()  # "Kirby, spokesperson, told": the subject ends at the comma
            k = 2
            while (d := delims.back(k)) is not None and d.group().lower() in ("and", "or"):
                k += 1  # "Mayer, Disney's chairman of direct-to-consumer and international, said"
            aside = text.rfind(",", window_lo, chunk_end)
            if aside >= 0 and _PARTICIPLE_ASIDE.match(text, aside + 1, chunk_end):
                # "The Times, citing three people familiar with the matter, reported": past the aside, whatever
                # delimiters it holds
                j = k
                while (dj := delims.back(j)) is not None and dj.start() > aside:
                    j += 1
                if dj is not None and dj.start() == aside:
                    chunk_end, k, d = aside, j + 1, delims.back(j + 1)
            while d is not None and d.group() == "," and (
                    not _WORD.search(text, d.end(), chunk_end)  # "Smith, 45, said"
                    or _ASIDE.fullmatch(text, d.end(), chunk_end)  # "The Afghan Taliban, however, claimed"
                    or self._place_aside(d, chunk_end)  # "Police in Dallas, Texas, said"
                    or (_POSTNOMINAL.fullmatch(text, d.end(), chunk_end)  # "Sister Carol Keehan, DC, said"
                        and self._person_ends_at(d.start()))):
                chunk_end = d.start()
                k += 1
                d = delims.back(k)
        last = delims.back(k)
        while last is not None and last.group() == "and" and _name_across_and(text, last.start(), chunk_end):
            k += 1  # "Surrey Fire and Rescue Service says": an "and" inside a name
            last = delims.back(k)
        sstart = last.end() if last else window_lo
        if chunk_end - sstart < 1:
            return None
        boundary = last.group().lower() if last is not None else ""
        if last is not None and boundary in ("but", "and") and not text[sstart:chunk_end].strip():
            # "Hastings declined to describe the bomb but indicated it was powerful": the verb shares the
            # subject of the clause before the conjunction
            return self._main_subject(lo, last.start())
        if last is not None and (boundary == "who" or (boundary in ("which", "where") and k > 1)):
            # a relative clause ("Johnson, who chairs the committee, said", "officials who spoke on
            # condition of anonymity said", "the agency, which runs the plants, said", "officials at the
            # school, where Blackmore is the superintendent, said"): the subject
            # is the phrase before it ("a film, which told her story": a thing in its own clause, no)
            rel_end = last.start()
            prev = delims.back(k + 1)
            pk = k + 1
            if prev is not None and prev.group() == "," and not text[prev.end():rel_end].strip():
                rel_end = prev.start()
                pk += 1
                prev = delims.back(pk)
            if prev is not None and prev.group() == "," and _POSTNOMINAL.fullmatch(text, prev.end(), rel_end) \
                    and self._person_ends_at(prev.start()):  # "Sen. Jane Doe, D-Mass., who chairs ...": the senator
                rel_end = prev.start()
                pk += 1
                prev = delims.back(pk)
            if prev is not None and prev.group() == "," and (_DESCRIPTION.match(text, prev.end(), rel_end)
                                                             or _has_role_head(text[prev.end():rel_end])):
                # "Bob Currie, 66, a resident of Panor Condominiums which overlooks the bank, said": the person
                # the description is of, not a name inside it
                j, before = pk, prev
                while (nxt := delims.back(j + 1)) is not None and nxt.group() == "," \
                        and not _WORD.search(text, nxt.end(), before.start()):  # ", 66,"
                    j, before = j + 1, nxt
                if self._person_ends_at(before.start()):
                    i = bisect.bisect_left(self._starts, before.start()) - 1
                    return self._speaker_from(self.mentions[i].start, self.mentions[i].end)
            return self._speaker_from(prev.end() if prev else window_lo, rel_end)
        # apposition: "John Kirby, White House national security spokesperson, told reporters", up to two
        # ("Omar Lamrani, a senior analyst at Stratfor, the Texas-based intelligence firm, told")
        a_end, j, described = chunk_end, k, 0
        while described < 2:
            a_delim = delims.back(j)
            a_start = a_delim.end() if a_delim is not None else window_lo
            if a_delim is None or a_delim.group() != ",":
                break
            if self._place_aside(a_delim, a_end) or _AND_ROLE.match(text, a_start, a_end):
                # "X, a fellow at the institute in Munich, Germany, and co-author of the study, said": a place
                # or a second role joined by "and" in the apposition; the person is further back
                a_end, j = a_delim.start(), j + 1
                continue
            described += 1
            prev = delims.back(j + 1)
            if _VIA.match(text, a_start, a_end):  # "Richardson, via USA Today, said": the outlet relays
                return self._speaker_from(prev.end() if prev else window_lo, a_delim.start())
            if not (_has_role_head(text[a_start:a_end]) or _DESCRIPTION.match(text, a_start, a_end)):
                break
            sp = self._speaker_from(prev.end() if prev else window_lo, a_delim.start(), (a_start, a_end))
            from_org = sp is not None and sp.org and sp.org != sp.name  # a person from it, not the place itself
            if sp is not None and (sp.role or (from_org and _OF_ORG.match(text[a_start:a_end].strip()))
                                   or (sp.name in self._org_names and _DESCRIPTION.match(text, a_start, a_end)
                                       and not _has_role_head(text[a_start:a_end]))):
                return sp  # "the People's Daily, the mouthpiece of the Communist party, warned": the paper
            a_end, j = a_delim.start(), j + 1
        if k > 1:
            # a relative clause with its own clause words before the comma ("The company, which is expected
            # to cut jobs as it faces losses, confirmed"): the phrase before ", which"/", who"
            for j in range(k, k + 4):
                rel = delims.back(j)
                if rel is None:
                    break
                if rel.group().lower() in ("who", "which"):
                    prev = delims.back(j + 1)
                    if prev is not None and prev.group() == "," and not text[prev.end():rel.start()].strip():
                        lead = delims.back(j + 2)
                        sp = self._speaker_from(lead.end() if lead else window_lo, prev.start())
                        if sp is not None:
                            return sp
                    break
        if last is not None and boundary == ")" and _TIME_TAIL.match(text, sstart, chunk_end):
            # "the agency (HUR) on Dec. 26 reported": only a time after the parenthesis, the subject before it
            opening = delims.back(k + 1)
            if opening is not None and opening.group() == "(":
                lead = delims.back(k + 2)
                return self._speaker_from(lead.end() if lead else window_lo, last.end())
        sp = self._speaker_from(sstart, chunk_end)
        if sp is None and boundary == "with":
            # "sources familiar with the matter said": "with" joins the subject, not a new clause
            prev = delims.back(k + 1)
            sp = self._speaker_from(prev.end() if prev else window_lo, chunk_end)
        return sp

    def _subject_after(self, vend: int, hi: int) -> Speaker | None:
        """The speaker named after an inverted verb: '," said John Kirby, spokesperson.'"""
        m = _INVERTED.match(self.text, vend, hi)
        if not m:
            p = _INVERTED_PLURAL.match(self.text, vend, hi)
            if p and (p.group("head") == "people" or _plural(p.group("head"))):
                return self._speaker_from(p.start("subj"), p.end("subj"))
            return None
        appos = None
        ap = _APPOS_AFTER.match(self.text, m.end(), hi)
        if ap and _has_role_head(ap.group("appos")):
            appos = (ap.start("appos"), ap.end("appos"))
            if not self._has_person(m.start("subj"), m.end("subj")) and self._has_person(*appos):
                # "said another witness in the probe, former White House adviser Fiona Hill": the name after
                return self._speaker_from(*appos)
        return self._speaker_from(m.start("subj"), m.end("subj"), appos)

    def _person_ends_at(self, pos: int) -> bool:
        """Whether a person's name ends right at `pos`."""
        i = bisect.bisect_left(self._starts, pos) - 1
        return i >= 0 and self.mentions[i].label == "PERSON" and self.mentions[i].end == pos

    def _has_person(self, start: int, end: int) -> bool:
        """Whether a person is named in text[start:end]."""
        lo, hi = bisect.bisect_left(self._starts, start), bisect.bisect_left(self._starts, end)
        return any(m.label == "PERSON" for m in self.mentions[lo:hi])

    # --- sentences ---------------------------------------------------------------
    def local(self, start: int, end: int) -> Speaker | None:
        """The speaker a sentence (or segment) names itself, outside quotations."""
        text = self.text
        self._segment_start, self._segment_end = start, end
        w = _WITH_ING.match(text, start, end) if text.find("with", start, start + 12) >= 0 else None
        if w:
            return self._speaker_from(w.start("subj"), w.end("subj"))
        lo, hi = bisect.bisect_left(self._vstarts, start), bisect.bisect_left(self._vstarts, end)
        verbs = [v for v in self._verbs[lo:hi] if v.end() <= end and not self._noun_use(v, end)]
        if len(verbs) > 2 * _MAX_VERBS:  # a run-on "sentence": only its ends can hold the attribution
            verbs = verbs[:_MAX_VERBS] + verbs[-_MAX_VERBS:]
        # trailing attribution first ("..., the White House said Friday."), then leading
        relative = None
        for v in reversed(verbs):  # in text order already
            before = text[max(start, v.start() - 3):v.start()]
            inverted = not text[max(start, v.start() - 2):v.start()].strip().isalpha()
            if inverted and any(c in before for c in ",\u201d\"'") and v.group() not in _NOT_INVERTED:
                sp = self._subject_after(v.end(), end)
                if sp:
                    return sp
            rel = _RELATIVE_PRONOUN.search(text, max(start, v.start() - 12), v.start())
            if rel:  # "claimed responsibility for the attack, which it said ...": "it" is the claimant
                relative = relative or rel
                continue
            sp = self._subject_before(start, v.start())
            if sp:
                return sp
        if relative is not None:  # "Seacom started to have problems, which it said were caused by ..."
            sp = self._main_subject(start, relative.start())
            if sp:
                return sp
        acc = _ACCORDING.search(text, start, end) if (text.find("ccording to", start, end) >= 0 or text.find(
            "Per ", start, end) >= 0 or text.find(", per ", start, end) >= 0) else None
        if acc and not _inside(acc.start(), self.quotes):
            subj_end = acc.end("subj")
            last_word = text[acc.start("subj"):subj_end].rsplit(None, 1)[-1].lower()
            if text.startswith(".", subj_end) and last_word in _TITLE_ABBREVIATIONS:
                # "according to Troy police Lt. Gerry Scherlinck": the title's dot does not end the source
                more = _ACCORDING_REST.match(text, subj_end + 1, end)
                subj_end = more.end() if more else subj_end
            return self._speaker_from(acc.start("subj"), subj_end)
        quoted = _QUOTED_AS.search(text, start, end) if text.find("quoted", start, end) >= 0 else None
        if quoted and not _inside(quoted.start(), self.quotes):
            if quoted.group("subj"):  # "Interfax quoted the official as saying"
                return self._speaker_from(quoted.start("subj"), quoted.end("subj"))
            return self._subject_before(start, quoted.start())  # "The minister was quoted (by TV) as saying"
        part = _PARTICIPLE.search(text, start, end)  # opens with ", ": re skips to each comma in C
        if part and not _inside(part.start(), self.quotes):
            return self._main_subject(start, part.start())
        return None

    def _ends_in_long_org(self, start: int, end: int) -> bool:
        """Whether a long subject is an organisation's long name with at most a few words before it ("the U.S.
        Attorney's Office for the Western District of New York announced")."""
        i = bisect.bisect_left(self._starts, end) - 1
        if i < 0:
            return False
        m = self.mentions[i]
        return m.label == "ORG" and m.end >= end - 1 and len(_WORD.findall(self.text, start, m.start)) <= 4

    def _main_subject(self, start: int, end: int) -> Speaker | None:
        """The subject of the clause a participle follows ("Wild coach Bruce Boudreau praised the winger,
        saying he ..."): the clause is the last one before it that opens with capitalised, role or
        determiner words ("Browns DL Sheldon Richardson, however, decided ..., saying"), past leading
        adverbials ("After the game,") and datelines ("BUFFALO, N.Y. —")."""
        text = self.text
        cuts = [start, *(m.end() for m in _CLAUSE_CUT.finditer(text, start, end)), end]
        for k in range(len(cuts) - 2, max(-1, len(cuts) - 5), -1):
            lo, hi = cuts[k], cuts[k + 1]
            while lo < hi and text[lo] in " \"'\u201c\u201d":
                lo += 1  # a stray quotation mark before the subject ('" Seacom started ...')
            run_end = lo
            prev = ""
            for w in _WORD.finditer(text, lo, hi):
                word = w.group()
                if text[run_end:w.start()].strip() or not (
                        word[0].isupper() or word.lower() in _SUBJECT_WORDS
                        or (prev[:1].isupper() and prev.lower() not in _SUBJECT_WORDS and _is_speaker_noun(word))):
                    break  # "Terminal operators dispute ... and say": a noun after a name is the subject's
                run_end = w.end()
                prev = word
            first = _WORD.search(text, lo, hi)
            if run_end == lo or first is None or first.group().lower() in _LEADING_ADVERBIAL:
                continue
            sp = self._speaker_from(lo, run_end)
            if sp is not None:
                return sp
        return None

    def _noun_use(self, v: re.Match[str], end: int) -> bool:
        """True when the verb does not attribute here: a noun ("the reports", "swing states"), a
        passive ("were told to stay") or a negation ("could not say")."""
        text = self.text
        nlo = max(0, v.start() - 16)
        if _ends_with(text, nlo, v.start(), _NOT_ENDINGS, True) and _NOT_ATTRIBUTING.search(text, nlo, v.start()):
            return True
        if text.startswith("ly ", v.start() - 3) and _PARTICIPLE_ADJECTIVE.search(text, max(0, v.start() - 30),
                                                                                   v.start()):
            return True  # "a previously announced release date"
        if v.group() in ("told", "tells") and text.startswith((" to ", " by "), v.end()):
            return True  # "told to stay", "told by police": an instruction or a passive
        if v.group() in ("accused", "cited") and text.startswith((" of ", " in ", " by ", ",", "."), v.end()):
            return True  # "a man accused of murder", "sources cited by the paper": a participle, not speech
        if v.group() == "reported" and text.startswith(" from ", v.end()) and _CREDIT_LINE.match(text, v.end(), end):
            return True  # "Jane Doe reported from Kyiv.": a reporter's credit, no claim
        if v.group() in ("added", "adds") and _FIGURE_AFTER.match(text, v.end()):
            return True  # "shares added 26 cents": a market move, not speech
        if v.group() not in _AMBIGUOUS:
            return False
        if _DET_BEFORE.search(text, max(0, v.start() - 20), v.start()):
            return True
        if v.group() in _PLURAL_NOUNS:
            prev = text[max(0, v.start() - 24):v.start()].split()
            word = prev[-1] if prev else ""
            if word.isalpha() and word.islower() and word not in _SUBJECT_TAIL_WORDS \
                    and not _is_speaker_noun(word):
                return True  # "voters in key states like Ohio": the verb follows a name, a pronoun or a speaker
            if _COUNTED.fullmatch(word.lower()):
                return True  # "in 11 states", "Benchmark 10-year notes rose": counted things, not a speaker
        nxt = text[v.end():v.end() + 6].lstrip()
        return not nxt or nxt[0] in ",.;:)" or nxt.startswith(("of ", "from ", "in "))

    def quote_speaker(self, qs: int, qe: int) -> Speaker | None:
        """The speaker of a quotation, from the words right after or before it."""
        text = self.text
        line_end = text.find("\n", qe)
        line_end = len(text) if line_end < 0 else line_end
        stop = min(line_end, qe + 200)
        tail = _SENT_END.search(text, qe, stop)
        while tail is not None and _abbreviation_before(text, tail.start()):
            tail = _SENT_END.search(text, tail.end(), stop)  # '" said Lt. Gregg Hastings.': not after "Lt."
        t_end = tail.end() if tail else stop
        if t_end > qe:
            v = _VERB.search(text, qe, t_end)
            if v and _ENDS_SENTENCE.search(text, qs, qe) and len(text[v.end():t_end].split()) > _TRAILING_WORDS:
                v = None  # '"... happening." Police said the woman was 63.': the next sentence, with its own news
            if v:
                inverted = not text[qe:v.start()].strip(" ,") and v.group() not in _NOT_INVERTED
                sp = self._subject_after(v.end(), t_end) if inverted else None
                sp = sp or self._subject_before(qe, v.start())
                if sp:
                    return sp
        line_start = text.rfind("\n", 0, qs) + 1
        lo = max(line_start, qs - 200)
        head = text[lo:qs]
        if head.rstrip().endswith((":", ",")):
            for full_stop in _SENT_END_QUOTED.finditer(text, lo, qs):  # the quotation's own sentence only
                if not _abbreviation_before(text, full_stop.start()):
                    lo = full_stop.end()
            last = None
            for v in _VERB.finditer(text, lo, qs):
                last = v
            if last:
                return self._subject_before(lo, last.start())
            if head.rstrip().endswith(":"):  # "Smith agreed: '...'": the sentence's subject introduces it
                i = bisect.bisect_left(self._starts, lo)
                if i < len(self.mentions) and self.mentions[i].start < qs and self.mentions[i].label != "GPE" \
                        and not text[lo:self.mentions[i].start].strip(" \t\n\"'\u201c\u201d\u2018\u2019"):
                    return self._speaker_from(self.mentions[i].start, self.mentions[i].end)
        return None

    def has_speech_verb(self, start: int, end: int) -> bool:
        """Whether text[start:end] has a speech verb outside quotations (an attribution, parsed or not)."""
        lo, hi = bisect.bisect_left(self._vstarts, start), bisect.bisect_left(self._vstarts, end)
        return any(not _inside(v.start(), self.quotes) for v in self._verbs[lo:hi])

    def opens_with_speech_verb(self, pos: int) -> bool:
        """Whether text[pos:] opens with a speech verb outside quotations ("also" allowed before it), as a
        clause whose subject is the one before does ("the office said 30 were hurt, but added ...")."""
        if self.text.startswith("also ", pos):
            pos += 5
        i = bisect.bisect_left(self._vstarts, pos)
        return i < len(self._vstarts) and self._vstarts[i] == pos

    def has_quote(self, start: int, end: int) -> bool:
        """Whether a quotation starts inside text[start:end]."""
        i = bisect.bisect_left(self.quotes, (start, -1))
        return i < len(self.quotes) and self.quotes[i][0] < end

    def quote_at(self, start: int, end: int) -> tuple[int, int] | None:
        """The quotation covering most of text[start:end], if any."""
        i = bisect.bisect_right(self.quotes, (end, 1 << 62)) - 1
        while i >= 0:
            qs, qe = self.quotes[i]
            if qe <= start:
                return None
            overlap = min(qe, end) - max(qs, start)
            if overlap * 2 >= end - start:
                return qs, qe
            i -= 1
        return None


_SENT_END = re.compile(r"[.!?](?=\s|$)")
_ENDS_SENTENCE = re.compile(r"[.!?]\s?[\"'\u201d\u2019]+$")
"""A quotation whose own sentence ends inside its closing mark (tokenised text puts a space before it)."""
_SENT_END_QUOTED = re.compile(r"[.!?](?=[\"'\u201d\u2019]*(?:\s|$))")
"""A sentence's end, also inside its closing quotation mark ('out of it.\u201d Smith agreed')."""


def _only_subject_words(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] holds only capitalised, role or determiner words: what may stand before a subject's name."""
    return all(w[0].isupper() or w.lower() in _SUBJECT_WORDS for w in _WORD.findall(text, lo, hi))


def _name_across_and(text: str, and_start: int, end: int) -> bool:
    """Whether the "and" at `and_start` joins two parts of one organisation's name: capitalised words on both
    sides, no comma (a list: "Napa and San Francisco"), and either an organisation word closing the name
    ("Surrey Fire and Rescue Service") or a capitalised head before an "of" ("Academy of Motion Picture
    Arts and Sciences"; not "the websites of Axxess and Afrihost")."""
    after = text[and_start + 4:end].split()
    if not after or not all(w[0].isupper() for w in after):
        return False
    before = text[max(0, and_start - 80):and_start].split()
    run: list[str] = []
    for w in reversed(before):
        if w.endswith(","):
            return False
        if not (w[0].isupper() or w in ("of", "for", "on", "the")):
            break
        run.append(w)
    run.reverse()
    while run and not run[0][0].isupper():
        run.pop(0)
    if not run:
        return False
    joined = any(w in ("of", "for", "on") for w in run[1:])
    return joined or after[-1].lower() in gz.ORG_WORDS


def _is_capitalised(words: str) -> bool:
    """Whether every word of a phrase starts with a capital ("New York"; not "down the street")."""
    return bool(words) and all(w[0].isupper() for w in words.split())


def _opens_sentence(text: str, pos: int) -> bool:
    """Whether only spaces and a quotation mark stand between `pos` and the previous sentence's end."""
    before = text[max(0, pos - 8):pos].rstrip(" \t\"\u201c\u201d")
    return not before or before[-1] in ".!?\n"


def _abbreviation_before(text: str, dot: int) -> bool:
    """True when the mark at `dot` is a full stop ending an abbreviation or an initial ("Lt.", "J."),
    by the sentence splitter's own test."""
    if text[dot] != ".":
        return False
    token = text[text.rfind(" ", 0, dot) + 1:dot + 1]
    return is_abbreviation(token, text[dot + 2:dot + 3], text, dot + 2)


def _role_between(text: str, start: int, pstart: int) -> str | None:
    between = text[start:pstart].strip()
    words = [w for w in between.split() if w.lower() in gz.ROLE_WORDS]
    return " ".join(words) if words else None
