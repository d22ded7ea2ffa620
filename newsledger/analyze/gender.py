"""The gender a person's first name makes clear, used only to veto a he/she antecedent.

The table (``data/given_names.txt``) holds a few hundred common English given names that are
clearly a man's or a woman's; it was written by hand for newsledger from general knowledge, not
copied from any list, and leaves out on purpose the names borne by both men and women (Alex,
Jordan, Taylor, Chris, Sam, ...) or by men in one language and women in another (Andrea, Jean,
Joan). A name not in the table says nothing. The speaker rules use the table only to rule an
antecedent out ("Brian Holt ... She said" is not Holt's), never to pick one: a person of
unknown first name stays a possible antecedent.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Optional

NAMES_PATH = Path(__file__).with_name("data") / "given_names.txt"


@functools.lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in NAMES_PATH.read_text(encoding="utf-8").splitlines():
        words = line.split()
        if words and words[0] in ("m", "f"):
            out.update({w.lower(): words[0] for w in words[1:]})
    return out


def first_name_gender(name: str) -> Optional[str]:
    """"m"/"f" where ``name`` is a full name (two words or more) whose first word is a given name
    clearly of one gender ("Robert Kane" -> "m"), else None (a bare surname says nothing: "James"
    may be Ms James)."""
    words = name.split()
    if len(words) < 2:
        return None
    return _table().get(words[0].strip(".,").lower())


def disagrees(pronoun_gender: str, name: str) -> bool:
    """Whether a he ("m") / she ("f") cannot stand for the person called ``name``: the first name
    is clearly of the other gender."""
    g = first_name_gender(name)
    return g is not None and g != pronoun_gender
