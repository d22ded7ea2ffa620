"""The vocabulary of speaker resolution (pronouns, titles, role and organisation nouns, confidences)
and small string helpers on a source's words."""
from __future__ import annotations

import re
from typing import Optional


DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her"}
GENERIC_ORG = {"agency", "ministry", "department", "service", "office", "government", "group", "company",
               "organization", "organisation", "institute", "committee", "council", "commission", "firm",
               "campaign", "administration", "spokesman", "spokeswoman", "spokesperson", "newspaper",
               "network", "intelligence", "military", "army", "police", "court", "report", "study", "statement",
               "presidency", "ministry", "bureau", "authority", "authorities", "website", "outlet", "paper"}
ANON_HEADS = {"official", "officials", "source", "sources", "person", "people", "aide", "aides", "diplomat",
              "diplomats", "insider", "insiders", "someone", "observers", "analysts", "experts", "residents",
              "witnesses", "critics", "supporters", "lawmakers", "members", "staffers", "advisers", "some",
              "others", "many", "several", "one", "individual", "individuals"}
TITLE_WORDS = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "prof", "president",
               "minister", "secretary", "senator", "governor", "spokesman", "spokeswoman", "chairman", "mayor",
               "judge", "justice", "leader", "chief", "director", "ambassador", "prime", "foreign", "general"}


WINDOW = 1500  # characters back from a pronoun to look for its antecedent
MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
PLURAL = {"they", "them", "their", "theirs", "we", "us", "our"}
NEUTER = {"it", "its"}
FIRST_PERSON = {"i", "me", "my", "we", "us", "our"}
RELATIVES = {"which", "who", "that", "whom", "whose"}
TITLE_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "lady": "f", "lord": "m",
                "king": "m", "queen": "f", "prince": "m", "princess": "f", "madam": "f"}
# a partitive relative ("many of whom", "some of which"): the noun before it, else nobody
PARTITIVE_RELATIVE = re.compile(r"^\w+ of (whom|which)$", re.I)
# a universal quantifier alone or over a pronoun ("All said", "Both of them say"): which ones is the reader's guess
UNIVERSAL = re.compile(r"^(all|both|each|none|neither|either)( of (them|us|you|those|these))?$", re.I)
QUANTIFIERS = {"all", "both", "neither", "each", "none", "either", "most", "many", "some", "few", "several", "half"}
GOVERNMENT_HEADS = {"government", "administration", "presidency", "cabinet", "authorities", "state"}
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
CONF_NAMED, CONF_ORG, CONF_ANON, CONF_GENERIC = 0.95, 0.9, 0.85, 0.6
CONF_SPEAKER, CONF_SUBJECT, CONF_AMBIGUOUS, CONF_DESCRIPTOR = 0.85, 0.75, 0.5, 0.7

# the head of a phrase naming one person by role ("an MP in Seaford", "a lawyer for the city")
PERSON_ROLES = {"mp", "lawmaker", "legislator", "councillor", "councilman", "councilwoman", "congressman",
                "congresswoman", "senator", "minister", "lawyer", "attorney", "judge", "mayor", "governor",
                "spokesman", "spokeswoman", "spokesperson", "official", "officer", "adviser", "advisor", "aide",
                "candidate", "nominee", "contender", "challenger", "incumbent"}

ORG_NAME_WORDS = {"inc", "ltd", "llc", "corp", "co", "plc", "group", "company", "bank", "university", "council",
                  "ministry", "agency", "institute", "foundation", "association", "party", "league", "club"}

# a bare "the agency" / "the company" stands for the organisation just named; "the military", "the
# police", "the spokesman", "the report" name a speaker of their own (or nobody we can tell)
ORG_TYPE_HEADS = {"agency", "ministry", "department", "company", "firm", "group", "organization", "organisation",
                  "institute", "bureau", "authority", "commission", "council", "committee", "office", "service",
                  "network", "outlet", "newspaper", "paper", "website"}

# "a letter signed by 40 MPs", "a report commissioned by the senator": who backed the work, not who wrote it
BACKER_VERBS = {"sign", "cosign", "co-sign", "back", "support", "endorse", "commission", "fund", "sponsor",
                "request", "order", "welcome", "praise", "cite", "quote", "mention"}

# a name after one of these is a storm's or a ship's, never a person's ("Storm Ciarán", "HMS Dauntless")
THING_NAME_WORDS = {"storm", "hurricane", "typhoon", "cyclone", "hms", "uss", "rms", "hmas", "hmcs"}

# "When Winfrey asked if he could ...": the one who asks is not the one asked about
ASK_VERBS = {"ask", "question", "press", "quiz", "interview", "challenge", "urge"}

PERSON_NOUNS = {"head", "chief", "leader", "founder", "director", "chairman", "chairwoman", "president", "man",
                "woman", "boy", "girl", "father", "mother", "son", "daughter", "wife", "husband"}

# the head of a description that makes the name before it a person's ("Ana Ruiz, the ambassador to Oman",
# "Tom Hale, a Leeds business consultant", "Mia Ko, the firm's co-founder")
DESCRIBED_ROLES = {"ambassador", "consultant", "founder", "cofounder", "businessman", "businesswoman", "economist",
                   "scientist", "professor", "researcher", "activist", "engineer", "owner", "manager", "ceo",
                   "director", "president", "chairman", "chairwoman", "spokesman", "spokeswoman", "spokesperson",
                   "resident", "lawyer", "attorney", "doctor", "nurse", "teacher", "student", "mother", "father",
                   "analyst", "executive", "officer", "official", "adviser", "advisor", "minister", "senator",
                   "mayor", "governor", "author", "historian", "journalist", "veteran", "farmer", "pilot"}

ANON_ROLES = {"spokesman", "spokeswoman", "spokesperson", "resident", "witness", "employee", "worker", "officer",
              "official", "source", "aide", "member", "person", "man", "woman", "doctor", "nurse", "teacher",
              "student", "diplomat", "insider", "adviser", "advisor", "staffer", "executive", "lawyer", "analyst",
              "officers", "employees", "workers", "staff"}


def norm_name(s: str) -> str:
    s = s.replace("’", "'")
    s = re.sub(r"\s+", " ", s).strip(" ,.;:\"'“”")
    return s


LINK_WORDS = {"of", "for", "on", "in", "at", "and", "to", "the", "&"}


def head_words(mention: str) -> list[str]:
    """The words of an organisation's name that can be its head: not a modifier of a following
    common noun ("the user" is not the "Reddit user profile page"; "the ministry" is the
    "Ministry of Health"; "New York" is not "New York magazine")."""
    words = mention.split()
    return [w for k, w in enumerate(words)
            if k + 1 == len(words) or words[k + 1].lower() in LINK_WORDS or not words[k + 1][:1].islower()]


def strip_det(s: str) -> str:
    words = s.split()
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    return " ".join(words)


def acronym_def(s: str) -> Optional[str]:
    m = re.search(r"\(([A-Z][A-Z.&]{1,9})\)", s)
    return m.group(1).replace(".", "") if m else None


def initials_of(s: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Z][\w'-]*", strip_paren(s)) if w[0].isupper())


def strip_paren(s: str) -> str:
    return re.sub(r"\s*\([^)]*\)", "", s).strip()


def demonym_root(word: str) -> str:
    w = word.lower().replace("'s", "")
    for suf in ("ian", "ean", "an", "ese", "ish", "i", "n"):
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            return w[: len(w) - len(suf)]
    return w


def content_words(s: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z][\w'-]*", strip_paren(s).replace("’", "'")) if w.lower() not in DETERMINERS]
