"""Learned parts of the attribution extractor (trained on PolNeAR **train** only).

**Cue classifier.** :class:`~newsledger.analyze.attribution.Extractor` in ``generate`` mode
turns *every* verb into a candidate claim with the usual content/source rules, and flags the
candidates the hand rules would have refused (lemma outside the lexicon, "be"/"have"/... without
a complement, ...). A logistic-regression model over sparse indicator features of the cue token,
its parse neighbourhood, the rule path that built the content, the source and the quotation
layout gives each verb candidate a probability of being a PolNeAR attribution; candidates below
the threshold are dropped before the univocal clean-up. Rule-only candidates ("according to",
"For X,", layouts) are kept as they are.

**Boundary ranker** (:class:`BoundaryModel`): picks one of a few rule variants of a kept claim's
content (trailing phrase cut, leading preposition dropped, object added, next quotation added...).

**Edge model** (:class:`EdgeModel`): after the ranker, two log-linear models score every candidate
start token and end token of the content (:func:`edge_frame`, :func:`start_features`,
:func:`end_features`); the content is moved to the best start and end (:func:`edge_ranges`) when
they beat the current edges by ``margin``.

Inference is a sum of a few dozen weights per candidate (a dict lookup each), so it costs far
less than parsing. Weights: ``data/cue_model.json``, ``data/boundary_model.json``,
``data/edge_model.json`` (``scripts/train_attribution.py``).
"""
from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path
from typing import Any, Optional

from newsledger.analyze.attribution.base import merge_ranges, tok_ranges, tokens_of

DATA = Path(__file__).resolve().parents[1] / "data"
MODEL_PATH = DATA / "cue_model.json"
BOUNDARY_PATH = DATA / "boundary_model.json"


def _score(w: dict, feats) -> float:
    """The sum of the weights of ``feats`` (0.0 for a feature without one), added in their order: the
    same floating-point sum as a generator's, without a Python frame per feature (the edge ranker
    scores some 350,000 features per 40 articles)."""
    return sum(map(w.get, feats, repeat(0.0)))


def _bucket(x: float, edges) -> int:
    for i, e in enumerate(edges):
        if x < e:
            return i
    return len(edges)


def cue_features(ex, c) -> list[str]:
    """Indicator features of one verb candidate ``c`` of extractor ``ex``: the cue word, its
    source, its content, then the tagger's (:func:`tagger_cue_features`)."""
    tok = ex.doc[c.cue_i]
    lemma = tok.lemma_.lower()
    pcoarse = c.extra.get("path", "none").split("-")[0]
    return (_cue_word_features(ex, c, tok, lemma) + _source_features(ex, c, tok, lemma)
            + _content_features(ex, c, tok, lemma, pcoarse) + tagger_cue_features(ex, c, lemma))


def _cue_word_features(ex, c, tok, lemma: str) -> list[str]:
    """The cue word's: lemma, tag, dependency and path (alone and crossed), its head, the rule's
    flags, the PolNeAR train lexicon's counts for it, its children, voice, auxiliaries and neighbours."""
    doc = ex.doc
    path = c.extra.get("path", "none")
    pcoarse = path.split("-")[0]
    f = ["bias", "l=" + lemma, "tag=" + tok.tag_, "dep=" + tok.dep_, "path=" + path,
         "l|path=" + lemma + "|" + pcoarse, "l|dep=" + lemma + "|" + tok.dep_, "l|tag=" + lemma + "|" + tok.tag_,
         "dep|path=" + tok.dep_ + "|" + path, "hl=" + tok.head.lemma_.lower(), "hpos=" + tok.head.pos_,
         "hdep=" + tok.head.dep_, "dep|hpos=" + tok.dep_ + "|" + tok.head.pos_]
    for fl in c.extra.get("flags", ()):
        f.append("flag=" + fl)
        f.append("flag|l=" + fl + "|" + lemma)
    # lexicon statistics (train counts)
    hits, total = ex.lex["heads"].get(lemma + "|" + tok.pos_, (0, 0))
    share = hits / total if total else 0.0
    sb = _bucket(share, (0.01, 0.03, 0.07, 0.15, 0.25, 0.4, 0.6, 0.8))
    hb = _bucket(hits, (1, 3, 10, 30, 100))
    f += [f"share={sb}", f"hits={hb}", f"share|path={sb}|{pcoarse}", f"inlex={int(lemma in ex.lex['verbs'])}"]
    deps = sorted({ch.dep_ for ch in tok.children})
    for d in deps:
        f.append("ch=" + d)
    f.append("l|comp=" + lemma + "|" + str(int("ccomp" in deps or "xcomp" in deps)))
    for ch in tok.children:
        if ch.dep_ in ("prep", "prt", "neg", "dative", "advmod") and ch.i > tok.i:
            f.append("chw=" + ch.dep_ + "|" + ch.lower_)
            f.append("l|chw=" + lemma + "|" + ch.lower_)
        if ch.dep_ == "mark":
            f.append("mark=" + ch.lower_)
    if any(ch.dep_ == "auxpass" for ch in tok.children):
        f.append("passive")
    aux = [ch.lower_ for ch in tok.children if ch.dep_ == "aux"]
    for a in aux[:2]:
        f.append("aux=" + a)
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    prv = doc[tok.i - 1] if tok.i > 0 else None
    f.append("next=" + (nxt.lower_ if nxt is not None else "<e>"))
    f.append("prev=" + (prv.lower_ if prv is not None else "<s>"))
    f.append("l|next=" + lemma + "|" + (nxt.lower_ if nxt is not None else "<e>"))
    return f


def _source_features(ex, c, tok, lemma: str) -> list[str]:
    """The source's: part of speech, entity type, dependency, pronoun, side of the cue, length;
    or that there is none."""
    si = c.extra.get("src_i", -1)
    if not (si >= 0 and c.source is not None):
        return ["src=0", "src0|l=" + lemma]
    st = ex.doc[si]
    f = ["src=1", "srcpos=" + st.pos_, "srcent=" + (st.ent_type_ or "-"), "srcdep=" + st.dep_,
         "src|l=" + st.pos_ + "|" + lemma]
    if st.pos_ == "PRON":
        f.append("srcpron=" + st.lower_)
    f.append("srcside=" + ("L" if si < tok.i else "R"))
    f.append("srclen=" + str(_bucket(c.source[1] - c.source[0], (4, 12, 30, 60))))
    return f


def _content_features(ex, c, tok, lemma: str, pcoarse: str) -> list[str]:
    """The content's: length, side of the cue, share inside quotation marks (and the cue's), and
    whether the cue opens its sentence."""
    n = c.extra.get("n_tok", 0)
    f = ["clen=" + str(_bucket(n, (2, 4, 8, 15, 30, 60))),
         "clen|path=" + str(_bucket(n, (2, 4, 8, 15, 30))) + "|" + pcoarse]
    cs = c.content[0][0] if c.content else 0
    f.append("cside=" + ("L" if cs < tok.idx else "R"))
    text, mask = ex.text, ex.qmask
    chars = [i for s, e in c.content for i in range(s, e) if text[i].isalnum()]
    q = sum(mask[i] for i in chars) / len(chars) if chars else 0.0
    qb = _bucket(q, (0.01, 0.5, 0.9))
    f.append(f"cq={qb}")
    f.append(f"cq|l={qb}|{lemma}")
    f.append(f"cueq={int(mask[tok.idx])}")
    f.append(f"cueq|cq={int(mask[tok.idx])}|{qb}")
    if tok.i - tok.sent.start <= 1:
        f.append("sentstart")
    return f


_PB = (0.05, 0.15, 0.3, 0.5, 0.7, 0.85, 0.95)


def _tp(ex, i: int, k: int) -> int:
    """Bucket of the tagger's probability of label ``k`` at token ``i`` (-1 outside the doc)."""
    return _bucket(float(ex.tag[i, k]), _PB) if 0 <= i < len(ex.tag) else -1


def tagger_cue_features(ex, c, lemma: str) -> list[str]:
    """What the article-wide tagger (:mod:`newsledger.analyze.attribution.tagger`) says of a candidate: its
    cue token as a cue, its content tokens as content (mean), start and end, its source."""
    if getattr(ex, "tag", None) is None:
        return []
    toks = tokens_of(ex.doc, c.content)
    cue = _tp(ex, c.cue_i, 3)
    cont = _bucket(float(ex.tag[toks, 0].mean()), _PB) if toks else -1
    f = [f"T:cue={cue}", f"T:cont={cont}", f"T:cue|cont={cue}|{cont}", f"T:cuecont={_tp(ex, c.cue_i, 0)}",
         f"T:cue|lex={cue}|{int(lemma in ex.lex['verbs'])}"]
    if toks:
        f += [f"T:st={_tp(ex, toks[0], 1)}", f"T:en={_tp(ex, toks[-1], 2)}"]
    si = c.extra.get("src_i", -1)
    if si >= 0 and c.source is not None:
        f.append(f"T:src={_tp(ex, si, 4)}")
    return f


class _LinearModel:
    """String-feature weights in a dict, saved as JSON ``{PARAM: value, "meta": ..., "weights": ...}``
    (weights rounded to 4 places, |w| < 1e-3 dropped). ``PARAM`` names the one tuned scalar kept
    beside the weights (a threshold, a margin), if any."""
    PATH: Path
    PARAM: Optional[str] = None
    DEFAULT = 0.0

    @classmethod
    def load(cls, path: Optional[Path] = None):
        d = json.loads(Path(path or cls.PATH).read_text(encoding="utf-8"))
        if cls.PARAM is None:
            return cls(d["weights"], d.get("meta"))
        return cls(d["weights"], d.get(cls.PARAM, cls.DEFAULT), d.get("meta"))

    def save(self, path: Optional[Path] = None) -> None:
        w = {k: round(v, 4) for k, v in sorted(self.w.items()) if abs(v) >= 1e-3}
        head = {self.PARAM: getattr(self, self.PARAM)} if self.PARAM else {}
        Path(path or self.PATH).write_text(json.dumps({**head, "meta": self.meta, "weights": w},
                                                      ensure_ascii=False, indent=0), encoding="utf-8")


class CueModel(_LinearModel):
    """Logistic regression over string indicator features (weights in a dict)."""
    PATH, PARAM, DEFAULT = MODEL_PATH, "threshold", 0.5

    def __init__(self, weights: dict, threshold: float = 0.5, meta: Optional[dict] = None):
        self.w = weights
        self.threshold = threshold
        self.meta = meta or {}

    def prob(self, feats) -> float:
        w = self.w
        z = _score(w, feats)
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        e = math.exp(z)
        return e / (1.0 + e)

    def __call__(self, ex, cands) -> list:
        """Keep-probabilities for ``cands`` (None = not a verb candidate, or a verb whose words are the
        paragraph after its colon, which the model never saw as content (``lead_ins.py``): keep)."""
        return [self.prob(cue_features(ex, c)) if c.rule == "verb" and c.cue_i >= 0 and "para" not in c.extra
                else None for c in cands]


@functools.lru_cache(maxsize=1)
def cue_model() -> Optional[CueModel]:
    """The shipped cue model, or None when ``data/cue_model.json`` is missing."""
    if not MODEL_PATH.exists():
        return None
    return CueModel.load(MODEL_PATH)


# ---------------------------------------------------------------- content boundaries

TAIL_CUT_DEPS = ("prep", "advcl", "npadvmod", "advmod", "conj", "acl", "relcl", "appos", "dobj", "ccomp", "xcomp",
                 "pobj", "dative", "agent", "attr", "oprd", "parataxis")
_SKIP = set(",;:-–—―()") | {"--", "and", "but", "or"}


def _strip(doc, idxs: list[int]) -> list[int]:
    while idxs and (doc[idxs[-1]].is_space or doc[idxs[-1]].lower_ in _SKIP):
        idxs = idxs[:-1]
    while idxs and (doc[idxs[0]].is_space or doc[idxs[0]].lower_ in _SKIP):
        idxs = idxs[1:]
    return idxs


Variant = tuple[list[tuple[int, int]], list[str]]  # (char ranges, features)


@dataclass
class _Content:
    """A verb claim's rule content as the variant makers read it."""
    doc: Any
    mask: Any
    base: list[tuple[int, int]]
    toks: list[int]
    lemma: str
    path: str
    qb: str  # "q": the content starts inside a quotation, "u": it does not

    @property
    def first(self) -> int:
        return self.toks[0]

    @functools.cached_property
    def last_alnum(self) -> int:
        doc = self.doc
        return max((i for i in self.toks if any(ch.isalnum() for ch in doc[i].text)), default=self.toks[-1])

    @property
    def end_quoted(self) -> bool:
        return bool(self.mask[self.doc[self.last_alnum].idx])


def content_variants(ex, c, cue_starts=()) -> list[Variant]:
    """Alternative content boundaries for a verb claim: (char ranges, features); the first
    entry is the rule output. Variants cut a trailing dependent phrase off the end, drop or add a
    leading complementiser, or run on to the end of the sentence. Quoted edges are left alone."""
    doc, mask = ex.doc, ex.qmask
    base = list(c.content)
    cc = _Content(doc, mask, base, tokens_of(doc, base), c.lemma or "-",
                  c.extra.get("path", "none").split("-")[0], "q" if any(mask[s] for s, _ in base) else "u")
    out = [(base, ["keep", "keep|" + cc.lemma, "keep|" + cc.path, "keep|" + c.rule, "keep|" + cc.qb])]
    if not cc.toks:
        return out
    out += _tail_cuts(cc, c) + _lead_cuts(cc) + _cue_object(cc, c) + _opening_conjunction(cc, c)
    out += _next_quotation(cc, c, ex, cue_starts) + _complementiser(cc) + _run_on(cc, c)
    if getattr(ex, "tag", None) is not None:
        out = [(r, f + _variant_tag_features(ex, r)) for r, f in out]
    return out


def _tail_cuts(cc: _Content, c) -> list[Variant]:
    """Up to four trailing dependent phrases cut off the end (not inside a quotation)."""
    doc, mask, toks, lemma, path = cc.doc, cc.mask, cc.toks, cc.lemma, cc.path
    if cc.end_quoted:
        return []
    tset, first, out = set(toks), cc.first, []
    for t in sorted(tset, key=lambda i: doc[i].left_edge.i, reverse=True):
        tok = doc[t]
        if tok.dep_ not in TAIL_CUT_DEPS or tok.head.i not in tset or tok.right_edge.i < cc.last_alnum:
            continue
        sub = {x.i for x in tok.subtree}
        le = tok.left_edge.i
        if le <= first or not sub <= tset | {i for i in sub if doc[i].is_punct or doc[i].is_space}:
            continue
        if any(mask[doc[i].idx] for i in sub):
            continue
        rest = _strip(doc, sorted(tset - sub))
        if not rest or len(rest) < 2:
            continue
        nb = _bucket(len(sub), (2, 4, 8, 16))
        prevw = doc[le - 1].lower_
        kind = tok.dep_ + ("|" + tok.tag_ if tok.dep_ in ("advcl", "acl", "conj") else "")
        f = ["cut", "cut=" + kind, f"cut|n={nb}", f"cut={kind}|n={nb}", "cut|w0=" + doc[le].lower_,
             "cut|prev=" + prevw, f"cut={kind}|prev={prevw}", "cut|hdep=" + tok.head.dep_,
             "cut|l=" + lemma, f"cut={tok.dep_}|path={path}", "cut|hd=" + str(_bucket(t - tok.head.i, (2, 5, 10)))]
        if tok.dep_ == "prep":
            f += ["cut|prep=" + tok.lower_, "cut|prep=" + tok.lower_ + "|l=" + lemma]
        f += ["cut|rule=" + c.rule, f"cut={kind}|l={lemma}", f"cut={kind}|{cc.qb}"]
        out.append((tok_ranges(doc, rest), f))
        if len(out) >= 4:
            break
    return out


def _lead_cuts(cc: _Content) -> list[Variant]:
    """Up to two leading prepositions cut: "against X" -> "X", "his sights on X" -> "X"."""
    doc, toks, first, lemma = cc.doc, cc.toks, cc.first, cc.lemma
    if cc.mask[doc[first].idx]:
        return []
    out = []
    for t in toks:
        tok = doc[t]
        if tok.pos_ != "ADP" or tok.dep_ not in ("prep", "agent", "dative") or t - first > 12:
            continue
        pobj = [x for x in tok.children if x.dep_ in ("pobj", "pcomp")]
        if not pobj or pobj[0].right_edge.i < cc.last_alnum - 1:
            continue
        rest = _strip(doc, [i for i in toks if i > t])
        if len(rest) < 1:
            continue
        f = ["lead", "lead=" + tok.lower_, "lead|l=" + lemma, f"lead|n={_bucket(t - first, (1, 2, 4, 8))}",
             "lead|first=" + doc[first].pos_, f"lead={tok.lower_}|path={cc.path}"]
        out.append((tok_ranges(doc, rest), f))
        if len(out) >= 2:
            break
    return out


def _cue_object(cc: _Content, c) -> list[Variant]:
    """The cue's object added in front of the complement ("pressured [them to stop]")."""
    doc, first = cc.doc, cc.first
    if c.cue_i < 0 or first <= c.cue_i:
        return []
    for d in doc[c.cue_i].children:
        if d.dep_ in ("dobj", "dative") and d.i < first and d.right_edge.i >= first - 1 and d.right_edge.i < first:
            add = list(range(d.left_edge.i, first))
            return [(tok_ranges(doc, add + cc.toks), ["addobj", "addobj|l=" + cc.lemma, "addobj|path=" + cc.path,
                                                      "addobj|pos=" + d.pos_])]
    return []


def _opening_conjunction(cc: _Content, c) -> list[Variant]:
    """A leading "But"/"And"/discourse adverb at the start of the sentence added."""
    doc, first = cc.doc, cc.first
    if first <= 0 or c.cue_i < 0 or c.cue_i <= first:
        return []
    j = first - 1
    while j >= 0 and doc[j].is_punct and doc[j].text == ",":
        j -= 1
    if j >= 0 and doc[j].i == doc[j].sent.start and (doc[j].dep_ in ("cc", "advmod") or doc[j].pos_ == "CCONJ"):
        return [(tok_ranges(doc, list(range(j, first)) + cc.toks), ["addcc", "addcc=" + doc[j].lower_,
                                                                    "addcc|l=" + cc.lemma])]
    return []


def _next_quotation(cc: _Content, c, ex, cue_starts) -> list[Variant]:
    """The paragraph's next quotation added ("“A,” X said at a rally. “B.”") when no other kept
    cue lies between."""
    base = cc.base
    if not cc.end_quoted or c.cue[0] <= base[0][0]:
        return []
    after = max(c.cue[1], c.source[1] if c.source else 0, base[-1][1])
    _, pe = ex.para_of(c.cue[0])
    nxt = [(qs, qe) for qs, qe in ex.quotes if after <= qs < pe]
    if not nxt:
        return []
    qs, qe = nxt[0]
    gap = ex.text[after:qs]
    if any(after <= x < qe for x in cue_starts) or len(gap) > 200:
        return []
    f = ["nextq", f"nextq|gap={_bucket(len(gap.split()), (1, 3, 6, 12, 24))}",
         "nextq|stop=" + str(int(any(ch in gap for ch in ".!?"))), "nextq|l=" + cc.lemma,
         "nextq|merged=" + str(int(bool(c.extra.get("merged"))))]
    return [(merge_ranges(base + [(qs, qe)], ex.text), f)]


def _complementiser(cc: _Content) -> list[Variant]:
    """A leading "that"/"whether"/"if" dropped, or the one just before the content added."""
    doc, toks, first, lemma = cc.doc, cc.toks, cc.first, cc.lemma
    w = doc[first]
    if w.lower_ in ("that", "whether", "if") and w.dep_ in ("mark", "complm") and not cc.mask[w.idx]:
        rest = [i for i in toks if i != first]
        return [(tok_ranges(doc, rest), ["dropthat", "dropthat=" + w.lower_, "dropthat|l=" + lemma])] if rest else []
    if first > 0 and doc[first - 1].lower_ in ("that", "whether") and doc[first - 1].dep_ == "mark":
        return [(tok_ranges(doc, [first - 1] + toks), ["addthat", "addthat=" + doc[first - 1].lower_,
                                                       "addthat|l=" + lemma])]
    return []


def _run_on(cc: _Content, c) -> list[Variant]:
    """The content run on to the end of its sentence (at most 25 more tokens, not past a line)."""
    doc, toks = cc.doc, cc.toks
    if not toks[-1] > c.cue_i >= 0 or cc.end_quoted:
        return []
    sent = doc[toks[-1]].sent
    j, ext = toks[-1] + 1, []
    while j < sent.end and not doc[j].is_space and "\n" not in doc[j].text:
        ext.append(j)
        j += 1
    ext = _strip(doc, toks + ext)
    while ext and doc[ext[-1]].is_punct:
        ext = ext[:-1]
    if not (ext and ext[-1] > toks[-1] and len(ext) - len(toks) <= 25):
        return []
    added = [i for i in ext if i > toks[-1]]
    a0 = doc[added[0]]
    f = ["ext", f"ext|n={_bucket(len(added), (2, 4, 8, 16))}", "ext|w0=" + a0.lower_, "ext|dep0=" + a0.dep_,
         "ext|l=" + cc.lemma, "ext|gap=" + doc[toks[-1] + 1].lower_, "ext|path=" + cc.path]
    return [(tok_ranges(doc, ext), f)]


def _variant_tag_features(ex, ranges) -> list[str]:
    """The tagger's view of one content variant: how content-like its tokens are (mean, and the
    least content-like), and how likely its first / last token starts / ends a content."""
    toks = [t for t in tokens_of(ex.doc, ranges) if _has_alnum(ex.doc[t])]
    if not toks:
        return []
    p = ex.tag[toks, 0]
    return [f"T:v|cont={_bucket(float(p.mean()), _PB)}", f"T:v|min={_bucket(float(p.min()), _PB)}",
            f"T:v|st={_tp(ex, toks[0], 1)}", f"T:v|en={_tp(ex, toks[-1], 2)}"]


class BoundaryModel(_LinearModel):
    """Linear ranker over :func:`content_variants` (averaged perceptron weights)."""
    PATH = BOUNDARY_PATH

    def __init__(self, weights: dict, meta: Optional[dict] = None):
        self.w = weights
        self.meta = meta or {}

    def choose(self, variants) -> int:
        w = self.w
        best, bi = None, 0
        for k, (_, feats) in enumerate(variants):
            z = _score(w, feats)
            if best is None or z > best + 1e-9:
                best, bi = z, k
        return bi

    def apply(self, ex, cands) -> None:
        starts = [c.cue[0] for c in cands]
        for c in cands:
            if c.cue_i < 0:
                continue
            vs = content_variants(ex, c, starts)
            if len(vs) > 1:
                c.content = vs[self.choose(vs)][0]


@functools.lru_cache(maxsize=1)
def boundary_model() -> Optional[BoundaryModel]:
    """The shipped boundary ranker, or None when ``data/boundary_model.json`` is missing."""
    if not BOUNDARY_PATH.exists():
        return None
    return BoundaryModel.load(BOUNDARY_PATH)


# ---------------------------------------------------------------- content edges (start / end tokens)

EDGE_PATH = DATA / "edge_model.json"
_DBK = (-30, -15, -8, -5, -3, -2, -1, 0, 1, 2, 3, 5, 8, 15, 30)
_FUNC_POS = {"ADP", "SCONJ", "CCONJ", "DET", "PART", "PRON", "AUX", "PUNCT", "ADV"}


def _has_alnum(tok) -> bool:
    return any(ch.isalnum() for ch in tok.text)


def _top_left(tok):
    """The highest ancestor-or-self of ``tok`` whose subtree starts at ``tok``."""
    t = tok
    while t.head.i != t.i and t.head.left_edge.i == tok.i:
        t = t.head
    return t


def _top_right(tok):
    """The highest ancestor-or-self of ``tok`` whose subtree ends at ``tok``."""
    t = tok
    while t.head.i != t.i and t.head.right_edge.i == tok.i:
        t = t.head
    return t


def _wform(tok) -> str:
    return tok.lower_ if (tok.pos_ in _FUNC_POS or tok.is_punct) else tok.pos_


def edge_frame(ex, c):
    """(content token indices, start candidates, end candidates, excluded tokens) of a claim, or
    None. Candidates are unquoted tokens with letters/digits, cue and source excluded, clipped to
    the cue's paragraph: starts from the start of the first content token's sentence to the end
    of the first piece, ends from the start of the last piece to the end of the last content
    token's sentence. A quoted edge can therefore only move outwards; the current edges are always
    candidates."""
    doc = ex.doc
    toks = tokens_of(doc, c.content)
    toks = [i for i in toks if _has_alnum(doc[i])]
    if not toks:
        return None
    first, last = toks[0], toks[-1]
    ps, pe = ex.para_of(c.cue[0])
    s0 = ex.sent(doc[first])
    s1 = ex.sent(doc[last])
    excl = set()
    for s, e in [c.cue] + ([c.source] if c.source else []):
        sp = doc.char_span(s, e, alignment_mode="expand")
        if sp is not None:
            excl.update(range(sp.start, sp.end))
    pieces = [tokens_of(doc, [r]) for r in c.content]
    pieces = [[i for i in p if _has_alnum(doc[i])] for p in pieces]
    pieces = [p for p in pieces if p]
    first_end, last_start = pieces[0][-1], pieces[-1][0]
    mask = ex.qmask
    # a quoted edge may only move outwards, over unquoted words (a lead-in before the quotation)
    hi_s = first if mask[doc[first].idx] else first_end
    starts = [i for i in range(max(s0.start, first - 40), hi_s + 1)
              if _has_alnum(doc[i]) and i not in excl and ps <= doc[i].idx < pe and not mask[doc[i].idx]]
    lo_e = last if mask[doc[last].idx] else last_start
    ends = [i for i in range(lo_e, min(s1.end, last + 41))
            if _has_alnum(doc[i]) and i not in excl and ps <= doc[i].idx < pe and not mask[doc[i].idx]]
    if first not in starts:
        starts.append(first)
    if last not in ends:
        ends.append(last)
    return toks, sorted(starts), sorted(ends), excl


def _ctx(ex, c):
    doc = ex.doc
    lemma = c.lemma or "-"
    path = c.extra.get("path", "none").split("-")[0] if c.cue_i >= 0 else c.rule
    cue_i = c.cue_i if c.cue_i >= 0 else doc.char_span(c.cue[0], c.cue[1], alignment_mode="expand").start
    toks = tokens_of(doc, c.content)
    return lemma, path, cue_i, toks[0] if toks else 0, toks[-1] if toks else 0


def start_features(ex, c, i, first, ctx) -> list[str]:
    doc, mask = ex.doc, ex.qmask
    lemma, path, cue_i = ctx[:3]
    t = doc[i]
    d = _bucket(i - first, _DBK)
    prev = doc[i - 1] if i > 0 else None
    pw = _wform(prev) if prev is not None else "<s>"
    top = _top_left(t)
    sent = ex.sent(t)
    side = "B" if i < cue_i else "A"
    rel = "dep=" + top.dep_ + ("|hcue" if top.head.i == cue_i else "")
    isr = str(int(i == first))
    f = ["S", "S:d=" + str(d), "S:d|p=" + str(d) + "|" + path, "S:r|l=" + isr + "|" + lemma,
         "S:w=" + t.lower_, "S:pos=" + t.pos_, "S:tag=" + t.tag_, "S:dep=" + t.dep_, "S:top=" + rel,
         "S:top|pos=" + rel + "|" + t.pos_, "S:prev=" + pw, "S:prev|w=" + pw + "|" + _wform(t),
         "S:side=" + side, "S:side|top=" + side + "|" + top.dep_, "S:q=" + str(int(mask[t.idx])),
         "S:qprev=" + str(int(prev is not None and prev.is_quote)), "S:sst=" + str(int(i == sent.start or (
             prev is not None and prev.i == sent.start and not _has_alnum(prev)))),
         "S:le=" + str(int(t.left_edge.i == i)), "S:d|top=" + str(d) + "|" + top.dep_,
         "S:path|top=" + path + "|" + rel, "S:w|d=" + _wform(t) + "|" + str(d),
         "S:rule=" + c.rule + "|" + isr]
    hin = "cue" if top.head.i == cue_i else ("in" if ctx[4] >= top.head.i >= first else "out")
    f += ["S:top|h=" + top.dep_ + "|" + hin, "S:top|hd=" + top.dep_ + "|" + top.head.dep_,
          "S:top|h|d=" + top.dep_ + "|" + hin + "|" + str(d), "S:l|top=" + lemma + "|" + top.dep_,
          "S:pw|d=" + (prev.lower_ if prev is not None else "<s>") + "|" + str(d)]
    if prev is not None and prev.i == cue_i:
        f.append("S:aftercue")
    if prev is not None and c.source and prev.idx + len(prev) == c.source[1]:
        f.append("S:aftersrc")
    if i > cue_i and all(not _has_alnum(doc[k]) or doc[k].dep_ in ("prt", "neg", "aux") for k in range(cue_i + 1, i)):
        f.append("S:nextcue")
    if getattr(ex, "tag", None) is not None:
        ts = _tp(ex, i, 1)
        f += [f"S:t={ts}", f"S:tin={_tp(ex, i, 0)}", f"S:tprev={_tp(ex, i - 1, 0)}", f"S:t|d={ts}|{d}",
              f"S:t|prev={ts}|{_tp(ex, i - 1, 0)}"]
    return f


def end_features(ex, c, j, last, ctx) -> list[str]:
    doc, mask = ex.doc, ex.qmask
    lemma, path, cue_i = ctx[:3]
    t = doc[j]
    d = _bucket(j - last, _DBK)
    nxt = doc[j + 1] if j + 1 < len(doc) else None
    k = j + 1
    while k < len(doc) and not _has_alnum(doc[k]) and "\n" not in doc[k].text:
        k += 1
    nw = doc[k] if k < len(doc) and "\n" not in doc[k].text else None
    nxw = _wform(nxt) if nxt is not None and "\n" not in nxt.text else "<e>"
    top = _top_right(t)
    ntop = _top_left(nw).dep_ if nw is not None else "<e>"
    sent = ex.sent(t)
    send = all(not _has_alnum(doc[x]) for x in range(j + 1, sent.end))
    side = "B" if j < cue_i else "A"
    isr = str(int(j == last))
    rel = "dep=" + top.dep_
    f = ["E", "E:d=" + str(d), "E:d|p=" + str(d) + "|" + path, "E:r|l=" + isr + "|" + lemma,
         "E:w=" + t.lower_, "E:pos=" + t.pos_, "E:tag=" + t.tag_, "E:dep=" + t.dep_, "E:top=" + rel,
         "E:next=" + nxw, "E:nw=" + (_wform(nw) if nw is not None else "<e>"), "E:ntop=" + ntop,
         "E:ntop|nw=" + ntop + "|" + (nw.lower_ if nw is not None and nw.pos_ in _FUNC_POS else "-"),
         "E:next|ntop=" + nxw + "|" + ntop, "E:send=" + str(int(send)), "E:side=" + side,
         "E:q=" + str(int(mask[t.idx])), "E:qnext=" + str(int(nxt is not None and nxt.is_quote)),
         "E:re=" + str(int(t.right_edge.i == j)), "E:d|ntop=" + str(d) + "|" + ntop,
         "E:path|ntop=" + path + "|" + ntop, "E:w|d=" + _wform(t) + "|" + str(d),
         "E:rule=" + c.rule + "|" + isr, "E:send|d=" + str(int(send)) + "|" + str(d)]
    if nw is not None:
        nt = _top_left(nw)
        hin = "cue" if nt.head.i == cue_i else ("in" if last >= nt.head.i >= ctx[3] else "out")
        f += ["E:nt|h=" + nt.dep_ + "|" + hin, "E:nt|hd=" + nt.dep_ + "|" + nt.head.dep_,
              "E:nt|h|d=" + nt.dep_ + "|" + hin + "|" + str(d), "E:l|ntop=" + lemma + "|" + nt.dep_,
              "E:nw|d=" + nw.lower_ + "|" + str(d)]
    if nw is not None and nw.i == cue_i:
        f.append("E:beforecue")
    if nw is not None and c.source and nw.idx == c.source[0]:
        f.append("E:beforesrc")
    if getattr(ex, "tag", None) is not None:
        te = _tp(ex, j, 2)
        f += [f"E:t={te}", f"E:tin={_tp(ex, j, 0)}", f"E:tnext={_tp(ex, k, 0)}", f"E:t|d={te}|{d}",
              f"E:t|next={te}|{_tp(ex, k, 0)}"]
    return f


class EdgeModel(_LinearModel):
    """Two log-linear models over candidate content start and end tokens (softmax per claim)."""
    PATH, PARAM, DEFAULT = EDGE_PATH, "margin", 0.0

    def __init__(self, weights: dict, margin: float = 0.0, meta: Optional[dict] = None):
        self.w = weights
        self.margin = margin
        self.meta = meta or {}

    def _best(self, feats_list, rule: int) -> int:
        """The best-scoring candidate, when it beats the rule's own edge by the margin."""
        w = self.w
        zs = [_score(w, feats) for feats in feats_list]
        bi = max(range(len(zs)), key=lambda k: (zs[k], k == rule))
        return bi if zs[bi] > zs[rule] + self.margin else rule

    def edges(self, ex, c):
        fr = edge_frame(ex, c)
        if fr is None:
            return None
        toks, starts, ends, excl = fr
        ctx = _ctx(ex, c)
        s = starts[self._best([start_features(ex, c, i, toks[0], ctx) for i in starts], starts.index(toks[0]))]
        e = ends[self._best([end_features(ex, c, j, toks[-1], ctx) for j in ends], ends.index(toks[-1]))]
        return toks, s, e, excl

    def apply(self, ex, cands) -> None:
        for c in cands:
            r = self.edges(ex, c)
            if r is None:
                continue
            toks, s, e, excl = r
            if s > e or (s == toks[0] and e == toks[-1]):
                continue
            rng = edge_ranges(ex, c, toks, s, e, excl)
            if rng:
                c.content = rng


def edge_ranges(ex, c, toks, s, e, excl) -> list[tuple[int, int]]:
    """Char ranges of claim ``c``'s content made to start at token ``s`` and end at token ``e``:
    the rule's characters between them (quotation pieces and gaps kept) plus the tokens added
    outside the rule's first..last token (cue and source excluded)."""
    doc = ex.doc
    first, last = toks[0], toks[-1]
    lo = doc[max(s, first)].idx
    hi_t = doc[min(e, last)]
    hi = hi_t.idx + len(hi_t)
    inner = [(max(a, lo), min(b, hi)) for a, b in c.content if max(a, lo) < min(b, hi)] if s <= last and e >= first else []
    add = [i for i in range(s, min(first, e + 1)) if i not in excl] + [i for i in range(max(last + 1, s), e + 1) if i not in excl]
    return merge_ranges(inner + tok_ranges(doc, add), ex.text)


@functools.lru_cache(maxsize=1)
def edge_model() -> Optional[EdgeModel]:
    """The shipped content-edge model, or None when ``data/edge_model.json`` is missing."""
    if not EDGE_PATH.exists():
        return None
    return EdgeModel.load(EDGE_PATH)
