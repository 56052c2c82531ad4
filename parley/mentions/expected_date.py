"""The day an announced meeting is expected: its date words read forward in time.

The date words are the meeting dates' (``dates.DATE_RE``), attached to the announcement the
same way (``event_date.attachment``), and resolved against the same base day, the story's
local day; only the reading differs. A report looks back ("on Tuesday" is the last Tuesday),
an announcement looks ahead: "on Tuesday" is the next Tuesday on or after the base day,
"tomorrow" the day after, "in June" the next June, an explicit "April 17" without a year
this year unless that is weeks past (then next year; a range's year counts: "July 9-11,
2024"). Spans of a week ("next week", "later this week") are the Monday of that week at
``week`` precision (on a Sunday, "this week" is the one that starts the next day); "next
month", "later this month" and "in mid-April" the 1st at ``month`` precision. Words that
point back ("yesterday", "last Friday": a cancellation's "talks that were due on Friday")
keep their past reading. What names no week or month ("later this year", "in the coming
weeks") gives no date; the words are kept in ``date_text`` only when they resolve.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection

from spacy.tokens import Doc

from parley.datelines import MONTHS
from parley.mentions.dates import DATE_RE, WEEKDAYS, find_dates
from parley.mentions.event_date import DateInfo, attachment

# An explicit day without a year more than this far before the base day is next year's.
_PAST_GRACE_DAYS = 14
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2}
# The year after a day range: "July 9-11, 2024".
_RANGE_YEAR = re.compile(r"\s*[-\u2013]\s*\d{1,2}(?:st|nd|rd|th)?,?\s+(\d{4})\b")


def expected_date(doc: Doc, base: dt.date, anchors: Collection[int]) -> DateInfo:
    """The expected date of an announcement whose trigger and governing words are the token
    indices ``anchors`` of ``doc``: the most precise date word attached to one of them (an
    explicit day before a weekday)."""
    attached = []
    for match in DATE_RE.finditer(doc.text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None or attachment(span.root) not in anchors:
            continue
        date, precision = resolve_forward(match, base)
        if date is not None and precision is not None:
            rank = (_PRECISION_RANK[precision], match.group("explicit") is None)
            attached.append((rank, DateInfo(date, precision, match.group(0))))
    if not attached:
        return DateInfo(None, None, None)
    # The most precise; of two days, the one the text spells out ("on Friday, February 10").
    return min(attached, key=lambda found: found[0])[1]


def resolve_forward(m: re.Match[str], base: dt.date) -> tuple[dt.date | None, str | None]:
    """(date, precision) of one ``DATE_RE`` match read as the day of a coming event."""
    text = " ".join(m.group(0).lower().split())
    if m.group("future"):
        return _coming(text, base)
    if m.group("explicit"):
        past = find_dates(m.group(0), base)[0]
        if past.date is None:
            return None, None
        if m.group("year") or m.group("year2"):
            return past.date, "day"
        year = _RANGE_YEAR.match(m.string, m.end())
        if year is not None:  # "July 9-11, 2024": the year closes the range
            return past.date.replace(year=int(year.group(1))), "day"
        return _this_or_next_year(past.date.month, past.date.day, base), "day"
    if m.group("onweekday"):
        target = WEEKDAYS[m.group("weekday").lower()]
        return base + dt.timedelta(days=(target - base.weekday()) % 7), "day"
    if m.group("weekend"):
        return base + dt.timedelta(days=(5 - base.weekday()) % 7), "day"
    if m.group("thisweek"):
        return _week_of(base), "week"
    if m.group("inmonth") and not text.startswith("last"):
        month = MONTHS[m.group("imonth")[:3].lower()]
        year = base.year if month >= base.month else base.year + 1
        return dt.date(year, month, 1), "month"
    # Today, this month, and the words that look back read as for a report.
    (found,) = find_dates(m.group(0), base)
    return found.date, found.precision


def _coming(text: str, base: dt.date) -> tuple[dt.date | None, str | None]:
    """The words of ``DATE_RE``'s ``future`` group: tomorrow, next week, later this month..."""
    if text == "tomorrow":
        return base + dt.timedelta(days=1), "day"
    if text in {"later today", "later tonight"}:
        return base, "day"
    if text.startswith("next ") and text[5:] in WEEKDAYS:
        ahead = (WEEKDAYS[text[5:]] - base.weekday()) % 7 or 7
        return base + dt.timedelta(days=ahead), "day"
    if text in {"next week", "later next week", "coming week"}:
        return _monday(base) + dt.timedelta(days=7), "week"
    if text == "later this week":
        return _week_of(base), "week"
    if text == "next month" or text == "later next month":
        return _first_of_next_month(base), "month"
    if text == "later this month":
        return base.replace(day=1), "month"
    return None, None  # next year, later this year, the coming days or months


def _this_or_next_year(month: int, day: int, base: dt.date) -> dt.date | None:
    """A day given without a year: this year's, unless that is weeks past."""
    for year in (base.year, base.year + 1):
        try:
            date = dt.date(year, month, day)
        except ValueError:  # February 29
            continue
        if (base - date).days <= _PAST_GRACE_DAYS:
            return date
    return None


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _week_of(day: dt.date) -> dt.date:
    """The Monday of "this week": on a Sunday, the week that starts the next day."""
    return _monday(day + dt.timedelta(days=1))


def _first_of_next_month(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
