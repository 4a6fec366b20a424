"""The benchmark's outputs: a plain-text table for people and a JSON file for tracking over time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import orjson

from newswire.core.settings import PROJECT_ROOT

RESULTS_DIR = PROJECT_ROOT / "bench-results"
CPU_COLUMNS = ("cleaner", "extractor", "stories", "alerter", "broker", "driver")


def write_json(results: dict[str, Any], directory: Path = RESULTS_DIR, now: dt.datetime | None = None) -> Path:
    """Write results to `<directory>/<UTC timestamp>.json` and return the path."""
    now = now or dt.datetime.now(dt.UTC)
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{now.strftime('%Y%m%dT%H%M%SZ')}.json"
    path.write_bytes(orjson.dumps(results, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS))
    return path


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A left-aligned text table; numbers right-aligned, None shown as '-'."""
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    numeric = [all(_is_number(row[i]) or row[i] is None for row in rows) and bool(rows) for i in range(len(headers))]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v.rjust(w) if num else v.ljust(w)
                         for v, w, num in zip(values, widths, numeric, strict=True)).rstrip()

    return "\n".join([line(list(headers)), line(["-" * w for w in widths])] + [line(r) for r in cells])


def render(results: dict[str, Any]) -> str:
    """Every section present in `results` as tables, with the targets checked where they apply."""
    parts: list[str] = []
    for name in ("e2e", "scaling", "memory"):
        if isinstance(results.get(name), dict) and results[name].get("error"):
            parts.append(f"Section {name} failed: {results[name]['error']}")
    if "stages" in results:
        parts.append(_stages(results["stages"]))
    if "e2e" in results:
        parts.append(_e2e(results["e2e"]))
    if "scaling" in results:
        parts.append(_scaling(results["scaling"]))
    if "memory" in results:
        parts.append(_memory(results["memory"]))
    if "growth" in results:
        parts.append(_growth(results["growth"]))
    if "profile" in results:
        parts.append(_profile(results["profile"]))
    for r in results.get("scaling", {}).get("runs", []):
        if r.get("worker_profile"):
            parts.append(_profile({f"{r['kind']} {r['stage']} worker under load, py-spy ({view})": entries
                                   for view, entries in r["worker_profile"].items()}))
    if "targets" in results:
        rows = [(t["name"], t["measured"], t["target"], _verdict(t["met"])) for t in results["targets"]]
        parts.append("Targets\n" + table(["target", "measured", "wanted", "met"], rows))
    return "\n\n".join(parts)


def _stages(stages: dict[str, Any]) -> str:
    rows = []
    for kind, data in stages.items():
        for stage in ("cleaner", "extractor", "stories", "alerter"):
            d, b = data["direct"].get(stage, {}), data["boundary"].get(stage, {})
            rows.append((kind, stage, d.get("per_cpu_second"), b.get("per_cpu_second"), b.get("per_second"),
                         d.get("error") or b.get("error") or ""))
        if "trafilatura" in data:
            t = data["trafilatura"]
            rows.append((kind, "trafilatura.extract", t.get("per_cpu_second"), None, t.get("per_second"), "reference"))
    notes = [f"{kind}: {b['cpu_ms_per_article']} CPU ms per article behind the boundaries -> at most "
             f"{b['ceiling_all_cores_per_second']:g} articles/s on {b['cores']} cores; slowest stage "
             f"{b['slowest_stage']} at {b['slowest_stage_per_second']:g}/s per process"
             for kind, data in stages.items() if (b := data.get("budget", {})).get("complete")]
    return ("Per-stage throughput, one process (articles per CPU second = per core)\n"
            + table(["input", "stage", "direct/cpu-s", "boundary/cpu-s", "boundary/s", "note"], rows)
            + "".join("\n" + n for n in notes))


def _e2e(e2e: dict[str, Any]) -> str:
    rows = []
    for run in e2e.get("runs", []):
        lat = run.get("latency", {})
        enr, alr = lat.get("enriched", {}), lat.get("alerts", {})
        rows.append((run["kind"], run["label"], run.get("offered_per_second"), run.get("sustained_per_second"),
                     run.get("enriched"), enr.get("p50_ms"), enr.get("p99_ms"), alr.get("count"), alr.get("p50_ms"),
                     alr.get("p99_ms"), "saturated" if run.get("saturated") else (run.get("error") or "")))
    hops = [(run["kind"], run["label"]) + tuple(
        f"{_cell(lat.get('p50_ms'))} / {_cell(lat.get('p99_ms'))}"
        for lat in (run.get("latency", {}).get(h, {}) for h in ("clean", "extracted", "enriched", "alerts")))
        for run in e2e.get("runs", [])]
    cpu_rows = []
    for run in e2e.get("runs", []):
        by = run.get("cpu_ms_per_article") or {}
        if not by:
            continue
        cpu_rows.append((run["kind"], run["label"], *(by.get(n) for n in CPU_COLUMNS),
                         run.get("pipeline_cpu_ms_per_article"), run.get("cpu_ceiling_per_second")))
    peaks = ", ".join(f"{w} {v:g}" for w, v in e2e.get("peak_rss_mb", {}).items() if v is not None)
    cpu = ", ".join(f"{w} {v:g}" for w, v in e2e.get("worker_cpu_ms_per_article", {}).items())
    return ("End to end through the broker (four workers), latency from `ingested_at`\n"
            + table(["input", "rate", "offered/s", "sustained/s", "enriched", "enr p50 ms", "enr p99 ms",
                     "alerts", "alert p50 ms", "alert p99 ms", "note"], rows)
            + "\n\nLatency after each stage, p50 / p99 ms\n"
            + table(["input", "rate", "cleaner", "extractor", "stories (enriched)", "alerter"], hops)
            + ("\n\nCPU ms per article by phase (ceiling: articles/s the pipeline's CPU allows on this "
               "machine's cores, the driver left out)\n"
               + table(["input", "rate", *CPU_COLUMNS, "pipeline", "ceiling/s"], cpu_rows) if cpu_rows else "")
            + (f"\nPeak RSS per worker, MB: {peaks}" if peaks else "")
            + (f"\nCPU ms per article, workers and broker (all phases): {cpu}" if cpu else ""))


def _scaling(scaling: dict[str, Any]) -> str:
    rows = [(r["kind"], r["stage"], r["processes"], r.get("per_second"), r.get("per_worker_cpu_second"),
             r.get("in_process_per_second"), r.get("outputs"), r.get("outputs_before_ready"), r.get("error") or "")
            for r in scaling.get("runs", [])]
    runs = "One against two processes per CPU-bound stage (input loaded first; timed once all hold partitions)\n" + \
        table(["input", "stage", "processes", "articles/s", "per worker cpu-s", "in-process/cpu-s", "timed",
               "before ready", "note"], rows)
    ratios = [(r["kind"], r["stage"], r["one_per_second"], r["two_per_second"], r["speedup"], r["runs"])
              for r in scaling.get("speedups", [])]
    return runs + "\n\nSpeedup (mean rates of the runs above)\n" + table(
        ["input", "stage", "1 process/s", "2 processes/s", "speedup", "runs"], ratios)


def _memory(memory: dict[str, Any]) -> str:
    rows = [(w, m.get("peak_mb"), m.get("start_mb"), m.get("end_mb"), m.get("slope_mb_per_min"),
             _verdict(m.get("flat"))) for w, m in memory.get("workers", {}).items()]
    if not memory.get("workers"):
        return "Worker memory: no data"
    run = memory.get("run", {})
    note = (f"\n{run.get('sent')} articles sent ({run.get('offered_per_second')}/s offered, "
            f"{run.get('sustained_per_second')}/s sustained, {run.get('dead_letters')} dead letters"
            f"{', held back when saturated' if run.get('saturated') else ''}); slope over the second half")
    p50 = [v for v in memory.get("enriched_p50_ms_by_minute") or [] if v is not None]
    if len(p50) >= 2:
        note += (f"\np50 ingest -> enriched, first / last minute: {p50[0]:g} / {p50[-1]:g} ms (workers hold "
                 "the input they fetched: a rising latency raises their RSS)")
    if memory.get("broker_rss_mb") is not None:
        note += f"\nbroker RSS at the end: {memory['broker_rss_mb']:g} MB"
    return (f"Worker memory (RSS, MB) over {memory.get('duration_seconds')} s at "
            f"{memory.get('offered_per_second')} articles/s\n"
            + table(["worker", "peak", "start", "end", "MB/min", "flat"], rows) + note)


def _growth(growth: dict[str, Any]) -> str:
    rows = [(r["articles"], r["cpu_ms_per_article"], r["event_kb_mean"], r["event_kb_max"], r["dead_letters"])
            for r in growth["rows"]]
    return (f"One story growing to {growth['articles']} articles ({growth.get('articles_held', '?')} articles in "
            f"{growth['stories_held']} stories held at the end): "
            "the stories stage, each row the latest step\n"
            + table(["articles", "CPU ms/article", "story event KB", "largest KB", "dead letters"], rows))


def _profile(profile: dict[str, Any]) -> str:
    parts = []
    for name, entries in profile.items():
        rows = [(e["function"], e["module"], e["self_seconds"], e["self_share"]) for e in entries[:12]]
        parts.append(f"Profile {name}: top functions by own time\n"
                     + table(["function", "where", "self s", "share"], rows))
    return "\n\n".join(parts)


def _verdict(met: bool | None) -> str:
    return "-" if met is None else ("yes" if met else "NO")


def _is_number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def _cell(v: Any) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:,.1f}" if abs(v) >= 10 else f"{v:.2f}"
    return str(v)
