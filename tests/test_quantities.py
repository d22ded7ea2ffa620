"""Figures in news text (newsledger.analyze.quantities) and the NewsQuant gate."""
from __future__ import annotations

import pytest

from newsledger.analyze.quantities import find_quantities, normalized_unit

# excerpts of the canonical seed (shared/seeds/000_cf3f4e080ef5b4cc.txt)
SEED = (
    "North Korea has decided to send \u201ctroops in large numbers\u201d to support Russia, and 1,500 "
    "North Korean military personnel are already training in the Russian Far East, South Korean "
    "intelligence said Friday.\n\n"
    "North Korea has decided to send up to 12,000 troops to help Russia, according to South Korea\u2019s "
    "National Intelligence Service (NIS).\n\n"
    "In a separate statement, the NIS said it had \u201cdetected from October 8 to 13 that North Korea "
    "transported its special forces to Russia\u201d.\n\n"
    "200% Deposit Bonus up to \u20ac3,000 180% First Deposit Bonus up to $20,000\n\n"
    "According to the same source, the North could send a total of 12,000 troops.\n\n"
    "The NIS said Friday that North Korea had \u201cprovided Russia with the equivalent of more than "
    "13,000 containers of artillery ammunition, missiles, anti-tank rockets and other lethal "
    "weapons\u201d since August.\n\n"
    "Ukrainian President Volodymyr Zelensky said Thursday he had information that North Korea was "
    "training some 10,000 troops to support Russia.\n\n"
    "Ukrainian media recently reported that six North Korean servicemen were killed in a Ukrainian "
    "missile strike on a Russian-occupied area near Donetsk on October 3.\n\n"
    "an ally of the North Korean regime since its creation after World War II.\n\n"
    "Teilor Stone has been a reporter on the news desk since 2013. Published at 10:09 Updated at 12:50. "
    "Contact 1-800-268-7116"
)


def _at(qs, text):
    hits = [q for q in qs if q.text.endswith(text)]
    assert hits, f"no quantity ending {text!r} in {[q.text for q in qs]}"
    return hits[0]


@pytest.fixture(scope="module", params=["nodoc", "doc"])
def seed_qs(request):
    doc = None
    if request.param == "doc":
        from newsledger.analyze.nlp import get_nlp

        doc = get_nlp()(SEED)
    return find_quantities(SEED, doc=doc)


def test_offsets(seed_qs):
    for q in seed_qs:
        assert SEED[q.start:q.end] == q.text


def test_seed_personnel(seed_qs):
    q = _at(seed_qs, "1,500")
    assert q.value == 1500 and q.bound == "exact"
    assert q.unit in ("personnel", "military personnel")


def test_seed_up_to(seed_qs):
    q = _at(seed_qs, "up to 12,000")
    assert (q.value, q.high, q.bound, q.unit) == (12000, 12000, "at-most", "troops")


def test_seed_total(seed_qs):
    q = [q for q in seed_qs if q.text == "12,000"][0]
    assert (q.value, q.bound, q.unit) == (12000, "exact", "troops")


def test_seed_more_than(seed_qs):
    q = _at(seed_qs, "more than 13,000")
    assert (q.value, q.low, q.bound) == (13000, 13000, "at-least")
    assert q.unit.startswith("containers")
    assert q.concept == "containers of artillery ammunition"


def test_seed_some(seed_qs):
    q = _at(seed_qs, "some 10,000")
    assert (q.value, q.bound, q.unit) == (10000, "approx", "troops")


def test_seed_word_number(seed_qs):
    q = _at(seed_qs, "six")
    assert (q.value, q.unit) == (6, "servicemen")


def test_seed_advert_money(seed_qs):
    eur = _at(seed_qs, "up to €3,000")
    assert (eur.value, eur.unit, eur.bound) == (3000, "EUR", "at-most")
    usd = _at(seed_qs, "up to $20,000")
    assert (usd.value, usd.unit) == (20000, "USD")
    pct = [q for q in seed_qs if q.text == "200%"][0]
    assert (pct.value, pct.unit) == (200, "percent")


def test_seed_no_dates_years_times_ordinals(seed_qs):
    values = {q.value for q in seed_qs}
    texts = " | ".join(q.text for q in seed_qs)
    for bad in (8, 13, 3, 2013, 10, 9, 12, 50, 800, 268, 7116, 2):
        assert bad not in values, (bad, texts)


def qs(text):
    return find_quantities(text)


def one(text):
    found = qs(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text", [
    "The war ended in 2013.", "It happened on October 3.", "Published at 10:09.",
    "Veterans of World War II gathered.", "He was the first to arrive.", "The 22nd amendment.",
    "Shares of the S&P 500 fell.", "the COVID-19 pandemic", "a new iPhone 11 Pro",
    "They beat Charlton 2-1 on Saturday.", "Call 1-800-268-7116 now.", "The CO2 levels",
])
def test_not_quantities(text):
    assert qs(text) == []


@pytest.mark.parametrize("text,value,unit", [
    ("It costs $9.5 billion.", 9.5e9, "USD"),
    ("a bonus of €3,000", 3000, "EUR"),
    ("some 2 million people", 2e6, "people"),
    ("revenue of $1.762bn", 1.762e9, "USD"),
    ("it has 35m users", 35e6, "users"),
    ("He ran 100 km.", 100, "km"),
    ("prices rose 4.5 per cent", 4.5, "percent"),
    ("a dozen eggs", 12, "eggs"),
    ("two hundred and fifty soldiers", 250, "soldiers"),
    ("a 50-year-old man", 50, "year-old"),
    ("HK $5.4m in fees", 5.4e6, "HKD"),
    ("RM23.50 a share", 23.5, "MYR per share"),
    ("the temperature fell to minus-130 degrees Fahrenheit", -130, "°F"),
])
def test_values_units(text, value, unit):
    q = one(text)
    assert q.value == pytest.approx(value)
    assert q.unit == unit


@pytest.mark.parametrize("text,bound", [
    ("as many as 40 soldiers", "at-most"), ("at most 40 soldiers", "at-most"),
    ("no more than 40 soldiers", "at-most"), ("over 40 soldiers", "at-least"),
    ("at least 40 soldiers", "at-least"), ("upwards of 40 soldiers", "at-least"),
    ("about 40 soldiers", "approx"), ("around 40 soldiers", "approx"),
    ("roughly 40 soldiers", "approx"), ("nearly 40 soldiers", "approx"),
    ("almost 40 soldiers", "approx"), ("an estimated 40 soldiers", "approx"),
    ("approximately 40 soldiers", "approx"), ("exactly 40 soldiers", "exact"),
    ("closer to 40 soldiers", "approx"), ("nearer to 40 soldiers", "approx"),
])
def test_bounds(text, bound):
    q = one(text)
    assert q.value == 40 and q.bound == bound
    if bound == "at-most":
        assert q.high == 40
    if bound == "at-least":
        assert q.low == 40


@pytest.mark.parametrize("text,low,high,unit", [
    ("between 10 and 20 people", 10, 20, "people"),
    ("a 10-20 km walk", 10, 20, "km"),
    ("it rose from 8 to 13 percent", 8, 13, "percent"),
    ("from $10 to $15 billion", 10e9, 15e9, "USD"),
    ("work 40 to 50 hours a week", 40, 50, "hours per week"),
    ("dozens of people", 12, 120, "people"),
    ("thousands of troops", 1e3, 1e4, "troops"),
    ("tens of thousands of dollars", 1e4, 1e5, "USD"),
    ("hundreds of miles", 100, 1000, "mi"),
])
def test_ranges(text, low, high, unit):
    q = one(text)
    assert (q.bound, q.low, q.high) == ("range", pytest.approx(low), pytest.approx(high))
    assert q.unit == unit


def test_change_is_not_a_range():
    found = qs("Profit increased by $43.6 billion to $419.2 billion.")
    assert [q.value for q in found] == [43.6e9, 419.2e9]
    found = qs("Shares rose 6.5% to 164p.")
    assert [(q.value, q.unit) for q in found] == [(6.5, "percent"), (164, "GBX")]


def test_normalized_unit():
    q = one("It costs $9.5 billion.")
    assert normalized_unit(q) == "dollar"
    assert normalized_unit(one("prices rose 4.5 per cent")) == "percentage"
    assert normalized_unit(one("He ran 100 kilometres.")) == "kilometre"


@pytest.mark.slow
def test_newsquant_value_f1():
    from newsledger.evaluate.quantities import evaluate

    res = evaluate()
    assert res["value"]["F1"] >= 92.5, res
    assert res["value+unit"]["F1"] >= 78.0, res


# ---------------------------------------------------------------- issue 12 kinds (own sentences)


def test_spoken_range_takes_the_first_ends_scale():
    text = "The bridge will cost between two billion and two-and-a-half, the transport secretary said."
    qs = find_quantities(text)
    assert len(qs) == 1
    q = qs[0]
    assert (q.low, q.high, q.bound) == (2e9, 2.5e9, "range")
    assert q.text == "two billion and two-and-a-half"


def test_vote_tallies_and_round_the_clock_are_not_figures():
    for text in ("The council approved the plan in a 12-to-1 vote on Monday.",
                 "The appeals court ruled 5-4 against the landlord.",
                 "The crisis line now runs 24/7 across the region."):
        assert find_quantities(text) == [], text


def test_pronoun_one_is_found_but_is_no_figure_of_a_claim():
    from newsledger.analyze import analyze
    from newsledger.model import Article

    text = "Fire chief Dana Moss said it was one of the worst blazes the valley had seen in 40 years."
    art = analyze(Article(source="test", text=text, paragraphs=[text]))
    claim = next(c for c in art.claims if "worst blazes" in c.content.text)
    assert [q.value for q in claim.quantities] == [40]  # "in 40 years", not "one"


def test_square_kilometres_keep_their_square():
    q = find_quantities("The oil slick spread over 35 square kilometres of sea by Friday.")[0]
    assert q.value == 35 and q.unit == "km2"


# ---------------------------------------------------------------- reader faults fixed where they arise (h-cross19)


def _parsed(text):
    from newsledger.analyze.nlp import get_nlp

    return find_quantities(text, doc=get_nlp()(text))


def test_a_hyphenated_counted_noun_is_read_whole():
    """The parse splits "co-workers" into "co", "-", "workers": the unit is the whole word."""
    (q,) = _parsed("The clerk shot two co-workers at the depot on Friday.")
    assert (q.value, q.unit) == (2, "co-workers")
    (q,) = _parsed("Ferry staff rescued three ex-soldiers from the lake.")
    assert q.unit == "ex-soldiers"
    (q,) = _parsed("Two of the co-workers gave evidence.")
    assert q.unit == "co-workers"
    # a hyphen used as a dash ends the noun: "two cousins-one a baker" counts cousins
    assert _parsed("He met two cousins-one a baker, the other a nurse.")[0].unit == "cousins"


def test_issue_12_kinds_hold_with_the_parse_too():
    """Spoken ranges, vote tallies, "24/7" and the pronoun "one" read the same with a parse."""
    (q,) = _parsed("The bridge will cost between two billion and two-and-a-half, the transport secretary said.")
    assert (q.low, q.high, q.bound) == (2e9, 2.5e9, "range")
    for text in ("The council approved the plan in a 12-to-1 vote on Monday.",
                 "The crisis line now runs 24/7 across the region."):
        assert _parsed(text) == [], text


def test_a_glued_m_is_metres_or_millions_by_its_sentence():
    """"600m" without a currency: metres where nothing counted follows and the sentence is about
    height, distance or depth (or about nothing else); millions where a counted noun follows or
    the sentence is about money or people."""
    for text, value, unit in (("The climber fell about 400m while descending the ridge.", 400, "m"),
                              ("The patrol stopped within 80m of their hut.", 80, "m"),
                              ("The dam, which cost a fortune, rises 120m above the valley.", 120, "m"),
                              ("Annual revenue at the brewery reached 600m, the owners said.", 6e8, None),
                              ("The app's user base reached 600m.", 6e8, None),
                              ("The party courts 40m voters.", 4e7, "voters")):
        for qs in (find_quantities(text), _parsed(text)):
            (q,) = qs
            assert (q.value, q.unit) == (value, unit), text
    for qs in (find_quantities("The firm has sold 35m of its kettles in Peru."),
               _parsed("The firm has sold 35m of its kettles in Peru.")):
        assert [q.value for q in qs] == [3.5e7]  # "of its": a share of things counted


def test_a_figure_given_by_both_bounds_is_one_range():
    """"at least X and possibly as much as Y" is one figure with bounds X-Y, not two figures;
    bounds of two different counts ("At least 20 people died and up to 300 were hurt") stay two."""
    text = "The stadium repairs will cost at least €40 million and possibly as much as €55 million, the council said."
    for qs in (find_quantities(text), _parsed(text)):
        (q,) = qs
        assert (q.bound, q.low, q.high, q.unit) == ("range", 4e7, 5.5e7, "EUR")
        assert q.text == "at least €40 million and possibly as much as €55 million"
    text = "At least 20 people died and up to 300 were hurt in the fire."
    assert [q.bound for q in find_quantities(text)] == ["at-least", "at-most"]


# ---------------------------------------------------------------- amounts, ranges and units (h-cross26)


def test_a_scale_word_glued_by_a_hyphen_scales_the_number():
    """"$137-million" (as some outlets write an amount used before a noun) is 137 million, not
    $137; "2-million-strong" too; a glued "-m" or "-k" is no scale word ("a 5-m pole")."""
    for text, value, unit in (("The club agreed a $137-million, eight-year contract with the pitcher.", 1.37e8, "USD"),
                              ("The port will need a $3.4-billion upgrade, the board said.", 3.4e9, "USD"),
                              ("A 2-million-strong crowd lined the route.", 2e6, None)):
        q = find_quantities(text)[0]
        assert (q.value, q.unit) == (value, unit), text
    (q,) = find_quantities("The agency said it would pay $20-million to $25-million for the land.")
    assert (q.bound, q.low, q.high) == ("range", 2e7, 2.5e7)
    assert find_quantities("He vaulted over a 5-m pole.")[0].value == 5


def test_mm_glued_to_an_amount_counts_millions():
    """"$200MM" (finance's millions) is 200 million dollars; "MM" without a currency, or
    lower case, stays millimetres."""
    (q,) = find_quantities("The club tabled an eight-year, $200MM offer on Friday.")
    assert (q.value, q.unit) == (2e8, "USD")
    assert [(q.value, q.unit) for q in find_quantities("The bolts are 5mm wide and 8MM long.")] == [(5, "mm"), (8, "mm")]


def test_a_range_written_with_one_currency_sign_scales_both_ends():
    """"$140-150m": the second end, glued to the first by a dash, is an amount too, so its
    glued scale ("m", "MM") applies to the range."""
    for text in ("The rival bid was $140-150m over seven years.", "The rival bid was $140-150MM over seven years."):
        q = find_quantities(text)[0]
        assert (q.bound, q.low, q.high, q.unit) == ("range", 1.4e8, 1.5e8, "USD"), text


def test_a_spelled_amount_glued_to_its_currency_is_an_amount():
    """"a two-million-euro heist" and "a two million-euro haul" are 2 million euros, not a
    compound adjective; "a three-year deal" and "a two-million-strong crowd" spelled out stay
    unread (by design), and "a 10-pound turkey" is no currency."""
    for text in ("Thieves pulled off a two-million-euro jewellery heist.",
                 "Thieves made off with a two million-euro haul."):
        (q,) = find_quantities(text)
        assert (q.value, q.unit) == (2e6, "EUR"), text
    assert find_quantities("He signed a three-year deal.") == []
    assert find_quantities("A two-million-strong crowd lined the route.") == []
    assert [q.unit for q in find_quantities("She roasted a 10-pound turkey.")] == [None]


def test_a_number_glued_to_magnitude_is_read():
    """"a magnitude-6.1 temblor", "measuring at least magnitude-5.9" (AP style) are read as
    "magnitude 6.1" is; "COVID-19" stays a name."""
    assert [q.value for q in find_quantities("USGS said it was a magnitude-6.1 temblor.")] == [6.1]
    assert [q.value for q in find_quantities("A quake measuring at least magnitude-5.9 shook the island.")] == [5.9]
    assert find_quantities("Cases of COVID-19 fell.") == []


def test_a_pronoun_with_its_clitic_names_nothing():
    """"He's 16 years old" is an age as "He is 16 years old" is: a capitalised pronoun is no
    name a number could be the identifier of ("Game 2")."""
    assert [(q.value, q.unit) for q in find_quantities("“He's 16 years old,” she said.")] == [(16, "year-old")]
    assert [q.value for q in find_quantities("It’s 5 miles away.")] == [5]


# ---------------------------------------------------------------- nouns glued to a number (h-cross37)


def test_a_noun_glued_to_a_spelled_number_is_what_it_counts():
    """"a four-truck convoy", "a three-storey house", "a 12-car pile-up": the number counts the
    noun the hyphen glues to it (the spelled ones were skipped as compound adjectives, the
    digits read with no unit)."""
    for text, value, unit in (("A four-truck convoy left the depot at dawn.", 4, "truck"),
                              ("The blaze gutted a three-storey house on the hill.", 3, "storey"),
                              ("Police closed the road after a 12-car pile-up.", 12, "car"),
                              ("The Gulls ended a six-game losing run on Sunday.", 6, "game")):
        (q,) = find_quantities(text)
        assert (q.value, q.unit) == (value, unit), text


def test_a_glued_word_that_counts_nothing_or_a_span_of_time_stays_unread():
    """A compound that counts nothing ("one-way", "two-sided", "three-fold", "two-thirds" is a
    fraction) is no count of its word, and a span of time glued to a number ("a three-year deal",
    "a nine-month stay") stays unread: in a story of several parties' offers it names whose term
    only far from the figure. Ages are read as before."""
    assert find_quantities("They bought a one-way ticket to the coast.") == []
    assert find_quantities("It was a two-sided contest all evening.") == []
    assert find_quantities("The club signed him to a three-year deal.") == []
    assert find_quantities("She began a nine-month stay at the clinic.") == []
    assert [q.unit for q in find_quantities("Prices saw a 3-fold rise.")] != ["fold"]
    assert [(q.value, q.unit) for q in find_quantities("The 18-year-old driver was unhurt.")] == [(18, "year-old")]


def test_a_killing_counted_by_a_multiplier_word_is_read():
    """"a double murder", "the triple-homicide trial", "two double slayings" count the killed by
    the noun (the link reads them as a toll); "a double shooting" (shot, not said killed) and
    "double the price" are no such count."""
    for text, value, unit in (("Detectives reopened a double murder from 1988.", 2, "murder"),
                              ("The triple-homicide trial opens in March.", 3, "homicide"),
                              ("Nobody was charged in the quadruple killing at the farm.", 4, "killing")):
        (q,) = find_quantities(text)
        assert (q.value, q.unit) == (value, unit), text
    assert find_quantities("Police are looking into a double shooting downtown.") == []
    assert find_quantities("Tickets now cost double the price.") == []
