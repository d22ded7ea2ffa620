"""Stance rules (newsledger.analyze.stance) on made-up sentences: each test fails without its rule."""
from types import SimpleNamespace

from newsledger.analyze.stance import is_question, stance_of


def _claim(text: str, cue: str, content: str, negated: bool = False):
    """A claim over ``text``: the first ``cue`` and ``content`` occurrences as spans."""
    cs, ks = text.index(cue), text.index(content)
    return SimpleNamespace(cue=SimpleNamespace(text=cue, start=cs, end=cs + len(cue), negated=negated),
                           content=SimpleNamespace(text=content, start=ks, end=ks + len(content)))


def test_cue_window_stops_at_the_sentence_end():
    # the content comes before the cue; the next sentence's "pleaded" is no appeal of this one
    text = "The ferry board did not admit or deny wrongdoing, a spokeswoman said. Her deputy pleaded ignorance."
    claim = _claim(text, "said", "The ferry board did not admit or deny wrongdoing")
    assert stance_of(claim, None, text) == "asserts"
    # within the sentence the widened cue still reads "called on"
    text2 = "The mayor called on residents to boil their water."
    assert stance_of(_claim(text2, "called", "residents to boil their water"), None, text2) == "appeals"


def test_criticism_cues_accuse():
    text = ("Opposition councillors condemned the closure of the ferry pier. "
            "Residents complained that the ferry ran late.")
    assert stance_of(_claim(text, "condemned", "the closure of the ferry pier"), None, text) == "accuses"
    assert stance_of(_claim(text, "complained", "the ferry ran late"), None, text) == "accuses"


def test_criticism_held_back_is_no_accusation():
    text = "Harbour councillors were loath to criticise the pier closure in public."
    assert stance_of(_claim(text, "criticise", "the pier closure"), None, text) == "asserts"
    text2 = "The minister stopped short of condemning the strike at the pier."
    assert stance_of(_claim(text2, "condemning", "the strike at the pier"), None, text2) == "asserts"


def test_own_plan_with_will_asserts_but_other_futures_expect():
    text = "The ferry company said it will add a night crossing in May."
    assert stance_of(_claim(text, "said", "it will add a night crossing in May"), None, text) == "asserts"
    text2 = "The harbour master said the crossings will slow in the storm."
    assert stance_of(_claim(text2, "said", "the crossings will slow in the storm"), None, text2) == "expects"


def _question(text: str, cue: str, content: str) -> bool:
    return is_question(_claim(text, cue, content), None, text)


def test_a_statement_before_the_closing_question_is_no_question():
    text = '"The pier was a landmark. Who would pull it down?" the councillor said.'
    assert not _question(text, "said", "The pier was a landmark. Who would pull it down?")
    text2 = '"Who would pull down the pier?" the councillor said.'
    assert _question(text2, "said", "Who would pull down the pier?")


def test_asked_with_an_inverted_auxiliary_is_a_question():
    text = "A resident asked are the ferries safe in winter storms."
    assert _question(text, "asked", "are the ferries safe in winter storms")


def test_could_not_comment_declines_comment():
    text = "The port spokesman said he could not comment on the inquiry while it was open."
    assert stance_of(_claim(text, "said", "he could not comment on the inquiry while it was open"), None, text) \
        == "declines-comment"


def test_requests_and_advice_appeal():
    text = ("The council encouraged residents to boil their water. "
            "The ferry operator advised passengers to arrive early.")
    assert stance_of(_claim(text, "encouraged", "residents to boil their water"), None, text) == "appeals"
    assert stance_of(_claim(text, "advised", "passengers to arrive early"), None, text) == "appeals"


def _stance(text: str, cue: str, content: str, negated: bool = False) -> str:
    return stance_of(_claim(text, cue, content, negated), None, text)


def test_will_expects_only_before_a_change_foreseen():
    # an arrangement announced or a pledge is no forecast
    text = "The council said the new ferry will be launched at the east pier in March."
    assert _stance(text, "said", "the new ferry will be launched at the east pier in March") == "asserts"
    text2 = "The operator said its crews will continue to inspect the hulls every week."
    assert _stance(text2, "said", "its crews will continue to inspect the hulls every week") == "asserts"
    # a change foreseen still expects
    text3 = "The harbour board said ferry fares will rise by a tenth next winter."
    assert _stance(text3, "said", "ferry fares will rise by a tenth next winter") == "expects"
    text4 = "An analyst said the ferry trade will continue to shrink this decade."
    assert _stance(text4, "said", "the ferry trade will continue to shrink this decade") == "expects"


def test_the_hope_as_a_subject_noun_is_no_hope():
    text = "The hope of a new pier is lifting shop rents, a broker said."
    assert _stance(text, "said", "The hope of a new pier is lifting shop rents") == "asserts"
    text2 = "We hope to reopen the pier by May, the mayor said."
    assert _stance(text2, "said", "We hope to reopen the pier by May") == "hopes"


def test_words_after_a_cue_that_follows_its_content_lend_it_no_stance():
    # the speaker's name ("Begg") and a later clause ("urging calm") are not the cue's words
    text = '"The ferry is late again," said Ann Begg, a harbour official.'
    assert _stance(text, "said", "The ferry is late again,") == "asserts"
    text2 = "The pier is safe, the mayor said, urging calm in the harbour."
    assert _stance(text2, "said", "The pier is safe") == "asserts"
    text3 = "The mayor urged calm in the harbour after the storm."
    assert _stance(text3, "urged", "calm in the harbour after the storm") == "appeals"


def test_responsibility_taken_by_another_is_no_claim_of_responsibility():
    text = "He has taken responsibility for the ferry collision, his lawyer said."
    assert _stance(text, "said", "He has taken responsibility for the ferry collision") == "asserts"
    text2 = "We claim responsibility for the pier blockade, the group said."
    assert _stance(text2, "said", "We claim responsibility for the pier blockade") == "claims-responsibility"


def test_refusals_to_tell_decline_comment():
    text = "The ferry operator would not confirm the captain was suspended."
    assert _stance(text, "would not confirm", "the captain was suspended", negated=True) == "declines-comment"
    text2 = "The harbour master refused to say how many crossings were cancelled."
    assert _stance(text2, "refused", "how many crossings were cancelled") == "declines-comment"


def test_what_the_source_cannot_tell_cannot_confirm():
    text = "The pier manager could not explain why the gates stayed shut."
    assert _stance(text, "could not explain", "why the gates stayed shut", negated=True) == "cannot-confirm"


def test_requests_and_orders_by_the_cue_verb_appeal():
    text = "The coastguard told campers to leave the dunes before dusk."
    assert _stance(text, "told", "campers to leave the dunes before dusk") == "appeals"
    text2 = "Residents asked for a second ferry on Sundays."
    assert _stance(text2, "asked", "for a second ferry on Sundays") == "appeals"
    text3 = "The coastguard told reporters that the dunes were flooded."
    assert _stance(text3, "told", "the dunes were flooded") == "asserts"


def test_we_expect_in_the_content_expects():
    text = "We expect a settlement with the ferry unions by June, the minister said."
    assert _stance(text, "said", "We expect a settlement with the ferry unions by June") == "expects"
