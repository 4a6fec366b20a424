"""Within a major version a schema only grows optional fields (schemas/contract.lock.json), and events
written by earlier versions still go through today's stages (a replay or backfill sends them)."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import Any

import orjson
import pytest

from newswire.core import contract, records, schemas
from newswire.core.boundary import Boundary, Message
from newswire.core.codec import Codec
from newswire.core.metrics import create_metrics
from newswire.core.settings import Settings
from newswire.core.topics import Topics

SETTINGS = Settings()
OLD_EVENTS = Path(__file__).resolve().parents[1] / "fixtures" / "events"
"""Example events as earlier versions wrote them (file name: schema file stem and the commit)."""


def test_the_schemas_keep_the_locked_contract() -> None:
    breaking, unlocked = contract.check(SETTINGS.schemas_dir)
    assert not breaking, "breaking schema changes (a new major version is a new schema file):\n" + "\n".join(breaking)
    assert not unlocked, "additive schema changes not locked yet; run `make schemas-lock`:\n" + "\n".join(unlocked)


def test_every_schema_file_is_locked() -> None:
    assert set(contract.load_lock(SETTINGS.schemas_dir)) == {schemas.file_name(s) for s in schemas.ALL}


def _story() -> dict[str, Any]:
    return orjson.loads((SETTINGS.schemas_dir / schemas.file_name(schemas.STORY)).read_bytes())


def _defs(schema: dict[str, Any]) -> dict[str, Any]:
    return schema["$defs"]


@pytest.mark.parametrize(("change", "expected"), [
    (lambda s: _defs(s)["StoryClaim"]["properties"].pop("reports"), "payload.claims[].reports: removed"),
    (lambda s: _defs(s)["StoryClaim"]["properties"]["reports"].update(type="number"),
     "payload.claims[].reports: types or constraints changed"),
    (lambda s: s["properties"]["payload"]["required"].append("merged_from"), "payload.merged_from: now required"),
    (lambda s: _defs(s)["StoryClaim"]["required"].remove("reports"), "payload.claims[].reports: no longer required"),
    (lambda s: (_defs(s)["StoryClaim"]["properties"].update(origin={"type": "string"}),
                _defs(s)["StoryClaim"]["required"].append("origin")),
     "payload.claims[].origin: a new field must be optional"),
    (lambda s: s["properties"]["id"].update(minLength=8), "id: types or constraints changed"),
    (lambda s: s["properties"]["payload"].update(additionalProperties=False), "payload: types or constraints changed"),
    (lambda s: s["properties"]["schema"].update(const="newswire.story/3"), "schema: types or constraints changed"),
    (lambda s: s["properties"]["payload"]["properties"]["title"].update(anyOf=[{"type": "string"}]),
     "payload.title: types or constraints changed"),
])
def test_a_breaking_change_is_named(change: Any, expected: str) -> None:
    before = _story()
    after = copy.deepcopy(before)
    change(after)
    problems = contract.breaking_changes(contract.shape(before), contract.shape(after))
    assert any(p.startswith(expected) for p in problems), problems


def test_new_optional_fields_are_additive() -> None:
    before = _story()
    after = copy.deepcopy(before)
    _defs(after)["StoryClaim"]["properties"]["origin"] = {"type": "string"}
    # a new optional object may require its own fields: events without the object stay valid
    after["properties"]["payload"]["properties"]["summary"] = {
        "type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]}
    old, new = contract.shape(before), contract.shape(after)
    assert contract.breaking_changes(old, new) == []
    assert new.keys() - old.keys() == {"payload.claims[].origin", "payload.summary", "payload.summary.text"}


def test_references_and_alternatives_are_followed() -> None:
    fields = contract.shape(_story())
    assert fields["payload.claims[].value"]["types"].keys() == {"number", "null"}
    assert fields["payload.claims[].reports"]["required"] is True
    assert fields["schema"]["types"] == {"string": {"const": schemas.STORY}}


def test_check_and_lock_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    work = tmp_path / "schemas"
    shutil.copytree(SETTINGS.schemas_dir, work)
    assert contract.main(["--schemas", str(work)]) == 0
    story = work / schemas.file_name(schemas.STORY)
    document = orjson.loads(story.read_bytes())
    _defs(document)["StoryClaim"]["properties"]["origin"] = {"type": "string"}
    story.write_bytes(orjson.dumps(document))
    assert contract.main(["--schemas", str(work)]) == 1  # additive, but not locked yet
    assert "payload.claims[].origin: new optional field" in capsys.readouterr().err
    assert contract.main(["--schemas", str(work), "--lock"]) == 0
    assert contract.main(["--schemas", str(work)]) == 0
    _defs(document)["StoryClaim"]["properties"].pop("reports")
    story.write_bytes(orjson.dumps(document))
    locked = (work / contract.LOCK_NAME).read_bytes()
    assert contract.main(["--schemas", str(work), "--lock"]) == 1  # a breaking change is never locked
    assert "payload.claims[].reports: removed" in capsys.readouterr().err
    assert (work / contract.LOCK_NAME).read_bytes() == locked


OLD = sorted(OLD_EVENTS.glob("*.json"))


def _schema_of(path: Path) -> str:
    return str(orjson.loads(path.read_bytes())["schema"])


@pytest.mark.parametrize("path", OLD, ids=[p.name for p in OLD])
def test_events_earlier_versions_wrote_still_decode(path: Path) -> None:
    schema = _schema_of(path)
    envelope = Codec(SETTINGS.schemas_dir).decode(path.read_bytes(), [schema])
    record_type = {schemas.EXTRACTED: records.ExtractedArticle, schemas.STORY_V1: records.Story,
                   schemas.ENRICHED: None}[schema]
    if record_type is not None:
        records.from_dict(record_type, envelope.payload)


@pytest.mark.parametrize(("stage_name", "schema"), [("stories", schemas.EXTRACTED), ("alerter", schemas.STORY_V1)])
def test_a_stage_handles_a_replayed_event_of_an_earlier_version(stage_name: str, schema: str) -> None:
    """Not a dead letter: valid outputs, as from today's events."""
    from newswire import stages

    [path] = [p for p in OLD if _schema_of(p) == schema]
    topics = Topics.for_prefix(SETTINGS.topic_prefix)
    stage: Any = (stages.StoriesStage(topics, {}) if stage_name == "stories"
                  else stages.AlerterStage(topics, {}, SETTINGS))
    boundary = Boundary(stage, SETTINGS, create_metrics(process=False))
    outputs = boundary.handle(Message(stage.input_topic, 0, 0, b"k", path.read_bytes(), []))
    assert all(o.topic != topics.deadletter for o in outputs), [o.value[:300] for o in outputs]
    if stage_name == "stories":
        assert {o.topic for o in outputs} == {topics.enriched, topics.stories}
