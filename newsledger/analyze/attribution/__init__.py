"""Attributed claims: who said (reported, denied, expected, ...) what.

``find_claims(doc, text)`` runs rules over the spaCy dependency parse of ``text`` plus a
character-level quotation finder (one paragraph at a time):

1. **Cues.** A verb is a cue when its lemma is in the lexicon learned from PolNeAR train
   (``data/cue_lexicon.json``, see ``scripts/build_cue_lexicon.py``), plus fixed patterns:
   "according to X", a sentence-initial "For X, ..." frame, "declined to comment",
   "X: text" and "“quote” ― Name" layouts.
2. **Content.** The ``ccomp``/``xcomp`` complement; else, for "Y, X said", the head clause minus
   the cue's own phrase; else the object phrase (``dobj`` plus later ``prep``/``oprd``/... siblings)
   or the object of a preposition right after the verb ("called for X").
3. **Source.** The subject (``nsubj``; for a passive, the ``by`` agent); a relative "who" takes
   the noun it modifies; conjoined verbs and subject-less participles ("..., saying") inherit the
   subject of the verb they hang off.
4. **Quotes.** Content is clipped to the cue's paragraph and widened to any quotation it touches;
   a quotation right after the cue ("“A,” he said, “B.”") or opening the next sentence is added
   as another piece.
5. **Univocal clean-up.** As in PolNeAR, a token has one role: a claim whose cue lies inside a
   larger claim's content is dropped (largest content first).

Learned parts (``learned.py``, trained on PolNeAR train by ``scripts/train_attribution.py``;
``data/MODEL_CARD.md``): when ``data/cue_model.json`` is shipped, every verb is a cue candidate
and a logistic-regression cue classifier keeps or drops it (the lexicon becomes a feature); a
linear ranker (``data/boundary_model.json``) then picks the content boundaries among rule
variants, and an edge model (``data/edge_model.json``) moves the content's start and end tokens.
In that mode possessed nouns ("Trump's claim that X") are cue candidates too.
``find_claims(..., model=None)`` runs the rules alone. ``find_claims(..., statements_only=True)``
(the default, the product setting) keeps reported statements only (:func:`is_statement`).

Sources are then given canonical names by :func:`newsledger.analyze.speakers.resolve_speakers`
and a stance by :func:`newsledger.analyze.stance.stance_of`.

Modules: ``base.py`` (lexicon, quotation finder, shared parse helpers), ``extractor.py`` (the rule
candidates, steps 1-5), ``trimming.py`` (cutting content to what was said), ``tagger.py`` (the
BiLSTM token tagger), ``tagger_claims.py`` (its own claims and sources), ``learned.py`` (the cue
classifier, boundary ranker and edge model).
"""
from __future__ import annotations

import re
from typing import Optional

from newsledger.analyze.attribution.base import (ADDRESSEE_VERBS, SPEECH_VERBS, Cand, merge_ranges,  # noqa: F401
                                                 tok_ranges, tokens_of, lexicon, paragraph_bounds, quote_kind,
                                                 quote_paragraph, quote_spans, quoted_mask)
from newsledger.analyze.attribution.extractor import Extractor  # noqa: F401
from newsledger.model import Claim, Content, Cue, Source


# commitments and efforts with a to-infinitive report what someone will do, not what they said
COMMITMENT_VERBS = {"agree", "vow", "pledge", "promise", "decide", "plan", "continue", "strive", "try", "seek",
                    "intend", "aim", "offer", "press", "push", "refuse"}
REFERENCE_VERBS = {"cite", "refer"}  # with a bare noun phrase they name a source or a topic, not a statement
# "expected to return to work", "is not expected to send": with a to-infinitive, a forecast of a deed, not what
# anyone said ("want"/"hope" to were tried too: the annotators count "hopes to secure more contributions")
INTENT_VERBS = {"expect"}
# with a bare noun phrase these name what was talked about, not what was said ("described his attempt",
# "explained it to me", "listed several questions"); a statement only with a predicate ("described it as Y")
# ("remember"/"recall" a thing were left out: the annotators count "recalls a woman on an LGP-30 doing ...")
# "replied to a request for comment", "responded to the criticism": what was answered, not the answer
TOPIC_VERBS = {"describe", "explain", "discuss", "detail", "list", "mention", "reveal", "identify", "tout", "dismiss",
               "show", "outline", "reply", "respond"}
# with a bare noun phrase these are deeds ("ordered a strike", "issued warnings", "had posted a link",
# "admitted a charge": a plea in court, "declared a state of emergency": a measure taken), though PolNeAR's
# lexicon counts them as cues ("declared the bridge unsafe" parses as a clause and stays a statement)
DEED_VERBS = {"order", "issue", "post", "seek", "chant", "admit", "declare"}
# knowing, learning and finding out: the reporter's narration of what a person knew ("she knew that ...",
# "learned that 3M ..."), true by the verb itself; "seem" only describes
KNOWING_VERBS = {"know", "learn", "discover", "seem"}
# wishes, choices, efforts and making others act ("wants to build a pier", "opted to back the plan", "attempted
# stop and frisk", "appointed her to serve", "persuaded the board to delay", "the bill would require providers to
# store"): what someone wanted or did, never what was said, whatever their complement, unless a quotation goes
# with it ("wants to see the corridor reach Angola.¶“Bringing in Angola ...”", :func:`_a_bare_wish`) ("hope" is
# left out: the annotators count "hopes to secure more contributions"); approving and voting are decisions taken
# ("approved a bill Tuesday that would extend ...", "the board approved that the ferry would run", "voted to
# approve a plan"), whatever clause the parser hangs on them
WILL_VERBS = {"want", "wish", "opt", "choose", "attempt", "persuade", "appoint", "require", "approve", "vote"}
WH_INFINITIVE = re.compile(r"[\"“‘']?\s*(?:how|what|where|when|which|who)\s+to\s", re.I)  # "told how to prepare"
# an embedded question or an "about" phrase after "say" names what was talked about, not what was said ("The
# minister says what the plan would do", "Her notes say little about how the pair wrote the code"); refusals
# ("would not say what") stay claims
QUESTION_WORDS = {"what", "how", "when", "where", "why"}
REFUSING_VERBS = {"decline", "refuse", "fail"}  # "declined to say how": a refusal, which the annotators count
# verbs whose object is the person spoken to: in the passive ("was asked whether", "Asked why X, she said",
# "the court was told") the subject is the one addressed, and who spoke is not said
ADDRESSED_CUES = ADDRESSEE_VERBS | {"ask", "question"}
# the writer's own voice: a cue outside any quotation whose subject is one of these is the reporter's question or
# remark ("When I suggest the public ..., he ...", "I ask if ...": an interview written in the first person)
WRITER_SUBJECTS = {"I", "we", "We"}
# a subject that names nobody ("No one can say how long ...", "Few would argue that ..."): the writer's own
# assertion dressed as a source, not anyone's statement
NOBODY = re.compile(r"(?:no[ -]one|nobody|none|few)\b", re.I)
# an object that is the person or body addressed, or a time ("..., he told Reuters", "..., she said Tuesday")
OBJECT_ENTITIES = {"PERSON", "ORG", "GPE", "NORP", "DATE", "TIME"}
CLAUSE_PATHS = ("comp", "head", "colon")  # content built from a clause (complement, "Y, X said", "X said: Y")


def is_statement(c: Cand, ex: "Extractor") -> bool:
    """Whether a claim reports a statement (the product's notion of a claim) rather than an
    action or a stance. PolNeAR also counts actions ("called an emergency meeting", "made a rare
    visit") as attributions, and the learned cue classifier keeps them; the product does not.
    A claim is a statement when its cue is a fixed pattern ("according to", layouts), or its
    content is (partly) a quotation, or its content is a clause (complement, "Y, X said",
    "X said: Y"), or its cue verb is a reporting verb of the train lexicon (a lemma that heads a
    gold cue in >= 25% of its >= 5 train uses: say, deny, criticize, reiterate, ...) used the way
    the rules accept it (no "needs a complement / predicate" flag: "called X Y", not "called a
    meeting"). A commitment or effort with a to-infinitive ("agreed to remove", "vowed to") and
    "pressed"/"pushed" are deeds unless quoted."""
    quoted = any(ex.qmask[i] for s, e in c.content for i in range(s, e) if ex.text[i].isalnum())
    if c.rule == "tagger":  # a cue the tagger found: a quotation, or a reporting word in the cue
        from newsledger.analyze.attribution.learned import tokens_of

        return quoted or any(ex.doc[i].lemma_.lower() in ex.lex["verbs"] for i in tokens_of(ex.doc, [c.cue]))
    if c.rule != "verb":
        return True
    if _addressed_in_the_passive(c, ex):
        return False
    if _fronted_before_its_object(c, ex):
        return False
    if quoted:
        return True
    if c.lemma in COMMITMENT_VERBS and (c.extra.get("path") == "comp-xcomp" or c.lemma in ("press", "push")):
        return False  # "agreed to remove", "vowed to strike back", "pressed him on": deeds, not words
    if _names_no_statement(c, ex):
        return False
    if c.lemma in REFERENCE_VERBS and ex.doc[c.cue_i].tag_ == "VBG" \
            and str(c.extra.get("path", "")).split("-")[0] in ("dobj", "prep"):
        return False  # "..., citing congressional debate", "referring to Mexico": a reference, nothing said
    if c.extra.get("path", "none").split("-")[0] in CLAUSE_PATHS or c.extra.get("path") == "noun-clause":
        return True
    return c.lemma in ex.lex["verbs"] and not c.extra.get("flags")


def _fronted_before_its_object(c: Cand, ex: "Extractor") -> bool:
    """"In his 2009 book, ''Save Early'', Mr. Lee suggested looking at ...", "The plan was well received,
    and in his remarks Dr Lee suggested a wider forum": the content lies before the cue verb while the verb
    has its own object or clause right after it (no punctuation between), so the verb's words are what
    follows it and the fronted words are not what was said. A wholly quoted content ("“...,” she said")
    stays, and so do the person told ("..., she told reporters", "..., he warned them") and time words
    ("..., he said Tuesday"), and so does an inverted "[clause], said [speaker]" (``inverted.py``), whose
    speaker after the verb the parser may have read as its object or clause."""
    if c.lemma in ADDRESSEE_VERBS or not c.content or c.content[-1][1] > c.cue[0] or c.extra.get("inverted"):
        return False
    if all(ex.qmask[i] for s, e in c.content for i in range(s, e) if ex.text[i].isalnum()):
        return False
    verb = ex.doc[c.cue_i]
    return any(ch.i > verb.i and ch.dep_ in ("ccomp", "xcomp", "dobj") and ch.pos_ not in ("PRON", "PROPN")
               and ch.ent_type_ not in OBJECT_ENTITIES
               and not any(t.is_punct for t in ex.doc[verb.i + 1:ch.left_edge.i]) for ch in verb.children)


def _the_writer_speaks(c: Cand, ex: "Extractor") -> bool:
    """"When I suggest the town cannot afford it, she laughs": the speaker is the writer ("I"/"we" as the
    subject of a cue outside any quotation), who asks and remarks but is not a source the article reports
    (inside a quotation, "we've found that ..." is the quoted speaker's and stays); so is a subject that
    names nobody ("No one can say ...", "Few would argue ...", :data:`NOBODY`)."""
    if c.source is None or c.cue[0] < 0:
        return False
    s, e = c.source
    said = ex.text[s:e]
    return (said in WRITER_SUBJECTS or bool(NOBODY.match(said))) and not ex.qmask[c.cue[0]]


def _addressed_in_the_passive(c: Cand, ex: "Extractor") -> bool:
    """"Asked why the bridge closed, Lane said ...", "Lane was asked whether ...": a passive asking or
    telling verb with no "by" agent; its subject (own or borrowed) is the one addressed, not the speaker."""
    verb = ex.doc[c.cue_i]
    if c.lemma not in ADDRESSED_CUES or verb.tag_ not in ("VBN", "VBD"):
        return False
    deps = {ch.dep_ for ch in verb.children}
    passive = verb.tag_ == "VBN" and bool(deps & {"auxpass", "nsubjpass"})
    # a subject-less participle clause ("Asked why ..., she said"; the parser may tag it VBD)
    participle = verb.dep_ == "advcl" and not deps & {"aux", "nsubj", "auxpass", "nsubjpass", "csubj"}
    return "agent" not in deps and (passive or participle)


def _content_text(c: Cand, ex: "Extractor") -> str:
    return " ".join(ex.text[s:e] for s, e in sorted(c.content))


def _has_as_predicate(c: Cand, ex: "Extractor") -> bool:
    """"described it as a stable resource": the verb or its object has an "as" phrase."""
    verb = ex.doc[c.cue_i]
    heads = [verb] + [d for d in verb.children if d.dep_ == "dobj"]
    return any(x.dep_ == "prep" and x.lower_ == "as" for h in heads for x in h.children)


def _names_no_statement(c: Cand, ex: "Extractor") -> bool:
    """An unquoted verb claim that names no statement: an intention with a to-infinitive, a topic or
    a deed as a bare noun phrase, the reporter's narration of what someone knew or learned, or
    instructions ("how to prepare", "what to do")."""
    path = str(c.extra.get("path", ""))
    first = path.split("-")[0]
    if c.lemma in INTENT_VERBS and path.startswith("comp-xcomp"):
        return True
    if first in ("dobj", "prep") and (c.lemma in DEED_VERBS or c.lemma in TOPIC_VERBS and not _has_as_predicate(c, ex)):
        return True
    if c.lemma in KNOWING_VERBS:
        return True
    if first in ("comp", "dobj") and _says_only_what_about(c, ex):
        return True
    return first == "comp" and bool(WH_INFINITIVE.match(_content_text(c, ex)))


def _says_only_what_about(c: Cand, ex: "Extractor") -> bool:
    """"The minister says what the plan would do", "The notes say little about how the code was written": an
    affirmative "say" whose content is an embedded question (a question word heading the clause that hangs on
    the verb) or hangs on "about" (:func:`_hangs_on_about`) names a topic and gives no statement. Not a
    refusal ("would not say what", "declined to say how": the annotators count those), nor a question word
    inside a subject clause ("said what would help is more money": a statement)."""
    verb = ex.doc[c.cue_i]
    if c.lemma != "say" or any(ch.dep_ == "neg" for ch in verb.children) \
            or verb.head.lemma_.lower() in REFUSING_VERBS:
        return False
    first = next((ex.doc[i] for i in tokens_of(ex.doc, c.content) if ex.doc[i].is_alpha), None)
    if first is None:
        return False
    if _hangs_on_about(first, verb):
        return True
    clause = first.head
    return first.lower_ in QUESTION_WORDS and clause.head.i == c.cue_i and clause.dep_ not in ("csubj", "nsubj")


def _hangs_on_about(tok, verb) -> bool:
    """"say little about how the code was written", "said nothing about the plan": the content hangs on an
    "about" whose nearest verb above is the cue verb, so it names what was talked about."""
    for t in [tok] + list(tok.ancestors):
        if t.i == verb.i:
            return False
        if t.dep_ == "prep" and t.lower_ == "about":
            return next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None) == verb
    return False


DROP_SOURCELESS = True  # a claim without a speaker is of little use (and PolNeAR scores it as wrong)
USE_LEARNED = True  # use the learned cue classifier (data/cue_model.json) when it is shipped
USE_BOUNDARY = True  # and the learned content-boundary ranker (data/boundary_model.json)
USE_EDGES = True  # and the learned content start/end model (data/edge_model.json)
USE_TAGGER = True  # and the article-wide token tagger's probabilities as their features (data/tagger.npz)


def find_claims(doc, text: str, resolve: bool = True, model="default", statements_only: bool = True) -> list[Claim]:
    """Attributed claims of ``text`` (``doc`` is its spaCy Doc, same offsets). ``model``: a
    :class:`~newsledger.analyze.attribution.learned.CueModel`, None for the rules alone, or "default" for
    the shipped model (when :data:`USE_LEARNED`). ``statements_only`` (the product setting)
    keeps only reported statements (:func:`is_statement`); the PolNeAR evaluation passes False,
    since PolNeAR also annotates actions and stances as attributions."""
    from newsledger.analyze.stance import stance_of

    boundary = edges = None
    if isinstance(model, str):
        from newsledger.analyze.attribution.learned import boundary_model, cue_model, edge_model

        model = cue_model() if USE_LEARNED else None
        boundary = boundary_model() if USE_LEARNED and USE_BOUNDARY else None
        edges = edge_model() if USE_LEARNED and USE_EDGES else None
    tag = None
    if model is not None and USE_TAGGER:
        from newsledger.analyze.attribution.tagger import tagger

        tg = tagger()
        tag = tg(doc, text) if tg is not None else None
    ex = Extractor(doc, text, generate=model is not None, tag=tag, product=statements_only)
    cands = [c for c in ex.run(model, boundary if model is not None else None, edges if model is not None else None)
             if c.source is not None or not DROP_SOURCELESS]
    if statements_only:
        cands = [c for c in cands if is_statement(c, ex)]
    mask = quoted_mask(text)
    claims, writers = [], []
    for c in cands:
        pieces = [(s, e) for s, e in c.content if any(ch.isalnum() for ch in text[s:e])] or c.content
        start, end = pieces[0][0], pieces[-1][1]
        content = Content(text=" ".join(text[s:e] for s, e in pieces), start=start, end=end,
                          pieces=[tuple(p) for p in pieces])
        source = None
        if c.source:
            s, e = c.source
            source = Source(text=text[s:e], start=s, end=e, name=text[s:e])
        cue = Cue(text=text[c.cue[0]:c.cue[1]], start=c.cue[0], end=c.cue[1])
        claim = Claim(source=source, cue=cue, content=content, kind=quote_kind(text, pieces, mask))
        claim.signals = signals_of(c, ex)
        read_statement(claim, doc, text)
        claims.append(claim)
        if statements_only and _the_writer_speaks(c, ex):
            writers.append(claim)
    if statements_only:
        continue_quotes(claims, text, mask)
        claims = [c for c in claims if not _a_bare_wish(c, text, mask)]
    if resolve:
        from newsledger.analyze.confidence import score_claims
        from newsledger.analyze.speakers import resolve_speakers

        resolve_speakers(claims, doc, text)
        score_claims(claims)
    # the writer's own remarks (:func:`_the_writer_speaks`) stay in while speakers are resolved, so that the
    # other claims' speakers come out as before (dropping them earlier turned two right "he" speakers of an
    # interview wrong on dev), and are left out of what is returned
    return [c for c in claims if not any(c is w for w in writers)]


def _a_bare_wish(claim: Claim, text: str, mask) -> bool:
    """A wish, choice or effort (:data:`WILL_VERBS`) with no quotation in its content, once quotations
    that go on in the next paragraphs have joined it (:func:`continue_quotes`): no statement."""
    if claim.signals.get("rule") != "verb" or claim.signals.get("lemma") not in WILL_VERBS:
        return False
    pieces = claim.content.pieces or [(claim.content.start, claim.content.end)]
    return not any(mask[i] for s, e in pieces for i in range(s, e) if text[i].isalnum())


def _left_open(para: str) -> bool:
    """Whether a paragraph ends inside a quotation (the news style for a quote that goes on)."""
    last_open = max(para.rfind(ch) for ch in "“«„")
    if last_open >= 0 or "”" in para:
        return last_open > para.rfind("”")
    return para.count('"') % 2 == 1


def continue_quotes(claims: list[Claim], text: str, mask=None) -> None:
    """The next paragraph goes on with a claim's speaker when it has no cue of its own and either
    re-opens a quotation the claim's paragraph left open, or is one whole quotation right after
    the paragraph where the claim is the last one ("Mamabolo confirmed that ...¶“The storms we are
    experiencing ...”"): that paragraph joins the claim's content."""
    mask = mask if mask is not None else quoted_mask(text)
    paras = paragraph_bounds(text)
    cue_starts = [c.cue.start for c in claims]
    for c in claims:
        pieces = list(c.content.pieces) or [(c.content.start, c.content.end)]
        k = next((i for i, (ps, pe) in enumerate(paras) if ps <= pieces[-1][1] - 1 < pe), None)
        last = c.source is not None and k is not None and not any(
            c.cue.start < x < paras[k][1] for x in cue_starts)  # no later claim in its paragraph
        while k is not None and k + 1 < len(paras):
            ps, pe = paras[k]
            ns, ne = paras[k + 1]
            if text[ns] not in '“"«„' or any(ns <= x < ne for x in cue_starts):
                break
            left_open = pieces[-1][1] >= pe - 2 and _left_open(text[ps:pe])
            if not left_open and not (last and quote_paragraph(text, ns, ne, mask)):
                break
            pieces.append((ns, ne))
            k += 1
        if len(pieces) > len(c.content.pieces or [None]):
            c.content = Content(text=" ".join(text[s:e] for s, e in pieces), start=pieces[0][0], end=pieces[-1][1],
                                pieces=[tuple(p) for p in pieces])
            c.kind = c.kind if c.kind == "question" else quote_kind(text, pieces, mask)
            c.signals["continued"] = True


def signals_of(c: Cand, ex: Extractor) -> dict:
    """What the extractor knows about a candidate, for :mod:`newsledger.analyze.confidence`."""
    sig = {"rule": c.rule, "path": str(c.extra.get("path", c.rule)).split("-")[0], "p": float(c.extra.get("p", 1.0)),
           "lemma": c.lemma, "speech_verb": c.lemma in SPEECH_VERBS, "lexicon_verb": c.lemma in ex.lex["verbs"],
           "flags": len(c.extra.get("flags") or []), "merged": bool(c.extra.get("merged")),
           "src_object": bool(c.extra.get("src_object"))}
    if ex.tag is not None:
        cue, content = tokens_of(ex.doc, [c.cue]), tokens_of(ex.doc, c.content)
        sig["tag_cue"] = float(ex.tag[cue, 3].max()) if cue else 0.0
        sig["tag_content"] = float(ex.tag[content, 0].mean()) if content else 0.0
        src = tokens_of(ex.doc, [c.source]) if c.source else []
        sig["tag_source"] = float(ex.tag[src, 4].mean()) if src else 0.0
        # a second, independent opinion on the speaker: the tagger's own nearest source run for this cue
        sig["tag_src"] = ex._tagger_source(cue[0], cue[-1], set(content)) if cue else None
    sig["subj_src"] = _parse_subject(ex.doc, c.cue_i)
    return sig


def _parse_subject(doc, i: int):
    """The char span of the cue verb's grammatical subject in the parse (a third opinion on the
    speaker), else None."""
    if i < 0:
        return None
    subj = next((t for t in doc[i].children if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    toks = list(subj.subtree)
    return toks[0].idx, toks[-1].idx + len(toks[-1])


_PLEA = re.compile(r"\s+((?:not\s+)?guilty)\b", re.I)


def _keep_plea(claim: Claim, text: str) -> None:
    """"pleaded not guilty to fraud": the plea ("not guilty") is the content's start, not lost."""
    m = _PLEA.match(text, claim.cue.end)
    if m and claim.content.start >= m.end() and re.match(r"plead|pled", claim.cue.text.split()[-1], re.I):
        pieces = [(m.start(1), claim.content.end)]
        claim.content = Content(text=text[m.start(1):claim.content.end], start=m.start(1), end=claim.content.end,
                                pieces=pieces)


def read_statement(claim: Claim, doc, text: str) -> None:
    """Negation around the cue, questions and the stance that follows from them."""
    from newsledger.analyze.stance import cue_negated, is_question, stance_of

    _keep_plea(claim, text)
    claim.cue.negated = cue_negated(doc, claim.cue.start, claim.cue.end)
    if is_question(claim, doc, text):
        claim.kind, claim.stance = "question", "asks"
    else:
        claim.stance = stance_of(claim, doc, text)
