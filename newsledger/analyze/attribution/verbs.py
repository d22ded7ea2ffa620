"""Claims with a reporting verb as their cue: the verb's content (complement, object, quotation),
the checks a cue verb must pass, its source and the cue span. A mixin of
:class:`newsledger.analyze.attribution.extractor.Extractor` (it reads the extractor's ``doc``,
``lex``, ``generate``, ``product`` and its helpers); the steps that read only the parse (the
object content, the lexicon's flags, raising verbs, the cue span) are module-level functions."""
from __future__ import annotations

from typing import Optional

from newsledger.analyze.attribution.base import (ADDRESSEE_VERBS, CONTENT_PREPS, DOBJ_NEEDS_PRED, KEEP_OBJECT,
                                                 NAME_ENTS, NEED_COMPLEMENT, PASSIVE_RAISING, RAISING, Cand,
                                                 find_source, np_span, subtree_indices, tok_ranges, trim_edges)


class VerbClaims:
    """Verb cues (``Extractor.verb_claim`` and its steps)."""

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
        flags = verb_flags(tok, lemma, comp, colon, self.generate, self.product)
        if flags is None:
            return None
        src_tok, source, content = self._verb_source(tok, lemma, comp, content)
        content.discard(tok.i)
        content = self.trim_trailing(content)
        content = self.cut_conjoined_cues(content, tok)
        content = self.cut_nested(content, src_tok)
        idxs = trim_edges(self.doc, content)
        if not idxs:
            return None
        return Cand(cue=cue_span(self.doc, tok, content), cue_i=tok.i, source=source,
                    content=tok_ranges(self.doc, idxs), lemma=lemma,
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
        if after and len(after) < len(comp) and closed_quote_before(self.doc, self.qmask, comp, after, tok):
            # "“Y,” he said at the time, boasting of Z": the fronted quotation is what was said; an
            # unquoted clause after the cue is an aside the parser hung on it
            return [c for c in comp if c.i < tok.i]
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
            content = subtree_indices(c)
            # "called on X to Y": keep the object in front of the complement
            if c.dep_ in ("xcomp", "ccomp") and KEEP_OBJECT:
                for d in tok.children:
                    if d.dep_ in ("dobj",) and d.i < c.i and lemma in ("urge", "call", "ask", "tell", "warn", "want",
                                                                        "encourage", "push", "press", "invite"):
                        content |= subtree_indices(d)
            return content, "comp-" + c.dep_ + ("-pre" if c.i < tok.i else ""), None, comp
        if (tok.dep_ in ("ccomp", "parataxis") and tok.head.i < tok.i or tok.dep_ == "parataxis") and \
                tok.head.pos_ in ("VERB", "AUX", "NOUN", "ADJ", "PROPN"):
            return subtree_indices(tok.head) - subtree_indices(tok), "head-" + tok.dep_, None, comp
        content, path = object_content(tok, lemma)
        return content, path, None, comp

    def _verb_source(self, tok, lemma: str, comp: list, content: set) -> tuple:
        """(source token, source span, content): the subject (or the one inherited from the verb
        this one hangs off); a raising verb ("is expected to") has none and its subject joins the
        content; the source's words leave the content."""
        src_tok = self.inherit.get(tok.i) or find_source(tok, content)
        if src_tok is not None and self.para_of(src_tok.idx) != self.para_of(tok.idx):
            src_tok = None  # a heading ("Palestinians react") parsed into the next paragraph's sentence
        if comp and raises(tok, lemma):
            content |= raised_subject(tok)
            src_tok = None
        source = None
        if src_tok is not None:
            if src_tok.i in content:
                src_tok = None
            else:
                source = self._source_span(tok, src_tok, content)
        if src_tok is not None and src_tok.i not in subtree_indices(tok):
            # the source's own words leave the content; in the product, not the relative clause the
            # cue heads ("Tester, who also says he is ...": Tester's subtree holds the whole claim)
            content = content - (subtree_indices(src_tok) - (subtree_indices(tok) if self.product else set()))
        return src_tok, source, content

    def _source_span(self, tok, src_tok, content: set) -> Optional[tuple[int, int]]:
        """The source's characters: its noun phrase without the content, the cue and a relative
        clause holding the cue (in the product, any relative clause on a cue verb: "the officials,
        who added ..." is a claim of its own), cut to the cue's paragraph."""
        ex = set(content) | {tok.i}
        for c in src_tok.children:
            if c.dep_ == "relcl" and (tok.i in subtree_indices(c) or self.product and self.is_cue_verb(c)):
                ex |= subtree_indices(c)
        return self.clip_to_paragraph(np_span(src_tok, ex), tok.idx)


def closed_quote_before(doc, qmask: list[bool], comp: list, after: list, tok) -> bool:
    """A fronted complement closed by a quotation mark just before the cue ("“Y,” he said"), and
    no complement after the cue opening a quotation."""
    before = [c for c in comp if c.i < tok.i]
    gap = doc[before[-1].right_edge.i + 1:tok.i]
    return any(t.is_quote for t in gap) and not any(
        qmask[t.idx] for c in after for t in c.subtree if t.is_alpha)


def object_content(tok, lemma: str) -> tuple[set, str]:
    """The content of a verb without a complement: what an addressee is told, an object with
    its "about"/"of"/"as" phrase, the object and its predicate, or a prepositional object."""
    dobj = [c for c in tok.children if c.dep_ in ("dobj",)]
    if dobj and lemma in ADDRESSEE_VERBS:
        return addressee_content(tok, dobj[0]), "addressee"
    if dobj:
        return object_phrase_content(tok, dobj[0])
    return prep_object_content(tok)


def addressee_content(tok, dobj) -> set[int]:
    """"told reporters (that) X": the clauses after the addressee, else the addressee itself."""
    content: set[int] = set()
    for s in tok.children:
        if s.i > dobj.i and s.dep_ in ("ccomp", "xcomp", "parataxis", "advcl", "oprd"):
            content |= subtree_indices(s)
    return content or subtree_indices(dobj)


def object_phrase_content(tok, d) -> tuple[set, str]:
    """"warned of X" after an object ("raised concerns about X"): the "about"/"of"/"as" phrase's
    object; else the object with its predicate, complements and content prepositions."""
    about = [s for s in tok.children if s.i > d.i and s.dep_ == "prep" and s.lower_ in ("about", "of", "as")]
    if any(any(x.dep_ in ("pobj", "pcomp") for x in s.children) for s in about):
        return set().union(*(subtree_indices(x) for x in about[0].children if x.dep_ in ("pobj", "pcomp"))), "dobj-prep"
    content = subtree_indices(d)
    for s in tok.children:
        if s.i > d.i and s.dep_ in ("oprd", "prep", "ccomp", "xcomp", "dative"):
            if s.dep_ == "prep" and s.lower_ not in CONTENT_PREPS | {"as"}:
                continue
            content |= subtree_indices(s)
    return content, "dobj"


def prep_object_content(tok) -> tuple[set, str]:
    """"spoke about X", "argued against X": the object of the first content preposition after the
    verb (with the preposition, for "against"/"with"/"over"/"that"); nothing when there is none."""
    for s in tok.children:
        if s.dep_ == "prep" and s.i > tok.i and s.lower_ in CONTENT_PREPS:
            pobj = [x for x in s.children if x.dep_ in ("pobj", "pcomp")]
            if pobj:
                content = subtree_indices(pobj[0])
                if s.lower_ in ("against", "with", "over", "that"):
                    content.add(s.i)
                return content, "prep-" + s.lower_
    return set(), "none"


def verb_flags(tok, lemma: str, comp: list, colon: Optional[int], generate: bool,
               product: bool) -> Optional[list[str]]:
    """The lexicon's checks on a cue verb: a verb that needs a predicate or a complement and
    has none is dropped (None), or, when candidates are generated for the cue classifier
    (``generate``), flagged for it to weigh."""
    flags = []
    if lemma in DOBJ_NEEDS_PRED and colon is None and not comp and not any(
            c.dep_ in ("oprd", "ccomp", "xcomp") or (c.dep_ == "prep" and c.lower_ in ("as", "for", "on", "upon")
                                                     and (c.lower_ == "as" or c.i <= tok.i + 3))
            for c in tok.children):
        if not generate:
            return None
        flags.append("needs-pred")
    if lemma in NEED_COMPLEMENT and not comp and colon is None:
        if not generate:
            return None
        flags.append("needs-comp")
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children):
        # "if a rival knows we're bidding, it bids more": a condition, nobody's statement
        if not generate or product:
            return None
        flags.append("condition")
    return flags


def cue_span(doc, tok, content: set) -> tuple[int, int]:
    """The cue's characters: the verb with its auxiliaries, negation and particle ("has said",
    "pointed out") when they are not content."""
    cue_idx = [tok.i] + [c.i for c in tok.children if c.dep_ in ("aux", "auxpass", "neg", "prt")
                         and abs(c.i - tok.i) <= 3 and c.i not in content and c.ent_type_ not in NAME_ENTS]
    return doc[min(cue_idx)].idx, doc[max(cue_idx)].idx + len(doc[max(cue_idx)])


def raises(tok, lemma: str) -> bool:
    """A raising verb ("seems to", "is expected to" in the passive without an agent): its subject
    is no source."""
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) and not any(
        c.dep_ == "agent" for c in tok.children)
    return lemma in RAISING or (passive and lemma in PASSIVE_RAISING)


def raised_subject(tok) -> set[int]:
    """The tokens of a raising verb's subject, which join the content ("X is expected to Y"), none
    for an expletive "it"/"there"."""
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subj and subj[0].lower_ not in {"it", "there"}:
        return subtree_indices(subj[0])
    return set()
