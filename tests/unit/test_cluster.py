"""Online clustering: centroids, IDF over held articles, add and remove."""

from __future__ import annotations

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


def test_same_event_scores_higher_than_same_kind_other_event() -> None:
    c = Clusterer()
    for i, text in enumerate(JACKMAN[:2]):
        c.add(f"j{i}", terms(text), "jackman")
    c.add("d0", terms(DEGENERES[0]), "degeneres")
    c.add("b0", terms(BUDGET), "budget")
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
