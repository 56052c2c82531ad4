"""The linking rules on staged rows (no NLP): which meeting an announcement announced, and
when it is held, announced or cancelled."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb

from parley.records import (
    Announcement,
    AnnouncementParticipant,
    Article,
    EntityMention,
    EventMention,
    EventParticipant,
)
from tests.staged import stage_and_publish

D = dt.date
PEOPLE = {"alice": "USA", "bob": "IND", "carol": "JPN"}
NOW = dt.datetime(2025, 6, 1, tzinfo=dt.UTC)
Meeting = tuple[EventMention, list[EventParticipant]]
Announced = tuple[Announcement, list[AnnouncementParticipant]]


def _article(article_id: str, published: dt.date) -> Article:
    body = "Alice, Bob and Carol. " * 3
    return Article(
        article_id, f"{article_id}.txt", "d", published, None, None, None, body, article_id
    )


def _names(article_id: str) -> list[EntityMention]:
    return [
        EntityMention(
            article_id, f"person:{n}", n.title(), "PERSON", c, n.title(), "PERSON", i, i + 3
        )
        for i, (n, c) in enumerate(PEOPLE.items())
    ]


def _meeting(
    mention_id: str, article_id: str, day: dt.date, *people: str, kind: str = "meeting"
) -> Meeting:
    event = EventMention(
        mention_id,
        article_id,
        kind,
        day,
        "day",
        "on that day",
        None,
        None,
        "Alice met Bob.",
        0,
        5,
        0.9,
    )
    return event, [EventParticipant(mention_id, f"person:{p}", "participant") for p in people]


def _announced(
    announcement_id: str,
    article_id: str,
    *people: str,
    kind: str = "meeting",
    day: dt.date | None = None,
    precision: str | None = "day",
    status: str = "announced",
) -> Announced:
    row = Announcement(
        announcement_id,
        article_id,
        kind,
        day,
        precision if day else None,
        None,
        None,
        None,
        None,
        "Alice will meet Bob.",
        0,
        5,
        status,
    )
    return row, [AnnouncementParticipant(announcement_id, f"person:{p}") for p in people]


def _publish(
    tmp_path: Path, articles: list[Article], meetings: list[Meeting], announced: list[Announced]
) -> dict[str, tuple[object, ...]]:
    warehouse = tmp_path / "p.duckdb"
    stage_and_publish(
        warehouse,
        "d",
        articles,
        [m for a in articles for m in _names(a.article_id)],
        [e for e, _ in meetings],
        [p for _, ps in meetings for p in ps],
        now=NOW,
        announcements=[a for a, _ in announced],
        announcement_participants=[p for _, ps in announced for p in ps],
    )
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute(
            "SELECT n.announcement_id, n.status, m.meeting_id IS NOT NULL, n.cancelled_by, "
            "list_sort(list(s.mention_id)) "
            "FROM meeting_announcements AS n "
            "LEFT JOIN meetings AS m USING (meeting_id) "
            "LEFT JOIN meeting_sources AS s ON s.meeting_id = n.meeting_id "
            "GROUP BY ALL"
        ).fetchall()
    return {r[0]: r[1:] for r in rows}


def test_held_needs_parties_kind_and_a_date_in_the_window(tmp_path: Path) -> None:
    articles = [_article("art-1", D(2025, 3, 1)), _article("art-2", D(2025, 3, 6))]
    meetings = [_meeting("em-1", "art-2", D(2025, 3, 5), "alice", "bob")]
    announced = [
        _announced("ann-held", "art-1", "alice", "bob", day=D(2025, 3, 5)),
        _announced("ann-week", "art-1", "alice", "bob", day=D(2025, 3, 3), precision="week"),
        _announced("ann-undated", "art-1", "alice", "bob"),
        # Only the kind, the date, the parties or the article differ from ann-held.
        _announced("ann-call", "art-1", "alice", "bob", kind="phone_call", day=D(2025, 3, 5)),
        _announced("ann-late", "art-1", "alice", "bob", day=D(2025, 4, 20)),
        _announced("ann-other", "art-1", "alice", "carol", day=D(2025, 3, 5)),
        _announced("ann-same", "art-2", "alice", "bob"),
    ]
    rows = _publish(tmp_path, articles, meetings, announced)
    for held in ("ann-held", "ann-week", "ann-undated"):
        assert rows[held] == ("held", True, None, ["em-1"]), held
    for pending in ("ann-call", "ann-late", "ann-other", "ann-same"):
        assert rows[pending] == ("announced", False, None, [None]), pending


def test_cancelled_unless_a_meeting_is_reported_held_after_the_cancellation(
    tmp_path: Path,
) -> None:
    articles = [
        _article("art-1", D(2025, 3, 1)),
        _article("art-3", D(2025, 3, 8)),
        _article("art-4", D(2025, 3, 26)),
        _article("art-5", D(2025, 3, 4)),
    ]
    meetings = [
        # Alice and Carol meet after the news that their meeting was postponed: held after all.
        _meeting("em-ac", "art-4", D(2025, 3, 25), "alice", "carol"),
        # Bob and Carol met before the news that their meeting was called off: still off.
        _meeting("em-bc", "art-5", D(2025, 3, 3), "bob", "carol"),
    ]
    announced = [
        _announced("ann-ac", "art-1", "alice", "carol", day=D(2025, 3, 1), precision="month"),
        _announced("ann-bc", "art-1", "bob", "carol", day=D(2025, 3, 1), precision="month"),
        _announced("ann-ac-off", "art-3", "alice", "carol", status="cancelled"),
        _announced("ann-bc-off", "art-3", "bob", "carol", status="cancelled"),
    ]
    rows = _publish(tmp_path, articles, meetings, announced)
    assert rows["ann-ac"] == ("held", True, "ann-ac-off", ["em-ac"])
    assert rows["ann-ac-off"] == ("held", True, "ann-ac-off", ["em-ac"])
    assert rows["ann-bc"] == ("cancelled", False, "ann-bc-off", [None])
    assert rows["ann-bc-off"] == ("cancelled", False, "ann-bc-off", [None])
