"""How a meeting noun names a gathering: a body's statutory session, a group's meeting.

"An EC farm ministers' meeting", "a meeting of EC finance ministers" and "the IMF Interim
Committee meeting" are sessions of a body, not meetings between parties (the labelling
rules). "The G7 Leaders' Summit" and "the Quad Foreign Ministers' Meeting" are a group's
meetings whose name holds a possessive: the possessive is part of the name, and whoever
"attended" or "participated in" it is the party beside the group. "Joined a virtual
meeting of the G7 leaders" names the group in an of-phrase.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from parley.lexicon.groups import is_group
from parley.mentions.parties import Party, as_party
from parley.mentions.references import References

# Bodies whose own sessions are statutory plenaries, not meetings between parties ("the IMF
# Interim Committee meeting", "a cabinet meeting"); the labelling rules. Groups of states
# meeting as groups (G-7 finance ministers, OPEC's conference, the Quad) are meetings.
_PLENARY_BODY_RE = re.compile(
    r"^(?:GATT|IMF|International Monetary Fund|World Bank|Interim Committee|"
    r"Development Committee|United Nations|UN|Commonwealth|Cabinet|Parliament|Congress|"
    r"Senate|House)\b",
    re.IGNORECASE,
)
# The EC's councils of ministers are statutory; its leaders' summits are meetings.
_COUNCIL_BODY_RE = re.compile(r"^(?:EC|EEC|EU|European Community|European Union)\b")
# Plural possessives that say whose level a named gathering is at ("Leaders' Summit").
_LEVEL_PLURAL_TAGS = {"NNS", "NNPS"}


def is_plenary(noun: Token) -> bool:
    """ "the IMF Interim Committee meeting", "an EC farm ministers' meeting", "a meeting of
    EC foreign ministers": a statutory session of a body, not a meeting between parties."""
    for phrase in _naming_phrases(noun):
        if _PLENARY_BODY_RE.match(phrase):
            return True
        if _COUNCIL_BODY_RE.match(phrase) and noun.lemma_.lower() != "summit":
            return True
    return False


def _naming_phrases(noun: Token) -> list[str]:
    """The text of the noun's modifiers and of-phrase objects."""
    phrases = []
    for child in noun.children:
        if child.dep_ in {"compound", "nmod", "amod"}:
            phrases.append(" ".join(t.text for t in child.subtree))
        elif child.dep_ == "prep" and child.lower_ == "of":
            phrases += [" ".join(t.text for t in o.subtree) for o in _objects(child)]
    return phrases


def names_level(possessor: Token) -> bool:
    """ "Leaders'" in "the G7 Leaders' Summit", "Ministers'" in "the Quad Foreign Ministers'
    Meeting": a title-case plural inside the gathering's name says at what level the group
    met; it is no party that held the meeting (lower-case "the ministers' talks" is)."""
    return (
        possessor.tag_ in _LEVEL_PLURAL_TAGS
        and possessor.text[:1].isupper()
        and not possessor.is_sent_start
    )


def member_phrases(noun: Token) -> list[Token]:
    """The of-phrase that names who met: "a meeting of the G7 leaders", "the summit of the
    Group of Seven" (the caller keeps only groups of states from it)."""
    return [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for o in _objects(c)]


def hyphen_partners(modifier: Token) -> list[Token]:
    """ "ASEAN" in "the ASEAN-U.S. Summit": a name joined to the modifier by a hyphen, which
    the parser hangs off the modifier as its compound."""
    return [
        c
        for c in modifier.children
        if c.dep_ == "compound"
        and c.pos_ == "PROPN"
        and c.i + 1 < modifier.i
        and c.doc[c.i + 1].text == "-"
    ]


def group_named_by(
    trigger: Token, offset: int, entities: References, known: list[Party]
) -> list[Party]:
    """The group whose name holds the trigger word ("the East Asia Summit", "the Quad
    Foreign Ministers' Meeting" tagged as one name), unless it is a party already."""
    start = offset + trigger.idx
    ids = {p.entity_id for p in known}
    return [
        as_party(m, "name")
        for m in entities.overlapping(start, start + len(trigger.text))
        if m.entity_type == "ORG" and is_group(m.canonical_name) and m.entity_id not in ids
    ]


def _objects(prep: Token) -> list[Token]:
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return objects + [c for o in objects for c in o.children if c.dep_ == "conj"]
