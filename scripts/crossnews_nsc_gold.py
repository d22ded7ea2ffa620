"""Cross-article figure gold on news-story-chains (offsets + labels only), for
``newsledger eval crossnews --set nsc``.

The chains and halves are :func:`newsledger.evaluate.crossnews_nsc.chain_pages` (claims-real test
pages already dropped). Annotators read a chain's articles *before* running the tool on them and
write a working file outside the repo, in the format of ``scripts/crossnews_gold.py`` but with
``"chain"`` (a label of the annotator's) instead of ``"subtopic"`` and page ids (``nsc-...``) as
``doc``; this script locates the spans in the CSV ``text`` column and writes
``newsledger/evaluate/data/crossnews_nsc/<chain id>.json``::

    .venv/bin/python scripts/crossnews_nsc_gold.py list                # chains, halves, page ids
    .venv/bin/python scripts/crossnews_nsc_gold.py show CHAIN_ID      # the chain's articles
    .venv/bin/python scripts/crossnews_nsc_gold.py convert WORK.json [...]
    .venv/bin/python scripts/crossnews_nsc_gold.py render CHAIN_ID    # the gold over the texts
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from newsledger.evaluate.crossnews import check_gold_ids, gold_figure, gold_lines  # noqa: E402
from newsledger.evaluate.crossnews_nsc import GOLD_DIR, chain_pages  # noqa: E402


def _chain_of(docs: set[str], chains: dict) -> str:
    hits = [cid for cid, c in chains.items() if docs <= set(c["pages"])]
    if len(hits) != 1:
        raise SystemExit(f"pages {sorted(docs)} are not all in one chain")
    return hits[0]


def convert(work_path: Path, chains: dict) -> Path:
    """Locate a working file's spans, check its ids and verdicts, write the chain's gold."""
    work = json.loads(work_path.read_text(encoding="utf-8"))
    cid = _chain_of({f["doc"] for f in work["figures"]}, chains)
    pages = chains[cid]["pages"]
    figs = [gold_figure(f, pages[f["doc"]][0], f"{work_path}: figure {f.get('id')}") for f in work["figures"]]
    check_gold_ids(work, {f["id"] for f in figs}, str(work_path))
    gold = {"chain": cid, "name": work["chain"], "half": chains[cid]["half"], "annotator": work.get("annotator"),
            "text_sha1": {i: hashlib.sha1(t.encode("utf-8")).hexdigest() for i, (t, _) in sorted(pages.items())},
            "figures": figs, "groups": work.get("groups", []), "apart": work.get("apart", [])}
    GOLD_DIR.mkdir(parents=True, exist_ok=True)
    out = GOLD_DIR / f"{cid}.json"
    out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return out


def render(cid: str, chains: dict) -> None:
    """Print the chain's groups and apart pairs over the texts, for review."""
    pages = chains[cid]["pages"]
    gold = json.loads((GOLD_DIR / f"{cid}.json").read_text(encoding="utf-8"))
    print("\n".join(gold_lines(gold, lambda d: pages[d][0])))


def main(argv: list[str]) -> None:
    if not argv or argv[0] not in {"list", "show", "convert", "render"}:
        raise SystemExit(__doc__)
    chains = chain_pages()
    if argv[0] == "list":
        for cid, c in sorted(chains.items(), key=lambda kv: (kv[1]["half"], kv[0])):
            print(cid, c["half"], " ".join(sorted(c["pages"])))
    elif argv[0] == "show":
        for pid, (text, a) in sorted(chains[argv[1]]["pages"].items()):
            print(f"=== {pid} {a.published or ''} {a.title or ''}\n{text}\n")
    elif argv[0] == "render":
        render(argv[1], chains)
    else:
        for p in argv[1:]:
            print(convert(Path(p), chains))


if __name__ == "__main__":
    main(sys.argv[1:])
