"""The kind of a mention: meeting, phone_call, video_call, visit, summit or negotiation.

Phone/video words make a call; talks with no named person on either side, talks with an
organisation and meetings with "negotiators"/"delegations" are a ``negotiation``; a visit to
a place is a ``visit``; everything else is a ``meeting`` (a courtesy call is in person).
"""

from __future__ import annotations

from spacy.tokens import Token

from parley.mentions.frames import PHONE_WORDS, Frame
from parley.mentions.parties import Party

_VIDEO_WORDS = {"video", "videoconference", "video-conference", "virtual"}


PLACE_TYPES = {"GPE", "LOC", "FAC"}


_NEGOTIATOR_HEADS = {"negotiator", "delegation", "delegate"}


def event_kind(frame: Frame, parties: list[Party], counterparts: list[Party]) -> str:
    trigger = frame.trigger
    lemma = trigger.lemma_.lower()
    nearby = {c.lower_ for c in trigger.children} | {trigger.lower_}
    if frame.clause_verb is not None:
        nearby |= {t.lower_ for t in frame.clause_verb.subtree}
    if frame.kind_hint:
        return frame.kind_hint
    if nearby & _VIDEO_WORDS:
        return "video_call"
    if lemma in {"conversation", "call", "talk"} and PHONE_WORDS & (
        {c.lower_ for c in trigger.children} | _prep_words(frame.clause_verb)
    ):
        return "phone_call"
    if lemma == "summit":
        return "summit"
    if lemma.startswith("negotiat"):
        return "negotiation"
    if (
        lemma == "visit"
        and counterparts
        and all(p.entity_type in PLACE_TYPES for p in counterparts)
    ):
        return "visit"
    if lemma in {"talk", "talks", "meeting", "meet", "discussion"} and all(
        p.entity_type != "PERSON" for p in parties
    ):
        # Talks between delegations (no named person on either side) are negotiations.
        return "negotiation"
    if lemma in {"talk", "talks"} and any(p.entity_type == "ORG" for p in parties):
        return "negotiation"  # talks with a ministry or agency, not with a person
    if any(p.head in _NEGOTIATOR_HEADS for p in parties):
        return "negotiation"  # "met U.S. negotiators": delegation-level talks
    return "meeting"


def _prep_words(verb: Token | None) -> set[str]:
    if verb is None:
        return set()
    return {t.lower_ for prep in verb.children if prep.dep_ == "prep" for t in prep.subtree}
