"""Stance rules (newsledger.analyze.stance) on made-up sentences: each test fails without its rule."""
from types import SimpleNamespace

import pytest

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



# (rule, text, cue, content, stance, cue negated): each rule's cases fail without it
CASES = [
    # "X will ..." expects only before a change foreseen: an arrangement announced or a pledge is no forecast
    ("will", "The council said the new ferry will be launched at the east pier in March.", "said",
     "the new ferry will be launched at the east pier in March", "asserts", False),
    ("will", "The operator said its crews will continue to inspect the hulls every week.", "said",
     "its crews will continue to inspect the hulls every week", "asserts", False),
    ("will", "The harbour board said ferry fares will rise by a tenth next winter.", "said",
     "ferry fares will rise by a tenth next winter", "expects", False),
    ("will", "An analyst said the ferry trade will continue to shrink this decade.", "said",
     "the ferry trade will continue to shrink this decade", "expects", False),
    # "The hope of ..." as a subject noun is no hope
    ("hope-noun", "The hope of a new pier is lifting shop rents, a broker said.", "said",
     "The hope of a new pier is lifting shop rents", "asserts", False),
    ("hope-noun", "We hope to reopen the pier by May, the mayor said.", "said", "We hope to reopen the pier by May",
     "hopes", False),
    # a cue after its content takes no words of the speaker's name ("Begg") or of a later clause ("urging calm")
    ("cue-after", '"The ferry is late again," said Ann Begg, a harbour official.', "said", "The ferry is late again,",
     "asserts", False),
    ("cue-after", "The pier is safe, the mayor said, urging calm in the harbour.", "said", "The pier is safe",
     "asserts", False),
    ("cue-after", "The mayor urged calm in the harbour after the storm.", "urged", "calm in the harbour after the storm",
     "appeals", False),
    # claiming responsibility is the source's own act, not another's reported in the content
    ("responsibility", "He has taken responsibility for the ferry collision, his lawyer said.", "said",
     "He has taken responsibility for the ferry collision", "asserts", False),
    ("responsibility", "We claim responsibility for the pier blockade, the group said.", "said",
     "We claim responsibility for the pier blockade", "claims-responsibility", False),
    # a refusal to tell declines comment
    ("refusal", "The ferry operator would not confirm the captain was suspended.", "would not confirm",
     "the captain was suspended", "declines-comment", True),
    ("refusal", "The harbour master refused to say how many crossings were cancelled.", "refused",
     "how many crossings were cancelled", "declines-comment", False),
    # a request or order by the cue's own verb appeals; "told reporters that" does not
    ("request", "The coastguard told campers to leave the dunes before dusk.", "told",
     "campers to leave the dunes before dusk", "appeals", False),
    ("request", "Residents asked for a second ferry on Sundays.", "asked", "for a second ferry on Sundays", "appeals",
     False),
    ("request", "The coastguard told reporters that the dunes were flooded.", "told", "the dunes were flooded",
     "asserts", False),
    # "We expect ..." in the content expects
    ("we-expect", "We expect a settlement with the ferry unions by June, the minister said.", "said",
     "We expect a settlement with the ferry unions by June", "expects", False),
]


@pytest.mark.parametrize("rule,text,cue,content,stance,negated", CASES, ids=[c[0] for c in CASES])
def test_marking_rules(rule, text, cue, content, stance, negated):
    assert stance_of(_claim(text, cue, content, negated), None, text) == stance
