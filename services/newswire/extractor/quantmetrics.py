"""Quantity scoring with the same matching as the project's official scorer (`newsquant`).

Values match within a relative 1e-6; units match when normalised equal or when a word of
one starts (four letters) like a word of the other; both empty also match. The development
file follows quantulum's naming, so `quantulum_unit` renames ours for it (naming only: a
count is "dimensionless" there, a millilitre a cubic centimetre).
"""

from __future__ import annotations

import re

_UNIT = {
    "%": "percent", "percentage": "percent", "per cent": "percent", "$": "usd", "dollar": "usd",
    "dollars": "usd", "us dollar": "usd", "united states dollar": "usd", "\u00a3": "gbp",
    "pound sterling": "gbp", "\u20ac": "eur", "euro": "eur",
}
_ALPHA = re.compile(r"[a-z]+")

# Our unit names where quantulum's test file names the same unit differently: quantulum reads a
# millilitre as a cubic centimetre and keeps ISO codes out of its names. The scorer's own table
# above already equates usd/dollar, eur/euro, gbp/pound sterling and percent/percentage.
QUANTULUM_NAMES: dict[str, str] = {
    "millilitre": "cubic centimetre", "jpy": "yen", "cny": "yuan", "inr": "rupee", "rub": "ruble",
    "uah": "hryvnia", "chf": "swiss franc", "cad": "canadian dollar", "aud": "australian dollar",
    "hkd": "hong kong dollar",
}


def quantulum_unit(unit: str | None, kind: str) -> str:
    """Our unit in quantulum's naming: a count, whatever it counts ("50 cars"), is "dimensionless"
    there, since quantulum has no counted nouns; other names go through `QUANTULUM_NAMES`."""
    if kind == "count" or not unit:
        return "dimensionless"
    return " per ".join(QUANTULUM_NAMES.get(w, w) for w in unit.split(" per "))


def norm_unit(unit: str | None) -> str:
    """A unit as the scorer normalises it."""
    u = (unit or "").strip().lower()
    return _UNIT.get(u, u.rstrip("s"))


def same_unit(a: str, b: str) -> bool:
    """The scorer's lenient unit match."""
    if a == b:
        return True
    if not a or not b:
        return False
    return bool({w[:4] for w in _ALPHA.findall(a)} & {w[:4] for w in _ALPHA.findall(b)})


def _num(v: object) -> float | None:
    try:
        return float(str(v).replace(",", ""))
    except ValueError:
        return None


def _match(pred: list[tuple[float | None, str]], gold: list[tuple[float | None, str]], with_unit: bool) -> int:
    pool = list(gold)
    hits = 0
    for a in pred:
        for j, b in enumerate(pool):
            if a[0] is not None and b[0] is not None and abs(a[0] - b[0]) <= 1e-6 * max(1, abs(b[0])) \
                    and (not with_unit or same_unit(a[1], b[1])):
                hits += 1
                pool.pop(j)
                break
    return hits


def unmatched(pred_q: list[dict], gold_q: list[dict]) -> tuple[list[dict], list[dict]]:
    """The predicted and gold quantities left over by the value+unit matching: false positives and misses."""
    pool = list(gold_q)
    extra = []
    for a in pred_q:
        va, ua = _num(a.get("value")), norm_unit(a.get("unit"))
        for j, b in enumerate(pool):
            vb, ub = _num(b.get("value")), norm_unit(b.get("normalized_unit") or b.get("unit"))
            if va is not None and vb is not None and abs(va - vb) <= 1e-6 * max(1, abs(vb)) and same_unit(ua, ub):
                pool.pop(j)
                break
        else:
            extra.append(a)
    return extra, pool


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def score(pairs: list[tuple[list[dict], list[dict]]]) -> dict[str, float]:
    """Value and value+unit P/R/F1 over (predicted, gold) quantity lists per sentence."""
    tv = fv = nv = tu = fu = nu = 0
    for pred_q, gold_q in pairs:
        p = [(_num(q.get("value")), norm_unit(q.get("unit"))) for q in pred_q]
        g = [(_num(q.get("value")), norm_unit(q.get("normalized_unit") or q.get("unit"))) for q in gold_q]
        h = _match(p, g, False)
        tv, fv, nv = tv + h, fv + len(p) - h, nv + len(g) - h
        h = _match(p, g, True)
        tu, fu, nu = tu + h, fu + len(p) - h, nu + len(g) - h
    v, u = _prf(tv, fv, nv), _prf(tu, fu, nu)
    return {"value_f1": v["f1"], "value_precision": v["precision"], "value_recall": v["recall"],
            "value_unit_f1": u["f1"], "value_unit_precision": u["precision"], "value_unit_recall": u["recall"]}
