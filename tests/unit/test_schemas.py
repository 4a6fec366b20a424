"""The schemas are the contract: each is valid 2020-12, has an example that validates, and
the example round-trips through the records the stages use."""

from __future__ import annotations

import orjson
import pytest

from newswire.core import records, schemas
from newswire.core.codec import Codec
from newswire.core.errors import SchemaError
from newswire.core.settings import Settings

SETTINGS = Settings()
RECORD_OF = {
    schemas.CLEAN: records.CleanArticle, schemas.EXTRACTED: records.ExtractedArticle,
    schemas.STORY: records.Story, schemas.ALERT: records.Alert,
}


def example(schema: str) -> bytes:
    name = schemas.file_name(schema).replace(".schema.json", ".example.json")
    return (SETTINGS.schemas_dir / "examples" / name).read_bytes()


@pytest.mark.parametrize("schema", schemas.ALL)
def test_example_validates(schema: str) -> None:
    codec = Codec(SETTINGS.schemas_dir)
    envelope = codec.decode(example(schema), [schema])
    assert envelope.schema == schema


@pytest.mark.parametrize("schema", list(RECORD_OF))
def test_example_round_trips_through_records(schema: str) -> None:
    payload = orjson.loads(example(schema))["payload"]
    record: object = records.from_dict(RECORD_OF[schema], payload)
    assert records.to_dict(record) == payload


@pytest.mark.parametrize("schema", schemas.ALL)
def test_a_broken_example_is_rejected(schema: str) -> None:
    event = orjson.loads(example(schema))
    event["payload"] = {"unexpected": True}
    with pytest.raises(SchemaError):
        Codec(SETTINGS.schemas_dir).decode(orjson.dumps(event), [schema])


def test_every_schema_file_is_known() -> None:
    files = {p.name for p in SETTINGS.schemas_dir.glob("*.schema.json")}
    assert files == {schemas.file_name(s) for s in schemas.ALL}


def test_the_alerter_still_reads_story_v1_events() -> None:
    """Events written before story/2 bounded the lists stay on the topic for its retention, and replays send them."""
    from newswire.stages import AlerterStage

    envelope = Codec(SETTINGS.schemas_dir).decode(example(schemas.STORY_V1), AlerterStage.input_schemas)
    story = records.from_dict(records.Story, envelope.payload)
    assert story.articles and story.article_count is None
