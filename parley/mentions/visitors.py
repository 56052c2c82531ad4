"""Visitors named as such: "visiting British Corporate Affairs Minister Michael Howard told
Japan", "Rafsanjani telling a visiting Nicaraguan delegation", "the accord was reached
between Iranian Oil Minister Aqazadeh and a visiting Ghanaian delegation".

The participle says a visit is under way. The one who tells, receives or agrees with the
visitor is who the visitor met; with no such side, the visit is to where the story is filed
(the dateline's country, as for "during a visit here"), if the visitor is named.
"""

from __future__ import annotations

from spacy.tokens import Token

from parley.mentions.arguments import can_be_party
from parley.mentions.patterns import VERB_ARG_DEPS

VISITING = "visiting"
# Verbs of which a visitor as object was met by the subject ("telling a visiting delegation").
_MEETING_OBJECT_VERBS = {"tell", "receive", "welcome", "brief", "assure", "urge", "give"}


def bare_participle(token: Token) -> bool:
    """ "visiting" with none of a verb's arguments: only a modifier, matched as one."""
    return token.lower_ == VISITING and not any(c.dep_ in VERB_ARG_DEPS for c in token.children)


def visitor_of(participle: Token) -> Token | None:
    """The party "visiting" describes, when it modifies one rather than taking an object
    ("visiting Tokyo" has its own object and is the verb "visit")."""
    if participle.lower_ != VISITING or any(c.dep_ == "dobj" for c in participle.children):
        return None
    # "Meanwhile, visiting British Minister Michael Howard told Japan": the parser may hang
    # the participle on the verb; the noun phrase right after it is then the visitor.
    modifier = participle.dep_ in {"amod", "compound"}
    head = participle.head if modifier else _phrase_head(participle)
    if head is None or head.i <= participle.i or not can_be_party(head):
        return None
    return head


def _phrase_head(participle: Token) -> Token | None:
    doc = participle.doc
    if participle.i + 1 >= len(doc):
        return None
    token = doc[participle.i + 1]
    while token.dep_ in {"compound", "amod", "det", "nmod"} and token.head.i > token.i:
        token = token.head
    return token if token.dep_ in {"nsubj", "nsubjpass"} else None


def hosts_of(visitor: Token) -> list[Token]:
    """Who met the visitor: the subject of the verb the visitor is the object of, or the
    first side of a "between A and the visitor"."""
    if (
        visitor.dep_ == "conj"
        and visitor.head.dep_ == "pobj"
        and visitor.head.head.lower_ == "between"
    ):
        return [visitor.head]
    verb = visitor.head
    if visitor.dep_ in {"dobj", "dative"} and verb.lemma_.lower() in _MEETING_OBJECT_VERBS:
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects:
            return subjects
        if verb.dep_ in {"acl", "advcl"} and verb.head.pos_ in {"PROPN", "NOUN"}:
            return [verb.head]  # "quoted spokesman Rafsanjani telling a visiting delegation"
    return []
