"""The Parquet tables the Spark job writes: one column list per table, and converters to a
Spark ``StructType`` and a pyarrow schema. Pure Python: importing this needs neither
pyspark nor pyarrow (the converters import them when called)."""
from __future__ import annotations

# (name, type, nullable); type is one of: string, int, double, bool, binary, list<string>
ARTICLES = [
    ("id", "string", False),  # Article.id: from the normalised URL, else the content; stable
    ("source", "string", False),  # "<warc path or URL>#<record target URI>"
    ("warc_file", "string", False),  # the WARC file the record came from
    ("warc_date", "string", True),  # WARC-Date of the record
    ("url", "string", True),
    ("site", "string", True),
    ("title", "string", True),
    ("byline", "list<string>", True),
    ("agency", "string", True),
    ("dateline", "string", True),
    ("section", "string", True),
    ("published", "string", True),
    ("updated", "string", True),
    ("language", "string", True),
    ("caption", "string", True),
    ("text", "string", False),
    ("analyzed", "bool", False),
    ("n_claims", "int", False),
    ("n_quantities", "int", False),
    ("n_removed", "int", False),
    ("data", "string", False),  # the full article JSON, Article.to_dict(): what `load` stores
    ("raw", "binary", True),  # the page bytes as read (for re-extraction); null with keep_raw=False
    ("raw_kind", "string", True),  # "html" | "text"
]

CLAIMS = [
    ("article_id", "string", False),
    ("idx", "int", False),  # position of the claim in the article
    ("source_name", "string", True),  # canonical speaker, null when unattributed
    ("source_text", "string", True),  # the speaker as written
    ("anonymous", "bool", False),
    ("cue", "string", False),  # the reporting verb / cue phrase
    ("content", "string", False),
    ("kind", "string", False),  # direct | indirect | mixed
    ("stance", "string", False),
    ("start", "int", False),  # content offsets into articles.text
    ("end", "int", False),
    ("data", "string", False),  # the full claim JSON, Claim.to_dict()
]

QUANTITIES = [
    ("article_id", "string", False),
    ("idx", "int", False),  # position in Article.quantities
    ("claim_idx", "int", True),  # index of the claim whose content holds it, if any
    ("text", "string", False),
    ("start", "int", False),
    ("end", "int", False),
    ("value", "double", True),
    ("low", "double", True),
    ("high", "double", True),
    ("bound", "string", True),  # exact | approx | at-least | at-most | range
    ("unit", "string", True),
    ("concept", "string", True),
    ("where", "string", False),  # text | title | standfirst: the string start/end point into
]

REMOVED = [
    ("article_id", "string", False),
    ("idx", "int", False),
    ("reason", "string", False),  # share-widget | advertisement | navigation | byline | ...
    ("text", "string", False),
]

ERRORS = [
    ("source", "string", False),  # the record ("<file>#<uri>") or the file that failed
    ("warc_file", "string", False),
    ("stage", "string", False),  # read | extract | analyze | crash
    ("reason", "string", False),  # one line
]

TABLES: dict[str, list[tuple[str, str, bool]]] = {
    "articles": ARTICLES, "claims": CLAIMS, "quantities": QUANTITIES,
    "removed": REMOVED, "errors": ERRORS,
}


def spark_schema(table: str):
    from pyspark.sql import types as T

    kinds = {"string": T.StringType(), "int": T.IntegerType(), "double": T.DoubleType(),
             "bool": T.BooleanType(), "binary": T.BinaryType(),
             "list<string>": T.ArrayType(T.StringType(), containsNull=False)}
    return T.StructType([T.StructField(n, kinds[k], nullable) for n, k, nullable in TABLES[table]])


def arrow_schema(table: str):
    import pyarrow as pa

    kinds = {"string": pa.string(), "int": pa.int32(), "double": pa.float64(),
             "bool": pa.bool_(), "binary": pa.binary(), "list<string>": pa.list_(pa.string())}
    return pa.schema([pa.field(n, kinds[k], nullable) for n, k, nullable in TABLES[table]])


def markdown() -> str:
    """The schema as Markdown (for the README)."""
    out = []
    for name, cols in TABLES.items():
        out.append(f"**{name}**: " + ", ".join(f"`{n}` {k}{'' if nullable else ' not null'}"
                                                for n, k, nullable in cols))
    return "\n\n".join(out)
