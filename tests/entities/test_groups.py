"""The groups of states file: every row well formed, every group findable in text."""

from __future__ import annotations

import datetime as dt

from parley.lexicon.countries import canonical_country_name
from parley.lexicon.groups import is_group, members_on, memberships
from parley.lexicon.organisations import organisations


def test_every_member_is_a_state_or_a_group_over_a_real_period() -> None:
    for group, rows in memberships().items():
        for row in rows:
            # A code no country list knows comes back as itself.
            assert is_group(row.member) or canonical_country_name(row.member) != row.member, (
                group,
                row.member,
            )
            assert row.end is None or row.start <= row.end, (group, row)


def test_every_group_has_a_name_news_writes() -> None:
    named = {o.canonical_name for o in organisations().values()}
    assert set(memberships()) <= named


def test_formats_of_a_few_states_count_the_states_of_their_readouts() -> None:
    day = dt.date(2023, 9, 19)
    assert members_on("B9", day) == {
        "BGR", "CZE", "EST", "HUN", "LVA", "LTU", "POL", "ROU", "SVK",
    }  # fmt: skip
    assert members_on("C5+1", day) == {"USA", "KAZ", "KGZ", "TJK", "TKM", "UZB"}
    assert members_on("B9", dt.date(2015, 1, 1)) == frozenset()  # before its founding


def test_the_cartagena_group_counts_its_eleven_debtor_states() -> None:
    # "the Cartagena group of 11 debtor nations" (Reuters-21578, reuters-17450).
    members = members_on("Cartagena Group", dt.date(1987, 6, 1))
    assert len(members) == 11
    assert {"ARG", "BRA", "MEX", "VEN"} <= members
