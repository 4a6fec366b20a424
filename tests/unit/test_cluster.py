"""Online clustering: centroids, IDF over held articles, add and remove."""

from __future__ import annotations

from newswire.stories import cluster as cluster_mod
from newswire.stories import features
from newswire.stories.cluster import Clusterer

JACKMAN = [
    "Hugh Jackman will host the 81st Academy Awards, the Academy of Motion Picture Arts and Sciences announced.",
    "Australian actor Hugh Jackman was named host of the Oscars ceremony at the Kodak Theatre in February.",
    "The Academy picked Hugh Jackman, the Wolverine star, to host the 81st Oscars.",
]
DEGENERES = [
    "Ellen DeGeneres will host the 86th Academy Awards in 2014, the Academy announced on Friday.",
    "Comedian Ellen DeGeneres returns to host the Oscars for a second time next March.",
]
BUDGET = "The city council approved a budget of 42 million dollars for schools and the harbour bridge."


def terms(text: str) -> dict[str, float]:
    return features.terms(None, text)


def three_stories() -> Clusterer:
    """Two Oscar-host stories (Jackman with two articles, DeGeneres with one) and a budget story."""
    c = Clusterer()
    for i, text in enumerate(JACKMAN[:2]):
        c.add(f"j{i}", terms(text), "jackman")
    c.add("d0", terms(DEGENERES[0]), "degeneres")
    c.add("b0", terms(BUDGET), "budget")
    return c


def test_same_event_scores_higher_than_same_kind_other_event() -> None:
    c = three_stories()
    scores = c.scores(terms(JACKMAN[2]))
    assert scores["jackman"] > scores.get("degeneres", 0.0)
    assert scores.get("budget", 0.0) < 0.05
    story, _ = c.choose(terms(DEGENERES[1]), threshold=0.1)
    assert story == "degeneres"


def test_no_story_below_threshold() -> None:
    c = Clusterer()
    c.add("j0", terms(JACKMAN[0]), "jackman")
    story, score = c.choose(terms(BUDGET))
    assert story is None and score < 0.1


def test_bonus_can_lift_a_story_over_the_threshold() -> None:
    c = Clusterer()
    c.add("j0", terms(JACKMAN[0]), "jackman")
    base, score = c.choose(terms(DEGENERES[1]), threshold=0.9)
    assert base is None
    lifted, _ = c.choose(terms(DEGENERES[1]), bonus={"jackman": 1.0}, threshold=0.9)
    assert lifted == "jackman"


def test_remove_forgets_terms_and_empty_stories() -> None:
    c = Clusterer()
    c.add("j0", terms(JACKMAN[0]), "jackman")
    c.add("j1", terms(JACKMAN[1]), "jackman")
    c.add("j1", terms(JACKMAN[1]), "other")  # a second add of an id is ignored
    assert len(c) == 2 and c.members["jackman"] == {"j0", "j1"}
    c.remove("j0", terms(JACKMAN[0]))
    c.remove("j1", terms(JACKMAN[1]))
    c.remove("j1", terms(JACKMAN[1]))  # a second removal is ignored
    assert len(c) == 0 and "jackman" not in c.members
    assert c.scores(terms(JACKMAN[2])) == {}


def test_terms_weigh_names_titles_and_figures() -> None:
    t = features.terms("Jackman to host Oscars", "Hugh Jackman will host the 81st Oscars in 2009 for 5 hours.")
    assert t["e:hugh jackman"] > 0 and t["jackman"] > 0
    assert "#y2009" in t and "#n5" not in t  # single digits are noise
    assert t["host"] > features.terms(None, "Hugh Jackman will host the 81st Oscars.")["host"]
    assert "the" not in t and "will" not in t
    assert len(features.terms(None, " ".join(f"word{i}x" for i in range(500)))) == features.MAX_TERMS


def test_shared_names_outweigh_shared_topical_words() -> None:
    import newswire.stories.cluster as cluster_mod

    c = Clusterer()
    topical = {"pirate": 1.0, "navy": 1.0, "vessel": 1.0, "gulf": 1.0}
    c.add("a1", topical | {"e:sukanya": 1.0, "#n26": 1.0}, "s_one")
    c.add("a2", topical | {"e:mysore": 1.0, "#n23": 1.0}, "s_two")
    for k in range(6):  # unrelated articles so the terms above are not in every document
        c.add(f"x{k}", {f"other{k}": 1.0, "weather": 1.0}, f"s_x{k}")
    article = topical | {"e:sukanya": 1.0, "#n26": 1.0, "attack": 1.0}
    scores = c.scores(article)
    assert scores["s_one"] > scores["s_two"]
    saved = cluster_mod.SPECIFIC_WEIGHT
    try:
        cluster_mod.SPECIFIC_WEIGHT = 0.0
        plain = c.scores(article)
    finally:
        cluster_mod.SPECIFIC_WEIGHT = saved
    # the names-and-figures cosine widens the gap between the two same-kind stories
    assert scores["s_one"] - scores["s_two"] > plain["s_one"] - plain["s_two"]


def test_full_token_caches_refill_every_token(monkeypatch) -> None:
    """A cache that fills mid-text must not lose tokens read from it a moment earlier."""
    from newswire.stories import features

    monkeypatch.setattr(features, "_CACHE_MAX", 4)
    features._TERM_CACHE.clear()
    first = features.shingle_hashes("Officials said troops were killed near the river.")
    again = features.shingle_hashes(
        "Officials said troops were killed near the river, reporters in another town heard.")
    assert len(first) and len(again)
    out: dict[str, float] = {}
    features._words("Officials said troops", 1.0, out)
    features._words("Officials said troops were killed in another region entirely", 1.0, out)
    assert out


def test_copies_join_the_centroid_but_not_the_document_frequencies() -> None:
    """A rewrite is the same document again: its story's names must not start to look common."""
    c = Clusterer()
    c.add("j0", terms(JACKMAN[0]), "jackman")
    c.add("b0", terms(BUDGET), "budget")
    before = c.scores(terms(JACKMAN[2]))["jackman"]
    c.add("j0-copy", terms(JACKMAN[0]), "jackman", copy=True)
    assert len(c) == 3 and c.members["jackman"] == {"j0", "j0-copy"}
    assert abs(c.scores(terms(JACKMAN[2]))["jackman"] - before) < 1e-9  # same IDF, same centroid direction
    c.remove("j0-copy", terms(JACKMAN[0]))
    assert abs(c.scores(terms(JACKMAN[2]))["jackman"] - before) < 1e-9


def test_terms_come_from_the_lead_where_the_event_is_told() -> None:
    """Background further down (an earlier quake, a past offer) is shared by same-kind events: left out."""
    lead = "A magnitude 5.6 earthquake struck Qeshm island off southern Iran on Sunday, injuring five people. "
    background = " ".join(["In 2005 another earthquake on the island of Bandar Abbas killed 13 people."] * 20)
    t = features.terms(None, lead + " " * (features.TERM_CHARS - len(lead)) + background)
    assert "e:qeshm" in t and "#n5.6" in t
    assert "e:bandar abbas" not in t and "#y2005" not in t


def test_only_names_figures_and_years_count_as_specific() -> None:
    c = Clusterer()
    c.add("w", {"earthquake": 1.0, "election": 2.0}, "words")  # plain words that happen to start with "e"
    c.add("n", {"e:qeshm": 1.0, "#n5.6": 1.0, "quake": 1.0}, "names")
    c.scores({"earthquake": 1.0, "e:qeshm": 1.0})  # norms computed
    assert c._stories["words"].spec_sq == 0.0 < c._stories["words"].norm_sq
    assert 0.0 < c._stories["names"].spec_sq < c._stories["names"].norm_sq


def test_similarity_is_the_score_the_candidate_search_gives() -> None:
    c = three_stories()
    query = terms(DEGENERES[1])
    scored = c.scores(query, ["jackman", "degeneres", "budget"])
    for story, score in scored.items():
        assert abs(c.similarity(query, story) - score) < 1e-12


def test_merge_moves_members_centroid_and_index() -> None:
    merged, whole = Clusterer(), Clusterer()
    merged.add("j0", terms(JACKMAN[0]), "jackman")
    merged.add("j1", terms(JACKMAN[1]), "lone")
    merged.add("b0", terms(BUDGET), "budget")
    merged.merge("jackman", "lone")
    whole.add("j0", terms(JACKMAN[0]), "jackman")
    whole.add("j1", terms(JACKMAN[1]), "jackman")
    whole.add("b0", terms(BUDGET), "budget")
    assert merged.members == whole.members and merged.story_of == whole.story_of
    query = terms(JACKMAN[2])
    got, want = merged.scores(query), whole.scores(query)
    assert got.keys() == want.keys() == {"jackman"} and abs(got["jackman"] - want["jackman"]) < 1e-9
    merged.remove("j1", terms(JACKMAN[1]))  # expiry of the moved article takes it from its new story
    merged.remove("j0", terms(JACKMAN[0]))
    assert "jackman" not in merged.members and merged.scores(query) == {}
    assert set(merged._postings.values()) == {"budget"}  # no term still points at a story gone


def test_only_a_lone_story_close_to_the_grown_story_is_absorbable() -> None:
    c = Clusterer()
    c.add("j0", terms(JACKMAN[0]), "jackman")
    c.add("j1", terms(JACKMAN[1]), "jackman")
    c.add("j2", terms(JACKMAN[2]), "lone")
    c.add("d0", terms(DEGENERES[0]), "degeneres")
    c.add("b0", terms(BUDGET), "budget")
    assert c.similarity(c._stories["lone"].centroid, "jackman") >= cluster_mod.THRESHOLD
    assert c.absorbable("jackman", ["jackman", "budget", "degeneres", "lone"]) == "lone"
    assert c.absorbable("jackman", ["budget", "gone"]) is None  # far, or not held
    assert c.absorbable("degeneres", ["lone", "budget"]) is None  # the other event's story: too far
    c.add("j2b", terms(JACKMAN[2] + " More soon."), "lone")
    assert c.absorbable("jackman", ["lone"]) is None  # two articles: a story of its own, left alone
