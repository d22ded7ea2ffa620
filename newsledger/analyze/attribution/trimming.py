"""Cutting a claim's content to what was said: conjoined cue verbs, trailing tails, a colon's
lead-in, nested attributions. A mixin of
:class:`newsledger.analyze.attribution.extractor.Extractor` (it reads the extractor's ``doc`` and
``is_cue_verb``)."""
from __future__ import annotations

from typing import Optional

from newsledger.analyze.attribution.base import NEED_COMPLEMENT, SUBJ, TAIL_DEPS, TRIM_TAIL, subtree_indices, trim_edges


class ContentTrimming:
    def cut_conjoined_cues(self, content: set[int], cue) -> set[int]:
        """"said he would X and warned Y": cut a conjoined cue verb (and its subtree) out."""
        for t in sorted(content):
            if t not in content:
                continue
            tok = self.doc[t]
            if tok.dep_ == "conj" and tok.head.i in content and self.is_cue_verb(tok) and not any(
                    c.dep_ in SUBJ for c in tok.children):
                if tok.head.i == cue.i:
                    continue
                cut = subtree_indices(tok)
                for c in tok.head.children:
                    if c.dep_ in ("cc", "punct") and c.i < tok.i and c.i > max(subtree_indices(tok.head) - cut - {c.i}, default=-1) - 1:
                        if c.i == tok.i - 1 or (c.i == tok.i - 2 and self.doc[tok.i - 1].dep_ in ("cc", "punct")):
                            cut.add(c.i)
                content = content - cut
        return content

    def trim_trailing(self, content: set[int]) -> set[int]:
        """Drop a non-restrictive tail after a comma ("..., who is 70", "..., the latest chapter in
        ...", "..., forcing them to ..."): PolNeAR content mostly stops before it."""
        if not TRIM_TAIL or not content:
            return content
        doc = self.doc
        for _ in range(2):
            last = max(content)
            while last in content and (doc[last].is_punct or doc[last].is_space):
                last -= 1
            best = None
            for t in sorted(content):
                tok = doc[t]
                if tok.dep_ not in TAIL_DEPS or tok.head.i not in content:
                    continue
                if tok.dep_ == "advcl" and tok.tag_ != "VBG":
                    continue
                le, re_ = tok.left_edge.i, tok.right_edge.i
                if re_ < last or le - 1 not in content or doc[le - 1].text != ",":
                    continue
                if self.qmask[doc[le].idx]:
                    continue
                best = tok
                break
            if best is None:
                break
            cut = subtree_indices(best) | {best.left_edge.i - 1}
            rest = content - cut
            if not trim_edges(doc, rest):
                break
            content = rest
        return content

    def colon_after(self, tok) -> Optional[int]:
        """"posted on X: “...”": the index of a colon right after the cue's own phrase."""
        doc = self.doc
        sub = subtree_indices(tok)
        j = tok.i + 1
        while j < len(doc) and j < tok.i + 8:
            t = doc[j]
            if t.text == ":" and j + 1 < len(doc) and doc[j + 1].sent == t.sent or (t.text == ":" and j + 1 < len(doc)):
                if "\n" in doc[j:j + 2].text:
                    return None
                return j
            if t.i not in sub and not (t.dep_ == "nsubj" and t.head == tok):
                if not (t.head.i == tok.i or t.head.i in sub):
                    return None
            if t.pos_ in ("VERB", "AUX") or t.is_space:
                return None
            j += 1
        return None

    def cut_nested(self, content: set[int], src_tok=None) -> set[int]:
        """Cut adverbial / conjoined / relative clauses headed by a cue verb with a subject of its
        own ("..., while he acknowledged X", "..., though records indicate Y"): PolNeAR gives them
        their own attribution."""
        if not content:
            return content
        for t in sorted(content):
            if t not in content:
                continue
            tok = self.doc[t]
            if tok.dep_ not in ("advcl", "conj", "relcl") or tok.head.i not in content:
                continue
            if not self.is_cue_verb(tok) or tok.lemma_.lower() in NEED_COMPLEMENT:
                continue
            participle = (tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.i > 0 and self.doc[tok.left_edge.i - 1].text == ","
                          and not any(c.dep_ in SUBJ for c in tok.children))
            if participle and src_tok is not None:
                self.inherit[tok.i] = src_tok  # "X said Y, citing Z": Z is X's too
            elif not any(c.dep_ in SUBJ for c in tok.children):
                continue
            if not any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in tok.children):
                continue
            cut = subtree_indices(tok)
            # the linking "and" / "," before a conjunct
            j = tok.left_edge.i - 1
            while j in content and (self.doc[j].dep_ == "cc" or self.doc[j].is_punct):
                cut.add(j)
                j -= 1
            rest = content - cut
            if trim_edges(self.doc, rest):
                content = rest
        return content

    # -- "according to X"
