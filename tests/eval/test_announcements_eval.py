"""Announcement extraction on the development labels: the figures `parley eval` prints, and
the visits the modern readouts announce (shared/eval/modern_readouts_dev, its negatives)."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.eval.announcements import (
    ANNOUNCEMENT_SETS,
    PredictedAnnouncement,
    extracted_announcements,
    score_announcements,
)

READOUTS = next(s for s in ANNOUNCEMENT_SETS if s.name == "readouts-dev")
D = dt.date


@pytest.fixture(scope="module")
def readouts() -> list[PredictedAnnouncement]:
    assert READOUTS.available, f"needs {READOUTS.articles} (shared/ beside the repository)"
    return extracted_announcements(READOUTS.articles)


@pytest.mark.parametrize(
    ("article_id", "visitor", "expected"),
    [
        ("whitehouse-118", "Naftali Bennett", D(2021, 8, 26)),
        ("whitehouse-113", "Luiz Inácio Lula da Silva", D(2023, 2, 10)),
        ("whitehouse-117", "Volodymyr Zelenskyy", D(2022, 12, 21)),
    ],
)
def test_announced_visits_to_the_white_house_are_rows(
    readouts: list[PredictedAnnouncement], article_id: str, visitor: str, expected: dt.date
) -> None:
    rows = [a for a in readouts if a.article_id == article_id and visitor in a.participants]
    assert rows, [a for a in readouts if a.article_id == article_id]
    assert any(a.expected_date == expected and "Joe Biden" in a.participants for a in rows)


def test_readouts_dev_figures(readouts: list[PredictedAnnouncement]) -> None:
    gold, scored = READOUTS.load()
    report = score_announcements(readouts, gold, scored)
    assert report.precision >= 0.75
    assert report.recall >= 0.5
    assert report.status_correct == report.n_matched
