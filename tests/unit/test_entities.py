"""Rule-based entities: people with roles, organisations, places, offsets."""

from newswire.extractor.entities import find_entities, is_demonym, mentions


def test_people_orgs_places_with_offsets() -> None:
    t = "Ukrainian President Volodymyr Zelenskyy met NATO officials in Kyiv and the White House agreed."
    ents = {(e.text, e.label) for e in find_entities(t)}
    assert ("Volodymyr Zelenskyy", "PERSON") in ents
    assert ("NATO", "ORG") in ents
    assert ("Kyiv", "GPE") in ents
    assert ("White House", "ORG") in ents
    for e in find_entities(t):
        assert t[e.start:e.end] == e.text


def test_role_and_org_before_name() -> None:
    t = "U.S. National Security Council Spokesperson John Kirby spoke."
    (person,) = [m for m in mentions(t) if m.label == "PERSON"]
    assert person.name == "John Kirby"
    assert person.role == "Spokesperson"
    assert person.org == "U.S. National Security Council"


def test_surname_after_full_name_is_a_person() -> None:
    t = "John Kirby spoke. Later Kirby left."
    assert [m.name for m in mentions(t) if m.label == "PERSON"] == ["John Kirby", "Kirby"]


def test_possessive_splits_entities() -> None:
    t = "North Korean forces fought in Russia\u2019s Kursk region."
    names = [(e.text, e.label) for e in find_entities(t)]
    assert ("Russia", "GPE") in names and ("Kursk", "GPE") in names
    assert all(n != "North Korean" for n, _ in names)


def test_demonyms() -> None:
    assert is_demonym("Russian") and is_demonym("Ukrainian") and is_demonym("Chinese")
    assert not is_demonym("Kirby") and not is_demonym("Brian")


def test_no_entities_in_lowercase_or_empty() -> None:
    assert find_entities("") == []
    assert find_entities("nothing capitalised here at all") == []
