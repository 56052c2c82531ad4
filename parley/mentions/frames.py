"""Who and what a trigger states, read off the dependency parse: a ``Frame``.

A verb trigger ("met", "hosted", "telephoned") takes its subject as the agent and its object
or "with"/"between" phrase as the counterpart; a noun trigger ("talks", "his meeting with
Y", "U.S.-Japanese talks") takes its possessor, modifiers and prepositional objects, and
through a light verb ("held talks with Y") or a framing preposition ("after talks with Y, X
said") the clause's subject; a hosted function ("a reception held for him by Y") makes the
agent the host. "held separate meetings with A and B", and "met A and B during his visit"
(a trip's days), mark the counterparts as separate engagements.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from parley.mentions.arguments import can_be_party, prep_objects, quantified, setting_of
from parley.mentions.clause_parts import (
    EVENT_NOUNS,
    ONE_BY_ONE,
    addressed_at,
    clause_subjects,
    clause_verb_of,
    companions,
    coordinated_withs,
    has_phone_prep,
    members_met_at,
    names_a_modifier,
    stray_with,
)
from parley.mentions.gatherings import hyphen_partners, is_plenary, member_phrases, names_level
from parley.mentions.parties import is_party_head
from parley.mentions.patterns import (
    FRAME_PREPS,
    LIGHT_VERBS,
    NOUN_TRIGGERS,
    misread_noun,
    names_an_interaction,
    purpose_of_a_past_trip,
)
from parley.mentions.visitors import bare_participle, hosts_of, visitor_of

# "held their first meeting": the subject names the parties, not the possessive.
_GROUP_POSSESSIVES = {"their", "its", "our", "your"}

# Prepositions that introduce the other party for some verbs only ("called on the
# President", "talked to", "visit to"); "consulted on Greenspan" names a topic.
_VERB_EXTRA_PREPS = {"call": {"on"}, "talk": {"to"}, "speak": {"to"}, "visit": {"to"}}

# Verbs after which "for talks" means the talks are under way: "is in New York for talks
# with creditor banks", "arrived for talks"; "heading for Washington for talks" has not.
_THERE_FOR = {"be", "arrive", "come", "stay", "remain"}

# Verbs whose "in" phrase is a gathering the subject attended ("took part in the summit").
_TAKING_PART = {"participate", "take", "part"}

# A trip that spans days: people met "during his visit" were separate engagements.
_TRIP_NOUNS = {"visit", "trip", "tour", "stay", "mission", "stopover"}

_ARRIVAL_VERBS = {"arrive", "fly", "travel", "come", "go", "be"}
# What a meeting that took place did: "The summit of the Group of Seven ended in Venice".
_SPANS = {"open", "end", "close", "begin", "start", "conclude", "adjourn", "resume"}

_QUANTITY_NOUNS = {"series", "round", "number", "couple", "day", "hour", "week", "set"}
# Parts of an interaction in time: "at the end of a four-day visit", "on the last leg of".
_PHASE_NOUNS = {"end", "start", "beginning", "close", "conclusion", "course", "leg", "stage"}


@dataclass
class Frame:
    """Who and what a trigger states, before resolution."""

    trigger: Token
    clause_verb: Token | None
    agents: list[Token] = field(default_factory=list)
    # Country/organisation modifiers of an interaction noun ("U.S.-Japanese talks").
    modifiers: list[Token] = field(default_factory=list)
    counterparts: list[Token] = field(default_factory=list)
    separate: bool = False
    # Separate meetings held one after another, not over a trip's days ("spoke individually
    # with: A; B", "met with A ... and with B", "held bilateral meetings with A and B").
    one_sitting: bool = False
    host_is_agent: bool = False
    kind_hint: str | None = None
    visits_here: bool = False
    # The meeting this one was held at or on the sidelines of ("on the sidelines of the Quad
    # Foreign Ministers' Meeting", "at the G20 summit").
    setting: Token | None = None
    # The agents sat in the gathering: "attended / hosted / participated in the Summit".
    attended: bool = False
    # Who met, by an of-phrase ("joined a meeting of the G7 leaders"): counted for a group.
    members: list[Token] = field(default_factory=list)


def read_frame(trigger: Token, planned: bool = False) -> Frame | None:
    """Agents and counterparts of a trigger, read off the dependency parse. ``planned``
    reads an announcement: "left for Ottawa for talks with X" names the talks the
    travellers are going to, which a report of what happened does not count."""
    lemma = trigger.lemma_.lower()
    if (visitor := visitor_of(trigger)) is not None:
        return _visitor_frame(trigger, visitor)
    if bare_participle(trigger):
        return None  # "visiting foreigners": a visitor no one names
    if trigger.pos_ in {"VERB", "AUX"} and not misread_noun(trigger):
        if trigger.dep_ == "acl" and trigger.tag_ == "VBN":
            return None  # "costs negotiated between A and B" describes the costs
        frame = _verb_frame(trigger, lemma)
    elif names_an_interaction(trigger):
        frame = _noun_frame(trigger, lemma, planned)
    else:
        frame = _function_frame(trigger)
    if frame is not None:
        frame.agents.extend(companions(frame.agents))
    return frame


def _verb_frame(verb: Token, lemma: str) -> Frame | None:
    frame = Frame(trigger=verb, clause_verb=verb.head if purpose_of_a_past_trip(verb) else verb)
    preps = {child.lower_: child for child in verb.children if child.dep_ == "prep"}
    if not ({"with", "to"} & preps.keys()):
        stray = stray_with(verb, through_topic=lemma == "discuss")
        if stray is not None:
            preps["with"] = stray
    objects = _objects(verb)
    if lemma == "speak":
        # "spoke with/to Y", "spoke by phone", and "A and B spoke today about ...".
        together = any(c.dep_ == "conj" for s in clause_subjects(verb) for c in s.children)
        if not (has_phone_prep(verb) or {"with", "to"} & preps.keys() or together):
            return None
        frame.kind_hint = "phone_call" if has_phone_prep(verb) else None
    if lemma == "call":
        sense = _call_sense(verb, preps, objects)
        if sense is None:
            return None
        frame.kind_hint = sense if sense == "phone_call" else None
    if lemma in {"telephone", "phone", "dial"}:
        frame.kind_hint = "phone_call"
    if lemma == "join" and not _joins_an_interaction(verb):
        return None  # "Japan joined the protest", "joined X in calling for ...": no meeting
    if lemma in {"talk", "discuss"} and not ({"with", "to"} & preps.keys()):
        return None  # "talked to Y"; "discussed the loan with Knox": the object is the topic
    if lemma == "discuss":
        objects = []
    passive_subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if passive_subjects:
        frame.counterparts.extend(passive_subjects)
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None:
            frame.agents.extend(c for c in agent.children if c.dep_ == "pobj")
    else:
        frame.agents.extend(clause_subjects(verb))
        frame.counterparts.extend(objects)
    if lemma in {"host", "convene"}:
        # "hosted a livestreamed event with higher education leaders", "convened a listening
        # session with leaders": the event is the meeting, its "with" the other side.
        others = [
            side
            for event in objects
            if event.lemma_.lower() in EVENT_NOUNS
            for prep in event.children
            if prep.dep_ == "prep" and prep.lower_ == "with"
            for side in prep_objects(prep)
        ]
        if others:
            frame.counterparts.extend(others)
            objects = []
    if objects and not any(can_be_party(o) for o in objects):
        return None  # "received a related order", "met the deadline": another sense
    allowed = {"with", "between"} | _VERB_EXTRA_PREPS.get(lemma, set())
    for word in sorted(allowed & preps.keys()):
        frame.counterparts.extend(prep_objects(preps[word]))
    if "with" in preps:
        # "met with A to discuss X and with B to review Y": a second "with" is a second
        # meeting (the parser hangs it on the purpose clause).
        for second in coordinated_withs(verb):
            frame.counterparts.extend(prep_objects(second))
            frame.separate = frame.one_sitting = True
    frame.host_is_agent = lemma in {"host", "receive", "convene", "welcome"}
    # "met with President Boluarte at the APEC Leaders' week": the phrase may hang on the
    # counterpart.
    frame.setting = setting_of(verb) or next(
        (found for c in frame.counterparts if (found := setting_of(c)) is not None), None
    )
    # "Abe met President Reagan and Congressional leaders during his visit": over a trip's
    # days, people met together in the sentence were separate engagements.
    # "spoke individually with: A; B; C", "met separately with A and B": one each.
    if any(c.dep_ == "advmod" and c.lower_ in ONE_BY_ONE for c in verb.children):
        frame.separate = frame.one_sitting = True
    frame.separate = frame.separate or any(
        pobj.lemma_.lower() in _TRIP_NOUNS
        for word in ("during", "on")
        if word in preps
        for pobj in preps[word].children
        if pobj.dep_ == "pobj"
    )
    return frame


def _joins_an_interaction(verb: Token) -> bool:
    """ "Finer joined Prime Minister Shmyhal ... in a conversation", "joined X for their call":
    joining someone in or for an interaction."""
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in {"in", "for"}
        and any(o.lemma_.lower() in NOUN_TRIGGERS for o in prep.children if o.dep_ == "pobj")
        for prep in verb.children
    )


def _objects(verb: Token) -> list[Token]:
    """The verb's objects; with none, a name the parser took for a predicate complement
    ("President Joseph R. Biden, Jr. called King Mohammed VI of Morocco today": unlike
    "called X a liar", there is no X)."""
    objects = [quantified(c) for c in verb.children if c.dep_ == "dobj"]
    return objects or [c for c in verb.children if c.dep_ == "oprd" and c.pos_ == "PROPN"]


def _call_sense(verb: Token, preps: dict[str, Token], objects: list[Token]) -> str | None:
    """The kind "call" states, if any: "called on the President" is a visit to a person
    (in person); "called President Erdogan today to congratulate him" and "called X by
    telephone" are phone calls; "called on the government to act", "called for talks" and
    "called X a liar" state no meeting."""
    if has_phone_prep(verb):
        return "phone_call"
    complements = [c for c in verb.children if c.dep_ in {"oprd", "ccomp"} and c not in objects]
    if complements or "for" in preps:
        return None
    # "on" a particle when the parser takes its object for the verb's ("has called on U.S.
    # Allies to help maintain freedom of navigation").
    on_particle = any(c.dep_ == "prt" and c.lower_ == "on" for c in verb.children)
    if "on" in preps or on_particle:
        to_act = any(c.dep_ in {"xcomp", "advcl"} for c in verb.children)
        return None if to_act or (objects and not on_particle) else "in_person"
    if objects and all(o.pos_ == "PROPN" for o in objects):
        return "phone_call"
    return None


def _noun_frame(noun: Token, lemma: str, planned: bool = False) -> Frame | None:
    if is_plenary(noun):
        return None
    frame = Frame(trigger=noun, clause_verb=clause_verb_of(noun))
    # "separate meetings with A and B", "held bilateral meetings with A, B, and C"
    frame.one_sitting = noun.tag_ == "NNS" and any(
        c.lower_ in {"bilateral", "individual"} for c in noun.children
    )
    frame.separate = frame.one_sitting or any(c.lower_ == "separate" for c in noun.children)
    setting = setting_of(noun) or (setting_of(frame.clause_verb) if frame.clause_verb else None)
    frame.setting = setting if setting is None or setting.i != noun.i else None
    for child in noun.children:
        if child.dep_ == "poss" and names_level(child):
            frame.modifiers.append(child)  # "the G7 Leaders' Summit": part of the name
        elif child.dep_ == "poss" and child.lower_ not in _GROUP_POSSESSIVES:
            frame.agents.append(child)
        elif child.dep_ in {"compound", "amod", "nmod", "dep"} and names_a_modifier(child):
            frame.modifiers += [child, *hyphen_partners(child)]
        elif child.dep_ == "advmod" and child.lower_ == "here" and lemma == "visit":
            frame.visits_here = True
        if child.dep_ == "prep" and child.lower_ in {"with", "between", "on", "to", "by"}:
            if child.lower_ == "on" and lemma != "call":
                continue
            if child.lower_ == "by" and lemma != "visit":
                continue
            if child.lower_ == "to" and lemma not in {"visit", "welcome"}:
                continue
            target = frame.agents if child.lower_ == "by" else frame.counterparts
            target.extend(prep_objects(child))
    if noun.dep_ == "nsubj" and noun.head.tag_ == "VBD" and noun.head.lemma_ in _SPANS:
        frame.members = member_phrases(noun)
    # "a series of meetings with Abe" behaves like "meetings with Abe", and "at the end of a
    # four-day visit" like "after a visit".
    position = noun
    if (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and noun.head.head.lemma_.lower() in _QUANTITY_NOUNS | _PHASE_NOUNS
    ):
        position = noun.head.head
    head = position.head
    frame_preps = FRAME_PREPS if position is noun else (*FRAME_PREPS, "on")
    if position.dep_ in {"dobj", "nsubjpass"} and head.lemma_.lower() in LIGHT_VERBS:
        if not frame.agents:
            frame.agents.extend(clause_subjects(head))
        # "joined a virtual meeting of the G7 leaders": the subject sat in; elsewhere an
        # of-phrase is as often a meeting only hoped for ("an early meeting of the G-7").
        frame.members = member_phrases(noun)
        frame.attended = True
        for prep in (c for c in head.children if c.dep_ == "prep"):
            if (
                prep.lower_ in {"with", "between"}
                or (prep.lower_ == "on" and lemma == "call")
                or (prep.lower_ == "to" and lemma == "welcome")
            ):
                frame.counterparts.extend(prep_objects(prep))
    elif position.dep_ in {"pobj", "pcomp"} and head.lower_ in frame_preps:
        if frame.agents:
            frame.agents = _cataphoric(frame.agents, head)
            return frame
        if head.lower_ == "for" and not _there_for(head.head) and not planned:
            return None  # "heading for Washington for talks", "expectations for the summit"
        if head.lower_ == "before" and not planned:
            return None  # "shortly before trade talks with Washington": still to come
        frame.agents.extend(_holders(head))
        frame.counterparts = frame.counterparts or addressed_at(head)
        frame.members = members_met_at(head, noun)
        frame.attended = head.lower_ == "in" and head.head.lemma_.lower() in _TAKING_PART
    elif position.dep_ == "dobj" and head.lower_ == "following" and not frame.agents:
        # "at a briefing following informal talks with ...": "following" parsed as a
        # participle of the noun; the talks are the speaker's.
        verb = clause_verb_of(head)
        frame.agents.extend(clause_subjects(verb) if verb is not None else [])
    elif position.dep_ == "dobj" and head.dep_ == "acl" and not frame.agents:
        frame.agents.append(head.head)  # "leaders attending a meeting with Sarney"
    elif lemma == "visit" and position.dep_ == "pobj" and head.lower_ == "on":
        _arrival_visit(frame, head.head)
    return frame


def _there_for(head: Token) -> bool:
    """ "is in New York for talks", "arrived for talks", "Saouma, in Brazil for talks": the
    talks are under way where the holder is."""
    if head.lemma_.lower() in _THERE_FOR:
        return True
    if head.dep_ == "prep" and head.lower_ == "in":
        return head.head.pos_ in {"NOUN", "PROPN"}
    return head.pos_ in {"NOUN", "PROPN"} and any(
        c.dep_ == "prep" and c.lower_ == "in" for c in head.children
    )


def _cataphoric(agents: list[Token], prep: Token) -> list[Token]:
    """The clause's subject for a possessive pronoun that points ahead to it ("In his
    audience with Pope Francis, President Biden thanked ...", "In her visit with MBZ, the
    Vice President conveyed ..."): the phrase comes before the subject it belongs to."""
    if len(agents) != 1 or agents[0].lower_ not in {"his", "her"}:
        return agents
    subjects = clause_subjects(prep.head)
    if subjects and all(s.i > prep.i and s.pos_ in {"PROPN", "NOUN"} for s in subjects):
        return subjects
    return agents


def _holders(prep: Token) -> list[Token]:
    """Who a framing phrase is about: the noun it describes ("The prime minister, on the
    first day of a visit to the United States, said"; "Saouma, in Brazil for talks"), else
    the subject of its clause ("after talks with Kato, Lyng said")."""
    attached = prep.head
    if attached.dep_ == "prep" and attached.lower_ == "in":
        attached = attached.head  # "Saouma, in Brazil for talks with ..."
    # A list's member or a preposition's object is where the parser hangs a clause's time
    # phrase ("joined leaders ... from Japan, Korea, and Russia during the annual East Asia
    # Summit"), not someone the phrase describes.
    if attached.dep_ in {"conj", "pobj"}:
        verb = clause_verb_of(attached)
        return clause_subjects(verb) if verb is not None else []
    if attached.pos_ == "PROPN" or (attached.pos_ == "NOUN" and is_party_head(attached)):
        return [attached]
    return clause_subjects(attached)


def _arrival_visit(frame: Frame, verb: Token) -> None:
    """ "X arrived in Amman on a visit": the visitor is the subject, the destination the
    place the motion verb names."""
    if verb.lemma_.lower() not in _ARRIVAL_VERBS:
        return
    if not frame.agents:
        frame.agents.extend(clause_subjects(verb))
    if not frame.counterparts:
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"in", "to"}):
            frame.counterparts.extend(c for c in prep.children if c.dep_ == "pobj")


def _visitor_frame(participle: Token, visitor: Token) -> Frame | None:
    """The visit a "visiting" modifier states (``parley.mentions.visitors``)."""
    frame = Frame(trigger=participle, clause_verb=clause_verb_of(participle))
    frame.agents.append(visitor)
    frame.counterparts.extend(hosts_of(visitor))
    if not frame.counterparts and visitor.pos_ != "PROPN":
        return None  # "a visiting U.S. Mint official told reporters": no one named visits
    frame.visits_here = not frame.counterparts
    return frame


def _function_frame(noun: Token) -> Frame | None:
    """ "a reception held for him by President Alfonsin": host = agent, guest = counterpart."""
    verb = next((c for c in noun.children if c.dep_ == "acl"), None)
    if verb is None:
        return None
    frame = Frame(trigger=noun, clause_verb=clause_verb_of(noun), host_is_agent=True)
    for prep in verb.children:
        if prep.dep_ == "agent" or (prep.dep_ == "prep" and prep.lower_ == "by"):
            frame.agents.extend(c for c in prep.children if c.dep_ == "pobj")
        elif prep.dep_ == "prep" and prep.lower_ in {"for", "in"}:
            frame.counterparts.extend(
                c for c in prep.children if c.dep_ == "pobj" and c.lower_ != "honour"
            )
    return frame
