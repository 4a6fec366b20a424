"""Keyword screens: a span passes only when a keyword lies wholly inside it."""

from newswire.extractor.screen import Spots


def test_keyword_wholly_inside_span() -> None:
    low = "they reportedly left. the figures were not verified."
    spots = Spots(low, ("report", "verif"))
    r, v = low.index("report"), low.index("verif")
    assert spots.any_in(0, len(low))
    assert spots.any_in(r, r + 6)
    assert not spots.any_in(r, r + 5)  # cut short: "repor" is not the keyword
    assert not spots.any_in(r + 1, v)  # starts inside "report", ends before "verif"
    assert spots.any_in(r + 1, v + 5)
    assert not spots.any_in(0, 0)


def test_every_occurrence_counts_even_overlapping_ones() -> None:
    low = "aaaa claim x claim"
    spots = Spots(low, ("aa", "claim"))
    assert spots.any_in(1, 3) and spots.any_in(2, 4)
    assert spots.any_in(13, 18) and spots.any_in(4, 10) and not spots.any_in(4, 9)


def test_no_keywords_never_pass() -> None:
    spots = Spots("nothing here", ())
    assert not spots.any_in(0, 12)
