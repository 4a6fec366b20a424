"""Unit vocabulary: measurement units, currencies and durations with normalised names.

Normalised names follow common dictionary spelling ("kilometre", "usd", "percent") so
figures from different outlets compare; what a bare count counts ("troops") is found
by the quantity finder, not here. Symbols not in the table are read by a small parser of
SI prefixes, base symbols, exponents and "/" ("km/s2" -> "kilometre per square second").
"""

from __future__ import annotations

import re

from newswire.extractor.numbers import trie_pattern

# ISO codes written before or after a figure ("USD 5 million", "300 million EUR")
_ISO_CODES = "USD EUR GBP CHF CAD AUD JPY CNY INR RUB UAH HKD SGD NZD SEK NOK DKK ZAR BRL MXN KRW TRY ILS NGN".split()
# surface -> (normalised unit, kind). Case-sensitive symbols first; words match any case.
_SYMBOLS: dict[str, tuple[str, str]] = {
    "%": ("percent", "percent"), "km": ("kilometre", "measure"), "km2": ("square kilometre", "measure"),
    "km\u00b2": ("square kilometre", "measure"), "km/h": ("kilometre per hour", "measure"),
    "kph": ("kilometre per hour", "measure"), "mph": ("mile per hour", "measure"),
    "m": ("metre", "measure"), "cm": ("centimetre", "measure"), "mm": ("millimetre", "measure"),
    "nm": ("nanometre", "measure"), "mi": ("mile", "measure"), "sq mi": ("square mile", "measure"),
    "ft": ("foot", "measure"), "kg": ("kilogram", "measure"),
    "g": ("gram", "measure"), "mg": ("milligram", "measure"), "lb": ("pound", "measure"),
    "lbs": ("pound", "measure"), "oz": ("ounce", "measure"), "t": ("tonne", "measure"),
    "L": ("litre", "measure"), "ml": ("millilitre", "measure"),
    "cl": ("centilitre", "measure"), "tbsp": ("tablespoon", "measure"), "tsp": ("teaspoon", "measure"),
    "\u00b0C": ("degree celsius", "measure"), "\u00b0F": ("degree fahrenheit", "measure"),
    "\u00b0": ("degree", "measure"), "W": ("watt", "measure"), "kW": ("kilowatt", "measure"),
    "dB": ("decibel", "measure"), "dBA": ("decibel", "measure"), "dBa": ("decibel", "measure"),
    "MW": ("megawatt", "measure"), "GW": ("gigawatt", "measure"), "kWh": ("kilowatt hour", "measure"),
    "MWh": ("megawatt hour", "measure"), "GWh": ("gigawatt hour", "measure"), "Wh": ("watt hour", "measure"),
    "TWh": ("terawatt hour", "measure"), "eV": ("electronvolt", "measure"), "TeV": ("teraelectronvolt", "measure"),
    "GHz": ("gigahertz", "measure"), "MHz": ("megahertz", "measure"), "Hz": ("hertz", "measure"),
    "KB": ("kilobyte", "measure"), "MB": ("megabyte", "measure"), "GB": ("gigabyte", "measure"),
    "TB": ("terabyte", "measure"), "rpm": ("revolutions per minute", "measure"),
    "hrs": ("hour", "duration"), "hr": ("hour", "duration"), "mins": ("minute", "duration"),
    "min": ("minute", "duration"), "sec": ("second", "duration"), "bpd": ("barrel per day", "measure"),
    "tpd": ("ton per day", "measure"), "ha": ("hectare", "measure"),
    "sq ft": ("square foot", "measure"), "sq km": ("square kilometre", "measure"),
    "sq m": ("square metre", "measure"), "cu ft": ("cubic foot", "measure"), "ppm": ("part per million", "measure"),
    "cu.ft.": ("cubic foot", "measure"), "cu. ft.": ("cubic foot", "measure"), "sq.ft.": ("square foot", "measure"),
    "sq. ft.": ("square foot", "measure"),
    "ppb": ("part per billion", "measure"), "mmBtu": ("million british thermal unit", "measure"),
    "mmBTU": ("million british thermal unit", "measure"), "gal": ("gallon", "measure"),
    "psi": ("pound per square inch", "measure"), "pc": ("percent", "percent"),
    "bps": ("basis point", "percent"),
    "pm": ("picometre", "measure"), "am": ("attometre", "measure"),  # only reached when not a clock time
    "cc": ("cubic centimetre", "measure"),
    "hp": ("horsepower", "measure"), "mpg": ("mile per gallon", "measure"), "mAh": ("milliampere hour", "measure"),
    **{c: (c.lower(), "money") for c in _ISO_CODES},
}
_WORDS: dict[str, tuple[str, str]] = {
    "percent": ("percent", "percent"), "per cent": ("percent", "percent"), "pct": ("percent", "percent"),
    "percentage points": ("percentage point", "percent"), "percentage point": ("percentage point", "percent"),
    "dollars": ("usd", "money"), "dollar": ("usd", "money"), "euros": ("eur", "money"), "euro": ("eur", "money"),
    "pounds sterling": ("gbp", "money"), "yen": ("jpy", "money"), "yuan": ("cny", "money"),
    "rupees": ("inr", "money"), "rubles": ("rub", "money"), "roubles": ("rub", "money"),
    "hryvnias": ("uah", "money"), "hryvnia": ("uah", "money"), "rupee": ("inr", "money"), "ruble": ("rub", "money"),
    "rouble": ("rub", "money"), "francs": ("chf", "money"), "swiss francs": ("chf", "money"),
    "pesos": ("mxn", "money"), "rand": ("zar", "money"), "reais": ("brl", "money"), "shekels": ("ils", "money"),
    "naira": ("ngn", "money"), "lira": ("try", "money"), "kronor": ("sek", "money"), "kroner": ("nok", "money"),
    "renminbi": ("cny", "money"), "ringgit": ("myr", "money"), "rupiah": ("idr", "money"), "baht": ("thb", "money"),
    "dinars": ("dinar", "money"), "riyals": ("sar", "money"), "dirhams": ("aed", "money"),
    "australian dollars": ("aud", "money"), "canadian dollars": ("cad", "money"), "hong kong dollars": ("hkd", "money"),
    "us dollars": ("usd", "money"), "u.s. dollars": ("usd", "money"),
    "horsepower": ("horsepower", "measure"), "decibels": ("decibel", "measure"), "carats": ("carat", "measure"),
    "basis points": ("basis point", "percent"), "basis point": ("basis point", "percent"),
    "magnitude": ("magnitude", "measure"), "bushels": ("bushel", "measure"), "megapixels": ("megapixel", "measure"),
    "terawatt hours": ("terawatt hour", "measure"), "terawatt-hours": ("terawatt hour", "measure"),
    "miles per gallon": ("mile per gallon", "measure"), "miles per hour": ("mile per hour", "measure"),
    "kilometres per hour": ("kilometre per hour", "measure"), "kilometers per hour": ("kilometre per hour", "measure"),
    "cents": ("cent", "money"), "cent": ("cent", "money"),
    "dimes": ("dime", "money"),
    "kilometres": ("kilometre", "measure"), "kilometers": ("kilometre", "measure"),
    "kilometre": ("kilometre", "measure"), "kilometer": ("kilometre", "measure"),
    "square kilometres": ("square kilometre", "measure"), "square kilometers": ("square kilometre", "measure"),
    "square miles": ("square mile", "measure"), "square feet": ("square foot", "measure"),
    "square foot": ("square foot", "measure"), "square mile": ("square mile", "measure"),
    "square metres": ("square metre", "measure"), "square meters": ("square metre", "measure"),
    "square metre": ("square metre", "measure"), "square meter": ("square metre", "measure"),
    "square kilometre": ("square kilometre", "measure"), "square kilometer": ("square kilometre", "measure"),
    "cubic feet": ("cubic foot", "measure"), "cubic foot": ("cubic foot", "measure"),
    "cubic metres": ("cubic metre", "measure"), "cubic meters": ("cubic metre", "measure"),
    "cubic kilometres": ("cubic kilometre", "measure"), "cubic kilometers": ("cubic kilometre", "measure"),
    "cubic centimetres": ("cubic centimetre", "measure"), "cubic centimeters": ("cubic centimetre", "measure"),
    "cubic metre": ("cubic metre", "measure"), "cubic meter": ("cubic metre", "measure"),
    "metres": ("metre", "measure"), "meters": ("metre", "measure"), "metre": ("metre", "measure"),
    "meter": ("metre", "measure"), "centimetres": ("centimetre", "measure"), "centimeters": ("centimetre", "measure"),
    "millimetres": ("millimetre", "measure"), "millimeters": ("millimetre", "measure"),
    "nanometres": ("nanometre", "measure"), "nanometers": ("nanometre", "measure"),
    "nautical miles": ("nautical mile", "measure"), "nautical mile": ("nautical mile", "measure"),
    "miles": ("mile", "measure"), "mile": ("mile", "measure"), "feet": ("foot", "measure"),
    "foot": ("foot", "measure"), "inches": ("inch", "measure"), "inch": ("inch", "measure"),
    "yards": ("yard", "measure"), "yard": ("yard", "measure"), "acres": ("acre", "measure"),
    "hectares": ("hectare", "measure"), "kilograms": ("kilogram", "measure"), "kilogrammes": ("kilogram", "measure"),
    "kilogram": ("kilogram", "measure"), "grams": ("gram", "measure"), "gram": ("gram", "measure"),
    "milligrams": ("milligram", "measure"), "milligram": ("milligram", "measure"),
    "micrograms": ("microgram", "measure"), "microgram": ("microgram", "measure"),
    "millilitres": ("millilitre", "measure"), "milliliters": ("millilitre", "measure"),
    "millilitre": ("millilitre", "measure"), "milliliter": ("millilitre", "measure"),
    "litre": ("litre", "measure"), "liter": ("litre", "measure"), "pound": ("pound", "measure"),
    "ounce": ("ounce", "measure"), "barrel": ("barrel", "measure"), "acre": ("acre", "measure"),
    "hectare": ("hectare", "measure"), "pints": ("pint", "measure"), "pint": ("pint", "measure"),
    "tablespoons": ("tablespoon", "measure"), "tablespoon": ("tablespoon", "measure"),
    "teaspoons": ("teaspoon", "measure"), "teaspoon": ("teaspoon", "measure"),
    "kilobytes": ("kilobyte", "measure"), "megabytes": ("megabyte", "measure"), "gigabytes": ("gigabyte", "measure"),
    "terabytes": ("terabyte", "measure"), "exabytes": ("exabyte", "measure"), "kibibytes": ("kibibyte", "measure"),
    "kilobyte": ("kilobyte", "measure"), "megabyte": ("megabyte", "measure"), "gigabyte": ("gigabyte", "measure"),
    "terabyte": ("terabyte", "measure"), "exabyte": ("exabyte", "measure"), "kibibyte": ("kibibyte", "measure"),
    "bits": ("bit", "measure"), "bit": ("bit", "measure"), "byte": ("byte", "measure"),
    "kilowatt hours": ("kilowatt hour", "measure"), "kilowatt-hours": ("kilowatt hour", "measure"),
    "megawatt hours": ("megawatt hour", "measure"), "gigawatt hours": ("gigawatt hour", "measure"),
    "kelvin": ("kelvin", "measure"), "joules": ("joule", "measure"), "volts": ("volt", "measure"),
    "pennies": ("penny", "money"), "penny": ("penny", "money"), "dime": ("dime", "money"),
    "tonnes": ("tonne", "measure"), "tons": ("ton", "measure"), "ton": ("ton", "measure"),
    "tonne": ("tonne", "measure"),
    "pounds": ("pound", "measure"), "ounces": ("ounce", "measure"), "litres": ("litre", "measure"),
    "liters": ("litre", "measure"), "gallons": ("gallon", "measure"), "gallon": ("gallon", "measure"),
    "barrels": ("barrel", "measure"), "cups": ("cup", "measure"), "cup": ("cup", "measure"),
    "degrees celsius": ("degree celsius", "measure"), "degrees fahrenheit": ("degree fahrenheit", "measure"),
    "degrees": ("degree", "measure"), "megawatts": ("megawatt", "measure"), "gigawatts": ("gigawatt", "measure"),
    "kilowatts": ("kilowatt", "measure"), "watts": ("watt", "measure"), "points": ("point", "measure"),
    "knots": ("knot", "measure"), "calories": ("calorie", "measure"), "bytes": ("byte", "measure"),
    "years": ("year", "duration"), "year": ("year", "duration"), "months": ("month", "duration"),
    "month": ("month", "duration"), "weeks": ("week", "duration"), "week": ("week", "duration"),
    "days": ("day", "duration"), "day": ("day", "duration"), "hours": ("hour", "duration"),
    "hour": ("hour", "duration"), "minutes": ("minute", "duration"), "minute": ("minute", "duration"),
    "seconds": ("second", "duration"), "decades": ("decade", "duration"), "centuries": ("century", "duration"),
    "year-old": ("year of age", "age"), "years old": ("year of age", "age"),
    "month-old": ("month of age", "age"), "months old": ("month of age", "age"),
    "week-old": ("week of age", "age"), "weeks old": ("week of age", "age"),
    "day-old": ("day of age", "age"), "days old": ("day of age", "age"),
    "metric tons": ("tonne", "measure"), "metric tonnes": ("tonne", "measure"),
    "light years": ("light year", "measure"), "light-years": ("light year", "measure"),
    "pp": ("percentage point", "percent"),
}
# singular forms used attributively ("a 500-megawatt plant", "a 10-point lead")
for _k, _v in list(_WORDS.items()):
    if _k.endswith("s") and not _k.endswith(("ies", "ches", "shes", "sses", "xes", "us", "is")):
        _WORDS.setdefault(_k[:-1], _v)
PREFIX_CURRENCY: dict[str, str] = {
    "$": "usd", "us$": "usd", "u.s.$": "usd", "usd": "usd", "\u20ac": "eur", "eur": "eur", "\u00a3": "gbp",
    "gbp": "gbp", "\u00a5": "jpy", "\u20b9": "inr", "rs": "inr", "rs.": "inr", "a$": "aud", "c$": "cad",
    "hk$": "hkd", "cad": "cad", "aud": "aud", "chf": "chf", "\u20bd": "rub", "\u20b4": "uah",
    "r$": "brl", "s$": "sgd", "nz$": "nzd", "\u20a9": "krw", "\u20ba": "try", "\u20aa": "ils", "\u20a6": "ngn",
    "\u20b1": "php", "\u0e3f": "thb",
    **{c.lower(): c.lower() for c in _ISO_CODES},
}


# A unit right after the number (optionally after a space or hyphen); the lookahead stops
# "in" from matching "inches" partially and "m" from matching "men".
UNIT_AFTER: re.Pattern[str] = re.compile(
    r"[ \u00a0]?-?(?:(?P<sym>" + trie_pattern(list(_SYMBOLS)) + r")(?![\w\u00b2])"
    r"|(?i:(?P<word>" + trie_pattern(list(_WORDS)) + r"))\b)"
)
CURRENCY_BEFORE = re.compile(
    r"(?P<cur>US ?\$|U\.S\.\s?\$|HK\$|NZ\$|[ACRS]\$"
    r"|[$\u20ac\u00a3\u00a5\u20b9\u20bd\u20b4\u20a9\u20ba\u20aa\u20a6\u20b1\u0e3f]"
    r"|(?:" + "|".join(_ISO_CODES) + r"|Rs\.?) ?)[ \u00a0]?-?$"
)
# the characters CURRENCY_BEFORE can end on: a cheap gate before the `$`-anchored search
CURRENCY_LAST_CHARS = frozenset("$\u20ac\u00a3\u00a5\u20b9\u20bd\u20b4\u20a9\u20ba\u20aa\u20a6\u20b1\u0e3f."
                                + "".join({c[-1] for c in _ISO_CODES}) + "s")
CURRENCY_AFTER = re.compile(r"[ \u00a0]?(?P<cur>[\u20ac$\u00a3])")


def lookup_unit(sym: str | None, word: str | None) -> tuple[str, str] | None:
    """The normalised unit and kind for a matched unit surface."""
    if sym is not None:
        return _SYMBOLS.get(sym)
    if word is not None:
        return _WORDS.get(word.lower())
    return None


def currency_code(surface: str) -> str:
    """The currency code for a prefix such as "US$" or "€"."""
    return PREFIX_CURRENCY.get(surface.strip().lower().replace(" ", ""), "usd")

# the vocabularies, for the per-language patterns in qlang.py
SYMBOL_UNITS = _SYMBOLS
WORD_UNITS = _WORDS


# Compound symbols ("km/s2", "J/m^2", "fb-1", "mGy", "kWh", "Ma"): SI prefixes on base symbols,
# exponents and "/" read by one small parser instead of listing every combination.
_PREFIXES: dict[str, str] = {
    "y": "yocto", "z": "zepto", "a": "atto", "f": "femto", "p": "pico", "n": "nano", "\u00b5": "micro",
    "\u03bc": "micro", "u": "micro", "m": "milli", "c": "centi", "d": "deci", "da": "deca", "h": "hecto",
    "k": "kilo", "M": "mega", "G": "giga", "T": "tera", "P": "peta", "E": "exa",
}
_BASES: dict[str, str] = {
    "m": "metre", "g": "gram", "s": "second", "J": "joule", "W": "watt", "Wh": "watt hour", "eV": "electronvolt",
    "Hz": "hertz", "B": "byte", "Gy": "gray", "Sv": "sievert", "cd": "candela", "L": "litre", "l": "litre",
    "Pa": "pascal", "N": "newton", "V": "volt", "A": "ampere", "K": "kelvin", "mol": "mole", "Bq": "becquerel",
    "bar": "bar", "t": "tonne", "b": "barn", "C": "coulomb", "F": "farad", "\u03a9": "ohm", "lm": "lumen",
    "lx": "lux", "cal": "calorie", "a": "year", "bit": "bit",
}
_PLAIN: dict[str, str] = {  # atoms that take no prefix
    "h": "hour", "min": "minute", "yr": "year", "d": "day", "ft": "foot", "in": "inch", "mi": "mile", "lb": "pound",
    "oz": "ounce", "gal": "gallon", "\u00b0C": "degree Celsius", "\u00b0F": "degree fahrenheit", "kt": "kilotonne",
}
_LOWER_PREFIX_ONLY = frozenset("V A C F N K L".split())
_ATOMS: dict[str, tuple[str, bool]] = {k: (v, False) for k, v in _PLAIN.items()}
for _b, _n in _BASES.items():
    if _b not in ("b", "a"):  # barn and annum only with a prefix: "fb", "Ma"
        _ATOMS.setdefault(_b, (_n, False))
    for _p, _pn in _PREFIXES.items():
        if not (_p.isupper() and _b in _LOWER_PREFIX_ONLY):  # "TV", "PC", "MA" are acronyms; "kV", "mA" units
            _ATOMS.setdefault(_p + _b, (_pn + _n, True))
for _k, (_n, _kind) in _SYMBOLS.items():
    if " " not in _k and "/" not in _k and _kind != "percent":
        _ATOMS[_k] = (_n, False)
for _p in "kMGTP":
    _ATOMS[_p + "b"] = (_PREFIXES[_p] + "bit", True)
    _ATOMS[_p + "bps"] = (_PREFIXES[_p] + "bit per second", True)
_NOT_UNITS = frozenset("Ms Mr Mrs Dr St No Co Pa Ph Pm Am Ft Mt Ca Mo Md Sa".split())
_WORDLIKE = re.compile(r"[A-Z](?=[a-z]{2,}$)[a-z]*[aeiouy][a-z]*")
_ATOM_MAX = max(len(k) for k in _ATOMS)
_POWER_NAMES = {2: "square ", 3: "cubic "}
_EXP = re.compile(r"\^?(?P<e>[-\u2212\u207b]?[1-4\u00b9\u00b2\u00b3])")
_SUPER = str.maketrans("\u00b9\u00b2\u00b3\u207b\u2212", "123--")
# A run of letters with exponents, "/" and "·" right after a number (or after one space).
UNIT_EXPR = re.compile(
    r"[ \u00a0]?(?P<u>[A-Za-z\u00b5\u03bc\u03a9\u00b0][A-Za-z\u00b5\u03bc\u03a9\u00b0]*"
    r"(?:\^?[-\u2212\u207b]?[1-4\u00b9\u00b2\u00b3](?!\d))?"
    r"(?:[/\u00b7][A-Za-z\u00b5\u03bc\u03a9\u00b0]+(?:\^?[-\u2212\u207b]?[1-4\u00b9\u00b2\u00b3](?!\d))?)*)(?![\w/])"
)


def _split_atoms(part: str) -> list[tuple[str, bool]] | None:
    """Cover a letter run ("kWh", "Js") with unit atoms, longest first; None when it cannot be."""
    if not part:
        return []
    for n in range(min(_ATOM_MAX, len(part)), 0, -1):
        atom = _ATOMS.get(part[:n])
        if atom:
            rest = _split_atoms(part[n:])
            if rest is not None:
                return [atom, *rest]
    return None


_LETTERS = re.compile(r"[A-Za-z\u00b5\u03bc\u03a9\u00b0]+|\^?[-\u2212\u207b]?[1-4\u00b9\u00b2\u00b3]|[/\u00b7]")


def parse_unit_expr(expr: str) -> str | None:
    """The unit name of a symbol expression such as "km/s2" ("kilometre per square second"), "s-1"
    ("inverse second"), "mGy" ("milligray"); None for words and runs that only look like symbols
    ("as", "pm", "cds"): a lower-case run needs an exponent or "/" to count as a unit."""
    if expr.islower() and expr.isalpha() and expr[0] not in "\u00b5\u03bc":
        return None  # most calls: a word after a count ("troops")
    if expr in _NOT_UNITS or _WORDLIKE.fullmatch(expr):
        return None  # "Ms", "Gas": abbreviations and capitalised words that happen to split into atoms
    entries: list[list] = []  # [name, power, in denominator]
    den = False
    for tok in _LETTERS.findall(expr):
        if tok == "/":
            den = True
        elif tok == "\u00b7":
            continue
        elif tok[0].isalpha() or tok[0] in "\u00b5\u03bc\u03a9\u00b0":
            if len(tok) > 2 * _ATOM_MAX:
                return None  # at most two atoms run together; longer runs are words (and would backtrack)
            atoms = _split_atoms(tok)
            if tok[-1] == "s" and len(tok) > 2 and tok[:-1] in _ATOMS:
                atoms = [_ATOMS[tok[:-1]]]  # "GBs": a plural, not gigabyte second
            if not atoms or len(atoms) > 2 or (len(atoms) == 2 and not tok[-1].islower()):
                return None  # run-together symbols are pairs ending lower case ("Js", "Nm"), not "Ltd" or "AK"
            entries += [[name, 1, den] for name, _ in atoms]
        else:
            e = int(tok.lstrip("^").translate(_SUPER))
            if not entries or not e:
                return None
            entries[-1][1] = abs(e)
            entries[-1][2] = entries[-1][2] != (e < 0)
    if not entries:
        return None
    if len(entries) == 1 and entries[0][1] == 1 and not entries[0][2] and (expr in _SYMBOLS or len(expr) == 1):
        return None  # a plain symbol ("km") the symbol table reads with its kind, or a lone letter ("4K")
    num = [_POWER_NAMES.get(p, "") + n for n, p, d in entries if not d]
    dens = [_POWER_NAMES.get(p, "") + n for n, p, d in entries if d]
    if not num:
        return "inverse " + " ".join(dens)
    return " ".join(num) + "".join(" per " + d for d in dens)
