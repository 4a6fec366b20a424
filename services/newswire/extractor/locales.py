"""Language data for reading figures outside English: separators, number words, scales, units.

Only vocabulary lives here; `quantities.py` compiles it once per language. Languages that
write "7,5" for seven and a half and "38.000" for thirty-eight thousand are listed in
`DECIMAL_COMMA`. German has number words ("drei", "zweihundert", "einundzwanzig"); the
other languages get scales, approximators, units and month names.
"""

from __future__ import annotations

DECIMAL_COMMA = frozenset(
    "de fr es it nl pt pl cs sk sl hr sr bs ro hu ru uk bg el tr da sv no nb nn fi et lv lt id vi".split()
)

# number-word atoms; compounds ("dreiundzwanzig", "zweihunderttausend") are runs of atoms
DE_UNITS: dict[str, int] = {
    "null": 0, "eins": 1, "ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "zwei": 2, "zwo": 2,
    "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11,
    "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17,
    "achtzehn": 18, "neunzehn": 19, "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50,
    "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90, "dutzend": 12, "dutzende": 12,
}
DE_ARTICLES = frozenset({"ein", "eine", "einen", "einem", "einer"})  # "ein" alone is an article

SCALES: dict[str, dict[str, float]] = {
    "de": {"tausend": 1e3, "million": 1e6, "millionen": 1e6, "mio": 1e6, "mio.": 1e6, "milliarde": 1e9,
           "milliarden": 1e9, "mrd": 1e9, "mrd.": 1e9, "billion": 1e12, "billionen": 1e12},
    "fr": {"mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9, "md": 1e9},
    "es": {"mil": 1e3, "millón": 1e6, "millones": 1e6, "mil millones": 1e9, "billón": 1e12, "billones": 1e12},
    "it": {"mila": 1e3, "mille": 1e3, "milione": 1e6, "milioni": 1e6, "miliardo": 1e9, "miliardi": 1e9,
           "mln": 1e6, "mld": 1e9},
    "nl": {"duizend": 1e3, "miljoen": 1e6, "miljard": 1e9, "mln": 1e6, "mld": 1e9},
    "pt": {"mil": 1e3, "milhão": 1e6, "milhões": 1e6, "bilhão": 1e9, "bilhões": 1e9, "mil milhões": 1e9},
}

APPROX: dict[str, dict[str, str]] = {
    "de": {"rund": "~", "etwa": "~", "ca.": "~", "circa": "~", "ungefähr": "~", "schätzungsweise": "~",
           "knapp": "<", "fast": "<", "beinahe": "<", "nahezu": "<", "weniger als": "<", "unter": "<",
           "mehr als": ">", "über": ">", "gut": ">", "mindestens": ">=", "wenigstens": ">=",
           "bis zu": "<=", "höchstens": "<="},
    "fr": {"environ": "~", "près de": "~", "quelque": "~", "plus de": ">", "au moins": ">=", "moins de": "<",
           "presque": "<", "jusqu'à": "<=", "jusqu\u2019à": "<="},
    "es": {"unos": "~", "unas": "~", "alrededor de": "~", "cerca de": "~", "más de": ">", "al menos": ">=",
           "menos de": "<", "casi": "<", "hasta": "<="},
    "it": {"circa": "~", "oltre": ">", "più di": ">", "almeno": ">=", "meno di": "<", "quasi": "<",
           "fino a": "<="},
    "nl": {"ongeveer": "~", "circa": "~", "ruim": ">", "meer dan": ">", "minstens": ">=", "bijna": "<",
           "minder dan": "<", "tot": "<="},
    "pt": {"cerca de": "~", "mais de": ">", "pelo menos": ">=", "menos de": "<", "quase": "<", "até": "<="},
}

# unit words: surface (lower case) -> (normalised unit, kind), as in units.py
UNITS: dict[str, dict[str, tuple[str, str]]] = {
    "de": {"prozent": ("percent", "percent"), "prozentpunkte": ("percentage point", "percent"),
           "euro": ("eur", "money"), "dollar": ("usd", "money"), "franken": ("chf", "money"),
           "pfund": ("gbp", "money"), "tonnen": ("tonne", "measure"), "tonne": ("tonne", "measure"),
           "kilogramm": ("kilogram", "measure"), "kilometer": ("kilometre", "measure"),
           "meter": ("metre", "measure"), "zentimeter": ("centimetre", "measure"), "grad": ("degree", "measure"),
           "hektar": ("hectare", "measure"), "liter": ("litre", "measure"), "stunden": ("hour", "duration"),
           "stunde": ("hour", "duration"), "tage": ("day", "duration"), "tagen": ("day", "duration"),
           "wochen": ("week", "duration"), "monate": ("month", "duration"), "monaten": ("month", "duration"),
           "jahre": ("year", "duration"), "jahren": ("year", "duration"), "minuten": ("minute", "duration")},
    "fr": {"pour cent": ("percent", "percent"), "pourcent": ("percent", "percent"), "euros": ("eur", "money"),
           "euro": ("eur", "money"), "dollars": ("usd", "money"), "tonnes": ("tonne", "measure"),
           "kilomètres": ("kilometre", "measure"), "mètres": ("metre", "measure"), "hectares": ("hectare", "measure"),
           "heures": ("hour", "duration"), "jours": ("day", "duration"), "ans": ("year", "duration"),
           "semaines": ("week", "duration"), "mois": ("month", "duration")},
    "es": {"por ciento": ("percent", "percent"), "euros": ("eur", "money"), "dólares": ("usd", "money"),
           "toneladas": ("tonne", "measure"), "kilómetros": ("kilometre", "measure"), "metros": ("metre", "measure"),
           "hectáreas": ("hectare", "measure"), "horas": ("hour", "duration"), "días": ("day", "duration"),
           "años": ("year", "duration"), "semanas": ("week", "duration"), "meses": ("month", "duration")},
    "it": {"per cento": ("percent", "percent"), "euro": ("eur", "money"), "dollari": ("usd", "money"),
           "tonnellate": ("tonne", "measure"), "chilometri": ("kilometre", "measure"), "metri": ("metre", "measure"),
           "ettari": ("hectare", "measure"), "ore": ("hour", "duration"), "giorni": ("day", "duration"),
           "anni": ("year", "duration"), "settimane": ("week", "duration"), "mesi": ("month", "duration")},
    "nl": {"procent": ("percent", "percent"), "euro": ("eur", "money"), "dollar": ("usd", "money"),
           "ton": ("tonne", "measure"), "kilometer": ("kilometre", "measure"), "meter": ("metre", "measure"),
           "hectare": ("hectare", "measure"), "uur": ("hour", "duration"), "dagen": ("day", "duration"),
           "jaar": ("year", "duration"), "weken": ("week", "duration"), "maanden": ("month", "duration")},
    "pt": {"por cento": ("percent", "percent"), "euros": ("eur", "money"), "dólares": ("usd", "money"),
           "reais": ("brl", "money"), "toneladas": ("tonne", "measure"), "quilômetros": ("kilometre", "measure"),
           "metros": ("metre", "measure"), "horas": ("hour", "duration"), "dias": ("day", "duration"),
           "anos": ("year", "duration")},
}

MONTHS: dict[str, str] = {
    "de": "Januar Jänner Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
}

# words that end the search for what a figure counts ("3 millions de personnes" skips "de")
STOP: dict[str, frozenset[str]] = {
    "de": frozenset("der die das den dem des und oder in im am an auf aus bei mit nach von vom zu zur zum für "
                    "über unter pro je als wie bis seit ist sind war waren wurden wird hat haben".split()),
    "fr": frozenset("le la les l un une et ou en au aux à a par pour sur dans avec est sont était ont".split()),
    "es": frozenset("el la los las y o en a al por para con es son fue han".split()),
    "it": frozenset("il lo la i gli le e o in a al ai per con è sono ha hanno".split()),
    "nl": frozenset("de het een en of in op aan bij met van voor per is zijn was waren heeft hebben".split()),
    "pt": frozenset("o a os as e ou em no na ao por para com é são foi".split()),
}
SKIP: dict[str, frozenset[str]] = {  # words passed over before the counted noun
    "fr": frozenset({"de", "d'", "d\u2019"}), "es": frozenset({"de"}), "it": frozenset({"di"}),
    "pt": frozenset({"de"}), "nl": frozenset(), "de": frozenset(),
}
BETWEEN: dict[str, tuple[str, str]] = {  # "between X and Y"
    "de": ("zwischen", "und"), "fr": ("entre", "et"), "es": ("entre", "y"), "it": ("tra", "e"),
    "nl": ("tussen", "en"), "pt": ("entre", "e"),
}
FROM: dict[str, list[str]] = {  # "from X to Y"
    "de": ["von"], "fr": ["de"], "es": ["de", "desde"], "it": ["da"], "nl": ["van"], "pt": ["de"],
}
RANGE_TO: dict[str, str] = {"de": "bis", "fr": "à", "es": "a", "it": "a", "nl": "tot", "pt": "a"}


def base(lang: str | None) -> str:
    """The two-letter language code of "de-AT", "DE" or None ("en" when unknown)."""
    return (lang or "en").strip().lower()[:2] or "en"


def parse_german(word: str) -> float | None:
    """The value of a German number word: "drei", "zweihundert", "einundzwanzig", "dreitausend"."""
    w = word.lower()
    if not w:
        return None
    for scale, mult in (("tausend", 1000), ("hundert", 100)):
        if scale in w:
            head, _, tail = w.partition(scale)
            h = parse_german(head) if head else 1.0
            t = parse_german(tail) if tail else 0.0
            if h is None or t is None:
                return None
            return h * mult + t
    if "und" in w and w not in DE_UNITS:
        head, _, tail = w.partition("und")
        h, t = DE_UNITS.get(head), DE_UNITS.get(tail)
        if h is None or t is None or t < 20 or h >= 10:
            return None
        return float(h + t)
    v = DE_UNITS.get(w)
    return None if v is None else float(v)
