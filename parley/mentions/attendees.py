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
    r"|\b(?:was|were) joined by\s*:",
    re.IGNORECASE,
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
    spans = [_list_span(body, m.end()) for m in _LIST_HEADER_RE.finditer(body)]
    spans = [(start, end) for start, end in spans if start > lead.event.end_char]
    if not spans:
        return events
    have = {p.entity_id for p in lead.participants}
    added: list[EventParticipant] = []
    for mention in sorted(entities.mentions, key=lambda m: m.start_char):
        inside = any(start <= mention.start_char < end for start, end in spans)
        if mention.entity_type == "PERSON" and inside and mention.entity_id not in have:
            added.append(EventParticipant(lead.event.mention_id, mention.entity_id, "participant"))
            have.add(mention.entity_id)
    if not added:
        return events
    grown = dataclasses.replace(lead, participants=(*lead.participants, *added))
    return [grown if s is lead else s for s in events]


def _list_span(body: str, start: int) -> tuple[int, int]:
    """Where the list a header ends at ``start`` runs: the rest of the header's line, then
    the lines that are bullets or short name lines, up to prose or the end mark "###"."""
    line_end = body.find("\n", start)
    end = len(body) if line_end < 0 else line_end
    position = end
    for line in body[end:].splitlines(keepends=True):
        text = line.strip()
        if text.startswith("###"):
            break
        if text and not (_BULLET_RE.match(text) or len(text) <= _LIST_LINE_CHARS):
            break
        position += len(line)
    return start, max(end, position)
