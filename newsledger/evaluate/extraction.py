"""Extraction gate on the article-extraction-benchmark (181 pages, scrapinghub).

``evaluate(mode="html")`` runs, page by page and interleaved (so machine load hits every
system alike), our :func:`newsledger.extract.html.extract_html`, trafilatura 2.3.1 default,
trafilatura ``favor_precision`` and plain ``trafilatura.extract`` (the speed reference), and
scores them with the benchmark metric (:func:`newsledger.evaluate.metrics.score`).

Speed is timed two ways. In process, page by page (``pages_per_s`` of each system: extraction
work only, imports and start-up excluded). And, as the acceptance check times it, whole
processes (:func:`process_speed`): ``newsledger extract <the 181 pages> --format jsonl`` against
a ``python -c`` process running plain ``trafilatura.extract`` over the same pages, repetitions
alternating which runs first, so interpreter start-up and imports count. ``main`` runs both
(``--process-reps 0`` skips the second); the gate's ``speed_ratio`` is the whole-process one
when it was measured.

``evaluate(mode="text")`` is the flattened-text path: each page goes through
``newsledger.extract.flatten.flatten_html`` and then ``newsledger.extract.text.extract_text``;
both are imported lazily (teammates own them).

Also here: :func:`evaluate_dates` (our ``published`` against htmldate on htmldate-eval) and
:func:`evaluate_tuning` (trafilatura's with/without segment set, used for tuning).

Run: ``.venv/bin/python -m newsledger.evaluate.extraction [--mode html|text] [--dates N] [--tuning]
[--process-reps N]``
"""
from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable, Optional

from newsledger.evaluate import data_dir as _data_dir
from newsledger.evaluate.metrics import score
from newsledger.model import Document

BENCHMARK = "article-extraction-benchmark"
F1_TARGET = 0.965
ACCURACY_TARGET = 0.35
SPEED_TARGET = 0.8  # our pages/s over plain trafilatura.extract pages/s


def load_benchmark(data_dir: Optional[Path] = None) -> tuple[dict[str, tuple[bytes, Optional[str]]], dict[str, str]]:
    """(pages: id -> (raw html bytes, url), golds: id -> articleBody)."""
    root = Path(data_dir) if data_dir else _data_dir(BENCHMARK)
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages, golds = {}, {}
    for key, item in truth.items():
        with gzip.open(root / "html" / f"{key}.html.gz") as fh:
            pages[key] = (fh.read(), item.get("url"))
        golds[key] = item.get("articleBody") or ""
    return pages, golds


def _ours_html(raw: bytes, url: Optional[str], key: str) -> str:
    from newsledger.extract import ExtractError
    from newsledger.extract.html import extract_html

    try:
        return extract_html(Document(source=key, raw=raw, kind="html", url=url)).text
    except ExtractError:
        return ""


def _ours_text(raw: bytes, url: Optional[str], key: str) -> str:
    """Flattened-text path: flatten the page, then extract from the flat text (as the
    ``extraction_text`` gate does, which also scores trafilatura on the flat text)."""
    from newsledger.evaluate.extraction_text import ours

    return ours(_flat_only(raw, url, key))


def _flat_only(raw: bytes, url: Optional[str], key: str) -> str:
    from newsledger.evaluate.extraction_text import flatten_page

    return flatten_page(raw)


def _trafilatura(**kwargs: Any) -> Callable[[bytes, Optional[str], str], str]:
    def run(raw: bytes, url: Optional[str], key: str) -> str:
        import trafilatura

        html = Document(source=key, raw=raw, kind="html").decoded()
        return trafilatura.extract(html, url=url, **kwargs) or ""

    return run


def systems_for(mode: str) -> dict[str, Callable[[bytes, Optional[str], str], str]]:
    if mode == "html":
        return {
            "ours": _ours_html,
            # comments are not article body: score trafilatura without them, as bare_extraction().text
            "trafilatura default": _trafilatura(include_comments=False),
            "trafilatura favor_precision": _trafilatura(include_comments=False, favor_precision=True),
            "trafilatura.extract plain": _trafilatura(),  # all defaults: the speed reference
        }
    if mode == "text":
        return {"ours (text)": _ours_text, "flattened, no extraction": _flat_only}
    raise ValueError(f"unknown mode {mode!r} (html|text)")


# ------------------------------------------------------------------ whole-process speed

# the reference process: plain trafilatura.extract (all defaults) over the same pages
REFERENCE_SCRIPT = """\
import gzip, sys
import trafilatura
for path in sys.argv[1:]:
    with gzip.open(path) as fh:
        html = fh.read().decode("utf-8", "replace")
    sys.stdout.write((trafilatura.extract(html) or "") + "\\n")
"""


def speed_commands(files: list[str]) -> dict[str, list[str]]:
    """The two processes timed by :func:`process_speed`: ``ours`` and ``reference``."""
    exe = Path(sys.executable).parent / "newsledger"
    ours = [str(exe)] if exe.exists() else [shutil.which("newsledger") or "newsledger"]
    return {"ours": ours + ["extract", *files, "--format", "jsonl"],
            "reference": [sys.executable, "-c", REFERENCE_SCRIPT, *files]}


def run_process(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds: user + system) of one process, its output discarded."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime


def load_average() -> Optional[list[float]]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (AttributeError, OSError):  # pragma: no cover - not Unix
        return None


def process_speed(reps: int = 3, data_dir: Optional[Path] = None, limit: Optional[int] = None,
                  log: Optional[Callable[[str], None]] = None) -> dict:
    """Whole-process throughput of ``newsledger extract`` over the benchmark pages against plain
    ``trafilatura.extract`` over the same pages (see the module docstring), ``reps`` times
    each, alternating which runs first. ``ratio`` = ours / reference pages per second from the
    summed wall times (the acceptance figure); ``cpu_ratio`` the same from CPU seconds, which
    machine load disturbs less. ``log`` gets a line per repetition."""
    root = Path(data_dir) if data_dir else _data_dir(BENCHMARK)
    files = [str(p) for p in sorted((root / "html").glob("*.html.gz"))]
    files = files[:limit] if limit else files
    cmds = speed_commands(files)
    run_process(cmds["ours"][:1] + ["--help"])  # warm the file cache and .pyc files once
    run_process([sys.executable, "-c", "import trafilatura"])
    wall: dict[str, list[float]] = {"ours": [], "reference": []}
    cpu: dict[str, list[float]] = {"ours": [], "reference": []}
    load_before = load_average()
    for rep in range(reps):
        for name in (("ours", "reference") if rep % 2 == 0 else ("reference", "ours")):
            w, c = run_process(cmds[name])
            wall[name].append(w)
            cpu[name].append(c)
        if log:
            o, r = wall["ours"][-1], wall["reference"][-1]
            log(f"  rep {rep + 1}: ours {o:6.2f} s ({len(files) / o:5.1f} pages/s, CPU {cpu['ours'][-1]:.2f} s)  "
                f"trafilatura.extract {r:6.2f} s ({len(files) / r:5.1f} pages/s, CPU {cpu['reference'][-1]:.2f} s)  "
                f"ratio {r / o:.3f}")
    n = len(files)
    return {
        "pages": n, "reps": reps, "wall_s": wall, "cpu_s": cpu,
        "ours_pages_per_s": n * reps / sum(wall["ours"]),
        "reference_pages_per_s": n * reps / sum(wall["reference"]),
        "ratio": sum(wall["reference"]) / sum(wall["ours"]),
        "ratio_per_rep": [r / o for o, r in zip(wall["ours"], wall["reference"])],
        "cpu_ratio": sum(cpu["reference"]) / sum(cpu["ours"]),
        "load_before": load_before, "load_after": load_average(), "cpus": os.cpu_count(),
    }


def print_process_speed(sp: dict) -> None:
    per = sp["ratio_per_rep"]
    print(f"whole processes, {sp['pages']} pages, {sp['reps']} alternating repetitions: newsledger extract "
          f"{sp['ours_pages_per_s']:.1f} pages/s, trafilatura.extract {sp['reference_pages_per_s']:.1f} pages/s; "
          f"ratio {sp['ratio']:.3f} (per repetition {min(per):.3f}-{max(per):.3f}; by CPU time "
          f"{sp['cpu_ratio']:.3f}); load average {sp['load_before']} -> {sp['load_after']} on {sp['cpus']} CPUs")


# ------------------------------------------------------------------ scores (in process)


def evaluate(mode: str = "html", data_dir: Optional[Path] = None, limit: Optional[int] = None,
             process_reps: int = 0) -> dict:
    """Scores and throughput of every system of ``mode`` on the benchmark, from one run;
    ``process_reps``: also time whole processes (:func:`process_speed`), whose ratio then is
    the gate's ``speed_ratio``."""
    pages, golds = load_benchmark(data_dir)
    if limit:
        keep = sorted(pages)[:limit]
        pages = {k: pages[k] for k in keep}
        golds = {k: golds[k] for k in keep}
    systems = systems_for(mode)
    preds: dict[str, dict[str, str]] = {name: {} for name in systems}
    seconds = {name: 0.0 for name in systems}
    first = next(iter(pages))
    for fn in systems.values():  # warm-up: imports, dateparser/justext first-call costs
        fn(*pages[first], first)
    for key, (raw, url) in pages.items():
        for name, fn in systems.items():
            t0 = time.perf_counter()
            preds[name][key] = fn(raw, url, key)
            seconds[name] += time.perf_counter() - t0
    result: dict[str, Any] = {"mode": mode, "pages": len(pages), "systems": {}}
    for name in systems:
        s = score(preds[name], golds)
        s["seconds"] = seconds[name]
        s["pages_per_s"] = len(pages) / seconds[name] if seconds[name] else math.inf
        result["systems"][name] = s
    if mode == "html":
        ours, plain = result["systems"]["ours"], result["systems"]["trafilatura.extract plain"]
        result["speed_ratio_in_process"] = ours["pages_per_s"] / plain["pages_per_s"]
        result["speed_ratio"] = result["speed_ratio_in_process"]
        if process_reps:
            result["process_speed"] = process_speed(process_reps, data_dir, limit)
            result["speed_ratio"] = result["process_speed"]["ratio"]
        result["targets"] = {"f1": F1_TARGET, "accuracy": ACCURACY_TARGET, "speed_ratio": SPEED_TARGET}
        result["passed"] = (ours["f1"] >= F1_TARGET and ours["accuracy"] >= ACCURACY_TARGET
                            and result["speed_ratio"] >= SPEED_TARGET)
    return result


def evaluate_html(data_dir: Optional[Path] = None) -> dict:
    """Ours and trafilatura's scores on the 181 HTML pages, from the same run."""
    return evaluate("html", data_dir)


def print_table(result: dict) -> None:
    print(f"article-extraction-benchmark, mode={result['mode']}, {result['pages']} pages")
    print(f"{'system':32} {'P':>6} {'R':>6} {'F1':>6} {'acc':>6} {'pages/s':>8}")
    for name, s in result["systems"].items():
        print(f"{name:32} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.4f} {s['accuracy']:6.3f} "
              f"{s['pages_per_s']:8.1f}")
    if "speed_ratio" in result:
        print(f"speed ours / trafilatura.extract in process (extraction only, start-up excluded): "
              f"{result['speed_ratio_in_process']:.2f}")
        if "process_speed" in result:
            print_process_speed(result["process_speed"])
        print(f"speed ours / trafilatura.extract ({'whole processes' if 'process_speed' in result else 'in process'}): "
              f"{result['speed_ratio']:.2f}  "
              f"(targets F1>={F1_TARGET} acc>={ACCURACY_TARGET} speed>={SPEED_TARGET}: "
              f"{'PASS' if result['passed'] else 'FAIL'})")


# ------------------------------------------------------------------ dates (htmldate-eval)


def evaluate_dates(sample: Optional[int] = 200, data_dir: Optional[Path] = None) -> dict:
    """Day accuracy of our ``published`` vs htmldate default (``find_date(html)``) and htmldate
    with ``original_date=True, extensive_search=False`` on htmldate-eval (first ``sample`` pages
    of each gold file, in file order; ``None`` = all 1000)."""
    from htmldate import find_date

    from newsledger.extract import ExtractError
    from newsledger.extract.html import extract_html

    root = Path(data_dir) if data_dir else _data_dir("htmldate-eval")
    items = []
    for name in ("eval_default.json", "eval_mediacloud_2020.json"):
        gold = json.loads((root / "tests" / name).read_text(encoding="utf-8"))
        entries = list(gold.items())
        items += [(name, url, item) for url, item in entries[: (sample // 2 if sample else None)]]
    systems = ("ours", "htmldate default", "htmldate original fast", "htmldate original extensive")
    hits: dict[str, dict[str, int]] = {}
    pages: dict[str, int] = {}
    for name, url, item in items:
        path = next((root / "tests" / sub / (item["file"] + ".gz") for sub in ("test_set", "cache", "eval")
                     if (root / "tests" / sub / (item["file"] + ".gz")).exists()), None)
        if path is None:
            continue
        raw = gzip.open(path).read()
        gold_date = item.get("date")
        gold_date = gold_date if isinstance(gold_date, str) else None
        pages[name] = pages.get(name, 0) + 1
        html = Document(source=url, raw=raw, kind="html").decoded()
        try:
            ours = extract_html(Document(source=url, raw=raw, kind="html", url=url)).published
        except ExtractError:
            ours = None
        guesses = {"ours": (ours or "")[:10] or None,
                   "htmldate default": find_date(html, url=url),
                   "htmldate original fast": find_date(html, url=url, original_date=True, extensive_search=False),
                   "htmldate original extensive": find_date(html, url=url, original_date=True)}
        counts = hits.setdefault(name, dict.fromkeys(systems, 0))
        for k, v in guesses.items():
            counts[k] += bool(gold_date) and v == gold_date
    n = sum(pages.values())
    total = {k: sum(c[k] for c in hits.values()) for k in systems}
    return {"pages": n, **{k: v / n if n else 0.0 for k, v in total.items()},
            "sets": {name: {"pages": pages[name], **hits[name]} for name in hits}}


def print_dates(d: dict) -> None:
    print(f"dates on {d['pages']} htmldate-eval pages (day accuracy): ours {d['ours']:.3f}, "
          f"htmldate default {d['htmldate default']:.3f}, "
          f"htmldate original_date fast {d['htmldate original fast']:.3f}, "
          f"extensive {d['htmldate original extensive']:.3f}")
    for name, c in d.get("sets", {}).items():
        print(f"  {name}: " + ", ".join(f"{k} {v}/{c['pages']}" for k, v in c.items() if k != "pages"))


# ------------------------------------------------------------------ tuning set (trafilatura-eval)


def evaluate_tuning(data_dir: Optional[Path] = None, limit: Optional[int] = None) -> dict:
    """trafilatura's own evaluation pages: share of "with" segments found (recall), of found
    segments that are not "without" boilerplate (precision). The set the heuristics were tuned on."""
    from newsledger.extract import ExtractError
    from newsledger.extract.html import extract_html

    root = Path(data_dir) if data_dir else _data_dir("trafilatura-eval") / "tests"
    gold = json.loads((root / "evaldata.json").read_text(encoding="utf-8"))
    tp = fn = fp = 0
    n = 0
    for url, item in list(gold.items())[:limit]:
        path = next((root / sub / (item["file"] + ".gz") for sub in ("cache", "eval")
                     if (root / sub / (item["file"] + ".gz")).exists()), None)
        if path is None:
            continue
        n += 1
        try:
            text = extract_html(Document(source=url, raw=gzip.open(path).read(), kind="html", url=url)).text
        except ExtractError:
            text = ""
        tp += sum(s in text for s in item["with"])
        fn += sum(s not in text for s in item["with"])
        fp += sum(s in text for s in item["without"])
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"pages": n, "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mode", choices=("html", "text"), default="html")
    ap.add_argument("--data-dir", type=Path, default=None)
    ap.add_argument("--limit", type=int, default=None, help="first N benchmark pages only")
    ap.add_argument("--dates", type=int, nargs="?", const=200, default=None,
                    help="also score publication dates on N htmldate-eval pages (0 = all)")
    ap.add_argument("--tuning", action="store_true", help="also score trafilatura-eval (tuning set)")
    ap.add_argument("--process-reps", type=int, default=3,
                    help="html: repetitions of the whole-process speed check (0 = skip it)")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    args = ap.parse_args(argv)
    result = evaluate(args.mode, args.data_dir, args.limit, process_reps=args.process_reps)
    if args.dates is not None:
        result["dates"] = evaluate_dates(args.dates or None)
    if args.tuning:
        result["tuning"] = evaluate_tuning()
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print_table(result)
        if "dates" in result:
            print_dates(result["dates"])
        if "tuning" in result:
            t = result["tuning"]
            print(f"trafilatura-eval ({t['pages']} pages): P {t['precision']:.3f} R {t['recall']:.3f} F1 {t['f1']:.4f}")
    return 0 if result.get("passed", True) else 1


if __name__ == "__main__":
    raise SystemExit(main())
