"""Alert titles: one line, figures as readers write them, attribution moved to the speaker."""

from __future__ import annotations

from newswire.alerter.titles import format_figure, format_number, one_line, summarize_claim, with_speaker


def test_format_numbers_and_figures() -> None:
    assert format_number(1000) == "1,000"
    assert format_number(12.5) == "12.5"
    assert format_number(1.25e9) == "1.25 billion"
    assert format_number(3e6) == "3 million"
    assert format_figure(1.25e9, "usd") == "$1.25 billion"
    assert format_figure(10, "percent") == "10%"
    assert format_figure(3000, "troops") == "3,000 troops"
    assert format_figure(None, "usd") == "?"


def test_one_line_collapses_and_cuts_at_a_word() -> None:
    assert one_line("a\n  b\tc") == "a b c"
    cut = one_line("word " * 100, 50)
    assert len(cut) <= 50 and cut.endswith("word…")


def test_summary_drops_attribution_frames() -> None:
    assert summarize_claim("Shares fell 3%, the company said.") == "Shares fell 3%"
    assert summarize_claim("According to Zelenskyy, more than 3,000 soldiers have been killed.") == (
        "More than 3,000 soldiers have been killed")
    assert summarize_claim("The White House reported Friday that a thousand troops were killed or injured "
                           "in the past week alone.") == (
        "A thousand troops were killed or injured in the past week alone")
    assert summarize_claim('"They are expendable," John Kirby said.') == "They are expendable"


def test_long_sentence_keeps_the_clause_with_the_figure() -> None:
    s = ("North Korean forces are experiencing mass casualties on the front lines of Russia's war against "
         "Ukraine, with a thousand of their troops killed or injured in the last week alone in Russia's Kursk "
         "region, the White House said Friday.")
    out = summarize_claim(s)
    assert out.startswith("A thousand of their troops killed or injured") and len(out) <= 140


def test_speaker_in_parentheses() -> None:
    assert with_speaker("X happened", "White House") == "X happened (White House)"
    assert with_speaker("X happened", None) == "X happened"


def test_dated_and_cited_attributions_are_dropped() -> None:
    assert summarize_claim("President Volodymyr Zelensky said on Dec. 23 that more than 3,000 soldiers have "
                           "been killed.") == "More than 3,000 soldiers have been killed"
    assert summarize_claim("That package is expected to be worth $1.25 billion, The Associated Press reported "
                           "later Friday, citing anonymous sources.") == (
        "That package is expected to be worth $1.25 billion")
    assert summarize_claim("The White House believes more than 1,000 troops have been killed.") == (
        "More than 1,000 troops have been killed")


def test_a_long_sentence_is_never_cut_inside_brackets() -> None:
    """Cut at the comma inside "(seven years, $140 million)", the title read "$140- $150 million) and
    Nationals (eight years"."""
    text = ("Teixeira is considered the top offensive player available on the free agent market, and the Orioles "
            "(seven years, $140- $150 million) and Nationals (eight years, $160 million) reportedly have made "
            "sizeable offers as well.")
    summary = summarize_claim(text)
    assert summary.startswith("The Orioles (seven years, $140- $150 million) and Nationals (eight years, $160")
    assert summary.count("(") == summary.count(")") or summary.endswith("…")


def test_a_speakers_organisation_is_not_brackets_within_brackets() -> None:
    assert with_speaker("12 killed", "Mike Silverman (Boston Herald)") == "12 killed (Mike Silverman, Boston Herald)"
    assert with_speaker("3,100 fled", "Spanish Red Cross (Spanish Red Cross)") == "3,100 fled (Spanish Red Cross)"
