"""Load benchmark of the web layer: p50/p95 latency and requests/s of the search, article and
claim-group pages at 1, 10 and 50 concurrent clients, on loopback only.

A ledger of ``--articles`` synthetic articles (built directly as Article objects with claims,
figures and dates, no spaCy) is stored with ``ledger.add`` and linked with ``link_new`` as the
CLI does; then ``newsledger.serve.create_app`` runs under uvicorn in a subprocess on 127.0.0.1
and an httpx async client drives it. Every cell is bounded in time (``--duration``) and in
requests (``--max-requests``).

    python benchmarks/web_load.py                       # 10k articles, 1/10/50 clients
    python benchmarks/web_load.py --articles 2000 --duration 5 --concurrency 1 10
    python benchmarks/web_load.py --db /tmp/load.db     # reuse a ledger built before

Target: p95 < 200 ms for the list (with sort, facets and counts), search and article pages at
10 concurrent clients.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PLACES = ["Port Alder", "Kestrel Bay", "Marrowfield", "North Ivel", "Saltmarsh", "Greyhaven",
          "Linden Cross", "Oakridge", "Brackwater", "Stonemere", "Highcombe", "Redfern", "Ashby",
          "Cold Harbour", "Fairmoor", "Westwick", "Elmstead", "Rookhill", "Thornbury", "Wetherby"]
EVENTS = [("flood", "residents", "evacuated"), ("strike", "workers", "on strike"),
          ("fire", "homes", "destroyed"), ("protest", "people", "arrested"),
          ("outbreak", "patients", "treated"), ("storm", "households", "without power"),
          ("deployment", "troops", "deployed"), ("shortage", "pharmacies", "closed"),
          ("blackout", "customers", "affected"), ("landslide", "villagers", "displaced")]
ROLES = ["Interior Minister", "Mayor", "Police Chief", "Fire Chief", "Health Minister",
         "Union Leader", "Governor", "Army Spokesman", "Red Cross Official", "Ombudsman"]
FIRST = ["Mara", "Tomas", "Ines", "Oleg", "Priya", "Kwame", "Lena", "Yusuf", "Aiko", "Rafael",
         "Noor", "Sven", "Chloe", "Dmitri", "Amara", "Jonas", "Lucia", "Hamid", "Greta", "Pavel"]
LAST = ["Quell", "Brandt", "Okafor", "Silva", "Haddad", "Novak", "Lindqvist", "Moreau", "Tanaka",
        "Kowalski", "Mensah", "Ferreira", "Ivanova", "Costa", "Nakamura", "Adeyemi", "Romero"]
SITES = [f"{w}.example" for w in ("harbourtimes", "dailyledger", "northpost", "thecourier",
                                  "metrowire", "coastnews", "theherald", "valleyjournal",
                                  "citybeat", "wirefeed", "morningstar", "eveningtribune")]
FILLER = ("officials council emergency services regional government statement report local "
          "authorities weekend morning evening community support response damage recovery "
          "investigation crews area roads schools hospital families business owners said "
          "according meeting plans funding relief volunteers shelters weather forecast update "
          "inspectors contractors insurance claims residents neighbourhood district centre").split()
CUES = [("said", "asserts"), ("told reporters", "asserts"), ("warned", "expects"),
        ("denied", "denies"), ("could not confirm", "cannot-confirm"), ("estimated", "asserts")]


SYL = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "se", "di", "po", "an", "el", "or", "us", "in",
       "be", "ga", "fi", "ho", "ju", "ke", "la", "mo", "ni", "pe", "qui", "ra", "so", "tu", "ve"]


def vocab(n: int, rng: random.Random) -> list[str]:
    out, seen = [], set()
    while len(out) < n:
        w = "".join(rng.choice(SYL) for _ in range(rng.choice((2, 2, 3, 3, 4))))
        if w not in seen:
            seen.add(w)
            out.append(w)
    return out


def speakers(rng: random.Random, n: int = 400) -> list[str]:
    out = set()
    while len(out) < n:
        out.add(f"{rng.choice(ROLES)} {rng.choice(FIRST)} {rng.choice(LAST)}")
    return sorted(out)


def generate(n: int, seed: int = 7):
    """Yield ``n`` Articles with claims: events of ~5 articles from different sites, each with
    its own place and topic words, quoting 2-3 of the event's sources with figures that differ a
    little between outlets; filler from a Zipfian vocabulary of invented words."""
    import datetime as dt

    from newsledger.model import Article, Claim, Content, DateExpr, Quantity, Source, Span

    rng = random.Random(seed)
    people = speakers(rng)
    words = vocab(20000, random.Random(seed + 1))
    start = dt.datetime(2024, 1, 1, 6, 0)
    n_events = max(1, n // 5)

    glue = ("the of and to in a that for on with as was at by from it be has have had were "
            "which this after over but not are their its about into more also than been who").split()

    def filler(r: random.Random, k: int, topic: list[str]) -> str:
        """Function words, the event's own words (they recur, as a story's do) and rare words."""
        out = r.choices(glue, k=k)
        for j in range(1, k, 3):
            out[j] = r.choice(words)
        for j in range(0, k, 4):
            out[j] = r.choice(topic)
        return " ".join(out)

    for i in range(n):
        ev = i % n_events
        erng = random.Random(seed * 1_000_003 + ev)
        place = "".join(erng.choice(SYL) for _ in range(3)).capitalize() + " " + erng.choice(PLACES).split()[-1]
        tw = erng.sample(words[2000:], 8)
        topic = " ".join(tw[:6])
        kind, unit, verb = erng.choice(EVENTS)
        # each event's own speakers (invented names) plus, sometimes, a national figure
        srcs = [f"{erng.choice(ROLES)} {''.join(erng.choice(SYL) for _ in range(2)).capitalize()} "
                f"{''.join(erng.choice(SYL) for _ in range(3)).capitalize()}" for _ in range(3)]
        if erng.random() < 0.2:
            srcs[2] = erng.choice(people[:40])
        base = erng.choice((40, 120, 300, 1500, 4000, 12000))
        when = start + dt.timedelta(hours=ev * 4 + rng.randrange(0, 30))
        site = SITES[(ev + i // n_events) % len(SITES)]
        title = f"{kind.capitalize()} in {place}: {unit} {verb}, {' '.join(topic.split()[:2])}"
        paras: list[str] = []
        claims: list[Claim] = []
        quantities: list[Quantity] = []
        offset = 0

        def add_para(text: str) -> int:
            nonlocal offset
            at = offset + (2 if paras else 0)
            paras.append(text)
            offset = at + len(text)
            return at

        add_para(f"The {kind} in {place} continued on {when:%A} ({topic}), with emergency services "
                 f"working through the night, {filler(rng, 25, tw)}.")
        for k, name in enumerate(srcs[: rng.choice((2, 3))]):
            cue, stance = CUES[(ev + k + i) % len(CUES)] if k else ("said", "asserts")
            value = int(base * rng.choice((1, 1, 1, 0.8, 1.25)) + k * base // 10)
            fig = f"{value:,} {unit}"
            content = f"{fig} had been {verb} in {place} since {when:%A}"
            text = f"{name} {cue} that {content}."
            at = add_para(text + " " + filler(rng, 20, tw) + ".")
            c0 = at + len(name) + 1 + len(cue) + len(" that ")
            q = Quantity(text=fig, start=c0, end=c0 + len(fig), value=float(value), unit=unit)
            d0 = c0 + content.index(f"{when:%A}")
            d = DateExpr(text=f"{when:%A}", start=d0, end=d0 + len(f"{when:%A}"),
                         value=when.date().isoformat())
            claims.append(Claim(source=Source(text=name, start=at, end=at + len(name), name=name),
                                cue=Span(cue, at + len(name) + 1, at + len(name) + 1 + len(cue)),
                                content=Content(content, c0, c0 + len(content), [(c0, c0 + len(content))]),
                                kind="indirect", stance=stance, quantities=[q], dates=[d]))
            quantities.append(q)
        for _ in range(3):
            add_para(filler(rng, rng.randrange(40, 90), tw).capitalize() + f" {erng.choice(topic.split())}.")
        a = Article(source=f"synthetic/{i}.html", url=f"https://{site}/{ev}/{i}", site=site,
                    title=title, byline=[f"{rng.choice(FIRST)} {rng.choice(LAST)}"],
                    published=when.isoformat(timespec="minutes"), language="en")
        a.paragraphs = paras
        a.text = "\n\n".join(paras)
        a.claims, a.quantities, a.analyzed = claims, quantities, True
        for c in claims:  # the generator's own invariant: offsets slice the text
            assert a.text[c.content.start:c.content.end] == c.content.text
            assert a.text[c.source.start:c.source.end] == c.source.text
        yield a


def build(db: str, n: int, batch: int = 500) -> dict:
    from newsledger.store import Ledger

    ledger = Ledger(db)
    have = ledger.stats()["articles"]
    info = {"articles": have, "built": False}
    if have >= n:
        ledger.close()
        return info
    t0 = time.perf_counter()
    ids: list[str] = []
    buf = []
    for a in generate(n):
        buf.append((a, None, None))
        if len(buf) >= batch:
            ids += ledger.add(buf).new
            buf.clear()
    if buf:
        ids += ledger.add(buf).new
    info["store_s"] = round(time.perf_counter() - t0, 1)
    t0 = time.perf_counter()
    try:
        from newsledger.link import link_new

        for k in range(0, len(ids), batch):
            link_new(ledger, ids[k:k + batch])
        info["link_s"] = round(time.perf_counter() - t0, 1)
    except Exception as e:  # no link stage: the claim-group pages are skipped
        info["link_error"] = f"{e.__class__.__name__}: {e}"
    info.update(articles=ledger.stats()["articles"], built=True)
    ledger.close()
    return info


def targets(db: str, rng: random.Random) -> dict[str, list[str]]:
    from newsledger.store import Ledger

    ledger = Ledger(db, migrate=False)
    art = [a["id"] for a in ledger.articles(limit=100_000)]
    groups: list[str] = []
    try:
        from newsledger.link import claim_groups

        groups = [g["id"] for g in claim_groups(ledger)]
    except Exception:
        try:
            from newsledger.link import conflict_groups

            groups = [g["id"] for g in conflict_groups(ledger)]
        except Exception:
            groups = []
    ledger.close()
    words = [p.split()[0] for p in PLACES] + [e[0] for e in EVENTS] + [e[1] for e in EVENTS] + LAST
    queries = [" ".join(rng.sample(words, rng.choice((1, 2)))) for _ in range(300)]
    from urllib.parse import quote

    sites = SITES
    lists = []
    for k in range(300):  # the list pages with their tools: sort, facets, flag filter, pages
        kind = k % 6
        if kind == 0:
            lists.append(f"/articles?sort={rng.choice(('newest', 'oldest', 'title'))}&offset={rng.randrange(0, 2000, 20)}")
        elif kind == 1:
            lists.append(f"/articles?site={quote(rng.choice(sites))}&since=2024-0{rng.randrange(1, 9)}")
        elif kind == 2:
            lists.append(f"/articles?flag=any&copies=all")
        elif kind == 3:
            lists.append(f"/claims?stance={rng.choice(('asserts', 'denies', 'expects'))}&offset={rng.randrange(0, 500, 20)}")
        elif kind == 4:
            lists.append(f"/search?q={quote(rng.choice(queries))}&sort=newest&site={quote(rng.choice(sites))}")
        else:
            lists.append(f"/conflicts?verdict={rng.choice(('conflict', 'spread', 'agree'))}&sort=newest")
    return {
        "list": lists,
        "search": [f"/search?q={quote(q)}" for q in queries],
        "article": [f"/articles/{i}" for i in rng.sample(art, min(500, len(art)))],
        "claim-group": [f"/claims/groups/{quote(g, safe='')}" for g in rng.sample(groups, min(500, len(groups)))],
    }


def serve(db: str, port: int) -> None:
    import uvicorn

    from newsledger.serve import create_app
    from newsledger.store import Ledger

    uvicorn.run(create_app(Ledger(db, migrate=False)), host="127.0.0.1", port=port,
                log_level="warning", access_log=False)


async def run_cell(base: str, urls: list[str], clients: int, duration: float, max_requests: int) -> dict:
    import httpx

    lat: list[float] = []
    kinds: dict[str, int] = {}
    errors = 0
    sent = 0
    stop_at = time.perf_counter() + duration
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30.0) as client:

        async def worker(w: int):
            nonlocal errors, sent
            k = w
            while time.perf_counter() < stop_at and sent < max_requests:
                sent += 1
                url = urls[k % len(urls)]
                k += clients
                t0 = time.perf_counter()
                try:
                    r = await client.get(url)
                    await r.aread()
                    ok, why = r.status_code == 200, str(r.status_code)
                except httpx.HTTPError as e:
                    ok, why = False, e.__class__.__name__
                lat.append(time.perf_counter() - t0)
                if not ok:
                    errors += 1
                    kinds[why] = kinds.get(why, 0) + 1

        t0 = time.perf_counter()
        await asyncio.gather(*(worker(w) for w in range(clients)))
        wall = time.perf_counter() - t0
    lat.sort()

    def pct(p: float) -> float:
        return lat[min(len(lat) - 1, int(round(p * (len(lat) - 1))))] * 1000 if lat else float("nan")

    return {"requests": len(lat), "errors": errors, "error_kinds": kinds, "rps": round(len(lat) / wall, 1),
            "p50_ms": round(pct(0.50), 1), "p95_ms": round(pct(0.95), 1),
            "mean_ms": round(statistics.fmean(lat) * 1000, 1) if lat else None}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--db", help="ledger to build (or reuse); default: a temporary file")
    ap.add_argument("--concurrency", type=int, nargs="+", default=[1, 10, 50])
    ap.add_argument("--duration", type=float, default=8.0, help="seconds per cell (at most)")
    ap.add_argument("--max-requests", type=int, default=4000, help="requests per cell (at most)")
    ap.add_argument("--json", help="also write the results here")
    ap.add_argument("--serve", nargs=2, metavar=("DB", "PORT"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.serve:
        serve(args.serve[0], int(args.serve[1]))
        return 0

    tmp = None
    db = args.db
    if not db:
        tmp = tempfile.TemporaryDirectory(prefix="web_load_")
        db = os.path.join(tmp.name, "ledger.db")
    print(f"ledger: {db}  (machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f})", flush=True)
    t0 = time.perf_counter()
    info = build(db, args.articles)
    print(f"built: {json.dumps(info)} ({time.perf_counter() - t0:.0f} s)", flush=True)
    urls = targets(db, random.Random(11))
    print(f"targets: " + ", ".join(f"{k}={len(v)}" for k, v in urls.items()), flush=True)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([sys.executable, __file__, "--serve", db, str(port)], cwd=str(ROOT))
    results = []
    try:
        import httpx

        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/api/stats", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                raise SystemExit("server did not start")
            time.sleep(0.2)
        for page, plist in urls.items():
            if not plist:
                print(f"{page}: no targets (the link stage found no claim groups), skipped")
                continue
            warm = time.perf_counter()
            for u in plist[:20]:  # warm caches (templates, link groups, SQLite pages)
                httpx.get(base + u, timeout=120)
            warm = time.perf_counter() - warm
            for c in args.concurrency:
                r = asyncio.run(run_cell(base, plist, c, args.duration, args.max_requests))
                r.update(page=page, clients=c)
                results.append(r)
                print(f"{page:12s} clients={c:3d}  requests={r['requests']:5d}  errors={r['errors']:3d}  "
                      f"rps={r['rps']:7.1f}  p50={r['p50_ms']:7.1f} ms  p95={r['p95_ms']:7.1f} ms"
                      f"  load={os.getloadavg()[0]:.1f}"
                      + (f"  errors: {r['error_kinds']}" if r["errors"] else "")
                      + (f"  (warm-up {warm:.1f} s)" if c == args.concurrency[0] else ""), flush=True)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        if tmp is not None:
            tmp.cleanup()
    ok = all(r["p95_ms"] < 200 for r in results if r["clients"] == 10 and r["page"] in ("list", "search", "article"))
    print(f"target p95 < 200 ms for list, search and article at 10 clients: {'met' if ok else 'NOT met'}")
    if args.json:
        Path(args.json).write_text(json.dumps({"build": info, "results": results}, indent=2))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
