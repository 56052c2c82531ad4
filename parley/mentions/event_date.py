"""Which day a mention takes: its own date words, else what the report's position implies.

A date expression attached (in the parse) to the trigger or its clause's verb is resolved
against the story's local day (``dates``); only future expressions make it an announcement
(dropped). Without date words a mention takes the local day when it is a past report of one
meeting in the lead paragraph or ends right before/at the reported statement ("told
reporters after meeting X"), using the wire date when the dateline is a day ahead
(overnight copy); else the local day's month (``date_precision`` = ``month``): a meeting
recalled in the body may be days old, and "held separate meetings with A and B" (several
occasions) names no day for each. ``passes`` then lends the date of a dated mention of the
same parties or the same sentence. ``date_text`` is NULL for all of these.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from parley.mentions.dates import find_dates
from parley.mentions.frames import Frame
from parley.mentions.patterns import NOUN_TRIGGERS
from parley.mentions.text import SentenceSpan
from parley.records import Article

_AFTER_WORDS = {"after", "following"}


_STATEMENT_FRAMES = {"after", "following", "at", "during"}


# Plural interaction nouns that count occasions ("talks" and "negotiations" name one event).
_COUNTABLE_OCCASIONS = {"meetings", "visits", "calls", "conversations"}


_STATEMENT_VERBS = {"say", "tell", "speak", "add", "comment", "remark", "announce", "declare"}


@dataclass(frozen=True)
class DateInfo:
    date: dt.date | None
    precision: str | None
    text: str | None


def event_date(
    frame: Frame, doc: Doc, base: dt.date, sentence: SentenceSpan, article: Article
) -> DateInfo | None:
    anchors = {frame.trigger.i}
    if frame.clause_verb is not None:
        anchors.add(frame.clause_verb.i)
    attached = []
    for found in find_dates(doc.text, base):
        span = doc.char_span(found.start, found.end, alignment_mode="expand")
        if span is None:
            continue
        if attachment(span.root) in anchors:
            attached.append(found)
    if attached:
        past = [d for d in attached if not d.future]
        if not past:
            return None
        best = min(past, key=lambda d: (d.precision != "day", d.date is None))
        return DateInfo(best.date, best.precision, best.text)
    on_the_news_day = sentence.paragraph == 0 or _before_statement(frame.trigger)
    if _is_past_report(frame) and on_the_news_day and not _several_occasions(frame):
        # A dateline ahead of the wire date is overnight copy (or a time zone ahead of
        # GMT): an undated report then describes the wire day's news, not the next day's.
        return DateInfo(min(base, article.published_date), "day", None)
    return DateInfo(base.replace(day=1), "month", None)


def _several_occasions(frame: Frame) -> bool:
    """True for "held separate meetings with A and B" and "meetings with A and B": the
    story reports several occasions (a tour's stops), so the lead does not date each one."""
    trigger = frame.trigger
    return frame.separate or (trigger.tag_ == "NNS" and trigger.lower_ in _COUNTABLE_OCCASIONS)


def _before_statement(trigger: Token) -> bool:
    """True for "X told reporters after meeting Y" / "Speaking at a reception held by Y, X
    said": the meeting ends right before (or hosts) the statement the story reports, so it
    shares its day."""
    crossed_after = False
    for token in [trigger, *trigger.ancestors]:
        if token.lower_ in _STATEMENT_FRAMES or any(
            c.dep_ == "mark" and c.lower_ in _STATEMENT_FRAMES for c in token.children
        ):
            crossed_after = True
        if crossed_after and token.lemma_.lower() in _STATEMENT_VERBS:
            return True
    return False


def attachment(token: Token) -> int:
    """The nearest verb or interaction noun a date expression hangs from."""
    for ancestor in token.ancestors:
        if ancestor.pos_ in {"VERB", "AUX"} or ancestor.lemma_.lower() in NOUN_TRIGGERS:
            return ancestor.i
    return token.i


def _is_past_report(frame: Frame) -> bool:
    verb = frame.clause_verb
    if verb is None:
        return False
    if verb.lemma_.lower() in _STATEMENT_VERBS or verb.lower_ in _AFTER_WORDS:
        return True
    if verb.tag_ == "VBG" and verb.head.lower_ in _AFTER_WORDS | {"before"}:
        return True  # "after meeting Baker, Miyazawa said"
    return verb.tag_ in {"VBD", "VBN"} or any(c.lemma_ == "have" for c in verb.children)
