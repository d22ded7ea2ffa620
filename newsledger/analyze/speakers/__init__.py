"""Speaker resolution: one canonical name per speaker within an article, or "unresolved".

``resolve_speakers(claims, doc, text)`` sets, for every claim source, ``name`` (None when no
antecedent fits), ``resolved_from`` (the earlier mention a pronoun or descriptor was resolved
to, else None), ``confidence`` and ``anonymous``. It prefers "unresolved" to a guess:

* **named** people: titles and descriptions are stripped to the PERSON name ("Ukrainian Foreign
  Minister Andriy Sybiga" -> "Andriy Sybiga"), a later surname maps to the full name (given by
  an earlier speaker or mention); a descriptor in apposition to a name ("Yevhen Zosin, 74, a Kyiv
  resident who ...") is the name, but a work is not ("..., a recent poll has shown"), nor a name
  across a sentence's end, a quotation's edge or inside a phrase fronted before the source ("...
  against Walter Price. Democrats said", "“... with Ana Lopez,” Day said", "After talks with Paul
  Brandt, the council announced"); a title
  word inside an organisation's name ("the Justice Department") makes no person; a two-word name
  sharing only its last word with an earlier full name is another speaker ("Swiss Re" is no "Munich
  Re"), and a mention holding a figure joins only a speaker named with that figure ("68 percent" is
  not "Only 41 percent of voters");
* **pronouns** ("he", "she", "they", "it", "its government") resolve only to an antecedent that
  agrees in gender (known from "Mr"/"Ms" or from an earlier unambiguous he/she) and number, that
  is not inside quoted or reported content, preferring the current speaker of the passage, then
  the subject of a recent sentence; objects ("critics of Senator Ray") are never antecedents;
  "they" after "X and his colleagues" is that group; "it" may be a work that spoke ("the letter
  stated ... It described") or an organisation named in the plural ("Israel Defense Forces"), never one person named
  by a role ("an MP in Seaford", "the GOP candidate");
  with nothing compatible within :data:`WINDOW` characters the claim is unresolved;
* **descriptors** ("the spokesman", "the agency", "the officials", "the government") resolve to
  the latest earlier speaker or mention whose own words hold the descriptor's head noun (or, for
  a government, the country of the passage), a bare "the agency"/"the company" to the
  organisation just named (never "the military", "the spokesman"), and only to a body of a compatible
  kind (``kinds``: "the agency" is no "Senate", "the department" no "Kestrel Motors", "the state" no
  "State Department"); an indefinite one ("an
  analysis by ...") is a new speaker, never an earlier one; a work "seen by Reuters" is not
  Reuters'; "his spokesman" is an unnamed representative (anonymous);
* **documents** ("the release", "the statement", "the letter", "the story") speak for the issuer the
  text names just before (the source's sentence, its paragraph, the previous paragraph): "X issued a
  release", "X said in a statement", "a letter from X", "X ran a profile", and for a release or
  statement "X announced ..."; two issuers in one sentence, or none, leave the document its own words;
* **relative pronouns** ("which accuses ...") take the noun they modify ("which" never a person);
  a passive subject ("X was accused of ...", also inherited: "has ... been accused of", "Asked
  whether ..., X said") is the accused or the asked, never the speaker: unresolved, as is the
  subject of an asking verb the tagger gave another verb's words ("As Ruano asked how ..., Barrios
  explained that ..." is not Ruano's), and an
  object the tagger took for a source ("a letter to Director Y demanding ...");
* **organisations**: "(NIS)" defines an acronym; "the NIS", "South Korean intelligence" ~
  "South Korea's National Intelligence Service (NIS)": one cluster, named by its fullest mention;
* **anonymous** sources ("officials", "a company spokesman", "sources at the broadcaster", "a
  resident who asked not to be named", a bare "reports") keep their words as name with
  ``anonymous=True``;
* **sentence structure**: an apposition chain speaks through its head ("Chad Hawk, vice president
  of PMG, a paper money grading company ... told"); a numeric share of people ("about 7 in 10
  voters say") is the poll its sentence names, else unresolved; a he/she/they right after an
  unnamed person spoke ("a teacher ... She said", "A spokesman for X said ... They added") is
  theirs, so unresolved, unless a person subject was named since or the gender disagrees; a
  sentence-final ", the Tuva government was quoted as saying" is the reporter of the claim inside
  it; words a body only passes on are their speaker's ("Smith said ..., according to a pool report",
  "The Times reported that one boy revealed ...": one boy's); a dateline taken for the source ("MADRID --
  Spanish Prime Minister Pedro Sanchez says") gives way to the words between it and the cue; "her campaign's memo" is no pronoun's (unresolved);
* **roles and rivals**: a role with a name in apposition is that name even where the tagger took the
  name for an organisation ("the company's CEO, Abdulaziz Jaafar"); a surname opening a paragraph
  is a main-clause subject even where the parse ran the previous quotation into its sentence
  ("... AI.” ¶ White didn't commit ... he emphasized"); a he/she whose chosen antecedent (not the
  current speaker) has no known gender while another person known to agree is within reach is
  unresolved (two readings), as is one right after "X was accused by Y", one whose paragraph first
  makes another agreeing person its topic ("In Costa's case, she ..."), one carried from the current
  speaker over a whole paragraph naming another person known to agree, and one inside reported words
  that name another person before it; the one who asks in the pronoun's own sentence ("When Winfrey
  asked if he ..., he declined") is no antecedent, nor is a current speaker of unknown gender whose
  reported words named another person known to agree ("Winfrey told CBS that Harry had said ... he
  added"); a speaker named in the pronoun's own paragraph keeps it; a
  surname the tagger missed or took for an organisation still counts as a person (a rival, and no
  source of the previous man's gender); a name inside a fronted participle phrase ("Speaking after
  Mr Adams, the deputy said") describes nobody after it;
* **no one**: a bare article ("The also said"), a gerund phrase with no doer ("Raising the fees shows"), a
  universal quantifier over a pronoun ("All of them agreed") and a partitive relative with no noun
  before it name nobody (unresolved); "many of whom say" after a noun is that noun's group;
* **coordinated speakers** ("Senator A and Senator B said"): the name names all of them, full names
  where the article gives them, in text order ("A and B"); a coordination with a common noun ("Dunn
  and his aides") keeps the first name;
* **a second opinion**: an organisation or group the parse made a speech verb's subject while
  the PolNeAR-trained tagger reads another phrase of the same sentence as the cue's source (not a
  relative pronoun) is unresolved, ``resolved_from`` saying what the tagger read (two readings of the sentence).

The package, each module importing only those above it: ``words`` (vocabulary, string helpers) and
``kinds`` (the kind of body a descriptor or a name says it is) <-
``clusters`` (one per speaker) <- ``spans`` (names in the parse) <- ``mentions`` (antecedents, genders)
<- ``context`` (per-article state) <- ``rivals`` (two readings) <- ``pronouns``; ``apposition``,
``descriptors``, ``documents`` (a document's issuer), ``passive``, ``sentence`` (structure around a source), ``unnamed``,
``noone`` (words that are no one) <- ``named`` (sources that name their speaker) <- ``joint`` (coordinated
speakers) <- ``resolve`` (the loop, :func:`resolve_speakers`).
"""
from newsledger.analyze.speakers.resolve import resolve_speakers

__all__ = ["resolve_speakers"]
