"""Topic names (`<prefix>.<entity>.<stage>`) and which stage reads and writes which."""

from __future__ import annotations

from dataclasses import dataclass

from newswire.core.settings import Settings


@dataclass(frozen=True, slots=True)
class Topics:
    """All topic names for one prefix."""

    raw: str
    clean: str
    claims: str
    extracted: str
    enriched: str
    stories: str
    alerts: str
    deadletter: str

    @classmethod
    def for_prefix(cls, prefix: str = "newswire") -> Topics:
        """Names for a prefix, e.g. `newswire.articles.raw`."""
        return cls(
            raw=f"{prefix}.articles.raw",
            clean=f"{prefix}.articles.clean",
            claims=f"{prefix}.claims",
            extracted=f"{prefix}.articles.extracted",
            enriched=f"{prefix}.articles.enriched",
            stories=f"{prefix}.stories",
            alerts=f"{prefix}.alerts",
            deadletter=f"{prefix}.deadletter",
        )

    def named(self, name: str) -> str:
        """A topic by its short name (`raw`, `enriched`, `deadletter`...) or, failing that, the name as given."""
        return getattr(self, name) if name in self.__dataclass_fields__ else name

    def all(self) -> list[str]:
        """Every topic, in flow order."""
        return [self.raw, self.clean, self.claims, self.extracted, self.enriched,
                self.stories, self.alerts, self.deadletter]


def partitions_for(topic: str, topics: Topics, settings: Settings) -> int:
    """Partitions to create: the stories sequencer reads a topic with its own count."""
    if topic == topics.extracted:
        return settings.stories_partitions
    return settings.partitions


def consumer_group(settings: Settings, stage: str) -> str:
    """A stage's consumer group, which is also its Faust app id: `<prefix>-<stage>[suffix]`."""
    return f"{settings.topic_prefix}-{stage}{settings.group_suffix}"


def changelog_topic(settings: Settings, stage: str, table: str) -> str:
    """The changelog topic Faust writes a stage's table to."""
    return f"{consumer_group(settings, stage)}-{table}-changelog"


def changelog_topics(settings: Settings) -> dict[str, int]:
    """Changelog topics of the Faust tables, created up front (never auto-created)."""
    return {
        changelog_topic(settings, "stories", "articles"): settings.stories_partitions,
        changelog_topic(settings, "alerter", "fired"): settings.partitions,
    }
