"""`newswire train checkworthiness`: fit the check-worthiness model from ClaimBuster, reproducibly.

Reads ../shared/corpus/claimbuster/train.jsonl, fits an L2 logistic regression (liblinear:
single-threaded and deterministic; fixed folds) over the features of `checkworthiness.features`, picks the decision
threshold that maximises cross-validated F1 for label 1, and writes the weights as JSON.
The reported CV figure is honest: each outer fold's threshold is tuned on inner folds of
its own training part, and the vocabulary is built inside each fold.
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
INNER_FOLDS = 3
THRESHOLDS = (-1.5, 1.5, 121)  # grid searched for the F1-maximising margin


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


Blocks = tuple[list[str], ...]


def _matrix(feats: list[Blocks], vocab: dict[str, int] | None) -> tuple[Any, dict[str, int]]:
    """Sparse count matrix, each feature block scaled by 1/sqrt(its size), as the scorer computes it."""
    import numpy as np
    from scipy.sparse import csr_matrix

    if vocab is None:
        df: dict[str, int] = {}
        for blocks in feats:
            for f in set().union(*blocks):
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
    m = csr_matrix((np.array(vals), (np.array(rows), np.array(cols))), shape=(len(feats), len(vocab)))
    return m, vocab


def _fit(x: Any, y: Any) -> Any:
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=C, solver="liblinear", max_iter=5000, class_weight="balanced", random_state=SEED)
    clf.fit(x, y)
    return clf


def _oof_margins(feats: list[Blocks], y: Any, folds: int) -> Any:
    """Out-of-fold margins: each row scored by a model fitted (vocabulary too) without it."""
    import numpy as np
    from sklearn.model_selection import StratifiedKFold

    margins = np.zeros(len(feats))
    for tr, te in StratifiedKFold(folds, shuffle=True, random_state=SEED).split(np.zeros(len(y)), y):
        xtr, vocab = _matrix([feats[i] for i in tr], None)
        xte, _ = _matrix([feats[i] for i in te], vocab)
        margins[te] = _fit(xtr, y[tr]).decision_function(xte)
    return margins


def _prf(pred: Any, y: Any) -> tuple[float, float, float]:
    """F1, precision and recall of label 1."""
    tp = int((pred & (y == 1)).sum())
    fp = int((pred & (y == 0)).sum())
    fn = int((~pred & (y == 1)).sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def best_threshold(margins: Any, y: Any) -> float:
    """The margin at which F1 for label 1 is highest (first of ties, on a fixed grid)."""
    import numpy as np

    best_f, best_t = -1.0, 0.0
    for t in np.linspace(*THRESHOLDS):
        f = _prf(margins >= t, y)[0]
        if f > best_f:
            best_f, best_t = f, float(t)
    return best_t


def cross_validate(xs: list[str], ys: list[int], folds: int = FOLDS, inner: int = INNER_FOLDS) -> dict[str, Any]:
    """Nested CV: P/R/F1 of label 1 with each fold's threshold tuned on its training part only.

    Also returns `threshold`, the one tuned on all rows' out-of-fold margins, which the
    shipped model uses, and `f1_oof`, the (slightly optimistic) F1 at that threshold.
    """
    import numpy as np
    from sklearn.model_selection import StratifiedKFold

    y = np.array(ys)
    feats = [cw.features(s) for s in xs]
    pred = np.zeros(len(xs), dtype=bool)
    margins = np.zeros(len(xs))
    for tr, te in StratifiedKFold(folds, shuffle=True, random_state=SEED).split(np.zeros(len(y)), y):
        ftr = [feats[i] for i in tr]
        t = best_threshold(_oof_margins(ftr, y[tr], inner), y[tr])
        xtr, vocab = _matrix(ftr, None)
        xte, _ = _matrix([feats[i] for i in te], vocab)
        margins[te] = _fit(xtr, y[tr]).decision_function(xte)
        pred[te] = margins[te] >= t
    f, p, r = _prf(pred, y)
    threshold = best_threshold(margins, y)
    return {"f1": f, "precision": p, "recall": r, "threshold": threshold,
            "f1_oof": _prf(margins >= threshold, y)[0], "folds": folds, "inner_folds": inner}


def train(xs: list[str], ys: list[int], threshold: float) -> dict[str, Any]:
    """Fit on all rows and return the JSON-ready model."""
    import numpy as np

    x, vocab = _matrix([cw.features(s) for s in xs], None)
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
    print(f"nested cross-validated F1 {cv['f1']:.3f} (P {cv['precision']:.3f} R {cv['recall']:.3f}); "
          f"threshold {cv['threshold']:+.3f} (out-of-fold F1 there {cv['f1_oof']:.3f}); "
          f"{len(model['weights'])} weights -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
