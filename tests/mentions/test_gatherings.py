"""A group's gathering named with a possessive, an of-phrase or a hyphenated pair of names.

No article of the development data reports one of these in these forms as held (the allowed
readouts use them for plans: "to attend the Quad Summit", "attend the COP28 Leaders Summit on
his behalf"), so the sentences are written in readout style; the negatives are Reuters-21578,
Distribution 1.0 (research use) sentences of the development pool.
"""

from __future__ import annotations

from tests.mentions.conftest import Extract

WHITE_HOUSE = "The White House"


def test_the_attendee_of_a_gathering_named_with_a_possessive_is_a_party(extract: Extract) -> None:
    # "Leaders'" / "Ministers'" is part of the name, not the holder, so the subject of
    # "attended" / "participated in" stands beside the group.
    (summit,) = extract(
        "President Biden attended the G7 Leaders' Summit in Hiroshima.",
        "2023-05-20",
        outlet=WHITE_HOUSE,
    )
    assert summit.event.kind == "summit"
    assert summit.has("Biden") and "G7" in summit.names
    (ministerial,) = extract(
        "Secretary Blinken participated in the Quad Foreign Ministers' Meeting in Tokyo.",
        "2023-03-03",
        outlet=WHITE_HOUSE,
    )
    assert ministerial.event.kind == "meeting"
    assert ministerial.has("Blinken") and "Quad" in ministerial.names


def test_a_meeting_of_a_group_that_the_subject_joined_is_the_group_s(extract: Extract) -> None:
    (call,) = extract(
        "President Biden joined a virtual meeting of the G7 leaders to discuss Ukraine.",
        "2023-12-06",
        outlet=WHITE_HOUSE,
    )
    assert call.event.kind == "video_call"
    assert call.has("Biden") and "G7" in call.names


def test_both_names_of_a_hyphenated_summit_are_parties(extract: Extract) -> None:
    (summit,) = extract(
        "President Biden participated in the ASEAN-U.S. Summit in Phnom Penh.",
        "2022-11-12",
        outlet=WHITE_HOUSE,
    )
    assert {"ASEAN", "United States"} <= summit.names


def test_an_of_phrase_names_no_group_meeting_outside_an_attendance(extract: Extract) -> None:
    for sentence in (
        # reuters-20484, reuters-17200: hoped for, and several meetings of the past.
        "A senior treasury ministry official said an early meeting of Group of Seven (G-7) "
        "finance ministers was unlikely following the sharp fall in stock markets around the "
        "world.",
        "The dollar's sharp drop this month has also raised questions about the usefulness of "
        "recent meetings of the Group of Seven.",
    ):
        assert extract(sentence, "1987-04-09") == [], sentence


def test_a_council_of_ec_ministers_named_by_an_of_phrase_is_no_meeting(extract: Extract) -> None:
    # The labelling rules: the EC's councils of ministers are statutory sessions.
    sentence = (
        "Finance Minister Gerhard Stoltenberg chaired a meeting of EC finance ministers in "
        "Brussels yesterday."
    )
    assert extract(sentence, "1987-04-09") == []
