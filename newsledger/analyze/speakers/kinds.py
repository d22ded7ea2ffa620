"""The kind of body a descriptor's head or an organisation's name says it is, so that a descriptor
resolves only to a body of a compatible kind: "the agency" is no legislature ("the Senate"), "the
department" no company ("Kestrel Motors"), "the state" no department ("the State Department")."""
from __future__ import annotations

import re
from typing import Optional

BODY_KINDS = {
    "legislature": {"senate", "parliament", "legislature", "congress", "assembly", "knesset", "duma", "bundestag"},
    "court": {"court", "tribunal"},
    "executive": {"agency", "department", "ministry", "bureau", "office", "service", "authority", "commission",
                  "directorate", "inspectorate", "administration"},
    "company": {"company", "firm", "corporation", "corp", "inc", "ltd", "llc", "plc", "holdings", "motors",
                "airlines", "airways", "bank", "lender", "carrier", "airline", "retailer", "insurer", "manufacturer",
                "carmaker", "automaker", "startup", "conglomerate"},
    "place": {"state", "city", "county", "country", "province", "town", "village", "municipality", "borough"},
    "police": {"police", "constabulary"},
    "union": {"union"},
    "school": {"university", "college", "school", "academy"},
    "council": {"council", "committee"},
    "hospital": {"hospital", "clinic"},
    "party": {"party"},
    "military": {"army", "military", "navy"},
    "group": {"group", "charity"},
}
KIND_OF = {w: kind for kind, words in BODY_KINDS.items() for w in words}

# kinds one body can be called by: a committee of a legislature, a city's council, a police department, a
# company's group ("the Adani Group"), a union or a party as a group of its members
COMPATIBLE = {frozenset(p) for p in (("council", "legislature"), ("council", "place"), ("police", "executive"),
                                     ("group", "company"), ("group", "union"), ("group", "party"))}

NAME_LINKS = {"of", "for", "on", "in", "at"}


def name_kind(name: str) -> Optional[str]:
    """The kind an organisation's name says it is, read from its head word: the word before its
    first "of"/"for" ("Ministry of Health", "University of Leeds"), else its last word ("Senate
    Finance Committee", "Kestrel Motors"); None when that word names no kind ("NATO", "Reuters")."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", name.replace("’", "'").replace("'s", ""))]
    link = next((k for k, w in enumerate(words) if w in NAME_LINKS and k > 0), None)
    head = words[link - 1] if link is not None else (words[-1] if words else "")
    return KIND_OF.get(head)


def kinds_clash(descriptor_head: str, name: str) -> bool:
    """Whether a descriptor ("the agency") cannot stand for an organisation called ``name``: both
    say what kind of body they are, and the kinds differ and are not two names of one body."""
    want, have = KIND_OF.get(descriptor_head.lower()), name_kind(name)
    return want is not None and have is not None and want != have and frozenset((want, have)) not in COMPATIBLE
