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
    from newsledger.link.linker import story_score

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
