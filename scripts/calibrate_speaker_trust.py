"""Measure a learned speaker trust on the **dev** split of the real-news claim gold: would nulling
the names that a logistic model finds risky (issue 12: no speaker is better than a wrong speaker)
lower the wrong-speaker share without costing recall?

    PYTHONPATH=$PWD .venv/bin/python scripts/calibrate_speaker_trust.py [--cache FILE]
        [--polnear N --polnear-cache FILE] [--judge PREFIX]

The features say **how** a name was reached, not which words (:func:`trust_features`): the resolution
path (``signals["src_via"]``), a name taken from other words (``resolved_from``), the source apart from
its cue (characters, sentence boundaries), a source after its cue, the distance back to the name's last
mention and how many other speakers are named in between, a name the article gives once, a source
inside another claim's words or a quotation, an organisation with a person speaker named in its
sentence, whether the parse's subject of the cue and the tagger's nearest source agree with the
source, the tagger's source probability, the claim's rule and path.

Every dev page is analysed once (``--cache FILE``: the same pickle ``scripts/calibrate_confidence.py
--cache`` writes). The examples are the output claims (at any confidence) that name a speaker and whose
content matches a gold claim: 1 when the scorer counts the name right, 0 when it is a wrong speaker.
``--polnear N`` adds labels of the first N PolNeAR **train** articles (never dev or test): a named claim
whose content matches a gold attribution is 1 when its source mention is the gold source span
(majority overlap), else 0 (the mention choice, not the name); they are always in the training side.
Everything is judged out of fold: leave-one-page-out (L2: the lowest log-loss of :data:`L2_GRID`) and by
batch (the ``--newest`` dev pages by the git history of their gold files, fit on the older ones). For
each abstention threshold of :data:`GRID` it prints, at the shipped claim confidence
(:data:`newsledger.analyze.confidence.DEFAULT_MIN_CONFIDENCE`), the scorer's precision, wrong-speaker
and unresolved shares and core recall with the names below the threshold made unresolved, and the
threshold that lowers the wrong share the most with recall down by at most ``--max-recall-drop``.
``--judge PREFIX`` (e.g. ``pol-``) also judges the dev pages whose id starts with it, which the rules were
not tuned on, out of fold twice: by weights fit on the other dev pages alone (L2 chosen by their own
leave-one-page-out log-loss), and by the all-pages leave-one-page-out run, each with its curve, its chosen
threshold and whether that clears the bar (:func:`clears`: fewer wrong names, precision not down, recall
down by at most ``--max-recall-drop``).
Test pages are never read. Measured by h-claims41 (docs/EVALUATION.md): no threshold helps on dev, so
nothing is shipped; by h-claims54 with ``--judge pol-``: 0.7 nulls 2 of the 20 wrong names of the pol- pages
out of fold and no right one, but about 7 right names and no wrong one of the older pages (leave-one-page-out) and
a right name of the seed page, so again nothing is shipped.
"""
from __future__ import annotations

import argparse
import copy
import math
import pickle
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from calibrate_confidence import analysed_pages, fit, judged, log_loss, newest_pages  # noqa: E402

from newsledger.analyze.confidence import DEFAULT_MIN_CONFIDENCE  # noqa: E402
from newsledger.analyze.speakers.abstain import inside_other_words  # noqa: E402
from newsledger.evaluate.attribution import alnum_set, span_match  # noqa: E402
from newsledger.evaluate.attribution import load_split as polnear_split  # noqa: E402
from newsledger.evaluate.claims_real import MIN_SHARE, Tally, load_gold, score_page  # noqa: E402

L2_GRID = (0.3, 1.0, 3.0, 10.0, 30.0)
GRID = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9)


# ---------------------------------------------------------------- how a name was reached


VIAS = ("person", "org", "phrase", "pronoun", "possessor", "descriptor", "same-source")
RULES = ("verb", "according", "for", "layout-colon", "layout-dash", "tagger")
PATHS = ("comp", "head", "colon", "dobj", "prep", "addressee", "noun")
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+(?=[\"“‘']?[A-Z])|\n")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


class _Page:
    """What the features need of the article: its text and every claim's name."""

    def __init__(self, claims, text: str):
        self.text = text
        self.claims = claims
        self.names = {c.source.name for c in claims if c.source is not None and c.source.name}
        self.persons = {c.source.name for c in claims if (c.signals or {}).get("src_via") == "person"}
        self._mentions: dict[str, tuple[int, ...]] = {}

    def mentions(self, name: str) -> tuple[int, ...]:
        """Where the text names ``name`` (its last word, as a whole word)."""
        if name not in self._mentions:
            words = _WORD.findall(name)
            self._mentions[name] = tuple(m.start() for m in re.finditer(r"\b%s\b" % re.escape(words[-1]), self.text)) \
                if words else ()
        return self._mentions[name]


def _overlaps(span, start: int, end: int) -> bool:
    return span is not None and span[0] < end and start < span[1]


def _apart(c, text: str) -> tuple[int, int]:
    """(characters, sentence boundaries) between the source and its cue."""
    a, b = sorted((c.source.end, c.cue.start)) if c.source.start < c.cue.start else sorted((c.cue.end, c.source.start))
    between = text[a:b] if b > a else ""
    return len(between), len(_SENTENCE_END.findall(between))


def _in_quote(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a quotation opened in its paragraph."""
    para = text[text.rfind("\n", 0, pos) + 1:pos]
    return para.count("“") > para.count("”") or para.count('"') % 2 == 1


def _antecedent(c, page: _Page) -> tuple[float, float]:
    """(log characters back to the name's nearest mention at or before the source, other speakers
    named in between, at most 3); a name the text never gives before the source: far, 3."""
    at = [m for m in page.mentions(c.source.name) if m < c.source.end]
    if not at:
        return math.log1p(len(page.text)), 3.0
    last = at[-1]
    if last >= c.source.start:
        return 0.0, 0.0
    between = sum(1 for n in page.names - {c.source.name} if any(last < m < c.source.start for m in page.mentions(n)))
    return math.log1p(c.source.start - last), float(min(between, 3))


def _person_in_sentence(c, page: _Page) -> bool:
    """Whether another speaker known as a person is named in the source's sentence."""
    text, pos = page.text, c.source.start
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, pos)]
    start = starts[-1] if starts else 0
    nxt = _SENTENCE_END.search(text, c.source.end)
    end = nxt.start() if nxt else len(text)
    return any(start <= m < end and not c.source.start <= m < c.source.end
               for n in page.persons - {c.source.name} for m in page.mentions(n))


def trust_features(c, page: _Page) -> dict[str, float]:
    """Named numeric features of how a claim's name was reached."""
    sig, src = c.signals or {}, c.source
    via = sig.get("src_via")
    f: dict[str, float] = {"bias": 1.0}
    f.update({"via=" + v: float(via == v) for v in VIAS})
    f.update({"rule=" + r: float(sig.get("rule") == r) for r in RULES})
    f.update({"path=" + p: float(sig.get("path") == p) for p in PATHS})
    chars, crossed = _apart(c, page.text)
    f["log_apart"] = math.log1p(chars)
    f["crossed"] = float(min(crossed, 2))
    f["after_cue"] = float(src.start > c.cue.start)
    f["resolved"] = float(bool(src.resolved_from))
    f["anonymous"] = float(bool(src.anonymous))
    f["src_conf"] = float(src.confidence)
    f["log_back"], f["between"] = _antecedent(c, page)
    f["named_once"] = float(len(page.mentions(src.name)) <= 1)
    f["in_other_claim"] = float(inside_other_words(c, page.claims))
    f["in_quote"] = float(_in_quote(page.text, src.start))
    f["org_by_person"] = float(via == "org" and _person_in_sentence(c, page))
    f["subj_agrees"] = float(_overlaps(sig.get("subj_src"), src.start, src.end))
    f["subj_none"] = float(sig.get("subj_src") is None)
    f["tagger_agrees"] = float(_overlaps(sig.get("tag_src"), src.start, src.end))
    f["tag_source"] = float(sig.get("tag_source", 0.5))
    f["kind=direct"] = float(c.kind == "direct")
    return f


def named_claims(claims):
    """The claims that name a speaker (the ones trust may abstain on)."""
    return [c for c in claims if c.source is not None and c.source.name]


# ---------------------------------------------------------------- labels and the curve




def verdicts_of(p, analysed):
    """(text, claims, the scorer's verdict by claim id) of a gold page, all claims kept."""
    text, claims = analysed[p.page]
    return text, claims, dict(zip(map(id, claims), score_page(text, p.claims, claims).verdicts))


def examples(pages, analysed):
    """Per named claim (every page, in :func:`named_claims` order): features, verdict, page index."""
    rows, verdicts, groups = [], [], []
    for k, p in enumerate(pages):
        text, claims, verdict = verdicts_of(p, analysed)
        page = _Page(claims, text)
        for c in named_claims(claims):
            rows.append(trust_features(c, page))
            verdicts.append(verdict[id(c)])
            groups.append(k)
    names = sorted({n for r in rows for n in r})
    X = np.array([[r.get(n, 0.0) for n in names] for r in rows])
    return names, X, np.array(verdicts), np.array(groups)


def polnear_train(n: int, cache: Path | None):
    """[(text, gold attributions, claims)] of the first ``n`` PolNeAR train articles (cached), trust off."""
    if cache is not None and cache.exists():
        stored = pickle.loads(cache.read_bytes())
        if len(stored) == n:
            return stored
    from newsledger.analyze.attribution import find_claims
    from newsledger.analyze.nlp import get_nlp

    data = polnear_split("train")[:n]
    docs = get_nlp().pipe([t for _, t, _ in data], batch_size=16)
    out = [(text, gold, find_claims(doc, text, statements_only=True)) for (_, text, gold), doc in zip(data, docs)]
    if cache is not None:
        cache.write_bytes(pickle.dumps(out))
    return out


def mention_label(text, gold, c):
    """1.0 when the claim's source mention is the gold source (majority overlap) of the gold attribution
    its content matches, 0.0 when it is another, None when no gold attribution with a source matches."""
    mine = alnum_set(text, c.content.pieces or [(c.content.start, c.content.end)])
    best, share = None, 0.0
    for g in gold:
        theirs = alnum_set(text, g.content)
        inter = len(mine & theirs) / max(1, min(len(mine), len(theirs)))
        if g.source and inter >= MIN_SHARE and inter > share:
            best, share = g, inter
    if best is None:
        return None
    return float(span_match(alnum_set(text, best.source), alnum_set(text, [(c.source.start, c.source.end)]), "majority"))


def polnear_examples(articles, names):
    """Features (in ``names`` order) and mention labels of the named claims of PolNeAR train."""
    rows, labels, tally = [], [], Counter()
    for text, gold, claims in articles:
        page = _Page(claims, text)
        for c in named_claims(claims):
            y = mention_label(text, gold, c)
            if y is not None:
                f = trust_features(c, page)
                rows.append([f.get(n, 0.0) for n in names])
                labels.append(y)
                tally[(str((c.signals or {}).get("src_via")), y)] += 1
    print("PolNeAR train mention labels: src_via  right-mention  other-mention")
    for via in sorted({k[0] for k in tally}):
        print(f"  {via:<14} {tally[(via, 1.0)]:>6} {tally[(via, 0.0)]:>6}")
    return np.array(rows).reshape(-1, len(names)), np.array(labels)


def count_table(pages, analysed) -> None:
    """Right and wrong names by resolution path, at any confidence and at the shipped one."""
    tally: Counter = Counter()
    for p in pages:
        _, claims, verdict = verdicts_of(p, analysed)
        for c in named_claims(claims):
            v = verdict[id(c)]
            if v in ("right", "wrong-speaker"):
                via = (c.signals or {}).get("src_via")
                tally[(via, v, "all")] += 1
                tally[(via, v, "kept")] += c.confidence >= DEFAULT_MIN_CONFIDENCE
    print(f"{'src_via':<14} right wrong (any confidence) | right wrong (>= {DEFAULT_MIN_CONFIDENCE})")
    for via in sorted({k[0] or "-" for k in tally}):
        via = None if via == "-" else via
        cells = [tally[(via, v, s)] for s in ("all", "kept") for v in ("right", "wrong-speaker")]
        print(f"{str(via):<14} {cells[0]:>5} {cells[1]:>5}                  | {cells[2]:>5} {cells[3]:>5}")


def figures_at(thr, probs, groups, pages, analysed, only=None) -> dict:
    """The scorer's figures at the shipped confidence with names of trust < ``thr`` made unresolved."""
    total = Tally()
    for k, p in enumerate(pages):
        if only is not None and k not in only:
            continue
        text, claims = analysed[p.page]
        risky = {id(c) for c, x in zip(named_claims(claims), probs[groups == k]) if x < thr}
        kept = [_unnamed(c) if id(c) in risky else c for c in claims if c.confidence >= DEFAULT_MIN_CONFIDENCE]
        total.add(score_page(text, p.claims, kept))
    return total.figures()


def _unnamed(c):
    """A copy of the claim with no name."""
    out = copy.copy(c)
    out.source = copy.copy(c.source)
    out.source.name = None
    return out


def curve(title, probs, groups, pages, analysed, only=None) -> dict:
    """Print and return the figures at every threshold of :data:`GRID`."""
    print(f"{title} (at claim confidence {DEFAULT_MIN_CONFIDENCE}):")
    print("  trust<  outputs precision wrong (n)   unresolved recall")
    rows = {}
    for t in GRID:
        f = rows[t] = figures_at(t, probs, groups, pages, analysed, only)
        print(f"  {t:<6} {f['outputs']:>8} {f['precision']:.3f}     {f['wrong_speaker']:.4f} "
              f"({round(f['wrong_speaker'] * f['outputs']):>2})  {f['unresolved']:.3f}      {f['recall']:.3f}")
    return rows


def _prob(X, w) -> np.ndarray:
    return 1 / (1 + np.exp(-np.clip(X @ w, -30, 30)))


def held_out(X, y, train, extra, l2, bias, folds) -> np.ndarray:
    """Probabilities of every named claim of each fold (a boolean mask) by weights fit on the labelled
    dev claims outside it plus the ``extra`` (PolNeAR) examples; claims in no fold: 1."""
    Xe, ye = extra
    probs = np.ones(len(y))
    for fold in folds:
        tr = train & ~fold
        probs[fold] = _prob(X[fold], fit(np.vstack([X[tr], Xe]), np.concatenate([y[tr], ye]), l2, bias))
    return probs


def auc(probs, y) -> float:
    """The share of (right, wrong) pairs the probabilities order right (ties: half)."""
    pos, neg = probs[y == 1], probs[y == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    return float(((pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()) / (len(pos) * len(neg)))


def confidences(pages, analysed) -> np.ndarray:
    """The claim confidence of every named claim, in :func:`examples` order."""
    return np.array([c.confidence for p in pages for c in named_claims(analysed[p.page][1])])


def choose(rows, max_drop: float) -> float:
    """The threshold with the lowest wrong share whose recall is at most ``max_drop`` below no abstention."""
    base = rows[0.0]["recall"]
    ok = [t for t, f in rows.items() if base - f["recall"] <= max_drop + 1e-9]
    return min(ok, key=lambda t: (rows[t]["wrong_speaker"], t))


def clears(rows, thr: float, max_drop: float) -> bool:
    """Whether nulling below ``thr`` clears the bar: fewer wrong names, precision not down, recall down
    by at most ``max_drop``."""
    base, f = rows[0.0], rows[thr]
    return (f["wrong_speaker"] * f["outputs"] < base["wrong_speaker"] * base["outputs"] - 0.5
            and f["precision"] >= base["precision"] - 1e-9 and base["recall"] - f["recall"] <= max_drop + 1e-9)


def best_l2(X, y, train, extra, bias, groups, pages) -> float:
    """The L2 of :data:`L2_GRID` with the lowest leave-one-page-out log-loss over ``pages`` (indexes) alone."""
    folds = [groups == g for g in sorted(pages)]
    inside = train & np.isin(groups, sorted(pages))
    runs = {l2: held_out(X, y, inside, extra, l2, bias, folds) for l2 in L2_GRID}
    return min(runs, key=lambda k: log_loss(runs[k][inside], y[inside]))


def judge_report(prefix, data, lopo, pages, analysed, args) -> None:
    """The ``prefix`` pages judged out of fold twice: by weights fit on the other pages alone (L2 chosen
    on them), and by the all-pages leave-one-page-out probabilities ``lopo``."""
    X, y, train, extra, bias, groups, kept = data
    pool = judged(pages, prefix)
    old = set(range(len(pages))) - pool
    if not pool:
        print(f"no dev page starts with {prefix!r}")
        return
    l2 = best_l2(X, y, train, extra, bias, groups, old)
    fold = np.isin(groups, sorted(pool))
    fresh = held_out(X, y, train & ~fold, extra, l2, bias, [fold])
    at = train & fold
    print(f"{prefix} pages: {len(pool)}, {int(at.sum())} examples ({int(y[at].sum())} right); AUC fit on the "
          f"{len(old)} other pages (l2 {l2}): all {auc(fresh[at], y[at]):.3f}, at the shipped confidence "
          f"{auc(fresh[at & kept], y[at & kept]):.3f}; leave-one-page-out {auc(lopo[at], y[at]):.3f} / "
          f"{auc(lopo[at & kept], y[at & kept]):.3f}")
    for title, probs in ((f"fit on the {len(old)} other pages, judged on the {len(pool)} {prefix} pages", fresh),
                         (f"leave-one-page-out, the {len(pool)} {prefix} pages", lopo)):
        rows = curve(title, probs, groups, pages, analysed, pool)
        thr = choose(rows, args.max_recall_drop)
        print(f"  chosen threshold {thr}: " + ("clears" if clears(rows, thr, args.max_recall_drop) else
                                                "does not clear") + " the bar")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold-dir", action="append", default=[])
    ap.add_argument("--cache", type=Path, help="pickle of the analysed dev pages (read if it holds them)")
    ap.add_argument("--polnear", type=int, default=0, help="add mention labels of this many PolNeAR train articles")
    ap.add_argument("--polnear-cache", type=Path, help="pickle of the analysed PolNeAR train articles")
    ap.add_argument("--newest", type=int, default=22, help="the batch of newest dev pages scored by the older ones")
    ap.add_argument("--max-recall-drop", type=float, default=0.005)
    ap.add_argument("--judge", default="", help="page-id prefix (e.g. pol-) of dev pages also judged by a fit on "
                                                "the other pages alone")
    args = ap.parse_args(argv)
    pages = load_gold([Path(d) for d in args.gold_dir], "dev")
    analysed = analysed_pages(pages, args.cache)
    count_table(pages, analysed)
    names, X, verdicts, groups = examples(pages, analysed)
    train = np.isin(verdicts, ("right", "wrong-speaker"))
    y = (verdicts == "right").astype(float)
    bias = names.index("bias")
    print(f"dev: {len(pages)} pages, {len(y)} named claims, {int(train.sum())} examples "
          f"({int(y[train].sum())} right, {int((verdicts == 'wrong-speaker').sum())} wrong)")
    extra = polnear_examples(polnear_train(args.polnear, args.polnear_cache), names) if args.polnear else \
        (np.zeros((0, len(names))), np.zeros(0))
    pages_out = [groups == g for g in range(len(pages))]
    runs = {l2: held_out(X, y, train, extra, l2, bias, pages_out) for l2 in L2_GRID}
    for l2, probs in runs.items():
        print(f"  l2 {l2:<5} leave-one-page-out log-loss {log_loss(probs[train], y[train]):.4f}")
    l2 = min(runs, key=lambda k: log_loss(runs[k][train], y[train]))
    kept = train & (confidences(pages, analysed) >= DEFAULT_MIN_CONFIDENCE)
    print(f"leave-one-page-out AUC (right name above wrong): all examples {auc(runs[l2][train], y[train]):.3f}, "
          f"at the shipped confidence {auc(runs[l2][kept], y[kept]):.3f}")
    rows = curve("leave-one-page-out, all dev pages", runs[l2], groups, pages, analysed)
    newest = newest_pages(pages, args.newest)
    batch = held_out(X, y, train, extra, l2, bias, [np.isin(groups, sorted(newest))])
    curve(f"by batch: the {len(newest)} newest dev pages, fit on the older", batch, groups, pages, analysed, newest)
    thr = choose(rows, args.max_recall_drop)
    print(f"chosen threshold {thr} (l2 {l2})")
    if args.judge:
        judge_report(args.judge, (X, y, train, extra, bias, groups, kept), runs[l2], pages, analysed, args)
    w = fit(np.vstack([X[train], extra[0]]), np.concatenate([y[train], extra[1]]), l2, bias)
    print("the largest weights, fit on all examples:")
    for n, v in sorted(zip(names, w), key=lambda nv: -abs(nv[1]))[:12]:
        print(f"  {n:<16} {v:+.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
