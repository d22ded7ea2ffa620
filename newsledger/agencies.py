"""The one registry of wire agencies, used by extraction and linking alike.

Each :class:`Agency` has a canonical name ("Agence France-Presse"), the short name an
article's ``agency`` field shows ("AFP"), aliases (written-out names, matched without regard
to case) and initials (matched only in capitals, as whole words: "AP" is the agency, "ap" is
not). A wire that is not listed but is named like one ("Meridian Press Agency (MPA)",
"Continental News Service") is recognised by its shape (:func:`generic`).

- :func:`find` — the agency a text names, or None;
- :func:`short_name` / :func:`canonical_name` — its short or canonical name (a generic wire:
  its acronym / its full name);
- :func:`pattern` — one regular-expression alternation of every name and initials, for
  line rules that must spot a credit inside a longer pattern;
- :func:`same_agency` — "CNS" and "Continental News Service" are one wire.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional


@dataclass(frozen=True)
class Agency:
    name: str  # canonical: "Agence France-Presse"
    short: str  # shown in Article.agency: "AFP"
    aliases: tuple[str, ...] = ()  # regex fragments, matched case-insensitively
    initials: tuple[str, ...] = ()  # matched case-sensitively, as whole words


REGISTRY: tuple[Agency, ...] = (
    Agency("Agence France-Presse", "AFP", (r"agence france[- ]presse",), ("AFP",)),
    Agency("Associated Press", "AP", (r"associated press",), ("AP",)),
    Agency("Reuters", "Reuters", (r"thomson reuters", r"reuters")),
    Agency("Deutsche Presse-Agentur", "dpa", (r"deutsche presse[- ]agentur", r"dpa")),
    Agency("Xinhua", "Xinhua", (r"xinhua(?: news agency)?",)),
    Agency("Kyodo", "Kyodo", (r"kyodo(?: news)?",)),
    Agency("Yonhap", "Yonhap", (r"yonhap(?: news agency)?",)),
    Agency("EFE", "EFE", (r"agencia efe",), ("EFE",)),
    Agency("ANSA", "ANSA", (), ("ANSA",)),
    Agency("United Press International", "UPI", (r"united press international",), ("UPI",)),
    Agency("Press Trust of India", "PTI", (r"press trust of india",), ("PTI",)),
    Agency("Indo-Asian News Service", "IANS", (r"indo-asian news service",), ("IANS",)),
    Agency("Asian News International", "ANI", (r"asian news international",), ("ANI",)),
    Agency("TASS", "TASS", (r"itar-tass",), ("TASS",)),
    Agency("RIA Novosti", "RIA Novosti", (r"ria novosti",)),
    Agency("Interfax", "Interfax", (r"interfax",)),
    Agency("Anadolu Agency", "Anadolu", (r"anadolu(?: agency| ajansı)?",)),
    Agency("Australian Associated Press", "AAP", (r"australian associated press",), ("AAP",)),
    Agency("The Canadian Press", "CP", (r"(?:the )?canadian press",), ("CP",)),
    Agency("PA Media", "PA", (r"pa media", r"press association"), ("PA",)),
    Agency("Europa Press", "Europa Press", (r"europa press",)),
    Agency("Bloomberg", "Bloomberg", (r"bloomberg(?: news)?",)),
    Agency("Bernama", "Bernama", (r"bernama",)),
    Agency("Antara", "Antara", (r"antara(?: news agency)?",)),
    Agency("Korean Central News Agency", "KCNA", (r"korean central news agency",), ("KCNA",)),
    Agency("Katholische Nachrichten-Agentur", "KNA", (r"katholische nachrichten-agentur",), ("KNA",)),
    Agency("Evangelischer Pressedienst", "epd", (r"evangelischer pressedienst", r"epd")),
    Agency("Austria Presse Agentur", "APA", (r"austria presse agentur",), ("APA",)),
    Agency("Keystone-SDA", "SDA", (r"keystone-sda",), ("SDA",)),
    Agency("Belga", "Belga", (r"belga",)),
    Agency("ANP", "ANP", (r"algemeen nederlands persbureau",), ("ANP",)),
    Agency("Lusa", "Lusa", (r"agência lusa", r"lusa")),
    Agency("Polska Agencja Prasowa", "PAP", (r"polska agencja prasowa",), ("PAP",)),
    Agency("NTB", "NTB", (r"norsk telegrambyrå",), ("NTB",)),
    Agency("TT Nyhetsbyrån", "TT", (r"tt nyhetsbyrån",), ("TT",)),
    Agency("Ritzau", "Ritzau", (r"ritzau",)),
    Agency("ČTK", "ČTK", (r"česká tisková kancelář",), ("ČTK", "CTK")),
    Agency("MTI", "MTI", (r"magyar távirati iroda",), ("MTI",)),
)
# an unlisted wire by its shape, as a pattern with no groups (for embedding)
GENERIC_PATTERN = (r"(?:[A-Z][\w'’-]+\s+){1,4}(?:Press Agency|News Agency|News Service|Press Service|"
                   r"Wire Service|Newswire|Presse-Agentur|Telegraph Agency)(?:\s*\([A-Z]{2,6}\))?")
_GENERIC = re.compile(
    r"\b((?:[A-Z][\w'’-]+\s+){0,4}(?:Press Agency|News Agency|News Service|Press Service|Wire Service|"
    r"Newswire|Presse-Agentur|Telegraph Agency))(?:\s*\(([A-Z]{2,6})\))?")
_B, _E = r"(?<![\w-])", r"(?![\w-])"


def _agency_regex(a: Agency) -> str:
    parts = [f"(?i:{al})" for al in a.aliases] + [re.escape(i) for i in a.initials]
    return "|".join(parts)


@lru_cache(maxsize=1)
def _compiled() -> tuple[re.Pattern, dict[str, Agency]]:
    groups = {f"a{k}": a for k, a in enumerate(REGISTRY)}
    alt = "|".join(f"(?P<{g}>{_agency_regex(a)})" for g, a in groups.items())
    return re.compile(f"{_B}(?:{alt}){_E}"), groups


def pattern() -> str:
    """Every listed name and initials as one alternation (no groups), for embedding."""
    return "|".join(_agency_regex(a) for a in REGISTRY)


def find(text: Optional[str]) -> Optional[Agency]:
    """The listed agency named earliest in ``text``, or None."""
    if not text:
        return None
    rx, groups = _compiled()
    m = rx.search(text)
    return groups[m.lastgroup] if m and m.lastgroup else None


def is_name(text: str) -> bool:
    """``text`` is nothing but an agency's name or initials ("AFP", "The Associated Press")."""
    rx, _ = _compiled()
    return bool(rx.fullmatch(re.sub(r"^(?i:the)\s+", "", text.strip())))


def generic(text: Optional[str]) -> Optional[tuple[str, str]]:
    """(full name, acronym) of an unlisted wire named like one: "Meridian Press Agency (MPA)"
    -> ("Meridian Press Agency", "MPA"); "Continental News Service" -> (..., "CNS")."""
    m = _GENERIC.search(text or "")
    if not m:
        return None
    full = m.group(1).strip()
    return full, m.group(2) or initials(full)


def initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Z][\w'’-]*", name))


def short_name(text: Optional[str]) -> Optional[str]:
    """The short name of the agency ``text`` names ("Agence France-Presse" -> "AFP")."""
    a = find(text)
    if a:
        return a.short
    g = generic(text)
    return g[1] if g else None


def canonical_name(text: Optional[str]) -> Optional[str]:
    """The canonical name of the agency ``text`` names ("AFP" -> "Agence France-Presse")."""
    g = generic(text)
    if g:
        listed = find(g[0])
        return listed.name if listed and is_name(g[0]) else g[0]
    a = find(text)
    return a.name if a else None


def same_agency(a: Optional[str], b: Optional[str]) -> bool:
    """"CNS" and "Continental News Service", "AFP" and "Agence France-Presse" are one wire."""
    if not a or not b:
        return False
    a, b = a.strip(), b.strip()
    if a.casefold() == b.casefold() or initials(a) == b or initials(b) == a:
        return True
    fa, fb = find(a), find(b)
    return fa is not None and fa == fb
