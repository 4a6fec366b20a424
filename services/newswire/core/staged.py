"""State writes held back until the outputs they stand for are delivered.

The alerter remembers which alerts fired; if that memory reached the changelog before the
alert itself reached its topic, a crash in between would lose the alert for good (the
redelivered story update would find it "already fired"). Writes therefore go to a staging
layer and are applied to the durable table only after the worker has confirmed delivery;
a crash before that repeats the alert with the same deterministic id instead.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator, MutableMapping

_DELETED = object()


class StagedMapping(MutableMapping[str, bytes]):
    """A mapping that reads through to `base` and keeps writes pending until `apply()`.

    Two layers: the current event's writes (`pending`) and those of finished events
    (`sealed`, one group per event, in order). A worker handles a batch of events before it
    waits for their deliveries, so an event that fails (dead-lettered) loses only its own
    writes (`discard`), never those of the events before it; and each event's group is applied
    on its own, so the worker can apply it in that event's context (Faust picks a table
    write's changelog partition from the current event)."""

    def __init__(self, base: MutableMapping[str, bytes]) -> None:
        self.base = base
        self.pending: dict[str, object] = {}
        self.sealed: dict[Hashable, dict[str, object]] = {}

    def _staged(self, key: object) -> object | None:
        value = self.pending.get(key, None)  # type: ignore[call-overload]
        if value is None:
            for group in reversed(self.sealed.values()):
                value = group.get(key, None)  # type: ignore[call-overload]
                if value is not None:
                    break
        return value

    def __getitem__(self, key: str) -> bytes:
        value = self._staged(key)
        if value is _DELETED:
            raise KeyError(key)
        if value is not None:
            return value  # type: ignore[return-value]
        return self.base[key]

    def __setitem__(self, key: str, value: bytes) -> None:
        self.pending[key] = value

    def __delitem__(self, key: str) -> None:
        if key not in self:
            raise KeyError(key)
        self.pending[key] = _DELETED

    def __iter__(self) -> Iterator[str]:
        for key in self.base:
            if self._staged(key) is not _DELETED:
                yield key
        staged_keys = dict.fromkeys(k for group in self.sealed.values() for k in group) | dict.fromkeys(self.pending)
        for key in staged_keys:
            if self._staged(key) is not _DELETED and key not in self.base:
                yield key

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __contains__(self, key: object) -> bool:
        value = self._staged(key)
        if value is not None:
            return value is not _DELETED
        return key in self.base

    def seal(self, event: Hashable = None) -> None:
        """The current event succeeded: its writes wait for delivery under `event`'s name."""
        if self.pending:
            group = self.sealed.pop(event, {})
            group.update(self.pending)
            self.sealed[event] = group
            self.pending = {}

    def apply(self, event: Hashable = ...) -> None:
        """Write sealed changes to `base` (their outputs are delivered): one event's, or all."""
        events = list(self.sealed) if event is ... else [event]
        for name in events:
            for key, value in self.sealed.pop(name, {}).items():
                if value is _DELETED:
                    self.base.pop(key, None)
                else:
                    self.base[key] = value  # type: ignore[assignment]

    def discard(self) -> None:
        """Forget the current event's changes (it failed); sealed ones stay."""
        self.pending.clear()
