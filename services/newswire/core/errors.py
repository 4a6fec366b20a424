"""The project's exception tree; library errors are mapped onto it at the edges.

    NewswireError
      ConfigError        a setting or rules file is wrong: fail at start-up
      Retriable          broker or network hiccup: retry with backoff, then dead-letter
      PoisonMessage      can never succeed: dead-letter at once
        DecodeError      bytes that are not UTF-8 JSON
        SchemaError      JSON that breaks the event's schema
        OversizeError    a message above the configured size limit
        StageError       the stage's own logic failed on this input
      FatalError         the worker cannot go on (e.g. the dead letter itself failed)
"""

from __future__ import annotations


class NewswireError(Exception):
    """Base of every error newswire raises on purpose."""


class ConfigError(NewswireError):
    """A setting or a rules file is invalid; raised at start-up."""


class Retriable(NewswireError):
    """A transient failure worth retrying a bounded number of times."""


class PoisonMessage(NewswireError):
    """A message that can never be processed; it goes to the dead-letter topic."""


class DecodeError(PoisonMessage):
    """The bytes are not UTF-8 JSON."""


class SchemaError(PoisonMessage):
    """The JSON does not match the event's schema."""


class OversizeError(PoisonMessage):
    """The message is larger than the configured limit."""


class StageError(PoisonMessage):
    """The stage's pure logic raised on this input."""


class FatalError(NewswireError):
    """The worker must stop (with a non-zero exit) rather than lose data."""
