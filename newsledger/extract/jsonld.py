"""JSON-LD of a page: its objects in reading order, the article object, and authors given by reference.

An article's ``author`` may be a reference, ``{"@id": "https://example.org/#/person/1"}``, to a
node elsewhere in the page's JSON-LD (as Yoast's ``@graph`` writes it). Such a reference is read
only when the node it names is typed ``Person``, has a name, and that name stands in the page's
visible text: the reference names the account that posted the story, which on a newsroom's site is
often not its author, and one that the page does not show is no by-line.
"""
from __future__ import annotations

import json
from typing import Any, Callable, Iterator, Optional

ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
                 "opinionnewsarticle", "backgroundnewsarticle", "webpage", "liveblogposting", "report",
                 "scholarlyarticle", "socialmediaposting", "techarticle"}


def ld_objects(tree) -> Iterator[dict]:
    """Every JSON object of the page's JSON-LD scripts, in reading order (lists and @graph flattened)."""
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            stack = [json.loads(script.text)]
        except ValueError:
            continue
        while stack:
            obj = stack.pop(0)
            if isinstance(obj, list):
                stack.extend(obj)
            elif isinstance(obj, dict):
                if "@graph" in obj:
                    stack.extend(obj["@graph"] if isinstance(obj["@graph"], list) else [obj["@graph"]])
                yield obj


def ld_types(obj: dict) -> set[str]:
    """The object's @type values, lower-cased."""
    types = obj.get("@type")
    return {str(t).lower() for t in ([types] if isinstance(types, str) else (types or []))}


def article_object(objs: list[dict]) -> dict[str, Any]:
    """The first article-like object of a type other than a bare WebPage, else the first WebPage; {} if none."""
    articles = [o for o in objs if ld_types(o) & ARTICLE_TYPES]
    return next((o for o in articles if ld_types(o) - {"webpage"}), articles[0] if articles else {})


def _is_reference(value: Any) -> bool:
    return isinstance(value, dict) and "name" not in value and isinstance(value.get("@id"), str)


def resolved_authors(value: Any, objs: list[dict], shown: Callable[[str], bool]) -> Any:
    """``value`` (an article's ``author``) with each reference replaced by the Person node of that
    @id when ``shown(name)`` says the page shows its name; other references stay as they are."""
    if isinstance(value, list):
        return [resolved_authors(v, objs, shown) for v in value]
    if not _is_reference(value):
        return value
    node = next((o for o in objs if o.get("@id") == value["@id"] and "person" in ld_types(o)
                 and isinstance(o.get("name"), str) and o["name"].strip()), None)
    return node if node is not None and shown(node["name"]) else value


def has_reference(value: Any) -> bool:
    """Some author is given by reference only."""
    return any(has_reference(v) for v in value) if isinstance(value, list) else _is_reference(value)


def first_value(*values: Any) -> Optional[str]:
    """The first of meta / JSON-LD ``values`` that gives a non-blank string (a list by its first
    item, an object by its ``name``), whitespace runs as one space."""
    for v in values:
        if isinstance(v, list):
            v = v[0] if v else None
        if isinstance(v, dict):
            v = v.get("name")
        if isinstance(v, str) and v.strip():
            return " ".join(v.split())
    return None


def organisation_names(obj: dict) -> list[str]:
    """The names the article object gives organisations: its publisher, author or creator typed as an
    organisation and not as a person (``{"@type": "Organization", "name": "Example Post"}``; Yoast's
    ``["Person", "Organization"]`` is a blog's owner, a person)."""
    out: list[str] = []
    for key in ("publisher", "author", "creator"):
        values = obj.get(key)
        for v in values if isinstance(values, list) else [values]:
            if not isinstance(v, dict):
                continue
            types = ld_types(v)
            if isinstance(v.get("name"), str) and "person" not in types and any("organization" in t for t in types):
                out.append(v["name"])
    return out
