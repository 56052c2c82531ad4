"""How a meeting noun names a gathering: a body's statutory session, a group's meeting.

"An EC farm ministers' meeting", "a meeting of EC finance ministers" and "the IMF Interim
Committee meeting" are sessions of a body, not meetings between parties (the labelling
rules). "The G7 Leaders' Summit" and "the Quad Foreign Ministers' Meeting" are a group's
meetings whose name holds a possessive: the possessive is part of the name, and whoever
"attended" or "participated in" it is the party beside the group. "Joined a virtual
meeting of the G7 leaders" names the group in an of-phrase. A summit that is no group's,
"attended the Summit for Democracy", is itself the gathering its attendee took part in.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from spacy.tokens import Token

from parley.lexicon.groups import had_members_between, is_group
from parley.mentions.parties import Party, as_party, is_group_party
from parley.mentions.references import References
from parley.names import slugify

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
# How a summit named as itself is a party (``Party.via``), and the entity types it is tagged.
GATHERING = "gathering"
_GATHERING_TYPES = {"ORG", "EVENT"}
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


def groups_named_in(
    phrase: Token, offset: int, entities: References, exclude: set[str]
) -> list[Party]:
    """The groups of states a member phrase names in its modifiers ("a virtual summit of the
    Bucharest Nine (B9) countries": the B9, though "countries" is no party's head)."""
    found: dict[str, Party] = {}
    for token in phrase.subtree:
        start = offset + token.idx
        for mention in entities.overlapping(start, start + len(token.text)):
            named = mention.entity_type == "ORG" and is_group(mention.canonical_name)
            if named and mention.entity_id not in exclude:
                found.setdefault(mention.entity_id, as_party(mention, "name"))
    return list(found.values())


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
    trigger: Token, offset: int, entities: References, known: list[Party], attended: bool
) -> list[Party]:
    """The group whose name holds the trigger word ("the East Asia Summit", "the Quad
    Foreign Ministers' Meeting" tagged as one name), unless it is a party already; a summit
    named as itself ("the Summit for Democracy", "the Summit of the Americas") is the
    gathering its attendees took part in (the labelling rules list it as a participant)."""
    start = offset + trigger.idx
    ids = {p.entity_id for p in known}
    overlapping = entities.overlapping(start, start + len(trigger.text))
    groups = [
        as_party(m, "name")
        for m in overlapping
        if m.entity_type == "ORG" and is_group(m.canonical_name) and m.entity_id not in ids
    ]
    # Only for someone who sat in it: "committed at the Leaders Summit to reduce emissions"
    # and "proposals outlined at the 1986 Tokyo Summit" recall a summit, they report none.
    if groups or not attended or any(is_group_party(p) for p in known):
        return groups  # "the G7 Summit" is the G7's
    gathering = summit_named_as_itself(trigger, offset, entities)
    return [gathering] if gathering is not None and gathering.entity_id not in ids else []


def group_existed(group: Party, date: dt.date, precision: str | None) -> bool:
    """True when the group of states had members on the meeting's date (any day of its
    month for a month): a group's meeting is its members' (``meeting_countries``), so one
    dated before the group began or after it ended has no party (a G-6 meeting dated before
    the Louvre meeting of 1987-02-22, the G6's first, is a misreading)."""
    if precision == "month":
        last = date.replace(day=calendar.monthrange(date.year, date.month)[1])
        return had_members_between(group.canonical_name, date.replace(day=1), last)
    return had_members_between(group.canonical_name, date, date)


def setting_party(setting: Token | None, offset: int, entities: References) -> Party | None:
    """The group or named summit whose meeting a meeting was held at or on the sidelines
    of (``setting`` the frame's): "on the sidelines of the Quad Foreign Ministers' Meeting"
    (org:quad), "at the G7", "on the margins of the Ninth Summit of the Americas"."""
    if setting is None:
        return None
    for token in setting.subtree:
        start = offset + token.idx
        for mention in entities.overlapping(start, start + len(token.text)):
            if mention.entity_type == "ORG" and is_group(mention.canonical_name):
                return as_party(mention, "name")
    return summit_named_as_itself(setting, offset, entities)


def summit_named_as_itself(trigger: Token, offset: int, entities: References) -> Party | None:
    """The gathering a title-case summit word names ("the Summit for Democracy", "the
    Ninth Summit of the Americas", "the North American Leaders' Summit"): the name the
    model tagged there, else the title-case words around the word."""
    if trigger.lemma_.lower() != "summit" or not trigger.text[:1].isupper():
        return None
    start = offset + trigger.idx
    overlapping = entities.overlapping(start, start + len(trigger.text))
    # "the Summit" alone points back to a summit the article named; it names none.
    for mention in overlapping:
        if mention.entity_type in _GATHERING_TYPES and " " in mention.canonical_name:
            return as_party(mention, GATHERING)
    named = _summit_by_its_name(trigger, offset)
    if not overlapping and " " in named.canonical_name:
        return named  # the model tagged no name there
    return None


def _summit_by_its_name(trigger: Token, offset: int) -> Party:
    """ "the Summit for Democracy", "the Summit of the Americas": the title-case words of
    the name around the trigger, as a gathering found in the text."""
    words = [c for c in trigger.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    first = min([trigger.i, *(w.left_edge.i for w in words)])
    last = trigger.i
    for prep in trigger.rights:
        objects = [o for o in prep.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
        if prep.dep_ == "prep" and prep.lower_ in {"for", "of", "on"} and objects:
            last = objects[0].i
            break
    span = trigger.doc[first : last + 1]
    name = span.text
    return Party(
        f"event:{slugify(name)}",
        name,
        "EVENT",
        None,
        GATHERING,
        span=(offset + span.start_char, offset + span.end_char),
    )


# Meeting nouns whose plural is several meetings ("talks" and "consultations" are one).
_COUNT_NOUNS = {"meeting", "summit", "conference", "session", "gathering"}


def reported(trigger: Token, clause_verb: Token | None, dated: bool) -> bool:
    """True when the clause reports a group's meeting as having happened: a date word of
    the past (``dated``), a verb in the past, the perfect or the progressive ("G-7
    ministers met", "OPEC's conference ended", "is meeting today"), not a bare mention ("a
    G-7 meeting is unlikely to change sentiment") nor undated plural meetings, which are
    habitual."""
    if dated:
        return True
    if trigger.tag_ == "NNS" and trigger.lemma_.lower() in _COUNT_NOUNS:
        return False  # undated and plural: habitual ("had pledged at G-7 meetings")
    verb = trigger if trigger.pos_ in {"VERB", "AUX"} else clause_verb
    if verb is None:
        return False
    return verb.tag_ in {"VBD", "VBN"} or any(
        c.dep_ == "aux" and c.lemma_.lower() in {"have", "be"} for c in verb.children
    )


def _objects(prep: Token) -> list[Token]:
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return objects + [c for o in objects for c in o.children if c.dep_ == "conj"]
