"""What one line of a flattened page is (:class:`LineInfo`, :func:`line_info`: length, stop-words,
bullet, sentence shape) and the junk reason its own content earns (:func:`line_rule`, pass 1 of
:func:`newsledger.extract.lines.classify_lines`)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from newsledger.extract.lines_vocab import (
    AD, AGENCY_LINE, ALL_STOP, BIO, BOILER, BONUS, BULLET, BYLINE, CAPTION, CJK, COMMENT, DATE, EMAIL,
    END_CUE, END_PUNCT, META, MONEY_PCT, NETWORKS, PHONE, RELATED_CUE, RELATED_INLINE, SENT_PUNCT,
    SHARE_LINE, TWEET, URL, WORD, SHARE_WORDS)

PROSE_LONG = 35  # words: a line this long with a sentence or stop-words is prose


@dataclass
class LineInfo:
    text: str
    words: float  # word count, CJK characters counted as half a word each
    tokens: list[str]
    stop: float  # stop-word share of the tokens
    bullet: bool
    end_punct: bool
    sentences: int
    caps: float  # share of capitalised tokens
    linky: bool
    glued: bool = False  # "Headline Run TogetherThe teaser text" (a teaser card)
    cjk_sentence: bool = False  # mostly CJK, ends in a full stop or comma (。、，): (part of) a sentence

    @property
    def prose(self) -> bool:
        if self.bullet and (self.words < 20 or not self.sentences):
            return False
        if self.glued:
            return False
        if self.words >= PROSE_LONG and (self.sentences or self.stop >= 0.15):
            return True
        if self.cjk_sentence and self.words >= 3:
            return True
        return self.words >= 7 and self.end_punct and self.stop >= 0.1

    @property
    def headline(self) -> bool:
        return 2 <= self.words <= 22 and not self.bullet and not SENT_PUNCT.search(self.text.rstrip()[-2:] + " ")


def line_info(line: str) -> LineInfo:
    text = line.strip()
    raw = line.rstrip()  # the indentation tells an inscriptis "o" bullet from the word "o"
    bullet = BULLET.match(raw)
    body = raw[bullet.end():].strip() if bullet else text
    tokens = WORD.findall(body)
    cjk = len(CJK.findall(body))
    latin = [t for t in tokens if not CJK.search(t)]
    words = len(latin) + cjk / 2.0
    low = [t.lower() for t in latin]
    stop = sum(t in ALL_STOP for t in low) / len(low) if low else (0.3 if cjk > 10 else 0.0)
    if cjk > 10 and cjk / 2 >= len(latin):
        stop = max(stop, 0.3)  # CJK text with a few Latin names ("iPhone") in it
    elif low and sum(not _LATIN_CYR.match(t) for t in low) > len(low) / 2:
        stop = max(stop, 0.2)  # a script we have no stop-words for (Arabic, Greek, Hindi ...): neutral
    caps = sum(t[:1].isupper() for t in latin) / len(latin) if latin else 0.0
    sentences = len(SENT_PUNCT.findall(body + " "))
    return LineInfo(
        text=text, words=words, tokens=low, stop=stop, bullet=bool(bullet),
        end_punct=bool(END_PUNCT.search(body)), sentences=sentences, caps=caps,
        linky=bool(URL.search(body)) or body.count("|") >= 2 or body.count("»") >= 2 or body.count("›") >= 2
        or body.count(" > ") >= 2 or body.count(" / ") >= 3,
        glued=_glued(body),
        cjk_sentence=cjk > len(latin) and body.rstrip().endswith(("。", "、", "，")),
    )


_LATIN_CYR = re.compile(r"[\da-zß-ɏḀ-ỿ\u0430-\u04ff]")


_GLUE = re.compile(r"[a-z0-9’'!?\)\"”][A-Z][a-z]")


def _glued(body: str) -> bool:
    """A title-case headline glued to its teaser ("...SteakhouseA party of six ...")."""
    for m in _GLUE.finditer(body):
        head = body[:m.start() + 1]
        toks = WORD.findall(head)
        if len(toks) >= 3 and sum(t[:1].isupper() or t.isdigit() for t in toks) / len(toks) >= 0.6 \
                and not re.search(r"\b(?:Mc|Mac|De|La|Le|Di|O')$", head[-4:]):
            return True
    return False


def _is_share(info: LineInfo) -> bool:
    t = info.text.strip(" •·|:").lower()
    if SHARE_LINE.match(t):
        return True
    if 0 < len(info.tokens) <= 10 and all(tok in SHARE_WORDS for tok in info.tokens) and \
            any(tok in ("share", "tweet", "facebook", "twitter", "whatsapp", "linkedin", "pinterest", "email",
                        "print", "reddit", "teilen", "messenger", "telegram") for tok in info.tokens):
        return True
    # a row of share buttons with labels in another language ("Whatsapp Facebook Pin Baixar"):
    # two or more network names and at most two other words
    nets = sum(tok in NETWORKS for tok in info.tokens)
    return nets >= 2 and len(info.tokens) - nets <= 2 and not info.sentences


def _is_ad(info: LineInfo) -> bool:
    t = info.text
    if info.words <= 12 and AD.search(t):
        return True
    if re.search(r"\b(?:deposit bonus|free spins|online casino|casino bonus|sportsbook|promo code|bonus code)\b",
                 t, re.I):
        return True
    return bool(MONEY_PCT.search(t) and BONUS.search(t) and info.stop < 0.2)


def line_rule(info: LineInfo) -> Optional[str]:
    """The junk reason a line earns on its own content, or None."""
    t = info.text
    if not t:
        return None
    bare = BULLET.sub("", t, count=1).strip()
    if _is_share(info):
        return "share-widget"
    if _is_ad(info):
        return "advertisement"
    if BIO.search(t) and not (info.words > 60 and t.count('"') + t.count("“") >= 2):
        return "author-bio"
    if (EMAIL.search(t) or PHONE.search(t)) and info.words <= 40 and not info.prose:
        return "author-bio"
    if RELATED_CUE.match(bare) or (RELATED_INLINE.match(bare) and info.words <= 30):
        return "related-links"
    if COMMENT.search(bare) and info.words <= 40:
        return "comments"
    if END_CUE.match(bare) and info.words <= 6:
        return "comments" if re.search(r"comment|repl|respon|kommentar|discussion|conversation|say|think",
                                       bare, re.I) else "related-links"
    if CAPTION.search(t) and info.words <= 80 and (info.words <= 40 or bare.lower().startswith(("photo", "image"))):
        return "caption"
    if BYLINE.match(bare) and info.words <= 12 and not info.sentences > 1:
        return "byline"
    if AGENCY_LINE.match(bare) and info.words <= 8:
        return "dateline"
    if TWEET.search(bare):
        return None  # an embedded tweet's attribution, part of the story
    if info.words <= 16 and META.search(bare):
        return "metadata"
    if info.words <= 10 and DATE.search(bare) and not info.sentences:
        rest = DATE.sub("", bare)
        if len(WORD.findall(rest)) <= 5:
            return "metadata"
    if BOILER.search(bare) and (info.words <= 15 or (info.words <= 50 and info.stop < 0.2)):
        return "boilerplate"
    return None


UNKNOWN_STOP = 0.04  # below this stop-word share over the page's longer lines, the language is not in _STOP


def unknown_language(infos: list[LineInfo]) -> None:
    """On a page in a language we have no stop-words for (Indonesian, Turkish, Czech ...),
    every line would look like a stop-word-free link or name list: give the longer lines a
    neutral stop-word share so that sentence shape and length decide."""
    long = [inf for inf in infos if inf.words >= 7 and inf.tokens]
    tokens = sum(len(inf.tokens) for inf in long)
    if not tokens or sum(inf.stop * len(inf.tokens) for inf in long) / tokens >= UNKNOWN_STOP:
        return
    for inf in long:
        inf.stop = max(inf.stop, 0.15)
