"""The `newswire` command line: broker, topics, worker, ingest, process, tail, run, eval, train."""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
import time
from pathlib import Path
from typing import Any, Sequence

import orjson

from newswire.core.errors import ConfigError, NewswireError
from newswire.core.settings import STAGES, Settings, load_settings


def ingest_paths(settings: Settings, paths: Sequence[str]) -> tuple[int, set[str], int]:
    """Send every raw article under `paths` to the raw topic; unreadable or invalid ones go
    to the dead-letter topic with the reason. Returns (sent, article ids, invalid)."""
    from newswire.core.boundary import Message
    from newswire.core.codec import Codec
    from newswire.core.deadletter import dead_letter_payload
    from newswire.core.schemas import DEADLETTER
    from newswire.core.topics import Topics
    from newswire.ingestion import encode_raw, ingest_headers
    from newswire.kafkaio import produce
    from newswire.sources import read_paths
    from newswire.core import ids
    from newswire.core.codec import Envelope, utc_now

    topics = Topics.for_prefix(settings.topic_prefix)
    codec = Codec(settings.schemas_dir, settings.max_message_bytes)
    records: list[tuple[str, bytes | None, bytes, list[tuple[str, bytes]]]] = []
    article_ids: set[str] = set()
    invalid = 0
    for n, item in enumerate(read_paths(paths)):
        headers = ingest_headers()
        try:
            if item.article is None:
                raise ConfigError(item.error or "unreadable")
            key, value = encode_raw(codec, item.article, settings.pipeline_version)
            records.append((topics.raw, key, value, headers))
            article_ids.add(key.decode())
        except NewswireError as exc:
            invalid += 1
            print(f"invalid input {item.origin}: {exc}", file=sys.stderr)
            value = orjson.dumps(item.article) if item.article is not None else item.origin.encode()
            msg = Message("ingest:" + item.origin, 0, n, None, value, headers)
            payload = dead_letter_payload(stage="ingest", exc=exc, topic=msg.topic, partition=0, offset=n,
                                          key=None, value=value, headers=headers)
            env = Envelope(schema=DEADLETTER, id=ids.event_id(DEADLETTER, item.origin, settings.pipeline_version),
                           article_id=None, produced_at=utc_now(), pipeline_version=settings.pipeline_version,
                           replay=False, payload=payload)
            records.append((topics.deadletter, item.origin.encode(), codec.encode(env), headers))
    sent = asyncio.run(produce(settings, records))
    return sent - invalid, article_ids, invalid


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
        for name, state in sorted(asyncio.run(admin.create_topics(settings)).items()):
            print(f"{state:8} {name}")
    else:
        for name, parts in asyncio.run(admin.list_topics(settings)).items():
            print(f"{parts:3} {name}")
    return 0


def cmd_worker(args: argparse.Namespace, settings: Settings) -> int:
    """Run one stage's Faust worker until stopped."""
    import importlib

    if args.group_suffix:
        settings = settings.with_(group_suffix=args.group_suffix)
    module = importlib.import_module(f"newswire.{args.stage}.app")
    module.create_worker(settings).run()
    return 0


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
    name = getattr(topics, args.topic, args.topic)

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


def cmd_eval(args: argparse.Namespace, settings: Settings, rest: list[str]) -> int:
    """Delegate to a stage's evaluation command."""
    import importlib

    module = {"clean": "newswire.cleaner.evaluate", "claims": "newswire.extractor.evaluate",
              "stories": "newswire.stories.evaluate"}[args.what]
    return int(importlib.import_module(module).main(rest) or 0)


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
    s.add_argument("--max", type=int, default=0)
    s.add_argument("--idle", type=float, default=2.0, help="stop after this many idle seconds")
    s.set_defaults(func=cmd_tail)

    s = sub.add_parser("run", help="broker, topics, four workers, the sample corpus, a report")
    s.add_argument("paths", nargs="*", help="input instead of the sample corpus")
    s.add_argument("--follow", action="store_true", help="keep everything running after the report")
    s.add_argument("--timeout", type=float, default=90.0)
    s.set_defaults(func=cmd_run)

    s = sub.add_parser("eval", help="measure quality against gold data: clean, claims or stories")
    s.add_argument("what", choices=["clean", "claims", "stories"])
    s.set_defaults(func=cmd_eval, passthrough=True)

    s = sub.add_parser("train", help="train a shipped model: checkworthiness")
    s.add_argument("what", choices=["checkworthiness"])
    s.set_defaults(func=cmd_train, passthrough=True)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `newswire` console script."""
    parser = build_parser()
    args, rest = parser.parse_known_args(argv)
    if rest and not getattr(args, "passthrough", False):
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
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


if __name__ == "__main__":
    sys.exit(main())
