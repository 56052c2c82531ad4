"""Resolve the date words of a meeting sentence against the article's local day.

The base day is the story's local day (``parley.datelines.local_day``: the dateline's day,
else the published date).

Reports are past tense, so weekdays resolve backwards: "on Tuesday" in a Tuesday story is
that day, in a Thursday story two days earlier. Expressions that point forward ("tomorrow",
"next week", an explicit day after the base) mark the sentence as an announcement.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from parley.datelines import MONTH_PATTERN, MONTHS

WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip

_MONTH = MONTH_PATTERN
_WEEKDAY = r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"

# One alternation, longest phrases first; each named group says how to resolve it.
DATE_RE = re.compile(
    r"\b(?:"
    r"(?P<future>tomorrow|next\s+(?:week|month|year|\w+day)|later\s+(?:this|next)\s+"
    r"(?:week|month|year)|later\s+today|later\s+tonight|coming\s+(?:week|days|months))"
    r"|(?P<explicit>" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?"
    r"|(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month2>jan\w*|feb\w*|mar\w*|apr\w*|may|june?|"
    r"july?|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)(?:,?\s+(?P<year2>\d{4}))?)"
    r"|(?P<lastweekday>last\s+" + _WEEKDAY.replace("weekday", "lwd") + r")"
    r"|(?P<onweekday>(?:on\s+|early\s+|late\s+)?" + _WEEKDAY + r"(?:\s+(?:morning|afternoon|"
    r"evening|night))?)"
    r"|(?P<yesterday>yesterday|last\s+night)"
    r"|(?P<today>today|tonight|this\s+(?:morning|afternoon|evening)|earlier\s+today)"
    r"|(?P<weekend>(?:last\s+|this\s+|the\s+|at\s+the\s+)?weekend)"
    r"|(?P<lastweek>last\s+week|previous\s+week)"
    r"|(?P<thisweek>(?:earlier\s+)?this\s+week)"
    r"|(?P<lastmonth>last\s+month|previous\s+month)"
    r"|(?P<thismonth>(?:earlier\s+)?this\s+month)"
    r"|(?P<inmonth>(?:in|last|this)\s+(?:early\s+|mid-?|late\s+)?"
    + _MONTH.replace("month", "imonth")
    + r")"
    r")\b",
    re.IGNORECASE,
)


# An explicit day without a year more than this far ahead of the base day is last year's.
_YEAR_ROLLBACK_DAYS = 180


@dataclass(frozen=True)
class ResolvedDate:
    """A date expression found in a sentence and what it resolves to."""

    text: str
    start: int  # offset in the searched text
    end: int
    date: dt.date | None
    precision: str | None  # day or month
    future: bool


def find_dates(text: str, base: dt.date) -> list[ResolvedDate]:
    """Every date expression of the text, resolved against the base day."""
    found = []
    for match in DATE_RE.finditer(text):
        date, precision, future = _resolve(match, base)
        found.append(
            ResolvedDate(match.group(0), match.start(), match.end(), date, precision, future)
        )
    return found


def _resolve(m: re.Match[str], base: dt.date) -> tuple[dt.date | None, str | None, bool]:
    if m.group("future"):
        return None, None, True
    if m.group("explicit"):
        month_word = m.group("month") or m.group("month2")
        day = int(m.group("day") or m.group("day2"))
        year_text = m.group("year") or m.group("year2")
        month = MONTHS[month_word[:3].lower()]
        try:
            date = dt.date(int(year_text) if year_text else base.year, month, day)
        except ValueError:
            return None, None, False
        if not year_text and (date - base).days > _YEAR_ROLLBACK_DAYS:
            # "December 5" in a January story is last December, not an announcement.
            try:
                date = date.replace(year=date.year - 1)
            except ValueError:
                return None, None, False
        return date, "day", date > base
    if m.group("lastweekday"):
        target = WEEKDAYS[m.group("lwd").lower()]
        back = (base.weekday() - target) % 7 or 7
        return base - dt.timedelta(days=back), "day", False
    if m.group("onweekday"):
        target = WEEKDAYS[m.group("weekday").lower()]
        return base - dt.timedelta(days=(base.weekday() - target) % 7), "day", False
    if m.group("yesterday"):
        return base - dt.timedelta(days=1), "day", False
    if m.group("today"):
        return base, "day", False
    if m.group("weekend"):
        # The most recent Saturday on or before the base day.
        return base - dt.timedelta(days=(base.weekday() - 5) % 7), "day", False
    if m.group("lastweek"):
        return _month_of(base - dt.timedelta(days=7)), "month", False
    if m.group("thisweek") or m.group("thismonth"):
        return _month_of(base), "month", False
    if m.group("lastmonth"):
        return _month_of(_month_of(base) - dt.timedelta(days=1)), "month", False
    if m.group("inmonth"):
        month = MONTHS[m.group("imonth")[:3].lower()]
        # Past reading: the latest such month up to the base month ("last" excludes it).
        latest = month < base.month or (month == base.month and not _is_last(m))
        year = base.year if latest else base.year - 1
        return dt.date(year, month, 1), "month", False
    return None, None, False


def _is_last(m: re.Match[str]) -> bool:
    return m.group("inmonth").lower().startswith("last")


def _month_of(day: dt.date) -> dt.date:
    return day.replace(day=1)
