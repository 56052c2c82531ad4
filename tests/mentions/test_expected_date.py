"""Expected dates read forward from the story's day (Thursday 1987-04-09 unless said)."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.mentions.dates import DATE_RE
from parley.mentions.expected_date import resolve_forward

D = dt.date
THURSDAY = D(1987, 4, 9)


@pytest.mark.parametrize(
    ("words", "base", "expected"),
    [
        ("tomorrow", THURSDAY, (D(1987, 4, 10), "day")),
        ("on Friday", THURSDAY, (D(1987, 4, 10), "day")),
        ("on Thursday", THURSDAY, (THURSDAY, "day")),
        ("next Tuesday", THURSDAY, (D(1987, 4, 14), "day")),
        ("next week", THURSDAY, (D(1987, 4, 13), "week")),
        ("later this week", THURSDAY, (D(1987, 4, 6), "week")),
        # On a Sunday, "this week" is the week that starts the next day.
        ("this week", D(2023, 12, 3), (D(2023, 12, 4), "week")),
        ("next month", D(1987, 12, 9), (D(1988, 1, 1), "month")),
        ("later this month", THURSDAY, (D(1987, 4, 1), "month")),
        ("in June", THURSDAY, (D(1987, 6, 1), "month")),
        ("in January", THURSDAY, (D(1988, 1, 1), "month")),
        ("April 17", THURSDAY, (D(1987, 4, 17), "day")),
        ("January 5", D(1987, 12, 20), (D(1988, 1, 5), "day")),
        ("July 9-11, 2024", D(2023, 6, 13), (D(2024, 7, 9), "day")),
        ("August 26, 2021", D(2021, 8, 18), (D(2021, 8, 26), "day")),
        # Words that look back keep their past reading (a cancelled meeting's day).
        ("yesterday", THURSDAY, (D(1987, 4, 8), "day")),
        ("later this year", THURSDAY, (None, None)),
    ],
)
def test_words_read_forward(
    words: str, base: dt.date, expected: tuple[dt.date | None, str | None]
) -> None:
    match = DATE_RE.search(words)
    assert match is not None
    assert resolve_forward(match, base) == expected
