"""Date words resolved against the article's local day (no model needed)."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.datelines import dateline_city, local_day
from parley.mentions.dates import find_dates


def test_base_day_is_the_dateline_day_with_the_published_year() -> None:
    assert local_day(dt.date(1987, 4, 7), "WASHINGTON, April 7") == dt.date(1987, 4, 7)


def test_base_day_follows_a_next_day_dateline() -> None:
    # Tokyo copy stamped April 7 GMT but datelined April 8 local time.
    assert local_day(dt.date(1987, 4, 7), "TOKYO, April 8") == dt.date(1987, 4, 8)


def test_base_day_across_new_year() -> None:
    assert local_day(dt.date(1988, 1, 1), "TOKYO, Dec 31") == dt.date(1987, 12, 31)


@pytest.mark.parametrize("dateline", [None, "NEW YORK", "OSAKA, Japan"])
def test_base_day_without_a_dated_dateline_is_the_published_date(dateline: str | None) -> None:
    assert local_day(dt.date(1987, 4, 7), dateline) == dt.date(1987, 4, 7)


def test_dateline_city() -> None:
    assert dateline_city("BUENOS AIRES, March 16") == "Buenos Aires"
    assert dateline_city(None) is None


THURSDAY = dt.date(2024, 10, 31)


@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [
        ("held a phone conversation on Wednesday", dt.date(2024, 10, 30), "day"),
        ("said on Thursday", THURSDAY, "day"),  # the base day's own weekday is that day
        ("met last Thursday", dt.date(2024, 10, 24), "day"),
        ("met Friday morning", dt.date(2024, 10, 25), "day"),
        ("talks yesterday", dt.date(2024, 10, 30), "day"),
        ("arrived last night", dt.date(2024, 10, 30), "day"),
        ("this afternoon", THURSDAY, "day"),
        ("a weekend meeting", dt.date(2024, 10, 26), "day"),
        ("met last week", dt.date(2024, 10, 1), "month"),
        ("earlier this week", dt.date(2024, 10, 1), "month"),
        ("talks last month", dt.date(2024, 9, 1), "month"),
        ("in September", dt.date(2024, 9, 1), "month"),
        ("last October", dt.date(2023, 10, 1), "month"),
        ("this October", dt.date(2024, 10, 1), "month"),
        ("met on July 1, 2024", dt.date(2024, 7, 1), "day"),
        ("met on 29 Oct", dt.date(2024, 10, 29), "day"),
        ("April 7", dt.date(2024, 4, 7), "day"),
    ],
)
def test_past_date_words(text: str, date: dt.date, precision: str) -> None:
    found = find_dates(text, THURSDAY)
    assert [(d.date, d.precision) for d in found] == [(date, precision)]
    assert not found[0].future


@pytest.mark.parametrize(
    "text",
    [
        "will meet tomorrow",
        "talks next week",
        "later this month",
        "from November 29",
        "on July 1, 2025",
    ],
)
def test_forward_date_words_are_future(text: str) -> None:
    found = find_dates(text, THURSDAY)
    assert len(found) == 1 and found[0].future


def test_explicit_day_far_ahead_without_year_is_last_year() -> None:
    found = find_dates("met on December 5", dt.date(2025, 1, 10))
    assert [(d.date, d.future) for d in found] == [(dt.date(2024, 12, 5), False)]


def test_no_date_words() -> None:
    assert find_dates("the two leaders met at the Pentagon", THURSDAY) == []
