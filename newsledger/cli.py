"""The ``newsledger`` command: a thin layer where each command maps to one library call.

Errors are one line naming the input and the reason (``--debug`` shows tracebacks); exit
status is 1 when any input failed, 0 otherwise.
"""
from __future__ import annotations

import csv
import io
import json
import os
import sys
from typing import Any, Iterable, List, Optional

# One BLAS thread per process (the user's own setting wins): the matrices here are small, and
# OpenBLAS threads that spin while waiting doubled the CPU time of `analyze` on a busy machine
# and starve each other when --jobs runs one worker per core. Set before numpy is imported.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import typer  # noqa: E402

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Turn raw news pages into a ledger of who claimed what.",
                  context_settings={"help_option_names": ["-h", "--help"]})
eval_app = typer.Typer(no_args_is_help=True, help="Score newsledger on the shared benchmarks.")
app.add_typer(eval_app, name="eval")

STATE: dict[str, Any] = {"debug": False}

DbOpt = typer.Option(None, "--db", envvar="NEWSLEDGER_DB",
                     help="SQLAlchemy URL or SQLite path of the ledger [default: ./newsledger.db]")
FormatOpt = typer.Option("table", "--format", "-f", help="table | json | jsonl | csv")
LISTING_FORMATS = ("table", "json", "jsonl", "csv")
# columns whose values are kept whole on one line in a table (ids, dates); others are cut with …
ID_COLUMNS = {"id", "group", "article_id", "published", "role", "verdict", "stance"}


@app.callback()
def _main(debug: bool = typer.Option(False, "--debug", help="Show tracebacks on errors.")):
    STATE["debug"] = debug


def _err(msg: str) -> None:
    typer.echo(f"error: {msg}", err=True)


def _warn(msg: str) -> None:
    typer.echo(f"warning: {msg}", err=True)


def _fail(msg: str, code: int = 1):
    _err(msg)
    raise typer.Exit(code)


def _ledger(db: Optional[str]):
    from newsledger.store import Ledger, mask_url

    try:
        return Ledger(db)
    except Exception as e:  # bad URL, unreachable server, not a database file
        if STATE["debug"]:
            raise
        reason = (str(e).splitlines() or [type(e).__name__])[0]
        _fail(mask_url(f"{db or 'newsledger.db'}: cannot open ledger ({reason[:160]})"))


def _dump(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)


def _emit_articles(articles: list[dict], fmt: str) -> None:
    if fmt == "jsonl":
        for a in articles:
            typer.echo(json.dumps(a, ensure_ascii=False))
    elif len(articles) == 1:
        typer.echo(_dump(articles[0]))
    else:
        typer.echo(_dump(articles))


class _NoProgress:
    """What :func:`_progress` gives when stderr is no terminal: rich's bar would be disabled
    then, so rich is not even imported (~20 ms of start-up)."""

    def __enter__(self) -> "_NoProgress":
        return self

    def __exit__(self, *exc: Any) -> None:
        return None

    def add_task(self, *args: Any, **kwargs: Any) -> int:
        return 0

    def advance(self, *args: Any, **kwargs: Any) -> None:
        return None


def _progress(total_hint: Optional[int] = None):
    if not sys.stderr.isatty():
        return _NoProgress()
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
    from rich.console import Console

    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                    MofNCompleteColumn(), TimeElapsedColumn(),
                    console=Console(stderr=True), transient=True,
                    disable=not sys.stderr.isatty())


JobsOpt = typer.Option(0, "--jobs", "-j", help="Worker processes (0 = one per core); the output is the same")


def _jobs(jobs: int) -> int:
    if jobs < 0:
        _fail(f"--jobs {jobs}: give 0 (one per core) or a positive number", 2)
    if jobs == 0:
        from newsledger.workers import default_jobs

        return default_jobs()
    return jobs


def _run_docs(paths: List[str], analyze: bool, plain: bool, fmt: str,
              max_mb: float, timeout: float, jobs: int = 1) -> None:
    from newsledger.model import Failure
    from newsledger.pipeline import process
    from newsledger.read import Limits, read

    if fmt not in ("json", "jsonl"):
        _fail(f"--format {fmt}: use json or jsonl", 2)
    limits = Limits(max_page_bytes=int(max_mb * 1024 * 1024))
    out, failed = [], 0
    with _progress() as bar:
        task = bar.add_task("extracting" if not analyze else "analyzing", total=None)
        try:
            for result, _doc in process(read(paths, limits), analyze=analyze, plain=plain,
                                        timeout=timeout, on_item=lambda: bar.advance(task), jobs=jobs):
                if isinstance(result, Failure):
                    failed += 1
                    _err(str(result))
                    continue
                d = result.to_dict(analysis=analyze)
                if fmt == "jsonl":
                    typer.echo(json.dumps(d, ensure_ascii=False))
                else:
                    out.append(d)
        except KeyboardInterrupt:
            _fail("interrupted", 130)
    if fmt == "json" and (out or not failed):
        _emit_articles(out, fmt)
    raise typer.Exit(1 if failed else 0)


@app.command()
def extract(paths: List[str] = typer.Argument(..., help="Files, directories, WARC, feeds, JSONL or - for stdin"),
            format: str = typer.Option("json", "--format", "-f", help="json | jsonl"),
            max_mb: float = typer.Option(10, "--max-mb", help="Refuse pages larger than this (MB)"),
            timeout: float = typer.Option(60, "--timeout", help="Per-document time limit (s)"),
            jobs: int = JobsOpt):
    """Print the clean articles found in PATHS (no database touched).

    Example: newsledger extract page.html crawl.warc.gz --format jsonl
    """
    _run_docs(paths, False, False, format, max_mb, timeout, _jobs(jobs))


@app.command()
def analyze(paths: List[str] = typer.Argument(..., help="Files, directories, WARC, feeds, JSONL or - for stdin"),
            format: str = typer.Option("json", "--format", "-f", help="json | jsonl"),
            plain: bool = typer.Option(False, "--plain", help="Take each file as the article text, unchanged"),
            max_mb: float = typer.Option(10, "--max-mb", help="Refuse pages larger than this (MB)"),
            timeout: float = typer.Option(60, "--timeout", help="Per-document time limit (s)"),
            jobs: int = JobsOpt):
    """Print articles with their claims, quantities, dates and entities.

    Example: newsledger analyze ../shared/seeds/000_cf3f4e080ef5b4cc.txt --format json
    """
    _run_docs(paths, True, plain, format, max_mb, timeout, _jobs(jobs))


@app.command()
def ingest(paths: List[str] = typer.Argument(..., help="Files, directories, WARC, feeds, JSONL or - for stdin"),
           db: Optional[str] = DbOpt,
           no_analyze: bool = typer.Option(False, "--no-analyze", help="Store articles without claims"),
           batch: int = typer.Option(50, "--batch", help="Articles per transaction"),
           max_mb: float = typer.Option(10, "--max-mb", help="Refuse pages larger than this (MB)"),
           timeout: float = typer.Option(60, "--timeout", help="Per-document time limit (s)"),
           format: str = typer.Option("table", "--format", "-f", help="table | json"),
           jobs: int = JobsOpt):
    """Extract, analyze and store PATHS in the ledger; print new / duplicate / failed counts.

    Example: newsledger ingest samples/corpus --db newsledger.db
    """
    from newsledger.pipeline import ingest as run_ingest
    from newsledger.read import Limits, read

    import signal

    def _term(_sig, _frame):  # SIGTERM stops like Ctrl-C: after the current batch
        raise KeyboardInterrupt

    old_term = signal.signal(signal.SIGTERM, _term)
    ledger = _ledger(db)
    limits = Limits(max_page_bytes=int(max_mb * 1024 * 1024))
    interrupted = False
    with _progress() as bar:
        task = bar.add_task("ingesting", total=None)
        try:
            report = run_ingest(read(paths, limits), ledger, analyze=not no_analyze,
                                batch_size=batch, timeout=timeout, jobs=_jobs(jobs),
                                on_failure=lambda f: _err(str(f)),
                                on_item=lambda: bar.advance(task))
        except KeyboardInterrupt:
            interrupted = True
            report = None
        finally:  # linking below is not stopped half-way; and an embedding process keeps its handler
            signal.signal(signal.SIGTERM, old_term if old_term is not None else signal.SIG_DFL)
    if interrupted:
        _fail("interrupted: batches committed so far are kept; run the same command again to finish", 130)
    from newsledger.link import link_new, unlinked_ids

    ids = list(dict.fromkeys(report.ids + unlinked_ids(ledger)))  # and any left by a killed run
    try:
        linked = link_new(ledger, ids) if ids else {}
    except Exception as e:
        if STATE["debug"]:
            raise
        _err(f"linking failed ({e.__class__.__name__}: {str(e).splitlines()[0][:160] if str(e) else ''}); "
             "the articles are stored")
        linked, report.failed = {}, report.failed + 1
    summary = {"new": report.new, "duplicate": report.duplicate, "failed": report.failed, **linked}
    if format == "json":
        typer.echo(_dump(summary))
    else:
        typer.echo(" ".join(f"{k}={v}" for k, v in summary.items()))
    raise typer.Exit(1 if report.failed else 0)


@app.command()
def show(article_id: str = typer.Argument(..., help="Article id (or a unique prefix)"),
         db: Optional[str] = DbOpt,
         format: str = typer.Option("text", "--format", "-f", help="text | json")):
    """Show one stored article.

    Example: newsledger show 3f2a9c --format json
    """
    ledger = _ledger(db)
    art = ledger.get(article_id)
    if art is None:
        _fail(f"{article_id}: no such article")
    if format == "json":
        typer.echo(_dump(art))
        return
    from rich.console import Console

    c = Console()
    c.print(f"[bold]{art.get('title') or '(no title)'}[/bold]")
    if art.get("standfirst"):
        c.print(art["standfirst"], style="italic", highlight=False, markup=False)
    meta = [("id", art["id"]), ("site", art.get("site")), ("url", art.get("url")),
            ("byline", ", ".join(art.get("byline") or [])), ("agency", art.get("agency")),
            ("dateline", art.get("dateline")), ("section", art.get("section")),
            ("published", art.get("published")), ("updated", art.get("updated")),
            ("published at", art.get("published_time")), ("updated at", art.get("updated_time"))]
    for k, v in meta:
        if v:
            c.print(f"[dim]{k:>10}[/dim] {v}", highlight=False)
    c.print()
    c.print(art.get("text", ""), highlight=False, markup=False)
    if art.get("removed"):
        c.print(f"\n[dim]removed {len(art['removed'])} lines:[/dim]")
        for r in art["removed"]:
            c.print(f"  [dim]{r['reason']:>15}[/dim] {r['text'][:90]}", highlight=False, markup=False)
    if art.get("claims"):
        c.print(f"\n[bold]{len(art['claims'])} claims[/bold]")
        for cl in art["claims"]:
            src = (cl.get("source") or {}).get("name") or ("unresolved" if cl.get("source") else "(no source)")
            c.print(f"  {src} — {cl['cue']['text']} [{cl['stance']}]: {cl['content']['text'][:100]}",
                    highlight=False, markup=False)


def _check_format(fmt: str) -> None:
    if fmt not in LISTING_FORMATS:
        _fail(f"--format {fmt}: use {', '.join(LISTING_FORMATS)}", 2)


def _emit_json(items: list, fmt: str) -> bool:
    """``json`` (one array) or ``jsonl`` (one item a line); False for the other formats."""
    _check_format(fmt)
    if fmt == "json":
        typer.echo(_dump(items))
    elif fmt == "jsonl":
        for item in items:
            typer.echo(json.dumps(item, ensure_ascii=False, default=str))
    return fmt in ("json", "jsonl")


def _table(rows: list[dict], columns: list[str], fmt: str, title: Optional[str] = None) -> None:
    """Rows as a table (ids whole on one line, long text cut with … to the terminal's width),
    JSON, JSON lines or CSV."""
    if _emit_json([{k: r.get(k) for k in columns} for r in rows], fmt):
        return
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v)
                        for k, v in r.items()})
        typer.echo(buf.getvalue().rstrip("\n"))
        return
    from rich.console import Console
    from rich.table import Table

    console = Console()
    cells = [[_cell(r.get(col)).replace("\n", " ") for col in columns] for r in rows]
    widths = _fit_widths(columns, cells, console.width)
    t = Table(title=title, show_lines=False)
    for col, width in zip(columns, widths):
        t.add_column(col, no_wrap=True, width=width)
    for row in cells:
        t.add_row(*[_cut(c, w) for c, w in zip(row, widths)])
    console.print(t)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[:max(0, width - 1)] + "…"


def _fit_widths(columns: list[str], cells: list[list[str]], total: int) -> list[int]:
    """Column widths that fit ``total`` characters: id-like columns (:data:`ID_COLUMNS`) keep
    their full width; the others share what is left, the narrow ones first."""
    natural = [max([len(col)] + [len(row[k]) for row in cells]) for k, col in enumerate(columns)]
    fixed = [k for k, col in enumerate(columns) if col in ID_COLUMNS]
    flex = sorted((k for k in range(len(columns)) if k not in fixed), key=lambda k: natural[k])
    left = total - (3 * len(columns) + 1) - sum(natural[k] for k in fixed)  # borders and padding
    widths = list(natural)
    for i, k in enumerate(flex):
        share = max(4, left // (len(flex) - i))
        widths[k] = max(min(len(columns[k]), 4), min(natural[k], share))
        left -= widths[k]
    return widths


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, list):
        return ", ".join(map(str, v))
    if isinstance(v, float) and v.is_integer():
        return f"{int(v):,}"
    return str(v)


@app.command()
def search(query: str = typer.Argument(..., help="Words to find in titles and bodies"),
           db: Optional[str] = DbOpt, limit: int = typer.Option(20, "--limit"),
           format: str = FormatOpt):
    """Full-text search over titles and bodies.

    Example: newsledger search "troops Russia" --format json
    """
    from newsledger.store import QueryRejected

    try:
        rows = _ledger(db).search(query, limit=limit)
    except QueryRejected as e:
        _fail(f"{query[:60]!r}: {e}")
    _table(rows, ["id", "published", "site", "title", "snippet"], format)


@app.command()
def stats(db: Optional[str] = DbOpt, format: str = typer.Option("table", "--format", "-f")):
    """Counts of what the ledger holds.

    Example: newsledger stats --format json
    """
    ledger = _ledger(db)
    s = ledger.stats()
    from newsledger.link import link_stats

    s.update(link_stats(ledger))
    if format == "json":
        typer.echo(_dump(s))
    else:
        for k, v in s.items():
            typer.echo(f"{k:>12}  {v}")


def _claim_rows(claims: list[dict]) -> list[dict]:
    rows = []
    for c in claims:
        src = c.get("source") or {}
        rows.append({
            "id": c.get("id"), "article_id": c.get("article_id"),
            "source": src.get("name") or ("unresolved" if src or c.get("unresolved") else None),
            "confidence": c.get("confidence"),
            "anonymous": src.get("anonymous", False), "cue": c["cue"]["text"], "stance": c["stance"],
            "kind": c["kind"], "content": c["content"]["text"],
            "figures": "; ".join(q["text"] for q in c.get("quantities") or []),
            "dates": "; ".join(f"{d['text']}={d['value']}" for d in c.get("dates") or []),
            "site": c.get("site"), "published": c.get("published"),
            "claim": c,
        })
    return rows


@app.command()
def claims(db: Optional[str] = DbOpt,
           source: Optional[str] = typer.Option(None, "--source", help="Canonical source name (substring)"),
           about: Optional[str] = typer.Option(None, "--about", help="Words in the claim's content"),
           group: Optional[str] = typer.Option(None, "--group", help="A claim group id (see conflicts)"),
           min_confidence: Optional[float] = typer.Option(
               None, "--min-confidence", help="Show claims at least this confident (0-1; default: the calibrated "
                                              "threshold, precision >= 0.90 on our dev annotations)"),
           limit: int = typer.Option(1000, "--limit"), format: str = FormatOpt):
    """List stored claims: who said what, with figures and dates. A speaker that could not be
    resolved shows as "unresolved".

    Example: newsledger claims --source NIS --format json
    """
    from newsledger.analyze.confidence import threshold

    if min_confidence is not None and not 0.0 <= min_confidence <= 1.0:
        _fail(f"--min-confidence {min_confidence}: must be between 0 and 1")
    ledger = _ledger(db)
    if group:
        from newsledger.link import claim_group

        g = claim_group(ledger, group)
        if g is None:
            _fail(f"{group}: no such claim group")
        if format in ("json", "jsonl"):
            _emit_json([g], format)
            return
        rows = g["members"]
        _table(rows, ["article_id", "source", "figure", "stance", "published", "content"], format,
               title=g.get("label"))
        return
    found = ledger.claims(source=source, about=about, limit=limit,
                          min_confidence=threshold(min_confidence))
    if format in ("json", "jsonl"):
        from newsledger.link import with_group_ids

        found = with_group_ids(ledger, found)
    rows = _claim_rows(found)
    if _emit_json([dict(r["claim"], source_name=r["source"]) for r in rows], format):
        return
    _table(rows, ["id", "source", "stance", "confidence", "figures", "content"], format)


# ---------------------------------------------------------------- cross-outlet

@app.command()
def copies(db: Optional[str] = DbOpt, format: str = FormatOpt):
    """Syndicated copy groups: each names its probable original and what changed per copy.

    Example: newsledger copies --format json
    """
    from newsledger.link import copy_groups

    groups = copy_groups(_ledger(db))
    if _emit_json(groups, format):
        return
    rows = []
    for g in groups:
        for m in g["members"]:
            rows.append({"group": g["id"], "article_id": m["id"], "source": m["source"],
                         "site": m.get("site"), "role": m.get("role"),
                         "changes": "; ".join(m.get("changes") or [])})
    _table(rows, ["group", "article_id", "role", "site", "changes"], format)


@app.command()
def stories(db: Optional[str] = DbOpt, format: str = FormatOpt):
    """Story groups: articles about the same event across outlets.

    Example: newsledger stories
    """
    from newsledger.link import story_groups

    groups = story_groups(_ledger(db))
    if _emit_json(groups, format):
        return
    rows = [{"group": g["id"], "label": g.get("label"), "article_id": m["id"], "site": m.get("site"),
             "published": m.get("published"), "title": m.get("title")}
            for g in groups for m in g["members"]]
    _table(rows, ["group", "article_id", "published", "site", "title"], format)


@app.command()
def conflicts(db: Optional[str] = DbOpt, format: str = FormatOpt):
    """Claim groups where sources disagree on a figure or a stance.

    Example: newsledger conflicts --format json
    """
    from newsledger.link import conflict_groups

    groups = conflict_groups(_ledger(db))
    if _emit_json(groups, format):
        return
    rows = [{"group": g["id"], "what": g.get("label"), "source": m.get("name") or m.get("source"),
             "figure": m.get("figure") or m.get("stance"), "stance": m.get("stance"),
             "article_id": m["article_id"], "published": (m.get("published") or "")[:10],
             "verdict": g.get("verdict")}
            for g in groups for m in g["members"]]
    _table(rows, ["group", "verdict", "published", "source", "figure", "what"], format)


VERDICTS = ("agree", "spread", "conflict", "revised", "different-things")


@app.command()
def groups(db: Optional[str] = DbOpt,
           verdict: Optional[str] = typer.Option(None, "--verdict",
                                                 help="agree | spread | conflict | revised | different-things"),
           format: str = FormatOpt):
    """Every claim group, whatever its verdict: the same claim across articles and outlets,
    each member with its source, figure and date (members as in `conflicts`).

    Example: newsledger groups --verdict agree --format csv
    """
    from newsledger.link import claim_groups

    if verdict is not None and verdict not in VERDICTS:
        _fail(f"--verdict {verdict}: not one of {', '.join(VERDICTS)}", 2)
    found = claim_groups(_ledger(db), verdicts=[verdict] if verdict else None)
    if format == "json":
        typer.echo(_dump(found))
        return
    rows = [{"group": g["id"], "verdict": g.get("verdict"), "what": g.get("label"),
             "source": m.get("name") or m.get("source"), "figure": m.get("figure") or m.get("stance"),
             "article_id": m["article_id"], "published": (m.get("published") or "")[:10],
             "reason": g.get("reason")}
            for g in found for m in g["members"]]
    _table(rows, ["group", "verdict", "what", "source", "figure", "article_id", "published", "reason"], format)


@app.command()
def serve(ctx: typer.Context, db: Optional[str] = DbOpt, host: str = typer.Option("127.0.0.1", "--host"),
          port: int = typer.Option(8000, "--port"),
          token: Optional[str] = typer.Option(
              None, "--token", envvar="NEWSLEDGER_TOKEN", show_envvar=True,
              help="Bearer token that allows POST /api/ingest. Prefer the NEWSLEDGER_TOKEN "
                   "variable: a --token value is visible to other local users in the process list."),
          workers: int = typer.Option(1, "--workers", min=1, max=64,
                                      help="Server processes (each opens the ledger)"),
          trusted_host: List[str] = typer.Option(
              [], "--trusted-host", help="A Host name to answer besides the loopback names and --host "
                                         "(repeatable; '*' answers any). Other Host headers get 400.")):
    """Serve the web UI and the JSON API (FastAPI on uvicorn).

    Plain HTTP: on an address other than loopback the token and every page travel in clear;
    put a TLS proxy in front. Example: newsledger serve --port 8000
    """
    import uvicorn

    from newsledger.serve import query_seconds_from_env

    try:
        query_seconds_from_env()  # checked here, once, before any worker starts
    except ValueError as e:
        _fail(str(e))
    source = ctx.get_parameter_source("token")
    _warn_serve(host, token_on_command_line=bool(token) and getattr(source, "name", "") == "COMMANDLINE")
    hosts = [*_checked_hosts(trusted_host), *([host] if host not in ("0.0.0.0", "::", "") else [])]
    ledger = _ledger(db)
    if workers == 1:
        from newsledger.serve import create_app

        app_or_factory = create_app(ledger, token=token, trusted_hosts=hosts)
    else:  # each worker process builds its own app from the environment
        import os

        os.environ.update(NEWSLEDGER_DB=ledger.url, NEWSLEDGER_TRUSTED_HOSTS=",".join(hosts))
        if token:
            os.environ["NEWSLEDGER_TOKEN"] = token
        ledger.close()
        app_or_factory = "newsledger.serve:app_from_env"
    uvicorn.run(app_or_factory, factory=workers > 1, workers=workers, host=host, port=port,
                log_level="warning")


def _warn_serve(host: str, token_on_command_line: bool) -> None:
    """One line each: a token others can read in ``ps``; an address others can reach."""
    if token_on_command_line:
        _warn("--token is visible to other local users in the process list; "
              "prefer the NEWSLEDGER_TOKEN variable")
    if not _is_loopback(host):
        _warn(f"serving on {host}, not a loopback address: plain HTTP without TLS, so the bearer "
              "token and every page travel in clear; put a TLS proxy in front. Host names other "
              "than loopback and --host need --trusted-host")


def _checked_hosts(hosts: List[str]) -> List[str]:
    for h in hosts:
        if "*" in h[1:] or (h.startswith("*") and h != "*" and not h.startswith("*.")):
            _fail(f"--trusted-host {h!r}: a wildcard is '*' or a prefix like '*.example.com'")
    return hosts


def _is_loopback(host: str) -> bool:
    import ipaddress

    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@app.command()
def spark(inputs: List[str] = typer.Argument(..., help="WARC files, globs, directories or Hadoop URLs (s3a://, hdfs://)"),
          out: str = typer.Option(..., "--out", "-o", help="Directory (or Hadoop URL) for the Parquet tables"),
          master: str = typer.Option("local[2]", "--master", help="local[N] | spark://host:port | yarn | k8s://..."),
          no_analyze: bool = typer.Option(False, "--no-analyze", help="Extract only (no claims)"),
          no_raw: bool = typer.Option(False, "--no-raw", help="Leave the page bytes out of the articles table"),
          partitions: Optional[int] = typer.Option(None, "--partitions", help="Default: one per WARC file"),
          writer: str = typer.Option("auto", "--writer", help="auto | arrow | spark (see newsledger.spark)"),
          timeout: float = typer.Option(60, "--timeout", help="Per-document time limit (s)"),
          link: bool = typer.Option(False, "--link", help="Also link on Spark: copy groups, flags, stories, "
                                                          "claim groups as Parquet under OUT/link (see spark-link)"),
          format: str = typer.Option("table", "--format", "-f", help="table | json")):
    """Extract and analyze WARC crawls with Spark into Parquet tables (articles, claims,
    quantities, removed, errors); `newsledger load` puts them into a ledger.

    Example: newsledger spark crawl/*.warc.gz --out out/ --master local[2] --link
    """
    def job() -> dict:
        from newsledger.spark import run_spark

        report = run_spark(inputs, out, master=master, analyze=not no_analyze, timeout=timeout,
                           keep_raw=not no_raw, partitions=partitions, writer=writer)
        if link:
            from newsledger.spark.link import link_parquet

            linked = link_parquet(out, master=master)
            report.update({f"link_{k}": v for k, v in linked.items() if k != "out"})
        return report

    report = _spark_job(job)
    _spark_report(report, format)
    if report["errors"]:
        _err(f"{report['errors']} records failed: see {report['out']}/errors")
    raise typer.Exit(1 if report["errors"] else 0)


@app.command("spark-link")
def spark_link(out_dir: str = typer.Argument(..., help="Directory written by `newsledger spark`"),
               master: str = typer.Option("local[2]", "--master", help="local[N] | spark://host:port | ..."),
               format: str = typer.Option("table", "--format", "-f", help="table | json")):
    """Link the Parquet written by `newsledger spark` on Spark: copy groups, byline-swap and
    other flags, stories and claim groups, as Parquet tables under OUT/link that
    `newsledger load` stores without recomputing them.

    Example: newsledger spark-link out/ --master local[2] && newsledger load out/
    """
    def job() -> dict:
        from newsledger.spark.link import link_parquet

        return link_parquet(out_dir, master=master)

    _spark_report(_spark_job(job), format)


def _spark_job(job) -> dict:
    """Run a Spark command's work; a missing Spark or Java, or bad input, is one line."""
    try:
        return job()
    except ImportError as e:
        if STATE["debug"]:
            raise
        _fail(f"Spark is not installed ({e.name}): pip install pyspark pyarrow")
    except FileNotFoundError as e:
        _fail(str(e), 2)
    except (RuntimeError, ValueError) as e:  # no Java, a bad --writer
        if STATE["debug"]:
            raise
        _fail(str(e).splitlines()[0][:300])


def _spark_report(report: dict, format: str) -> None:
    if format == "json":
        typer.echo(_dump(report))
    else:
        typer.echo(" ".join(f"{k}={v}" for k, v in report.items()))


@app.command()
def load(out_dir: str = typer.Argument(..., help="Directory written by `newsledger spark`"),
         db: Optional[str] = DbOpt,
         batch: int = typer.Option(200, "--batch", help="Articles per transaction"),
         format: str = typer.Option("table", "--format", "-f", help="table | json")):
    """Store the Parquet written by `newsledger spark` in the ledger (again is harmless:
    what is stored is skipped), then link what is new across outlets.

    Example: newsledger load out/ --db postgresql+psycopg://newsledger:newsledger@127.0.0.1:5433/newsledger_test
    """
    from newsledger.spark.load import load_parquet

    ledger = _ledger(db)
    try:
        report = load_parquet(out_dir, ledger, batch_size=batch, on_failure=lambda f: _err(str(f)))
    except ImportError as e:
        if STATE["debug"]:
            raise
        _fail(f"pyarrow is not installed ({e.name}): pip install pyarrow")
    except FileNotFoundError as e:
        _fail(str(e), 2)
    summary = report.summary()
    if format == "json":
        typer.echo(_dump(summary))
    else:
        typer.echo(" ".join(f"{k}={v}" for k, v in summary.items()))
    raise typer.Exit(1 if report.failed else 0)


# ---------------------------------------------------------------- evaluation

@eval_app.command("extraction")
def eval_extraction(mode: str = typer.Option("both", "--mode", help="html | text | both | heldout | real"),
                    limit: Optional[int] = typer.Option(None, "--limit",
                                                        help="heldout: a fixed subset of N pages"),
                    split: str = typer.Option("dev", "--split",
                                              help="real: dev (default) | test | all (a test reading is logged)")):
    """Score extraction on ../shared/data/article-extraction-benchmark (ours vs trafilatura);
    --mode heldout: the flattened-text extractor on trafilatura-eval pages; --mode real: title,
    authors, date and text on ../shared/data/realnews, HTML and three flatteners, dev and test
    apart. Exits 1 when a gate fails."""
    if mode not in ("html", "text", "both", "heldout", "real"):
        _fail(f"--mode {mode!r}: not one of html, text, both, heldout, real", 2)
    if mode == "real":
        from newsledger.evaluate.extraction_real import main as run_real

        if split not in ("dev", "test", "all"):
            _fail(f"--split {split!r}: not one of dev, test, all", 2)
        raise typer.Exit(run_real(["--split", split]))
    codes = []
    if mode == "heldout":
        from newsledger.evaluate.extraction_heldout import main as run_heldout

        codes.append(run_heldout(["--limit", str(limit)] if limit else []))
    if mode in ("html", "both"):
        from newsledger.evaluate.extraction import main as run_html

        codes.append(run_html([]))
    if mode in ("text", "both"):
        from newsledger.evaluate.extraction_text import main as run_text

        codes.append(run_text())
    raise typer.Exit(max(codes))


@eval_app.command("attribution")
def eval_attribution(split: str = typer.Option("dev", "--split", help="train | dev | test")):
    """Score claims on PolNeAR with the project's scorer (content, content+source); a test run is
    recorded in docs/evaluation-log.jsonl. Exits 1 below the goals (0.72 / 0.60)."""
    from newsledger.evaluate.attribution import main as run

    raise typer.Exit(run(["--split", split]))


@eval_app.command("claims-real")
def eval_claims_real(split: str = typer.Option("dev", "--split", help="dev | test (test: once per release, logged)"),
                     gold_dir: Optional[List[str]] = typer.Option(None, "--gold-dir",
                                                                  help="gold directory; repeat to merge"),
                     min_confidence: Optional[float] = typer.Option(None, "--min-confidence"),
                     gate: Optional[str] = typer.Option(None, "--gate",
                                                        help='e.g. "precision=0.9,recall=0.8,wrong_speaker=0.03"'),
                     examples: bool = typer.Option(False, "--examples", help="list the claims scored wrong or missed"),
                     stance_table: bool = typer.Option(False, "--stance-table",
                                                       help="the matched outputs' stances against their gold claims'"),
                     as_json: bool = typer.Option(False, "--json", help="print the figures as JSON"),
                     prefix: Optional[List[str]] = typer.Option(None, "--prefix",
                                                                help="only the pages whose id starts with this; "
                                                                     "repeat for several")):
    """Score claims on our real-news annotations: precision, recall (core claims), wrong speaker, stance."""
    from newsledger.evaluate.claims_real import main as run

    args = ["--split", split]
    for d in gold_dir or []:
        args += ["--gold-dir", d]
    for pre in prefix or []:
        args += ["--prefix", pre]
    if min_confidence is not None:
        args += ["--min-confidence", str(min_confidence)]
    if gate:
        args += ["--gate", gate]
    if examples:
        args.append("--examples")
    if stance_table:
        args.append("--stance-table")
    if as_json:
        args.append("--json")
    raise typer.Exit(run(args))


@eval_app.command("copies")
def eval_copies(same_day: bool = typer.Option(False, "--same-day",
                                              help="copies keep their original's date")):
    """Score copy detection (mutated benchmark pages), provenance flags and story grouping
    (news-story-chains). Exits 1 when a gate fails."""
    from newsledger.evaluate.copies import main as run

    raise typer.Exit(run(["--same-day"] if same_day else []))


@eval_app.command("quantities")
def eval_quantities():
    """Score quantity extraction on NewsQuant (value F1, value+unit F1). Exits 1 below CQE's
    published value F1."""
    from newsledger.evaluate.quantities import main as run

    raise typer.Exit(run([]))


@eval_app.command("crossnews")
def eval_crossnews(topics: str = typer.Option("dev", "--topics",
                                              help="dev (ECB+ topics 1-24) | check (25+: the independent check, run once)"),
                   gold: Optional[list[str]] = typer.Option(None, "--gold", help="more gold directories (read first)"),
                   cache: Optional[str] = typer.Option(None, "--cache", help="keep the analysed articles here"),
                   jobs: int = typer.Option(1, "--jobs", help="worker processes for the analysis"),
                   chains: bool = typer.Option(True, "--chains/--no-chains",
                                               help="also score stories on news-story-chains"),
                   format: str = typer.Option("table", "--format", "-f", help="table | json"),
                   failures: bool = typer.Option(False, "--failures",
                                                 help="list split and mixed stories and why gold figure "
                                                      "pairs were missed (dev topics only)"),
                   order_seed: Optional[int] = typer.Option(None, "--order-seed",
                                                            help="ingest the articles in an order shuffled "
                                                                 "with this seed (default: as listed)"),
                   gold_set: str = typer.Option("ecb", "--set",
                                                help="ecb (ECB+) | nsc (news-story-chains: figure groups only)"),
                   half: str = typer.Option("a", "--half",
                                            help="with --set nsc or --props: a (tuned on) | b (held out: scored, "
                                                 "never read)"),
                   props: bool = typer.Option(False, "--props",
                                              help="score the proposition (stance) groups of the development topics "
                                                   "against data/crossnews_props, one half")):
    """Score stories and cross-article claim groups on ECB+ (all sub-topics in one ledger, as
    flattened text without dates) against the figure gold in newsledger/evaluate/data/crossnews;
    with --set nsc, the figure groups of news-story-chains against data/crossnews_nsc; with --props,
    the proposition groups of ECB+ topics 1-24 against data/crossnews_props."""
    from newsledger.evaluate.crossnews import main as run

    if props and (gold_set != "ecb" or topics != "dev"):
        _fail("--props scores the development topics' proposition gold: no --set nsc, no --topics check", 2)
    if props or gold_set == "nsc":
        from newsledger.evaluate import crossnews_nsc, crossnews_props

        module = crossnews_props if props else crossnews_nsc
        raise typer.Exit(_eval_crossnews_half(module.main, half, cache, failures, order_seed, format))
    if gold_set != "ecb":
        _fail(f"--set {gold_set}: not ecb or nsc", 2)
    if topics not in ("dev", "check"):
        _fail(f"--topics {topics}: not dev or check", 2)
    if failures and topics != "dev":
        _fail("--failures lists the development topics' failures only: the check topics are scored, never read", 2)
    argv = ["--topics", topics, "--jobs", str(jobs), "--format", format]
    for d in gold or []:
        argv += ["--gold", d]
    if cache:
        argv += ["--cache", cache]
    if not chains:
        argv.append("--no-chains")
    if failures:
        argv.append("--failures")
    if order_seed is not None:
        argv += ["--order-seed", str(order_seed)]
    try:
        raise typer.Exit(run(argv))
    except FileNotFoundError as e:
        _fail(str(e), 2)


def _eval_crossnews_half(run, half: str, cache: Optional[str], failures: bool, order_seed: Optional[int],
                         format: str) -> int:
    """``eval crossnews --set nsc`` (the figure groups of news-story-chains) or ``--props`` (the
    proposition groups of ECB+), one half: ``run`` is the scorer's ``main``."""
    if half not in ("a", "b"):
        _fail(f"--half {half}: not a or b", 2)
    if failures and half != "a":
        _fail("--failures lists half a's wrong pairs only: half b is scored, never read", 2)
    argv = ["--half", half, "--format", format] + (["--cache", cache] if cache else []) \
        + (["--failures"] if failures else []) + (["--order-seed", str(order_seed)] if order_seed is not None else [])
    return run(argv)


def main(argv: Optional[Iterable[str]] = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    if debug:  # accepted anywhere on the line
        argv = ["--debug"] + [a for a in argv if a != "--debug"]
    try:
        app(args=argv, prog_name="newsledger", standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        _err("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as e:  # never a traceback without --debug
        if debug:
            raise
        _err(f"{e.__class__.__name__}: {str(e).splitlines()[0][:200] if str(e) else ''}")
        sys.exit(1)


if __name__ == "__main__":
    main()
