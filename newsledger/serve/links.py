"""Cross-outlet groups for the web layer: a defensive, cached view of :mod:`newsledger.link`.

The link stage's functions (``copy_groups``, ``story_groups``, ``conflict_groups``,
``claim_group``) may be missing or still placeholders; every call here tolerates that and
gives empty results. Group lists cover the whole ledger, so they are computed once per
ledger generation (the newest article's row number) and shared by all requests.
"""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

log = logging.getLogger("newsledger.serve")

KINDS = ("copies", "stories", "conflicts", "claims")
_FUNCS = {"copies": "copy_groups", "stories": "story_groups", "conflicts": "conflict_groups",
          "claims": "claim_groups"}


def _link_func(name: str) -> Optional[Callable]:
    try:
        import newsledger.link as link
    except Exception:  # the module itself may be mid-rewrite
        log.exception("newsledger.link cannot be imported")
        return None
    f = getattr(link, name, None)
    return f if callable(f) else None


def member_article_id(m: dict) -> Optional[str]:
    aid = m.get("article_id") or m.get("id")
    return str(aid) if aid is not None else None


def normalise_group(g: Any) -> Optional[dict]:
    """A group dict with a string ``id``, a ``members`` list of dicts each with
    ``article_id``, and a ``timeline`` list; ``None`` for anything unusable."""
    if not isinstance(g, dict) or g.get("id") is None:
        return None
    out = dict(g)
    out["id"] = str(g["id"])
    members = []
    for m in g.get("members") or []:
        if isinstance(m, dict):
            m = dict(m)
            aid = member_article_id(m)
            if aid is not None:
                m["article_id"] = aid
            members.append(m)
    out["members"] = members
    tl = g.get("timeline")
    out["timeline"] = list(tl) if isinstance(tl, (list, tuple)) else []
    return out


def _normalise_list(groups: Any) -> list[dict]:
    if not isinstance(groups, (list, tuple)):
        return []
    return [n for n in (normalise_group(g) for g in groups) if n is not None]


def ledger_generation(ledger) -> Any:
    """What changes when the group lists may change: the newest article's row number, plus the
    link stage's counts (``link_stats``) where it has them; None when the ledger cannot be read."""
    try:
        from sqlalchemy import func, select

        from newsledger.store.schema import articles

        with ledger.engine.connect() as conn:
            gen = (conn.execute(select(func.max(articles.c.pk))).scalar(),)
    except Exception:
        return None
    stats = _link_func("link_stats")
    if stats is not None:
        try:
            gen = gen + tuple(sorted((stats(ledger) or {}).items()))
        except Exception:
            pass
    return gen


def _compute(ledger, kind: str) -> list[dict]:
    """One kind's groups from the link stage, normalised; empty when the stage lacks the
    function or it fails."""
    f = _link_func(_FUNCS[kind])
    if f is None:
        return []
    try:
        return _normalise_list(f(ledger))
    except Exception:
        log.exception("newsledger.link.%s failed", _FUNCS[kind])
        return []


def _all_groups(ledger) -> dict[str, list[dict]]:
    """Every kind's groups; without a ``claim_groups`` function, the conflict groups stand in
    for the claim groups."""
    data = {kind: _compute(ledger, kind) for kind in KINDS}
    if not data["claims"] and _link_func("claim_groups") is None:
        data["claims"] = data["conflicts"]  # all claim groups, where the stage has them
    return data


def _index(data: dict[str, list[dict]]) -> tuple[dict[str, dict[str, list[dict]]], dict[str, dict[str, dict]]]:
    """``(article id -> kind -> its groups, each once; kind -> group id -> group)``."""
    by_article: dict[str, dict[str, list[dict]]] = {}
    by_id: dict[str, dict[str, dict]] = {}
    for kind, groups in data.items():
        by_id[kind] = {g["id"]: g for g in groups}
        for g in groups:
            for aid in dict.fromkeys(m.get("article_id") for m in g["members"]):
                if aid:
                    by_article.setdefault(aid, {}).setdefault(kind, []).append(g)
    return by_article, by_id


class _Generation:
    """A ledger's generation (:func:`ledger_generation`), looked up at most once a second."""

    def __init__(self, ledger):
        self.ledger = ledger
        self._value: Any = None
        self._at = -1e9

    def __call__(self) -> Any:
        now = time.monotonic()
        if now - self._at >= 1.0:
            self._value, self._at = ledger_generation(self.ledger), now
        return self._value

    def forget(self) -> None:
        self._at = -1e9


@dataclass(frozen=True)
class _Lists:
    """One build of the group lists: by kind, by article (kind -> groups) and by id."""

    data: dict[str, list[dict]] = field(default_factory=dict)
    by_article: dict[str, dict[str, list[dict]]] = field(default_factory=dict)
    by_id: dict[str, dict[str, dict]] = field(default_factory=dict)

    @classmethod
    def of(cls, ledger) -> "_Lists":
        data = _all_groups(ledger)
        return cls(data, *_index(data))


class _Refresher:
    """The newest :class:`_Lists` of a ledger, stale-while-revalidate: the first request builds
    them and the others wait; when the generation changes (or the lists are ``max_age_s``
    old) one background thread rebuilds them while requests go on with the previous ones."""

    def __init__(self, ledger, generation: _Generation, max_age_s: float):
        self.ledger = ledger
        self.max_age_s = max_age_s
        self.lock = threading.Lock()
        self._generation = generation
        self._refreshing = False
        self._key: Any = None
        self._at = 0.0
        self._loaded = False
        self._lists = _Lists()

    def forget(self) -> None:
        """Call with ``lock`` held: the next request rebuilds, and waits for the lists."""
        self._key = None
        self._loaded = False

    def current(self) -> _Lists:
        """Lists no older than the ledger's generation and ``max_age_s``, or the previous ones
        while new ones are built in the background."""
        key = self._generation()
        if key is None or key != self._key or time.monotonic() - self._at > self.max_age_s:
            if self._loaded:
                self._revalidate(key)
            else:
                self._first_load(key)
        return self._lists

    def _build(self, key: Any) -> None:
        lists = _Lists.of(self.ledger)
        with self.lock:  # swap in one step: readers see the old lists or the new ones
            self._lists = lists
            self._key, self._at, self._loaded = key, time.monotonic(), True

    def _first_load(self, key: Any) -> None:
        """The first request builds the lists; one that comes while they are built waits."""
        with self.lock:
            first = not self._loaded and not self._refreshing
            if first:
                self._refreshing = True
        if first:
            try:
                self._build(key)
            finally:
                self._refreshing = False
            return
        while self._refreshing and not self._loaded:  # another request is building
            time.sleep(0.01)

    def _revalidate(self, key: Any) -> None:
        """One background rebuild at a time; requests go on with the lists they have."""
        with self.lock:
            if self._refreshing:
                return
            self._refreshing = True

        def run():
            try:
                self._build(key)
            except Exception:
                log.exception("refreshing link groups failed")
            finally:
                self._refreshing = False

        threading.Thread(target=run, name="newsledger-links", daemon=True).start()


class Links:
    """Cached group lists of one ledger.

    The cache key is the ledger's generation: the newest article's row number plus the link
    stage's counts (``link_stats``), looked up at most once a second. When it changes, the
    lists are rebuilt in a background thread while requests go on with the previous ones
    (stale-while-revalidate); only the very first request waits for them.
    """

    def __init__(self, ledger, max_age_s: float = 600.0):
        self.ledger = ledger
        self._generation = _Generation(ledger)
        self._lists = _Refresher(ledger, self._generation, max_age_s)
        self._memo: dict[str, tuple[Any, float, Any]] = {}

    @property
    def max_age_s(self) -> float:
        """How old the group lists may grow before they are rebuilt, whatever the generation."""
        return self._lists.max_age_s

    @max_age_s.setter
    def max_age_s(self, value: float) -> None:
        self._lists.max_age_s = value

    # ------------------------------------------------------------ cache

    def invalidate(self) -> None:
        """Forget the generation (after our own ingest): the next request rebuilds."""
        with self._lists.lock:
            self._generation.forget()
            self._lists.forget()
            self._memo.clear()

    def cached(self, name: str, fn: Callable[[], Any], max_age_s: float = 600.0) -> Any:
        """``fn()`` once per ledger generation (and at most ``max_age_s`` old)."""
        key = self._generation()
        hit = self._memo.get(name)
        now = time.monotonic()
        if hit is not None and key is not None and hit[0] == key and now - hit[1] < max_age_s:
            return hit[2]
        value = fn()
        self._memo[name] = (key, now, value)
        return value

    # ------------------------------------------------------------ queries

    def groups(self, kind: str) -> list[dict]:
        return self._lists.current().data.get(kind, [])

    def group(self, kind: str, group_id: str) -> Optional[dict]:
        return self._lists.current().by_id.get(kind, {}).get(group_id)

    def story_or_move(self, story_id: str) -> tuple[Optional[dict], Optional[str]]:
        """(the story, None) when ``story_id`` is a story now; (None, the id of the story that took its members)
        when it was merged since; (None, None) when it is neither (the caller answers 404)."""
        story_id = story_id[:200]
        g = self.group("stories", story_id)
        return (g, None) if g is not None else (None, self.story_moved(story_id))

    def story_moved(self, story_id: str) -> Optional[str]:
        """The story holding the members of a story merged into it since (None if none)."""
        f = _link_func("story_alias")
        if f is None:
            return None
        try:
            return f(self.ledger, story_id)
        except Exception:
            log.exception("newsledger.link.story_alias failed")
            return None

    def for_article(self, article_id: str) -> dict[str, list[dict]]:
        return self._lists.current().by_article.get(article_id, {})

    def claim_group(self, group_id: str) -> Optional[dict]:
        f = _link_func("claim_group")
        if f is not None:
            try:
                g = normalise_group(f(self.ledger, group_id))
            except Exception:
                log.exception("newsledger.link.claim_group failed")
                g = None
            if g is not None:
                return g
        return self.group("claims", group_id) or self.group("conflicts", group_id)

    def for_source(self, name: str) -> list[dict]:
        low = name.casefold()
        out = []
        for g in self.groups("claims"):
            if any(str(m.get("name") or m.get("source") or "").casefold() == low
                   for m in g["members"]):
                out.append(g)
        return out
