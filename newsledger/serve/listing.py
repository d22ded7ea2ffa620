"""List tools shared by every list page, its ``.json`` and ``.csv`` twins and the API: filters
(facets, date range), sort, pagination with totals, facet counts, CSV.

One function per list computes a :class:`Listing` from the request's parameters; the page, the
JSON and the CSV are three renderings of that one result, so they always agree.
"""
from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping, MutableMapping, Optional

from fastapi import HTTPException

from newsledger.store import day_end

MAX_LIMIT = 500
PAGE = 20
CACHED_LISTS = 256  # filtered, sorted lists kept per ledger generation

# plain words for the provenance flags (the link stage's kinds, and ours: copy, byline-differs)
FLAG_LABELS = {
    "copy": "copy",
    "byline-swapped": "byline swapped",
    "byline-differs": "byline differs, order unclear",
    "reused-bio": "reused bio",
    "advertising-inside": "ad inside",
    "suspicious-date": "suspicious date",
    "any": "any flag",
}


def flag_label(kind: str) -> str:
    return FLAG_LABELS.get(kind, str(kind).replace("-", " "))


@dataclass
class ListSpec:
    """What one list offers: its facets (row keys; a row's value may be a list), its sorts
    (name -> key function and descending), its CSV columns."""

    name: str
    facets: tuple[str, ...]
    sorts: dict[str, tuple[Callable[[dict], Any], bool]]
    default_sort: str
    columns: tuple[str, ...]
    date_key: Optional[str] = "published"
    page: int = PAGE
    exact: tuple[str, ...] = ()  # filters that are not facets (an exact value, e.g. the raw site)


@dataclass
class Listing:
    items: list[dict]
    total: int
    offset: int
    limit: int
    sort: str
    filters: dict[str, str]
    facets: dict[str, list[dict]] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def next_offset(self) -> Optional[int]:
        end = self.offset + self.limit
        return end if end < self.total else None

    def as_json(self) -> dict:
        return {"total": self.total, "count": len(self.items), "limit": self.limit, "offset": self.offset,
                "next_offset": self.next_offset, "sort": self.sort, "filters": self.filters,
                "facets": {k: [{"value": f["value"], "count": f["count"]} for f in v]
                           for k, v in self.facets.items()},
                **self.extra, "items": self.items}


def _int(params: Mapping[str, str], name: str, default: int, high: int) -> int:
    raw = params.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        value = -1
    if not 0 <= value <= high:
        raise HTTPException(422, f"{name}={str(raw)[:40]!r}: not a whole number from 0 to {high}")
    return value


def options(spec: ListSpec, params: Mapping[str, str], default_limit: Optional[int] = None) -> dict:
    """The list's parameters from a request's query: ``sort``, ``offset``, ``limit``, one value
    per facet, ``since``/``until``; a one-line 422 for a bad one."""
    sort = params.get("sort") or spec.default_sort
    if sort not in spec.sorts:
        raise HTTPException(422, f"sort={sort[:40]!r}: not one of {', '.join(spec.sorts)}")
    filters = {k: str(params[k])[:300] for k in (*spec.facets, *spec.exact, "since", "until") if params.get(k)}
    for k in ("since", "until"):
        if k in filters and not _looks_like_date(filters[k]):
            raise HTTPException(422, f"{k}={filters[k][:40]!r}: not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return {"sort": sort, "filters": filters, "offset": _int(params, "offset", 0, 10_000_000),
            "limit": _int(params, "limit", default_limit or spec.page, MAX_LIMIT) or 1}


def _looks_like_date(s: str) -> bool:
    import re

    return bool(re.fullmatch(r"\d{4}(-\d{2}(-\d{2}([T ][\d:]{2,8})?)?)?", s))


def _values(row: dict, key: str) -> list:
    v = row.get(key)
    if isinstance(v, (list, tuple, set)):
        return [x for x in v if x not in (None, "")]
    return [] if v in (None, "") else [v]


def matches(row: dict, filters: Mapping[str, str], date_key: Optional[str]) -> bool:
    for k, want in filters.items():
        if k in ("since", "until"):
            when = str(row.get(date_key) or "") if date_key else ""
            if not when or (k == "since" and when < want) or (k == "until" and when > day_end(want)):
                return False
            continue
        have = [str(x) for x in _values(row, k)]
        if want == "any":
            if not have:
                return False
        elif want == "none":
            if have:
                return False
        elif want not in have:
            return False
    return True


def facet_counts(rows: Iterable[dict], spec: ListSpec, filters: Mapping[str, str],
                 top: int = 12) -> dict[str, list[dict]]:
    out = {}
    for k in spec.facets:
        c: Counter = Counter()
        lists = 0  # rows with a list value that is not empty ("any")
        for r in rows:
            v = r.get(k)
            if v is None or v == "":
                continue
            if isinstance(v, list):
                lists += bool(v)
                c.update(v)
            else:
                c[v] += 1
        items = [(str(v), n) for v, n in c.most_common(top)]
        if lists:
            items.append(("any", lists))
        chosen = filters.get(k)
        if chosen and chosen != "none" and chosen not in {v for v, _ in items}:
            items.append((chosen, c.get(chosen, 0)))
        out[k] = [{"value": v, "count": n, "selected": v == chosen} for v, n in items]
    return out


def run(spec: ListSpec, rows: list[dict], opts: dict,
        fold: Optional[Callable[[list[dict]], list[dict]]] = None,
        presorted: bool = False, cache: Optional[MutableMapping] = None, key: Any = None) -> Listing:
    """Filter ``rows``, count the facets, ``fold`` them (copies under their original), sort
    and cut one page. ``presorted``: the rows are already in the order asked for (relevance).
    ``cache`` (a mapping that lives as long as ``rows`` do) keeps the sorted, faceted rows per
    filters and sort under ``key``, so the other pages of the same list cost a slice."""
    if cache is None:
        kept, facets = _filter_sort(spec, rows, opts, fold, presorted)
    else:
        key = (spec.name, key, tuple(sorted(opts["filters"].items())), opts["sort"], fold is not None)
        kept, facets = remember(cache, key, lambda: _filter_sort(spec, rows, opts, fold, presorted))
    page = kept[opts["offset"]:opts["offset"] + opts["limit"]]
    return Listing(items=page, total=len(kept), offset=opts["offset"], limit=opts["limit"],
                   sort=opts["sort"], filters=dict(opts["filters"]), facets=facets)


def remember(cache: MutableMapping, key: Any, compute: Callable[[], Any]) -> Any:
    """``cache[key]``, computed once; the oldest entries go past :data:`CACHED_LISTS`."""
    hit = cache.get(key)
    if hit is not None:
        return hit
    value = compute()
    while len(cache) >= CACHED_LISTS:
        try:
            cache.pop(next(iter(cache)), None)
        except (RuntimeError, StopIteration):  # another thread changed it meanwhile
            break
    cache[key] = value
    return value


def _filter_sort(spec: ListSpec, rows: list[dict], opts: dict, fold, presorted: bool) -> tuple[list, dict]:
    filters = opts["filters"]
    kept = [r for r in rows if matches(r, filters, spec.date_key)] if filters else list(rows)
    facets = facet_counts(kept, spec, filters)  # every matching row, folded copies too
    if fold is not None:
        kept = fold(kept)
    if not presorted:
        key, desc = spec.sorts[opts["sort"]]
        present = [r for r in kept if key(r) not in (None, "")]
        missing = [r for r in kept if key(r) in (None, "")]
        kept = sorted(present, key=key, reverse=desc) + missing  # undated and untitled last
    return kept, facets


def csv_text(spec: ListSpec, items: list[dict]) -> str:
    """The page's rows as CSV (list values joined with ``; ``)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(spec.columns)
    for r in items:
        w.writerow([_cell(r.get(c)) for c in spec.columns])
    return buf.getvalue()


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, tuple)):
        return "; ".join(_cell(x) for x in v)
    if isinstance(v, dict):
        return str(v.get("text") or v.get("name") or "")
    text = str(v)
    return "'" + text if text[:1] in ("=", "+", "-", "@") and not _is_number(text) else text


def _is_number(s: str) -> bool:
    try:
        float(s)
        return True
    except ValueError:
        return False
