"""German attribution fallback: inverted verbs, subject before the verb, "nach Angaben", "zufolge"."""

from newswire.extractor import speakers_de


def who(t: str) -> tuple[str | None, str | None]:
    sp = speakers_de.local(t, 0, len(t))
    return (sp.name, sp.role) if sp else (None, None)


def test_inverted_verb_with_role() -> None:
    t = "„Wir gehen kein Risiko ein“, sagte Anna Berger, Sprecherin der Stadt Köln, am Samstag."
    assert who(t) == ("Anna Berger", "Sprecherin der Stadt Köln")
    sp = speakers_de.local(t, 0, len(t))
    assert sp is not None and t[sp.start:sp.end] == "Anna Berger"


def test_subject_before_verb_and_according_to() -> None:
    assert who("Anwohner berichteten, die Brücke habe geschwankt.")[0] == "Anwohner"
    assert who("Über die Brücke fahren nach Angaben der Stadt täglich 38.000 Fahrzeuge.")[0] == "Stadt"
    assert who("Der Polizei zufolge gab es drei Verletzte.")[0] == "Polizei"
    assert who("Ingenieure hätten Risse entdeckt, teilte die Stadt mit.")[0] == "Stadt"


def test_pronouns_and_plain_sentences_have_no_speaker() -> None:
    assert who("Das sagte sie am Montag.") == (None, None)
    assert who("Die Prüfung soll etwa drei Wochen dauern.") == (None, None)
