"""Agreement of two blind readings of one page, scored by the claims-real scorer."""
from newsledger.evaluate.claims_agreement import agreement

TEXT = ("The mayor, Ann Cole, said the bridge would reopen in May. "
        "A spokesman for the port said traffic had doubled.")


def _claim(source, content, core=True, stance="asserts"):
    s = TEXT.index(content)
    return {"source": source, "aliases": [], "content": [[s, s + len(content)]], "core": core, "stance": stance}


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


def test_stance_agreement_compares_the_two_readings_stances():
    a = [_claim("Ann Cole", "the bridge would reopen in May", stance="expects"), _claim(None, "traffic had doubled")]
    b = [_claim("Ann Cole", "the bridge would reopen in May"), _claim(None, "traffic had doubled")]
    f = agreement(a, b, TEXT).figures()
    assert (f["stance_matched"], f["stance_agreement"]) == (2, 0.5)
    assert agreement(a, a, TEXT).figures()["stance_agreement"] == 1.0


def test_a_second_reading_is_converted_beside_the_gold_never_over_it(tmp_path, monkeypatch):
    """``claims_gold.py convert --second`` writes ``second/<page>.json`` and leaves the repo gold as it was."""
    import importlib.util
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "scripts" / "claims_gold.py"
    spec = importlib.util.spec_from_file_location("claims_gold_under_test", path)
    claims_gold = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(claims_gold)
    monkeypatch.setattr(claims_gold, "GOLD_DIR", tmp_path)
    monkeypatch.setattr(claims_gold, "load_texts", lambda page: {page: TEXT})
    (tmp_path / "page-x.json").write_text('{"page": "page-x", "claims": []}', encoding="utf-8")
    work = tmp_path / "work.json"
    work.write_text(json.dumps({"page": "page-x", "annotator": "second", "claims": [
        {"anchor": "would reopen", "source": "Ann Cole", "mention": "Ann Cole", "cue": "said",
         "content": ["the bridge would reopen in May"], "kind": "indirect", "stance": "asserts", "core": True}]}),
        encoding="utf-8")
    out = claims_gold.convert(work, second=True)
    assert out == tmp_path / "second" / "page-x.json"
    assert json.loads(out.read_text("utf-8"))["claims"][0]["content"] == [[TEXT.index("the bridge"),
                                                                          TEXT.index(" in May") + 7]]
    assert json.loads((tmp_path / "page-x.json").read_text("utf-8"))["claims"] == []


def test_pairs_reads_the_pages_read_twice_that_start_with_a_prefix(tmp_path, monkeypatch):
    import json

    from newsledger.evaluate import claims_agreement as A

    second = tmp_path / "second"
    second.mkdir()
    for page in ("poltest-a", "trafeval-b"):
        for d, src in ((tmp_path, "Ann Cole"), (second, None)):
            (d / f"{page}.json").write_text(json.dumps({"page": page, "claims": [
                _claim(src, "the bridge would reopen in May")]}), encoding="utf-8")
    monkeypatch.setattr(A, "GOLD_DIR", tmp_path)
    got = A.pairs(second, prefix="poltest-")
    assert [(p, a[0]["source"], b[0]["source"]) for p, a, b in got] == [("poltest-a", "Ann Cole", None)]
    assert len(A.pairs(second)) == 2


def test_the_product_is_scored_against_each_reading_and_against_either(monkeypatch):
    """An output whose speaker only the second reader gives is wrong against the first, right against the
    second, and right against either reading."""
    from newsledger.evaluate import claims_real
    from newsledger.evaluate.claims_agreement import as_output, system_against_both

    first = [_claim("Ann Cole", "the bridge would reopen in May"), _claim("officials", "traffic had doubled")]
    second = [_claim("Ann Cole", "the bridge would reopen in May"), _claim("the port", "traffic had doubled")]
    product = [as_output(_claim("Ann Cole", "the bridge would reopen in May")),
               as_output(_claim("the port", "traffic had doubled"))]
    monkeypatch.setattr(claims_real, "analyzed_claims", lambda pages: {p.page: (TEXT, product) for p in pages})
    vs_first, vs_second, vs_either = system_against_both([("page-x", first, second)])
    assert (vs_first["wrong_speaker"], vs_second["wrong_speaker"], vs_either["wrong_speaker"]) == (0.5, 0.0, 0.0)
    assert vs_first["recall"] == 0.5 and vs_second["recall"] == 1.0
