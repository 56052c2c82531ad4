"""One test per negative family: sentences with meeting words that report no meeting.

Sentences are quoted from Reuters-21578, Distribution 1.0 (research use; see
tests/data/reuters_dev/README.md).
"""

from __future__ import annotations

import pytest

from tests.mentions.conftest import Extract

FUTURE_PLANS = [
    # will ... next week
    "U.S. and Japanese negotiators will hold emergency meetings next week to try to resolve "
    "their row over semiconductors, but a U.S. official said it was not likely the talks "
    "would delay the planned American sanctions.",
    # is to hold
    "Makoto Kuroda, vice minister of Japan's Ministry of International Trade and Industry "
    "(MITI), is to hold two days of meetings with the Deputy U.S. Trade Representative, "
    "Michael Smith, and the Under Secretary of Commerce, Bruce Smart.",
    # was due to meet ... today
    "Turkey's ambassador in Athens, Nazmi Akiman, was due to meet Prime Minister Andreas "
    "Papandreou today for the Greek reply to a message sent last week by Turkish Prime "
    "Minister Turgut Ozal.",
    # hopes to meet
    "Nakasone hopes to meet President Reagan in late April or early May to prepare for the "
    "Venice economic summit in June.",
    # will visit ... next week
    "South Korea's Finance Minister Chung In-yong will visit U.S. Treasury Secretary James "
    "Baker next week to discuss U.S. Requests for an appreciation of South Korea's won "
    "against the dollar, finance ministry officials said.",
    # second verb shares the first's future auxiliary
    "Prime Minister Yasuhiro Nakasone will make an official week-long visit to the United "
    "States from April 29 and hold talks in Washington with President Reagan, Chief Cabinet "
    "Secretary Masaharu Gotoda told reporters.",
    # simple present in a when-clause
    "LDP executive council chairman Shintaro Abe will explain the plan to U.S. Officials "
    "when he visits the U.S. On April 19.",
    # a probable meeting later today
    "The market is closely watching for a probable meeting between U.S. Treasury Secretary "
    "James Baker and Japanese Finance Minister Kiichi Miyazawa later today ahead of the G-7 "
    "meeting, dealers said.",
    # scheduled for
    "Two rounds of talks between President Reagan and Nakasone, scheduled for Thursday and "
    "Friday, come on the heels of the imposition by the United States of punitive tariffs on "
    "Japanese goods.",
    # looking forward to
    "Reagan said he was looking forward to his talks with Prime Minister Yasuhiro Nakasone "
    'and "he has been most helpful."',
    # hopes ... will make proposals at a meeting this week
    "U.S. Secretary of Commerce Malcolm Baldrige said he hopes Japanese Prime Minister "
    "Yasuhiro Nakasone will make specific proposals to ease U.S.-Japan trade friction at a "
    "meeting with President Reagan this week.",
    # before the talks: still to come when the clause was written (reuters-16094, 16253,
    # 16357; reuters-8390)
    "Taiwan announced plans for another round of import tariff cuts on 862 foreign goods "
    "shortly before trade talks with Washington which officials described as a move to help "
    "balance trade with the United States.",
    "Deputy Prime Minister Janez Zemljaric, speaking before a meeting with the Paris Club of "
    "creditor nations, said Yugoslavia was seeking to refinance two billion dlrs of debt.",
]


@pytest.mark.parametrize("sentence", FUTURE_PLANS)
def test_announcements_are_not_meetings(extract: Extract, sentence: str) -> None:
    assert extract(sentence, "1987-04-08", "TOKYO, April 8") == []


GENERIC_MEET = [
    "NASD said it could guarantee brokers and dealers would meet the July 25 deadline if it "
    "received application materials by April 15.",
    "The DOT added, however, that TWA was free to refile when it could put together an "
    "application for control that met the agency's procedural requirements.",
    "The radios did not meet specifications of operating for 1,250 hours before failing.",
]


@pytest.mark.parametrize("sentence", GENERIC_MEET)
def test_meeting_a_target_is_not_a_meeting(extract: Extract, sentence: str) -> None:
    assert extract(sentence, "1987-03-06", "WASHINGTON, March 6") == []


DENIALS_AND_CANCELLATIONS = [
    "Reagan has not met the press since November 19.",
    "Earlier today, the House Agriculture committee postponed until next Tuesday a meeting "
    "to consider the disaster aid bill.",
    "The Senate Banking Committee has postponed until March 10 its meeting scheduled for "
    "tomorrow to act on a bank regulation bill.",
]


@pytest.mark.parametrize("sentence", DENIALS_AND_CANCELLATIONS)
def test_denials_and_cancellations_are_not_meetings(extract: Extract, sentence: str) -> None:
    assert extract(sentence, "1987-03-05", "WASHINGTON, March 5") == []


SPEECHES_INTERVIEWS_PRESS = [
    # speaking by telephone to a news agency is not a call between parties
    'Speaking by telephone from Sao Paulo, Peres said, "With its decision, the U.S. has '
    'shown its hand."',
    "Knox said in an interview with the local daily La Nacion yesterday that Argentina's "
    "current economic policies contained key elements to stimulate growth.",
    "Rha told the U.S. Chamber of Commerce that demands for a sudden currency revaluation "
    "were ill-advised.",
    "Hernandez spoke today at the opening of the fifth ministerial meeting of the informal "
    "group of Latin American and Caribbean oil exporters, formed in 1983.",
    # talking to the press (reuters-3031, reuters-5786)
    "Talking to journalists before a meeting of European Community Economy and Finance "
    "Ministers here, Tietmeyer declined to say whether the February 22 Paris accord by the "
    "Group of Five countries plus Canada included secret agreements for stabilising "
    "currencies.",
    'De Clercq, talking to journalists during the meeting, said, "There is a certain '
    "nervousness, a growing impatience within the Community concerning trade relations with "
    'Japan."',
]


@pytest.mark.parametrize("sentence", SPEECHES_INTERVIEWS_PRESS)
def test_speeches_interviews_and_press_statements_are_not_meetings(
    extract: Extract, sentence: str
) -> None:
    assert extract(sentence, "1987-03-26", "CARACAS, March 26") == []


PLENARY_AND_UNNAMED = [
    # a large body meeting in plenary, announced
    "He expected the Group of Seven countries, which are due to meet tomorrow, to reaffirm "
    "the so-called Louvre accord to stabilize foreign exchange rates.",
    # a body's own meeting, no second party
    "He said a meeting of the OPEC Differentials Committee had been postponed because there "
    "is no need for the meeting.",
    # back-reference without parties
    'Sen. John Danforth, a Missouri Republican, said after the meeting, "We have heard '
    'promises in the past."',
]


@pytest.mark.parametrize("sentence", PLENARY_AND_UNNAMED)
def test_plenary_sessions_and_partyless_meetings_are_not_meetings(
    extract: Extract, sentence: str
) -> None:
    assert extract(sentence, "1987-04-07", "WASHINGTON, April 7") == []


OTHER_SENSES_AND_NON_REPORTS = [
    # several meetings summed up, not one meeting
    "In answer to questions, he said he had never met Soviet leader Mikhail Gorbachev when "
    "both studied in the Soviet Union in the 1950s and had since met him on only two "
    "occasions.",
    # "called X an escalation": naming, not a call on someone
    "Iran's top war spokesman Ali Akbar Hashemi Rafsanjani on Tuesday called the U.S. Attacks "
    "on two of its Gulf oil platforms an escalation and promised retaliation.",
    # receiving an order
    "The company also said three other Asea companies, Asea Transmission, Ludvika Sweden and "
    "Strondberg Vaasa in Finland, received a related order for converter equipment.",
    # a habit
    "He did not elaborate, but Bonn has often called on the U.S. to reduce its federal "
    "budget deficit.",
    # an open question
    "DeCrane declined to say whether Texaco and Pennzoil had held any recent settlement "
    "talks, citing a confidentiality agreement between the two companies.",
    # a plenary of a multilateral body
    "West Germany and Japan had both pledged at G-7 meetings to boost domestic demand to "
    "help narrow the huge U.S. Trade deficit, Tanaka said.",
    # the setting of a statement, not a meeting
    "Asked his reaction to the GNP report during a White House photo session, Reagan "
    'replied, "It wasn\'t all that bad."',
    # joining someone else's meeting
    "Deputy Agriculture Secretary Peter Myers and Under Secretary Daniel Amstutz also "
    "attended the 30-minute meeting.",
    # talks between companies
    "Last week, Royal Bank of Canada, the country's biggest bank, ended merger talks with "
    "Canadian broker Wood Gundy Inc. after several months of negotiations.",
    # "called on" as a particle with an infinitive: a demand, not a call (reuters-17888)
    "Reagan has approved plans for the United States to step up its naval presence in the "
    "Gulf despite congressional expressions of concern and he has called on U.S. Allies to "
    "help maintain freedom of navigation.",
    # a thing welcomed by two bodies: neither is the other's guest (reuters-237; reuters-2242
    # has "such policies had been welcomed by the World Bank and International Monetary Fund")
    "Indonesia's economic changes have been welcomed by the World Bank and international "
    "bankers as steps in the right direction, though they say crucial areas of the economy "
    "like plastics and steel remain highly protected.",
    # negotiating over a stated span: a process, not one sitting (reuters-13320, 13542)
    "The U.S. And Kuwait have been negotiating for over a month on methods of protecting "
    "Kuwaiti ships.",
    # the same since a month (reuters-13254)
    "Argentina, seeking 2.15 bln dlrs in fresh loans from private international banks to "
    "meet 1987 growth targets, has been negotiating with the banks' steering committee since "
    "February.",
]


@pytest.mark.parametrize("sentence", OTHER_SENSES_AND_NON_REPORTS)
def test_other_senses_and_non_reports(extract: Extract, sentence: str) -> None:
    assert extract(sentence, "1987-10-20", "WASHINGTON, Oct 20") == []
