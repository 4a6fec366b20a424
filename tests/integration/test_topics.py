"""`newswire topics create` on a real broker: table changelogs are compacted, every topic takes the largest
record a worker may produce."""

from __future__ import annotations

import asyncio

from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

from newswire.core.boundary import max_request_bytes
from newswire.core.kafka import client_kwargs
from newswire.core.settings import Settings
from newswire.core.topics import Topics, changelog_topics


def test_changelogs_are_compacted_and_topics_take_any_record(live_settings: Settings) -> None:
    """Under the delete policy the alerter's "fired" marks left with the broker's retention (7 days by
    default), and a restarted alerter alerted again on what it had alerted on."""
    tables = list(changelog_topics(live_settings))
    names = [*tables, Topics.for_prefix(live_settings.topic_prefix).raw]

    async def configs() -> dict[str, dict[str, str]]:
        client = AIOKafkaAdminClient(**client_kwargs(live_settings))
        await client.start()
        try:
            responses = await client.describe_configs([ConfigResource(ConfigResourceType.TOPIC, n) for n in names])
        finally:
            await client.close()
        return {res[3]: {e[0]: e[1] for e in res[4]} for r in responses for res in r.resources}

    found = asyncio.run(configs())
    assert set(found) == set(names)
    for name, config in found.items():
        assert int(config["max.message.bytes"]) == max_request_bytes(live_settings), name
        assert config.get("cleanup.policy", "delete") == ("compact" if name in tables else "delete"), name
