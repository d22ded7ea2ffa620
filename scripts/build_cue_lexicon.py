"""Learn the attribution cue lexicon from PolNeAR **train** only.

For every token of the train parses (en_core_web_sm), count how often its (lemma, coarse POS)
is the syntactic head of a gold Cue span, and how often it occurs at all. Multi-word cue
phrases (lower-cased gold cue strings) are counted too. The output is
``newsledger/analyze/data/cue_lexicon.json``: only counts of lemmas and cue strings, no text.

    .venv/bin/python scripts/build_cue_lexicon.py [--cache-dir /tmp/pn]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsledger.evaluate.attribution import parsed_docs, load_split  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "newsledger" / "analyze" / "data" / "cue_lexicon.json"


def cue_head(doc, start, end):
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span.root


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache-dir", default="/tmp/pn")
    ap.add_argument("--min-count", type=int, default=2)
    args = ap.parse_args(argv)
    data = load_split("train")
    docs = parsed_docs([t for _, t, _ in data], Path(args.cache_dir) / "train.spacy" if args.cache_dir else None)
    total, heads, phrases = Counter(), Counter(), Counter()
    for (_, text, gold), doc in zip(data, docs):
        for tok in doc:
            total[f"{tok.lemma_.lower()}|{tok.pos_}"] += 1
        for g in gold:
            if not g.cue:
                continue
            s, e = min(a for a, _ in g.cue), max(b for _, b in g.cue)
            h = cue_head(doc, s, e)
            if h is not None:
                heads[f"{h.lemma_.lower()}|{h.pos_}"] += 1
            if len(g.cue) == 1:
                phrases[" ".join(text[s:e].lower().split())] += 1
    lex = {k: [heads[k], total[k]] for k in heads if heads[k] >= args.min_count}
    ph = {k: v for k, v in phrases.items() if v >= args.min_count and len(k.split()) > 1}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"source": "PolNeAR train (840 articles), first .ann by name",
                               "heads": dict(sorted(lex.items())), "phrases": dict(sorted(ph.items()))},
                              indent=0, ensure_ascii=False))
    print(f"{len(lex)} head lemmas, {len(ph)} phrases -> {OUT}")


if __name__ == "__main__":
    main()
