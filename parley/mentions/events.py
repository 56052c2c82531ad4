"""One trigger sentence -> the event mentions it states, with their parties.

For each trigger the ``DependencyMatcher`` found, the frame is read (``frames``), plans and
denials dropped (``patterns.is_non_factual``), the parties resolved (``parties``), and kind,
date and place decided (``kinds``, ``event_date``, ``places``). A mention needs two distinct
parties, or one party and the country visited; talks between companies, and people who
only "attended" someone else's meeting, are not mentions.

``start_char``/``end_char``: the trigger's offsets in ``Article.body``; ``sentence``: the whole
sentence, whitespace collapsed; ``mention_id``: "em-" + sha1(article_id, start_char, kind, ids).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from parley.datelines import dateline_city, local_day
from parley.lexicon.countries import place_country
from parley.mentions.arguments import can_be_party
from parley.mentions.clause_parts import on_the_topic
from parley.mentions.event_date import DateInfo, event_date
from parley.mentions.frames import Frame, read_frame
from parley.mentions.gatherings import (
    GATHERING,
    group_existed,
    group_named_by,
    groups_named_in,
    reported,
    setting_party,
)
from parley.mentions.kinds import event_kind
from parley.mentions.listed import listed_after_colon, listed_after_with, listed_co_subjects
from parley.mentions.no_party import all_press, without_a_lone_city
from parley.mentions.parties import (
    PRONOUNS,
    Party,
    as_party,
    described_mentions,
    is_group_party,
    resolve_party,
)
from parley.mentions.passes import one_per_group_meeting, placed_at_side_meetings
from parley.mentions.patterns import is_non_factual
from parley.mentions.places import event_location
from parley.mentions.references import References
from parley.mentions.scope import in_public_sphere
from parley.mentions.text import SentenceSpan, paragraph_spans
from parley.mentions.topics import assign_topics
from parley.records import Article, EventMention, EventParticipant, StatedEvent


def events_in_sentence(
    doc: Doc,
    triggers: Sequence[int],
    article: Article,
    sentence: SentenceSpan,
    entities: References,
) -> Iterable[StatedEvent]:
    """The events a parsed trigger sentence states, one or more per trigger (``triggers``:
    the token indices ``patterns.trigger_indices`` found)."""
    stated = list(_events_of_triggers(doc, triggers, article, sentence, entities))
    return placed_at_side_meetings(one_per_group_meeting(stated))


def _events_of_triggers(
    doc: Doc,
    triggers: Sequence[int],
    article: Article,
    sentence: SentenceSpan,
    entities: References,
) -> Iterable[StatedEvent]:
    base = local_day(article.published_date, article.dateline)
    handled: set[int] = set()
    for index in triggers:
        frame = read_frame(doc[index])
        if frame is None or is_non_factual(frame.trigger):
            continue
        # A noun trigger inside a verb trigger's phrase ("met X for talks") is the same event.
        if _inside_other_trigger(frame.trigger, handled):
            continue
        built = list(_build_events(frame, doc, article, sentence, entities, base))
        if built:
            handled.add(index)
        yield from built


def _inside_other_trigger(trigger: Token, handled: set[int]) -> bool:
    """True for "met X for talks": the noun hangs (via a preposition) from a used trigger."""
    head = trigger.head
    return head.i in handled or (head.dep_ == "prep" and head.head.i in handled)


def _build_events(
    frame: Frame,
    doc: Doc,
    article: Article,
    sentence: SentenceSpan,
    entities: References,
    base: dt.date,
) -> Iterable[StatedEvent]:
    sides = frame_sides(frame, article, sentence, entities)
    if sides is None:
        return
    agents, counterparts, as_group = sides.agents, sides.counterparts, sides.as_group
    offset = sentence.start
    date_info = event_date(frame, doc, base, sentence, article)
    if date_info is None:  # only future dates: an announcement
        return
    dated = date_info.text is not None
    if as_group and not counterparts and not reported(frame.trigger, frame.clause_verb, dated):
        return  # "a G-7 meeting is unlikely to change ...", "despite the G-7 meeting"
    # "held separate meetings with A and B": one mention each, never one meeting with A and B.
    held_apart = frame.separate and len(counterparts) > 1
    groups = [[c] for c in counterparts] if held_apart else [counterparts]
    day, precision = date_info.date or article.published_date, date_info.precision
    setting_mention = setting_party(frame.setting, offset, entities)
    if (
        setting_mention is not None
        and setting_mention.via != GATHERING
        and not group_existed(setting_mention, day, precision)
    ):
        setting_mention = None  # a group's meeting only while the group has members
    setting = setting_mention.entity_id if setting_mention is not None else None
    for group in groups:
        parties = unique_parties([*agents, *group])
        if len(parties) < 2 and not (
            as_group and any(group_existed(p, day, precision) for p in parties)
        ):
            continue  # one party, and no group of states meeting (with members then)
        kind = event_kind(frame, parties, group, article.title)
        place = event_location(frame, doc, offset, entities, article, kind, group)
        stated = _event_record(
            frame, article, sentence, kind, date_info, place, agents, group, held_apart
        )
        if setting_mention is not None and setting not in {p.entity_id for p in parties}:
            stated = dataclasses.replace(
                stated, event=dataclasses.replace(stated.event, setting=setting)
            )
            yield stated
            # "spoke with Prime Minister Suga at the G7": the group's meeting is reported too.
            yield _setting_meeting(frame, article, sentence, date_info, stated, setting_mention)
            continue
        yield stated


@dataclass(frozen=True)
class Sides:
    """The resolved parties of a frame: agents, counterparts, and whether a group of states
    meets as a group."""

    agents: list[Party]
    counterparts: list[Party]
    as_group: bool


def frame_sides(
    frame: Frame, article: Article, sentence: SentenceSpan, entities: References
) -> Sides | None:
    """The parties a frame names, or None when they make no interaction in scope: fewer
    than two parties (and no group), none public, or people who only attended."""
    offset = sentence.start
    # Counterparts first: they are usually named, and a pronoun or title on the agent side
    # ("Before meeting with Bush, the Crown Prince ...") must not resolve to them.
    named = [t for t in frame.counterparts if can_be_party(t)]
    if frame.trigger.lemma_.lower() in {"welcome", "greet"} and frame.counterparts and not named:
        return None  # "changes welcomed by the World Bank and bankers": a thing, no guest
    topical = [t for t in named if on_the_topic(t, frame.trigger)]
    plain = [t for t in named if t not in topical]
    pronouns = [t for t in plain if t.lower_ in PRONOUNS]
    counterparts = _resolve_all([t for t in plain if t not in pronouns], offset, entities, set())
    # "Baker visited him": an object pronoun never refers to its own clause's named subject.
    named_agents = [t for t in frame.agents if t.lower_ not in PRONOUNS]
    bound = {
        p.entity_id for p in [*counterparts, *_resolve_all(named_agents, offset, entities, set())]
    }
    counterparts += _resolve_all(pronouns, offset, entities, bound)
    on_topic = _resolve_all(topical, offset, entities, {p.entity_id for p in counterparts})
    counterparts += [p for p in on_topic if p.entity_type == "PERSON"]
    if topical and not counterparts:
        return None  # "discussed their engagements with Ukraine": the topic's own "with"
    counterparts += listed_after_colon(frame.trigger, offset, entities, counterparts)
    counterparts += listed_after_with(
        frame.trigger, frame.counterparts, offset, entities, counterparts
    )
    taken = {p.entity_id for p in counterparts}
    agents = _resolve_all(frame.agents, offset, entities, taken)
    agents += listed_co_subjects(
        frame.agents, offset, entities, taken | {p.entity_id for p in agents}
    )
    # Only countries and groups of states stand in from a modifier ("U.S.-Japanese talks",
    # "the G-7 meeting"); another organisation there names the setting ("a White House photo
    # session"), not a party.
    modifiers = _resolve_all(
        frame.modifiers, offset, entities, taken | {p.entity_id for p in agents}
    )
    agents += [p for p in without_a_lone_city(modifiers) if p.entity_type in {"GPE", "NORP"}]
    agents += [p for p in modifiers if is_group_party(p)]
    known = taken | {p.entity_id for p in agents}
    members = _resolve_all(frame.members, offset, entities, known)
    groups = [p for p in members if is_group_party(p)]  # "a meeting of the G7 leaders"
    agents += groups or [
        g for m in frame.members for g in groups_named_in(m, offset, entities, known)
    ]
    agents += group_named_by(frame.trigger, offset, entities, agents, frame.attended)
    agent_ids = {p.entity_id for p in agents}
    counterparts = [p for p in counterparts if p.entity_id not in agent_ids]
    unnamed_place = _visit_to_somewhere_unnamed(frame) and any(
        p.entity_type == "PERSON" for p in agents
    )
    if not counterparts and (frame.visits_here or unnamed_place):
        # "during a visit here", "at the end of a four-day visit": the place of the dateline,
        # unless the visitor is at home there.
        host = entities.country_mention(place_country(dateline_city(article.dateline)))
        if host is not None and all(p.country_iso3 != host.country_iso3 for p in agents):
            counterparts = [as_party(host, "stand_in")]
    # A group of states meeting as a group is a meeting however few of its members are named
    # (the EC's and the EU's ministers meet in statutory councils: only their summits count).
    summit = frame.trigger.lemma_.lower() == "summit"
    as_group = any(
        is_group_party(p) and (p.canonical_name not in _COUNCIL_GROUPS or summit)
        for p in [*agents, *counterparts]
    )
    at_gathering = any(p.via == GATHERING for p in agents)  # "attended the Summit for Democracy"
    if not counterparts and len(agents) < 2 and not as_group:
        return None
    if not in_public_sphere([*agents, *counterparts], entities.roles):
        return None
    if not counterparts and _attended(frame.trigger) and not (as_group or at_gathering):
        return None  # "X and Y also attended the meeting": someone else's meeting
    if frame.trigger.lemma_.lower() in {"talk", "speak"} and all_press(counterparts):
        return None  # "De Clercq, talking to journalists during the meeting": a statement
    return Sides(agents, counterparts, as_group)


# Groups whose ministers meet in statutory councils (the labelling rules): only their
# leaders' summits are meetings of the group.
_COUNCIL_GROUPS = {"European Community", "European Union"}


def _setting_meeting(
    frame: Frame,
    article: Article,
    sentence: SentenceSpan,
    date_info: DateInfo,
    side: StatedEvent,
    group: Party,
) -> StatedEvent:
    """The group's own meeting that a side meeting was held at: same day and place, the
    group its party; a summit when named so or its leaders' meeting, else a (ministerial)
    meeting; a summit named as itself ("the Summit of the Americas") is its one party, as a
    group's summit is the group's (the labelling rules)."""
    assert frame.setting is not None
    setting = frame.setting
    words = {t.lower_ for t in setting.subtree} | set(group.canonical_name.lower().split())
    kind = "summit" if words & _SUMMIT_WORDS else "meeting"
    at_setting = dataclasses.replace(frame, trigger=setting, host_is_agent=False)
    return _event_record(
        at_setting,
        article,
        sentence,
        kind,
        date_info,
        (side.event.location, side.event.location_iso3),
        [group],
        [],
    )


# Words that make a group's meeting its leaders' summit.
_SUMMIT_WORDS = {"summit", "leaders", "leaders'", "heads"}


def _visit_to_somewhere_unnamed(frame: Frame) -> bool:
    """ "on a visit last week by Ecuador's deputy energy minister", "at the end of a four-day
    visit": a visit noun naming no destination (no "to", no place modifier) that frames what
    happened on it; "until Nakasone's visit" is still to come."""
    trigger = frame.trigger
    if trigger.pos_ != "NOUN" or trigger.lemma_.lower() != "visit" or frame.modifiers:
        return False
    if any(c.dep_ == "prep" and c.lower_ in {"to", "in"} for c in trigger.children):
        return False
    position = trigger
    if trigger.head.lower_ == "of" and trigger.head.head.dep_ == "pobj":
        position = trigger.head.head  # "at the end of a visit"
    return position.dep_ == "pobj" and position.head.lower_ in _FRAMING_VISIT_PREPS


# Prepositions that place an event on a visit ("during his visit", "on a visit").
_FRAMING_VISIT_PREPS = {"during", "on", "at", "after", "following"}


def _attended(trigger: Token) -> bool:
    """True for "attended the meeting": someone else's meeting."""
    return trigger.dep_ == "dobj" and trigger.head.lemma_.lower() == "attend"


def _resolve_all(
    tokens: list[Token], offset: int, entities: References, exclude: set[str]
) -> list[Party]:
    parties: list[Party] = []
    seen = set(exclude)
    for head in tokens:
        for token in _with_conjuncts(head):
            for party in resolve_party(token, offset, entities, seen):
                if party.entity_id not in seen:
                    parties.append(party)
                    seen.add(party.entity_id)
    return parties


def _with_conjuncts(token: Token) -> list[Token]:
    """The head and the heads coordinated with it, also through a mis-parsed apposition
    ("The US, Russia, and Switzerland met": Russia parsed as apposition of US)."""
    found = [token]
    appositions = [c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    for head in [token, *appositions]:
        coordinated = [c for c in head.conjuncts if c.i > head.i]
        if head is not token and coordinated:
            coordinated.insert(0, head)
        for conj in coordinated:
            if conj not in found:
                found.append(conj)
    return found


def unique_parties(parties: list[Party]) -> list[Party]:
    seen: set[str] = set()
    out = []
    for party in parties:
        if party.entity_id not in seen:
            seen.add(party.entity_id)
            out.append(party)
    return out


def _event_record(
    frame: Frame,
    article: Article,
    sentence: SentenceSpan,
    kind: str,
    date_info: DateInfo,
    place: tuple[str | None, str | None],
    agents: list[Party],
    counterparts: list[Party],
    held_apart: bool = False,
) -> StatedEvent:
    start = sentence.start + frame.trigger.idx
    end = start + len(frame.trigger.text)
    parties = unique_parties([*agents, *counterparts])
    key = "|".join([article.article_id, str(start), kind, *sorted(p.entity_id for p in parties)])
    mention_id = "em-" + hashlib.sha1(key.encode()).hexdigest()[:12]
    sentence_text = " ".join(article.body[sentence.start : sentence.end].split())
    paragraph = _paragraph_text(article.body, sentence.start)
    people = sum(p.entity_type == "PERSON" for p in parties)
    confidence = 0.9 if people >= 2 else 0.75 if people == 1 else 0.6
    if any(p.via in {"pronoun", "title"} for p in parties):
        confidence -= 0.1
    event = EventMention(
        mention_id=mention_id,
        article_id=article.article_id,
        kind=kind,
        event_date=date_info.date,
        date_precision=date_info.precision,
        date_text=date_info.text,
        location=place[0],
        location_iso3=place[1],
        sentence=sentence_text,
        start_char=start,
        end_char=end,
        confidence=round(confidence, 2),
        topics=assign_topics(sentence_text, paragraph),
        held_apart=held_apart,
    )
    participants = []
    for party in parties:
        role = "participant"
        if kind == "visit":
            role = "visitor" if party in agents else "host"
        elif frame.host_is_agent:
            role = "host" if party in agents else "visitor"
        participants.append(EventParticipant(mention_id, party.entity_id, role))
    return StatedEvent(event, tuple(participants), described_mentions(article, parties))


def _paragraph_text(body: str, offset: int) -> str:
    for start, end in paragraph_spans(body):
        if start <= offset < end:
            return body[start:end]
    return ""
