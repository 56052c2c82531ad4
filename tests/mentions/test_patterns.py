"""One test per pattern family, on real sentences.

Sentences are quoted from Reuters-21578, Distribution 1.0 (research use; see
tests/data/reuters_dev/README.md), the project's seed articles (shared/seeds) and the
PETRARCH/PLOVER gold records (shared/corpora/petrarch_consult; PLOVER text CC BY-SA 4.0).
"""

from __future__ import annotations

import datetime as dt

from tests.mentions.conftest import Extract, Found


def only(found: list[Found], *surnames: str) -> Found:
    """The single mention whose participants include all the surnames."""
    matching = [f for f in found if f.has(*surnames)]
    assert len(matching) == 1, [(f.event.sentence, sorted(f.names)) for f in found]
    return matching[0]


def test_x_met_with_y_takes_the_date_attached_to_the_verb(extract: Extract) -> None:
    body = (
        "Japanese Finance Minister Kiichi Miyazawa arrived in Washington.\n"
        "    Miyazawa met with U.S. Treasury Secretary James Baker early in\n"
        "this afternoon and discussed the dollar/yen exchange rates, officials said."
    )
    meeting = only(extract(body, "1987-04-07", "WASHINGTON, April 7"), "Miyazawa", "Baker")
    assert meeting.names == {"Kiichi Miyazawa", "James Baker"}
    assert meeting.event.kind == "meeting"
    assert meeting.event.event_date == dt.date(1987, 4, 7)
    assert meeting.event.date_precision == "day"
    assert meeting.event.date_text == "this afternoon"
    assert "finance" in meeting.event.topics


def test_met_on_weekday_resolves_backwards_from_the_dateline(extract: Extract) -> None:
    body = (
        "Saudi Arabia's Crown Prince Abdullah\nbin Abdul Aziz met for an hour with Vice "
        "President George Bush\non Monday after U.S. naval forces destroyed one Iranian oil\n"
        "platform in the Gulf and raided another."
    )
    # The wire is datelined Tuesday Oct 20: "on Monday" is the day before.
    meeting = only(extract(body, "1987-10-20", "WASHINGTON, Oct 20"), "Aziz", "Bush")
    assert meeting.event.event_date == dt.date(1987, 10, 19)
    assert meeting.countries == {"SAU", "USA"}


def test_held_a_phone_conversation_is_a_phone_call(extract: Extract) -> None:
    body = (
        "National Security Advisor Jake Sullivan and Indian National Security Advisor Ajit "
        "Doval held a phone conversation on Wednesday emphasizing the need for enhanced "
        "collaboration to ensure global and regional stability."
    )
    call = only(extract(body, "2024-10-31"), "Sullivan", "Doval")
    assert call.event.kind == "phone_call"
    assert call.event.event_date == dt.date(2024, 10, 30)
    assert call.event.location is None
    assert call.countries == {"USA", "IND"}


def test_pronoun_subject_of_held_talks_with(extract: Extract) -> None:
    body = (
        "West German President Richard von Weizsaecker arrived in Argentina.\n"
        "    He held\nbrief talks on Sunday with Brazilian President Jose Sarney\n"
        "during a stopover in Brasilia."
    )
    talks = only(extract(body, "1987-03-16", "BUENOS AIRES, March 16"), "Sarney")
    assert talks.has("Weizsaecker")
    assert talks.event.kind == "meeting"
    assert talks.event.event_date == dt.date(1987, 3, 15)


def test_speaking_after_a_meeting_with_y_x_said(extract: Extract) -> None:
    body = (
        "Japanese Finance Minister Kiichi Miyazawa said he and U.S. Treasury Secretary James "
        "Baker were in agreement on the need for stable foreign exchange rates. Speaking "
        "after an\nhour-long meeting with Baker, Miyazawa also said he was satisfied with U.S. "
        "intervention to support the dollar against the yen."
    )
    meeting = only(extract(body, "1987-04-07"), "Miyazawa", "Baker")
    # No date words, but the meeting ended right before the reported statement.
    assert meeting.event.event_date == dt.date(1987, 4, 7)
    assert meeting.event.date_precision == "day"


def test_his_conversation_with_y_resolves_the_possessive(extract: Extract) -> None:
    body = (
        "The market was similarly dismissive of Japanese Finance Minister Kiichi Miyazawa's "
        "upbeat appraisal of his hour-long conversation with U.S. Treasury Secretary James "
        "Baker this afternoon."
    )
    meeting = only(extract(body, "1987-04-07", "NEW YORK, April 7"), "Miyazawa", "Baker")
    assert meeting.event.kind == "meeting"
    assert meeting.event.event_date == dt.date(1987, 4, 7)


def test_in_addition_to_his_meeting_with_x_also_met_y(extract: Extract) -> None:
    body = (
        "External Affairs Minister S Jaishankar met US Secretary of State Marco Rubio on July "
        "1, 2025, in Washington, DC.\n\n"
        "In addition to his meeting with Rubio, Jaishankar also met US Secretary of Defence "
        "Pete Hegseth at the Pentagon. Both leaders underlined that defence ties are now one "
        "of the most consequential pillars of the India-US relationship."
    )
    found = extract(body, "2025-07-02")
    hegseth = only(found, "Jaishankar", "Hegseth")
    assert hegseth.event.location == "Washington"  # the Pentagon's city (LABELLING.md)
    assert hegseth.event.location_iso3 == "USA"
    assert "defence" in hegseth.event.topics
    rubio = [f for f in found if f.has("Jaishankar", "Rubio")]
    assert rubio and all(f.event.event_date == dt.date(2025, 7, 1) for f in rubio)


def test_engagements_included_a_meeting_with(extract: Extract) -> None:
    body = (
        "External Affairs Minister S Jaishankar was in Washington.\n\n"
        "Jaishankar\u2019s engagements in Washington also included a meeting with Australian "
        "Foreign Minister Penny Wong, reflecting the deepening strategic partnerships within "
        "the Quad framework."
    )
    meeting = only(extract(body, "2025-07-02"), "Jaishankar", "Wong")
    assert meeting.countries == {"IND", "AUS"}
    assert meeting.event.location == "Washington"


def test_separate_meetings_are_separate_mentions(extract: Extract) -> None:
    body = (
        "Brazilian Finance Minister Dilson Funaro\nheld separate meetings with French Finance "
        "Minister Edouard\nBalladur and Bank of France Governor Jacques de Larosiere on\nthe "
        "second stage of a European mission to explain his country's\nlatest debt crisis, "
        "French officials said."
    )
    found = extract(body, "1987-03-03", "PARIS, March 3")
    assert only(found, "Funaro", "Balladur").names == {"Dilson Funaro", "Edouard Balladur"}
    assert only(found, "Funaro", "Larosiere").names == {"Dilson Funaro", "Jacques de Larosiere"}
    assert "debt" in found[0].event.topics
    # Several occasions on a tour: the lead dates neither to the dateline day.
    assert {(f.event.event_date, f.event.date_precision) for f in found} == {
        (dt.date(1987, 3, 1), "month")
    }


def test_one_undated_meeting_in_the_lead_is_on_the_dateline_day(extract: Extract) -> None:
    body = (
        "West German President Richard von\nWeizsaecker met Argentine President Raul Alfonsin "
        "for talks on\nthe first day of the German leader's four-day visit."
    )
    meeting = only(extract(body, "1987-03-16", "BUENOS AIRES, March 16"), "Alfonsin")
    assert (meeting.event.event_date, meeting.event.date_precision) == (
        dt.date(1987, 3, 16),
        "day",
    )


def test_his_meeting_with_a_body_named_by_acronym_and_its_head(extract: Extract) -> None:
    body = (
        "British consumer affairs minister Michael Howard told\nreporters he was dissatisfied "
        "with the exchange's response.\n    He described his meeting with Tokyo stock exchange "
        "(TSE)\nhead Michio Takeuchi, in which he demanded greater exchange\naccess, as "
        '"very frank indeed."\n    In a separate press conference, TSE President Michio\n'
        "Takeuchi said the exchange has done its utmost to liberalise\nits membership."
    )
    meeting = only(extract(body, "1987-04-08", "TOKYO, April 8"), "Howard", "Takeuchi")
    assert meeting.names == {"Michael Howard", "Michio Takeuchi"}
    assert meeting.event.kind == "meeting"


def test_reception_held_for_him_by_a_host(extract: Extract) -> None:
    body = (
        "Weizsaecker, speaking at a reception held for him by President Raul Alfonsin at "
        "Buenos Aires' City Council hall, also said no one could overlook the enormity of "
        "the obstacle posed by the foreign debt."
    )
    reception = only(extract(body, "1987-03-16", "BUENOS AIRES, March 16"), "Alfonsin")
    assert reception.has("Weizsaecker")
    assert reception.roles["Raul Alfonsin"] == "host"
    assert reception.event.event_date == dt.date(1987, 3, 16)


def test_courtesy_call_on_with_a_definite_title_subject(extract: Extract) -> None:
    body = (
        "Saudi Arabia's Crown Prince Abdullah bin Abdul Aziz met for an hour with Vice "
        "President George Bush on Monday.\n"
        "    Before meeting with Bush, the Crown Prince paid a brief\ncourtesy call on "
        "President Reagan."
    )
    found = extract(body, "1987-10-19", "WASHINGTON, Oct 19")
    call = only(found, "Reagan")
    assert call.has("Aziz")
    assert call.event.kind == "meeting"  # a courtesy call is in person
    assert call.event.event_date == dt.date(1987, 10, 19)


def test_coordinated_subjects_met(extract: Extract) -> None:
    found = extract("The US, Russia, and Switzerland met yesterday", "2008-08-06")
    assert len(found) == 1
    assert found[0].countries == {"USA", "RUS", "CHE"}
    assert found[0].event.event_date == dt.date(2008, 8, 5)


def test_telephoned_is_a_phone_call(extract: Extract) -> None:
    body = (
        "U.S. Secretary of State Warren Christopher telephoned Russian Foreign Minister "
        "Andrei Kozyrev on Tuesday to discuss efforts to forge a peace settlement in former "
        "Yugoslavia, Itar-Tass news agency said."
    )
    call = only(extract(body, "1994-05-05"), "Christopher", "Kozyrev")
    assert call.event.kind == "phone_call"


def test_visited_a_country(extract: Extract) -> None:
    found = extract("Taiwan's Vice Foreign Minister visited Russia today.", "1993-06-01")
    assert len(found) == 1
    assert found[0].event.kind == "visit"
    assert found[0].event.location_iso3 == "RUS"


def test_during_a_visit_here_is_a_visit_to_the_dateline_country(extract: Extract) -> None:
    body = (
        "Japan rejected the request.\n    U.S. House majority leader Thomas Foley, a Washington "
        "Democrat,\nyesterday predicted during a visit here that the Gephardt provision\nwill "
        "be approved by the House."
    )
    visit = only(extract(body, "1987-04-21", "TOKYO, April 21"), "Foley")
    assert visit.event.kind == "visit"
    assert visit.event.location_iso3 == "JPN"
    assert visit.event.event_date == dt.date(1987, 4, 20)
    assert visit.roles["Thomas Foley"] == "visitor"


def test_delegations_meeting_today_is_a_negotiation(extract: Extract) -> None:
    body = (
        "Representatives from Nigeria are meeting today and tomorrow\nwith officials of "
        "Britain's Export Credits Guarantee Department\n(ECGD) in the first of what could be "
        "a series of bilateral\ntalks to reschedule Nigeria's official debts, banking sources "
        "said."
    )
    found = extract(body, "1987-03-23", "LONDON, March 23")
    talks = only(found, "Nigeria")
    assert talks.event.kind == "negotiation"
    assert talks.event.event_date == dt.date(1987, 3, 23)
    assert "debt" in talks.event.topics


def test_unnamed_official_in_the_lead_is_named_in_the_next_paragraph(extract: Extract) -> None:
    body = (
        "A senior Japanese trade official met\nU.S. negotiators in an emergency effort to try "
        "to head off new\nhigh American tariffs on Japanese semiconductor goods.\n"
        "     The vice minister of Ministry of International Trade and\nIndustry, Makoto "
        "Kuroda, flew in from Tokyo for the talks with\nDeputy U.S. Trade Representative "
        "Michael Smith."
    )
    talks = only(extract(body, "1987-04-09", "WASHINGTON, April 9"), "Kuroda")
    assert talks.event.kind == "negotiation"
    assert talks.event.event_date == dt.date(1987, 4, 9)
    assert talks.countries == {"JPN", "USA"}


def test_people_met_during_a_visit_are_separate_meetings(extract: Extract) -> None:
    body = "Abe met President Ronald Reagan and U.S. Congressional leaders during his visit."
    found = extract(body, "1987-04-26", "TOKYO, April 26")
    assert sorted(sorted(f.names) for f in found) == [
        ["Ronald Reagan", "Shintaro Abe"],
        ["Shintaro Abe", "United States"],
    ]


def test_coordinated_objects_without_a_trip_are_one_meeting(extract: Extract) -> None:
    # Reuters-21578 reuters-20907: one meeting of three finance officials.
    body = (
        "Treasury Secretary James Baker met West German Finance\nMinister Gerhard Stoltenberg "
        "and Bundesbank President Karl Otto\nPoehl in Frankfurt on Monday, a Bonn Finance "
        "Ministry spokesman\nsaid."
    )
    found = extract(body, "1987-10-20", "BONN, Oct 20")
    # The parser splits "Bundesbank President" from "Karl Otto Poehl"; the title still
    # names him, not the bank.
    assert [f.names for f in found] == [{"James Baker", "Gerhard Stoltenberg", "Karl Otto Poehl"}]


def test_mention_ids_are_deterministic_and_offsets_point_at_the_trigger(
    extract: Extract,
) -> None:
    body = "Abe met President Ronald Reagan and U.S. Congressional leaders during his visit."
    first = extract(body, "1987-04-26", "TOKYO, April 26")
    second = extract(body, "1987-04-26", "TOKYO, April 26")
    assert [f.event.mention_id for f in first] == [f.event.mention_id for f in second]
    event = first[0].event
    assert body[event.start_char : event.end_char] == "met"
    assert event.mention_id.startswith("em-")


def test_his_japanese_counterpart_uses_the_entity_stage_resolver(extract: Extract) -> None:
    body = (
        "Japanese Foreign Minister Tadashi Kuranari arrived in Washington on Monday. Secretary "
        "of State George Shultz held talks with his Japanese counterpart on Tuesday."
    )
    talks = only(extract(body, "1987-10-20", "WASHINGTON, Oct 20"), "Shultz")
    assert talks.names == {"George Shultz", "Tadashi Kuranari"}
    assert talks.event.event_date == dt.date(1987, 10, 20)


def test_arrived_in_a_city_on_a_visit(extract: Extract) -> None:
    body = "Iraqi President Saddam Hussein arrived in Amman on a previously unannounced visit."
    found = extract(body, "1990-02-21")
    visit = only(found, "Hussein")
    assert visit.event.kind == "visit"
    assert visit.event.location == "Amman"
    assert visit.event.location_iso3 == "JOR"
    assert visit.roles["Saddam Hussein"] == "visitor"
