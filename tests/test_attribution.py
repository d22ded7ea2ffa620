"""Attributed claims: the canonical seed article, unit cases, the PolNeAR scorer and a dev gate."""
from __future__ import annotations

import pytest

from newsledger.analyze.attribution import find_claims, quote_kind, quote_spans
from newsledger.analyze.stance import stance_for
from newsledger.evaluate import shared_dir
from newsledger.evaluate.attribution import GoldAttribution, alnum_set, parse_ann, score, span_match
from newsledger.model import STANCES
from tests.claim_helpers import claim_about

SEED = shared_dir() / "seeds" / "000_cf3f4e080ef5b4cc.txt"


def _claims(nlp, text):
    return find_claims(nlp(text), text)


# ---------------------------------------------------------------- seed


@pytest.fixture(scope="module")
def seed(nlp):
    if not SEED.exists():
        pytest.skip(f"shared seed not found at {SEED} (set NEWSLEDGER_SHARED)")
    lines = SEED.read_text(encoding="utf-8").split("\n")
    # body paragraphs: lines 13-64 without the ad (29) and the "Read also" block (41-44)
    paras = [ln.strip() for n, ln in enumerate(lines[12:64], start=13)
             if ln.strip() and n != 29 and not 41 <= n <= 44]
    text = "\n\n".join(paras)
    return text, find_claims(nlp(text), text)


def _find(claims, needle):
    hits = [c for c in claims if needle in c.content.text]
    assert hits, f"no claim with content containing {needle!r}"
    return hits[0]


def _nis_name(claims):
    c = _find(claims, "up to 12,000 troops")
    return c.source.name


def test_seed_offsets_and_kinds(seed):
    text, claims = seed
    assert len(claims) >= 15
    for c in claims:
        assert text[c.cue.start:c.cue.end] == c.cue.text
        assert c.kind in ("direct", "indirect", "mixed")
        assert c.stance in STANCES
        for s, e in c.content.pieces:
            assert c.content.start <= s < e <= c.content.end
        if c.source:
            assert text[c.source.start:c.source.end] == c.source.text
        assert not c.quantities and not c.dates


def test_seed_nis_is_one_speaker(seed):
    _, claims = seed
    nis = _nis_name(claims)
    assert "Intelligence" in nis or "NIS" in nis
    for needle in ("troops in large numbers", "from October 8 to 13", "posing as Russian soldiers",
                   "a total of 12,000 troops", "A second transport operation", "more than 13,000 containers"):
        c = _find(claims, needle)
        assert c.source is not None and c.source.name == nis, (needle, c.source)
    first = _find(claims, "troops in large numbers")
    assert first.source.text == "South Korean intelligence"
    assert "1,500" in first.content.text
    same = _find(claims, "a total of 12,000 troops")
    assert same.source.text == "the same source"


def test_seed_stances(seed):
    _, claims = seed
    assert _find(claims, "unable to confirm").stance == "cannot-confirm"
    assert _find(claims, "unable to confirm").source.name == "NATO"
    assert _find(claims, "posing as Russian soldiers").stance == "accuses"
    assert _find(claims, "A second transport operation").stance == "expects"
    assert _find(claims, "very worrying").stance == "concerned"
    china = _find(claims, "de-escalation")
    assert china.source.name == "China" and china.stance == "hopes"


def test_seed_people(seed):
    _, claims = seed
    sybiga = _find(claims, "We demand an immediate and strong response")
    assert sybiga.source.name == "Andriy Sybiga" and sybiga.kind == "direct"
    assert _find(claims, "the level of desperation").source.name == "Keir Starmer"
    assert _find(claims, "Russia is weakening").source.name == "Keir Starmer"
    assert _find(claims, "very worrying").source.name == "Christophe Lemoine"
    assert _find(claims, "some 10,000 troops").source.name == "Volodymyr Zelensky"
    assert _find(claims, "valuable intelligence").source.name == "Hong Sung-pyo"
    media = _find(claims, "six North Korean servicemen")
    assert media.source.name == "Ukrainian media"
    presidency = _find(claims, "a significant threat")
    assert "presidency" in presidency.source.name


def test_seed_actions_are_not_claims(nlp, seed):
    """The product keeps reported statements only: PolNeAR-style action attributions ("Yoon Suk
    Yeol called an emergency meeting", "Putin made a rare visit") are dropped by
    ``statements_only`` (the default, used by ``analyze``), and kept when the PolNeAR evaluation
    asks for them."""
    text, claims = seed
    for needle in ("an emergency meeting", "a rare visit"):
        assert not any(needle in c.content.text for c in claims), needle
    polnear = find_claims(nlp(text), text, statements_only=False)
    assert any("an emergency meeting" in c.content.text for c in polnear)
    assert len(polnear) > len(claims)


def test_analyze_uses_statement_filter(nlp):
    from newsledger.analyze import annotate
    from newsledger.model import Article

    text = ("President Yoon Suk Yeol called an emergency meeting on Friday.\n\n"
            "The minister said the talks had failed.")
    article = Article(source="test", text=text)
    annotate(article, nlp(text))
    assert [c.content.text for c in article.claims] == ["the talks had failed"]


def test_seed_he_resolves_to_sybiga(seed):
    _, claims = seed
    he = [c for c in claims if c.source and c.source.text == "He"]
    assert he and he[0].source.name == "Andriy Sybiga"
    assert he[0].stance == "appeals"


def test_possessive_pronoun_source_resolves_to_the_organisation(nlp):
    """ "It kept its estimate that ...": the possessor "its" is the interior ministry, not a
    speaker called "its" (sample corpus, CNS story)."""
    text = ("The interior ministry said the death toll had risen to 14, up from 11 on Monday. It kept its "
            "estimate that up to 4,000 people had been evacuated.")
    claims = _claims(nlp, text)
    est = [c for c in claims if "4,000" in c.content.text]
    assert est and est[0].source.text == "its"
    assert est[0].source.name == "interior ministry"


# ---------------------------------------------------------------- units


def test_discontinuous_quote(nlp):
    text = "The mayor spoke.\n\n“It’s finished,” she said. “In my head, anyway.”"
    claims = _claims(nlp, text)
    assert len(claims) == 1
    c = claims[0]
    assert len(c.content.pieces) == 2 and c.kind == "direct"
    assert "In my head" in c.content.text and c.source.text == "she"


def test_according_to_and_declined(nlp):
    text = ("The deal is dead, according to two people familiar with the talks.\n\n"
            "A spokesman for the company declined to comment.")
    claims = _claims(nlp, text)
    acc = [c for c in claims if c.cue.text.lower() == "according to"]
    assert acc and acc[0].content.text.startswith("The deal is dead") and acc[0].source.anonymous
    dec = [c for c in claims if c.stance == "declines-comment"]
    assert dec and "spokesman" in dec[0].source.text


def test_titles_and_surnames(nlp):
    text = ("Ukrainian Foreign Minister Andriy Sybiga said the talks failed.\n\n"
            "Sybiga added that more aid was needed.")
    claims = _claims(nlp, text)
    assert [c.source.name for c in claims] == ["Andriy Sybiga", "Andriy Sybiga"]


def test_stance_rules():
    assert stance_for("was unable to confirm", "the report") == "cannot-confirm"
    assert stance_for("declined to comment", "") == "declines-comment"
    assert stance_for("urged", "the West to act") == "appeals"
    assert stance_for("said", "the talks failed") == "asserts"
    assert stance_for("said", "crowds at the rally will grow on Sunday") == "expects"  # a change foreseen
    assert stance_for("said", "the rally will take place Sunday") == "asserts"  # an arrangement announced


def test_quote_helpers():
    text = "He said “A” and ''B'' then \"C\"."
    assert [text[s:e] for s, e in quote_spans(text)] == ["“A”", "''B''", "\"C\""]
    assert quote_kind(text, [(8, 11)]) == "direct"
    assert quote_kind(text, [(0, 11)]) == "mixed"


def test_learned_models_shipped_and_optional(nlp):
    from newsledger.analyze.attribution.learned import (BOUNDARY_PATH, EDGE_PATH, MODEL_PATH, boundary_model, cue_model,
                                            edge_model)

    assert MODEL_PATH.stat().st_size + BOUNDARY_PATH.stat().st_size + EDGE_PATH.stat().st_size < 5_000_000
    cm, bm, em = cue_model(), boundary_model(), edge_model()
    assert bm is not None and cm.threshold == 0.45 and em.margin == 0.0  # the model card's values
    text = ("The senator said on Tuesday that the bill would pass.\n\n"
            "Critics accused the governor of ignoring the report.")
    doc = nlp(text)
    learned = find_claims(doc, text)
    rules = find_claims(doc, text, model=None)
    assert any("the bill would pass" in c.content.text for c in learned)
    assert any("the bill would pass" in c.content.text for c in rules)
    speakers = {c.content.text: c.source.name for c in learned if c.source}
    assert "senator" in speakers["that the bill would pass"].lower()
    assert speakers["the governor of ignoring the report"] == "Critics"


# ---------------------------------------------------------------- scorer


def test_scorer_rules():
    text = "“Hello,” she said. Bye now."
    assert alnum_set(text, [(0, 8)]) == alnum_set(text, [(1, 6)])
    a, b = alnum_set(text, [(0, 8)]), alnum_set(text, [(1, 3)])
    assert span_match(a, b, "overlap") and not span_match(a, b, "majority") and not span_match(a, b, "exact")
    gold = [GoldAttribution(content=[(0, 8)], source=[(9, 12)], cue=[(13, 17)])]
    preds = [([(1, 6)], [(9, 12)], [(13, 17)]), ([(19, 22)], [], [(13, 17)])]
    res = score([(text, gold, preds)])
    assert res["content/exact"]["tp"] == 1 and res["content/exact"]["P"] == 0.5
    assert res["content+source/exact"]["R"] == 1.0


def test_parse_ann():
    ann = ("T1\tSource 0 3\tShe\nT2\tCue 4 8\tsaid\nT3\tContent 9 12;14 16\tabc de\n"
           "T4\tAttribution 4 8\tsaid\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n#1\tAnnotatorNotes T1\tx\n")
    [g] = parse_ann(ann)
    assert g.content == [(9, 12), (14, 16)] and g.source == [(0, 3)] and g.cue == [(4, 8)]


# ---------------------------------------------------------------- gate


@pytest.mark.slow
def test_polnear_dev_gate():
    from newsledger.evaluate.attribution import evaluate

    try:
        res = evaluate("dev")
    except FileNotFoundError as exc:
        pytest.skip(str(exc))
    assert res["n_articles"] == 84
    assert res["content+source/overlap"]["F1"] >= DEV_CS_OVERLAP
    assert res["content/exact"]["F1"] >= DEV_C_EXACT


# rules + token tagger + learned cue classifier + boundary ranker + edge model + tagger claims
# (newsledger/analyze/data/MODEL_CARD.md); the rules alone measured 0.681 / 0.501, without the
# tagger 0.727 / 0.575
DEV_CS_OVERLAP = 0.750  # measured on dev: 0.768 (P 79.4 / R 74.4)
DEV_C_EXACT = 0.590  # measured on dev: 0.610 (P 63.0 / R 59.0)


@pytest.mark.parametrize("name", ["Paul Wren", "Christopher Hale"])
def test_a_letter_demanding_answers_is_not_the_addressees_demand(nlp, name):
    # the addressee of the letter (parsed as an object, or as the subject of "demanding") never demands
    text = (f"The new House committee on China sent a letter Wednesday to FBI Director {name} demanding answers "
            "about the bureau's efforts to combat the threat of China's \"transnational repression\".")
    for c in find_claims(nlp(text), text):
        assert c.source is None or c.source.name is None or name.split()[-1] not in c.source.name


def test_a_heading_is_never_the_source_of_the_next_paragraph(nlp):
    # the parse reads the heading "Gazans react" into the next sentence, as the subject of "told"
    text = ('Gazans react\n\nSamir Al Nasser, 58, told CBC freelance videographer Omar El Haddad in Khan Younis '
            'that the appointment was "an internal decision."')
    c = claim_about(nlp, text, "internal decision")
    assert c.source is None or c.source.name != "Gazans"
    assert "Gazans" not in (c.source.text if c.source else "")


def test_a_whole_quote_paragraph_without_a_cue_goes_on_with_the_last_speaker(nlp):
    text = ("Additionally, Mayor Ruth Dube confirmed that all disaster centres remain on full alert.\n\n"
            "“The storms we are experiencing are unpredictable. We urge all residents to stay vigilant.”\n\n"
            "The council will issue regular advisories.")
    c = claim_about(nlp, text, "storms we are experiencing")
    assert c.source.name == "Ruth Dube"
    assert "full alert" in c.content.text  # one claim: the indirect part and the quote that goes on


def test_a_quote_paragraph_after_another_speakers_claim_in_mid_paragraph_is_not_continued(nlp):
    # the paragraph's last claim is not the one before the quote paragraph: no guess
    text = ("Mayor Ruth Dube said the roads were closed, and the police said three cars were stuck.\n\n"
            "“The storms we are experiencing are unpredictable.”")
    for c in find_claims(nlp(text), text):
        if "storms we are experiencing" in c.content.text:
            assert c.source.name != "Ruth Dube"


def test_as_x_put_it_attributes_the_clause_it_hangs_off(nlp):
    text = "The ruling was, as the Harbour Gazette put it, a victory for the fishermen."
    c = claim_about(nlp, text, "victory for the fishermen")
    assert c.source.name == "Harbour Gazette"
    assert c.cue.text == "put it"
    assert "put it" not in c.content.text


def test_put_without_as_it_is_no_cue(nlp):
    text = "Mr Obi put the report on the table before the vote."
    assert not any(c.cue.text.startswith("put") for c in find_claims(nlp(text), text))


def test_according_to_yields_to_the_speaker_inside_it(nlp):
    text = ("According to reports, the officer recalled: “I knocked on the door for about ten minutes. "
            "I then went to the rear of the house.”")
    c = claim_about(nlp, text, "knocked on the door")
    assert c.source.text == "the officer"
    # PolNeAR annotates the outer attribution: its evaluation (statements_only=False) keeps it
    outer = find_claims(nlp(text), text, statements_only=False)
    assert any(c.cue.text == "According to" for c in outer)


@pytest.mark.parametrize("text, words", [
    ("Chief Justice Jane Moore wrote that the rule was settled, citing congressional debate over the amendment.",
     "congressional debate"),
    ("The minister praised the pact, referring to Mexico, Peru and Chile as old partners in trade.", "Mexico"),
])
def test_citing_or_referring_to_a_noun_phrase_is_no_statement(nlp, text, words):
    for c in find_claims(nlp(text), text):
        assert not (c.cue.text in ("citing", "referring") and words in c.content.text)


def test_a_cue_inside_an_if_clause_is_no_statement(nlp):
    # a condition is nobody's statement; the outer speaker's claim stays
    text = "Often, if a rival knows we're bidding, it will bid more. So moving fast helps us."
    assert not any(c.cue.text == "knows" for c in find_claims(nlp(text), text))
    text = "If the minister says the plan is dead, the party will split, Ms Ward said."
    c = claim_about(nlp, text, "party will split")
    assert c.source.name == "Ward" and c.cue.text == "said"
    assert not any(c.cue.text == "says" for c in find_claims(nlp(text), text))


def test_a_clause_after_a_dash_is_no_complement_of_a_fronted_quotes_cue(nlp):
    # the parse (as on a real page) made "go" a complement of "wrote" with "citing" as its subject:
    # after the dash the words are an aside naming another source; the fronted quotation is the content
    from spacy.tokens import Doc
    from newsledger.analyze.attribution.extractor import Extractor

    words = ["“", "Firms", "should", "plan", ",", "”", "analysts", "wrote", "in", "a", "note", "—", "citing",
             "engineers", "who", "estimate", "trucks", "will", "go", "mainstream", "."]
    heads = [3, 3, 3, 7, 7, 7, 7, 7, 7, 10, 8, 7, 18, 12, 15, 13, 15, 18, 7, 18, 7]
    deps = ["punct", "nsubj", "aux", "ccomp", "punct", "punct", "nsubj", "ROOT", "prep", "det", "pobj", "punct",
            "csubj", "dobj", "nsubj", "relcl", "dobj", "aux", "ccomp", "acomp", "punct"]
    spaces = [False, True, True, False, False, True, True, True, True, True, True, True, True, True, True, True, True,
              True, True, False, False]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps)
    ex = Extractor(doc, doc.text)
    assert [t.text for t in ex._complements(doc[7])] == ["plan"]
    # without the dash, the quotation closed right before the cue is still the content (h-claims15) ...
    plain = Doc(nlp.vocab, words=[w if w != "—" else "," for w in words], spaces=spaces, heads=heads, deps=deps)
    assert [t.text for t in Extractor(plain, plain.text)._complements(plain[7])] == ["plan"]
    # ... and with neither dash nor quotation the later complement stays the content ("Y; X says Z")
    bare = [{"“": "[", "”": "]", "—": ","}.get(w, w) for w in words]
    bare = Doc(nlp.vocab, words=bare, spaces=spaces, heads=heads, deps=deps)
    assert [t.text for t in Extractor(bare, bare.text)._complements(bare[7])] == ["go"]


def test_a_participle_under_a_preposition_heading_the_sentence_borrows_no_subject(nlp):
    """"Reed after claiming the bridge was safe" parsed with the preposition as the root: a
    participle under a preposition takes the subject of the verb the preposition hangs off, and a
    root preposition hangs off nothing (its own "subject" is a parse slip), so there is no source.
    Tokens are compared by index: spaCy makes a new Token on every access."""
    from spacy.tokens import Doc

    from newsledger.analyze.attribution.base import find_source

    words = ["Reed", "after", "claiming", "the", "bridge", "was", "safe"]
    heads = [1, 1, 1, 4, 5, 2, 5]
    deps = ["nsubj", "ROOT", "pcomp", "det", "nsubj", "ccomp", "acomp"]
    pos = ["PROPN", "ADP", "VERB", "DET", "NOUN", "AUX", "ADJ"]
    tags = ["NNP", "IN", "VBG", "DT", "NN", "VBD", "JJ"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    assert find_source(doc[2], set()) is None
