"""Turn a working claim annotation (spans written as text) into repo gold (offsets + labels only).

The real-news claim gold (``newsledger/evaluate/data/claims_real/<page>.json``) holds no article
text: only character offsets into the ``text`` field of ``../shared/data/realnews/expected.jsonl``
for that page (for a ``trafeval-<HTML file stem>`` or ``htmldate-<HTML file stem>`` page: our HTML
extractor's text of that ``../shared/data/trafilatura-eval`` or ``../shared/data/htmldate-eval`` page;
for an ``nsc-<first 12 hex digits of sha1(url)>`` page: the ``text`` column of that article in
``../shared/data/news-story-chains``' article CSV, one block with no line breaks; for an ``ecb-<file stem>``
page of an ECB+ development topic (1-24): that document as ``newsledger.evaluate.ecbplus.render`` flattens it,
one sentence per paragraph; for a ``pol-<file name>`` page of PolNeAR's development split (``poltest-<file name>``:
its test split, a claims test page only): the article's body under its title line; for a ``te3-<file stem>`` page of
the TempEval-3 platinum documents: the ``<TEXT>`` element with its TimeML tags removed; for an ``aeb-<first 12 hex digits of the file stem>`` page: our HTML
extractor's text of that ``../shared/data/article-extraction-benchmark`` page), plus our own labels. Annotators write a *working*
file outside the repo, where spans are given as the words themselves, and this script locates them::

    .venv/bin/python scripts/claims_gold.py show PAGE_ID            # print the text, numbered paragraphs
    .venv/bin/python scripts/claims_gold.py convert WORK.json [...]  # -> claims_real/<page>.json
    .venv/bin/python scripts/claims_gold.py render PAGE_ID           # gold over the text, for review

A second, blind reading of a page already in the gold (to measure how far two readers agree,
``python -m newsledger.evaluate.claims_agreement``) is converted and rendered with ``--second``: it goes to
``claims_real/second/<page>.json`` and the repo gold is not touched::

    .venv/bin/python scripts/claims_gold.py convert --second WORK.json [...]
    .venv/bin/python scripts/claims_gold.py render --second PAGE_ID

Working file (JSON)::

    {"page": "<realnews id>", "annotator": "...",
     "claims": [
       {"anchor": "a substring that occurs ONCE in the text, inside the claim's sentence",
        "source": "Joe Biden" | null,          # resolved speaker as a reader names it; null = nobody can tell
        "aliases": ["Biden", "the president"],  # other ways this article names the same speaker
        "mention": "he" | null,                 # the words naming the speaker at this claim, if any
        "anonymous": false,
        "cue": "said",
        "content": ["first piece of the content", "second piece"],
        "kind": "direct" | "indirect" | "mixed",
        "stance": "asserts" | "denies" | "cannot-confirm" | "declines-comment" | "expects" |
                  "claims-responsibility" | "accuses" | "appeals" | "concerned" | "hopes" | "asks",
        "negated": false,                       # the cue itself is negated ("did not say", "did not deny")
        "question": false,                      # the content is a question put by someone
        "figures": [{"text": "up to 12,000 troops", "value": 12000, "low": null, "high": 12000,
                     "bound": "at-most", "unit": "troops"}],
        "core": true}                           # false = optional (a reader would not miss it)
     ]}

Every span string is looked up in the text as whole words: an occurrence inside the anchor is
taken first, else the one nearest the anchor (``newsledger.evaluate.goldspan.locate``). A string
that is not found stops the conversion with a one-line error.
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from newsledger.evaluate import claims_real  # noqa: E402
from newsledger.evaluate.goldspan import anchor_at, locate  # noqa: E402
REALNEWS = ROOT.parent / "shared" / "data" / "realnews" / "expected.jsonl"
GOLD_DIR = ROOT / "newsledger" / "evaluate" / "data" / "claims_real"


def load_texts(page: str) -> dict[str, str]:
    """page id -> text: realnews pages, and ``page`` itself when it is an evaluation-set page
    (``trafeval-`` / ``htmldate-``), a news-story-chains article (``nsc-``), an ECB+ development document (``ecb-``), a PolNeAR
    development or test article (``pol-`` / ``poltest-``), a TempEval-3 platinum document (``te3-``) or an article-extraction-benchmark
    page (``aeb-``)."""
    texts = {r["id"]: r["text"] for r in map(json.loads, REALNEWS.open(encoding="utf-8"))}
    texts.update({k: r["text"] for k, r in claims_real.load_texts({page}).items()})
    return texts


def convert_claim(text: str, c: dict, n: int) -> dict:
    where = f"claim {n}"
    anchor = anchor_at(text, c["anchor"], where)
    content = [locate(text, p, anchor, f"{where}: content") for p in c["content"]]
    out = {
        "source": c.get("source"),
        "aliases": c.get("aliases") or [],
        "mention": locate(text, c["mention"], anchor, f"{where}: mention") if c.get("mention") else None,
        "anonymous": bool(c.get("anonymous")),
        "cue": locate(text, c["cue"], anchor, f"{where}: cue"),
        "content": content,
        "kind": c["kind"],
        "stance": c.get("stance", "asserts"),
        "negated": bool(c.get("negated")),
        "question": bool(c.get("question")),
        "figures": [],
        "core": bool(c.get("core", True)),
    }
    for f in c.get("figures") or []:
        span = locate(text, f["text"], tuple(content[0]) if content else anchor, f"{where}: figure")
        out["figures"].append({"span": span, **{k: f.get(k) for k in ("value", "low", "high", "bound", "unit")}})
    return out


def gold_dir(second: bool = False) -> Path:
    """Where a page's gold is written: the repo gold, or ``second/`` for a second, blind reading."""
    return GOLD_DIR / "second" if second else GOLD_DIR


def convert(work_path: Path, second: bool = False) -> Path:
    work = json.loads(work_path.read_text(encoding="utf-8"))
    page = work["page"]
    texts = load_texts(page)
    text = texts[page]
    claims = []
    for n, c in enumerate(work["claims"], 1):
        try:
            claims.append(convert_claim(text, c, n))
        except (KeyError, ValueError) as exc:
            raise SystemExit(f"{work_path}: {exc}")
    gold = {"page": page, "text_sha1": hashlib.sha1(text.encode("utf-8")).hexdigest(),
            "annotator": work.get("annotator"), "claims": claims}
    out_dir = gold_dir(second)
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / f"{page}.json"
    out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return out


def show(page: str) -> None:
    text = load_texts(page)[page]
    pos = 0
    for n, para in enumerate(text.split("\n")):
        print(f"[{n} @{pos}] {para}")
        pos += len(para) + 1


def render(page: str, second: bool = False) -> None:
    text = load_texts(page)[page]
    gold = json.loads((gold_dir(second) / f"{page}.json").read_text(encoding="utf-8"))
    for n, c in enumerate(gold["claims"], 1):
        cut = lambda sp: text[sp[0]:sp[1]] if sp else None  # noqa: E731
        print(f"{n}. [{c['source']}] via {cut(c['mention'])!r} cue={cut(c['cue'])!r} {c['kind']}/{c['stance']}"
              f"{' NEG' if c['negated'] else ''}{' Q' if c['question'] else ''}{'' if c['core'] else ' (optional)'}")
        print("   " + " | ".join(cut(p) for p in c["content"]))
        for f in c["figures"]:
            print(f"   figure {cut(f['span'])!r} value={f['value']} bound={f['bound']} unit={f['unit']}")


def main(argv: list[str]) -> None:
    second = "--second" in argv[1:]
    args = [a for a in argv[1:] if a != "--second"]
    if not argv or argv[0] not in {"show", "convert", "render"} or not args or (second and argv[0] == "show"):
        raise SystemExit(__doc__)
    if argv[0] == "show":
        show(args[0])
    elif argv[0] == "render":
        render(args[0], second)
    else:
        for p in args:
            print(convert(Path(p), second))


if __name__ == "__main__":
    main(sys.argv[1:])
