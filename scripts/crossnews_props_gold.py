"""Cross-article proposition gold on ECB+ (offsets + labels only), for ``newsledger eval crossnews --props``.

Annotators read a development sub-topic's articles (rendered by :mod:`newsledger.evaluate.ecbplus`,
``scripts/crossnews_gold.py show SUB``) *before* running the tool on them, and write a working file
outside the repo; this script locates each claim's quote and writes
``newsledger/evaluate/data/crossnews_props/<subtopic>.json`` (no article text)::

    .venv/bin/python scripts/crossnews_props_gold.py convert WORK.json [...]
    .venv/bin/python scripts/crossnews_props_gold.py render 13          # the gold over the texts
    .venv/bin/python scripts/crossnews_props_gold.py --gold-dir DIR convert|render ...   # another reader's gold
    .venv/bin/python scripts/crossnews_props_gold.py agree 11           # first reader against the second

Working file (JSON)::

    {"subtopic": "13", "annotator": "...",
     "propositions": {"p1": "the fire was set deliberately", ...},   # short, in the annotator's words
     "claims": [   # every attributed claim bearing on a proposition stated in >= 2 articles
       {"id": "c1", "doc": "13_1ecb.xml",
        "quote": "cue + content or the content, a substring occurring ONCE in that article",
        "speaker": "Mr Steele", "side": "fire department",    # a spokesman is on his organisation's side
        "stance": "asserts|denies|cannot-confirm|declines|claims-responsibility|questions",
        "toward": "for|against|open",                         # what it says of the proposition
        "prop": "p1"}],
     "apart": [{"a": "c1", "b": "c7", "why": "same pastor declining, other question"}]}

Groups are the propositions with members in two articles or more; every pair of members in
different articles is labelled ``same_side`` and ``relation``: ``agree`` (both for, both against,
or both open), ``conflict`` (for against against) or ``open`` (one takes no position). A group's
verdict: ``conflict`` when sides differ across a conflict pair, else ``spread`` when a pair is open,
else ``agree`` (the verdicts of the stored stance groups).
"""
from __future__ import annotations

import hashlib
import itertools
import json
import sys
from pathlib import Path

from newsledger.evaluate import ecbplus
from newsledger.evaluate.crossnews_props import GOLD_DIR, SECOND_DIR, STANCES, TOWARD, group_verdict, pair_relation
from newsledger.evaluate.crossnews_props_agree import agreement, agreement_lines


def _texts(sub: str) -> dict[str, str]:
    t = int(sub.replace("plus", ""))
    if t not in ecbplus.DEV_TOPICS:
        raise SystemExit(f"{sub}: not a development sub-topic")
    return {n: ecbplus.render(p)[0] for n, p in ecbplus.documents([t]) if ecbplus.subtopic(n) == sub}


def _span(text: str, quote: str, where: str) -> list[int]:
    at = text.find(quote)
    if at < 0 or text.find(quote, at + 1) >= 0:
        raise SystemExit(f"{where}: quote {'not found' if at < 0 else 'found twice'}: {quote!r}")
    return [at, at + len(quote)]


def groups(claims: list[dict]) -> list[dict]:
    """The cross-article groups of a gold file's claims, with their labelled pairs and verdict."""
    by = {}
    for c in claims:
        by.setdefault(c["prop"], []).append(c)
    out = []
    for prop, ms in sorted(by.items()):
        pairs = [{"a": a["id"], "b": b["id"], "same_side": a["side"] == b["side"],
                  "relation": pair_relation(a["toward"], b["toward"])}
                 for a, b in itertools.combinations(ms, 2) if a["doc"] != b["doc"]]
        if pairs:
            out.append({"prop": prop, "members": [m["id"] for m in ms], "verdict": group_verdict(pairs),
                        "pairs": pairs})
    return out


def convert(work: dict) -> dict:
    sub = work["subtopic"]
    texts = _texts(sub)
    claims = []
    for c in work["claims"]:
        where = f"{sub}/{c['id']}"
        if c["stance"] not in STANCES or c["toward"] not in TOWARD or c["prop"] not in work["propositions"]:
            raise SystemExit(f"{where}: bad stance, toward or proposition")
        claims.append({k: c[k] for k in ("id", "doc", "speaker", "side", "stance", "toward", "prop")}
                      | {"span": _span(texts[c["doc"]], c["quote"], where)})
    doc = {c["id"]: c["doc"] for c in claims}
    if len(doc) != len(claims) or any(p["a"] not in doc or p["b"] not in doc or doc[p["a"]] == doc[p["b"]]
                                      for p in work.get("apart", [])):
        raise SystemExit(f"{sub}: repeated claim id, or an apart pair unknown or within one article")
    docs = sorted({c["doc"] for c in claims})
    return {"subtopic": sub, "annotator": work.get("annotator", ""),
            "text_sha1": {d: hashlib.sha1(texts[d].encode("utf-8")).hexdigest() for d in docs},
            "propositions": [{"id": k, "about": v} for k, v in work["propositions"].items()],
            "claims": claims, "groups": groups(claims), "apart": work.get("apart", [])}


def render(sub: str, gold_dir: Path = GOLD_DIR) -> list[str]:
    g = json.loads((gold_dir / f"{sub}.json").read_text(encoding="utf-8"))
    texts = _texts(sub)
    about = {p["id"]: p["about"] for p in g["propositions"]}
    out = []
    for grp in g["groups"]:
        out.append(f"{grp['prop']} {grp['verdict']}: {about[grp['prop']]}")
        for c in g["claims"]:
            if c["prop"] == grp["prop"]:
                s, e = c["span"]
                out.append(f"   {c['id']} {c['doc']} [{c['side']} / {c['stance']} / {c['toward']}] {texts[c['doc']][s:e]!r}")
    out += [f"apart: {p['a']} <-> {p['b']} ({p['why']})" for p in g["apart"]]
    return out


def gold_dir_arg(argv: list[str]) -> tuple[Path, list[str]]:
    """``--gold-dir DIR`` (anywhere in ``argv``; default the first reader's directory) and the other arguments."""
    if "--gold-dir" not in argv:
        return GOLD_DIR, argv
    at = argv.index("--gold-dir")
    if at + 1 >= len(argv):
        raise SystemExit("--gold-dir needs a directory")
    return Path(argv[at + 1]), argv[:at] + argv[at + 2:]


def main(argv: list[str]) -> int:
    gold_dir, argv = gold_dir_arg(argv)
    if argv[:1] == ["convert"]:
        for w in argv[1:]:
            gold = convert(json.loads(Path(w).read_text(encoding="utf-8")))
            (gold_dir / f"{gold['subtopic']}.json").write_text(json.dumps(gold, indent=1) + "\n", encoding="utf-8")
            print(f"{gold['subtopic']}: {len(gold['claims'])} claims, {len(gold['groups'])} groups, "
                  f"{sum(len(g['pairs']) for g in gold['groups'])} pairs, {len(gold['apart'])} apart")
        return 0
    if argv[:1] == ["render"] and len(argv) == 2:
        print("\n".join(render(argv[1], gold_dir)))
        return 0
    if argv[:1] == ["agree"] and len(argv) == 2:
        second = gold_dir if gold_dir != GOLD_DIR else SECOND_DIR
        golds = [json.loads((d / f"{argv[1]}.json").read_text(encoding="utf-8")) for d in (GOLD_DIR, second)]
        print("\n".join(agreement_lines(agreement(*golds))))
        return 0
    print(__doc__.split("::")[1].split("Working")[0].strip())
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
