"""Fronted quotations whose named speaker the parse lost: "“A,” Jo Reyes, who ran the port for a decade
and is now a consultant, told the Gazette" and "“A,” Minister of Trade, Senator the Hon. Jo Reyes, told
reporters", where a long description or an abbreviation's full stop between the quotation and its speech verb
made the parser hang the name on a word of the quotation, or read a description's noun as a verb, and the verb
came out with no subject. A mixin of :class:`newsledger.analyze.attribution.extractor.Extractor` (it reads the
extractor's ``doc``, ``text``, ``quotes`` and ``para_of``)."""
from __future__ import annotations

import re
from typing import Optional

from newsledger.analyze.attribution.base import SPEECH_VERBS, Cand
from newsledger.analyze.attribution.verbs import cue_span

_CLOSED = re.compile(r"[,?!]\W?$")  # a fronted quotation closes with ",”", "?”" or "!”"
# a full stop that ends no sentence: a title's or an initial's ("the Hon. Jo Reyes", "Jo R. Reyes")
_ABBREVIATION = re.compile(r"\b(?:Hon|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|St|Jr|Sr|[A-Z])\.$")
_RELATIVE = ("who", "which", "whose", "whom", "where")
MAX_BETWEEN = 200  # characters between the quotation and its verb: a speaker and a description, no more


class FrontedQuotes:
    def fronted_name_claim(self, tok, c: Optional[Cand]) -> Optional[Cand]:
        """A speech verb whose sentence opens with a quotation closed by a comma (or "?"/"!"), with a
        person's name and its description between, says that quotation with that person as its speaker, where
        the parse's own claim ``c`` misread it (:func:`_misread`). Where the parse gave the verb no claim, the
        quotation steps and the tagger read the sentence as before. A verb with a complement of its own after it ("told reporters that ...") is left to the
        parse; without a person's name between (a title, a group) no claim."""
        if tok.lemma_.lower() not in SPEECH_VERBS or any(
                ch.dep_ in ("ccomp", "xcomp") and ch.i > tok.i for ch in tok.children):
            return c
        quote = self._opening_quote(tok)
        name = self._name_between(quote[1], tok.idx) if quote else None
        if name is None or c is None or not _misread(c, quote, name):
            return c
        words = self.doc.char_span(*quote, alignment_mode="contract")
        if not words:
            return c
        return Cand(cue=cue_span(self.doc, tok, set()), cue_i=tok.i, source=(name.start_char, name.end_char),
                    content=[quote], lemma=tok.lemma_.lower(),
                    extra={"path": "comp", "flags": [], "src_i": name.root.i, "n_tok": len(words),
                           "first": words[0].i, "last": words[-1].i})

    def _opening_quote(self, tok) -> Optional[tuple[int, int]]:
        """The last quotation before ``tok`` in its paragraph, when it opens a sentence (nothing or a
        sentence's end before it), closes with a comma, "?" or "!", and ends at most :data:`MAX_BETWEEN`
        characters before ``tok`` with no sentence end between (a title's full stop is none)."""
        ps, _ = self.para_of(tok.idx)
        before = [(qs, qe) for qs, qe in self.quotes if ps <= qs and qe <= tok.idx]
        if not before:
            return None
        qs, qe = before[-1]
        lead = self.text[ps:qs].rstrip()
        between = self.text[qe:tok.idx]
        if not _CLOSED.search(self.text[qs:qe].rstrip()) or (lead and lead[-1] not in ".!?:”\"") \
                or len(between) > MAX_BETWEEN or "\n" in between:
            return None
        for m in re.finditer(r"[.;:!?]", between):
            if not (m.group() == "." and _ABBREVIATION.search(between[:m.end()])):
                return None
        return qs, qe

    def _name_between(self, start: int, end: int):
        """The first person's name (a PERSON entity) in ``start``-``end`` outside a relative clause set
        off by commas (", who worked at ..."), that is neither a possessor ("Reyes's lawyer") nor a
        preposition's object ("a friend of Jo Reyes"): someone else than the speaker; None when there is none."""
        clauses = [m.start() + start for m in re.finditer(r",", self.text[start:end])]
        for ent in self.doc.ents:
            if ent.label_ != "PERSON" or ent.start_char < start or ent.end_char > end or _names_another(ent):
                continue
            comma = max((k for k in clauses if k < ent.start_char), default=None)
            opener = self.text[comma + 1:ent.start_char].split()[:1] if comma is not None else []
            if not (opener and opener[0].lower() in _RELATIVE):
                return ent
        return None


def _names_another(ent) -> bool:
    """Whether a name stands for someone beside the speaker: a possessor ("Reyes's lawyer") or the object
    of a preposition ("a friend of Jo Reyes")."""
    doc = ent.doc
    after = doc[ent.end] if ent.end < len(doc) else None
    before = doc[ent.start - 1] if ent.start > 0 else None
    return (after is not None and after.tag_ == "POS") or (before is not None and before.pos_ == "ADP")


def _misread(c: Cand, quote: tuple[int, int], name) -> bool:
    """Whether the parse's claim misread a fronted quotation and its speaker: its words take in the speaker's
    name ("“A,” Jo Reyes, who ..., told": the name hung on a word of the quotation), or miss the quotation
    (a title's full stop cut the sentence before the verb)."""
    if any(s < name.end_char and e > name.start_char for s, e in c.content):
        return True
    return not any(s < quote[1] and e > quote[0] for s, e in c.content)
