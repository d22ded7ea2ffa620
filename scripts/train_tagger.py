"""Train the attribution token tagger (:mod:`newsledger.analyze.attribution.tagger`) on PolNeAR **train** only.

Two steps, so that the second can run where PyTorch (and a GPU, if any) is, without spaCy:

    .venv/bin/python scripts/train_tagger.py prepare --cache-dir /tmp/pn --out /tmp/tagger/data.npz
    python3 scripts/train_tagger.py fit --data /tmp/tagger/data.npz \\
        --out newsledger/analyze/data/tagger.npz --oof /tmp/tagger/oof.npz

``prepare`` parses train (cached DocBin) and writes integer token inputs and the five token labels
(content, content start, content end, cue, source) plus the word vocabulary (train words seen at
least twice). ``fit`` trains a 2-layer BiLSTM five times on four fifths of train (articles
``i % 5 != k``) to write out-of-fold probabilities for every train token (``--oof``: the cue
classifier and edge model are trained on those, so they learn how far to trust the tagger on
text it has not seen), then once on all of train (``--out``, float16 weights). Fixed seeds; on a
GPU cuDNN's LSTM kernels are not bit-for-bit deterministic, on the CPU (``--device cpu``, slow
but enough) they are. No dev or test data is read.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
EMB = {"word": 64, "pos": 8, "tag": 16, "dep": 16, "head": 4, "quote": 4, "lex": 4, "brk": 4, "case": 4}
HIDDEN = 96
LAYERS = 2
EPOCHS = 20
BATCH = 32  # windows of up to 256 tokens
SEED = 13
MIN_COUNT = 2
MAX_VOCAB = 20000


def prepare(args) -> None:
    sys.path.insert(0, str(ROOT))
    from newsledger.analyze.attribution.tagger import COLUMNS, encode, gold_labels, token_columns
    from newsledger.evaluate.attribution import parsed_docs, load_split

    data = load_split("train")
    docs = parsed_docs([t for _, t, _ in data], Path(args.cache_dir) / "train.spacy" if args.cache_dir else None)
    cols = [token_columns(d, t) for (_, t, _), d in zip(data, docs)]
    counts = Counter(w for c in cols for w in c["words"])
    words = [w for w, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if n >= MIN_COUNT][:MAX_VOCAB]
    vocab = {w: i + 1 for i, w in enumerate(words)}
    ids = [encode(c, vocab) for c in cols]
    ys = [gold_labels(d, t, g) for (_, t, g), d in zip(data, docs)]
    offsets = np.cumsum([0] + [len(x) for x in ids])
    sizes = {c: int(max(x[:, k].max() for x in ids if len(x))) + 1 for k, c in enumerate(COLUMNS)}
    sizes["word"] = len(vocab) + 1
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, ids=np.concatenate(ids).astype(np.int32), y=np.concatenate(ys),
                        offsets=offsets, vocab=np.array(words), columns=np.array(COLUMNS),
                        sizes=np.array([sizes[c] for c in COLUMNS]))
    print(f"{len(ids)} articles, {offsets[-1]} tokens, vocabulary {len(vocab)}, "
          f"label rates {np.concatenate(ys).mean(axis=0).round(3).tolist()} -> {out}")


def _model(torch, sizes, columns):
    nn = torch.nn

    class BiLSTMTagger(nn.Module):
        def __init__(self):
            super().__init__()
            # input sizes: the label tables of the pinned pipeline can hold ids not seen in train
            self.emb = nn.ModuleList([nn.Embedding(max(int(n), 64 if c in ("pos", "tag", "dep") else int(n)) + 1,
                                                   EMB[c]) for c, n in zip(columns, sizes)])
            self.drop = nn.Dropout(0.3)
            self.lstm = nn.LSTM(sum(EMB[c] for c in columns), HIDDEN, num_layers=LAYERS, bidirectional=True,
                                batch_first=True, dropout=0.3)
            self.out = nn.Linear(2 * HIDDEN, 5)

        def forward(self, x, lengths):
            e = torch.cat([m(x[:, :, k]) for k, m in enumerate(self.emb)], dim=-1)
            packed = nn.utils.rnn.pack_padded_sequence(self.drop(e), lengths.cpu(), batch_first=True,
                                                       enforce_sorted=False)
            h, _ = self.lstm(packed)
            h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True)
            return self.out(self.drop(h))

    return BiLSTMTagger()


def _batch(torch, arts, idx, device, word_drop=0.0, rng=None):
    xs = [arts[i][0] for i in idx]
    n = max(len(x) for x in xs)
    x = np.zeros((len(xs), n, xs[0].shape[1]), dtype=np.int64)
    y = np.zeros((len(xs), n, 5), dtype=np.float32)
    m = np.zeros((len(xs), n), dtype=np.float32)
    for b, i in enumerate(idx):
        xi, yi = arts[i]
        x[b, :len(xi)] = xi
        y[b, :len(yi)] = yi
        m[b, :len(xi)] = 1
    if word_drop and rng is not None:
        x[:, :, 0] *= rng.random(x[:, :, 0].shape) >= word_drop
    lengths = torch.tensor([len(arts[i][0]) for i in idx])
    return torch.from_numpy(x).to(device), torch.from_numpy(y).to(device), torch.from_numpy(m).to(device), lengths


def _train(torch, arts, train_idx, sizes, columns, device, log):
    torch.manual_seed(SEED)
    rng = np.random.default_rng(SEED)
    model = _model(torch, sizes, columns).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=2e-3)
    pos_w = torch.tensor([1.0, 3.0, 3.0, 2.0, 2.0], device=device)
    lossf = torch.nn.BCEWithLogitsLoss(reduction="none", pos_weight=pos_w)
    order = np.array(train_idx)
    for ep in range(EPOCHS):
        model.train()
        rng.shuffle(order)
        tot = 0.0
        for s in range(0, len(order), BATCH):
            x, y, m, lengths = _batch(torch, arts, order[s:s + BATCH], device, 0.1, rng)
            logits = model(x, lengths)
            loss = (lossf(logits, y[:, :logits.shape[1]]).sum(-1) * m[:, :logits.shape[1]]).sum() / m.sum()
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            tot += float(loss.detach())
        if ep % 4 == 3 or ep == EPOCHS - 1:
            log(f"    epoch {ep + 1}: loss {tot / max(1, len(order) // BATCH):.4f}")
    return model


def _predict(torch, model, arts, idx, device):
    model.eval()
    out = {}
    with torch.no_grad():
        for s in range(0, len(idx), 128):
            part = idx[s:s + 128]
            x, _, _, lengths = _batch(torch, arts, part, device)
            p = torch.sigmoid(model(x, lengths)).cpu().numpy()
            for b, i in enumerate(part):
                out[i] = p[b, :len(arts[i][0])]
    return out


def _export(model, vocab, columns) -> dict:
    sd = {k: v.detach().cpu().numpy() for k, v in model.state_dict().items()}
    a = {"vocab": vocab, "layers": np.array(LAYERS), "columns": np.array(columns)}
    for k, c in enumerate(columns):
        a["emb_" + c] = sd[f"emb.{k}.weight"].astype(np.float16)
    for layer in range(LAYERS):
        for d, suf in (("f", ""), ("b", "_reverse")):
            a[f"l{layer}{d}_w_ih"] = sd[f"lstm.weight_ih_l{layer}{suf}"].astype(np.float16)
            a[f"l{layer}{d}_w_hh"] = sd[f"lstm.weight_hh_l{layer}{suf}"].astype(np.float16)
            a[f"l{layer}{d}_b"] = (sd[f"lstm.bias_ih_l{layer}{suf}"] + sd[f"lstm.bias_hh_l{layer}{suf}"]).astype(np.float16)
    a["out_w"] = sd["out.weight"].astype(np.float16)
    a["out_b"] = sd["out.bias"].astype(np.float16)
    return a


def _token_f1(probs, arts, idx):
    tp = fp = fn = np.zeros(5)
    for i in idx:
        p = probs[i] >= 0.5
        y = arts[i][1].astype(bool)
        tp = tp + (p & y).sum(0)
        fp = fp + (p & ~y).sum(0)
        fn = fn + (~p & y).sum(0)
    return (2 * tp / np.maximum(2 * tp + fp + fn, 1)).round(3).tolist()


def fit(args) -> None:
    import torch

    t0 = time.time()

    def log(msg):
        print(f"{msg} ({time.time() - t0:.0f}s)", flush=True)

    device = args.device or ("cuda" if torch.cuda.is_available() else "cpu")
    if device == "cpu":
        torch.use_deterministic_algorithms(True)
    z = np.load(args.data)
    ids, y, off = z["ids"], z["y"], z["offsets"]
    columns = [str(c) for c in z["columns"]]
    sizes = z["sizes"]
    docs = [(ids[off[i]:off[i + 1]], y[off[i]:off[i + 1]]) for i in range(len(off) - 1)]
    n = len(docs)
    # training and prediction read sentence windows (as the numpy inference does)
    sys.path.insert(0, str(ROOT))
    from newsledger.analyze.attribution.tagger import chunk_bounds

    arts, windows_of = [], []
    for x, yy in docs:
        ws = []
        for s, e in chunk_bounds(x):
            ws.append(len(arts))
            arts.append((x[s:e], yy[s:e]))
        windows_of.append(ws)
    log(f"{n} train articles, {off[-1]} tokens, device {device}")
    oof = {}
    if args.oof:
        for k in range(5):
            tr = [w for i in range(n) if i % 5 != k for w in windows_of[i]]
            te = [w for i in range(n) if i % 5 == k for w in windows_of[i]]
            model = _train(torch, arts, tr, sizes, columns, device, log)
            oof.update(_predict(torch, model, arts, te, device))
            log(f"  fold {k}: held-out token F1 (content, start, end, cue, source) {_token_f1(oof, arts, te)}")
        np.savez_compressed(args.oof, probs=np.concatenate([oof[w] for w in range(len(arts))]).astype(np.float16),
                            offsets=off)
        log(f"out-of-fold probabilities -> {args.oof}")
    model = _train(torch, arts, list(range(len(arts))), sizes, columns, device, log)
    np.savez_compressed(args.out, **_export(model, z["vocab"], columns))
    log(f"tagger weights -> {args.out}")
    if args.check:  # the same model's probabilities on a few articles, to compare with numpy inference
        sel = [w for i in range(min(5, n)) for w in windows_of[i]]
        pr = _predict(torch, model, arts, sel, device)
        np.savez_compressed(args.check, probs=np.concatenate([pr[w] for w in sel]), n=np.array(min(5, n)))


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("--cache-dir", default="/tmp/pn")
    p.add_argument("--out", default="/tmp/tagger/data.npz")
    f = sub.add_parser("fit")
    f.add_argument("--data", default="/tmp/tagger/data.npz")
    f.add_argument("--out", default=str(ROOT / "newsledger/analyze/data/tagger.npz"))
    f.add_argument("--oof", default="/tmp/tagger/oof.npz", help="out-of-fold train probabilities ('' to skip)")
    f.add_argument("--check", default="", help="also write the full model's probabilities on 5 train articles")
    f.add_argument("--device", default=None)
    args = ap.parse_args(argv)
    (prepare if args.cmd == "prepare" else fit)(args)


if __name__ == "__main__":
    main()
