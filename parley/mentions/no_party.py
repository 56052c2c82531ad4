"""Sides a sentence names that are no party to the meeting it states.

"The Tokyo summit", "at the London talks": one city before the meeting noun is where the
meeting was held (the labelling rules give it as the location). "De Clercq, talking to
journalists": the press an official talks to hears a statement; it holds no meeting.
"""

from __future__ import annotations

from parley.entities.ids import is_country_id
from parley.mentions.parties import Party


def without_a_lone_city(modifiers: list[Party]) -> list[Party]:
    """ "the Tokyo summit", "at the London talks": one city before the meeting noun is
    where it was held, no party (a pair stands for governments: "Washington-Tokyo talks")."""
    places = [p for p in modifiers if p.entity_type == "GPE"]
    if len(places) == 1 and not is_country_id(places[0].entity_id):
        return [p for p in modifiers if p is not places[0]]
    return modifiers


# The press head a side can have, whom an official talks to when making a statement, not
# a meeting ("reporters", "newsmen" are no party heads at all: party_heads.DESCRIBED_HEADS).
_PRESS_HEADS = {"journalist"}


def all_press(counterparts: list[Party]) -> bool:
    """True when the other side is only the press ("talking to journalists")."""
    return bool(counterparts) and all(p.head in _PRESS_HEADS for p in counterparts)
