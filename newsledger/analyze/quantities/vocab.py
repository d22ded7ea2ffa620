"""Vocabulary of the quantity reader: number words, scales, currencies, units, bound phrases,
and the patterns that find them after a number."""
from __future__ import annotations

import re
from typing import Optional


SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}


TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}


SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


ABBR_SCALES = {"k": 1e3, "m": 1e6, "mm": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "b": 1e9, "bn": 1e9,
               "bln": 1e9, "tn": 1e12, "tr": 1e12, "trn": 1e12}


VAGUE = {"dozens": (12, 120), "scores": (20, 200), "hundreds": (100, 1000),
         "thousands": (1e3, 1e4), "millions": (1e6, 1e7), "billions": (1e9, 1e10),
         "trillions": (1e12, 1e13)}


FRACTIONS = {"half": 0.5, "a half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "one-third": 1 / 3,
             "two-thirds": 2 / 3, "two thirds": 2 / 3, "a quarter": 0.25, "one quarter": 0.25,
             "one-quarter": 0.25, "three-quarters": 0.75, "three quarters": 0.75}


# a multiplier word before a killing's noun counts the killed ("a double murder" -> 2): read by the
# quantity reader (find.py) and by the link's measures, which reads such a figure as killed
MULTIPLES = {"double": 2.0, "triple": 3.0, "quadruple": 4.0}


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
UNITS_CI: dict[str, str] = {
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
UNITS_CS: dict[str, str] = {
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
    ("close to", "approx"), ("closer to", "approx"), ("nearer to", "approx"), ("circa", "approx"), ("an approximate", "approx"),
    ("more or less", "approx"), ("an average of", "approx"), ("on average", "approx"),
    ("~", "approx"), ("nigh on", "approx"), ("the best part of", "approx"),
]


# capitalised words that may precede a figure without making it an identifier
FUNCTION_WORDS = set("""a an the and or but of in on at to for from by with without into onto than as
about around over under some nearly almost roughly approximately only just all another more less
fewer at least up between among after before since until during while when where whereas if
though although because so yet nor its their our his her my your these those this that there here
then now also even still just both each every per plus minus nearly some total was were is are be
been has have had will would could should may might must can did does do said says say according
however meanwhile overall last next first second third another other further another
estimated an approximately around while just barely almost nearly exactly precisely well only
""".split())


CUR_PREFIX_RE = re.compile(
    r"(?:" + "|".join(re.escape(k) for k in sorted(CURRENCY_PREFIX, key=len, reverse=True)) + r")\s?$")


# a scale word after the number, glued by a hyphen only when written out ("$137-million"); "MM"
# (millions, as finance writes them: "$200MM") only glued to an amount (see digits._scale_applies)
SCALE_AFTER = re.compile(
    r"(?P<sp>\s*|-(?=(?:million|billion|trillion)\b))(?P<s>hundred|thousand|million|billion|trillion|mln|mil|mm|mn|bn|bln|tn|trn|[kmbKMB])(?![\w])",
    re.I)


UNIT_AFTER_CI = re.compile(
    r"(?P<sp>[\s-]?)(?P<u>" + "|".join(re.escape(k) for k in sorted(UNITS_CI, key=len, reverse=True))
    + r")(?![\w])", re.I)


UNIT_AFTER_CS = re.compile(
    r"(?P<sp>\s?)(?P<u>" + "|".join(re.escape(k) for k in sorted(UNITS_CS, key=len, reverse=True))
    + r")(?![\w])")


# a word's clitic ("He's", "They're"): read without it, a pronoun is no name
CLITIC = re.compile(r"['’](?:s|re|ve|ll|d|m)$", re.I)
# an amount with its scale glued to its currency by a hyphen: "a two-million-euro heist" (an
# amount, not a compound adjective)
CURRENCY_COMPOUND = re.compile(r"-(?P<u>euro|dollar|pound|yen|yuan|rupee|rouble|ruble)s?\b", re.I)
CUR_WORD_AFTER = re.compile(
    r"(?P<sp>\s+|(?=[€$£]))(?P<u>" + "|".join(re.escape(k) for k in sorted(CURRENCY_WORDS, key=len, reverse=True))
    + r")(?![\w])", re.I)


# the noun a hyphen glues to a number, the compound naming what it counts: "a five-boat attack"
# (five boats), "a three-story building", "a 10-point lead"; not a fraction ("two-thirds"), an
# age ("18-year-old", read first), a word that counts nothing ("one-way", "two-sided",
# "three-fold", "three-plus seasons", "one-off", "two-million-strong"), nor a span of time: "an
# eight-year offer" is the term of one party's offer, and a story of three clubs' eight-year
# offers says whose only far from the figure (read as durations, the ECB+ dev figure pairs lost
# precision 0.967 -> 0.950)
_GLUED_NOUN = re.compile(r"-(?P<u>[a-z]{3,})\b(?!-)")
_NOT_GLUED_UNITS = frozenset({
    "and", "or", "plus", "odd", "way", "sided", "fold", "off", "time", "times", "thirds", "third", "fourths",
    "fourth", "fifths", "fifth", "quarters", "quarter", "halves", "half", "tenths", "hundredths", "thousandths",
    "something", "somethings", "dimensional", "pronged", "pointer", "pointers", "star", "stars", "nil", "love",
    "second", "minute", "hour", "day", "night", "week", "month", "year", "season", "decade", "century",
    "strong", "long", "wide", "high", "deep", "tall", "thick", "heavy", "old",  # a size, not a noun
    *SMALL, *TENS, *SCALES})


def glued_noun(text: str, end: int) -> Optional[str]:
    """The noun a hyphen glues to the number ending at ``end`` when it names what the number
    counts ("a five-boat attack": "boat"; see ``_GLUED_NOUN``), else None."""
    m = _GLUED_NOUN.match(text, end)
    if not m or m.group("u") in _NOT_GLUED_UNITS or m.group("u") in CURRENCY_WORDS:  # "a 10-pound turkey"
        return None
    return m.group("u")


AGE_AFTER = re.compile(r"(?:\s*-\s*|\s+)(?P<u>year|month|week|day)s?(?:\s*-\s*|\s+)old\b", re.I)


PER_AFTER = re.compile(
    r"\s*(?:a|an|per|each|every|/)\s*(?P<p>second|minute|hour|day|week|month|year|share|barrel|"
    r"gallon|gram|square foot|square metre|square meter|sq m|sq ft|person|head|game|night|kilogram|kg|"
    r"ton|tonne|litre|liter|mile|ounce|troy ounce|kilowatt hour|kwh|unit|seat)\b",
    re.I)
