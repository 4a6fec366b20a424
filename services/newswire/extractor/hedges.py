"""Hedges: the outlet's own marks that a statement is unverified or second-hand.

Two kinds: inline hedges qualify the sentence they sit in ("reportedly", "claimed",
"citing anonymous sources"); a verification note ("These casualty numbers could not be
verified.") qualifies earlier claims, chosen by the words they share with it.
"""

from __future__ import annotations

import re

from newswire.extractor.numbers import scan_pattern, word_spans

# How wire copy says a figure was not verified, shared by inline hedges and verification notes: "could not
# (immediately) be (independently) verified", "cannot"/"couldn't", "was not able to verify", "it was not possible
# to independently confirm", "impossible to verify", "no independent confirmation", "neither/none ... could be
# verified". Lower-case, every alternative starts and ends with a letter (see _INLINE_SCAN).
_ADV = r"(?:(?:independently|immediately|yet|readily|officially)[ ]){0,2}"
_VERIFY_TO = r"(?:verify|confirm|corroborate)"
_VERIFY_ED = r"(?:verif(?:y|ied)|confirm(?:ed)?|corroborat(?:e|ed))"
_UNVERIFIED = (
    r"(?:(?:could|can|did|does|do|was|were|is|are|has|have|had)(?:[ ]not|n['\u2019]t)|cannot)[ ]" + _ADV
    + r"(?:be(?:en)?[ ])?" + _ADV
    + _VERIFY_ED
    + r"|not[ ](?:been[ ])?independently[ ](?:verified|confirmed)"
    r"|(?:unable|not[ ](?:been[ ])?able)[ ]to[ ]" + _ADV + _VERIFY_TO
    + r"|(?:not[ ](?:immediately[ ])?possible|impossible)[ ]to[ ]" + _ADV + _VERIFY_TO
    + r"|no[ ](?:independent|immediate)[ ](?:confirmation|verification|corroboration)"
    r"|(?:neither|none)[ ](?:[\w'\u2019-]+[ ]){0,4}?(?:could|can|has|have|was|were)[ ](?:be(?:en)?[ ])?" + _ADV
    + r"(?:verified|confirmed|corroborated)"
    r"|remains?[ ]unverified|unverified|unconfirmed|uncorroborated"
)
_INLINE = re.compile(
    r"\b(?:reportedly|allegedly|purportedly|supposedly|ostensibly|" + _UNVERIFIED
    + r"|rumou?red|claim(?:ed|s|ing)?(?=[ ]+(?:to|that)\b)"
    r"|citing[ ](?:an?[ ])?(?:anonymous|unnamed|unidentified)[ ](?:sources?|officials?|people|persons?)"
    r"|(?<!citing[ ])(?:anonymous|unnamed|unidentified)[ ](?:sources?|officials?|people|persons?)"
    r"|people[ ]familiar[ ]with[ ]the[ ]matter|on[ ]condition[ ]of[ ]anonymity"
    r"|according[ ]to[ ](?:anonymous|unnamed|unidentified)?[ ]?sources|sources[ ](?:said|say|told)"
    r"|(?:had|have|has|there[ ](?:are|were|have[ ]been))[ ](?:\w+[ ])?reports[ ]that|is[ ]said[ ]to"
    r"|are[ ]said[ ]to|was[ ]said[ ]to|were[ ]said[ ]to|it[ ]is[ ]claimed|speculat(?:ed|ion)"
    r"|(?:is|are|was|were)[ ](?:believed|thought)[ ]to[ ](?:have|be)"
    # a claim the outlet marks as unsupported (AP: "claimed, without evidence, that")
    r"|without[ ](?:(?:providing|offering|giving|presenting|citing|showing|producing)[ ])?(?:any[ ])?evidence"
    r"|(?:provided|offered|gave|presented|cited|showed|produced)[ ]no[ ](?:\w+[ ])?evidence"
    # German: "angeblich", "nicht unabhängig überprüft", "Berichten zufolge"
    r"|angeblich|mutmaßlich|unbestätigt|nicht[ ](?:unabhängig[ ])?(?:über)?(?:prüf|bestätig)\w*"
    r"|berichten[ ]zufolge)\b",

)
# every inline hedge starts and ends with a letter: the faster scan finds the same ones (numbers.word_spans)
_INLINE_SCAN = re.compile(scan_pattern(_INLINE.pattern))
_VERIFICATION = re.compile(
    r"\b(?:" + _UNVERIFIED + r")\b|\bnicht[ ](?:unabhängig[ ])?(?:über)?(?:prüf|bestätig)",
    re.I,
)
_WORD = re.compile(r"[^\W\d_]+")  # letters of any script: "überprüfen" is one word
_NOTE_STOP = frozenset(
    """the these those this that could not be been verify verified verification confirm confirmed
    independently remain remains unverified unconfirmed however was were is are has have can did
    unable to a an of for and its it their by able corroborate corroborated immediately
    possible impossible neither none there independent confirmation verification corroboration yet readily
    officially cannot couldn
    das die der dem den des sich nicht zunächst dazu ließ lässt ließen konnte konnten kann bisher noch
    unabhängig überprüfen überprüft bestätigen bestätigt""".split()
)
_MAX_NOTE_WORDS = 16
_REPORTS_SPEECH = re.compile(r"\b(?:said|says|told|tells|added|adds|stated|sagte|sagt)\b")
"""A sentence reporting someone's speech states what that source could not confirm: no note of the outlet's."""


# every inline hedge contains one of these ("unverified" contains "verif": no need to list both)
_HINTS = ("report", "alleg", "purport", "suppos", "ostensib", "rumo", "claim", "verif", "confirm", "corrobor", "citing",
          "source", "said to", "specul", "anonym", "unnamed", "unidentified", "familiar with", "angeblich",
          "mutmaßlich", "prüf", "bestätig", "zufolge", "believed to", "thought to", "evidence")


HINTS = _HINTS  # every inline hedge contains one of these: a screen (see screen.Spots)
NOTE_HINTS = ("verif", "confirm", "corrobor", "prüf", "bestätig")  # every verification note contains one (all HINTS)


def inline_hedges(sentence: str) -> list[str]:
    """The hedge phrases inside one sentence, lower-cased, in order."""
    low = sentence.lower()
    if not any(h in low for h in _HINTS):  # cheap screen before the big pattern
        return []
    return [m.group() for m in _INLINE.finditer(low)]  # case-folded text: (?i) is slow


def inline_hedges_at(low: str, start: int, end: int) -> list[str]:
    """inline_hedges() of low[start:end] without copying it: `low` is the lower-cased article.

    The caller screens spans with HINTS first. Span edges are sentence or clause edges, where
    the pattern's look-arounds read the same as at the ends of a copied sentence.
    """
    return [low[s:e] for s, e in word_spans(_INLINE, _INLINE_SCAN, low, start, end)]


def is_verification_note(sentence: str, has_quantities: bool) -> bool:
    """True for a short sentence whose point is that something earlier could not be verified."""
    if has_quantities:
        return False
    low = sentence.lower()
    if not any(h in low for h in NOTE_HINTS):
        return False
    if not _VERIFICATION.search(sentence):
        return False
    if _REPORTS_SPEECH.search(low):
        return False  # "Police said they were unable to confirm the victim's identity": the police's own statement
    return len(_WORD.findall(sentence)) <= _MAX_NOTE_WORDS


_SAME_STEM = {"kille": "death", "kill": "death", "dead": "death", "died": "death", "fatal": "death",
              "wound": "injur", "hurt": "injur"}
"""Words for the same casualties: "the death toll" speaks of the claim that 300 "died" or were "killed"."""


def _stem(word: str) -> str:
    s = word.lower()[:5]
    return _SAME_STEM.get(s, s)


def note_keys(sentence: str) -> set[str]:
    """The content-word stems a verification note names ("casualty numbers" -> casua, numbe)."""
    first = sentence.split(";", 1)[0]  # a note's subject is in its first clause
    return {_stem(w) for w in _WORD.findall(first) if w.lower() not in _NOTE_STOP and len(w) > 2}


def text_keys(text: str) -> set[str]:
    """Content-word stems of a claim's text and speaker, to compare with a note's keys."""
    return {_stem(w) for w in _WORD.findall(text) if len(w) > 2}


_PAIR_NOTE = re.compile(r"\b(?:neither|both)\b")
_PLURAL_NOTE = re.compile(r"\b(?:none\s+of\s+(?:the|these|those|their|its)|(?:these|those|all|the)\s+(?:[a-z]+\s+)?"
                          r"(?:figures|numbers|claims|tolls|reports|accounts|estimates|statistics|counts|tallies))\b")


def note_reach(sentence: str) -> int:
    """How many figures or claims a note speaks of when it names no content of theirs: two for one in the plural
    ("Neither claim ...", "These numbers ..."), else one."""
    first = sentence.split(";", 1)[0].lower()
    return 2 if _PAIR_NOTE.search(first) or _PLURAL_NOTE.search(first) else 1


_FIGURE_WORDS = frozenset({"numbe", "figur", "toll", "tally", "estim", "count", "stati", "data"})
_CLAIM_WORDS = frozenset({"claim", "repor", "accou", "asser", "state", "alleg"})


def _nearest(candidates: list[tuple[int, str, int, bool, bool]], field: int, reach: int) -> list[int]:
    """The nearest candidates with `field` set, as many as hold `reach` of it: figures for field 2 (a claim with two
    figures is "these numbers" by itself), claims for field 3. Past the first, only claims of the note's own
    paragraph ("However, these claims remain unverified." speaks of its paragraph's claims)."""
    out: list[int] = []
    held = 0
    for c in candidates:
        if out and not c[4]:
            break
        if c[field]:
            out.append(c[0])
            held += int(c[field])
            if held >= reach:
                break
    return out


def note_targets(keys: set[str], candidates: list[tuple[int, str, int, bool, bool]], reach: int = 1) -> list[int]:
    """Which earlier claims a verification note qualifies.

    `candidates` are (index, text+speaker, number of figures, attributed, in the note's paragraph) from nearest
    to farthest;
    the note goes to the nearest claim sharing the most content words with it, else to figure claims
    when it speaks of numbers, else to the nearest claim. `reach` (note_reach) is how many figures or attributed
    claims it speaks of: "These numbers ..." after two claims of one figure each is about both.
    """
    if not candidates:
        return []
    specific = keys - _FIGURE_WORDS - _CLAIM_WORDS
    best, chosen = 0, -1
    for idx, text, *_ in candidates:  # nearest first: ties go to the nearest claim
        overlap = len(specific & text_keys(text))
        if overlap > best:
            best, chosen = overlap, idx
    if chosen >= 0:
        return [chosen]
    if keys & _FIGURE_WORDS:
        figs = _nearest(candidates, 2, reach)
        if figs:
            return figs
    if keys & _CLAIM_WORDS or reach > 1:
        att = _nearest(candidates, 3, reach)
        if att:
            return att
    return [candidates[0][0]]
