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

The reader is a package of small steps, each module importing only those above it:
``vocab`` (words, units, currencies and their patterns) <- ``core`` (the working figure, unit
names) <- ``masks`` (spans that hold no figure), ``words`` (number words), ``digits`` (numbers
in digits), ``nouns`` (counted nouns) <- ``units`` <- ``bounds`` (bounds and ranges) <- ``find``
(:func:`find_quantities`).
"""
from __future__ import annotations

from newsledger.analyze.quantities.vocab import (  # noqa: F401  (the package's public vocabulary)
    ABBR_SCALES, BOUND_WORDS, CLITIC, CURRENCY_NAMES, CURRENCY_PREFIX, CURRENCY_WORDS, FRACTIONS, MULTIPLES, SCALES,
    SMALL, TENS, UNIT_NAMES, VAGUE,
)
from newsledger.analyze.quantities.core import singular, is_pronoun_one, normalized_unit  # noqa: F401
from newsledger.analyze.quantities.words import word_or_digit  # noqa: F401
from newsledger.analyze.quantities.find import find_quantities  # noqa: F401

__all__ = ["find_quantities", "UNIT_NAMES", "CURRENCY_NAMES", "normalized_unit", "is_pronoun_one", "word_or_digit"]
