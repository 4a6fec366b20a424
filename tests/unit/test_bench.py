"""The benchmark harness's pure parts: corpus building, statistics, profiles, report, targets."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import orjson
import pytest

from newswire.bench import corpus, targets
from newswire.bench.drive import Phase, age_seconds
from newswire.bench.e2e import Articles
from newswire.bench.profile import rank_collapsed
from newswire.bench.report import render, table, write_json
from newswire.bench.stats import latency_summary, memory_trend, p50_by_minute, percentile, slope_per_minute, steady_rate
from newswire.core.codec import parse_time

SOURCES = [corpus.Source("a", "src-a", "Title A", "Alpha body.", False),
           corpus.Source("b", "src-b", None, "Beta body.", False)]


def test_replicate_gives_distinct_urls_and_epochs_beyond_the_stories_window() -> None:
    arts = list(corpus.replicate(SOURCES, 5, "text"))
    assert len({a["url"] for a in arts}) == 5
    assert [a["text"] for a in arts] == ["Alpha body.", "Beta body."] * 2 + ["Alpha body."]
    first, copy = parse_time(arts[0]["published_at"]), parse_time(arts[2]["published_at"])
    assert copy - first == dt.timedelta(days=corpus.EPOCH_DAYS) > dt.timedelta(days=7)
    assert "title" not in arts[1]  # None fields are left out, as the raw schema allows


def test_the_per_stage_corpus_turns_the_stories_window_over_as_the_workers_see_it() -> None:
    """Two epochs of 120 distinct articles: the first epoch leaves the window as the second comes, as
    in a worker (the stage expires every few articles), so no copy meets its original (the window holds
    about 7 of the 8 days of an epoch). Before, the run held every article and found 120 copies."""
    from newswire.bench.stages import direct
    from newswire.core.settings import Settings

    words = "harbour strike talks ministry vote flood rescue budget court ruling river police".split()
    sources = [corpus.Source(f"s{i}", f"src-{i}", f"Title {i}",
                             " ".join(f"{w}{i}x{j}" for j, w in enumerate(words * 3)) + ".", False)
               for i in range(120)]
    rates = direct(list(corpus.replicate(sources, 240, "text", base=corpus.run_base())), Settings())
    assert rates["stories"].items == 240
    assert rates["stories"].extra["copies"] == 0
    assert 100 <= rates["stories"].extra["held"] < 130  # 7 of the 8 days of an epoch, plus a step


def test_replicate_continues_from_start_without_reusing_urls() -> None:
    a = list(corpus.replicate(SOURCES, 3, "text"))
    b = list(corpus.replicate(SOURCES, 3, "text", start=3))
    assert not {x["url"] for x in a} & {x["url"] for x in b}
    with pytest.raises(ValueError):
        list(corpus.replicate([], 1, "text"))


def test_load_sources_reads_every_corpus(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "000_x.txt").write_text("Seed text.")
    (tmp_path / "ecbplus-dev").mkdir()
    (tmp_path / "ecbplus-dev" / "stories.jsonl").write_bytes(
        orjson.dumps({"doc_id": "1", "topic": 2, "title": "T", "text": "", "full_text": "Full."}) + b"\n"
        + orjson.dumps({"doc_id": "2", "topic": 2, "text": "  "}) + b"\n")
    samples = tmp_path / "samples"
    samples.mkdir()
    (samples / "p.html").write_text("<html><body><p>Page</p></body></html>")
    got = corpus.load_sources(tmp_path, samples)
    assert [s.body for s in got["text"]] == ["Full.", "Seed text."]
    assert [s.is_html for s in got["html"]] == [True]


def test_mixed_stream_interleaves_html() -> None:
    arts = Articles({"text": SOURCES, "html": [corpus.Source("h", "h", None, "<p>x</p>", True)]})
    mixed = list(itertools.islice(arts.stream("mixed"), 10))
    assert sum("html" in a for a in mixed) == 2
    assert len({a["url"] for a in mixed}) == 10


def test_percentile_and_latency_summary() -> None:
    assert percentile([], 50) is None
    assert percentile([1.0, 2.0, 3.0, 4.0], 50) == 2.5
    assert percentile([5.0], 99) == 5.0
    with pytest.raises(ValueError):
        percentile([1.0], 101)
    s = latency_summary([0.010, 0.020, 0.030, 1.0])
    assert s["count"] == 4 and s["p50_ms"] == 25.0 and s["max_ms"] == 1000.0


def test_steady_rate_ignores_start_and_tail() -> None:
    times = [0.0] * 5 + [10.0 + i * 0.01 for i in range(100)] + [60.0] * 5
    rate = steady_rate(times)
    assert rate is not None and 95 < rate < 105
    assert steady_rate([1.0, 2.0]) is None


def test_memory_trend_flat_and_growing() -> None:
    flat = [(float(t), 200.0 + (t % 3)) for t in range(600)]
    growing = [(float(t), 200.0 + t * 0.5) for t in range(600)]
    assert memory_trend(flat)["flat"] is True
    g = memory_trend(growing)
    assert g["flat"] is False and g["slope_mb_per_min"] == pytest.approx(30.0)
    assert slope_per_minute([(0.0, 1.0)]) is None
    assert memory_trend([])["peak_mb"] is None


def test_p50_by_minute_groups_latencies_by_arrival_minute() -> None:
    arrivals = [100.0, 110.0, 159.0, 170.0, 290.0]
    latencies = [0.1, 0.3, 0.2, 2.0, 4.0]
    assert p50_by_minute(arrivals, latencies) == [200.0, 2000.0, None, 4000.0]
    assert p50_by_minute([], []) == []


def test_render_memory_shows_latency_trend_and_broker() -> None:
    memory = {"duration_seconds": 600, "offered_per_second": 50, "run": {"sent": 10},
              "enriched_p50_ms_by_minute": [80.0, None, 2500.0], "broker_rss_mb": 3000.0,
              "workers": {"stories": {"peak_mb": 180, "start_mb": 170, "end_mb": 176, "slope_mb_per_min": 0.6,
                                      "flat": True}}}
    text = render({"memory": memory, "targets": []})
    assert "first / last minute: 80 / 2500 ms" in text and "broker RSS at the end: 3000 MB" in text


def test_rank_collapsed_charges_library_time_to_the_project_caller() -> None:
    text = ("run (newswire/core/worker.py:10);handle (newswire/core/boundary.py:90);"
            "validate (jsonschema/validators.py:400) 30\n"
            "run (newswire/core/worker.py:10);select (selectors.py:5) 10\n")
    ranked = rank_collapsed(text, 0.01)
    assert ranked["self"][0] == {"function": "validate", "module": "jsonschema/validators.py",
                                 "self_seconds": 0.3, "self_share": 0.75}
    project = {e["function"]: e["self_seconds"] for e in ranked["project"]}
    assert project == {"handle": 0.3, "run": 0.1}


def test_age_seconds_reads_the_ingested_header() -> None:
    now = parse_time("2026-01-01T00:00:01.250Z").timestamp()
    assert age_seconds([("ingested_at", b"2026-01-01T00:00:01.000Z")], now) == pytest.approx(0.25)
    assert age_seconds([("trace_id", b"x")], now) is None
    assert age_seconds([("ingested_at", b"not a time")], now) is None


def test_phase_summary_counts_missing_and_latency() -> None:
    p = Phase("text", "50/s", 50.0, 1.0, iter(()))
    p.sent, p.produce_seconds = 4, 2.0
    p.enriched_latency = [0.01, 0.02, 0.03]
    s = p.summary()
    assert s["offered_per_second"] == 2.0 and s["missing"] == 1 and s["latency"]["enriched"]["count"] == 3


def test_targets_checked_against_measurements() -> None:
    results = {
        "e2e": {"runs": [
            {"kind": "text", "label": "flat out", "sustained_per_second": 620.0, "latency": {}},
            {"kind": "html", "label": "flat out", "sustained_per_second": 90.0, "latency": {}},
            {"kind": "text", "label": "50/s", "latency": {"enriched": {"p99_ms": 250.0}}},
        ]},
        "scaling": {"runs": [{"kind": "text", "stage": "stories", "processes": 1, "per_second": 830.0},
                             {"kind": "text", "stage": "cleaner", "processes": 1, "per_second": 4400.0},
                             {"kind": "html", "stage": "stories", "processes": 1, "per_second": None}],
                    "speedups": [{"kind": "text", "stage": "cleaner", "speedup": 1.8}]},
        "memory": {"workers": {"stories": {"slope_mb_per_min": 0.1, "flat": True}}},
    }
    checked = {t["name"]: (t["measured"], t["met"]) for t in targets(results)}
    assert checked == {"text end to end, articles/s": (620.0, True), "html end to end, articles/s": (90.0, False),
                       "text p99 ingest->enriched at 50/s, ms": (250.0, False),
                       "text cleaner 2 processes / 1": (1.8, True),
                       "text stories worker, one partition, articles/s": (830.0, False),  # a run without a rate: none
                       "memory flat: stories, MB/min": (0.1, True)}


def test_table_and_render() -> None:
    out = table(["name", "rate"], [("a", 1234.5), ("bb", None)])
    lines = out.splitlines()
    assert lines[0].startswith("name") and "1,234.5" in lines[2] and lines[3].endswith("-")
    text = render({"e2e": {"error": "RuntimeError: boom", "runs": []}, "targets": []})
    assert "Section e2e failed: RuntimeError: boom" in text


def test_write_json_names_the_file_by_time(tmp_path: Path) -> None:
    path = write_json({"x": 1}, tmp_path, dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC))
    assert path.name == "20260102T030405Z.json" and orjson.loads(path.read_bytes()) == {"x": 1}


def test_cpu_budget_sums_stage_costs() -> None:
    from newswire.bench.stages import cpu_budget

    b = cpu_budget({"cleaner": {"per_cpu_second": 1000.0}, "extractor": {"per_cpu_second": 250.0},
                    "stories": {"per_cpu_second": 200.0}, "alerter": {"per_cpu_second": 1000.0}}, cores=2)
    assert b["cpu_ms_per_article"] == 11.0 and b["ceiling_all_cores_per_second"] == pytest.approx(181.8)
    assert b["slowest_stage"] == "stories"
    assert cpu_budget({"cleaner": {"per_cpu_second": None}})["complete"] is False


def test_cpu_ceiling_leaves_the_driver_out() -> None:
    from newswire.bench.e2e import cpu_ceiling

    c = cpu_ceiling({"cleaner": 0.5, "extractor": 2.0, "stories": 1.0, "alerter": 0.5, "broker": 1.0, "driver": 3.0},
                    cores=2)
    assert c == {"pipeline_cpu_ms_per_article": 5.0, "cpu_ceiling_per_second": 400}
    assert cpu_ceiling({}) == {}


def test_render_shows_cpu_per_article_by_phase() -> None:
    run = {"kind": "text", "label": "flat out", "latency": {}, "cpu_ms_per_article": {"extractor": 2.0, "broker": 1.5},
           "pipeline_cpu_ms_per_article": 3.5, "cpu_ceiling_per_second": 571}
    text = render({"e2e": {"runs": [run]}, "targets": []})
    assert "CPU ms per article by phase" in text
    row = next(line for line in text.splitlines() if line.startswith("text") and "571" in line)
    assert "3.5" in row and "1.5" in row


def test_scaling_runs_mirror_each_round() -> None:
    """1, 2, 2, 1: drift over the section weighs on one and two processes alike."""
    from newswire.bench.scaling import run_order

    assert run_order((1, 2), 2) == [1, 2, 2, 1]
    assert run_order((1, 2), 3) == [1, 2, 2, 1, 1, 2]
    assert run_order((1,), 2) == [1, 1]


def test_growth_articles_are_one_story_of_real_paragraphs_the_same_each_run() -> None:
    from newswire.bench import growth

    seeds = [s for s in corpus.load_sources()["text"] if s.origin.startswith("seeds:")]
    made = growth.story_articles(seeds, 30)
    assert made == growth.story_articles(seeds, 30)
    assert len({a["url"] for a in made}) == 30
    assert len({a["text"] for a in made}) == 30
    paragraphs = {line.strip() for s in seeds for line in s.body.splitlines()}
    assert all(p in paragraphs for a in made for p in a["text"].split("\n\n"))
    with pytest.raises(ValueError):
        growth.story_articles([], 1)


def test_growth_section_times_each_step_and_reports_event_sizes() -> None:
    from newswire.bench import growth
    from newswire.core.settings import Settings

    result = growth.run(Settings(), corpus.load_sources(), 260, lambda _: None)
    rows = result["rows"]
    assert [r["articles"] for r in rows] == [250, 260]
    assert all(r["dead_letters"] == 0 and r["cpu_ms_per_article"] > 0 for r in rows)
    assert 0 < rows[-1]["event_kb_mean"] <= rows[-1]["event_kb_max"]
    assert result["stories_held"] >= 1
    assert "One story growing to 260 articles" in render({"growth": result})


def test_a_new_stream_goes_on_from_the_last_article_the_one_before_gave() -> None:
    """Each phase of the e2e section takes a new stream: it began at the next block of 1,000, days ahead of the
    articles just sent, which the stories stage rightly took for wrong dates."""
    import itertools

    from newswire.bench.e2e import Articles

    articles = Articles({"text": SOURCES, "html": SOURCES})
    first = list(itertools.islice(articles.stream("text"), 5))
    second = list(itertools.islice(articles.stream("text"), 3))
    dates = [a["published_at"] for a in first + second]
    assert dates == sorted(dates) and len({a["url"] for a in first + second}) == 8
    again = list(itertools.islice(Articles({"text": SOURCES, "html": SOURCES}).stream("text"), 8))
    assert [a["url"] for a in again] == [a["url"] for a in first + second]
