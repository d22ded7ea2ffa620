"""Text fingerprints for linking: word shingles, MinHash signatures (datasketch) and LSH
band keys, plus the salient terms used for story matching.

Everything here is deterministic across processes (crc32, fixed seeds), because signatures
and band keys are stored in the ledger and compared with ones computed later.
"""
from __future__ import annotations

import re
import unicodedata
import zlib
from collections import Counter
from typing import Iterable, Iterator, Optional

import numpy as np
from datasketch import MinHash

NUM_PERM = 128  # body signature
LEAD_PERM = 64  # opening-words signature
TERM_PERM = 128  # story-terms signature
SEED = 1
SHINGLE = 3  # words per shingle: robust to light rewording, still rare across unrelated texts
LEAD_WORDS = 80
BODY_BANDS = (32, 4)  # bands x rows: candidate threshold ~ (1/32)^(1/4) = 0.42 Jaccard
LEAD_BANDS = (16, 4)  # ~ 0.5
PASSAGE_WORDS = 6  # passage keys: sampled 6-word shingles, shared by any copied passage ...
PASSAGE_SAMPLE = 48  # ... one shingle in 48, chosen by its hash (the same in every text) ...
PASSAGE_MAX = 40  # ... at most this many per article
STORY_BANDS = (64, 2)  # ~ 0.125: stories share terms, not text; keys carry a time bucket
STORY_BUCKET_DAYS = 21
STORY_BUCKET_SPAN = 1  # probe the own bucket +- 1 (3 to 6 weeks either side)

_WORD = re.compile(r"\w+", re.UNICODE)
_MASK63 = np.uint64((1 << 63) - 1)
_WORD_CACHE: dict[str, int] = {}


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return _WORD.findall(text)


def _word_hash(w: str) -> int:
    h = _WORD_CACHE.get(w)
    if h is None:
        h = zlib.crc32(w.encode("utf-8"))
        if len(_WORD_CACHE) < 100_000:  # bounded: a crawl's vocabulary keeps growing
            _WORD_CACHE[w] = h
    return h


def shingle_hashes(ws: list[str], k: int = SHINGLE) -> np.ndarray:
    """Distinct 32-bit hashes of the k-word shingles of ``ws`` (numpy, vectorised)."""
    if not ws:
        return np.zeros(0, dtype=np.uint32)
    h = np.fromiter((_word_hash(w) for w in ws), dtype=np.uint64, count=len(ws))
    if len(ws) < k:
        k = len(ws)
    n = len(ws) - k + 1
    acc = np.zeros(n, dtype=np.uint64)
    for i in range(k):  # polynomial combination, wraps mod 2^64
        acc = acc * np.uint64(1_000_003) + h[i:i + n]
    acc ^= acc >> np.uint64(29)
    acc *= np.uint64(0xBF58476D1CE4E5B9)
    acc ^= acc >> np.uint64(32)
    return np.unique((acc & np.uint64(0xFFFFFFFF)).astype(np.uint32))


def term_hashes(terms: Iterable[str]) -> np.ndarray:
    return np.unique(np.fromiter((zlib.crc32(t.encode("utf-8")) for t in terms), dtype=np.uint32))


_TEMPLATES: dict[int, MinHash] = {}


def minhash(hashes: np.ndarray, num_perm: int = NUM_PERM) -> np.ndarray:
    """The MinHash signature (uint32 array) of a set of 32-bit hashes."""
    tmpl = _TEMPLATES.get(num_perm)
    if tmpl is None:
        tmpl = _TEMPLATES[num_perm] = MinHash(num_perm=num_perm, seed=SEED, hashfunc=int)
    m = MinHash(num_perm=num_perm, seed=SEED, hashfunc=int, permutations=tmpl.permutations,
                scheme=tmpl.scheme)
    if len(hashes):
        m.update_batch(hashes)
    return np.asarray(m.hashvalues, dtype=np.uint32)


def sig_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def sig_from(b: Optional[bytes]) -> Optional[np.ndarray]:
    return None if b is None else np.frombuffer(b, dtype="<u4")


def jaccard(a: Optional[np.ndarray], b: Optional[np.ndarray]) -> float:
    if a is None or b is None or len(a) != len(b) or not len(a):
        return 0.0
    return float(np.count_nonzero(a == b)) / len(a)


def containment(j: float, na: int, nb: int) -> float:
    """|A n B| / min(|A|, |B|) from a Jaccard estimate and the two set sizes."""
    if not na or not nb:
        return 0.0
    inter = j * (na + nb) / (1.0 + j)
    return min(1.0, inter / min(na, nb))


_KIND_SALT = {"body": 0x9E3779B97F4A7C15, "lead": 0xC2B2AE3D27D4EB4F, "story": 0x165667B19E3779F9,
              "passage": 0x27D4EB2F165667C5, "name": 0x85EBCA77C2B2AE63}


def passage_keys(ws: list[str]) -> list[int]:
    """Keys for containment: the 6-word shingles whose hash falls in a fixed 1-in-48 sample.
    The choice depends on the shingle alone (not on the rest of the text), so a copy that keeps
    only part of a story (trimmed, or an extractor kept another part of the page) shares the
    sampled shingles of that part, where its MinHash Jaccard with the whole may be too low."""
    if len(ws) < PASSAGE_WORDS:
        return []
    h = shingle_hashes(ws, PASSAGE_WORDS).astype(np.uint64)
    h = h[(h * np.uint64(0x9E3779B1) >> np.uint64(7)) % np.uint64(PASSAGE_SAMPLE) == 0][:PASSAGE_MAX]
    acc = (h + np.uint64(_KIND_SALT["passage"])) * np.uint64(0x94D049BB133111EB)
    acc ^= acc >> np.uint64(29)
    return [int(x) for x in (acc & _MASK63)]


def name_keys(names: Iterable[str]) -> list[int]:
    """One key per name (a story term such as "e:mark teixeira"), whatever the time: two
    articles naming the same person, organisation or place meet as story candidates even when
    their term signatures share no band (the bands are a lottery for a pair whose terms overlap
    by a fifth: about 0.4 to 0.8)."""
    h = np.fromiter((zlib.crc32(n.encode("utf-8")) for n in names), dtype=np.uint64)
    acc = (h + np.uint64(_KIND_SALT["name"])) * np.uint64(0x94D049BB133111EB)
    acc ^= acc >> np.uint64(29)
    return [int(x) for x in (acc & _MASK63)]


def band_keys(sig: np.ndarray, bands: int, rows: int, kind: str, bucket: int = 0) -> list[int]:
    """One 63-bit key per band (identical rows in a band give the same key); ``bucket``
    (a time bucket for story keys) is mixed in, so only articles of nearby times collide."""
    m = sig[: bands * rows].astype(np.uint64).reshape(bands, rows)
    acc = (np.full(bands, _KIND_SALT[kind], dtype=np.uint64) + np.arange(bands, dtype=np.uint64)
           + np.uint64((bucket * 0x2545F4914F6CDD1D) & 0xFFFFFFFFFFFFFFFF))
    for r in range(rows):
        acc = acc * np.uint64(0x100000001B3) ^ m[:, r]
        acc ^= acc >> np.uint64(31)
        acc *= np.uint64(0x94D049BB133111EB)
    acc ^= acc >> np.uint64(29)
    return [int(x) for x in (acc & _MASK63)]


# ---------------------------------------------------------------- story terms

STOPWORDS = frozenset("""
a about above after again against all also am an and any are aren as at be because been before
being below between both but by can could did didn do does doesn doing don down during each few
for from further had has have having he her here hers herself him himself his how i if in into is
isn it its itself just ll me more most my myself no nor not now of off on once only or other our
ours ourselves out over own re s same she should so some such t than that the their theirs them
themselves then there these they this those through to too under until up ve very was we were what
when where which while who whom why will with would you your yours yourself yourselves said says
say told tell according new one two three four five six seven eight nine ten year years month
months week weeks day days time times last first next since still per cent percent mr mrs ms
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december would could also however many much may might must
like well even make made get got going go back way including include includes just around
""".split())

_CAPS = re.compile(r"\b([A-Z][\w'’-]+(?:\s+(?:of|the|de|for|and)?\s*[A-Z][\w'’-]+)*)")


# the article before a name ("the Pentagon", "The Red Sox"), which the recogniser takes in or
# leaves out from one mention to the next; kept, a one-word name read as a name of two words
_THE = ("the ", "The ")
_PLURAL_ES = re.compile(r"(?:ss|x|ch|sh)es$")
_SAME_NUMBER = frozenset({"species", "series", "news"})  # one spelling for both numbers


def singular(w: str, common: frozenset = frozenset()) -> str:
    """A plain word's singular by its spelling ("riots" -> "riot", "facilities" -> "facility",
    "clashes" -> "clash"; "address", "status", "crisis", "species", "news" kept) when the text
    writes it in lower case (``common``; names such as "Angeles", "Boras" stay whole): two
    reports of one event write one noun in either number, and the story score compares words
    exactly."""
    if w not in common or w in _SAME_NUMBER:
        return w
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and _PLURAL_ES.search(w):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def capitalised_runs(text: str, sentence_starts: bool = False) -> Iterator[str]:
    """The runs of capitalised words in ``text`` ("Gulf of Aden", "INS Sukanya"), a cheap stand-in
    for a recogniser; those at a sentence start (any capital there) left out unless
    ``sentence_starts``."""
    for m in _CAPS.finditer(text):
        s = m.start()
        prev = text[max(0, s - 2):s]
        if not sentence_starts and (s == 0 or prev.strip() in (".", "!", "?", "\u201c", '"') or prev.endswith("\n")):
            continue
        yield m.group(1)


def salient_terms(title: Optional[str], text: str, entities: Iterable[str] = (), limit: int = 40) -> list[str]:
    """Terms that say what an article is about: named entities (from analysis, else capitalised
    runs), title words and the most frequent content words. Lower-cased, de-duplicated."""
    terms: list[str] = []
    seen: set[str] = set()

    def add(t: str) -> None:
        t = t.strip().casefold()
        if t and t not in seen and t not in STOPWORDS and len(t) > 2 and not t.isdigit():
            seen.add(t)
            terms.append(t)

    ents = list(entities)
    if not ents:  # cheap stand-in for NER: capitalised runs not at a sentence start
        ents = [e for e, _ in Counter(capitalised_runs(text[:20000])).most_common(20)]
    for e in ents:
        add("e:" + " ".join(words(e[4:] if e.startswith(_THE) else e)))
    common = frozenset(w for w in _WORD.findall(text[:20000]) if w[-1] == "s" and w.islower())
    for w in words(title or ""):
        if w not in STOPWORDS and not w.isdigit():
            add(singular(w, common))
    counts = Counter(singular(w, common) for w in words(text[:20000]) if w not in STOPWORDS and len(w) > 3
                     and not w.isdigit())
    for w, _ in counts.most_common(limit):
        if len(terms) >= limit + 20:
            break
        add(w)
    return terms
