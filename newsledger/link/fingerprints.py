"""An article's fingerprint: MinHash signatures of its body, opening and story terms, and the
band keys it is indexed under and looks up."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Optional

import numpy as np

from newsledger.link import text as T
from newsledger.link import vetoes as V
from newsledger.link.story_terms import age_terms, figure_terms, missed_names, names_of
from newsledger.model import Article

MIN_SHINGLES = 12


@dataclass
class Fingerprint:
    """A new article's fingerprint: its signatures, story terms and band keys."""
    id: str
    pk: int
    article: Article
    data: dict
    shingles: int
    sig: np.ndarray
    lead: np.ndarray
    terms: list[str]
    tsig: np.ndarray
    bucket: int
    keys: dict = field(default_factory=dict)  # kind -> [key] to insert
    probe: list = field(default_factory=list)  # (kind, key) to look up


def _bucket(published: Optional[str]) -> int:
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", published or "")
    if not m:
        return 0
    try:
        d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return 0
    return d.toordinal() // T.STORY_BUCKET_DAYS


def fingerprint(a: Article, aid: str, pk: int = 0, data: Optional[dict] = None) -> Fingerprint:
    ws = T.words(a.text)
    sh = T.shingle_hashes(ws)
    sig = T.minhash(sh, T.NUM_PERM)
    lead = T.minhash(T.shingle_hashes(ws[:T.LEAD_WORDS]), T.LEAD_PERM)
    ents = [e.text for e in a.entities] if a.entities else []
    terms = T.salient_terms(a.title, a.text, ents)
    terms += missed_names(a, terms) + figure_terms(a) + age_terms(a)
    tsig = T.minhash(T.term_hashes(terms), T.TERM_PERM)  # the veto terms make no candidates
    terms += V.veto_terms(a)
    fp = Fingerprint(aid, pk, a, data or {}, int(len(sh)), sig, lead, terms, tsig, _bucket(a.published))
    fp.keys["body"] = T.band_keys(sig, *T.BODY_BANDS, "body") if len(sh) >= MIN_SHINGLES else []
    fp.keys["lead"] = T.band_keys(lead, *T.LEAD_BANDS, "lead") if len(sh) >= MIN_SHINGLES else []
    fp.keys["passage"] = T.passage_keys(ws)
    fp.keys["story"] = story_keys(tsig, fp.bucket) + name_keys(terms) if terms else []
    fp.probe = [(kind, k) for kind in ("body", "lead", "passage") for k in fp.keys[kind]]
    fp.probe += [("story", k) for k in fp.keys["story"]]  # its own bucket (and the undated one), its names
    if terms and fp.bucket:
        for b in (fp.bucket - d for d in range(-T.STORY_BUCKET_SPAN, T.STORY_BUCKET_SPAN + 1) if d):
            fp.probe += [("story", k) for k in T.band_keys(tsig, *T.STORY_BANDS, "story", b)]
    return fp


UNDATED_BANDS = 24  # story bands a dated article is also indexed under in the undated bucket


def story_keys(tsig: np.ndarray, bucket: int) -> list[int]:
    """The story band keys an article is indexed under (and looks up): those of its time bucket
    and, for a dated article, the first ``UNDATED_BANDS`` of the undated bucket's (the same keys
    as an undated article's first bands), where an article with no or a partial date finds it
    and it finds them. Fewer bands than the 64 of its own bucket: every dated article holds
    these keys whatever its date (64 cost the 10k link a third more CPU, 24 a tenth)."""
    own = T.band_keys(tsig, *T.STORY_BANDS, "story", bucket)
    return own + T.band_keys(tsig, UNDATED_BANDS, T.STORY_BANDS[1], "story", 0) if bucket else own


NAME_KEYS = 8  # names of an article (its first story terms naming an entity) indexed as story keys


def name_keys(terms: list[str]) -> list[int]:
    """Story keys of the article's first ``NAME_KEYS`` names of two words or more (see
    :func:`naming`): a shared name makes a story candidate at any time, where the term bands
    miss a fifth to a half of the pairs that score above the threshold (ECB+ dev: 17 of 66
    articles left out of their event's story). A key stays a lookup of at most ``BAND_CAP``
    holders like any story key (a name every article of a period holds saturates), so the
    candidates stay bounded per newcomer."""
    return T.name_keys(names_of(terms)[:NAME_KEYS])
