"""`newswire train checkworthiness`: fit the check-worthiness model from ClaimBuster, reproducibly.

Reads ../shared/corpus/claimbuster/train.jsonl, fits an L2 logistic regression (liblinear,
fixed seed) over the features of `checkworthiness.features`, picks the decision threshold
that maximises cross-validated F1 for label 1, and writes the weights as JSON.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import Any

from newswire.core.settings import PROJECT_ROOT
from newswire.extractor import checkworthiness as cw

DEFAULT_DATA = PROJECT_ROOT.parent / "shared" / "corpus" / "claimbuster" / "train.jsonl"
SEED = 13
C = 4.0
MIN_DF = 2
FOLDS = 5


def read_rows(path: Path) -> tuple[list[str], list[int]]:
    """Sentences and labels from a ClaimBuster jsonl file."""
    xs: list[str] = []
    ys: list[int] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                xs.append(row["sentence"])
                ys.append(int(row["label"]))
    return xs, ys


def _matrix(sentences: list[str], vocab: dict[str, int] | None) -> tuple[Any, dict[str, int]]:
    """Sparse count matrix, each feature block scaled by 1/sqrt(its size), as the scorer computes it."""
    import numpy as np
    from scipy.sparse import csr_matrix

    feats = [cw.features(s) for s in sentences]
    if vocab is None:
        df: dict[str, int] = {}
        for words, chars in feats:
            for f in set(words) | set(chars):
                df[f] = df.get(f, 0) + 1
        vocab = {f: i for i, f in enumerate(sorted(f for f, c in df.items() if c >= MIN_DF))}
    rows, cols, vals = [], [], []
    for r, blocks in enumerate(feats):
        for block in blocks:
            if not block:
                continue
            counts: dict[int, int] = {}
            for f in block:
                j = vocab.get(f)
                if j is not None:
                    counts[j] = counts.get(j, 0) + 1
            scale = 1.0 / math.sqrt(len(block))
            for j, c in counts.items():
                rows.append(r)
                cols.append(j)
                vals.append(c * scale)
    m = csr_matrix((np.array(vals), (np.array(rows), np.array(cols))), shape=(len(sentences), len(vocab)))
    return m, vocab


def _fit(x: Any, y: Any) -> Any:
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=C, max_iter=5000, class_weight="balanced", random_state=SEED)
    clf.fit(x, y)
    return clf


def cross_validate(xs: list[str], ys: list[int], folds: int = FOLDS) -> dict[str, Any]:
    """Out-of-fold margins, the F1-maximising threshold and P/R/F1 at it."""
    import numpy as np
    from sklearn.model_selection import StratifiedKFold

    y = np.array(ys)
    margins = np.zeros(len(xs))
    for tr, te in StratifiedKFold(folds, shuffle=True, random_state=SEED).split(xs, y):
        xtr, vocab = _matrix([xs[i] for i in tr], None)
        xte, _ = _matrix([xs[i] for i in te], vocab)
        margins[te] = _fit(xtr, y[tr]).decision_function(xte)
    best = (0.0, 0.0, 0.0, 0.0)
    for t in np.linspace(-1.5, 1.5, 121):
        pred = margins >= t
        tp = int((pred & (y == 1)).sum())
        fp = int((pred & (y == 0)).sum())
        fn = int((~pred & (y == 1)).sum())
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        if f > best[0]:
            best = (f, float(t), p, r)
    return {"f1": best[0], "threshold": best[1], "precision": best[2], "recall": best[3], "folds": folds}


def train(xs: list[str], ys: list[int], threshold: float) -> dict[str, Any]:
    """Fit on all rows and return the JSON-ready model."""
    import numpy as np

    x, vocab = _matrix(xs, None)
    clf = _fit(x, np.array(ys))
    coef = clf.coef_[0]
    weights = {f: round(float(coef[j]), 5) for f, j in vocab.items() if abs(coef[j]) >= 1e-4}
    return {"format": "newswire.checkworthiness/1", "bias": float(clf.intercept_[0]), "threshold": threshold,
            "weights": weights, "c": C, "min_df": MIN_DF, "seed": SEED, "rows": len(xs)}


def main(argv: list[str]) -> int:
    """Train the check-worthiness model and write it to extractor/models/."""
    ap = argparse.ArgumentParser(prog="newswire train checkworthiness", description=__doc__)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="ClaimBuster train.jsonl")
    ap.add_argument("--out", type=Path, default=cw.MODEL_PATH, help="model file to write")
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"missing training data: {args.data}", file=sys.stderr)
        return 2
    xs, ys = read_rows(args.data)
    cv = cross_validate(xs, ys)
    model = train(xs, ys, cv["threshold"])
    model["cv"] = cv
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model, sort_keys=True, separators=(",", ":")), encoding="utf-8")
    print(f"cross-validated F1 {cv['f1']:.3f} (P {cv['precision']:.3f} R {cv['recall']:.3f}) "
          f"threshold {cv['threshold']:+.3f}; {len(model['weights'])} weights -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
