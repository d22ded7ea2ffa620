"""Vocabulary of the line classifier (:mod:`newsledger.extract.lines`): stop-words per language,
and the cue patterns of each junk reason (share widgets, ads, related links, comments,
boilerplate, captions, by-lines, author bios, dates, metadata, agency datelines) and of the
article's end."""
from __future__ import annotations

import re

from newsledger import agencies as A


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
ALL_STOP = set().union(*STOPWORDS.values())

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+", re.UNICODE)
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
# list bullets of every flattener; inscriptis marks nested items "+" and, indented, "o"
BULLET = re.compile(r"^\s*(?:[•·▪►▸»›◦‣∙●○■□–—*+\-]|\d{1,2}[.)])\s+|^\s{2,}o\s+(?=\S)")
END_PUNCT = re.compile(r"[.!?。！？…:\"”’»]\s*$")
SENT_PUNCT = re.compile(r"[.!?。！？…][\"”’»)]*(?:\s|$)")
URL = re.compile(r"https?://|www\.|\.(?:com|org|net|co\.uk)\b", re.I)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
PHONE = re.compile(r"(?:\+\d{1,3}[\s-]?)?(?:\(\d{2,4}\)|\b\d{1,4})[\s-]\d{3,4}[\s-]\d{3,5}\b")

SHARE_WORDS = {
    "share", "shares", "sharing", "this", "article", "story", "post", "page", "on", "via", "tweet",
    "facebook", "twitter", "x", "linkedin", "whatsapp", "email", "e", "mail", "print", "pinterest",
    "reddit", "copy", "link", "messenger", "telegram", "flipboard", "pocket", "tumblr", "sms", "the",
    "love", "spread", "save", "comment", "comments", "google", "plus", "vk", "xing", "teilen",
    "drucken", "partager", "compartir", "condividi", "share on", "pin", "it", "gift", "bookmark",
    "font", "size", "a", "text", "listen", "to", "mastodon", "bluesky", "threads",
}
SHARE_LINE = re.compile(
    r"^(?:spread the love|share (?:this|the|on|via|article|story|post)\b.*|share|tweet|"
    r"click to share.*|share this:?|sharing is caring|like this:?|teilen|partager|compartir)$", re.I)
AD = re.compile(
    r"\b(?:deposit bonus|first deposit|welcome bonus|free spins|online casino|casino bonus|sportsbook|betting (?:odds|tips|site)|"
    r"bet now|place your bet|promo code|bonus code|no deposit|wager(?:ing)? requirement|"
    r"advertisement|advertising|anzeige|publicité|publicidad|pubblicità|sponsored(?: content| by| post)?|"
    r"paid (?:content|partner|post)|partner content|promoted (?:content|stories|links)|"
    r"ad feedback|story continues below|continue reading (?:below|the main story)|"
    r"scroll (?:down )?to continue|skip (?:this )?ad(?:vert)?)\b", re.I)
MONEY_PCT = re.compile(r"\d+\s*%.*(?:[€$£]\s?\d|\d\s?[€$£])|(?:[€$£]\s?\d|\d\s?[€$£]).*\d+\s*%")
BONUS = re.compile(r"\b(?:bonus|odds|bet|spins|jackpot|slots?|poker|claim)\b", re.I)
RELATED_CUE = re.compile(
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
RELATED_INLINE = re.compile(
    r"^(?:read (?:also|more|next)|also read|see also|related(?: article| story| coverage)?|more|watch|"
    r"listen|recommended|lesen sie auch|lire aussi|à lire aussi|leer más|leggi anche|leia também|"
    r"czytaj (?:też|także)|puedes ver|lee también|ver también|dowiedz się więcej|zobacz też|veja também|"
    r"leia mais|mehr dazu|auch interessant)\s*[:|»›>]\s+\S", re.I)
END_CUE = re.compile(
    r"^(?:(?:\d+|no)\s+(?:comments?|responses?|replies|kommentare?)|comments?(?:\s*\(\d+\))?|"
    r"leave a (?:reply|comment)|post a comment|add a comment|join the (?:discussion|conversation)|"
    r"show comments|view comments|load comments|what do you think\??|have your say|"
    r"about the author|about (?:the )?(?:writer|reporter)|related (?:posts|articles|stories|content|"
    r"news|coverage|topics|tags)|tags?|topics?|filed under|share this(?: article| story)?|"
    r"more (?:from|stories from|in) [\w' &-]{2,40}|you (?:may|might) also like|recommended(?: for you)?|"
    r"kommentare?|kommentieren|commentaires?|comentarios?|commenti|reacties|komentarze)\s*[:»›]?$", re.I)
COMMENT = re.compile(
    r"(?:^.{1,60}\b(?:says|said|wrote|schreibt|dit|dice):$|^reply$|^report(?: comment| abuse)?$|^(?:\d+ )?(?:likes?|upvotes?)$|"
    r"your email address will not be published|required fields are marked|"
    r"you must be logged in to (?:post|comment)|log ?in to (?:reply|comment)|"
    r"comments? (?:are|is) closed|notify me of (?:new|follow-up)|save my name, email|"
    r"commenting (?:policy|guidelines)|community guidelines|^newest first|^oldest first|^sort by)", re.I)
BOILER = re.compile(
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
CAPTION = re.compile(
    r"(?:^(?:photo|photos|image|images|picture|pic|foto|fotos|bild|photograph|illustration|credit|"
    r"caption|file photo|image caption|image copyright|media caption|source)\s*(?:credit\s*)?[:|/©]|"
    r"^\(?(?:photo|image|picture|foto) (?:by|courtesy|credit|:)|"
    r"\((?:photo|image|picture|foto)?\s*:?\s*(?:afp|ap|reuters|getty|getty images|epa|dpa|xinhua|"
    r"file|handout|supplied|istock|shutterstock)[^)]*\)\s*$|"
    r"(?:getty images|shutterstock|istock(?:photo)?|afp via getty|ap photo|reuters/|/ reuters|"
    r"\| reuters|\| ap|/ap\b|/afp\b|epa-efe)\b|\bphoto(?:graph)?:\s|"
    r"\((?:symbolbild|archivbild|archivfoto|foto|bild|quelle|photo|image|credit)\b[^)]{0,80}\)\.?\s*$|"
    r"\b(?:foto|bild|fotos|quelle):\s*[\w/ .-]{2,40}$)", re.I)
BYLINE = re.compile(
    r"^(?i:by|von|par|por|di|door|av|af|written by|posted by|words by|reporting by|story by|"
    r"text:|autor(?:in)?:?|author:?|auteur:?)\s+(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|[a-z]{1,3}\s+[A-Z])", re.U)
BIO = re.compile(
    r"(?:\b(?:has been|is|was) an? (?:[\w-]+ ){0,3}(?:reporter|writer|journalist|correspondent|editor|"
    r"columnist|contributor|producer|author|freelancer|blogger|photographer)\b.*\b(?:since|for|at|covering|"
    r"based)\b|\bto get in touch\b|\bcontact (?:me|him|her|them) (?:at|through|via|on)\b|"
    r"\bfollow (?:him|her|me|them) on (?:twitter|x|instagram|facebook)\b|\breach (?:him|her|me) at\b|"
    r"\b(?:he|she) (?:previously )?(?:worked|wrote) (?:as|for) \b.*\b(?:before joining|since)\b|"
    r"\bbefore joining\b.*\b(?:worked|was)\b|^about the author)", re.I)
DATE_WORDS = (r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|"
              r"aug(?:ust|\.)?|sep(?:t(?:ember)?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?|"
              r"januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|"
              r"juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|"
              r"julio|agosto|septiembre|octubre|noviembre|diciembre)")
DATE = re.compile(
    rf"(?:\b\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|"
    rf"\b{DATE_WORDS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b|\b\d{{1,2}}\.?\s+{DATE_WORDS}\.?\s+\d{{4}}\b|"
    rf"\b\d{{1,2}}:\d{{2}}\b|\b\d+\s+(?:minutes?|hours?|days?|weeks?|months?)\s+ago\b|"
    rf"\bvor\s+\d+\s+(?:minuten|stunden|tagen|wochen|monaten)\b|\bil y a\s+\d+\s+(?:minutes?|heures?|jours?)\b|"
    rf"\bhace\s+\d+\s+(?:minutos?|horas?|días?|semanas?)\b)", re.I)
META = re.compile(
    r"^(?:published|updated|posted|last (?:updated|modified)|first published|date|veröffentlicht|"
    r"aktualisiert|erstellt|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|stand)\b|"
    r"\b\d+\s*(?:min(?:ute)?s?\.?|minutes?)\s+(?:read|reading|de lecture|lesezeit)\b|"
    r"\breading time\b|\blesezeit\b|^\d[\d,.]*\s*(?:views|reads|shares|comments)$", re.I)
TWEET = re.compile(r"^[—–-]\s*.{1,80}\(@\w+\)")
AGENCY_NAMES = A.pattern() + "|" + A.GENERIC_PATTERN
AGENCY_LINE = re.compile(rf"^(?:\w+\s+){{0,3}}?\(?(?:{AGENCY_NAMES})\)?(?:\s+(?:in|from|–|-|/)\s+[\w .'-]+)?$")

NETWORKS = {"facebook", "twitter", "whatsapp", "linkedin", "pinterest", "reddit", "telegram", "messenger",
            "tumblr", "flipboard", "xing", "vk", "mastodon", "bluesky", "instagram", "youtube", "tiktok"}

BYLINE_STRIP = re.compile(r"^(?:by|von|par|por|di|door|av|af|from|written by|posted by|words by|reporting by|"
                          r"story by|text:|autor(?:in)?:?|author:?|auteur:?|"
                          r"(?:text|texte|texto|tekst)(?:\s*(?:&|und|and|et|y|i|og)\s*(?:fotos?|photos?|bilder))?\s*:|"
                          r"interview\s*:|verfasst von:?)\s+", re.I)

STRONG_END = re.compile(
    r"^\[?\s*(?:\d+|no)\s+(?:comments?|responses?|replies|reactions|kommentare?|commentaires?|comentarios?)\b|"
    r"^(?:comments?|leave a (?:reply|comment)|post a comment|add a comment|join the (?:discussion|conversation)|"
    r"top rated comments|reader comments|discussion|show comments|view comments|load comments|about the author|"
    r"kommentare?|commentaires?|comentarios?|commenti|reacties|komentarze)\b.{0,40}$|"
    r"\bresponses? to [“\"]|\bthoughts on [“\"]|\breplies to [“\"]|\bsays:$|\bsaid:$", re.I)


RELATED_END = re.compile(
    r"^(?:you (?:may|might) also (?:like|enjoy)|editor(?:'?s|s')? (?:picks|choice)|recommended for you|"
    r"more stories|related (?:articles|stories|posts)|das könnte sie auch interessieren|"
    r"vous aimerez aussi|você pode gostar|te puede interesar|potrebbe interessarti)\W*$", re.I)
