"""Every warehouse check passes on good data and fails on a warehouse broken its way."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from warehouse.checks import WAREHOUSE_CHECKS, WarehouseCheck, prepare_connection


def _duplicate(table: str, where: str) -> list[str]:
    """Statements that add a copy of one row, rebuilding the table without its key."""
    return [
        f"CREATE TABLE _copy AS SELECT * FROM {table} UNION ALL "
        f"(SELECT * FROM {table} WHERE {where} LIMIT 1)",
        f"DROP TABLE {table}",
        f"ALTER TABLE _copy RENAME TO {table}",
    ]


# (table, check name) -> ways to break the tiny warehouse that the check must catch.
BREAKAGES: dict[tuple[str, str], list[list[str]]] = {
    ("articles", "keys_unique"): [_duplicate("articles", "article_id = 'art-1'")],
    ("rejected_inputs", "keys_unique"): [
        ["INSERT INTO rejected_inputs SELECT * FROM rejected_inputs"]
    ],
    ("entities", "keys_unique"): [_duplicate("entities", "entity_id = 'person:bob'")],
    ("entity_aliases", "keys_unique"): [
        ["INSERT INTO entity_aliases VALUES ('person:bob', 'Bob')"]
    ],
    ("entity_mentions", "keys_unique"): [
        ["INSERT INTO entity_mentions SELECT * FROM entity_mentions LIMIT 1"]
    ],
    ("person_roles", "keys_unique"): [
        ["INSERT INTO person_roles SELECT * FROM person_roles WHERE entity_id = 'person:bob'"]
    ],
    ("event_mentions", "keys_unique"): [_duplicate("event_mentions", "mention_id = 'em-3'")],
    ("event_mention_participants", "keys_unique"): [
        ["INSERT INTO event_mention_participants VALUES ('em-1', 'person:bob', 'host')"]
    ],
    ("meeting_participants", "keys_unique"): [
        ["INSERT INTO meeting_participants SELECT * FROM meeting_participants LIMIT 1"]
    ],
    ("meeting_sources", "keys_unique"): [
        ["INSERT INTO meeting_sources VALUES ('mtg-2', 'art-3', 'em-3')"]
    ],
    ("meeting_topics", "keys_unique"): [["INSERT INTO meeting_topics VALUES ('mtg-1', 'trade')"]],
    ("meeting_id_redirects", "keys_unique"): [
        _duplicate("meeting_id_redirects", "old_meeting_id = 'mtg-0'")
    ],
    ("articles", "foreign_keys_resolve"): [
        ["UPDATE articles SET duplicate_of = 'art-gone' WHERE article_id = 'art-2'"]
    ],
    ("entity_aliases", "foreign_keys_resolve"): [
        ["INSERT INTO entity_aliases VALUES ('person:ghost', 'Ghost')"]
    ],
    ("entity_mentions", "foreign_keys_resolve"): [
        ["UPDATE entity_mentions SET article_id = 'art-gone' WHERE entity_id = 'person:carol'"],
        ["UPDATE entity_mentions SET entity_id = 'person:ghost' WHERE article_id = 'art-1'"],
    ],
    ("person_roles", "foreign_keys_resolve"): [
        [
            "INSERT INTO person_roles VALUES ('person:ghost', 'Envoy', NULL, "
            "DATE '2025-01-01', DATE '2025-01-01', 1)"
        ]
    ],
    ("event_mentions", "foreign_keys_resolve"): [
        ["UPDATE event_mentions SET article_id = 'art-gone' WHERE mention_id = 'em-4'"]
    ],
    ("event_mention_participants", "foreign_keys_resolve"): [
        ["INSERT INTO event_mention_participants VALUES ('em-gone', 'person:bob', 'host')"],
        ["INSERT INTO event_mention_participants VALUES ('em-1', 'person:ghost', 'host')"],
    ],
    ("meeting_participants", "foreign_keys_resolve"): [
        [
            "INSERT INTO meeting_participants VALUES "
            "('mtg-gone', 'person:bob', 'Bob', 'PERSON', 'IND', NULL)"
        ]
    ],
    ("meeting_sources", "foreign_keys_resolve"): [
        ["UPDATE meeting_sources SET mention_id = 'em-gone' WHERE mention_id = 'em-4'"],
        ["UPDATE meeting_sources SET article_id = 'art-gone' WHERE mention_id = 'em-4'"],
    ],
    ("meeting_topics", "foreign_keys_resolve"): [
        ["INSERT INTO meeting_topics VALUES ('mtg-gone', 'trade')"]
    ],
    ("meetings", "keys_unique"): [_duplicate("meetings", "meeting_id = 'mtg-2'")],
    ("meetings", "foreign_keys_resolve"): [
        ["UPDATE meetings SET part_of = 'mtg-gone' WHERE meeting_id = 'mtg-3'"]
    ],
    ("meeting_countries", "keys_unique"): [
        _duplicate("meeting_countries", "meeting_id = 'mtg-1' AND country_iso3 = 'USA'")
    ],
    ("meeting_countries", "foreign_keys_resolve"): [
        ["INSERT INTO meeting_countries VALUES ('mtg-gone', 'USA', 'participant')"]
    ],
    ("event_mentions", "in_one_meeting"): [
        ["UPDATE event_mentions SET meeting_id = NULL WHERE mention_id = 'em-4'"],
        ["UPDATE event_mentions SET meeting_id = 'mtg-gone' WHERE mention_id = 'em-4'"],
    ],
    ("meetings", "meeting_dates_not_future"): [
        ["UPDATE meetings SET meeting_date = current_date + 30 WHERE meeting_id = 'mtg-3'"],
        # Reported on 2025-04-21 about a meeting "on" 2025-05-02: an announcement.
        ["UPDATE meetings SET meeting_date = DATE '2025-05-02' WHERE meeting_id = 'mtg-2'"],
    ],
    ("meetings", "meeting_has_two_parties"): [
        [
            "DELETE FROM meeting_participants "
            "WHERE meeting_id = 'mtg-3' AND entity_id = 'person:bob'"
        ],
        # The same person twice is still one party.
        [
            "UPDATE meeting_participants SET entity_id = 'person:alice' "
            "WHERE meeting_id = 'mtg-4' AND entity_id = 'person:bob'"
        ],
        # A participant's own state is no second party; only a group's members are.
        [
            "DELETE FROM meeting_participants "
            "WHERE meeting_id = 'mtg-3' AND entity_id = 'person:bob'",
            "INSERT INTO meeting_countries VALUES ('mtg-3', 'FRA', 'participant')",
        ],
    ],
    ("meetings", "meeting_date_span"): [
        ["UPDATE event_mentions SET event_date = DATE '2025-03-09' WHERE mention_id = 'em-2'"]
    ],
    ("entities", "entity_codes_valid"): [
        ["UPDATE entities SET country_iso3 = 'us' WHERE entity_id = 'person:alice'"],
        ["UPDATE entities SET entity_type = 'PER' WHERE entity_id = 'person:alice'"],
    ],
    ("meeting_participants", "participant_country_codes"): [
        # A place slug where the country code belongs (seen on the Reuters corpus).
        [
            "UPDATE meeting_participants SET country_iso3 = 'new-york' "
            "WHERE entity_id = 'person:carol'"
        ],
        ["UPDATE meeting_participants SET country_iso3 = 'GBR' WHERE entity_id = 'person:bob'"],
    ],
    ("entity_mentions", "entity_mention_offsets"): [
        ["UPDATE entity_mentions SET end_char = 500 WHERE entity_id = 'person:carol'"]
    ],
    ("event_mentions", "event_mention_offsets"): [
        ["UPDATE event_mentions SET start_char = 90, end_char = 95 WHERE mention_id = 'em-5'"]
    ],
    ("meeting_id_redirects", "redirects_retired_not_live"): [
        ["INSERT INTO meeting_id_redirects VALUES ('mtg-2', 'mtg-1', now())"]
    ],
    ("meeting_announcements", "keys_unique"): [
        _duplicate("meeting_announcements", "announcement_id = 'ann-1'")
    ],
    ("announcement_participants", "keys_unique"): [
        ["INSERT INTO announcement_participants VALUES ('ann-1', 'person:bob')"]
    ],
    ("meeting_announcements", "foreign_keys_resolve"): [
        # A meeting merged away or emptied must not stay linked.
        [
            "UPDATE meeting_announcements SET meeting_id = 'mtg-gone' "
            "WHERE announcement_id = 'ann-1'"
        ],
        [
            "UPDATE meeting_announcements SET article_id = 'art-gone' "
            "WHERE announcement_id = 'ann-3'"
        ],
        [
            "UPDATE meeting_announcements SET cancelled_by = 'ann-gone' "
            "WHERE announcement_id = 'ann-2'"
        ],
    ],
    ("announcement_participants", "foreign_keys_resolve"): [
        ["INSERT INTO announcement_participants VALUES ('ann-gone', 'person:bob')"],
        ["INSERT INTO announcement_participants VALUES ('ann-3', 'person:ghost')"],
    ],
    ("meeting_announcements", "announcement_status_consistent"): [
        # Held without its meeting; linked but not held; cancelled by nothing; unknown word.
        ["UPDATE meeting_announcements SET meeting_id = NULL WHERE announcement_id = 'ann-1'"],
        ["UPDATE meeting_announcements SET meeting_id = 'mtg-3' WHERE announcement_id = 'ann-3'"],
        ["UPDATE meeting_announcements SET cancelled_by = NULL WHERE announcement_id = 'ann-2'"],
        ["UPDATE meeting_announcements SET status = 'planned' WHERE announcement_id = 'ann-3'"],
    ],
    ("meeting_announcements", "announcement_not_a_mention"): [
        [
            "UPDATE meeting_announcements SET article_id = 'art-1', start_char = 0, "
            "end_char = 65 WHERE announcement_id = 'ann-1'"
        ]
    ],
    ("meeting_announcements", "announcement_offsets"): [
        ["UPDATE meeting_announcements SET end_char = 400 WHERE announcement_id = 'ann-1'"]
    ],
    ("meeting_id_redirects", "redirects_lead_to_meeting"): [
        ["INSERT INTO meeting_id_redirects VALUES ('mtg-old', 'mtg-gone', now())"],
        # A chain old -> mid -> gone ends nowhere.
        [
            "INSERT INTO meeting_id_redirects VALUES ('mtg-mid', 'mtg-gone', now())",
            "INSERT INTO meeting_id_redirects VALUES ('mtg-old', 'mtg-mid', now())",
        ],
    ],
}

CASES = [
    pytest.param(check, statements, id=f"{check.table}.{check.name}-{i}")
    for check in WAREHOUSE_CHECKS
    for i, statements in enumerate(BREAKAGES.get((check.table, check.name), []))
]


def _failures(warehouse: Path, check: WarehouseCheck) -> list[tuple[object, ...]]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        prepare_connection(con)
        return check.failures(con)


def test_every_check_has_a_breakage_and_every_table_a_check() -> None:
    keys = {(c.table, c.name) for c in WAREHOUSE_CHECKS}
    assert len(keys) == len(WAREHOUSE_CHECKS), "check names must be unique per table"
    assert keys == set(BREAKAGES)
    from warehouse.publish import PUBLISHED_TABLES

    assert {c.table for c in WAREHOUSE_CHECKS} == set(PUBLISHED_TABLES)


def test_the_rules_that_mean_wrong_data_block() -> None:
    blocking = {(c.table, c.name) for c in WAREHOUSE_CHECKS if c.blocking}
    assert {
        ("meetings", "keys_unique"),
        ("meetings", "meeting_dates_not_future"),
        ("meetings", "meeting_has_two_parties"),
        ("meeting_participants", "foreign_keys_resolve"),
    } <= blocking


def _only_participant(
    con: duckdb.DuckDBPyConnection, entity_id: str, name: str, entity_type: str
) -> None:
    """Make ``entity_id`` the one participant of meeting mtg-3."""
    con.execute(
        "UPDATE meeting_participants SET entity_id = ?, canonical_name = ?, entity_type = ?, "
        "country_iso3 = NULL WHERE meeting_id = 'mtg-3' AND entity_id = 'person:bob'",
        [entity_id, name, entity_type],
    )
    con.execute(
        "DELETE FROM meeting_participants WHERE meeting_id = 'mtg-3' AND entity_id <> ?",
        [entity_id],
    )


def test_a_group_of_states_is_parties_enough(tiny_warehouse: Path) -> None:
    # "G-7 finance ministers met": one participant, the group, whose members are the parties.
    (check,) = [c for c in WAREHOUSE_CHECKS if c.name == "meeting_has_two_parties"]
    with duckdb.connect(str(tiny_warehouse)) as con:
        _only_participant(con, "org:g7", "G7", "ORG")
        con.execute(
            "INSERT INTO meeting_countries VALUES ('mtg-3', 'CAN', 'membership'), "
            "('mtg-3', 'DEU', 'membership')"
        )
    assert _failures(tiny_warehouse, check) == []


def test_a_summit_named_as_itself_is_parties_enough(tiny_warehouse: Path) -> None:
    # "met Lula on the margins of the Summit for Democracy": the summit's one participant is
    # the summit, whose attendees are the parties; as a plain meeting it still fails.
    (check,) = [c for c in WAREHOUSE_CHECKS if c.name == "meeting_has_two_parties"]
    with duckdb.connect(str(tiny_warehouse)) as con:
        _only_participant(con, "event:summit-for-democracy", "Summit for Democracy", "EVENT")
        con.execute("UPDATE meetings SET kind = 'meeting' WHERE meeting_id = 'mtg-3'")
    assert _failures(tiny_warehouse, check) != []
    with duckdb.connect(str(tiny_warehouse)) as con:
        con.execute("UPDATE meetings SET kind = 'summit' WHERE meeting_id = 'mtg-3'")
    assert _failures(tiny_warehouse, check) == []


@pytest.mark.parametrize("check", WAREHOUSE_CHECKS, ids=lambda c: f"{c.table}.{c.name}")
def test_check_passes_on_the_good_warehouse(tiny_warehouse: Path, check: WarehouseCheck) -> None:
    assert _failures(tiny_warehouse, check) == []


@pytest.mark.parametrize(("check", "statements"), CASES)
def test_check_fails_on_a_broken_warehouse(
    tiny_warehouse: Path, check: WarehouseCheck, statements: list[str]
) -> None:
    with duckdb.connect(str(tiny_warehouse)) as con:
        for statement in statements:
            con.execute(statement)
    assert _failures(tiny_warehouse, check) != []
