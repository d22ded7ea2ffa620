"""Vocabulary and line tests that the header's readers share (:mod:`newsledger.extract.header`):
markdown heading marks, a lone by-word, photo-credit words, words of site furniture, the
"Published" / "Updated" cues, and the zone the header is read in."""
from __future__ import annotations

import re

from newsledger.extract.lines_kinds import LineInfo
from newsledger.extract.lines_vocab import BULLET, DATE, DATE_WORDS

NAME_ZONE_AFTER = 3  # lines into the body read for the header's names and dates

MD_HEADING = re.compile(r"^\s*(#{1,6})\s+")
BY_ALONE = re.compile(r"^(?:by|von|par|por|di|door|av|af|autor(?:in)?|author|auteur|text|"
                      r"author of the article|written by|reporter|redaktion|forfatter|"
                      r"skrevet av|napisał|napisała)\s*:?$", re.I)
MEDIA = r"photo|foto|image|picture|credit|illustration|bild|kuva|zdjęcie|grafik|video|фото|коллаж|колаж|ілюстрація|" \
         r"иллюстрация"
CREDIT = re.compile(rf"\b(?:{MEDIA}|getty|reuters|afp)\b|©", re.I)
UI_WORDS = set("""news politics sport sports business world opinion home latest video videos live events
links trail breadcrumb topics topic related share comments comment menu search subscribe sign login log
newsletter newsletters advertisement podcast podcasts photos gallery weather health science technology tech
culture lifestyle travel entertainment economy markets money federal national local international europe
america africa asia australia city state united kingdom states read more listen watch follow updates update
edition content article articles section sections top stories story today daily weekly week contact about
privacy terms cookies settings account free trial offer premium games puzzles crossword shop jobs homes
property cars motoring fashion beauty food recipes travel royals royal showbiz tv celebrity music film
books arts style magazine review reviews analysis explainer investigations columnists letters editorial
football cricket rugby tennis golf boxing racing formula f1 nfl nba mlb nhl soccer olympics paris
breaking exclusive trending popular most viewed recommended sponsored partner brand studio press release
key facts summary overview highlights copy link copied posted next up best buy now view print mode paper
score contributing public service related noticia relacionada new york times post journal herald guardian
telegraph mail star sun mirror express independent standard tribune chronicle gazette mode dark light
open close back top skip main navigation page pages issue issues subscription subscriber subscribers
digital e-paper epaper edition archive archives podcast weather horoscope obituaries classifieds
correspondent reporter editor writer columnist contributor redakteur redakteurin journalist journalistin
staff senior chief political deputy associate assistant follow finance monde professor markets app dive deeper
party full screen font size recent posts post watched mehr weitere artikel galerie verwandte ähnliche
kommentieren drucken zur zum más leido übersicht products services solutions""".split())


_DAY_FIRST = re.compile(rf"^\d{{1,2}}\.\s*{DATE_WORDS}\.?\s+\d{{4}}\b", re.I)  # "1. Januar 2016": a date, no numbered item


def unmarked(text: str) -> str:
    """A line without its bullet and its markdown heading marks ("* Jane Roe", "## Jane Roe",
    "###### By Jane Roe": html2text keeps a by-line's heading level), for reading names; the day
    of a date that opens the line is no list number ("1. Januar 2016 von Jane Roe")."""
    text = text.strip()
    return MD_HEADING.sub("", text if _DAY_FIRST.match(text) else BULLET.sub("", text)).strip()


def is_date_line(info: LineInfo) -> bool:
    return bool(DATE.search(info.text)) and info.words <= 12
