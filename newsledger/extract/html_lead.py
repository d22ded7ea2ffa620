"""Lead recovery (off by default): a standfirst/teaser block between the headline and the first
extracted paragraph.
"""
from __future__ import annotations

import re
from typing import Any, Optional

from newsledger.extract.html_markup import squash_space, class_and_id, text_of
from newsledger.model import normalise_text


_LEAD_CLASS = re.compile(
    r"(?:^|[\s_-])(?:lead|lede|leadtext|intro|introduction|teaser(?:-?text)?|standfirst|summary|"
    r"subhead(?:line)?|sub-?title|subtitle|dek|deck|excerpt|abstract|description|"
    r"documentdescription|article-?summary|strapline|chapo|chapeau|bajada|entradilla|sumario)"
    r"(?:$|[\s_-])")
_NOT_LEAD = re.compile(r"caption|credit|byline|author|date|time|meta|share|social|related|promo|"
                       r"breadcrumb|nav|menu|footer|comment|newsletter|tag", re.I)
_BLOCK_TAGS = {"p", "div", "h2", "h3", "h4", "section", "header", "span", "strong", "li"}


def recover_lead(tree, lines: list[str], title: Optional[str]) -> Optional[str]:
    """A standfirst/teaser block between the headline and the first body line, if dropped."""
    if not lines or tree is None:
        return None
    first = lines[0][:60]
    body_el = None
    h1 = None
    order: dict[Any, int] = {}
    for i, el in enumerate(tree.iter()):
        order[el] = i
        if not isinstance(el.tag, str):
            continue
        if h1 is None and el.tag == "h1":
            h1 = el
        if body_el is None and el.tag in ("p", "div", "li", "h2", "h3", "blockquote", "td") and el.text \
                and first[:40] in squash_space(el.text):
            body_el = el
    if body_el is None:
        return None
    start = order.get(h1, -1) if h1 is not None and order[h1] < order[body_el] else -1
    known = {normalise_text(ln) for ln in lines}
    tkey = normalise_text(title or "")
    best = None
    for el in tree.iter(*_BLOCK_TAGS):
        pos = order.get(el, 0)
        if pos >= order[body_el]:
            break
        if pos <= start:
            continue
        c = class_and_id(el)
        if not c.strip() or not _LEAD_CLASS.search(c.replace("_", " ")) or _NOT_LEAD.search(c):
            continue
        if any(a.tag in ("nav", "aside", "footer", "figure", "figcaption", "a") for a in el.iterancestors()):
            continue
        txt = text_of(el)
        if len(txt) < 40 or len(txt) > 800 or txt.count(" ") < 6:
            continue
        key = normalise_text(txt)
        if key == tkey or key in known or any(key in k for k in known):
            continue
        best = txt  # keep the last candidate: closest to the body
    return best
