"""Gate: our text extractor on pages already flattened to text.

The 181 article-extraction-benchmark pages are flattened with :func:`flatten_html` (one line
per block, list items as "  • item"), fed to :func:`newsledger.extract.text.extract_text` as
text documents, and scored with the benchmark metric. Baselines from the same run: the whole
flattened text, and trafilatura on the flattened text wrapped as HTML (each line escaped in
its own ``<p>``), which is what an HTML extractor can do with such input. The rules were
written reading these pages, so this is not a held-out figure: ``extraction_heldout`` runs the
same flattening and extractor on trafilatura-eval pages.

    python -m newsledger.evaluate.extraction_text
"""
from __future__ import annotations

import gzip
import html as htmllib
import json
import time
from pathlib import Path
from typing import Callable, Optional

from newsledger.evaluate import data_dir
from newsledger.extract.flatten import flatten_html
from newsledger.evaluate.metrics import score


def flatten_page(raw: bytes) -> str:
    """One HTML page (raw bytes) flattened to text as every flattened-text gate feeds it:
    decoded with the reader's charset detection (UTF-8 pages decode as plain UTF-8), then
    :func:`flatten_html`. Shared with ``extraction_heldout``."""
    from newsledger.model import Document

    return flatten_html(Document(source="bench", raw=raw, kind="html").decoded())


def load_pages(data: Optional[Path] = None) -> tuple[dict[str, str], dict[str, str]]:
    """(flattened text by id, gold articleBody by id) for the benchmark pages."""
    data = Path(data) if data else data_dir("article-extraction-benchmark")
    gold_all = json.loads((data / "ground-truth.json").read_text("utf-8"))
    pages, golds = {}, {}
    for key, item in sorted(gold_all.items()):
        path = data / "html" / f"{key}.html.gz"
        if not path.exists():
            continue
        pages[key] = flatten_page(gzip.decompress(path.read_bytes()))
        golds[key] = item.get("articleBody") or ""
    return pages, golds


def ours(text: str) -> str:
    from newsledger.extract import ExtractError
    from newsledger.extract.text import extract_text
    from newsledger.model import Document

    try:
        return extract_text(Document(source="bench", raw=text.encode("utf-8"), kind="text")).text
    except ExtractError:
        return ""


def whole(text: str) -> str:
    return text


def trafilatura_wrapped(text: str) -> str:
    import trafilatura

    body = "".join(f"<p>{htmllib.escape(ln.strip())}</p>" for ln in text.splitlines() if ln.strip())
    return trafilatura.extract(f"<html><body>{body}</body></html>", include_comments=False) or ""


SYSTEMS: dict[str, Callable[[str], str]] = {
    "newsledger text": ours,
    "whole flattened text": whole,
    "trafilatura on <p>-wrapped text": trafilatura_wrapped,
}


def evaluate_text(data_dir: Optional[Path] = None, systems: Optional[list[str]] = None) -> dict:
    """Scores per system: {name: {precision, recall, f1, accuracy, pages, seconds}}."""
    pages, golds = load_pages(data_dir)
    out = {}
    for name in systems or list(SYSTEMS):
        fn = SYSTEMS[name]
        t0 = time.perf_counter()
        preds = {k: fn(v) for k, v in pages.items()}
        res = score(preds, golds)
        res["seconds"] = round(time.perf_counter() - t0, 2)
        out[name] = res
    return out


GOAL_F1, GOAL_PRECISION = 0.93, 0.90  # the flattened-text goal on the 181 pages


def main() -> int:
    res = evaluate_text()
    print(f"{'system':34} {'P':>6} {'R':>6} {'F1':>6} {'acc':>6} {'pages':>5} {'secs':>6}")
    for name, r in res.items():
        print(f"{name:34} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} "
              f"{r['accuracy']:6.3f} {r['pages']:5d} {r['seconds']:6.1f}")
    ours = res["newsledger text"]
    ok = ours["f1"] >= GOAL_F1 and ours["precision"] >= GOAL_PRECISION
    print(f"gate: F1 >= {GOAL_F1} with P >= {GOAL_PRECISION}: {'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
