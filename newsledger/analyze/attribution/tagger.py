"""Attribution token tagger: a small bidirectional LSTM over the spaCy parse.

The rules and linear models of :mod:`newsledger.analyze.attribution` and
:mod:`newsledger.analyze.attribution.learned` see a cue's sentence and its parse neighbourhood; whether a
verb is an attribution in PolNeAR's sense, and where its content starts and ends, often depends
on the wider context (a quotation opened two sentences earlier, a list of reported points). The
tagger reads the whole article and gives every token five probabilities: inside a content, first
token of a content, last token of a content, inside a cue, inside a source. They are features of
the cue classifier and of the edge model, not decisions of their own.

Input per token (integers only, so training needs no spaCy): the lower-cased word (train
vocabulary), coarse and fine part of speech, dependency label, head direction and distance,
quotation state, cue-lexicon membership, sentence/paragraph start, and letter case. Weights:
``data/tagger.npz`` (trained by ``scripts/train_tagger.py`` on PolNeAR **train** only); inference
is plain numpy, a few tens of milliseconds per article.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Optional

import numpy as np

TAGGER_PATH = Path(__file__).resolve().parents[1] / "data" / "tagger.npz"
LABELS = ("content", "start", "end", "cue", "source")
COLUMNS = ("word", "pos", "tag", "dep", "head", "quote", "lex", "brk", "case")
_HEAD_EDGES = (-8, -4, -2, -1, 0, 1, 2, 4, 8)
CHUNK = 256  # tokens per window: whole sentences, as many as fit (a longer sentence is cut)


def _bucket(x: int, edges) -> int:
    for i, e in enumerate(edges):
        if x < e:
            return i
    return len(edges)


@functools.lru_cache(maxsize=1)
def label_tables() -> dict:
    """Fixed id tables for the parse labels (from the pinned en_core_web_sm pipeline)."""
    from spacy.parts_of_speech import IDS

    from newsledger.analyze.nlp import get_nlp

    nlp = get_nlp()
    tags = sorted(nlp.get_pipe("tagger").labels)
    deps = sorted(nlp.get_pipe("parser").labels)
    return {"pos": {p: i + 1 for i, p in enumerate(sorted(IDS))},
            "tag": {t: i + 1 for i, t in enumerate(tags)},
            "dep": {d: i + 1 for i, d in enumerate(deps)}}


def token_columns(doc, text: str) -> dict:
    """The integer inputs of every token except the word id (see :func:`encode`)."""
    from newsledger.analyze.attribution.base import lexicon, quoted_mask

    tab = label_tables()
    mask = quoted_mask(text)
    lex = lexicon()["verbs"]
    n = len(doc)
    cols = {c: np.zeros(n, dtype=np.int32) for c in COLUMNS[1:]}
    words = []
    prev_nl = True
    for t in doc:
        i = t.i
        words.append(t.lower_)
        cols["pos"][i] = tab["pos"].get(t.pos_, 0)
        cols["tag"][i] = tab["tag"].get(t.tag_, 0)
        cols["dep"][i] = tab["dep"].get(t.dep_, 0)
        cols["head"][i] = _bucket(t.head.i - i, _HEAD_EDGES)
        cols["quote"][i] = int(mask[t.idx]) + 2 * int(t.is_quote)
        cols["lex"][i] = int(t.lemma_.lower() in lex) + 2 * int(t.pos_ in ("VERB", "AUX"))
        cols["brk"][i] = int(t.is_sent_start or i == 0) + 2 * int(prev_nl)
        cols["case"][i] = 0 if t.is_lower else 1 if t.is_title else 2 if t.is_upper else 3
        prev_nl = "\n" in t.text or "\n" in t.whitespace_
    return {"words": words, **cols}


def encode(columns: dict, vocab: dict) -> np.ndarray:
    """(tokens, len(COLUMNS)) int32 matrix: word ids from ``vocab`` (0 = unknown)."""
    n = len(columns["words"])
    out = np.zeros((n, len(COLUMNS)), dtype=np.int32)
    out[:, 0] = [vocab.get(w, 0) for w in columns["words"]]
    for k, c in enumerate(COLUMNS[1:], 1):
        out[:, k] = columns[c]
    return out


def chunk_bounds(ids: np.ndarray, size: int = CHUNK) -> list[tuple[int, int]]:
    """Windows of whole sentences (column ``brk`` bit 1 = sentence start) of at most ``size``
    tokens; the tagger reads each window on its own (in training and in use alike)."""
    n = len(ids)
    starts = [i for i in range(n) if i == 0 or ids[i, COLUMNS.index("brk")] & 1]
    starts.append(n)
    out, s = [], 0
    for a, b in zip(starts, starts[1:]):
        if b - s > size and a > s:
            out.append((s, a))
            s = a
        while b - s > size:
            out.append((s, s + size))
            s += size
    if s < n:
        out.append((s, n))
    return out


def gold_labels(doc, text: str, gold) -> np.ndarray:
    """(tokens, 5) 0/1 labels from gold attributions (letters and digits only, as the scorer)."""
    y = np.zeros((len(doc), len(LABELS)), dtype=np.int8)
    tok_of = np.full(len(text) + 1, -1, dtype=np.int64)
    for t in doc:
        tok_of[t.idx:t.idx + len(t)] = t.i

    def toks(ranges):
        return sorted({int(tok_of[k]) for s, e in ranges for k in range(s, e)
                       if tok_of[k] >= 0 and text[k].isalnum()})

    for g in gold:
        c = toks(g.content)
        if c:
            y[c, 0] = 1
            y[c[0], 1] = 1
            y[c[-1], 2] = 1
        q = toks(g.cue)
        y[q, 3] = 1
        s = toks(g.source)
        y[s, 4] = 1
    return y


def _sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


class Tagger:
    """Numpy inference of the BiLSTM trained by ``scripts/train_tagger.py``."""

    def __init__(self, arrays: dict):
        self.a = {k: np.asarray(v, dtype=np.float32) if v.dtype.kind == "f" else v for k, v in arrays.items()}
        self.vocab = {w: i + 1 for i, w in enumerate(arrays["vocab"].tolist())}
        self.layers = int(arrays["layers"])

    @classmethod
    def load(cls, path: Path = TAGGER_PATH) -> "Tagger":
        with np.load(path, allow_pickle=False) as z:
            return cls({k: z[k] for k in z.files})

    def _lstm(self, x: np.ndarray, pre: str) -> np.ndarray:
        """One LSTM direction over a batch of left-aligned windows (B, T, in) -> (B, T, h); the
        padding after a window's end never reaches its valid steps."""
        w_ih, w_hh, b = self.a[pre + "w_ih"], self.a[pre + "w_hh"], self.a[pre + "b"]
        h_dim = w_hh.shape[1]
        gates_x = x @ w_ih.T + b  # every step at once; only h @ W_hh is sequential
        n_b, n_t = x.shape[:2]
        out = np.empty((n_b, n_t, h_dim), dtype=np.float32)
        h = np.zeros((n_b, h_dim), dtype=np.float32)
        c = np.zeros((n_b, h_dim), dtype=np.float32)
        w_hh_t = np.ascontiguousarray(w_hh.T)
        for t in range(n_t):
            g = gates_x[:, t] + h @ w_hh_t
            i_, f_, g_, o_ = (g[:, k * h_dim:(k + 1) * h_dim] for k in range(4))
            c = _sigmoid(f_) * c + _sigmoid(i_) * np.tanh(g_)
            h = _sigmoid(o_) * np.tanh(c)
            out[:, t] = h
        return out

    def predict_ids(self, ids: np.ndarray) -> np.ndarray:
        """(tokens, 5) probabilities for an encoded article (its windows read as one batch)."""
        n = len(ids)
        if n == 0:
            return np.zeros((0, len(LABELS)), dtype=np.float32)
        x = np.concatenate([self.a["emb_" + c][ids[:, k]] for k, c in enumerate(COLUMNS)], axis=1)
        bounds = chunk_bounds(ids)
        n_t = max(e - s for s, e in bounds)
        fwd = np.zeros((len(bounds), n_t, x.shape[1]), dtype=np.float32)
        for k, (s, e) in enumerate(bounds):
            fwd[k, :e - s] = x[s:e]
        lengths = [e - s for s, e in bounds]
        for layer in range(self.layers):
            bwd = np.zeros_like(fwd)
            for k, m in enumerate(lengths):
                bwd[k, :m] = fwd[k, :m][::-1]
            hf = self._lstm(fwd, f"l{layer}f_")
            hb = self._lstm(bwd, f"l{layer}b_")
            for k, m in enumerate(lengths):
                hb[k, :m] = hb[k, :m][::-1].copy()
            fwd = np.concatenate([hf, hb], axis=2)
        logits = fwd @ self.a["out_w"].T + self.a["out_b"]
        out = np.empty((n, len(LABELS)), dtype=np.float32)
        for k, (s, e) in enumerate(bounds):
            out[s:e] = _sigmoid(logits[k, :e - s])
        return out

    def __call__(self, doc, text: str) -> np.ndarray:
        return self.predict_ids(encode(token_columns(doc, text), self.vocab))


@functools.lru_cache(maxsize=1)
def tagger() -> Optional[Tagger]:
    """The shipped tagger, or None when ``data/tagger.npz`` is missing."""
    return Tagger.load() if TAGGER_PATH.exists() else None
