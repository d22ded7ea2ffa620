"""Score stories and cross-article claim groups on ECB+ (``newsledger eval crossnews``).

Every document of the chosen topics (development: 1-24; ``check``: 25 and above, the
independent check, run once and never tuned on) is rendered as flattened text
(:mod:`newsledger.evaluate.ecbplus`, no publication date), read and analysed by the real
pipeline, stored in one temporary ledger and linked in ingest order. Then:

- **stories**: pairwise precision/recall against the ECB+ sub-topics (each sub-topic is one
  event; a topic's two sub-topics are two events of the same kind, which must stay apart);
- **figure pairs**: each gold figure (``data/crossnews/<subtopic>.json``, made by reading; see
  ``scripts/crossnews_gold.py``) is mapped to the stored figure whose span overlaps it in the
  stored article; a predicted pair is two mapped figures of different articles in one stored
  claim group; precision and recall against the pairs of the gold groups;
- **verdicts**: for each gold group with a found pair, the stored group holding most of its
  found pairs: is its verdict the gold one (``revision`` reads as ``revised``)?
- **apart**: stored groups holding both figures of a pair the gold keeps apart (must be 0).

``--cache DIR`` keeps the analysed articles (keyed by text and the analysis code) so that
tuning the link stage does not re-analyse. ``--order-seed N`` ingests the same articles in a
seeded shuffled order: the order alone moves the story figures, so a story rule is judged over
several orders, not one.
"""
from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import pickle
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Optional

from newsledger.evaluate import ecbplus, goldspan, scratch_ledger

GOLD_DIR = Path(__file__).resolve().parent / "data" / "crossnews"
CHECK_TOPICS = range(25, 46)
VERDICT_ALIAS = {"revision": "revised"}


def load_gold(dirs: list[Path], topics) -> dict[str, dict]:
    """sub-topic -> gold, from the first directory holding it (sub-topics of ``topics`` only)."""
    out = {}
    wanted = set(topics)
    for d in dirs:
        for p in sorted(Path(d).glob("*.json")):
            sub = p.stem
            if sub in out or int(sub.replace("plus", "")) not in wanted:
                continue
            try:
                out[sub] = json.loads(p.read_text(encoding="utf-8"))
            except (OSError, ValueError) as e:
                raise SystemExit(f"{p}: cannot read the gold ({e})")
    return out


GOLD_VERDICTS = {"agree", "spread", "conflict", "revised"}


def check_gold_ids(work: dict, ids: set[str], where: str) -> None:
    """Stop when a working gold file's group or apart pair names an unknown figure id, or a group
    an unknown verdict (``scripts/crossnews_gold.py``, ``scripts/crossnews_nsc_gold.py``)."""
    for g in work.get("groups", []):
        bad = [m for m in g["members"] if m not in ids]
        if bad or g.get("verdict") not in GOLD_VERDICTS:
            raise SystemExit(f"{where}: group {g.get('id')}: unknown members {bad} or verdict {g.get('verdict')!r}")
    for p in work.get("apart", []):
        if p["a"] not in ids or p["b"] not in ids:
            raise SystemExit(f"{where}: apart pair {p}: unknown figure id")


FIGURE_LABELS = ("value", "low", "high", "bound", "unit", "measure", "about", "source", "as_of")


def gold_figure(f: dict, text: str, where: str) -> dict:
    """A working gold file's figure as stored (``scripts/crossnews_gold.py``, ``scripts/crossnews_nsc_gold.py``):
    its ``text`` located in the page ``text`` near its ``anchor`` (offsets), and its labels; a figure
    that cannot be located stops with ``where`` and the reason."""
    try:
        span = goldspan.locate(text, f["text"], goldspan.anchor_at(text, f["anchor"], where), where)
    except ValueError as e:
        raise SystemExit(str(e))
    return {"id": f["id"], "doc": f["doc"], "span": span, **{k: f.get(k) for k in FIGURE_LABELS}}


def gold_lines(gold: dict, text_of) -> list[str]:
    """A gold file's groups and apart pairs over the texts, for review (``text_of``: doc -> text)."""
    figs = {f["id"]: f for f in gold["figures"]}

    def say(fid):
        f = figs[fid]
        s, e = f["span"]
        return f"{fid} {f['doc']} {text_of(f['doc'])[s:e]!r} [{f['measure']} / {f['about']} / {f['source']}]"

    out = []
    for g in gold["groups"]:
        out.append(f"{g['id']} {g['verdict']}: {g.get('reason', '')}")
        out += ["   " + say(m) for m in g["members"]]
    out += [f"apart: {say(p['a'])}  <->  {say(p['b'])}  ({p['why']})" for p in gold["apart"]]
    return out


def _analysis_key() -> str:
    """A hash of the analysis code: a cached article is reused only with the same code."""
    import newsledger.analyze as an
    import newsledger.extract as ex

    h = hashlib.sha1()
    for pkg in (an, ex):
        for p in sorted(Path(pkg.__file__).parent.rglob("*.py")):
            h.update(p.read_bytes())
    return h.hexdigest()[:12]


def cached_analysis(cache: Optional[Path], prefix: str, content: bytes, compute):
    """``compute()``, kept in ``cache`` (when given) as a pickle named by ``prefix``, a hash of the
    analysed ``content`` and :func:`_analysis_key`, and read back from there while both are the same."""
    if cache is None:
        return compute()
    cache.mkdir(parents=True, exist_ok=True)
    store = cache / f"{prefix}-{hashlib.sha1(content).hexdigest()[:12]}-{_analysis_key()}.pickle"
    if store.exists():
        with open(store, "rb") as f:
            return pickle.load(f)
    out = compute()
    with open(store, "wb") as f:
        pickle.dump(out, f)
    return out


def analysed(topics, cache: Optional[Path], jobs: int = 1) -> list[tuple[str, object]]:
    """(file name, Article or Failure) for every document of ``topics``, in a fixed order."""
    from newsledger.model import Document
    from newsledger.pipeline import process

    docs = []
    for name, path in ecbplus.documents(topics):
        text, url = ecbplus.render(path)
        docs.append(Document(source=name, raw=text.encode("utf-8"), kind="text", url=url))
    return cached_analysis(cache, "crossnews", b"".join(d.raw for d in docs),
                           lambda: [(d.source, r) for (r, _), d in zip(process(iter(docs), analyze=True, jobs=jobs),
                                                                       docs)])


def ingest_order(items: list, seed: Optional[int] = None) -> list:
    """``items`` in the order they are ingested: as listed (by topic and file name) without a
    seed, else shuffled by ``random.Random(seed)`` -- the same seed gives the same order on every
    machine, so a story rule can be checked over several orders, each reproducible."""
    if seed is None:
        return list(items)
    out = list(items)
    random.Random(seed).shuffle(out)
    return out


def order_label(seed: Optional[int]) -> str:
    """How the table names an ingest order."""
    return "as listed" if seed is None else f"shuffled, seed {seed}"


def fill_ledger(ledger, items, batch: int = 10):
    """Store every article in ``ledger``, linked a batch at a time in ingest order; returns (file name ->
    article id, link seconds)."""
    from newsledger.link import link_new
    from newsledger.model import Article

    id_of: dict[str, str] = {}
    arts = [(n, a) for n, a in items if isinstance(a, Article)]
    spent = 0.0
    for i in range(0, len(arts), batch):
        part = arts[i:i + batch]
        res = ledger.add([(a, None, "text") for _, a in part])
        for n, a in part:
            id_of[n] = a.id
        t = time.perf_counter()
        link_new(ledger, res.new)
        spent += time.perf_counter() - t
    return id_of, spent


def _pairs(label_of: dict) -> set:
    by = defaultdict(list)
    for k, v in label_of.items():
        if v is not None:
            by[v].append(k)
    return {tuple(sorted(p)) for ms in by.values() for p in itertools.combinations(ms, 2)}


def prf(pred: set, gold: set) -> dict:
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3),
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0, "pred": len(pred), "gold": len(gold)}


def score_stories(ledger, id_of: dict[str, str]) -> dict:
    from newsledger.link import story_groups

    story = {m["id"]: g["id"] for g in story_groups(ledger, min_size=1) for m in g["members"]}
    pred = _pairs({n: story.get(a) for n, a in id_of.items()})
    gold = _pairs({n: ecbplus.subtopic(n) for n in id_of})
    out = prf(pred, gold)
    sizes = Counter(story.get(a) for a in id_of.values())
    out.update(articles=len(id_of), stories=len(sizes), alone=sum(1 for n in sizes.values() if n == 1))
    return out


def stored_figure_members(ledger) -> list[tuple[dict, dict]]:
    from newsledger.link import claim_groups

    return [(g, m) for g in claim_groups(ledger) if g.get("kind") == "figure" for m in g["members"]]


def relocate(rendered: str, stored: str, s: int, e: int) -> Optional[tuple[int, int]]:
    """A gold span of the rendered page in the stored article text (the extractor may drop
    paragraphs): found through its paragraph, else through the words around it; None when the
    stored text lost it."""
    if rendered == stored:
        return s, e
    p0 = rendered.rfind("\n\n", 0, s)
    p0 = 0 if p0 < 0 else p0 + 2
    p1 = rendered.find("\n\n", e)
    para = rendered[p0:p1 if p1 >= 0 else len(rendered)]
    at = stored.find(para)
    if at >= 0:
        return at + s - p0, at + e - p0
    ctx = rendered[max(p0, s - 40):min(len(rendered), e + 20)]
    at = stored.find(ctx)
    if at >= 0:
        off = s - max(p0, s - 40)
        return at + off, at + off + e - s
    return None


def locate(rendered: str, stored: str, header, s: int, e: int) -> Optional[tuple[str, int, int]]:
    """A gold span of the rendered page as (where, start, end) in the stored article: in its text
    (:func:`relocate`), else in a header line kept out of the text (``header``: (where, line)
    pairs, the title and the standfirst) when the span lies inside that line as the rendered page
    writes it; None when all lost it."""
    at = relocate(rendered, stored, s, e)
    if at is not None:
        return ("text",) + at
    for where, line in header:
        t0 = rendered.find(line) if line else -1
        if t0 >= 0 and t0 <= s and e <= t0 + len(line):
            return where, s - t0, e - t0
    return None


def _member_key(m: dict) -> tuple:
    """A stored figure member: (article id, where, start)."""
    return m["article_id"], m.get("where") or "text", m["start"]


def map_gold(gold: dict[str, dict], id_of: dict[str, str], members,
             texts: Optional[dict] = None) -> dict[tuple, tuple]:
    """(sub-topic, gold figure id) -> (article id, where, start) of the stored figure it overlaps;
    ``texts``: file name -> (rendered text, stored text, header lines: see :func:`article_texts`)."""
    spans = defaultdict(list)  # (article id, where) -> [(start, end)]
    for _g, m in members:
        if m.get("start") is not None:
            spans[m["article_id"], m.get("where") or "text"].append(
                (m["start"], m["start"] + len(m.get("figure") or "")))
    out = {}
    for sub, g in gold.items():
        for f in g["figures"]:
            aid = id_of.get(f["doc"])
            if aid is None:
                continue
            s, e = f["span"]
            where = "text"
            if texts is not None:
                at = locate(*texts[f["doc"]], s, e)
                if at is None:
                    continue
                where, s, e = at
            hit = [sp for sp in spans.get((aid, where), ()) if sp[0] < e and s < sp[1]]
            if hit:
                out[(sub, f["id"])] = (aid, where, min(hit)[0])
    return out


def predicted_pairs(members, fig_of: dict[tuple, tuple]) -> tuple[set, int, dict]:
    """The cross-article pairs of the stored groups as gold keys (sub-topic, figure id, figure id),
    the count of pairs on figures the gold does not hold, and the stored group of each pair
    (``fig_of``: :func:`map_gold`)."""
    gold_of = {v: k for k, v in fig_of.items()}  # stored figure -> gold figure
    by_group = defaultdict(list)
    for g, m in members:
        if m.get("start") is not None:
            by_group[g["id"]].append(_member_key(m))
    pred, unmapped, pair_group = set(), 0, {}
    for gid, ms in by_group.items():
        for a, b in itertools.combinations(sorted(set(ms)), 2):
            if a[0] == b[0]:
                continue
            ga, gb = gold_of.get(a), gold_of.get(b)
            if ga is None or gb is None or ga[0] != gb[0]:
                unmapped += 1
                continue
            key = (ga[0],) + tuple(sorted((ga[1], gb[1])))
            pred.add(key)
            pair_group[key] = gid
    return pred, unmapped, pair_group


def gold_pairs(g: dict, sub: str) -> set:
    """The cross-article pairs of one sub-topic's gold groups, as (sub-topic, figure id, figure id)."""
    doc = {f["id"]: f["doc"] for f in g["figures"]}
    return {(sub,) + tuple(sorted(p)) for grp in g["groups"] for p in itertools.combinations(grp["members"], 2)
            if doc[p[0]] != doc[p[1]]}


def score_groups(gold: dict[str, dict], id_of: dict[str, str], ledger, texts: Optional[dict]) -> dict:
    """Pair P/R, verdicts and apart pairs of the stored figure groups against ``gold``; ``texts``:
    see :func:`map_gold` (None: the gold spans are offsets into the stored text)."""
    members = stored_figure_members(ledger)
    fig_of = map_gold(gold, id_of, members, texts)
    verdict_of, reason_of = {}, {}
    for g, _m in members:
        verdict_of[g["id"]] = VERDICT_ALIAS.get(g["verdict"], g["verdict"])
        reason_of[g["id"]] = g.get("reason") or ""
    pred, unmapped, pair_group = predicted_pairs(members, fig_of)
    gpairs, right, found, apart = set(), 0, 0, 0
    wrong = []
    for sub, g in gold.items():
        for grp in g["groups"]:
            ps = gold_pairs({"figures": g["figures"], "groups": [grp]}, sub)
            gpairs |= ps
            hits = Counter(pair_group[p] for p in ps if p in pair_group)
            if hits:
                found += 1
                gid = min(hits, key=lambda k: (-hits[k], k))  # most pairs; ties by id (stable)
                if verdict_of[gid] == grp["verdict"]:
                    right += 1
                else:
                    wrong.append(f"{sub}/{grp['id']}: {verdict_of[gid]} for {grp['verdict']} "
                                 f"(ours: {reason_of[gid][:100]})")
        for p in g["apart"]:
            if (sub,) + tuple(sorted((p["a"], p["b"]))) in pred:
                apart += 1
    out = prf(pred, gpairs)
    out.update(pairs_unmapped=unmapped, gold_groups=sum(len(g["groups"]) for g in gold.values()),
               groups_found=found, verdicts_right=right,
               verdict_accuracy=round(right / found, 3) if found else 0.0, apart_joined=apart,
               figures_mapped=len(fig_of), gold_figures=sum(len(g["figures"]) for g in gold.values()),
               verdict_confusion=dict(Counter(w.split(": ", 1)[1].split(" (ours")[0] for w in wrong).most_common()),
               verdicts_wrong=wrong)
    return out


def story_failures(ledger, id_of: dict[str, str]) -> dict:
    """Where stories go wrong: each gold sub-topic split over several stories (the sizes of its
    parts), and each story holding articles of several sub-topics."""
    from newsledger.link import story_groups

    story = {m["id"]: g["id"] for g in story_groups(ledger, min_size=1) for m in g["members"]}
    parts: dict[str, Counter] = defaultdict(Counter)
    for n, a in id_of.items():
        parts[ecbplus.subtopic(n)][story.get(a)] += 1
    holds: dict[str, Counter] = defaultdict(Counter)
    for sub, c in parts.items():
        for sid, k in c.items():
            holds[sid][sub] += k
    split = {sub: sorted(c.values(), reverse=True) for sub, c in sorted(parts.items()) if len(c) > 1}
    mixed = {sid: dict(c.most_common()) for sid, c in sorted(holds.items()) if len(c) > 1}
    return {"split": split, "mixed": mixed}


def first_joins(joined: dict[str, tuple[Optional[str], Optional[float]]], id_of: dict[str, str]) -> dict:
    """The joins behind the story failures, in ingest order (``id_of``: file name -> article id,
    as stored; ``joined``: article id -> (the member it joined through, score), (None, None) for
    an article that started a story): ``wrong``, an article joining through a member of another
    sub-topic (it brings its sub-topic's later articles along), and ``missed``, an article starting
    a story though an article of its sub-topic was stored before it."""
    name_of = {a: n for n, a in id_of.items()}
    wrong, missed, seen = [], [], set()
    for n, a in id_of.items():
        sub = ecbplus.subtopic(n)
        via, score = joined.get(a, (None, None))
        if via in name_of and ecbplus.subtopic(name_of[via]) != sub:
            wrong.append(f"{n} via {name_of[via]} ({score})")
        elif via is None and sub in seen:
            missed.append(n)
        seen.add(sub)
    return {"wrong": wrong, "missed": missed}


def _stored_joins(ledger) -> dict[str, tuple[Optional[str], Optional[float]]]:
    from newsledger.link import story_groups

    return {m["id"]: (m.get("via"), m.get("score")) for g in story_groups(ledger, min_size=1) for m in g["members"]}


def _stored_spans(items) -> dict[str, list[tuple[str, int, int]]]:
    """file name -> (where, start, end) of the figures the analysis found in the stored article."""
    return {n: [(q.where, q.start, q.end) for q in (a.quantities or []) if q.start is not None]
            for n, a in items if hasattr(a, "text")}


def missed_pairs(gold: dict[str, dict], id_of: dict[str, str], ledger, items, texts: dict) -> dict:
    """Why each gold cross-article figure pair was not grouped, counted by cause: a figure
    the extractor dropped (``text lost``) or did not find as a figure (``no figure``), the two
    articles in different stories (``stories apart``), a figure in no group of their story
    (``ungrouped``), or both grouped apart (``groups apart``: same or different measure)."""
    from newsledger.link import story_groups

    members = stored_figure_members(ledger)
    fig_of = map_gold(gold, id_of, members, texts)
    group_at = {_member_key(m): (g["id"], g.get("unit")) for g, m in members
                if m.get("start") is not None}
    story = {m["id"]: g["id"] for g in story_groups(ledger, min_size=1) for m in g["members"]}
    spans = _stored_spans(items)
    causes, examples = Counter(), defaultdict(list)
    for sub, g in gold.items():
        fig = {f["id"]: f for f in g["figures"]}
        for grp in g["groups"]:
            for x, y in itertools.combinations(grp["members"], 2):
                fx, fy = fig[x], fig[y]
                if fx["doc"] == fy["doc"]:
                    continue
                why = _pair_cause(sub, fx, fy, fig_of, group_at, story, id_of, spans, texts)
                if why is None:
                    continue
                causes[why] += 1
                if len(examples[why]) < 8:
                    examples[why].append(f"{sub}/{grp['id']} {x}~{y} ({fx.get('measure')}: "
                                         f"{fx['value']} / {fy['value']})")
    return {"causes": dict(causes.most_common()), "examples": dict(examples)}


_NO_FIGURE = {"text": "no figure", "title": "no figure (headline)"}  # a standfirst's: "no figure (standfirst)"


def _figure_state(sub, f, fig_of, id_of, spans, texts) -> Optional[str]:
    """Why one gold figure is in no stored group (None when it is in one)."""
    if (sub, f["id"]) in fig_of:
        return None
    if f["doc"] not in id_of:
        return "article not stored"
    at = locate(*texts[f["doc"]], *f["span"])
    if at is None:
        return "text lost"
    where, s, e = at
    found = any(w == where and a < e and s < b for w, a, b in spans.get(f["doc"], ()))
    return "ungrouped" if found else _NO_FIGURE.get(where, f"no figure ({where})")


def _pair_cause(sub, fx, fy, fig_of, group_at, story, id_of, spans, texts) -> Optional[str]:
    states = [_figure_state(sub, f, fig_of, id_of, spans, texts) for f in (fx, fy)]
    for st in states:
        if st not in (None, "ungrouped"):
            return st
    if story.get(id_of[fx["doc"]]) != story.get(id_of[fy["doc"]]):
        return "stories apart"
    if "ungrouped" in states:
        return "ungrouped"
    a, b = fig_of[(sub, fx["id"])], fig_of[(sub, fy["id"])]
    ga, gb = group_at.get(a), group_at.get(b)
    if ga is not None and ga == gb:
        return None  # found
    return "groups apart, same measure" if ga and gb and ga[1] == gb[1] else "groups apart, other measure"


def article_texts(items) -> dict[str, tuple[str, str, tuple]]:
    """File name -> (rendered page, stored text, the header lines kept out of the text as (where,
    line): title and standfirst)."""
    paths = dict(ecbplus.documents(sorted({int(ecbplus.subtopic(n).replace("plus", "")) for n, _ in items})))
    return {n: (ecbplus.render(paths[n])[0], a.text, (("title", a.title), ("standfirst", a.standfirst)))
            for n, a in items if hasattr(a, "text")}


def run(topics, gold_dirs: list[Path], cache: Optional[Path] = None, jobs: int = 1,
        failures: bool = False, order_seed: Optional[int] = None) -> dict:
    gold = load_gold(gold_dirs, topics)
    items = ingest_order(analysed(topics, cache, jobs), order_seed)
    subs = set(gold)
    # the gold's sub-topics only when any (the rest have no figure gold, but stay for stories)
    with scratch_ledger("crossnews.db") as ledger:
        id_of, spent = fill_ledger(ledger, items)
        texts = article_texts(items)  # every page rendered once, for the scores and the failures
        report = {"topics": f"{min(topics)}-{max(topics)}", "order": order_label(order_seed),
                  "gold_subtopics": len(subs),
                  "failed": sum(1 for _, a in items if not hasattr(a, "text")),
                  "link_seconds": round(spent, 1),
                  "stories": score_stories(ledger, id_of),
                  "figure_pairs": score_groups(gold, id_of, ledger, texts)}
        wrong = report["figure_pairs"].pop("verdicts_wrong")  # listed for development topics only
        if failures:
            report["failures"] = {"stories": story_failures(ledger, id_of),
                                  "joins": first_joins(_stored_joins(ledger), id_of),
                                  "figure_pairs": missed_pairs(gold, id_of, ledger, items, texts),
                                  "verdicts_wrong": wrong}
    return report


def half_args(prog: str, argv: Optional[list[str]], failures_help: str) -> argparse.Namespace:
    """The arguments of a halved gold's scorer (``--set nsc``, ``--props``): ``--half a|b``, ``--cache``,
    ``--order-seed``, ``--failures`` (refused on the held-out half b) and ``--format``."""
    ap = argparse.ArgumentParser(prog=prog)
    ap.add_argument("--half", choices=["a", "b"], default="a")
    ap.add_argument("--cache", default=None, help="keep analysed articles here")
    ap.add_argument("--order-seed", type=int, default=None)
    ap.add_argument("--failures", action="store_true", help=failures_help)
    ap.add_argument("--format", choices=["table", "json"], default="table")
    args = ap.parse_args(argv)
    if args.failures and args.half != "a":
        ap.error("--failures lists half a's pairs only: half b is scored, never read")
    return args


def story_chains() -> dict:
    from newsledger.evaluate.copies import score_stories as nsc

    s = nsc()
    return {k: (round(v, 3) if isinstance(v, float) else v) for k, v in s.items()}


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(prog="newsledger eval crossnews")
    ap.add_argument("--topics", choices=["dev", "check"], default="dev")
    ap.add_argument("--gold", action="append", default=[], help="more gold directories (read first)")
    ap.add_argument("--cache", default=None, help="keep analysed articles here")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--no-chains", action="store_true", help="skip news-story-chains")
    ap.add_argument("--format", choices=["table", "json"], default="table")
    ap.add_argument("--failures", action="store_true",
                    help="list split and mixed stories and why gold figure pairs were missed")
    ap.add_argument("--order-seed", type=int, default=None,
                    help="ingest the articles in an order shuffled with this seed (default: as listed)")
    args = ap.parse_args(argv)
    if args.failures and args.topics != "dev":
        ap.error("--failures lists development failures only: the check topics are scored, never read")
    topics = ecbplus.DEV_TOPICS if args.topics == "dev" else CHECK_TOPICS
    dirs = [Path(d) for d in args.gold] + [GOLD_DIR]
    report = run(topics, dirs, Path(args.cache) if args.cache else None, args.jobs, args.failures,
                 args.order_seed)
    if not args.no_chains:
        report["story_chains"] = story_chains()
    if args.format == "json":
        print(json.dumps(report, indent=1))
    else:
        _print(report)
    if args.topics == "check":  # the held-out topics: every reading is on record
        _record_check(report, argv if argv is not None else sys.argv[1:])
    return 0


def _record_check(report: dict, argv: list[str]) -> None:
    """Log a scored run of the check topics (stories; figure pairs where gold exists) in the
    evaluation log, to stderr so that ``--format json`` stays parseable."""
    from newsledger.evaluate import evallog

    s, f = report["stories"], report["figure_pairs"]
    result = {"articles": s["articles"], "stories_P": round(s["precision"], 3), "stories_R": round(s["recall"], 3),
              "figure_pairs_gold": f["gold"]}
    if f["gold"]:
        result.update(figure_pairs_P=round(f["precision"], 3), figure_pairs_R=round(f["recall"], 3),
                      verdicts=round(f["verdict_accuracy"], 3), apart_joined=f["apart_joined"])
    print(evallog.record_test_run("ecbplus-crossnews", result, "newsledger eval crossnews", argv), file=sys.stderr)


def _print(r: dict) -> None:
    s, f = r["stories"], r["figure_pairs"]
    print(f"ECB+ topics {r['topics']}: {s['articles']} articles ({r['failed']} failed), "
          f"{r['gold_subtopics']} sub-topics with figure gold, link {r['link_seconds']} s; "
          f"ingest order {r['order']}")
    print(f"stories: pairwise P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f} "
          f"({s['stories']} stories, {s['alone']} articles alone; {s['pred']} pairs predicted, {s['gold']} gold)")
    print(f"cross-article figure pairs: P {f['precision']:.3f} R {f['recall']:.3f} F1 {f['f1']:.3f} "
          f"({f['pred']} predicted, {f['gold']} gold; {f['pairs_unmapped']} predicted pairs on figures "
          f"the gold does not hold; {f['figures_mapped']}/{f['gold_figures']} gold figures stored)")
    print(f"verdicts: {f['verdicts_right']}/{f['groups_found']} found groups right "
          f"({f['verdict_accuracy']:.3f}); {f['gold_groups']} gold groups; "
          f"apart pairs joined: {f['apart_joined']}")
    if f["verdict_confusion"]:
        print("   wrong verdicts (ours for the gold's): " + ", ".join(f"{k} x{v}" for k, v in f["verdict_confusion"].items()))
    if "story_chains" in r:
        c = r["story_chains"]
        print(f"news-story-chains stories: P {c['precision']:.3f} R {c['recall']:.3f} F1 {c['f1']:.3f}")
    if "failures" in r:
        _print_failures(r["failures"])


def _print_failures(fl: dict) -> None:
    st, fp = fl["stories"], fl["figure_pairs"]
    print(f"sub-topics split over several stories ({len(st['split'])}): "
          + "; ".join(f"{k} {v}" for k, v in st["split"].items()))
    print(f"stories holding several sub-topics ({len(st['mixed'])}): "
          + "; ".join(f"{k[:14]} {v}" for k, v in st["mixed"].items()))
    jn = fl["joins"]
    print(f"joins into another sub-topic's story ({len(jn['wrong'])}): " + "; ".join(jn["wrong"]))
    print(f"stories started though the sub-topic had one ({len(jn['missed'])}): " + ", ".join(jn["missed"]))
    print("missed gold figure pairs by cause: " + ", ".join(f"{k} {v}" for k, v in fp["causes"].items()))
    for k, ex in fp["examples"].items():
        print(f"   {k}: " + "; ".join(ex))
    print(f"wrong verdicts ({len(fl['verdicts_wrong'])}, gold group: ours for the gold's):")
    for w in fl["verdicts_wrong"]:
        print(f"   {w}")


if __name__ == "__main__":
    sys.exit(main())
