"""The `newswire` command line: broker, topics, worker, ingest, process, tail, run, replay, diff, eval, bench, train."""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import orjson

from newswire.core import schemas
from newswire.core.errors import ConfigError
from newswire.core.settings import STAGES, Settings, load_settings
from newswire.ingestion import ingest_paths


def cmd_broker(args: argparse.Namespace, settings: Settings) -> int:
    """Run the local Tansu broker in the foreground and print its address."""
    from newswire.core.broker import LocalBroker

    with LocalBroker(port=args.port) as broker:
        print(f"NEWSWIRE_KAFKA_BOOTSTRAP={broker.bootstrap}", flush=True)
        stop = False

        def on_signal(signum: int, frame: object) -> None:
            nonlocal stop
            stop = True

        signal.signal(signal.SIGTERM, on_signal)
        signal.signal(signal.SIGHUP, on_signal)  # a closed terminal: Tansu runs in its own session and stayed up
        try:
            while not stop and broker.process is not None and broker.process.poll() is None:
                time.sleep(0.5)
        except KeyboardInterrupt:
            pass
    return 0


def cmd_topics(args: argparse.Namespace, settings: Settings) -> int:
    """Create or list topics."""
    from newswire.core import admin

    if args.action == "create":
        states = asyncio.run(admin.create_topics(settings))
        held, wanted = asyncio.run(admin.list_topics(settings)), admin.wanted_topics(settings)
        for name, state in sorted(states.items()):
            if state == "exists" and held.get(name, wanted[name]) != wanted[name]:  # not what this config expects
                state += f" (with {held[name]} partitions, not the {wanted[name]} configured)"
            print(f"{state:8} {name}")
    else:
        for name, parts in asyncio.run(admin.list_topics(settings)).items():
            print(f"{parts:3} {name}")
    return 0


def cmd_worker(args: argparse.Namespace, settings: Settings) -> int:
    """Run one stage's Faust worker until stopped."""
    import importlib

    if args.group_suffix:
        suffix = args.group_suffix if args.group_suffix.startswith("-") else f"-{args.group_suffix}"
        settings = settings.with_(group_suffix=suffix)
    if args.from_:
        from newswire.core import admin
        from newswire.core.topics import consumer_group
        from newswire.replay import Position

        if not args.group_suffix:
            raise ConfigError("--from needs --group-suffix: it positions a fresh consumer group")
        pos = Position.parse(args.from_)
        asyncio.run(admin.create_topics(settings))
        asyncio.run(admin.seek_group(settings, consumer_group(settings, args.stage),
                                     _input_topic(args.stage, settings), pos.time_ms, pos.offset,
                                     latest=pos.edge == "latest"))
    module = importlib.import_module(f"newswire.{args.stage}.app")
    module.create_worker(settings).run()
    return 0


def _input_topic(stage: str, settings: Settings) -> str:
    from newswire.core.topics import Topics

    t = Topics.for_prefix(settings.topic_prefix)
    return {"cleaner": t.raw, "extractor": t.clean, "stories": t.extracted, "alerter": t.stories}[stage]


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    """Send raw articles to the raw topic."""
    sent, _, invalid = ingest_paths(settings, args.paths)
    print(f"ingested {sent} articles, {invalid} invalid (dead-lettered)")
    return 0 if sent or not invalid else 1


def cmd_process(args: argparse.Namespace, settings: Settings) -> int:
    """Run every stage in this process, without a broker, and write enriched articles."""
    from newswire.pipeline import Pipeline
    from newswire.report import render
    from newswire.sources import read_paths

    for target in (args.out, args.alerts):  # before any work: not a traceback once the articles are processed
        if target and target != "-" and not Path(target).resolve().parent.is_dir():
            raise ConfigError(f"cannot write {target}: its directory does not exist")
    pipeline = Pipeline(settings)
    started = time.perf_counter()
    out = open(args.out, "wb") if args.out and args.out != "-" else sys.stdout.buffer
    alerts_out = open(args.alerts, "wb") if args.alerts else None
    total: dict[str, list[dict[str, Any]]] = {"enriched": [], "alerts": [], "dead": []}
    count = failed = 0
    try:
        for item in read_paths(args.paths):
            if item.article is None:
                failed += 1
                print(f"invalid input {item.origin}: {item.error}", file=sys.stderr)
                continue
            result = pipeline.process(item.article)
            for event in result.enriched:
                out.write(orjson.dumps(event) + b"\n")
                count += 1
            for alert in result.alerts:
                if alerts_out:
                    alerts_out.write(orjson.dumps(alert) + b"\n")
            for dead in result.dead_letters:
                failed += 1
                p = dead["payload"]
                print(f"invalid input {item.origin}: {p['stage']}: {p['reason']}: {p['error']}", file=sys.stderr)
            if args.report:
                total["enriched"] += result.enriched
                total["alerts"] += result.alerts
                total["dead"] += result.dead_letters
    finally:
        if out is not sys.stdout.buffer:
            out.close()
        if alerts_out:
            alerts_out.close()
    elapsed = time.perf_counter() - started
    if args.report:
        print(render(total["enriched"], total["alerts"], total["dead"]), file=sys.stderr)
    print(f"processed {count} articles ({failed} failed) in {elapsed:.2f} s", file=sys.stderr)
    return 0 if count or not failed else 1


def cmd_tail(args: argparse.Namespace, settings: Settings) -> int:
    """Print a topic's events as JSON lines."""
    from newswire.core.topics import Topics
    from newswire.kafkaio import read_topic

    topics = Topics.for_prefix(settings.topic_prefix)
    name = topics.named(args.topic)

    async def go() -> int:
        n = 0
        idle = 0.0 if args.follow else args.idle
        async for record in read_topic(settings, name, idle_seconds=idle, from_beginning=not args.latest):
            sys.stdout.write(record.value.decode("utf-8", "replace") + "\n")
            sys.stdout.flush()
            n += 1
            if args.max and n >= args.max:
                break
        return n

    try:
        asyncio.run(go())
    except KeyboardInterrupt:
        pass
    return 0


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    """The main job on the embedded default."""
    from newswire.runner import run

    return run(settings, args.paths, follow=args.follow, timeout=args.timeout)


def cmd_replay(args: argparse.Namespace, settings: Settings) -> int:
    """Re-publish a range of a topic marked as replay (or re-drive dead letters)."""
    from newswire.core.topics import Topics
    from newswire.replay import Checkpoint, Position, default_checkpoint, print_progress, replay

    topics = Topics.for_prefix(settings.topic_prefix)
    topic = topics.named(args.topic)
    into = topics.named(args.into) if args.into else None
    start = Position.parse(args.from_)
    stop = Position.parse(args.to) if args.to else None
    for a, b in ((start.offset, stop.offset if stop else None), (start.time_ms, stop.time_ms if stop else None)):
        if a is not None and b is not None and a > b:
            raise ConfigError(f"--from {args.from_} is after --to {args.to}: nothing to replay")
    if (args.reason or args.stage) and topic != topics.deadletter:
        raise ConfigError("--reason and --stage select dead letters: they need --topic deadletter")
    try:
        parts = [int(p) for p in args.partitions.split(",")] if args.partitions else None
    except ValueError:
        raise ConfigError(f"--partitions {args.partitions!r}: expected partition numbers, e.g. 0,2") from None
    filters = f"{args.partitions}|{args.reason}|{args.stage}"
    path = Path(args.checkpoint) if args.checkpoint else default_checkpoint(
        topic, into or "", args.from_, args.to or "", filters, settings.kafka_bootstrap)
    if args.restart and path.exists():
        path.unlink()
    counts = asyncio.run(replay(settings, topic, start, stop, into=into, partitions=parts,
                                reason=args.reason, stage=args.stage, checkpoint=Checkpoint(path),
                                as_live=args.as_live,
                                progress=None if args.quiet else print_progress()))
    print(f"\nreplayed {counts['sent']} events from {topic} ({counts['skipped']} filtered out, "
          f"{counts['resumed']} already sent by an earlier run); checkpoint {path}")
    return 0


def cmd_diff(args: argparse.Namespace, settings: Settings) -> int:
    """Report what changed between two versions: two `process` outputs or two topic prefixes."""
    from newswire.core.topics import Topics
    from newswire.diffing import diff, render

    def load(path: str, schema: str = schemas.ENRICHED) -> list[dict[str, Any]]:
        """A JSON-lines file of events of one schema; ConfigError naming the file and line otherwise."""
        try:
            with open(path, "rb") as f:
                lines = [(n, line) for n, line in enumerate(f, 1) if line.strip()]
        except OSError as exc:
            raise ConfigError(f"cannot read {path}: {exc.strerror or exc}") from None
        events = []
        for n, line in lines:
            try:
                event = orjson.loads(line)
            except orjson.JSONDecodeError:
                raise ConfigError(f"{path} line {n}: not JSON") from None
            if not isinstance(event, dict) or event.get("schema") != schema:
                raise ConfigError(f"{path} line {n}: not a {schema} event (`newswire process --out` writes them)")
            events.append(event)
        return events

    if args.base_prefix and args.shadow_prefix:
        from newswire.kafkaio import collect

        def topic_events(prefix: str, short: str) -> list[dict[str, Any]]:
            name = getattr(Topics.for_prefix(prefix), short)
            return [orjson.loads(r.value) for r in asyncio.run(collect(settings, name, idle_seconds=1.0))]

        base, shadow = topic_events(args.base_prefix, "enriched"), topic_events(args.shadow_prefix, "enriched")
        base_alerts = topic_events(args.base_prefix, "alerts")
        shadow_alerts = topic_events(args.shadow_prefix, "alerts")
    elif len(args.files) == 2:
        base, shadow = load(args.files[0]), load(args.files[1])
        base_alerts = load(args.base_alerts, schemas.ALERT) if args.base_alerts else []
        shadow_alerts = load(args.shadow_alerts, schemas.ALERT) if args.shadow_alerts else []
    else:
        raise ConfigError("give two enriched JSON-lines files, or --base-prefix and --shadow-prefix")
    d = diff(base, shadow, base_alerts, shadow_alerts)
    print(render(d, {e["article_id"]: e for e in base if e.get("article_id") is not None}))
    return 0


def cmd_eval(args: argparse.Namespace, settings: Settings, rest: list[str]) -> int:
    """Delegate to a stage's evaluation command."""
    import importlib

    module = {"clean": "newswire.cleaner.evaluate", "claims": "newswire.extractor.evaluate",
              "stories": "newswire.stories.evaluate"}[args.what]
    return int(importlib.import_module(module).main(rest) or 0)


def cmd_bench(args: argparse.Namespace, settings: Settings, rest: list[str]) -> int:
    """Throughput, latency and memory benchmarks (a command, not a test)."""
    from newswire.bench import main as bench_main

    return int(bench_main(rest) or 0)


def cmd_train(args: argparse.Namespace, settings: Settings, rest: list[str]) -> int:
    """Train a model the project ships (reproducibly, from ../shared/corpus)."""
    from newswire.extractor.train import main as train_main

    return int(train_main(rest) or 0)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    p = argparse.ArgumentParser(prog="newswire", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("broker", help="start the local Tansu broker and print its address")
    s.add_argument("--port", type=int, default=None)
    s.set_defaults(func=cmd_broker)

    s = sub.add_parser("topics", help="create or list the pipeline's topics")
    s.add_argument("action", choices=["create", "list"])
    s.set_defaults(func=cmd_topics)

    s = sub.add_parser("worker", help="run one stage's worker")
    s.add_argument("stage", choices=STAGES)
    s.add_argument("--group-suffix", default="", help="run as a separate consumer group (backfills)")
    s.add_argument("--from", dest="from_", default=None,
                   help="with --group-suffix: start the new group at this ISO-8601 time")
    s.set_defaults(func=cmd_worker)

    s = sub.add_parser("ingest", help="send raw articles (files, directories, - for stdin) to the raw topic")
    s.add_argument("paths", nargs="+")
    s.set_defaults(func=cmd_ingest)

    s = sub.add_parser("process", help="run every stage in this process (no broker), write enriched articles")
    s.add_argument("paths", nargs="+")
    s.add_argument("--out", default="-", help="JSON lines of enriched articles (default stdout)")
    s.add_argument("--alerts", default=None, help="also write alerts as JSON lines here")
    s.add_argument("--report", action="store_true", help="print the readable report on stderr")
    s.set_defaults(func=cmd_process)

    s = sub.add_parser("tail", help="print a topic's events (name or short name: raw, enriched, alerts…)")
    s.add_argument("topic")
    s.add_argument("--follow", action="store_true")
    s.add_argument("--latest", action="store_true", help="start at the end instead of the beginning")
    s.add_argument("--max", type=_at_least(0, int), default=0, help="stop after this many events (0: no limit)")
    s.add_argument("--idle", type=_at_least(0.1, float), default=2.0, help="stop after this many idle seconds")
    s.set_defaults(func=cmd_tail)

    s = sub.add_parser("run", help="broker, topics, four workers, the sample corpus, a report")
    s.add_argument("paths", nargs="*", help="input instead of the sample corpus")
    s.add_argument("--follow", action="store_true", help="keep everything running after the report")
    s.add_argument("--timeout", type=float, default=90.0)
    s.set_defaults(func=cmd_run)

    s = sub.add_parser("replay", help="re-publish a range of a topic (marked replay), or re-drive dead letters")
    s.add_argument("--topic", required=True, help="topic name or short name (raw, deadletter, …)")
    s.add_argument("--from", dest="from_", required=True, help="offset, earliest, latest or ISO-8601 time")
    s.add_argument("--to", default=None, help="offset or ISO-8601 time (default: the end at start)")
    s.add_argument("--partitions", default=None, help="comma-separated partitions (default: all)")
    s.add_argument("--into", default=None, help="target topic (default: the same topic; for dead letters, "
                                                  "the topic they came from)")
    s.add_argument("--reason", default=None, help="dead letters only: this reason (error class)")
    s.add_argument("--stage", default=None, help="dead letters only: from this stage")
    s.add_argument("--checkpoint", default=None, help="progress file (default: by arguments, so reruns resume)")
    s.add_argument("--restart", action="store_true", help="ignore an earlier run's progress")
    s.add_argument("--as-live", action="store_true",
                   help="do not mark events as replay (feeding a shadow pipeline's separate topics)")
    s.add_argument("--quiet", action="store_true")
    s.set_defaults(func=cmd_replay)

    s = sub.add_parser("diff", help="what changed between two pipeline versions (files or topic prefixes)")
    s.add_argument("files", nargs="*", help="base.jsonl shadow.jsonl (outputs of `process`)")
    s.add_argument("--base-alerts", default=None)
    s.add_argument("--shadow-alerts", default=None)
    s.add_argument("--base-prefix", default=None, help="topic prefix of the live pipeline")
    s.add_argument("--shadow-prefix", default=None, help="topic prefix of the shadow pipeline")
    s.set_defaults(func=cmd_diff)

    s = sub.add_parser("eval", help="measure quality against gold data: clean, claims or stories",
                       add_help=False)  # -h reaches the command's own parser, which lists its options
    s.add_argument("what", choices=["clean", "claims", "stories"])
    s.set_defaults(func=cmd_eval, passthrough=True)

    s = sub.add_parser("bench", help="throughput, latency and memory benchmarks (prints a table, writes JSON)",
                       add_help=False)  # -h reaches the command's own parser, which lists its options
    s.set_defaults(func=cmd_bench, passthrough=True)

    s = sub.add_parser("train", help="train a shipped model: checkworthiness",
                       add_help=False)  # -h reaches the command's own parser, which lists its options
    s.add_argument("what", choices=["checkworthiness"])
    s.set_defaults(func=cmd_train, passthrough=True)
    return p


class Terminated(SystemExit):
    """SIGTERM arrived: unwind like Ctrl-C, so a broker and workers this process started are stopped on the way
    out (a supervisor, `timeout` or `kill` had left them running without a parent), then exit 143."""


def _terminate(signum: int, frame: object) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second SIGTERM must not cut the clean-up short
    raise Terminated(128 + signum)


def _at_least(low: float, kind: Callable[[str], Any]) -> Callable[[str], Any]:
    """An argparse type: a number of `kind` no smaller than `low` (argparse reports the rest)."""
    def parse(text: str) -> Any:
        value = kind(text)
        if value < low:
            raise argparse.ArgumentTypeError(f"must be at least {low}")
        return value
    return parse


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `newswire` console script."""
    parser = build_parser()
    args, rest = parser.parse_known_args(argv)
    if rest and not getattr(args, "passthrough", False):
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    # Faust and the broker command handle their own signals; a caller's thread other than the main one cannot
    previous = None
    if args.func not in (cmd_worker, cmd_broker) and threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        settings = load_settings()
        if getattr(args, "passthrough", False):
            return int(args.func(args, settings, rest))
        return int(args.func(args, settings))
    except ConfigError as exc:
        print(f"newswire: configuration error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        kafka_errors = sys.modules.get("aiokafka.errors")  # loaded by whatever command reached for a broker
        if kafka_errors is not None and isinstance(exc, kafka_errors.KafkaConnectionError):
            print(f"newswire: cannot reach the Kafka cluster at {load_settings().kafka_bootstrap or '(none set)'}: "
                  f"{exc} (NEWSWIRE_KAFKA_BOOTSTRAP names it)", file=sys.stderr)
            return 1
        raise
    finally:
        if previous is not None:  # main() called in-process (tests) leaves the caller's handler as it was
            signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    sys.exit(main())
