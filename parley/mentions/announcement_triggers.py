"""The words that may announce a meeting beside the meeting triggers: a journey ("is due to
fly to Moscow", "leaves for Ottawa for talks"), the name of a coming event no meeting word
names ("the upcoming Indian Ocean Dialogue"), a bare verb ("agreed to meet again") and "to
see" a person; and the frames read off them."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from parley.mentions.announcement_status import COMING_MODIFIERS
from parley.mentions.clause_parts import clause_subjects
from parley.mentions.frames import Frame

# Verbs of a journey, and the prepositions that name its destination.
_TRAVEL_VERBS = {"travel", "fly", "go", "head", "leave", "depart", "come", "return"}
_DESTINATION_PREPS = {"to", "for"}
# Nouns of a journey ("cancelled a trip tomorrow to the U.S.").
_TRIP_NOUNS = {"trip", "journey", "tour"}
# Event names no meeting word covers ("Indian Ocean Dialogue", "the OPEC conference").
EVENT_NOUNS = {"dialogue", "intersessional", "ministerial", "conference"}
# The head words of an event's name ("NATO Summit", "Quad Leaders Meeting").
_EVENT_NAMES = EVENT_NOUNS | {"summit", "meeting", "talks", "consultations"}
# Verbs that announce a meeting without an object ("agreed to meet again", "to speak again
# in a month"), which the meeting patterns (they need an argument) leave out.
_BARE_VERBS = {"meet", "speak", "talk", "confer", "visit"}


def inside_used_trigger(token: Token, handled: set[int]) -> bool:
    """True for "will meet X for talks": the noun hangs (via a preposition) from a used
    trigger."""
    if token.dep_ == "conj":
        return False  # "the upcoming X and the Y": two events
    head = token.head
    if head.dep_ == "prep":
        head = head.head
    # "to visit Japan for the next Quad Leaders Meeting": the journey and what it is for.
    return head.i in handled and not (is_journey(head) or head.lemma_.lower() == "visit")


def journeys(doc: Doc) -> Iterator[int]:
    """Journeys with a destination: verbs ("fly to Moscow", "leaves for Ottawa") and nouns
    ("a trip to Australia", "cancelled a trip tomorrow to the U.S.")."""
    for token in doc:
        if is_journey(token) and _journey_destinations(token):
            yield token.i


def is_journey(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return (token.pos_ == "VERB" and lemma in _TRAVEL_VERBS) or (
        token.pos_ == "NOUN" and lemma in _TRIP_NOUNS
    )


def journey_frame(token: Token) -> Frame:
    """Who travels where: the subject (a trip's possessor, else its verb's subject) and the
    destinations."""
    if token.pos_ == "VERB":
        frame = Frame(token, token, agents=clause_subjects(token))
    else:
        verb = token.head if token.head.pos_ in {"VERB", "AUX"} else None
        owners = [c for c in token.children if c.dep_ == "poss"]
        frame = Frame(token, verb, agents=owners or (clause_subjects(verb) if verb else []))
    frame.counterparts = _journey_destinations(token)
    return frame


def _journey_destinations(token: Token) -> list[Token]:
    """A journey's destinations; a trip's may hang from its verb ("cancelled a trip tomorrow
    to the U.S.")."""
    found = _destinations(token)
    if not found and token.pos_ == "NOUN" and token.dep_ == "dobj":
        found = _destinations(token.head)
    return found


def _destinations(verb: Token) -> list[Token]:
    """The proper-noun objects of a journey's "to"/"for" ("to Israel and the West Bank")."""
    found = []
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in _DESTINATION_PREPS:
            for obj in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"):
                found.extend([obj, *(c for c in obj.conjuncts if c.pos_ == "PROPN")])
    return found


def bare_verbs(doc: Doc) -> Iterator[int]:
    """ "agreed to meet again", "to speak again in a month": a meeting verb in an infinitive
    with no argument of its own."""
    return (token.i for token in doc if is_bare_verb(token))


def is_bare_verb(token: Token) -> bool:
    return (
        token.pos_ == "VERB"
        and token.lemma_.lower() in _BARE_VERBS
        and token.dep_ == "xcomp"
        and not any(c.dep_ in {"dobj", "nsubj"} for c in token.children)
    )


def sees(doc: Doc) -> Iterator[int]:
    """ "is expected to see Miyazawa": to see a person, planned."""
    for token in doc:
        if token.lemma_.lower() == "see" and token.pos_ == "VERB" and seen(token):
            yield token.i


def seen(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "PROPN"]


def named_events(doc: Doc) -> Iterator[int]:
    """Named events, which the meeting patterns (lower-case lemmas) do not read: "the NATO
    Summit in Vilnius", and event names no meeting word covers, said to be coming ("the
    upcoming Indian Ocean Dialogue"; the modifier may sit on a conjunct: "the upcoming X
    and the Y")."""
    for token in doc:
        if token.pos_ == "PROPN" and token.lower_ in _EVENT_NAMES:
            yield token.i
        if token.dep_ == "amod" and token.lower_ in COMING_MODIFIERS:
            noun = token.head
            while noun.dep_ == "compound":
                noun = noun.head
            for head in [noun, *noun.conjuncts]:
                if head.lower_ in EVENT_NOUNS:
                    yield head.i


def event_frame(noun: Token) -> Frame:
    """A coming event named by a word no meeting pattern reads: the states and groups among
    its modifiers are its parties ("the upcoming OPEC conference")."""
    frame = Frame(noun, next((a for a in noun.ancestors if a.pos_ in {"VERB", "AUX"}), None))
    frame.modifiers = [
        c for c in noun.children if c.dep_ in {"compound", "nmod"} and c.pos_ == "PROPN"
    ]
    return frame
