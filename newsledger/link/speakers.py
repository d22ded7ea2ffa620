"""Who is who across the articles of a story: one canonical speaker for name variants, and the
side a speaker is on (a spokesman, minister or official speaks for an organisation).

No external knowledge: a name's variants are matched by surname ("Varenne" is "Lidia Varenne"),
by acronym ("NIS" is "National Intelligence Service") and by the affiliation written in the
source's own words ("Kremlin spokesman Dmitry Peskov", "a spokesman for Halvorn Hydro"). The
evidence for each link is kept in the member (``speaker``, ``side``).
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

_ROLE = r"(?:spokes(?:man|woman|person)|press secretary|spokes\w*|representative|minister|ministry|official|envoy|chief|head|director|secretary|ceo|chairman|president)"
_ORG_ROLE = re.compile(r"^(?:the\s+|a\s+|an\s+)?(?P<org>.+?)(?:'s|’s)?\s+" + _ROLE + r"s?\b(?P<rest>.*)$", re.I)
_ROLE_ORG = re.compile(r"\b" + _ROLE + r"s?\s+(?:for|of|at)\s+(?:the\s+)?(?P<org>[^,;]+)", re.I)
_SMALL = {"the", "of", "and", "for", "a", "an", "de", "la"}
_ORG_WORDS = {"service", "ministry", "agency", "police", "department", "office", "council", "court",
              "party", "army", "navy", "force", "forces", "company", "group", "bank", "university",
              "hospital", "government", "committee", "commission", "union", "association", "news"}
_TITLES = {"mr", "mrs", "ms", "dr", "president", "governor", "minister", "general", "gen", "sir", "prime",
           "defence", "defense", "foreign", "interior", "spokesman", "spokeswoman", "spokesperson"}


def _tokens(name: str) -> list[str]:
    return re.findall(r"[\w'’-]+", name or "")


def aliases(name: Optional[str]) -> set[str]:
    """Keys under which one speaker may be written: the whole name, the surname of a person's
    name, the acronym of an organisation's. A joint name ("Tinsley and Phalen", two speakers of one
    claim) has no surname: it is neither one's alias."""
    joint = any(t.casefold() == "and" for t in _tokens(name or "")) or "&" in (name or "")
    ts = [t for t in _tokens(name or "") if t.casefold() not in _TITLES and t.casefold() not in _SMALL]
    if not ts:
        return set()
    out = {" ".join(t.casefold() for t in ts)}
    caps = [t for t in ts if t[:1].isupper()]
    if len(ts) == 1 and ts[0].isupper() and len(ts[0]) >= 2:
        out.add("acr:" + ts[0].casefold())
    elif len(caps) >= 2:
        out.add("acr:" + "".join(t[0] for t in ts if t.casefold() not in _SMALL).casefold())
        if len(caps) == len(ts) <= 3 and not joint and not set(t.casefold() for t in ts) & _ORG_WORDS:
            # a person's name: the surname too
            out.add(ts[-1].casefold())
    return out


def affiliation(name: Optional[str], text: Optional[str] = None) -> Optional[str]:
    """The organisation a speaker speaks for, as written ("Kremlin spokesman Dmitry Peskov" ->
    "Kremlin"; "a spokesman for Halvorn Hydro" -> "Halvorn Hydro"), else None."""
    for s in (text, name):
        if not s:
            continue
        m = _ROLE_ORG.search(s)
        if m:
            return m.group("org").strip()
        m = _ORG_ROLE.match(s.strip())
        if m and m.group("org").strip() and m.group("org")[:1].isupper():
            return m.group("org").strip()
    return None


def side_keys(name: Optional[str], text: Optional[str] = None) -> set[str]:
    """Every key of the speaker and of the organisation it speaks for."""
    keys = aliases(name)
    org = affiliation(name, text)
    if org:
        keys |= aliases(org)
    return keys


def same_side(a: set[str], b: set[str]) -> bool:
    return bool(a & b)


def canonical(names: Iterable[str]) -> dict[str, str]:
    """name -> the longest variant of the same speaker among ``names`` ("Varenne" -> "Lidia
    Varenne")."""
    ns = sorted(set(n for n in names if n), key=lambda n: (-len(n), n))
    out: dict[str, str] = {}
    keys = {n: aliases(n) for n in ns}
    for n in ns:
        out[n] = next((m for m in ns if m != n and len(m) > len(n) and keys[n] & keys[m]
                       and n.casefold() in m.casefold()), n)
    return out
