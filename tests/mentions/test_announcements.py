"""Announced meetings, calls and visits, read off real sentences: Reuters-21578 wires, White
House readouts (``tests/data/meetings``, dev split; ``shared/eval/modern_readouts_dev``) and
the seeds. Plans are announcements; reports, denials, conditions and proposals are not."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest

from parley.entities import extract_entities
from parley.ingest.parse import ingest_drop
from parley.mentions import extract_event_mentions
from parley.mentions.announcements import settle_announcements
from parley.records import Announcement, AnnouncementParticipant, Article, StatedAnnouncement
from tests.mentions.conftest import make_article

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
D = dt.date


@dataclass(frozen=True)
class Announced:
    """An extracted announcement with its participants' names."""

    row: Announcement
    names: frozenset[str]


def _announced(
    body: str, published: str, dateline: str | None = None, title: str | None = None
) -> list[Announced]:
    article = make_article(body, published, dateline, title)
    return _of([article])


def _of(articles: list[Article]) -> list[Announced]:
    batch = extract_entities(articles)
    found = extract_event_mentions(list(batch.by_article.values()))
    names = {m.entity_id: m.canonical_name for m in [*batch.mentions, *found.described]}
    return [
        Announced(
            a,
            frozenset(
                names[p.entity_id]
                for p in found.announcement_participants
                if p.announcement_id == a.announcement_id
            ),
        )
        for a in found.announcements
    ]


def _only(found: list[Announced]) -> Announced:
    assert len(found) == 1, [f.row.sentence for f in found]
    return found[0]


def test_expected_to_see_three_ministers() -> None:
    # reuters-13657, WASHINGTON, April 7 1987.
    found = _only(
        _announced(
            "Treasury Secretary James Baker holds talks with counterparts from Europe and "
            "Japan today, to urge them to carry out commitments in a recent accord to speed "
            "their economic growth.\n    The Treasury Secretary is expected to see Japanese "
            "Finance Minister Kiichi Miyazawa, West German Finance Minister Gerhard "
            "Stoltenberg and British Chancellor of the Exchequer Nigel Lawson.",
            "1987-04-07",
            "WASHINGTON, April 7",
        )
    )
    assert found.row.status == "announced" and found.row.kind == "meeting"
    assert found.names == {"James Baker", "Kiichi Miyazawa", "Gerhard Stoltenberg", "Nigel Lawson"}
    assert found.row.sentence.startswith("The Treasury Secretary is expected to see")


def test_due_to_fly_to_moscow_next_week_is_a_visit_that_week() -> None:
    # reuters-15405, LONDON, April 9 1987 (a Thursday): next week starts Monday April 13.
    found = _only(
        _announced(
            "U.S. Secretary of State George Shultz plans to discuss trade relations with "
            "Japan, officials said.\n    Shultz is due to fly to Moscow next week.",
            "1987-04-09",
            "LONDON, April 9",
        )
    )
    row = found.row
    assert (row.kind, row.status, row.location) == ("visit", "announced", "Moscow")
    assert (row.expected_date, row.date_precision, row.date_text) == (
        D(1987, 4, 13),
        "week",
        "next week",
    )
    assert "George Shultz" in found.names


def test_expected_to_fly_tomorrow_then_the_trip_cancelled() -> None:
    # reuters-3532 and reuters-3567, both TOKYO, March 11 1987.
    visit = _only(
        _announced(
            "Japan cannot bear a further rise of the yen, Foreign Minister Tadashi Kuranari "
            "said.\n    Kuranari was widely expected to fly to Washington tomorrow for talks "
            "focussing on trade.",
            "1987-03-11",
            "TOKYO, March 11",
        )
    )
    assert (visit.row.kind, visit.row.status, visit.row.expected_date) == (
        "visit",
        "announced",
        D(1987, 3, 12),
    )
    cancelled = _only(
        _announced(
            "Foreign Minister Tadashi Kuranari has cancelled a trip tomorrow to the U.S. "
            "Because of continued confusion in the Japanese Parliament, Foreign Ministry "
            "officials said.",
            "1987-03-11",
            "TOKYO, March 11",
        )
    )
    assert (cancelled.row.kind, cancelled.row.status) == ("visit", "cancelled")
    assert cancelled.row.expected_date == D(1987, 3, 12)
    assert cancelled.names == {"Tadashi Kuranari", "United States"}


def test_a_trip_at_home_is_no_visit_and_a_trip_abroad_is() -> None:
    # A schedule like whitehouse-111 (shared/eval/modern_readouts_dev, a negative): the
    # President travels within his own country; then the same words with a capital abroad.
    schedule = (
        "President Joe Biden will campaign this month.\n    On Monday, July 15th, the "
        "President will travel to {}."
    )
    assert _announced(schedule.format("Austin, Texas"), "2024-07-07") == []
    abroad = _only(_announced(schedule.format("Ottawa"), "2024-07-07"))
    assert (abroad.row.kind, abroad.row.location_iso3) == ("visit", "CAN")
    assert (abroad.row.expected_date, abroad.row.date_precision) == (D(2024, 7, 15), "day")
    assert "Joe Biden" in abroad.names


def test_a_readout_welcoming_a_leader_on_a_day() -> None:
    # whitehouse-118 (shared/eval/modern_readouts_dev), 2021-08-18.
    found = _only(
        _announced(
            "President Biden will welcome Prime Minister Naftali Bennett of Israel to the White "
            "House on August 26, 2021.",
            "2021-08-18",
        )
    )
    assert (found.row.status, found.row.kind) == ("announced", "meeting")
    assert (found.row.expected_date, found.row.date_precision) == (D(2021, 8, 26), "day")
    assert found.names == {"Joe Biden", "Naftali Bennett"}


def test_looks_forward_to_welcoming() -> None:
    # wh-2022-01-25 statement on the visit of Amir Tamim bin Hamad Al Thani (dev split).
    found = _only(
        _announced(
            "President Biden looks forward to welcoming Amir Tamim bin Hamad Al Thani of Qatar "
            "to the White House on January 31, 2022.",
            "2022-01-25",
        )
    )
    assert found.row.expected_date == D(2022, 1, 31)
    assert "Joe Biden" in found.names and len(found.names) == 2


def test_agreed_to_speak_again_is_a_call() -> None:
    # The readout of President Biden's call with Prime Minister Trudeau, 2021-01-22 (dev).
    found = _only(
        _announced(
            "President Biden spoke with Canadian Prime Minister Justin Trudeau in his first call "
            "to a foreign leader as President of the United States. The two leaders agreed to "
            "speak again in a month to continue to build out our bilateral cooperation.",
            "2021-01-22",
            title="Readout of President Joe Biden Call with Prime Minister Justin Trudeau of "
            "Canada",
        )
    )
    assert (found.row.kind, found.row.status) == ("phone_call", "announced")
    assert found.names == {"Joe Biden", "Justin Trudeau"}


def test_the_seeds_announce_the_icet_intersessional_and_the_indian_ocean_dialogue() -> None:
    found = _of(ingest_drop(SEEDS, "seeds").articles)
    named = {f.row.event_name: f for f in found}
    assert set(named) == {"iCET Intersessional", "Indian Ocean Dialogue"}
    for one in named.values():
        assert one.row.status == "announced" and one.row.expected_date is None
        assert one.names == {"United States", "India"}


@pytest.mark.parametrize(
    ("body", "published"),
    [
        # A report (reuters-14757): the meeting happened.
        (
            "Japanese Finance Minister Kiichi Miyazawa met with U.S. Treasury Secretary James "
            "Baker early in this afternoon and discussed the dollar/yen exchange rates, "
            "officials said.",
            "1987-04-07",
        ),
        # A denial (reuters-20232).
        (
            "U.S. Agriculture Secretary Richard Lyng said he had no plans to meet with Indian "
            "officials during Gandhi's visit here.",
            "1987-10-20",
        ),
        # A proposal (the readout of President Biden's call with President Putin, 2021-04-13).
        (
            "President Biden spoke today with President Vladimir Putin of Russia, and proposed a "
            "summit meeting in a third country in the coming months.",
            "2021-04-13",
        ),
        # A possibility and a condition.
        (
            "U.S. Treasury Secretary James Baker could meet Japanese Finance Minister Kiichi "
            "Miyazawa later this week.",
            "1987-04-07",
        ),
        (
            "U.S. Treasury Secretary James Baker said he would meet Japanese Finance Minister "
            "Kiichi Miyazawa if the yen rose.",
            "1987-04-07",
        ),
        # A past meeting dated by its words: "the two leaders' conversation on March 18th".
        (
            "President Biden spoke with President Xi Jinping of China. The call follows the two "
            "leaders' conversation on March 18th.",
            "2022-07-28",
        ),
    ],
)
def test_not_announcements(body: str, published: str) -> None:
    assert [f.row.sentence for f in _announced(body, published)] == []


def _stated(start: int, kind: str, parties: tuple[str, ...], **row: object) -> StatedAnnouncement:
    fields: dict[str, object] = {
        "announcement_id": f"ann-{start}",
        "article_id": "art",
        "kind": kind,
        "expected_date": None,
        "date_precision": None,
        "date_text": None,
        "location": None,
        "location_iso3": None,
        "event_name": None,
        "sentence": "s",
        "start_char": start,
        "end_char": start + 4,
        "status": "announced",
    }
    fields.update(row)
    announcement = Announcement(**fields)  # type: ignore[arg-type]
    return StatedAnnouncement(
        announcement, tuple(AnnouncementParticipant(f"ann-{start}", p) for p in parties)
    )


def test_settle_keeps_one_row_per_announced_meeting_and_the_cancellation_wins() -> None:
    dated = _stated(0, "meeting", ("a", "b"), expected_date=D(2025, 3, 1), date_precision="day")
    again = _stated(50, "meeting", ("a", "b"), sentence="t", status="cancelled")
    visit = _stated(10, "visit", ("a", "gpe:IND"), expected_date=D(2025, 3, 1))
    talks = _stated(20, "meeting", ("a", "c"))
    settled = settle_announcements([dated, visit, talks, again])
    by_id = {s.announcement.announcement_id: s.announcement for s in settled}
    # The undated restatement joins the dated row, whose status becomes the cancellation's;
    # the visit gives its date to the talks of its sentence and goes.
    assert set(by_id) == {"ann-0", "ann-20"}
    assert by_id["ann-0"].status == "cancelled"
    assert by_id["ann-20"].expected_date == D(2025, 3, 1)


def test_a_time_of_day_is_no_place() -> None:
    # dev readout whitehouse-121 (2024-05-20): "At 11:15 AM" was the announced visit's place
    body = (
        "On Thursday, May 23rd, Dr. Biden will host Mrs. Ruto for two events.\n\n"
        "At 11:15 AM, Dr. Biden and Mrs. Ruto will visit the Advanced Technical Center, where "
        "they will hear from students."
    )
    found = _of([make_article(body, "2024-05-20", None, None, "The White House")])
    assert found
    assert all(f.row.location is None or "11:15" not in f.row.location for f in found)


def test_a_summit_a_call_was_held_ahead_of_is_announced_without_the_call_s_day() -> None:
    # Readout of 2023-07-09: the summit met on July 11-12; "today" is the call's day.
    summit = _only(
        _announced(
            "President Joe Biden spoke today with President Recep Tayyip Erdogan of Turkiye "
            "in advance of the NATO Summit in Vilnius, Lithuania.",
            "2023-07-09",
        )
    )
    assert summit.row.kind == "summit" and summit.names == {"NATO"}
    assert summit.row.expected_date is None
    # A date word of the summit's own still dates it.
    week = _only(
        _announced("Baker met Stoltenberg ahead of next week's G-7 meeting.", "1987-04-01")
    )
    assert week.row.expected_date == D(1987, 4, 6)
