"""HTML fragments built in Python: every piece of article text goes through ``escape``.

The highlighted article body is made by slicing ``text`` at span offsets; each slice is
escaped and wrapped in a tag whose attributes are escaped too, so hostile text is inert.
"""
from __future__ import annotations

import datetime as dt
import difflib
import itertools
import math
import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Optional

from markupsafe import Markup, escape

STANCE_LABELS = {
    "asserts": "asserts", "denies": "denies", "cannot-confirm": "cannot confirm",
    "declines-comment": "declines comment", "expects": "expects",
    "claims-responsibility": "claims responsibility", "accuses": "accuses",
    "appeals": "appeals", "concerned": "concerned", "hopes": "hopes",
}

_CLASS_OK = re.compile(r"[^a-z0-9-]")
# embeddings, overrides and isolates reorder what follows them (".../\u202egpj.exe" shows as
# ".../exe.jpg"); the implicit marks (LRM, RLM, ALM) cannot reorder a run and are kept
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
BIDI_SHOWN_AS = "\ufffd"


def no_bidi(value: Any) -> Any:
    """Jinja's ``finalize``: every shown string with its bidi controls replaced by U+FFFD (one
    character for one, so offsets still hold); Markup stays Markup (the marks are not HTML)."""
    if isinstance(value, str) and _BIDI_CONTROLS.search(value):
        cleaned = _BIDI_CONTROLS.sub(BIDI_SHOWN_AS, value)
        return Markup(cleaned) if isinstance(value, Markup) else cleaned
    return value


def css_token(value: Any) -> str:
    """A safe CSS class fragment from free text (stances come from the ledger)."""
    return _CLASS_OK.sub("", str(value or "").lower())[:40] or "other"


def stance_label(stance: Any) -> str:
    return STANCE_LABELS.get(str(stance), str(stance or ""))


def source_name(claim: dict) -> str:
    src = claim.get("source") or {}
    return src.get("name") or ("unresolved" if src else "(no source)")


def shown(claim: dict, min_confidence: float) -> bool:
    """Whether the web UI shows a claim (claims stored before confidences existed are shown)."""
    return float(claim.get("confidence", 1.0)) >= min_confidence


def _valid(start: Any, end: Any, n: int) -> bool:
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= n


def _claim_ranges(claims: list[dict], n: int) -> tuple[list[tuple[int, int, int]], list[tuple[int, int, str, int]]]:
    """Each claim's content pieces ``(start, end, claim index)`` and its source and cue spans
    ``(start, end, "src" | "cue", claim index)``; a span outside the text is left out."""
    claim_ranges: list[tuple[int, int, int]] = []
    role_ranges: list[tuple[int, int, str, int]] = []
    for i, c in enumerate(claims):
        content = c.get("content") or {}
        pieces = [tuple(p) for p in content.get("pieces") or [] if len(p) == 2]
        if not pieces:
            pieces = [(content.get("start"), content.get("end"))]
        claim_ranges += [(s, e, i) for s, e in pieces if _valid(s, e, n)]
        for role, key in (("src", "source"), ("cue", "cue")):
            span = c.get(key) or {}
            if _valid(span.get("start"), span.get("end"), n):
                role_ranges.append((span["start"], span["end"], role, i))
    return claim_ranges, role_ranges


def _figure_ranges(claims: list[dict], quantities: Iterable[dict], n: int) -> list[tuple[int, int, dict]]:
    """The figures to mark, ``(start, end, quantity)``: the article's, then its claims', each
    span once (the first quantity on it wins); a span outside the text is left out."""
    seen: set = set()
    out: list[tuple[int, int, dict]] = []
    for q in itertools.chain(quantities, (q for c in claims for q in c.get("quantities") or [])):
        key = (q.get("start"), q.get("end"))
        if key not in seen and _valid(q.get("start"), q.get("end"), n):
            seen.add(key)
            out.append((q["start"], q["end"], q))
    return out


def _covering(ranges: list[tuple], a: int, b: int) -> Optional[tuple]:
    """The first range that covers the segment ``a``..``b``, or None."""
    return next((r for r in ranges if r[0] <= a and b <= r[1]), None)


def _figure_mark(seg: str, fig: dict) -> str:
    """A figure's segment, titled with its value (else its text)."""
    title = fig.get("text", "")
    if fig.get("value") is not None:
        title = f"figure: {fig_value_text(fig)}"
    return f'<span class="fig" title="{escape(title)}">{seg}</span>'


def _role_mark(seg: str, role: str, i: int) -> str:
    """A segment of claim ``i``'s source (``role`` "src") or cue."""
    label = "source" if role == "src" else "cue"
    return f'<span class="{role}" title="{label} of claim {i + 1}">{seg}</span>'


def _claim_mark(seg: str, c: dict, i: int, first: bool) -> str:
    """A segment of claim ``i``'s content; its ``first`` segment gets the numbered label (a link
    to the claim's row: number · source · stance)."""
    stance = css_token(c.get("stance"))
    who, said = escape(source_name(c)), escape(stance_label(c.get("stance")))
    tag = ""
    if first:
        tag = (f'<a class="tag stance-{stance}" href="#claim-{i + 1}" aria-label="claim {i + 1}: {who}, {said}">'
               f'{i + 1} · {who} · {said}</a> ')
    return f'{tag}<mark class="claim stance-{stance}" title="{who} — {said}">{seg}</mark>'


def highlight(text: str, claims: list[dict], quantities: Iterable[dict] = ()) -> Markup:
    """The article body with claim contents, their sources and cues, and figures marked.

    Spans are cut into elementary segments at every boundary; each segment is escaped and
    wrapped in the marks active over it (claim > source/cue > figure), so overlaps are safe.
    """
    n = len(text)
    claim_ranges, role_ranges = _claim_ranges(claims, n)
    fig_ranges = _figure_ranges(claims, quantities, n)
    cuts = sorted({0, n} | {x for r in claim_ranges + role_ranges + fig_ranges for x in r[:2]})
    first_piece: dict[int, int] = {}
    for s, _e, i in sorted(claim_ranges):
        first_piece.setdefault(i, s)
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        seg = str(escape(text[a:b]))
        fig = _covering(fig_ranges, a, b)
        if fig is not None:
            seg = _figure_mark(seg, fig[2])
        role = _covering(role_ranges, a, b)
        if role is not None:
            seg = _role_mark(seg, role[2], role[3])
        claim = _covering(claim_ranges, a, b)
        if claim is not None:
            i = claim[2]
            seg = _claim_mark(seg, claims[i], i, first_piece.get(i) == a)
        out.append(seg)
    return Markup("".join(out))


def snippet(s: Optional[str]) -> Markup:
    """A search snippet whose matches the ledger wrapped in [ ]: escaped, matches marked."""
    if not s:
        return Markup("")
    parts = re.split(r"\[([^\[\]]{1,200})\]", s)
    out = []
    for k, p in enumerate(parts):
        out.append(f"<mark>{escape(p)}</mark>" if k % 2 else str(escape(p)))
    return Markup("".join(out))


# ---------------------------------------------------------------- figures and dates


def headline_figures(art: dict) -> list[tuple[dict, bool]]:
    """The headline's figures, each with whether it is stated nowhere in the body (none of its
    values, bounds included, is a value or bound of a body figure, nor a number word of the
    body: "six-kilometre" is no figure to the quantity reader): a fact-checker's signal. A figure
    without a value ("thousands") is never flagged."""
    qs = art.get("quantities") or []
    body = {v for q in qs if q.get("where", "text") == "text" for v in _values(q)}
    body |= _number_words(art.get("text") or "")
    heads = [(q, _values(q)) for q in qs if q.get("where") == "title"]
    return [(q, bool(own) and not own & body) for q, own in heads]


def _values(q: dict) -> set[float]:
    """A figure's value and bounds."""
    return {float(v) for v in (q.get("value"), q.get("low"), q.get("high")) if v is not None}


def _number_words(text: str) -> set[float]:
    """The values of the number words in ``text`` ("six", "forty"), wherever they stand."""
    from newsledger.analyze.quantities import SMALL, TENS

    return {float(SMALL.get(w, TENS.get(w, 0))) for w in re.findall(r"[a-z]+", text.lower())
            if w in SMALL or w in TENS}


def fig_value_text(q: dict) -> str:
    def num(v):
        if v is None:
            return "?"
        v = float(v)
        return f"{int(v):,}" if v.is_integer() else f"{v:,.3g}"

    bound = q.get("bound") or "exact"
    unit = f" {q['unit']}" if q.get("unit") else ""
    if bound == "range" and q.get("low") is not None and q.get("high") is not None:
        return f"{num(q['low'])}–{num(q['high'])}{unit}"
    prefix = {"approx": "≈", "at-least": "≥", "at-most": "≤"}.get(bound, "")
    return f"{prefix}{num(q.get('value'))}{unit}"


def figure_value(fig: Any) -> Optional[float]:
    """A number from a group member's ``figure`` (a number, a quantity dict or text)."""
    if fig is None or isinstance(fig, bool):
        return None
    if isinstance(fig, (int, float)):
        return float(fig) if math.isfinite(fig) else None
    if isinstance(fig, dict):
        for k in ("value", "high", "low"):
            v = fig.get(k)
            if isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v):
                return float(v)
        return figure_value(fig.get("text"))
    if isinstance(fig, str):
        m = re.search(r"-?\d[\d,]*(?:\.\d+)?", fig)
        if m:
            try:
                return float(m.group(0).replace(",", ""))
            except ValueError:
                return None
    return None


def figure_text(fig: Any) -> str:
    if fig is None:
        return ""
    if isinstance(fig, dict):
        if fig.get("text"):
            return str(fig["text"])
        return fig_value_text(fig)
    if isinstance(fig, float) and fig.is_integer():
        return f"{int(fig):,}"
    if isinstance(fig, (int, float)):
        return f"{fig:,}"
    return str(fig)


def parse_when(value: Any) -> Optional[dt.datetime]:
    if not isinstance(value, str) or not value:
        return None
    v = value.strip().replace("Z", "+00:00")
    for cand in (v, v[:19], v[:10]):
        try:
            d = dt.datetime.fromisoformat(cand)
        except ValueError:
            continue
        return d.replace(tzinfo=None)
    return None


# ---------------------------------------------------------------- the claim-group chart

PALETTE = ["#1f5fa8", "#c0392b", "#1e8449", "#8e44ad", "#b9770e", "#117a8b", "#6e2c00", "#34495e",
           "#d4449a", "#5d6d00", "#0b8f6a", "#7a5cff"]
MARKERS = ("circle", "square", "diamond")  # past the palette's colours, the shape tells series apart


def _nice_ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    if hi <= lo:
        hi = lo + 1
    raw = (hi - lo) / n
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    start = math.floor(lo / step) * step
    ticks, t = [], start
    while t <= hi + step * 0.5 and len(ticks) < 12:
        ticks.append(round(t, 10))
        t += step
    return ticks


def _num(v: float) -> str:
    if abs(v) >= 1e6:
        return f"{v / 1e6:g}M"
    if abs(v) >= 1e4:
        return f"{v / 1e3:g}k"
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}"


def conflict_claims(group: dict) -> Optional[set]:
    """Claim ids the link stage paired as conflicting (``pairs``), or None if it gave no pairs."""
    pairs = group.get("pairs")
    if not isinstance(pairs, list) or not pairs:
        return None
    from newsledger.link.claims import across

    out = set()
    for p in pairs:
        if isinstance(p, dict) and p.get("relation") == "conflict" and across(p):
            out.update(str(p.get(k)) for k in ("a", "b") if p.get(k) is not None)
    return out


def member_value(m: dict) -> Optional[float]:
    v = m.get("value")
    if isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v):
        return float(v)
    return figure_value(m.get("figure"))


def chart_points(members: list[dict], conflict_ids: Optional[set] = None,
                 verdict: Optional[str] = None) -> list[dict]:
    """Members with a numeric figure, each with its series (source), time and conflict mark.

    A member conflicts when the link stage paired its claim as conflicting; without pairs,
    when its figure differs from the most reported one (or it denies / cannot confirm)."""
    pts = []
    for k, m in enumerate(members):
        v = member_value(m)
        if v is None:
            continue
        low, high = m.get("low"), m.get("high")
        ok = lambda x: isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)  # noqa: E731
        pts.append({"k": k, "value": v, "when": parse_when(m.get("published")),
                    "low": float(low) if ok(low) else None, "high": float(high) if ok(high) else None,
                    "bound": str(m.get("bound") or "exact"),
                    "series": str(m.get("name") or m.get("source") or "(no source)"),
                    "member": m})
    marks = conflict_marks(members, conflict_ids, verdict)
    for p in pts:
        p["conflict"] = marks[p["k"]]
    return pts


def conflict_marks(members: list[dict], conflict_ids: Optional[set] = None,
                   verdict: Optional[str] = None) -> list[bool]:
    """For each member, whether it is marked as conflicting."""
    if conflict_ids is not None:
        return [str(m.get("claim_id") or m.get("id") or "") in conflict_ids
                or bool(m.get("conflict")) for m in members]
    values = [member_value(m) for m in members]
    counts: dict[float, int] = {}
    for v in values:
        if v is not None:
            counts[v] = counts.get(v, 0) + 1
    modal = max(counts.items(), key=lambda kv: (kv[1], -kv[0]))[0] if counts else None
    disagree = len(counts) > 1 and verdict not in ("agree",)
    out = []
    for m, v in zip(members, values):
        flag = m.get("conflict")
        if flag is None:
            flag = disagree and v is not None and v != modal
            if verdict == "conflict" and m.get("stance") in ("denies",):
                flag = True
        out.append(bool(flag))
    return out


def _marker(shape: str, x: float, y: float, col: str, label: str) -> str:
    tip = f"<title>{escape(label)}</title>"
    if shape == "square":
        return f'<rect x="{x - 5:.1f}" y="{y - 5:.1f}" width="10" height="10" fill="{col}">{tip}</rect>'
    if shape == "diamond":
        return (f'<polygon points="{x:.1f},{y - 6:.1f} {x + 6:.1f},{y:.1f} {x:.1f},{y + 6:.1f} {x - 6:.1f},{y:.1f}" '
                f'fill="{col}">{tip}</polygon>')
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{col}">{tip}</circle>'


def _extent(p: dict, x: float, y, col: str) -> list[str]:
    """A range as a bar from its low to its high; "at least" as an arrow up, "at most" down."""
    out = []
    if p["low"] is not None and p["high"] is not None and p["high"] > p["low"]:
        y0, y1 = y(p["low"]), y(p["high"])
        out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y0:.1f}" y2="{y1:.1f}" stroke="{col}" stroke-width="3" '
                   f'stroke-opacity=".55"/>')
        for yy in (y0, y1):
            out.append(f'<line x1="{x - 5:.1f}" x2="{x + 5:.1f}" y1="{yy:.1f}" y2="{yy:.1f}" stroke="{col}" stroke-width="2"/>')
    elif p["bound"] in ("at-least", "more-than", "over", "min") or (p["low"] is not None and p["high"] is None):
        yy = y(p["value"])
        out.append(f'<path d="M{x:.1f},{yy - 8:.1f} v-18 m-5,6 l5,-6 l5,6" fill="none" stroke="{col}" stroke-width="2"/>')
    elif p["bound"] in ("at-most", "less-than", "under", "max") or (p["high"] is not None and p["low"] is None):
        yy = y(p["value"])
        out.append(f'<path d="M{x:.1f},{yy + 8:.1f} v18 m-5,-6 l5,6 l5,-6" fill="none" stroke="{col}" stroke-width="2"/>')
    return out


@dataclass(frozen=True)
class _Frame:
    """The chart's drawing area: the SVG's size less the margins for the axes and the legend."""

    width: int
    height: int
    left: int = 64
    right: int = 40
    top: int = 16
    bottom: int = 64

    @property
    def pw(self) -> int:
        return self.width - self.left - self.right

    @property
    def ph(self) -> int:
        return self.height - self.top - self.bottom


def _x_positions(pts: list[dict], f: _Frame) -> tuple[dict[int, float], bool]:
    """Each point's x (keyed by ``id``) and whether the axis is time: only when every figure is
    dated and the dates differ; else the points stand evenly in order of appearance."""
    use_time = all(p["when"] is not None for p in pts) and len({p["when"] for p in pts}) > 1
    if use_time:
        t0 = min(p["when"] for p in pts)
        span = (max(p["when"] for p in pts) - t0).total_seconds() or 1.0
        return {id(p): f.left + f.pw * ((p["when"] - t0).total_seconds() / span) for p in pts}, True
    order = sorted(pts, key=lambda p: (p["when"] or dt.datetime.max, p["k"]))
    step = f.pw / max(1, len(order) - 1)
    return {id(p): f.left + (step * i if len(order) > 1 else f.pw / 2) for i, p in enumerate(order)}, False


def _y_scale(pts: list[dict], f: _Frame) -> tuple[list[float], Callable[[float], float]]:
    """The value axis's ticks (from zero, or below it, to past the highest value or bound) and
    the function from a value to its y."""
    lo = min([0.0] + [p["value"] for p in pts] + [p["low"] for p in pts if p["low"] is not None])
    hi = max([p["value"] for p in pts] + [p["high"] for p in pts if p["high"] is not None])
    ticks = _nice_ticks(lo, hi if hi > lo else lo + 1)
    ylo, yhi = ticks[0], ticks[-1] if ticks[-1] > ticks[0] else ticks[0] + 1

    def y(v: float) -> float:
        return f.top + f.ph - f.ph * (v - ylo) / (yhi - ylo)

    return ticks, y


def _axes(ticks: list[float], y: Callable[[float], float], f: _Frame) -> list[str]:
    """A labelled grid line per tick, and the two axes."""
    parts = []
    for t in ticks:
        yy = y(t)
        parts.append(f'<line x1="{f.left}" x2="{f.width - f.right}" y1="{yy:.1f}" y2="{yy:.1f}" '
                     f'stroke="#ddd" stroke-width="1"/>')
        parts.append(f'<text x="{f.left - 6}" y="{yy + 4:.1f}" text-anchor="end" font-size="12" '
                     f'fill="#555">{escape(_num(t))}</text>')
    parts.append(f'<line x1="{f.left}" x2="{f.left}" y1="{f.top}" y2="{f.top + f.ph}" stroke="#888"/>')
    parts.append(f'<line x1="{f.left}" x2="{f.width - f.right}" y1="{f.top + f.ph}" y2="{f.top + f.ph}" '
                 'stroke="#888"/>')
    return parts


def _date_labels(pts: list[dict], xs: dict[int, float], f: _Frame) -> list[str]:
    """The time axis's dates (a time too where it is not midnight), at least 90 px apart so that
    labels never overlap; the first of a crowd is kept."""
    labelled = sorted({(round(xs[id(p)]), p["when"]) for p in pts}, key=lambda t: t[0])
    parts, last_x = [], -1e9
    for xx, when in labelled:
        if xx - last_x < 90:
            continue
        last_x = xx
        label = when.strftime("%Y-%m-%d") if (when.hour, when.minute) == (0, 0) else when.strftime("%m-%d %H:%M")
        anchor = "end" if xx > f.width - f.right - 40 else "start" if xx < f.left + 40 else "middle"
        parts.append(f'<text x="{xx}" y="{f.top + f.ph + 18}" text-anchor="{anchor}" font-size="11" '
                     f'fill="#555">{escape(label)}</text>')
    return parts


def _x_labels(pts: list[dict], xs: dict[int, float], use_time: bool, f: _Frame) -> list[str]:
    """Under the x axis: the dates, or a note that the points stand in the order reported."""
    if use_time:
        return _date_labels(pts, xs, f)
    return [f'<text x="{f.left + f.pw / 2:.0f}" y="{f.top + f.ph + 18}" text-anchor="middle" '
            f'font-size="11" fill="#555">in order reported (dates unknown)</text>']


def _point_label(name: str, p: dict) -> str:
    """A point's tooltip: the source, its figure, when it was published, and a conflict."""
    label = f"{name}: {figure_text(p['member'].get('figure'))}"
    if p["member"].get("published"):
        label += f" ({p['member']['published']})"
    return label + (" — conflicts" if p["conflict"] else "")


def _series_marks(name: str, sp: list[dict], xs: dict[int, float], y: Callable[[float], float],
                  col: str, shape: str, use_time: bool) -> list[str]:
    """One source's points, left to right: joined by a line only along a real time axis, each
    a marker with its range or bound, and a red ring where it conflicts."""
    sp = sorted(sp, key=lambda p: xs[id(p)])
    parts = []
    if len(sp) > 1 and use_time:
        path = " ".join(f"{xs[id(p)]:.1f},{y(p['value']):.1f}" for p in sp)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{col}" stroke-width="2"/>')
    for p in sp:
        xx, yy = xs[id(p)], y(p["value"])
        label = _point_label(name, p)
        if p["conflict"]:
            parts.append(f'<circle cx="{xx:.1f}" cy="{yy:.1f}" r="9" fill="none" stroke="#d00" '
                         f'stroke-width="2.5"><title>{escape(label)}</title></circle>')
        parts += _extent(p, xx, y, col)
        parts.append(_marker(shape, xx, yy, col, label))
    return parts


def _legend(colours: dict[str, str], shapes: dict[str, str], conflict: bool, f: _Frame) -> list[str]:
    """Under the chart, each source's marker and name (shortened past 28 characters), wrapped
    into rows; top right, the red ring's meaning where a point conflicts."""
    parts = []
    lx, ly = f.left, f.height - 22
    for name, col in colours.items():
        short = name if len(name) <= 28 else name[:27] + "…"
        parts.append(_marker(shapes[name], lx + 5, ly - 4, col, name))
        parts.append(f'<text x="{lx + 14}" y="{ly}" font-size="12" fill="#222">{escape(short)}</text>')
        lx += 24 + 7 * len(short)
        if lx > f.width - 120:
            lx, ly = f.left, ly + 16
    if conflict:
        parts.append(f'<circle cx="{f.width - 110}" cy="{f.top + 6}" r="6" fill="none" stroke="#d00" '
                     'stroke-width="2.5"/>')
        parts.append(f'<text x="{f.width - 98}" y="{f.top + 10}" font-size="12" fill="#222">conflicting</text>')
    return parts


def svg_chart(members: list[dict], conflict_ids: Optional[set] = None, verdict: Optional[str] = None,
              width: int = 720, height: int = 320) -> Markup:
    """Each source's figure over time as an inline SVG (no script, no inline style): one colour
    (and past the palette, one marker shape) per source, joined by a line only when every figure
    is dated; a range is a bar from low to high, "at least"/"at most" an arrow; a conflicting
    figure is drawn inside a red ring."""
    pts = chart_points(members, conflict_ids, verdict)
    if not pts:
        return Markup("")
    f = _Frame(width, height)
    xs, use_time = _x_positions(pts, f)
    ticks, y = _y_scale(pts, f)
    series: dict[str, list[dict]] = {}
    for p in pts:
        series.setdefault(p["series"], []).append(p)
    colours = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(series)}
    shapes = {name: MARKERS[(i // len(PALETTE)) % len(MARKERS)] for i, name in enumerate(series)}
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
             f'aria-labelledby="chart-title" xmlns="http://www.w3.org/2000/svg">',
             '<title id="chart-title">Figures by source over time</title>']
    parts += _axes(ticks, y, f) + _x_labels(pts, xs, use_time, f)
    for name, sp in series.items():
        parts += _series_marks(name, sp, xs, y, colours[name], shapes[name], use_time)
    parts += _legend(colours, shapes, any(p["conflict"] for p in pts), f)
    parts.append("</svg>")
    return Markup("".join(parts))


# ---------------------------------------------------------------- side-by-side differences


def norm_para(p: str) -> str:
    return re.sub(r"\W+", " ", p.casefold()).strip()


def para_diff(base: list[str], other: list[str]) -> list[dict]:
    """``other``'s paragraphs, each marked same / changed / added against ``base``; plus
    ``removed`` entries for base paragraphs missing from ``other``."""
    a = [norm_para(p) for p in base]
    b = [norm_para(p) for p in other]
    out: list[dict] = []
    sm = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            out += [{"state": "same", "text": other[j]} for j in range(j1, j2)]
        elif op == "insert":
            out += [{"state": "added", "text": other[j]} for j in range(j1, j2)]
        elif op == "delete":
            out += [{"state": "removed", "text": base[i]} for i in range(i1, i2)]
        else:  # a replaced run: pair up similar paragraphs, the rest are added / dropped
            i = i1
            for j in range(j1, j2):
                k = next((k for k in range(i, i2) if difflib.SequenceMatcher(
                    a=a[k].split(), b=b[j].split(), autojunk=False).ratio() >= 0.5), None)
                if k is None:
                    out.append({"state": "added", "text": other[j]})
                    continue
                out += [{"state": "removed", "text": base[x]} for x in range(i, k)]
                out.append({"state": "changed", "text": other[j], "words": word_diff(base[k], other[j])})
                i = k + 1
            out += [{"state": "removed", "text": base[x]} for x in range(i, i2)]
    return out


def word_diff(old: str, new: str) -> Markup:
    """``new`` with words not in ``old`` in <ins> and dropped words in <del> (escaped)."""
    a, b = old.split(), new.split()
    sm = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    out = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            out.append(str(escape(" ".join(b[j1:j2]))))
            continue
        if i2 > i1:
            out.append(f"<del>{escape(' '.join(a[i1:i2]))}</del>")
        if j2 > j1:
            out.append(f"<ins>{escape(' '.join(b[j1:j2]))}</ins>")
    return Markup(" ".join(out))


def number_text(v: float) -> str:
    """A figure with thousands separators (``7200.0`` -> ``7,200``)."""
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}".rstrip("0")


_NOT_A_SOURCE = re.compile(
    r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"office|it|he|she|they|we|i|you|this|that|there|officials?|sources?)$|^\W*$|^\d")
_DATELINE = re.compile(r"^[A-Z]{5,}$")


def listable_source(name: Any) -> bool:
    """Whether a source name is worth listing: not a weekday, month, pronoun or bare word
    like "office", not a dateline in capitals ("ADREL"), not a number or punctuation."""
    name = str(name or "").strip()
    if len(name) < 2:
        return False
    return not (_DATELINE.match(name) or _NOT_A_SOURCE.search(name.casefold()))


_ARTICLE_ID = re.compile(r"\b[0-9a-f]{16}\b")
EVIDENCE_WORDS = {
    "agency": "agency", "credit_line": "credit line", "credit_where": "credit found in",
    "byline": "byline", "byline_line": "byline line", "byline_where": "byline found in",
    "original": "original article", "removed": "advertising removed", "in_text": "advertising left in the text",
    "gambling": "gambling advertising", "name": "author", "others": "the same bio under",
    "undecided": "which came first", "stage": None,
}
_WHERE_WORDS = {"agency": "the agency field", "byline": "the byline", "dateline": "the dateline",
                "removed": "text removed as page junk", "text": "the article text"}


def _article_link(aid: str) -> Markup:
    return Markup('<a href="/articles/{0}">{0}</a>').format(aid)


def linkify_ids(text: Any) -> Markup:
    """``text`` escaped, each article id in it a link to the article."""
    s = str(text or "")
    out, at = [], 0
    for m in _ARTICLE_ID.finditer(s):
        out += [escape(s[at:m.start()]), _article_link(m.group())]
        at = m.end()
    out.append(escape(s[at:]))
    return Markup("").join(out)


def _evidence_value(key: str, v: Any) -> Markup:
    if isinstance(v, bool):
        if key == "undecided":
            return Markup("unclear") if v else Markup("clear")
        return Markup("yes" if v else "no")
    if isinstance(v, list):
        if not v:
            return Markup("none")
        return Markup("; ").join(_evidence_value(key, x) for x in v)
    if isinstance(v, dict):
        if v.get("article_id"):
            who = " · ".join(str(v[k]) for k in ("name", "site") if v.get(k))
            return Markup('<a href="/articles/{0}">{1}</a>').format(v["article_id"], who or v["article_id"])
        return Markup(", ").join(Markup("{}: {}").format(k, x) for k, x in v.items())
    s = str(v)
    if key.endswith("_where"):
        parts = [p for p in re.split(r"[:,]\s*", s) if p]
        return escape(", ".join(_WHERE_WORDS.get(p, p) for p in parts))
    return linkify_ids(s)


def evidence_items(evidence: Any) -> list[tuple[str, Markup]]:
    """A flag's evidence in plain words: ``(label, value)`` with article ids as links."""
    if not isinstance(evidence, dict):
        return []
    out = []
    for k, v in evidence.items():
        label = EVIDENCE_WORDS.get(k, str(k).replace("_", " "))
        if label is None:
            continue
        out.append((label, _evidence_value(k, v)))
    return out


_TICKS = re.compile(r"`([^`]+)`")


def ticks(text: Any) -> Markup:
    """Markdown's inline code (```x```) as ``<code>x</code>``, everything else escaped."""
    s = str(text or "")
    out, at = [], 0
    for m in _TICKS.finditer(s):
        out += [escape(s[at:m.start()]), Markup("<code>{}</code>").format(m.group(1))]
        at = m.end()
    out.append(escape(s[at:]))
    return Markup("").join(out)


_QUOTES = "\"'“”‘’«»„"


def quoted(text: Any) -> str:
    """``text`` in curly quotes, unless it already starts or ends with a quotation mark (a
    direct quote stored with its own marks would read ""doubled"")."""
    s = str(text or "").strip()
    if not s or s[0] in _QUOTES or s[-1] in _QUOTES:
        return s
    return f"“{s}”"
