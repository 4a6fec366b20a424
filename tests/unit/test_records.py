"""`from_dict`: records built from their JSON form the way their constructors would build them."""

from __future__ import annotations

import pytest

from newswire.core.records import Claim, Quantity, Spam, Speaker, Story, from_dict, to_dict


def test_defaults_conversions_and_unknown_keys() -> None:
    spam = from_dict(Spam, {"is_spam": False, "score": 1, "added_in_v9": "ignored"})
    assert spam == Spam(is_spam=False, score=1.0)
    assert type(spam.score) is float  # JSON writes 1.0 as 1
    assert spam.reasons == []


def test_a_default_factory_gives_each_record_its_own_list() -> None:
    a, b = from_dict(Spam, {"is_spam": False, "score": 0.5}), from_dict(Spam, {"is_spam": False, "score": 0.5})
    a.reasons.append("x")
    assert b.reasons == []


def test_nested_records_and_lists_of_them_are_built() -> None:
    claim = Claim(claim_id="c_1", text="1,000 killed, he said", start=0, end=21, kind="casualties",
                  quantities=[Quantity(value=1000.0, unit="killed", approx="", surface="1,000", start=0, end=5)],
                  speaker=Speaker(name="John Kirby", start=16, end=18), hedged=False, checkworthiness=0.9)
    rebuilt = from_dict(Claim, to_dict(claim))
    assert rebuilt == claim
    assert type(rebuilt.quantities[0]) is Quantity and type(rebuilt.speaker) is Speaker
    assert from_dict(Claim, to_dict(claim) | {"speaker": None}).speaker is None


def test_a_missing_required_field_names_itself() -> None:
    with pytest.raises(TypeError, match="Story needs 'story_id'"):
        from_dict(Story, {})

