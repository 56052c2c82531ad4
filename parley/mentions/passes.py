"""Passes over all the mentions of one article, once every sentence has been read.

- A visit is dropped when the article names meetings of the same visitor.
- An undated restatement ("Before meeting with Bush, ...") takes the date of the article's
  dated mention of the same two or more parties, else of a dated mention in its sentence.
- A kind-neutral restatement ("held an extensive conversation") of a call of the same
  parties is that call.
- Later paragraphs about "the conversation" / "their discussion" lend their topics to the
  nearest mention before them.

Two passes run over the mentions of one sentence: one mention per group meeting it names,
and a side meeting's place lent to the group meeting it was held at.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict

from parley.mentions.text import paragraph_spans
from parley.mentions.topics import TOPIC_KEYWORDS, assign_topics
from parley.records import Article, StatedEvent

_KIND_NEUTRAL_WORDS = {"conversation", "conversations", "discussion", "discussions", "talks"}


_BACK_REFERENCE_RE = re.compile(
    r"\b(?:the|their|this|that)\s+(?:conversation|discussion|meeting|talks|call)s?\b",
    re.IGNORECASE,
)


def drop_visits_covered_by_meetings(
    events: list[StatedEvent],
) -> list[StatedEvent]:
    """Drop a visit when the same article reports named meetings of the visitor."""
    met = {p.entity_id for s in events if s.event.kind != "visit" for p in s.participants}
    return [
        s
        for s in events
        if s.event.kind != "visit"
        or not any(p.role_in_event == "visitor" and p.entity_id in met for p in s.participants)
    ]


def share_dates(
    events: list[StatedEvent],
) -> list[StatedEvent]:
    """Give a restated meeting without date words ("Before meeting with Bush, ...") the
    date of the article's dated mention of the same two or more parties."""
    dated = [(s.event, _ids(s)) for s in events if s.event.date_text]
    shared = []
    for stated in events:
        if not stated.event.date_text:
            source = next((d for d, d_ids in dated if len(_ids(stated) & d_ids) >= 2), None)
            if source is not None:
                stated = _with_event(
                    stated, event_date=source.event_date, date_precision=source.date_precision
                )
        shared.append(stated)
    # Then an undated mention takes the date of a dated one in the same sentence ("Before
    # meeting with Bush on Monday, the prince paid a courtesy call on Reagan").
    by_sentence = {
        (s.event.sentence, s.event.event_date, s.event.date_precision)
        for s in shared
        if s.event.date_precision == "day" and (s.event.date_text or s.event.event_date)
    }
    result = []
    for stated in shared:
        event = stated.event
        if not event.date_text:
            same = [d for d in by_sentence if d[0] == event.sentence and d[1] != event.event_date]
            if len(same) == 1 and event.date_precision != "day":
                stated = _with_event(stated, event_date=same[0][1], date_precision="day")
        result.append(stated)
    return result


def share_kinds(article: Article, events: list[StatedEvent]) -> list[StatedEvent]:
    """A kind-neutral restatement ("held an extensive conversation") of a phone or video
    call reported in the same article with the same parties is that call."""
    calls = [
        (s.event.kind, _ids(s)) for s in events if s.event.kind in {"phone_call", "video_call"}
    ]
    result = []
    for stated in events:
        event = stated.event
        word = article.body[event.start_char : event.end_char].lower()
        if event.kind == "meeting" and word in _KIND_NEUTRAL_WORDS:
            kind = next((k for k, k_ids in calls if len(_ids(stated) & k_ids) >= 2), None)
            if kind is not None:
                stated = _with_event(stated, kind=kind)
        result.append(stated)
    return result


def add_back_reference_topics(article: Article, events: list[StatedEvent]) -> list[StatedEvent]:
    """Topics of later paragraphs that talk about "the conversation" / "their discussion"
    go to the nearest mention before them."""
    if not events:
        return events
    extra: dict[str, set[str]] = defaultdict(set)
    for start, end in paragraph_spans(article.body):
        paragraph = article.body[start:end]
        if not _BACK_REFERENCE_RE.search(paragraph):
            continue
        before = [s.event for s in events if s.event.start_char < start]
        if before:
            nearest = max(before, key=lambda e: e.start_char)
            extra[nearest.mention_id].update(assign_topics(paragraph))
    result = []
    for stated in events:
        event = stated.event
        if extra.get(event.mention_id):
            merged = set(event.topics) | extra[event.mention_id]
            stated = _with_event(stated, topics=tuple(t for t in TOPIC_KEYWORDS if t in merged))
        result.append(stated)
    return result


def _ids(stated: StatedEvent) -> set[str]:
    """The entity ids of a mention's participants."""
    return {p.entity_id for p in stated.participants}


def _with_event(stated: StatedEvent, **changes: object) -> StatedEvent:
    """The stated event with some fields of its event mention changed."""
    return dataclasses.replace(stated, event=dataclasses.replace(stated.event, **changes))


def one_per_group_meeting(stated: list[StatedEvent]) -> list[StatedEvent]:
    """One mention per group meeting in a sentence: the meeting named as a trigger ("the
    Quad Foreign Ministers' Meeting") and as the setting of a side meeting are one, and
    several side meetings at one summit name the one summit."""
    seen: set[frozenset[str]] = set()
    kept = []
    for one in stated:
        parties = frozenset(p.entity_id for p in one.participants)
        if len(parties) == 1 and parties in seen:
            continue
        seen.add(parties)
        kept.append(one)
    return kept


def placed_at_side_meetings(stated: list[StatedEvent]) -> list[StatedEvent]:
    """A group's meeting that the sentence gives no place takes the place of a meeting held on
    its sidelines ("met Rubio in Washington on the sidelines of the Quad Foreign Ministers'
    Meeting": the Quad met in Washington too)."""
    placed = {
        one.event.setting: one.event
        for one in stated
        if one.event.setting is not None and one.event.location is not None
    }
    result = []
    for one in stated:
        side = next((placed[p.entity_id] for p in one.participants if p.entity_id in placed), None)
        if side is not None and one.event.location is None:
            event = dataclasses.replace(
                one.event, location=side.location, location_iso3=side.location_iso3
            )
            one = dataclasses.replace(one, event=event)
        result.append(one)
    return result
