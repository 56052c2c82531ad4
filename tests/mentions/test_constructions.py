"""Constructions the first patterns missed, each on real sentences of several articles.

Quoted from Reuters-21578, Distribution 1.0 (research use) and White House readouts (public
domain), all from the development split of tests/data/meetings or the shared dev sets.
"""

from __future__ import annotations

import datetime as dt

from parley.names import slugify
from tests.mentions.conftest import Extract, Found

WHITE_HOUSE = "The White House"


def only(found: list[Found], *surnames: str) -> Found:
    """The single mention whose participants include all the surnames."""
    matching = [f for f in found if f.has(*surnames)]
    assert len(matching) == 1, [(f.event.sentence, sorted(f.names)) for f in found]
    return matching[0]


def test_a_title_set_off_by_commas_before_the_name_gives_the_role_and_country(
    extract: Extract,
) -> None:
    body = (
        "Canada's Minister of State for Finance,\nTom Hockin, said substantial progress was "
        "made today with his\nprovincial counterparts on deregulation.\n"
        '    "We were able to make considerable headway," Hockin told\nreporters following a '
        "six-hour meeting with provincial\nministers responsible for financial institutions."
    )
    meeting = only(extract(body, "1987-03-23", "OTTAWA, March 23"), "Hockin")
    assert "CAN" in meeting.countries
    assert meeting.event.event_date == dt.date(1987, 3, 23)


def test_a_title_of_a_state_body_before_the_name_and_a_counted_counterpart(
    extract: Extract,
) -> None:
    body = (
        "Taking part in the talks were China's U.N. Representative, Ambassador Li Luye, and "
        "the director-general of the Israeli Foreign Ministry, Abraham\nTamir.\n"
        "    While in New York, Tamir has conferred with a number of U.N.\nDiplomats, "
        "including the representative of the Soviet Union."
    )
    found = extract(body, "1987-03-28", "UNITED NATIONS, March 29")
    meeting = only(found, "Tamir")
    assert meeting.names == {"Abraham Tamir", "U.N. Diplomats"}
    assert "ISR" in meeting.countries


def test_a_phase_of_a_visit_frames_the_visit(extract: Extract) -> None:
    body = (
        "French Prime Minister Jacques Chirac urged a plan to stabilise exchange rates.\n"
        "    The prime minister, on the first day of a three-day visit to\nthe United States, "
        "said the February 22 Paris accords should serve\nas a basis for the new mechanism."
    )
    visit = only(extract(body, "1987-03-30", "NEW YORK, March 30"), "Chirac")
    assert visit.event.kind == "visit"
    assert visit.countries == {"FRA", "USA"}


def test_a_visit_by_a_named_visitor_is_to_the_dateline_country(extract: Extract) -> None:
    body = (
        "Venezuela has still to work out final\ndetails of its plan to supply Ecuador with "
        "50,000 barrels per\nday of crude oil, a senior Petroleos de Venezuela\n(PDVSA) "
        "official said.\n"
        "    He said an agreement was initialled on a visit last week by\nEcuador's deputy "
        "energy minister Fernando Santos Alvite."
    )
    visit = only(extract(body, "1987-03-17", "CARACAS, March 17"), "Alvite")
    assert visit.event.kind == "visit"
    assert visit.countries == {"ECU", "VEN"}
    assert visit.roles["Venezuela"] == "host"


def test_a_visit_still_to_come_is_no_visit(extract: Extract) -> None:
    body = (
        "They are withholding judgment until Nakasone's visit, with one senator saying "
        "Japan had promised to stimulate its economy.\n"
        "    The bill is expected to pass the House next week - coinciding with\nNakasone's "
        "visit - but its fate in the more moderate Senate is uncertain."
    )
    assert extract(body, "1987-04-24", "WASHINGTON, April 24") == []


def test_a_purpose_is_not_a_plan(extract: Extract) -> None:
    talks = (
        "Egypt, for its part, has been holding talks with the IMF aimed\nat reaching a final "
        "accord on a new one billion dlr loan package."
    )
    found = only(extract(talks, "1987-03-19", "WASHINGTON, March 19"), "Egypt")
    assert found.event.kind == "negotiation"
    meeting = (
        "Senate Republican leader Robert Dole said President Reagan changed\nno minds in a "
        "meeting with Republican senators to seek support for\nhis veto of an 88 billion dlr "
        "highway bill."
    )
    assert only(extract(meeting, "1987-04-02", "WASHINGTON, April 2"), "Reagan")


def test_a_with_phrase_the_parser_hung_on_a_place_or_time(extract: Extract) -> None:
    marcos = (
        "President Biden met today at the White House with President Ferdinand R. Marcos, "
        "Jr. of the Philippines."
    )
    meeting = only(extract(marcos, "2024-04-11", outlet=WHITE_HOUSE), "Marcos")
    assert meeting.countries == {"USA", "PHL"}
    desantis = (
        "President Biden spoke this afternoon with Florida Governor Ron DeSantis to offer "
        "support after the President approved an emergency declaration."
    )
    title = "Readout of President Joe Biden's Call with Governor Ron DeSantis"
    call = only(extract(desantis, "2021-06-25", None, title, WHITE_HOUSE), "DeSantis")
    assert call.event.kind == "phone_call"


def test_a_with_phrase_of_a_talks_noun_or_a_topic_is_not_strayed_into(extract: Extract) -> None:
    topic = (
        "Department of Agriculture Secretary Tom Vilsack then spoke to a new enforcement "
        "partnership with bipartisan state Attorneys General."
    )
    assert extract(topic, "2023-07-20", outlet=WHITE_HOUSE) == []
    talks = (
        "Speaking after farm trade talks with Japan agriculture\nminister Mutsuki Kato, "
        "Lyng said the U.S. had not asked for\ntotal liberalisation of the rice market."
    )
    # The "with" belongs to the talks: one mention, dated by the statement it frames.
    meeting = only(extract(talks, "1987-04-21", "TOKYO, April 21"), "Kato")
    assert meeting.event.date_precision == "day"


def test_a_hyphenated_given_name_and_the_country_after_it(extract: Extract) -> None:
    body = (
        "President Joseph R. Biden, Jr. spoke today with President Moon Jae-in of the "
        "Republic of Korea to stress his commitment to the alliance."
    )
    call = only(extract(body, "2021-02-03", outlet=WHITE_HOUSE), "Jae-in")
    assert "Moon Jae-in" in call.names
    assert call.countries == {"USA", "KOR"}


def test_a_bracketed_acronym_and_an_honorific_between_title_and_name(extract: Extract) -> None:
    body = (
        "Principal Deputy National Security Advisor (PDNSA) Jon Finer met yesterday with the "
        "World Health Organization (WHO) Director-General (DG) Dr. Tedros Adhanom Ghebreyesus."
    )
    meeting = only(extract(body, "2024-04-20", outlet=WHITE_HOUSE), "Finer", "Ghebreyesus")
    # Finer's office is the publishing government's; the WHO's head has no state.
    assert meeting.countries == {"USA"}


def test_the_president_of_a_government_release_is_its_office_holder(extract: Extract) -> None:
    leaders = (
        "Today, the President and Vice President met with 12 Latino leaders to discuss the "
        "Build Back Better Agenda."
    )
    meeting = only(extract(leaders, "2021-08-03", outlet=WHITE_HOUSE), "Biden")
    assert meeting.names == {"Joe Biden", "Kamala Harris", "Latino leaders"}
    sinema = "The President spoke to Senator Sinema today to thank her again for her work."
    assert only(extract(sinema, "2021-06-25", outlet=WHITE_HOUSE), "Biden", "Sinema")
    # A wire from a capital names its own head of government the same way.
    reagan = "The President met Japanese Prime Minister Yasuhiro Nakasone today."
    assert only(extract(reagan, "1987-04-30", "WASHINGTON, April 30"), "Reagan", "Nakasone")


def test_descriptors_before_a_name_and_counterparts_of_several_states(
    extract: Extract,
) -> None:
    boniadi = (
        "Vice President Kamala Harris met today with actress and activist Nazanin Boniadi to "
        "express her support for the brave women and girls leading peaceful protests in Iran."
    )
    assert only(extract(boniadi, "2022-10-14", outlet=WHITE_HOUSE), "Harris", "Boniadi")
    baltic = (
        "National Security Advisor Jake Sullivan met today with his counterparts from NATO "
        "Allies Estonia, Latvia, Lithuania, and Poland."
    )
    meeting = only(extract(baltic, "2023-02-03", outlet=WHITE_HOUSE), "Sullivan")
    assert meeting.countries == {"USA", "EST", "LVA", "LTU", "POL"}


def test_an_office_only_states_have_makes_an_official_without_a_country(
    extract: Extract,
) -> None:
    # No dateline, no outlet, no country word: the title alone says public office; a
    # company's titles do not.
    minister = (
        "Minister of State for Finance Tom Hockin told reporters following a six-hour "
        "meeting with provincial ministers responsible for financial institutions."
    )
    assert only(extract(minister, "1987-03-23"), "Hockin")
    chairman = (
        "Chairman John Smith told reporters following a six-hour meeting with provincial "
        "ministers responsible for financial institutions."
    )
    assert extract(chairman, "1987-03-23") == []


def test_attending_a_named_summit_reports_the_summit(extract: Extract) -> None:
    body = (
        "President Joseph R. Biden, Jr. today attended the annual East Asia Summit (EAS) in "
        "Phnom Penh, Cambodia."
    )
    summit = only(extract(body, "2022-11-13", outlet=WHITE_HOUSE), "Biden")
    assert summit.event.kind == "summit"
    assert "East Asia Summit" in summit.names
    assert summit.event.event_date == dt.date(2022, 11, 13)


def test_a_meeting_on_the_margins_of_a_summit_reports_the_summit_too(
    extract: Extract,
) -> None:
    for body, published, counterpart in [
        (
            "President Biden met today with President Emmanuel Macron of France on the "
            "margins of the G7 Summit.",
            "2022-06-27",
            "Macron",
        ),
        (
            "President Biden yesterday met with President Cyril Ramaphosa of South Africa on "
            "the margins of the G7 Summit.",
            "2022-06-28",
            "Ramaphosa",
        ),
    ]:
        found = extract(body, published, outlet=WHITE_HOUSE)
        side = only(found, "Biden", counterpart)
        summits = [f for f in found if f is not side]
        assert [f.event.kind for f in summits] == ["summit"], found
        assert side.event.setting == "org:g7"
        assert summits[0].event.event_date == side.event.event_date


def test_a_meeting_on_the_margins_of_a_summit_named_as_itself_reports_that_summit(
    extract: Extract,
) -> None:
    # No group of states names these summits: the summit's own name is its party, as the
    # labelling rules list it (readouts of 2022-06-09, 2023-01-10 and 2024-06-15).
    for body, published, counterpart, summit_name in [
        (
            "President Joseph R. Biden, Jr. met today with Prime Minister Justin Trudeau of "
            "Canada in Los Angeles on the margins of the Ninth Summit of the Americas to "
            "review regional cooperation on economic development.",
            "2022-06-09",
            "Trudeau",
            "Summit of the Americas",
        ),
        (
            "President Biden met today with Prime Minister Justin Trudeau of Canada in Mexico "
            "City on the margins of the North American Leaders' Summit to discuss joint "
            "efforts to drive economic competitiveness.",
            "2023-01-10",
            "Trudeau",
            "North American Leaders",
        ),
        (
            "Vice President Kamala Harris met today with President Volodymyr Zelenskyy of "
            "Ukraine in Lucerne, Switzerland, on the margins of the Summit on Peace in Ukraine.",
            "2024-06-15",
            "Zelenskyy",
            "Summit on Peace",
        ),
    ]:
        found = extract(body, published, outlet=WHITE_HOUSE)
        side = only(found, counterpart)
        (summit,) = [f for f in found if f is not side]
        assert summit.event.kind == "summit"
        (name,) = summit.names
        assert summit_name in name
        assert side.event.setting is not None and side.event.setting.endswith(slugify(name))
        assert summit.event.event_date == side.event.event_date


def test_a_summit_something_was_done_ahead_of_is_still_to_come(extract: Extract) -> None:
    # Readouts of 2023-07-09 ("in advance of the NATO Summit in Vilnius", held July 11-12)
    # and 2022-06-26; "in preparation for" is the same construction.
    for body, published in [
        (
            "President Joe Biden spoke today with President Recep Tayyip Erdogan of Turkiye "
            "in advance of the NATO Summit in Vilnius, Lithuania.",
            "2023-07-09",
        ),
        (
            "President Biden met today with Chancellor Olaf Scholz of Germany ahead of the "
            "G7 Leaders' Summit.",
            "2022-06-26",
        ),
        (
            "Secretary Blinken met Foreign Minister Wang Yi in Jakarta in preparation for "
            "the East Asia Summit.",
            "2023-07-13",
        ),
    ]:
        found = extract(body, published, outlet=WHITE_HOUSE)
        assert [f.event.kind for f in found if f.event.kind == "summit"] == [], found
        assert len(found) == 1, found


def test_counterparts_named_by_their_states_in_one_phrase(extract: Extract) -> None:
    body = (
        "Ministers from the major trading nations have for the first time made a concerted "
        "commitment to review farm trade, Canadian Trade Minister Patricia Carney said.\n"
        '    "We think we can get some movement on this," she told\nreporters at a briefing '
        "following informal talks with the U.S.,\nJapanese and European Community (EC) trade "
        "ministers here."
    )
    talks = only(extract(body, "1987-04-25", "OTTAWA, April 25"), "Carney")
    assert {"CAN", "USA", "JPN"} <= talks.countries
    assert len(talks.names) == 4


def test_convening_roundtables_and_briefings_are_meetings(extract: Extract) -> None:
    roundtable = (
        "Today, President Biden convened a roundtable with farmers, ranchers, an independent "
        "poultry processor, and members of his Cabinet to discuss the need for greater "
        "competition in beef, pork and poultry processing."
    )
    assert only(extract(roundtable, "2022-01-03", outlet=WHITE_HOUSE), "Biden", "farmers")
    convened = (
        "On Tuesday, August 6, senior Biden-Harris Administration officials convened "
        "philanthropic organizations and stakeholders who are key collaborators in the "
        "Administration's historic Investing in America agenda."
    )
    assert len(extract(convened, "2024-08-06", outlet=WHITE_HOUSE)) == 1
    briefing = (
        "Papandreou expressed qualified optimism after briefing opposition leaders on Aegean "
        "developments early yesterday."
    )
    meeting = only(extract(briefing, "1987-03-29", "ATHENS, March 29"), "Papandreou")
    assert meeting.event.event_date == dt.date(1987, 3, 28)


def test_a_possessive_pronoun_ahead_of_its_subject_is_that_subject(extract: Extract) -> None:
    body = (
        "In her visit with UAE President Sheikh Mohammed bin Zayed Al Nahyan, the Vice "
        "President conveyed condolences on behalf of President Biden, the Biden-Harris "
        "Administration, and the American people."
    )
    # "the Vice President" of a White House readout: the curated holder of the office.
    visit = only(extract(body, "2022-05-16", outlet=WHITE_HOUSE), "Harris", "Nahyan")
    assert "USA" in visit.countries


def test_a_name_suffix_is_no_party_and_a_state_body_title_gives_its_state(
    extract: Extract,
) -> None:
    amir = (
        "President Joseph R. Biden, Jr. met today with Amir Sheikh Tamim bin Hamad Al-Thani "
        "of Qatar at the White House."
    )
    meeting = only(extract(amir, "2022-01-31", outlet=WHITE_HOUSE), "Biden", "Al-Thani")
    assert len(meeting.names) == 2
    zients = (
        "White House Chief of Staff Jeff Zients met today with Governor Josh Shapiro to "
        "discuss the bridge collapse."
    )
    meeting = only(extract(zients, "2023-06-13", outlet=WHITE_HOUSE), "Zients")
    assert "USA" in meeting.countries


def test_people_listed_before_the_subject_the_parse_cut_are_co_subjects(
    extract: Extract,
) -> None:
    body = (
        "On Monday, National Economic Advisor Lael Brainard, Domestic Policy Advisor Neera "
        "Tanden, and Investing in America Chief Economist Heather Boushey met with a group of "
        "union tradeswomen and North America's Building Trades Unions (NABTU) representatives."
    )
    meeting = only(extract(body, "2023-12-06", outlet=WHITE_HOUSE), "Boushey")
    assert {"Lael Brainard", "Neera Tanden", "Heather Boushey"} <= meeting.names
    # the opening "On Monday," dates it, though the parser hung it on nothing
    assert meeting.event.event_date == dt.date(2023, 12, 4)
    # People before the subject in another role are not: "Following remarks by A and B".
    clause = (
        "Following remarks by Prime Minister Fumio Kishida and President Yoon Suk Yeol, "
        "President Joe Biden met with President Volodymyr Zelenskyy of Ukraine."
    )
    meeting = only(extract(clause, "2023-05-21", outlet=WHITE_HOUSE), "Biden", "Zelenskyy")
    assert "Fumio Kishida" not in meeting.names


def test_an_office_of_a_known_state_body_is_that_state_s(extract: Extract) -> None:
    body = (
        "Today, Jennifer Klein, White House Gender Policy Council Director and Julie Chavez "
        "Rodriguez, White House Intergovernmental Affairs Director, hosted a meeting with "
        "state legislative leaders in Kansas, Louisiana, and North Carolina."
    )
    meeting = only(extract(body, "2022-06-03", outlet=WHITE_HOUSE), "Klein", "Rodriguez")
    assert "USA" in meeting.countries


def test_a_convening_with_people_only_described(extract: Extract) -> None:
    body = (
        "On March 25, the White House Office of Gun Violence Prevention (OGVP) hosted a "
        "convening with mothers affected by gun violence, who are also leading victim "
        "service organizations."
    )
    meeting = only(extract(body, "2024-03-26", outlet=WHITE_HOUSE), "Prevention")
    assert meeting.event.event_date == dt.date(2024, 3, 25)
    assert any("mothers" in name for name in meeting.names)


def test_a_pope_and_a_patriarch_are_parties(extract: Extract) -> None:
    audience = (
        "In his audience with Pope Francis today, President Biden thanked His Holiness for "
        "his advocacy for the world's poor."
    )
    meeting = only(extract(audience, "2021-10-29", outlet=WHITE_HOUSE), "Biden", "Francis")
    assert meeting.countries == {"USA", "VAT"}
    patriarch = (
        "President Joseph R. Biden, Jr. met today with His All-Holiness Ecumenical Patriarch "
        "Bartholomew and congratulated him on thirty years of leadership."
    )
    meeting = only(extract(patriarch, "2021-10-25", outlet=WHITE_HOUSE), "Biden", "Bartholomew")
    assert meeting.countries == {"USA"}  # a church's office: no state, not the publisher's


def test_people_acting_together_with_the_subject_are_agents(extract: Extract) -> None:
    body = (
        "Today, Deputy National Security Advisor for International Economics Mike Pyle, "
        "together with Finance Minister of Ukraine, Sergii Marchenko, and European Commission "
        "Director-General for Neighborhood and Enlargement Negotiations, Gert Jan Koopman, "
        "co-chaired the third meeting of the Steering Committee of the Multi-agency Donor "
        "Coordination Platform for Ukraine."
    )
    meeting = only(extract(body, "2023-05-26", outlet=WHITE_HOUSE), "Pyle")
    assert "Sergii Marchenko" in meeting.names
    assert "UKR" in meeting.countries


def test_an_event_hosted_with_others_is_a_meeting(extract: Extract) -> None:
    body = (
        "Today, White House Domestic Policy Advisor Neera Tanden and U.S. Department of "
        "Education Secretary Miguel Cardona hosted a livestreamed event with higher education "
        "leaders from across the nation to unveil a new report."
    )
    meeting = only(extract(body, "2023-09-28", outlet=WHITE_HOUSE), "Tanden", "Cardona")
    assert any("leaders" in name for name in meeting.names)


def test_a_call_convened_or_joined_is_a_call(extract: Extract) -> None:
    convened = (
        "This afternoon, President Biden convened a call with Secretary of Energy Jennifer "
        "Granholm and the CEOs of two of the largest utilities in the Gulf Coast."
    )
    meeting = only(extract(convened, "2021-08-31", outlet=WHITE_HOUSE), "Biden", "Granholm")
    assert meeting.event.kind == "phone_call"
    joined = (
        "Today President Biden joined White House COVID-19 Response Coordinator Jeff Zients, "
        "Chief Medical Advisor to the President Dr. Anthony Fauci, and CDC Director Rochelle "
        "Walensky for their regular call with the bipartisan National Governors Association "
        "regarding the country's COVID-19 response."
    )
    meeting = only(extract(joined, "2021-12-27", outlet=WHITE_HOUSE), "Biden")
    assert meeting.event.kind == "phone_call"


def test_meetings_held_one_by_one_are_one_mention_each_on_the_day(extract: Extract) -> None:
    colon = (
        "Vice President Kamala Harris today had five separate calls with European leaders.\n\n"
        "The Vice President spoke individually with: Prime Minister Kaja Kallas of Estonia; "
        "Prime Minister Krisjanis Karins of Latvia; and Prime Minister Nicolae Ciuca of "
        "Romania."
    )
    found = extract(colon, "2022-03-01", outlet=WHITE_HOUSE)
    for leader in ("Kallas", "Karins", "Ciuca"):
        call = only(found, "Harris", leader)
        assert len(call.names) == 2
        assert call.event.event_date == dt.date(2022, 3, 1)
        assert call.event.held_apart  # never one call with all three (dedup)
    second_with = (
        "Principal Deputy National Security Advisor Jon Finer traveled to Kyiv on September 4."
        "\n\nFiner also met with First Deputy Prime Minister Yuliia Svyrydenko to discuss U.S. "
        "sanctions against Russia and with Foreign Minister Dmytro Kuleba to review Ukraine's "
        "efforts to rally global opposition to Russia's war of aggression."
    )
    found = extract(second_with, "2024-09-05", outlet=WHITE_HOUSE)
    assert len(only(found, "Finer", "Svyrydenko").names) == 2
    kuleba = only(found, "Finer", "Kuleba")
    assert kuleba.event.held_apart
    assert "RUS" not in kuleba.countries  # "against Russia and with ...": not his country


def test_the_people_of_an_attendance_list_join_the_lead_meeting(extract: Extract) -> None:
    body = (
        "Today, in recognition of Nurses Appreciation Week, the White House hosted a "
        "roundtable with nurses to thank them for their efforts on the frontlines of the "
        "pandemic.\n\nThe nurses described the strain of the last two years.\n\n"
        "External participants included:\n\n"
        "-   Dr. Lucinda Canty, Assistant Professor of Nursing -   Joshua Holt, ICU "
        "Registered Nurse\n\n###\n"
    )
    meeting = only(extract(body, "2022-05-18", outlet=WHITE_HOUSE), "Canty")
    assert {"Lucinda Canty", "Joshua Holt"} <= meeting.names
    inline = (
        "Yesterday, senior officials from the White House and the Department of Justice met "
        "with leaders from civil rights organizations to discuss police reform.\n\n"
        "Officials from the Biden-Harris Administration taking part in the meeting included "
        "Domestic Policy Advisor Susan Rice and Senior Advisor Cedric Richmond. The "
        "administration officials stressed the urgency of reform."
    )
    meeting = only(extract(inline, "2021-10-27", outlet=WHITE_HOUSE), "Rice")
    assert {"Susan Rice", "Cedric Richmond"} <= meeting.names


def test_who_joined_the_lead_call_are_its_parties_not_a_meeting_of_their_own(
    extract: Extract,
) -> None:
    # Readouts of 2022-09-08 (a call with allies) and 2021-08-30 (a briefing on Hurricane
    # Ida): the list sentence restates the lead meeting.
    call = (
        "President Joseph R. Biden, Jr. spoke by video conference today with Allies and "
        "partners to underscore continued support for Ukraine.\n\nJoining President Biden on "
        "the call were Prime Minister Trudeau of Canada, Prime Minister Draghi of Italy, and "
        "President Duda of Poland.\n\n###\n"
    )
    (meeting,) = extract(call, "2022-09-08", outlet=WHITE_HOUSE)
    assert meeting.has("Biden", "Trudeau", "Draghi", "Duda")
    assert {"CAN", "ITA", "POL"} <= meeting.countries
    briefing = (
        "Today, President Biden convened a virtual meeting with Governor John Bel Edwards of "
        "Louisiana to receive an update on the storm.\n\nJoining the President at the meeting "
        "were Senior Advisor Cedric Richmond and FEMA Administrator Deanne Criswell."
    )
    (meeting,) = extract(briefing, "2021-08-30", outlet=WHITE_HOUSE)
    assert meeting.has("Biden", "Edwards", "Richmond", "Criswell")


def test_a_wire_s_attendance_list_ends_with_its_sentence(extract: Extract) -> None:
    # Reuters-21578, Distribution 1.0 (a 1987 wire): every line of a wire is short, so the
    # list must not run on to the spokesman quoted after it.
    wire = (
        "China and Israel, which have no\ndiplomatic relations, discussed Middle East peace "
        "prospects and\nrelated matters at a meeting in New York city, an Israeli\nspokesman "
        "said.\n    Taking part in the talks were\nChina's U.N. "
        "Representative, Ambassador Li Luye, and the\ndirector-general of the Israeli "
        'Foreign Ministry, Abraham\nTamir.\n    "It was in a U.N. context," Israeli U.N. '
        "Spokesman Eyal Arad said.\n"
    )
    talks = only(extract(wire, "1987-03-28"), "Tamir")
    assert "Eyal Arad" not in talks.names


def test_a_named_official_meeting_a_delegation_holds_a_meeting(extract: Extract) -> None:
    body = (
        "National Security Advisor Jake Sullivan met today with a delegation comprised of the "
        "heads of Ukrainian anti-corruption institutions."
    )
    meeting = only(extract(body, "2023-09-01", outlet=WHITE_HOUSE), "Sullivan")
    assert meeting.event.kind == "meeting"


def test_discussing_a_topic_with_someone_is_a_meeting_and_the_topic_is_no_party(
    extract: Extract,
) -> None:
    found = extract(
        "ROME - Israeli Foreign Minister Shimon Peres discussed the Middle East with "
        "Palestinian and Soviet officials at a Socialist International committee meeting here.",
        "1987-04-03",
    )
    peres = only(found, "Peres")
    assert {"ISR", "PSE", "SUN"} <= peres.countries
    assert not any("Middle East" in f.names for f in found)


def test_the_person_a_topic_was_discussed_with_is_the_other_side_wherever_the_parse_hangs_it(
    extract: Extract,
) -> None:
    # The parser hangs "with <person>" on the topic noun, not on "discussed" (reuters-5036,
    # reuters-8856); a state or body there is the topic's own phrase, the with-phrase of
    # "their engagements" or "their diplomacy", and no counterpart.
    knox = (
        "He said he and Economy Minister Juan Sourrouille had discussed Argentina's loan "
        "request with World Bank Vice-President David Knox, who is currently in Buenos Aires."
    )
    shaheen = (
        "KUNA said the envoy had discussed the deployment of Iranian missiles near the Strait "
        "of Hormuz with Kuwaiti Foreign Undersecretary Suliman Majed al-Shaheen."
    )
    assert {"Juan Sourrouille", "David Knox"} <= only(extract(knox, "1987-03-06"), "Knox").names
    assert only(extract(shaheen, "1987-03-22"), "al-Shaheen").countries == {"KWT"}
    for sentence in (
        "The leaders discussed their recent diplomatic engagements with Ukraine and Russia.",
        "The leaders discussed their respective diplomacy with the People's Republic of China.",
    ):
        assert extract(sentence, "2022-02-14", outlet=WHITE_HOUSE) == [], sentence


def test_the_officials_of_several_states_are_each_state(extract: Extract) -> None:
    # The parser leaves the conjoined states out of "the leaders of ..." (only the first sat
    # inside the phrase); reuters-6137 and reuters-9674 name ministers "from" lists of states.
    quad = extract(
        "President Biden met with the leaders of Australia, India, and Japan today in Hiroshima.",
        "2023-05-20",
        outlet=WHITE_HOUSE,
    )
    assert only(quad, "Biden").countries == {"AUS", "IND", "JPN", "USA"}
    oil = extract(
        "Oil ministers from Mexico, Trinidad and Tobago, Ecuador and Venezuela met today for "
        "the fifth meeting of the informal group of Latin American and Caribbean Petroleum "
        "Exporters.",
        "1987-03-13",
    )
    (meeting,) = oil
    assert meeting.countries == {"MEX", "TTO", "ECU", "VEN"}


def test_discussing_without_a_counterpart_or_only_planned_is_no_meeting(extract: Extract) -> None:
    for sentence in (
        "The ministers discussed the budget.",
        "Asked if Reagan would discuss the issue with Volcker before leaving for the Venice "
        'summit on Wednesday, Fitzwater said, "I have no idea."',
        "Pesch said he did not discuss a joint takeover proposal with the Bass family.",
    ):
        assert extract(sentence, "1987-06-05") == [], sentence


def test_a_city_before_the_meeting_noun_is_the_place_not_a_party(extract: Extract) -> None:
    # reuters-1579, reuters-17198: the city names where the talks or the summit were held.
    (talks,) = extract(
        "El Salvador and Guatemala both backed Brazil and Colombia at the London talks in "
        "resisting pressures for quotas based on objective criteria.",
        "1987-03-02",
    )
    assert talks.names == {"El Salvador", "Guatemala"}
    summit = (
        "The farm trade problem was almost completely ignored by the industrialised world "
        "until Canada raised it last year at the Tokyo summit of seven leading industrial "
        "powers."
    )
    assert extract(summit, "1987-04-24") == []


def test_conferring_on_the_telephone_is_a_call(extract: Extract) -> None:
    # reuters-8769: every verb of talking that says nothing of how takes the telephone's.
    (call,) = extract(
        "Central bank sources said the statement was drafted after Fernandez and senior "
        "deputy governor Gabriel Singson, who is in Manila, conferred on the telephone.",
        "1987-03-24",
    )
    assert call.event.kind == "phone_call"


def test_a_second_subject_after_a_name_s_suffix_is_a_party(extract: Extract) -> None:
    # Unlabelled readouts open so ("Biden, Jr. and President ... spoke today"); the parser
    # hung the second subject on "Jr." until the comma before the suffix went.
    (call,) = extract(
        "President Joseph R. Biden, Jr. and President Pedro Sánchez of Spain spoke today about "
        "preparations for the NATO Summit.",
        "2022-06-21",
        title="Readout of President Biden's Call with President Pedro Sánchez of Spain",
        outlet=WHITE_HOUSE,
    )
    assert call.has("Biden", "Sánchez")
    assert call.event.kind == "phone_call"


def test_a_staff_rank_before_the_title_and_name_is_no_party(extract: Extract) -> None:
    # "Assistant to the President and <title> <name> met": the parser makes the rank the
    # subject and the name a conjunct of "President" (an unlabelled readout of 2024-03-29).
    (meeting,) = extract(
        "Today, Assistant to the President and Principal Deputy National Security Advisor Jon "
        "Finer met with leaders of U.S.-based Black civil rights groups to have a dialogue "
        "about the crisis in Haiti.",
        "2024-03-29",
        outlet=WHITE_HOUSE,
    )
    assert meeting.has("Finer") and "leaders" in meeting.names


def test_an_object_pronoun_is_never_its_own_clause_s_subject(extract: Extract) -> None:
    # reuters-17321 (dev2): the nearest person before "him" is Baker, who visited.
    found = extract(
        "Senate majority leader Robert Byrd said. Byrd told reporters Treasury Secretary "
        "James Baker visited him late Friday to urge Congress not to add time-delaying "
        "amendments.",
        "1987-04-27",
    )
    visit = only(found, "Baker", "Byrd")
    assert len(visit.names) == 2


def test_a_hyphenated_title_does_not_cut_the_stray_with_phrase(extract: Extract) -> None:
    # 2022-10-31: "with" parsed as the mark of "offer", and "President-Elect" cut by its
    # hyphen; the name after the title is the other side.
    call = only(
        extract(
            "President Joseph R. Biden, Jr. spoke today with President-Elect Luiz Inácio Lula "
            "da Silva of Brazil to offer his congratulations on his election.",
            "2022-10-31",
            outlet=WHITE_HOUSE,
        ),
        "Silva",
    )
    assert call.countries == {"USA", "BRA"}


def test_the_purpose_of_a_trip_told_in_the_past_is_a_meeting_on_the_trip_s_day(
    extract: Extract,
) -> None:
    # Trip readouts of 2023-07-27 (Sullivan, Jeddah) and 2024-10-16 (Finer, Port-au-Prince);
    # "leaves today for Ottawa to meet" (a trip still under way) stays a plan.
    sullivan = only(
        extract(
            "National Security Advisor Jake Sullivan traveled to Jeddah, Saudi Arabia on July "
            "27, 2023 to meet with Prime Minister and Crown Prince Mohammed bin Salman.",
            "2023-07-27",
            outlet=WHITE_HOUSE,
        ),
        "Sullivan",
        "Salman",
    )
    assert sullivan.event.event_date == dt.date(2023, 7, 27)
    finer = only(
        extract(
            "Principal Deputy National Security Advisor Jon Finer traveled to Port-au-Prince, "
            "Haiti on October 16 to meet with senior Haitian officials.",
            "2024-10-16",
            outlet=WHITE_HOUSE,
        ),
        "Finer",
    )
    assert finer.event.date_precision == "day"
    assert not extract(
        "Trade Minister Rha Woong-bae leaves today for Ottawa to meet Canadian officials.",
        "1987-03-11",
    )


def test_a_visitor_named_as_such_met_whoever_tells_or_agrees_with_them(
    extract: Extract,
) -> None:
    # reuters-19882 and reuters-15244 (dev2): the visit is under way; the side who tells or
    # agrees with the visitors met them.
    told = extract(
        "Tehran Radio quoted defence spokesman Ali Akbar Hashemi Rafsanjani telling a "
        "visiting Nicaraguan delegation yesterday that the United States was weak.",
        "1987-06-29",
    )
    assert only(told, "Rafsanjani").countries == {"IRN", "NIC"}
    agreed = extract(
        "The agency said the accord was reached between Iranian Oil Minister Gholamreza "
        "Aqazadeh and a visiting Ghanaian delegation headed by Foreign Minister Obed Asamoah.",
        "1987-04-08",
    )
    assert only(agreed, "Aqazadeh").countries == {"IRN", "GHA"}


def test_a_named_visitor_visits_the_dateline_country_and_an_unnamed_one_no_one(
    extract: Extract,
) -> None:
    lyng = extract(
        "Visiting U.S. Agriculture Secretary Richard Lyng told reporters that Japan must open "
        "its rice market.",
        "1987-04-22",
        "TOKYO, April 22",
    )
    assert only(lyng, "Lyng").countries == {"USA", "JPN"}
    assert not extract(
        "A visiting U.S. Mint official told reporters that American Eagle gold coins took the "
        "largest share of the market in Japan.",
        "1987-04-27",
        "TOKYO, April 27",
    )


def test_between_has_two_sides_even_when_the_parse_hangs_the_second_inside_the_first(
    extract: Extract,
) -> None:
    # reuters-11486 and reuters-11591 (two wires of the Paris Club agreement): "and 16
    # Western creditor countries" parsed as a conjunct of Rikanovic, inside the first side.
    found = extract(
        "The official Tanjug news agency said the agreement was reached in Paris today in "
        "talks between Yugoslav delegation headed by Finance Minister Svetozar Rikanovic and "
        "16 Western creditor countries, but it gave no precise figure.",
        "1987-03-31",
    )
    talks = only(found, "Yugoslavia")
    assert talks.has("countries")


def test_a_meeting_set_off_before_its_clause_is_with_whom_the_clause_addresses(
    extract: Extract,
) -> None:
    # reuters-15437 and reuters-15671 (dev): the fronted phrase is an adjunct, so "pressed"
    # does not make the meetings a demand, and the counterparts pressed are the other side.
    found = extract(
        "At meetings here this week, Bank of England officials pressed their Japanese "
        "counterparts to change regulations that foreign bankers say give their Japanese "
        "rivals an edge.",
        "1987-04-10",
        "TOKYO, April 10",
    )
    assert only(found, "Japan").countries == {"GBR", "JPN"}
    # A definite meeting points back at one already told; "pressed for talks" stays a demand.
    assert not extract(
        "In the meeting, participants commended the Biden-Harris Administration on their efforts.",
        "2023-01-31",
        outlet=WHITE_HOUSE,
    )
    assert not extract("Britain pressed for talks with Japan, officials said.", "1987-04-10")


def test_a_congressional_leader_is_titled_and_a_party(extract: Extract) -> None:
    # readouts of 2021-09-27, 2022-06-15 and others: "Leader" before a name is an office
    body = "This afternoon, President Biden hosted Speaker Pelosi and Leader Schumer."
    meeting = only(extract(body, "2022-06-15", outlet=WHITE_HOUSE), "Biden", "Schumer")
    assert {"Joe Biden", "Pelosi", "Schumer"} <= meeting.names
    assert meeting.countries == {"USA"}
