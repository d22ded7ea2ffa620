"""The words that say a date line is the page's publication or its last update ("Published",
"Veröffentlicht", "Posted"; "Updated", "Aktualisiert", "Oppdatert"), in one place for both readers
of dates: the header reader (:mod:`newsledger.extract.header_dates`, :mod:`header_authors`) and the
metadata fallback (:func:`newsledger.extract.meta.find_dates`). Each reader may add a word of its
own where its lines allow it (the fallback reads labelled metadata lines, so "Date:" and German
"Stand:" are cues there; in a header they are as likely a headline's words)."""
from __future__ import annotations

import re

PUBLISHED_WORDS = ("published", "first published", "posted", "publiziert", "publicado", "publié", "publiée",
                   "veröffentlicht", "pubblicato", "publisert", "publicerad", "udgivet", "gepubliceerd",
                   "opublikowano", "erschienen", "geschrieben am", "yayınlanma", "diterbitkan", "publikováno")
UPDATED_WORDS = ("updated", "last updated", "last modified", "last edited", "modified", "actualizado",
                 "última actualización", "mis à jour", "aktualisiert", "aktualisierung", "aggiornato",
                 "ultima modifica", "oppdatert", "uppdaterad", "opdateret", "bijgewerkt", "zaktualizowano",
                 "güncelleme", "aktualizováno")


def cue(words: tuple[str, ...], *extra: str) -> re.Pattern:
    """A case-blind pattern of whole ``words`` (and ``extra`` ones)."""
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in (*words, *extra)) + r")\b", re.I)


PUBLISHED = cue(PUBLISHED_WORDS)
UPDATED = cue(UPDATED_WORDS)
