"""Phrases of a clause beyond a trigger's own arguments that add parties or split them:
people acting together with the subject ("together with", "along with"), a second "with"
coordinated with the first, a "with" the parser hung elsewhere, and adverbs that make each
counterpart its own meeting ("individually", "separately")."""

from __future__ import annotations

from spacy.tokens import Token

from parley.mentions.arguments import can_be_party
from parley.mentions.gatherings import member_phrases
from parley.mentions.patterns import NOUN_TRIGGERS, PHONE_WORDS, fronted


def companions(agents: list[Token]) -> list[Token]:
    """People an agent acts together with ("Pyle, together with Finance Minister Marchenko
    and Director-General Koopman, co-chaired", "Deese, along with Deputy Director Fazili,
    convened"): they are agents too."""
    found: list[Token] = []
    for agent in agents:
        for prep in (c for c in agent.children if c.dep_ == "prep" and c.lower_ == "with"):
            if any(c.dep_ == "advmod" and c.lower_ in {"together", "along"} for c in prep.children):
                found.extend(c for c in prep.children if c.dep_ == "pobj")
        found.extend(
            c
            for prep in agent.children
            if prep.dep_ == "prep" and prep.lower_ == "alongside"
            for c in prep.children
            if c.dep_ == "pobj"
        )
    return found


ONE_BY_ONE = {"separately", "individually"}


def coordinated_withs(verb: Token) -> list[Token]:
    """ "with"s coordinated with the verb's own, on it or on its purpose clause."""
    heads = [verb, *(c for c in verb.children if c.dep_ in {"advcl", "xcomp"})]
    return [c for h in heads for c in h.children if c.dep_ == "conj" and c.lower_ == "with"]


# Events a host holds with others ("hosted an event with", "convened a session with").
EVENT_NOUNS = {"event", "session", "forum", "dialogue", "gathering", "briefing", "panel"}


def stray_with(verb: Token, through_topic: bool = False) -> Token | None:
    """A "with" the parser hung elsewhere, within a few words after the verb and before any
    other verb or punctuation ("met today at the White House with President Marcos", "spoke
    this afternoon with Florida Governor Ron DeSantis to offer support": "with" parsed as
    the mark of "offer").

    A verb with an object has none, unless the object is its topic (``through_topic``):
    "discussed the loan request with David Knox" (the parser hangs the phrase on the topic
    noun). Only a person counts there (``on_the_topic``).
    """
    topics = [c for c in verb.children if c.dep_ == "dobj"]
    if topics:
        withs = [c for t in topics if through_topic for c in t.children if c.lower_ == "with"]
        return next((c for c in withs if c.dep_ == "prep"), None)
    doc = verb.doc
    for token in doc[verb.i + 1 : min(verb.i + 8, len(doc))]:
        if token.lower_ == "with":
            return token
        if (
            token.is_punct
            or token.pos_ in {"VERB", "AUX"}
            or token.lemma_.lower() in NOUN_TRIGGERS  # "after talks with X": the talks' "with"
            or (token.pos_ == "ADP" and token.lower_ not in PLACE_AND_TIME_PREPS)
        ):
            return None
    return None


def on_the_topic(party: Token, trigger: Token) -> bool:
    """True for a party the parser hung on the topic of "discuss": "discussed the loan
    request with David Knox". Only a person there is the other side; a state or body is the
    topic's own phrase ("discussed their engagements with Ukraine and Russia")."""
    while party.dep_ == "conj":  # "with Ukraine and Russia"
        party = party.head
    prep = party.head
    topic = prep.head
    return (
        trigger.lemma_.lower() == "discuss"
        and prep.lower_ == "with"
        and topic.dep_ == "dobj"
        and topic.head.i == trigger.i
    )


# Prepositions of the time or place phrases a stray "with" may follow ("met today at the
# White House with").
PLACE_AND_TIME_PREPS = {"at", "in", "on"}


def has_phone_prep(verb: Token) -> bool:
    """ "spoke by telephone with", "talked on the phone to": a phrase naming the medium."""
    return any(
        prep.dep_ == "prep" and any(c.lower_ in PHONE_WORDS for c in prep.subtree if c is not prep)
        for prep in verb.children
    )


def addressed_at(prep: Token) -> list[Token]:
    """Whom the clause's verb addresses when the meeting is a phrase set off before it ("At
    meetings here this week, Bank of England officials pressed their Japanese counterparts
    ...": the counterparts are the other side). "In the meeting, participants commended
    ..." points back at a meeting already told, whose sides are told there."""
    verb = prep.head
    if verb.pos_ not in {"VERB", "AUX"} or not fronted(prep) or _definite(prep):
        return []
    return [c for c in verb.children if c.dep_ == "dobj" and can_be_party(c)]


def _definite(prep: Token) -> bool:
    return any(
        c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these", "those"}
        for obj in prep.children
        if obj.dep_ == "pobj"
        for c in obj.children
    )


def members_met_at(prep: Token, noun: Token) -> list[Token]:
    """Who met, for a meeting the clause was at or came after: "pushed hard at the meeting of
    deputy oil ministers of the Gulf Cooperation Council", "after a weekend meeting of OPEC
    oil ministers" (a meeting only hoped for is "for" one, or a "next" one)."""
    return member_phrases(noun) if prep.lower_ in {"at", "after", "following", "during"} else []


def names_a_modifier(token: Token) -> bool:
    """A modifier of a meeting noun that may name a side: a name or an adjective, or a
    capitalised word the tagger took for a common noun ("the G-7 meeting", G-7 tagged NN);
    only states and groups of states stand in from there (``events.frame_sides``)."""
    return token.pos_ in {"PROPN", "ADJ"} or (token.pos_ == "NOUN" and token.text[:1].isupper())


def clause_subjects(verb: Token) -> list[Token]:
    """The subject(s) of a verb, borrowed from the governing clause when it has none."""
    token = verb
    for _ in range(6):
        subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            return subjects
        if token.dep_ in {"relcl", "acl"} and token.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            return [token.head]
        if token.dep_ == "ROOT" or token.head is token:
            return []
        token = token.head
    return []


def clause_verb_of(token: Token) -> Token | None:
    """The nearest verb above a token: the clause an interaction noun belongs to."""
    for ancestor in token.ancestors:
        if ancestor.pos_ in {"VERB", "AUX"}:
            return ancestor
    return None
