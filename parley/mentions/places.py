"""Where a meeting took place: "in/at X" on the trigger or its clause, "here", a destination.

"here" is the dateline's city; a visit takes its destination; a building is its city ("at the
Pentagon" -> Washington, ``parley/data/landmarks.csv``). ``location_iso3`` comes from
the place's entity, or from the meeting places of ``parley.lexicon.countries``. Calls have
no place.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from parley.datelines import dateline_city
from parley.lexicon.countries import landmark_city, place_country
from parley.mentions.frames import Frame
from parley.mentions.kinds import PLACE_TYPES
from parley.mentions.parties import Party
from parley.mentions.references import References
from parley.records import Article


def event_location(
    frame: Frame,
    doc: Doc,
    offset: int,
    entities: References,
    article: Article,
    kind: str,
    counterparts: list[Party],
) -> tuple[str | None, str | None]:
    if kind == "phone_call":
        return None, None
    if kind == "visit":
        place = counterparts[0]
        return place.canonical_name, place.country_iso3 or place_country(place.canonical_name)
    heads = [frame.trigger]
    verb = frame.clause_verb
    if verb is not None and (verb is frame.trigger or frame.trigger.dep_ in {"dobj", "nsubjpass"}):
        # "met X at the Pentagon", "held talks in Washington", "X's engagements in
        # Washington included a meeting"; but not the clause around "after his meeting".
        heads.append(verb)
        heads.extend(c for c in verb.children if c.dep_ == "nsubj")
    for head in heads:
        for child in head.children:
            if child.dep_ == "advmod" and child.lower_ == "here":
                city = dateline_city(article.dateline)
                return city, place_country(city)
            if child.dep_ != "prep" or child.lower_ not in {"in", "at"}:
                continue
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                if _clock_time(pobj):
                    continue  # "at 11:15 AM" (the model can tag it a place)
                start = offset + pobj.idx
                for mention in entities.overlapping(start, start + len(pobj.text)):
                    if mention.entity_type in PLACE_TYPES or mention.label in PLACE_TYPES:
                        return _city_of(mention.mention_text, mention.country_iso3)
                if pobj.pos_ == "PROPN":
                    return _city_of(" ".join(t.text for t in pobj.subtree if t.dep_ != "det"))
    return None, None


def _city_of(name: str, country: str | None = None) -> tuple[str, str | None]:
    """A named place as (location, location_iso3): a building is given as its city."""
    return landmark_city(name) or name, place_country(name) or country


_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}")
_CLOCK_WORDS = frozenset({"am", "pm", "a.m.", "p.m."})


def _clock_time(phrase: Token) -> bool:
    """True for a time of day ("11:15 AM", "10 a.m.")."""
    return any(_CLOCK.fullmatch(t.text) or t.lower_ in _CLOCK_WORDS for t in phrase.subtree)
