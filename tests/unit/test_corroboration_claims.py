"""Claim matching across wordings, independent origins, conflicts and growth."""

from __future__ import annotations

from typing import Any

from newswire.stories import claims


def summary(cid: str, value: float, *, kind: str = "casualties", unit: str | None = "troops",
            window: str | None = "week", noun: list[str] | None = None, speaker: str | None = "White House",
            hedged: bool = False) -> dict[str, Any]:
    return {"i": cid, "k": kind, "v": value, "u": unit, "w": window, "j": noun if noun is not None else ["troop"],
            "s": speaker, "h": hedged, "x": f"claim {cid}"}


def test_subject_is_the_counted_noun_after_the_figure() -> None:
    text = "The White House said 1,000 North Korean troops were killed or injured."
    assert claims.subject(text, text.index("1,000") + 5)[0] == "troop"
    text = "a thousand of their soldiers killed"
    assert claims.subject(text, len("a thousand"))[0] == "troop"  # soldiers and troops count the same


def test_wording_variants_are_one_claim_with_origins_counted_once_per_rewrite_group() -> None:
    story_claims, conflicts = claims.match([
        ("a0", "a0", 1.0, [summary("c0", 1000, hedged=True)]),
        ("a1", "a0", 2.0, [summary("c1", 1000, unit="soldiers"), summary("c1b", 1000)]),  # a rewrite of a0
        ("a2", "a2", 3.0, [summary("c2", 1000, speaker="John Kirby")]),
        ("a3", "a3", 4.0, [summary("c3", 1050, speaker="Biden administration")]),  # "more than 1,000"
    ])
    [c] = story_claims
    assert (c.reports, c.independent_origins) == (4, 3)
    assert c.article_ids == ["a0", "a1", "a2", "a3"]
    assert c.claim_ids == ["c0", "c1", "c1b", "c2", "c3"]
    assert c.speaker == "White House" and not c.hedged  # hedged only when every report hedges
    assert conflicts == []


def test_different_windows_are_different_claims_and_no_conflict() -> None:
    story_claims, conflicts = claims.match([
        ("a0", "a0", 1.0, [summary("c0", 1000, window="week")]),
        ("a1", "a1", 2.0, [summary("c1", 3000, window="since deployment", speaker="Zelensky")]),
    ])
    assert len(story_claims) == 2 and conflicts == []


def test_disagreeing_figures_conflict_but_growth_does_not() -> None:
    _, grew = claims.match([
        ("a0", "a0", 1.0, [summary("c0", 20, kind="casualties", unit="people", noun=["people"])]),
        ("a1", "a1", 9.0, [summary("c1", 45, kind="casualties", unit="people", noun=["people"])]),
    ])
    assert grew == []
    story_claims, conflicts = claims.match([
        ("a0", "a0", 1.0, [summary("c0", 45, unit="people", noun=["people"])]),
        ("a1", "a1", 9.0, [summary("c1", 20, unit="people", noun=["people"])]),
    ])
    [x] = conflicts
    assert sorted(x.values) == [20.0, 45.0] and x.window == "week"
    assert set(x.claim_keys) == {c.key for c in story_claims}
    _, same_time = claims.match([
        ("a0", "a0", 1.0, [summary("c0", 45, unit="people", noun=["people"])]),
        ("a1", "a1", 1.0, [summary("c1", 90, unit="people", noun=["people"])]),
    ])
    assert len(same_time) == 1


def test_different_counted_things_never_conflict() -> None:
    _, conflicts = claims.match([
        ("a0", "a0", 1.0, [summary("c0", 13, kind="count", unit=None, window=None, noun=["drone"])]),
        ("a1", "a1", 1.0, [summary("c1", 2, kind="count", unit=None, window=None, noun=["village"])]),
    ])
    assert conflicts == []


def test_claim_book_updates_incrementally_like_a_full_match() -> None:
    reports = [("a0", "a0", 1.0, [summary("c0", 1000)]), ("a1", "a1", 2.0, [summary("c1", 990)]),
               ("a2", "a2", 3.0, [summary("c2", 500, window="day")])]
    book = claims.ClaimBook()
    for r in reports:
        book.add(*r)
        book.result()
    assert book.result() == claims.match(reports)


def test_fingerprints_skip_small_figures_without_window() -> None:
    assert claims.signatures([summary("c0", 2, window=None, unit=None, noun=["village"])]) == set()
    assert claims.signatures([summary("c0", 1000)]) == {("casualties", "week", "troop", 1000.0),
                                                         ("casualties", "week", "troop", None)}
    assert claims.signatures([summary("c0", 1040)]) == claims.signatures([summary("c1", 1000, unit="soldiers")])


def test_a_figure_in_a_window_also_fingerprints_what_it_counts_whatever_its_value() -> None:
    """2,400 and 3,100 people evacuated in 48 hours are one story's figures (a conflict), not two stories."""
    a = claims.signatures([summary("c0", 2400, unit="people", noun=["people"], window="day")])
    b = claims.signatures([summary("c1", 3100, unit="residents", noun=["people"], window="day")])
    assert a & b == {("casualties", "day", "people", None)}
    assert claims.signatures([summary("c2", 2400, window=None, unit="people")]) & a == set()


def test_a_higher_figure_from_another_source_is_a_conflict_not_growth() -> None:
    _, conflicts = claims.match([
        ("a0", "a0", 1.0, [summary("c0", 2400, unit="people", noun=["people"], window="day",
                                   speaker="Marta Villanueva (civil protection agency)")]),
        ("a1", "a1", 9.0, [summary("c1", 3100, unit="residents", noun=["people"], window="day",
                                   speaker="Jorge Almansa (Red Cross)")]),
    ])
    [x] = conflicts
    assert sorted(x.values) == [2400.0, 3100.0] and x.unit == "people"


def test_figures_without_a_time_window_never_conflict() -> None:
    _, conflicts = claims.match([
        ("a0", "a0", 1.0, [summary("c0", 137, kind="count", unit="rescues", window=None, noun=["rescue"])]),
        ("a1", "a1", 1.0, [summary("c1", 1, kind="count", unit="rescues", window=None, noun=["rescue"])]),
    ])
    assert conflicts == []


_CONFLICT_ORDER = '''
from newswire.stories import claims as C
def cl(i, k, w, u, v, j, s):
    return {"i": i, "k": k, "w": w, "u": u, "v": v, "j": j, "h": False, "s": s, "x": "t"}
reports = [("a1", "o1", 1.0, [cl("c1", "casualties", "week", "troops", 3000.0, ["troop"], "X"),
                              cl("c2", "count", "day", "drones", 30.0, ["drone"], "X")]),
           ("a2", "o2", 2.0, [cl("c3", "count", "day", "drones", 13.0, ["drone"], "Y"),
                              cl("c4", "casualties", "week", "troops", 1000.0, ["troop"], "Y")])]
print([c.kind for c in C.match(reports)[1]])
'''


def test_conflicts_come_in_the_same_order_in_every_process() -> None:
    """Two conflicts found in one refresh are listed by bucket, not by set order, which follows the
    per-process string hash: a restarted worker publishes the same story event again."""
    import os
    import subprocess
    import sys

    outs = {subprocess.run([sys.executable, "-c", _CONFLICT_ORDER], capture_output=True, text=True, check=True,
                           env=os.environ | {"PYTHONHASHSEED": str(seed)}).stdout for seed in range(1, 7)}
    assert outs == {"['casualties', 'count']\n"}


def test_a_new_claim_checks_only_its_own_pairs_for_conflicts(monkeypatch: Any) -> None:
    """Checking every pair of a bucket at each article cost a large story milliseconds per article."""
    checked: list[tuple[str, str]] = []
    real = claims._conflict

    def counting(a: Any, b: Any) -> Any:
        checked.append((a.first["i"], b.first["i"]))
        return real(a, b)

    monkeypatch.setattr(claims, "_conflict", counting)
    book = claims.ClaimBook()
    values = [10, 30, 90, 270, 810, 2430]  # each beyond the tolerance of the others: six claims, one bucket
    speakers = ["White House", "Kremlin", "Kyiv", "NATO", "Pentagon", "Tass"]  # so no figure is one source's growth
    for n, (v, who) in enumerate(zip(values, speakers, strict=True)):
        book.add(f"a{n}", f"a{n}", float(n), [summary(f"c{n}", v, speaker=who)])
        checked.clear()
        book.top(50, 50)
        assert sorted(checked) == [(f"c{i}", f"c{n}") for i in range(n)]  # the new claim against each other
    assert [c.values for c in book.top(50, 50)[1]] == [[a, b] for i, a in enumerate(values) for b in values[i + 1:]]


def test_a_claim_is_summarised_by_the_figure_of_its_kind() -> None:
    """"an eight-year, $200 million offer" is a money claim: its figure is the $200 million. Taking its first
    quantity, three outlets' 8, 7 and 6 years became a money conflict and the agreed $200 million was lost."""
    from newswire.core.records import CleanArticle, Spam
    from newswire.extractor.extract import extract

    text = "The Red Sox have made Mark Teixeira an eight-year, $200 million offer, owner John Henry said on Tuesday."
    article = CleanArticle(article_id="a_1", url="https://x.example/1", source="x", title=None, authors=[],
                           published_at=None, fetched_at=None, language="en", text=text, removed=[],
                           spam=Spam(is_spam=False, score=0.0, reasons=[]), quality=1.0, input_format="text",
                           input_chars=len(text))
    [claim] = [c for c in extract(article).claims if c.quantities]
    assert claim.kind == "money" and claim.quantities[0].unit == "year"
    [summary_] = claims.summarize([claim], text)
    assert (summary_["v"], summary_["u"]) == (200_000_000.0, "usd")


def test_a_toll_that_grew_is_no_conflict_in_any_arrival_order() -> None:
    """Police say 10 killed (9:00), then 25 (12:00); another outlet repeats the 10 (14:00). The 10's group
    was dated by the report that arrived first: in three of six orders the growth read as a conflict."""
    import itertools

    reports = [("a0", "a0", 9.0, [summary("c0", 10, speaker="police")]),
               ("a1", "a1", 12.0, [summary("c1", 25, speaker="police")]),
               ("a2", "a2", 14.0, [summary("c2", 10, speaker="police")])]
    for order in itertools.permutations(reports):
        assert claims.match(list(order))[1] == [], [r[0] for r in order]


def _summaries(text: str) -> list[dict[str, Any]]:
    """The summaries the real cleaner and extractor give a one-paragraph article."""
    from newswire.core.records import RawArticle
    from newswire.stories.evaluate import prepare

    prepared = prepare(RawArticle(url="https://x.example/1", source="x", id="x", text=text))
    return claims.summarize(prepared.extraction.claims, prepared.article.text)


def _pair(first: str, second: str) -> tuple[list[Any], list[Any]]:
    """Two outlets' sentences matched as one story's claims: the first reported an hour before the second."""
    return claims.match([("a0", "a0", 1.0, _summaries(first)), ("a1", "a1", 2.0, _summaries(second))])


def test_the_time_window_is_not_the_counted_thing() -> None:
    """"in the past day" followed every figure: "past" was the noun 40 wounded and 12 killed shared, so they
    conflicted (a page), and 1,000 killed and 1,000 wounded in a week were one claim."""
    _, conflicts = _pair("The ministry said 40 were wounded in the past day.",
                         "The army said 12 were killed in the past day.")
    assert conflicts == []
    story_claims, _ = _pair("The ministry said 1,000 were killed in the past week.",
                            "The army said 1,000 were wounded in the past week.")
    assert len(story_claims) == 2
    _, conflicts = _pair("Inflation rose to 3.1 percent in the past month, the ministry said.",
                         "Unemployment rose to 5.2 percent in the past month, the statistics office said.")
    assert conflicts == []


def test_the_words_of_the_next_figure_are_not_this_ones() -> None:
    """"killed 12 and injured 40": 12 counted "injured" and conflicted with another outlet's 40 injured."""
    text = "The strike killed 12 and injured 40 in the past day, officials said."
    # with no noun after it, the verb before it
    assert claims.subject(text, text.index("12") + 2, text.index("12")) == ["dead"]
    assert claims.subject(text, text.index("40") + 2) == []
    text = "The quake killed 41 people, with 230 people wounded, the agency said."
    assert claims.subject(text, text.index("41") + 2) == ["people"]
    _, conflicts = _pair("The strike killed 12 and injured 40 in the past day, officials said.",
                         "The ministry said 40 were injured in the past day.")
    assert conflicts == []


def test_wounded_and_injured_count_the_same_and_so_do_killed_died_and_dead() -> None:
    for a, b in [("wounded", "injured"), ("killed", "dead"), ("died", "were killed")]:
        story_claims, _ = _pair(f"The ministry said 1,000 {a} in the past week.",
                                f"The army said 1,000 {b} in the past week.")
        assert [c.independent_origins for c in story_claims] == [2], (a, b)


def test_stored_summaries_of_the_old_wording_match_by_their_counted_thing() -> None:
    """Records the store holds keep the nouns they were written with ("past" and unmerged stems)."""
    old = [("a0", "a0", 1.0, [summary("c0", 1000, unit=None, noun=["kill", "past"], speaker="Kyiv")]),
           ("a1", "a1", 2.0, [summary("c1", 1000, unit=None, noun=["wound", "past"], speaker="Kyiv")]),
           ("a2", "a2", 3.0, [summary("c2", 1000, unit=None, noun=["injured"], speaker="UN")])]
    story_claims, _ = claims.match(old)
    assert [c.reports for c in story_claims] == [1, 2]


def test_a_figure_that_does_not_name_what_it_counts_matches_one_that_does() -> None:
    """"1,000 were killed" has no unit, "1,000 people were killed" has "people": they sat in different buckets,
    so the same figure was two claims, and 1,000 people killed against 3,000 killed was no conflict."""
    story_claims, _ = _pair("The army said 1,000 were killed in the past week.",
                            "The UN said 1,000 people were killed in the past week.")
    assert [c.independent_origins for c in story_claims] == [2]
    story_claims, _ = _pair("The army said 1,000 deaths were recorded in the past week.",
                            "The UN said 1,000 civilians were killed in the past week.")
    assert [c.independent_origins for c in story_claims] == [2]
    story_claims, conflicts = _pair("The ministry said 1,000 people were killed in the past week.",
                                    "The UN said 3,000 were killed in the past week.")
    [x] = conflicts
    assert sorted(x.values) == [1000.0, 3000.0] and x.unit == "people"
    _, conflicts = _pair("The ministry said 1,000 people were wounded in the past week.",
                         "The UN said 3,000 were killed in the past week.")
    assert conflicts == []  # wounded and killed are not the same thing


def test_homes_and_houses_count_the_same() -> None:
    story_claims, _ = _pair("Officials said 1,000 homes were destroyed in the past week.",
                            "The UN said more than 1,000 houses were destroyed over the last week.")
    assert [c.independent_origins for c in story_claims] == [2]


def test_the_verb_before_a_figure_counts_with_the_noun_after_it() -> None:
    """"killed 12 people" and "killed 12" are one figure: the first counted only "people", the second "dead"."""
    story_claims, _ = _pair("The strike killed 12 and injured 40 in the past day, officials said.",
                            "The strike killed 12 people and wounded 40 others in the past day, the UN said.")
    assert [c.independent_origins for c in story_claims] == [2]  # a claim's figure is its first: the 12
    text = "An estimated 1,000 were killed in the past week."
    assert claims.subject(text, text.index("1,000") + 5, text.index("1,000")) == ["dead"]  # "estimated": no verb


def test_only_what_happened_to_people_is_read_from_the_verb_before_a_figure() -> None:
    """"approved 45 million euros" counted "approv", so the samples' aid figure matched none of the four other
    outlets' "45 million euros in emergency aid" and its corroboration alert was lost."""
    text = "The government approved 45 million euros on Friday."
    assert claims.subject(text, text.index(" on Friday"), text.index("45")) == []


def test_a_conversion_in_brackets_after_a_figure_is_skipped() -> None:
    text = "The regional government approved 45 million euros ($49 million) in emergency aid on Friday evening."
    end = text.index(" ($49")
    assert claims.subject(text, end, text.index("45")) == ["emergency", "aid"]
    story_claims, _ = _pair(text, "The regional government approved 45 million euros in emergency aid on Friday.")
    assert [c.independent_origins for c in story_claims if c.kind == "money"] == [2]


def test_a_figure_inside_another_reports_bounds_is_no_conflict() -> None:
    """"at least 1,000" is not contradicted by 1,500, nor "up to 1,000" by 800, nor "10-15" by 15."""
    for first, second in [("at least 1,000", "1,500"), ("more than 1,000", "1,500"), ("1,500", "at least 1,000"),
                          ("up to 1,000", "800"), ("between 800 and 1,000", "800"), ("10-15", "15"),
                          ("at least 1,000", "more than 2,000")]:
        _, conflicts = _pair(f"The ministry said {first} people were killed in the past week.",
                             f"The UN said {second} people were killed in the past week.")
        assert conflicts == [], (first, second)
    for first, second in [("at least 1,000", "800"), ("up to 1,000", "1,500"), ("10-15", "40"),
                          ("at least 2,000", "up to 1,000")]:
        _, conflicts = _pair(f"The ministry said {first} people were killed in the past week.",
                             f"The UN said {second} people were killed in the past week.")
        assert len(conflicts) == 1, (first, second)


def test_summaries_without_bounds_read_as_exact_figures() -> None:
    """Records written before bounds were kept have no "b": their figures are points, as they were."""
    _, conflicts = claims.match([("a0", "a0", 1.0, [summary("c0", 1000, speaker="Kyiv")]),
                                 ("a1", "a1", 2.0, [summary("c1", 800, speaker="UN")])])
    assert len(conflicts) == 1


def test_one_date_written_in_different_styles_is_one_window() -> None:
    """AP's "Oct. 7", another outlet's "October 7" and the BBC's "7 October" were three windows: one figure,
    three claims of one origin each."""
    story_claims, _ = claims.match([
        ("a0", "a0", 1.0, _summaries("Officials said 1,200 people were killed on Oct. 7.")),
        ("a1", "a1", 2.0, _summaries("Officials said 1,200 people were killed on October 7.")),
        ("a2", "a2", 3.0, _summaries("Officials said 1,200 people were killed on 7 October.")),
        ("a3", "a3", 4.0, [summary("c3", 1200, unit="people", noun=["people", "kill"], window="oct. 7")]),  # stored
    ])
    assert [c.independent_origins for c in story_claims] == [4]
    canon = claims._canon_window
    assert canon("Oct 7, 2023") == canon("7 October 2023") == "oct 7 2023" and canon("Oct. 7") == "oct 7"


def test_a_denial_of_a_figure_is_not_a_report_of_it() -> None:
    """Moscow denying "claims that 1,000 soldiers were killed" counted as a report and an independent origin of
    the 1,000; two outlets reporting that denial are one claim of their own."""
    affirm = "The White House said 1,000 North Korean soldiers were killed in the past week."
    deny = ("Russia's Defence Ministry denied Western claims that 1,000 North Korean soldiers were killed "
            "in the past week.")
    story_claims, conflicts = claims.match([
        ("a0", "a0", 1.0, _summaries(affirm)),
        ("a1", "a1", 2.0, _summaries(deny)),
        ("a2", "a2", 3.0, _summaries(deny.replace("Russia's Defence Ministry", "Moscow"))),
    ])
    assert sorted((c.reports, c.independent_origins) for c in story_claims) == [(1, 1), (2, 2)]
    assert conflicts == []
    text = "Police, who denied any wrongdoing, said 12 people were killed in the past day."
    assert "n" not in _summaries(text)[0]


def test_casualties_and_losses_are_the_killed_or_wounded() -> None:
    """"over 1,000 casualties" and "1,000 losses" are "1,000 killed or wounded": they were never matched."""
    for wording in ("suffered over 1,000 casualties", "suffered 1,000 losses"):
        story_claims, _ = _pair("The White House said 1,000 were killed or wounded in the past week.",
                                f"North Korean troops {wording} over the past week, Kirby said.")
        assert [c.independent_origins for c in story_claims] == [2], wording
    # stored summaries: "killed or injured" was written as its two stems
    assert claims.nouns(["kill", "injur"]) == claims.nouns(["casualty"])


def test_a_figure_is_a_bound_only_when_every_report_of_it_says_so_in_any_arrival_order() -> None:
    """AP's "at least 10" (9:00) and Reuters' "ten people died" (14:00) are one claim; the government's 30
    (16:00) contradicts Reuters. The claim read as a bound when AP's report arrived first: the conflict was
    there in some arrival orders and not in others."""
    import itertools

    at_least = summary("c0", 10, unit="people", noun=["people", "dead"], window="day", speaker="emergency service")
    at_least["b"] = [10.0, None]
    reports = [("a0", "a0", 9.0, [at_least]),
               ("a1", "a1", 14.0, [summary("c1", 10, unit="people", noun=["people", "dead"], window="day",
                                           speaker="emergency service")]),
               ("a2", "a2", 16.0, [summary("c2", 30, unit="people", noun=["people", "dead"], window="day",
                                           speaker="government delegate")])]
    for order in itertools.permutations(reports):
        assert len(claims.match(list(order))[1]) == 1, [r[0] for r in order]
    assert claims.match([reports[0], reports[2]])[1] == []  # "at least 10" alone: 30 is no contradiction


def test_a_death_toll_counts_the_dead() -> None:
    """"The death toll rose to 41" counted nothing, so it matched any figure near it and conflicted with none:
    another source's 60 killed in the same day was no conflict."""
    _, conflicts = _pair("The death toll rose to 41 in the past day, officials said.",
                         "The UN said 60 people were killed in the past day.")
    assert len(conflicts) == 1
    _, conflicts = _pair("The death toll rose to 41 in the past day, officials said.",
                         "The UN said 60 people were wounded in the past day.")
    assert conflicts == []


def test_two_countries_ministries_are_not_one_source() -> None:
    """Russia's defence ministry's 300 and, later, Ukraine's defence ministry's 1,000 shared the words "defence
    ministry", so the 1,000 read as the same source raising its figure: no conflict."""
    _, conflicts = _pair("Russia's defence ministry said 300 people were killed in the past day.",
                         "Ukraine's defence ministry said 1,000 people were killed in the past day.")
    assert len(conflicts) == 1

    def growth(first: str, second: str) -> list[Any]:
        return claims.match([
            ("a0", "a0", 1.0, [summary("c0", 300, unit="people", noun=["people"], window="day", speaker=first)]),
            ("a1", "a1", 2.0, [summary("c1", 1000, unit="people", noun=["people"], window="day", speaker=second)]),
        ])[1]

    for first, second in [("Gaza's health ministry", "Israel's health ministry"),
                          ("Marta Villanueva (civil protection agency)", "Jorge Almansa (Red Cross)")]:
        assert len(growth(first, second)) == 1, (first, second)
    for first, second in [("Turkey's disaster agency", "country's disaster agency AFAD"),
                          ("John Kirby (White House)", "White House"), ("Police", "Police in Valencia"),
                          ("John Kirby (White House)", "Kirby (White House)")]:
        assert growth(first, second) == [], (first, second)  # one source raising its own figure
