"""Staged state: reads see pending writes, the base only changes on apply()."""

from __future__ import annotations

from newswire.core.staged import StagedMapping


def test_pending_until_applied() -> None:
    base = {"a": b"1", "b": b"2"}
    staged = StagedMapping(base)
    staged["c"] = b"3"
    staged["a"] = b"9"
    del staged["b"]
    assert dict(staged) == {"a": b"9", "c": b"3"} and "b" not in staged and len(staged) == 2
    assert base == {"a": b"1", "b": b"2"}, "nothing durable before delivery"
    staged.apply()
    assert base == {"a": b"9", "c": b"3"} and not staged.pending


def test_discard_forgets() -> None:
    base = {"a": b"1"}
    staged = StagedMapping(base)
    staged["x"] = b"2"
    staged.discard()
    assert dict(staged) == {"a": b"1"} and staged.get("x") is None
