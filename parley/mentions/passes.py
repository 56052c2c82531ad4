"""Passes over all the mentions of one article, once every sentence has been read.

- A visit is dropped when the article names meetings of the same visitor.
- An undated restatement ("Before meeting with Bush, ...") takes the date of the article's
  dated mention of the same two or more parties, else of a dated mention in its sentence.
- A kind-neutral restatement ("held an extensive conversation") of a call of the same
  parties is that call.
- Later paragraphs about "the conversation" / "their discussion" lend their topics to the
  nearest mention before them.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict

from parley.mentions.text import paragraph_spans
from parley.mentions.topics import TOPIC_KEYWORDS, assign_topics
from parley.records import Article, EventMention, EventParticipant

_KIND_NEUTRAL_WORDS = {"conversation", "conversations", "discussion", "discussions", "talks"}


_BACK_REFERENCE_RE = re.compile(
    r"\b(?:the|their|this|that)\s+(?:conversation|discussion|meeting|talks|call)s?\b",
    re.IGNORECASE,
)


def drop_visits_covered_by_meetings(
    events: list[tuple[EventMention, list[EventParticipant]]],
) -> list[tuple[EventMention, list[EventParticipant]]]:
    """Drop a visit when the same article reports named meetings of the visitor."""
    met = {p.entity_id for event, parties in events if event.kind != "visit" for p in parties}
    return [
        (event, parties)
        for event, parties in events
        if event.kind != "visit"
        or not any(p.role_in_event == "visitor" and p.entity_id in met for p in parties)
    ]


def share_dates(
    events: list[tuple[EventMention, list[EventParticipant]]],
) -> list[tuple[EventMention, list[EventParticipant]]]:
    """Give a restated meeting without date words ("Before meeting with Bush, ...") the
    date of the article's dated mention of the same two or more parties."""
    dated = [
        (event, {p.entity_id for p in parties}) for event, parties in events if event.date_text
    ]
    shared = []
    for event, parties in events:
        if not event.date_text:
            ids = {p.entity_id for p in parties}
            source = next((d for d, d_ids in dated if len(ids & d_ids) >= 2), None)
            if source is not None:
                event = dataclasses.replace(
                    event, event_date=source.event_date, date_precision=source.date_precision
                )
        shared.append((event, parties))
    # Then an undated mention takes the date of a dated one in the same sentence ("Before
    # meeting with Bush on Monday, the prince paid a courtesy call on Reagan").
    by_sentence = {
        (e.sentence, e.event_date, e.date_precision)
        for e, _ in shared
        if e.date_precision == "day" and (e.date_text or e.event_date)
    }
    result = []
    for event, parties in shared:
        if not event.date_text:
            same = [s for s in by_sentence if s[0] == event.sentence and s[1] != event.event_date]
            if len(same) == 1 and event.date_precision != "day":
                event = dataclasses.replace(event, event_date=same[0][1], date_precision="day")
        result.append((event, parties))
    return result


def share_kinds(
    article: Article, events: list[tuple[EventMention, list[EventParticipant]]]
) -> list[tuple[EventMention, list[EventParticipant]]]:
    """A kind-neutral restatement ("held an extensive conversation") of a phone or video
    call reported in the same article with the same parties is that call."""
    calls = [
        (event.kind, {p.entity_id for p in parties})
        for event, parties in events
        if event.kind in {"phone_call", "video_call"}
    ]
    result = []
    for event, parties in events:
        word = article.body[event.start_char : event.end_char].lower()
        if event.kind == "meeting" and word in _KIND_NEUTRAL_WORDS:
            ids = {p.entity_id for p in parties}
            kind = next((k for k, k_ids in calls if len(ids & k_ids) >= 2), None)
            if kind is not None:
                event = dataclasses.replace(event, kind=kind)
        result.append((event, parties))
    return result


def add_back_reference_topics(
    article: Article, events: list[tuple[EventMention, list[EventParticipant]]]
) -> list[tuple[EventMention, list[EventParticipant]]]:
    """Topics of later paragraphs that talk about "the conversation" / "their discussion"
    go to the nearest mention before them."""
    if not events:
        return events
    extra: dict[str, set[str]] = defaultdict(set)
    for start, end in paragraph_spans(article.body):
        paragraph = article.body[start:end]
        if not _BACK_REFERENCE_RE.search(paragraph):
            continue
        before = [e for e, _ in events if e.start_char < start]
        if before:
            nearest = max(before, key=lambda e: e.start_char)
            extra[nearest.mention_id].update(assign_topics(paragraph))
    result = []
    for event, parties in events:
        if extra.get(event.mention_id):
            merged = set(event.topics) | extra[event.mention_id]
            topics = tuple(t for t in TOPIC_KEYWORDS if t in merged)
            event = dataclasses.replace(event, topics=topics)
        result.append((event, parties))
    return result
