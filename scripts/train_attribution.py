"""Train the learned cue classifier of the attribution extractor on PolNeAR **train** only.

1. Parse train with en_core_web_sm (cached as a DocBin under ``--cache-dir``).
2. Run :class:`newsledger.analyze.attribution.Extractor` in ``generate`` mode: every verb becomes
   a candidate claim built by the usual content/source rules.
3. Label a verb candidate 1 when its cue verb lies inside a gold Cue span and its content
   overlaps that attribution's gold content (letters/digits, as in the scorer).
4. Fit L2-regularised logistic regression (numpy, full-batch Adam, fixed seed) over the sparse
   indicator features of :func:`newsledger.analyze.attribution.learned.cue_features`.
5. Choose the keep-threshold on a held-out fifth of **train** (articles ``i % 5 == 0``), by the
   end-to-end PolNeAR scorer (content+source overlap F1 + content exact F1), then refit on all of
   train and write ``newsledger/analyze/data/cue_model.json``.
6. Fit the boundary ranker (averaged perceptron over content variants) and the edge model
   (softmax over candidate start / end tokens, :class:`~newsledger.analyze.attribution.learned.EdgeModel`) on
   the kept claims matched to gold; pick the edge margin on the held-out fifth; refit on all of
   train and write ``boundary_model.json`` and ``edge_model.json``.

No dev or test data is read.

    .venv/bin/python scripts/train_attribution.py [--cache-dir /tmp/pn]
"""
from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsledger.analyze import attribution as A  # noqa: E402
from newsledger.analyze.attribution.learned import (BOUNDARY_PATH, EDGE_PATH, MODEL_PATH, BoundaryModel,  # noqa: E402
                                        CueModel, EdgeModel, _ctx, content_variants, cue_features,
                                        edge_frame, edge_ranges, end_features, start_features)
from newsledger.evaluate.attribution import parsed_docs, alnum_set, load_split, score  # noqa: E402

SEED = 13
THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65)
MARGINS = (0.0, 0.5, 1.0, 1.5, 2.0)
EDGE_L2 = 5e-4


def build(data, docs, tags=None):
    """Per article: (text, gold, cands, [(cand index, features, label)]); ``tags``: the tagger's
    out-of-fold probabilities of each article's tokens (see ``scripts/train_tagger.py``)."""
    out = []
    for n, ((_, text, gold), doc) in enumerate(zip(data, docs)):
        ex = A.Extractor(doc, text, generate=True, tag=None if tags is None else tags[n])
        cands = ex.candidates()
        gsets = [(alnum_set(text, g.content), g.cue) for g in gold]
        rows = []
        for k, c in enumerate(cands):
            if c.rule != "verb" or c.cue_i < 0:
                continue
            tok = doc[c.cue_i]
            pc = alnum_set(text, c.content)
            y = 0
            for gc, gq in gsets:
                if any(s <= tok.idx < e for s, e in gq) and gc & pc:
                    y = 1
                    break
            rows.append((k, cue_features(ex, c), y))
        out.append((text, gold, ex, cands, rows))
    return out


def fit(rows, l2=1e-5, iters=400, lr=0.05, min_count=2):
    """Logistic regression; returns {feature: weight}."""
    counts = Counter(f for _, fs, _ in rows for f in set(fs))
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count or f == "bias"))}
    ri, ci = [], []
    for r, (_, fs, _) in enumerate(rows):
        for f in set(fs):
            j = vocab.get(f)
            if j is not None:
                ri.append(r)
                ci.append(j)
    ri, ci = np.asarray(ri), np.asarray(ci)
    y = np.asarray([lab for _, _, lab in rows], dtype=np.float64)
    n, d = len(rows), len(vocab)
    rng = np.random.default_rng(SEED)
    w = rng.normal(0, 1e-3, d)
    m = np.zeros(d)
    v = np.zeros(d)
    for t in range(1, iters + 1):
        z = np.bincount(ri, weights=w[ci], minlength=n)
        p = 1 / (1 + np.exp(-np.clip(z, -30, 30)))
        err = p - y
        g = np.bincount(ci, weights=err[ri], minlength=d) / n + l2 * w
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        w -= lr * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
    z = np.bincount(ri, weights=w[ci], minlength=n)
    acc = float(((z > 0) == (y > 0.5)).mean())
    return {f: float(w[j]) for f, j in vocab.items()}, acc


def kept_cands(art, model):
    """Claims of one built article after the cue filter, following quotes and clean-up (copies)."""
    text, _, ex, cands, rows = art
    probs = {k: model.prob(fs) for k, fs, _ in rows}
    keep = [dataclasses.replace(c, extra=dict(c.extra), content=list(c.content)) for k, c in enumerate(cands)
            if k not in probs or probs[k] >= model.threshold]
    return [c for c in ex.cleanup(ex.follow_quotes(keep)) if c.source is not None or not A.DROP_SOURCELESS]


def predict_ranges(art, model, boundary=None, edges=None):
    """Prediction ranges of one built article under ``model`` (as find_claims would emit)."""
    text, ex = art[0], art[2]
    out = []
    kept = kept_cands(art, model)
    if boundary is not None:
        boundary.apply(ex, kept)
    if edges is not None:
        edges.apply(ex, kept)
    for c in kept:
        pieces = [(s, e) for s, e in c.content if any(ch.isalnum() for ch in text[s:e])] or c.content
        out.append((pieces, [c.source] if c.source else [], [c.cue]))
    return out


def boundary_groups(arts, model):
    """Per kept verb claim matched to a gold attribution (cue inside the gold cue, content
    overlap): (variant features, exact flags)."""
    groups = []
    oracle = base = 0
    for art in arts:
        text, gold, ex = art[0], art[1], art[2]
        gsets = [(alnum_set(text, g.content), g.cue) for g in gold]
        kept = kept_cands(art, model)
        starts = [c.cue[0] for c in kept]
        for c in kept:
            if c.cue_i < 0:
                continue
            tok = ex.doc[c.cue_i]
            pc = alnum_set(text, c.content)
            gc = next((g for g, q in gsets if any(s <= tok.idx < e for s, e in q) and g & pc), None)
            if gc is None:
                continue
            vs = content_variants(ex, c, starts)
            ok = [alnum_set(text, r) == gc for r, _ in vs]
            base += ok[0]
            oracle += any(ok)
            groups.append(([f for _, f in vs], ok))
    return groups, base, oracle


def fit_boundary(groups, epochs=8):
    """Averaged perceptron ranker over the variants."""
    rng = np.random.default_rng(SEED)
    w: dict = {}
    tot: dict = {}
    stamp: dict = {}
    step = 0
    useful = [g for g in groups if any(g[1]) and len(g[0]) > 1]
    for _ in range(epochs):
        for gi in rng.permutation(len(useful)):
            feats, ok = useful[gi]
            step += 1
            scores = [sum(w.get(x, 0.0) for x in f) for f in feats]
            pred = max(range(len(feats)), key=lambda k: (scores[k], -k))
            if ok[pred]:
                continue
            target = 0 if ok[0] else ok.index(True)
            for x, d in [(x, 1.0) for x in feats[target]] + [(x, -1.0) for x in feats[pred]]:
                tot[x] = tot.get(x, 0.0) + (step - stamp.get(x, 0)) * w.get(x, 0.0)
                stamp[x] = step
                w[x] = w.get(x, 0.0) + d
    for x in w:
        tot[x] = tot.get(x, 0.0) + (step - stamp.get(x, 0)) * w[x]
    return {x: v / step for x, v in tot.items() if abs(v / step) > 1e-4}


def edge_groups(arts, model, boundary):
    """Per kept claim matched to a gold attribution (after the boundary ranker): start and end
    candidates with their features and the index of the gold start / end token. Claims whose
    gold content cannot be reached by moving the two edges are left out."""
    out = []
    for art in arts:
        text, gold, ex = art[0], art[1], art[2]
        doc = ex.doc
        gsets = [(alnum_set(text, g.content), g.cue) for g in gold]
        kept = kept_cands(art, model)
        boundary.apply(ex, kept)
        for c in kept:
            pc = alnum_set(text, c.content)
            gc = next((g for g, q in gsets if any(s <= c.cue[0] < e for s, e in q) and g & pc), None)
            if gc is None:
                continue
            fr = edge_frame(ex, c)
            if fr is None:
                continue
            toks, starts, ends, excl = fr
            sp = doc.char_span(min(gc), min(gc) + 1, alignment_mode="expand")[0].i
            ep = doc.char_span(max(gc), max(gc) + 1, alignment_mode="expand")[0].i
            if sp not in starts or ep not in ends or alnum_set(text, edge_ranges(ex, c, toks, sp, ep, excl)) != gc:
                continue
            ctx = _ctx(ex, c)
            out.append(([start_features(ex, c, i, toks[0], ctx) for i in starts], starts.index(sp),
                        [end_features(ex, c, j, toks[-1], ctx) for j in ends], ends.index(ep)))
    return out


def fit_softmax(groups, l2=EDGE_L2, iters=300, lr=0.05, min_count=2):
    """Log-linear model, softmax over each group's candidates (full-batch Adam); ``groups``:
    [(candidate feature lists, gold index)]."""
    counts = Counter(f for fl, _ in groups for fs in fl for f in set(fs))
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
    ri, ci, y, bounds = [], [], [], [0]
    r = 0
    for fl, t in groups:
        for k, fs in enumerate(fl):
            for f in set(fs):
                j = vocab.get(f)
                if j is not None:
                    ri.append(r)
                    ci.append(j)
            y.append(1.0 if k == t else 0.0)
            r += 1
        bounds.append(r)
    ri, ci, y = np.asarray(ri), np.asarray(ci), np.asarray(y)
    n, d = r, len(vocab)
    starts = np.asarray(bounds[:-1])
    gidx = np.repeat(np.arange(len(groups)), np.diff(bounds))
    w, m, v = np.zeros(d), np.zeros(d), np.zeros(d)
    for t in range(1, iters + 1):
        z = np.bincount(ri, weights=w[ci], minlength=n)
        ez = np.exp(z - np.maximum.reduceat(z, starts)[gidx])
        p = ez / np.add.reduceat(ez, starts)[gidx]
        g = np.bincount(ci, weights=(p - y)[ri], minlength=d) / len(groups) + l2 * w
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        w -= lr * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
    return {f: float(w[j]) for f, j in vocab.items()}


def fit_edges(groups):
    w = fit_softmax([(a, b) for a, b, _, _ in groups])
    w.update(fit_softmax([(c, d) for _, _, c, d in groups]))
    return w


def rule_ranges(art):
    """The rules alone (lexicon cues, no learned filter) on the same article."""
    text, _, ex, _, _ = art
    doc = ex.doc
    claims = A.find_claims(doc, text, resolve=False, model=None, statements_only=False)
    from newsledger.evaluate.attribution import claim_ranges

    return [claim_ranges(c) for c in claims]


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache-dir", default="/tmp/pn")
    ap.add_argument("--out", default=str(MODEL_PATH))
    ap.add_argument("--boundary-out", default=str(BOUNDARY_PATH))
    ap.add_argument("--edge-out", default=str(EDGE_PATH))
    ap.add_argument("--l2", type=float, default=1e-5)
    ap.add_argument("--tagger-oof", default="/tmp/tagger/oof.npz",
                    help="out-of-fold tagger probabilities on train ('' to train without tagger features)")
    args = ap.parse_args(argv)
    t0 = time.time()
    data = load_split("train")
    docs = parsed_docs([t for _, t, _ in data], Path(args.cache_dir) / "train.spacy" if args.cache_dir else None)
    print(f"loaded {len(data)} train articles in {time.time() - t0:.0f}s", flush=True)
    tags = None
    if args.tagger_oof:
        if not Path(args.tagger_oof).exists():
            sys.exit(f"{args.tagger_oof}: no out-of-fold tagger probabilities (run scripts/train_tagger.py "
                     "prepare + fit first, or pass --tagger-oof '' to train without tagger features)")
        z = np.load(args.tagger_oof)
        probs, off = z["probs"].astype(np.float32), z["offsets"]
        tags = [probs[off[i]:off[i + 1]] for i in range(len(off) - 1)]
        if len(tags) != len(docs) or any(len(t) != len(d) for t, d in zip(tags, docs)):
            sys.exit(f"{args.tagger_oof}: does not match the train parses (rerun scripts/train_tagger.py)")
        print(f"tagger features from {args.tagger_oof} (out-of-fold)", flush=True)
    arts = build(data, docs, tags)
    nrows = sum(len(a[4]) for a in arts)
    npos = sum(y for a in arts for _, _, y in a[4])
    print(f"{nrows} verb candidates, {npos} positive ({time.time() - t0:.0f}s)", flush=True)

    fit_arts = [a for i, a in enumerate(arts) if i % 5]
    held = [a for i, a in enumerate(arts) if i % 5 == 0]
    w, acc = fit([r for a in fit_arts for r in a[4]], l2=args.l2)
    print(f"fold fit: train acc {acc:.3f} ({time.time() - t0:.0f}s)", flush=True)
    base = score((a[0], a[1], rule_ranges(a)) for a in held)
    print(f"held-out train fifth, rules only: cs-overlap {base['content+source/overlap']['F1']:.4f} "
          f"c-exact {base['content/exact']['F1']:.4f}", flush=True)
    best = None
    for thr in THRESHOLDS:
        m = CueModel(w, thr)
        r = score((a[0], a[1], predict_ranges(a, m)) for a in held)
        cs, ce = r["content+source/overlap"]["F1"], r["content/exact"]["F1"]
        print(f"  threshold {thr:.2f}: cs-overlap {cs:.4f} c-exact {ce:.4f}", flush=True)
        if best is None or cs + ce > best[0]:
            best = (cs + ce, thr, cs, ce)
    _, thr, cs, ce = best
    groups, nb, no = boundary_groups(fit_arts, CueModel(w, thr))
    bw = fit_boundary(groups)
    r = score((a[0], a[1], predict_ranges(a, CueModel(w, thr), BoundaryModel(bw))) for a in held)
    bcs, bce = r["content+source/overlap"]["F1"], r["content/exact"]["F1"]
    print(f"boundary ranker: {len(groups)} matched claims, rule exact {nb}, oracle exact {no}; "
          f"held-out cs-overlap {bcs:.4f} c-exact {bce:.4f} ({time.time() - t0:.0f}s)", flush=True)
    egroups = edge_groups(fit_arts, CueModel(w, thr), BoundaryModel(bw))
    ew = fit_edges(egroups)
    print(f"edge model: {len(egroups)} reachable matched claims ({time.time() - t0:.0f}s)", flush=True)
    ebest = None
    for mg in MARGINS:
        r = score((a[0], a[1], predict_ranges(a, CueModel(w, thr), BoundaryModel(bw), EdgeModel(ew, mg)))
                  for a in held)
        ecs, ece = r["content+source/overlap"]["F1"], r["content/exact"]["F1"]
        print(f"  margin {mg:.1f}: cs-overlap {ecs:.4f} c-exact {ece:.4f}", flush=True)
        if ebest is None or ecs + ece > ebest[0] + 1e-9:
            ebest = (ecs + ece, mg, ecs, ece)
    _, margin, ecs, ece = ebest

    w, acc = fit([r for a in arts for r in a[4]], l2=args.l2)
    meta = {"data": "PolNeAR train (840 articles, first .ann by name)", "seed": SEED, "l2": args.l2,
            "candidates": nrows, "positives": npos, "train_acc": round(acc, 4),
            "heldout_fifth": {"threshold": thr, "cs_overlap_f1": round(cs, 4), "c_exact_f1": round(ce, 4),
                              "rules_cs_overlap_f1": round(base["content+source/overlap"]["F1"], 4),
                              "rules_c_exact_f1": round(base["content/exact"]["F1"], 4),
                              "with_boundary_cs_overlap_f1": round(bcs, 4),
                              "with_boundary_c_exact_f1": round(bce, 4),
                              "edge_margin": margin, "with_edges_cs_overlap_f1": round(ecs, 4),
                              "with_edges_c_exact_f1": round(ece, 4)}}
    model = CueModel(w, thr, meta)
    model.save(Path(args.out))
    print(f"threshold {thr}; {len(w)} features -> {args.out} ({time.time() - t0:.0f}s)")
    groups, nb, no = boundary_groups(arts, model)
    bw = fit_boundary(groups)
    bmodel = BoundaryModel(bw, {"groups": len(groups), "rule_exact": nb, "oracle_exact": no})
    bmodel.save(Path(args.boundary_out))
    print(f"boundary: {len(bw)} features -> {args.boundary_out} ({time.time() - t0:.0f}s)")
    egroups = edge_groups(arts, model, bmodel)
    ew = fit_edges(egroups)
    EdgeModel(ew, margin, {"groups": len(egroups), "l2": EDGE_L2}).save(Path(args.edge_out))
    print(f"edges: {len(ew)} features, margin {margin} -> {args.edge_out} ({time.time() - t0:.0f}s)")


if __name__ == "__main__":
    main()
