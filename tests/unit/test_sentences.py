"""Sentence splitting: abbreviations, quotes, bullets, headings, offsets."""

from newswire.extractor.sentences import split_sentences


def texts(t: str) -> list[str]:
    return [s.text for s in split_sentences(t)]


def test_abbreviations_do_not_split() -> None:
    t = "He met Putin in Moscow on Dec. 22. Mr. Fico left. The U.S. Secretary spoke. Item No. 5 is here."
    assert texts(t) == ["He met Putin in Moscow on Dec. 22.", "Mr. Fico left.", "The U.S. Secretary spoke.",
                        "Item No. 5 is here."]


def test_a_clock_time_ends_a_sentence_before_a_capitalised_word_that_is_no_day_or_zone() -> None:
    assert texts("The gunman entered about 4 p.m. Police locked down the neighborhood.") == [
        "The gunman entered about 4 p.m.", "Police locked down the neighborhood."]
    assert texts("A man surrendered to police shortly after 6 p.m. He is in custody.") == [
        "A man surrendered to police shortly after 6 p.m.", "He is in custody."]
    for one in ("Tickets go on sale at 10 a.m. Friday, Dec. 6.", "It hit at 11.30 p.m. ET on the coast.",
                "Call in at 10 a.m. Eastern time.", "At 9 a.m. U.S. troops moved in.", "By 5 p.m. Police had left."):
        assert texts(one) == [one]  # a day, a zone, or a time that opens its sentence


def test_initials_and_decimals() -> None:
    assert texts("John F. Kirby said $1.25 billion. Next one.") == ["John F. Kirby said $1.25 billion.", "Next one."]


def test_quote_spanning_sentences_splits_inside_and_keeps_attribution() -> None:
    t = '"Everything is set up. There are instances of it. Russians send them," he said. Numbers could not be verified.'
    out = texts(t)
    assert out[0] == '"Everything is set up.'
    assert out[2] == 'Russians send them," he said.'
    assert out[3] == "Numbers could not be verified."


def test_closing_quote_after_period_belongs_to_sentence() -> None:
    assert texts("Kirby called it \u201cmassed assaults.\u201d Then he left.") == [
        "Kirby called it \u201cmassed assaults.\u201d", "Then he left."]


def test_bullets_and_headings_are_their_own_sentences() -> None:
    t = "Casualties and Lack of Support\nIntro sentence here.\n- Over 3,000 killed\n- About 12,000 troops in Kursk\n"
    sents = split_sentences(t)
    assert [s.kind for s in sents] == ["heading", "text", "bullet", "bullet"]
    assert sents[2].text == "Over 3,000 killed"


def test_offsets_index_the_text() -> None:
    t = "  First one.  Second one!\n\nThird? Yes."
    for s in split_sentences(t):
        assert t[s.start:s.end] == s.text
    assert texts(t) == ["First one.", "Second one!", "Third?", "Yes."]


def test_empty_and_whitespace() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n\t ") == []


def test_heading_is_a_short_line_without_closing_punctuation() -> None:
    from newswire.extractor.sentences import HEADING_WORDS, split_sentences

    short = " ".join(["Word"] * HEADING_WORDS)
    long = " ".join(["Word"] * (HEADING_WORDS + 1))
    assert [s.kind for s in split_sentences(short + "\nBody text here.")] == ["heading", "text"]
    assert [s.kind for s in split_sentences(long + "\nBody text here.")] == ["text", "text"]
    assert [s.kind for s in split_sentences("Short line.\nBody text here.")] == ["text", "text"]
    # a long line cut mid-sentence is body text, and its sentences still split
    cut = "He said it was over. " * 50 + "And then the"
    kinds = {s.kind for s in split_sentences(cut)}
    assert kinds == {"text"} and len(split_sentences(cut)) == 51


def test_sentence_ends_at_its_mark_not_at_the_spaces_after() -> None:
    t = "One here.  \t Two there!   Three?"
    assert [(s.text, t[s.start:s.end]) for s in split_sentences(t)] == [
        ("One here.", "One here."), ("Two there!", "Two there!"), ("Three?", "Three?")]


def test_tokenised_text_with_spaced_quote_marks_still_splits() -> None:
    """Penn Treebank-style text (ECB+) spaces its marks: "years. '' Blackmore" and 'Oscars. " Newly'."""
    t = ("\"It's been with us for well over 20 years. '' Blackmore runs a sect. "
         "\"We are thrilled to have her host the Oscars. \" Newly elected President Isaacs said so.")
    assert [s.text for s in split_sentences(t)] == [
        "\"It's been with us for well over 20 years. ''", "Blackmore runs a sect.",
        "\"We are thrilled to have her host the Oscars.", "\" Newly elected President Isaacs said so."]


def test_an_attribution_after_a_quoted_question_stays_in_its_sentence() -> None:
    t = "\u201cSo he\u2019s going to do the investigation?\u201d Holmes testified. \u201cSondland replied.\u201d"
    assert [s.text for s in split_sentences(t)] == [
        "\u201cSo he\u2019s going to do the investigation?\u201d Holmes testified.", "\u201cSondland replied.\u201d"]
    assert len(split_sentences('"Why?" she asked. "Because."')) == 2
    assert [s.text for s in split_sentences('He asked "why?" The Fed said no.')] == ['He asked "why?"',
                                                                                    "The Fed said no."]


def test_a_state_abbreviation_ends_a_sentence_before_a_word_that_opens_one() -> None:
    texts = [s.text for s in split_sentences("His body was found in Biloxi, Miss. The coroner believes he died.")]
    assert texts == ["His body was found in Biloxi, Miss.", "The coroner believes he died."]
    assert len(split_sentences("He met Miss. Kafoury in Biloxi.")) == 1  # a title before a name
    assert len(split_sentences("He lives in Troy, Mich., and works there.")) == 1


def test_a_figure_with_a_decimal_point_ends_a_sentence() -> None:
    texts = [s.text for s in split_sentences("The blaze broke out about 8.40pm. Police said 5 were hurt.")]
    assert texts == ["The blaze broke out about 8.40pm.", "Police said 5 were hurt."]
    assert len(split_sentences("It will cost $19.99. Sales start in June.")) == 2
    assert len(split_sentences("The train left at 8.30 a.m. on Monday.")) == 1


def test_a_long_run_of_marks_is_read_once() -> None:
    """A run of "?" (mis-decoded CJK) or "." was read to its end from each of its marks: 3.7 s for 12,000."""
    import time

    for mark in ("?", ".", "!"):
        t = "The statement was first published as " + mark * 30_000 + ", officials said. Then they left."
        started = time.process_time()
        got = texts(t)
        assert time.process_time() - started < 0.5
        assert got[-1] == "Then they left."
    assert texts("Really?! He left... Then what?") == ["Really?!", "He left...", "Then what?"]
