"""Scale benchmark of the link stage: copy detection and story grouping over generated articles.

Articles are synthetic (Zipfian vocabulary, stories with their own topic words and names, 10 %
mutated copies: trimmed, ads inserted, new headline, light rewording), stored in a fresh SQLite
ledger in batches of ``--batch`` and linked incrementally with ``link_new`` after each batch,
as ``newsledger ingest`` does. Reported per size: store time, link time, link time per 1,000
articles for the first and the last batch (flat = linear total, i.e. far below quadratic), peak
RSS of the process, link CPU time (process time: the machine may be shared), copy-pair precision/recall against the generator's truth, and the ledger size.

    python benchmarks/link_scale.py                 # 10k
    python benchmarks/link_scale.py --sizes 10000 100000
    python benchmarks/link_scale.py --sizes 10000 --tracemalloc   # Python-heap peak of link_new too
    python benchmarks/link_scale.py --sizes 10000 --per-day 274   # the density of 100k in one year

Each size runs in its own subprocess so peaks do not mix.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from typing import Optional

import numpy as np

SYL = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "se", "di", "po", "an", "el", "or", "us", "in",
       "be", "ga", "fi", "ho", "ju", "ke", "la", "mo", "ni", "pe", "qui", "ra", "so", "tu", "ve"]


def vocab(n: int, rng: random.Random) -> list[str]:
    out, seen = [], set()
    while len(out) < n:
        w = "".join(rng.choice(SYL) for _ in range(rng.choice((1, 2, 2, 3, 3, 4))))
        if w not in seen:
            seen.add(w)
            out.append(w)
    return out


def span_days(n: int, rate: bool = True, per_day: Optional[int] = None) -> int:
    """Days the generated articles spread over: ``per_day`` articles a day when given; else about
    27 a day, as a ledger grows in time, but at least a year (``rate``), or one year."""
    if per_day:
        return max(1, n // per_day)
    return max(365, n // 27) if rate else 365


FIGURE_UNITS = ("troops", "people", "USD", "percent")
VERBS = {"troops": "were sent to the border", "people": "were displaced by the floods",
         "USD": "would be spent on the plan", "percent": "of the budget was cut"}


def _story_claims(st: dict, crng: random.Random) -> list:
    """Claims for one story article (the story's figure, now and then another source's
    different figure, now and then a denial), made by a generator of their own (``crng``) so
    the articles without claims are the same as ever."""
    from newsledger.model import Claim, Content, Quantity, Source, Span

    out = []
    for _ in range(crng.choice((0, 1, 1, 2))):
        speaker = crng.choice(st["names"])
        value = st["figure"] if crng.random() < 0.7 else st["figure"] * crng.choice((0.5, 2, 3))
        unit = st["unit"]
        fig = f"{value:,.0f}"
        content = f"{fig} {unit} {VERBS[unit]}"
        out.append(Claim(source=Source(speaker, 0, len(speaker), speaker), cue=Span("said", 0, 4),
                         content=Content(content, 0, len(content)), kind="indirect",
                         quantities=[Quantity(fig, 0, len(fig), float(value), unit=unit)]))
    if crng.random() < 0.1:
        speaker = crng.choice(st["names"])
        content = f"the {st['unit']} {VERBS[st['unit']]} as reported"
        out.append(Claim(source=Source(speaker, 0, len(speaker), speaker), cue=Span("denied", 0, 6),
                         content=Content(content, 0, len(content)), kind="indirect", stance="denies"))
    return out


def generate(n: int, seed: int = 1, rate: bool = True, per_day: Optional[int] = None, claims: bool = False):
    """Yields (Article, story, copy_of) in ingest order. ``claims``: story articles carry
    claims (a figure per story that most sources repeat and some contradict, and denials);
    copies carry their original's."""
    import copy as _copy

    from newsledger.model import Article

    crng = random.Random(seed + 7)

    rng = random.Random(seed)
    nrng = np.random.default_rng(seed)
    from newsledger.link.text import STOPWORDS

    # like English: function words take the top ranks, then a long Zipfian tail
    words = sorted(STOPWORDS) + vocab(30000, rng)
    ranks = np.arange(1, len(words) + 1)
    p = 1.0 / ranks ** 1.05
    cdf = np.cumsum(p / p.sum())
    pool = np.searchsorted(cdf, nrng.random(2_000_000))
    pool_i = 0
    names = [w.capitalize() for w in vocab(8000, random.Random(seed + 1))]
    n_stories = max(1, n // 8)
    stories = []
    span = span_days(n, rate, per_day)
    for s in range(n_stories):
        day = rng.randrange(0, span)
        stories.append({"topic": rng.sample(words[3000:], 12), "names": rng.sample(names, 4), "day": day})
    recent = []  # (article, story) available to be copied
    made = 0
    while made < n:
        if recent and rng.random() < 0.10:
            src, story, day = rng.choice(recent[-5000:])
            paras = list(src.paragraphs)
            if rng.random() < 0.5 and len(paras) > 4:
                paras = paras[: max(3, int(len(paras) * rng.uniform(0.55, 0.85)))]
            if rng.random() < 0.5:
                paras.insert(len(paras) // 2, "Claim your welcome bonus now: 50 free spins, no deposit!")
            if rng.random() < 0.5:
                i = rng.randrange(len(paras))
                ws = paras[i].split()
                for _ in range(max(1, len(ws) // 15)):
                    ws[rng.randrange(len(ws))] = rng.choice(words[200:3000])
                paras[i] = " ".join(ws)
            a = Article(source=f"gen:{made}", url=f"https://site{rng.randrange(500)}.example/{made}",
                        site=f"site{made % 500}.example", title="BREAKING: " + src.title,
                        byline=[rng.choice(names) + " " + rng.choice(names)],
                        published=src.published)
            a.set_paragraphs(paras)
            if claims:
                a.claims, a.analyzed = _copy.deepcopy(src.claims), True
            copy_of = src.source
        else:
            s = rng.randrange(n_stories)
            st = stories[s]
            story, day = s, st["day"] + rng.randrange(0, 4)
            paras = []
            for _ in range(rng.randrange(5, 10)):
                sents = []
                for _ in range(3):
                    k = rng.randrange(12, 22)
                    if pool_i + k > len(pool):
                        pool, pool_i = np.searchsorted(cdf, nrng.random(2_000_000)), 0
                    ws = [words[i] for i in pool[pool_i:pool_i + k]]
                    pool_i += k
                    for _ in range(2):
                        ws.insert(rng.randrange(len(ws)), rng.choice(st["topic"]))
                    ws.insert(rng.randrange(len(ws)), rng.choice(st["names"]))
                    sents.append(" ".join(ws).capitalize() + ".")
                paras.append(" ".join(sents))
            d = (np.datetime64("2024-01-01") + np.timedelta64(day, "D")).astype(str)
            a = Article(source=f"gen:{made}", url=f"https://site{made % 500}.example/{made}",
                        site=f"site{made % 500}.example",
                        title=" ".join([st["names"][0]] + rng.sample(st["topic"], 4)).capitalize(),
                        byline=[rng.choice(names) + " " + rng.choice(names)], published=d)
            a.set_paragraphs(paras)
            if claims:
                st.setdefault("figure", crng.choice((12, 300, 1500, 12000, 45)) * crng.randrange(1, 9))
                st.setdefault("unit", crng.choice(FIGURE_UNITS))
                a.claims, a.analyzed = _story_claims(st, crng), True
            copy_of = None
            recent.append((a, story, day))
            if len(recent) > 10000:  # keep memory flat: copies are drawn from the last 5,000
                del recent[:5000]
        made += 1
        yield a, story, copy_of


def run_size(n: int, batch: int, trace: bool, fixed_span: bool = False, per_day: Optional[int] = None) -> dict:
    """One size's figures, on a ledger of its own in a temporary folder that is removed afterwards."""
    from newsledger.store import Ledger

    tmp = tempfile.TemporaryDirectory(prefix="link-scale-")  # removed at the end: one ledger per size
    path = os.path.join(tmp.name, "scale.db")
    ledger = Ledger(path)
    try:
        return _measure(ledger, path, n, batch, trace, fixed_span, per_day)
    finally:
        ledger.close()
        tmp.cleanup()


def _measure(ledger, path: str, n: int, batch: int, trace: bool, fixed_span: bool, per_day: Optional[int]) -> dict:
    """Store and link ``n`` generated articles ``batch`` at a time into ``ledger`` (its file at ``path``);
    the figures."""
    from newsledger.link import copy_groups, link_new, link_stats, story_groups

    if trace:
        import tracemalloc
        tracemalloc.start()
    t_gen = t_store = t_link = c_link = 0.0
    per_batch = []
    story_of, root_of = {}, {}
    gen = generate(n, rate=not fixed_span, per_day=per_day)
    done = 0
    trace_peak = 0
    while done < n:
        t0 = time.perf_counter()
        part = list(itertools.islice(gen, min(batch, n - done)))
        t1 = time.perf_counter()
        res = ledger.add([(a, None, None) for a, _, _ in part])
        t2 = time.perf_counter()
        if trace:
            tracemalloc.reset_peak()
        c0 = time.process_time()
        link_new(ledger, res.new)
        t3 = time.perf_counter()
        c_link += time.process_time() - c0
        c_batch = time.process_time() - c0
        if trace:
            trace_peak = max(trace_peak, tracemalloc.get_traced_memory()[1])
        stored = set(res.new)
        for a, s, c in part:
            if a.id in stored:
                story_of[a.id] = s
                root_of[a.source] = root_of.get(c, c) if c else a.source
                root_of[a.id] = root_of[a.source]
        t_gen += t1 - t0
        t_store += t2 - t1
        t_link += t3 - t2
        per_batch.append((len(res.new), t3 - t2, c_batch))
        done += len(part)
        print(f"  {done:>7}: store {t2 - t1:6.2f} s  link {t3 - t2:6.2f} s wall, {c_batch:6.2f} s cpu "
              f"(batch of {len(res.new)}) rss {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB",
              file=sys.stderr, flush=True)
    # copy-pair precision / recall against the generator
    t4 = time.perf_counter()
    groups = copy_groups(ledger)
    t_read = time.perf_counter() - t4
    pred = set()
    for g in groups:
        ids = sorted(m["id"] for m in g["members"])
        pred |= set(itertools.combinations(ids, 2))
    by_root = defaultdict(list)
    for aid in story_of:
        by_root[root_of[aid]].append(aid)
    gold = set()
    for ids in by_root.values():
        gold |= set(itertools.combinations(sorted(ids), 2))
    tp = len(pred & gold)
    stats = link_stats(ledger)
    sg = story_groups(ledger)
    # story purity: share of story-group pairs whose generator story agrees
    sp_tp = sp_all = 0
    for g in sg:
        ids = [m["id"] for m in g["members"]]
        for a, b in itertools.combinations(ids, 2):
            sp_all += 1
            sp_tp += story_of.get(a) == story_of.get(b)
    first = per_batch[0][2] / max(1, per_batch[0][0]) * 1000
    last = per_batch[-1][2] / max(1, per_batch[-1][0]) * 1000
    return {"articles": len(story_of), "per_day": round(n / span_days(n, not fixed_span, per_day)),
            "gen_s": round(t_gen, 1), "store_s": round(t_store, 1),
            "link_s": round(t_link, 1), "link_cpu_s": round(c_link, 1),
            "link_cpu_s_per_1k_first": round(first, 2), "link_cpu_s_per_1k_last": round(last, 2), "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "tracemalloc_peak_link_mb": round(trace_peak / 2**20, 1) if trace else None,
            "copy_precision": round(tp / len(pred), 4) if pred else 1.0,
            "copy_recall": round(tp / len(gold), 4) if gold else 1.0,
            "copy_groups": stats["copy_groups"], "stories": stats["stories"],
            "story_pair_purity": round(sp_tp / sp_all, 4) if sp_all else None,
            "read_copy_groups_s": round(t_read, 2),
            "db_mb": round(os.path.getsize(path) / 2**20, 1)}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000])
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--tracemalloc", action="store_true")
    ap.add_argument("--fixed-span", action="store_true",
                    help="put every size into one year (denser time windows as N grows) instead of "
                         "a constant ~27 articles a day")
    ap.add_argument("--per-day", type=int, default=None,
                    help="articles a day (the time span is N / this); by default about 27 a day and at "
                         "least a year, so 100k spans ten years: a busier ledger packs more into each window")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(run_size(args.one, args.batch, args.tracemalloc, args.fixed_span, args.per_day)))
        return
    rows = []
    for n in args.sizes:
        print(f"size {n}", file=sys.stderr)
        cmd = [sys.executable, __file__, "--one", str(n), "--batch", str(args.batch)]
        if args.per_day:
            cmd += ["--per-day", str(args.per_day)]
        if args.tracemalloc:
            cmd.append("--tracemalloc")
        if args.fixed_span:
            cmd.append("--fixed-span")
        out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
    keys = list(rows[0])
    print("| " + " | ".join(keys) + " |")
    print("|" + "---|" * len(keys))
    for r in rows:
        print("| " + " | ".join(str(r[k]) for k in keys) + " |")
    if len(rows) > 1:
        a, b = rows[0], rows[-1]
        ratio = b["articles"] / a["articles"]
        print(f"\n{ratio:.0f}x the articles: link CPU time x{b['link_cpu_s'] / a['link_cpu_s']:.1f} "
              f"(quadratic would be x{ratio ** 2:.0f}), peak RSS x{b['peak_rss_mb'] / a['peak_rss_mb']:.1f}")


if __name__ == "__main__":
    main()
