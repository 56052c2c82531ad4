"""Calls told the way readouts and news tell them (sentences of the development sets)."""

from __future__ import annotations

from tests.mentions.conftest import Extract

CALL_TITLE = "Readout of President Joe Biden's Call with Prime Minister Liz Truss"


def test_spoke_with_in_a_call_readout_is_a_phone_call(extract: Extract) -> None:
    found = extract(
        "President Joseph R. Biden Jr. spoke today with Prime Minister Liz Truss of the "
        "United Kingdom to offer his congratulations.",
        "2022-09-06",
        title=CALL_TITLE,
    )
    assert [(f.event.kind, f.has("Biden", "Truss")) for f in found] == [("phone_call", True)]


def test_spoke_with_under_a_meeting_headline_stays_a_meeting(extract: Extract) -> None:
    found = extract(
        "President Biden spoke today with President Ferdinand Marcos of the Philippines.",
        "2024-04-11",
        title="Readout of President Biden's Meeting with President Ferdinand Marcos",
    )
    assert [f.event.kind for f in found] == ["meeting"]


def test_the_name_after_with_when_the_parse_loses_it(extract: Extract) -> None:
    # The parser makes Duque the subject of "express": the name after "with" is the party.
    found = extract(
        "President Joseph R. Biden Jr. spoke today with President Ivan Duque of Colombia to "
        "express U.S. support following the attack on the Colombian presidential helicopter.",
        "2021-06-28",
    )
    assert len(found) == 1 and found[0].has("Biden", "Duque")


def test_two_subjects_who_spoke_about_a_topic(extract: Extract) -> None:
    found = extract(
        "President Joe Biden and President Pedro Sanchez of Spain spoke today about the latest "
        "developments in Afghanistan.",
        "2021-08-21",
        title="Readout of President Joseph R. Biden, Jr. Call with President Pedro Sanchez",
    )
    assert [(f.event.kind, f.has("Biden", "Sanchez")) for f in found] == [("phone_call", True)]


def test_called_a_named_leader_is_a_phone_call(extract: Extract) -> None:
    found = extract(
        "President Joseph R. Biden, Jr. called President Recep Tayyip Erdogan today to "
        "congratulate him on his re-election.",
        "2023-05-29",
    )
    assert [(f.event.kind, f.has("Biden", "Erdogan")) for f in found] == [("phone_call", True)]


def test_a_call_for_talks_is_no_call(extract: Extract) -> None:
    assert extract("Baker called for talks with Japan on the dollar.", "1987-04-07") == []


def test_a_held_call_is_a_phone_call(extract: Extract) -> None:
    found = extract(
        "Today, President Donald J. Trump held a call with President Nayib Bukele of the "
        "Republic of El Salvador.",
        "2025-01-23",
    )
    assert [f.event.kind for f in found] == ["phone_call"]


def test_a_call_whose_callee_was_parsed_as_a_complement_is_a_call(extract: Extract) -> None:
    # "Biden, Jr. called King Mohammed VI": the parser reads "called X Y" (naming) with no
    # X; an unlabelled readout of 2023-09-10. "Called Reagan a liar" has its X.
    (call,) = extract(
        "President Joseph R. Biden, Jr. called King Mohammed VI of Morocco today to offer his "
        "condolences for the loss of life in the devastating earthquake.",
        "2023-09-10",
        outlet="The White House",
    )
    assert call.event.kind == "phone_call"
    assert call.has("Biden") and "MAR" in call.countries
    assert extract("Critics called Reagan a liar.", "1987-03-02") == []


def test_a_call_the_tagger_took_for_a_verb_is_still_the_call_held(extract: Extract) -> None:
    # "held his first foreign leader call": "call" tagged VB as the object of "held" (an
    # unlabelled readout of 2025-01-23).
    (call,) = extract(
        "On Wednesday, President Donald J. Trump held his first foreign leader call with Crown "
        "Prince Mohammed bin Salman of the Kingdom of Saudi Arabia.",
        "2025-01-23",
        outlet="The White House",
    )
    assert call.event.kind == "phone_call"
    assert call.has("Trump", "Salman")
