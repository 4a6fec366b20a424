"""Quantity finder: values, units, approximators, money, ranges, and time expressions excluded."""

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from newswire.extractor.quantities import find_quantities
from newswire.extractor.quantmetrics import score


def q(t: str) -> list[tuple[float, str | None, str]]:
    return [(x.value, x.unit, x.approx) for x in find_quantities(t)]


def test_counts_with_counted_noun_and_approximators() -> None:
    assert q("more than 3,000 North Korean soldiers have been killed") == [(3000, "soldiers", ">")]
    assert q("approximately 12,000 North Korean soldiers in Kursk") == [(12000, "soldiers", "~")]
    assert q("at least 5 people died") == [(5, "people", ">=")]
    assert q("nearly 40 homes") == [(40, "homes", "<")]
    assert q("up to 7 drones") == [(7, "drones", "<=")]


def test_number_words() -> None:
    assert q("with a thousand of their troops killed") == [(1000, "troops", "=")]
    assert q("took control of two eastern Ukrainian villages") == [(2, "villages", "=")]
    assert q("a hundred and two of those")[0][0] == 102
    assert q("a dozen eggs")[0][:2] == (12, "eggs")


def test_money_and_percent() -> None:
    (m,) = find_quantities("That package is expected to be worth $1.25 billion, the AP reported.")
    assert (m.value, m.unit, m.kind, m.surface) == (1.25e9, "usd", "money", "$1.25 billion")
    assert q("losses would amount to almost 10 percent of the force") == [(10, "percent", "<")]
    assert q("up 35% on the year")[0][:2] == (35, "percent")
    assert q("\u20ac10M in savings")[0][:2] == (1e7, "eur")
    assert q("$58.24 per barrel")[0][:2] == (58.24, "usd per barrel")


def test_x_of_y_shares_the_unit() -> None:
    assert q("shot down 13 of 24 Russian drones") == [(13, "drones", "="), (24, "drones", "=")]


def test_ranges_become_midpoints() -> None:
    assert q("between 44 and 50 mg")[0][:2] == (47, "milligram")
    assert q("10-15 exabytes")[0][0] == 12.5


def test_ranges_keep_both_bounds_for_the_editor() -> None:
    """A range's value is its midpoint (the reference convention); the figures written stay in
    low and high, so "rose from $350 to $680" never reads as a made-up 515 alone."""
    [r] = find_quantities("Prices rose from $350 to $680 per kg.")
    assert (r.value, r.low, r.high) == (515, 350, 680)
    [single] = find_quantities("It cost $350.")
    assert single.low is None and single.high is None


def test_dates_years_times_ordinals_are_not_quantities() -> None:
    assert q("He met Putin on Dec. 22 and again on 27 December 2024.") == []
    assert q("Russia invaded in February of 2022; by 2013-14 it was over.") == []
    assert q("at 7:33 AM on May 31, 2023, the 21st meeting") == []
    assert q("F-16 jets and COVID-19 cases in Section 427") == []


def test_measures() -> None:
    assert q("155 mm artillery rounds")[0][:2] == (155, "millimetre")
    assert q("a range of 4,000 km")[0][:2] == (4000, "kilometre")
    assert q("for three days")[0][:2] == (3, "day")


def test_offsets_and_surface() -> None:
    t = "Officials said about 1,000 troops died."
    (x,) = find_quantities(t)
    assert t[x.start:x.end] == x.surface == "about 1,000"


def test_scoring_matches_official_rule() -> None:
    res = score([([{"value": 1000, "unit": "troops"}], [{"value": "1000.0", "unit": "troop"}]),
                 ([{"value": 5, "unit": None}], [])])
    assert res["value_precision"] == 0.5 and res["value_recall"] == 1.0
    assert res["value_unit_f1"] == res["value_f1"]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_never_raises(t: str) -> None:
    for x in find_quantities(t):
        assert 0 <= x.start <= x.end <= len(t)


def test_linear_time_on_pathological_input() -> None:
    for t in ("1," * 20000, "one " * 20000, "- " * 20000 + "5", "1 000 " * 5000, "one, " * 20000,
              "one and " * 20000, "5 to " * 20000, "aged 5, " * 5000, "5 " + "m" * 40 + "q/s"):
        t0 = time.perf_counter()
        find_quantities(t)
        assert time.perf_counter() - t0 < 2.0


def test_scale_suffixes() -> None:
    assert q("and $5m raised")[0][:2] == (5e6, "usd")
    assert q("a \u00a33bn deal")[0][:2] == (3e9, "gbp")
    assert q("5m tall")[0][:2] == (5, "metre")
    assert q("Rs 500 crore")[0][:2] == (5e9, "inr")
    assert q("2.48\u00d710\u22125 seconds")[0][0] == 2.48e-5


def qd(t: str, lang: str = "de") -> list[tuple[float, str | None, str]]:
    return [(x.value, x.unit, x.approx) for x in find_quantities(t, lang=lang)]


def test_german_separators_scales_and_units() -> None:
    assert qd("für Lastwagen über 7,5 Tonnen gesperrt") == [(7.5, "tonne", ">")]
    assert qd("täglich rund 38.000 Fahrzeuge, darunter etwa 2.500 Lastwagen") == [
        (38000, "fahrzeuge", "~"), (2500, "lastwagen", "~")]
    assert qd("Kosten von mindestens 12 Millionen Euro") == [(12e6, "eur", ">=")]
    assert qd("ein Plus von 3,5 % im Jahr") == [(3.5, "percent", "=")]
    assert qd("1,2 Milliarden Dollar")[0][:2] == (1.2e9, "usd")


def test_german_words_dates_and_labels() -> None:
    assert qd("dreiundzwanzig Verletzte und zweihundert Menschen") == [(23, "verletzte", "="), (200, "menschen", "=")]
    assert qd("eine Million Euro")[0][:2] == (1e6, "eur")
    assert qd("ein Mann und eine Frau") == []  # articles, not figures
    assert qd("am 14. März 2026 um 14 Uhr") == []
    assert qd("über die Autobahn 1 umgeleitet") == []
    assert qd("zwischen 10 und 20 Menschen") == [(15, "menschen", "~")]


def test_other_decimal_comma_languages_and_english_default() -> None:
    assert qd("plus de 3 millions de personnes", "fr") == [(3e6, "personnes", ">")]
    assert qd("1 234,5 euros", "fr")[0][:2] == (1234.5, "eur")
    assert qd("el 3,5 por ciento", "es")[0][:2] == (3.5, "percent")
    assert qd("12,5 miljoen euro", "nl")[0][:2] == (12.5e6, "eur")
    # English (or unknown language) keeps commas as thousands separators
    assert qd("7,500 troops", "en") == [(7500, "troops", "=")]
    assert qd("7,500 troops", "xx") == [(7500, "troops", "=")]


def test_news_units_half_minus_and_million_m() -> None:
    assert q("a 2,500-square-foot home") == [(2500, "square foot", "=")]
    assert q("About half the voters") == [(0.5, "voters", "~")]
    assert q("in the first half of the year") == []
    assert q("temperatures of minus 10 degrees Celsius") == [(-10, "degree celsius", "=")]
    assert q("The company cut 1.5m jobs") == [(1.5e6, "jobs", "=")]
    assert q("The wall is 3.5m long") == [(3.5, "metre", "=")]
    assert q("\u00a34.5bn and \u00a5300 million and US$12 million") == [
        (4.5e9, "gbp", "="), (3e8, "jpy", "="), (1.2e7, "usd", "=")]


def test_changes_ranges_and_pronoun_one() -> None:
    assert q("The index fell 1.2 points to 25,430.") == [(1.2, "point", "="), (25430, None, "=")]
    assert q("from 5 to 10 people") == [(7.5, "people", "~")]  # one range, as the reference annotations read it
    assert q("They were changed from 44 ml to 50 mg ethanol.") == [(44, "millilitre", "="), (50, "milligram", "=")]
    assert q("temperatures ranged from -18 \u00b0C to -34 \u00b0C") == [(-26, "degree celsius", "~")]
    assert q("3 to 4 L of wine") == [(3.5, "litre", "~")]
    assert q("That one costs 3 dimes") == [(3, "dime", "=")]


def test_ordinal_thirds_magnitudes_and_verbs_after_counts() -> None:
    assert q("A third Boras client signed") == []
    assert q("a third of respondents")[0][0] == 1 / 3 or abs(q("a third of respondents")[0][0] - 1 / 3) < 1e-9
    assert q("a magnitude 4.6 earthquake struck") == [(4.6, "magnitude", "=")]
    assert q("The three met for two hours") == [(3, None, "="), (2, "hour", "=")]


def test_half_a_unit() -> None:
    assert q("for about half an hour") == [(0.5, "hour", "~")]
    assert q("half a mile away") == [(0.5, "mile", "=")]


def test_compound_symbols_and_powers() -> None:
    assert q("Objects fall with an acceleration of 9.83e-3 +/- 1e-5 km/s2") == [
        (0.00983, "kilometre per square second", "=")]
    assert q("Violet light oscillates at 4e14 s-1") == [(4e14, "inverse second", "=")]
    assert q("a dose of 14 mGy") == [(14, "milligray", "=")]
    assert q("PM2.5 at 35 \u00b5g/m3 today")[-1] == (35, "microgram per cubic metre", "=")
    assert q("exactly 8x2^10 bits") == [(8192, "bit", "=")]
    assert q("a factor of 2.48\u00d710\u22125") == [(2.48e-05, None, "=")]
    assert q("4km^3 and 4 km cubed") == [(4, "cubic kilometre", "="), (4, "cubic kilometre", "=")]


def test_acronyms_and_words_are_not_symbols() -> None:
    assert q("seized seven AK-47 rifles")[0][1] == "rifles"  # the model name is no unit either
    assert q("5.8 million TV viewers") == [(5.8e6, "viewers", "=")]
    assert q("Cannington South 32 Ltd") == []
    assert q("resolution of 1680 x 1050 pixels") == [(1680, None, "="), (1050, "pixels", "=")]


def test_inch_one_unit_and_rates() -> None:
    assert q("The door is 2 1/2 in thick") == [(2.5, "inch", "=")]
    assert q("The length of my pencil is 2 in.") == [(2, "inch", "=")]
    assert q("There are 2 in the box") == [(2, None, "=")]
    assert q("I want a gallon of beer") == [(1, "gallon", "=")]
    assert q("gas at $3 a gallon") == [(3, "usd per gallon", "=")]
    assert q("a depth of two-tenths of a mile") == [(0.2, "mile", "=")]
    assert q("not a dollar more, a year ago") == []
    assert q("it's used four times per week") == [(4, "count per week", "=")]
    assert q("speeds up to 120 miles an hour") == [(120, "mile per hour", "<=")]


def test_shared_scales_and_date_slashes() -> None:
    assert q("It costs $5-6 million") == [(5.5e6, "usd", "~")]
    assert q("five or six million people") == [(5e6, "people", "="), (6e6, "people", "=")]
    assert q("a deficit of half a trillion dollars") == [(5e11, "usd", "=")]
    assert q("after the 9/11 attacks, open 24/7, on 12/25/2024") == []
    assert q("a 3/4 majority") == [(0.75, "majority", "=")]


def test_quantulum_naming_in_the_dev_metric() -> None:
    from newswire.extractor.quantmetrics import quantulum_unit
    assert quantulum_unit("cars", "count") == "dimensionless"
    assert quantulum_unit(None, "count") == "dimensionless"
    assert quantulum_unit("millilitre", "measure") == "cubic centimetre"
    assert quantulum_unit("usd per kilogram", "money") == "usd per kilogram"


def test_news_noise_times_addresses_ages_and_pronouns() -> None:
    assert q("By about 09: 30 BST the fire was out") == []
    assert q("relatives at 505 LaGuardia Place") == []
    assert q("Teixeira, 28, was acquired") == [(28, "year of age", "=")]
    assert q("captured two Yemeni fishing boats") == [(2, "boats", "=")]
    assert q("there's three people shot") == [(3, "people", "=")]
    assert q("no one else was injured") == []
    assert q("2-1/2 million citizens") == [(2.5e6, "citizens", "=")]
    assert q("10 and a half million jobs") == [(10.5e6, "jobs", "=")]


def test_currency_codes_symbols_and_product_labels() -> None:
    assert q("USD 5 million and 300 million EUR") == [(5e6, "usd", "="), (3e8, "eur", "=")]
    assert q("R$ 5 bn") == [(5e9, "brl", "=")]
    assert q("a 5pc rise") == [(5, "percent", "=")]
    assert q("10 billion yuan") == [(1e10, "cny", "=")]
    assert q("iPhone 12 sales and iOS 6") == []
    assert q("A 15-year-old boy") == [(15, "year of age", "=")]
    assert q("A 5.6 magnitude earthquake hit") == [(5.6, "magnitude", "=")]


def test_glued_temperatures_and_basis_points() -> None:
    assert q("temperatures of 30C today") == [(30, "degree celsius", "=")]
    assert q("it hit 95F.") == [(95, "degree fahrenheit", "=")]
    assert q("raised rates by 25 basis points, then cut 50 bps") == [(25, "basis point", "="), (50, "basis point", "=")]


def test_unicode_mixed_fractions_superscripts_and_negative_ranges() -> None:
    assert q("2\u00bd miles") == [(2.5, "mile", "=")]
    assert q("1\u20442 cup") == [(0.5, "cup", "=")]
    assert q("1.5\u00d710\u2076 cells") == [(1.5e6, "cells", "=")]
    assert q("3 \u00d7 10\u207b\u2075 m") == [(3e-05, "metre", "=")]
    assert q("temperatures of -5 to -10 degrees") == [(-7.5, "degree", "~")]


def test_clock_times_versus_decimals_before_am_pm() -> None:
    assert q("at 5 pm, at 10.30 pm, at 0930 GMT") == []
    assert q("This nano grid has a size of 2.123 pm.") == [(2.123, "picometre", "=")]


def test_lists_share_scale_unit_and_age() -> None:
    assert q("five, six or seven million people") == [(5e6, "people", "="), (6e6, "people", "="), (7e6, "people", "=")]
    assert q("two, three or four days") == [(2, "day", "="), (3, "day", "="), (4, "day", "=")]
    assert q("Nineteen fifty-three we tried") == []
    assert q("two men, aged 24, 31 and 40") == [(2, "men", "="), (24, "year of age", "="), (31, "year of age", "="),
                                                (40, "year of age", "=")]
    assert q("children aged 5 to 12") == [(8.5, "year of age", "~")]
    assert q("by a quarter of a percentage point") == [(0.25, "percentage point", "=")]


def test_approximated_year_shaped_counts() -> None:
    assert q("More than 2000 people died") == [(2000, "people", ">")]
    assert q("in 2020 elections, around 1990 he moved") == []


def test_singular_units_and_partitive_counts() -> None:
    assert q("a 500-megawatt plant") == [(500, "megawatt", "=")]
    assert q("25 metric tons") == [(25, "tonne", "=")]
    assert q("two of the three victims") == [(2, "victims", "="), (3, "victims", "=")]


def test_unmatched_lists_false_positives_and_misses() -> None:
    from newswire.extractor.quantmetrics import unmatched
    extra, missed = unmatched([{"value": 2, "unit": "metre"}, {"value": 5, "unit": "usd"}],
                              [{"value": 2, "unit": "metre"}, {"value": 7, "unit": "dollar"}])
    assert extra == [{"value": 5, "unit": "usd"}] and missed == [{"value": 7, "unit": "dollar"}]


def test_rates_with_hyphens_and_adverbs_after_counts() -> None:
    assert q("a $60-a-barrel price cap") == [(60, "usd per barrel", "=")]
    assert q("killed 6.8 million worldwide") == [(6.8e6, None, "=")]


def test_a_sentence_opening_on_a_range_and_a_rate_per_qualified_noun() -> None:
    # the capitalised first word is no label when a measured range follows ("Section 3-5" stays a label)
    assert q("Drink 20-30 minutes before your workout") == [(25, "minute", "~")]
    assert q("Allow 2\u20133 hours.") == [(2.5, "hour", "~")]
    assert q("Section 3-5 applies") == []
    assert q("earned $2.53 per diluted share") == [(2.53, "usd per share", "=")]


def test_hyphenated_function_words_model_names_and_ordinals_are_no_units() -> None:
    assert q("the 11- and 13-inch models") == [(11, "inch", "="), (13, "inch", "=")]
    assert q("the four-to-six week timeline") == [(5, "week", "~")]
    assert q("seven AK-47 automatic rifles") == [(7, "rifles", "=")]
    assert q("26 Somali crew onboard") == [(26, "crew", "=")]
    assert q("its 2008 second-quarter earnings") == [] and q("in 9.58 seconds") == [(9.58, "second", "=")]


def test_news_counts_ages_and_magnitudes() -> None:
    assert q("bodies of two more victims were found") == [(2, "victims", "=")]
    assert q("The bodies of Alice McMeekin, 58, were found") == [(58, "year of age", "=")]
    assert q("a magnitude of at least 5.9 hit southern Iran") == [(5.9, "magnitude", ">=")]
    assert q("the quake measured 5.9 on the Richter scale") == [(5.9, "magnitude", "=")]


def test_the_sample_reports_days_and_partitives() -> None:
    assert q("would cut about 900 of the roughly 7,000 jobs") == [(900, "jobs", "~"), (7000, "jobs", "~")]
    assert q("voted 7-4 late Friday") == [(7, None, "="), (4, None, "=")]
    assert q("one person died") == [(1, "person", "=")]


def test_changes_decibels_and_hyphenated_tallies() -> None:
    assert q("down by 30 to 126") == [(30, None, "="), (126, None, "=")]
    assert q("a 38 dBA office") == [(38, "decibel", "=")]
    assert [v for v, _, _ in q("Glass was 20-of-24 passing")] == [20, 24] and q("F-16 jets") == []


def test_huge_powers_do_not_raise() -> None:
    assert q("1e999 things") == []
    assert q("9^999 ways")[0][0] == 9
    assert q("8x2^10 bits and 10\u207b stray") == [(8192, "bit", "="), (10, None, "=")]


@given(st.text(alphabet="0123456789 .,-/^x\u00d7%$\u00bd\u207b\u2075\u00b2kmgKMGBsJWhVCFinofthe", max_size=60))
@settings(max_examples=300, deadline=None)
def test_never_raises_on_number_like_text(t: str) -> None:
    for x in find_quantities(t):
        assert t[x.start:x.end] == x.surface


def test_half_after_hyphens_and_ranges_from_zero_and_adverbs_before_the_noun() -> None:
    def found(t: str) -> list[tuple[float, str | None]]:
        return [(q.value, q.unit) for q in find_quantities(t)]

    assert found("Jim Hood lost by five-and-a-half points.") == [(5.5, "point")]
    assert found("It goes from zero to 60 mph in five seconds.") == [(60.0, "mile per hour"), (5.0, "second")]
    assert found("0-60 mph takes 5.0 seconds.") == [(60.0, "mile per hour"), (5.0, "second")]
    assert found("It will grow from 16 currently to as many as 80 by 2022.")[0] == (16.0, None)
    assert found("Two highly critical reports were published.") == [(2.0, "reports")]


def test_short_time_units_after_a_rates_slash_and_no_reflexive_unit() -> None:
    assert [(q.value, q.unit) for q in find_quantities("Premium costs $4.99/mo.")] == [(4.99, "usd per month")]
    assert all(q.unit != "myself" for q in find_quantities("I have one myself."))


def test_dotted_cubic_and_square_feet_and_no_adverb_or_contraction_units() -> None:
    assert [(q.value, q.unit) for q in find_quantities("It holds 21.7 cu.ft. in total.")] == [(21.7, "cubic foot")]
    assert [q.unit for q in find_quantities("They sang all three together.")] == [None]
    assert all(q.unit != "stronger" for q in find_quantities("I found one that's stronger than stone."))


def test_a_verb_after_a_figure_is_no_counted_noun_but_a_casualty_participle_is() -> None:
    assert [q.unit for q in find_quantities("The three worked on it until May.")] == [None]
    assert [q.unit for q in find_quantities("The navy caught 23 armed pirates.")] == ["pirates"]
    assert [q.unit for q in find_quantities("At least 50 injured were taken to hospital.")] == ["injured"]


def test_money_after_an_m_suffix_the_emergency_number_and_later_after_a_noun() -> None:
    assert [(q.value, q.unit) for q in find_quantities("They made off with 2m euros.")] == [(2e6, "eur")]
    assert find_quantities("Officers responded to 911 calls from employees.") == []
    assert [q.unit for q in find_quantities("He faces one murder charge later this week.")] == ["charge"]
    assert [q.unit for q in find_quantities("It came despite two earlier legal opinions.")] == ["opinions"]


def test_tokenised_thousands_after_a_comma_and_space() -> None:
    assert [(q.value, q.unit) for q in find_quantities("Thieves took £35, 000 of jewels.")] == [(35000.0, "gbp")]
    assert [q.value for q in find_quantities("about 100, 000 people")] == [100000.0]
    assert [q.value for q in find_quantities("In 2005, 100 people died.")] == [100.0]  # a year, then a count


def test_a_count_right_after_a_date_is_kept() -> None:
    assert [(q.value, q.unit) for q in find_quantities("On Dec. 12, 150 protesters gathered.")] == [
        (150.0, "protesters")]
    assert [(q.value, q.unit) for q in find_quantities("In May, 300 people came.")] == [(300.0, "people")]
    assert find_quantities("On May 5, 2009 it rained.") == []  # the day and the year stay a date


def test_a_range_of_huge_figures_has_a_finite_midpoint() -> None:
    """(low + high) / 2 overflowed to inf, which JSON writes as null: the claim event failed its own schema."""
    import math

    found = find_quantities("Estimates ranged from 1e308 to 1.7e308 dollars, the report said.")
    assert found and all(math.isfinite(x.value) for x in found)
    assert found[0].low == 1e308 and found[0].high == 1.7e308
    for t in ("between 1e300 and 1.7e299 billion dollars", "1e300 or 1.7e299 billion dollars"):  # a shared scale
        assert all(math.isfinite(x.value) and math.isfinite(x.high or 0.0) for x in find_quantities(t))
    assert q("between 44 and 50 mg") == [(47, "milligram", "~")]


def test_an_m_suffix_before_an_irregular_plural_is_million() -> None:
    """"1.5m people" was read as 1.5 metres: only plurals in -s counted as the noun a million counts."""
    assert q("About 1.5m people live in the city.") == [(1.5e6, "people", "~")]
    assert q("The war has displaced 2m children.") == [(2e6, "children", "=")]
    assert q("The wall is 3.5m long") == [(3.5, "metre", "=")]


def test_a_scale_word_after_a_scale_word_multiplies() -> None:
    """"Rs 1.5 lakh crore" is 1.5 * 10^5 * 10^7 rupees; it was read as 1.5 lakh (150,000)."""
    assert q("The minister announced Rs 1.5 lakh crore for infrastructure.") == [(1.5e12, "inr", "=")]
    assert q("a Rs 10 thousand crore package") == [(1e11, "inr", "=")]
    assert q("Over 1 lakh people attended the rally.") == [(1e5, "people", ">")]


def test_pence_written_with_a_p() -> None:
    """"5p a litre" lost its figure (digits glued to a letter are dropped) and kept "a litre" as 1 litre."""
    assert q("Fuel duty will rise by 5p a litre.") == [(5, "penny per litre", "=")]
    assert q("Shares closed at 150p.") == [(150, "penny", "=")]
    assert q("It streams in 720p and 1080p.") == []
    assert q("It closes at 5p.m. today.") == []


def test_a_change_then_the_level_it_reached_is_no_range() -> None:
    """"Shares rose $4 to $150" is a rise of $4 to a price of $150, not a range with midpoint $77;
    "grow 2% to 3%" stays a range (ends close together), and so does "from X to Y"."""
    assert q("Shares rose $4 to $150.") == [(4, "usd", "="), (150, "usd", "=")]
    assert q("Petrol jumped 10p to 150p a litre.") == [(10, "penny", "="), (150, "penny per litre", "=")]
    assert q("The index gained 150 to 7,500 points.") == [(150, "point", "="), (7500, "point", "=")]
    assert q("The economy will grow 2% to 3% this year.") == [(2.5, "percent", "~")]
    assert q("Prices rose from $350 to $680.") == [(515, "usd", "~")]


def test_digits_hyphenated_to_a_number_word_are_a_name() -> None:
    """"7-Eleven" was a range of 7 to 11 stores (midpoint 9)."""
    assert q("A 7-Eleven store was robbed on Main Street.") == []
    assert q("Police said 7-Eleven had 12 stores in the area.") == [(12, "stores", "=")]
    assert q("four-to-six weeks") == [(5, "week", "~")]


def test_ages_in_months_weeks_and_days() -> None:
    """"an 18-month-old girl" was a duration of 18 months, while "a 45-year-old man" is an age."""
    found = find_quantities("The 18-month-old girl survived; a six-week-old baby and a 3-day-old boy died.")
    assert [(x.value, x.unit, x.kind) for x in found] == [
        (18, "month of age", "age"), (6, "week of age", "age"), (3, "day of age", "age")]
    assert q("The baby was nine months old.") == [(9, "month of age", "=")]
    assert q("The 3-day strike ended.") == [(3, "day", "=")]


def test_plus_and_odd_after_a_figure_are_approximators() -> None:
    """"1,000-plus passengers" counted "plus" with approx "="."""
    assert q("The ferry carried 1,000-plus passengers.") == [(1000, "passengers", ">")]
    assert q("a 20-plus-year career") == [(20, "year", ">")]
    assert q("some 200-odd people") == [(200, "people", "~")]
    assert q("a $1 billion-plus deal") == [(1e9, "usd", ">")]


def test_an_irregular_plural_before_a_plural_noun_is_its_modifier() -> None:
    """"Four police officers" counted "police": the noun phrase ended at the first irregular plural."""
    assert q("Four police officers were hurt.") == [(4, "officers", "=")]
    assert q("The 300 staff members were told.") == [(300, "members", "=")]
    assert q("two aircraft carriers") == [(2, "carriers", "=")]
    assert q("40 people remain missing") == [(40, "people", "=")]
    assert q("12 police were injured") == [(12, "police", "=")]


def test_a_fraction_counts_the_noun_of_its_partitive() -> None:
    """"a quarter of voters", "half the residents" counted nothing, while "half of the residents" counted residents."""
    assert q("About a quarter of voters are undecided.") == [(0.25, "voters", "~")]
    assert q("Four-fifths of respondents agreed.") == [(0.8, "respondents", "=")]
    assert q("Half the residents left.") == [(0.5, "residents", "=")]
    assert [(round(v, 6), u) for v, u, _ in q("Two-thirds of Americans back it.")] == [(0.666667, "americans")]


def test_a_capitalised_plural_then_a_verb_ends_the_noun() -> None:
    """"500 Americans support the measure" counted "support"."""
    assert q("500 Americans support the measure.") == [(500, "americans", "=")]
    assert q("40 Texas towns flooded.") == [(40, "towns", "=")]
    assert q("1,000 North Korean troops") == [(1000, "troops", "=")]
    assert q("two Yemeni fishing boats") == [(2, "boats", "=")]


def test_one_in_five_is_a_ratio_of_what_the_second_figure_counts() -> None:
    """"One in five adults" gave only "five adults" and "nine in 10 voters" a bare nine and ten voters."""
    assert q("One in five adults in the UK now smokes.") == [(0.2, "adults", "=")]
    assert q("Nearly nine in 10 voters said the economy mattered.") == [(0.9, "voters", "<")]
    [r] = find_quantities("Officials said 3 in 4 households had lost power.")
    assert (r.value, r.unit, r.surface) == (0.75, "households", "3 in 4")
    assert q("He scored 2 in 10 minutes.") == [(2, None, "="), (10, "minute", "=")]
    assert q("No one in 10 Downing Street knew.") == []


def test_phone_numbers_and_leading_zero_codes_are_not_figures() -> None:
    """Phone numbers were read as figures ("0800 555 111" as 800, 555 and 111; "123-4567" as a range of 2,345)."""
    assert q("Anyone with information should call 0800 555 111.") == []
    assert q("call them on 020 7946 0958 or +44 20 7946 0958") == []
    assert q("call (555) 123-4567 or 1-800-555-0199") == []
    assert q("call 555-0199 for details") == []
    assert q("The 007 films") == []
    assert q("Police were called to 12 homes on 0800 555 111 calls.")[:1] == [(12, "homes", "=")]
    assert q("It cost 1 500 000 euros and 10-15 people came.") == [(1.5e6, "eur", "="), (12.5, "people", "~")]
    assert q("between 1500-2000 people") == [(1750, "people", "~")]
    assert q("He scored 0.5 points") == [(0.5, "point", "=")]


def test_an_age_between_commas_after_a_described_person() -> None:
    """AP style gives ages after descriptions too: "The suspect, 34, was charged" read 34 as a bare count."""
    assert q("The suspect, 34, was charged with assault.") == [(34, "year of age", "=")]
    assert q("Her husband, 71, died in hospital.") == [(71, "year of age", "=")]
    assert q("A local teacher, 45, was among them.") == [(45, "year of age", "=")]
    assert q("The driver, 34, of Springfield, was unhurt.") == [(34, "year of age", "=")]
    assert q("Of the total, 34, or 12%, were women.")[0] != (34, "year of age", "=")


def test_strong_after_a_hyphen_describes_the_noun_counted() -> None:
    """"The 10,000-strong force" counted "strong"."""
    assert q("The 10,000-strong force arrived.") == [(10000, "force", "=")]
    assert q("a 1.2-million-strong army") == [(1.2e6, "army", "=")]


def test_a_year_earlier_after_money_is_no_rate() -> None:
    """"a profit of $300m a year earlier" was read as $300m per year."""
    assert q("compared with a profit of $300m a year earlier") == [(3e8, "usd", "=")]
    assert q("It cost $5 a month ago.") == [(5, "usd", "=")]
    assert q("It pays $50,000 a year before tax.") == [(50000, "usd per year", "=")]
    assert q("He earns $250k a year.") == [(250000, "usd per year", "=")]


def test_a_name_in_the_plural_before_the_noun_does_not_end_it() -> None:
    """Only a capitalised plural right after the figure can be the noun ("500 Americans support"): "United States"
    is part of a longer name before the counted noun."""
    assert q("Two United States service members were killed.") == [(2, "members", "=")]


def test_a_fraction_of_what_counts_no_noun() -> None:
    assert q("The force is about three-quarters of what it takes to break it.") == [(0.75, None, "~")]
