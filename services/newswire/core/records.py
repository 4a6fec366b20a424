"""Typed, frozen records that flow between stages; their JSON form is the schema contract.

Each record turns into JSON with `to_dict` (orjson also serialises them directly) and back
with `from_dict`, which follows the type hints, so the pure layer never sees raw dicts.
The records have no `__slots__`: orjson writes a dataclass from its `__dict__`, and one with slots attribute
by attribute after failing to read a `__dict__`, which cost about twice as much in the stories stage (its
enriched article 37 -> 18 us, its story event 24 -> 13 us) and four times as much on an extracted article
alone (30 -> 8 us).
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import orjson

T = TypeVar("T")


@dataclass(frozen=True, kw_only=True)
class RawArticle:
    """An article as a crawler, feed or `newswire ingest` delivers it: HTML or text."""

    url: str
    source: str
    id: str | None = None
    title: str | None = None
    published_at: str | None = None
    fetched_at: str | None = None
    language: str | None = None
    html: str | None = None
    text: str | None = None


@dataclass(frozen=True, kw_only=True)
class Removed:
    """A piece of the input the cleaner dropped, and why."""

    text: str
    reason: str


@dataclass(frozen=True, kw_only=True)
class Spam:
    """The page's spam verdict with the signals behind it."""

    is_spam: bool
    score: float
    reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class CleanArticle:
    """The article body and metadata, with what was removed and the spam verdict."""

    article_id: str
    url: str
    source: str
    title: str | None
    authors: list[str]
    published_at: str | None
    fetched_at: str | None
    language: str | None
    text: str
    removed: list[Removed]
    spam: Spam
    quality: float
    input_format: str
    input_chars: int


@dataclass(frozen=True, kw_only=True)
class Quantity:
    """A figure in the text: value, what it counts, approximation and offsets."""

    value: float
    unit: str | None
    approx: str
    surface: str
    start: int
    end: int
    kind: str = "count"
    low: float | None = None
    """A range's bounds ("10-15", "between 44 and 50", "from 350 to 680"): `value` is the midpoint,
    as the reference annotations read a range, and an editor still sees both figures here."""
    high: float | None = None


@dataclass(frozen=True, kw_only=True)
class Speaker:
    """Who asserts a claim, with role, organisation and offsets of the mention.

    `name` is how the article names the source there: a name (a pronoun or a surname resolved to the full
    name) or, when it only describes the source ("the governor", "the newspaper"), that description; then
    `refers_to` is the person or organisation the article names elsewhere that the description means.
    """

    name: str
    role: str | None = None
    org: str | None = None
    start: int | None = None
    end: int | None = None
    refers_to: str | None = None

    @property
    def who(self) -> str:
        """The source itself: the one a description refers to, else the name."""
        return self.refers_to or self.name


CLAIM_KINDS = ("casualties", "money", "share", "count", "measure", "event", "quote", "statement")
"""The kinds the extractor gives a claim (extractor/extract.py `_kind`), which alert rules filter on."""


@dataclass(frozen=True, kw_only=True)
class Claim:
    """One checkable statement: its sentence, figures, speaker, hedges and score (`kind`: one of CLAIM_KINDS)."""

    claim_id: str
    text: str
    start: int
    end: int
    kind: str
    quantities: list[Quantity]
    speaker: Speaker | None
    hedged: bool
    hedges: list[str] = field(default_factory=list)
    checkworthiness: float = 0.0
    window: str | None = None
    place: str | None = None


@dataclass(frozen=True, kw_only=True)
class Entity:
    """A named person, organisation or place with offsets into the clean text."""

    text: str
    label: str
    start: int
    end: int


@dataclass(frozen=True, kw_only=True)
class Extraction:
    """What the extractor finds in one clean article."""

    quantities: list[Quantity]
    claims: list[Claim]
    entities: list[Entity]


@dataclass(frozen=True, kw_only=True)
class ExtractedArticle:
    """A clean article plus its extraction: the stories stage's input."""

    article: CleanArticle
    extraction: Extraction


@dataclass(frozen=True, kw_only=True)
class StoryMember:
    """An article of a story, as the story event lists it."""

    article_id: str
    url: str
    source: str
    title: str | None
    published_at: str | None
    duplicate_of: str | None
    spam: bool


@dataclass(frozen=True, kw_only=True)
class StoryClaim:
    """A claim matched across the story's articles, with report and origin counts."""

    key: str
    kind: str
    text: str
    value: float | None
    unit: str | None
    window: str | None
    speaker: str | None
    reports: int
    independent_origins: int
    article_ids: list[str]
    claim_ids: list[str]
    hedged: bool


@dataclass(frozen=True, kw_only=True)
class Conflict:
    """Figures for the same quantity, subject and window that disagree."""

    key: str
    kind: str
    unit: str | None
    window: str | None
    values: list[float]
    claim_keys: list[str]
    article_ids: list[str]


@dataclass(frozen=True, kw_only=True)
class Story:
    """A story's state after an article joined it: the `newswire.stories` event."""

    story_id: str
    title: str | None
    first_seen: str
    last_seen: str
    articles: list[StoryMember]
    claims: list[StoryClaim]
    conflicts: list[Conflict]
    entities: list[str]
    trigger_article_id: str
    merged_from: list[str] = field(default_factory=list)
    """Stories this update absorbed: their articles are in this story now, and they get no more updates."""
    article_count: int | None = None
    """Articles the story holds; `articles` lists at most a bounded number of them (None in story/1
    events, which listed every article, claim and conflict)."""
    claim_count: int | None = None
    """Claims the story holds; `claims` lists the best-ranked ones and those of the newest article."""
    conflict_count: int | None = None
    """Conflicts the story holds; `conflicts` lists a bounded number, those of the newest article first."""


@dataclass(frozen=True, kw_only=True)
class StoryAssignment:
    """What the stories stage decides for one article."""

    story_id: str
    duplicate_of: str | None
    duplicate_similarity: float | None
    story: Story


@dataclass(frozen=True, kw_only=True)
class AlertClaim:
    """A claim as an alert shows it: the sentence, speaker and where it was reported."""

    key: str
    text: str
    speaker: str | None
    value: float | None
    unit: str | None
    reports: int
    independent_origins: int


@dataclass(frozen=True, kw_only=True)
class Alert:
    """One alert an editor can act on."""

    alert_id: str
    rule: str
    severity: str
    title: str
    story_id: str
    claims: list[AlertClaim]
    outlets: list[str]
    links: list[str]
    reasons: list[str]
    first_seen: str
    update: bool


# --- dict conversion ------------------------------------------------------------------


def fields_of(record: Any) -> dict[str, Any]:
    """A record's top-level fields as a dict, nested records left as they are: a payload to
    extend with a few keys, which orjson serialises without a round trip through `to_dict`."""
    # classes are hashable; mypy's stub of functools.cache does not see type[...] as Hashable
    return {f.name: getattr(record, f.name) for f in _field_list(type(record))}  # type: ignore[arg-type]


@functools.cache
def _field_list(cls: type) -> tuple[dataclasses.Field[Any], ...]:
    return dataclasses.fields(cls)


def to_dict(record: Any) -> Any:
    """A record (or list of them) as plain JSON-ready data (orjson walks dataclasses natively,
    about 2.5 times faster than a Python walk)."""
    return orjson.loads(orjson.dumps(record))


_ABSENT = object()
"""A field plan's default when the field has none: required, or made by its default factory."""
Converter = Callable[[Any], Any]
FieldPlan = tuple[str, Any, Callable[[], Any] | None, Converter | None]


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Build a record from its dict form, ignoring unknown keys (schemas grow additively)."""
    return _builder(cls)(data)  # type: ignore[arg-type]  # a class is hashable (see fields_of)


@functools.cache
def _builder(cls: type) -> Callable[[dict[str, Any]], Any]:
    """The function that builds `cls` from its dict form, made once per record class.

    Each field goes straight into the new record's `__dict__`, in field order as the frozen dataclass's own
    `__init__` puts them (the records have no `__post_init__`); nested records, lists of them and JSON
    integers in float fields are converted from the type hints. Building keyword arguments for `__init__`
    cost twice as much: the stories stage builds an extracted article (claims, quantities, speakers,
    entities) from each event it reads, the alerter a story."""
    hints = typing.get_type_hints(cls)
    plan: list[FieldPlan] = []
    for f in dataclasses.fields(cls):
        factory = None if f.default_factory is dataclasses.MISSING else f.default_factory
        default = _ABSENT if f.default is dataclasses.MISSING else f.default
        plan.append((f.name, default, factory, _converter(hints[f.name])))
    fields = tuple(plan)
    new = object.__new__

    def build(data: dict[str, Any]) -> Any:
        record: Any = new(cls)
        values = record.__dict__
        get = data.get
        for name, default, factory, convert in fields:
            value = get(name, default)
            if value is _ABSENT:
                if factory is None:
                    raise TypeError(f"{cls.__name__} needs {name!r}")
                value = factory()
            elif convert is not None and value is not None:
                value = convert(value)
            values[name] = value
        return record

    return build


def _converter(tp: Any) -> Converter | None:
    """What turns a JSON value into a value of type `tp` (None: it is used as it is)."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _converter(args[0]) if len(args) == 1 else None
    if origin is list:
        (arg,) = typing.get_args(tp)
        inner = _converter(arg)
        if inner is None:
            return None
        return lambda values: [None if v is None else inner(v) for v in values]
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):  # a record class, not an instance
        return _builder(tp)
    if tp is float:
        return lambda v: float(v) if type(v) is int else v
    return None
