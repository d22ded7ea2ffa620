"""The members of a story's claim groups: each figure with its speaker (a claim's source, else
the outlet: kind ``reported``), its measure, bounds and the marks read near it
(:mod:`newsledger.link.figure_marks`); which claims take part (statements above the confidence
threshold, no questions)."""
from __future__ import annotations

import re
from typing import Optional

from newsledger.analyze.confidence import DEFAULT_MIN_CONFIDENCE
from newsledger.analyze.quantities.vocab import BOUND_WORDS
from newsledger.link.figure_joins import CONVERSION_GAP, FORCE_MEASURES
from newsledger.link.figure_marks import (FIGURE_WINDOW, aspects, bounds, context_keywords, context_marks,
                                          counts_others, counts_since, in_respective_list, legal_stage, names_near,
                                          office_words, owners_near, place_marks, share_total, spanned_noun, updates)
from newsledger.link.measures import (PERSONS, RECORD, RECORD_TAIL, Measure, group_key, measure, persons_listed,
                                      singular)
from newsledger.link.speakers import side_keys


def make_member(r: dict, claim: dict, q: Optional[dict]) -> dict:
    src = claim.get("source") or {}
    m = {"article_id": r["article_id"], "id": r["article_id"], "idx": r["idx"],
         "claim_id": f"{r['article_id']}-{r['idx']}", "source": r.get("source"),
         "site": r.get("site"), "name": src.get("name") or "(unattributed)",
         "anonymous": bool(src.get("anonymous")), "stance": claim.get("stance"),
         "published": r.get("published"), "content": (claim.get("content") or {}).get("text", ""),
         "figure": None, "value": None, "low": None, "high": None, "bound": None, "unit": None,
         "_clock": r.get("published_time")}  # a clock time its page gave with no day
    m["_side"] = side_keys(m["name"], src.get("text"))
    if q:
        lo, hi = bounds(q)
        m.update(figure=q.get("text"), value=q.get("value"), low=q.get("low") if q.get("low") is not None else lo,
                 high=q.get("high") if q.get("high") is not None else (None if hi == float("inf") else hi),
                 bound=q.get("bound") or "exact", unit=q.get("unit"),
                 aspects=sorted(aspects(m["content"], q)))
    return m


def is_year(q: dict) -> bool:
    t = (q.get("text") or "").strip()
    return not q.get("unit") and re.fullmatch(r"(1[89]|20)\d\d", t) is not None


def figure_members(rows: list[dict], figures: Optional[list[dict]]) -> list[dict]:
    """Figure members of a story. ``figures`` (every stored figure with its sentence, see
    :func:`newsledger.link.story_refresh.story_figure`): a figure inside a claim is that
    claim's source's; one the article states itself is the outlet's (kind ``reported``).
    Without ``figures``: the figures of the claims, read in the claim's content."""
    claim_of = {(r["article_id"], r["idx"]): r for r in rows}
    out = []
    if figures is None:
        for r in rows:
            c = r["data"]
            content = (c.get("content") or {}).get("text", "")
            for q in c.get("quantities") or []:
                pos = content.find(q.get("text") or "\0")
                before, after = (content[:pos], content[pos + len(q.get("text") or ""):]) if pos >= 0 else ("", "")
                out.append(_fig_member(r, c, q, before, after))
        return [m for m in out if m is not None]
    figures = [f for f in figures if f.get("where") != "standfirst" or deck_counts(f)]
    for f in story_records(restated_counts(elided_units(listed_units(figures)))):
        credit = None
        if f.get("where") in HEADER_WHERE and attributed_headline(f):
            credit = headline_credit(f)
            if credit is None:
                continue  # "Rates will fall, he told the board": not the outlet's figure, and no speaker read
        r = claim_of.get((f["article_id"], f.get("claim_idx")))
        c = r["data"] if r is not None else (credited_claim(f, credit) if credit else reported_claim(f))
        out.append(_fig_member(r or f, c, f, f.get("before") or "", f.get("after") or ""))
    return [m for m in out if m is not None]


def deck_counts(f: dict) -> bool:
    """Whether a standfirst's figure says what it counts in its own words, so that it may join
    other articles' figures: a unit the quantity reader found next to it ("41 people", "two
    co-workers", "$5 million") whose measure is known. Not a bare number whose measure is guessed
    from the sentence ("kills 1", "One Australian ... fell to their deaths"), a duration ("for
    eight years", "two years ago": a deck's time span joined groups of other spans told of other
    things), an age, or a unit with nothing said of what it measures ("10 percent", money no
    word of its sentence names). Such a figure is stored and shown, only not grouped: no join is
    better than a wrong one. A headline's figures are not held to this."""
    if not f.get("unit"):
        return False
    ms = measure(f.get("before") or "", f.get("text") or "", f.get("after") or "", f.get("unit"))
    return ms.dimension not in (None, "seconds", "years") and not ms.name.endswith(":-")


# a count whose noun is elided: "three of the raiders" names it after "of"; "two of them", "the
# remaining three" take it from the count before ("Five people were killed, two of them children")
_OF_NOUN = re.compile(r"^\s+of\s+(?:the|those|these|its|their)\s+(?:[\w-]+\s+){0,2}?([a-z][a-z-]*(?:s|men|people|children))\b")
_OF_THEM = re.compile(r"^\s+of\s+(?:them|whom|those|these)\b", re.I)
_THE_REST = re.compile(r"\bthe\s+(?:remaining|other)\s+$", re.I)
ELIDED_REACH = 500  # characters back to the count whose noun an elided count takes


def elided_units(figures: list[dict]) -> list[dict]:
    """The story's figures, each bare count of an elided noun given that noun as its unit and
    marked a part (``part``): the noun after "of" ("23 of the raiders"), else that of the
    nearest count of a noun before it in its article, within ``ELIDED_REACH`` characters ("five
    people were killed ... two of them children", "five boats ... two of them escaped ... the
    remaining three": a count given its noun so lends it to the next)."""
    nouns: dict[int, str] = {}
    by_place: dict[tuple, list[int]] = {}
    for i, f in enumerate(figures):
        if f.get("start") is not None:
            by_place.setdefault((f["article_id"], f.get("where") or "text"), []).append(i)
    for idx in (ids for ids in by_place.values() if any(_elision_cue(figures[i]) for i in ids)):
        last: Optional[tuple[int, str]] = None  # (start, unit) of the latest count of a noun
        for i in sorted(idx, key=lambda i: int(figures[i]["start"])):
            f = figures[i]
            start = int(f["start"])
            if f.get("unit"):
                last = (start, f["unit"]) if _counts_a_noun(f) else last
                continue
            noun = _elided_noun(f, last[1] if last and start - last[0] <= ELIDED_REACH else None)
            if noun:
                nouns[i] = noun
                last = (start, noun)
    return [dict(f, unit=nouns[i], part=True) if i in nouns else f for i, f in enumerate(figures)]


def story_records(figures: list[dict]) -> list[dict]:
    """The story's figures, each bare "W-L" with nothing near it that says what it is ("the
    Sixers, just 9-14 despite ...", "at 9-14 when", read whole or split) marked as the win-loss
    record (``record``) when an article of the story gives that record as one ("a record of
    9-14", "a 9-14 start"): one team's standing told again."""
    def bare(f: dict) -> Optional[str]:
        return None if f.get("unit") else written_record(f)

    said = {measure(f.get("before") or "", f.get("text") or "", f.get("after") or "", f.get("unit")).name
            for f in figures if written_record(f)}
    return [dict(f, record=w) if (w := bare(f)) and "record:" + w in said else f for f in figures]


def written_record(f: dict) -> Optional[str]:
    """The "W-L" a figure is written as, read whole ("9-14") or split by the quantity reader
    ("9", then "-14" right after it); None for any other figure."""
    t = (f.get("text") or "").strip()
    m = RECORD.match(t)
    if m:
        return f"{m.group(1)}-{m.group(2)}"
    tail = RECORD_TAIL.match(f.get("after") or "")
    return f"{t}-{tail.group(1)}" if tail and t.isdigit() else None


_LISTED_GAP = re.compile(r"^\s+[A-Z][\w-]*\s+and\s+$")  # "12 Somali and 11 Yemeni nationals": a name, "and"


def listed_units(figures: list[dict]) -> list[dict]:
    """The story's figures, each bare count listed with a count of a noun right after it given
    that noun ("seizing 12 Somali and 11 Yemeni nationals": 12 nationals): two counts joined by
    "and", each with a capitalised word of its own (where they are from), share the noun written
    last ("10 dead and 80 wounded" shares nothing); in the text only, a headline capitalising
    every word ("80 Hurt and 7 Villages Damaged")."""
    out = list(figures)
    by_place: dict[str, list[int]] = {}
    for i, f in enumerate(figures):
        if f.get("start") is not None and (f.get("where") or "text") == "text":  # a headline capitalises every word
            by_place.setdefault(f["article_id"], []).append(i)
    for idx in by_place.values():
        idx.sort(key=lambda i: int(figures[i]["start"]))
        for i, j in zip(idx, idx[1:]):
            f, g = figures[i], figures[j]
            gap = int(g["start"]) - int(f["start"]) - len(f.get("text") or "")
            if not f.get("unit") and g.get("unit") and gap > 0 and _LISTED_GAP.match((f.get("after") or "")[:gap]):
                out[i] = dict(f, unit=g["unit"])
    return out


# a bare figure that restates the count told just before as another's reading of it: "the
# governor put the number at some 3,500", "a rights group said the real number was more than
# 300", "put the figure at closer to 350"; "the number of workers absent at 1,400" names its noun
# (its bound words are the quantity reader's, so a bound it reads is one a restated count may carry)
_BOUND = "|".join(re.escape(p) for p, _b in sorted(BOUND_WORDS, key=lambda x: -len(x[0])))
_THE_NUMBER = re.compile(r"\bthe\s+(?:(?:real|true|actual|official|final|overall)\s+)?(?:number|figure|total|tally)"
                         r"\s+(?:(?:was|is|stood at|stands at|at)\s+)?[\"“]?(?:(?:" + _BOUND + r")\s+)?$", re.I)
_NUMBER_OF = re.compile(r"\bthe\s+number\s+of\s+([a-z]+(?:s|men|people|children))\s+((?:[a-z]+\s+)?)(?:at|was|is)\s+"
                        r"[\"“]?$", re.I)


def restated_counts(figures: list[dict]) -> list[dict]:
    """The story's figures, each bare figure that restates a count (see ``_THE_NUMBER``) given
    what it counts: the noun after "the number of", else the unit of the nearest count of a
    noun before it in its article (within ``ELIDED_REACH`` characters) and that count's
    sentence (``context``), whose words say what happened to what is counted ("180 flights had
    been cancelled ... the real number was more than 300": 300 cancelled flights); "the
    number of workers absent at 1,400" is read as "1,400 workers absent"."""
    out = list(figures)
    by_place: dict[tuple, list[int]] = {}
    for i, f in enumerate(figures):
        if f.get("start") is not None:
            by_place.setdefault((f["article_id"], f.get("where") or "text"), []).append(i)
    for idx in by_place.values():
        last: Optional[dict] = None  # the latest count of a noun
        for i in sorted(idx, key=lambda i: int(figures[i]["start"])):
            f = figures[i]
            before = (f.get("before") or "")[-80:]
            if f.get("unit"):
                last = f if _counts_a_noun(f) else last
            elif (m := _NUMBER_OF.search(before)):  # read as "1,400 workers absent"
                said = (f.get("before") or "")[:len(f.get("before") or "") - len(before) + m.start()]
                out[i] = dict(f, unit=m.group(1), context=(said, f" {m.group(2).strip()} {f.get('after') or ''}"))
            elif _THE_NUMBER.search(before) and last is not None \
                    and int(f["start"]) - int(last["start"]) <= ELIDED_REACH:
                out[i] = dict(f, unit=last["unit"], context=(last.get("before") or "", last.get("after") or ""))
    return out


def _elision_cue(f: dict) -> bool:
    """Whether a figure with no unit is worded as a count of an elided noun (see :func:`elided_units`)."""
    after = f.get("after") or ""
    return not f.get("unit") and bool(_OF_NOUN.match(after) or _OF_THEM.match(after)
                                      or _THE_REST.search(f.get("before") or ""))


def _counts_a_noun(f: dict) -> bool:
    """Whether a figure with a unit counts persons or things (not time, money or a length)."""
    ms = measure("", f.get("text") or "", "", f.get("unit"))
    return ms.dimension is not None and (ms.name.startswith("count:") or ms.dimension == "people")


def _elided_noun(f: dict, earlier: Optional[str]) -> Optional[str]:
    """The noun a bare count leaves out (see :func:`elided_units`), ``earlier`` the noun of
    the count before it; None for any other figure."""
    after, before = f.get("after") or "", f.get("before") or ""
    m = _OF_NOUN.match(after)
    if m:
        return m.group(1)
    if _OF_THEM.match(after):
        return earlier or persons_before(before)
    return earlier if _THE_REST.search(before) else None


def persons_before(before: str) -> Optional[str]:
    """The last plural noun of persons in a figure's sentence before it ("caught pirates in the
    act and took 23 of them into custody": pirates), for "of them" with no count before it."""
    found = [w for w in re.findall(r"\b[a-z][a-z-]+\b", before)
             if w in PLURAL_PERSONS or (w != singular(w) and singular(w) in PERSONS)]
    return found[-1] if found else None


PLURAL_PERSONS = {"people", "men", "women", "children"}  # plurals that are no "-s" of a singular


_HEADLINE_CUE = re.compile(r"\b(?:says?|said|according to|finds|(?:tells?|told)(?!\s+you\b)|warns?|insists?)\b"
                           r"|:\s*\w+\s*$", re.I)


def attributed_headline(f: dict) -> bool:
    """Whether a headline figure's clause credits someone ("..., study finds", "Aid group says
    ...", "...: police"): the figure is then that someone's, whom no claim reading names, so it
    takes no part (no speaker is better than a wrong one). A clause after a semicolon is another
    statement ("1 dead, 2 hurt in office shooting; police say suspect had worked there"), and
    "what they won't tell you" addresses the reader, crediting nobody."""
    before = (f.get("before") or "").rpartition(";")[2]
    after = (f.get("after") or "").partition(";")[0]
    return _HEADLINE_CUE.search(before + (f.get("text") or "") + after) is not None


_CUE = r"(?:says?|said|finds|warns?|insists?)"
# who a headline credits, where the headline says it plainly: "..., says witness", "..., lawyer
# says", "...: police", "Aid group says ..." (one to three words, no clause of their own)
# (the side of the figure the credit is read on, its pattern)
_CREDITS = (("after", re.compile(r",\s*" + _CUE + r"\s+((?:[A-Za-z][\w.'-]*\s*){1,3})$")),
            ("after", re.compile(r",\s*((?:[A-Za-z][\w.'-]*\s+){0,2}[A-Za-z][\w.'-]*)\s+" + _CUE + r"\s*$")),
            ("after", re.compile(r":\s*([A-Za-z][\w.'-]*)\s*$")),
            ("before", re.compile(r"^\s*((?:[A-Za-z][\w.'-]*\s+){0,2}[A-Za-z][\w.'-]*)\s+" + _CUE + r"\b")))


def headline_credit(f: dict) -> Optional[str]:
    """The one a credited headline names for its figure (see :func:`attributed_headline`), read
    only in the plain forms of ``_CREDITS`` and on the figure's side of a semicolon; None when
    none is read (the figure then takes no part)."""
    sides = {"before": (f.get("before") or "").rpartition(";")[2], "after": (f.get("after") or "").partition(";")[0]}
    for side, pat in _CREDITS:
        found = pat.search(sides[side])
        if found:
            return found.group(1).strip()
    return None


def credited_claim(f: dict, credit: str) -> dict:
    """A credited headline's figure as the claim of whom it credits (kind ``indirect``)."""
    return _sentence_claim(f, {"name": credit, "anonymous": False}, "indirect")


def reported_claim(f: dict) -> dict:
    """A figure the article states without attribution (its headline's figures too): a claim
    whose source is the outlet (its credited agency, else its site), kind ``reported``."""
    outlet = f.get("agency") or f.get("site") or "(the article)"
    return _sentence_claim(f, {"name": outlet, "anonymous": False, "outlet": True}, "reported")


def _sentence_claim(f: dict, source: dict, kind: str) -> dict:
    """A figure outside every claim as a claim of ``source``: its sentence is the content, the figure
    its one quantity, the stance asserts."""
    sentence = (f.get("before") or "") + (f.get("text") or "") + (f.get("after") or "")
    return {"source": source, "stance": "asserts", "kind": kind, "content": {"text": sentence.strip()},
            "quantities": [f]}


TITLE_IDX = -10 ** 9  # a headline's figure outside every claim: an index below every text figure's
STANDFIRST_IDX = -5 * 10 ** 8  # a standfirst's: between the headline's and the text's
HEADER_WHERE = {"title": TITLE_IDX, "standfirst": STANDFIRST_IDX}  # header lines kept out of the text


def own_figure_idx(q: dict) -> int:
    """The member index of a figure no claim holds (the outlet's own): negative, from its start;
    a headline's and a standfirst's each in a range below every text figure's, so that no two
    share one."""
    start = int(q.get("start") or 0)
    return HEADER_WHERE.get(q.get("where"), -1) - start


def _fig_member(r: dict, c: dict, q: dict, before: str, after: str) -> Optional[dict]:
    if q.get("value") is None or is_year(q) or re.fullmatch(r"0+", (q.get("text") or "").strip()):
        return None  # no value, a year, or the tail of a split figure ("20 000" read as "000")
    said_before, said_after = q.get("context") or (before, after)  # a restated count: its count's words
    ms = measure(said_before, q.get("text") or "", said_after, q.get("unit"))
    if q.get("record") and ms.name.startswith("count:"):  # a record the story gives with its cue
        ms = Measure("record:" + q["record"], "record")
    if ms.dimension is None and ms.name.startswith("count:"):
        return None  # a bare number: nothing says what it counts
    total = share_total(q)
    if total is not None:  # "one of six children": six children, not a sixth of one
        q = dict(q, value=total, low=None, high=None, bound="exact")
    listed = persons_listed(q.get("text") or "", after)
    if listed is not None:  # "two women and a man were killed": three killed
        q = dict(q, value=listed, low=None, high=None)
    if ms.name.startswith("record:"):  # "9-14" read whole or as "9": one record, its wins
        q = dict(q, value=float(ms.name.split(":")[1].split("-")[0]), low=None, high=None, bound="exact")
    row = dict(r, idx=r.get("idx") if r.get("idx") is not None else own_figure_idx(q))
    m = make_member(row, c, q)
    m.update(kind=c.get("kind"), measure=ms.name, dimension=ms.dimension, scale=ms.factor,
             about=ms.about, start=q.get("start"), where=q.get("where") or "text")
    # the words near the figure: two figures of one sentence ("12 Somali and 11 Yemeni") differ
    m["_key"] = group_key(ms)
    near = before[-FIGURE_WINDOW:] + " " + after[:FIGURE_WINDOW]
    m["_kw"] = context_keywords(m["content"] if m["_key"][0] in FORCE_MEASURES else near)
    m["_who"] = context_keywords(m.get("name") or "")
    src = c.get("source") or {}
    m["_office"] = office_words(before, after, src.get("text"), src.get("name"))  # who's office, not what
    m["_names"] = names_near(before) - m["_who"]
    m["_owners"] = owners_near(before, after)
    m["_spans"] = spanned_noun(before, q.get("text") or "") if ms.dimension == "seconds" else frozenset()
    m["_context"] = context_marks(before, after)
    if m["_key"][0] == "count:population":
        m["_context"] = place_marks(m["_context"])
    m["_update"] = updates(before, after)
    m["_since"] = counts_since(before, after)
    m["_other"] = counts_others(after)
    m["_part"] = bool(q.get("part"))  # "two of them": a part of a count told before
    m["_listed"] = in_respective_list(after)
    m["_stage"] = legal_stage(before)
    m["_after"] = after[:CONVERSION_GAP]
    start = q.get("start")  # the figure's sentence: its other figures are other quantities
    m["_sentence"] = (m["article_id"], m["where"], start - len(before)) if start is not None else None
    m["counts"] = ms.name
    return m


PARTY_ARTICLES = 2  # articles of a story that must name an owner before it tells two offers apart


def story_parties(figs: list[dict]) -> None:
    """Keep, of each figure's owners (:func:`newsledger.link.figure_marks.owners_near`), those
    that ``PARTY_ARTICLES`` articles of the story name as owners: the parties of the story (the
    Nationals, the Red Sox); a name only one article gives (its general manager, "the Boston
    offer") may be a party's other name, and two figures of one party must not be kept apart.
    What a duration is spread over (``_spans``: "loans over three years") is kept as an owner."""
    seen: dict[str, set] = {}
    for m in figs:
        for w in m.get("_owners") or ():
            seen.setdefault(w, set()).add(m["article_id"])
    for m in figs:  # an owner another article names by its figures ("the same deal as the Angels")
        for w in seen.keys() & _named_groups(m.get("content") or ""):
            seen[w].add(m["article_id"])
    parties = {w for w, arts in seen.items() if len(arts) >= PARTY_ARTICLES}
    for m in figs:
        m["_owners"] = (frozenset(m.get("_owners") or ()) & parties) | m.get("_spans", frozenset())


_THE_NAME = re.compile(r"\b[Tt]he\s+((?:[A-Z][\w'’.-]+\s+){0,3}[A-Z][\w'’-]+)")


def _named_groups(text: str) -> set:
    """The last words of the names a text writes after "the" ("the Angels", "the Baltimore
    Orioles": angels, orioles): teams, firms and other bodies, lower case."""
    return {re.sub(r"['’]s?$", "", m.group(1).split()[-1].casefold()) for m in _THE_NAME.finditer(text)}


def is_question(claim: dict) -> bool:
    return claim.get("kind") == "question" or claim.get("stance") == "asks"


def comparable(claim: dict) -> bool:
    """Whether a stored claim may be grouped and compared: a statement (not a question) at or
    above the confidence threshold (claims stored before confidences existed count as sure)."""
    if is_question(claim):
        return False
    conf = claim.get("confidence")
    return conf is None or conf >= DEFAULT_MIN_CONFIDENCE


def outlet_figures(figures: list[dict], left_out: dict) -> list[dict]:
    """The story's figures once the claims that take no part (``left_out``: claim key -> claim)
    are out: a question's figures go with it; a figure inside a claim below the confidence
    threshold is kept as the article's own statement (the outlet's, kind ``reported``, as a
    figure written outside any claim), never its shaky speaker's."""
    out = []
    for f in figures:
        claim = left_out.get((f["article_id"], f.get("claim_idx")))
        if claim is None:
            out.append(f)
        elif not is_question(claim):
            out.append(dict(f, claim_idx=None))
    return out
