"""Line/block classifier for pages already flattened to text (and for HTML body paragraphs).

:func:`classify_lines` gives every line ``None`` (article body) or the reason it is junk:
``share-widget``, ``advertisement``, ``related-links``, ``author-bio``, ``byline``, ``caption``,
``navigation``, ``metadata``, ``title``, ``section``, ``dateline``, ``comments``, ``boilerplate``.

How it decides, in three passes:

1. **Line rules** — content cues that mark a line as junk whatever its position: share-widget
   phrases, ad/gambling vocabulary, cookie/newsletter/subscribe lines, captions ("Photo:",
   "(AFP)", "Getty Images"), bylines ("By X", and bare name lines repeating a byline name),
   author bios ("has been a reporter ... since", "To get in touch", e-mail/phone), dates and
   "Published/Updated" lines, comment-thread cues, and cue lines ("Read also", "Related",
   "See also") together with the short headline-like lines (often "  •" bullets) after them.
2. **Main region** — every line gets a score: prose lines (long, stop-words, sentence
   punctuation; a CJK line ending in 。、， is a sentence) count for, short/link-like/bulleted
   lines and rule-junk count against, rows of a data table (" | " cells, some numeric) count a
   little for; on a page whose language has no stop-word list the longer lines get a neutral
   stop-word share. The best-scoring contiguous run of lines (maximum subarray) is the
   article, cut short at a strong end cue (comments, "About the author" ...) once a body is
   behind it, or at a non-repeated "You may also like" / "Related articles" cue with less
   prose after it than before; a list that a body line ending in a colon announces just
   after the region joins it. Lines outside the region are navigation/boilerplate.
3. **Block smoothing** — inside the region, a short line between body lines stays body (a
   subheading), a run of several short non-prose lines is a teaser/link column and goes
   (unless a body line ending in a colon announces it); the headline just above the region
   becomes ``title``, an isolated short bullet there ``section``.

It is a heuristic (no trained weights). The rules and the few constants below were developed
by reading failures on article-extraction-benchmark pages flattened to text *and* (before
2026-11-26) on trafilatura's evaluation pages (with/without segments), so neither figure is a
clean held-out number: see docs/EVALUATION.md. Since ``newsledger.evaluate.extraction_heldout``
was added, changes have been made by reading failures on the 181 benchmark pages only, with
trafilatura-eval's aggregate segment score (never its page failures) checked not to drop.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from newsledger import agencies as A

# ---------------------------------------------------------------- vocabulary

_STOP = {
    "en": "the a an and or but of to in on at for with by from as is are was were be been has have had "
          "that this these those it its he she they we you i his her their our not no will would can could "
          "which who what when where there than then so if about into after before over also said says",
    "de": "der die das und oder aber den dem des ein eine einen einem einer ist sind war waren nicht mit "
          "von zu im in auf für sich es sie er wir ich auch als an bei nach aus wie wird werden hat haben dass",
    "fr": "le la les et ou mais de des du un une est sont était pas ne que qui dans sur pour par avec "
          "au aux il elle ils nous vous ce cette ces se son sa ses a été plus",
    "es": "el la los las y o pero de del un una es son era no que en por para con se su sus al lo como "
          "más fue ha han este esta",
    "it": "il lo la i gli le e o ma di del della un una è sono era non che in per con si suo sua al da "
          "come più ha hanno questo questa",
    "pt": "o a os as e ou mas de do da dos das um uma é são era não que em no na por para com se seu sua "
          "ao como mais foi",
    "nl": "de het een en of maar van in op te voor met door is zijn was niet dat die er ook als bij aan "
          "om naar heeft hebben werd",
    "pl": "i w na z do że się nie jest to jak o po przez od za dla są był była oraz ale także który",
    "ru": "и в на с что не по как это он она они из за от для его к о но же так было был",
    # Scandinavian: without them a Swedish, Danish or Norwegian story reads as a stop-word-free
    # list, while the page's English or German furniture keeps the unknown-language fallback off
    # (no words that are Dutch or German ones too: "nu", "kan", "hun")
    "sv": "och att det som är på för med av till inte har ett om jag hon var vi de den sig när också "
          "efter från eller vid så hade ska skulle sina sin blev",
    "da": "og at det som er på for med af til ikke har et om jeg var vi de den sig når også efter "
          "fra eller ved så havde skal skulle sin blev været være",
    "no": "og at det som er på for med av til ikke har et om jeg var vi de den seg når også etter "
          "fra eller ved så hadde skal skulle sin ble vært være",
}
STOPWORDS = {lang: set(words.split()) for lang, words in _STOP.items()}
_ALL_STOP = set().union(*STOPWORDS.values())

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
# list bullets of every flattener; inscriptis marks nested items "+" and, indented, "o"
_BULLET = re.compile(r"^\s*(?:[•·▪►▸»›◦‣∙●○■□–—*+\-]|\d{1,2}[.)])\s+|^\s{2,}o\s+(?=\S)")
_END_PUNCT = re.compile(r"[.!?。！？…:\"”’»]\s*$")
_SENT_PUNCT = re.compile(r"[.!?。！？…][\"”’»)]*(?:\s|$)")
_URL = re.compile(r"https?://|www\.|\.(?:com|org|net|co\.uk)\b", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_PHONE = re.compile(r"(?:\+\d{1,3}[\s-]?)?(?:\(\d{2,4}\)|\b\d{1,4})[\s-]\d{3,4}[\s-]\d{3,5}\b")

SHARE_WORDS = {
    "share", "shares", "sharing", "this", "article", "story", "post", "page", "on", "via", "tweet",
    "facebook", "twitter", "x", "linkedin", "whatsapp", "email", "e", "mail", "print", "pinterest",
    "reddit", "copy", "link", "messenger", "telegram", "flipboard", "pocket", "tumblr", "sms", "the",
    "love", "spread", "save", "comment", "comments", "google", "plus", "vk", "xing", "teilen",
    "drucken", "partager", "compartir", "condividi", "share on", "pin", "it", "gift", "bookmark",
    "font", "size", "a", "text", "listen", "to", "mastodon", "bluesky", "threads",
}
_SHARE_LINE = re.compile(
    r"^(?:spread the love|share (?:this|the|on|via|article|story|post)\b.*|share|tweet|"
    r"click to share.*|share this:?|sharing is caring|like this:?|teilen|partager|compartir)$", re.I)
_AD = re.compile(
    r"\b(?:deposit bonus|first deposit|welcome bonus|free spins|online casino|casino bonus|sportsbook|betting (?:odds|tips|site)|"
    r"bet now|place your bet|promo code|bonus code|no deposit|wager(?:ing)? requirement|"
    r"advertisement|advertising|anzeige|publicité|publicidad|pubblicità|sponsored(?: content| by| post)?|"
    r"paid (?:content|partner|post)|partner content|promoted (?:content|stories|links)|"
    r"ad feedback|story continues below|continue reading (?:below|the main story)|"
    r"scroll (?:down )?to continue|skip (?:this )?ad(?:vert)?)\b", re.I)
_MONEY_PCT = re.compile(r"\d+\s*%.*(?:[€$£]\s?\d|\d\s?[€$£])|(?:[€$£]\s?\d|\d\s?[€$£]).*\d+\s*%")
_BONUS = re.compile(r"\b(?:bonus|odds|bet|spins|jackpot|slots?|poker|claim)\b", re.I)
_RELATED_CUE = re.compile(
    r"^(?:read (?:also|more|next|this|further)|also read|see also|related(?: \w+){0,2}|more (?:on|from|about|in|"
    r"stories|news|articles|coverage|to read|like this)(?: [\w'’&-]+){0,4}|you (?:may|might) (?:also )?(?:like|"
    r"enjoy|be interested in)|recommended(?: for you| stories| articles| reading)?|most (?:read|popular|viewed|"
    r"shared|commented)(?: \w+){0,2}|trending(?: now| stories| today)?|top stories|further reading|"
    r"latest (?:news|stories|articles|posts|videos)|editor(?:'?s|s')? (?:picks|choice)|what to read next|"
    r"popular (?:now|posts|stories|articles|today)|don'?t miss|watch next|up next|next up|"
    r"lesen sie auch|mehr zum thema|das könnte sie auch interessieren|weitere artikel|"
    r"à lire aussi|lire aussi|sur le même sujet|leer más|lee también|te puede interesar|"
    r"leggi anche|potrebbe interessarti|leia também|lees ook|czytaj (?:też|także|więcej)|explore further|"
    r"verwandte (?:themen|artikel)|weitere (?:beiträge|themen|nachrichten)(?: \w+){0,3}|otras noticias|"
    r"noticias relacionadas|articles? (?:liés|connexes)|dowiedz się więcej|zobacz (?:też|także|również)|"
    r"você pode gostar\.*|veja também|leia mais|mais lidas|más leídas|meistgelesen|"
    r"das könnte sie auch interessieren|vous aimerez aussi)\s*[:»›>]?$", re.I)
_RELATED_INLINE = re.compile(
    r"^(?:read (?:also|more|next)|also read|see also|related(?: article| story| coverage)?|more|watch|"
    r"listen|recommended|lesen sie auch|lire aussi|à lire aussi|leer más|leggi anche|leia também|"
    r"czytaj (?:też|także)|puedes ver|lee también|ver también|dowiedz się więcej|zobacz też|veja também|"
    r"leia mais|mehr dazu|auch interessant)\s*[:|»›>]\s+\S", re.I)
_END_CUE = re.compile(
    r"^(?:(?:\d+|no)\s+(?:comments?|responses?|replies|kommentare?)|comments?(?:\s*\(\d+\))?|"
    r"leave a (?:reply|comment)|post a comment|add a comment|join the (?:discussion|conversation)|"
    r"show comments|view comments|load comments|what do you think\??|have your say|"
    r"about the author|about (?:the )?(?:writer|reporter)|related (?:posts|articles|stories|content|"
    r"news|coverage|topics|tags)|tags?|topics?|filed under|share this(?: article| story)?|"
    r"more (?:from|stories from|in) [\w' &-]{2,40}|you (?:may|might) also like|recommended(?: for you)?|"
    r"kommentare?|kommentieren|commentaires?|comentarios?|commenti|reacties|komentarze)\s*[:»›]?$", re.I)
_COMMENT = re.compile(
    r"(?:^.{1,60}\b(?:says|said|wrote|schreibt|dit|dice):$|^reply$|^report(?: comment| abuse)?$|^(?:\d+ )?(?:likes?|upvotes?)$|"
    r"your email address will not be published|required fields are marked|"
    r"you must be logged in to (?:post|comment)|log ?in to (?:reply|comment)|"
    r"comments? (?:are|is) closed|notify me of (?:new|follow-up)|save my name, email|"
    r"commenting (?:policy|guidelines)|community guidelines|^newest first|^oldest first|^sort by)", re.I)
_BOILER = re.compile(
    r"(?:\bcookies?\b|\bnewsletters?\b|\bsubscribe\b|\bsubscription\b|\bsign (?:up|in)\b|\blog ?in\b|"
    r"\bregister\b|all rights reserved|^©|©\s*\d{4}|\bcopyright\b|privacy (?:policy|notice|settings)|"
    r"terms (?:of|and) (?:use|service|conditions)|\bjavascript\b|your browser|ad ?blocker|"
    r"click here|tap here|download (?:the|our) app|follow us|like us on|contact us|advertise with us|"
    r"\bskip to\b|back to top|^menu$|^search$|^home$|^close$|^loading|^next$|^previous$|"
    r"datenschutz|impressum|mentions légales|aviso legal|note legali|"
    r"we use cookies|accept (?:all )?cookies|manage (?:your )?preferences|"
    r"\bopens? in a new (?:window|tab)\b|^(?:photo|image|video) gallery$|^watch(?: video| now)?$|"
    r"^play(?: video| now)?$|^view (?:all|more|gallery)$|^see (?:all|more)$|^show more$|^load more$|"
    r"^citation:|this document is subject to copyright|advertising disclosure|^externer inhalt$|"
    r"^image \d+ of|^caption$|^print this article|^zusatzinformationen:?$|kostenlos anmelden|"
    # skip links, account and comment prompts in other languages
    r"zum inhalt springen|zur (?:haupt)?navigation springen|zur suche springen|direkt zum inhalt|"
    r"przejdź do (?:treści|zawartości)|omitir para ir al contenido|(?:ir|saltar) al contenido|"
    r"aller au contenu|passer au contenu|vai al contenuto|salta al contenuto|ir para o conteúdo|"
    r"naar (?:de )?inhoud|hoppa till (?:huvud)?innehåll|gå til (?:hoved)?innhold|siirry sisältöön|"
    r"(?:forgot|reset|lost) (?:your )?password|passwort (?:vergessen|wieder|zurücksetzen)|"
    r"(?:récupérer|oublié|perdu) (?:votre |ton |le )?mot de passe|mot de passe oublié|"
    r"(?:olvidaste|recuperar) (?:tu |la )?contraseña|"
    r"^schreib(?:e|en sie)? einen kommentar|^kommentar schreiben|^laisser un commentaire|"
    r"^deja (?:un|tu) comentario|^lascia un commento|^deixe (?:um|seu) comentário|"
    r"opt[- ]out of the sale|do not sell (?:or share )?my|your privacy choices|"
    r"^search [\w.-]+\.[a-z]{2,}$|^read (?:the )?full (?:article|story)$|^give a gift$)",
    re.I)
_CAPTION = re.compile(
    r"(?:^(?:photo|photos|image|images|picture|pic|foto|fotos|bild|photograph|illustration|credit|"
    r"caption|file photo|image caption|image copyright|media caption|source)\s*(?:credit\s*)?[:|/©]|"
    r"^\(?(?:photo|image|picture|foto) (?:by|courtesy|credit|:)|"
    r"\((?:photo|image|picture|foto)?\s*:?\s*(?:afp|ap|reuters|getty|getty images|epa|dpa|xinhua|"
    r"file|handout|supplied|istock|shutterstock)[^)]*\)\s*$|"
    r"(?:getty images|shutterstock|istock(?:photo)?|afp via getty|ap photo|reuters/|/ reuters|"
    r"\| reuters|\| ap|/ap\b|/afp\b|epa-efe)\b|\bphoto(?:graph)?:\s|"
    r"\((?:symbolbild|archivbild|archivfoto|foto|bild|quelle|photo|image|credit)\b[^)]{0,80}\)\.?\s*$|"
    r"\b(?:foto|bild|fotos|quelle):\s*[\w/ .-]{2,40}$)", re.I)
_BYLINE = re.compile(
    r"^(?i:by|von|par|por|di|door|av|af|written by|posted by|words by|reporting by|story by|"
    r"text:|autor(?:in)?:?|author:?|auteur:?)\s+(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|[a-z]{1,3}\s+[A-Z])", re.U)
_BIO = re.compile(
    r"(?:\b(?:has been|is|was) an? (?:[\w-]+ ){0,3}(?:reporter|writer|journalist|correspondent|editor|"
    r"columnist|contributor|producer|author|freelancer|blogger|photographer)\b.*\b(?:since|for|at|covering|"
    r"based)\b|\bto get in touch\b|\bcontact (?:me|him|her|them) (?:at|through|via|on)\b|"
    r"\bfollow (?:him|her|me|them) on (?:twitter|x|instagram|facebook)\b|\breach (?:him|her|me) at\b|"
    r"\b(?:he|she) (?:previously )?(?:worked|wrote) (?:as|for) \b.*\b(?:before joining|since)\b|"
    r"\bbefore joining\b.*\b(?:worked|was)\b|^about the author)", re.I)
_DATE_WORDS = (r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|"
               r"aug(?:ust|\.)?|sep(?:t(?:ember)?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?|"
               r"januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|"
               r"juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|"
               r"julio|agosto|septiembre|octubre|noviembre|diciembre)")
_DATE = re.compile(
    rf"(?:\b\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|"
    rf"\b{_DATE_WORDS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b|\b\d{{1,2}}\.?\s+{_DATE_WORDS}\.?\s+\d{{4}}\b|"
    rf"\b\d{{1,2}}:\d{{2}}\b|\b\d+\s+(?:minutes?|hours?|days?|weeks?|months?)\s+ago\b|"
    rf"\bvor\s+\d+\s+(?:minuten|stunden|tagen|wochen|monaten)\b|\bil y a\s+\d+\s+(?:minutes?|heures?|jours?)\b|"
    rf"\bhace\s+\d+\s+(?:minutos?|horas?|días?|semanas?)\b)", re.I)
_META = re.compile(
    r"^(?:published|updated|posted|last (?:updated|modified)|first published|date|veröffentlicht|"
    r"aktualisiert|erstellt|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|stand)\b|"
    r"\b\d+\s*(?:min(?:ute)?s?\.?|minutes?)\s+(?:read|reading|de lecture|lesezeit)\b|"
    r"\breading time\b|\blesezeit\b|^\d[\d,.]*\s*(?:views|reads|shares|comments)$", re.I)
_TWEET = re.compile(r"^[—–-]\s*.{1,80}\(@\w+\)")
AGENCY_NAMES = A.pattern() + "|" + A.GENERIC_PATTERN
_AGENCY_LINE = re.compile(rf"^(?:\w+\s+){{0,3}}?\(?(?:{AGENCY_NAMES})\)?(?:\s+(?:in|from|–|-|/)\s+[\w .'-]+)?$")


# ---------------------------------------------------------------- features


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
        return 2 <= self.words <= 22 and not self.bullet and not _SENT_PUNCT.search(self.text.rstrip()[-2:] + " ")


def line_info(line: str) -> LineInfo:
    text = line.strip()
    raw = line.rstrip()  # the indentation tells an inscriptis "o" bullet from the word "o"
    bullet = _BULLET.match(raw)
    body = raw[bullet.end():].strip() if bullet else text
    tokens = _WORD.findall(body)
    cjk = len(_CJK.findall(body))
    latin = [t for t in tokens if not _CJK.search(t)]
    words = len(latin) + cjk / 2.0
    low = [t.lower() for t in latin]
    stop = sum(t in _ALL_STOP for t in low) / len(low) if low else (0.3 if cjk > 10 else 0.0)
    if cjk > 10 and cjk / 2 >= len(latin):
        stop = max(stop, 0.3)  # CJK text with a few Latin names ("iPhone") in it
    elif low and sum(not _LATIN_CYR.match(t) for t in low) > len(low) / 2:
        stop = max(stop, 0.2)  # a script we have no stop-words for (Arabic, Greek, Hindi ...): neutral
    caps = sum(t[:1].isupper() for t in latin) / len(latin) if latin else 0.0
    sentences = len(_SENT_PUNCT.findall(body + " "))
    return LineInfo(
        text=text, words=words, tokens=low, stop=stop, bullet=bool(bullet),
        end_punct=bool(_END_PUNCT.search(body)), sentences=sentences, caps=caps,
        linky=bool(_URL.search(body)) or body.count("|") >= 2 or body.count("»") >= 2 or body.count("›") >= 2
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
        toks = _WORD.findall(head)
        if len(toks) >= 3 and sum(t[:1].isupper() or t.isdigit() for t in toks) / len(toks) >= 0.6 \
                and not re.search(r"\b(?:Mc|Mac|De|La|Le|Di|O')$", head[-4:]):
            return True
    return False


# ---------------------------------------------------------------- pass 1: line rules


def _is_share(info: LineInfo) -> bool:
    t = info.text.strip(" •·|:").lower()
    if _SHARE_LINE.match(t):
        return True
    if 0 < len(info.tokens) <= 10 and all(tok in SHARE_WORDS for tok in info.tokens) and \
            any(tok in ("share", "tweet", "facebook", "twitter", "whatsapp", "linkedin", "pinterest", "email",
                        "print", "reddit", "teilen", "messenger", "telegram") for tok in info.tokens):
        return True
    # a row of share buttons with labels in another language ("Whatsapp Facebook Pin Baixar"):
    # two or more network names and at most two other words
    nets = sum(tok in _NETWORKS for tok in info.tokens)
    return nets >= 2 and len(info.tokens) - nets <= 2 and not info.sentences


_NETWORKS = {"facebook", "twitter", "whatsapp", "linkedin", "pinterest", "reddit", "telegram", "messenger",
             "tumblr", "flipboard", "xing", "vk", "mastodon", "bluesky", "instagram", "youtube", "tiktok"}


def _is_ad(info: LineInfo) -> bool:
    t = info.text
    if info.words <= 12 and _AD.search(t):
        return True
    if re.search(r"\b(?:deposit bonus|free spins|online casino|casino bonus|sportsbook|promo code|bonus code)\b",
                 t, re.I):
        return True
    return bool(_MONEY_PCT.search(t) and _BONUS.search(t) and info.stop < 0.2)


def line_rule(info: LineInfo) -> Optional[str]:
    """The junk reason a line earns on its own content, or None."""
    t = info.text
    if not t:
        return None
    bare = _BULLET.sub("", t, count=1).strip()
    if _is_share(info):
        return "share-widget"
    if _is_ad(info):
        return "advertisement"
    if _BIO.search(t) and not (info.words > 60 and t.count('"') + t.count("“") >= 2):
        return "author-bio"
    if (_EMAIL.search(t) or _PHONE.search(t)) and info.words <= 40 and not info.prose:
        return "author-bio"
    if _RELATED_CUE.match(bare) or (_RELATED_INLINE.match(bare) and info.words <= 30):
        return "related-links"
    if _COMMENT.search(bare) and info.words <= 40:
        return "comments"
    if _END_CUE.match(bare) and info.words <= 6:
        return "comments" if re.search(r"comment|repl|respon|kommentar|discussion|conversation|say|think",
                                       bare, re.I) else "related-links"
    if _CAPTION.search(t) and info.words <= 80 and (info.words <= 40 or bare.lower().startswith(("photo", "image"))):
        return "caption"
    if _BYLINE.match(bare) and info.words <= 12 and not info.sentences > 1:
        return "byline"
    if _AGENCY_LINE.match(bare) and info.words <= 8:
        return "dateline"
    if _TWEET.search(bare):
        return None  # an embedded tweet's attribution, part of the story
    if info.words <= 16 and _META.search(bare):
        return "metadata"
    if info.words <= 10 and _DATE.search(bare) and not info.sentences:
        rest = _DATE.sub("", bare)
        if len(_WORD.findall(rest)) <= 5:
            return "metadata"
    if _BOILER.search(bare) and (info.words <= 15 or (info.words <= 50 and info.stop < 0.2)):
        return "boilerplate"
    return None


# ---------------------------------------------------------------- passes 2-3


def _score(info: LineInfo, reason: Optional[str]) -> float:
    if not info.text:
        return 0.0
    w = info.words
    if reason:
        return -(JUNK_BASE + min(w, 40) * 0.5)
    if info.prose:
        bonus = 1.0 + min(info.stop, 0.45)
        return min(w, 120) * bonus * (0.6 if info.linky else 1.0)
    if info.bullet:
        return -2.5 if w < 8 else -1.0
    if info.linky:
        return -3.0
    if w < 4:
        return -2.0
    return -1.5 if info.headline else -0.5


_STRONG_END = re.compile(
    r"^\[?\s*(?:\d+|no)\s+(?:comments?|responses?|replies|reactions|kommentare?|commentaires?|comentarios?)\b|"
    r"^(?:comments?|leave a (?:reply|comment)|post a comment|add a comment|join the (?:discussion|conversation)|"
    r"top rated comments|reader comments|discussion|show comments|view comments|load comments|about the author|"
    r"kommentare?|commentaires?|comentarios?|commenti|reacties|komentarze)\b.{0,40}$|"
    r"\bresponses? to [“\"]|\bthoughts on [“\"]|\breplies to [“\"]|\bsays:$|\bsaid:$", re.I)


def _end_cut(idx, infos, reasons, scores, lo, hi) -> Optional[int]:
    """Position (in ``idx``) of a comment-section cue inside the region with a body before it
    (comment threads are prose too, so the region would run on through them), or of a
    "you may also like" cue with less prose after it than before."""
    prose_before = 0.0
    for k in range(lo, hi + 1):
        i = idx[k]
        inf = infos[i]
        if scores[k] > 0:
            prose_before += inf.words
        if k == lo or inf.words > 14:
            continue
        bare = _BULLET.sub("", inf.text).strip()
        if _STRONG_END.search(bare):
            if prose_before >= 40:
                return k
        elif _RELATED_END.match(bare) and prose_before >= 40:
            # a "you may also like" block ends the article when less prose follows it than
            # came before, and the cue is not repeated (inline "Related" boxes recur, with the
            # rest of the story after them)
            after = sum(infos[idx[j]].words for j in range(k + 1, hi + 1) if scores[j] > 0)
            again = sum(infos[idx[j]].text.lower() == inf.text.lower() for j in range(lo, hi + 1))
            if after < prose_before and again == 1:
                return k
    return None


_RELATED_END = re.compile(
    r"^(?:you (?:may|might) also (?:like|enjoy)|editor(?:'?s|s')? (?:picks|choice)|recommended for you|"
    r"more stories|related (?:articles|stories|posts)|das könnte sie auch interessieren|"
    r"vous aimerez aussi|você pode gostar|te puede interesar|potrebbe interessarti)\W*$", re.I)


_WALLS = {"related-links", "comments", "boilerplate", "share-widget", "metadata", "byline", "author-bio",
          "dateline"}


def _cut_at_walls(idx, infos, reasons, scores, lo: int, hi: int) -> tuple[int, int]:
    """Split the region at junk lines ("walls"); a side with no two adjacent prose lines
    (a teaser column: headline, blurb, time, headline, ...) is dropped when the other side
    reads like an article."""
    def pairs_and_mass(a: int, b: int) -> tuple[bool, float]:
        prev_pos, pair, mass, count = False, False, 0.0, 0
        for k in range(a, b + 1):
            r = reasons[idx[k]]
            if r in _INBODY:
                continue
            p = infos[idx[k]].prose and r is None
            if p:
                mass += max(scores[k], 0.0)
                pair = pair or prev_pos
                count += 1
            prev_pos = p
        return pair or count < 2, mass  # one lone paragraph is no teaser column

    changed = True
    while changed and lo < hi:
        changed = False
        for k in range(lo + 1, hi):
            if reasons[idx[k]] not in _WALLS:
                continue
            lp, lm = pairs_and_mass(lo, k - 1)
            rp, rm = pairs_and_mass(k + 1, hi)
            if rm and not rp and lm >= rm:
                hi, changed = k - 1, True
                break
            if lm and not lp and rm > lm:
                lo, changed = k + 1, True
                break
    while lo < hi and scores[hi] <= 0:
        hi -= 1
    while lo < hi and scores[lo] <= 0:
        lo += 1
    return lo, hi


def _isolation(scores: list[float], infos: list[LineInfo], reasons: list[Optional[str]]) -> None:
    """A short prose line with no prose neighbour (a teaser under a headline) counts less;
    in-body junk (ads, captions, related links) between two paragraphs does not isolate them."""
    pos = [s > 0 for s in scores]

    def neighbour(k: int, step: int) -> bool:
        j, seen = k + step, 0
        while 0 <= j < len(scores):
            if reasons[j] in _INBODY:
                j += step
                continue
            if pos[j]:
                return True
            seen += 1
            if seen >= ISOLATED_GAP:
                return False
            j += step
        return False

    for k, s in enumerate(scores):
        if s > 0 and infos[k].words < ISOLATED_WORDS and not neighbour(k, -1) and not neighbour(k, 1):
            scores[k] = s * ISOLATED_FACTOR


_INBODY = {"advertisement", "related-links", "share-widget", "caption"}
ISOLATED_WORDS = 80
PROSE_LONG = 35
JUNK_BASE = 3.0
RUN_STEP = 0.5
RUN_CAP = 4.0
ISOLATED_GAP = 1  # a prose line within this many lines is a neighbour
ISOLATED_FACTOR = 0.25


_NUM_CELL = re.compile(r"^[\d\s.,:;%+/()$€£#–-]*\d[\d\s.,:;%+/()$€£#–-]*$")
TABLE_ROW = 0.5  # score of a data-table row: enough to join the body it sits in, too little to make one


def _data_table_rows(idx: list[int], infos: list[LineInfo]) -> set[int]:
    """Rows of data tables (results, standings, prices): three or more consecutive lines with
    the same number (three or more) of " | " cells, a fifth or more of the cells numbers. A
    navigation bar flattened from a table has no numeric cells."""
    rows: set[int] = set()
    k = 0
    while k < len(idx):
        n = infos[idx[k]].text.count(" | ")
        j = k + 1
        if n >= 2:
            while j < len(idx) and infos[idx[j]].text.count(" | ") == n:
                j += 1
            if j - k >= 3:
                cells = [c.strip() for i in idx[k:j] for c in infos[i].text.split(" | ")]
                if sum(bool(_NUM_CELL.match(c)) for c in cells) >= 0.2 * len(cells):
                    rows.update(idx[k:j])
        k = j
    return rows


def _escalate_runs(scores: list[float], infos: list[LineInfo], reasons: list[Optional[str]]) -> None:
    """Runs of non-prose lines cost more the longer they get: one short line between
    paragraphs is a subheading, ten are a menu or a teaser column."""
    run = 0
    for k, inf in enumerate(infos):
        if scores[k] <= 0:
            run += 1
            if run >= 2:
                scores[k] *= min(1.0 + RUN_STEP * (run - 1), RUN_CAP)
        else:
            run = 0


def _best_region(scores: list[float]) -> tuple[int, int]:
    best, best_lo, best_hi = 0.0, 0, -1
    cur, lo = 0.0, 0
    for i, s in enumerate(scores):
        if cur <= 0:
            cur, lo = 0.0, i
        cur += s
        if cur > best:
            best, best_lo, best_hi = cur, lo, i
    return best_lo, best_hi


def classify_lines(lines: list[str]) -> list[Optional[str]]:
    """``None`` for body lines, else the reason the line is junk (see the module doc).

    Blank lines are returned as ``None`` and ignored by the scoring; they only mark blocks.
    """
    n = len(lines)
    infos = [line_info(ln) for ln in lines]
    _unknown_language(infos)
    reasons: list[Optional[str]] = [line_rule(inf) for inf in infos]
    idx = [i for i in range(n) if infos[i].text]  # non-blank line indices
    _take_related_lists(idx, infos, reasons)
    _repeated_byline_names(idx, infos, reasons)
    table = _data_table_rows(idx, infos)
    found = _main_region(idx, infos, reasons, table)
    if found is None:
        return [reasons[i] or ("boilerplate" if infos[i].text else None) for i in range(n)]
    lo, hi = found
    region = idx[lo:hi + 1]
    _smooth_region(region, infos, reasons, table)
    out = _region_verdicts(infos, reasons, set(region), region[0] if region else n)
    _mark_title_and_section(idx, lo, infos, reasons, out)
    return out


def _take_related_lists(idx: list[int], infos: list[LineInfo], reasons: list[Optional[str]]) -> None:
    """Related-links cue lines take the short headline-like / bulleted lines after them (in place)."""
    k = 0
    while k < len(idx):
        i = idx[k]
        if reasons[i] == "related-links" and _RELATED_CUE.match(_BULLET.sub("", infos[i].text).strip()):
            taken, k = _related_list_after(k, idx, infos, reasons)
            for t in taken:
                reasons[t] = reasons[t] or "related-links"
        else:
            k += 1


def _related_list_after(k: int, idx: list[int], infos: list[LineInfo],
                        reasons: list[Optional[str]]) -> tuple[list[int], int]:
    """The lines of the list under the cue line ``idx[k]`` (at most 12), and the position after them."""
    taken: list[int] = []
    j = k + 1
    bullets = j < len(idx) and infos[idx[j]].bullet
    while j < len(idx) and len(taken) < 12:
        inf = infos[idx[j]]
        if bullets and inf.bullet:
            taken.append(idx[j])
        elif not bullets and not inf.prose and 2 <= inf.words <= 25 and not reasons[idx[j]]:
            taken.append(idx[j])
        else:
            break
        j += 1
    if not bullets and len(taken) >= 2 and j < len(idx) and infos[idx[j]].prose:
        taken.pop()  # the last short line before prose is a subheading
    return taken, j


def _repeated_byline_names(idx: list[int], infos: list[LineInfo], reasons: list[Optional[str]]) -> None:
    """Bare name lines repeating a byline name ("Teilor Stone" next to "By Teilor Stone") are bylines too."""
    names = set()
    for i in idx:
        if reasons[i] == "byline":
            names.add(_norm_name(_BYLINE_STRIP.sub("", _BULLET.sub("", infos[i].text)).strip()))
    for i in idx:
        if not reasons[i] and infos[i].words <= 6 and _norm_name(_BULLET.sub("", infos[i].text)) in names:
            reasons[i] = "byline"


def _main_region(idx: list[int], infos: list[LineInfo], reasons: list[Optional[str]],
                 table: set[int]) -> Optional[tuple[int, int]]:
    """The body region (positions in ``idx``; ``None`` when there is none): the best-scoring run of
    non-blank lines, cut at a comment-section cue once a real body is behind it, then split at junk
    "walls" (teaser columns have no two adjacent paragraphs) and extended over a list it announces."""
    scores = [TABLE_ROW if i in table and not reasons[i] else _score(infos[i], reasons[i]) for i in idx]
    _isolation(scores, [infos[i] for i in idx], [reasons[i] for i in idx])
    _escalate_runs(scores, [infos[i] for i in idx], [reasons[i] for i in idx])
    lo, hi = _best_region(scores)
    if hi >= lo:
        cut = _end_cut(idx, infos, reasons, scores, lo, hi)
        if cut is not None:
            lo, hi = _best_region(scores[:cut])
    if hi < lo:
        return None
    lo, hi = _cut_at_walls(idx, infos, reasons, scores, lo, hi)
    return lo, _extend_to_list(idx, infos, reasons, hi)


def _smooth_region(region: list[int], infos: list[LineInfo], reasons: list[Optional[str]],
                   table: set[int]) -> None:
    """Inside the region, a run of >= 3 short non-prose lines (no blank between them) is a teaser or
    link column, unless a body line ending in a colon announces it as a list (in place)."""
    run: list[int] = []
    introduced = False  # the run follows a body line ending in a colon: a list the text announces
    for k, i in enumerate(region):
        inf = infos[i]
        if reasons[i] is None and not inf.prose and i not in table:
            if not run:
                introduced = k > 0 and _introduces(infos[region[k - 1]], reasons[region[k - 1]]) and inf.bullet
            if introduced and not inf.bullet:
                _close_run(run, infos, reasons)
                introduced = False
                run.append(i)
            elif not introduced:
                run.append(i)
        else:
            _close_run(run, infos, reasons)
            introduced = False
    _close_run(run, infos, reasons)


def _close_run(run: list[int], infos: list[LineInfo], reasons: list[Optional[str]]) -> None:
    """Mark a run of >= 3 short non-prose lines as navigation (bulleted) or related links, and empty it."""
    if len(run) >= 3:
        bl = sum(infos[r].bullet for r in run)
        if bl < len(run) * 0.5 or all(infos[r].words <= 12 for r in run):
            for r in run:
                reasons[r] = reasons[r] or ("navigation" if bl else "related-links")
    run.clear()


def _region_verdicts(infos: list[LineInfo], reasons: list[Optional[str]], inside: set[int],
                     first: int) -> list[Optional[str]]:
    """Each line's verdict: blank lines ``None``, lines in the region their reason, lines outside it
    their reason or navigation (above the region) / boilerplate (below)."""
    out: list[Optional[str]] = []
    for i in range(len(infos)):
        if not infos[i].text:
            out.append(None)
        elif i in inside:
            out.append(reasons[i])
        else:
            out.append(reasons[i] or ("navigation" if i < first else "boilerplate"))
    return out


def _mark_title_and_section(idx: list[int], lo: int, infos: list[LineInfo], reasons: list[Optional[str]],
                            out: list[Optional[str]]) -> None:
    """Title: the nearest headline-like line above the region; section: a lone short bullet there (in place)."""
    for i in reversed(idx[:lo]):
        if lo - idx.index(i) > 12:
            break
        inf = infos[i]
        if reasons[i] is None and inf.bullet and inf.words <= 3:
            if not _neighbour_bullet(infos, i, -1) and not _neighbour_bullet(infos, i, 1):
                out[i] = "section"
                continue
        if reasons[i] is None and not inf.bullet and inf.headline and inf.words >= 3:
            out[i] = "title"
            break


def _introduces(info: LineInfo, reason: Optional[str]) -> bool:
    """A body line that announces a list ("The new rules:", "You will need:")."""
    return reason is None and not info.bullet and info.words >= 2 and info.text.rstrip().endswith(":")


LIST_GAP = 2  # short lines allowed between the region's end and the line announcing a list
LIST_MAX = 40


def _extend_to_list(idx: list[int], infos: list[LineInfo], reasons: list[Optional[str]], hi: int) -> int:
    """A list (bullets or data-table rows) that a body line ending in a colon announces, just at
    or after the region's end, belongs to the article: move the end past it."""
    k = hi
    gap = 0
    while not _introduces(infos[idx[k]], reasons[idx[k]]):
        k += 1
        if k >= len(idx) or gap >= LIST_GAP:
            return hi
        inf = infos[idx[k]]
        if reasons[idx[k]] or (inf.bullet or inf.words > 12) and not _introduces(inf, reasons[idx[k]]):
            return hi
        gap += 1
    j = k + 1
    while j < len(idx) and j - k <= LIST_MAX and infos[idx[j]].bullet and not reasons[idx[j]]:
        j += 1
    return j - 1 if j - 1 > k + 1 else hi  # two items or more


UNKNOWN_STOP = 0.04  # below this stop-word share over the page's longer lines, the language is not in _STOP


def _unknown_language(infos: list[LineInfo]) -> None:
    """On a page in a language we have no stop-words for (Indonesian, Turkish, Czech ...),
    every line would look like a stop-word-free link or name list: give the longer lines a
    neutral stop-word share so that sentence shape and length decide."""
    long = [inf for inf in infos if inf.words >= 7 and inf.tokens]
    tokens = sum(len(inf.tokens) for inf in long)
    if not tokens or sum(inf.stop * len(inf.tokens) for inf in long) / tokens >= UNKNOWN_STOP:
        return
    for inf in long:
        inf.stop = max(inf.stop, 0.15)


def _neighbour_bullet(infos: list[LineInfo], i: int, step: int) -> bool:
    j = i + step
    while 0 <= j < len(infos) and not infos[j].text:
        j += step
    return 0 <= j < len(infos) and infos[j].bullet and abs(j - i) == 1


_BYLINE_STRIP = re.compile(r"^(?:by|von|par|por|di|door|av|af|from|written by|posted by|words by|reporting by|"
                           r"story by|text:|autor(?:in)?:?|author:?|auteur:?|"
                           r"(?:text|texte|texto|tekst)(?:\s*(?:&|und|and|et|y|i|og)\s*(?:fotos?|photos?|bilder))?\s*:|"
                           r"interview\s*:|verfasst von:?)\s+", re.I)


def _norm_name(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip(" ,.|•").lower())
