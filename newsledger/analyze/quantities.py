"""Figures in news text: ``find_quantities(text, doc=None) -> list[Quantity]``.

A rule-based reader, no model needed (a spaCy ``Doc`` of the same text, when given, is used
only to find the noun a figure counts). Each :class:`Quantity` carries:

* ``value``: the number with its scale applied ("$9.5 billion" -> 9.5e9, "35m voters" -> 3.5e7,
  but "fell 600m while climbing" -> 600 metres,
  "a dozen" -> 12, "six" -> 6, ".500" -> 0.5);
* ``bound``: ``exact``; ``approx`` (some, about, around, roughly, nearly, almost, an estimated,
  approximately, close to, ~); ``at-least`` (more than, over, at least, upwards of, above,
  in excess of; ``low`` = value); ``at-most`` (up to, as many as, at most, no more than,
  less than, fewer than, under, below, sub-; ``high`` = value); ``range`` ("8 to 13",
  "between 10 and 20", "10-20", "from $10 to $15 billion", "at least $160 million and possibly
  as much as $180 million"; ``low``/``high`` are the smaller and larger end, ``value`` =
  ``low``). Vague plurals are ranges as in the NewsQuant gold:
  "dozens" 12-120, "hundreds" 100-1000, "thousands" 1e3-1e4, "tens of thousands" 1e4-1e5,
  "hundreds of thousands" 1e5-1e6, "millions" 1e6-1e7, "billions" 1e9-1e10;
* ``unit``: a currency as its ISO code (USD, EUR, GBP, JPY, CNY, ...), ``percent``, a
  measurement unit as its symbol (km, mi, kg, mph, GB, ...), ``year-old`` for ages, or the
  noun that is counted ("troops", "personnel", "containers", "years"), with " per X" for rates
  ("USD per month");
* ``concept``: for counted nouns, the fuller noun phrase ("North Korean military personnel",
  "containers of artillery ammunition").

Not figures: calendar dates, years, clock times (see :func:`newsledger.analyze.dates.date_spans`),
ordinals ("22nd", "first"), identifiers after a capitalised word ("Game 2", "iPhone 11",
"S&P 500", "Model 3"), alphanumeric codes (CO2, A320, COVID-19), sports scores ("beat them 2-1"),
vote tallies and odds ("a 12-to-1 vote", "ruled 5-4"), "24/7", phone numbers and numbers inside URLs or e-mail addresses.

A spoken range whose second end leaves its scale unsaid is read with the first end's scale:
"between two billion and two-and-a-half" -> 2e9 to 2.5e9.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from newsledger.model import Quantity

__all__ = ["find_quantities", "UNIT_NAMES", "CURRENCY_NAMES", "normalized_unit", "is_pronoun_one", "word_or_digit"]

# ---------------------------------------------------------------- vocabulary

SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
ABBR_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "b": 1e9, "bn": 1e9,
               "bln": 1e9, "tn": 1e12, "tr": 1e12, "trn": 1e12}
VAGUE = {"dozens": (12, 120), "scores": (20, 200), "hundreds": (100, 1000),
         "thousands": (1e3, 1e4), "millions": (1e6, 1e7), "billions": (1e9, 1e10),
         "trillions": (1e12, 1e13)}
FRACTIONS = {"half": 0.5, "a half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "one-third": 1 / 3,
             "two-thirds": 2 / 3, "two thirds": 2 / 3, "a quarter": 0.25, "one quarter": 0.25,
             "one-quarter": 0.25, "three-quarters": 0.75, "three quarters": 0.75}

# currency prefix -> ISO code (longest first in the regex)
CURRENCY_PREFIX = {
    "US$": "USD", "US $": "USD", "$US": "USD", "USD": "USD", "U.S.$": "USD", "A$": "AUD",
    "AU$": "AUD", "$A": "AUD", "AUD": "AUD", "C$": "CAD", "CA$": "CAD", "CAD": "CAD",
    "NZ$": "NZD", "HK$": "HKD", "HK $": "HKD", "S$": "SGD", "R$": "BRL", "NT$": "TWD", "$": "USD",
    "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP", "PS": "GBP", "¥": "JPY", "JPY": "JPY",
    "Rs.": "INR", "Rs": "INR", "₹": "INR", "INR": "INR", "RM": "MYR", "₩": "KRW", "₽": "RUB",
    "CHF": "CHF", "RMB": "CNY", "CNY": "CNY", "₪": "ILS", "NIS": "ILS", "R": "ZAR", "₦": "NGN",
    "Sh": "KES", "Ksh": "KES", "P": "PHP", "₱": "PHP", "kr": "SEK", "NZD": "NZD", "HKD": "HKD",
    "SGD": "SGD", "ZAR": "ZAR", "KRW": "KRW", "RUB": "RUB", "$C": "CAD",
}
# currency words after the number -> ISO code
CURRENCY_WORDS = {
    "us dollars": "USD", "u.s. dollars": "USD", "american dollars": "USD",
    "australian dollars": "AUD", "australian dollar": "AUD", "canadian dollars": "CAD",
    "canadian dollar": "CAD", "new zealand dollars": "NZD", "hong kong dollars": "HKD",
    "singapore dollars": "SGD", "taiwan dollars": "TWD", "dollars": "USD", "dollar": "USD",
    "euros": "EUR", "euro": "EUR", "pounds sterling": "GBP", "pounds": "GBP", "pound": "GBP",
    "sterling": "GBP", "pence": "GBX", "p": "GBX", "yen": "JPY", "chinese yuan": "CNY",
    "yuan": "CNY", "renminbi": "CNY", "rupees": "INR", "rupee": "INR", "roubles": "RUB",
    "rubles": "RUB", "shekels": "ILS", "shekel": "ILS", "ringgit": "MYR", "won": "KRW",
    "pesos": "MXN", "swiss francs": "CHF", "francs": "CHF", "danish crowns": "DKK",
    "danish kroner": "DKK", "crowns": "DKK", "kroner": "NOK", "kronor": "SEK", "krona": "SEK",
    "rand": "ZAR", "lira": "TRY", "liras": "TRY", "dirhams": "AED", "riyals": "SAR",
    "naira": "NGN", "baht": "THB", "hryvnia": "UAH", "hryvnias": "UAH", "zloty": "PLN",
    "cents": "USD-cent", "cent": "USD-cent", "sen": "MYR-sen", "€": "EUR", "$": "USD", "£": "GBP", "usd": "USD", "eur": "EUR", "gbp": "GBP",
    "jpy": "JPY", "cny": "CNY", "bitcoin": "BTC", "bitcoins": "BTC", "btc": "BTC",
}
CURRENCY_NAMES = {  # ISO code -> the NewsQuant/CQE normalised unit name
    "USD": "dollar", "AUD": "australian dollar", "CAD": "canadian dollar",
    "NZD": "new zealand dollar", "HKD": "hong kong dollar", "SGD": "singapore dollar",
    "TWD": "new taiwan dollar", "BRL": "brazilian real", "EUR": "euro", "GBP": "pound sterling",
    "GBX": "point", "JPY": "japanese yen", "INR": "indian rupee", "MYR": "malaysian ringgit",
    "KRW": "south korean won", "RUB": "russian ruble", "CHF": "swiss franc", "CNY": "chinese yuan",
    "ILS": "shekel", "ZAR": "south african rand", "NGN": "nigerian naira", "KES": "kenyan shilling",
    "PHP": "philippine peso", "SEK": "swedish krona", "DKK": "danish krone", "NOK": "norwegian krone",
    "MXN": "mexican peso", "TRY": "turkish lira", "AED": "uae dirham", "SAR": "saudi riyal",
    "THB": "thai baht", "UAH": "ukrainian hryvnia", "PLN": "polish zloty", "BTC": "bitcoin",
    "USD-cent": "cent", "MYR-sen": "sen",
}

# measurement units after the number: surface (case-sensitive where noted) -> symbol
_UNITS_CI: dict[str, str] = {
    "per cent": "percent", "percent": "percent", "pct": "percent", "pc": "percent",
    "percentage points": "percentage point", "percentage point": "percentage point",
    "basis points": "basis point", "basis point": "basis point", "bps": "basis point",
    "kilometres per hour": "km/h", "kilometers per hour": "km/h", "km/h": "km/h", "kph": "km/h",
    "km/hr": "km/h", "kmh": "km/h", "miles per hour": "mph", "miles an hour": "mph", "mph": "mph",
    "miles per gallon": "mpg", "mpg": "mpg", "metres per second": "m/s", "meters per second": "m/s",
    "m/s": "m/s", "square kilometres": "km2", "square kilometers": "km2", "sq km": "km2",
    "km2": "km2", "square metres": "m2", "square meters": "m2", "square metre": "m2",
    "square meter": "m2", "sq m": "m2", "sqm": "m2", "m2": "m2", "square feet": "sq ft",
    "square foot": "sq ft", "sq ft": "sq ft", "sq. ft.": "sq ft", "square miles": "sq mi",
    "square mile": "sq mi", "kilometres": "km", "kilometers": "km", "kilometre": "km",
    "kilometer": "km", "km": "km", "metres": "m", "meters": "m", "metre": "m", "meter": "m",
    "centimetres": "cm", "centimeters": "cm", "centimetre": "cm", "centimeter": "cm", "cm": "cm",
    "millimetres": "mm", "millimeters": "mm", "millimetre": "mm", "millimeter": "mm", "mm": "mm",
    "micrometres": "μm", "micrometers": "μm", "micrometre": "μm", "micrometer": "μm", "μm": "μm",
    "microns": "μm", "nanometres": "nm", "nanometers": "nm", "nanometre": "nm", "nanometer": "nm",
    "miles": "mi", "mile": "mi", "feet": "ft", "foot": "ft", "ft": "ft", "inches": "in",
    "inch": "in", "yards": "yd", "yard": "yd", "yds": "yd", "kilograms": "kg", "kilogrammes": "kg",
    "kilogram": "kg", "kilos": "kg", "kg": "kg", "grams": "g", "grammes": "g", "gram": "g",
    "milligrams": "mg", "milligram": "mg", "mg": "mg", "micrograms": "μg", "μg": "μg",
    "lbs": "lb", "lb": "lb", "ounces": "oz", "ounce": "oz", "oz": "oz", "tonnes": "t",
    "tonne": "tonne", "tons": "t", "ton": "t", "metric tons": "tonne", "metric tonnes": "tonne", "gigatonnes": "Gt", "gigatons": "Gt",
    "megatonnes": "Mt", "megatons": "Mt", "litres": "l", "liters": "l", "litre": "l", "liter": "l",
    "millilitres": "ml", "milliliters": "ml", "ml": "ml", "gallons": "gal", "gallon": "gal",
    "barrels per day": "bbl/d", "barrels a day": "bbl/d", "barrel-a-day": "bbl/d", "bpd": "bbl/d",
    "barrels": "bbl", "barrel": "bbl", "horsepower": "hp", "hp": "hp", "bhp": "bhp",
    "kilowatt hours": "kWh", "kilowatt-hours": "kWh", "kwh": "kWh", "gigawatt hours": "GWh",
    "gwh": "GWh", "megawatt hours": "MWh", "mwh": "MWh", "kilowatts": "kW", "kilowatt": "kW",
    "kw": "kW", "megawatts": "MW", "megawatt": "MW", "gigawatts": "GW", "gigawatt": "GW",
    "gw": "GW", "watts": "W", "watt": "W", "volts": "V", "volt": "V", "kilovolts": "kV",
    "mah": "mAh", "gigabytes": "GB", "gigabyte": "GB", "gb": "GB", "terabytes": "TB",
    "terabyte": "TB", "tb": "TB", "megabytes": "MB", "megabyte": "MB", "mb": "MB",
    "mbps": "Mbps", "gbps": "Gbps", "megabits per second": "Mbps", "hz": "Hz", "hertz": "Hz",
    "khz": "kHz", "kilohertz": "kHz", "mhz": "MHz", "megahertz": "MHz", "ghz": "GHz",
    "gigahertz": "GHz", "rpm": "rpm", "degrees celsius": "°C", "degrees centigrade": "°C",
    "degree celsius": "°C", "degrees fahrenheit": "°F", "degree fahrenheit": "°F", "°c": "°C",
    "°f": "°F", "degc": "°C", "degf": "°F", "deg c": "°C", "deg f": "°F", "degree c": "°C",
    "degrees c": "°C", "degree f": "°F", "degrees f": "°F", "celsius": "°C", "fahrenheit": "°F",
    "degrees": "°", "degree": "°", "°": "°", "ppm": "ppm", "parts per million": "ppm",
    "ppb": "ppb", "parts per billion": "ppb", "gigapascals": "GPa", "gigapascal": "GPa",
    "gpa": "GPa", "megapascals": "MPa", "mpa": "MPa", "ksi": "ksi", "decibels": "dB",
    "decibel": "dB", "db": "dB", "pound-feet": "lb-ft", "pound-foot": "lb-ft", "lb-ft": "lbf-ft",
    "lb ft": "lbf-ft", "m.p.h.": "mph", "m.p.h": "mph", "newton metres": "Nm", "newton meters": "Nm", "nm": "Nm", "acres": "acre",
    "acre": "acre", "hectares": "ha", "hectare": "ha", "ha": "ha", "calories": "kcal",
    "kcal": "kcal", "knots": "kn", "light-years": "ly", "light years": "ly", "carats": "ct",
    "points": "point", "point": "point", "pts": "point", "ppg": "point per game",
    "rpg": "rebound per game", "apg": "assist per game", "mins": "min", "min": "min",
    "secs": "s", "sec": "s", "hrs": "h", "hr": "h",
}
# case-sensitive unit tokens (single letters and clashes with words)
_UNITS_CS: dict[str, str] = {
    "%": "percent", "m": "m", "g": "g", "l": "l", "L": "l", "W": "W", "V": "V", "C": "°C",
    "F": "°F", "G": "G", "K": "k", "p": "GBX", "s": "s", "t": "t", "ft": "ft", "in": "in",
    "MW": "MW", "GW": "GW", "kW": "kW", "GB": "GB", "TB": "TB", "MB": "MB", "Nm": "Nm",
    "PS": "PS", "HP": "hp", "mAh": "mAh", "x": "times", "WAR": "WAR",
}
UNIT_NAMES = {  # symbol -> the NewsQuant/CQE normalised unit name
    "percent": "percentage", "percentage point": "percentage point", "basis point": "basis point",
    "km/h": "kilometre per hour", "mph": "mile per hour", "mpg": "mile per gallon",
    "m/s": "metre per second", "km2": "square kilometre", "m2": "square metre",
    "sq ft": "square foot", "sq mi": "square mile", "km": "kilometre", "m": "metre",
    "cm": "centimetre", "mm": "millimetre", "μm": "micrometre", "nm": "nanometre", "mi": "mile",
    "ft": "foot", "in": "inch", "yd": "yard", "kg": "kilogram", "g": "gram", "mg": "milligram",
    "μg": "microgram", "lb": "pound-mass", "oz": "ounce", "t": "ton", "tonne": "metric ton",
    "lbf-ft": "foot pound-force", "WAR": "win above replacement", "Gt": "gigaton",
    "Mt": "megaton", "l": "litre", "ml": "millilitre", "gal": "gallon", "bbl/d": "barrel per day",
    "bbl": "barrel", "hp": "horsepower", "bhp": "brake horsepower", "kWh": "kilowatt hour",
    "GWh": "gigawatt hour", "MWh": "megawatt hour", "kW": "kilowatt", "MW": "megawatt",
    "GW": "gigawatt", "W": "watt", "V": "volt", "kV": "kilovolt", "mAh": "milliampere-hour",
    "GB": "gigabyte", "TB": "terabyte", "MB": "megabyte", "Mbps": "megabit per second",
    "Gbps": "gigabit per second", "Hz": "hertz", "kHz": "kilohertz", "MHz": "megahertz",
    "GHz": "gigahertz", "rpm": "revolutions per minute", "°C": "celsius", "°F": "fahrenheit",
    "°": "degree", "ppm": "part per million", "ppb": "parts-per-billion", "GPa": "gigapascal",
    "MPa": "megapascal", "ksi": "kilopound per square inch", "dB": "decibel",
    "lb-ft": "pound-foot", "Nm": "newton metre", "acre": "acre", "ha": "hectare",
    "kcal": "calorie", "kn": "knot", "ly": "light-year", "ct": "carat", "point": "point",
    "point per game": "point per game", "rebound per game": "rebound per game",
    "assist per game": "assist per game", "min": "minute", "s": "second", "h": "hour",
    "G": "generation wireless", "PS": "horsepower", "times": "count", "year-old": "year of age",
    "month-old": "month of age", "week-old": "week of age", "day-old": "day of age",
}

BOUND_WORDS = [
    # (phrase, bound) -- longest first when compiled
    ("more than", "at-least"), ("over", "at-least"), ("at least", "at-least"),
    ("upwards of", "at-least"), ("upward of", "at-least"), ("in excess of", "at-least"),
    ("greater than", "at-least"), ("higher than", "at-least"), ("above", "at-least"),
    ("north of", "at-least"), ("no fewer than", "at-least"), ("no less than", "at-least"),
    ("not less than", "at-least"), ("a minimum of", "at-least"), ("well over", "at-least"),
    ("just over", "at-least"), ("exceeding", "at-least"), ("beyond", "at-least"),
    ("up to", "at-most"), ("as many as", "at-most"), ("as much as", "at-most"),
    ("at most", "at-most"), ("no more than", "at-most"), ("not more than", "at-most"),
    ("less than", "at-most"), ("fewer than", "at-most"), ("under", "at-most"),
    ("below", "at-most"), ("a maximum of", "at-most"), ("just under", "at-most"),
    ("just below", "at-most"), ("shy of", "at-most"), ("a max of", "at-most"),
    ("some", "approx"), ("about", "approx"), ("around", "approx"), ("roughly", "approx"),
    ("nearly", "approx"), ("almost", "approx"), ("an estimated", "approx"),
    ("estimated", "approx"), ("approximately", "approx"), ("approx.", "approx"),
    ("close to", "approx"), ("circa", "approx"), ("an approximate", "approx"),
    ("more or less", "approx"), ("an average of", "approx"), ("on average", "approx"),
    ("~", "approx"), ("nigh on", "approx"), ("the best part of", "approx"),
]

# capitalised words that may precede a figure without making it an identifier
_FUNCTION = set("""a an the and or but of in on at to for from by with without into onto than as
about around over under some nearly almost roughly approximately only just all another more less
fewer at least up between among after before since until during while when where whereas if
though although because so yet nor its their our his her my your these those this that there here
then now also even still just both each every per plus minus nearly some total was were is are be
been has have had will would could should may might must can did does do said says say according
however meanwhile overall last next first second third another other further another
estimated an approximately around while just barely almost nearly exactly precisely well only
""".split())

_SEP_NUM = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_NUM_TOKEN = re.compile(r"(?<![\d.,_])(?P<neg>[-−](?=\d))?(?P<n>" + _SEP_NUM + r")(?![\d])")
_LETTER_PREFIX_OK = re.compile(r"(?:(?<![A-Za-z])(?:PS|RM|Rs|USD|EUR|AUD|GBP|INR|JPY|CHF|CAD|NZD|HKD|SGD|CNY|RMB|NIS|ZAR|KRW|RUB|US|HK|NZ|NT|C|A|S|R)|\$(?:US|A|C))$")
_WORDNUM = "|".join(sorted(list(SMALL) + list(TENS) + list(SCALES) + ["dozen", "a", "an", "and"],
                           key=len, reverse=True))
_WORD_RUN = re.compile(r"\b(?:(?:" + _WORDNUM + r")(?:[\s-]+|(?=\b)))+", re.I)


@dataclass
class _Q:
    start: int
    end: int
    value: float
    num_start: int
    num_end: int
    low: Optional[float] = None
    high: Optional[float] = None
    bound: str = "exact"
    unit: Optional[str] = None
    concept: Optional[str] = None
    has_scale: bool = False
    is_word: bool = False
    currency: Optional[str] = None
    flags: set = field(default_factory=set)


# ---------------------------------------------------------------- word numbers


def _parse_words(words: list[str]) -> Optional[float]:
    """Value of a run of number words ("two hundred and fifty", "a dozen", "twenty-five")."""
    total, current, seen = 0.0, 0.0, False
    for w in words:
        w = w.lower()
        if w in ("and",):
            continue
        if w in ("a", "an"):
            if seen:
                return None
            current = 1.0
            continue
        if w in SMALL:
            current += SMALL[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "dozen":
            current = (current or 1) * 12
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in SCALES:
            total += (current or 1) * SCALES[w]
            current = 0.0
        else:
            return None
        seen = True
    if not seen:
        return None
    return total + current


# ---------------------------------------------------------------- scanning helpers

_CUR_PREFIX_RE = re.compile(
    r"(?:" + "|".join(re.escape(k) for k in sorted(CURRENCY_PREFIX, key=len, reverse=True)) + r")\s?$")
_SCALE_AFTER = re.compile(
    r"(?P<sp>\s*)(?P<s>hundred|thousand|million|billion|trillion|mln|mil|mn|bn|bln|tn|trn|[kmbKMB])(?![\w])",
    re.I)
_UNIT_AFTER_CI = re.compile(
    r"(?P<sp>[\s-]?)(?P<u>" + "|".join(re.escape(k) for k in sorted(_UNITS_CI, key=len, reverse=True))
    + r")(?![\w])", re.I)
_UNIT_AFTER_CS = re.compile(
    r"(?P<sp>\s?)(?P<u>" + "|".join(re.escape(k) for k in sorted(_UNITS_CS, key=len, reverse=True))
    + r")(?![\w])")
_CUR_WORD_AFTER = re.compile(
    r"(?P<sp>\s+|(?=[€$£]))(?P<u>" + "|".join(re.escape(k) for k in sorted(CURRENCY_WORDS, key=len, reverse=True))
    + r")(?![\w])", re.I)
_AGE_AFTER = re.compile(r"(?:\s*-\s*|\s+)(?P<u>year|month|week|day)s?(?:\s*-\s*|\s+)old\b", re.I)
_PER_AFTER = re.compile(
    r"\s*(?:a|an|per|each|every|/)\s*(?P<p>second|minute|hour|day|week|month|year|share|barrel|"
    r"gallon|gram|square foot|square metre|square meter|sq m|sq ft|person|head|game|night|kilogram|kg|"
    r"ton|tonne|litre|liter|mile|ounce|troy ounce|kilowatt hour|kwh|unit|seat)\b",
    re.I)
_BOUND_RE = re.compile(
    r"(?:^|(?<=[\s(\"“]))(?P<b>" + "|".join(re.escape(p) for p, _ in sorted(BOUND_WORDS, key=lambda x: -len(x[0])))
    + r")\s*$", re.I)
_BOUNDS = {p: b for p, b in BOUND_WORDS}
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b", re.I)
_CHANGE_BEFORE = re.compile(
    r"\b(?:by|rose|risen|rise|rises|rising|fell|fall|falls|fallen|falling|dropped|drop|drops|"
    r"increased|increase|increases|decreased|decrease|climbed|climb|jumped|jump|slid|slipped|"
    r"declined|decline|gained|gain|gains|lost|grew|grow|cut|raised|lowered|up|down|surged|"
    r"soared|plunged|plummeted|tumbled|advanced|eased|edged|added|shed|boosted|revised|"
    r"sank|dipped|rallied|spiked|swelled|shrank|widened|narrowed|rebounded|recovered)\s+(?:\S+\s+){0,2}$",
    re.I)
_STOP_AFTER = set("""of the a an and or but in on at to for from by with as than that which who
whom whose is are was were be been being has have had will would could should may might must can
did does do said says say while when where if because so its their his her our my your this these
those there here then now not no also even still just per each every between into onto over under
about around after before since until during against through across up down off out than more
less most least some any all both it he she they we you i them him us me what how why one two
three four five six seven eight nine ten ago later earlier alone apiece respectively each
""".split())


def _masked(text: str, published=None, doc=None) -> list[tuple[int, int]]:
    from newsledger.analyze.dates import date_spans

    spans = date_spans(text, published, doc)
    # sports scores: "beat Charlton 2-1", "a 9-2 lead", "ended 2-2 on aggregate", "tied at 89-89"
    for m in re.finditer(r"(?<![\d.,-])(\d{1,3})\s?[-–]\s?(\d{1,3})(?![\d.,%-])", text):
        before = text[max(0, m.start() - 40):m.start()]
        after = text[m.end():m.end() + 25]
        if re.search(r"\b(?:beat|beats|won|win|wins|lost|lose|loses|drew|draw|defeated|edged|thrashed|routed|"
                     r"tied|trail|trailed|trailing|led|leading|scoreline|score|scored)\b(?:\s+\S+){0,3}\s*$", before, re.I) \
                or re.match(r"\s*(?:win|victory|defeat|loss|lead|draw|on aggregate|home win|away win|scoreline)\b", after, re.I):
            if not re.match(r"\s*(?:%|percent|per cent|[a-z]+s\b(?<!wins)(?<!games))", after):
                spans.append((m.start(), m.end()))
    spans += _tallies(text)
    for rx in (r"\b\d{1,2}:\d{2}(?:[:.]\d+)*(?:\s*[ap]\.?m\.?)?",  # clock and lap times
               r"(?<![\d/])24/7(?![\d/])",  # round the clock
               r"\bhttps?://\S+|\bwww\.\S+|\S+@\S+\.\w+",  # URLs, e-mail
               r"(?<![\w.])(?:\+?\d{1,3}[-. ])?\(?\d{3}\)?[-. ]\d{3}[-. ]\d{4}\b",  # phone numbers
               r"\b\d+(?:-\d+){2,}\b",  # codes 1-800-268-7116, ISO 3888-2-1
               r"\b\d+/\d+/\d+\b",  # 10/18/2024
               r"\b[012]\d[0-5]\d\s*(?:GMT|UTC|BST|CET|EDT|EST|PDT|PST|hrs|hours\b)"):  # 0401 GMT
        spans += [(m.start(), m.end()) for m in re.finditer(rx, text)]
    return spans


_TALLY = re.compile(r"(?<![\d.,-])\d{1,3}\s?(?:-to-|\s+to\s+|[-–])\s?\d{1,3}(?![\d.,%])")
_TALLY_AFTER = re.compile(r"\s*(?:vote|votes|decision|ruling|majority|margin|verdict|split|odds|favou?rite|shot)\b", re.I)
_TALLY_BEFORE = re.compile(r"\b(?:voted|ruled|vote of|decided|split|odds of|odds are)\s*(?:a\s+)?$", re.I)


def _tallies(text: str) -> list[tuple[int, int]]:
    """Vote tallies and odds: "a 12-to-1 vote", "the court ruled 5-4", "odds of 3 to 1"."""
    out = []
    for m in _TALLY.finditer(text):
        if "-to-" in m.group(0) or _TALLY_AFTER.match(text, m.end()) or \
                _TALLY_BEFORE.search(text[max(0, m.start() - 20):m.start()]):
            out.append((m.start(), m.end()))
    return out


_HALF = r"(?:[\s-]+and[\s-]+a[\s-]+half)?"
_SPOKEN_END = r"(?:\d+(?:\.\d+)?|(?:" + "|".join(sorted(list(SMALL) + list(TENS), key=len, reverse=True)) + r")" \
              r"(?:[\s-](?:" + "|".join(SMALL) + r"))?)" + _HALF
_SPOKEN_RANGE = re.compile(r"\bbetween\s+(?P<a>" + _SPOKEN_END + r")\s+(?P<sc>thousand|million|billion|trillion)\s+and\s+"
                           r"(?P<b>" + _SPOKEN_END + r")\b(?![\s-]+(?:thousand|million|billion|trillion|hundred|percent|per\b|%))",
                           re.I)


def _spoken(s: str) -> Optional[float]:
    """"two", "2.5", "two-and-a-half", "twenty five" -> the number."""
    half = re.search(r"[\s-]+and[\s-]+a[\s-]+half$", s, re.I)
    core = s[:half.start()] if half else s
    v = word_or_digit(core)
    return None if v is None else v + (0.5 if half else 0.0)


def _spoken_ranges(text: str) -> list["_Q"]:
    """"between two billion and two-and-a-half": the second end takes the first end's scale."""
    out = []
    for m in _SPOKEN_RANGE.finditer(text):
        a, b = _spoken(m.group("a")), _spoken(m.group("b"))
        if a is None or b is None:
            continue
        sc = SCALES[m.group("sc").lower()]
        lo, hi = sorted((a * sc, b * sc))
        out.append(_Q(m.start("a"), m.end(), lo, m.start("a"), m.end(), low=lo, high=hi, bound="range", has_scale=True,
                      is_word=True, flags={"spoken-range"}))
    return out


_ONE_OF = re.compile(r"\s+of\s+(?:the|a|an|his|her|its|their|our|my|your|those|these|them|us|many|several)\b", re.I)


def is_pronoun_one(text: str, q: Quantity) -> bool:
    """"one of the largest fires": "one" as a pronoun (NewsQuant counts it; a claim's figures do not)."""
    return q.text.lower() == "one" and bool(_ONE_OF.match(text, q.end))


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(s < b and a < e for a, b in spans)


def normalized_unit(q: Quantity) -> str:
    """The NewsQuant/CQE normalised unit name of a quantity's unit ("-" when none)."""
    u = q.unit
    if not u:
        return "-"
    per = ""
    if " per " in u:
        u, per = u.split(" per ", 1)
        psym = _UNITS_CI.get(per.lower())
        per = " per " + (UNIT_NAMES.get(psym, psym) if psym else _singular(per))
    if u in CURRENCY_NAMES:
        return CURRENCY_NAMES[u] + per
    if u in UNIT_NAMES:
        return UNIT_NAMES[u] + per
    if u.lower() == "times":
        return "count" + per
    return _singular(u).lower() + per


def _singular(phrase: str) -> str:
    words = phrase.split()
    if not words:
        return phrase
    w = words[-1]
    lw = w.lower()
    irregular = {"people": "people", "men": "man", "women": "woman", "children": "child",
                 "servicemen": "serviceman", "feet": "foot", "teeth": "tooth", "mice": "mouse",
                 "personnel": "personnel", "staff": "staff", "police": "police", "series": "series",
                 "species": "species", "news": "news", "fishermen": "fisherman"}
    if lw in irregular:
        w = irregular[lw]
    elif lw.endswith("men") and len(lw) > 4:
        w = w[:-3] + "man"
    elif lw.endswith("ies") and len(lw) > 4:
        w = w[:-3] + "y"
    elif re.search(r"(?:ss|sh|ch|x|z)es$", lw) or lw.endswith(("uses", "oes")):
        w = w[:-2]
    elif lw.endswith("s") and not lw.endswith(("ss", "us", "is")) and len(lw) > 2:
        w = w[:-1]
    return " ".join(words[:-1] + [w])


# ---------------------------------------------------------------- main


_INDEX_RE = re.compile(
    r"\b(?:S\s?&\s?P|S\s?P|sp|s&p|FTSE|Stoxx|STOXX|Nikkei|DAX|CAC|ASX|Russell|Fortune|Nasdaq|NASDAQ|"
    r"Dow Jones|Hang Seng|Sensex|Nifty|KOSPI|TSX|MSCI|Euro Stoxx|Inc\.?|Forbes|Billboard|Hot|Global|"
    r"Top|Big|Pac|Formula|Euro|Ligue|Serie|Bundesliga|Championship|Division|League)\s*\d+\b")
_SCI_RE = re.compile(r"(?<![\d.])(?P<m>\d+(?:\.\d+)?)\s*[×x*]\s*10\s*(?:\^|\*\*)?\s*(?P<e>[-−]?\d+)")
_FRAC_RE = re.compile(r"(?<![\d/$.,])(?P<a>\d{1,3})\s*[/⁄]\s*(?P<b>\d{1,4})(?![\d/])(?=\s+of\b|\s*(?:of|th)\b)")
_OUTOF_RE = re.compile(r"\b(?P<a>\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:out\s+)?(?:of|in)\s+(?:every\s+)?"
                       r"(?P<b>\d+|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|a hundred|a thousand)\b(?!\s*(?:%|percent|per cent))"
                       r"(?=\s+[A-Za-z])", re.I)
_FOLD_RE = re.compile(r"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|\d+)-?fold\b", re.I)
_ORD_FRAC = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "fourth": 4, "fourths": 4, "quarter": 4,
             "quarters": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "tenth": 10, "tenths": 10}


def find_quantities(text: str, doc=None, published: Optional[str] = None) -> list[Quantity]:
    """Figures in ``text`` (see the module docstring). ``doc``: optional spaCy Doc of ``text``."""
    if not text:
        return []
    masked = _masked(text, published, doc)
    masked += [(m.start(), m.end()) for m in _INDEX_RE.finditer(text)]
    found = _Found(masked)
    # 0. spoken ranges, scientific notation, fractions, "one in three", "sixfold"
    _find_special(text, found)
    # 1. vague plurals: "tens of thousands", "hundreds of", "dozens of", "millions of"
    _find_vague(text, found)
    # 2. fractions in words: "a third of", "half of", "two-thirds of", "one fourth of"
    _find_word_fractions(text, found)
    # 3. digit numbers, 4. word numbers
    _find_numbers(text, found)
    qs = sorted(found.qs, key=lambda q: q.num_start)
    # 5. ranges written number-to-number ("15 to 22 mph", "$10 to $15 billion", "5-10W")
    qs = _merge_ranges(text, qs, phase=1)
    # 6. units, bounds, counted nouns
    for q in qs:
        if q.unit is None:
            _attach_unit(text, q, doc)
        _attach_bound(text, q)
    # 7. ranges with a unit on both ends ("5 per cent to 7 per cent", "from 208 pounds to 193")
    qs = _merge_ranges(text, qs, phase=2)
    # 8. a figure given with both bounds ("at least $160 million and possibly as much as $180 million")
    qs = _merge_bound_pairs(text, qs)
    return [_quantity(text, q) for q in qs]


class _Found:
    """The figures found so far, the spans they take and the spans no figure may take."""

    def __init__(self, masked: list[tuple[int, int]]):
        self.masked = masked
        self.qs: list[_Q] = []
        self.occupied: list[tuple[int, int]] = []

    def free(self, s: int, e: int, masked: bool = True) -> bool:
        return not _overlaps(self.occupied, s, e) and not (masked and _overlaps(self.masked, s, e))

    def add(self, q: _Q, span: Optional[tuple[int, int]] = None) -> None:
        self.qs.append(q)
        self.occupied.append(span or (q.start, q.end))


def _find_special(text: str, found: _Found) -> None:
    """Spoken ranges, scientific notation, digit fractions, "one in three", "sixfold"."""
    for q in _spoken_ranges(text):
        if not _overlaps(found.masked, q.start, q.end):
            found.add(q)
    for m in _SCI_RE.finditer(text):
        if _overlaps(found.masked, m.start(), m.end()):
            continue
        exp = int(m.group("e").replace("−", "-"))
        found.add(_Q(m.start(), m.end(), float(m.group("m")) * 10.0 ** exp, m.start(), m.end(), flags={"sci"}))
    for m in _FRAC_RE.finditer(text):
        a_, b_ = int(m.group("a")), int(m.group("b"))
        if 0 < a_ < b_ and found.free(m.start(), m.end()):
            found.add(_Q(m.start(), m.end(), a_ / b_, m.start(), m.end(), flags={"fraction"}))
    for m in _OUTOF_RE.finditer(text):
        v = _out_of(text, m)
        if v is not None and found.free(m.start(), m.end()):
            found.add(_Q(m.start(), m.end(), v, m.start(), m.end(), flags={"fraction"}))
    for m in _FOLD_RE.finditer(text):
        n = word_or_digit(m.group("n"))
        if n:
            found.add(_Q(m.start(), m.end(), float(n), m.start(), m.end(), unit="times", flags={"fold"}))


def _out_of(text: str, m: re.Match) -> Optional[float]:
    """The share that "one in three", "3 out of 10", "one in every five" says, else None."""
    a_, b_ = word_or_digit(m.group("a")), word_or_digit(m.group("b"))
    if not (a_ and b_ and a_ < b_):
        return None
    said = m.group(0).lower()
    if re.search(r"\b(?:of|in)\s+(?:every\s+)?$", text[m.start():m.start("b")]) and "out" not in said \
            and not re.match(r"\s+[a-z]", text[m.end():m.end() + 3]):
        return None
    if "out" not in said and not re.search(r"\bevery\b", said) and b_ < 100 and m.group("a").isdigit():
        return None
    return a_ / b_


def _find_vague(text: str, found: _Found) -> None:
    """Vague plurals: "tens of thousands", "hundreds of", "dozens of", "millions of"."""
    for m in re.finditer(r"\b(?:(?P<tens>tens|hundreds)\s+of\s+)?(?P<v>dozens|hundreds|thousands|millions|billions)\b"
                         r"(?=\s+(?:of\b|more\b|[a-z]))", text, re.I):
        if not found.free(m.start(), m.end(), masked=False):
            continue
        lo, hi = VAGUE[m.group("v").lower()]
        if m.group("tens"):
            mult = 10 if m.group("tens").lower() == "tens" else 100
            lo, hi = lo * mult, hi * mult
        found.add(_Q(m.start(), m.end(), lo, m.start(), m.end(), low=lo, high=hi, bound="range", is_word=True,
                     flags={"vague"}))


def _find_word_fractions(text: str, found: _Found) -> None:
    """Fractions in words: "a third of", "half of", "two-thirds of", "one fourth of"."""
    for m in re.finditer(r"\b(?:(?P<n>a|an|one|two|three|four|five|nine|seven)[\s-]+)?(?P<f>half|halves|thirds?|fourths?|quarters?|fifths?|sixths?|tenths?)"
                         r"\s+(?=of\b|the\b)", text, re.I):
        if not found.free(m.start(), m.end(), masked=False):
            continue
        f = m.group("f").lower()
        if not m.group("n") and f != "half":
            continue
        if f == "half" and not m.group("n") and re.search(r"\b(?:first|second|this|the|a|latter|other)\s*$", text[max(0, m.start() - 8):m.start()], re.I):
            continue
        if f.startswith("quarter") and re.match(r"\s+of\s+(?:19|20)\d\d|\s+of\s+(?:the\s+)?(?:year|season|game)", text[m.end("f"):m.end("f") + 20]):
            continue
        n = 1.0 if (m.group("n") or "a").lower() in ("a", "an") else word_or_digit(m.group("n"))
        if not n:
            continue
        e = m.end("f")
        found.add(_Q(m.start(), e, n / _ORD_FRAC[f], m.start(), e, is_word=True, flags={"fraction"}))


def _find_numbers(text: str, found: _Found) -> None:
    """Numbers in digits ("1,500", "$9.5bn"), then in words ("two hundred", "a dozen")."""
    for m in _NUM_TOKEN.finditer(text):
        if _overlaps(found.masked, m.start("n"), m.end()) or _overlaps(found.occupied, m.start(), m.end()):
            continue
        q = _digit_quantity(text, m)
        if q is not None:
            found.add(q, (q.num_start, q.num_end))
    for start, end, words in _word_runs(text):
        if not found.free(start, end):
            continue
        q = _word_quantity(text, start, end, words)
        if q is not None:
            found.add(q, (start, end))


def _quantity(text: str, q: _Q) -> Quantity:
    """The public figure of a working one, its span trimmed of spaces and a trailing hyphen."""
    s, e = q.start, q.end
    while e > s and text[e - 1] in " -\t":
        e -= 1
    while s < e and text[s] in " \t":
        s += 1
    return Quantity(text=text[s:e], start=s, end=e, value=q.value, low=q.low, high=q.high,
                    bound=q.bound, unit=q.unit, concept=q.concept)


def word_or_digit(w: Optional[str]) -> Optional[float]:
    """A number written as digits or as a word ("12", "twelve", "a dozen"), else None."""
    if not w:
        return None
    w = w.lower().strip()
    if w.isdigit():
        return float(w)
    return _parse_words(w.replace("-", " ").split())


_WORD_TOKEN = re.compile(r"[A-Za-z]+")


def _word_runs(text: str):
    """Maximal runs of number words, split where the grammar breaks ("four five" -> 4, 5)."""
    for m in _WORD_RUN.finditer(text):
        toks = [(t.group(0), m.start() + t.start()) for t in _WORD_TOKEN.finditer(m.group(0))]
        groups: list[list[tuple[str, int]]] = []
        cur: list[tuple[str, int]] = []
        state = None  # None | a | small | tens | tensunit | hundred | scale | and
        for w, pos in toks:
            lw = w.lower()
            if lw in ("a", "an"):
                ok = state is None
                nstate = "a"
            elif lw == "and":
                ok = state in ("hundred", "scale")
                nstate = "and"
            elif lw in SMALL:
                ok = state in (None, "tens", "hundred", "scale", "and") and not (state == "tens" and SMALL[lw] >= 10)
                if state == "tens" and SMALL[lw] == 0:
                    ok = False
                nstate = "tensunit" if state == "tens" else "small"
            elif lw in TENS:
                ok = state in (None, "hundred", "scale", "and")
                nstate = "tens"
            elif lw == "hundred":
                ok = state in (None, "a", "small", "tens", "tensunit")
                nstate = "hundred"
            elif lw in SCALES or lw == "dozen":
                ok = state in (None, "a", "small", "tens", "tensunit", "hundred")
                nstate = "scale"
            else:
                ok, nstate = False, None
            if not ok and cur:
                groups.append(cur)
                cur = []
                # restart with this token
                if lw in ("and",):
                    state = None
                    continue
                state = None
                if lw in ("a", "an"):
                    nstate = "a"
                elif lw in SMALL:
                    nstate = "small"
            cur.append((w, pos))
            state = nstate
        if cur:
            groups.append(cur)
        for g in groups:
            while g and g[-1][0].lower() in ("and", "a", "an"):
                g = g[:-1]
            while g and g[0][0].lower() == "and":
                g = g[1:]
            if not g:
                continue
            words = [w for w, _ in g]
            lw0 = words[0].lower()
            if lw0 in ("a", "an"):
                if len(words) == 1:
                    continue
                if words[1].lower() not in SCALES and words[1].lower() not in ("dozen",):
                    g = g[1:]
                    words = words[1:]
            if len(words) == 1 and words[0].lower() in SCALES:
                continue  # a bare "million" after digits is read with the digits
            start = g[0][1]
            end = g[-1][1] + len(g[-1][0])
            yield start, end, words


def _digit_quantity(text: str, m: re.Match) -> Optional[_Q]:
    raw = m.group("n")
    s, e = m.start(), m.end()
    before = text[max(0, s - 30):s]
    after = text[e:e + 40]
    if _no_figure(text, m, before, after):
        return None
    q = _signed(text, m, before)
    if q is None or _identifier_before(raw, before, after):
        return None
    _currency_before(text, q, s)
    _apply_scales(text, q)
    return q


_UNIT_OR_SCALE_AFTER = re.compile(
    r"(?:" + "|".join(re.escape(k) for k in sorted(set(_UNITS_CI) | set(_UNITS_CS) | set(ABBR_SCALES) | {"x"},
                                                   key=len, reverse=True)) + r")(?![a-z])", re.I)


def _no_figure(text: str, m: re.Match, before: str, after: str) -> bool:
    """Digits that are no figure: ordinals, codes (S23, CO2, 3D, A320neo), a player's number,
    a year or decade with an "s" ("2018s", "1990s")."""
    raw, s = m.group("n"), m.start()
    if _ORDINAL_AFTER.match(after):
        return True
    if not m.group("neg") and s > 0 and text[s - 1].isalpha() and not (_LETTER_PREFIX_OK.search(before) and _CUR_PREFIX_RE.search(before)):
        return True  # S23, CO2, mk5 (but RM23.50, USD10m, $US160, PS2.7m are money)
    if s > 0 and text[s - 1] == "-" and re.search(r"[A-Za-z]-$", before):
        return True  # never reached for "-" + digits (the sign is part of the match)
    if re.match(r"\s*\)", after) and re.search(r"[A-Z][a-z]+\s+\(\s*$", before) and "." not in raw and len(raw) <= 2:
        return True  # a player's number "Dak Prescott (4)"
    if re.match(r"s\b", after) and re.fullmatch(r"(?:1[89]|20)\d\d", raw):
        return True  # "2018s best performing sector" (year + lost apostrophe)
    if re.match(r"[A-Za-z]", after) and not _UNIT_OR_SCALE_AFTER.match(after):
        return True  # 3D, 4x4 codes, A320neo; "1990s" is a decade (dates), "80s"
    try:
        float(raw.replace(",", ""))
    except ValueError:
        return True
    return False


def _signed(text: str, m: re.Match, before: str) -> Optional[_Q]:
    """The figure with its sign: "minus 5", "-3" (but "sub-7", "now-18" join with a hyphen, and
    COVID-19 or "10-20" hold no negative number: None)."""
    s, e = m.start(), m.end()
    q = _Q(s, e, float(m.group("n").replace(",", "")), s, e)
    neg = bool(m.group("neg"))
    if neg:
        if re.search(r"\bminus$", before, re.I):
            q.start = s - 5
        elif re.search(r"\b(?:sub|now|then|to|over|under|about|nearly|some|around|from|by|up|and|or|top|mid)$", before, re.I):
            neg = False  # a joining hyphen: "sub-7", "now-18", "to-260,000"
            q.start = q.num_start = s + 1
            if re.search(r"\bsub$", before, re.I):
                q.flags.add("sub")
        elif re.search(r"[A-Za-z]$", before):
            return None  # COVID-19, V-12, F-35
        elif re.search(r"\d$", before) or re.search(r"\d\s+$", before) and text[e:e + 1] not in ("%",):
            return None  # "10-20" is a range, not a negative number
    elif re.search(r"\bminus\s+$", before, re.I):
        neg = True
        q.start = s - len(re.search(r"minus\s+$", before, re.I).group(0))
    if neg:
        q.value = -q.value
    return q


def _identifier_before(raw: str, before: str, after: str) -> bool:
    """A number that names rather than counts: "category 4 hurricane", "No. 10", and after a
    capitalised word: "Game 2", "iPhone 11", "S&P 500", "Section 427"."""
    if re.search(r"\b(?:category|level|grade|stage|phase|type|number|version|chapter|section|article|"
                 r"row|seat|gate|platform|terminal|room|route|flight|tier|step|no\.|nos\.|#)\s*$", before, re.I) \
            and "," not in raw and not re.match(r"\s*(?:%|percent|per cent)", after):
        return True
    prev = re.search(r"(?P<w>[A-Za-z][\w&.'’]*)\s+$", before)
    if not prev or re.search(r"[$€£¥]\s*$", before):
        return False
    w = prev.group("w")
    if (w[0].isupper() or re.match(r"[a-z]+[A-Z]", w)) and w.lower().rstrip(".") not in _FUNCTION \
            and w.rstrip(".").lower() not in CURRENCY_PREFIX and w not in CURRENCY_PREFIX \
            and w.rstrip(".").lower() not in ("no",) \
            and not _UNIT_AFTER_CI.match(after) and not re.match(r"\s*(?:%|percent|per cent|million|billion|bn|m\b)", after, re.I):
        return not re.match(r"[,.]\d", raw[-4:] if len(raw) > 4 else "x") and "," not in raw
    return False


def _currency_before(text: str, q: _Q, s: int) -> None:
    """A currency sign or code before the number at ``s`` ("$58", "US $58", "R100", "USD10m")."""
    cm = _CUR_PREFIX_RE.search(text[max(0, s - 6):s])
    if not cm:
        if re.search(r"\$\s?[-−]$", text[max(0, s - 3):s]):
            q.currency = "USD"
        return
    sym = cm.group(0).strip()
    # single-letter prefixes only when directly attached (R100, P500)
    if sym in ("R", "P", "Sh", "kr", "PS", "RM", "Rs") and not re.search(r"(?<![A-Za-z])" + re.escape(sym) + r"$", text[max(0, s - 6):s]):
        return
    if sym in ("R", "P", "Sh", "kr") and not re.search(r"\b" + re.escape(sym) + r"$", text[max(0, s - 6):s]):
        return
    q.currency = CURRENCY_PREFIX[sym]
    q.start = s - len(cm.group(0))
    more = re.search(r"\b(US|HK|NZ|A|C|S)\s$", text[max(0, q.start - 4):q.start])  # "US $58", "HK $216"
    if more and sym == "$":
        q.currency = CURRENCY_PREFIX[more.group(1) + "$"]
        q.start -= len(more.group(0))


def _apply_scales(text: str, q: _Q) -> None:
    """Scale words after the number ("2 million", "4 hundred million", "$1.762bn", "35m", "4.3M", "1mil")."""
    pos = q.end
    while True:
        sm = _SCALE_AFTER.match(text, pos)
        if not sm or not _scale_applies(text, sm, q):
            break
        scl = sm.group("s").lower()
        q.value *= SCALES.get(scl) or ABBR_SCALES[scl]
        q.end = q.num_end = pos = sm.end()
        q.has_scale = True


def _scale_applies(text: str, sm: re.Match, q: _Q) -> bool:
    """Whether the scale word ``sm`` after the figure multiplies it ("k", "b", "m" only glued on)."""
    sc = sm.group("s")
    scl = sc.lower()
    attached = sm.group("sp") == ""
    if scl in SCALES:
        return True
    if scl in ("mn", "bn", "bln", "tn", "trn", "mln", "mil") and (attached or q.currency):
        return True
    if q.has_scale or not attached:
        return False
    if scl == "k":
        return sc == "k" or bool(q.currency)
    if scl == "b":
        return bool(q.currency) or sc == "B"
    if sc == "M":
        return True
    return sc == "m" and (bool(q.currency) or _glued_m_is_million(text, q.num_start, sm.end()))


# after a glued "m": a length for sure ("600m tall", "the 400m hurdles"), or nothing counted
# (the clause ends, a preposition or conjunction follows) so the sentence says which
_M_LENGTH_NEXT = re.compile(
    r"\s*(?:tall|long|high|wide|deep|above|below|beneath|away|sprint|race|run|dash|freestyle|hurdles|"
    r"backstroke|breaststroke|butterfly|medley|relay|squared|metres|meters|x\b|of (?:water|snow|rain|height|depth))",
    re.I)
_M_NOTHING_COUNTED = re.compile(
    r"\s*(?:\(|-|[.,;:)!?]|$|(?:under|in|from|of|to|and|or|by|down|up|into|while|when|on|at|before|after)\b)", re.I)
_M_WITHIN = re.compile(r"\bwithin\s+(?:about\s+|some\s+|just\s+)?$", re.I)  # "within 80m of their goal"
_M_PARTITIVE = re.compile(r"\s*of\s+(?:its|their|his|her|our|your|these|those)\b", re.I)  # "35m of its devices"
_LENGTH_CUE = re.compile(
    r"\b(?:height|tall|high|deep|depth|long|length|wide|width|distance|altitude|elevation|sea level|summit|"
    r"peak|mountain|cliff|climbers?|mountaineers?|descen\w*|plunged|swim\w*|swam|sprint\w*|dive|dived|tower|"
    r"runway|tunnel|shaft|ridge|slope|crevasse|metres|meters|feet|kilometres|kilometers|miles)\b", re.I)
_MONEY_CUE = re.compile(
    r"\b(?:pa(?:y|id|ys|ying)|cost\w*|worth|pric\w*|budget\w*|revenues?|sales|turnover|profits?|loss(?:es)?|"
    r"debts?|deficit|fund\w*|bid|offer\w*|valu\w*|spen[dt]\w*|invest\w*|fees?|tax\w*|income|salar\w*|wages?|"
    r"bonus\w*|fine[ds]?|compensation|damages|loans?|cash|earn\w*|deal|contract|grants?|subsid\w*|capital|"
    r"dividends?|bonds?|euros?|dollars?|pounds|sterling|bail-?out|takeover|acquisition|bought|sold|buy|sell|"
    r"people|population|(?:resident|inhabitant|citizen|user|viewer|voter|vote|subscriber|customer|passenger|"
    r"visitor|tourist|reader|listener|follower|fan|download|cop(?:y|ie))s?)\b", re.I)


def _glued_m_is_million(text: str, start: int, end: int) -> bool:
    """Whether "600m" (no currency; ``end`` just after the "m") counts millions: when a noun it
    counts follows ("40m voters", "35m of its devices"), or when nothing counted follows and its
    sentence is about money or people, not height, distance or depth ("revenue reached 600m."
    against "fell about 600m while climbing", "within 80m of their hut"). ``start``: the number's."""
    nxt = text[end:end + 25]
    if _M_LENGTH_NEXT.match(nxt) or _M_WITHIN.search(text[max(0, start - 20):start]):
        return False
    if _M_PARTITIVE.match(nxt) or not _M_NOTHING_COUNTED.match(nxt):
        return True
    sentence = _sentence_around(text, end)
    return _MONEY_CUE.search(sentence) is not None and _LENGTH_CUE.search(sentence) is None


def _sentence_around(text: str, pos: int, reach: int = 150) -> str:
    """The sentence holding ``pos`` (at most ``reach`` characters either side)."""
    left = text[max(0, pos - reach):pos]
    right = text[pos:pos + reach]
    lm = list(re.finditer(r"[.!?]\s|\n", left))
    rm = re.search(r"[.!?](?:\s|$)|\n", right)
    return left[lm[-1].end() if lm else 0:] + right[:rm.start() if rm else len(right)]


def _word_quantity(text: str, start: int, end: int, words: list[str]) -> Optional[_Q]:
    lw = [w.lower() for w in words]
    before = text[max(0, start - 20):start]
    after = text[end:end + 30]
    if lw == ["one"]:
        if re.search(r"\b(?:no|any|every|some|each|this|that|the|which|last|next|same|little|such|"
                     r"big|new|old|right|wrong|only|anyone|someone|another|other|a)\s*$", before, re.I) \
                and not re.match(r"\s+of\b", after):
            return None
        if re.match(r"\s*(?:another|\d)", after, re.I):
            return None
    # compound adjectives "three-year", "six-speed", "four-door" (but ages "18-year-old" stay)
    if re.match(r"-[A-Za-z]", after) and not _AGE_AFTER.match(text, end) and not re.match(r"-(?:and|or)\b", after):
        return None
    # identifiers: "Kick Six", "BBC One", "Formula One", "Apollo Eleven"
    if words[0][0].isupper():
        prev = re.search(r"([A-Za-z][\w&.'’]*)\s+$", before)
        if prev and prev.group(1)[0].isupper() and prev.group(1).lower().rstrip(".") not in _FUNCTION \
                and not re.search(r"[.!?:]\s+$", before):
            return None
        if re.match(r"\s+[A-Z][a-z]", after) and len(words) == 1 and not re.search(r"(?:^|[.!?]\s+|\n)$", before):
            return None
    value = _parse_words(words)
    if value is None:
        return None
    q = _Q(start, end, value, start, end, is_word=True,
           has_scale=any(w in SCALES and w != "hundred" for w in lw))
    cm = _CUR_PREFIX_RE.search(text[max(0, start - 6):start])
    if cm and cm.group(0).strip() in ("$", "€", "£", "¥"):
        q.currency = CURRENCY_PREFIX[cm.group(0).strip()]
        q.start = start - len(cm.group(0))
    return q


def _head_noun_from_doc(doc, q: _Q):
    """(unit phrase, concept phrase, end offset) for the noun a figure counts, via the parse."""
    span = doc.char_span(q.num_start, q.num_end, alignment_mode="expand")
    if span is None:
        return None
    last = span[-1]
    head = _head_up(doc, last)
    if head is last:
        nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
        if nxt is not None and nxt.pos_ == "NOUN" and nxt.tag_ in ("NNS", "NN") and nxt.idx >= q.end - 1:
            head = nxt
        elif nxt is not None and nxt.lower_ == "of" and last.i + 2 < len(doc):
            return _of_complement(doc, last)
        else:
            return None
    if head.pos_ not in ("NOUN", "PROPN") or head.i <= last.i:
        return None
    if head.tag_ in ("NNP",) and head.pos_ == "PROPN":
        return None
    if head.i - last.i > 6:
        return None
    # unit: head plus lowercase noun compounds right before it, each word whole ("co-workers")
    first = head
    while first.i - 1 > last.i and doc[first.i - 1].dep_ == "compound" and doc[first.i - 1].pos_ == "NOUN" \
            and doc[first.i - 1].text.islower():
        first = doc[first.i - 1]
    lo, hi = _whole_word_start(doc, first.i, last.i + 1), _whole_word_end(doc, head.i)
    unit = doc[lo:hi + 1].text
    # concept: everything from after the number to the head, plus an "of ..." complement
    cend = hi + 1
    if cend < len(doc) and doc[cend].lower_ == "of":
        for child in doc[cend].subtree:
            cend = max(cend, child.i + 1)
    concept = _clean_concept(doc[last.i + 1:cend].text)
    return unit, concept, doc[hi].idx + len(doc[hi].text)


def _head_up(doc, last):
    """The noun after a number that the number (or its modifier chain) hangs on, else ``last``."""
    head = last
    for _ in range(3):  # walk "nummod"/"quantmod" up to a noun after the number
        if head.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and head.head.i > head.i \
                and head.head.pos_ in ("NOUN", "PROPN", "NUM", "ADJ"):
            head = head.head
        else:
            break
    return head


def _of_complement(doc, last):
    """"millions of Americans", "one of the best speakers", "thousands of job cuts": the noun of
    the "of" phrase after the number, as (unit, concept, None); None when there is none."""
    j = last.i + 2
    while j < len(doc) and doc[j].pos_ in ("DET", "ADJ", "ADV", "NUM", "PROPN", "NOUN", "PART") and j < last.i + 8:
        if doc[j].pos_ == "NOUN" and (j + 1 >= len(doc) or doc[j + 1].pos_ != "NOUN"):
            break
        j += 1
    if j >= len(doc) or doc[j].pos_ not in ("NOUN", "PROPN"):
        return None
    head = doc[j]
    first = head
    while first.i - 1 > last.i + 1 and doc[first.i - 1].dep_ == "compound":
        first = doc[first.i - 1]
    lo, hi = _whole_word_start(doc, first.i, last.i + 2), _whole_word_end(doc, head.i)
    return doc[lo:hi + 1].text, doc[last.i + 2:hi + 1].text, None


# prefixes that are no word of their own: a noun the parse cuts after one ("co", "-", "workers")
# is the whole hyphenated word ("co-workers", "ex-soldiers", "step-children")
_PREFIXES = {"co", "ex", "non", "anti", "pre", "post", "sub", "vice", "self", "step", "great", "half", "semi",
             "multi", "inter", "pro"}


def _prefix_glued(doc, i: int) -> bool:
    """Whether token i is a prefix glued by a hyphen to an alphabetic token i + 2 ("co", "-", "workers")."""
    return doc[i].lower_ in _PREFIXES and i + 2 < len(doc) and doc[i + 1].text == "-" \
        and not doc[i].whitespace_ and not doc[i + 1].whitespace_ and doc[i + 2].is_alpha


def _whole_word_end(doc, i: int) -> int:
    """The last token of the hyphenated word that the prefix token i begins, else i."""
    while _prefix_glued(doc, i):
        i += 2
    return i


def _whole_word_start(doc, i: int, floor: int) -> int:
    """The first token (not before ``floor``) of the word whose prefix token i - 2 is glued on, else i."""
    while i - 2 >= floor and _prefix_glued(doc, i - 2):
        i -= 2
    return i


def _clean_concept(c: str) -> str:
    """Cut a concept at a line break, a comma/semicolon or a coordination inside its complement."""
    c = re.split(r"\s*\n|\s*[,;:(]\s*|\s+(?:and|or)\s+(?=\w)", c.strip())[0]
    return c.strip()


def _head_noun_heuristic(text: str, q: _Q):
    """Without a parse: the capitalised/lowercase words after the figure up to a function word."""
    after = text[q.end:q.end + 80]
    m = re.match(r"\s+((?:[A-Za-z][\w'’-]*\s+){0,4}?[A-Za-z][\w'’-]*?)(?=[\s,.;:!?)\"”]|$)", after)
    if not m:
        return None
    words = []
    for w in re.findall(r"[A-Za-z][\w'’-]*", after[:200]):
        if w.lower() in _STOP_AFTER or len(words) >= 4:
            break
        words.append(w)
        # stop at an -ed / -ing verb after at least one word
    while words and re.search(r"(?:ed|ing|ly)$", words[-1]) and len(words) > 1:
        words.pop()
    if not words:
        return None
    if re.search(r"(?:ed|ly)$", words[0]) and len(words) == 1:
        return None
    head = words[-1]
    if head[0].isupper() and not all(w[0].isupper() for w in words):
        return None
    if all(w[0].isupper() for w in words) and not head.endswith("s"):
        return None
    concept = " ".join(words)
    rest = after[after.find(head) + len(head):]
    of = re.match(r"\s+of\s+((?:[A-Za-z-]+[ \t]+){0,3}[A-Za-z-]+)", rest)
    if of and not re.match(r"(?:the|a|an|his|her|its|their)\b", of.group(1)):
        comp = []
        for w in of.group(1).split():
            if w.lower() in _STOP_AFTER:
                break
            comp.append(w)
        if comp:
            concept += " of " + " ".join(comp)
    lower = [w for w in words if w.islower()]
    unit = head if not lower else " ".join(words[len(words) - len(_trailing_lower(words)):])
    return unit, concept, None


def _trailing_lower(words: list[str]) -> list[str]:
    out = []
    for w in reversed(words):
        if not w.islower():
            break
        out.append(w)
    return list(reversed(out))


def _attach_unit(text: str, q: _Q, doc) -> None:
    if q.flags & {"vague", "fraction"} and doc is None:
        om = re.match(r"\s+of\s+(?:the\s+)?", text[q.end:q.end + 12])
        if om:
            probe = _Q(q.end + om.end() - 1, q.end + om.end() - 1, q.value, q.end + om.end() - 1, q.end + om.end() - 1)
            probe.end = probe.start = q.end + om.end()
            probe.end = q.end + om.end() - 1 if text[q.end + om.end() - 1] == " " else probe.end
            _attach_unit_at(text, probe)
            if probe.unit:
                q.unit, q.concept = probe.unit, probe.concept
            return
    e = q.end
    after = text[e:e + 40]
    if q.currency:
        q.unit = q.currency
        # "$6.8 million", "US$ per barrel"
        cw = _CUR_WORD_AFTER.match(text, q.end)
        if cw and cw.group("u").lower() not in ("p", "won", "rand", "cent", "cents"):
            q.end = cw.end()
    else:
        # ages: "18-year-old", "a 50 year-old", "Maddon, 66, said", "aged 25"
        am = _AGE_AFTER.match(text, e)
        if am:
            q.unit = am.group("u").lower() + "-old"
            q.end = am.end()
            return
        if q.value == int(q.value) and 0 < q.value < 120 and not q.is_word and q.bound == "exact" and (
                re.search(r"\b[A-Z][a-z]+,\s*$", text[max(0, q.start - 30):q.start]) and re.match(r"\s*,", text[e:e + 3])
                or re.search(r"\baged\s+$", text[max(0, q.start - 8):q.start])):
            q.unit = "year-old"
            return
        cw = _CUR_WORD_AFTER.match(text, e)
        um_cs = _UNIT_AFTER_CS.match(text, e)
        um_ci = _UNIT_AFTER_CI.match(text, e)
        if cw and (not um_ci or len(cw.group(0)) >= len(um_ci.group(0))) and cw.group("u").lower() not in ("p", "won", "pound", "dollar", "euro"):
            q.unit = CURRENCY_WORDS[cw.group("u").lower()]
            q.end = cw.end()
        elif um_ci and (not um_cs or len(um_ci.group("u")) >= len(um_cs.group("u"))) \
                and not (um_ci.group("sp") == " " and um_ci.group("u").lower() in ("in", "ha", "nm")):
            u = um_ci.group("u")
            sym = _UNITS_CI[u.lower()]
            if u.lower() == "nm" and u == "nm":
                sym = "nm"
            q.unit = sym
            q.end = um_ci.end()
        elif um_cs:
            u = um_cs.group("u")
            sym = _UNITS_CS[u]
            sp = um_cs.group("sp")
            if u in ("in", "t", "s", "x", "F", "C", "V", "W", "G", "K", "L", "l", "g", "m", "p", "PS") and sp:
                if not (u in ("C", "F") and re.search(r"°\s*$", text[e - 2:e])):
                    sym = None  # single letters only when attached ("5G", "164p", "10W")
            if u == "x" and not sp:
                sym = "times"
            if u == "K":
                sym = None
            if sym:
                q.unit = sym
                q.end = um_cs.end()
        if q.unit is None:
            dm = re.match(r"\s*°\s*([CF])?\b", text[e:e + 4])
            if dm:
                q.unit = "°" + (dm.group(1) or "")
                q.end = e + dm.end()
    # rates: "$3500 a month", "78,000 times a minute"
    if q.unit:
        pm = _PER_AFTER.match(text, q.end)
        if pm and not re.match(r"\s*(?:a|an)\s+(?:year|month|week|day)\s+(?:ago|earlier|later|before)", text[q.end:q.end + 30]):
            q.unit = f"{q.unit} per {pm.group('p').lower()}"
            q.end = pm.end()
        return
    # counted noun
    res = None
    if doc is not None:
        try:
            res = _head_noun_from_doc(doc, q)
        except Exception:  # a parse that does not line up: fall back
            res = None
    if res is None and doc is None:
        res = _head_noun_heuristic(text, q)
    if res:
        unit, concept, _ = res
        q.unit = unit
        q.concept = concept if concept and concept != unit else None
        last = unit.split()[-1] if unit else ""
        idx = text.find(last, q.end, q.end + 60) if last else -1
        if idx >= 0:
            pm = _PER_AFTER.match(text, idx + len(last))
            if pm and not re.match(r"\s*(?:a|an)\s+\w+\s+(?:ago|earlier|later|before)", text[idx + len(last):idx + len(last) + 30]):
                q.unit = f"{unit} per {pm.group('p').lower()}"


def _attach_unit_at(text: str, q: _Q) -> None:
    """Unit of a vague plural's complement ("thousands of troops", "tens of thousands of dollars")."""
    cw = _CUR_WORD_AFTER.match(text, q.end)
    um = _UNIT_AFTER_CI.match(text, q.end)
    if cw and cw.group("u").lower() not in ("p", "won", "pound", "sterling", "rand"):
        q.unit = CURRENCY_WORDS[cw.group("u").lower()]
    elif um and um.group("sp"):
        q.unit = _UNITS_CI[um.group("u").lower()]
    else:
        res = _head_noun_heuristic(text, q)
        if res:
            q.unit, concept, _ = res
            q.concept = concept if concept != q.unit else None


def _attach_bound(text: str, q: _Q) -> None:
    if "sub" in q.flags:
        q.bound, q.high, q.start = "at-most", q.value, q.start - 4
        return
    if q.bound == "range":
        return
    before = text[max(0, q.start - 30):q.start]
    bm = _BOUND_RE.search(before)
    if not bm and re.search(r"\bsub-$", before, re.I):
        q.bound, q.high = "at-most", q.value
        q.start -= 4
        return
    if not bm:
        if re.match(r"\+|-plus\b|\s*plus\b(?!\s+\d)", text[q.end:q.end + 6]):
            q.bound, q.low = "at-least", q.value
            pm = re.match(r"\+|-plus\b|\s*plus\b", text[q.end:q.end + 6])
            q.end += pm.end()
        return
    phrase = re.sub(r"\s+", " ", bm.group("b").lower())
    bound = _BOUNDS.get(phrase)
    if bound is None:
        return
    # "some" and "over"/"under"/"above"/"below" need care: "over 10 years" is fine,
    # "some 10,000 troops" approx; but not "in some 3 cases"? keep simple.
    if phrase in ("under", "over", "above", "below", "beyond") and re.search(r"\b(?:the|a|an)\s+$", before):
        return
    q.bound = bound
    q.start = q.start - (len(before) - bm.start("b"))
    if bound == "at-least":
        q.low = q.value
    elif bound == "at-most":
        q.high = q.value


_RANGE_SEP = re.compile(r"\s*(?:-|–|—|to-|to|and|through|thru)\s*$", re.I)


_SCORE_BEFORE = re.compile(
    r"\b(?:beat|beats|won|win|wins|lost|lose|draw|drew|drawn|score|scored|at|victory|defeat|lead|led|"
    r"leading|trail|trailed|trailing|record|series|tie|tied|ended|finished|edged|thrashed|"
    r"routed|down|up)\s*$", re.I)


def _merge_ranges(text: str, qs: list[_Q], phase: int) -> list[_Q]:
    out: list[_Q] = []
    i = 0
    while i < len(qs):
        a = qs[i]
        if i + 1 < len(qs) and a.bound != "range" and qs[i + 1].bound != "range" \
                and not ({"fraction", "sci", "fold"} & (a.flags | qs[i + 1].flags)):
            merged = _try_range(text, a, qs[i + 1], phase)
            if merged is not None:
                out.append(merged)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _try_range(text: str, a: _Q, b: _Q, phase: int) -> Optional[_Q]:
    gap = text[a.end:b.start]
    if len(gap) > 12:
        return None
    sep = re.fullmatch(r"\s*(-|–|—|to-|to|and|through|thru)\s*", gap, re.I)
    if not sep:
        return None
    conn = sep.group(1).lower()
    before = text[max(0, a.start - 40):a.start]
    if phase == 2:
        if b.bound != "exact" or a.bound not in ("exact", "approx", "at-most"):
            return None
        before = text[max(0, a.start - 40):a.start]
    has_from = bool(re.search(r"\b(?:from|between|range|ranging|ranges|ranged)\s*$", before, re.I))
    if phase == 2:
        if a.bound == "at-most" and not re.search(r"\bfrom\s+up\s+to\s*$", text[max(0, a.start - 20):a.start + 6], re.I) \
                and not re.search(r"\bfrom\s*$", before, re.I):
            return None
        if a.bound == "at-most":
            has_from = True
        if not a.unit and not a.currency:
            return None
        ua = normalized_unit(_to_q(a))
        ub = normalized_unit(_to_q(b)) if (b.unit or b.currency) else None
        if ub is not None and ua != ub:
            return None
        if ub is None and not has_from:
            return None
    if conn == "and" and not re.search(r"\bbetween\s*$", before, re.I):
        return None
    if conn in ("to", "to-", "through", "thru") and not has_from and _CHANGE_BEFORE.search(before):
        return None
    if conn in ("-", "–", "—"):
        if re.search(r"\d\s*$", before) or re.match(r"\s*-\s*\d", text[b.end:b.end + 4]):
            return None  # "16-18-20" chains
        if a.value == int(a.value) and b.value == int(b.value) and a.value < 30 and b.value < 30 \
                and not a.currency and not b.currency and "-" in gap and gap.strip() == "-" \
                and (_SCORE_BEFORE.search(before) or a.value >= b.value
                     or re.match(r"\s*(?:win|victory|defeat|loss|lead|draw|on aggregate|home|away|in the)\b", text[b.end:b.end + 20], re.I)):
            return None  # scores "beat them 2-1", "a 9-2 lead", "at 89-89"
        if a.value >= b.value:
            return None
    if b.has_scale and not a.has_scale and 0 < abs(a.value) < 1000:
        scale = _scale_of(text, b)
        if scale and a.value * scale <= b.value:
            a.value *= scale
    lo, hi = a.value, b.value
    r = _Q(a.start, b.end, min(lo, hi), a.num_start, b.num_end, low=min(lo, hi), high=max(lo, hi),
           bound="range", unit=b.unit or a.unit, concept=b.concept or a.concept)
    r.currency = b.currency or a.currency
    r.has_scale = b.has_scale
    if r.currency and not r.unit and phase == 2:
        r.unit = r.currency
    return r


_BOUND_PAIR_GAP = re.compile(r"\s*,?\s*(?:and|but|or)\s+(?:(?:possibly|perhaps|maybe|potentially|probably|likely|"
                             r"even|could be|might be|may be|conceivably)\s+)?", re.I)


def _merge_bound_pairs(text: str, qs: list[_Q]) -> list[_Q]:
    """One figure given by a lower and an upper bound in turn ("at least $160 million and possibly
    as much as $180 million", "more than 20 but fewer than 30 people"): a range from the one to
    the other, when the two measure the same and the lower bound is below the upper one."""
    out: list[_Q] = []
    for q in qs:
        a = out[-1] if out else None
        if a is not None and a.bound == "at-least" and q.bound == "at-most" and a.value < q.value \
                and _BOUND_PAIR_GAP.fullmatch(text, a.end, q.start) and _same_measure(a, q):
            r = _Q(a.start, q.end, a.value, a.num_start, q.num_end, low=a.value, high=q.value, bound="range",
                   unit=q.unit or a.unit, concept=q.concept if q.unit else a.concept, has_scale=q.has_scale)
            r.currency = q.currency or a.currency
            out[-1] = r
        else:
            out.append(q)
    return out


def _same_measure(a: _Q, b: _Q) -> bool:
    """Whether two figures are in one unit (or the first leaves its unit to the second)."""
    return not (a.unit or a.currency) or normalized_unit(_to_q(a)) == normalized_unit(_to_q(b))


def _scale_of(text: str, q: _Q) -> Optional[float]:
    sm = re.search(r"(thousand|million|billion|trillion|mln|mn|bn|bln|tn|trn|[kmbKMB])\s*$", text[q.num_start:q.end])
    if not sm:
        return None
    s = sm.group(1).lower()
    return SCALES.get(s) or ABBR_SCALES.get(s)


def _to_q(q: _Q) -> Quantity:
    return Quantity(text="", start=q.start, end=q.end, value=q.value, unit=q.unit)
