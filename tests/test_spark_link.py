"""The link stage on Spark gives the single-process linker's groups and flags, and `load`
stores them without recomputing (a later ingest links against them)."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pyarrow")
pytest.importorskip("pyspark")
if not shutil.which("java"):
    pytest.skip("Spark needs Java", allow_module_level=True)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from link_scale import generate  # noqa: E402

from newsledger.spark.linkcheck import agreement, group_pairs  # noqa: E402
from newsledger.spark.load import load_parquet  # noqa: E402
from newsledger.store import Ledger  # noqa: E402

N = 600  # two of the linker's 500-article chunks


def write_corpus(out: Path, n: int) -> list:
    from newsledger.spark.local import TableWriter
    from newsledger.spark.rows import article_rows

    w = TableWriter(out, rows_per_group=250)  # several row groups: several tasks
    arts = []
    for a, _story, _copy in generate(n, claims=True):
        arts.append(a)
        for table, row in article_rows(a, None, "generated"):
            w.add(table, row)
    w.close()
    return arts


@pytest.fixture(scope="module")
def linked(tmp_path_factory):
    from newsledger.spark.link import link_parquet

    d = tmp_path_factory.mktemp("sparklink")
    arts = write_corpus(d / "out", N)
    report = link_parquet(d / "out", master="local[2]")
    spark_ledger = Ledger(str(d / "spark.db"))
    loaded = load_parquet(d / "out", spark_ledger)
    single = Ledger(str(d / "single.db"))
    load_parquet(d / "out", single, link_tables=False)
    return {"report": report, "loaded": loaded, "spark": spark_ledger, "single": single, "arts": arts}


def test_spark_link_writes_every_table(linked):
    from newsledger.spark.link import LINK_TABLES

    out = Path(linked["report"]["out"])
    assert all(any((out / t).glob("*.parquet")) for t in LINK_TABLES)
    assert linked["report"]["articles"] == N
    assert linked["report"]["signatures"] == N
    assert linked["loaded"].linked["link"] == "precomputed"


def test_groups_equal_the_single_process_linker(linked):
    ref, got = group_pairs(linked["single"]), group_pairs(linked["spark"])
    # the corpus has each structure (else equality would say little)
    assert len(ref["copies"]) > 20 and len(ref["stories"]) > 500 and len(ref["claims"]) > 100
    assert got == ref, agreement(ref, got)


def test_originals_changes_and_flags_equal(linked):
    from newsledger.link import copy_groups

    def shape(ledger):
        return {g["original"]: sorted((m["article_id"], m["role"], m["similarity"], tuple(m["changes"]))
                                      for m in g["members"]) for g in copy_groups(ledger)}

    assert shape(linked["spark"]) == shape(linked["single"])
    flags = {}
    for name in ("spark", "single"):
        ledger = linked[name]
        flags[name] = {a.id: [(f["kind"], f["detail"]) for f in ledger.get(a.id)["flags"]] for a in linked["arts"]}
    assert any(flags["single"].values())  # byline swaps on copies under other names
    assert flags["spark"] == flags["single"]


def test_a_later_ingest_links_against_the_loaded_tables(linked):
    """The bands and signatures stored by load are the linker's: a new copy of a stored
    article joins its copy group and story."""
    from newsledger.link import copy_groups, link_new, story_of
    from newsledger.model import Article

    ledger = linked["spark"]
    src = linked["arts"][10]
    copy = Article(source="later:1", url="https://later.example/copy", site="later.example",
                   title="Copied: " + (src.title or ""), published=src.published)
    copy.set_paragraphs(list(src.paragraphs))
    res = ledger.add([(copy, None, None)])
    link_new(ledger, res.new)
    group = next(g for g in copy_groups(ledger) if copy.id in {m["article_id"] for m in g["members"]})
    assert src.id in {m["article_id"] for m in group["members"]}
    assert story_of(ledger, copy.id) == story_of(ledger, src.id)


def test_spark_link_on_a_missing_directory_is_one_line(tmp_path):
    r = subprocess.run([sys.executable, "-m", "newsledger.cli", "spark-link", str(tmp_path / "nowhere")],
                       capture_output=True, text=True)
    assert r.returncode == 2
    assert "no articles table" in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def write_sample_corpus(out: Path, headline_figures: bool = True) -> int:
    """The bundled sample corpus, analysed for real, as Parquet tables; the article count.
    ``headline_figures=False``: as written before the headline's figures were read."""
    from newsledger.model import Article
    from newsledger.pipeline import handle_one
    from newsledger.read import read
    from newsledger.spark.local import TableWriter
    from newsledger.spark.rows import article_rows

    corpus = Path(__file__).resolve().parent.parent / "samples" / "corpus"
    w = TableWriter(out, rows_per_group=10)
    n = 0
    for doc in read([str(corpus)]):
        a = handle_one(doc, analyze=True)
        if isinstance(a, Article):
            n += 1
            if not headline_figures:
                a.quantities = [q for q in a.quantities if q.where == "text"]
            for table, row in article_rows(a, doc, "samples"):
                w.add(table, row)
    w.close()
    return n


def link_both_ways(out: Path, tmp_path: Path) -> tuple[Ledger, Ledger]:
    """(the ledger loaded with Spark's link tables, the one linked in one process)."""
    from newsledger.spark.link import link_parquet

    link_parquet(out, master="local[2]")
    spark_ledger, single = Ledger(str(tmp_path / "spark.db")), Ledger(str(tmp_path / "single.db"))
    load_parquet(out, spark_ledger)
    load_parquet(out, single, link_tables=False)
    return spark_ledger, single


def test_claim_groups_of_analysed_pages_equal_the_single_process_linker(tmp_path):
    """The bundled sample corpus, analysed for real: its claim groups hold the figures the pages
    state themselves (the outlet's, read with their sentence from the article text and the
    headline) as well as the claims' own, on Spark as in one process."""
    from newsledger.link import claim_groups

    n = write_sample_corpus(tmp_path / "out")
    spark_ledger, single = link_both_ways(tmp_path / "out", tmp_path)
    ref, got = group_pairs(single), group_pairs(spark_ledger)
    reported = [m for g in claim_groups(single) for m in g["members"] if m["idx"] < 0]  # the outlet's own figure
    assert n >= 25 and len(ref["claims"]) > 20 and reported
    assert any(m.get("where") == "title" for m in reported)  # a headline's figure among them
    assert got == ref, agreement(ref, got)


def test_quantities_written_before_headline_figures_still_link(tmp_path):
    """Parquet written before ``quantities.where`` existed links as before: the missing column
    reads as "text"."""
    import pyarrow.parquet as pq

    out = tmp_path / "out"
    write_sample_corpus(out, headline_figures=False)
    files = list((out / "quantities").glob("*.parquet"))
    for f in files:
        pq.write_table(pq.read_table(f).drop(["where"]), f)
    assert files and all("where" not in pq.read_schema(f).names for f in files)
    spark_ledger, single = link_both_ways(out, tmp_path)
    ref, got = group_pairs(single), group_pairs(spark_ledger)
    assert len(ref["claims"]) > 20
    assert got == ref, agreement(ref, got)


def _veto_as_the_linker(veto, col, pairs) -> list[bool]:
    """The Spark column ``col`` on each pair of term lists, checked equal to the linker's ``veto``."""
    from newsledger.spark import make_session

    spark = make_session("local[1]")
    rows = spark.createDataFrame([(i, x, y) for i, (x, y) in enumerate(pairs)], "i int, x array<string>, y array<string>")
    got = {r.i: r.apart for r in rows.select("i", col("x", "y").alias("apart")).collect()}
    assert got == {i: veto(x, y) for i, (x, y) in enumerate(pairs)}
    return [got[i] for i in range(len(pairs))]


def test_spark_keeps_a_person_of_another_age_out_of_the_story_as_the_linker_does():
    """The story veto of a person's age (``linker.ages_apart``) as a Spark column: equal to the
    linker's on each pair of term lists."""
    from newsledger.link.story_terms import ages_apart
    from newsledger.spark.link import ages_apart_col

    pairs = [(["a:dario velk:34", "e:velk"], ["a:dario velk:38"]),  # four years: another time
             (["a:dario velk:34"], ["a:dario velk:35", "a:ivo marsk:30"]),  # a birthday
             (["a:dario velk:34"], ["a:ivo marsk:22"]),  # different persons
             (["e:velk"], ["a:dario velk:38"]), ([], []),
             (["a:ana de la cruz:70", "a:dario velk:30"], ["a:ana de la cruz:66"])]
    assert _veto_as_the_linker(ages_apart, ages_apart_col, pairs) == [True, False, False, False, False, True]


def test_spark_keeps_a_quake_of_another_magnitude_apart_as_the_linker_does():
    """The story veto of a quake's lead magnitude (``vetoes.magnitudes_apart``) as a Spark column."""
    from newsledger.link.vetoes import magnitudes_apart
    from newsledger.spark.link import magnitudes_apart_col

    pairs = [(["m:6.1", "e:tarsk island"], ["m:5.6"]),  # two quakes
             (["m:5.9"], ["m:6.1"]),  # two agencies, one quake
             (["m:6.1"], ["e:tarsk island"]), ([], []),  # one side gives none
             (["m:6.1", "m:5.6"], ["m:5.6"]), (["m:6"], ["m:6.5"])]
    got = _veto_as_the_linker(magnitudes_apart, magnitudes_apart_col, pairs)
    assert got == [True, False, False, False, False, True]


def test_spark_keeps_another_holder_of_an_office_apart_as_the_linker_does():
    """The story veto of an office's holders (``vetoes.offices_apart``) as a Spark column."""
    from newsledger.link.vetoes import offices_apart
    from newsledger.spark.link import offices_apart_col

    kunc, ostrova = ["o:holds:kunc", "o:water secretary:kunc"], ["o:holds:ostrova", "o:water secretary:ostrova"]
    pairs = [(kunc, ostrova), (kunc, kunc + ["e:velmar"]), (kunc, ostrova + kunc), (kunc, []), ([], []),
             (["o:holds:darek"], ["o:holds:rell"]), (["o:elect:solan"], ["o:holds:solan"]),
             (["o:holds:solan"], ["o:elect:solan", "e:x"]), (["o:elect:solan", "o:holds:solan"], ["o:holds:solan"])]
    got = _veto_as_the_linker(offices_apart, offices_apart_col, pairs)
    assert got == [True, False, False, False, False, False, True, True, False]


def test_spark_keeps_another_participant_of_one_action_apart_as_the_linker_does():
    """The story veto of who did what to whom (``vetoes.roles_apart``) as a Spark column."""
    from newsledger.link.vetoes import roles_apart
    from newsledger.spark.link import roles_apart_col

    velk_rask, velk_dorn = "r:stop|PERSON|velk|PERSON|rask", "r:stop|PERSON|velk|PERSON|dorn"
    owls, hawks = "r:offer|ORG|owls|PERSON|marsk", "r:offer|ORG|hawks|PERSON|marsk"
    pairs = [([velk_rask], [velk_dorn, "e:x"]), ([owls], [hawks]), ([velk_rask], [velk_rask]),
             ([velk_rask], [velk_dorn, velk_rask]), ([owls], ["r:offer|GPE|hawks|PERSON|marsk"]),
             ([velk_rask], ["r:beat|PERSON|velk|PERSON|dorn"]), ([velk_rask], []), ([], [])]
    got = _veto_as_the_linker(roles_apart, roles_apart_col, pairs)
    assert got == [True, True, False, False, False, False, False, False]


def test_spark_scores_the_story_terms_the_linker_scores():
    """The terms a story score counts (``vetoes.scored``: no veto term of any kind, magnitude or
    office) as a Spark column: equal to the linker's on each list."""
    from newsledger.link.vetoes import scored
    from newsledger.spark.link import scored_col
    from newsledger.spark import make_session

    lists = [["e:velk", "m:6.1", "o:holds:kunc", "o:water secretary:kunc", "t:dam", "r:stop|PERSON|velk|PERSON|rask"],
             ["e:velk"], []]
    spark = make_session("local[1]")
    rows = spark.createDataFrame([(i, x) for i, x in enumerate(lists)], "i int, x array<string>")
    got = {r.i: set(r.s) for r in rows.select("i", scored_col("x").alias("s")).collect()}
    assert got == {i: set(scored(frozenset(x))) for i, x in enumerate(lists)}
    assert got[0] == {"e:velk", "t:dam"}



# made-up reports (undated): eleven of one coast guard patrol in a made-up gulf, naming its crew;
# a navy commander setting out; and a rescue in the same gulf naming the navy's people, which
# matches each patrol report better (the setting's words) than the commander's, but brings names
# the patrol's eleven reports never give: the linker's newcomer name test (scoring.names_new_to)
# sends it to the commander's story
PATROL = ("The Velmar coast guard patrol boat escorted merchant vessels through the Gulf of Velmar, where "
          "pirate skiffs have attacked tankers this season.")
PATROL_CREW = "Captain Anton Rebek and navigator Mira Solt led the patrol for the Harbour Master Office."
PATROL_WORDS = ["lighthouse", "cargo", "dockyard", "convoy", "radar", "anchor", "buoy", "signal", "harbour", "beacon",
                "ferry", "diesel"]


def _name_test_reports() -> list:
    from test_link import art

    out = [art("Tarvel Navy commander Dario Fenn sails for the gulf",
               ["Commander Dario Fenn of the Tarvel Navy left port with a frigate and a helicopter on Monday.",
                "Officials would not say where the ship was bound."], "navyday.example", None)]
    for i, w in enumerate(PATROL_WORDS[:11]):
        out.append(art(f"Patrol guards {w} route in Gulf of Velmar",
                       [PATROL, PATROL_CREW, f"Reports of the {w} and the {PATROL_WORDS[i + 1]} came from sailors "
                        f"on deck {i}."], f"coast{i}.example", None))
    out.append(art("Second rescue: frigate frees tanker hostages in Gulf of Velmar",
                   [PATROL, "Commander Dario Fenn, envoy Kasia Lorn and negotiator Oskar Brandt of the Tarvel Navy "
                    "freed the crew of a seized tanker after a ransom standoff.",
                    "A helicopter and the frigate escorted the tanker home."], "rescuewire.example", None))
    return out


def test_stories_the_newcomer_name_test_decides_equal_the_single_process_linker(tmp_path):
    from newsledger.link import story_of
    from newsledger.link.scoring import NEW_NAMES_BELOW, STORY_THRESHOLD, story_score
    from newsledger.link.fingerprints import fingerprint
    from newsledger.spark.local import TableWriter
    from newsledger.spark.rows import article_rows

    arts = _name_test_reports()
    commander, patrol, rescue = arts[0], arts[1:-1], arts[-1]
    fps = [fingerprint(a, a.id, i, {}) for i, a in enumerate(arts)]
    weak = [story_score(frozenset(fps[-1].terms), f.terms, None, None) for f in fps[:-1]]
    # the premise: the rescue matches every patrol report above the join bar but weakly, and
    # each better than the commander's report (without the name test it joins the patrol)
    assert all(STORY_THRESHOLD <= s < NEW_NAMES_BELOW for s in weak) and weak[0] < min(weak[1:])
    w = TableWriter(tmp_path / "out", rows_per_group=5)
    for a in arts:
        for table, row in article_rows(a, None, "text"):
            w.add(table, row)
    w.close()
    spark_ledger, single = link_both_ways(tmp_path / "out", tmp_path)
    for ledger in (single, spark_ledger):
        assert story_of(ledger, rescue.id) == story_of(ledger, commander.id)
        assert {story_of(ledger, a.id) for a in patrol} == {story_of(ledger, patrol[0].id)} != {story_of(ledger, rescue.id)}
    ref, got = group_pairs(single), group_pairs(spark_ledger)
    assert got["stories"] == ref["stories"], agreement(ref, got)
