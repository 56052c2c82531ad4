"""A group's gathering named with a possessive, an of-phrase or a hyphenated pair of names.

No article of the development data reports one of these in these forms as held (the allowed
readouts use them for plans: "to attend the Quad Summit", "attend the COP28 Leaders Summit on
his behalf"), so the sentences are written in readout style; the negatives are sentences of
the development pool: Reuters-21578, Distribution 1.0 (research use), and White House
readouts (public domain).
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


def test_a_summit_named_as_itself_is_the_gathering_its_attendee_took_part_in(
    extract: Extract,
) -> None:
    # The labelling rules list such a summit as a participant; the model tags no name in
    # the first sentence, the second's whole name is one organisation.
    (democracy,) = extract(
        "Vice President Harris attended the Summit for Democracy.",
        "2023-03-30",
        outlet=WHITE_HOUSE,
    )
    assert democracy.event.kind == "summit"
    assert democracy.names == {"Kamala Harris", "Summit for Democracy"}
    (pacific,) = extract(
        "Today, President Biden hosted the inaugural U.S.-Pacific Island Country Summit.",
        "2022-09-29",
        outlet=WHITE_HOUSE,
    )
    assert pacific.event.kind == "summit"
    assert pacific.has("Biden") and "U.S.-Pacific Island Country Summit" in pacific.names


def test_a_summit_only_recalled_or_pointed_back_to_names_no_gathering(extract: Extract) -> None:
    for sentence, published in (
        # whitehouse-114 (shared readouts dev), reuters-13657: said at a summit, not attended.
        (
            "President Biden has returned the United States to the Paris Agreement and "
            "committed at the Leaders Summit to reduce U.S. emissions 50 to 52 percent below "
            "2005 levels in 2030.",
            "2021-09-17",
        ),
        (
            "At the same time, monetary sources say they expect Baker to put forward "
            "proposals, originally outlined at the 1986 Tokyo Summit, to tighten procedures "
            "for policy coordination.",
            "1987-04-07",
        ),
        # wh-2021-06-30 (allowed readouts): "the Summit" points back to the headline's.
        (
            "Domestic Policy Advisor Susan Rice opened the Summit this morning.",
            "2021-06-30",
        ),
    ):
        assert extract(sentence, published, outlet=WHITE_HOUSE) == [], sentence


def test_a_group_meets_only_while_it_has_members(extract: Extract) -> None:
    # The G6 began with the Louvre meeting of 1987-02-22 (groups.csv): a G-6 meeting of
    # January 1987 has no member states, so no party; "last month's G-6 meeting" of a wire
    # of March 30 may be the Louvre one (reuters-10696 and 10807 have the sentence).
    assert extract("The G-6 finance ministers met in Paris on January 10.", "1987-03-30") == []
    (louvre,) = extract(
        "Remarks by Japan's Prime Minister Yasuhiro Nakasone that last month's G-6 meeting "
        "agreed to stabilize the dollar above 150 yen have come too late to influence "
        "currency trading, dealers said.",
        "1987-03-30",
    )
    assert louvre.names == {"G6"}
    assert louvre.event.date_precision == "month"
