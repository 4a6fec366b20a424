"""Small word lists for rule-based entities and speakers: places, organisation words, roles.

Deliberately general (countries, common organisation and role nouns), never the names in
any evaluation file; lower-cased for lookups.
"""

from __future__ import annotations

COUNTRIES = frozenset(
    """afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas
    bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei
    bulgaria burundi cambodia cameroon canada chad chile china colombia comoros congo croatia cuba cyprus
    czechia denmark djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji finland france
    gabon gambia georgia germany ghana greece grenada guatemala guinea guyana haiti honduras hungary iceland
    india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya kiribati kosovo
    kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg
    madagascar malawi malaysia maldives mali malta mauritania mauritius mexico micronesia moldova monaco
    mongolia montenegro morocco mozambique myanmar namibia nauru nepal netherlands nicaragua niger nigeria
    norway oman pakistan palau palestine panama paraguay peru philippines poland portugal qatar romania
    russia rwanda samoa senegal serbia seychelles singapore slovakia slovenia somalia spain sudan suriname
    sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga tunisia turkey turkmenistan
    tuvalu uganda ukraine uruguay uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe britain
    england scotland wales europe asia africa america crimea gaza kashmir tibet u.s. usa us uk u.k.""".split()
) | frozenset(
    (
        "hong kong", "north korea", "south korea", "south africa", "new zealand", "saudi arabia",
        "united states", "united kingdom", "sri lanka", "costa rica", "el salvador", "ivory coast",
        "east timor", "puerto rico", "czech republic", "north macedonia", "united arab emirates",
        "middle east", "far east", "west bank", "gaza strip", "latin america", "north america", "south america",
        "southeast asia", "central asia", "east africa", "west africa",
    )
)
CITIES = frozenset(
    ("new york", "los angeles", "san francisco", "new delhi", "tel aviv", "rio de janeiro", "buenos aires",
     "mexico city", "cape town", "abu dhabi", "kuala lumpur", "washington dc")
) | frozenset(
    """kyiv kiev moscow washington london paris berlin beijing tokyo seoul pyongyang brussels warsaw rome
    madrid vienna prague budapest bratislava minsk tehran baghdad damascus jerusalem cairo ankara istanbul
    delhi mumbai karachi kabul islamabad dhaka bangkok jakarta manila sydney toronto ottawa montreal
    vancouver chicago boston houston dallas miami atlanta seattle denver phoenix philadelphia detroit
    geneva zurich stockholm oslo copenhagen helsinki dublin lisbon athens bucharest sofia belgrade zagreb
    kharkiv odesa odessa donetsk luhansk zaporizhzhia kherson mariupol dnipro lviv bakhmut kursk belgorod
    crimea sevastopol riyadh dubai doha nairobi lagos johannesburg beirut gaza rafah""".split()
)
US_STATES = frozenset((
    "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida",
    "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine",
    "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska",
    "nevada", "new hampshire", "new jersey", "new mexico", "north carolina", "north dakota", "ohio", "oklahoma",
    "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "texas", "utah",
    "vermont", "virginia", "west virginia", "wisconsin", "wyoming", "d.c.", "puerto rico",
))
DIRECTIONS = frozenset("north south east west northern southern eastern western central".split())
PLACE_SUFFIXES = frozenset(
    """oblast region province state county district city republic island islands street road avenue boulevard
    square park bridge river lake mountain mountains valley sea ocean bay coast highway airport station port
    harbour harbor beach desert forest strait gulf canal""".split()
)
ORG_WORDS = frozenset(
    """house ministry department council agency press reuters forces force army navy military committee
    commission union nations nato party government administration bank inc corp corporation company co
    university office parliament congress senate kremlin pentagon times news independent institute
    association organization organisation court police service services bureau fund group post journal
    network television radio tv broadcasting guard command staff authority authorities federation
    foundation cabinet assembly club league board tribune herald telegraph guardian agence
    ltd llc plc airlines airways intelligence directorate college school academy hospital clinic church museum
    stadium institute council productions records studios pictures entertainment media partners holdings
    ventures capital lab labs laboratory laboratories guild technologies industries enterprises motors
    pharmaceuticals label
    communications alliance coalition society trust centre center awards festival survey telecom advisors
    advisers facilities systems solutions software networks brands insurance logistics electronics
    resources properties investments securities consulting semiconductor""".split()
)
VESSEL_PREFIXES = frozenset("ins uss hms mv rv".split())  # not "MS": Ms Harris
"""Ship prefixes ("INS Mysore", "MV Gibe"): a vessel is no person; it can report, like an organisation."""
ORG_ACRONYMS = frozenset(
    "voa ria tass afp ap bbc cnn nbc abc cbs nyt un eu nato fbi cia nsa hur sbu imf who wto opec ecb fed".split()
)
ROLE_HEADS = frozenset(
    """president minister secretary spokesperson spokesman spokeswoman official officials chief head director
    commander general lieutenant colonel major captain ambassador envoy senator representative governor mayor
    ceo chairman chairwoman chair chancellor king queen prince princess pope leader adviser advisor aide
    analyst expert researcher professor attorney judge justice sheriff councillor councilman speaker premier
    president-elect founder executive officer manager economist strategist sen. rep. gov. gen. sen rep gov gen col lt
    deputy
    coroner detective sergeant constable undersheriff superintendent inspector investigator prosecutor
    lawyer publicist dispatcher correspondent editor commissioner administrator coordinator coach scholar owner
    chairperson lawmaker legislator congressman congresswoman historian scientist physician surgeon ombudsman
    treasurer auditor diplomat dean""".split()
)
ROLE_MODIFIERS = frozenset(
    """vice prime foreign defense defence interior finance national security deputy acting former state
    senior top foreign-affairs press communications military intelligence general lt""".split()
)
HEADLINE_VERBS = frozenset(
    """announces says wins dies names calls signs meets visits unveils launches warns urges slams vows backs
    defends denies admits resigns quits returns joins leaves takes makes gets faces rejects accepts""".split()
)
"""Verbs a title-case headline puts after a name ("President Obama Announces Nominee"): the name ends before."""
ROLE_ABBREVIATIONS = {
    "sen": "senator", "rep": "representative", "gov": "governor", "gen": "general", "lt": "lieutenant",
    "col": "colonel",
}
"""Abbreviated titles the name tokenizer reads with their dot ("Gov. Eric Holcomb"), spelled out in the role, so
"the governor" later finds him."""
ROLE_WORDS = ROLE_HEADS | ROLE_MODIFIERS
TITLES = frozenset("mr mr. mrs mrs. ms ms. dr dr. prof prof. sen. rep. gov. gen. lt. col. sir rev reverend rt hon"
                   .split())
DEMONYM_SUFFIXES = ("ian", "ean", "ese", "ish", "ic", "i", "an")
NON_NAME_CAPS = frozenset(
    """the a an in on at of for to from by per with and but or if as it its he she they we i you his her their
    our this that these those there here when while after before during since until also however meanwhile
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue wed thu fri sat sun today yesterday tomorrow some many all more most one two three
    according despite amid although though because so what who why how where which yes no not
    whatever whoever whenever wherever whether
    everything nothing something anything everyone nobody somebody breaking update updated related
    photo video read watch listen share comments comment subscribe am pm a.m. p.m. ai
    later earlier then now still yet instead finally first next last previously separately elsewhere
    overall together indeed thus hence otherwise asked speaking""".split()
)


PLACE_PREFIXES = frozenset("santa san sao saint st. port fort mount lake los las gulf cape".split())


def is_place(name: str) -> bool:
    """True for a country, major city, or a name starting or ending in a place word ("Kursk Oblast")."""
    low = name.lower()
    if low in COUNTRIES or low in CITIES or low in US_STATES:
        return True
    if " " in low and low.split(" ", 1)[0] in PLACE_PREFIXES:
        return True
    last = low.rsplit(" ", 1)[-1]
    return last in PLACE_SUFFIXES and " " in low


def is_org(name: str) -> bool:
    """True for a name with an organisation word or a known news/agency acronym."""
    words = name.lower().replace("\u2019s", "").replace("'s", "").split()
    if any(w in ORG_WORDS for w in words):
        return True
    return len(words) == 1 and (words[0] in ORG_ACRONYMS or (name.isupper() and 2 <= len(name) <= 6))
