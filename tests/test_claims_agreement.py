"""Agreement of two blind readings of one page, scored by the claims-real scorer."""
from newsledger.evaluate.claims_agreement import agreement

TEXT = ("The mayor, Ann Cole, said the bridge would reopen in May. "
        "A spokesman for the port said traffic had doubled.")


def _claim(source, content, core=True):
    s = TEXT.index(content)
    return {"source": source, "aliases": [], "content": [[s, s + len(content)]], "core": core}


def test_same_reading_agrees_fully():
    a = [_claim("Ann Cole", "the bridge would reopen in May"), _claim(None, "traffic had doubled")]
    t = agreement(a, a, TEXT)
    # a claim whose speaker nobody can tell is right when the other reading names nobody either
    assert (t.right, t.unresolved, t.wrong_speaker, t.spurious) == (2, 0, 0, 0)
    assert t.figures()["recall"] == 1.0


def test_other_speaker_and_extra_claim_are_counted():
    a = [_claim("Ann Cole", "the bridge would reopen in May")]
    b = [_claim("the port", "the bridge would reopen in May"), _claim("the port", "traffic had doubled", core=False)]
    t = agreement(a, b, TEXT)
    assert (t.wrong_speaker, t.spurious, t.core_found) == (1, 1, 0)
    assert agreement(a, b, TEXT, core_only=True).outputs == 1
