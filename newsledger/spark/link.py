"""The link stage on Spark: copy groups, byline-swap (and other provenance) flags, stories and
claim groups computed from the Parquet that ``newsledger spark`` wrote, as Parquet tables that
``newsledger load`` stores as they are (no recomputation).

    link_parquet("out/", master="local[2]")          # library
    newsledger spark crawl/*.warc.gz --out out/ --link
    newsledger spark-link out/                        # on Parquet already written

Stages (each a Spark job; ``order`` is the article's position in the articles table, the
order ``load`` stores them in, and decides what is "earlier"):

1. **fingerprints** (per article, in Python workers): the linker's own :func:`fingerprint`
   -- word-shingle MinHash, lead MinHash, passage keys, story terms and their band keys.
2. **candidates** (Spark SQL): the band keys indexed as the linker indexes them (the first
   ``BAND_CAP`` holders of a key), joined with every later article's look-ups; shared keys
   counted per pair; passage keys only while rare, saturated story keys only when nothing
   else is shared; the best ``MAX_CANDIDATES`` / ``MAX_STORY_CANDIDATES`` per article.
3. **scores** (Spark SQL): the linker's ``copy_score`` (estimated containment, lead Jaccard)
   and ``story_score`` (term Jaccard, shared entities, time decay) on the candidate pairs.
4. **groups**: copy groups are the components of the confirmed copy pairs, each story the
   tree of "joined the story of" links (a copy joins its original's story); both on the
   driver from the pair lists (one row per confirmed pair or article).
5. **rows** (grouped, in Python workers): per copy group the original, the changes and the
   byline-swap flags (:func:`newsledger.link.copy_refresh.copy_group_rows`,
   :func:`group_member_flags`); per bio key the reused-bio flags; per story its row and its
   claim groups (:func:`newsledger.link.claims.group_story` over its most recent
   ``CLAIM_WINDOW`` articles); per article its flags merged.

Output: ``OUT/link/<table>/`` for ``signatures``, ``bands``, ``copy_groups``, ``copies``,
``stories``, ``story_members``, ``claim_groups``, ``claim_members``, ``bios`` and
``flags`` (article_id, the article's flags after linking); JSON columns as strings.
"""
from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path
from typing import Optional

from newsledger.spark.linkload import JSON_COLUMNS, LINK_DIR

LINK_TABLES = ("signatures", "bands", "copy_groups", "copies", "stories", "story_members",
               "claim_groups", "claim_members", "bios", "flags")


def article_order(out_dir) -> dict[str, tuple[int, int]]:
    """{article id: (order, row)}: the ids in the order ``newsledger load`` stores them, and
    the row of the articles table that holds each first."""
    import pyarrow.dataset as ds

    files = sorted(str(f) for f in Path(out_dir, "articles").rglob("*.parquet")
                   if not f.name.startswith((".", "_")))
    if not files:
        raise FileNotFoundError(f"{out_dir}: no articles table (expected {Path(out_dir, 'articles')}/*.parquet)")
    seen: dict[str, tuple[int, int]] = {}
    row = 0
    for batch in ds.dataset(files, format="parquet").to_batches(columns=["id"], batch_size=65536):
        for aid in batch.column(0).to_pylist():
            if aid not in seen:
                seen[aid] = (len(seen), row)
            row += 1
    return seen


FP_SCHEMA = ("id:s ord:l shingles:i sig:[i] lead:[i] sig_b:b lead_b:b terms:[s] uterms:[s] published:s "
             "published_time:s day:i title:s source:s site:s ins:[k] probe:[k] flags_old:s flags_own:s flags_base:s bios:[bio]")


def _fp_schema():
    from pyspark.sql import types as T

    base = {"s": T.StringType(), "l": T.LongType(), "i": T.IntegerType(), "b": T.BinaryType()}
    key = T.StructType([T.StructField("key", T.LongType()), T.StructField("kind", T.StringType())])
    bio = T.StructType([T.StructField(n, T.LongType() if n == "key" else T.StringType())
                        for n in ("key", "name", "site", "bio")])
    kinds = {**base, **{f"[{k}]": T.ArrayType(v) for k, v in base.items()},
             "[k]": T.ArrayType(key), "[bio]": T.ArrayType(bio)}
    return T.StructType([T.StructField(n, kinds[k]) for n, k in (c.split(":") for c in FP_SCHEMA.split())])


def _row_groups(out: str) -> list[tuple[str, int, int]]:
    """(file, row group, its first row) of the articles table: one task each."""
    import pyarrow.parquet as pq

    files = sorted(str(f) for f in Path(out, "articles").rglob("*.parquet") if not f.name.startswith((".", "_")))
    tasks, row = [], 0
    for f in files:
        meta = pq.ParquetFile(f).metadata
        for g in range(meta.num_row_groups):
            tasks.append((f, g, row))
            row += meta.row_group(g).num_rows
    return tasks


def _group_members(spark, out: str, firsts: dict, gid: dict):
    """(copy group id, (order, id, article JSON)) of every copy group member, read by the
    tasks from the articles table (only members' text travels)."""
    members = spark.sparkContext.broadcast({a: (g, firsts[a]) for a, g in gid.items()})

    def task(it):
        import pyarrow.parquet as pq

        m = members.value
        for f, g, start in it:
            cols = pq.ParquetFile(f).read_row_group(g, columns=["id", "data"]).to_pydict()
            for i, (aid, data) in enumerate(zip(cols["id"], cols["data"])):
                hit = m.get(aid)
                if hit and hit[1][1] == start + i:
                    yield aid, (hit[0], hit[1][0], data)

    tasks = _row_groups(out)
    return spark.sparkContext.parallelize(tasks, max(1, len(tasks))).mapPartitions(task)


def _fingerprints(spark, out: str, firsts: dict, tmp: str):
    """Stage 1, written once (the later stages read it several times). Each task reads one
    row group of the articles table with pyarrow and writes its fingerprints as a Parquet part
    (no rows pickled through the JVM), so ``out`` must be a path every executor sees."""
    tasks = _row_groups(out)
    schema = _fp_schema()
    arrow = _arrow_schema(schema)
    firsts_b = spark.sparkContext.broadcast(firsts)
    dest = f"{tmp}/fp"
    os.makedirs(dest, exist_ok=True)

    def task(index, it):
        import pyarrow as pa
        import pyarrow.parquet as pq

        from newsledger.spark.linkrows import fingerprint_row

        first = firsts_b.value
        with pq.ParquetWriter(f"{dest}/part-{index:05d}.parquet", arrow) as w:
            for f, g, start in it:
                cols = pq.ParquetFile(f).read_row_group(g, columns=["id", "data"]).to_pydict()
                rows = []
                for i, (aid, data) in enumerate(zip(cols["id"], cols["data"])):
                    o, at = first[aid]
                    if at == start + i:  # the first occurrence: what load stores
                        rows.append(fingerprint_row(aid, o, data))
                if rows:
                    w.write_batch(pa.RecordBatch.from_pylist(rows, schema=arrow))
        yield index

    spark.sparkContext.parallelize(tasks, max(1, len(tasks))).mapPartitionsWithIndex(task).collect()
    return spark.read.parquet(dest)


def _arrow_schema(schema):
    """The pyarrow schema of a Spark one (strings, numbers, binary, arrays, structs)."""
    import pyarrow as pa
    from pyspark.sql import types as T

    def conv(t):
        if isinstance(t, T.ArrayType):
            return pa.list_(conv(t.elementType))
        if isinstance(t, T.StructType):
            return pa.struct([pa.field(f.name, conv(f.dataType)) for f in t.fields])
        return {T.StringType: pa.string(), T.LongType: pa.int64(), T.IntegerType: pa.int32(),
                T.BinaryType: pa.binary(), T.DoubleType: pa.float64()}[type(t)]

    return pa.schema([pa.field(f.name, conv(f.dataType)) for f in schema.fields])


def _candidates(spark, fp):
    """Stage 2: ``(x, y, cls, n)`` -- article x's earlier candidates y by shared band keys;
    cls copy | story."""
    from pyspark.sql import functions as F
    from pyspark.sql.window import Window

    from newsledger.link.candidates import BAND_CAP, MAX_CANDIDATES, MAX_STORY_CANDIDATES, PASSAGE_RARE

    cap = F.create_map(*[x for k, v in BAND_CAP.items() for x in (F.lit(k), F.lit(v))])
    ins = fp.select("id", "ord", F.explode("ins").alias("k")).select(
        F.col("k.key").alias("key"), F.col("k.kind").alias("kind"), F.col("id").alias("y"), F.col("ord").alias("yo"))
    rank = F.row_number().over(Window.partitionBy("key", "kind").orderBy("yo"))
    indexed = ins.withColumn("r", rank).where(F.col("r") <= cap[F.col("kind")]).persist()
    probe = fp.select("id", "ord", F.explode("probe").alias("k")).select(
        F.col("k.key").alias("key"), F.col("k.kind").alias("kind"), F.col("id").alias("x"), F.col("ord").alias("xo"))
    # how many indexed holders a look-up sees is what decides: a passage key says something
    # only while at most PASSAGE_RARE earlier articles hold it, a story key is saturated once
    # its BAND_CAP["story"] holders are all earlier. Both read from the ord of the holder at
    # that rank, joined to the look-ups (no count per look-up).
    limit = F.when(F.col("kind") == "passage", PASSAGE_RARE + 1).otherwise(BAND_CAP["story"])
    marks = (indexed.where(F.col("kind").isin("passage", "story") & (F.col("r") == limit))
             .select("key", "kind", F.col("yo").alias("mark")))
    probe = probe.join(marks, ["key", "kind"], "left")
    full = F.col("mark").isNotNull() & (F.col("mark") < F.col("xo"))
    probe = probe.where((F.col("kind") != "passage") | ~full).withColumn("hot", full & (F.col("kind") == "story"))
    pairs = probe.drop("mark").join(indexed.drop("r"), ["key", "kind"]).where(F.col("yo") < F.col("xo"))
    cls = (F.when(F.col("kind") != "story", F.lit("copy"))
           .when(F.col("hot"), F.lit("hot")).otherwise(F.lit("story")))
    counted = (pairs.withColumn("cls", cls).groupBy("x", "y", "yo", "cls").agg(F.count(F.lit(1)).alias("n")))
    # a saturated ("hot") story key counts only for an article with no other story candidate
    has_story = F.max(F.when(F.col("cls") == "story", 1).otherwise(0)).over(Window.partitionBy("x"))
    counted = counted.withColumn("has_story", has_story)
    counted = counted.where((F.col("cls") != "hot") | (F.col("has_story") == 0)).drop("has_story")
    counted = counted.withColumn("cls", F.when(F.col("cls") == "hot", "story").otherwise(F.col("cls")))
    best = F.row_number().over(Window.partitionBy("x", "cls").orderBy(F.desc("n"), "yo"))
    limit = F.when(F.col("cls") == "copy", MAX_CANDIDATES).otherwise(MAX_STORY_CANDIDATES)
    return counted.withColumn("rank", best).where(F.col("rank") <= limit).drop("rank")


def _same(a: str, b: str):
    """Share of equal positions of two signature arrays (the linker's ``jaccard``)."""
    from pyspark.sql import functions as F

    eq = F.aggregate(F.zip_with(F.col(a), F.col(b), lambda p, q: F.when(p == q, 1).otherwise(0)),
                     F.lit(0), lambda acc, v: acc + v)
    n = F.size(F.col(a))
    return F.when((n == F.size(F.col(b))) & (n > 0), eq.cast("double") / n).otherwise(F.lit(0.0))


def _scores(cand, fp):
    """Stage 3: the linker's ``copy_score`` and ``story_score`` on each candidate pair: the copy
    pairs, the story pairs that pass the join test (no veto between the two), and every story
    pair scoring above 0, with whether a veto keeps the two apart (the members the linker's story
    ranking reads: :func:`_story_names`)."""
    from pyspark.sql import functions as F

    from newsledger.link.fingerprints import MIN_SHINGLES
    from newsledger.link.scoring import (COPY_CONTAINMENT, COPY_LEAD, COPY_LEAD_CONTAINMENT, ENTITY_BONUS,
                                         PLACE_BONUS, PLACE_DAYS, STORY_DAYS, STORY_DECAY_DAYS,
                                         STORY_DECAY_FLOOR, STORY_THRESHOLD)
    from newsledger.link.story_terms import NAME_TERM
    x = fp.select(*[F.col(c).alias("x_" + c) for c in ("id", "shingles", "sig", "lead", "uterms", "day")])
    y = fp.select(*[F.col(c).alias("y_" + c) for c in ("id", "shingles", "sig", "lead", "uterms", "day")])
    p = cand.join(x, cand.x == x.x_id).join(y, cand.y == y.y_id)
    for side in ("x", "y"):  # the veto terms are left out of the score (the linker's vetoes.scored)
        p = p.withColumn(f"{side}_sterms", scored_col(f"{side}_uterms"))
    j = _same("x_sig", "y_sig")
    na, nb = F.col("x_shingles"), F.col("y_shingles")
    inter = F.col("j") * (na + nb).cast("double") / (F.lit(1.0) + F.col("j"))
    cont = F.when((na == 0) | (nb == 0), F.lit(0.0)).otherwise(F.least(F.lit(1.0), inter / F.least(na, nb)))
    lj = _same("x_lead", "y_lead")
    ok = F.when(F.least(na, nb) < MIN_SHINGLES, F.col("j") >= 0.8).otherwise(
        (F.col("c") >= COPY_CONTAINMENT) | ((lj >= COPY_LEAD) & (F.col("c") >= COPY_LEAD_CONTAINMENT)))
    copies = (p.where(F.col("cls") == "copy").withColumn("j", j).withColumn("c", cont).withColumn("ok", ok)
              .where("ok").select("x", "y", "c"))
    shared = F.array_intersect("x_sterms", "y_sterms")
    sj = F.size(shared).cast("double") / F.size(F.array_union("x_sterms", "y_sterms"))
    ents = F.size(F.filter(shared, lambda t: t.rlike(NAME_TERM)))  # the linker's naming()
    sj = sj + F.lit(ENTITY_BONUS) * F.least(ents, F.lit(6)).cast("double")  # as the linker's story_score
    d = F.abs(F.col("x_day") - F.col("y_day"))
    places = F.size(F.filter(shared, lambda t: t.startswith("e:") & ~t.rlike(NAME_TERM)))  # one-word names
    sj = F.when(d.isNotNull() & (d <= PLACE_DAYS),
                sj + F.lit(PLACE_BONUS) * F.least(places, F.lit(6)).cast("double")).otherwise(sj)
    decay = F.greatest(F.lit(STORY_DECAY_FLOOR),
                       F.lit(1.0) - (d - STORY_DAYS).cast("double") / F.lit(float(STORY_DECAY_DAYS)))
    sj = F.when(d.isNotNull() & (d > STORY_DAYS), sj * decay).otherwise(sj)
    sj = F.when((F.size("x_sterms") == 0) | (F.size("y_sterms") == 0), F.lit(0.0)).otherwise(sj)
    apart = (ages_apart_col("x_uterms", "y_uterms") | magnitudes_apart_col("x_uterms", "y_uterms")
             | offices_apart_col("x_uterms", "y_uterms") | roles_apart_col("x_uterms", "y_uterms"))
    scored = p.where(F.col("cls") == "story").withColumn("s", sj).where(F.col("s") > 0).withColumn("apart", apart)
    stories = scored.where((F.col("s") >= STORY_THRESHOLD) & ~F.col("apart")).select("x", "y", "yo", "n", "s")
    return copies, stories, scored.select("x", "y", "s", "apart")


def ages_apart_col(a: str, b: str):
    """The linker's ``ages_apart`` on two columns of story terms: a person both give an age
    ("a:<full name>:<age>"), the ages ``AGE_APART`` years or more apart. The linker skips every
    story a scored candidate member of which gives such an age; here the pair is no candidate
    and the story is refused on the driver (:func:`_story_names`). Never null: a missing list has
    no ages."""
    from pyspark.sql import functions as F

    from newsledger.link.story_terms import AGE_APART

    def ages(col):
        return F.filter(F.col(col), lambda t: t.startswith("a:"))

    def name(t):
        return F.regexp_extract(t, r"^a:(.*):\d+$", 1)

    def age(t):
        return F.regexp_extract(t, r":(\d+)$", 1).cast("int")

    return F.coalesce(F.exists(ages(a), lambda t: F.exists(ages(b), lambda u: (name(t) == name(u)) &
                                                           (F.abs(age(t) - age(u)) >= AGE_APART))), F.lit(False))


def scored_col(terms: str):
    """The linker's ``vetoes.scored`` on a column of story terms: all but the veto terms (every
    prefix of ``VETO_PREFIXES``: a quake's magnitude and an office's holder)."""
    from pyspark.sql import functions as F

    from newsledger.link.vetoes import VETO_PREFIXES

    def veto(t):
        out = t.startswith(VETO_PREFIXES[0])
        for prefix in VETO_PREFIXES[1:]:
            out = out | t.startswith(prefix)
        return out

    return F.filter(F.col(terms), lambda t: ~veto(t))


def magnitudes_apart_col(a: str, b: str):
    """The linker's ``vetoes.magnitudes_apart`` on two columns of story terms: both give a quake
    magnitude in the lead ("m:<magnitude>") and every pair of them is ``MAGNITUDE_APART`` or more
    apart. Never null: a missing list has no magnitudes."""
    from pyspark.sql import functions as F

    from newsledger.link.vetoes import MAGNITUDE_APART, VETO_PREFIX

    def mags(col):
        return F.transform(F.filter(F.col(col), lambda t: t.startswith(VETO_PREFIX)),
                           lambda t: F.substring(t, len(VETO_PREFIX) + 1, 32).cast("double"))

    near = F.exists(mags(a), lambda m: F.exists(mags(b), lambda n: F.abs(m - n) < MAGNITUDE_APART - 1e-9))
    return F.coalesce((F.size(mags(a)) > 0) & (F.size(mags(b)) > 0) & ~near, F.lit(False))


def offices_apart_col(a: str, b: str):
    """The linker's ``vetoes.offices_apart`` on two columns of story terms ("o:<office>:<surname>"):
    one person elected ("o:elect:") in one and in office ("o:holds:") in the other, or one office
    of two words or more with one holder on each side, not the same. Never null."""
    from pyspark.sql import functions as F

    from newsledger.link.vetoes import ELECT, HOLDS, OFFICE_PREFIX

    def office(t):
        return F.regexp_extract(t, r"^" + OFFICE_PREFIX + r"(.*):[^:]*$", 1)

    def name(t):
        return F.regexp_extract(t, r":([^:]*)$", 1)

    def held(col, key):  # the surnames a side gives for an office (or holds / elect)
        return F.transform(F.filter(F.col(col), lambda t: t.startswith(OFFICE_PREFIX) & (office(t) == key)), name)

    def elect_then_holder(x, y):
        elect = F.array_except(held(x, F.lit(ELECT)), held(x, F.lit(HOLDS)))
        return F.size(F.array_intersect(elect, F.array_except(held(y, F.lit(HOLDS)), held(y, F.lit(ELECT))))) > 0

    offices = F.filter(F.col(a), lambda t: t.startswith(OFFICE_PREFIX) & office(t).contains(" "))
    two = F.exists(offices, lambda t: (F.size(held(a, office(t))) == 1) & (F.size(held(b, office(t))) == 1)
                   & F.exists(held(b, office(t)), lambda n: n != name(t)))
    return F.coalesce(elect_then_holder(a, b) | elect_then_holder(b, a) | two, F.lit(False))


def roles_apart_col(a: str, b: str):
    """The linker's ``vetoes.roles_apart`` on two columns of story terms
    ("r:<action>|<label>|<agent>|<label>|<patient>"): one action, one participant the same and the
    other of one kind but another, neither side also giving the other's clause. Never null."""
    from pyspark.sql import functions as F

    from newsledger.link.vetoes import ROLE_PREFIX

    def roles(col):
        return F.transform(F.filter(F.col(col), lambda t: t.startswith(ROLE_PREFIX)),
                           lambda t: F.split(F.substring(t, len(ROLE_PREFIX) + 1, 1000), r"\|"))

    def gives(rs, r):  # a clause of r's action, agent and patient among rs
        return F.exists(rs, lambda w: (w[0] == r[0]) & (w[2] == r[2]) & (w[4] == r[4]))

    def other(x, y):
        same_agent = (x[2] == y[2]) & (x[3] == y[3]) & (x[4] != y[4])
        same_patient = (x[4] == y[4]) & (x[1] == y[1]) & (x[2] != y[2])
        return (x[0] == y[0]) & (same_agent | same_patient)

    ra, rb = roles(a), roles(b)
    return F.coalesce(F.exists(ra, lambda x: F.exists(rb, lambda y: other(x, y) & ~gives(rb, x) & ~gives(ra, y))),
                      F.lit(False))


def _story_parents(copies, stories) -> dict:
    """{x: (via, score)}: a copy joins the story of its best match (highest containment, then
    id, as the linker sorts its matches); else the best-scoring story candidate (ties: more
    shared keys, then the earlier article)."""
    from pyspark.sql import functions as F
    from pyspark.sql.window import Window

    first = F.row_number().over(Window.partitionBy("x").orderBy(F.desc("c"), F.desc("y")))
    via_copy = copies.withColumn("r", first).where("r = 1").select("x", "y")
    best = F.row_number().over(Window.partitionBy("x").orderBy(F.desc("s"), F.desc("n"), "yo"))
    via_story = (stories.join(via_copy.select("x"), "x", "left_anti")
                 .withColumn("r", best).where("r = 1").select("x", "y", "s"))
    out = {r.x: (r.y, 1.0) for r in via_copy.toLocalIterator()}
    for r in via_story.toLocalIterator():
        out[r.x] = (r.y, round(r.s, 3))
    return out


def _story_merges(stories, copies, fp):
    """What the linker's story merges read (:class:`newsledger.spark.linkrows.StoryMerges`): the
    story candidates of each article with two or more of them (a merge needs two stories), and
    the story terms of those articles and their candidates (only these reach the driver)."""
    from pyspark.sql import functions as F
    from pyspark.sql.window import Window

    from newsledger.link.story_merges import MERGE_THRESHOLD
    from newsledger.spark.linkrows import StoryMerges

    many = (stories.where(F.col("s") >= MERGE_THRESHOLD)
            .withColumn("k", F.count("y").over(Window.partitionBy("x"))).where("k >= 2"))
    cands: dict[str, list[tuple[float, str]]] = {}
    for r in many.select("x", "y", "s").toLocalIterator():
        cands.setdefault(r.x, []).append((r.s, r.y))
    ids = many.select(F.col("x").alias("id")).union(many.select(F.col("y").alias("id"))).distinct()
    terms = {r.id: frozenset(r.uterms or ()) for r in fp.join(ids, "id").select("id", "uterms").toLocalIterator()}
    copied = {r.x for r in copies.select("x").distinct().toLocalIterator()}
    return StoryMerges(cands, terms, copied)


def _story_names(scored, stories, copies, fp):
    """What the linker's story ranking reads to refuse a story (:class:`newsledger.spark.linkrows.StoryNames`),
    for the articles that may meet its tests: a scored candidate kept apart by a veto (the linker
    skips that candidate's whole story), or ``NEW_NAMES_MEMBERS`` or more candidates scoring under
    ``NEW_NAMES_BELOW`` and ``NEW_NAMES_MIN`` or more names ("e:" terms with a space: a superset of
    the linker's, which the driver reads exactly); never a copy. Only these reach the driver: per
    such article its scored candidates and its join candidates (at most ``MAX_STORY_CANDIDATES`` of
    each, a score and an id: some 40 kB of Python objects at most) and its names; per candidate,
    its names alone (a few hundred bytes each), never its other terms."""
    from pyspark.sql import functions as F
    from pyspark.sql.window import Window

    from newsledger.link.scoring import NEW_NAMES_BELOW, NEW_NAMES_MEMBERS, NEW_NAMES_MIN
    from newsledger.link.story_terms import names_of  # the names of two words or more, as the linker reads them
    from newsledger.spark.linkrows import Names, StoryNames

    by_x = Window.partitionBy("x")
    weak = F.sum(F.when(F.col("s") < NEW_NAMES_BELOW, 1).otherwise(0)).over(by_x)
    named = fp.select(F.col("id").alias("x"),
                      F.size(F.filter("terms", lambda t: t.startswith("e:") & t.contains(" "))).alias("k"))
    at = (scored.withColumn("w", weak).withColumn("v", F.max(F.col("apart").cast("int")).over(by_x))
          .join(named, "x").where(((F.col("w") >= NEW_NAMES_MEMBERS) & (F.col("k") >= NEW_NAMES_MIN)) | (F.col("v") == 1))
          .join(copies.select("x").distinct(), "x", "left_anti").select("x", "y", "s", "apart").persist())
    scored_of: dict[str, list[tuple[float, str]]] = {}
    apart: dict[str, set] = {}
    for r in at.toLocalIterator():
        scored_of.setdefault(r.x, []).append((r.s, r.y))
        if r.apart:
            apart.setdefault(r.x, set()).add(r.y)
    xs = at.select(F.col("x").alias("id")).distinct()
    names = {r.id: names_of(r.terms) for r in fp.join(xs, "id").select("id", "terms").toLocalIterator()}
    held = {r.id: Names(frozenset(names_of(r.uterms))) for r in
            fp.join(at.select(F.col("y").alias("id")).distinct(), "id").select("id", "uterms").toLocalIterator()}
    joins = sorted((r.x, -r.s, -r.n, r.yo, r.y, r.s) for r in
                   stories.join(xs.withColumnRenamed("id", "x"), "x").toLocalIterator())  # _story_parents' order
    ranked: dict[str, list[tuple[str, float]]] = {}
    for x, *_k, y, s in joins:
        ranked.setdefault(x, []).append((y, round(s, 3)))
    at.unpersist()
    return StoryNames(scored_of, ranked, names, held, apart)


def _write_table(spark, rows, name: str, schema, dest: str) -> int:
    df = spark.createDataFrame(rows, schema)
    df.write.mode("overwrite").parquet(f"{dest}/{name}")
    return spark.read.parquet(f"{dest}/{name}").count()


def _schema(spec: str):
    from pyspark.sql import types as T

    kinds = {"s": T.StringType(), "i": T.IntegerType(), "l": T.LongType(), "d": T.DoubleType(),
             "b": T.BinaryType()}
    return T.StructType([T.StructField(n, kinds[k]) for n, k in (c.split(":") for c in spec.split())])


SCHEMAS = {
    "signatures": "article_id:s shingles:i sig:b lead:b terms:s nterms:i published:s",
    "bands": "key:l kind:s article_id:s",
    "copy_groups": "id:s original_id:s reason:s size:i",
    "copies": "article_id:s group_id:s role:s similarity:d changes:s",
    "stories": "id:s label:s first_published:s last_published:s size:i",
    "story_members": "article_id:s story_id:s score:d via:s",
    "claim_groups": "id:s story_id:s label:s kind:s verdict:s reason:s size:i data:s",
    "claim_members": "group_id:s article_id:s idx:i pos:i data:s",
    "bios": "key:l article_id:s name:s site:s bio:s",
    "flags": "article_id:s flags:s",
}


def _tuple(table: str, d: dict) -> tuple:
    js = JSON_COLUMNS.get(table, ())
    return tuple(json.dumps(d[n], ensure_ascii=False) if n in js else d.get(n)
                 for n in (c.split(":")[0] for c in SCHEMAS[table].split()))


def link_parquet(out_dir, master: Optional[str] = "local[2]", spark=None, conf: Optional[dict] = None) -> dict:
    """Link the articles under ``out_dir`` (written by :func:`newsledger.spark.run_spark`) on
    Spark; write ``out_dir/link/<table>``. Returns row counts and seconds per stage."""
    from newsledger.spark import make_session

    out = os.path.abspath(str(out_dir))
    firsts = article_order(out)
    t0 = time.perf_counter()
    own = spark is None
    if own:
        settings = {"spark.driver.memory": os.environ.get("NEWSLEDGER_SPARK_DRIVER_MEMORY", "4g"),
                    # shuffles of about a few hundred band rows per article
                    "spark.sql.shuffle.partitions": str(max(8, len(firsts) // 20000))}
        spark = make_session(master, app_name="newsledger-link", conf={**settings, **(conf or {})})
    try:
        return _run(spark, out, firsts, t0)
    finally:
        if own:
            spark.stop()


def _run(spark, out: str, firsts: dict, t0: float) -> dict:
    from pyspark.sql import functions as F

    from newsledger.spark.linkrows import copy_group_ids, story_ids

    dest, tmp = f"{out}/{LINK_DIR}", f"{out}/{LINK_DIR}/_work"
    shutil.rmtree(dest, ignore_errors=True)
    os.makedirs(tmp, exist_ok=True)
    ids = list(firsts)
    order = {aid: o for aid, (o, _row) in firsts.items()}
    times = {}
    t = time.perf_counter()
    fp = _fingerprints(spark, out, firsts, tmp)
    times["fingerprints_s"] = round(time.perf_counter() - t, 1)
    t = time.perf_counter()
    cand = _candidates(spark, fp)
    cand.write.mode("overwrite").parquet(f"{tmp}/cand")
    cand = spark.read.parquet(f"{tmp}/cand")
    times["candidates_s"] = round(time.perf_counter() - t, 1)
    t = time.perf_counter()
    copies, stories, scored = _scores(cand, fp)
    copies.write.mode("overwrite").parquet(f"{tmp}/copy_pairs")
    copies = spark.read.parquet(f"{tmp}/copy_pairs")
    edges = [(r.x, r.y) for r in copies.select("x", "y").toLocalIterator()]
    parents = _story_parents(copies, stories)
    times["scores_s"] = round(time.perf_counter() - t, 1)
    t = time.perf_counter()
    gid = copy_group_ids(edges, order)
    names = _story_names(scored, stories, copies, fp)
    sid = story_ids({x: v for x, (v, _s) in parents.items()}, order, _story_merges(stories, copies, fp), names)
    for x, moved in names.moved.items():  # the name test gave another parent, or none
        if moved is None:
            parents.pop(x)
        else:
            parents[x] = moved
    assign = _frame(spark, {"id": ids, "gid": [gid.get(a) for a in ids], "story_id": [sid[a] for a in ids],
                            "score": [parents.get(a, (None, 1.0))[1] for a in ids],
                            "via": [parents.get(a, (None, None))[0] for a in ids]},
                    "id string, gid string, story_id string, score double, via string", f"{tmp}/assign.parquet")
    times["groups_s"] = round(time.perf_counter() - t, 1)
    t = time.perf_counter()
    counts = _write_rows(spark, out, dest, fp, assign, firsts, gid)
    times["rows_s"] = round(time.perf_counter() - t, 1)
    shutil.rmtree(tmp, ignore_errors=True)
    Path(dest, "_SUCCESS").touch()
    return {"articles": len(ids), **counts, **times, "seconds": round(time.perf_counter() - t0, 1),
            "out": dest}


def _frame(spark, cols: dict, schema: str, path: str):
    """A DataFrame from driver-side columns, through a Parquet file written with pyarrow (a
    million rows in seconds, no pandas)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    kinds = {"string": pa.string(), "long": pa.int64(), "double": pa.float64()}
    fields = [pa.field(n, kinds[k]) for n, k in (c.split() for c in schema.split(","))]
    pq.write_table(pa.table({f.name: pa.array(cols[f.name], f.type) for f in fields}), path)
    return spark.read.parquet(path)


def _write_rows(spark, out: str, dest: str, fp, assign, firsts: dict, gid: dict) -> dict:
    """Stage 5: every output table; {table: rows written}."""
    from newsledger.link.batches import utc_now

    now = utc_now()
    counts: dict = {}

    def write(name, rdd_of_dicts):
        counts[name] = _write_table(spark, rdd_of_dicts.map(lambda d: _tuple(name, d)), name,
                                    _schema(SCHEMAS[name]), dest)

    _write_signatures_and_bands(spark, dest, fp, counts)
    _write_copies_and_flags(spark, out, dest, fp, assign, firsts, gid, write, counts)
    st = _write_stories(dest, fp, assign, now, write, counts)
    _write_claim_groups(spark, out, fp, st, write)
    return counts


def _write_signatures_and_bands(spark, dest: str, fp, counts: dict) -> None:
    """Each article's fingerprint, and the LSH bands' first holders (capped per kind)."""
    from pyspark.sql import functions as F
    from pyspark.sql.window import Window

    from newsledger.link.candidates import BAND_CAP

    sig = fp.select(F.col("id").alias("article_id"), "shingles", F.col("sig_b").alias("sig"),
                    F.col("lead_b").alias("lead"), F.to_json("terms").alias("terms"),
                    F.size("terms").alias("nterms"), "published")
    sig.write.mode("overwrite").parquet(f"{dest}/signatures")
    counts["signatures"] = fp.count()
    cap = F.create_map(*[x for k, v in BAND_CAP.items() for x in (F.lit(k), F.lit(v))])
    ins = fp.select("id", "ord", F.explode("ins").alias("k")).select(
        F.col("k.key").alias("key"), F.col("k.kind").alias("kind"), F.col("id").alias("article_id"), "ord")
    rank = F.row_number().over(Window.partitionBy("key", "kind").orderBy("ord"))
    bands = ins.withColumn("r", rank).where(F.col("r") <= cap[F.col("kind")]).orderBy("ord")
    bands.select("key", "kind", "article_id").write.mode("overwrite").parquet(f"{dest}/bands")
    counts["bands"] = spark.read.parquet(f"{dest}/bands").count()


def _write_copies_and_flags(spark, out: str, dest: str, fp, assign, firsts: dict, gid: dict, write,
                            counts: dict) -> None:
    """Copy groups and their members, author bios, and every article's flags merged with the
    flags its copy group and bios give it."""
    from pyspark.sql import functions as F

    from newsledger.spark import linkrows as L

    sigs = (fp.join(F.broadcast(assign.where("gid is not null").select("id")), "id")
            .select("id", "shingles", "sig_b").rdd.map(lambda r: (r[0], (r[1], r[2]))))
    grouped = (_group_members(spark, out, firsts, gid).join(sigs)
               .map(lambda kv: (kv[1][0][0], (kv[1][0][1], kv[0], kv[1][0][2], *kv[1][1])))
               .groupByKey().flatMap(lambda kv: L.copy_group_rows(kv[0], kv[1])).persist())
    for name in ("copy_groups", "copies"):
        write(name, grouped.filter(lambda t, n=name: t[0] == n).map(lambda t: t[1]))
    gflags = grouped.filter(lambda t: t[0] == "gflags").map(lambda t: (t[1]["article_id"], ("g", t[1]["flags"])))

    bios = (fp.select("id", "ord", F.explode("bios").alias("b"))
            .select("b.key", F.col("id").alias("article_id"), "b.name", "b.site", "b.bio", "ord").persist())
    bios.write.mode("overwrite").parquet(f"{dest}/bios")
    counts["bios"] = bios.count()
    bflags = (bios.rdd.map(lambda r: (r[0], r.asDict())).groupByKey()
              .flatMap(lambda kv: L.bio_flag_rows(list(kv[1])))
              .map(lambda d: (d["article_id"], ("b", d["flags"]))))
    # an article without group or bio flags keeps what the fingerprint stage merged
    touched = gflags.union(bflags)
    ids = touched.map(lambda kv: (kv[0], None)).distinct()
    own = fp.select("id", "flags_old", "flags_own").rdd.map(lambda r: (r[0], ("a", (r[1], r[2]))))
    own = own.join(ids).map(lambda kv: (kv[0], kv[1][0]))

    def merge(kv):
        aid, parts = kv
        a = next((p[1] for p in parts if p[0] == "a"), None)
        if a is None:
            return []
        m = L.merged_flags(a[0], a[1], [p[1] for p in parts if p[0] == "g"], [p[1] for p in parts if p[0] == "b"])
        return [] if m is None else [{"article_id": aid, "flags": m}]

    merged = own.union(touched).groupByKey().flatMap(merge)
    base = (fp.where("flags_base is not null").select("id", "flags_base").rdd
            .map(lambda r: (r[0], r[1])).subtractByKey(ids)
            .map(lambda kv: {"article_id": kv[0], "flags": kv[1]}))
    write("flags", merged.union(base))
    grouped.unpersist()
    bios.unpersist()


def _write_stories(dest: str, fp, assign, now, write, counts: dict):
    """Story members and stories; returns the assignment joined with each article's order, title
    and publication date (the claim groups' input)."""
    from pyspark.sql import functions as F

    from newsledger.spark import linkrows as L

    sm = assign.select(F.col("id").alias("article_id"), "story_id", "score", "via")
    sm.write.mode("overwrite").parquet(f"{dest}/story_members")
    counts["story_members"] = fp.count()
    st = assign.join(fp.select("id", "ord", "title", "published"), "id")
    write("stories", st.select("story_id", "ord", "title", "published").rdd
          .map(lambda r: (r[0], tuple(r[1:]))).groupByKey()
          .map(lambda kv: L.story_rows(kv[0], kv[1], now)))
    return st


def _write_claim_groups(spark, out: str, fp, st, write) -> None:
    """Claim groups and members over each story's newest CLAIM_WINDOW articles: their claims and
    every stored figure with its sentence (as the linker's _story_figures)."""
    from pyspark.sql import functions as F
    from pyspark.sql.window import Window

    from newsledger.link.story_refresh import CLAIM_WINDOW
    from newsledger.spark import linkrows as L

    recent = F.row_number().over(Window.partitionBy("story_id").orderBy(F.desc("ord")))
    window = st.withColumn("r", recent).where(F.col("r") <= CLAIM_WINDOW).select("id", "story_id", "ord")
    claims = (spark.read.parquet(f"{out}/claims").select(F.col("article_id").alias("id"), "idx", "data")
              .dropDuplicates(["id", "idx"]))
    meta = fp.select("id", "source", "site", "published", "published_time")
    cl = (claims.join(window, "id").join(meta, "id")
          .select("story_id", "ord", "idx", "id", "data", "source", "site", "published", "published_time"))
    quantities = spark.read.parquet(f"{out}/quantities")
    if "where" not in quantities.columns:  # written before headline figures: every figure is the body's
        quantities = quantities.withColumn("where", F.lit("text"))
    figs = (quantities
            .select(F.col("article_id").alias("id"), "claim_idx", "text", "start", "end", "value", "low",
                    "high", "bound", "unit", "where")
            .join(window, "id").join(meta, "id")
            .join(spark.read.parquet(f"{out}/articles").select("id", F.col("text").alias("article_text"),
                                                                 F.col("title").alias("article_title"),
                                                                 F.get_json_object("data", "$.standfirst")
                                                                 .alias("article_standfirst"),
                                                                 "agency"), "id"))
    fig_rows = figs.select("story_id", "ord", "id", "claim_idx", "text", "start", "end", "value", "low", "high",
                           "bound", "unit", "where", "article_text", "article_title", "source", "site", "agency",
                           "published", "published_time", "article_standfirst").rdd
    cg = (cl.rdd.map(lambda r: (r[0], tuple(r[1:])))
          .cogroup(fig_rows.map(lambda r: (r[0], L.figure_row(*r[1:]))))
          .flatMap(lambda kv: L.claim_group_rows(kv[0], kv[1][0], kv[1][1])).persist())
    for name in ("claim_groups", "claim_members"):
        write(name, cg.filter(lambda t, n=name: t[0] == n).map(lambda t: t[1]))
    cg.unpersist()
