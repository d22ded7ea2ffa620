"""Spans where no figure is read: dates, scores, vote tallies, clock times, codes, index names."""
from __future__ import annotations

import re


def masked_spans(text: str, published=None, doc=None) -> list[tuple[int, int]]:
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


INDEX_RE = re.compile(
    r"\b(?:S\s?&\s?P|S\s?P|sp|s&p|FTSE|Stoxx|STOXX|Nikkei|DAX|CAC|ASX|Russell|Fortune|Nasdaq|NASDAQ|"
    r"Dow Jones|Hang Seng|Sensex|Nifty|KOSPI|TSX|MSCI|Euro Stoxx|Inc\.?|Forbes|Billboard|Hot|Global|"
    r"Top|Big|Pac|Formula|Euro|Ligue|Serie|Bundesliga|Championship|Division|League)\s*\d+\b")
