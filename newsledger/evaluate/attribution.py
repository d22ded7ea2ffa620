"""Attribution gate on PolNeAR (Newell, Margolin & Ruths, LREC 2018).

The scorer is the one of ``shared/docs/attribution-baseline.md`` §4:

* a span is a set of character offsets (gold: the union of its brat fragments; predictions:
  the union of the content ``pieces``, or ``start..end``), kept only where ``text[i].isalnum()``;
* match levels ``exact`` (equal sets), ``majority`` (intersection more than half of each),
  ``overlap`` (non-empty intersection);
* criteria ``content``, ``content+source`` (gold without a source never matches) and
  ``content+source+cue``, the same level for every role;
* per article, every (gold, pred) pair meeting the criterion, sorted by content Jaccard
  (highest first) and accepted greedily one-to-one; micro P/R/F1 over articles.

Gold of multi-annotated articles is the first ``.ann`` by file name; attributions with empty
content are dropped.

``python -m newsledger.evaluate.attribution --split dev`` prints the table.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

LEVELS = ("exact", "majority", "overlap")
CRITERIA = ("content", "content+source", "content+source+cue")


# ---------------------------------------------------------------- gold


@dataclass
class GoldAttribution:
    content: list[tuple[int, int]]
    source: list[tuple[int, int]] = field(default_factory=list)
    cue: list[tuple[int, int]] = field(default_factory=list)


def parse_ann(ann: str) -> list[GoldAttribution]:
    """Attributions of one brat ``.ann`` file (Source/Cue/Content/Content2 roles)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    events: list[list[tuple[str, str]]] = []
    for line in ann.splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            head = parts[1].split(" ", 1)
            if len(head) < 2:
                continue
            frags = []
            for frag in head[1].split(";"):
                try:
                    s, e = frag.split()
                    frags.append((int(s), int(e)))
                except ValueError:
                    frags = []
                    break
            if frags:
                spans[parts[0]] = frags
        elif line.startswith("E"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            args = parts[1].split()
            etype = args[0].split(":")[0]
            if not etype.startswith("Attribution"):
                continue
            roles = []
            for a in args[1:]:
                if ":" in a:
                    role, tid = a.split(":", 1)
                    roles.append((role, tid))
            events.append(roles)
    out = []
    for roles in events:
        g = GoldAttribution(content=[])
        for role, tid in roles:
            frags = spans.get(tid, [])
            r = role.rstrip("0123456789")
            if r == "Content":
                g.content.extend(frags)
            elif r == "Source":
                g.source.extend(frags)
            elif r == "Cue":
                g.cue.extend(frags)
        out.append(g)
    return out


def polnear_dir(data_dir: Optional[os.PathLike] = None) -> Path:
    if data_dir is not None:
        return Path(data_dir)
    from newsledger.evaluate import data_dir as _dd

    return _dd("polnear")


def load_split(split: str = "dev", data_dir: Optional[os.PathLike] = None):
    """``[(article, text, [GoldAttribution, ...]), ...]`` sorted by article name."""
    root = polnear_dir(data_dir)
    base = root / "data" / split if (root / "data" / split).is_dir() else root / split
    anns: dict[str, Path] = {}
    for p in sorted((base / "attributions").glob("*.ann")):
        art = p.stem.rsplit("_", 1)[0]
        anns.setdefault(art, p)  # the first by file name
    out = []
    for tp in sorted((base / "text").glob("*.txt")):
        with open(tp, encoding="utf-8", newline="") as fh:
            text = fh.read()
        ann = anns.get(tp.stem)
        gold = []
        if ann is not None:
            gold = parse_ann(ann.read_text(encoding="utf-8"))
        gold = [g for g in gold if alnum_set(text, g.content)]
        out.append((tp.stem, text, gold))
    return out


# ---------------------------------------------------------------- scorer


def alnum_set(text: str, ranges: Iterable[tuple[int, int]]) -> frozenset:
    s = set()
    n = len(text)
    for a, b in ranges:
        for i in range(max(0, a), min(b, n)):
            if text[i].isalnum():
                s.add(i)
    return frozenset(s)


def span_match(a: frozenset, b: frozenset, level: str) -> bool:
    if not a or not b:
        return False
    if level == "exact":
        return a == b
    inter = len(a & b)
    if level == "majority":
        return inter > len(a) / 2 and inter > len(b) / 2
    return inter > 0


def _sets(text, content, source, cue):
    return alnum_set(text, content), alnum_set(text, source), alnum_set(text, cue)


def claim_ranges(claim) -> tuple[list, list, list]:
    """(content ranges, source ranges, cue ranges) of a :class:`~newsledger.model.Claim`."""
    c = claim.content
    content = list(c.pieces) if c.pieces else [(c.start, c.end)]
    source = [(claim.source.start, claim.source.end)] if claim.source else []
    cue = [(claim.cue.start, claim.cue.end)]
    return content, source, cue


def quote_status(text: str, ranges) -> str:
    """direct (>= 90% of content letters inside double quotes) | mixed | indirect."""
    from newsledger.analyze.attribution import quoted_mask

    chars = sorted(alnum_set(text, ranges))
    if not chars:
        return "indirect"
    mask = quoted_mask(text)
    inside = sum(1 for i in chars if mask[i])
    share = inside / len(chars)
    return "direct" if share >= 0.9 else "indirect" if share == 0 else "mixed"


def match_article(text, gold: list[GoldAttribution], preds: list[tuple], criterion: str, level: str):
    """Greedy one-to-one assignment; returns accepted [(gold_index, pred_index, |inter|)]."""
    gsets = [_sets(text, g.content, g.source, g.cue) for g in gold]
    psets = [_sets(text, *p) for p in preds]
    pairs = []
    for gi, (gc, gs, gq) in enumerate(gsets):
        for pi, (pc, ps, pq) in enumerate(psets):
            if not span_match(gc, pc, level):
                continue
            if criterion != "content" and not span_match(gs, ps, level):
                continue
            if criterion == "content+source+cue" and not span_match(gq, pq, level):
                continue
            inter = len(gc & pc)
            jac = inter / len(gc | pc)
            pairs.append((-jac, gi, pi, inter))
    pairs.sort()
    used_g, used_p, acc = set(), set(), []
    for _, gi, pi, inter in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        acc.append((gi, pi, inter))
    return acc


def prf(tp, npred, ngold):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(items) -> dict:
    """``items``: iterable of (text, gold list, prediction list of (content, source, cue) ranges)."""
    items = list(items)
    res: dict = {}
    ngold = sum(len(g) for _, g, _ in items)
    npred = sum(len(p) for _, _, p in items)
    gold_status = [[quote_status(t, x.content) for x in g] for t, g, _ in items]
    for crit in CRITERIA:
        for level in LEVELS:
            tp = inter_sum = 0
            by_kind_tp = {"direct": 0, "mixed": 0, "indirect": 0}
            for (text, gold, preds), statuses in zip(items, gold_status):
                acc = match_article(text, gold, preds, crit, level)
                tp += len(acc)
                inter_sum += sum(i for _, _, i in acc)
                for gi, _, _ in acc:
                    by_kind_tp[statuses[gi]] += 1
            p, r, f = prf(tp, npred, ngold)
            entry = {"tp": tp, "P": p, "R": r, "F1": f}
            for k, v in by_kind_tp.items():
                n = sum(s == k for st in gold_status for s in st)
                entry["R_" + k] = v / n if n else 0.0
            if crit == "content":
                pchars = sum(len(alnum_set(t, pr[0])) for t, _, ps in items for pr in ps)
                gchars = sum(len(alnum_set(t, x.content)) for t, g, _ in items for x in g)
                entry["sP"] = inter_sum / pchars if pchars else 0.0
                entry["sR"] = inter_sum / gchars if gchars else 0.0
            res[f"{crit}/{level}"] = entry
    res["n_gold"] = ngold
    res["n_pred"] = npred
    res["n_articles"] = len(items)
    return res


# ---------------------------------------------------------------- run


def parsed_docs(texts: list[str], cache: Optional[Path]):
    """spaCy Docs for ``texts``, read from / written to a DocBin cache when given."""
    from newsledger.analyze.nlp import get_nlp

    nlp = get_nlp()
    if cache is not None and cache.exists():
        from spacy.tokens import DocBin

        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if len(docs) == len(texts) and all(d.text == t for d, t in zip(docs, texts)):
            return docs
    docs = list(nlp.pipe(texts, batch_size=16))
    if cache is not None:
        from spacy.tokens import DocBin

        db = DocBin(store_user_data=False)
        for d in docs:
            db.add(d)
        cache.parent.mkdir(parents=True, exist_ok=True)
        db.to_disk(cache)
    return docs


def predict_split(split: str = "dev", data_dir=None, cache_dir: Optional[os.PathLike] = None, timing=None):
    """Run :func:`newsledger.analyze.attribution.find_claims` over a split:
    ``[(article, text, gold, claims), ...]``."""
    from newsledger.analyze.attribution import find_claims

    data = load_split(split, data_dir)
    texts = [t for _, t, _ in data]
    t0 = time.perf_counter()
    cache = Path(cache_dir) / f"{split}.spacy" if cache_dir else None
    docs = parsed_docs(texts, cache)
    t1 = time.perf_counter()
    out = []
    for (name, text, gold), doc in zip(data, docs):
        out.append((name, text, gold, find_claims(doc, text, statements_only=False)))  # PolNeAR counts actions too
    t2 = time.perf_counter()
    if timing is not None:
        timing.update(parse_s=t1 - t0, rules_s=t2 - t1, articles=len(data))
    return out


def evaluate(split: str = "dev", data_dir=None, cache_dir: Optional[os.PathLike] = None) -> dict:
    timing: dict = {}
    rows = predict_split(split, data_dir, cache_dir, timing)
    res = score((text, gold, [claim_ranges(c) for c in claims]) for _, text, gold, claims in rows)
    res["timing"] = timing
    return res


def format_table(res: dict) -> str:
    lines = [f"PolNeAR: {res['n_articles']} articles, {res['n_gold']} gold, {res['n_pred']} predicted",
             f"{'criterion':<20} {'match':<9} {'P':>6} {'R':>6} {'F1':>6}  {'R_dir':>6} {'R_mix':>6} {'R_ind':>6}"]
    for crit in CRITERIA:
        for level in LEVELS:
            e = res[f"{crit}/{level}"]
            lines.append(f"{crit:<20} {level:<9} {100 * e['P']:6.1f} {100 * e['R']:6.1f} {100 * e['F1']:6.1f}  "
                         f"{100 * e['R_direct']:6.1f} {100 * e['R_mixed']:6.1f} {100 * e['R_indirect']:6.1f}")
    t = res.get("timing") or {}
    if t:
        n = t["articles"] or 1
        lines.append(f"parse {t['parse_s']:.1f}s, rules {t['rules_s']:.2f}s "
                     f"({n / max(t['rules_s'], 1e-9):.0f} articles/s rules only)")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev", choices=("train", "dev", "test", "annotator-training"))
    ap.add_argument("--data-dir", default=None, help="PolNeAR root (default: shared/data/polnear)")
    ap.add_argument("--cache-dir", default=None, help="cache spaCy parses here (DocBin)")
    args = ap.parse_args(argv)
    res = evaluate(args.split, args.data_dir, args.cache_dir)
    print(format_table(res))
    if args.split == "test":
        from newsledger.evaluate import evallog

        print(evallog.record_test_run("polnear", log_result(res), "python -m newsledger.evaluate.attribution",
                                      list(argv or sys.argv[1:])))
    return 0 if passed(res) else 1


GOALS = {"content+source/overlap": 0.72, "content/exact": 0.60}  # F1 goals of the project (test split)


def passed(res: dict) -> bool:
    """Both F1 goals met (content+source overlap >= 0.72, content exact >= 0.60)."""
    return all(res[k]["F1"] >= v for k, v in GOALS.items())


def log_result(res: dict) -> dict:
    """The headline figures of a run, for the evaluation log."""
    out = {"system": "shipped models"}
    for key, name in (("content+source/overlap", "cs_overlap"), ("content/exact", "c_exact")):
        for m in ("F1", "P", "R"):
            out[f"{name}_{m}"] = round(res[key][m], 3)
    for key, name in (("content/overlap", "c_overlap_F1"), ("content+source/exact", "cs_exact_F1"),
                      ("content+source+cue/overlap", "csc_overlap_F1")):
        out[name] = round(res[key]["F1"], 3)
    out["goals_0.72_0.60"] = "met" if passed(res) else "missed"
    out["articles"] = res["n_articles"]
    return out


if __name__ == "__main__":
    sys.exit(main())
