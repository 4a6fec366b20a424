"""Unit vocabulary: measurement units, currencies and durations with normalised names.

Normalised names follow common dictionary spelling ("kilometre", "usd", "percent") so
figures from different outlets compare; what a bare count counts ("troops") is found
by the quantity finder, not here.
"""

from __future__ import annotations

import re

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
    "MW": ("megawatt", "measure"), "GW": ("gigawatt", "measure"), "kWh": ("kilowatt hour", "measure"),
    "MWh": ("megawatt hour", "measure"), "GWh": ("gigawatt hour", "measure"), "Wh": ("watt hour", "measure"),
    "TWh": ("terawatt hour", "measure"), "eV": ("electronvolt", "measure"), "TeV": ("teraelectronvolt", "measure"),
    "GHz": ("gigahertz", "measure"), "MHz": ("megahertz", "measure"), "Hz": ("hertz", "measure"),
    "KB": ("kilobyte", "measure"), "MB": ("megabyte", "measure"), "GB": ("gigabyte", "measure"),
    "TB": ("terabyte", "measure"), "rpm": ("revolutions per minute", "measure"),
    "hrs": ("hour", "duration"), "hr": ("hour", "duration"), "mins": ("minute", "duration"),
    "min": ("minute", "duration"), "sec": ("second", "duration"), "bpd": ("barrel per day", "measure"),
    "tpd": ("ton per day", "measure"), "ha": ("hectare", "measure"),
}
_WORDS: dict[str, tuple[str, str]] = {
    "percent": ("percent", "percent"), "per cent": ("percent", "percent"), "pct": ("percent", "percent"),
    "percentage points": ("percentage point", "percent"), "percentage point": ("percentage point", "percent"),
    "dollars": ("usd", "money"), "dollar": ("usd", "money"), "euros": ("eur", "money"), "euro": ("eur", "money"),
    "pounds sterling": ("gbp", "money"), "yen": ("jpy", "money"), "yuan": ("cny", "money"),
    "rupees": ("inr", "money"), "rubles": ("rub", "money"), "roubles": ("rub", "money"),
    "hryvnias": ("uah", "money"), "cents": ("cent", "money"), "cent": ("cent", "money"),
    "dimes": ("dime", "money"), "pennies": ("penny", "money"),
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
    "metres": ("metre", "measure"), "meters": ("metre", "measure"), "metre": ("metre", "measure"),
    "meter": ("metre", "measure"), "centimetres": ("centimetre", "measure"), "centimeters": ("centimetre", "measure"),
    "millimetres": ("millimetre", "measure"), "millimeters": ("millimetre", "measure"),
    "nanometres": ("nanometre", "measure"), "nanometers": ("nanometre", "measure"),
    "miles": ("mile", "measure"), "mile": ("mile", "measure"), "feet": ("foot", "measure"),
    "foot": ("foot", "measure"), "inches": ("inch", "measure"), "inch": ("inch", "measure"),
    "yards": ("yard", "measure"), "yard": ("yard", "measure"), "acres": ("acre", "measure"),
    "hectares": ("hectare", "measure"), "kilograms": ("kilogram", "measure"), "kilogrammes": ("kilogram", "measure"),
    "kilogram": ("kilogram", "measure"), "grams": ("gram", "measure"), "milligrams": ("milligram", "measure"),
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
}
PREFIX_CURRENCY: dict[str, str] = {
    "$": "usd", "us$": "usd", "u.s.$": "usd", "usd": "usd", "\u20ac": "eur", "eur": "eur", "\u00a3": "gbp",
    "gbp": "gbp", "\u00a5": "jpy", "\u20b9": "inr", "rs": "inr", "rs.": "inr", "a$": "aud", "c$": "cad",
    "hk$": "hkd", "cad": "cad", "aud": "aud", "chf": "chf", "\u20bd": "rub", "\u20b4": "uah",
}


def _alternation(keys: list[str]) -> str:
    return "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))


# A unit right after the number (optionally after a space or hyphen); the lookahead stops
# "in" from matching "inches" partially and "m" from matching "men".
UNIT_AFTER = re.compile(
    r"[ \u00a0]?-?(?:(?P<sym>" + _alternation(list(_SYMBOLS)) + r")(?![\w\u00b2])"
    r"|(?i:(?P<word>" + _alternation(list(_WORDS)) + r"))\b)"
)
CURRENCY_BEFORE = re.compile(
    r"(?P<cur>US ?\$|U\.S\.\s?\$|HK\$|A\$|C\$|[$\u20ac\u00a3\u00a5\u20b9\u20bd\u20b4]"
    r"|(?:USD|EUR|GBP|CHF|CAD|AUD|Rs\.?) ?)[ \u00a0]?-?$"
)
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
