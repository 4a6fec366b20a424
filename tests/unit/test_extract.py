"""extract(): claims with ids, offsets, kinds, windows; robustness on odd and huge input."""

import time

from newswire.core.ids import claim_id
from newswire.extractor.evaluate import article
from newswire.extractor.extract import extract, window_of

TEXT = (
    "North Korean forces are experiencing mass casualties, with a thousand of their troops killed or injured "
    "in the last week alone in Russia\u2019s Kursk region, the White House said Friday.\n"
    "That package is expected to be worth $1.25 billion, The Associated Press reported later Friday, citing "
    "anonymous sources.\n"
    "President Volodymyr Zelensky said on Dec. 23 that more than 3,000 North Korean soldiers have been killed "
    "or injured since their deployment.\n"
)


def test_claims_have_speakers_figures_kinds_and_windows() -> None:
    ex = extract(article(TEXT, "a_test"))
    assert len(ex.claims) == 3
    c1, c2, c3 = ex.claims
    assert c1.speaker and c1.speaker.name == "White House"
    assert [q.value for q in c1.quantities] == [1000] and c1.kind == "casualties" and c1.window == "week"
    assert c2.kind == "money" and c2.hedged and c2.speaker and "Associated Press" in c2.speaker.name
    assert c3.window == "since deployment" and c3.speaker and c3.speaker.role == "President"
    assert not c1.hedged and not c3.hedged


def test_offsets_and_deterministic_ids() -> None:
    a = article(TEXT, "a_test")
    ex1, ex2 = extract(a), extract(a)
    assert ex1 == ex2
    for c in ex1.claims:
        assert TEXT[c.start:c.end] == c.text
        assert c.claim_id == claim_id("a_test", c.start, c.end, c.text)
        assert 0.0 <= c.checkworthiness <= 1.0
        for q in c.quantities:
            assert TEXT[q.start:q.end] == q.surface
    assert {q.value for q in ex1.quantities} >= {1000, 1.25e9, 3000}
    assert any(e.text == "White House" and e.label == "ORG" for e in ex1.entities)


def test_with_clause_gets_its_own_speaker() -> None:
    t = ("According to Zelenskyy, more than 3,000 soldiers have been killed, with Western intelligence "
         "estimating around 12,000 troops stationed in the region.")
    ex = extract(article(t))
    assert [(c.speaker.name if c.speaker else None, [q.value for q in c.quantities]) for c in ex.claims] == [
        ("Zelenskyy", [3000]), ("Western intelligence", [12000])]


def test_windows() -> None:
    assert window_of("killed in the past week alone") == "week"
    assert window_of("killed since their deployment in Kursk") == "since deployment"
    assert window_of("said on Dec. 23 that") == "Dec. 23"
    assert window_of("no time here") is None


def test_never_raises_on_odd_input() -> None:
    for t in ("", " ", "\x00\ufffd", "\u0420\u043e\u0441\u0441\u0438\u044f \u4e2d\u56fd \u0639\u0631\u0628\u064a 42",
              '"' * 500, "\u201c" * 300, "Mr. " * 400, "1,000 " * 300):
        extract(article(t))


def test_large_input_is_linear() -> None:
    big = TEXT * 150  # ~60 KB
    t0 = time.perf_counter()
    ex = extract(article(big))
    assert time.perf_counter() - t0 < 3.0
    assert len(ex.claims) >= 400


def test_pathological_inputs_stay_fast() -> None:
    for t in ("said " * 20000, "\u201c" + "a " * 20000, ("\u201c x " * 8000), "Kirby, " * 8000,
              "1, " * 4000, "A" * 100000):
        t0 = time.perf_counter()
        extract(article(t))
        assert time.perf_counter() - t0 < 3.0, t[:20]


def test_article_language_picks_number_format() -> None:
    import dataclasses

    text = "Die Stadt rechnet mit Kosten von mindestens 12 Millionen Euro. Rund 38.000 Fahrzeuge fahren täglich."
    de = dataclasses.replace(article(text, "a_de"), language="de")
    values = [(q.value, q.unit) for q in extract(de).quantities]
    assert values == [(12e6, "eur"), (38000, "fahrzeuge")]
    en = [q.value for q in extract(article(text, "a_de")).quantities]
    assert 38000 not in en  # read as English, "38.000" is thirty-eight


def test_casualties_only_for_people_killed_wounded_or_missing() -> None:
    def kinds(t: str) -> list[str]:
        return [c.kind for c in extract(article(t, "a_k")).claims]

    assert kinds("More than 3,000 soldiers have been killed or injured, officials said.") == ["casualties"]
    assert kinds("The blast killed 12 people, police said.") == ["casualties"]
    assert kinds("At least 40 people are missing, the agency said.") == ["casualties"]
    assert kinds("Troops suffered over 1,000 losses, the ministry said.") == ["casualties"]
    # not casualties: land under water, evacuated people, treated people with no deaths, a share
    assert kinds("Farmers said crops on 18,000 hectares were under water, with losses still unknown.") != ["casualties"]
    assert kinds("About 2,400 people were evacuated, the agency said.") == ["count"]
    assert kinds("Eleven people were treated for hypothermia and no deaths were reported, she said.") == ["count"]
    assert kinds("The losses would amount to almost 10 percent of the force, officials said.") == ["share"]


def test_casualties_in_other_languages() -> None:
    import dataclasses

    text = "Bei dem Unfall gab es dreiundzwanzig Verletzte, teilte die Polizei mit."
    de = dataclasses.replace(article(text, "a_de2"), language="de")
    assert [c.kind for c in extract(de).claims if c.quantities] == ["casualties"]


def test_text_whose_lower_case_is_longer_gives_the_same_claims() -> None:
    # "İ".lower() is two characters: offsets into the lower-cased article no longer line up, so the
    # extractor falls back to reading each claim on its own; both ways must agree
    plain = ("Istanbul officials said 40 people were killed in the past week. Reportedly, 3,000 homes were "
             "destroyed, the governor said on Monday. These numbers could not be verified.")
    dotted = plain.replace("Istanbul", "\u0130stanbul")
    assert len(dotted.lower()) != len(dotted)

    def view(t: str) -> list[tuple]:
        return [(c.text[1:], c.kind, c.window, c.hedged, [q.value for q in c.quantities])
                for c in extract(article(t, "a_i")).claims]

    assert view(dotted) == view(plain)
    assert [(k, w, h) for _, k, w, h, _ in view(plain)] == [  # "These numbers": the 40 and the 3,000
        ("casualties", "week", True), ("count", "Monday", True)]


def test_one_window_scan_agrees_with_the_six_patterns() -> None:
    import itertools

    from newswire.extractor import extract as ex

    words = ("in over the past last previous 24 hours day few weeks month years this since their deployment "
             "start of war began").split()
    for n in (2, 3, 4, 5):
        for combo in itertools.islice(itertools.product(words, repeat=n), 20000):
            t = " ".join(combo)
            assert bool(ex._ANY_WINDOW.search(t)) == any(rx.search(t) for rx, _ in ex._WINDOWS), t


def _speakers(text: str) -> list[tuple[str, str | None]]:
    return [(c.text, c.speaker.who if c.speaker else None) for c in extract(article(text)).claims]


def test_an_unattributed_quote_continues_the_speaker_of_the_quote_before() -> None:
    got = _speakers('"It\'s a disgrace," Senator Bernie Sanders said. "The American people deserve better."\n'
                    'The vote is set for Tuesday.')
    assert ('"The American people deserve better."', "Bernie Sanders") in got


def test_every_sentence_of_a_continued_quote_is_one_claim_with_its_speaker() -> None:
    got = _speakers('"We lost that game," Heyward said. "I know it got overshadowed. We were on the field too much. '
                    'That\'s our fault."\nThe Steelers play Sunday.')
    assert ('"I know it got overshadowed. We were on the field too much. That\'s our fault."', "Heyward") in got


def test_a_quotation_running_over_paragraphs_keeps_its_speaker() -> None:
    got = dict(_speakers("Cheuk Hau-yip, the district commander, said: \u201cThese rioters are criminals. They have "
                         "to face the consequences.\n\n\u201cI don\u2019t see any other option for them.\u201d\n\n"
                         "The siege went on."))
    assert got["They have to face the consequences."] == "Cheuk Hau-yip"
    assert got["\u201cI don\u2019t see any other option for them.\u201d"] == "Cheuk Hau-yip"


def test_a_quotation_opened_curly_and_closed_straight_is_one() -> None:
    got = dict(_speakers('\u201cOur results reflected broad growth," chairman Craig Menear said in the release.\n\n'
                         '"We are largely on track," Menear continued.'))
    assert got['\u201cOur results reflected broad growth," chairman Craig Menear said in the release.'] == \
        "Craig Menear"


def test_a_quote_after_an_unquoted_claim_is_not_given_its_speaker() -> None:
    got = dict(_speakers('Senator Bernie Sanders said the bill costs $3 billion. "The people deserve better."'))
    assert got.get('"The people deserve better."') is None


def test_role_nouns_are_speakers_resolved_to_the_person_named_earlier() -> None:
    got = dict(_speakers("Senator Ted Cruz, a Texas Republican, spoke on Monday. "
                         "The senator said the bill would cost taxpayers nothing. "
                         "Lawmakers said the vote would come next week."))
    assert got["The senator said the bill would cost taxpayers nothing."] == "Ted Cruz"
    assert got["Lawmakers said the vote would come next week."] == "Lawmakers"
    alone = dict(_speakers("The senator claimed the bill would cost taxpayers nothing."))
    assert alone["The senator claimed the bill would cost taxpayers nothing."] == "senator"


def test_relative_clauses_and_more_speech_verbs() -> None:
    got = dict(_speakers("Johnson, who chairs the committee, said the deal was done. "
                         "Officials who spoke on condition of anonymity said talks had stalled. "
                         "Senator Elizabeth Warren conceded that the plan would cost $2 billion."))
    assert got["Johnson, who chairs the committee, said the deal was done."] == "Johnson"
    assert got["Officials who spoke on condition of anonymity said talks had stalled."] == "Officials"
    assert got["Senator Elizabeth Warren conceded that the plan would cost $2 billion."] == "Elizabeth Warren"
    film = "The Notorious Bettie Page was released in 2005, which told the pinup story."
    assert dict(_speakers(film))[film] is None, "a thing in its own relative clause is no speaker"


def test_plural_speaker_nouns_and_with_phrases() -> None:
    got = dict(_speakers("The deal was done, sources familiar with the matter said. "
                         "She had a permit to carry the gun, authorities said. "
                         "The researchers observed Europa for 17 nights."))
    assert got["The deal was done, sources familiar with the matter said."] == "sources familiar with the matter"
    assert got["She had a permit to carry the gun, authorities said."] == "authorities"
    assert got.get("The researchers observed Europa for 17 nights.") is None


def test_two_sources_in_one_sentence_are_two_claims() -> None:
    """'Police said 12 died, while hospital officials said 15 were killed': each figure keeps its source."""
    ex = extract(article("Police said 12 people died, while hospital officials said 15 were killed."))
    assert [(c.speaker.name if c.speaker else None, [q.value for q in c.quantities]) for c in ex.claims] == [
        ("Police", [12.0]), ("hospital officials", [15.0])]
    one = extract(article("The army said it shot down 13 drones, but it did not say where."))
    assert [c.text for c in one.claims] == ["The army said it shot down 13 drones"]  # "did not say" attributes nothing


def test_a_clause_opening_with_its_speech_verb_keeps_the_subject_before() -> None:
    """"X said 30 were hurt, but added ...": the second claim is X's too, while a clause with its own
    subject keeps its own."""
    ex = extract(article("Bolivia's public defender's office said another 30 people had been injured, but added "
                         "the exact circumstances of the deaths remained unclear."))
    assert [c.speaker.name if c.speaker else None for c in ex.claims] == ["Bolivia's public defender's office"] * 2
    ex = extract(article("Police said 12 people died, but hospital officials said 15 were killed."))
    assert [c.speaker.name if c.speaker else None for c in ex.claims] == ["Police", "hospital officials"]


def test_another_and_one_of_open_an_apposition_and_plural_ies_nouns_speak() -> None:
    got = dict(_speakers("Lakshiwnder Singh, another deportee, said he had paid an agent. "
                         "The companies said they wanted to expand their services."))
    assert got["Lakshiwnder Singh, another deportee, said he had paid an agent."] == "Lakshiwnder Singh"
    assert got["The companies said they wanted to expand their services."] == "companies"


def test_casualties_after_a_longer_death_toll_phrase_and_people_hurt() -> None:
    """"The death toll from the earthquake rose to 2,300" and "Four police officers were hurt" were counts."""
    def kinds(t: str) -> list[str]:
        return [c.kind for c in extract(article(t, "a_k")).claims]

    assert kinds("The death toll from the earthquake rose to 2,300, officials said on Tuesday.") == ["casualties"]
    assert kinds("The death toll in the flooded northern province has risen to 41, officials said.") == ["casualties"]
    assert kinds("Four police officers were hurt in the clashes, police said.") == ["casualties"]
    assert kinds("Nobody was hurt when 40 homes were evacuated, police said.") == ["count"]


def test_a_measurement_with_an_event_verb_stays_a_measure() -> None:
    """"A magnitude 6.1 quake struck off the coast" was a count claim: an event word made any small figure a count."""
    def kinds(t: str) -> list[str]:
        return [c.kind for c in extract(article(t, "a_m")).claims]

    assert kinds("A magnitude 6.1 quake struck off the coast, the USGS said.") == ["measure"]
    assert kinds("The quake struck at a depth of 10 km (6 miles), the USGS said.") == ["measure"]
    assert kinds("Russian forces seized two villages, the ministry said.") == ["count"]
    assert kinds("Russian forces have taken 30 square kilometres, the ministry said.") == ["event"]


def test_windows_with_a_number_of_days_weeks_months_or_years() -> None:
    """"over the past two weeks" and "in the past three days" gave no window, "the past week" gave "week"."""
    assert window_of("killed over the past two weeks") == "week"
    assert window_of("In the past three days, 40 people died") == "day"
    assert window_of("in the last 12 hours") == "day"
    assert window_of("over the past six months") == "month"
    assert window_of("in the past 10 years") == "year"
    assert window_of("in the past few weeks") == "week"
    assert window_of("the past 24 hours") is None  # no "in"/"over": as before


def test_casualties_after_the_number_of_dead() -> None:
    """"The number of dead rose to 40" was a count, while "The death toll rose to 40" was casualties."""
    kinds = [c.kind for c in extract(article("The number of dead rose to 40, officials said.", "a_n")).claims]
    assert kinds == ["casualties"]
    kinds = [c.kind for c in extract(article("The number of visitors rose to 40, officials said.", "a_n")).claims]
    assert kinds == ["count"]
