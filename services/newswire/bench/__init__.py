"""`newswire bench`: throughput, latency, scaling and memory of the pipeline (a command, not a test).

Sections (all by default, or pick with --only): `stages` (each stage in one process, direct
and behind its boundary, trafilatura alongside), `profile` (where the time goes), `e2e`
(four workers on the Tansu broker at fixed rates and flat out), `scaling` (one against two
processes of a CPU-bound stage), `memory` (worker RSS over --duration seconds), `growth` (the
stories stage's cost and event size as one story grows). Prints a table and writes
bench-results/<timestamp>.json.
"""

from __future__ import annotations

import argparse
import functools
import platform
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

SECTIONS = ("stages", "profile", "e2e", "scaling", "memory", "growth")


def build_parser() -> argparse.ArgumentParser:
    """The options of `newswire bench`."""
    p = argparse.ArgumentParser(prog="newswire bench", description=__doc__.splitlines()[0])
    p.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated sections of {','.join(SECTIONS)}")
    p.add_argument("--duration", type=float, default=600.0, help="seconds of the memory run (10 minutes)")
    p.add_argument("--seconds", type=float, default=20.0, help="seconds of each end-to-end and scaling run")
    p.add_argument("--rates", default="50,200", help="fixed input rates in articles/s (flat out is always run)")
    p.add_argument("--memory-rate", type=float, default=50.0, help="input rate of the memory run, articles/s")
    p.add_argument("--text-articles", type=int, default=1004, help="text articles for the per-stage section")
    p.add_argument("--html-articles", type=int, default=182, help="HTML pages for the per-stage section")
    p.add_argument("--kinds", default="text,html", help="input kinds: text, html")
    p.add_argument("--growth-articles", type=int, default=4000, help="articles of the growth section's story")
    p.add_argument("--out", type=Path, default=None, help="results directory (default bench-results/)")
    p.add_argument("--quick", action="store_true", help="a dry run: small corpora, short runs")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the chosen sections, print the tables, write the JSON; 0 even when targets are missed."""
    args = build_parser().parse_args(list(argv or []))
    sections = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(sections) - set(SECTIONS)
    if unknown:
        print(f"newswire bench: unknown sections {sorted(unknown)}", file=sys.stderr)
        return 2
    if args.quick:
        args.text_articles, args.html_articles = min(args.text_articles, 200), min(args.html_articles, 30)
        args.seconds, args.duration = min(args.seconds, 8.0), min(args.duration, 20.0)
        args.growth_articles = min(args.growth_articles, 500)
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip() in ("text", "html")]

    from newswire.bench import corpus, report
    from newswire.core.settings import load_settings

    settings = load_settings()
    sources = corpus.load_sources()
    results: dict[str, Any] = {
        "started_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": machine(),
        "corpus": {k: len(v) for k, v in sources.items()},
        "options": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
    }
    sizes = {"text": args.text_articles, "html": args.html_articles}
    base = corpus.run_base()
    local = {k: list(corpus.replicate(sources[k], sizes[k], k, base=base)) for k in kinds}
    if "stages" in sections:
        from newswire.bench import stages

        results["stages"] = stages.run(local, settings, log)
    if "profile" in sections:
        results["profile"] = run_profiles(local, settings)
    if "growth" in sections:
        from newswire.bench import growth

        results["growth"] = growth.run(settings, sources, args.growth_articles, log)
    if {"e2e", "scaling", "memory"} & set(sections):
        from newswire.bench import e2e

        results.update(e2e.run(settings, sources, sections, kinds, args, log))
    results["targets"] = targets(results)
    results["finished_at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    print(report.render(results))
    path = report.write_json(results, args.out or report.RESULTS_DIR)
    print(f"\nresults: {path}")
    return 0


def run_profiles(corpora: dict[str, list[dict[str, Any]]], settings: Any) -> dict[str, Any]:
    """Profile every stage behind its boundary on each input kind (a slice of the corpus)."""
    from newswire.bench import profile, stages

    out: dict[str, Any] = {}
    for kind, articles in corpora.items():
        sample = articles[: 300 if kind == "text" else 60]
        log(f"profile: {kind} ({len(sample)} articles)")
        stages.through_boundary(sample[:3], settings)  # imports and schema caches out of the profile
        ranked = profile.profile_call(functools.partial(stages.through_boundary, sample, settings))
        out[f"{kind} (self)"] = ranked["self"]
        out[f"{kind} (project, with the libraries it calls)"] = ranked["project"]
    return out


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """The issue's targets, checked against what was measured (absent sections are skipped)."""
    out: list[dict[str, Any]] = []

    def add(name: str, measured: float | None, wanted: str, met: bool | None) -> None:
        out.append({"name": name, "measured": measured, "target": wanted, "met": met})

    runs = results.get("e2e", {}).get("runs", [])
    for kind, floor in (("text", 500.0), ("html", 150.0)):
        flat = [r for r in runs if r["kind"] == kind and r["label"] == "flat out"]
        if flat:
            rate = flat[0].get("sustained_per_second")
            add(f"{kind} end to end, articles/s", rate, f">= {floor:g}", None if rate is None else rate >= floor)
    for r in runs:
        if r["label"] == "50/s":
            p99 = r.get("latency", {}).get("enriched", {}).get("p99_ms")
            add(f"{r['kind']} p99 ingest->enriched at 50/s, ms", p99, "<= 200", None if p99 is None else p99 <= 200)
    for r in results.get("scaling", {}).get("speedups", []):
        sp = r.get("speedup")
        add(f"{r['kind']} {r['stage']} 2 processes / 1", sp, ">= 1.7", None if sp is None else sp >= 1.7)
    # the stories stage cannot scale out (one partition, one index): its worker's drain rate is #5's speed
    drains: dict[str, list[float]] = {}
    for r in results.get("scaling", {}).get("runs", []):
        if r.get("stage") == "stories" and r.get("processes") == 1 and r.get("per_second"):
            drains.setdefault(r["kind"], []).append(r["per_second"])
    for kind, rates in drains.items():
        rate = round(sum(rates) / len(rates), 1)
        add(f"{kind} stories worker, one partition, articles/s", rate, ">= 2000", rate >= 2000)
    for worker, m in results.get("memory", {}).get("workers", {}).items():
        add(f"memory flat: {worker}, MB/min", m.get("slope_mb_per_min"), "flat", m.get("flat"))
    return out


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    import os

    import psutil

    from newswire import native

    return {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform(),
            "load_average": [round(x, 2) for x in os.getloadavg()],
            "memory_mb": round(psutil.virtual_memory().total / 2**20), "native": native.summary()}


def log(message: str) -> None:
    """Progress on stderr, so the table on stdout stays clean."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)
