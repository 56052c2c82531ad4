"""Property-based tests of the date resolver: past weekdays, yesterday, datelines, junk."""

from __future__ import annotations

import datetime as dt

from hypothesis import example, given
from hypothesis import strategies as st

from parley.datelines import local_day
from parley.mentions.dates import WEEKDAYS, find_dates

days = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31))
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]  # fmt: skip


@given(days, st.sampled_from(sorted(WEEKDAYS)))
def test_a_past_weekday_is_within_the_week_before_and_on_that_weekday(
    base: dt.date, weekday: str
) -> None:
    [found] = find_dates(f"The ministers met on {weekday.title()} in Paris.", base)
    assert found.precision == "day"
    assert found.date is not None
    assert found.date.weekday() == WEEKDAYS[weekday]
    assert 0 <= (base - found.date).days <= 6
    assert not found.future


@given(days)
def test_yesterday_is_the_day_before(base: dt.date) -> None:
    [found] = find_dates("Baker met Miyazawa yesterday.", base)
    assert (found.date, found.precision, found.future) == (
        base - dt.timedelta(days=1),
        "day",
        False,
    )


@given(days)
def test_tomorrow_is_an_announcement(base: dt.date) -> None:
    assert any(found.future for found in find_dates("They will meet tomorrow.", base))


@given(days)
@example(dt.date(1987, 12, 31))  # the dateline's January 1 is in the next year
def test_dateline_day_is_the_base_and_within_a_day_or_so_of_publication(
    published: dt.date,
) -> None:
    local = published + dt.timedelta(days=1)  # overnight copy or a time zone ahead of GMT
    dateline = f"TOKYO, {MONTH_NAMES[local.month - 1]} {local.day}"
    base = local_day(published, dateline)
    assert abs((base - published).days) <= 1
    assert (base.month, base.day) == (local.month, local.day)


@given(days, st.text(max_size=300))
def test_any_text_resolves_without_error_and_offsets_point_into_it(
    base: dt.date, text: str
) -> None:
    for found in find_dates(text, base):
        assert text[found.start : found.end] == found.text
        assert found.precision in {"day", "month", None}
