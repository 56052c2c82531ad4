"""The people of an attendance list are parties to the article's lead meeting.

Readouts of meetings with stakeholders name the meeting in the lead ("the White House hosted
a roundtable with nurses") and its people in a list further down: "External participants
included:" followed by bullets, "In attendance were the following:", "Officials ... taking
part in the meeting included Domestic Policy Advisor Susan Rice, ...", "The Vice President
was joined by: • Robert Godec, ...". The labelling guide counts every party the article
names, and without them the lead mention often names no person at all.
"""

from __future__ import annotations

import dataclasses
import re

from parley.records import ArticleEntities, EventParticipant, StatedEvent

_LIST_HEADER_RE = re.compile(
    r"\b(?:participants|attendees|participating|attending)\b[^.\n:]{0,100}?"
    r"(?:\b(?:included?|were)\b\s*:?|:)"
    r"|\bin attendance were\b"
    r"|\b(?:taking|took) part\b[^.\n]{0,60}\b(?:included?|were)\b"
    r"|\b(?:was|were) joined by\s*:"
    # "Joining President Biden on the call were Prime Minister Trudeau of Canada, ...",
    # "Joining the President at the meeting were ...", "Joining the call were the following"
    r"|\bjoining\b[^.\n:]{0,60}?\bthe\s+(?:call|meeting|conversation|videoconference|"
    r"discussion|roundtable)\b[^.\n:]{0,30}?\b(?:were|was|included?)\b\s*:?",
    re.IGNORECASE,
)
# A full stop that ends a sentence: not after an initial or a short title ("Dr.", "U.N.").
_SENTENCE_END_RE = re.compile(
    r"(?<![A-Z])(?<!\b(?:Dr|Mr|Ms|Jr|Sr|St))\.(?=\s+[A-Z\"]|\s*$)|\n\s*\n"
)
_BULLET_RE = re.compile(r"^\s*[-•*\u2022]")
# A line of the list: a bullet, or a short line with no sentence in it (a name and title,
# a sub-heading such as "Louisiana Participants:").
_LIST_LINE_CHARS = 160


def add_listed_attendees(entities: ArticleEntities, events: list[StatedEvent]) -> list[StatedEvent]:
    """The article's first meeting (not a visit) gains the people of the attendance lists
    that come after it."""
    meetings = [s for s in events if s.event.kind != "visit"]
    if not meetings:
        return events
    lead = min(meetings, key=lambda s: s.event.start_char)
    body = entities.article.body
    headers = [m for m in _LIST_HEADER_RE.finditer(body) if m.start() > lead.event.end_char]
    if not headers:
        return events
    spans = [_list_span(body, m.end()) for m in headers]
    # The list's own sentence ("Joining the President at the meeting were A, B and C")
    # restates the lead meeting: its people join the lead, it is no meeting of its own.
    stated = [(m.start(), end) for m, (_, end) in zip(headers, spans, strict=True)]
    events = [s for s in events if s is lead or not _inside(s.event.start_char, stated)]
    have = {p.entity_id for p in lead.participants}
    added: list[EventParticipant] = []
    for mention in sorted(entities.mentions, key=lambda m: m.start_char):
        inside = _inside(mention.start_char, spans)
        if mention.entity_type == "PERSON" and inside and mention.entity_id not in have:
            added.append(EventParticipant(lead.event.mention_id, mention.entity_id, "participant"))
            have.add(mention.entity_id)
    if not added:
        return events
    grown = dataclasses.replace(lead, participants=(*lead.participants, *added))
    return [grown if s is lead else s for s in events]


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def _list_span(body: str, start: int) -> tuple[int, int]:
    """Where the list a header ends at ``start`` runs: the lines that are bullets or short
    name lines, up to prose or the end mark "###", after a colon or before a bullet; else to
    the end of the header's sentence ("Joining the President at the meeting were A and B.")."""
    line_end = body.find("\n", start)
    end = len(body) if line_end < 0 else line_end
    rest = body[start:end].strip(" \t*:")  # "attending the meeting:*": markup, no list
    following = body[end:].lstrip()
    if rest or not (body[:start].rstrip().endswith(":") or _BULLET_RE.match(following)):
        # Inline: a wire's wrapped lines are all short, so only the sentence bounds it.
        stop = _SENTENCE_END_RE.search(body, start)
        return start, stop.start() + 1 if stop else len(body)
    position = end
    for line in body[end:].splitlines(keepends=True):
        text = line.strip()
        if text.startswith("###"):
            break
        if text and not (_BULLET_RE.match(text) or len(text) <= _LIST_LINE_CHARS):
            break
        position += len(line)
    return start, max(end, position)
