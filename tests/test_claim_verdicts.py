"""Verdicts of whole claim groups (issue 13): a figure of one measure and subject that differs
from a story's group joins it, so that the verdict compares it (made-up articles)."""
from __future__ import annotations

from test_crossnews import _stated

from newsledger.link.claims import group_story


def _members(groups):
    return sorted(sorted((m["article_id"], m["value"]) for m in g["members"]) for g in groups)


def _fire(article, before, value, after):
    return _stated(article, before, str(value), value, after, unit="firefighters")


def test_a_lone_differing_count_of_the_groups_measure_joins_it_and_the_verdict_compares_it():
    """Two outlets give 40 firefighters at the Dorvik warehouse fire, a third 30: the 30 shares
    too few words to join at the generic bar, alone it makes no group, and the group of the 40s
    read "agree"; joined to the one group of its measure whose words it shares, the group
    says the outlets conflict."""
    figs = [_fire("a", "Fire crews said ", 40, " firefighters battled the warehouse blaze in Dorvik overnight."),
            _fire("b", "The chief said ", 40, " firefighters fought the warehouse blaze in Dorvik."),
            _fire("c", "Some ", 30, " firefighters were sent to the burning warehouse near the Dorvik docks.")]
    (g,) = [g for g in group_story("s", [], figs) if g["unit"].startswith("count:firefighter")]
    assert _members([g]) == [[("a", 40), ("b", 40), ("c", 30)]]
    assert g["verdict"] == "conflict", g["reason"]
    assert "30" in g["reason"] and "40" in g["reason"]


def test_a_lone_figure_far_from_the_group_near_two_groups_or_of_a_dimension_stays_alone():
    """A count more than twice the group's (a season's 157 games against 54 with one team) is
    another count; a lone figure near two groups of its measure could be either's: neither; a
    duration (a lockdown of three hours by talks of two) is one of the many a story measures."""
    far = [_stated("a", "He played ", "54", 54, " games with the Harbor Gulls this season.", unit="games"),
           _stated("b", "He appeared in ", "54", 54, " games with the Harbor Gulls.", unit="games"),
           _stated("c", "He played a combined ", "157", 157, " games with the Gulls and the Owls this season.",
                   unit="games")]
    assert _members(group_story("s", [], far)) == [[("a", 54), ("b", 54)]]
    two = [_fire("a", "Crews said ", 40, " firefighters battled the warehouse blaze in Dorvik."),
           _fire("b", "The chief said ", 40, " firefighters battled the warehouse blaze in Dorvik."),
           _fire("c", "Later ", 25, " firefighters battled the school blaze in Varno on Tuesday night."),
           _fire("d", "Officials said ", 25, " firefighters battled the school blaze in Varno late on Tuesday."),
           _fire("e", "About ", 30, " firefighters battled a blaze that night, officials said.")]
    assert ("e", 30) not in {m for ms in _members(group_story("s", [], two)) for m in ms}
    hours = [_stated("a", "Police negotiated with the gunman for ", "two hours", 2, " on Ontario Street.",
                     unit="hours"),
             _stated("b", "Police negotiated with the gunman for ", "two hours", 2, " before he gave up.",
                     unit="hours"),
             _stated("c", "Police closed Ontario Street for ", "three hours", 3, " while they talked to the gunman.",
                     unit="hours")]
    assert _members(group_story("s", [], hours)) == [[("a", 2), ("b", 2)]]


def test_one_persons_two_ages_are_compared_in_the_verdict():
    """Two outlets give Arne Brandt's age as 66, a third as 67: the ages join as one person's
    (within a year), and the verdict weighs 66 against 67, not only the two 66s ("agree")."""
    figs = [_stated("a", "The owner, Arne Brandt, ", "66", 66, ", was shot at the club."),
            _stated("b", "Arne Brandt, ", "66", 66, ", died in hospital on Sunday."),
            _stated("c", "Club owner Arne Brandt, ", "67", 67, ", was named by police.")]
    (g,) = [g for g in group_story("s", [], figs) if g["unit"].startswith("age")]
    assert _members([g]) == [[("a", 66), ("b", 66), ("c", 67)]]
    assert g["verdict"] != "agree" and "67" in g["reason"], g["reason"]


def _fig(value, bound="exact", name="a"):
    return {"name": name, "figure": str(value), "value": value, "low": None, "high": None, "bound": bound,
            "aspects": [], "scale": 1.0, "_key": ("age",), "claim_id": name, "article_id": name}


def test_two_small_whole_numbers_conflict_while_large_ones_keep_their_rounding():
    """60 and 61 (years old) are two numbers, not one number within 1% rounding; 235,000 and
    234,000 still agree (an exact large figure is allowed 1%)."""
    from newsledger.link.verdicts import compare

    assert compare(_fig(60), _fig(61, name="b"))[0] == "conflict"
    assert compare(_fig(235000), _fig(234000, name="b"))[0] == "agree"


def _usd(article, before, text, value, after):
    return _stated(article, before, text, value, after, unit="$")


def test_two_parties_offers_of_one_amount_stay_apart_whatever_links_them():
    """The Gulls and the Owls each offer $90 million; each party is named as the payer in two
    articles ("The Gulls have offered", "the Owls (five years, $90 million)"), and an article
    saying only "the team offered $90 million" shares words with both. Equal values with a few
    shared words join, so a chain through that figure made one group of the two offers; an
    owner read from the clause keeps every group to one party."""
    figs = [_usd("a", "The Harbor Gulls have offered Moss, the agent said, a five-year deal worth ", "$90 million",
                 90e6, ", his agent said."),
            _usd("b", "Rivals include the Harbor Gulls (five years, ", "$90 million", 90e6, ") and others."),
            _usd("c", "The Riverton Owls reportedly have bid ", "$90 million", 90e6, " over five years for Moss."),
            _usd("d", "His agent said the Owls made Moss a ", "$90 million", 90e6, " offer on Monday."),
            _usd("e", "The team was believed to have offered Moss ", "$90 million", 90e6,
                 ", his agent said, for five years.")]
    groups = [g for g in group_story("s", [], figs) if g["unit"].startswith("amount")]
    held = [{m["article_id"] for m in g["members"]} for g in groups]
    assert all(not ({"a", "b"} & ids and {"c", "d"} & ids) for ids in held), held
    assert any({"a", "b"} <= ids for ids in held) and any({"c", "d"} <= ids for ids in held), held


def test_an_owner_only_one_article_names_keeps_nothing_apart():
    """A payer named in one article only (the club's general manager, not the club) is no
    party of the story: its figure joins the club's equal offer as before."""
    from newsledger.link.figure_marks import owners_near

    assert owners_near("The Riverton Owls reportedly have bid ", " over five years") == {"owls"}
    assert owners_near("the Owls' latest offer of ", ".") == {"owls"}
    assert owners_near("Herald: Owls Make Offer To Moss (", "?)") == frozenset()  # no list of terms
    assert owners_near("The Owls have bid $80 million over five years, the Gulls ", " over six") == frozenset()
    figs = [_usd("a", "The Riverton Owls reportedly have bid ", "$90 million", 90e6, " over five years for Moss."),
            _usd("b", "His agent said the Owls made Moss a ", "$90 million", 90e6, " offer on Monday."),
            _usd("c", "General manager Ken Dale offered Moss a five-year deal worth ", "$90 million", 90e6,
                 ", his agent said on Monday.")]
    (g,) = [g for g in group_story("s", [], figs) if g["unit"].startswith("amount")]
    assert {m["article_id"] for m in g["members"]} == {"a", "b", "c"}


def test_an_owner_another_article_names_as_the_body_keeps_its_offer_apart():
    """The Gulls are named as a payer in one article only, but another article writes "the
    Harbor Gulls" by its figures: a body of the story, so its offer stays apart from the Owls'
    equal one (a general manager named once stays no party: the test above)."""
    figs = [_usd("a", "The Riverton Owls reportedly bid ", "$90 million", 90e6, " over five years for Moss."),
            _usd("b", "Rivals include the Riverton Owls (five years, ", "$90 million", 90e6, ") and others."),
            _usd("c", "The Harbor Gulls are believed to have offered at least ", "$90 million", 90e6,
                 " for Moss over five years."),
            _stated("d", "Moss met the Harbor Gulls for ", "two hours", 2, " on Monday.", unit="hours")]
    groups = [{m["article_id"] for m in g["members"]} for g in group_story("s", [], figs)
              if g["unit"].startswith("amount")]
    assert groups == [{"a", "b"}], groups


def test_equal_durations_of_two_things_spread_over_them_stay_apart():
    """"loans over three years" and "cut its deficit over the next three years" are two
    stretches of time of one length; two articles' loans over three years are one."""
    figs = [_stated("a", "Norland will receive loans ", "over three", 3, " years from its neighbours.", unit="years"),
            _stated("b", "Norland is to cut its deficit over the next ", "three", 3, " years, its neighbours said.",
                    unit="years"),
            _stated("c", "In return Norland gets loans ", "over three", 3, " years from its neighbours.", unit="years")]
    groups = [sorted(m["article_id"] for m in g["members"]) for g in group_story("s", [], figs)]
    assert groups == [["a", "c"]], groups


def test_a_bare_count_listed_with_a_count_of_a_noun_shares_that_noun():
    """"seizing 12 Norlish and 11 Vestish raiders": the 12 are raiders too (the reader gives
    them no unit), so they join another article's "12 Norlish raiders"; a headline's "80 Hurt
    and 7 Villages Damaged" capitalises every word and lends nothing."""
    from newsledger.link.figure_members import listed_units

    a12 = _stated("a", "Marines boarded the dhow, seizing ", "12", 12, " Norlish and 11 Vestish raiders.")
    a11 = _stated("a", "Marines boarded the dhow, seizing 12 Norlish and ", "11", 11, " Vestish raiders.", start=15,
                  unit="raiders")
    b12 = _stated("b", "The navy said it held ", "12", 12, " Norlish raiders and 11 others.", unit="raiders")
    assert listed_units([a12, a11])[0]["unit"] == "raiders"
    head = [dict(_stated("c", "Quake kills 10; ", "80", 80, " Hurt and 7 Villages Damaged"), where="title"),
            dict(_stated("c", "Quake kills 10; 80 Hurt and ", "7", 7, " Villages Damaged", start=12, unit="Villages"),
                 where="title")]
    assert listed_units(head)[0]["unit"] is None
    groups = [sorted((m["article_id"], m["value"]) for m in g["members"]) for g in group_story("s", [], [a12, a11, b12])]
    assert [("a", 12), ("b", 12)] in groups, groups


def test_a_count_of_an_elided_noun_takes_the_noun_it_leaves_out():
    """"intercepted the remaining three" counts boats (the count of boats just before it),
    "23 of the raiders" counts raiders: each joins the equal count another article names; a
    bare number was left out before. A part ("two of them children") joins no other value
    of the count it is part of."""
    boats = [_stated("a", "Pirates in ", "six boats", 6, " attacked the tanker near Kessa.", unit="boats"),
             _stated("a", "The frigate sank one and intercepted the remaining ", "three", 3,
                     " near Kessa, the navy said.", start=60),
             _stated("b", "The frigate captured ", "three boats", 3, " of the pirates near Kessa.", unit="boats")]
    assert [sorted((m["article_id"], m["value"]) for m in g["members"]) for g in group_story("s", [], boats)] \
        == [[("a", 3), ("b", 3)]]
    raiders = [_stated("a", "Commandos captured ", "23", 23, " of the raiders, officials said."),
               _stated("b", "The commandos captured ", "23", 23, " pirates in the raid.", unit="pirates")]
    assert [len(g["members"]) for g in group_story("s", [], raiders)] == [2]
    killed = [_stated("a", "", "Five people", 5, " were killed in the blast in Dorvik.", unit="people"),
              _stated("a", "The police said ", "two", 2, " of them were children killed in the blast in Dorvik.",
                      start=50),
              _stated("b", "", "Three people", 3, " were killed in the blast in Dorvik on Monday.", unit="people"),
              _stated("c", "", "Two people", 2, " were killed in the blast in Dorvik, police said.", unit="people")]
    held = [sorted((m["article_id"], m["value"]) for m in g["members"]) for g in group_story("s", [], killed)]
    assert not any(("a", 2) in g and ("b", 3) in g for g in held), held


def _usd_range(article, before, text, low, high, after):
    return dict(_usd(article, before, text, low, after), low=low, high=high, bound="range")


def test_two_ranges_join_on_equality_only_with_both_ends_equal():
    """"$40 million to $60 million" (the range of every offer) shares its low end with the
    Owls' "$40-50 million", and equal values with a few shared words join: the group read
    "spread" though the two outlets giving the Owls' offer agree. A range is its two ends."""
    figs = [_usd_range("a", "Offers for Moss were in the ", "$40 million to $60 million", 40e6, 60e6,
                       " range, a columnist wrote."),
            _usd_range("b", "The Owls offered Moss five years, ", "$40-50 million", 40e6, 50e6, ", for the season."),
            _usd_range("c", "The Owls made Moss an offer between ", "$40 million and $50 million", 40e6, 50e6,
                       " over five years.")]
    groups = [g for g in group_story("s", [], figs) if g["unit"].startswith("amount")]
    assert [sorted(m["article_id"] for m in g["members"]) for g in groups] == [["b", "c"]]
    assert groups[0]["verdict"] == "agree"


def test_an_elided_noun_carries_on_to_the_next_elided_count():
    """"five boats ... (a long quote) ... two of them escaped, the frigate intercepted the
    remaining three": the two takes boats from the five, 450 characters back, and the three
    takes them from the two, the five being too far back by then."""
    figs = [_stated("a", "The frigate saw ", "five boats", 5, " near the tankers off Kessa.", unit="boats"),
            _stated("a", "While ", "two", 2, " of them escaped, the frigate turned.", start=450),
            _stated("a", "The frigate intercepted the remaining ", "three", 3, " near Kessa.", start=560),
            _stated("b", "The frigate intercepted ", "three boats", 3, " of the pirates near Kessa.", unit="boats"),
            _stated("c", "Pirates in ", "two", 2, " of the boats escaped the frigate near Kessa.")]
    held = sorted(sorted((m["article_id"], m["value"]) for m in g["members"]) for g in group_story("s", [], figs))
    assert held == [[("a", 2), ("c", 2)], [("a", 3), ("b", 3)]], held


def test_of_them_with_no_count_before_counts_the_persons_its_sentence_names():
    """"caught raiders in the act and took 23 of them into custody": no count of raiders comes
    before, and the sentence names them: 23 raiders, as another article's "captured 23 raiders"."""
    figs = [_stated("a", "The navy caught raiders in the act off Kessa and took ", "23", 23, " of them into custody."),
            _stated("b", "The navy captured ", "23", 23, " raiders off Kessa on Monday.", unit="raiders")]
    assert [len(g["members"]) for g in group_story("s", [], figs)] == [2]


def _hurt(article, before, value, after):
    return _stated(article, before, str(value), value, after, unit="people")


def test_a_larger_count_not_marked_as_a_total_to_date_joins_the_total():
    """Two outlets give 40 people hurt in the Varno protests "over the past six nights", a
    third "About 60 people have been injured": no night of the stretch counts more than the
    whole of it, so the 60 is the total told otherwise, and the group compares it. A count
    of 15 on one night, smaller than the total, stays apart from it (one night's part)."""
    total = [_hurt("a", "Police said ", 40, " people have been injured in the Varno protests over the past six nights."),
             _hurt("b", "At least ", 40, " people were injured in the Varno protests over the past six nights.")]
    larger = _hurt("c", "About ", 60, " people have been injured in clashes, hospital officials said.")
    held = [sorted((m["article_id"], m["value"]) for m in g["members"])
            for g in group_story("s", [], total + [larger]) if "injured" in g["unit"]]
    assert [("a", 40), ("b", 40), ("c", 60)] in held, held
    night = _hurt("c", "Doctors said ", 15, " people were injured in clashes on Friday night alone.")
    held = [sorted((m["article_id"], m["value"]) for m in g["members"])
            for g in group_story("s", [], total + [night]) if "injured" in g["unit"]]
    assert all(("c", 15) not in ms or len(ms) == 1 for ms in held), held


# ---------------------------------------------------------------- amounts, ranges and units (h-cross26)


def _length(article, before, text, value, unit, after):
    return _stated(article, before, text, value, after, unit=unit)


def test_one_length_written_in_two_units_joins_as_one_value():
    """One outlet gives the tanker's seizure "40 miles" off the cape, another "64 km": one length
    converted and rounded, so equal values with a few shared words join; "2,000 feet" against
    "700 metres" is no conversion of the other (13% apart) and joins nothing on equality."""
    figs = [_length("a", "Raiders seized the tanker ", "40", 40, "miles", " off Cape Vell on Tuesday."),
            _length("b", "The tanker was seized ", "64", 64, "km", " from the coast near Cape Vell."),
            _length("c", "The climber fell ", "2,000", 2000, "feet", " down the north face of Mount Orr."),
            _length("d", "Rescuers said he dropped ", "700", 700, "metres", " down the face of Mount Orr.")]
    held = _members([g for g in group_story("s", [], figs) if g["unit"].startswith("metres")])
    assert [("a", 40), ("b", 64)] in held, held
    assert not any(("c", 2000) in g and ("d", 700) in g for g in held), held

def test_a_day_named_near_a_figure_is_no_name_that_keeps_it_apart():
    """Equal figures each named by names the other lacks are two things of one size; a day
    ("Sunday's quake") names no place or person, possessive or not, so it keeps nothing apart."""
    from newsledger.link.figure_marks import names_near

    assert names_near("after Sunday's quake, about ") == set()
    figs = [_length("a", "The epicentre of Sunday's quake lay ", "58", 58, "km", " from the port of Selm."),
            _length("b", "The epicentre of the Kerry Gulf quake lay ", "58", 58, "km", " from the port of Selm.")]
    held = _members([g for g in group_story("s", [], figs) if g["unit"].startswith("metres")])
    assert held == [[("a", 58), ("b", 58)]], held


def _keys(figs):
    from newsledger.link.figure_members import figure_members
    return sorted((m["article_id"], m["value"], m["_key"]) for m in figure_members([], figs))


def test_a_bare_figure_restating_the_count_before_it_counts_what_that_count_counts():
    """"about 90 trains had been cancelled ... a commuter group said the real number was "more
    than 150"", "the union put the figure at 160": each bare figure restates the count of
    trains cancelled told just before it (a bare number was no member before), so it is
    compared with the cancelled trains of the story; "put the number of nurses absent at 700"
    counts nurses (persons) absent."""
    trains = [_stated("a", "The rail operator said ", "about 90 trains", 90, " had been cancelled by noon.",
                      unit="trains"),
              _stated("a", "A commuter group said the real number was \"", "more than 150", 150,
                      "\" once late trains were counted.", start=70),
              _stated("b", "The operator said ", "120 trains", 120, " were cancelled on Friday.", unit="trains"),
              _stated("b", "The drivers' union put the figure at ", "160", 160, ".", start=60)]
    cancelled = ("count:train", "cancelled")
    assert _keys(trains) == [("a", 90, cancelled), ("a", 150, cancelled), ("b", 120, cancelled),
                             ("b", 160, cancelled)]
    nurses = [_stated("a", "The clinic put the number of nurses absent at ", "about 700", 700, ".")]
    assert _keys(nurses) == [("a", 700, ("striking", "people"))]  # read as "about 700 nurses absent"


def test_a_restated_count_may_carry_any_bound_the_quantity_reader_knows():
    """"the union put the figure at as many as 400", "... at upwards of 380": the bound words before
    a bare restating figure are the quantity reader's own (one list), not a shorter copy."""
    for bound in ("as many as ", "upwards of ", "nearer to "):
        trains = [_stated("a", "The rail operator said ", "about 90 trains", 90, " had been cancelled by noon.",
                          unit="trains"),
                  _stated("a", "The drivers' union put the figure at " + bound, "400", 400, ".", start=70)]
        assert _keys(trains) == [("a", 90, ("count:train", "cancelled")), ("a", 400, ("count:train", "cancelled"))], bound


def test_a_bare_figure_with_no_count_before_it_or_too_far_stays_out():
    """"the real number was 150" with no count of a noun before it in its article (or one more
    than ``ELIDED_REACH`` characters back), or a bare figure with no such words, says nothing of
    what it counts: no member."""
    lone = [_stated("a", "The operator said ", "90 trains", 90, " were cancelled.", unit="trains", start=10),
            _stated("a", "A commuter group said the real number was ", "150", 150, ".", start=3000),
            _stated("b", "A commuter group said the real number was ", "150", 150, "."),
            _stated("c", "The operator said ", "90 trains", 90, " were cancelled.", unit="trains", start=10),
            _stated("c", "A commuter group said it was ", "150", 150, ".", start=40)]
    assert [v for _a, v, _k in _keys(lone)] == [90, 90]


def _trains(article, before, figure, value, after):
    return _stated(article, before, f"{figure} trains", value, after, unit="trains")


def test_equal_figures_beside_another_value_of_one_specific_fact_do_not_read_agree():
    """Two outlets give 212 trains cancelled on Friday, a third "closer to 350" cancelled in
    other words: the cancelled trains of a story join whatever words they share, but the
    verdict read only the pairs linked by shared words (the two 212s) and said "agree". When
    those all agree, the specific measure's other pairs weigh too: a conflict."""
    said = " were cancelled on Friday across the network."
    figs = [_trains("a", "The operator said ", "212", 212, said), _trains("b", "The operator said ", "212", 212, said),
            _trains("c", "Commuters counted ", "closer to 350", 350, " cancelled once late services fell away.")]
    (g,) = [g for g in group_story("s", [], figs) if g["unit"].startswith("count:train")]
    assert _members([g]) == [[("a", 212), ("b", 212), ("c", 350)]]
    assert g["verdict"] == "conflict", g["reason"]


def test_a_specific_facts_values_weigh_only_when_the_linked_pairs_all_agree():
    """Where the pairs linked by shared words already differ, the verdict reads them as before
    (two tolls of one blast, 9 and 12, "spread" or "conflict" by their own bounds)."""
    from newsledger.link.verdicts import _weighed

    pairs = [{"a": "a", "b": "b", "relation": "spread", "same_source": False, "_direct": True, "_specific": True},
             {"a": "a", "b": "c", "relation": "conflict", "same_source": False, "_direct": False, "_specific": True}]
    assert [p["relation"] for p in _weighed(pairs)] == ["spread"]
    pairs[0]["relation"] = "agree"
    assert [p["relation"] for p in _weighed(pairs)] == ["agree", "conflict"]


def test_two_agencies_magnitudes_are_no_count_of_one_fact():
    """A quake's magnitude is measured by each agency (5.4 and 5.6 of one quake): it is no count
    whose other values weigh in an agreeing group's verdict without shared words."""
    from newsledger.link.verdicts import _specific_link

    quake = lambda art, v: {"article_id": art, "_key": ("magnitude", "magnitude"), "dimension": "magnitude",
                            "value": v}
    toll = lambda art, v: {"article_id": art, "_key": ("killed", "people"), "dimension": "people", "value": v}
    assert not _specific_link(quake("a", 5.4), quake("b", 5.6))
    assert _specific_link(toll("a", 9), toll("b", 12))
    assert not _specific_link(toll("a", 9), toll("a", 12))


def test_a_group_label_names_its_measure_as_a_reader_would():
    """The measure key is for joining ("count:firefighter"); the label the CLI's `conflicts` and the web
    show names the measure in words: no "count:" mark, no colon left hanging."""
    from newsledger.link.verdicts import measure_text

    assert measure_text("count:flight:cancelled") == "flight cancelled"
    assert measure_text("count:-") == "" and measure_text(None) == ""
    assert measure_text("killed people") == "killed people"
    figs = [_fire("a", "Fire crews said ", 40, " firefighters battled the warehouse blaze in Dorvik overnight."),
            _fire("b", "The chief said ", 40, " firefighters fought the warehouse blaze in Dorvik.")]
    (g,) = [g for g in group_story("s", [], figs) if g["unit"].startswith("count:firefighter")]
    assert g["label"].startswith("firefighter") and "count:" not in g["label"] and not g["label"].endswith(":")
