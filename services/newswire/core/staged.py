"""State writes held back until the outputs they stand for are delivered.

The alerter remembers which alerts fired; if that memory reached the changelog before the
alert itself reached its topic, a crash in between would lose the alert for good (the
redelivered story update would find it "already fired"). Writes therefore go to a staging
layer and are applied to the durable table only after the worker has confirmed delivery;
a crash before that repeats the alert with the same deterministic id instead.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping

_DELETED = object()


class StagedMapping(MutableMapping[str, bytes]):
    """A mapping that reads through to `base` and keeps writes pending until `apply()`."""

    def __init__(self, base: MutableMapping[str, bytes]) -> None:
        self.base = base
        self.pending: dict[str, object] = {}

    def __getitem__(self, key: str) -> bytes:
        value = self.pending.get(key, None)
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
            if self.pending.get(key) is not _DELETED:
                yield key
        for key, value in self.pending.items():
            if value is not _DELETED and key not in self.base:
                yield key

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __contains__(self, key: object) -> bool:
        value = self.pending.get(key, None)  # type: ignore[call-overload]
        if value is not None:
            return value is not _DELETED
        return key in self.base

    def apply(self) -> None:
        """Write the pending changes to `base` (their outputs are delivered)."""
        for key, value in self.pending.items():
            if value is _DELETED:
                self.base.pop(key, None)
            else:
                self.base[key] = value  # type: ignore[assignment]
        self.pending.clear()

    def discard(self) -> None:
        """Forget pending changes (the event failed)."""
        self.pending.clear()
