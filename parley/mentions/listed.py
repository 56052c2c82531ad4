"""People listed before a subject that the parse cut from its list.

Readouts open with a list of officials, each with a long title, then the verb: "On Monday,
National Economic Advisor Lael Brainard, Domestic Policy Advisor Neera Tanden, and
Investing in America Chief Economist Heather Boushey met with ...". The small parser often
makes only the last name the subject and hangs the others elsewhere. When everything before
the subject is that list (names, titles, commas and "and": no verb of its own, no
preposition that opens another role such as "with", "by" or "after"), every person named
there is a co-subject.
"""

from __future__ import annotations

from spacy.tokens import Token

from parley.mentions.parties import Party, as_party
from parley.mentions.references import References

# Words that give the people before them another role than the subject's ("After meeting
# with A, B met", "Joined by A, B met", "In a call with A, B ...", "Following remarks by A").
_OTHER_ROLE_WORDS = frozenset(
    {"with", "by", "after", "before", "following", "from", "including", "during", "than",
     "while", "when", "as", "like", "between", "against", "under", "behalf", "without",
     "besides", "unlike", "joined", "accompanied", "alongside", "among", "whom", "who"}
)  # fmt: skip
# Finite verbs: a clause of its own before the subject ("Biden said Sullivan met ...").
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def listed_co_subjects(
    subjects: list[Token], offset: int, entities: References, exclude: set[str]
) -> list[Party]:
    """The other people of the list a sentence opens with, when one of ``subjects`` ends
    it."""
    found: list[Party] = []
    for subject in subjects:
        found += _listed_before(subject, offset, entities, exclude | {p.entity_id for p in found})
    return found


def _listed_before(
    subject: Token, offset: int, entities: References, exclude: set[str]
) -> list[Party]:
    if subject.dep_ != "nsubj" or subject.pos_ != "PROPN":
        return []
    before = subject.doc[: subject.i]
    words = [t for t in before if not t.is_punct]
    if not any(t.lower_ == "and" for t in words):
        return []
    if any(t.lower_ in _OTHER_ROLE_WORDS or t.tag_ in _FINITE_TAGS for t in words):
        return []
    start = offset + before.start_char if len(before) else offset
    return _people_within(start, offset + subject.idx, entities, exclude)


def listed_after_colon(
    trigger: Token, offset: int, entities: References, known: list[Party]
) -> list[Party]:
    """The people, other than ``known``, of a list the trigger's "with" opens with a colon
    ("spoke individually with: Prime Minister Kaja Kallas of Estonia; Prime Minister
    Krisjanis Karins of Latvia; ..."): the parser splits it at each semicolon."""
    doc = trigger.doc
    after = trigger.i + 1
    while after < len(doc) and doc[after].pos_ == "ADV":
        after += 1  # "spoke individually with:"
    if after + 1 >= len(doc) or doc[after].lower_ != "with" or doc[after + 1].text != ":":
        return []
    start = offset + doc[after + 1].idx
    return _people_within(start, offset + len(doc.text), entities, {p.entity_id for p in known})


# Words after a "with" list that end it: the time, place or purpose of the meeting, or a
# clause of its own ("met with A, B and C today", "... in Vilnius", "... who briefed him").
_LIST_END_TAGS = frozenset({"VB", "VBD", "VBZ", "VBP", "VBG", "VBN", "MD", "WP", "WDT", "WRB"})
_LIST_END_WORDS = frozenset({"today", "yesterday", "tonight", "tomorrow", "this", "last"})
# Prepositions inside an official's title ("Counselor to the President", "Head of the
# Office of the President", "Minister for Foreign Affairs"); any other one ends the list.
_TITLE_PREPS = frozenset({"of", "for", "to"})


def listed_after_with(
    trigger: Token, counterparts: list[Token], offset: int, entities: References, known: list[Party]
) -> list[Party]:
    """The people, other than ``known``, of the list a counterpart opens after "with", when
    the parse cut the list ("met on November 13 with French Diplomatic Counselor to the
    President Emmanuel Bonne, German ... Advisor Jens Ploetner, and ... Andriy Yermak": the
    parser hangs the names after the first title on "to")."""
    firsts = [c for c in counterparts if c.dep_ == "pobj" and c.head.lower_ == "with"]
    if not firsts:
        return []
    opening = firsts[0].head
    doc = trigger.doc
    end = opening.i + 1
    while end < len(doc) and not _ends_list(doc[end]):
        end += 1
    while end > opening.i + 1 and doc[end - 1].lower_ in {",", "and"}:
        end -= 1  # "..., the Sultan of Oman, and thanked him": the "and" joins the verbs
    inside = doc[opening.i + 1 : end]
    if not any(t.lower_ == "and" for t in inside):
        return []  # "with His Majesty Haitham bin Tariq Al Said, the Sultan of Oman": one person
    stop = offset + (doc[end].idx if end < len(doc) else len(doc.text))
    taken = {p.entity_id for p in known}
    return _people_within(offset + opening.idx, stop, entities, taken)


def _ends_list(token: Token) -> bool:
    if token.dep_ in {"nsubj", "nsubjpass"} or token.tag_ in _LIST_END_TAGS:
        return True  # "... and Blinken emphasised": a clause of its own
    if token.is_punct:
        return token.text not in {",", "(", ")", "-", "\u2013"}
    if token.lower_ in _LIST_END_WORDS:
        return True
    if token.lower_ == "to" and token.i + 1 < len(token.doc):
        return token.doc[token.i + 1].tag_ == "VB"  # "to discuss"
    return token.tag_ == "IN" and token.lower_ not in _TITLE_PREPS


def _people_within(start: int, end: int, entities: References, exclude: set[str]) -> list[Party]:
    """The distinct people named inside the body span [start, end), other than ``exclude``."""
    people: list[Party] = []
    seen = set(exclude)
    for mention in entities.overlapping(start, end):
        if mention.entity_type != "PERSON" or mention.end_char > end:
            continue
        if entities.body.startswith(("'s", "\u2019s"), mention.end_char):
            continue  # "Yoon's chief of staff": a person the list's member is described by
        resolved = entities.canonical(mention)
        if resolved.entity_id not in seen:
            people.append(as_party(resolved, "name"))
            seen.add(resolved.entity_id)
    return people
