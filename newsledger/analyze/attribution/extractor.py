"""The rule extractor: cue candidates over the spaCy parse, their content and source, quotation
handling and the univocal clean-up. Content trimming lives in ``trimming.py`` and the tagger's own
claims and sources in ``tagger_claims.py`` (mixins of :class:`Extractor`). See the package
docstring for the steps."""
from __future__ import annotations

import re
from typing import Optional

from newsledger.analyze.attribution.base import (ADDRESSEE_VERBS, CONTENT_PREPS, DOBJ_NEEDS_PRED, KEEP_OBJECT,
                                                 NEED_COMPLEMENT, NOUN_CUES, NOUN_PREPS, PASSIVE_RAISING, RAISING,
                                                 SPEECH_VERBS, Cand, _find_source, _merge, _np_span, _subtree,
                                                 _tok_ranges, _trim, lexicon, paragraph_bounds, quote_spans,
                                                 quoted_mask)
from newsledger.analyze.attribution.tagger_claims import TaggerClaims
from newsledger.analyze.attribution.trimming import ContentTrimming

TAGGER_SOURCES = True  # a kept claim without a source takes the tagger's nearest source
TAGGER_CLAIMS = True  # and claims from the tagger alone where no rule fired (Extractor.tagger_claims)


class Extractor(ContentTrimming, TaggerClaims):
    """Rule candidates over one parsed article (see the package docstring); the content trimming
    (:class:`ContentTrimming`) and the tagger's own claims and sources (:class:`TaggerClaims`) are
    mixed in from their modules."""

    def __init__(self, doc, text: str, generate: bool = False, tag=None, product: bool = False):
        self.doc = doc
        # the product's reading (``find_claims(statements_only=True)``), where it differs from
        # PolNeAR's annotation, which its evaluation keeps: nested attribution goes to the nearest
        # speaker ("According to reports, the officer recalled: ..." is the officer's), and a cue in
        # a relative clause on its own source keeps its content ("Tester, who also says he is ...")
        self.product = product
        # (tokens, 5) probabilities of the article-wide tagger (newsledger.analyze.attribution.tagger), read
        # as features by the learned models; None without it
        self.tag = tag
        self.text = text
        # generate=True: every verb is a cue candidate and the lexicon/complement filters become
        # flags (``Cand.extra``) for the learned cue classifier (``learned.py``) to weigh
        self.generate = generate
        self.lex = lexicon()
        self.paras = paragraph_bounds(text)
        self.quotes = quote_spans(text)
        self.qmask = quoted_mask(text)
        self.cands: list[Cand] = []
        self.inherit: dict = {}

    # -- helpers
    def para_of(self, pos: int) -> tuple[int, int]:
        for s, e in self.paras:
            if s <= pos < e:
                return s, e
        return 0, len(self.text)

    def clip_to_paragraph(self, span: Optional[tuple[int, int]], pos: int) -> Optional[tuple[int, int]]:
        """A char span cut to the paragraph of ``pos`` ("FULL INQUIRY¶Several of the experts":
        a heading is no part of the next paragraph's source)."""
        if span is None:
            return None
        ps, pe = self.para_of(pos)
        s, e = max(span[0], ps), min(span[1], pe)
        while s < e and self.text[s].isspace():
            s += 1
        return (s, e) if s < e else None

    def sent(self, tok):
        """The token range of ``tok``'s sentence, cut at paragraph breaks."""
        s = tok.sent
        start, end = s.start, s.end
        for j in range(tok.i - 1, start - 1, -1):
            if "\n" in self.doc[j].text:
                start = j + 1
                break
        for j in range(tok.i + 1, end):
            if "\n" in self.doc[j].text:
                end = j
                break
        return self.doc[start:end]

    def is_candidate(self, tok) -> bool:
        """A token to try as a verb cue: a lexicon verb, or (generate mode) any verb."""
        if self.generate:
            return (tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass")) or self.is_cue_verb(tok) \
                or (NOUN_CUES and self.noun_frame(tok) is not None)
        return self.is_cue_verb(tok)

    def noun_frame(self, tok):
        """(possessor, content head, path) of a noun cue candidate with a possessor and a
        "that"/to-clause or an of/about/for/on/against object: "Trump's claim that X",
        "her criticism of X", "his call for X"; None otherwise."""
        if tok.pos_ != "NOUN":
            return None
        poss = [c for c in tok.children if c.dep_ == "poss"]
        if not poss:
            return None
        for c in tok.children:
            if c.dep_ in ("acl", "ccomp") and c.i > tok.i and any(
                    m.dep_ in ("mark", "aux") and m.lower_ in ("that", "to") for m in c.children):
                return poss[0], c, "noun-clause"
        for c in tok.children:
            if c.dep_ == "prep" and c.i > tok.i and c.lower_ in NOUN_PREPS:
                pobj = [x for x in c.children if x.dep_ in ("pobj", "pcomp")]
                if pobj:
                    return poss[0], pobj[0], "noun-prep"
        return None

    def noun_claim(self, tok) -> Optional[Cand]:
        fr = self.noun_frame(tok)
        if fr is None:
            return None
        poss, head, path = fr
        doc = self.doc
        content = _subtree(head)
        idxs = _trim(doc, content)
        if not idxs:
            return None
        sub = _subtree(poss)
        keep = [i for i in sorted(sub) if doc[i].dep_ != "case"]
        source = _np_span(poss, {i for i in sub if doc[i].dep_ == "case"}) if keep else None
        return Cand(cue=(tok.idx, tok.idx + len(tok)), cue_i=tok.i, source=source, content=_tok_ranges(doc, idxs),
                    lemma=tok.lemma_.lower(), extra={"path": path, "flags": ["noun"], "src_i": poss.i,
                                                     "n_tok": len(idxs), "first": idxs[0], "last": idxs[-1]})

    def is_cue_verb(self, tok) -> bool:
        if tok.pos_ not in ("VERB", "AUX") and not (tok.pos_ == "NOUN" and tok.tag_.startswith("VB")):
            return False
        lemma = tok.lemma_.lower()
        if lemma not in self.lex["verbs"]:
            return False
        return True

    # -- verb cues
    def verb_claim(self, tok) -> Optional[Cand]:
        """A claim with the verb ``tok`` as its cue: its content, the checks a cue verb must pass,
        its source, and the cue span; None when the verb reports nothing."""
        lemma = tok.lemma_.lower()
        if lemma == "accord":
            return None
        comp = self._complements(tok)
        content, path, colon, comp = self._verb_content(tok, lemma, comp)
        if not content:
            return None
        flags = self._verb_flags(tok, lemma, comp, colon)
        if flags is None:
            return None
        src_tok, source, content = self._verb_source(tok, lemma, comp, content)
        content.discard(tok.i)
        content = self.trim_trailing(content)
        content = self.cut_conjoined_cues(content, tok)
        content = self.cut_nested(content, src_tok)
        idxs = _trim(self.doc, content)
        if not idxs:
            return None
        return Cand(cue=self._cue_span(tok, content), cue_i=tok.i, source=source,
                    content=_tok_ranges(self.doc, idxs), lemma=lemma,
                    extra={"path": path, "flags": flags, "src_i": src_tok.i if src_tok is not None else -1,
                           "n_tok": len(idxs), "first": idxs[0], "last": idxs[-1]})

    def _complements(self, tok) -> list:
        """The verb's clausal complements (``ccomp``/``xcomp``) that can be its content: those
        after it when some come after ("Y; X says Z"), none when a fronted one is cut off by ";"/":"."""
        comp = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp")]
        after = [c for c in comp if c.i > tok.i]
        dashed = [c for c in after if any(t.text in ("—", "–") for t in self.doc[tok.i + 1:c.left_edge.i + 1])]
        if dashed and len(after) < len(comp):
            # "“Y,” analysts wrote in a report — citing experts who ...": the words after the dash
            # are an aside (here another source's), the fronted Y is what was written
            after = [c for c in after if c not in dashed] or [c for c in comp if c.i < tok.i]
        if after and len(after) < len(comp):
            return after  # "Y; X says Z": Z is the content, not the fronted Y
        if comp and all(c.i < tok.i for c in comp):
            gap = self.doc[comp[0].right_edge.i + 1:tok.i]
            if any(t.text in (";", ":") for t in gap) and not any(t.text in (",", "—", "–") or t.is_quote for t in gap):
                return []
        return comp

    def _verb_content(self, tok, lemma: str, comp: list) -> tuple[set, str, Optional[int], list]:
        """(content tokens, path, colon position, complements): after a colon; else the
        complement; else the head clause of "Y, X said"; else the object phrase."""
        colon = self.colon_after(tok)
        if colon is not None:
            return set(range(colon + 1, self.sent(tok).end)), "colon", colon, []
        if comp:
            c = next((x for x in comp if x.dep_ == "ccomp"), comp[0])
            content = _subtree(c)
            # "called on X to Y": keep the object in front of the complement
            if c.dep_ in ("xcomp", "ccomp") and KEEP_OBJECT:
                for d in tok.children:
                    if d.dep_ in ("dobj",) and d.i < c.i and lemma in ("urge", "call", "ask", "tell", "warn", "want",
                                                                        "encourage", "push", "press", "invite"):
                        content |= _subtree(d)
            return content, "comp-" + c.dep_ + ("-pre" if c.i < tok.i else ""), None, comp
        if (tok.dep_ in ("ccomp", "parataxis") and tok.head.i < tok.i or tok.dep_ == "parataxis") and \
                tok.head.pos_ in ("VERB", "AUX", "NOUN", "ADJ", "PROPN"):
            return _subtree(tok.head) - _subtree(tok), "head-" + tok.dep_, None, comp
        content, path = self._object_content(tok, lemma)
        return content, path, None, comp

    def _object_content(self, tok, lemma: str) -> tuple[set, str]:
        """The content of a verb without a complement: what an addressee is told, an object with
        its "about"/"of"/"as" phrase, the object and its predicate, or a prepositional object."""
        dobj = [c for c in tok.children if c.dep_ in ("dobj",)]
        if dobj and lemma in ADDRESSEE_VERBS:
            content: set[int] = set()
            for s in tok.children:
                if s.i > dobj[0].i and s.dep_ in ("ccomp", "xcomp", "parataxis", "advcl", "oprd"):
                    content |= _subtree(s)
            return (content or _subtree(dobj[0])), "addressee"
        if dobj:
            about = [s for s in tok.children if s.i > dobj[0].i and s.dep_ == "prep" and s.lower_ in ("about", "of", "as")]
            if any(any(x.dep_ in ("pobj", "pcomp") for x in s.children) for s in about):
                return set().union(*(_subtree(x) for x in about[0].children if x.dep_ in ("pobj", "pcomp"))), "dobj-prep"
            d = dobj[0]
            content = _subtree(d)
            for s in tok.children:
                if s.i > d.i and s.dep_ in ("oprd", "prep", "ccomp", "xcomp", "dative"):
                    if s.dep_ == "prep" and s.lower_ not in CONTENT_PREPS | {"as"}:
                        continue
                    content |= _subtree(s)
            return content, "dobj"
        for s in tok.children:
            if s.dep_ == "prep" and s.i > tok.i and s.lower_ in CONTENT_PREPS:
                pobj = [x for x in s.children if x.dep_ in ("pobj", "pcomp")]
                if pobj:
                    content = _subtree(pobj[0])
                    if s.lower_ in ("against", "with", "over", "that"):
                        content.add(s.i)
                    return content, "prep-" + s.lower_
        return set(), "none"

    def _verb_flags(self, tok, lemma: str, comp: list, colon: Optional[int]) -> Optional[list[str]]:
        """The lexicon's checks on a cue verb: a verb that needs a predicate or a complement and
        has none is dropped (None), or, when candidates are generated for the cue classifier,
        flagged for it to weigh."""
        flags = []
        if lemma in DOBJ_NEEDS_PRED and colon is None and not comp and not any(
                c.dep_ in ("oprd", "ccomp", "xcomp") or (c.dep_ == "prep" and c.lower_ in ("as", "for", "on", "upon")
                                                         and (c.lower_ == "as" or c.i <= tok.i + 3))
                for c in tok.children):
            if not self.generate:
                return None
            flags.append("needs-pred")
        if lemma in NEED_COMPLEMENT and not comp and colon is None:
            if not self.generate:
                return None
            flags.append("needs-comp")
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children):
            # "if a rival knows we're bidding, it bids more": a condition, nobody's statement
            if not self.generate or self.product:
                return None
            flags.append("condition")
        return flags

    def _verb_source(self, tok, lemma: str, comp: list, content: set) -> tuple:
        """(source token, source span, content): the subject (or the one inherited from the verb
        this one hangs off); a raising verb ("is expected to") has none and its subject joins the
        content; the source's words leave the content."""
        src_tok = self.inherit.get(tok.i) or _find_source(tok, content)
        if src_tok is not None and self.para_of(src_tok.idx) != self.para_of(tok.idx):
            src_tok = None  # a heading ("Palestinians react") parsed into the next paragraph's sentence
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) and not any(
            c.dep_ == "agent" for c in tok.children)
        if comp and (lemma in RAISING or (passive and lemma in PASSIVE_RAISING)):
            subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj and subj[0].lower_ not in {"it", "there"}:
                content |= _subtree(subj[0])
            src_tok = None
        source = None
        if src_tok is not None:
            if src_tok.i in content:
                src_tok = None
            else:
                ex = set(content) | {tok.i}
                for c in src_tok.children:
                    if c.dep_ == "relcl" and (tok.i in _subtree(c) or self.product and self.is_cue_verb(c)):
                        ex |= _subtree(c)  # in the product, "the officials, who added ...": a claim of its own
                source = self.clip_to_paragraph(_np_span(src_tok, ex), tok.idx)
        if src_tok is not None and src_tok.i not in _subtree(tok):
            # the source's own words leave the content; in the product, not the relative clause the
            # cue heads ("Tester, who also says he is ...": Tester's subtree holds the whole claim)
            content = content - (_subtree(src_tok) - (_subtree(tok) if self.product else set()))
        return src_tok, source, content

    def _cue_span(self, tok, content: set) -> tuple[int, int]:
        """The cue's characters: the verb with its auxiliaries, negation and particle ("has said",
        "pointed out") when they are not content."""
        doc = self.doc
        cue_idx = [tok.i] + [c.i for c in tok.children if c.dep_ in ("aux", "auxpass", "neg", "prt")
                             and abs(c.i - tok.i) <= 3 and c.i not in content]
        return doc[min(cue_idx)].idx, doc[max(cue_idx)].idx + len(doc[max(cue_idx)])

    def according(self, tok) -> Optional[Cand]:
        doc = self.doc
        if tok.lower_ != "according":
            return None
        to = [c for c in tok.children if c.lower_ == "to"]
        if not to and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            to = [doc[tok.i + 1]]
        if not to:
            return None
        pobj = [c for c in to[0].children if c.dep_ == "pobj"]
        src = _np_span(pobj[0]) if pobj else None
        phrase = _subtree(tok) | _subtree(to[0])
        head = tok.head
        hops = 0
        while head.pos_ not in ("VERB", "AUX") and head.dep_ != "ROOT" and hops < 4:
            head = head.head
            hops += 1
        sent = self.sent(tok)
        if head.i == tok.i:
            content = set(range(sent.start, sent.end)) - phrase
        else:
            content = (_subtree(head) if sent.start <= head.i < sent.end else set(range(sent.start, sent.end))) - phrase
            if head.dep_ in ("ccomp", "conj", "advcl") and tok.i < min(content, default=tok.i):
                pass
        content = {i for i in content if sent.start <= i < sent.end}
        idxs = _trim(doc, content)
        if not idxs:
            return None
        cue = (tok.idx, to[0].idx + len(to[0]))
        return Cand(cue=cue, cue_i=tok.i, source=src, content=_tok_ranges(doc, idxs), rule="according",
                    lemma="according to", extra={"verb_i": head.i if self._speech_verb_with_subject(head) else -1})

    @staticmethod
    def _speech_verb_with_subject(head) -> bool:
        return head.lemma_.lower() in SPEECH_VERBS and any(c.dep_ == "nsubj" for c in head.children)

    # -- "..., as X put it, ..." frame
    def as_put_it(self, tok) -> Optional[Cand]:
        """"The ruling was, as the paper put it, a victory": the clause the "as X put it" phrase
        hangs off is X's (the cue is "put it"; "put" alone needs a complement and is no cue)."""
        if tok.lemma_.lower() != "put" or tok.dep_ not in ("advcl", "parataxis", "ccomp") or tok.head.i == tok.i:
            return None
        kids = {c.dep_: c for c in tok.children}
        it, mark, subj = kids.get("dobj"), kids.get("mark"), kids.get("nsubj")
        if it is None or it.lower_ != "it" or mark is None or mark.lower_ != "as" or subj is None:
            return None
        sent = self.sent(tok)
        content = {i for i in _subtree(tok.head) - _subtree(tok) if sent.start <= i < sent.end}
        idxs = _trim(self.doc, content)
        if not idxs:
            return None
        return Cand(cue=(tok.idx, it.idx + len(it)), cue_i=tok.i, source=_np_span(subj),
                    content=_tok_ranges(self.doc, idxs), rule="as-put", lemma="put",
                    extra={"src_i": subj.i})

    # -- "For X, ..." frame
    def for_frame(self, tok) -> Optional[Cand]:
        doc = self.doc
        if tok.lower_ != "for" or tok.i != self.sent(tok).start:
            return None
        pobj = [c for c in tok.children if c.dep_ == "pobj"]
        if not pobj:
            return None
        p = pobj[0]
        ents = [e for e in doc.ents if e.start >= p.left_edge.i and e.end <= p.right_edge.i + 1]
        if not (any(e.label_ in ("PERSON", "ORG", "NORP", "GPE") for e in ents) or any(
                c.dep_ == "appos" for c in p.children)):
            return None
        end = p.right_edge.i + 1
        if end >= len(doc) or doc[end].text != ",":
            return None
        if p.lower_ in {"example", "instance", "years", "now", "decades", "months", "weeks", "once", "that", "this"}:
            return None
        sent = self.sent(tok)
        content = set(range(end + 1, sent.end))
        idxs = _trim(doc, content)
        if not idxs:
            return None
        return Cand(cue=(tok.idx, tok.idx + len(tok)), cue_i=tok.i, source=_np_span(p),
                    content=_tok_ranges(doc, idxs), rule="for", lemma="for")

    # -- layout rules
    def layout(self):
        text = self.text
        for ps, pe in self.paras:
            para = text[ps:pe]
            m = re.match(r"^\s*([A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3}):\s+(\S.*)$", para)
            if m and len(m.group(1).split()) <= 3 and m.group(1).split()[0] not in ("The", "A", "An", "In", "On", "Read", "Watch", "Related", "Note", "Update", "Editor's", "UPDATE", "Photo", "Source"):
                s1, e1 = ps + m.start(1), ps + m.end(1)
                self.cands.append(Cand(cue=(e1, e1 + 1), cue_i=-1, source=(s1, e1),
                                       content=[(ps + m.start(2), pe)], rule="layout-colon", lemma=":"))
                continue
            m = re.match(r"^\s*([“\"].+[”\"])\s*[―—–]+\s*(\S.{0,80})$", para)
            if m:
                s1, e1 = ps + m.start(1), ps + m.end(1)
                s2, e2 = ps + m.start(2), ps + m.end(2)
                dash = text.rfind("―", e1, s2)
                if dash < 0:
                    dash = max(text.rfind("—", e1, s2), text.rfind("–", e1, s2))
                self.cands.append(Cand(cue=(dash, dash + 1), cue_i=-1, source=(s2, e2), content=[(s1, e1)],
                                       rule="layout-dash", lemma="―"))

    # -- quotation handling
    def widen(self, c: Cand) -> None:
        ps, pe = self.para_of(c.cue[0])
        out = []
        for s, e in c.content:
            s, e = max(s, ps), min(e, pe)
            if s >= e:
                continue
            for qs, qe in self.quotes:
                if qs < e and qe > s and not (qs <= c.cue[0] < qe):
                    if c.source and qs <= c.source[0] < qe:
                        continue
                    s, e = min(s, qs), max(e, qe)
            out.append((s, e))
        c.content = _merge(out, self.text)

    def add_following_quote(self, c: Cand, cue_starts: list[int]) -> None:
        """"“A,” he said, “B.”" and "“A,” he said. “B.”": add the next quotation as a piece."""
        if not c.content:
            return
        text, doc = self.text, self.doc
        cstart = min(s for s, _ in c.content)
        cend = max(e for _, e in c.content)
        if cstart > c.cue[0]:
            return  # content after the cue: nothing to add
        if not any(qs < cend and qe > cstart and qe >= cend - 2 for qs, qe in self.quotes):
            return  # the content must end in a quotation
        after = max(c.cue[1], c.source[1] if c.source else 0, cend)
        ps, pe = self.para_of(c.cue[0])
        nxt = [(qs, qe) for qs, qe in self.quotes if after <= qs < pe]
        if not nxt:
            return
        qs, qe = nxt[0]
        gap = text[after:qs]
        ok = False
        if re.fullmatch(r"[\s,;:—–―-]*", gap):
            ok = True
        elif len(gap) <= 50 and not re.search(r"[.!?]", gap) and c.cue_i >= 0:
            span = doc.char_span(after, qs, alignment_mode="contract")
            sub = _subtree(doc[c.cue_i])
            ok = span is not None and all((t.is_punct or t.is_space or t.i in sub) and t.pos_ not in ("VERB", "AUX")
                                          for t in span)
        elif re.fullmatch(r"\s*[.!?]\s*", gap) or re.fullmatch(r"[^\w]*", gap):
            # the next sentence opens with a quotation: it must have no cue of its own
            end = min(self._sent_end(qe), pe)
            ok = not any(qs <= x < end for x in cue_starts if x != c.cue[0])
        if ok:
            c.content = _merge(c.content + [(qs, qe)], text)
            c.extra["merged"] = True

    def _sent_end(self, pos: int) -> int:
        doc = self.doc
        span = doc.char_span(max(pos - 1, 0), pos, alignment_mode="expand")
        if span is None or not len(span):
            return pos
        s = span[0].sent
        return s.end_char

    # -- run
    def candidates(self) -> list[Cand]:
        """All candidates after quote handling, before the univocal clean-up."""
        doc = self.doc
        for tok in doc:
            c = None
            if tok.lower_ == "according":
                c = self.according(tok)
            elif tok.lower_ == "for":
                c = self.for_frame(tok)
            elif tok.lemma_ == "put" and (frame := self.as_put_it(tok)) is not None:
                c = frame
            elif self.is_candidate(tok):
                c = self.noun_claim(tok) if tok.pos_ == "NOUN" and not self.is_cue_verb(tok) else self.verb_claim(tok)
            if c is not None:
                self.cands.append(c)
        self.layout()
        for c in self.cands:
            c.content = [(s, e) for s, e in c.content if s < e]
            self.strip_dateline(c)
            self.widen(c)
        self.cands = [c for c in self.cands if c.content]
        return self.cands

    def follow_quotes(self, cands: list[Cand]) -> list[Cand]:
        """Add following quotations ("“A,” he said, “B.”") to the content of the kept cues."""
        cue_starts = [c.cue[0] for c in cands]
        for c in cands:
            self.add_following_quote(c, cue_starts)
        return cands

    def run(self, scorer=None, boundary=None, edges=None) -> list[Cand]:
        """Candidates -> (optional learned filter) -> following quotes -> univocal clean-up.
        ``scorer(ex, cands)`` returns a keep-probability per candidate, or None for "keep"
        (rule-only candidates). In the product, "he said according to a transcript" is his claim:
        the "according to" is left out, unless the speaker's own claim is then not found."""
        kept, held = self._run(scorer, boundary, edges, hold=self.product)
        if held and not all(self._claimed(h, kept) for h in held):
            kept, _ = self._run(scorer, boundary, edges, hold=False)
        return kept

    def _claimed(self, h: Cand, kept: list[Cand]) -> bool:
        at = self.doc[h.extra["verb_i"]].idx
        return any(k.source is not None and k.cue[0] <= at < k.cue[1] for k in kept)

    def _run(self, scorer, boundary, edges, hold: bool) -> tuple[list[Cand], list[Cand]]:
        self.cands = []
        cands = self.candidates()
        held = [c for c in cands if hold and self.records_a_speaker(c, cands)]
        cands = self.cands = [c for c in cands if not any(c is h for h in held)]
        if scorer is not None:
            probs = scorer(self, cands)
            kept = []
            for c, p in zip(cands, probs):
                if p is None or p >= scorer.threshold:
                    c.extra["p"] = 1.0 if p is None else p
                    kept.append(c)
            cands = kept
        kept = self.cleanup(self.follow_quotes(cands))
        if boundary is not None:
            boundary.apply(self, kept)
        if edges is not None:
            edges.apply(self, kept)
        if self.tag is not None and TAGGER_SOURCES:
            self.tagger_sources(kept)
        if self.tag is not None and TAGGER_CLAIMS:
            kept = sorted(kept + self.tagger_claims(kept), key=lambda c: c.cue[0])
        return kept, held

    def strip_dateline(self, c: Cand) -> None:
        if not c.content:
            return
        s, e = c.content[0]
        m = re.match(r"[A-Z][A-Z .,]{2,40}(?:\([^)]{1,20}\))?\s*[―—–-]{1,2}\s*", self.text[s:e])
        if m:
            c.content[0] = (s + m.end(), e)

    @staticmethod
    def wraps_a_speaker(c: Cand, cands: list[Cand]) -> bool:
        """"According to reports, the officer recalled: ...": an "according to" whose content holds
        another speaker with a cue of their own yields to that speaker (the nearer source)."""
        if c.rule != "according":
            return False
        inside = lambda pos: any(s <= pos < e for s, e in c.content)  # noqa: E731
        return any(o is not c and o.rule == "verb" and o.source is not None and inside(o.cue[0])
                   and inside(o.source[0]) for o in cands)

    @staticmethod
    def records_a_speaker(c: Cand, cands: list[Cand]) -> bool:
        """"..., he said according to a transcript": an "according to" on a speech verb whose own
        claim, with its speaker, is among ``cands`` names only the record of that claim."""
        verb = c.extra.get("verb_i", -1) if c.rule == "according" else -1
        return verb >= 0 and any(o is not c and o.rule == "verb" and o.cue_i == verb and o.source is not None
                                 for o in cands)

    def cleanup(self, cands: list[Cand]) -> list[Cand]:
        """Univocal clean-up: largest content first; drop a claim whose cue lies inside a kept
        content or whose content equals a kept one."""
        kept: list[Cand] = []
        if self.product:
            cands = [c for c in cands if not self.wraps_a_speaker(c, cands)]
        for c in sorted(cands, key=lambda c: (-c.size, c.cue[0])):
            bad = False
            for k in kept:
                if any(s <= c.cue[0] < e for s, e in k.content):
                    bad = True
                    break
                if any(s <= k.cue[0] < e for s, e in c.content):
                    # a kept claim's cue lies inside this (smaller) content: cut the content short
                    bad = True
                    break
                if c.content == k.content:
                    bad = True
                    break
            if not bad:
                kept.append(c)
        kept.sort(key=lambda c: c.cue[0])
        return kept
