"""The kind of a mention: meeting, phone_call, video_call, visit, summit or negotiation.

Phone/video words make a call, and so does a call itself ("held a call", "had a phone
call"; a courtesy call on someone is in person); so does a kind-neutral verb of talking
("spoke with", "conversation") in a story whose headline announces a call ("Readout of
President Biden's Call with ...", "Modi's phone call with ..."). Talks with no named person
on either side, a meeting of states' officials none of whom is named, talks with an
organisation, meetings with "negotiators" and delegations' meetings with no named person are
a ``negotiation`` (officials meeting described people, "met with legislative leaders", are
not); a visit to a place is a ``visit``;
everything else is a ``meeting``.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from parley.mentions.frames import Frame
from parley.mentions.parties import Party, is_group_party
from parley.mentions.patterns import PHONE_WORDS, misread_noun

_VIDEO_WORDS = {"video", "videoconference", "video-conference", "virtual"}
# Headlines that announce a call ("... Call with ...", "phone conversation"); "calls for" and
# "calls on" are demands.
_CALL_HEADLINE = re.compile(
    r"\b(?:(?:phone|telephone|video)\s+)?calls?\s+(?:with|between)\b"
    r"|\b(?:phone|telephone|video)\s+(?:call|conversation|talks?)\b",
    re.IGNORECASE,
)
_VIDEO_HEADLINE = re.compile(r"\b(?:video|virtual|videoconference)\b", re.IGNORECASE)
_LEADERS = {"leaders", "heads", "summiteers"}
_LEADERS_HEADLINE = re.compile(r"\b(?:leaders|summit)\b", re.IGNORECASE)
# Verbs and nouns of talking that say nothing of how the parties talked.
_KIND_NEUTRAL = {"speak", "talk", "conversation", "discussion", "discuss", "confer"}


PLACE_TYPES = {"GPE", "LOC", "FAC"}


_DELEGATION_HEADS = {"delegation", "delegate"}


def event_kind(
    frame: Frame, parties: list[Party], counterparts: list[Party], headline: str | None = None
) -> str:
    """The kind of the mention a frame states (``headline``: the article's title)."""
    trigger = frame.trigger
    lemma = trigger.lemma_.lower()
    nearby = {c.lower_ for c in trigger.children} | {trigger.lower_}
    if frame.clause_verb is not None:
        nearby |= {t.lower_ for t in frame.clause_verb.subtree}
    if frame.kind_hint:
        return frame.kind_hint
    if nearby & _VIDEO_WORDS:
        return "video_call"
    if lemma in _KIND_NEUTRAL | {"call"} and PHONE_WORDS & (
        {c.lower_ for c in trigger.children} | _prep_words(frame.clause_verb)
    ):
        return "phone_call"
    as_noun = trigger.pos_ == "NOUN" or misread_noun(trigger)  # "held ... call"
    if lemma == "call" and as_noun and not _in_person_call(trigger):
        return "phone_call"
    held_call = _call_held(trigger)
    if held_call is not None:
        # "convened a call with", "joined ... for their regular call with": the call is how
        words = {c.lower_ for c in held_call.children}
        return "video_call" if words & _VIDEO_WORDS else "phone_call"
    if lemma in _KIND_NEUTRAL and headline and _CALL_HEADLINE.search(headline):
        return "video_call" if _VIDEO_HEADLINE.search(headline) else "phone_call"
    if lemma == "summit" or _met_for_a_summit(trigger, parties):
        return "summit"
    if any(is_group_party(p) for p in parties):
        # A group of states meeting: its leaders' meeting is a summit, its ministers' a meeting.
        # "Readout of President Biden's Meeting with the Leaders of the Bucharest Nine"
        leaders = bool(_LEADERS & nearby) or bool(headline and _LEADERS_HEADLINE.search(headline))
        return "summit" if leaders else "meeting"
    if lemma.startswith("negotiat"):
        return "negotiation"
    if (
        lemma == "visit"
        and counterparts
        and all(p.entity_type in PLACE_TYPES for p in counterparts)
    ):
        return "visit"
    unnamed = all(p.entity_type != "PERSON" for p in parties)
    # Talks between delegations (no named person on either side) are negotiations; officials
    # who met described people ("met with Jewish community leaders") met them.
    if unnamed and (
        lemma in {"talk", "talks", "discussion"}
        or (lemma in {"meeting", "meet"} and any(p.entity_type in {"GPE", "NORP"} for p in parties))
    ):
        return "negotiation"
    if lemma in {"talk", "talks"} and any(p.entity_type == "ORG" for p in parties):
        return "negotiation"  # talks with a ministry or agency, not with a person
    if any(p.head == "negotiator" for p in parties):
        return "negotiation"  # "met U.S. negotiators": delegation-level talks
    if any(p.head in _DELEGATION_HEADS for p in parties) and not any(
        p.entity_type == "PERSON" for p in parties
    ):
        return "negotiation"  # "Sullivan met with a delegation of ..." is his meeting
    return "meeting"


def _met_for_a_summit(verb: Token, parties: list[Party]) -> bool:
    """ "the Presidents of Finland and the United States and the Prime Ministers of Denmark,
    Iceland, Norway, and Sweden met in Helsinki for the third U.S.-Nordic Leaders' Summit",
    "joined leaders of ASEAN member states for the annual U.S.-ASEAN Summit": a meeting held
    as a summit is one; a pair who met "for" it met beside it, and "met at the summit" is a
    side meeting."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    if len(parties) < _SUMMIT_PARTIES and not any(is_group_party(p) for p in parties):
        return False
    return any(
        o.dep_ == "pobj" and o.lemma_.lower() == "summit"
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "for"
        for o in prep.children
    )


# Fewer sides than this met beside a summit, not as it.
_SUMMIT_PARTIES = 3


def _call_held(verb: Token) -> Token | None:
    """The call a verb holds or joins ("convened a call", "joined them for their call"),
    if its object or a "for" phrase is one (not a courtesy call)."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    nouns = [c for c in verb.children if c.dep_ == "dobj"]
    nouns += [
        o
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ == "for"
        for o in p.children
        if o.dep_ == "pobj"
    ]
    return next((n for n in nouns if n.lemma_.lower() == "call" and not _in_person_call(n)), None)


def _in_person_call(noun: Token) -> bool:
    """ "paid a courtesy call on Y", "a call on the President": a visit, not a telephone."""
    return any(c.lower_ in {"courtesy", "on"} for c in noun.children)


def _prep_words(verb: Token | None) -> set[str]:
    if verb is None:
        return set()
    return {t.lower_ for prep in verb.children if prep.dep_ == "prep" for t in prep.subtree}
