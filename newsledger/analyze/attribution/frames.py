"""Claims framed without a reporting verb: a cue noun ("the claim that ...", "his warning"),
"according to X", "..., as X put it, ..." and "For X, ...". A mixin of
:class:`newsledger.analyze.attribution.extractor.Extractor` (it reads the extractor's ``doc``,
``lex`` and ``sent``)."""
from __future__ import annotations

from typing import Optional

from newsledger.analyze.attribution.base import (NOUN_PREPS, SPEECH_VERBS, Cand, np_span, subtree_indices, tok_ranges,
                                                 trim_edges)


class FrameClaims:
    """Noun cues and the "according to", "as X put it" and "For X" frames."""

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
        content = subtree_indices(head)
        idxs = trim_edges(doc, content)
        if not idxs:
            return None
        sub = subtree_indices(poss)
        keep = [i for i in sorted(sub) if doc[i].dep_ != "case"]
        source = np_span(poss, {i for i in sub if doc[i].dep_ == "case"}) if keep else None
        return Cand(cue=(tok.idx, tok.idx + len(tok)), cue_i=tok.i, source=source, content=tok_ranges(doc, idxs),
                    lemma=tok.lemma_.lower(), extra={"path": path, "flags": ["noun"], "src_i": poss.i,
                                                     "n_tok": len(idxs), "first": idxs[0], "last": idxs[-1]})

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
        src = np_span(pobj[0]) if pobj else None
        phrase = subtree_indices(tok) | subtree_indices(to[0])
        head = tok.head
        hops = 0
        while head.pos_ not in ("VERB", "AUX") and head.dep_ != "ROOT" and hops < 4:
            head = head.head
            hops += 1
        sent = self.sent(tok)
        if head.i == tok.i:
            content = set(range(sent.start, sent.end)) - phrase
        else:
            in_sentence = sent.start <= head.i < sent.end
            content = (subtree_indices(head) if in_sentence else set(range(sent.start, sent.end))) - phrase
            if head.dep_ in ("ccomp", "conj", "advcl") and tok.i < min(content, default=tok.i):
                pass
        content = {i for i in content if sent.start <= i < sent.end}
        idxs = trim_edges(doc, content)
        if not idxs:
            return None
        cue = (tok.idx, to[0].idx + len(to[0]))
        return Cand(cue=cue, cue_i=tok.i, source=src, content=tok_ranges(doc, idxs), rule="according",
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
        content = {i for i in subtree_indices(tok.head) - subtree_indices(tok) if sent.start <= i < sent.end}
        idxs = trim_edges(self.doc, content)
        if not idxs:
            return None
        return Cand(cue=(tok.idx, it.idx + len(it)), cue_i=tok.i, source=np_span(subj),
                    content=tok_ranges(self.doc, idxs), rule="as-put", lemma="put",
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
        idxs = trim_edges(doc, content)
        if not idxs:
            return None
        return Cand(cue=(tok.idx, tok.idx + len(tok)), cue_i=tok.i, source=np_span(p),
                    content=tok_ranges(doc, idxs), rule="for", lemma="for")
