"""Speaker resolution: one canonical name per speaker within an article, or "unresolved".

``resolve_speakers(claims, doc, text)`` sets, for every claim source, ``name`` (None when no
antecedent fits), ``resolved_from`` (the earlier mention a pronoun or descriptor was resolved
to, else None), ``confidence`` and ``anonymous``. It prefers "unresolved" to a guess:

* **named** people: titles and descriptions are stripped to the PERSON name ("Ukrainian Foreign
  Minister Andriy Sybiga" -> "Andriy Sybiga"), a later surname maps to the full name (given by
  an earlier speaker or mention); a descriptor in apposition to a name ("Yevhen Zosin, 74, a Kyiv
  resident who ...") is the name, but a work is not ("..., a recent poll has shown"); a title
  word inside an organisation's name ("the Justice Department") makes no person;
* **pronouns** ("he", "she", "they", "it", "its government") resolve only to an antecedent that
  agrees in gender (known from "Mr"/"Ms" or from an earlier unambiguous he/she) and number, that
  is not inside quoted or reported content, preferring the current speaker of the passage, then
  the subject of a recent sentence; objects ("critics of Senator Ray") are never antecedents;
  "they" after "X and his colleagues" is that group; "it" may be a work that spoke ("the letter
  stated ... It described") or an organisation named in the plural ("Israel Defense Forces");
  with nothing compatible within :data:`WINDOW` characters the claim is unresolved;
* **descriptors** ("the spokesman", "the agency", "the officials", "the government") resolve to
  the latest earlier speaker or mention whose own words hold the descriptor's head noun (or, for
  a government, the country of the passage), a bare "the agency"/"the company" to the
  organisation just named (never "the military", "the spokesman"); an indefinite one ("an
  analysis by ...") is a new speaker, never an earlier one; a work "seen by Reuters" is not
  Reuters'; "his spokesman" is an unnamed representative (anonymous);
* **relative pronouns** ("which accuses ...") take the noun they modify ("which" never a person);
  a passive subject ("X was accused of ...", also inherited: "has ... been accused of", "Asked
  whether ..., X said") is the accused or the asked, never the speaker: unresolved, as is an
  object the tagger took for a source ("a letter to Director Y demanding ...");
* **organisations**: "(NIS)" defines an acronym; "the NIS", "South Korean intelligence" ~
  "South Korea's National Intelligence Service (NIS)": one cluster, named by its fullest mention;
* **anonymous** sources ("officials", "a company spokesman", "sources at the broadcaster", "a
  resident who asked not to be named", a bare "reports") keep their words as name with
  ``anonymous=True``;
* **sentence structure**: an apposition chain speaks through its head ("Chad Hawk, vice president
  of PMG, a paper money grading company ... told"); a numeric share of people ("about 7 in 10
  voters say") is the poll its sentence names, else unresolved; a he/she/they right after an
  unnamed person spoke ("a teacher ... She said", "A spokesman for X said ... They added") is
  theirs, so unresolved, unless a person subject was named since or the gender disagrees; a
  sentence-final ", the Tuva government was quoted as saying" is the reporter of the claim inside
  it; "her campaign's memo" is no pronoun's (unresolved);
* **roles and rivals**: a role with a name in apposition is that name even where the tagger took the
  name for an organisation ("the company's CEO, Abdulaziz Jaafar"); a surname opening a paragraph
  is a main-clause subject even where the parse ran the previous quotation into its sentence
  ("... AI.” ¶ White didn't commit ... he emphasized"); a he/she whose chosen antecedent (not the
  current speaker) has no known gender while another person known to agree is within reach is
  unresolved (two readings), as is one right after "X was accused by Y", one whose paragraph first
  makes another agreeing person its topic ("In Costa's case, she ..."), and one inside reported words
  that name another person before it; a speaker named in the pronoun's own paragraph keeps it; a
  surname the tagger missed or took for an organisation still counts as a person (a rival, and no
  source of the previous man's gender); a name inside a fronted participle phrase ("Speaking after
  Mr Adams, the deputy said") describes nobody after it;
* **a second opinion**: an organisation or group the parse made a speech verb's subject while
  the PolNeAR-trained tagger reads another phrase of the same sentence as the cue's source (not a
  relative pronoun) is unresolved, ``resolved_from`` saying what the tagger read (two readings of the sentence).
"""
from __future__ import annotations

import re
from typing import Optional

from newsledger.analyze.attribution.base import SPEECH_VERBS, WORK_NOUNS
from newsledger.analyze.gender import disagrees

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


def _ents(doc) -> tuple:
    """``doc.ents``, built once per Doc (spaCy makes a new tuple on every access)."""
    ents = doc.user_data.get("newsledger.ents")
    if ents is None:
        ents = doc.user_data["newsledger.ents"] = tuple(doc.ents)
    return ents


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
    for e in _ents(doc):
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
        if not role and (not any(t.lower_.strip(".") in TITLE_WORDS for t in toks)
                         or root.ent_type_ in ("ORG", "GPE", "NORP", "FAC", "LOC")):
            return None  # "the Justice Department": a title word inside an organisation's name
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


WINDOW = 1500  # characters back from a pronoun to look for its antecedent
MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
PLURAL = {"they", "them", "their", "theirs", "we", "us", "our"}
NEUTER = {"it", "its"}
FIRST_PERSON = {"i", "me", "my", "we", "us", "our"}
RELATIVES = {"which", "who", "that", "whom", "whose"}
TITLE_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "lady": "f", "lord": "m",
                "king": "m", "queen": "f", "prince": "m", "princess": "f", "madam": "f"}
QUANTIFIERS = {"all", "both", "neither", "each", "none", "either", "most", "many", "some", "few", "several", "half"}
GOVERNMENT_HEADS = {"government", "administration", "presidency", "cabinet", "authorities", "state"}
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
CONF_NAMED, CONF_ORG, CONF_ANON, CONF_GENERIC = 0.95, 0.9, 0.85, 0.6
CONF_SPEAKER, CONF_SUBJECT, CONF_AMBIGUOUS, CONF_DESCRIPTOR = 0.85, 0.75, 0.5, 0.7


class _Mention:
    """A possible antecedent: a named PERSON / ORG / GPE / NORP outside quoted and reported content."""

    def __init__(self, pos: int, ent, role: str):
        self.pos, self.ent, self.role = pos, ent, role
        self.kind = "person" if ent.label_ == "PERSON" else "org"
        self.gender: Optional[str] = None


class _Context:
    """Per-article state: clusters, the antecedent mentions, the current speaker."""

    def __init__(self, claims, doc, text: str):
        from newsledger.analyze.attribution.base import quoted_mask

        self.doc, self.text = doc, text
        self.qmask = quoted_mask(text)
        self.reported = _reported_mask(claims, len(text))
        self.clusters: list[_Cluster] = []
        self.mentions = self._mentions()
        self.genders = self._genders()
        self.reported_persons = self._reported_persons()
        self.current: Optional[_Cluster] = None  # speaker of the latest resolved claim
        self.current_pos = self.current_end = -1
        self.current_group = False  # the current speaker was named with others ("Gallagher and his colleagues")
        self.current_guessed = False  # the current speaker is itself an ambiguous guess
        self.current_patient: Optional[str] = None  # the person the current speaker's passive cue is about
        self.last_person: Optional[_Cluster] = None
        self.unnamed_pos = self.unnamed_end = -1  # the latest speaker that is an unnamed person ("a teacher")
        self.unnamed_agrees: set[str] = set()  # the pronouns that person can be ("he"/"she"/"they")

    def hidden(self, start: int, end: int) -> bool:
        return any(self.qmask[i] or self.reported[i] for i in range(start, min(end, len(self.text))))

    def _mentions(self) -> list[_Mention]:
        out = []
        retagged = _surnames_tagged_org(self.doc)
        taken = {(e.start, e.end) for e in retagged}
        ents = [e for e in _ents(self.doc) if (e.start, e.end) not in taken]
        for e in sorted([*ents, *retagged, *_titled_names(self.doc), *_surname_subjects(self.doc)],
                        key=lambda e: e.start):
            if e.label_ not in ("PERSON", "ORG", "GPE", "NORP") or self.hidden(e.start_char, e.end_char):
                continue
            root = e.root
            role = "subject" if root.dep_ in SUBJECT_DEPS + ("attr",) or (
                root.dep_ in ("appos", "compound", "poss") and root.head.dep_ in SUBJECT_DEPS + ("attr",)) else \
                "heading" if root.dep_ == "ROOT" and root.sent.end - root.sent.start <= 8 else "other"
            out.append(_Mention(e.start_char, e, role))
        return out

    def _reported_persons(self) -> list[tuple[int, str, Optional[str]]]:
        """(position, name, "m"/"f"/None) of the people named inside reported content (the
        claims' content, not quotations): no antecedents, but rivals of one."""
        out = []
        for e in [*_ents(self.doc), *_titled_names(self.doc)]:
            if e.label_ != "PERSON" or not self.reported[e.start_char] or self.qmask[e.start_char]:
                continue
            name = _person_name(self.doc, e.start_char, e.end_char) or e.text
            before = self.doc[max(e.start - 1, 0)].lower_.strip(".")
            out.append((e.start_char, name, TITLE_GENDER.get(before) or self.genders.get(name)))
        return sorted(out)

    def _genders(self) -> dict[str, str]:
        """person name -> "m"/"f", from a title ("Mr", "Ms"), or the first he/she subject (or
        himself/herself) after it, before the next person, outside quoted and reported content."""
        out: dict[str, str] = {}
        persons = [m for m in self.mentions if m.kind == "person"]
        spots = _surname_spots(self.doc)
        for k, m in enumerate(persons):
            name = _person_name(self.doc, m.ent.start_char, m.ent.end_char) or m.ent.text
            before = self.doc[max(m.ent.start - 1, 0)].lower_.strip(".")
            if before in TITLE_GENDER:
                out.setdefault(name, TITLE_GENDER[before])
                continue
            if m.ent.root.dep_ == "poss" or m.ent.end < len(self.doc) and self.doc[m.ent.end].tag_ == "POS":
                continue  # "Jacob Zuma's daughter ... she": the pronoun is the daughter
            if m.role == "other":
                continue  # "... a visiting President Donald Trump, and whether she would": she is the subject
            # the next person, past those inside this mention's own phrase before its verb ("Kelly
            # Clarke, from Vredehoek, said ... she": a place mis-tagged as a person)
            verb = next((a for a in m.ent.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
            after = verb.idx if verb is not None else len(self.text)
            nxt = next((p.pos for p in persons[k + 1:]
                        if verb is None or p.pos > verb.idx or p.ent.sent.start != m.ent.sent.start), len(self.text))
            nxt = min(nxt, next((q for q, tail in spots if q > after and not _same_person(name, tail)
                                 and _object_of(self.doc, q, q + len(tail), verb)), nxt))
            stop = min(nxt, m.ent.sent.end_char + 200)
            for t in self.doc[m.ent.end:]:
                if t.idx >= stop:
                    break
                if self.qmask[t.idx] or self.reported[t.idx]:
                    continue  # "X filed a lawsuit saying he ...": reported words say nothing of X
                if (t.lower_ in ("he", "she") and t.dep_ in SUBJECT_DEPS) or t.lower_ in ("himself", "herself"):
                    g = "m" if t.lower_ in ("he", "himself") else "f"
                    if not disagrees(g, name):  # "Judge Robert Kane rejected it. She said": not Kane
                        out.setdefault(name, g)
                    break
        return out

    def gender_of(self, cl: _Cluster) -> Optional[str]:
        return self.gender_of_names(cl.name, cl.mentions) if cl.kind == "person" else None

    def gender_of_names(self, name: str, mentions=()) -> Optional[str]:
        """The gender known for a person called ``name`` (or any of ``mentions``), else None."""
        names = {name, *mentions}
        last = name.split()[-1] if name.split() else ""
        return next((g for n, g in self.genders.items() if n in names or (n.split() and n.split()[-1] == last)), None)


def _titled_names(doc) -> list:
    """Names spaCy did not tag: proper nouns right after a title ("Major-Gen Gopaul Govender")."""
    from spacy.tokens import Span as DocSpan

    tagged = {t.i for e in _ents(doc) if e.label_ == "PERSON" for t in e}
    out, i = [], 0
    while i < len(doc) - 1:
        t = doc[i]
        words = {w.strip(".").lower() for w in re.split(r"[-\s]", t.text)}
        if words & TITLE_WORDS and doc[i + 1].pos_ == "PROPN" and doc[i + 1].i not in tagged:
            j = i + 1
            while j < len(doc) and doc[j].pos_ == "PROPN" and j not in tagged:
                j += 1
            out.append(DocSpan(doc, i + 1, j, label="PERSON"))
            i = j
        else:
            i += 1
    return out


def _surname_subjects(doc) -> list:
    """Surnames spaCy did not tag where they are a subject ("Blair ... disputes that"), when the
    article names that person in full elsewhere ("James Blair")."""
    from spacy.tokens import Span as DocSpan

    tagged = {t.i for e in _ents(doc) for t in e}
    surnames = {e[-1].text for e in _ents(doc) if e.label_ == "PERSON" and len(e) >= 2}
    return [DocSpan(doc, t.i, t.i + 1, label="PERSON") for t in doc
            if t.pos_ == "PROPN" and t.dep_ in SUBJECT_DEPS and (t.head.dep_ in ("ROOT", "conj") or _opens_paragraph(t))
            and t.i not in tagged and t.text in surnames]  # main clauses only ("the effect Sinwar may have": no)


def _surnames_tagged_org(doc) -> list:
    """A surname the tagger took for an organisation, as a PERSON span: an ORG whose words are
    those of a full PERSON name of the article but its first ("Rosa Whitfield-Ortiz ...
    Whitfield-Ortiz said"): a person, whose he/she and rivalry count."""
    from spacy.tokens import Span as DocSpan

    tails = _person_tails(doc)
    return [DocSpan(doc, e.start, e.end, label="PERSON") for e in _ents(doc)
            if e.label_ == "ORG" and e.text in tails]


def _person_tails(doc) -> set[str]:
    """The surnames of the article: the words of each full PERSON name but its first."""
    return {e.text.split(" ", 1)[1] for e in _ents(doc) if e.label_ == "PERSON" and " " in e.text}


def _surname_spots(doc) -> list[tuple[int, str]]:
    """(character position, words) of every occurrence of a surname of the article — the words of a
    full PERSON name but its first — wherever it stands, also where the tagger missed it or took it
    for an organisation ("Rosa Whitfield-Ortiz ... the mayor appointed Whitfield-Ortiz")."""
    spots = doc.user_data.get("newsledger.surname_spots")
    if spots is None:
        tails = _person_tails(doc)
        spots = doc.user_data["newsledger.surname_spots"] = sorted(
            (mt.start(), tail) for tail in tails
            for mt in re.finditer(r"(?<![\w-])" + re.escape(tail) + r"(?![\w-])", doc.text))
    return spots


def _object_of(doc, start: int, end: int, verb) -> bool:
    """Whether the words at ``start:end`` are the object of ``verb`` ("appointed Whitfield-Ortiz")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return verb is not None and span is not None and len(span) > 0 and span.root.head.i == verb.i \
        and span.root.dep_ in ("dobj", "dative", "iobj")


def _same_person(name: str, tail: str) -> bool:
    """Whether a surname (:func:`_surname_spots`) may be the person called ``name``."""
    last = name.split()[-1] if name.split() else name
    return name.endswith(tail) or tail.endswith(last)


def _opens_paragraph(t) -> bool:
    """Whether a token starts a paragraph: its clause is a main one even where the parse ran the
    previous paragraph's quotation into the same sentence ("... all kinds of AI.” ¶ White didn't
    commit ...": "commit" parsed as a complement of the quote's verb)."""
    return t.i == 0 or "\n" in t.doc[t.i - 1].text


def _reported_mask(claims, n: int) -> list[bool]:
    mask = [False] * n
    for c in claims:
        for s, e in (c.content.pieces or [(c.content.start, c.content.end)]):
            for i in range(max(s, 0), min(e, n)):
                mask[i] = True
    return mask


def _agrees(ctx: _Context, pron: str, cl: _Cluster) -> bool:
    """Whether a pronoun can refer to a cluster (gender and number)."""
    if pron in MALE or pron in FEMALE:
        if cl.kind != "person":
            return False
        want = "m" if pron in MALE else "f"
        g = ctx.gender_of(cl)
        return g == want if g is not None else not any(disagrees(want, n) for n in cl.mentions)
    if pron in NEUTER:
        return cl.kind == "org" and not getattr(cl, "plural", False) and getattr(cl, "orgish", True) \
            and not getattr(cl, "personal", False)
    if pron in PLURAL:
        return getattr(cl, "plural", False) or _collective(cl)
    return True


def _collective(cl: _Cluster) -> bool:
    """Whether a singular cluster can be a "they": a named organisation or one a generic noun names
    ("the company ... they said"), never a country or city ("Israel ... they": the writer would
    say "it") nor a singular thing ("the profile page ... they")."""
    return cl.kind == "org" and getattr(cl, "collective", True) and not getattr(cl, "gpe", False)


def _mention_name(ctx: _Context, m: _Mention) -> str:
    """A person mention's name as clusters are keyed ("President Donald Trump" -> "Donald Trump")."""
    return _person_name(ctx.doc, m.ent.start_char, m.ent.end_char) or m.ent.text


def _cluster_of_mention(ctx: _Context, m: _Mention) -> _Cluster:
    if m.kind == "person":
        name = _mention_name(ctx, m)
        return _find_person(ctx.clusters, name) or _new(ctx.clusters, name, "person")
    name = _strip_paren(_strip_det(_norm(m.ent.text)))
    found = _find_org(ctx.clusters, name)
    if found is not None:
        return found
    cl = _new(ctx.clusters, name, "org")
    cl.gpe = m.ent.label_ == "GPE"
    cl.plural = m.ent.label_ == "NORP" and m.ent.root.tag_ in ("NNS", "NNPS")  # "Palestinians", not "Israeli"
    return cl


def _antecedents(ctx: _Context, pos: int, pron: str) -> list[tuple[int, _Cluster, str, str]]:
    """Compatible (position, cluster, role, mention) before ``pos``, nearest first: speakers of
    earlier claims and subject mentions within :data:`WINDOW`."""
    out = []
    for cl in ctx.clusters:
        p = getattr(cl, "last_pos", -1)
        if 0 <= p < pos and pos - p <= WINDOW and _agrees(ctx, pron, cl):
            out.append((p, cl, "speaker", cl.name))
    for m in ctx.mentions:
        if m.pos >= pos or pos - m.pos > WINDOW or m.role == "other":
            continue
        cl = _cluster_of_mention(ctx, m)
        if _agrees(ctx, pron, cl):
            out.append((m.pos, cl, m.role, m.ent.text))
    return sorted(out, key=lambda x: -x[0])


def _resolve_pronoun(ctx: _Context, pron: str, pos: int) -> tuple[Optional[_Cluster], float, Optional[str]]:
    """(cluster, confidence, the mention used) for a pronoun source at ``pos``."""
    if pron in FIRST_PERSON:
        cl = ctx.current if pron in {"we", "us", "our"} else (ctx.last_person or ctx.current)
        return (cl, CONF_AMBIGUOUS, cl.name) if cl is not None and 0 <= pos - ctx.current_pos <= WINDOW else (None, 0.0, None)
    if pron in PLURAL and ctx.current_group and ctx.current is not None and 0 <= pos - ctx.current_pos <= WINDOW // 2:
        return ctx.current, CONF_SPEAKER, ctx.current.name  # "Gallagher and his colleagues asked ... they wrote"
    if pron in PLURAL and _plural_unsafe(ctx, pos):
        return None, 0.0, None
    if _unnamed_latest(ctx, pron, pos):
        return None, 0.0, None
    cands = _antecedents(ctx, pos, pron)
    if not cands:
        return None, 0.0, None
    others = {id(x[1]) for x in cands}
    cur = ctx.current
    gendered = pron in MALE | FEMALE
    known = [x for x in cands if gendered and ctx.gender_of(x[1]) is not None]
    if cur is not None and id(cur) in others and not ctx.current_guessed \
            and 0 <= pos - ctx.current_pos <= WINDOW and (
            not known or ctx.gender_of(cur) is not None or pos - ctx.current_pos <= 300
            or "\n" not in ctx.text[ctx.current_pos:pos]):
        # (a speaker of unknown gender yields to a candidate known to agree, unless named in the
        # pronoun's own paragraph: "Prof Ada Green agrees ... “...,” he says" is Green's, not an earlier man's)
        # the current speaker, unless a compatible subject was named after the speaker last spoke
        # (not a subject inside the speaker's own phrase: "Christie, a backer who ... after Trump tried ...")
        later = [cl for p, cl, role, _ in cands if p >= max(ctx.current_end, ctx.current_pos + 1)
                 and cl is not cur and role == "subject"]
        if not later and not (pron in NEUTER and _other_subject_before(ctx, pos, ctx.current_pos, cur)):
            if gendered and (_rival_in_paragraph(ctx, pron, pos, cur) or _patient_agrees(ctx, pron, cur)):
                return None, 0.0, None
            return cur, CONF_SPEAKER, cur.name
    p, cl, role, mention = known[0] if known and ctx.gender_of(cands[0][1]) is None and pos - known[0][0] <= 600 \
        else cands[0]
    if pron in NEUTER and _other_subject_before(ctx, pos, p, cl):
        return None, 0.0, None  # "Strava is cagey on the details (it does say ...)": not an earlier WhatsApp
    if gendered and (_reported_rival(ctx, pron, p, pos, cl) or _named_in_its_words(ctx, p, pos, cl)):
        return None, 0.0, None
    if gendered and _known_rival(ctx, cl, known):
        return None, 0.0, None
    if pron in NEUTER | PLURAL and _modifier_mention(ctx, p):
        return None, 0.0, None  # "The Utqiagvik test opened ... It argued": the test's, not the town's
    if gendered and cl is not cur and _object_person_since(ctx, pron, p, pos, cl):
        return None, 0.0, None
    rivals = {id(x[1]) for x in cands if pos - x[0] <= 600} - {id(cl)}
    sure = ctx.gender_of(cl) is not None or pron not in MALE | FEMALE
    conf = CONF_SUBJECT if not rivals and sure else CONF_AMBIGUOUS
    return cl, conf, mention


UNNAMED_REACH = 600  # characters after an unnamed speaker within which a pronoun is taken for them


def _unnamed_latest(ctx: _Context, pron: str, pos: int) -> bool:
    """Whether the passage's latest speaker is an unnamed person ("a teacher at the venue said ...
    The teacher added ... She said", "A spokesman for the police said ... They added") with no
    person named as a subject since: the pronoun is most likely theirs, so no earlier name is
    safe (nor a place: "Southport")."""
    if pron not in ctx.unnamed_agrees | PLURAL or ctx.unnamed_pos < max(0, ctx.current_pos) \
            or not 0 <= pos - ctx.unnamed_pos <= UNNAMED_REACH:
        return False
    return not any(ctx.unnamed_end <= m.pos < pos and m.role == "subject" and m.kind == "person"
                   for m in ctx.mentions)


# the head of a phrase naming one person by role ("an MP in Seaford", "a lawyer for the city")
PERSON_ROLES = {"mp", "lawmaker", "legislator", "councillor", "councilman", "councilwoman", "congressman",
                "congresswoman", "senator", "minister", "lawyer", "attorney", "judge", "mayor", "governor",
                "spokesman", "spokeswoman", "spokesperson", "official", "officer", "adviser", "advisor", "aide"}


def _unnamed_person(c, cl) -> bool:
    """Whether a resolved source is an unnamed person: anonymous, or a role phrase kept as its
    own name ("the teacher")."""
    if c.source.anonymous:
        return True
    if cl is None or cl.kind != "org" or c.signals.get("src_via") != "phrase":
        return False
    words = _content_words(cl.name)
    return bool(words) and words[-1].lower() in ANON_ROLES | PERSON_NOUNS


MALE_NOUNS = {"man", "boy", "father", "son", "husband", "spokesman", "chairman", "brother", "king"}
FEMALE_NOUNS = {"woman", "girl", "mother", "daughter", "wife", "spokeswoman", "chairwoman", "sister", "queen"}


def _pronouns_of(doc, src) -> set[str]:
    """The singular pronouns an unnamed person can be referred to by: none for a group ("officials"),
    "he" for "a masked man", "she" for "a spokeswoman", both for "a teacher"."""
    head = _head_token(doc, src.start, src.end)
    if head is None or head.tag_ in ("NNS", "NNPS"):
        return set()
    lemma = head.lemma_.lower()
    return MALE if lemma in MALE_NOUNS else FEMALE if lemma in FEMALE_NOUNS else MALE | FEMALE


def _speaks_for(doc, src) -> bool:
    """Whether an unnamed speaker speaks for a body the source names only by a common noun ("a
    spokesman for the union", "officials at the agency"): a following "it" most likely means that
    body, so no organisation named earlier is a safe guess."""
    head = _head_token(doc, src.start, src.end)
    return head is not None and any(
        p.dep_ == "prep" and p.lower_ in ("for", "at", "of") and any(
            o.dep_ == "pobj" and o.pos_ == "NOUN" and src.start <= o.idx < src.end for o in p.children)
        for p in head.children)


def _plural_unsafe(ctx: _Context, pos: int) -> bool:
    """A "they" with no safe antecedent: the passage's latest speaker cannot be a "they" ("The
    archive page shows ... they posted": not an older plural speaker beyond it), or a plural
    noun was the subject of a main clause since that speaker spoke ("... according to the Post.
    The user's posts grew angrier. In one, they ...": the posts' writer, not the Post)."""
    cur = ctx.current
    if cur is None or not 0 <= pos - ctx.current_pos <= WINDOW:
        return False
    if not _agrees(ctx, "they", cur):
        return pos - ctx.current_pos <= WINDOW // 2
    return any(t.dep_ in SUBJECT_DEPS and t.tag_ in ("NNS", "NNPS") and t.head.dep_ in ("ROOT", "conj")
               and not ctx.hidden(t.idx, t.idx + 1)
               for t in ctx.doc if ctx.current_end <= t.idx < pos)


def _reported_rival(ctx: _Context, pron: str, cand_pos: int, pos: int, cl: _Cluster) -> bool:
    """Whether, between the chosen antecedent and the pronoun, someone else's words name another
    person known to agree with the pronoun ("Baker is accused ... The complaint alleges that Baker
    poisoned Mr Kline's dog. He says ...": Kline as likely as Baker): then no guess is safe."""
    want = "m" if pron in MALE else "f"
    last = cl.name.split()[-1] if cl.name.split() else cl.name
    return any(cand_pos < q < pos and g == want and name.split()[-1] != last
               for q, name, g in ctx.reported_persons)


def _named_in_its_words(ctx: _Context, cand_pos: int, pos: int, cl: _Cluster) -> bool:
    """Whether a he/she stands inside another claim's reported words that name, before it, a
    person other than the chosen antecedent, itself named before those words ("Rivera had long
    been watched. Court papers say the arrest of Okafor came after he refused ...": Okafor as
    likely as Rivera), even by a surname the tagger missed: two readings, no guess."""
    start = pos
    while start > 0 and ctx.reported[start - 1]:
        start -= 1
    if start == pos or cand_pos >= start:
        return False
    return any(start <= q < pos and not _same_person(cl.name, tail) for q, tail in _surname_spots(ctx.doc))


def _known_rival(ctx: _Context, cl: _Cluster, known) -> bool:
    """Whether a he/she's chosen antecedent (not the current speaker) has no known gender while
    another person within reach is known to agree ("... alumnus was Leonard Cohen, with Mila
    Mulroney ... trailing far behind ... she wrote", Harris named as "she" earlier): two readings,
    no guess."""
    if cl is ctx.current or ctx.gender_of(cl) is not None:
        return False
    last = cl.name.split()[-1:]
    return any(k is not cl and k.name.split()[-1:] != last for _, k, _, _ in known)


def _modifier_mention(ctx: _Context, p: int) -> bool:
    """Whether the mention at ``p`` only modifies a common noun ("the Utqiagvik test", "the Reuters
    report"): an "it"/"they" after it most likely means that noun, which it does not name."""
    m = next((m for m in ctx.mentions if m.pos == p), None)
    return m is not None and m.ent.root.dep_ == "compound" and m.ent.root.head.pos_ == "NOUN"


def _object_person_since(ctx: _Context, pron: str, p: int, pos: int, cl: _Cluster) -> bool:
    """Whether, with the chosen antecedent (not the current speaker) named before the pronoun's
    paragraph, another person who may agree was introduced in that paragraph as an object or an
    apposition ("Field ... met its
    associate director, Steven Zornetzer, a former neuroscientist. “...,” he told me": Zornetzer as
    likely as the earlier man): two readings, no guess."""
    ps = ctx.text.rfind("\n", 0, pos) + 1
    if p >= ps:
        return False  # the antecedent is named in the pronoun's own paragraph: the paragraph is about it
    want = "m" if pron in MALE else "f"
    for m in ctx.mentions:
        if m.kind != "person" or m.role != "other" or not ps < m.pos < pos:
            continue
        other = _person_cluster(ctx, m)  # a lookup: a check creates no cluster
        gender = ctx.gender_of(other) if other is not None else ctx.gender_of_names(_mention_name(ctx, m))
        if other is not cl and gender in (None, want):
            return True
    return False


def _rival_in_paragraph(ctx: _Context, pron: str, pos: int, cur: _Cluster) -> bool:
    """Whether, with the current speaker named before the pronoun's paragraph, that paragraph makes
    before the pronoun another person known to agree its topic, as the possessor of something,
    even by a surname the tagger missed ("In Hajjaj's case, she stayed ... “...,” she continued":
    Hajjaj as likely as the woman quoted in the paragraph before): two readings, no guess. (A
    person merely named, "under cross-examination by Mpofu, he said", is no topic.)"""
    ps = ctx.text.rfind("\n", 0, pos) + 1
    if ctx.current_pos >= ps:
        return False
    want = "m" if pron in MALE else "f"
    names = [tail for q, tail in _surname_spots(ctx.doc)
             if ps <= q < pos and not ctx.hidden(q, q + 1) and ctx.text.startswith(("'s", "’s"), q + len(tail))]
    return any(not _same_person(cur.name, n) and ctx.gender_of_names(n) == want for n in names)


def _other_subject_before(ctx: _Context, pos: int, cand_pos: int, cl: _Cluster) -> bool:
    """Whether the pronoun's own sentence has, before it and after the chosen antecedent, a subject
    we took for a person ("Strava is cagey ... (it does say ...)"): "it" most likely means that
    subject, mistyped by the tagger, so no earlier organisation is a safe guess."""
    tok = next((t for t in ctx.doc if t.idx >= pos), None)
    if tok is None:
        return False
    start = max(tok.sent.start_char, cand_pos + 1)
    return any(start <= m.pos < pos and m.role == "subject" and m.kind == "person"
               and _person_cluster(ctx, m) is not cl for m in ctx.mentions)


def _person_cluster(ctx: _Context, m: _Mention) -> Optional[_Cluster]:
    """The cluster of a person mention, if one exists (a lookup: creates none)."""
    return _find_person(ctx.clusters, _mention_name(ctx, m))


def _appositive_person(ctx: _Context, src) -> Optional[str]:
    """"Yevhen Zosin, 74, a Kyiv resident who ...": the name a descriptor source stands beside."""
    doc = ctx.doc
    span = doc.char_span(src.start, src.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    inside = [e for e in _ents(doc) if e.label_ == "PERSON" and span.start < e.start and e.end <= span.end
              and e.root.dep_ == "appos" and not _under_backer(e.root, span.root)]
    if inside:  # "one of Epstein's victims, Virginia Giuffre"
        return _person_name(doc, inside[0].start_char, inside[0].end_char) or inside[0].text
    root = span.root
    named = _role_apposition(span)
    if named:
        return named  # "the company's CEO, Abdulaziz Jaafar": the name the tagger took for an organisation
    if root.lemma_.lower() in WORK_NOUNS:
        return None  # "... the Award for Service, a recent poll has shown": a poll stands beside no person
    head = _chain_head(ctx, span)
    if head is not None:
        return head  # "Chad Hawk, vice president of PMG, a paper money grading company, said"
    if root.lemma_.lower() in GENERIC_ORG:
        return None
    for t in [root.head] + list(root.children):
        if t.ent_type_ == "PERSON" and t.dep_ in ("appos", "nsubj") and (t.i == root.head.i) == (root.dep_ == "appos"):
            return _person_name(doc, t.idx, t.idx + len(t))
    j = span.start - 1
    while j >= 0 and (doc[j].is_punct or doc[j].like_num) and span.start - j <= 4:
        j -= 1
    if j >= 0 and doc[j].ent_type_ == "PERSON" and doc[j].text != "\n":
        ent = next((e for e in _ents(doc) if e.start <= j < e.end), None)
        if ent is not None and not _in_fronted_verb_phrase(ctx, ent):
            return _person_name(doc, ent.start_char, ent.end_char) or ent.text
    return None


def _under_backer(tok, root) -> bool:
    """Whether a backing verb stands between ``tok`` and the source's head ``root`` ("The letter,
    also backed by the chef Hugh Marlow": a backer of the letter, not the person the source is; "a
    story her sister Maya has told" is Maya's)."""
    for a in tok.ancestors:
        if a.i == root.i:
            return False
        if a.pos_ in ("VERB", "AUX") and a.lemma_.lower() in BACKER_VERBS:
            return True
    return False


def _in_fronted_verb_phrase(ctx: _Context, ent) -> bool:
    """Whether a name belongs to a participle phrase set before it, outside quotations ("Speaking
    after Mr Adams, the minister's deputy said"): the phrase's object, not the person the next noun
    phrase describes."""
    return any(a.tag_ in ("VBG", "VBN") and a.dep_ == "advcl" and a.i < ent.start and not ctx.qmask[a.idx]
               for a in ent.root.ancestors)


ORG_NAME_WORDS = {"inc", "ltd", "llc", "corp", "co", "plc", "group", "company", "bank", "university", "council",
                  "ministry", "agency", "institute", "foundation", "association", "party", "league", "club"}


def _role_apposition(span) -> Optional[str]:
    """The name set beside a person's role in the source itself ("the company's CEO, Abdulaziz
    Jaafar", "its founder, Mira Patel"): a role noun, a comma, then two to four capitalised proper
    nouns with no organisation word among them, whatever entity type the tagger gave them."""
    root = span.root
    if root.lemma_.lower() not in TITLE_WORDS | ANON_ROLES | PERSON_NOUNS | {"ceo", "cfo", "coo"}:
        return None
    for c in root.children:
        if c.dep_ != "appos" or c.i <= root.i or c.i >= span.end or c.i == 0 or c.doc[c.left_edge.i - 1].text != ",":
            continue
        toks = list(c.doc[c.left_edge.i:c.i + 1])
        if 2 <= len(toks) <= 4 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in toks) \
                and not any(t.lower_.strip(".") in ORG_NAME_WORDS | TITLE_WORDS for t in toks) \
                and c.ent_type_ in ("PERSON", "ORG", ""):
            return c.doc[toks[0].i:toks[-1].i + 1].text
    return None


CHAIN_TOKENS = 16  # how far back an apposition chain is followed


def _chain_head(ctx: _Context, span) -> Optional[str]:
    """The person heading an apposition chain that a source ends ("Chad Hawk, vice president of
    PMG, a paper money grading company ..."): the source follows a comma, and back to a PERSON
    name followed by a comma there are only noun phrases (no verb, quote or clause break)."""
    doc = ctx.doc
    j = span.start - 1
    if j < 0 or doc[j].text != "," or not span[0].lower_ in ("a", "an", "the"):
        return None
    while j > 0 and span.start - j <= CHAIN_TOKENS:
        j -= 1
        t = doc[j]
        if t.ent_type_ == "PERSON":
            ent = next((e for e in _ents(doc) if e.start <= j < e.end and e.label_ == "PERSON"), None)
            if ent is None or ent.end >= len(doc) or doc[ent.end].text != "," or ctx.qmask[ent.start_char] \
                    or _in_fronted_verb_phrase(ctx, ent):
                return None
            return _person_name(doc, ent.start_char, ent.end_char) or ent.text
        if t.pos_ in ("VERB", "AUX", "PRON") or (t.is_punct and t.text != ",") or t.is_sent_start or "\n" in t.text:
            return None
    return None


def _descriptor_head(doc, src) -> Optional[str]:
    head = _head_token(doc, src.start, src.end)
    if head is None or head.pos_ != "NOUN":
        return None
    return head.lemma_.lower()


LINK_WORDS = {"of", "for", "on", "in", "at", "and", "to", "the", "&"}


def _head_words(mention: str) -> list[str]:
    """The words of an organisation's name that can be its head: not a modifier of a following
    common noun ("the user" is not the "Reddit user profile page"; "the ministry" is the
    "Ministry of Health")."""
    words = mention.split()
    return [w for k, w in enumerate(words)
            if k + 1 == len(words) or words[k + 1].lower() in LINK_WORDS or not words[k + 1][:1].islower()]


def _resolve_descriptor(ctx: _Context, raw: str, src) -> tuple[Optional[_Cluster], float, Optional[str]]:
    """A definite descriptor ("the spokesman", "the officials", "the government") -> an earlier
    speaker whose words hold its head noun, or the passage's country for a government."""
    head = _descriptor_head(ctx.doc, src)
    if head is None:
        return None, 0.0, None
    tok = _head_token(ctx.doc, src.start, src.end)
    plural = tok is not None and tok.tag_ == "NNS"
    best = None
    for cl in ctx.clusters:
        p = getattr(cl, "last_pos", -1)
        if not (0 <= p < src.start and src.start - p <= WINDOW):
            continue
        if cl.kind == "person" and (plural or head in INSTITUTION_HEADS):
            continue  # "the authors" are not the one author named before; "the department" is no person
        words = {w.lower().rstrip("s") for m in cl.mentions for w in (_head_words(m) if cl.kind == "org" else m.split())}
        words |= {w.lower().rstrip("s") for m in getattr(cl, "descriptions", []) for w in m.split()}
        if head.rstrip("s") in words and (best is None or p > best[0]):
            best = (p, cl)
    if best is not None:
        return best[1], CONF_DESCRIPTOR, best[1].name
    if head in GOVERNMENT_HEADS:
        gpes = [m for m in ctx.mentions if m.ent.label_ == "GPE" and m.pos < src.start and src.start - m.pos <= WINDOW]
        if gpes:
            m = gpes[-1]
            cl = _cluster_of_mention(ctx, m)
            return cl, CONF_DESCRIPTOR - 0.1, m.ent.text
    return None, 0.0, None


# a bare "the agency" / "the company" stands for the organisation just named; "the military", "the
# police", "the spokesman", "the report" name a speaker of their own (or nobody we can tell)
ORG_TYPE_HEADS = {"agency", "ministry", "department", "company", "firm", "group", "organization", "organisation",
                  "institute", "bureau", "authority", "commission", "council", "committee", "office", "service",
                  "network", "outlet", "newspaper", "paper", "website"}


# heads that name an institution, never a person ("Dana Pratt, a lawyer at the State Department
# ... The department said" is the department's, not Pratt's)
INSTITUTION_HEADS = ORG_TYPE_HEADS | GOVERNMENT_HEADS | ORG_NAME_WORDS | {
    "board", "court", "police", "army", "military", "union", "hospital", "school", "bank", "firm", "newspaper"}


def _latest_org(ctx: _Context, pos: int) -> tuple[Optional[_Cluster], float, Optional[str], bool]:
    orgs = [m for m in ctx.mentions if m.ent.label_ == "ORG" and m.pos < pos and pos - m.pos <= WINDOW // 2]
    if not orgs:
        return None, 0.0, None, False
    m = orgs[-1]
    return _cluster_of_mention(ctx, m), CONF_DESCRIPTOR - 0.1, m.ent.text, False


def _possessed_work(raw: str) -> bool:
    words = raw.lower().replace("’", "'").split()
    return 0 < len(words) <= 4 and words[0] in ("its", "their", "his", "her") and (
        words[-1] in WORK_NOUNS or (words[0] in ("its", "their") and words[-1] in GOVERNMENT_HEADS | GENERIC_ORG))


# "reports seen by Reuters", "a memo obtained by the Times": who read the work, not who wrote it
READER_VERBS = {"see", "obtain", "review", "read", "examine", "receive", "view", "access", "get", "reach",
                "leak", "share", "hear", "verify", "inspect"}
# "a letter signed by 40 MPs", "a report commissioned by the senator": who backed the work, not who wrote it
BACKER_VERBS = {"sign", "cosign", "co-sign", "back", "support", "endorse", "commission", "fund", "sponsor",
                "request", "order", "welcome", "praise", "cite", "quote", "mention"}


def _work_author(doc, src) -> Optional[str]:
    """"a 2017 analysis coordinated by Instituto Escolhas": the author a work noun names (not the
    reader: "reports seen by Reuters" names no author)."""
    span = doc.char_span(src.start, src.end, alignment_mode="expand")
    if span is None or not len(span) or span.root.lemma_.lower() not in WORK_NOUNS:
        return None
    for t in span:
        if t.lower_ == "by" and t.head.lemma_.lower() in READER_VERBS | BACKER_VERBS:
            continue
        if t.lower_ == "by" and t.i + 1 < span.end:
            pobj = [c for c in t.children if c.dep_ == "pobj" and c.i < span.end]
            if pobj:
                ent = next((e for e in _ents(doc) if e.start <= pobj[0].i < e.end and e.label_ in ("PERSON", "ORG")), None)
                if ent is not None:
                    return ent.text
    return None


def _passive_subject(doc, c) -> bool:
    """The source is the passive subject of the cue ("X was accused of ..."): the accused."""
    span = doc.char_span(c.source.start, c.source.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    if root.dep_ == "nsubjpass" and c.cue.start <= root.head.idx < c.cue.end + 1 and root.head.lemma_ != "quote":
        return True
    return _passive_cue(doc, c) and not (c.source.start <= c.cue.start < c.source.end)


def _passive_cue(doc, c) -> bool:
    """A passive cue with no "by" agent whose subject was inherited: "(she has) been accused of
    ...", "Asked whether he ..., Tester said": the one it names was accused or asked."""
    cue = doc.char_span(c.cue.start, c.cue.end, alignment_mode="expand")
    if cue is None or not len(cue):
        return False
    verb = cue.root
    if verb.tag_ != "VBN" or verb.lemma_ == "quote" or any(x.dep_ == "agent" for x in verb.children):
        return False
    if any(x.dep_ == "auxpass" for x in verb.children):
        return not any(x.dep_ in ("nsubjpass", "nsubj") for x in verb.children)
    return verb.dep_ in ("advcl", "acl") and not any(x.dep_ in ("aux", "nsubj", "nsubjpass") for x in verb.children) \
        and verb.i == verb.sent.start  # "Asked whether ...": a participle opening its sentence


def _passive_patient(doc, c) -> Optional[str]:
    """The person a passive cue with a "by" agent is about ("Peter Hale was accused by Maria Lopez
    of ..."): the subject of the passive, when a PERSON name, else None."""
    cue = doc.char_span(c.cue.start, c.cue.end, alignment_mode="expand")
    if cue is None or not len(cue) or not any(x.dep_ == "agent" for x in cue.root.children):
        return None
    subj = next((x for x in cue.root.children if x.dep_ == "nsubjpass"), None)
    ent = next((e for e in _ents(doc) if subj is not None and e.label_ == "PERSON" and e.start <= subj.i < e.end), None)
    return None if ent is None else _person_name(doc, ent.start_char, ent.end_char) or ent.text


def _patient_agrees(ctx: _Context, pron: str, cur: _Cluster) -> bool:
    """Whether the person the current speaker's passive cue was about may be the he/she as well
    ("Peter Hale was accused by Maria Lopez of lying. He said ..."), the speaker's own gender not
    settling it: two readings, no guess."""
    patient = ctx.current_patient
    if patient is None or _same_person(cur.name, patient):
        return False
    want = "m" if pron in MALE else "f"
    return ctx.gender_of_names(patient) in (None, want) and ctx.gender_of(cur) in (None, want)


def _relative_head(doc, src):
    """The noun a relative pronoun source ("which", "who") modifies, as a char span, else None."""
    tok = _head_token(doc, src.start, src.end)
    if tok is None or tok.lower_ not in RELATIVES:
        return None
    verb = tok.head
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        n = verb.head
        if tok.lower_ == "which" and _person_noun(n):
            return None  # "the head of the Dialogue Group, which says ...": "which" is never a person
        if _mere_thing(n):
            return None  # "a photo with a heading that said ...": the heading's writer, not the heading
        return n.left_edge.idx, n.idx + len(n)
    return None


def _mere_thing(n) -> bool:
    """A common noun that names neither a person, a group nor a work that speaks ("heading",
    "sticker", "sign"): what it "says" was written by someone the sentence does not name."""
    return n.pos_ == "NOUN" and not n.ent_type_ and not _person_noun(n) and n.tag_ != "NNS" \
        and n.lemma_.lower() not in GENERIC_ORG | ORG_TYPE_HEADS | GOVERNMENT_HEADS | WORK_NOUNS | ANON_HEADS


PERSON_NOUNS = {"head", "chief", "leader", "founder", "director", "chairman", "chairwoman", "president", "man",
                "woman", "boy", "girl", "father", "mother", "son", "daughter", "wife", "husband"}


def _person_noun(tok) -> bool:
    """Whether a noun names a person: a PERSON entity, a title or a role ("the head of ...")."""
    lemma = tok.lemma_.lower()
    return tok.ent_type_ == "PERSON" or lemma in TITLE_WORDS | ANON_ROLES | PERSON_NOUNS


def _named_before(ctx: _Context, surname: str, pos: int) -> Optional[str]:
    """The one full name an earlier PERSON mention gives a bare surname ("President Donald Trump
    ... Trump said" -> "Donald Trump"); None when no earlier mention or two different people fit."""
    found = set()
    for m in ctx.mentions:
        if m.kind != "person" or m.pos >= pos:
            continue
        name = _mention_name(ctx, m)
        parts = name.split()
        if len(parts) >= 2 and parts[-1].lower() == surname.lower().replace("'s", ""):
            found.add(name)
    full = {n for n in found if not any(n != o and n in o for o in found)}  # "Donald Trump" within "Donald J. Trump"
    return full.pop() if len(full) == 1 else None


def _named_person(ctx: _Context, raw: str, src) -> Optional[tuple[Optional[_Cluster], float, Optional[str], bool]]:
    """The resolution of a source naming a person, a person it stands beside, or a work's author;
    None when it names none of these."""
    doc = ctx.doc
    pname = _person_name(doc, src.start, src.end)
    if pname is None:
        core = _core(doc, src.start, src.end)
        words = _content_words(core.text if core is not None else raw)
        if 1 <= len(words) <= 2:
            for cc in ctx.clusters:
                if cc.kind == "person" and cc.name.split()[-1].lower() == words[-1].lower().replace("'s", ""):
                    pname = cc.name
                    break
        if pname is None and len(words) == 1 and words[0][:1].isupper():
            pname = _named_before(ctx, words[0], src.start)
    if pname:
        cl = _find_person(ctx.clusters, pname) or _new(ctx.clusters, pname, "person")
        cl.descriptions = getattr(cl, "descriptions", []) + [raw]  # "spokesman Karl Vint": a later "the spokesman"
        return cl, CONF_NAMED, None, False
    beside = _appositive_person(ctx, src)
    if beside:
        cl = _find_person(ctx.clusters, beside) or _new(ctx.clusters, beside, "person")
        cl.descriptions = getattr(cl, "descriptions", []) + [raw]
        return cl, CONF_NAMED - 0.05, beside, False
    author = _work_author(doc, src)
    if author:
        pname = _person_name(doc, src.start + raw.find(author), src.start + raw.find(author) + len(author)) \
            if raw.find(author) >= 0 else None
        if pname:
            return _find_person(ctx.clusters, pname) or _new(ctx.clusters, pname, "person"), CONF_ORG, author, False
        cl = _find_org(ctx.clusters, author) or _new(ctx.clusters, author, "org")
        return cl, CONF_ORG, author, False
    return None


def _named(ctx: _Context, raw: str, src) -> tuple[Optional[_Cluster], float, Optional[str], bool]:
    """(cluster, confidence, resolved_from, anonymous) for a source that names its speaker."""
    doc = ctx.doc
    found = _named_person(ctx, raw, src)
    if found is not None:
        return found
    head = _head_token(doc, src.start, src.end)
    first = raw.split()[0].lower() if raw.split() else ""
    definite = first in ("the", "this", "that", "these", "those", "its", "their", "his", "her")
    core = _core(doc, src.start, src.end)  # "the officials, who added ...": "the officials"
    core_words = _content_words(core.text if core is not None else raw)
    generic = len(core_words) == 2 and core_words[0].lower() in GENERIC_ORG and core_words[0].islower()
    if (definite or generic) and len(core_words) <= 3 and not any(
            t.ent_type_ for t in (core if core is not None else [])):
        cl, conf, used = _resolve_descriptor(ctx, raw, src)
        if cl is not None:
            return cl, conf, used, False
        if head is not None and head.lower_ in ORG_TYPE_HEADS and first in ("the", "this") \
                and len(_content_words(raw)) == 1:
            return _latest_org(ctx, src.start)  # a bare "the agency": the organisation just named, else unresolved
    if BARE_REPORTS.match(raw):
        return None, CONF_ANON, None, True  # "Reports say ...": unnamed, like "officials"
    if SHARE_OF_PEOPLE.search(raw) and head is not None and not head.ent_type_:
        return _poll_of(ctx, src)  # "about 7 in 10 voters say ..., based on an AP-NORC poll": the poll's finding
    if head is not None and (head.like_num or head.lower_ in QUANTIFIERS) and not head.ent_type_ in ("PERSON", "ORG"):
        if len(raw.split()) == 1 and head.lower_ in {"all", "both", "neither", "each", "none", "either"}:
            return None, 0.0, None, False  # "All said ...": which ones is for the reader to guess
        cl = _new(ctx.clusters, raw, "org")  # "about 3 in 10 voters", "many in Gaza": a group of its own
        cl.plural = cl.indefinite = True
        return cl, CONF_ANON, None, False
    if _is_anonymous(raw, head):
        return None, CONF_ANON, None, True
    cl = _phrase_cluster(ctx, raw, src, head)
    acr = _acronym_def(raw)
    if acr:
        cl.acronyms.add(acr)
    # a proper name or an organisation is a speaker a reader can check; "reports", "the story" less so
    return cl, CONF_ORG if getattr(cl, "orgish", True) else CONF_GENERIC, None, False


def _phrase_cluster(ctx: _Context, raw: str, src, head) -> _Cluster:
    """The organisation or phrase cluster a source names: an earlier one of the same name (not for
    an indefinite "a ..."), else a new one typed by its head."""
    first = raw.split()[0].lower() if raw.split() else ""
    cl = None
    if first not in ("a", "an"):  # an indefinite mention is a new referent
        cl = _find_org(ctx.clusters, raw)
    if cl is None:
        core = _core(ctx.doc, src.start, src.end)
        base = _norm(core.text) if core is not None else raw
        cl = _new(ctx.clusters, _strip_paren(_strip_det(base)) or raw, "org")
        # "Israel Defense Forces" (NNPS) is one "it"; "Norway and Denmark" are a "they"
        cl.plural = head is not None and head.tag_ == "NNS" or _coordinated(ctx.doc, src)
        cl.gpe = head is not None and head.ent_type_ == "GPE" and not cl.plural
        cl.collective = head is not None and (head.pos_ == "PROPN" or head.ent_type_ in ("ORG", "NORP")
                                              or head.lower_ in GENERIC_ORG | ORG_TYPE_HEADS | GOVERNMENT_HEADS)
        # "it" may stand for an organisation, not for any noun phrase that once spoke
        cl.orgish = head is not None and (head.pos_ == "PROPN" or head.lower_ in GENERIC_ORG | WORK_NOUNS or any(
            t.ent_type_ in ("ORG", "GPE", "NORP") for t in head.subtree))
        cl.indefinite = first in ("a", "an")
        cl.personal = head is not None and head.lemma_.lower() in PERSON_ROLES  # "an MP in Seaford": no "it"
    else:
        cl.add(raw)
    return cl


# "reports", "media reports", "local news reports": a report nobody owns names no speaker
BARE_REPORTS = re.compile(r"^(the )?((media|news|press|local|unconfirmed|early|initial|recent|other|some|several|"
                          r"many|multiple|further)[ -])*(reports?|rumou?rs?)$", re.I)
# a share of people ("about 7 in 10 voters", "62% of Americans", "one in five adults"): a poll's finding
SHARE_OF_PEOPLE = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine)\s+(in|out of)\s+"
                             r"(\d+|three|four|five|ten)\b|\d\s*(%|percent\b|per cent\b)", re.I)
POLL_NOUNS = {"poll", "survey"}


def _poll_of(ctx: _Context, src) -> tuple[Optional[_Cluster], float, Optional[str], bool]:
    """The poll a share of people comes from, when its sentence names one ("based on an AP-NORC
    poll"), else unresolved (a share of people is not a speaker)."""
    span = ctx.doc.char_span(src.start, src.end, alignment_mode="expand")
    if span is None or not len(span):
        return None, 0.0, None, False
    poll = next((t for t in span.sent if t.lemma_.lower() in POLL_NOUNS and not span.start <= t.i < span.end
                 and any(c.dep_ in ("compound", "amod") and c.ent_type_ == "ORG" for c in t.children)), None)
    if poll is None:
        return None, 0.0, None, False
    first = next(c for c in poll.children if c.dep_ in ("compound", "amod") and c.ent_type_ == "ORG")
    name = ctx.text[first.left_edge.idx:poll.idx + len(poll)]
    cl = _find_org(ctx.clusters, name) or _new(ctx.clusters, name, "org")
    return cl, CONF_ORG, name, False


def _resolve_one(ctx: _Context, c) -> Optional[_Cluster]:
    """Resolve one claim's source in place; returns its cluster (None: anonymous or unresolved)."""
    doc = ctx.doc
    src, moved = _speaker_words(ctx, c)
    raw = _norm(src.text)
    low = raw.lower()
    via = "name"
    if not any(ch.isalnum() for ch in raw) or _speaks_inside(doc, src):
        # a parse slip ("—", "a.m." split at "."), or two phrases run together ("ministers X and Y,
        # who fled ..., the source, who said he had spoken ..."): no speaker
        cl, conf, used, anon = None, 0.0, None, False
        via = "none"
    elif SAME_SOURCE.match(raw) and ctx.current is not None:
        cl, conf, used, anon = ctx.current, CONF_DESCRIPTOR, ctx.current.name, False
        via = "same-source"
    elif (c.signals or {}).get("src_object") or _passive_subject(doc, c) or low in RELATIVES \
            or low.split(" ", 1)[0] in RELATIVES - {"that"}:
        # a passive subject is the accused; a bare relative clause ("who has written ...") names nobody;
        # an object the tagger took for a source was addressed, not heard
        cl, conf, used, anon = None, 0.0, None, False
        via = "none"
    elif low in MALE | FEMALE | PLURAL | NEUTER | FIRST_PERSON:
        cl, conf, used = _resolve_pronoun(ctx, low, src.start)
        anon, via = False, "pronoun"
    elif _possessed_work(raw) and re.search(r"\w['’]s\b", raw):
        # "her campaign's weekend memo": the work of a thing of hers, not hers: nobody a pronoun names
        cl, conf, used, anon = None, 0.0, None, False
        via = "none"
    elif _possessed_work(raw):
        # "its government", "her own research", "their spokesman": the possessor's referent
        cl, conf, used = _resolve_pronoun(ctx, raw.split()[0].lower(), c.source.start)
        anon, via = False, "possessor"
    else:
        cl, conf, used, anon = _named(ctx, raw, src)
        if cl is not None and used:
            via = "descriptor"
        elif cl is not None:
            via = "person" if cl.kind == "person" else "org" if getattr(cl, "orgish", True) else "phrase"
        other = _second_opinion(ctx.text, c) if via == "org" and (c.signals or {}).get("rule") == "verb" else None
        if other is not None:
            # the PolNeAR-trained tagger reads another phrase of the sentence as the speaker: two
            # readings of the sentence, so nobody is named ("..., neighbouring Guyana, where US
            # companies are deeply involved, he insisted" is not the companies')
            cl, conf, used = None, CONF_AMBIGUOUS, f"second opinion: the tagger reads the speaker as {other!r}"
    if moved and cl is not None and used is None:
        used = raw  # the reporter the sentence ends with, or the speaker inside, not the source's own words
    c.signals["src_via"] = via if cl is not None or anon or via == "none" else "unresolved"
    c.source.resolved_from = used
    c.source.confidence = round(conf, 3)
    c.source.anonymous = anon
    c.source.name = raw if anon else None
    return cl


def _speaker_words(ctx: _Context, c):
    """The words that name a claim's speaker, as a source, and whether they lie outside its source:
    the source, or the head of a bare relative source, or a reporter the sentence ends with
    ("Local people reported ..., the Tuva government was quoted as saying"), or the speaker of
    words an "according to" source only passes on ("Smith said ..., according to a pool report")."""
    src, doc = c.source, ctx.doc
    rel = _relative_head(doc, src)
    if rel is not None:
        src = type(src)(text=ctx.text[rel[0]:rel[1]], start=rel[0], end=rel[1], name=None)
    span = _outer_reporter(doc, c) or _inner_speaker(doc, c)
    if span is None:
        return src, False
    return type(src)(text=ctx.text[span[0]:span[1]], start=span[0], end=span[1], name=None), True


def _inner_speaker(doc, c) -> Optional[tuple[int, int]]:
    """The subject of a speech verb heading an "according to" claim's content ("Smith said the talks
    went well, according to a pool report", "According to the Gazette, the minister told aides
    ..."): the words are that speaker's, the outlet only passes them on. A char span, else None."""
    if c.cue.text.lower() != "according to":
        return None
    span = doc.char_span(c.content.start, c.content.end, alignment_mode="expand")
    if span is None or not len(span) or span.root.lemma_.lower() not in SPEECH_VERBS:
        return None
    subj = next((t for t in span.root.children if t.dep_ == "nsubj" and span.start <= t.i < span.end), None)
    if subj is None or not _may_speak(subj):
        return None  # "The revised plan added $300 million, according to projections ...": no speaker
    return doc[subj.left_edge.i].idx, subj.right_edge.idx + len(subj.right_edge)


def _may_speak(tok) -> bool:
    """Whether a subject can be someone speaking: a proper name, a he/she/they, or a person's role."""
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") \
        or tok.lower_ in ("he", "she", "they") or tok.lemma_.lower() in ANON_HEADS | ANON_ROLES | PERSON_NOUNS | TITLE_WORDS


def _second_opinion(text: str, c) -> Optional[str]:
    """The words of the tagger's own source for the claim's cue (``signals["tag_src"]``, its
    nearest source run in the cue's sentence) where they lie outside the rules' source span and
    are not a bare relative pronoun (which stands for a phrase it does not name), else None.
    Asked only of a verb's subject as the parse read it (a fixed frame, "For X, ...", "according
    to X", names its source by its words)."""
    other = (c.signals or {}).get("tag_src")
    if other is None or (other[0] < c.source.end and c.source.start < other[1]):
        return None
    words = _norm(text[other[0]:other[1]])
    return None if words.lower() in RELATIVES else words


AUX_WORDS = {"was", "were", "is", "are", "has", "have", "had", "been"}


def _outer_reporter(doc, c) -> Optional[tuple[int, int]]:
    """The reporter a sentence-final attribution names for a claim inside its words ("Local people
    reported seeing ..., the Tuva government was quoted as saying late Thursday"): after the
    claim's cue, a comma, a noun phrase (no verb) and a speech verb (or "quoted as saying") with
    nothing of its own after it but adverbials. The article attributes the claim to that
    reporter, not to the people it reports."""
    cue = doc.char_span(c.cue.start, c.cue.end, alignment_mode="expand")
    if cue is None or not len(cue):
        return None
    sent = cue[0].sent
    for t in doc[cue.end:sent.end]:
        if t.text == ",":
            found = _attribution_after(doc, t)
            if found is not None:
                return found
    return None


def _attribution_after(doc, first) -> Optional[tuple[int, int]]:
    """The noun phrase of ", NP [was] said|quoted as saying [adverbials]." ending the sentence
    after the comma ``first``, as a char span, else None."""
    k = first.i + 1
    while k < first.sent.end and doc[k].pos_ in ("DET", "PROPN", "NOUN", "ADJ", "PART", "NUM") \
            and doc[k].lower_ not in AUX_WORDS:
        k += 1
    if k == first.i + 1 or k >= first.sent.end:
        return None
    np_end = doc[k - 1].idx + len(doc[k - 1])
    while k < first.sent.end and doc[k].lower_ in AUX_WORDS:
        k += 1
    verb = doc[k] if k < first.sent.end else None
    if verb is None or verb.lemma_.lower() not in SPEECH_VERBS | {"quote"}:
        return None
    rest = [t for t in doc[k + 1:first.sent.end] if not t.is_punct]
    if verb.lemma_.lower() == "quote":
        if [t.lower_ for t in rest[:2]] != ["as", "saying"]:
            return None
        rest = rest[2:]
    if any(t.pos_ in ("VERB", "AUX") or t.lower_ == "that" or t.text in ("\"", "“", "'") for t in rest):
        return None  # the verb has words of its own: a claim of its own, not an attribution
    return doc[first.i + 1].idx, np_end


def _speaks_inside(doc, src) -> bool:
    """Whether the source's own words hold a speech verb with words of its own ("..., the source,
    who said he had spoken ..."): the parser ran two phrases together ("an officer who responded"
    reports nothing)."""
    span = doc.char_span(src.start, src.end, alignment_mode="expand")
    return span is not None and any(t.pos_ == "VERB" and t.lemma_.lower() in SPEECH_VERBS
                                    and any(c.dep_ == "ccomp" for c in t.children) for t in span)


def _coordinated(doc, src) -> bool:
    """Whether a source names a group by coordination ("Gallagher and his colleagues", "X and Y")."""
    span = doc.char_span(src.start, src.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    return any(t.dep_ == "conj" and t.head.i == span.root.i for t in span) \
        and any(t.lower_ in ("and", "&") for t in span)


def resolve_speakers(claims, doc, text: str) -> None:
    """Set ``source.name``, ``resolved_from``, ``confidence`` and ``anonymous`` of every claim,
    in place (see the module docstring)."""
    ctx = _Context(claims, doc, text)
    order = sorted(range(len(claims)), key=lambda i: (claims[i].source.start, -claims[i].source.end)
                   if claims[i].source else (claims[i].cue.start, 0))
    assigned: dict[int, _Cluster] = {}
    first_at: dict[int, int] = {}  # source start -> the claim resolved there first
    for i in order:
        c = claims[i]
        if c.source is None:
            continue
        same = first_at.setdefault(c.source.start, i)
        cl = _resolve_one(ctx, c)
        if same != i and assigned.get(same) not in (None, cl) and c.signals.get("src_via") != "none":
            # "said the officials, who added ...": the same words name the same speaker (a passive or
            # an object reading, resolved to nobody, stays the claim's own)
            _copy_resolution(claims[same], c)
            cl = assigned[same]
        if _unnamed_person(c, cl):
            ctx.unnamed_pos, ctx.unnamed_end = c.source.start, c.source.end
            ctx.unnamed_agrees = _pronouns_of(doc, c.source) | (NEUTER if _speaks_for(doc, c.source) else set())
        if cl is None:
            continue
        cl.last_pos = c.source.start
        assigned[i] = cl
        ctx.current, ctx.current_pos, ctx.current_end = cl, c.source.start, c.source.end
        ctx.current_group = _coordinated(doc, c.source)
        ctx.current_patient = _passive_patient(doc, c)
        ctx.current_guessed = c.source.confidence <= CONF_AMBIGUOUS
        if cl.kind == "person":
            ctx.last_person = cl
    _merge_org_clusters(ctx.clusters)
    for i, cl in assigned.items():
        claims[i].source.name = _final(cl).name


def _copy_resolution(src_claim, c) -> None:
    c.source.resolved_from = src_claim.source.resolved_from
    c.source.confidence = src_claim.source.confidence
    c.source.anonymous = src_claim.source.anonymous
    c.source.name = src_claim.source.name
    c.signals["src_via"] = (src_claim.signals or {}).get("src_via")


def _merge_org_clusters(clusters) -> None:
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


def _final(cl: _Cluster) -> _Cluster:
    seen = set()
    while getattr(cl, "merged", None) is not None and id(cl) not in seen:
        seen.add(id(cl))
        cl = cl.merged
    return cl


def _new(clusters, name, kind):
    cl = _Cluster(name, kind)
    cl.last_pos = -1
    clusters.append(cl)
    return cl


def _find_org(clusters, name: str):
    """The latest organisation cluster ``name`` matches (:func:`_match_org`), else None."""
    return next((cc for cc in reversed(clusters) if cc.kind == "org" and _match_org(name, cc)), None)


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


ANON_ROLES = {"spokesman", "spokeswoman", "spokesperson", "resident", "witness", "employee", "worker", "officer",
              "official", "source", "aide", "member", "person", "man", "woman", "doctor", "nurse", "teacher",
              "student", "diplomat", "insider", "adviser", "advisor", "staffer", "executive", "lawyer", "analyst",
              "officers", "employees", "workers", "staff"}


def _is_anonymous(raw: str, head) -> bool:
    """An unnamed source: "officials", "a person familiar with ...", "sources at the broadcaster",
    "a company spokesman", "a spokeswoman for Tesco", "a resident who asked not to be named"."""
    if ANON_CUES.search(raw):
        return True
    if head is None or head.pos_ == "PROPN" or any(t.ent_type_ == "PERSON" for t in head.subtree):
        return False
    if head.lower_ in ANON_HEADS and not any(t.ent_type_ == "ORG" for t in head.subtree):
        return True
    first = raw.split()[0].lower() if raw.split() else ""
    indefinite = first in ("a", "an", "one", "two", "three", "several", "some")
    represents = first in ("his", "her", "their")  # "his spokesman": someone speaking for him, unnamed
    return head.lower_ in ANON_ROLES and (indefinite or represents or head.tag_ == "NNS")
