"""Speaker clusters: one per speaker of an article with the mentions that name it; an organisation's
mentions matched ("the NIS" ~ "National Intelligence Service (NIS)") and merged at the end."""
from __future__ import annotations

import re

from newsledger.analyze.speakers.kinds import kinds_clash
from newsledger.analyze.speakers.words import (content_words, demonym_root, head_words, initials_of, norm_name,
                                               strip_det, strip_paren)


class Cluster:
    def __init__(self, name: str, kind: str):
        self.name = name
        self.kind = kind  # person | org
        self.mentions: list[str] = [name]
        self.acronyms: set[str] = set()

    def add(self, mention: str):
        self.mentions.append(mention)
        if self.kind == "org":
            cand = strip_paren(strip_det(mention)).replace("'s ", "’s ").strip()
            if len(cand) > len(self.name) and not re.search(r"\b(same|said)\b", cand, re.I) and cand[:1].isupper():
                self.name = cand
        else:
            if len(mention.split()) > len(self.name.split()):
                self.name = mention


def _match_org(mention: str, cl: Cluster) -> bool:
    m = strip_det(norm_name(mention))
    ml = m.lower()
    if not m:
        return False
    acr = m.replace(".", "")
    if acr.isupper() and (acr in cl.acronyms or any(initials_of(x) == acr for x in cl.mentions)):
        return True
    for x in cl.mentions:
        xl = strip_det(norm_name(x)).lower()
        if xl == ml:
            return True
    words = content_words(m)
    if not words or _other_figure(ml, cl):
        return False
    head = words[-1].lower()
    name_l = " ".join(cl.mentions).lower()
    # nationality adjective + head noun: "South Korean intelligence" ~ "South Korea's National Intelligence Service"
    mods = [w for w in words[:-1]]
    if head in name_l.split() or head in re.findall(r"[a-z']+", name_l):
        if not mods:
            return not kinds_clash(head, cl.name)  # "the state" is not the State Department
        if head not in _name_heads(cl):
            return False  # "... in New York" is no "New York magazine": "York" is no head there
        roots = [demonym_root(w) for w in mods if w[0].isupper()]
        if roots and all(re.search(r"\b" + re.escape(r), name_l) for r in roots):
            return True
    return False


def _other_figure(mention: str, cl: Cluster) -> bool:
    """Whether a mention holds a figure none of the cluster's mentions holds: "68 percent" is another
    share than "Only 41 percent of voters", "Group 7" another than "Group 4"."""
    figures = set(re.findall(r"\d[\d.,]*", mention))
    return bool(figures) and not any(figures & set(re.findall(r"\d[\d.,]*", x)) for x in cl.mentions)


def _name_heads(cl: Cluster) -> set[str]:
    """The words that can head an organisation cluster's names (not a modifier of a common noun)."""
    return {p for x in cl.mentions for w in head_words(x) for p in [w.lower(), *re.findall(r"[a-z']+", w.lower())]}


def merge_org_clusters(clusters) -> None:
    """Merge an org cluster into a later, fuller one that matches all its mentions."""
    for a in list(clusters):
        for b in clusters:
            if a is b or a.kind != "org" or b.kind != "org" or getattr(a, "merged", None) or getattr(a, "indefinite", False):
                continue
            if getattr(b, "indefinite", False):
                continue  # "Several of the experts who reviewed the TNO report" is not TNO
            if getattr(b, "merged", None) is None and (len(b.name), -clusters.index(b)) > (len(a.name), -clusters.index(a)) \
                    and all(_match_org(m, b) for m in a.mentions):
                a.merged = b


def final_cluster(cl: Cluster) -> Cluster:
    seen = set()
    while getattr(cl, "merged", None) is not None and id(cl) not in seen:
        seen.add(id(cl))
        cl = cl.merged
    return cl


def new_cluster(clusters, name, kind):
    cl = Cluster(name, kind)
    cl.last_pos = -1
    clusters.append(cl)
    return cl


def cluster_named(clusters, name: str, kind: str):
    """The cluster ``name`` belongs to (the person's, or the latest organisation it matches), made
    when there is none."""
    found = find_person(clusters, name) if kind == "person" else find_org(clusters, name)
    return found or new_cluster(clusters, name, kind)


def find_org(clusters, name: str):
    """The latest organisation cluster ``name`` matches (:func:`_match_org`), else None."""
    return next((cc for cc in reversed(clusters) if cc.kind == "org" and _match_org(name, cc)), None)


def find_person(clusters, name: str, rename: bool = True):
    """The person cluster ``name`` belongs to (the same name, or the same surname with one of the two a bare
    surname or both with the same first word), else None. A fuller name renames the cluster only when
    ``rename``: a mere lookup (a check that creates nothing) must leave the names as they are, or an output
    name would depend on which checks ran."""
    for cl in clusters:
        if cl.kind != "person":
            continue
        if name == cl.name or namesakes(name, cl.name):
            if rename and len(name.split()) > len(cl.name.split()):
                cl.name = name
            return cl
    return None


def namesakes(a: str, b: str) -> bool:
    """Whether two person names (keyed without titles) sharing their last word may name one person: one of
    them is that bare surname, or both open with the same word ("Donald Trump" / "Trump"); two full names with
    other first words ("Donald Trump" / "Ivanka Trump") are two people. One rule for a person's cluster
    (:func:`find_person`) and for the gender a namesake passes on (``Context.gender_of_names``)."""
    wa, wb = a.split(), b.split()
    if not wa or not wb or wa[-1] != wb[-1]:
        return False
    return len(wa) == 1 or len(wb) == 1 or wa[0] == wb[0]
