"""Cross-article figure gold on ECB+ (offsets + labels only), for ``newsledger eval crossnews``.

Pages are ECB+ documents rendered by :mod:`newsledger.evaluate.ecbplus` (development topics
1-24 by default). Annotators read a sub-topic's articles and write a *working* file outside
the repo; this script locates the spans and writes
``newsledger/evaluate/data/crossnews/<subtopic>.json``::

    .venv/bin/python scripts/crossnews_gold.py list                  # sub-topics 1-24, article counts
    .venv/bin/python scripts/crossnews_gold.py show 3plus            # every article of the sub-topic
    .venv/bin/python scripts/crossnews_gold.py convert WORK.json [...]
    .venv/bin/python scripts/crossnews_gold.py render 3plus          # the gold over the texts
    .venv/bin/python scripts/crossnews_gold.py --check list          # held-out sub-topics 25-45

``--check`` (first argument, any command) opens the HELD-OUT check topics
(``newsledger.evaluate.crossnews.CHECK_TOPICS``) instead of the development ones. They are
read by annotators only, to write their gold: never tuned on, and the product is never run on
them except in the lead's one pre-registered reading (``newsledger eval crossnews --topics
check``). Without the switch a check sub-topic is refused, and with it a development one is.

Working file (JSON)::

    {"subtopic": "3plus", "annotator": "...",
     "figures": [                                   # EVERY measured figure in the sub-topic's articles
       {"id": "f1", "doc": "3_1ecbplus.xml",
        "anchor": "a substring occurring ONCE in that article, in the figure's sentence",
        "text": "at least 101 people",             # the figure as written (verbatim, whole words)
        "value": 101, "low": 101, "high": null, "bound": "exact|approx|at-least|at-most|range",
        "unit": "people",                          # what is counted/measured, a lowercase noun or unit
        "measure": "killed",                       # normalised measure: killed, injured, magnitude,
                                                   #   depth, sentence-years, age, amount-paid, jobs-cut ...
        "about": "Mumbai attacks",                 # what it is about (entity/event)
        "source": "police" | null,                 # who gives it; null = stated by the article itself
        "as_of": "2008-11-28" | null}              # the time the figure refers to, if the text says
     ],
     "groups": [                                    # figures measuring the same thing about the same event
       {"id": "g1", "members": ["f1", "f4", "f9"], "verdict": "agree|spread|conflict|revised",
        "reason": "one line a reader needs"}],
     "apart": [                                     # pairs a careless grouper might join but must not
       {"a": "f1", "b": "f2", "why": "killed vs injured"}]}

Each group must hold figures from at least two different articles to count as cross-article
(singletons need no group). Every span string is located as whole words, inside the anchor
first (``newsledger.evaluate.goldspan.locate``).
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from newsledger.evaluate import ecbplus  # noqa: E402
from newsledger.evaluate.crossnews import CHECK_TOPICS, check_gold_ids, gold_figure, gold_lines  # noqa: E402

GOLD_DIR = ROOT / "newsledger" / "evaluate" / "data" / "crossnews"


def topics(check: bool = False) -> range:
    """The topics open to this run: the held-out check topics with ``--check``, else development."""
    return CHECK_TOPICS if check else ecbplus.DEV_TOPICS


def pages(sub: str, check: bool = False) -> dict[str, tuple[str, str]]:
    """file name -> (text, url) for the articles of a sub-topic of :func:`topics` (``check``)."""
    topic = int(sub.replace("plus", ""))
    if topic not in topics(check):
        which = "check topics 25-45 (held out)" if check else "development topics 1-24 (check ones need --check)"
        raise SystemExit(f"{sub}: only {which} may be opened here")
    return {name: ecbplus.render(p) for name, p in ecbplus.documents([topic]) if ecbplus.subtopic(name) == sub}


def convert(work_path: Path, check: bool = False) -> Path:
    """Locate a working file's spans, check its ids and verdicts, write the sub-topic's gold."""
    work = json.loads(work_path.read_text(encoding="utf-8"))
    sub = work["subtopic"]
    docs = pages(sub, check)
    figs, ids = [], set()
    for f in work["figures"]:
        where = f"{work_path}: figure {f.get('id')}"
        if f["doc"] not in docs:
            raise SystemExit(f"{where}: {f['doc']} is not in sub-topic {sub}")
        ids.add(f["id"])
        figs.append(gold_figure(f, docs[f["doc"]][0], where))
    check_gold_ids(work, ids, str(work_path))
    gold = {"subtopic": sub, "annotator": work.get("annotator"),
            "text_sha1": {n: hashlib.sha1(t.encode("utf-8")).hexdigest() for n, (t, _) in docs.items()},
            "figures": figs, "groups": work.get("groups", []), "apart": work.get("apart", [])}
    GOLD_DIR.mkdir(parents=True, exist_ok=True)
    out = GOLD_DIR / f"{sub}.json"
    out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return out


def show(sub: str, check: bool = False) -> None:
    """Print every article of the sub-topic, as annotators read it."""
    for name, (text, url) in pages(sub, check).items():
        print(f"=== {name}  {url or ''}")
        print(text)
        print()


def render(sub: str, check: bool = False) -> None:
    """Print the sub-topic's groups and apart pairs over the texts, for review."""
    docs = pages(sub, check)
    gold = json.loads((GOLD_DIR / f"{sub}.json").read_text(encoding="utf-8"))
    print("\n".join(gold_lines(gold, lambda d: docs[d][0])))


def list_subtopics(check: bool = False) -> None:
    """Print each sub-topic of :func:`topics` (``check``) with its article count."""
    counts: dict[str, int] = {}
    for name, _ in ecbplus.documents(topics(check)):
        counts[ecbplus.subtopic(name)] = counts.get(ecbplus.subtopic(name), 0) + 1
    for sub, n in counts.items():
        print(sub, n)


def main(argv: list[str]) -> None:
    check = bool(argv) and argv[0] == "--check"
    argv = argv[1:] if check else argv
    if not argv or argv[0] not in {"list", "show", "convert", "render"}:
        raise SystemExit(__doc__)
    if argv[0] == "list":
        list_subtopics(check)
    elif argv[0] == "show":
        show(argv[1], check)
    elif argv[0] == "render":
        render(argv[1], check)
    else:
        for p in argv[1:]:
            print(convert(Path(p), check))


if __name__ == "__main__":
    main(sys.argv[1:])
