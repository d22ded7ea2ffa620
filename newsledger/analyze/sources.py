"""Canonical speaker names within one article (no coreference model, rules only).

``resolve_sources(claims, doc, text)`` sets ``claim.source.name`` (and ``anonymous``):

* people: titles and descriptions are stripped to the PERSON name ("Ukrainian Foreign Minister
  Andriy Sybiga" -> "Andriy Sybiga"); a later surname ("Sybiga") maps to the full name;
* "he"/"she" -> the nearest preceding PERSON (a claim source or a subject in the text);
  "they"/"it" -> the previous claim's non-person source;
* organisations: "(NIS)" defines an acronym; "the NIS", "the agency", "the same source",
  "South Korean intelligence" (nationality adjective + head noun) ~ "South Korea's National
  Intelligence Service (NIS)": one cluster, named by its fullest mention;
* anonymous sources ("officials", "a person familiar with the matter", "sources") keep their
  text as name and ``anonymous=True``.
"""
from __future__ import annotations

import re
from typing import Optional

PRONOUNS_PERSON = {"he", "she", "him", "her", "his", "i", "me", "my"}
PRONOUNS_GROUP = {"they", "it", "we", "them", "its", "their", "our", "us"}
SAME_SOURCE = re.compile(r"^(the )?(same|said|this|that) (source|sources|official|officials|report|agency|outlet)$", re.I)
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her"}
GENERIC_ORG = {"agency", "ministry", "department", "service", "office", "government", "group", "company",
               "organization", "organisation", "institute", "committee", "council", "commission", "firm",
               "campaign", "administration", "spokesman", "spokeswoman", "spokesperson", "newspaper",
               "network", "intelligence", "military", "army", "police", "court", "report", "study", "statement",
               "presidency", "ministry", "bureau", "authority", "authorities", "website", "outlet", "paper"}
ANON_HEADS = {"official", "officials", "source", "sources", "person", "people", "aide", "aides", "diplomat",
              "diplomats", "insider", "insiders", "someone", "observers", "analysts", "experts", "residents",
              "witnesses", "critics", "supporters", "lawmakers", "members", "staffers", "advisers", "some",
              "others", "many", "several", "one", "individual", "individuals"}
ANON_CUES = re.compile(r"\b(familiar with|on condition of anonymity|not authori[sz]ed|who (asked|spoke|requested)|"
                       r"unnamed|anonymous|speaking on background)\b", re.I)
TITLE_WORDS = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "prof", "president",
               "minister", "secretary", "senator", "governor", "spokesman", "spokeswoman", "chairman", "mayor",
               "judge", "justice", "leader", "chief", "director", "ambassador", "prime", "foreign", "general"}


def _norm(s: str) -> str:
    s = s.replace("’", "'")
    s = re.sub(r"\s+", " ", s).strip(" ,.;:\"'“”")
    return s


def _strip_det(s: str) -> str:
    words = s.split()
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    return " ".join(words)


def _acronym_def(s: str) -> Optional[str]:
    m = re.search(r"\(([A-Z][A-Z.&]{1,9})\)", s)
    return m.group(1).replace(".", "") if m else None


def _initials(s: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Z][\w'-]*", _strip_paren(s)) if w[0].isupper())


def _strip_paren(s: str) -> str:
    return re.sub(r"\s*\([^)]*\)", "", s).strip()


def _demonym_root(word: str) -> str:
    w = word.lower().replace("'s", "")
    for suf in ("ian", "ean", "an", "ese", "ish", "i", "n"):
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            return w[: len(w) - len(suf)]
    return w


def _content_words(s: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z][\w'-]*", _strip_paren(s).replace("’", "'")) if w.lower() not in DETERMINERS]


class _Cluster:
    def __init__(self, name: str, kind: str):
        self.name = name
        self.kind = kind  # person | org
        self.mentions: list[str] = [name]
        self.acronyms: set[str] = set()

    def add(self, mention: str):
        self.mentions.append(mention)
        if self.kind == "org":
            cand = _strip_paren(_strip_det(mention)).replace("'s ", "’s ").strip()
            if len(cand) > len(self.name) and not re.search(r"\b(same|said)\b", cand, re.I) and cand[:1].isupper():
                self.name = cand
        else:
            if len(mention.split()) > len(self.name.split()):
                self.name = mention


def _core(doc, start: int, end: int):
    """The source span without an appositive or relative clause ("China, an ally of X" -> "China")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    cut = end
    for c in root.children:
        if c.dep_ in ("appos", "relcl", "acl") and c.i > root.i and span.start <= c.i < span.end:
            j = c.left_edge.i
            while j - 1 > root.i and (doc[j - 1].is_punct):
                j -= 1
            cut = min(cut, doc[j].idx)
    core = doc.char_span(start, cut, alignment_mode="expand")
    return core if core is not None and len(core) else span


def _person_name(doc, start: int, end: int) -> Optional[str]:
    """A person's name in a source span, titles stripped: the PERSON entity at the head, or a run
    of proper nouns after a role word ("spokesman Christophe Lemoine")."""
    core = _core(doc, start, end)
    if core is None:
        return None
    root = core.root
    ent = None
    for e in doc.ents:
        if e.label_ == "PERSON" and e.start <= root.i < e.end:
            ent = e
    if ent is not None:
        toks = [t for t in ent if t.i <= root.i or t.dep_ in ("flat", "compound")]
    else:
        toks = []
        j = root.i
        while j >= core.start and doc[j].pos_ == "PROPN":
            toks.insert(0, doc[j])
            j -= 1
        if not toks or root.pos_ != "PROPN":
            return None
        before = doc[j] if j >= core.start else None
        role = before is not None and before.pos_ == "NOUN" and before.is_lower
        if not role and not any(t.lower_.strip(".") in TITLE_WORDS for t in toks):
            return None
    while toks and (toks[0].lower_.strip(".") in TITLE_WORDS or toks[0].ent_type_ in ("NORP", "GPE")):
        toks = toks[1:]
    while toks and toks[-1].text in ("'s", "’s", "'", "’"):
        toks = toks[:-1]
    if not toks:
        return None
    return doc[toks[0].i:toks[-1].i + 1].text


def _head_token(doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _match_org(mention: str, cl: _Cluster) -> bool:
    m = _strip_det(_norm(mention))
    ml = m.lower()
    if not m:
        return False
    acr = m.replace(".", "")
    if acr.isupper() and (acr in cl.acronyms or any(_initials(x) == acr for x in cl.mentions)):
        return True
    for x in cl.mentions:
        xl = _strip_det(_norm(x)).lower()
        if xl == ml:
            return True
    words = _content_words(m)
    if not words:
        return False
    head = words[-1].lower()
    name_l = " ".join(cl.mentions).lower()
    # nationality adjective + head noun: "South Korean intelligence" ~ "South Korea's National Intelligence Service"
    mods = [w for w in words[:-1]]
    if head in name_l.split() or head in re.findall(r"[a-z']+", name_l):
        if not mods:
            return True
        roots = [_demonym_root(w) for w in mods if w[0].isupper()]
        if roots and all(re.search(r"\b" + re.escape(r), name_l) for r in roots):
            return True
    return False


def resolve_sources(claims, doc, text: str) -> None:
    """Set ``source.name`` to one canonical speaker per referent, in place."""
    clusters: list[_Cluster] = []
    assigned: list[Optional[_Cluster]] = []
    persons_in_text = [(e.start_char, e) for e in doc.ents if e.label_ == "PERSON"]
    order = sorted(range(len(claims)), key=lambda i: claims[i].source.start if claims[i].source else claims[i].cue.start)
    prev: Optional[_Cluster] = None
    prev_nonperson: Optional[_Cluster] = None
    last_person: Optional[_Cluster] = None
    for i in order:
        c = claims[i]
        src = c.source
        if src is None:
            continue
        raw = _norm(src.text)
        low = _strip_det(raw).lower()
        first = raw.split()[0].lower() if raw.split() else ""
        cl: Optional[_Cluster] = None
        if low in PRONOUNS_PERSON or raw.lower() in PRONOUNS_PERSON:
            if raw.lower() in {"i", "me"} and last_person is not None:
                cl = last_person
            else:
                # the nearest preceding person: a claim source, else a PERSON subject in the text
                best_pos, best = -1, None
                for cc in clusters:
                    if cc.kind == "person":
                        pos = cc.last_pos
                        if pos < src.start and pos > best_pos:
                            best_pos, best = pos, cc
                for pos, e in persons_in_text:
                    if best_pos < pos < src.start and e.root.dep_ in ("nsubj", "nsubjpass", "poss", "appos", "pobj"):
                        name = _person_name(doc, e.start_char, e.end_char)
                        if name:
                            best_pos, best = pos, _find_person(clusters, name) or _new(clusters, name, "person")
                cl = best
        elif SAME_SOURCE.match(raw) or low in PRONOUNS_GROUP or raw.lower() in PRONOUNS_GROUP:
            group = low in PRONOUNS_GROUP or raw.lower() in PRONOUNS_GROUP
            cl = (prev_nonperson or prev) if group else prev
        else:
            pname = _person_name(doc, src.start, src.end)
            if pname is None:
                core = _core(doc, src.start, src.end)
                words = _content_words(core.text if core is not None else raw)
                if 1 <= len(words) <= 2:
                    for cc in clusters:
                        if cc.kind == "person" and cc.name.split()[-1].lower() == words[-1].lower().replace("'s", ""):
                            pname = cc.name
                            break
            head = _head_token(doc, src.start, src.end)
            if pname:
                cl = _find_person(clusters, pname) or _new(clusters, pname, "person")
            else:
                anonymous = _is_anonymous(raw, head)
                if anonymous:
                    src.anonymous = True
                    src.name = raw
                    continue
                for cc in reversed(clusters):
                    if cc.kind == "org" and _match_org(raw, cc):
                        cl = cc
                        break
                if cl is None and head is not None and head.lower_ in GENERIC_ORG and first in ("the", "its") and \
                        len(_content_words(raw)) == 1 and prev_nonperson is not None:
                    cl = prev_nonperson
                if cl is None:
                    core = _core(doc, src.start, src.end)
                    base = _norm(core.text) if core is not None else raw
                    cl = _new(clusters, _strip_paren(_strip_det(base)) or raw, "org")
                else:
                    cl.add(raw)
                acr = _acronym_def(raw)
                if acr:
                    cl.acronyms.add(acr)
        if cl is None:
            src.name = raw
            continue
        cl.last_pos = src.start
        assigned.append(cl)
        c._cluster = cl
        prev = cl
        if cl.kind == "person":
            last_person = cl
        else:
            prev_nonperson = cl
    # second pass: merge org clusters that match a later, fuller mention; then write names
    for a in list(clusters):
        for b in clusters:
            if a is b or a.kind != "org" or b.kind != "org" or getattr(a, "merged", None):
                continue
            if getattr(b, "merged", None) is None and (len(b.name), -clusters.index(b)) > (len(a.name), -clusters.index(a)) \
                    and all(_match_org(m, b) for m in a.mentions):
                a.merged = b
    for c in claims:
        cl = getattr(c, "_cluster", None)
        if cl is None:
            continue
        seen = set()
        while getattr(cl, "merged", None) is not None and id(cl) not in seen:
            seen.add(id(cl))
            cl = cl.merged
        c.source.name = cl.name
        try:
            del c._cluster
        except AttributeError:
            pass


def _new(clusters, name, kind):
    cl = _Cluster(name, kind)
    cl.last_pos = -1
    clusters.append(cl)
    return cl


def _find_person(clusters, name: str):
    parts = name.split()
    for cl in clusters:
        if cl.kind != "person":
            continue
        cparts = cl.name.split()
        if name == cl.name or (parts and cparts and (parts[-1] == cparts[-1]) and (len(parts) == 1 or len(cparts) == 1
                                                                                   or parts[0] == cparts[0])):
            if len(parts) > len(cparts):
                cl.name = name
            return cl
    return None


def _is_anonymous(raw: str, head) -> bool:
    if ANON_CUES.search(raw):
        return True
    if head is None:
        return False
    if head.lower_ in ANON_HEADS and head.pos_ != "PROPN" and not any(t.ent_type_ in ("PERSON", "ORG") for t in head.subtree):
        # "officials", "a person familiar ...", "two sources" - but not "White House officials"? keep those too
        return True
    return False
