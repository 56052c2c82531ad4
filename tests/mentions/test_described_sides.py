"""Sides named only by description, and the public sphere (sentences of the development sets:
shared/eval/reuters_meetings_dev2, modern_readouts_dev and tests/data/meetings dev)."""

from __future__ import annotations

from tests.mentions.conftest import Extract

WH = "The White House"


def test_an_official_meets_a_described_group(extract: Extract) -> None:
    found = extract(
        "Vice President Kamala Harris met today with families of Americans taken hostage by "
        "Hamas on October 7.",
        "2024-04-09",
        outlet=WH,
    )
    assert len(found) == 1 and "families" in found[0].names


def test_officials_who_met_described_people_held_a_meeting(extract: Extract) -> None:
    # No named person on either side: still a meeting unless a state stands for a side
    # ("Representatives from Nigeria are meeting today with officials of ...": negotiation).
    (found,) = extract(
        "On Monday, White House Senior Officials met with legislative leaders from states "
        "working on proactive reproductive rights legislation.",
        "2022-09-20",
        outlet=WH,
    )
    assert found.event.kind == "meeting"
    assert "legislative leaders" in found.names


def test_allies_in_title_case_are_a_described_side(extract: Extract) -> None:
    # Readouts capitalise "Allies", which the tagger takes for a name (an unlabelled readout,
    # the Bucharest Nine virtual summit of 2021-05-10).
    (call,) = extract(
        "President Joseph R. Biden, Jr. spoke today with NATO's eastern flank Allies in a "
        "virtual summit.",
        "2021-05-10",
        outlet=WH,
    )
    assert call.has("Biden") and "eastern flank Allies" in call.names


def test_administration_officials_speak_for_the_government(extract: Extract) -> None:
    # "Administration" is no known body, but its officials are the government's.
    (meeting,) = extract(
        "On Tuesday, senior Administration officials convened the CEOs of the three principal "
        "companies that together manufacture RSV immunizations for infants.",
        "2023-12-20",
        outlet=WH,
    )
    assert any("CEOs" in name for name in meeting.names)
    for sentence in (
        "On Tuesday, company officials convened the CEOs of the three principal companies.",
        "On Tuesday, Pfizer officials convened the CEOs of the three principal companies.",
    ):
        assert extract(sentence, "2023-12-20") == []


def test_talks_with_a_bank_committee_are_a_negotiation(extract: Extract) -> None:
    found = extract(
        "Brazil's Central Bank governor Francisco Gros said after talks with its 14-bank "
        "advisory committee here yesterday that it could not make a token interest payment.",
        "1987-03-23",
        "NEW YORK, March 23",
    )
    assert [f.event.kind for f in found] == ["negotiation"]
    assert any("committee" in name for name in found[0].names)


def test_talks_between_companies_are_out_of_scope(extract: Extract) -> None:
    for sentence in (
        "Hutton had been in talks with Purolator's adviser, Dillon, Read and Co since late "
        "December, a Hutton spokesman said.",
        "LTV also began talks with the United Steelworkers union, and both sides have made a "
        "commitment to reach a new labor agreement.",
        "Swiss banks are holding talks with Protestant and Roman Catholic officials to hear "
        "church complaints about lending to South Africa.",
    ):
        assert extract(sentence, "1987-03-20") == [], sentence


def test_officials_of_a_state_stand_for_it(extract: Extract) -> None:
    found = extract(
        "Philippine officials and a 12-bank committee have been meeting for the past four weeks "
        "in New York in a bid to reschedule 9.4 billion dlrs of foreign debt.",
        "1987-03-27",
        "NEW YORK, March 27",
    )
    assert len(found) == 1 and "PHL" in found[0].countries


def test_a_government_release_gives_its_staff_their_country(extract: Extract) -> None:
    # No "U.S." anywhere: the outlet is the White House, so its Senior Advisor is American.
    found = extract(
        "Yesterday, White House Public Engagement Director and Senior Advisor Cedric Richmond "
        "met with Latino leaders from across the country.",
        "2021-09-22",
        outlet=WH,
    )
    assert [f.countries for f in found] == [frozenset({"USA"})]


def test_a_city_where_the_side_sits_is_not_the_side(extract: Extract) -> None:
    # reuters-4037 (and a readout, "leaders in Kansas"): "in New York" is where the side is.
    for sentence, date, side in (
        (
            "Ecuadorean officials held their last formal meeting with the advisory committee "
            "in New York in January.",
            "1987-03-05",
            "advisory committee",
        ),
        (
            "Philippine Finance Secretary Jaime Ongpin held talks with the bank advisory "
            "committee in New York.",
            "1987-03-05",
            "bank advisory committee",
        ),
    ):
        found = extract(sentence, date)
        assert len(found) == 1, sentence
        assert side in found[0].names and "New York" not in found[0].names
