"""`newswire diff`: counts the kinds of change between two versions' outputs."""

from __future__ import annotations

from newswire.diffing import diff, render


def article(aid: str, story: str, text: str = "t", values: tuple[float, ...] = (1.0,), dup: str | None = None) -> dict:
    return {"payload": {"article_id": aid, "story_id": story, "text": text, "duplicate_of": dup, "title": aid,
                        "spam": {"is_spam": False},
                        "claims": [{"text": "c", "quantities": [{"value": v} for v in values], "speaker": None}]}}


def test_identical_outputs() -> None:
    base = [article("a", "s1"), article("b", "s1")]
    d = diff(base, base, [{"payload": {"alert_id": "x"}}], [{"payload": {"alert_id": "x"}}])
    assert d.identical and "identical" in render(d)


def test_each_kind_of_change() -> None:
    base = [article("a", "s1"), article("b", "s1"), article("c", "s2"), article("gone", "s3")]
    # story ids renamed but grouping kept for a/b; c's text and claim value changed; d is new
    shadow = [article("a", "X"), article("b", "X", dup="a"), article("c", "Y", text="new", values=(2.0,)),
              article("d", "Z")]
    d = diff(base, shadow, [{"payload": {"alert_id": "old"}}], [{"payload": {"alert_id": "new"}}])
    assert d.only_base == ["gone"] and d.only_shadow == ["d"]
    assert d.changed["text"] == ["c"] and d.changed["claims"] == ["c"]
    assert d.changed["story"] == [], "renamed story ids with the same grouping are not a change"
    assert d.changed["duplicate_of"] == ["b"]
    assert (d.alerts_only_base, d.alerts_only_shadow) == (["old"], ["new"])
    assert not d.identical


def test_regrouping_is_a_story_change() -> None:
    base = [article("a", "s1"), article("b", "s1")]
    shadow = [article("a", "s1"), article("b", "s2")]
    assert diff(base, shadow).changed["story"] == ["a", "b"]
