"""Articles' own dates against the stories window's clock: a wrong date must not move it or crash a stage."""

from __future__ import annotations

import datetime as dt

import pytest

from newswire.core.settings import load_settings
from newswire.pipeline import Pipeline
from newswire.stages import StoriesStage

STORY = ("Floods in the Ebro valley forced 1,200 people from their homes on Monday, the regional government of "
         "Aragon said. Emergency services in Zaragoza rescued 40 residents by boat, and the river peaked at "
         "6.2 metres near Castejon, according to the Ebro Hydrographic Confederation.")


def _article(url: str, text: str, **extra: str) -> dict[str, str]:
    return {"url": url, "source": url.split("/")[2], "text": text, **extra}


@pytest.mark.parametrize("field", ["published_at", "fetched_at"])
def test_an_article_dated_ahead_of_its_arrival_does_not_expire_the_window(field: str) -> None:
    """One page dated a year ahead moved the window's clock: every held article expired, and a copy of the
    first article opened a story of its own."""
    ahead = (dt.datetime.now(dt.UTC) + dt.timedelta(days=200)).strftime("%Y-%m-%dT%H:%M:%SZ")  # a year 2100 is refused
    p = Pipeline(load_settings())
    first = p.process(_article("https://wire.example/1", STORY)).enriched[0]["payload"]
    future = p.process(_article("https://blog.example/1", "A short note about gardening in the spring.",
                                **{field: ahead}))
    for i in range(10):
        p.process(_article(f"https://f{i}.example/{i}", f"Unrelated item {i} about cooking pasta for {i} people."))
    copy = p.process(_article("https://herald.example/1", STORY.replace("Monday", "Monday morning")))
    payload = copy.enriched[0]["payload"]
    assert payload["story_id"] == first["story_id"]
    assert payload["duplicate_of"] == first["article_id"]
    stage = p.boundaries[p.topics.extracted].stage
    assert isinstance(stage, StoriesStage)
    assert len(stage.index) == 13
    (story,) = future.stories
    assert story["payload"]["last_seen"] < ahead[:10]  # its arrival stands in for the wrong date


@pytest.mark.parametrize("when", ["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00", "9999-12-31T23:59:59Z",
                                  "0001-01-01T00:00:00Z"])
def test_dates_at_the_ends_of_the_calendar_flow_through(when: str) -> None:
    """Out of datetime's range once in UTC, or at its very end: the stories stage and the alerter raised
    OverflowError (stage_error dead letters) on these valid raw articles."""
    p = Pipeline(load_settings())
    for i in range(3):
        result = p.process(_article(f"https://o{i}.example/x", STORY, fetched_at=when, published_at=when))
        assert result.dead_letters == []
        assert len(result.enriched) == 1 and len(result.stories) == 1


def test_dates_running_ahead_in_small_steps_are_believed() -> None:
    """The bench publishes days of news within minutes: each date is near the clock the one before set, so
    none is taken for a wrong date (the stories window must turn over on them as in a day of real news)."""
    p = Pipeline(load_settings())
    start = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for i in range(30):
        published = (start + dt.timedelta(hours=6 * i)).strftime("%Y-%m-%dT%H:%M:%SZ")
        result = p.process(_article(f"https://n{i}.example/{i}", f"Item {i}: the council met about {i} roads.",
                                    published_at=published))
        assert result.stories[0]["payload"]["last_seen"] == published
