"""Cross-article proposition groups on ECB+ (``newsledger eval crossnews --props``).

Issue 13: claims in different articles about one **proposition** (a cause, a responsibility, a
denial) should be grouped, with a verdict, and a spokesman never set in conflict with the side he
speaks for. The gold (``data/crossnews_props/<subtopic>.json``, made by reading the development
sub-topics' pages before running the tool; ``scripts/crossnews_props_gold.py``) holds, as offsets
into the page rendered by :mod:`newsledger.evaluate.ecbplus` and labels only: every attributed
claim bearing on a proposition stated or answered in two articles or more (speaker, side, stance,
what it says of the proposition), the cross-article groups with their labelled pairs and verdict,
and ``apart`` pairs (claims that look alike but are about different propositions).

Sub-topics are split into halves by the SHA-1 of their name (:func:`half_of`): half ``a`` (even)
is development; half ``b`` is held out: scored by the lead, never read through the tool's groups
(``--failures`` refuses it) and every scored run is recorded in the evaluation log.

All development topics' articles go into one ledger, as ``eval crossnews`` does (its analysis
cache, ingest order and linking), then for the stored claim groups that are not figure groups:

- **pairs**: a stored claim maps to the gold claim its span (cue and content) overlaps most in
  the stored text; a predicted pair is two mapped claims of different articles in one stored
  group; precision and recall against the gold groups' cross-article pairs;
- **verdicts**: for each gold group with a found pair, the stored group holding most of its
  found pairs: is its verdict (agree / spread / conflict) the gold one?
- **apart**: gold ``apart`` pairs the stored groups join (must be 0);
- **same-side conflicts**: stored groups called ``conflict`` whose mapped members all stand on
  one gold side (a spokesman against his own organisation).
"""
from __future__ import annotations

import hashlib
import itertools
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Optional

from newsledger.evaluate import ecbplus, scratch_ledger

GOLD_DIR = Path(__file__).resolve().parent / "data" / "crossnews_props"
SECOND_DIR = GOLD_DIR.with_name("crossnews_props_second")  # a second reader's gold of some sub-topics (agreement only)
STANCES = {"asserts", "denies", "cannot-confirm", "declines", "claims-responsibility", "questions"}
TOWARD = {"for", "against", "open"}


def pair_relation(a: str, b: str) -> str:
    """How two claims' positions on one proposition compare (``toward``: for, against, open)."""
    if a == b:
        return "agree"
    return "open" if "open" in (a, b) else "conflict"


def group_verdict(pairs: list[dict]) -> str:
    """A gold group's verdict from its labelled pairs: a conflict across sides, else spread when a
    pair is open, else agree (a spokesman never conflicts with the side he speaks for)."""
    if any(p["relation"] == "conflict" and not p["same_side"] for p in pairs):
        return "conflict"
    return "spread" if any(p["relation"] == "open" for p in pairs) else "agree"


def half_of(sub: str) -> str:
    """``a`` when the SHA-1 of the sub-topic's name is even, else ``b`` (fixed before any reading)."""
    return "a" if int(hashlib.sha1(sub.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "b"


def load_gold(half: str, gold_dir: Path = GOLD_DIR) -> dict[str, dict]:
    """sub-topic -> gold, for the sub-topics of ``half``."""
    out = {}
    for p in sorted(Path(gold_dir).glob("*.json")):
        if half_of(p.stem) == half:
            out[p.stem] = json.loads(p.read_text(encoding="utf-8"))
    return out


def gold_pairs(gold: dict[str, dict]) -> dict[tuple, dict]:
    """(sub-topic, claim id, claim id) -> the gold pair (same_side, relation), every group's."""
    return {(sub,) + tuple(sorted((p["a"], p["b"]))): p
            for sub, g in gold.items() for grp in g["groups"] for p in grp["pairs"]}


def stored_spans(gold: dict[str, dict], texts: dict) -> dict[str, list[tuple[int, int, tuple]]]:
    """file name -> (start, end, (sub-topic, claim id)) of each gold claim in the stored text
    (:func:`newsledger.evaluate.crossnews.locate`); a page whose rendering changed since the gold
    was written (``text_sha1``) stops the run; a claim the extractor lost is left out."""
    from newsledger.evaluate.crossnews import locate

    out = defaultdict(list)
    for sub, g in gold.items():
        for doc, sha in g["text_sha1"].items():
            if doc in texts and hashlib.sha1(texts[doc][0].encode("utf-8")).hexdigest() != sha:
                raise SystemExit(f"{sub}: {doc} is not the text the gold was written on")
        for c in g["claims"]:
            at = None if c["doc"] not in texts else locate(*texts[c["doc"]], *c["span"])
            if at is not None and at[0] == "text":
                out[c["doc"]].append((at[1], at[2], (sub, c["id"])))
    return out


def claim_span(claim) -> tuple[int, int]:
    """A stored claim's extent in its article's text: its cue and its content."""
    return min(claim.cue.start, claim.content.start), max(claim.cue.end, claim.content.end)


def map_claims(spans: dict, items) -> dict[tuple[str, int], tuple]:
    """(file name, claim index) -> (sub-topic, gold claim id) for each stored claim overlapping a gold
    claim, the one it overlaps most (``spans``: :func:`stored_spans`)."""
    out = {}
    for name, art in items:
        gold = spans.get(name)
        if not gold or not hasattr(art, "claims"):
            continue
        for i, c in enumerate(art.claims):
            s, e = claim_span(c)
            best = max(gold, key=lambda g: min(e, g[1]) - max(s, g[0]))
            if min(e, best[1]) > max(s, best[0]):
                out[(name, i)] = best[2]
    return out


def stored_groups(ledger, id_of: dict[str, str], half: str) -> list[tuple[dict, list[tuple[str, int]]]]:
    """The stored claim groups that are not figure groups and whose articles all belong to sub-topics
    of ``half`` (the other half's groups are never looked at), with their members as (file name,
    claim index)."""
    from newsledger.link import claim_groups

    name_of = {a: n for n, a in id_of.items()}
    out = []
    for g in claim_groups(ledger):
        ms = [(name_of.get(m["article_id"]), m["idx"]) for m in g["members"]]
        if g.get("kind") != "figure" and all(n is not None and half_of(ecbplus.subtopic(n)) == half for n, _ in ms):
            out.append((g, ms))
    return out


def missed_causes(missed: list[tuple], gold: dict[str, dict], gold_of: dict, groups, story: dict, marked: set) -> dict:
    """Why each missed gold pair was not grouped, counted with up to 6 examples per cause: a claim no
    stored claim matches (``claim not found``), the two articles in different stories (``stories
    apart``), a claim in no stored group while none of the group's matched claims has a marked stance
    (``no marked stance``: only denials, cannot-confirm, responsibility and accusations seed a
    proposition group) or while one has (``ungrouped``), or both in different groups (``groups apart``).
    ``story``: file name -> story id; ``marked``: the stored claims with a marked stance."""
    found = defaultdict(set)
    for k, g in gold_of.items():
        found[g].add(k)
    group_of = {m: g["id"] for g, ms in groups for m in ms}
    prop = {(sub, c["id"]): c["prop"] for sub, g in gold.items() for c in g["claims"]}
    seeded = {(g[0], prop[g]) for k, g in gold_of.items() if k in marked}
    causes, examples = Counter(), defaultdict(list)
    for key, label in missed:
        sub, x, y = key
        cx, cy = found.get((sub, x), set()), found.get((sub, y), set())
        if not cx or not cy:
            why = "claim not found"
        elif story.get(next(iter(cx))[0]) != story.get(next(iter(cy))[0]):
            why = "stories apart"
        elif not any(m in group_of for m in cx) or not any(m in group_of for m in cy):
            why = "ungrouped" if (sub, prop[(sub, x)]) in seeded else "no marked stance"
        else:
            why = "groups apart"
        causes[why] += 1
        if len(examples[why]) < 6:
            examples[why].append(label)
    return {"causes": dict(causes.most_common()), "examples": dict(examples)}


def predicted(groups, gold_of: dict) -> tuple[dict[tuple, str], int]:
    """Predicted pairs as gold keys -> the stored group holding them, and the count of cross-article
    pairs on claims the gold does not hold (or of two sub-topics)."""
    pred, unmapped = {}, 0
    for g, ms in groups:
        for a, b in itertools.combinations(sorted(set(ms)), 2):
            if a[0] == b[0]:
                continue
            ga, gb = gold_of.get(a), gold_of.get(b)
            if ga is None or gb is None or ga[0] != gb[0] or ga[1] == gb[1]:
                unmapped += 1
                continue
            pred.setdefault((ga[0],) + tuple(sorted((ga[1], gb[1]))), g["id"])
    return pred, unmapped


def verdicts(gold: dict[str, dict], pred: dict[tuple, str], verdict_of: dict[str, str]) -> tuple[int, list[str]]:
    """How many gold groups with a found pair got their verdict from the stored group holding most of
    their found pairs, and the wrong ones (``sub/prop: ours for the gold's``)."""
    found, wrong = 0, []
    for sub, g in gold.items():
        for grp in g["groups"]:
            hits = Counter(pred[k] for k in ((sub,) + tuple(sorted((p["a"], p["b"]))) for p in grp["pairs"])
                           if k in pred)
            if not hits:
                continue
            found += 1
            gid = min(hits, key=lambda k: (-hits[k], k))
            if verdict_of[gid] != grp["verdict"]:
                wrong.append(f"{sub}/{grp['prop']}: {verdict_of[gid]} for {grp['verdict']}")
    return found, wrong


def same_side_conflicts(groups, gold_of: dict, gold: dict[str, dict]) -> list[str]:
    """Stored groups called conflict whose mapped members (two or more) all stand on one gold side."""
    side = {(sub, c["id"]): c["side"] for sub, g in gold.items() for c in g["claims"]}
    out = []
    for g, ms in groups:
        sides = {side[gold_of[m]] for m in ms if m in gold_of}
        if g["verdict"] == "conflict" and len(sides) == 1 and sum(1 for m in ms if m in gold_of) >= 2:
            out.append(f"{g['id']}: {sides.pop()}")
    return out


def score(gold: dict[str, dict], groups, gold_of: dict, story: dict, marked: set) -> dict:
    """Pairs P/R, verdicts, apart pairs joined and same-side conflicts of the stored groups, and
    the failures behind them (``story``, ``marked``: see :func:`missed_causes`)."""
    from newsledger.evaluate.crossnews import prf

    gp = gold_pairs(gold)
    pred, unmapped = predicted(groups, gold_of)
    found, wrong_verdicts = verdicts(gold, pred, {g["id"]: g["verdict"] for g, _ in groups})
    apart = [(sub,) + tuple(sorted((p["a"], p["b"]))) for sub, g in gold.items() for p in g["apart"]]
    out = prf(set(pred), set(gp))
    out.update(pairs_unmapped=unmapped, gold_groups=sum(len(g["groups"]) for g in gold.values()),
               groups_found=found, verdicts_right=found - len(wrong_verdicts),
               apart_pairs=len(apart), apart_joined=sum(1 for k in apart if k in pred),
               claims_mapped=len(set(gold_of.values()) & {(s, c["id"]) for s, g in gold.items() for c in g["claims"]}),
               gold_claims=sum(len(g["claims"]) for g in gold.values()),
               same_side_conflicts=same_side_conflicts(groups, gold_of, gold),
               stored_conflicts=sum(1 for g, _ in groups if g["verdict"] == "conflict"),
               unmarked_read_marked=_marked_read(gold, gold_of, marked))
    missed = sorted(set(gp) - set(pred))
    out["failures"] = {"verdicts_wrong": wrong_verdicts, "wrong": _labels(sorted(set(pred) - set(gp)), gold),
                       "missed": missed_causes(list(zip(missed, _labels(missed, gold))), gold, gold_of, groups,
                                               story, marked)}
    out.update(wrong=len(out["failures"]["wrong"]), missed=len(missed))
    return out


def _marked_read(gold: dict[str, dict], gold_of: dict, marked: set) -> str:
    """Of the gold claims that do not simply assert (denials, cannot-confirm, declining, ...) and are
    matched by a stored claim, how many the analysis gives a marked stance (the only seeds of a
    proposition group), as ``k/n``."""
    seen = set(gold_of.values())
    read = {g for k, g in gold_of.items() if k in marked}
    keys = [(sub, c["id"]) for sub, g in gold.items() for c in g["claims"]
            if c["stance"] != "asserts" and (sub, c["id"]) in seen]
    return f"{sum(1 for k in keys if k in read)}/{len(keys)}"


def _labels(keys, gold: dict[str, dict]) -> list[str]:
    """Pairs as the gold describes them: proposition, speaker and stance of each claim (no page text)."""
    claim = {(sub, c["id"]): c for sub, g in gold.items() for c in g["claims"]}
    out = []
    for sub, x, y in keys:
        cx, cy = claim[(sub, x)], claim[(sub, y)]
        out.append(f"{sub} {x}~{y}: {cx['prop']} {cx['speaker']} ({cx['stance']}, {cx['doc']}) ~ "
                   f"{cy['prop']} {cy['speaker']} ({cy['stance']}, {cy['doc']})")
    return out


def run(half: str, cache: Optional[Path] = None, order_seed: Optional[int] = None,
        gold_dir: Path = GOLD_DIR) -> dict:
    from newsledger.evaluate.crossnews import article_texts, analysed, fill_ledger, ingest_order, order_label
    from newsledger.link import story_groups
    from newsledger.link.verdicts import MARKED

    gold = load_gold(half, gold_dir)
    items = ingest_order(analysed(ecbplus.DEV_TOPICS, cache), order_seed)
    gold_of = map_claims(stored_spans(gold, article_texts(items)), items)
    marked = {(n, i) for n, a in items for i, c in enumerate(getattr(a, "claims", ())) if c.stance in MARKED}
    with scratch_ledger("crossnews-props.db") as ledger:
        id_of, spent = fill_ledger(ledger, items)
        groups = stored_groups(ledger, id_of, half)
        story_of = {m["id"]: g["id"] for g in story_groups(ledger, min_size=1) for m in g["members"]}
    story = {n: story_of.get(a) for n, a in id_of.items()}
    return {"half": half, "subtopics": len(gold), "articles": len(id_of), "order": order_label(order_seed),
            "failed": sum(1 for _, a in items if not hasattr(a, "text")), "link_seconds": round(spent, 1),
            "stance_groups": len(groups), "props": score(gold, groups, gold_of, story, marked)}


def _print(r: dict, failures: bool) -> None:
    p = r["props"]
    print(f"ECB+ proposition gold, half {r['half']}: {r['subtopics']} sub-topics; {r['articles']} articles of "
          f"topics 1-24 linked ({r['failed']} failed), link {r['link_seconds']} s; ingest order {r['order']}; "
          f"{r['stance_groups']} stored claim groups that are not figure groups")
    print(f"cross-article proposition pairs: P {p['precision']:.3f} R {p['recall']:.3f} F1 {p['f1']:.3f} "
          f"({p['pred']} predicted, {p['gold']} gold, {p['wrong']} wrong; {p['pairs_unmapped']} "
          f"predicted pairs on claims the gold does not hold; {p['claims_mapped']}/{p['gold_claims']} gold claims "
          f"matched by a stored claim)")
    print(f"verdicts: {p['verdicts_right']}/{p['groups_found']} found groups right; {p['gold_groups']} gold groups; "
          f"apart pairs joined: {p['apart_joined']}/{p['apart_pairs']}; same-side conflicts: "
          f"{len(p['same_side_conflicts'])} of {p['stored_conflicts']} stored conflict groups; "
          f"gold claims not simply asserting that the analysis gives a marked stance: {p['unmarked_read_marked']}")
    if failures:
        fl = p["failures"]
        for k in ("verdicts_wrong", "wrong"):
            print(f"{k.replace('_', ' ')} ({len(fl[k])}):" + "".join(f"\n   {line}" for line in fl[k]))
        print("missed pairs by cause: " + ", ".join(f"{k} {v}" for k, v in fl["missed"]["causes"].items()))
        for k, ex in fl["missed"]["examples"].items():
            print(f"   {k}:" + "".join(f"\n      {line}" for line in ex))
        for line in p["same_side_conflicts"]:
            print(f"   same-side conflict: {line}")


def _record_held_out(report: dict, argv: list[str]) -> None:
    """Log a scored run of the held-out half b in the evaluation log (stderr: ``--format json`` stays parseable)."""
    from newsledger.evaluate import evallog

    p = report["props"]
    result = {"subtopics": report["subtopics"], "order": report["order"], "pairs_gold": p["gold"],
              "pairs_P": p["precision"], "pairs_R": p["recall"], "verdicts": f"{p['verdicts_right']}/{p['groups_found']}",
              "apart_joined": p["apart_joined"], "same_side_conflicts": len(p["same_side_conflicts"])}
    print(evallog.record_test_run("ecbplus-props", result, "newsledger eval crossnews --props", argv), file=sys.stderr)


def main(argv: Optional[list[str]] = None) -> int:
    from newsledger.evaluate.crossnews import half_args

    args = half_args("newsledger eval crossnews --props", argv, "list wrong verdicts and pairs, missed pairs by cause "
                     "(half a only)")
    report = run(args.half, Path(args.cache) if args.cache else None, args.order_seed)
    if not args.failures:
        report["props"].pop("failures")
    if args.half == "b":
        _record_held_out(report, argv if argv is not None else sys.argv[1:])
    if args.format == "json":
        print(json.dumps(report, indent=1))
    else:
        _print(report, args.failures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
