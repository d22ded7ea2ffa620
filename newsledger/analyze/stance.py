"""The stance of a claim (one of :data:`newsledger.model.STANCES`), from its cue and the start
of its content: "was unable to confirm" -> cannot-confirm, "declined to
comment", "refused to say", "would not confirm" -> declines-comment, "accused"/"condemned" -> accuses
(not when held back: "were loath to criticise"), "urged"/"called on"/"told residents to leave" ->
appeals, "hope for" -> hopes, "very worrying" -> concerned, "is expected to"/"We expect"/"predicts"
-> expects, and "X will ..." only before a change foreseen ("fares will rise"; not an arrangement
announced, nor a pronoun's own plan: "it will launch ..."), "denied" -> denies, "claimed
responsibility" -> claims-responsibility; anything else asserts.

A negated cue (:func:`cue_negated`: "did not deny", "has not said", "never confirmed") is no
denial, accusation or appeal: a negated communication verb declines comment ("did not admit or
deny wrongdoing"), a negated cognition verb ("does not think X") asserts. A question put by the
source (:func:`is_question`) is kind "question" with stance "asks"."""
from __future__ import annotations

import re

from newsledger.model import STANCES

# what a forecast foresees: a change ("sales will rise", "output will expand", "it will become ...")
_CHANGE_VERBS = (r"(rise|fall|increase|decrease|grow|expand|decline|drop|shrink|climb|surge|soar|slow|slump|"
                 r"double|triple|halve|worsen|improve|recover|contract|plunge|jump|ease|weaken|strengthen|become)\b")
_RULES: list[tuple[str, str, str]] = [
    # (stance, where: cue|content|both|lead, regex)
    ("denies", "both", r"\bplead\w*\s+not\s+guilty\b"),
    ("asserts", "both", r"\bplead\w*\s+guilty\b"),
    ("declines-comment", "both",
     r"\b(declin(e|es|ed|ing)|refus(e|es|ed|ing))\b(?: \w+){0,2} (to )?(comment|respond|discuss|elaborate|answer|"
     r"say|specify|disclose|reveal|identify|name|confirm|detail|divulge|speculate)\b|"
     # a refusal to tell: "would not say what ...", "won't confirm whether ..."
     r"\b(would not|wouldn[’']t|will not|won[’']t)(?: \w+)? (say|confirm|disclose|reveal|specify|identify|"
     r"name|discuss|elaborate|detail|divulge|speculate)\b|"
     r"\b(did not|didn't|has not|hasn't|have not|haven't|could not|couldn't)(?: \w+){0,2} "
     r"(respond|return|reply)\w*\b|\bno comment\b|\bnot (immediately )?available for comment|"
     r"\b(could not|couldn[’']t|cannot|can[’']t|can not|would not|wouldn[’']t|will not|won[’']t)"
     r"(?: \w+)? comment\b"),
    ("cannot-confirm", "both",
     r"\b(unable|not able|could not|couldn't|cannot|can't|can not|did not|didn't)"
     r"(?: \w+){0,2} (to )?(confirm|verify|corroborate)\w*"),
    # claiming responsibility is the source's own act (its cue, or "we claim ..."): "He has taken responsibility for
    # ..." in a content reports another's act
    ("claims-responsibility", "cue", r"\b(claim\w*|took|take\w*|assum\w*) (full |the )?(responsibility|credit)\b"),
    ("claims-responsibility", "content", r"^\W*(we|i) (\w+ )?claim\w* (full |the )?(responsibility|credit)\b"),
    ("denies", "cue", r"\b(den(y|ies|ied|ying)|reject\w*|refut\w*|disput\w*|dismiss\w*|rebut\w*)\b"),
    ("accuses", "cue", r"\b(accus\w*|blam\w*|alleg\w*|charg\w*)\b"),
    # criticism: "condemned the attack", "criticised the royals", "complained that ..." (not the
    # noun "complaints"); held back ("were loath to criticise") it is none (:func:`held_back`)
    ("accuses", "cue", r"\b(condemn\w*|critici[sz]\w*|blast(s|ed|ing)|slamm?(s|ed|ing)|lambast\w*|denounc\w*|"
                       r"complain(s|ed|ing)?)\b"),
    # the verbs' own forms: not "urgent", "began", "Begala"
    ("appeals", "cue", r"\b(urg(e|es|ed|ing)|call\w*(?: \w+){0,3} (on|upon|for)|demand\w*|appeal\w*|plead\w*(?! (not )?guilty)|"
                        r"implor\w*|beg(s|ged|ging)?|press\w* for)\b"),
    ("appeals", "content", r"^\W*(we |i )?(demand|urge|call on|call for|appeal)\b"),
    # a request or order with what is asked, by the cue's own verb near the start ("asked for answers",
    # "asked that the county provide", "told residents to leave", "warned people to move south"): not a
    # question ("asked veterans whether ..."), nor another's asking in the content ("the inquiry had asked for")
    ("appeals", "both", r"^\W*(?:[\w’'-]+ ){0,2}ask(s|ed|ing)?\b(?! (?:(?:me|him|her|them|us|you|\w+s) )?(?:whether|if|why|"
                        r"how|what|when|where|who|which)\b)(?:(?: [\w’']+)? (for|that)\b|(?: [\w’']+){1,4} to (?-i:[a-z])\w*)|"
                        r"^\W*(?:[\w’'-]+ ){0,2}(tell|tells|told|telling|order\w*|direct(s|ed|ing)?|warn\w*)\b"
                        r"(?! (?:that|we|i|he|she|they|it|you)\b)(?: (?!(?:had|has|have|was|were|is|are|would|will|could|"
                        r"need|needs)\b)[\w’'-]+){0,3}\W+to (?!the\b|a\b|an\b)(?-i:[a-z])\w*"),
    ("hopes", "cue", r"\bhop(e|es|ed|ing)\b"),
    # requests and advice ("encouraged residents to ...", "requested more information", "warned
    # against"); after "hopes", so that "hopes this will encourage ..." still hopes
    ("appeals", "cue", r"\b(encourag\w*|request(s|ed|ing)?|instruct(s|ed|ing)?|advis(e|es|ed|ing)|recommend\w*|"
                       r"warn\w* against)\b"),
    ("hopes", "content", r"^\W*(?:(?!the\b)\w+ ){0,2}hopes?\b"),  # not a subject noun: "The hope of a recovery is ..."
    ("concerned", "cue", r"\b(worr\w*|concern\w*|alarm\w*|fear\w*|troubl\w*)\b"),
    ("concerned", "content", r"\b(very|deeply|extremely|seriously|particularly|highly) (worrying|worried|concerning|"
                             r"concerned|alarming|troubling|disturbing)\b|\b(worrying|alarming|troubling)\W*$"),
    ("expects", "cue", r"\b(expect\w*|predict\w*|forecast\w*|anticipat\w*|project\w*|foresee\w*)\b"),
    ("expects", "content", r"^\W*(we|i) (?:(?!would|could|might)\w+ )?(expect|predict|forecast|anticipate)\b|"
                           r"\b(is|are|was|were|be) (widely |also )?expected to\b|\bis set to\b|"
                           r"\bare set to\b|\bis likely to\b|\bare likely to\b"),
    # "will" counts only as the main clause's auxiliary near the start ("X will ..."), not in a
    # relative clause ("a plan that will ...") or further on, and only before a change foreseen ("sales
    # will rise", "output will expand by 2 percent"): an arrangement announced ("the vaccine will be
    # administered at ...", "the plant will be connected to ...") or a pledge asserts
    ("expects", "lead", r"^\W*(?!(?:\w+ ){0,5}(?:who|which|that|where|when|if|whether) )(?:[\w’'-]+ ){1,6}(will|won't|"
                        r"is going to|are going to) (?:\w+ )?(?:continue to )?" + _CHANGE_VERBS),
]
_COMPILED = [(s, w, re.compile(r, re.I)) for s, w, r in _RULES]
assert all(s in STANCES for s, _, _ in _RULES)


_OWN_PLAN = re.compile(r"^\W*(?:that\s+)?(?:he|she|it|they|we|i)\s*"
                       r"(?:will|won[’']t|[’']ll|is going to|are going to)\b", re.I)


def announces_own_plan(content: str) -> bool:
    """A content led by a pronoun and "will" ("it will launch a new app", "he will present the
    case", "we'll be closing"): the source announces what it (or the one it speaks for) will do,
    which asserts an intention rather than expects an outcome."""
    return bool(_OWN_PLAN.match(content))


def stance_for(cue: str, content: str) -> str:
    """Stance from the cue text and the content text."""
    cue = " ".join(cue.split())
    head = " ".join(content.split()[:25])
    lead = cue + " " + " ".join(content.split()[:6])
    for stance, where, rx in _COMPILED:
        if where == "cue" and rx.search(cue):
            return stance
        if where == "both" and rx.search(lead):
            return stance
        if where == "content" and rx.search(head if stance != "concerned" else content):
            return stance
        if where == "lead" and rx.search(" ".join(content.split()[:8])) and not announces_own_plan(content):
            return stance
    return "asserts"


NEG_WORDS = {"not", "n't", "never", "no", "neither", "nor"}
COGNITION = {"think", "believe", "expect", "know", "feel", "consider", "suspect", "doubt", "see", "find"}
ASK_VERBS = {"ask", "wonder", "question", "inquire", "enquire", "query", "press", "push", "quiz", "demand"}
WH_WORDS = {"whether", "if", "why", "how", "what", "when", "where", "who", "which", "whom"}
KEEP_WHEN_NEGATED = {"cannot-confirm", "declines-comment"}


def _cue_tokens(doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    return list(span) if span is not None else []


def cue_negated(doc, start: int, end: int) -> bool:
    """Whether a negation governs the cue: a "neg" dependent of a cue word, or "not"/"never"
    among the cue's words and the auxiliaries right before it ("did not deny")."""
    toks = _cue_tokens(doc, start, end)
    if not toks:
        return False
    for t in toks:
        if t.lower_ in NEG_WORDS or any(c.dep_ == "neg" for c in t.children):
            return True
    j = toks[0].i - 1
    while j >= 0 and j >= toks[0].i - 3 and doc[j].pos_ in ("AUX", "PART", "ADV"):
        if doc[j].lower_ in NEG_WORDS:
            return True
        j -= 1
    return False


AUX_OPENERS = {"are", "is", "am", "was", "were", "do", "does", "did", "can", "could", "will", "would", "should",
               "shall", "have", "has", "had", "may", "might", "must", "isn't", "aren't", "don't", "doesn't",
               "didn't", "can't", "won't", "shouldn't", "wouldn't", "couldn't"}
# a statement ends before the question: "... amazing. But what more ...?" / "... a lot," "How ...?"
_STATEMENT_FIRST = re.compile(r"[a-z]{2}[.!][\"”’]?\s|,[\"”]\s*[\"“]")


def _statement_then_question(body: str) -> bool:
    """A content that states something before its closing question asserts rather than asks."""
    m = _STATEMENT_FIRST.search(body)
    return bool(m) and "?" not in body[:m.start()]


def is_question(claim, doc=None, text: str = "") -> bool:
    """A question put by the source: content ending in "?" (unless a statement comes first,
    :func:`_statement_then_question`), or an asking cue ("asked", "wondered") with a whether/wh-
    content ("asked why ...") or one opening with an inverted auxiliary ("asked: are you ...")."""
    body = claim.content.text.rstrip(" \"'”’»)")
    if body.endswith("?"):
        return not _statement_then_question(body)
    toks = _cue_tokens(doc, claim.cue.start, claim.cue.end)
    words = claim.cue.text.lower().split()  # without a parse: "asked" -> "ask" by its ending
    lemmas = {t.lemma_.lower() for t in toks} or {*words, *(re.sub(r"(ed|s|ing)$", "", w) for w in words)}
    first = claim.content.text.strip(" \"“‘'").split(" ", 1)[0].lower().replace("’", "'")
    return bool(lemmas & ASK_VERBS) and (first in WH_WORDS or first in AUX_OPENERS)


def _negated_stance(claim, stance: str) -> str:
    if stance in KEEP_WHEN_NEGATED:
        return stance
    words = set(claim.cue.text.lower().split())
    if any(w.startswith(tuple(COGNITION)) for w in words):
        return stance_for("", claim.content.text)
    return "declines-comment"


_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)]*(?=\s)|\n")
_AFTER_CUE = re.compile(_SENTENCE_END.pattern + r"|,|\s[A-Z]")  # after a cue that follows its content


def widened_cue(claim, text: str) -> str:
    """The cue's own words, plus what follows it up to the content ("called on", "declined to
    comment") and a negation or refusal right before it ("unable to confirm"), all within the cue's
    sentence: a content before the cue ("..., she said. Others pleaded ...") lends the cue no words
    of the next sentence, nor of a clause after a comma ("..., he said, urging calm", "..., said Ann
    Begg, who ...": another act, or the speaker's name)."""
    before = claim.content.start <= claim.cue.end
    tail = text[claim.cue.end:claim.cue.end + 25 if before else min(claim.content.start, claim.cue.end + 25)]
    stop = (_AFTER_CUE if before else _SENTENCE_END).search(tail)
    cue = text[claim.cue.start:claim.cue.end] + (tail[:stop.start()] if stop else tail)
    lead = text[max(0, claim.cue.start - 25):claim.cue.start]
    if re.search(r"\b(unable|not|n't|declin\w*|refus\w*)\b\W*(\w+\W+){0,2}$", lead):
        cue = _SENTENCE_END.split(lead)[-1] + cue
    return cue


_HELD_BACK = re.compile(r"\b(loath|loth|reluctant|unwilling|hesitant|refus\w*|declin\w*|stop\w* short of|"
                        r"avoid\w*)\W+(to\W+)?$", re.I)


def held_back(claim, text: str) -> bool:
    """Whether the source held back from the cue's act: "were loath to criticise", "refused to
    condemn", "stopped short of condemning" (the words right before the cue, in its sentence)."""
    lead = _SENTENCE_END.split(text[max(0, claim.cue.start - 40):claim.cue.start])[-1]
    return bool(_HELD_BACK.search(lead))


def stance_of(claim, doc=None, text: str = "") -> str:
    """Stance of a :class:`~newsledger.model.Claim` from its cue (:func:`widened_cue` when the
    text is given) and its content."""
    cue = widened_cue(claim, text) if text else claim.cue.text
    stance = stance_for(cue, claim.content.text)
    if stance == "accuses" and text and held_back(claim, text):
        return "asserts"
    if getattr(claim.cue, "negated", False):
        return _negated_stance(claim, stance)
    return stance
