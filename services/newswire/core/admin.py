"""Topic administration and offset inspection with aiokafka (auto-commit off everywhere).

Topics are created explicitly with configured partitions: Tansu would auto-create unknown
topics with 4 partitions and a Faust table would then fail with PartitionsMismatch.
Committed offsets are read with `consumer.committed()` because aiokafka's admin
`list_consumer_group_offsets` cannot decode Tansu's reply. End offsets are read with
`end_offsets()` below: Tansu answers ListOffsets(latest) with the base offset of the last
record batch plus one, which undercounts whenever a producer batched several records.
"""

from __future__ import annotations

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

from newswire.core.boundary import max_request_bytes
from newswire.core.kafka import client_kwargs, started
from newswire.core.settings import Settings
from newswire.core.topics import Topics, changelog_topics, partitions_for


def wanted_topics(settings: Settings) -> dict[str, int]:
    """Every topic the pipeline needs, with its partition count."""
    topics = Topics.for_prefix(settings.topic_prefix)
    wanted = {name: partitions_for(name, topics, settings) for name in topics.all()}
    wanted.update(changelog_topics(settings))
    return wanted


async def create_topics(settings: Settings, extra: dict[str, int] | None = None) -> dict[str, str]:
    """Create missing topics; returns topic -> "created" | "exists"."""
    wanted = wanted_topics(settings) | (extra or {})
    admin = AIOKafkaAdminClient(**client_kwargs(settings))
    await started(admin)
    try:
        existing = set(await admin.list_topics())
        # the broker must accept what the producers are allowed to send (see kafkaio.producer)
        config = {"max.message.bytes": str(max_request_bytes(settings))}
        # a table's changelog keeps each key's latest value for as long as the table needs it: under the
        # delete policy the alerter's "fired" marks went after the broker's retention (7 days by default),
        # and a restart then alerted again on what it had alerted on
        tables = changelog_topics(settings)
        missing = [NewTopic(name, n, settings.replication,
                            topic_configs=config | ({"cleanup.policy": "compact"} if name in tables else {}))
                   for name, n in wanted.items() if name not in existing]
        result = {name: "exists" for name in wanted if name in existing}
        for topic in missing:  # one by one: an "already exists" race must not hide the others
            try:
                await admin.create_topics([topic])
                result[topic.name] = "created"
            except TopicAlreadyExistsError:
                result[topic.name] = "exists"
        return result
    finally:
        await admin.close()


async def list_topics(settings: Settings) -> dict[str, int]:
    """Topics on the cluster with their partition counts."""
    consumer = AIOKafkaConsumer(**client_kwargs(settings), enable_auto_commit=False)
    await started(consumer)
    try:
        topics = await consumer.topics()
        return {t: len(consumer.partitions_for_topic(t) or ()) for t in sorted(topics)}
    finally:
        await consumer.stop()


async def topic_partitions(consumer: AIOKafkaConsumer, topic: str) -> list[TopicPartition]:
    """A topic's partitions, fetching metadata if the consumer has none yet ([] if no such topic)."""
    parts = consumer.partitions_for_topic(topic)
    if not parts:
        await consumer.topics()
        parts = consumer.partitions_for_topic(topic) or set()
    return [TopicPartition(topic, p) for p in sorted(parts)]


async def end_offsets(consumer: AIOKafkaConsumer, tps: list[TopicPartition]) -> dict[TopicPartition, int]:
    """The true end offset per partition: the broker's answer, corrected by reading the last
    batch (a fetch from inside a batch returns the whole batch). Moves the consumer's
    assignment: use a consumer dedicated to inspection."""
    reported = await consumer.end_offsets(tps)
    begin = await consumer.beginning_offsets(tps)
    probe = [tp for tp in tps if reported[tp] > begin[tp]]
    result = dict(reported)
    if not probe:
        return result
    consumer.assign(probe)
    for tp in probe:
        consumer.seek(tp, reported[tp] - 1)
    pending = set(probe)
    for _ in range(20):  # bounded: each round is one fetch of at most 200 ms
        batch = await consumer.getmany(*pending, timeout_ms=200)
        for tp, records in batch.items():
            if records:
                result[tp] = max(result[tp], records[-1].offset + 1)
                pending.discard(tp)
        if not pending:
            break
    return result


async def group_lag(settings: Settings, group: str, topic: str) -> dict[int, tuple[int, int]]:
    """partition -> (committed offset, end offset) of a consumer group on a topic."""
    consumer = AIOKafkaConsumer(**client_kwargs(settings), group_id=group, enable_auto_commit=False)
    await started(consumer)
    try:
        tps = await topic_partitions(consumer, topic)
        ends = await end_offsets(consumer, tps) if tps else {}
        out = {}
        for tp in tps:
            committed = await consumer.committed(tp)
            out[tp.partition] = (committed or 0, ends.get(tp, 0))
        return out
    finally:
        await consumer.stop()




async def seek_group(settings: Settings, group: str, topic: str, time_ms: int | None,
                     offset: int | None = None, *, latest: bool = False) -> dict[int, int]:
    """Commit a consumer group's offsets on `topic` to a time, an offset or (`latest`) the end before it
    starts, so a backfill worker begins there; returns partition -> committed offset."""
    consumer = AIOKafkaConsumer(**client_kwargs(settings), group_id=group, enable_auto_commit=False)
    await started(consumer)
    try:
        tps = await topic_partitions(consumer, topic)
        ends = await end_offsets(consumer, tps)
        if latest:
            target = dict(ends)
        elif time_ms is not None:
            found = await consumer.offsets_for_times({tp: time_ms for tp in tps})
            target = {tp: (found[tp].offset if found_offset(found.get(tp)) else ends[tp]) for tp in tps}
        else:
            target = {tp: min(offset or 0, ends[tp]) for tp in tps}
        consumer.assign(tps)
        await consumer.commit(target)
        return {tp.partition: o for tp, o in target.items()}
    finally:
        await consumer.stop()


def found_offset(hit: object) -> bool:
    """An offsets_for_times hit: Kafka answers None past the end, Tansu offset 0 with timestamp -1."""
    return hit is not None and getattr(hit, "timestamp", -1) >= 0
