"""Story vetoes (``newsledger.link.vetoes``): two reports of one kind of event kept apart on
evidence both give. Every article here is made up."""
from __future__ import annotations

import pytest

from newsledger.link import link_new, story_groups
from newsledger.model import Article, Entity, Quantity
from newsledger.store import Ledger


@pytest.fixture
def ledger(tmp_path):
    led = Ledger(str(tmp_path / "vetoes.db"))
    yield led
    led.close()


_QUAKE_BODY = [
    ("Rescue teams from Port Velmar searched the damaged villages of Tarsk Island through the night.",
     "The island governor Anton Rebek said schools would stay closed while engineers inspect them."),
    ("The shaking was felt in Port Velmar, where residents ran into the streets in their nightclothes.",
     "Anton Rebek, who governs Tarsk Island, asked the Velmar Red Crescent for tents and blankets."),
    ("Villages on Tarsk Island lost water and power, according to governor Anton Rebek.",
     "The hospital in Port Velmar sent two teams of doctors across the strait by ferry."),
    ("Ferries between Port Velmar and Tarsk Island were halted while the harbour walls were checked.",
     "Governor Anton Rebek thanked the Velmar Red Crescent volunteers who arrived before dawn."),
]


def _quake(title: str, lead: str, site: str, variant: int = 0) -> Article:
    """A made-up undated report of a quake on Tarsk Island: the lead's magnitude read as the
    analyser reads it (a quantity of unit "magnitude earthquake"), the body's names as entities."""
    a = Article(source=f"test:{site}:{title}", url=f"https://{site}/{abs(hash(title)) % 10**9}",
                site=site, title=title, published=None)
    a.set_paragraphs([lead, *_QUAKE_BODY[variant]])
    for tok in lead.split():
        if tok[:1].isdigit() and "." in tok:
            at = a.text.index(tok)
            a.quantities.append(Quantity(tok, at, at + len(tok), float(tok), unit="magnitude earthquake"))
    for name in ("Port Velmar", "Tarsk Island", "Anton Rebek", "Velmar Red Crescent"):
        for at in [i for i in range(len(a.text)) if a.text.startswith(name, i)]:
            a.entities.append(Entity(name, at, at + len(name), "GPE" if "Port" in name else "PERSON"))
    a.analyzed = True
    return a


def _store(ledger, *arts) -> list[str]:
    res = ledger.add([(a, None, None) for a in arts])
    assert len(res.new) == len(arts)
    return res.new


def test_magnitude_terms_read_the_lead_only():
    from newsledger.link.vetoes import magnitude_terms

    a = _quake("Quake shakes Tarsk", "A 5.6 magnitude earthquake struck Tarsk Island on Sunday, injuring four people.",
               "quakenews.example")
    assert magnitude_terms(a) == ["m:5.6"]
    # a magnitude past the lead (an earlier quake recalled in the body) says nothing of this one
    a.set_paragraphs(["A strong earthquake struck Tarsk Island on Sunday, injuring four people.",
                      *_QUAKE_BODY[0], *_QUAKE_BODY[1],
                      "In 1990 a 7.1 magnitude quake destroyed the old harbour of Port Velmar."])
    at = a.text.index("7.1")
    a.quantities = [Quantity("7.1", at, at + 3, 7.1, unit="magnitude quake")]
    assert magnitude_terms(a) == []


def test_magnitudes_apart_needs_both_and_a_half_point():
    from newsledger.link.vetoes import magnitudes_apart

    assert magnitudes_apart(["m:6.1", "e:tarsk island"], ["m:5.6"])  # two quakes
    assert not magnitudes_apart(["m:5.9"], ["m:6.1"])  # one quake, two agencies
    assert not magnitudes_apart(["m:6.1"], ["e:tarsk island"])  # one side gives none: no evidence
    assert not magnitudes_apart(["m:6.1", "m:5.6"], ["m:5.6"])  # one value in common


def test_story_terms_score_without_the_veto_terms():
    from newsledger.link.scoring import story_score

    a, b = ["e:tarsk island", "quake", "m:6.1"], ["e:tarsk island", "quake", "m:5.6"]
    assert story_score(a, b, None, None) == story_score(a[:2], b[:2], None, None)


def test_a_report_of_another_quakes_size_starts_its_own_story(ledger):
    """Two undated reports of one quake form a story; a report of a second quake on the same
    island, which shares the names and the words of the kind, gives another magnitude in its
    lead and starts its own story; a report of the first quake with another agency's reading
    (6.0 for 6.2) joins it."""
    first = [_quake("Quake hits Tarsk Island", "A 6.2 magnitude earthquake hit Tarsk Island on Sunday, "
                    "killing three people and damaging homes.", "quakenews.example", 0),
             _quake("Tarsk Island quake kills three", "A magnitude 6.2 earthquake struck Tarsk Island on "
                    "Sunday, killing three people.", "islandwire.example", 1)]
    link_new(ledger, _store(ledger, *first))
    other = _quake("New quake hits Tarsk Island", "A 5.4 magnitude earthquake hit Tarsk Island on "
                   "Thursday, injuring two people and damaging homes.", "gulfreport.example", 2)
    assert link_new(ledger, _store(ledger, other))["stories_joined"] == 0
    again = _quake("Tarsk quake toll three", "A 6.0 magnitude earthquake hit Tarsk Island on Sunday, "
                   "killing three people, officials said.", "coastnews.example", 3)
    assert link_new(ledger, _store(ledger, again))["stories_joined"] == 1
    stories = {frozenset(m["id"] for m in g["members"]) for g in story_groups(ledger, min_size=1)}
    assert frozenset({first[0].id, first[1].id, again.id}) in stories
    assert frozenset({other.id}) in stories


# ---------------------------------------------------------------- offices: one holder at a time

def _titled(text: str, names: tuple[str, ...]) -> Article:
    """A made-up article whose ``names`` are PERSON entities wherever they are written."""
    a = Article(source=f"test:{abs(hash(text))}", url=f"https://agency.example/{abs(hash(text)) % 10**9}",
                site="agency.example", title=None, published=None)
    a.set_paragraphs([text])
    for name in names:
        at = a.text.find(name)
        while at >= 0:
            a.entities.append(Entity(name, at, at + len(name), "PERSON"))
            at = a.text.find(name, at + 1)
    return a


def test_office_terms_name_present_holders_of_a_placed_office():
    from newsledger.link.vetoes import office_terms

    a = _titled("Water Secretary Lena Ostrova announced the rule, and Norland Prime Minister Ivo Darek "
                "praised it; former Water Secretary Pavel Kunc and Deputy Water Secretary Ada Vrba did not.",
                ("Lena Ostrova", "Ivo Darek", "Pavel Kunc", "Ada Vrba"))
    assert office_terms(a) == ["o:holds:ostrova", "o:water secretary:ostrova", "o:holds:darek",
                               "o:norland prime minister:darek"]
    # an office whose place is not said names no one office ("Prime Minister" of which country?)
    b = _titled("Prime Minister Ivo Darek and Police Chief Tomas Rell spoke.", ("Ivo Darek", "Tomas Rell"))
    assert office_terms(b) == ["o:holds:darek", "o:holds:rell"]
    c = _titled("Governor-elect Mira Solan will take office in May.", ("Mira Solan",))
    assert office_terms(c) == ["o:elect:solan"]


def test_offices_apart_two_holders_of_one_office_or_an_elect_then_in_office():
    from newsledger.link.vetoes import offices_apart

    kunc = ["o:holds:kunc", "o:water secretary:kunc"]
    ostrova = ["o:holds:ostrova", "o:water secretary:ostrova"]
    assert offices_apart(kunc, ostrova)  # one office, two holders: two times
    assert not offices_apart(kunc, kunc + ["o:holds:darek"])
    assert not offices_apart(kunc, ostrova + kunc)  # a handover names both: no evidence
    assert not offices_apart(kunc, ["e:water department"])  # one side names none
    assert not offices_apart(["o:holds:darek"], ["o:holds:rell"])  # a title of no placed office
    assert offices_apart(["o:elect:solan"], ["o:holds:solan"])  # elected, then in office
    assert not offices_apart(["o:elect:solan", "o:holds:solan"], ["o:holds:solan"])



def test_an_office_holder_the_recogniser_missed_is_read_after_the_title():
    """"Tarsk Governor Milan Vesko", a name the recogniser did not tag, holds the office as a
    tagged "Tarsk Governor Anton Rebek" does: two holders of one office, two times. Title words
    are no name ("Chief Public Relations Officer"), and a name an entity of another kind covers
    is the recogniser's call."""
    from newsledger.link.vetoes import office_terms, offices_apart

    a = _titled("Tarsk Governor Milan Vesko told reporters the ferries would run again.", ())
    assert office_terms(a) == ["o:holds:vesko", "o:tarsk governor:vesko"]
    b = _titled("Tarsk Governor Anton Rebek said the ferries would run again.", ("Anton Rebek",))
    assert offices_apart(office_terms(a), office_terms(b))
    assert office_terms(_titled("The harbour's Chief Public Relations Officer said so.", ())) == []
    assert office_terms(_titled("Tarsk Governor Vesko said so.", ())) == []  # one word: who?
    assert office_terms(_titled("Tarsk Governor Milan K. Vesko said so.", ())) == []  # "Milan K" is not all
    assert office_terms(_titled("Tarsk Governor Milan Vesko's ferries run.", ()))[0] == "o:holds:vesko"
    # a title of none now, capitalised as part of the title, names no holder
    assert office_terms(_titled("Former Tarsk Governor Milan Vesko spoke.", ())) == []
    assert office_terms(_titled("Former Tarsk Governor Milan Vesko spoke.", ("Milan Vesko",))) == []
    # a run ends with its line: a heading's name and the next line's first word are not one name
    assert office_terms(_titled("Tarsk Governor Milan Vesko\nThe ferries run again.", ())) == \
        ["o:holds:vesko", "o:tarsk governor:vesko"]
    c = _titled("Tarsk Governor Milan Vesko spoke.", ())
    c.entities.append(Entity("Milan Vesko", c.text.index("Milan"), c.text.index("Milan") + 11, "GPE"))
    assert office_terms(c) == []

_RULE_BODY = [
    ("The rule lets agencies decide alone whether a dam or a road harms the Norland marsh grouse.",
     "Conservation groups said the Marsh Habitat Act had been weakened without a hearing."),
    ("Builders of the Velmar dam welcomed the rule on the Marsh Habitat Act and its marsh grouse.",
     "The Norland Wildlife Council said scientists would no longer review such projects."),
    ("The Norland Wildlife Council warned that the marsh grouse could vanish from the Velmar valley.",
     "Lawyers for conservation groups said they would challenge the Marsh Habitat Act rule in court."),
    ("Scientists at the Norland Wildlife Council had reviewed every project near the marsh grouse habitat.",
     "Under the Marsh Habitat Act, that review is now for the agencies building the Velmar dam."),
]


def _rule(title: str, lead: str, site: str, variant: int) -> Article:
    a = _titled(" ", ())
    a.source, a.url, a.site, a.title = f"test:{site}:{title}", f"https://{site}/{variant}", site, title
    a.set_paragraphs([lead, *_RULE_BODY[variant]])
    for name in ("Pavel Kunc", "Lena Ostrova", "Mira Solan"):
        at = a.text.find(name)
        if at >= 0:
            a.entities.append(Entity(name, at, at + len(name), "PERSON"))
    for name in ("Norland Wildlife Council", "Marsh Habitat Act", "Velmar"):
        at = a.text.find(name)
        while at >= 0:
            a.entities.append(Entity(name, at, at + len(name), "ORG"))
            at = a.text.find(name, at + 1)
    a.analyzed = True
    return a


def test_a_report_naming_the_next_holder_of_the_office_starts_its_own_story(ledger):
    """Two undated reports of a rule issued under one water secretary form a story; a report of
    its reversal under the next secretary, which shares the names of the act, the council and
    the dam, starts its own; another report of the rule under the first secretary joins."""
    lead = "Water Secretary Pavel Kunc issued a rule on Thursday that eases the Marsh Habitat Act."
    first = [_rule("Kunc eases marsh rule", lead, "capitalwire.example", 0),
             _rule("Marsh rule eased", lead.replace("issued", "signed"), "greennews.example", 1)]
    link_new(ledger, _store(ledger, *first))
    later = _rule("Marsh rule restored", "Water Secretary Lena Ostrova restored on Tuesday the review that "
                  "the Marsh Habitat Act rule had removed.", "dailyledger.example", 2)
    assert link_new(ledger, _store(ledger, later))["stories_joined"] == 0
    again = _rule("Kunc rule eases marsh act", lead.replace("on Thursday", "this week"), "valleypost.example", 3)
    assert link_new(ledger, _store(ledger, again))["stories_joined"] == 1
    stories = {frozenset(m["id"] for m in g["members"]) for g in story_groups(ledger, min_size=1)}
    assert frozenset({first[0].id, first[1].id, again.id}) in stories
    assert frozenset({later.id}) in stories


def test_a_holder_named_by_surname_alone_is_a_holder():
    """"Governor Solan" (the analyser's entity "Solan") holds the office as "Governor Mira
    Solan" does: against "Governor-elect Mira Solan" it is the later time."""
    from newsledger.link.vetoes import office_terms, offices_apart

    a = _titled("Governor Solan signed the budget on Monday.", ("Solan",))
    assert office_terms(a) == ["o:holds:solan"]
    elect = _titled("Governor-elect Mira Solan will take office in May.", ("Mira Solan",))
    assert offices_apart(office_terms(elect), office_terms(a))
    assert office_terms(_titled("Solan signed the budget on Monday.", ("Solan",))) == []


def test_a_report_of_the_elect_in_office_named_by_surname_starts_its_own_story(ledger):
    """Two undated reports of a rule issued before Mira Solan took office, which name her
    "Governor-elect Mira Solan", form a story; a report of her reversing it as "Governor Solan"
    (her surname alone), sharing the act, the council and the dam, starts its own."""
    lead = ("Water Secretary Pavel Kunc issued a rule on Thursday that eases the Marsh Habitat Act, "
            "weeks before Governor-elect Mira Solan takes office.")
    first = [_rule("Kunc eases marsh rule", lead, "capitalwire.example", 0),
             _rule("Marsh rule eased", lead.replace("issued", "signed"), "greennews.example", 1)]
    link_new(ledger, _store(ledger, *first))
    later = _rule("Marsh rule restored", "Governor Solan restored on Tuesday the review that the Marsh "
                  "Habitat Act rule of Water Secretary Pavel Kunc had removed.", "dailyledger.example", 2)
    at = later.text.index("Solan")
    later.entities.append(Entity("Solan", at, at + len("Solan"), "PERSON"))
    assert link_new(ledger, _store(ledger, later))["stories_joined"] == 0


# ---------------------------------------------------------------- who did what to whom

def _named_in(text: str, names: dict[str, str], paragraphs: tuple[str, ...] = ()) -> Article:
    """A made-up undated article whose ``names`` ({name: label}) are entities wherever written."""
    a = Article(source=f"test:{abs(hash((text, paragraphs)))}",
                url=f"https://sports.example/{abs(hash((text, paragraphs))) % 10**9}", site="sports.example",
                title=None, published=None)
    a.set_paragraphs([text, *paragraphs])
    for name, label in names.items():
        at = a.text.find(name)
        while at >= 0:
            a.entities.append(Entity(name, at, at + len(name), label))
            at = a.text.find(name, at + 1)
    a.analyzed = True
    return a


_BOXERS = {"Dario Velk": "PERSON", "Ivo Rask": "PERSON", "Tomas Dorn": "PERSON", "Port Velmar": "GPE"}
_CLUBS = {"Harbor Owls": "ORG", "Velmar Hawks": "ORG", "Tomas Marsk": "PERSON", "Ana Brill": "PERSON",
          "Port Velmar": "GPE"}


def test_role_terms_read_who_did_what_to_whom_in_the_lead():
    from newsledger.link.vetoes import role_terms

    a = _named_in("Dario Velk stopped Ivo Rask in the ninth round on Saturday to keep his title in Port Velmar.",
                  _BOXERS)
    assert role_terms(a) == ["r:stop|PERSON|velk|PERSON|rask"]
    # a passive says the same; a reporting verb is passed through
    assert role_terms(_named_in("Ivo Rask was stopped by Dario Velk in the ninth round.", _BOXERS)) == \
        ["r:stop|PERSON|velk|PERSON|rask"]
    assert role_terms(_named_in("Officials said Dario Velk stopped Ivo Rask.", _BOXERS)) == \
        ["r:stop|PERSON|velk|PERSON|rask"]
    # a light verb's noun is the action, and whom it is for the patient
    assert role_terms(_named_in("The Harbor Owls have made an eight-year offer to Tomas Marsk.", _CLUBS)) == \
        ["r:offer|ORG|owls|PERSON|marsk"]
    assert role_terms(_named_in("The Velmar Hawks made Tomas Marsk the largest offer in their history.",
                                _CLUBS)) == ["r:offer|ORG|hawks|PERSON|marsk"]
    # a participant not named, or a clause past the lead's two sentences, gives none
    assert role_terms(_named_in("The champion stopped Ivo Rask in the ninth round.", _BOXERS)) == []
    late = _named_in("The crowd in Port Velmar waited. The lights went down. Dario Velk stopped Ivo Rask.", _BOXERS)
    assert role_terms(late) == []


def test_roles_apart_one_action_one_participant_the_same_the_other_another():
    from newsledger.link.vetoes import roles_apart

    rask, dorn = "r:stop|PERSON|velk|PERSON|rask", "r:stop|PERSON|velk|PERSON|dorn"
    owls, hawks = "r:offer|ORG|owls|PERSON|marsk", "r:offer|ORG|hawks|PERSON|marsk"
    assert roles_apart([rask], [dorn])  # one winner, two opponents: two fights
    assert roles_apart([owls], [hawks, "e:port velmar"])  # two clubs' offers to one player
    assert not roles_apart([rask], [rask])
    assert not roles_apart([rask], [dorn, rask])  # a lead telling both says nothing
    assert not roles_apart([owls], ["r:offer|GPE|hawks|PERSON|marsk"])  # not of one kind
    assert not roles_apart([rask], ["r:beat|PERSON|velk|PERSON|dorn"])  # another action
    assert not roles_apart([rask], ["r:stop|PERSON|mirko|PERSON|dorn"])  # nothing the same
    assert not roles_apart([rask], ["e:velk"])  # one side gives none: no evidence


_OFFER_BODY = [
    ("Tomas Marsk hit 31 home runs for Port Velmar last season and is the best hitter on the market.",
     "His agent Ana Brill met the clubs at the winter meetings in Port Velmar this week."),
    ("Ana Brill, who represents Tomas Marsk, said several clubs had called about the first baseman.",
     "Marsk played six seasons in Port Velmar and hit 31 home runs last season."),
    ("Tomas Marsk, a first baseman, is the top hitter on the market after 31 home runs last season.",
     "Agent Ana Brill said talks would go on after the winter meetings in Port Velmar."),
    ("The first baseman Tomas Marsk hit 31 home runs last season, his sixth in Port Velmar.",
     "Ana Brill, his agent, told reporters at the winter meetings that no deal was close."),
]


def test_another_clubs_offer_to_the_same_player_starts_its_own_story(ledger):
    """Two undated reports of the Harbor Owls' offer to Tomas Marsk form a story; a report of
    the Velmar Hawks' offer to him, which shares the player, his agent, the city and his figures,
    starts its own; another report of the Owls' offer joins theirs."""
    owls = "The Harbor Owls have made an eight-year offer to Tomas Marsk, the club said on Friday."
    first = [_named_in(owls, _CLUBS, _OFFER_BODY[0]), _named_in(owls.replace("Friday", "Thursday"), _CLUBS,
                                                                 _OFFER_BODY[1])]
    link_new(ledger, _store(ledger, *first))
    hawks = _named_in("The Velmar Hawks have made an eight-year offer to Tomas Marsk, the club said on Friday.",
                      _CLUBS, _OFFER_BODY[2])
    assert link_new(ledger, _store(ledger, hawks))["stories_joined"] == 0
    again = _named_in(owls.replace("the club said", "a club official said"), _CLUBS, _OFFER_BODY[3])
    assert link_new(ledger, _store(ledger, again))["stories_joined"] == 1
    stories = {frozenset(m["id"] for m in g["members"]) for g in story_groups(ledger, min_size=1)}
    assert frozenset({first[0].id, first[1].id, again.id}) in stories
    assert frozenset({hawks.id}) in stories
