"""Claims in the inverted order "[clause], said [speaker]." whose parse went wrong: the parser took the
speaker after the verb for its object and the clause's own subject for the speaker ("The agency ordered a ban
on Monday, said two officials briefed on the matter"), or hung nothing on the verb ("A clerk was at the desk
within minutes, said office manager Jo Reyes, ready to help"). A mixin of
:class:`newsledger.analyze.attribution.extractor.Extractor` (it reads the extractor's ``doc``, ``text`` and
``sent``)."""
from __future__ import annotations

from typing import Optional

from newsledger.analyze.attribution.base import SUBJ, Cand
from newsledger.analyze.attribution.verbs import cue_span

# verbs that stand before their speaker in news prose ("..., said the mayor", "..., added Jo Reyes")
INVERTED_VERBS = {"say", "add", "write", "note", "explain", "report", "state", "recall", "insist", "warn",
                  "argue", "continue", "conclude", "announce"}
_FINITE = ("VBD", "VBZ", "VBP", "MD")
_NP_START = ("DET", "PROPN", "NOUN", "ADJ", "NUM")


class InvertedClaims:
    def inverted_claim(self, tok, c: Optional[Cand]) -> Optional[Cand]:
        """A finite speech verb right after the comma that closes its sentence's opening clause, followed by a
        noun phrase that ends the sentence or is set off by a comma, says that clause and the noun phrase (with an
        apposition naming a person: "another witness, former clerk Jo Reyes") is its speaker; it replaces the
        parse's claim ``c`` where that claim's words miss the clause or its source misses the noun phrase. The
        clause must hold a finite verb of its own (not "The clerk, said to be 40, ..."), and the noun phrase no
        verb but a participle on its noun ("two officials briefed on the matter")."""
        if tok.lemma_.lower() not in INVERTED_VERBS or tok.tag_ not in ("VBD", "VBZ") or tok.i < 2 \
                or self.doc[tok.i - 1].text != "," or any(ch.dep_ in SUBJ and ch.i < tok.i for ch in tok.children):
            return c  # "“...,” Flynn, an adviser, said Thursday": a subject before the verb, no inversion
        clause = self._opening_clause(tok)
        source = self._speaker_after(tok) if clause else None
        if source is None:
            return c
        if c is not None and any(s < clause[1] and e > clause[0] for s, e in c.content) and c.source is not None \
                and c.source[0] < source[1] and source[0] < c.source[1]:
            return c
        words = self.doc.char_span(*clause, alignment_mode="contract")
        if not words:
            return c
        return Cand(cue=cue_span(self.doc, tok, set()), cue_i=tok.i, source=source, content=[clause],
                    lemma=tok.lemma_.lower(), extra={"path": "head", "flags": [], "src_i": tok.i + 1, "inverted": True,
                                                     "n_tok": len(words), "first": words[0].i, "last": words[-1].i})

    def _opening_clause(self, tok) -> Optional[tuple[int, int]]:
        """The (start, end) of the words from ``tok``'s sentence start to the comma before it, when a finite verb
        heads them (the root or ``tok``'s clause: "A clerk was at the desk"), not only a relative clause ("The
        board, which hands out the prizes, said Reyes will ...": the board speaks), and no quotation opens them."""
        sent = self.sent(tok)
        words = [t for t in self.doc[sent.start:tok.i - 1] if not t.is_space]
        if len(words) < 4 or words[0].text in '“"\'‘' or not any(_heads_the_clause(t, tok) for t in words):
            return None  # a quotation opening the sentence is the parse's; a relative clause's verb is no clause
        return words[0].idx, words[-1].idx + len(words[-1])

    def _speaker_after(self, tok) -> Optional[tuple[int, int]]:
        """The noun phrase after ``tok`` up to the sentence's end or a comma, widened over an apposition that
        names a person and ends the sentence or meets another comma; None when it holds a verb of its own."""
        sent = self.sent(tok)
        end = sent.end
        segs, start = [], tok.i + 1
        for t in self.doc[tok.i + 1:end]:
            if t.text in (",", ".", ";", ":", "—", "–") or t.is_space:
                segs.append(self.doc[start:t.i])
                start = t.i + 1
                if t.text != ",":
                    break
        else:
            segs.append(self.doc[start:end])
        segs = [s for s in segs if len(s)]
        if any(t.tag_ in _FINITE and t.pos_ in ("VERB", "AUX") and not _a_participle(t) for seg in segs for t in seg):
            return None  # "..., said Reyes, 40, will host the show": the clause after the verb is what was said
        if not segs or segs[0][0].ent_type_ in ("DATE", "TIME") or not _a_noun_phrase(segs[0]) or not (
                segs[0][0].pos_ in ("DET", "NUM") or any(t.pos_ == "PROPN" for t in segs[0])):
            return None  # "..., said goodbye": no speaker without a determiner, a number or a name
        last = segs[0]
        if len(segs) > 1 and _a_noun_phrase(segs[1]) and any(e.label_ == "PERSON" for e in segs[1].ents):
            last = segs[1]
        return segs[0][0].idx, last[-1].idx + len(last[-1])


def _heads_the_clause(tok, verb) -> bool:
    """Whether ``tok`` is a finite verb heading the words before ``verb``: the sentence's root or a clause
    hung on ``verb``, not a relative clause's verb."""
    return tok.tag_ in _FINITE and tok.pos_ in ("VERB", "AUX") and (tok.head == tok or tok.head == verb)


def _a_noun_phrase(span) -> bool:
    """Whether tokens read as a noun phrase: they open with a determiner, name, noun, adjective or number, hold
    a noun or name, and no verb but a participle on a noun ("officials briefed on the matter", which the
    parser may tag as a past tense: a past form right before a preposition counts as one)."""
    return span[0].pos_ in _NP_START and any(t.pos_ in ("NOUN", "PROPN") for t in span) and not any(
        t.pos_ in ("VERB", "AUX") and not _a_participle(t) for t in span)


def _a_participle(tok) -> bool:
    """A participle on a noun: tagged so ("acl"), or a past form the parser read as a verb, right before a
    preposition ("briefed on", "involved in")."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return (tok.tag_ in ("VBN", "VBG") and tok.dep_ == "acl") or (
        tok.tag_ in ("VBN", "VBD") and nxt is not None and nxt.pos_ == "ADP")
