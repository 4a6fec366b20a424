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
    assert base == {"a": b"1", "b": b"2"}, "an event not sealed (not finished) is never applied"
    staged.seal()
    staged.apply()
    assert base == {"a": b"9", "c": b"3"} and not staged.pending and not staged.sealed


def test_discard_forgets() -> None:
    base = {"a": b"1"}
    staged = StagedMapping(base)
    staged["x"] = b"2"
    staged.discard()
    assert dict(staged) == {"a": b"1"} and staged.get("x") is None


def test_failed_event_loses_only_its_own_writes() -> None:
    """A worker handles a batch before waiting for deliveries: event 2 failing must not
    discard event 1's marks, and its own partial marks must never become durable."""
    base: dict[str, bytes] = {}
    staged = StagedMapping(base)
    staged["alert-1"] = b"fired"
    staged.seal()  # event 1 succeeded
    staged["alert-2"] = b"fired"  # event 2 fails midway
    staged.discard()
    assert "alert-1" in staged and "alert-2" not in staged
    staged["alert-3"] = b"fired"
    staged.seal()
    staged["half"] = b"x"  # the batch's last event fails after writing
    staged.apply()
    assert base == {"alert-1": b"fired", "alert-3": b"fired"}
    assert "half" in staged.pending and not staged.sealed


def test_sealed_delete_reads_as_absent() -> None:
    base = {"a": b"1"}
    staged = StagedMapping(base)
    del staged["a"]
    staged.seal()
    assert "a" not in staged and list(staged) == [] and len(staged) == 0
    staged.apply()
    assert base == {}


def test_each_event_applies_its_own_group_in_order() -> None:
    """The worker applies each event's marks in that event's context (its table partition)."""
    base: dict[str, bytes] = {}
    staged = StagedMapping(base)
    staged["k"] = b"1"
    staged.seal(("t", 0, 5))
    staged["k"] = b"2"
    staged["j"] = b"x"
    staged.seal(("t", 1, 9))
    assert staged["k"] == b"2", "reads see the newest sealed write"
    staged.apply(("t", 0, 5))
    assert base == {"k": b"1"} and staged["k"] == b"2"
    staged.apply(("t", 1, 9))
    assert base == {"k": b"2", "j": b"x"} and not staged.sealed
    staged.apply(("t", 2, 0))  # an event that wrote nothing (or failed): nothing to apply
    assert base == {"k": b"2", "j": b"x"}
