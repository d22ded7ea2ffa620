"""Claims on real news: precision, recall and wrong-speaker share against our own annotations.

Gold (``data/claims_real/<page>.json``, written by ``scripts/claims_gold.py``) holds character
offsets into the ``text`` of ``shared/data/realnews/expected.jsonl`` for that page (for a
``trafeval-`` / ``htmldate-`` page: our HTML extractor's text of that trafilatura-eval /
htmldate-eval page, :data:`EVAL_SETS`; for an ``nsc-`` page: the ``text`` column of the
news-story-chains article CSV, one block with no line breaks, :data:`NEWS_STORY_CHAINS`; for an
``ecb-`` page: the ECB+ development document as ``ecbplus.render`` flattens it, :data:`ECBPLUS`; for a
``pol-`` page: a PolNeAR development article's body under its title line, :data:`POLNEAR` (``poltest-``: a
PolNeAR test article, a claims test page only, :data:`POLNEAR_TEST`); for a
``te3-`` page: a TempEval-3 platinum document's ``<TEXT>`` with its tags removed, :data:`TEMPEVAL3`; for an
``aeb-`` page: our HTML extractor's text of that article-extraction-benchmark page, :data:`AEB`), plus labels;
``data/claims_real/SPLIT.json`` splits the pages into dev and test by article. Each gold page's
text is analysed as an :class:`~newsledger.model.Article` (paragraphs = its lines, published =
the gold date), and its claims at or above ``--min-confidence`` are scored:

* **content match**: the output's content and a gold claim's content share at least
  :data:`MIN_SHARE` of the letters and digits of the shorter of the two (pieces included);
* **source match**: the output's source name (or its text) equals the gold source or one of its
  aliases (case-, space-, punctuation- and article-insensitive), or one contains the other at a
  word boundary, or the words of one (two at least) are all in the other, or both are people
  with the same surname — unless another speaker of the page has that surname too ("Sharif"
  where Shehbaz Sharif and Ahmed Sharif both speak names neither); a gold source of null
  ("nobody can tell") is matched only by an unresolved output;
* an output is **right** when it content-matches a gold claim whose source it matches;
  **unresolved** when its source is null and it content-matches a gold claim with a source
  (shown as "unresolved", not a wrong name; counted as right in ``precision`` and as wrong in
  ``strict precision``); **wrong speaker** when it content-matches gold claims but names none of
  their speakers; **spurious** when it matches no gold claim at all;
* **recall**: the share of *core* gold claims matched by some output with the right source
  (``recall any-source``: by content alone);
* **stance**, on the right and unresolved outputs, each against the gold claim it is matched to (of
  those it names the speaker of, or, unresolved, of those its content matches: the one sharing the
  most letters): ``stance agreement`` (same stance / matched outputs); for the *marked* stances
  (all but asserts) ``marked precision`` (outputs with a marked stance whose gold has the same
  stance / outputs with a marked stance), ``marked recall`` (gold claims with a marked stance that
  an output with the same stance is matched to / those that any output is matched to) and ``marked F1``.

``newsledger eval claims-real --split dev --gold-dir A --gold-dir B`` merges gold directories
(a page annotated in several is scored once per annotation). Tune on dev; test is run once per
release and logged.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from newsledger.evaluate.intervals import page_bootstrap
from newsledger.model import Article

GOLD_DIR = Path(__file__).with_name("data") / "claims_real"
MIN_SHARE = 0.3  # content match: shared letters / letters of the shorter content
ARTICLES = {"a", "an", "the"}


@dataclass
class GoldClaim:
    source: Optional[str]
    aliases: list[str]
    content: list[tuple[int, int]]
    core: bool = True
    anonymous: bool = False
    stance: str = "asserts"
    question: bool = False
    negated: bool = False

    @classmethod
    def from_dict(cls, d: dict) -> "GoldClaim":
        return cls(source=d.get("source"), aliases=list(d.get("aliases") or []),
                   content=[tuple(p) for p in d.get("content") or []], core=bool(d.get("core", True)),
                   anonymous=bool(d.get("anonymous")), stance=d.get("stance", "asserts"),
                   question=bool(d.get("question")), negated=bool(d.get("negated")))


@dataclass
class GoldPage:
    page: str
    claims: list[GoldClaim]
    annotator: Optional[str] = None
    file: str = ""


@dataclass
class Tally:
    outputs: int = 0
    right: int = 0
    unresolved: int = 0
    wrong_speaker: int = 0
    spurious: int = 0
    core: int = 0
    core_found: int = 0
    core_found_any: int = 0
    stance_matched: int = 0  # right or unresolved outputs (each against the gold claim it is matched to)
    stance_same: int = 0  # ... whose stance is their gold claim's
    marked_outputs: int = 0  # ... with a marked stance (not asserts)
    marked_outputs_same: int = 0  # ... with a marked stance that is their gold claim's
    marked_gold: int = 0  # gold claims with a marked stance that some matched output is matched to
    marked_gold_same: int = 0  # ... by an output with the same stance
    stance_pairs: Counter = field(default_factory=Counter)  # (gold stance, our stance) of the matched outputs
    examples: list = field(default_factory=list)
    verdicts: list = field(default_factory=list)  # per output claim: right | unresolved | wrong-speaker | spurious

    def add(self, other: "Tally") -> None:
        for k in ("outputs", "right", "unresolved", "wrong_speaker", "spurious", "core", "core_found",
                  "core_found_any", *STANCE_COUNTS):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.stance_pairs += other.stance_pairs
        self.examples += other.examples
        self.verdicts += other.verdicts

    def figures(self) -> dict:
        n = max(self.outputs, 1)
        return {"outputs": self.outputs, "core_gold": self.core,
                "precision": (self.right + self.unresolved) / n, "strict_precision": self.right / n,
                "recall": self.core_found / max(self.core, 1), "recall_any_source": self.core_found_any / max(self.core, 1),
                "wrong_speaker": self.wrong_speaker / n, "unresolved": self.unresolved / n,
                "spurious": self.spurious / n, **self.stance_figures()}

    def stance_figures(self) -> dict:
        """Stance agreement and the marked stances' precision, recall and F1 (see the module docstring)."""
        p = self.marked_outputs_same / max(self.marked_outputs, 1)
        r = self.marked_gold_same / max(self.marked_gold, 1)
        return {"stance_matched": self.stance_matched, "stance_agreement": self.stance_same / max(self.stance_matched, 1),
                "marked_outputs": self.marked_outputs, "marked_gold": self.marked_gold,
                "marked_precision": p, "marked_recall": r, "marked_f1": 2 * p * r / (p + r) if p + r else 0.0,
                "stance_confusion": {f"{g} -> {o}": n for (g, o), n in sorted(self.stance_pairs.items(),
                                                                             key=lambda kv: (-kv[1], kv[0]))}}


STANCE_COUNTS = ("stance_matched", "stance_same", "marked_outputs", "marked_outputs_same", "marked_gold",
                 "marked_gold_same")


# ---------------------------------------------------------------- gold


WITHDRAWN = "withdrawn"  # a page whose article another gold page already holds (a copy): scored in no split


def load_split(gold_dirs: Iterable[Path]) -> dict[str, str]:
    """page id -> dev|test (or :data:`WITHDRAWN`), from the first SPLIT.json found (the repo's when none is given)."""
    for d in [*gold_dirs, GOLD_DIR]:
        f = Path(d) / "SPLIT.json"
        if f.is_file():
            return json.loads(f.read_text(encoding="utf-8"))["split"]
    raise FileNotFoundError(f"{GOLD_DIR / 'SPLIT.json'}: no split file")


COPY_SHARE = 0.5  # of the shorter page's word 8-grams: two gold pages sharing this much hold one article


def copied_pages(texts: dict[str, str], share: float = COPY_SHARE) -> list[tuple[str, str, float]]:
    """(page, page, shared) for every two pages whose texts share at least ``share`` of the shorter
    one's word 8-grams: one article stored twice (a syndicated copy, or one page in two sets)."""
    grams = {}
    for page, text in texts.items():
        words = re.findall(r"\w+", text.lower())
        grams[page] = set(zip(*(words[i:] for i in range(8))))
    holders: dict[tuple, list[str]] = {}
    for page, gs in grams.items():
        for g in gs:
            holders.setdefault(g, []).append(page)
    common: dict[tuple[str, str], int] = {}
    for pages in holders.values():
        for i, a in enumerate(pages):
            for b in pages[i + 1:]:
                key = (a, b) if a < b else (b, a)
                common[key] = common.get(key, 0) + 1
    out = [(a, b, n / min(len(grams[a]), len(grams[b]))) for (a, b), n in common.items()]
    return sorted((a, b, round(x, 3)) for a, b, x in out if x >= share)


def load_gold(gold_dirs: Iterable[Path], split: Optional[str]) -> list[GoldPage]:
    """Gold pages of ``split`` (all pages when None, but never a :data:`WITHDRAWN` one) from every directory."""
    dirs = list(gold_dirs) or [GOLD_DIR]
    splits = load_split(dirs)
    pages = []
    for d in dirs:
        if not Path(d).is_dir():
            raise FileNotFoundError(f"{d}: no such gold directory")
        for f in sorted(Path(d).glob("*.json")):
            if f.name == "SPLIT.json":
                continue
            try:
                g = json.loads(f.read_text(encoding="utf-8"))
                page = g["page"]
                claims = [x for x in map(GoldClaim.from_dict, g["claims"]) if x.content]  # empty content: dropped
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"{f}: not a claims gold file ({exc.__class__.__name__}: {exc})") from None
            if page.startswith(POLNEAR_TEST) and splits.get(page) not in ("test", WITHDRAWN):
                raise ValueError(f"{f}: {page} is a PolNeAR test article, a claims test page only (SPLIT.json says "
                                 f"{splits.get(page)!r})")
            if splits.get(page) == WITHDRAWN or (split is not None and splits.get(page) != split):
                continue
            pages.append(GoldPage(page, claims, g.get("annotator"), str(f)))
    return pages


@dataclass(frozen=True)
class EvalSet:
    """A stored HTML evaluation set whose pages serve as claim-gold pages (id ``<prefix><file stem>``):
    its data folder, its index json files (URL -> {"file": ...}, read in order, the first URL of a
    file kept) and the sub-folders of ``tests/`` searched in order for ``<file>.gz``."""
    prefix: str
    folder: str
    index: tuple[str, ...]
    subdirs: tuple[str, ...]


EVAL_SETS = (
    EvalSet("trafeval-", "trafilatura-eval", ("evaldata.json",), ("cache", "eval")),
    EvalSet("htmldate-", "htmldate-eval", ("eval_mediacloud_2020.json", "eval_default.json"),
            ("test_set", "cache", "eval")),
)
TRAFEVAL = EVAL_SETS[0].prefix  # page id prefix: a trafilatura-eval page, named by its HTML file's stem
HTMLDATE = EVAL_SETS[1].prefix  # page id prefix: an htmldate-eval page, named by its HTML file's stem


def eval_set_of(page_id: str) -> Optional[EvalSet]:
    """The evaluation set a page id names by its prefix; None for a realnews id."""
    return next((s for s in EVAL_SETS if page_id.startswith(s.prefix)), None)


def eval_set_files(eval_set: EvalSet) -> dict[str, tuple[str, Path]]:
    """HTML file stem -> (URL, stored .gz path) of every page of ``eval_set`` on disk."""
    from newsledger.evaluate import data_dir

    root = data_dir(eval_set.folder) / "tests"
    out = {}
    for name in eval_set.index:
        for url, item in json.loads((root / name).read_text("utf-8")).items():
            paths = (root / sub / f"{item['file']}.gz" for sub in eval_set.subdirs)
            path = next((p for p in paths if p.exists()), None)
            if path is not None and item["file"].endswith(".html"):
                out.setdefault(item["file"][:-len(".html")], (url, path))
    return out


def eval_page_record(page_id: str, files: Optional[dict[str, tuple[str, Path]]] = None) -> Optional[dict]:
    """An evaluation-set page (id ``<prefix><file stem>``, :data:`EVAL_SETS`) as a realnews-like
    record: its text is our HTML extractor's output on the stored HTML (gold offsets index it;
    ``text_sha1`` in the gold file catches an extractor change). None when the page is not in its
    set. ``files``: the set's index (:func:`eval_set_files`), read once by a caller asking for several pages."""
    eval_set = eval_set_of(page_id)
    if eval_set is None:
        return None
    found = (files if files is not None else eval_set_files(eval_set)).get(page_id[len(eval_set.prefix):])
    if found is None:
        return None
    return extracted_record(page_id, *found)


def extracted_record(page_id: str, url: str, path: Path) -> dict:
    """A stored gzip HTML page as a realnews-like record: our HTML extractor's text, title and date
    (gold offsets index that text; ``text_sha1`` in the gold file catches an extractor change)."""
    import gzip

    from newsledger.extract import extract
    from newsledger.model import Document

    art = extract(Document(source=url, raw=gzip.decompress(path.read_bytes()), kind="html", url=url))
    return {"id": page_id, "text": art.text, "title": art.title, "date": art.published, "url": url}


AEB = "aeb-"  # page id prefix: an article-extraction-benchmark page, by the first 12 hex digits of its file stem


def aeb_files() -> dict[str, tuple[str, Path]]:
    """``aeb-`` page id -> (URL, stored .html.gz path) of every article-extraction-benchmark page. Extraction
    was tuned on these pages; attribution never was (stop 37: a claims judge of English web news pages)."""
    from newsledger.evaluate import data_dir

    root = data_dir("article-extraction-benchmark")
    truth = json.loads((root / "ground-truth.json").read_text("utf-8"))
    return {AEB + stem[:12]: (item["url"], root / "html" / f"{stem}.html.gz") for stem, item in truth.items()}


def aeb_records(ids: set[str]) -> dict[str, dict]:
    """The ``aeb-`` pages of ``ids`` as realnews-like records (:func:`extracted_record`)."""
    wanted = sorted(i for i in ids if i.startswith(AEB))
    files = aeb_files() if wanted else {}
    return {i: extracted_record(i, *files[i]) for i in wanted if i in files}


NEWS_STORY_CHAINS = "nsc-"  # page id prefix: a news-story-chains article, by the first 12 hex digits of sha1(url)
STORY_CHAINS_CSV = ("news-story-chains", "gedikli-business_energy_news_dataset-2021-06-29-article_texts.csv")


def story_chain_page_id(url: str) -> str:
    """The page id of a news-story-chains article: ``nsc-`` and the first 12 hex digits of its URL's sha1."""
    return NEWS_STORY_CHAINS + hashlib.sha1(url.encode("utf-8")).hexdigest()[:12]


def story_chain_records(ids: set[str]) -> dict[str, dict]:
    """page id -> record of the news-story-chains articles among ``ids``: the CSV's ``text`` exactly as
    stored (the article flattened to one block), its title, its date's calendar day as the gold date
    (the CSV's clock is often a 00:00:00 placeholder) and its URL."""
    from newsledger.evaluate import data_dir

    wanted = {i for i in ids if i.startswith(NEWS_STORY_CHAINS)}
    if not wanted:
        return {}
    folder, name = STORY_CHAINS_CSV
    csv.field_size_limit(max(csv.field_size_limit(), 1 << 24))  # whole articles in one field
    out = {}
    with (data_dir(folder) / name).open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            page_id = story_chain_page_id(row["url"])
            if page_id in wanted:
                out[page_id] = {"id": page_id, "text": row["text"], "title": row["title"],
                                "date": row["date"][:10] or None, "url": row["url"]}
    return out


ECBPLUS = "ecb-"  # page id prefix: an ECB+ document of a development topic, by its file stem ("ecb-3_7ecbplus")
_ECB_STEM = re.compile(r"(\d+)_\d+(?:ecb|ecbplus)")


def ecbplus_path(page_id: str) -> Path:
    """The ECB+ file of an ``ecb-`` page id; a ValueError for a malformed id or a topic outside
    :data:`~newsledger.evaluate.ecbplus.DEV_TOPICS` (the held-out topics are never read here)."""
    from newsledger.evaluate import ecbplus

    stem = page_id[len(ECBPLUS):]
    m = _ECB_STEM.fullmatch(stem)
    if not page_id.startswith(ECBPLUS) or not m:
        raise ValueError(f"{page_id}: not an ECB+ page id (ecb-<topic>_<n>ecb or ecb-<topic>_<n>ecbplus)")
    if int(m.group(1)) not in ecbplus.DEV_TOPICS:
        raise ValueError(f"{page_id}: ECB+ topic {m.group(1)} is held out; only development topics are read")
    return ecbplus.root() / m.group(1) / f"{stem}.xml"


def ecbplus_records(ids: set[str]) -> dict[str, dict]:
    """page id -> record of the ECB+ development documents among ``ids``: the text exactly as
    :func:`~newsledger.evaluate.ecbplus.render` gives it (one sentence per paragraph), its URL when the
    file has one; no title, no date."""
    from newsledger.evaluate import ecbplus

    out = {}
    for page_id in sorted(i for i in ids if i.startswith(ECBPLUS)):
        path = ecbplus_path(page_id)
        if path.is_file():
            text, url = ecbplus.render(path)
            out[page_id] = {"id": page_id, "text": text, "title": None, "date": None, "url": url}
    return out


POLNEAR = "pol-"  # page id prefix: a PolNeAR DEVELOPMENT article, by its file name ("pol-nyt_2016-09-20_...")
# page id prefix: a PolNeAR TEST article ("poltest-nyt_2016-10-12_..."), a claims *test* page only: annotated blind
# (stop 49 on), never read to write a rule; :func:`load_gold` refuses one SPLIT.json does not put in test
POLNEAR_TEST = "poltest-"
POLNEAR_SPLIT_OF = {POLNEAR: "dev", POLNEAR_TEST: "test"}  # page id prefix -> PolNeAR split folder
_POL_NAME = re.compile(r"[a-z-]+_\d{4}-\d{2}-\d{2}_[\w.,'-]+")


def polnear_prefix(page_id: str) -> Optional[str]:
    """``pol-`` or ``poltest-`` when ``page_id`` starts with it, else None."""
    return next((p for p in POLNEAR_SPLIT_OF if page_id.startswith(p)), None)


def polnear_path(page_id: str) -> Path:
    """The PolNeAR text file of a ``pol-`` (development split) or ``poltest-`` (test split) page id (the train
    split, the tagger's, is never a page); a ValueError for a malformed id."""
    from newsledger.evaluate import data_dir

    prefix = polnear_prefix(page_id)
    name = page_id[len(prefix):] if prefix else ""
    if prefix is None or not _POL_NAME.fullmatch(name) or ".." in name:
        raise ValueError(f"{page_id}: not a PolNeAR page id (pol-<file name of the dev split> or "
                         "poltest-<file name of the test split>, without .txt)")
    return data_dir("polnear") / "data" / POLNEAR_SPLIT_OF[prefix] / "text" / f"{name}.txt"


def polnear_records(ids: set[str]) -> dict[str, dict]:
    """page id -> record of the PolNeAR articles among ``ids`` (``pol-``: development, ``poltest-``: test): the
    body as stored, after the title line (the file's first line) and the blank lines under it; the title line as
    the title; the publication date from the corpus metadata; no URL."""
    from newsledger.evaluate import data_dir

    wanted = {i: polnear_path(i) for i in sorted(ids) if polnear_prefix(i)}
    if not wanted:
        return {}
    meta_path = data_dir("polnear") / "data" / "metadata.tsv"
    with meta_path.open(encoding="utf-8", newline="") as fh:
        dates = {r["filename"]: r["publication_date"] for r in csv.DictReader(fh, delimiter="\t")}
    out = {}
    for page_id, path in wanted.items():
        if path.is_file():
            title, _, body = path.read_text(encoding="utf-8").partition("\n")
            out[page_id] = {"id": page_id, "text": body.lstrip("\n"), "title": title.strip() or None,
                            "date": dates.get(path.stem) or None, "url": None}
    return out


TEMPEVAL3 = "te3-"  # page id prefix: a TempEval-3 platinum news document, by its file stem ("te3-AP_20130322")
_TE3_STEM = re.compile(r"[A-Za-z]+_\d{8}(?:_[A-Za-z0-9_]+)?")
TE3_FOLDER = ("tempeval3-platinum", "data", "TempEval3", "Evaluation", "te3-platinum")


def tempeval3_dir() -> Path:
    """The shared folder of the TempEval-3 platinum documents (a FileNotFoundError when the shared data is absent)."""
    from newsledger.evaluate import data_dir

    return data_dir(TE3_FOLDER[0]).joinpath(*TE3_FOLDER[1:])


def tempeval3_path(page_id: str) -> Path:
    """The TimeML file of a ``te3-`` page id; a ValueError for a malformed id."""
    stem = page_id[len(TEMPEVAL3):]
    if not page_id.startswith(TEMPEVAL3) or not _TE3_STEM.fullmatch(stem):
        raise ValueError(f"{page_id}: not a TempEval-3 platinum page id (te3-<file stem>, e.g. te3-AP_20130322)")
    return tempeval3_dir() / f"{stem}.tml"


def tempeval3_records(ids: set[str]) -> dict[str, dict]:
    """page id -> record of the TempEval-3 platinum documents among ``ids``: the ``<TEXT>`` element's
    characters with every inner (TimeML) tag removed, line breaks kept, minus the blank lines at either
    end; the ``<TITLE>`` as the title; the creation time (the DCT's TIMEX3 ``value``) as the date; no URL.
    The time tags themselves are not read: the page is news text like any other."""
    import xml.etree.ElementTree as ET

    out = {}
    for page_id in sorted(i for i in ids if i.startswith(TEMPEVAL3)):
        path = tempeval3_path(page_id)
        if path.is_file():
            root = ET.parse(path).getroot()
            text = "".join(root.find("TEXT").itertext())
            text = re.sub(r"(?:\n[ \t]*)+\Z", "", re.sub(r"\A(?:[ \t]*\n)+", "", text))
            dct = root.find("DCT/TIMEX3")
            date = dct.get("value", "")[:10] if dct is not None else ""
            out[page_id] = {"id": page_id, "text": text, "title": (root.findtext("TITLE") or "").strip() or None,
                            "date": date or None, "url": None}
    return out


def load_texts(ids: set[str]) -> dict[str, dict]:
    """page id -> record (``text``, ``title``, ``date``, ``url``): realnews pages from its
    expected.jsonl, evaluation-set pages (:data:`EVAL_SETS` prefixes) extracted from their HTML,
    news-story-chains articles (``nsc-``) from its CSV, ECB+ development documents (``ecb-``) as rendered,
    PolNeAR development articles (``pol-``) without their title line, TempEval-3 platinum documents
    (``te3-``) without their tags, article-extraction-benchmark pages (``aeb-``) extracted from their HTML."""
    from newsledger.evaluate import data_dir

    out = {}
    with (data_dir("realnews") / "expected.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["id"] in ids:
                out[r["id"]] = r
    for eval_set in EVAL_SETS:
        wanted = sorted(i for i in ids if i.startswith(eval_set.prefix))
        files = eval_set_files(eval_set) if wanted else {}
        for page_id in wanted:
            rec = eval_page_record(page_id, files)
            if rec is not None:
                out[page_id] = rec
    out.update(story_chain_records(ids))
    out.update(ecbplus_records(ids))
    out.update(polnear_records(ids))
    out.update(tempeval3_records(ids))
    out.update(aeb_records(ids))
    return out


def article_of(record: dict) -> Article:
    """The page as the analyzer sees it: text unchanged (gold offsets index it), paragraphs by line."""
    text = record["text"]
    return Article(source=f"realnews#{record['id']}", text=text, title=record.get("title"),
                   paragraphs=[p for p in text.split("\n") if p.strip()], published=record.get("date"),
                   url=record.get("url"))


# ---------------------------------------------------------------- matching


def _letters(text: str, pieces) -> set[int]:
    return {i for s, e in pieces for i in range(max(s, 0), min(e, len(text))) if text[i].isalnum()}


def norm_name(s: Optional[str]) -> str:
    s = re.sub(r"[’']s\b", "", (s or "").replace("’", "'"))
    words = re.findall(r"\w+", s.casefold())
    while words and words[0] in ARTICLES:
        words = words[1:]
    return " ".join(words)


def source_matches(name: Optional[str], gold: GoldClaim, by_surname: bool = True) -> bool:
    """Whether an output source name names the gold claim's speaker (``by_surname``: a person
    with the same surname counts)."""
    if gold.source is None:
        return name is None
    n = norm_name(name)
    if not n:
        return False
    for g in [gold.source, *gold.aliases]:
        gn = norm_name(g)
        if not gn:
            continue
        if n == gn or re.search(rf"\b{re.escape(n)}\b", gn) or re.search(rf"\b{re.escape(gn)}\b", n):
            return True
        a, b = n.split(), gn.split()
        short, long_ = (a, b) if len(a) <= len(b) else (b, a)
        if len(short) >= 2 and set(short) <= set(long_):  # "Environmental Protection officials"
            return True
        if by_surname and len(a[-1]) > 2 and a[-1] == b[-1] and name and name.split()[-1][:1].isupper():
            return True
    return False


def _names_of(gold: GoldClaim) -> set[str]:
    return {n for n in map(norm_name, [gold.source, *gold.aliases]) if n}


def page_speakers(gold: list[GoldClaim]) -> list[GoldClaim]:
    """One gold claim per distinct named speaker of a page (claims whose source and aliases
    share a name are one speaker)."""
    out: list[GoldClaim] = []
    for g in gold:
        if g.source is not None and not any(_names_of(g) & _names_of(o) for o in out):
            out.append(g)
    return out


def names_speaker(name: Optional[str], gold: GoldClaim, speakers: list[GoldClaim]) -> bool:
    """Whether ``name`` names ``gold``'s speaker on a page whose distinct speakers are ``speakers``:
    :func:`source_matches`, except that a surname (alone, or the only word shared with the speaker's
    name) that another speaker of the page also has names neither ("Sharif" or "Ahmed Sharif" for
    Shehbaz Sharif where both speak), and that a description ("MP in Norwood") never matches by its
    last word; a group described by a person ("advisers to Mr. Obama") is no namesake of that person."""
    if not source_matches(name, gold):
        return False
    own = _names_of(gold)
    n = norm_name(name)
    if not n:  # no speaker for a claim whose gold says nobody can tell who speaks
        return True
    if n in own or (" " in n and source_matches(name, gold, by_surname=False)):
        return True
    last = (name or "").split()[-1:]
    if not last or not last[0][:1].isupper():  # "data" for "data compiled from …": no surname to share
        return True
    if _LINK_WORDS & set(n.split()):  # "MP in Norwood": a description, its last word no surname
        return source_matches(name, gold, by_surname=False)
    surname = n.split()[-1]
    return not any(surname in _surnames_of(o) for o in speakers if not _names_of(o) & own)


_LINK_WORDS = {"to", "of", "for", "from", "at", "with", "in", "on", "and", "who", "close", "near", "including"}


def _surnames_of(gold: GoldClaim) -> set[str]:
    """The last words of a gold speaker's names that are people's names: a description built around a
    person ("advisers to Mr. Obama", "friends of the governor") is a group, not a namesake of that person."""
    return {n.split()[-1] for n in _names_of(gold) if not _LINK_WORDS & set(n.split())}


def claim_pieces(c) -> list[tuple[int, int]]:
    return [tuple(p) for p in c.content.pieces] or [(c.content.start, c.content.end)]


def content_hits(mine, gold_letters: list) -> list[int]:
    """The indexes of the gold claims whose letters (``gold_letters``, one set per gold claim) share at least
    :data:`MIN_SHARE` of the shorter content with an output's letters ``mine``: the content match."""
    return [k for k, g in enumerate(gold_letters) if mine and g and len(mine & g) >= MIN_SHARE * min(len(mine), len(g))]


def matched_gold(mine: set[int], candidates: list[int], gold_letters: list) -> int:
    """Of the gold claims ``candidates`` (indexes), the one an output with letters ``mine`` is matched
    to for its stance: the one sharing the most letters with it (the first of equals)."""
    return max(candidates, key=lambda k: len(mine & gold_letters[k]))


def tally_stances(t: Tally, pairs: list[tuple[str, int]], gold: list[GoldClaim]) -> list[int]:
    """Count the stance figures of ``pairs`` (output stance, index of the gold claim it is matched to)
    into ``t``; the indexes of the pairs whose stances differ."""
    marked_gold: dict[int, bool] = {}
    differ = []
    for n, (stance, k) in enumerate(pairs):
        same = stance == gold[k].stance
        t.stance_pairs[(gold[k].stance, stance)] += 1
        t.stance_matched += 1
        t.stance_same += same
        t.marked_outputs += stance != "asserts"
        t.marked_outputs_same += stance != "asserts" and same
        if gold[k].stance != "asserts":
            marked_gold[k] = marked_gold.get(k, False) or same
        if not same:
            differ.append(n)
    t.marked_gold += len(marked_gold)
    t.marked_gold_same += sum(marked_gold.values())
    return differ


def score_page(text: str, gold: list[GoldClaim], claims: list, keep_examples: bool = False) -> Tally:
    t = Tally()
    gl = [_letters(text, g.content) for g in gold]
    speakers = page_speakers(gold)
    found: set[int] = set()
    found_any: set[int] = set()
    matched: list[tuple[object, int]] = []  # (output, the gold claim its stance is scored against)
    for c in claims:
        t.outputs += 1
        mine = _letters(text, claim_pieces(c))
        hits = content_hits(mine, gl)
        name = c.source.name if c.source else None
        good = [k for k in hits if names_speaker(name, gold[k], speakers)]
        found_any.update(hits)
        if good:
            t.right += 1
            found.update(good)
            verdict = "right"
        elif hits and name is None:
            t.unresolved += 1
            verdict = "unresolved"
        elif hits:
            t.wrong_speaker += 1
            verdict = "wrong-speaker"
        else:
            t.spurious += 1
            verdict = "spurious"
        t.verdicts.append(verdict)
        if verdict in ("right", "unresolved"):
            matched.append((c, matched_gold(mine, good or hits, gl)))
        if keep_examples and verdict != "right":
            said = f"{name} <- {c.source.text!r}" if c.source else None
            t.examples.append((verdict, f"{c.confidence:.2f}", said, c.cue.text, c.content.text[:120],
                               [gold[k].source for k in hits]))
    for n in tally_stances(t, [(getattr(c, "stance", "asserts"), k) for c, k in matched], gold):
        c, k = matched[n]
        if keep_examples:
            t.examples.append(("stance", f"{c.stance} (gold {gold[k].stance})", gold[k].source, c.cue.text,
                               c.content.text[:120], []))
    core = [k for k, g in enumerate(gold) if g.core]
    t.core = len(core)
    t.core_found = sum(1 for k in core if k in found)
    t.core_found_any = sum(1 for k in core if k in found_any)
    if keep_examples:
        for k in core:
            if k not in found:
                t.examples.append(("missed", gold[k].source, "", text[gold[k].content[0][0]:gold[k].content[-1][1]][:120], []))
    return t


# ---------------------------------------------------------------- run


def analyzed_claims(pages: list[GoldPage]) -> dict[str, tuple[str, list]]:
    """page id -> (text, all claims) for every gold page (each page analysed once)."""
    from newsledger.analyze import analyze_many

    ids = sorted({p.page for p in pages})
    recs = load_texts(set(ids))
    missing = [i for i in ids if i not in recs]
    if missing:
        raise ValueError(f"{missing[0]}: gold page not in realnews/expected.jsonl nor trafilatura-eval")
    out = {}
    for a in analyze_many(article_of(recs[i]) for i in ids):
        out[a.source.split("#", 1)[1]] = (a.text, a.claims)
    return out


def evaluate(pages: list[GoldPage], min_confidence: Optional[float] = None, keep_examples: bool = False,
             analysed: Optional[dict] = None) -> tuple[dict, Tally]:
    from newsledger.analyze.confidence import threshold

    thr = threshold(min_confidence)
    analysed = analysed if analysed is not None else analyzed_claims(pages)
    total = Tally()
    per_page = []
    for p in pages:
        text, claims = analysed[p.page]
        kept = [c for c in claims if c.confidence >= thr]
        t = score_page(text, p.claims, kept, keep_examples)
        if keep_examples:
            total.examples.append(("page", p.page, "", "", []))
        total.add(t)
        per_page.append({k: getattr(t, k) for k in ("outputs", "right", "unresolved", "wrong_speaker", "core",
                                                   "core_found")})
    res = total.figures()
    res.update(pages=len(pages), min_confidence=thr, interval_95=figure_intervals(per_page))
    return res, total


INTERVAL_RATIOS = {"precision": (("right", "unresolved"), "outputs"), "recall": (("core_found",), "core"),
                   "wrong_speaker": (("wrong_speaker",), "outputs")}


def figure_intervals(per_page: list[dict]) -> dict[str, list[float]]:
    """95% page-bootstrap intervals of precision, recall (core) and the wrong-speaker share
    (:func:`newsledger.evaluate.intervals.page_bootstrap`): how far the figure could move on another draw of pages."""
    return {k: [round(lo, 4), round(hi, 4)] for k, (lo, hi) in page_bootstrap(per_page, INTERVAL_RATIOS).items()}


GATE_KEYS = {"precision": ">=", "strict_precision": ">=", "recall": ">=", "recall_any_source": ">=",
             "wrong_speaker": "<="}


def parse_gate(spec: str) -> dict[str, float]:
    """"precision=0.9,recall=0.8,wrong_speaker=0.03" -> {key: bound}; >= for rates, <= for wrong_speaker."""
    out = {}
    for part in filter(None, (p.strip() for p in spec.split(","))):
        key, _, val = part.partition("=")
        key = key.strip().replace("-", "_")
        if key not in GATE_KEYS:
            raise ValueError(f"--gate {spec!r}: unknown figure {key!r} (one of {', '.join(GATE_KEYS)})")
        try:
            out[key] = float(val)
        except ValueError:
            raise ValueError(f"--gate {spec!r}: {val!r} is not a number") from None
    return out


def gate_misses(res: dict, gate: dict[str, float]) -> list[str]:
    misses = []
    for key, bound in gate.items():
        ok = res[key] >= bound if GATE_KEYS[key] == ">=" else res[key] <= bound
        if not ok:
            misses.append(f"{key} {res[key]:.3f} (gate {GATE_KEYS[key]} {bound})")
    return misses


def _interval(res: dict, key: str) -> str:
    lo, hi = res.get("interval_95", {}).get(key) or (None, None)
    return "" if lo is None else f"  [{lo:.3f}, {hi:.3f}]"


def format_result(res: dict, split: str) -> str:
    return "\n".join([
        f"claims-real {split}: {res['pages']} pages, {res['core_gold']} core gold claims, {res['outputs']} output claims "
        f"(min confidence {res['min_confidence']:.3f}; [95% interval, pages resampled])",
        f"precision         {res['precision']:.3f}{_interval(res, 'precision')}  (unresolved speaker counted right; "
        f"strict {res['strict_precision']:.3f})",
        f"recall (core)     {res['recall']:.3f}{_interval(res, 'recall')}  (right speaker; any speaker "
        f"{res['recall_any_source']:.3f})",
        f"wrong speaker     {res['wrong_speaker']:.3f}{_interval(res, 'wrong_speaker')}  of output claims",
        f"unresolved        {res['unresolved']:.3f}  of output claims",
        f"spurious          {res['spurious']:.3f}  of output claims (no gold claim there)",
        f"stance agreement  {res['stance_agreement']:.3f}  of {res['stance_matched']} right or unresolved outputs "
        f"(each against its gold claim)",
        f"marked stances    precision {res['marked_precision']:.3f} of {res['marked_outputs']} outputs, recall "
        f"{res['marked_recall']:.3f} of {res['marked_gold']} gold claims matched, F1 {res['marked_f1']:.3f}",
    ])


def stance_table(confusion: dict[str, int]) -> list[str]:
    """Lines of the stance confusion (``"gold -> ours": count``), mismatches first by count, then the agreements."""
    rows = sorted(confusion.items(), key=lambda kv: (kv[0].split(" -> ")[0] == kv[0].split(" -> ")[1], -kv[1], kv[0]))
    return ["stance, gold -> ours (matched outputs):"] + [f"  {k:45} {n:5d}" for k, n in rows]


LOG_KEYS = ("pages", "outputs", "min_confidence", "precision", "recall", "wrong_speaker", "unresolved", "interval_95",
            "stance_agreement", "marked_precision", "marked_recall", "marked_f1")


def log_result(res: dict) -> dict:
    """The figures of a test run that go into the evaluation log (:data:`LOG_KEYS`), rates to 3 places."""
    return {k: (round(res[k], 3) if isinstance(res[k], float) else res[k]) for k in LOG_KEYS if k in res}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="newsledger eval claims-real", description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev", choices=("dev", "test", "all"))
    ap.add_argument("--gold-dir", action="append", default=[], help="gold directory (repeat to merge)")
    ap.add_argument("--min-confidence", type=float, default=None)
    ap.add_argument("--gate", default=None, help='e.g. "precision=0.9,recall=0.8,wrong_speaker=0.03"')
    ap.add_argument("--examples", action="store_true",
                    help="list the wrong, unresolved, spurious and missed claims and the stance mismatches")
    ap.add_argument("--stance-table", action="store_true",
                    help="print the stances of the matched outputs against their gold claims' (gold -> ours: count)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--prefix", action="append", default=[],
                    help="only the pages whose id starts with this (repeat for several): a part of the split, "
                         "from the same scorer; a test-split run is logged with its command")
    args = ap.parse_args(argv)
    try:
        gate = parse_gate(args.gate) if args.gate else {}
        pages = load_gold([Path(d) for d in args.gold_dir], None if args.split == "all" else args.split)
        if args.prefix:
            pages = [p for p in pages if p.page.startswith(tuple(args.prefix))]
        if not pages:
            within = f" whose id starts with {' or '.join(args.prefix)}" if args.prefix else ""
            print(f"claims-real: no gold pages for split {args.split}{within}", file=sys.stderr)
            return 2
        res, tally = evaluate(pages, args.min_confidence, keep_examples=args.examples)
    except (OSError, ValueError) as exc:
        print(f"claims-real: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(res, indent=1) if args.json else format_result(res, args.split))
    if args.split == "test" and not args.gold_dir:  # our own held-out pages: every reading is on record
        from newsledger.evaluate import evallog

        print(evallog.record_test_run("claims-real", log_result(res), "newsledger eval claims-real",
                                      list(argv if argv is not None else sys.argv[1:])))
    if args.stance_table and not args.json:
        print("\n".join(stance_table(res["stance_confusion"])))
    if args.examples:
        for ex in tally.examples:
            print("  " + " | ".join(str(x) for x in ex))
    misses = gate_misses(res, gate)
    if misses:
        print("gate missed: " + "; ".join(misses), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
