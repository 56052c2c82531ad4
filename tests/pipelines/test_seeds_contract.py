"""The built-in seeds yield what shared/CONTRACT.md section 4 promises, end to end."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import duckdb
import pytest
from dagster import DagsterInstance, materialize

from assets.entities import staged_entity_mentions
from assets.ingest import staged_articles
from assets.mentions import staged_event_mentions
from assets.partitions import drops_partitions
from assets.publish import warehouse_tables
from assets.resources import ParleyPaths
from parley.settings import DEMO_DROP

MEETINGS_SQL = """
SELECT m.meeting_id, m.kind, m.meeting_date, m.date_precision, m.location,
       list(p.canonical_name || '|' || coalesce(p.country_iso3, '') ORDER BY p.canonical_name)
FROM meetings m JOIN meeting_participants p USING (meeting_id)
GROUP BY ALL
"""


@pytest.fixture(scope="module")
def seeds_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("seeds")
    drops = root / "drops"
    shutil.copytree(DEMO_DROP, drops / "seeds")
    paths = ParleyPaths(drops_dir=str(drops), warehouse_path=str(root / "parley.duckdb"))
    resources = {"paths": paths}
    per_drop = [staged_articles, staged_entity_mentions, staged_event_mentions]
    with DagsterInstance.ephemeral() as instance:
        instance.add_dynamic_partitions(drops_partitions.name, ["seeds"])
        assert materialize(per_drop, instance=instance, partition_key="seeds", resources=resources)
        assert materialize([warehouse_tables], instance=instance, resources=resources)
    return paths.warehouse


def _meetings(warehouse: Path) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(MEETINGS_SQL).fetchall()


def _find(rows: list[tuple], kind: str, *names: str) -> tuple:
    found = [r for r in rows if r[1] == kind and all(any(n in p for p in r[5]) for n in names)]
    assert found, f"no {kind} with {names} in {rows}"
    return found[0]


def test_sullivan_doval_phone_call_on_the_wednesday_before(seeds_warehouse: Path) -> None:
    row = _find(_meetings(seeds_warehouse), "phone_call", "Jake Sullivan|USA", "Ajit Doval|IND")
    assert (row[2], row[3]) == (dt.date(2024, 10, 30), "day")
    assert row[4] is None


def test_jaishankar_rubio_in_washington(seeds_warehouse: Path) -> None:
    row = _find(_meetings(seeds_warehouse), "meeting", "S Jaishankar|IND", "Marco Rubio|USA")
    assert (row[2], row[3]) == (dt.date(2025, 7, 1), "day")
    assert "Washington" in row[4]


@pytest.mark.parametrize(
    ("counterpart", "places"),
    [("Pete Hegseth|USA", {"Pentagon", "Washington"}), ("Penny Wong|AUS", {"Washington"})],
)
def test_jaishankar_other_meetings_in_july_2025(
    seeds_warehouse: Path, counterpart: str, places: set[str]
) -> None:
    row = _find(_meetings(seeds_warehouse), "meeting", "S Jaishankar|IND", counterpart)
    assert row[2] is not None and (row[2].year, row[2].month) == (2025, 7)
    assert row[4] is None or any(place in row[4] for place in places)


def test_quad_foreign_ministers_meeting_with_the_rubio_meeting_on_its_sidelines(
    seeds_warehouse: Path,
) -> None:
    rows = _meetings(seeds_warehouse)
    quad = _find(rows, "meeting", "Quad|")
    assert (quad[2], quad[3]) == (dt.date(2025, 7, 1), "day")
    assert "Washington" in quad[4]
    rubio = _find(rows, "meeting", "S Jaishankar|IND", "Marco Rubio|USA")
    with duckdb.connect(str(seeds_warehouse), read_only=True) as con:
        countries = con.execute(
            "SELECT list(country_iso3 ORDER BY country_iso3) FROM meeting_countries "
            "WHERE meeting_id = ?",
            [quad[0]],
        ).fetchall()[0][0]
        part_of = dict(con.execute("SELECT meeting_id, part_of FROM meetings").fetchall())
    assert countries == ["AUS", "IND", "JPN", "USA"]
    assert part_of[rubio[0]] == quad[0]
    assert part_of[quad[0]] is None


def test_roles_and_topics(seeds_warehouse: Path) -> None:
    with duckdb.connect(str(seeds_warehouse), read_only=True) as con:
        roles = set(
            con.execute(
                "SELECT e.canonical_name, r.role, r.country_iso3 "
                "FROM person_roles r JOIN entities e USING (entity_id)"
            ).fetchall()
        )
        topics = {t for (t,) in con.execute("SELECT DISTINCT topic FROM meeting_topics").fetchall()}
    assert {
        ("Jake Sullivan", "National Security Advisor", "USA"),
        ("Ajit Doval", "National Security Advisor", "IND"),
        ("S Jaishankar", "External Affairs Minister", "IND"),
        ("Marco Rubio", "Secretary of State", "USA"),
        ("Penny Wong", "Foreign Minister", "AUS"),
    } <= roles
    assert any(
        name == "Pete Hegseth" and role.startswith("Secretary of Def") for name, role, _ in roles
    )
    assert {"trade", "security"} <= topics


def test_the_upcoming_icet_intersessional_and_indian_ocean_dialogue_are_announcements(
    seeds_warehouse: Path,
) -> None:
    with duckdb.connect(str(seeds_warehouse), read_only=True) as con:
        rows = con.execute(
            "SELECT n.event_name, n.kind, n.status, n.meeting_id, "
            "list(p.entity_id ORDER BY p.entity_id) "
            "FROM meeting_announcements n JOIN announcement_participants p USING (announcement_id) "
            "GROUP BY ALL ORDER BY n.event_name"
        ).fetchall()
        headlines = [h for (h,) in con.execute("SELECT headline FROM meetings").fetchall()]
    assert rows == [
        ("Indian Ocean Dialogue", "meeting", "announced", None, ["gpe:IND", "gpe:USA"]),
        ("iCET Intersessional", "meeting", "announced", None, ["gpe:IND", "gpe:USA"]),
    ]
    # Announcements, not meetings: no meeting is either of them.
    assert not any("Dialogue" in h or "Intersessional" in h for h in headlines)
