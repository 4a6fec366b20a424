"""`newswire eval clean`: precision, recall and F1 on zyte-dev (HTML and text mode) and the seeds.

The zyte metric is the benchmark's own (word 4-gram multisets, per-document normalised
TP/FP/FN, mean precision and recall), reimplemented here so the package needs no path to
the scorer script; the seeds are checked against gold.json's substring rules.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newswire.cleaner.clean import clean_article
from newswire.cleaner.dom import visible_text
from newswire.core.records import RawArticle
from newswire.core.settings import PROJECT_ROOT

DEFAULT_CORPUS = PROJECT_ROOT.parent / "shared" / "corpus"
_TOK = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Word n-gram multiset of a text, as the Zyte benchmark counts it."""
    toks = _TOK.findall(text or "")
    return Counter(tuple(toks[i:i + n]) for i in range(max(1, len(toks) - n + 1)) if toks[i:i + n])


def zyte_prf(pairs: list[tuple[str, str]]) -> dict[str, float]:
    """Mean precision and recall over (gold, predicted) documents, and their F1."""
    ps: list[float] = []
    rs: list[float] = []
    for gold, pred in pairs:
        a, b = shingles(gold), shingles(pred)
        keys = a.keys() | b.keys()
        tp: float = sum(min(a[k], b[k]) for k in keys)  # counts, then shares of their sum
        fp: float = sum(max(0, b[k] - a[k]) for k in keys)
        fn: float = sum(max(0, a[k] - b[k]) for k in keys)
        s = tp + fp + fn
        if s:
            tp, fp, fn = tp / s, fp / s, fn / s
        prec = 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))
        rec = 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))
        if tp + fp > 0:
            ps.append(prec)
        if tp + fn > 0:
            rs.append(rec)
    p = statistics.mean(ps) if ps else 0.0
    r = statistics.mean(rs) if rs else 0.0
    return {"f1": 2 * p * r / (p + r) if p + r else 0.0, "precision": p, "recall": r}


def _load_zyte(corpus: Path) -> list[tuple[dict[str, Any], str]]:
    root = corpus / "zyte-dev"
    out = []
    with open(root / "ground_truth.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                g = json.loads(line)
                html = gzip.decompress((root / "html" / f"{g['id']}.html.gz").read_bytes()).decode("utf-8", "replace")
                out.append((g, html))
    return out


def eval_zyte(corpus: Path, mode: str) -> dict[str, float]:
    """Zyte-dev F1 and pages/s for HTML input or for its flattened visible text."""
    docs = _load_zyte(corpus)
    raws = []
    for g, html in docs:
        if mode == "html":
            raws.append(RawArticle(url=g["url"], source="zyte-dev", html=html))
        else:
            raws.append(RawArticle(url=g["url"], source="zyte-dev", text=visible_text(html)))
    texts = [clean_article(r).text for r in raws]
    res = zyte_prf([(g["articleBody"], t) for (g, _), t in zip(docs, texts, strict=True)])
    res["pages_per_second"] = _best_rate(lambda: [clean_article(r) for r in raws], len(raws))
    res["pages"] = len(raws)
    return res


def eval_reference(corpus: Path) -> dict[str, float]:
    """trafilatura on the same zyte-dev pages, measured here, as the quality and speed reference."""
    import trafilatura  # imported late: only this comparison needs it

    docs = _load_zyte(corpus)
    texts = [trafilatura.extract(html, include_comments=False) or "" for _, html in docs]
    res = zyte_prf([(g["articleBody"], t) for (g, _), t in zip(docs, texts, strict=True)])
    res["pages_per_second"] = _best_rate(
        lambda: [trafilatura.extract(html, include_comments=False) for _, html in docs], len(docs), rounds=1)
    res["pages"] = len(docs)
    return res


def _best_rate(run: Callable[[], object], items: int, rounds: int = 3) -> float:
    """Items per CPU-second on one core: the best of a few rounds, so other load on the machine
    counts as little as possible."""
    best = float("inf")
    for _ in range(rounds):
        t0 = time.process_time()
        run()
        best = min(best, time.process_time() - t0)
    return items / best if best > 0 else 0.0


def _norm(t: str | None) -> str:
    t = unicodedata.normalize("NFKC", t or "")
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u2014", "-"), ("\u2013", "-")):
        t = t.replace(a, b)
    return re.sub(r"\s+", " ", t)


def eval_seeds(corpus: Path) -> dict[str, Any]:
    """Seed rules: must_remove gone, must_keep kept, at_most_once, spam, author, date, title.

    Precision is the share of must_keep strings kept (nothing of the article lost), recall the
    share of must_remove and at_most_once rules met (the chrome found).
    """
    root = corpus / "seeds"
    gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))["articles"]
    res: dict[str, Any] = {"removed": 0, "must_remove": 0, "kept": 0, "must_keep": 0, "spam_right": 0,
                           "articles": 0, "meta_right": 0, "meta_checked": 0, "failures": []}
    raws = []
    for name in gold:
        path = root / name
        raws.append((name, RawArticle(url=f"file://{path}", source=path.stem, text=path.read_text(encoding="utf-8"))))
    cleaned = [(name, clean_article(raw)) for name, raw in raws]
    for name, c in cleaned:
        g = gold[name]
        t = _norm(c.text)
        res["articles"] += 1
        for s in g.get("must_remove", []):
            res["must_remove"] += 1
            ok = _norm(s) not in t
            res["removed"] += ok
            if not ok:
                res["failures"].append(f"{name}: not removed: {s}")
        for s in g.get("at_most_once", []):
            res["must_remove"] += 1
            ok = t.count(_norm(s)) <= 1
            res["removed"] += ok
            if not ok:
                res["failures"].append(f"{name}: repeated: {s}")
        for s in g.get("must_keep", []):
            res["must_keep"] += 1
            ok = _norm(s) in t
            res["kept"] += ok
            if not ok:
                res["failures"].append(f"{name}: lost: {s}")
        ok = c.spam.is_spam == g["spam"]
        res["spam_right"] += ok
        if not ok:
            res["failures"].append(f"{name}: spam={c.spam.is_spam} (score {c.spam.score})")
        found = (("author", " ".join(c.authors)), ("published", c.published_at or ""), ("title", c.title or ""))
        for key, value in found:
            if key in g:
                res["meta_checked"] += 1
                ok = _norm(g[key]).lower() in _norm(value).lower()
                res["meta_right"] += ok
                if not ok:
                    res["failures"].append(f"{name}: {key} {value!r} != {g[key]!r}")
    res["precision"] = res["kept"] / res["must_keep"] if res["must_keep"] else 1.0
    res["recall"] = res["removed"] / res["must_remove"] if res["must_remove"] else 1.0
    p, r = res["precision"], res["recall"]
    res["f1"] = 2 * p * r / (p + r) if p + r else 0.0
    res["articles_per_second"] = _text_speed(raws) if raws else 0.0
    return res


def _text_speed(raws: list[tuple[str, RawArticle]], repeat: int = 40) -> float:
    """Articles per CPU-second on one core: the seeds cleaned `repeat` times, best of 5 rounds."""
    items = [raw for _, raw in raws] * repeat
    return _best_rate(lambda: [clean_article(r) for r in items], len(items), rounds=5)


def main(argv: list[str]) -> int:
    """Run the cleaning evaluation and print the figures; 0 on success, 2 when data is missing."""
    ap = argparse.ArgumentParser(prog="newswire eval clean", description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="evaluation corpus directory")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures to this file")
    ap.add_argument("--only", choices=("html", "text", "seeds"), action="append",
                    help="run only these parts (repeatable); default all")
    ap.add_argument("--reference", action="store_true",
                    help="also run trafilatura on the zyte-dev pages for comparison (slow)")
    args = ap.parse_args(argv)
    parts = args.only or ["html", "text", "seeds"]
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    out: dict[str, Any] = {}
    r: dict[str, Any]
    if "html" in parts and (args.corpus / "zyte-dev").is_dir():
        r = out["zyte_html"] = eval_zyte(args.corpus, "html")
        print(f"zyte-dev html  P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}  "
              f"{r['pages_per_second']:.0f} pages/s ({r['pages']} pages)")
    if "text" in parts and (args.corpus / "zyte-dev").is_dir():
        r = out["zyte_text"] = eval_zyte(args.corpus, "text")
        print(f"zyte-dev text  P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}  "
              f"{r['pages_per_second']:.0f} pages/s ({r['pages']} pages)")
    if args.reference and (args.corpus / "zyte-dev").is_dir():
        r = out["trafilatura_html"] = eval_reference(args.corpus)
        print(f"trafilatura    P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}  "
              f"{r['pages_per_second']:.0f} pages/s (reference, same pages, same machine)")
    if "seeds" in parts and (args.corpus / "seeds").is_dir():
        r = out["seeds"] = eval_seeds(args.corpus)
        print(f"seeds  removed {r['removed']}/{r['must_remove']}  kept {r['kept']}/{r['must_keep']}  "
              f"spam right {r['spam_right']}/{r['articles']}  metadata {r['meta_right']}/{r['meta_checked']}  "
              f"P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f}  "
              f"{r['articles_per_second']:.0f} articles/s")
        for f in r["failures"]:
            print("  " + f)
    if not out:  # an empty or unrelated directory: say so rather than print nothing and succeed
        print(f"no evaluation data in {args.corpus} (expected zyte-dev/ or seeds/)", file=sys.stderr)
        return 2
    if args.json:
        args.json.write_text(json.dumps(out, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
