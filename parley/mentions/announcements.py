"""Announced meetings, calls and visits: what a sentence says will happen, or was called off.

The triggers are the meeting triggers (``patterns``) that ``events`` leaves out because they
are planned ("will meet", "is due/expected/scheduled/set to meet", "plans to visit", "looks
forward to welcoming", "the upcoming summit", "talks scheduled for Thursday", "agreed to
speak again", "accepted an invitation to visit") or dated ahead ("talks resume on Friday",
"visits West Germany next week"); and two kinds of words no report uses: a journey ("is due
to fly to Moscow", "leaves for Ottawa for talks": a visit of its destination, when that is
a known place abroad; "will travel to Austin, Texas" is a trip at home) and the name of a
coming event that no meeting word names ("the upcoming iCET Intersessional and Indian Ocean
Dialogue").

``stated_status`` reads what governs the trigger, walking up the parse as
``patterns.is_non_factual`` does: a cancellation ("cancelled", "postponed", "called off",
"scrubbed") makes it ``cancelled``; denials, conditions, possibilities and proposals
("will not meet", "no plans to meet", "if they meet", "could meet", "proposed a meeting",
"hopes to meet", "invited him to visit") make it nothing; a plan makes it ``announced``;
a bare present or infinitive ("when he visits", "to meet") counts only with a date ahead.

Parties, kind and place are the meetings' (``events.frame_sides``, ``kinds``, ``places``);
an event named without parties ("the upcoming Indian Ocean Dialogue") takes the states the
sentence names ("the US-India partnership"). The expected date is ``expected_date``'s.
``announcement_id`` is "ann-" + sha1 of (article_id, start_char, end_char, kind, participant
ids)[:12], like ``mention_id``. ``settle_announcements`` then keeps one row per announced
meeting of the article.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence

from spacy.tokens import Doc, Token

from parley.datelines import local_day
from parley.entities.ids import is_country_id
from parley.mentions.announcement_status import (
    ANNOUNCED,
    CANCELLED,
    CLAUSE_EDGES,
    IF_DATED_AHEAD,
    may_announce,
    stated_status,
)
from parley.mentions.announcement_triggers import (
    EVENT_NOUNS,
    bare_verbs,
    event_frame,
    inside_used_trigger,
    is_bare_verb,
    is_journey,
    journey_frame,
    journeys,
    named_events,
    seen,
    sees,
)
from parley.mentions.clause_parts import clause_subjects
from parley.mentions.dates import DATE_RE, find_dates
from parley.mentions.event_date import DateInfo, event_date
from parley.mentions.events import Sides, frame_sides, unique_parties
from parley.mentions.expected_date import expected_date
from parley.mentions.frames import Frame, read_frame
from parley.mentions.kinds import PLACE_TYPES, event_kind
from parley.mentions.parties import Party, as_party, described_mentions
from parley.mentions.patterns import COMING_HEADS, is_non_factual
from parley.mentions.places import event_location
from parley.mentions.references import References
from parley.mentions.text import SentenceSpan, has_trigger, sentence_spans
from parley.records import (
    Announcement,
    AnnouncementParticipant,
    Article,
    StatedAnnouncement,
)

# Words of an announcement that no meeting trigger covers: journeys and event names. The
# sentences with one of them and no meeting word are parsed for announcements only.
# "conference" is none of them: most are news conferences, and a coming one is "upcoming".
_PAST_TAGS = {"VBD", "VBN"}
_CUE_RE = re.compile(
    r"\b(?:travel\w*|fl(?:y|ies|ying)|(?:leav(?:e|es|ing)|head(?:s|ing)?)(?:\s+\w+){0,2}"
    r"\s+(?:for|to)|due\s+here|trips?|speak|(?:to|will)\s+see|upcoming|forthcoming|"
    r"dialogue|intersessional|ministerial)\b",
    re.IGNORECASE,
)


def has_announcement_cue(text: str) -> bool:
    """True when the text has a journey or event-name word of an announcement."""
    return _CUE_RE.search(text) is not None


def iter_parse_sentences(body: str) -> Iterator[SentenceSpan]:
    """The sentences of a body that may state a meeting or announce one: those with a
    meeting trigger word (``text``) or an announcement cue."""
    if not has_trigger(body) and not has_announcement_cue(body):
        return
    for sentence in sentence_spans(body):
        text = body[sentence.start : sentence.end]
        if has_trigger(text) or has_announcement_cue(text):
            yield sentence


def announcements_in_sentence(
    doc: Doc,
    trigger_indices: Sequence[int],
    article: Article,
    sentence: SentenceSpan,
    entities: References,
) -> list[StatedAnnouncement]:
    """The meetings, calls and visits a parsed sentence announces (or says were called off);
    ``trigger_indices``: the meeting triggers ``patterns.trigger_indices`` found."""
    if not may_announce(doc):
        return []
    base = local_day(article.published_date, article.dateline)
    triggers = set(trigger_indices)
    candidates = sorted(
        triggers
        | set(journeys(doc))
        | set(named_events(doc))
        | set(bare_verbs(doc))
        | set(sees(doc))
    )
    found: list[StatedAnnouncement] = []
    handled: set[int] = set()
    for index in candidates:
        token = doc[index]
        if inside_used_trigger(token, handled):
            continue  # "will meet X for talks": the talks are the meeting
        built = list(_announced(token, index in triggers, doc, article, sentence, entities, base))
        if built:
            handled.add(index)
        found.extend(built)
    return found


def _announced(
    trigger: Token,
    is_trigger: bool,
    doc: Doc,
    article: Article,
    sentence: SentenceSpan,
    entities: References,
    base: dt.date,
) -> Iterable[StatedAnnouncement]:
    journey = is_journey(trigger)
    if journey:
        frame = journey_frame(trigger)
    elif trigger.lower_ in EVENT_NOUNS:
        frame = event_frame(trigger)
    elif trigger.lemma_.lower() == "see":
        frame = Frame(trigger, trigger, agents=clause_subjects(trigger))
        frame.counterparts = seen(trigger)
    else:
        frame = read_frame(trigger, planned=True)
    if frame is None and is_bare_verb(trigger):
        frame = Frame(trigger, trigger, agents=clause_subjects(trigger))
    if frame is None:
        return
    status = stated_status(frame.trigger)
    reported = is_trigger and read_frame(trigger) is not None and not is_non_factual(frame.trigger)
    if reported:
        # A report (a meetings row: never an announcement too, "suspended talks" included),
        # unless its date words all point ahead ("talks resume on Friday").
        if event_date(frame, doc, base, sentence, article) is not None:
            return
        if status is not None and status != CANCELLED:
            status = ANNOUNCED
    if status is None or (status != ANNOUNCED and trigger.lemma_.lower() == "see"):
        return  # "to see" is a meeting only when planned ("is expected to see")
    date_info = expected_date(doc, base, _anchors(frame))
    if status == IF_DATED_AHEAD:
        if not _ahead(date_info, base) or _past_tense(frame):
            return  # "when he visits"; "flew to Moscow on Tuesday" is a report
        status = ANNOUNCED
    sides = frame_sides(frame, article, sentence, entities)
    if sides is None and trigger.lower_ in EVENT_NOUNS:
        sides = _sentence_states(doc, sentence, entities)
    if sides is None:
        return
    groups = (
        [[c] for c in sides.counterparts]
        if frame.separate and sides.counterparts
        else [sides.counterparts]
    )
    for group in groups:
        parties = unique_parties([*sides.agents, *group])
        if len(parties) < 2 and not sides.as_group:
            continue
        kind = (
            "visit"
            if journey and group and all(p.entity_type in PLACE_TYPES for p in group)
            else event_kind(frame, parties, group, article.title)
        )
        location, location_iso3 = event_location(
            frame, doc, sentence.start, entities, article, kind, group
        )
        if journey and kind == "visit" and not _abroad(location_iso3, sides.agents):
            continue  # "the President will travel to Austin, Texas": no visit of state
        yield _record(
            frame, article, sentence, kind, status, date_info, location, location_iso3, parties
        )


def _abroad(destination_iso3: str | None, travellers: list[Party]) -> bool:
    """True when a journey goes to a known country that is not the home of every person
    travelling: a place of no known country ("Texas", "Las Vegas") or the travellers' own
    is a trip at home, not a visit."""
    homes = {p.country_iso3 for p in travellers if p.entity_type == "PERSON"}
    return destination_iso3 is not None and homes != {destination_iso3}


def _sentence_states(doc: Doc, sentence: SentenceSpan, entities: References) -> Sides | None:
    """The states a sentence names ("the US-India partnership"), when two or more: the
    parties of a coming event it names without them."""
    states: list[Party] = []
    for token in doc:
        start = sentence.start + token.idx
        for mention in entities.overlapping(start, start + len(token.text)):
            if is_country_id(mention.entity_id):
                states.append(as_party(mention, "stand_in"))
    states = unique_parties(states)
    return Sides(states, [], False) if len(states) >= 2 else None


def _anchors(frame: Frame) -> set[int]:
    """The tokens a date word of the announcement hangs from: the trigger, its clause's verb
    and the words above it up to the clause's edge ("is due to fly ... next week"; not
    "said on Tuesday that he would visit")."""
    anchors = {frame.trigger.i}
    # "talks scheduled for Thursday": the date hangs from the participle.
    anchors.update(c.i for c in frame.trigger.children if c.dep_ == "acl")
    token = frame.trigger
    while token.dep_ not in CLAUSE_EDGES | {"ccomp"} and token.head is not token:
        token = token.head
        if token.lemma_.lower() in COMING_HEADS:
            return anchors  # "spoke today ... in advance of the NATO Summit": the call's day
        anchors.add(token.i)
    if frame.clause_verb is not None:
        anchors.add(frame.clause_verb.i)
    return anchors


def _past_tense(frame: Frame) -> bool:
    verbs = [frame.trigger, frame.clause_verb]
    return any(v is not None and v.tag_ in _PAST_TAGS for v in verbs)


def _ahead(date_info: DateInfo, base: dt.date) -> bool:
    """True when the date words point ahead of the base day, read as a report would read
    them where they could be either: "next week", "on Friday" (in a present-tense
    sentence), "this week"; an explicit day or month only when it is still to come this
    year ("the two leaders' conversation on March 18th" in July is March's)."""
    if date_info.date is None or date_info.text is None:
        return False
    match = DATE_RE.search(date_info.text)
    if match is None:
        return False
    if match.group("explicit") or match.group("inmonth"):
        (past,) = find_dates(date_info.text, base)
        return past.future or (past.date is not None and past.date > base)
    if date_info.precision == "day":
        return date_info.date > base
    end = date_info.date + dt.timedelta(days=6)
    if date_info.precision == "month":
        end = (date_info.date.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return end > base


def _record(
    frame: Frame,
    article: Article,
    sentence: SentenceSpan,
    kind: str,
    status: str,
    date_info: DateInfo,
    location: str | None,
    location_iso3: str | None,
    parties: list[Party],
) -> StatedAnnouncement:
    start = sentence.start + frame.trigger.idx
    end = start + len(frame.trigger.text)
    ids = sorted(p.entity_id for p in parties)
    key = "|".join([article.article_id, str(start), str(end), kind, *ids])
    announcement_id = "ann-" + hashlib.sha1(key.encode()).hexdigest()[:12]
    announcement = Announcement(
        announcement_id=announcement_id,
        article_id=article.article_id,
        kind=kind,
        expected_date=date_info.date,
        date_precision=date_info.precision,
        date_text=date_info.text,
        location=location,
        location_iso3=location_iso3,
        event_name=_event_name(frame.trigger),
        sentence=" ".join(article.body[sentence.start : sentence.end].split()),
        start_char=start,
        end_char=end,
        status=status,
    )
    participants = tuple(AnnouncementParticipant(announcement_id, i) for i in ids)
    return StatedAnnouncement(announcement, participants, described_mentions(article, parties))


def _event_name(trigger: Token) -> str | None:
    """The name of an event the text names ("the June 29-30 NATO Summit in Madrid" ->
    "NATO Summit", "the Summit of the Americas"), else None."""
    if trigger.pos_ != "PROPN":
        return None
    words = [
        c
        for c in trigger.lefts
        if c.dep_ in {"compound", "nmod", "amod"}
        and c.pos_ in {"PROPN", "NOUN", "ADJ"}
        and not c.is_lower
        and c.ent_type_ != "DATE"
    ]
    left = [
        t
        for w in words
        for t in w.subtree
        if (not t.is_punct or t.text == "-") and not t.is_lower and t.pos_ != "DET"
    ]
    name = [*sorted(left, key=lambda t: t.i), trigger]
    of = next((c for c in trigger.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None and any(c.pos_ == "PROPN" for c in of.children):
        name += [t for t in of.subtree]
    return " ".join(t.text for t in sorted(name, key=lambda t: t.i)) or None


def settle_announcements(stated: list[StatedAnnouncement]) -> list[StatedAnnouncement]:
    """One row per announced meeting of an article.

    A visit is dropped when its sentence announces a meeting of the visitor ("leaves for
    Ottawa for talks with ...", "visits West Germany next week, ... his talks with Kohl"),
    which takes the visit's date when it has none. Rows of the same kind, parties and name are one
    announcement: the undated join the dated one (when only one date is given), distinct
    dates stay apart, and the article's cancellation of it wins ("will visit on Friday" ...
    "the visit was postponed").
    """
    kept = _journeys_to_meetings(stated)
    groups: dict[tuple[object, ...], list[StatedAnnouncement]] = {}
    for one in kept:
        a = one.announcement
        key = (a.kind, a.event_name, frozenset(p.entity_id for p in one.participants))
        groups.setdefault(key, []).append(one)
    settled = []
    for rows in groups.values():
        dated = {r.announcement.expected_date: r for r in rows if r.announcement.expected_date}
        chosen = list(dated.values()) if dated else rows[:1]
        if len(chosen) == 1 and any(r.announcement.status == CANCELLED for r in rows):
            one = chosen[0]
            chosen = [
                dataclasses.replace(
                    one, announcement=dataclasses.replace(one.announcement, status=CANCELLED)
                )
            ]
        settled.extend(chosen)
    return sorted(settled, key=lambda s: s.announcement.start_char)


def _journeys_to_meetings(stated: list[StatedAnnouncement]) -> list[StatedAnnouncement]:
    """The announcements less the visits whose sentence announces a meeting of the visitor;
    an undated such meeting takes the visit's date."""
    visits = [s for s in stated if s.announcement.kind == "visit"]
    kept = []
    for one in stated:
        a = one.announcement
        if a.kind == "visit":
            if not any(_covers(other, one) for other in stated):
                kept.append(one)
            continue
        dated = next((v for v in visits if _covers(one, v) and v.announcement.expected_date), None)
        if dated is not None and a.expected_date is None:
            lent = dated.announcement
            a = dataclasses.replace(
                a,
                expected_date=lent.expected_date,
                date_precision=lent.date_precision,
                date_text=lent.date_text,
            )
            one = dataclasses.replace(one, announcement=a)
        kept.append(one)
    return kept


def _covers(meeting: StatedAnnouncement, visit: StatedAnnouncement) -> bool:
    """True when a meeting (not a visit) of the same sentence shares a party with a visit."""
    return (
        meeting.announcement.kind != "visit"
        and meeting.announcement.sentence == visit.announcement.sentence
        and bool(
            {p.entity_id for p in meeting.participants} & {p.entity_id for p in visit.participants}
        )
    )
