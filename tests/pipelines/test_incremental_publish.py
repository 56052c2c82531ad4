"""Drops published one by one give, after every publish, the tables a full rebuild from every
staged drop gives: row for row, in every published table.

The drops are real extractions (every other one of the Reuters articles of the meetings
evaluation, dealt into five drops in turn), plus the cases an increment must follow: a later
copy of a published article (the published copy stays), a new article with a published
article's body dated earlier (the published one becomes its duplicate), drops whose meetings
merge published ones, and a report that pairs with one report of a published meeting.

And the cases that reach past a new report's own parties (``CASES``; each makes the
comparison fail when the part of the scope that follows it is switched off): a report naming
both people of a published meeting by other variants of their names ("JD Vance", "Jen
Klein"), then a drop that makes the other variant of one of them the one named most (the
meeting's participant changes, with no new report of it); a side meeting and the group
meeting it was held at, in either order across drops (``part_of``); an announcement whose
meeting is reported in a later drop (held), and one called off by a later article
(cancelled); titles seen in later drops that change the title a published meeting's
participant takes (a first title, a title whose span grew to reach the meeting, one of two
titles whose order changed).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from parley.entities import extract_entities
from parley.ingest.parse import article_id_for, content_hash, ingest_drop
from parley.mentions import extract_event_mentions
from parley.records import (
    Announcement,
    AnnouncementParticipant,
    Article,
    EntityMention,
    EventMention,
    EventParticipant,
    RoleObservation,
    group_entities,
)
from warehouse import staging
from warehouse.publish import FULL, INCREMENTAL, PUBLISHED_TABLES, publish_warehouse
from warehouse.staging import StagingArea

ARTICLES = Path(__file__).parents[1] / "data" / "meetings" / "reuters" / "articles.jsonl"
N_DROPS = 5
START = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)
# Reports of a Kuroda-Smith meeting, by drop: two days apart in the first two drops (two
# meetings), until a report of the day between arrives in the third (one meeting: a merge and
# a redirect); the fourth drop's report dated only by its month joins it. The fifth drop's
# report of another meeting early in July can pair with that month-dated report only: its
# publish must take in the whole June meeting. The second report also gives Kuroda a title.
PARTIES = (("person:makoto-kuroda", "Makoto Kuroda"), ("person:michael-smith", "Michael Smith"))
BRIDGE: dict[int, list[tuple[str, str, str, str]]] = {
    1: [("bridge-x", "1987-06-03", "1987-06-01", "day")],
    2: [("bridge-y", "1987-06-04", "1987-06-03", "day")],
    3: [("bridge-z", "1987-06-05", "1987-06-02", "day")],
    4: [("bridge-m", "1987-06-08", "1987-06-01", "month")],
    5: [("bridge-late", "1987-07-06", "1987-07-03", "day")],
}

# The people and groups of CASES: entity id -> (name, type, country). No state for the name
# variants, so that no shared country brings a published report into a new one's scope.
NAMED = {
    "person:j-d-vance": ("J.D. Vance", "PERSON", None),
    "person:jd-vance": ("JD Vance", "PERSON", None),
    "person:jennifer-klein": ("Jennifer Klein", "PERSON", None),
    "person:jen-klein": ("Jen Klein", "PERSON", None),
    "org:quad": ("Quad", "ORG", None),
    "person:s-jaishankar": ("S Jaishankar", "PERSON", "IND"),
    "person:marco-rubio": ("Marco Rubio", "PERSON", "USA"),
    "person:penny-wong": ("Penny Wong", "PERSON", "AUS"),
    "person:yoko-kamikawa": ("Yoko Kamikawa", "PERSON", "JPN"),
    "person:jake-sullivan": ("Jake Sullivan", "PERSON", "USA"),
    "person:ajit-doval": ("Ajit Doval", "PERSON", "IND"),
    "person:abdel-fattah-al-sisi": ("Abdel Fattah Al-Sisi", "PERSON", None),
    "person:tamim-bin-hamad-al-thani": ("Tamim bin Hamad Al-Thani", "PERSON", None),
    "person:anwar-ibrahim": ("Anwar Ibrahim", "PERSON", "MYS"),
    "person:lee-hsien-loong": ("Lee Hsien Loong", "PERSON", "SGP"),
    "person:gabriel-boric": ("Gabriel Boric", "PERSON", "CHL"),
    "person:gustavo-petro": ("Gustavo Petro", "PERSON", "COL"),
}
ANWAR, LEE = "person:anwar-ibrahim", "person:lee-hsien-loong"
QUAD = "org:quad"
VANCE_KLEIN = ("person:j-d-vance", "person:jennifer-klein")


@dataclass(frozen=True)
class Report:
    """An article reporting one meeting (or announcing one, ``announced``: its stated status)."""

    source_ref: str
    published: str
    parties: tuple[str, ...]
    held: str
    kind: str = "meeting"
    setting: str | None = None
    announced: str | None = None


# By drop. The variants: drop 2 has J.D. Vance meet Jennifer Klein (and names both once
# more, NAMES_ONLY), drop 3 JD Vance meet Jen Klein that day (one meeting of J.D. Vance and
# Jennifer Klein, the variants named most: only they reach the first report), and drop 4
# names Jen Klein twice (only names: the meeting's participant becomes her). The Quad
# meets in drop 1 and Jaishankar meets Rubio on its sidelines in drop 2; a later side
# meeting (of people of no known state) comes in drop 3, its Quad meeting in drop 4. Wong
# and Kamikawa's meeting is announced in drop 3 and reported in drop 4; Sullivan and
# Doval's, announced in drop 4, is called off in drop 5.
CASES: dict[int, list[Report]] = {
    1: [
        Report("quad-fmm", "2025-07-02", (QUAD,), "2025-07-01"),
        Report("anwar-lee", "2024-03-11", (ANWAR, LEE), "2024-03-10"),
        Report(
            "boric-petro",
            "2024-05-11",
            ("person:gabriel-boric", "person:gustavo-petro"),
            "2024-05-10",
        ),
    ],
    2: [
        Report("vance-a", "2025-04-22", VANCE_KLEIN, "2025-04-21"),
        Report(
            "side-a",
            "2025-07-03",
            ("person:s-jaishankar", "person:marco-rubio"),
            "2025-07-02",
            setting=QUAD,
        ),
    ],
    3: [
        Report("vance-b", "2025-04-23", ("person:jd-vance", "person:jen-klein"), "2025-04-21"),
        Report(
            "side-b",
            "2025-11-11",
            ("person:abdel-fattah-al-sisi", "person:tamim-bin-hamad-al-thani"),
            "2025-11-10",
            setting=QUAD,
        ),
        Report(
            "wong-soon",
            "2025-09-05",
            ("person:penny-wong", "person:yoko-kamikawa"),
            "2025-09-10",
            announced="announced",
        ),
    ],
    4: [
        Report("quad-late", "2025-11-12", (QUAD,), "2025-11-11"),
        Report(
            "wong-met", "2025-09-11", ("person:penny-wong", "person:yoko-kamikawa"), "2025-09-10"
        ),
        Report(
            "doval-soon",
            "2025-10-15",
            ("person:jake-sullivan", "person:ajit-doval"),
            "2025-10-20",
            announced="announced",
        ),
    ],
    5: [
        Report(
            "doval-off",
            "2025-10-17",
            ("person:jake-sullivan", "person:ajit-doval"),
            "2025-10-20",
            announced="cancelled",
        ),
    ],
}
# Articles that only name someone, and maybe give them a title (drop -> (source_ref,
# published, entity id, role) per article). Anwar and Lee meet in drop 1, each titled Prime
# Minister the day after. Drop 3 gives Anwar a new title on the meeting's day (it wins: a
# new role); drop 4 gives Lee one a fortnight later (Prime Minister stays nearer), and drop 5
# sees it again on the meeting's day (it wins: a title whose span grew, among two). Drop 3
# also gives Boric, untitled when he met Petro in drop 1, his first title; Petro's, seen in
# drop 2 long before that meeting, reaches it once drop 4 sees it again (a span that grew).
# Nothing else of those drops comes near those meetings.
NAMES_ONLY: dict[int, list[tuple[str, str, str, str | None]]] = {
    1: [
        ("anwar-pm", "2024-03-11", ANWAR, "Prime Minister"),
        ("lee-pm", "2024-03-11", LEE, "Prime Minister"),
    ],
    2: [
        ("vance-0", "2025-04-01", "person:j-d-vance", None),
        ("klein-0", "2025-04-01", "person:jennifer-klein", None),
        ("petro-title-1", "2022-08-07", "person:gustavo-petro", "President"),
    ],
    3: [
        ("anwar-title", "2024-03-10", ANWAR, "Finance Minister"),
        ("boric-title", "2024-05-12", "person:gabriel-boric", "President"),
    ],
    4: [
        ("klein-1", "2025-05-01", "person:jen-klein", None),
        ("klein-2", "2025-05-02", "person:jen-klein", None),
        ("lee-title-1", "2024-03-25", LEE, "Senior Minister"),
        ("petro-title-2", "2024-04-30", "person:gustavo-petro", "President"),
    ],
    5: [("lee-title-2", "2024-03-10", LEE, "Senior Minister")],
}


@dataclass(frozen=True)
class StagedDrop:
    """One drop's staged records, as the per-drop assets write them."""

    drop_id: str
    tables: dict[str, list[object]]

    def write(self, area: StagingArea, stamp: dt.datetime) -> None:
        for table in staging.STAGED_TABLES:
            area.write(self.drop_id, table, self.tables[table.name], stamp=stamp)


def _drop_records() -> list[list[dict[str, object]]]:
    """The articles in drops by date, with a re-sent copy and an earlier-dated twin body."""
    records = [json.loads(line) for line in ARTICLES.read_text().splitlines() if line.strip()]
    # Every other one, for time: 222 articles, 59 of them with event mentions.
    records = sorted(records, key=lambda r: (r["date"], r["id"]))[::2]
    # In turn, so that the reports of one meeting land in different drops.
    drops = [records[n::N_DROPS] for n in range(N_DROPS)]
    # The same article sent again later (same id): the published copy is kept.
    drops[3].append(dict(drops[0][5]))
    # Another wire's copy of a published body, dated a day before it: the published article
    # becomes the duplicate of the new one.
    twin = drops[1][3]
    earlier = (dt.date.fromisoformat(str(twin["date"])) - dt.timedelta(days=1)).isoformat()
    drops[4].append({**twin, "id": f"twin-{twin['id']}", "date": earlier})
    return drops


@pytest.fixture(scope="module")
def staged_drops(tmp_path_factory: pytest.TempPathFactory) -> list[StagedDrop]:
    """Each drop ingested and extracted as the per-drop assets do, once for the module."""
    root = tmp_path_factory.mktemp("drops")
    drops = []
    for n, records in enumerate(_drop_records(), start=1):
        drop_id = f"drop-{n}"
        folder = root / drop_id
        folder.mkdir()
        lines = (json.dumps(record) for record in records)
        (folder / "articles.jsonl").write_text("\n".join(lines) + "\n")
        ingested = ingest_drop(folder, drop_id)
        entities = extract_entities(ingested.articles, n_process=1)
        grouped = group_entities(ingested.articles, entities.mentions, entities.roles)
        found = extract_event_mentions(grouped, n_process=1)
        tables: dict[str, list[object]] = {
            staging.ARTICLES.name: list(ingested.articles),
            staging.REJECTED_INPUTS.name: list(ingested.rejected),
            staging.ENTITY_MENTIONS.name: list(entities.mentions),
            staging.ROLE_OBSERVATIONS.name: list(entities.roles),
            staging.EVENT_MENTIONS.name: list(found.events),
            staging.EVENT_PARTICIPANTS.name: list(found.participants),
            staging.PARTY_MENTIONS.name: list(found.described),
            staging.ENTITY_FAILURES.name: list(entities.failures),
            staging.MENTION_FAILURES.name: list(found.failures),
            staging.ANNOUNCEMENTS.name: list(found.announcements),
            staging.ANNOUNCEMENT_PARTICIPANTS.name: list(found.announcement_participants),
        }
        for report in BRIDGE.get(n, []):
            _add_bridge_report(tables, drop_id, *report)
        for case in CASES.get(n, []):
            _add_report(tables, drop_id, case)
        for source_ref, published, entity_id, role in NAMES_ONLY.get(n, []):
            _add_names(tables, drop_id, source_ref, published, entity_id, role)
        drops.append(StagedDrop(drop_id, tables))
    return drops


def _add_article(
    tables: dict[str, list[object]],
    drop_id: str,
    source_ref: str,
    published: str,
    body: str,
    names: tuple[str, ...],
) -> Article:
    """An article of ``body`` naming the entities ``names`` (of ``NAMED``), as staged."""
    sha = content_hash(body)
    article = Article(
        article_id_for(source_ref, sha),
        source_ref,
        drop_id,
        dt.date.fromisoformat(published),
        None,
        None,
        "Wire",
        body,
        sha,
    )
    tables[staging.ARTICLES.name].append(article)
    for entity_id in names:
        name, kind, country = NAMED[entity_id]
        start = body.index(name)
        tables[staging.ENTITY_MENTIONS.name].append(
            EntityMention(
                article.article_id,
                entity_id,
                name,
                kind,
                country,
                name,
                kind,
                start,
                start + len(name),
            )
        )
    return article


def _add_bridge_report(
    tables: dict[str, list[object]],
    drop_id: str,
    source_ref: str,
    published: str,
    held: str,
    precision: str,
) -> None:
    """A report of a Kuroda-Smith meeting held on ``held`` (its day, or only its month), as
    the extraction stages it."""
    body = f"Makoto Kuroda met Michael Smith on {held} ({source_ref})."
    article = _add_article(tables, drop_id, source_ref, published, body, ())
    article_id = article.article_id
    for entity_id, name in PARTIES:
        start = body.index(name)
        tables[staging.ENTITY_MENTIONS.name].append(
            EntityMention(
                article_id,
                entity_id,
                name,
                "PERSON",
                None,
                name,
                "PERSON",
                start,
                start + len(name),
            )
        )
    if source_ref == "bridge-y":
        tables[staging.ROLE_OBSERVATIONS.name].append(
            RoleObservation(
                article_id, PARTIES[0][0], "vice minister", "JPN", article.published_date
            )
        )
    mention_id = f"{article_id}#0"
    tables[staging.EVENT_MENTIONS.name].append(
        EventMention(
            mention_id,
            article_id,
            "meeting",
            dt.date.fromisoformat(held),
            precision,
            held,
            None,
            None,
            body,
            0,
            len(body),
            0.9,
        )
    )
    for entity_id, _ in PARTIES:
        tables[staging.EVENT_PARTICIPANTS.name].append(
            EventParticipant(mention_id, entity_id, "participant")
        )


def _add_report(tables: dict[str, list[object]], drop_id: str, report: Report) -> None:
    """An article stating ``report``'s meeting, or announcing it, as the extraction stages
    it."""
    names = " and ".join(NAMED[p][0] for p in report.parties)
    verb = {None: "met", "announced": "will meet", "cancelled": "called off their meeting"}
    body = f"{names} {verb[report.announced]} on {report.held} ({report.source_ref})."
    article = _add_article(
        tables, drop_id, report.source_ref, report.published, body, report.parties
    )
    held = dt.date.fromisoformat(report.held)
    start = body.index(verb[report.announced])
    end = start + len(verb[report.announced])
    if report.announced is not None:
        announcement_id = f"ann-{article.article_id}"
        tables[staging.ANNOUNCEMENTS.name].append(
            Announcement(
                announcement_id,
                article.article_id,
                report.kind,
                held,
                "day",
                report.held,
                None,
                None,
                None,
                body,
                start,
                end,
                report.announced,
            )
        )
        for entity_id in report.parties:
            tables[staging.ANNOUNCEMENT_PARTICIPANTS.name].append(
                AnnouncementParticipant(announcement_id, entity_id)
            )
        return
    mention_id = f"{article.article_id}#0"
    tables[staging.EVENT_MENTIONS.name].append(
        EventMention(
            mention_id,
            article.article_id,
            report.kind,
            held,
            "day",
            report.held,
            None,
            None,
            body,
            start,
            end,
            0.9,
            setting=report.setting,
        )
    )
    for entity_id in report.parties:
        tables[staging.EVENT_PARTICIPANTS.name].append(
            EventParticipant(mention_id, entity_id, "participant")
        )


def _add_names(
    tables: dict[str, list[object]],
    drop_id: str,
    source_ref: str,
    published: str,
    entity_id: str,
    role: str | None,
) -> None:
    """An article that only names ``entity_id``, with ``role`` as their title if given."""
    body = f"{NAMED[entity_id][0]} spoke ({source_ref})."
    article = _add_article(tables, drop_id, source_ref, published, body, (entity_id,))
    if role is not None:
        tables[staging.ROLE_OBSERVATIONS.name].append(
            RoleObservation(
                article.article_id, entity_id, role, NAMED[entity_id][2], article.published_date
            )
        )


def _tables(warehouse: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every published table's rows, sorted (a table's row order is not part of it)."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {
            table: sorted(con.execute(f"FROM main.{table}").fetchall(), key=repr)
            for table in PUBLISHED_TABLES
        }


def test_drops_published_in_turn_equal_a_rebuild_after_each(
    staged_drops: list[StagedDrop], tmp_path: Path
) -> None:
    incremental = tmp_path / "incremental" / "parley.duckdb"
    rebuilt = tmp_path / "rebuilt" / "parley.duckdb"
    areas = {path: StagingArea.for_warehouse(path) for path in (incremental, rebuilt)}
    modes = []
    for step, drop in enumerate(staged_drops):
        now = START + dt.timedelta(hours=step)
        for area in areas.values():
            drop.write(area, now)
        modes.append(publish_warehouse(areas[incremental], incremental, now).mode)
        assert publish_warehouse(areas[rebuilt], rebuilt, now, rebuild=True).mode == FULL
        got, expected = _tables(incremental), _tables(rebuilt)
        for table in PUBLISHED_TABLES:
            assert got[table] == expected[table], (drop.drop_id, table)
    assert modes == [FULL] + [INCREMENTAL] * (len(staged_drops) - 1)
    # The cases above happened: meetings merged across drops, and the twin took over a body.
    with duckdb.connect(str(incremental), read_only=True) as con:
        (n_redirects,) = con.execute("SELECT count(*) FROM meeting_id_redirects").fetchone()
        (twin_first,) = con.execute(
            "SELECT count(*) FROM articles AS a JOIN articles AS t "
            "ON a.duplicate_of = t.article_id WHERE t.source_ref LIKE 'twin-%'"
        ).fetchone()
    assert n_redirects > 0
    assert twin_first > 0
    _assert_cases_happened(incremental)


def _assert_cases_happened(warehouse: Path) -> None:
    """The cases of CASES came out as they should (the rebuild agrees, so both did)."""
    with duckdb.connect(str(warehouse), read_only=True) as con:

        def meeting_of(source_ref: str) -> str:
            return con.execute(
                "SELECT DISTINCT s.meeting_id FROM meeting_sources AS s "
                "JOIN articles AS a USING (article_id) WHERE a.source_ref = ?",
                [source_ref],
            ).fetchall()[0][0]

        def announcement_of(source_ref: str) -> tuple[object, ...]:
            return con.execute(
                "SELECT n.status, n.meeting_id, c.source_ref FROM meeting_announcements AS n "
                "JOIN articles AS a USING (article_id) "
                "LEFT JOIN meeting_announcements AS x ON x.announcement_id = n.cancelled_by "
                "LEFT JOIN articles AS c ON c.article_id = x.article_id WHERE a.source_ref = ?",
                [source_ref],
            ).fetchall()[0]

        vance = meeting_of("vance-a")
        assert meeting_of("vance-b") == vance
        participants = con.execute(
            "SELECT entity_id FROM meeting_participants WHERE meeting_id = ? ORDER BY 1", [vance]
        ).fetchall()
        assert participants == [("person:j-d-vance",), ("person:jen-klein",)]

        def part_of(source_ref: str) -> str | None:
            return con.execute(
                "SELECT part_of FROM meetings WHERE meeting_id = ?", [meeting_of(source_ref)]
            ).fetchall()[0][0]

        assert part_of("side-a") == meeting_of("quad-fmm")
        assert part_of("side-b") == meeting_of("quad-late")
        assert announcement_of("wong-soon") == ("held", meeting_of("wong-met"), None)
        assert announcement_of("doval-soon") == ("cancelled", None, "doval-off")
        roles = con.execute(
            "SELECT entity_id, role FROM meeting_participants WHERE meeting_id = ? ORDER BY 1",
            [meeting_of("anwar-lee")],
        ).fetchall()
        assert roles == [(ANWAR, "Finance Minister"), (LEE, "Senior Minister")]
        boric_petro = con.execute(
            "SELECT entity_id, role FROM meeting_participants WHERE meeting_id = ? ORDER BY 1",
            [meeting_of("boric-petro")],
        ).fetchall()
        assert boric_petro == [
            ("person:gabriel-boric", "President"),
            ("person:gustavo-petro", "President"),
        ]
