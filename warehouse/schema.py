"""The published warehouse's schema, declared once: tables, columns, types, keys, comments.

Everything else is derived from this module: the DDL a publish runs (``ddl()``), the row
counts and previews of the publish step (``PUBLISHED_TABLES``), the asset descriptions, and
the tests' expectations of the published file. The staged per-drop tables are the record
dataclasses of ``parley.records`` plus the columns a per-drop asset adds
(``warehouse.staging``). ``shared/CONTRACT.md`` section 3 names the columns users may rely
on; ``tests/test_schema.py`` checks that every one of them is declared here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    """A column: its SQL type, whether it may be NULL, and what it means (if worth saying)."""

    name: str
    sql_type: str
    nullable: bool = True
    comment: str | None = None


@dataclass(frozen=True)
class Table:
    """A published table: one row per ``grain``, its columns and primary key."""

    name: str
    comment: str
    columns: tuple[Column, ...]
    primary_key: str | None = None

    @property
    def column_names(self) -> tuple[str, ...]:
        """The column names, in table order."""
        return tuple(column.name for column in self.columns)

    def ddl(self) -> str:
        """``CREATE TABLE`` and ``COMMENT ON`` statements for this table."""
        lines = []
        for column in self.columns:
            constraint = " PRIMARY KEY" if column.name == self.primary_key else ""
            if not constraint and not column.nullable:
                constraint = " NOT NULL"
            lines.append(f"    {column.name} {column.sql_type}{constraint}")
        statements = [f"CREATE TABLE {self.name} (\n" + ",\n".join(lines) + "\n);"]
        statements.append(f"COMMENT ON TABLE {self.name} IS {_quote(self.comment)};")
        statements += [
            f"COMMENT ON COLUMN {self.name}.{c.name} IS {_quote(c.comment)};"
            for c in self.columns
            if c.comment
        ]
        return "\n".join(statements)


def _quote(text: str) -> str:
    """A SQL string literal (the comments are constants of this module, never user text)."""
    return "'" + text.replace("'", "''") + "'"


def _req(name: str, sql_type: str, comment: str | None = None) -> Column:
    """A NOT NULL column."""
    return Column(name, sql_type, nullable=False, comment=comment)


def _opt(name: str, sql_type: str, comment: str | None = None) -> Column:
    """A nullable column."""
    return Column(name, sql_type, nullable=True, comment=comment)


_TS = "TIMESTAMP WITH TIME ZONE"

ARTICLES = Table(
    "articles",
    "One row per accepted input record (a .txt file or a JSONL line), deduplicated by "
    "article_id across drops.",
    (
        _req(
            "article_id",
            "VARCHAR",
            "Stable key: hash of source_ref and body; the same file dropped twice is one row.",
        ),
        _req(
            "source_ref",
            "VARCHAR",
            "The .txt file name relative to its drop folder, or the JSONL record id.",
        ),
        _req(
            "drop_id",
            "VARCHAR",
            "The drop (folder name, Dagster partition key) the article first arrived in.",
        ),
        _req("published_date", "DATE", "The date given by the input (date line or JSONL date)."),
        _opt("title", "VARCHAR"),
        _opt("dateline", "VARCHAR"),
        _opt(
            "outlet",
            "VARCHAR",
            "The outlet: JSONL outlet/source, or a trailing attribution line such as "
            '"Based On ANI Report".',
        ),
        _opt("url", "VARCHAR"),
        _req("body", "VARCHAR"),
        _req("content_sha256", "VARCHAR", "SHA-256 of the body text."),
        _opt(
            "duplicate_of",
            "VARCHAR",
            "article_id of the earliest article with an identical body, else NULL.",
        ),
        _opt(
            "input_flags",
            "VARCHAR",
            "Repairs made while reading the input (e.g. non_utf8), else NULL.",
        ),
        _req("ingested_at", _TS),
    ),
    primary_key="article_id",
)

REJECTED_INPUTS = Table(
    "rejected_inputs",
    "One row per input file or record that could not become an article. The rest of its "
    "drop went through.",
    (
        _req("drop_id", "VARCHAR"),
        _req(
            "source_ref",
            "VARCHAR",
            "File name relative to the drop folder (bytes that are not UTF-8 escaped, \\xff); "
            "for a JSONL record, file:line; for a processing_error of an article, its "
            "source_ref as an article.",
        ),
        _req("reason", "VARCHAR", "Short reason code; see the Operations section of the README."),
        _opt("detail", "VARCHAR"),
        _req("seen_at", _TS),
    ),
)

ENTITIES = Table(
    "entities",
    "One row per canonical entity (person, organisation, country, ...) found in the articles.",
    (
        _req("entity_id", "VARCHAR", "Deterministic key such as person:james-baker or gpe:USA."),
        _req("canonical_name", "VARCHAR"),
        _req("entity_type", "VARCHAR", "PERSON, ORG, GPE, NORP, LOC, FAC or EVENT."),
        _opt(
            "country_iso3",
            "VARCHAR",
            "ISO 3166 alpha-3 of the country (for a person: the country they serve), else "
            "NULL. USSR is SUN.",
        ),
        _req("n_mentions", "BIGINT"),
        _req("n_articles", "BIGINT"),
    ),
    primary_key="entity_id",
)

ENTITY_ALIASES = Table(
    "entity_aliases",
    "One row per surface form under which an entity was found.",
    (_req("entity_id", "VARCHAR"), _req("alias", "VARCHAR")),
)

ENTITY_MENTIONS = Table(
    "entity_mentions",
    "One row per entity occurrence in an article body.",
    (
        _req("article_id", "VARCHAR"),
        _req("entity_id", "VARCHAR"),
        _req("mention_text", "VARCHAR"),
        _req("label", "VARCHAR", "The NER or rule label that produced the mention."),
        _req(
            "start_char",
            "INTEGER",
            "Offset of the mention in articles.body (characters, 0-based).",
        ),
        _req("end_char", "INTEGER"),
    ),
)

PERSON_ROLES = Table(
    "person_roles",
    "One row per (person, role) the texts give, e.g. External Affairs Minister of IND.",
    (
        _req("entity_id", "VARCHAR"),
        _req("role", "VARCHAR"),
        _opt("country_iso3", "VARCHAR"),
        _req("first_seen", "DATE", "Publication date of the first article that gives the role."),
        _req("last_seen", "DATE"),
        _req("n_articles", "BIGINT"),
    ),
)

EVENT_MENTIONS = Table(
    "event_mentions",
    "One row per meeting, call or visit that one article states took place.",
    (
        _req("mention_id", "VARCHAR"),
        _req("article_id", "VARCHAR"),
        _req("kind", "VARCHAR", "meeting, phone_call, video_call, visit, summit or negotiation."),
        _opt(
            "event_date",
            "DATE",
            "The day it happened, resolved from the text against the dateline or publication date.",
        ),
        _opt(
            "date_precision", "VARCHAR", "day, month, or NULL when the text gives no usable date."
        ),
        _opt("date_text", "VARCHAR", "The words the date was resolved from."),
        _opt("location", "VARCHAR"),
        _opt("location_iso3", "VARCHAR"),
        _req("sentence", "VARCHAR", "The sentence that states the event."),
        _req("start_char", "INTEGER"),
        _req("end_char", "INTEGER"),
        _req("confidence", "DOUBLE"),
        _opt("meeting_id", "VARCHAR", "The deduplicated meeting this report belongs to."),
    ),
    primary_key="mention_id",
)

EVENT_MENTION_PARTICIPANTS = Table(
    "event_mention_participants",
    "One row per party to an event mention.",
    (
        _req("mention_id", "VARCHAR"),
        _req("entity_id", "VARCHAR"),
        _req("role_in_event", "VARCHAR", "participant, host or visitor."),
    ),
)

MEETINGS = Table(
    "meetings",
    "One row per real-world meeting, call or visit, deduplicated across articles and sources.",
    (
        _req(
            "meeting_id",
            "VARCHAR",
            "Stable across runs; a merged-away id is listed in meeting_id_redirects.",
        ),
        _req("kind", "VARCHAR"),
        _opt(
            "meeting_date",
            "DATE",
            "The day the meeting happened (1st of the month at month precision), not the day "
            "it was reported.",
        ),
        _opt("date_precision", "VARCHAR"),
        _opt("location", "VARCHAR"),
        _opt("location_iso3", "VARCHAR"),
        _opt("headline", "VARCHAR"),
        _req("n_mentions", "BIGINT"),
        _req("n_articles", "BIGINT"),
        _req("n_outlets", "BIGINT"),
        _opt(
            "first_reported",
            "DATE",
            "Earliest publication date among the reporting articles.",
        ),
        _opt("last_reported", "DATE"),
        _opt(
            "part_of",
            "VARCHAR",
            "The meeting_id of the summit or group meeting it was held on the sidelines of.",
        ),
    ),
    primary_key="meeting_id",
)

MEETING_PARTICIPANTS = Table(
    "meeting_participants",
    "One row per participant of a meeting.",
    (
        _req("meeting_id", "VARCHAR"),
        _req("entity_id", "VARCHAR"),
        _req("canonical_name", "VARCHAR"),
        _req("entity_type", "VARCHAR"),
        _opt("country_iso3", "VARCHAR"),
        _opt(
            "role", "VARCHAR", "The title the participant held at the time, if the texts give it."
        ),
    ),
)

MEETING_COUNTRIES = Table(
    "meeting_countries",
    "One row per state taking part in a meeting.",
    (
        _req("meeting_id", "VARCHAR"),
        _req("country_iso3", "VARCHAR"),
        _req(
            "via",
            "VARCHAR",
            "participant: an official, body or the state itself is a participant; membership: "
            "the state belonged to a participating group on the meeting date.",
        ),
    ),
)

MEETING_SOURCES = Table(
    "meeting_sources",
    "One row per report (event mention) of a meeting, with its article.",
    (_req("meeting_id", "VARCHAR"), _req("article_id", "VARCHAR"), _req("mention_id", "VARCHAR")),
)

MEETING_TOPICS = Table(
    "meeting_topics",
    "One row per topic of a meeting, from the topic vocabulary in the README.",
    (_req("meeting_id", "VARCHAR"), _req("topic", "VARCHAR")),
)

MEETING_ID_REDIRECTS = Table(
    "meeting_id_redirects",
    "One row per meeting id retired by a merge, pointing at the surviving id.",
    (
        _req("old_meeting_id", "VARCHAR"),
        _req("meeting_id", "VARCHAR"),
        _req("merged_at", _TS),
    ),
    primary_key="old_meeting_id",
)

MEETING_ANNOUNCEMENTS = Table(
    "meeting_announcements",
    "One row per meeting, call or visit that an article announces before it happens (or says "
    "was called off); never a meetings row. Linked to the meeting once an article reports "
    "it held.",
    (
        _req(
            "announcement_id",
            "VARCHAR",
            "Stable key: ann- + hash of the article, the trigger's offsets, kind and parties.",
        ),
        _req("article_id", "VARCHAR", "The article that announces it."),
        _req("kind", "VARCHAR", "meeting, phone_call, video_call, visit, summit or negotiation."),
        _opt(
            "expected_date",
            "DATE",
            "The day it is expected, resolved forward from the dateline day; the Monday at "
            "week precision, the 1st at month precision.",
        ),
        _opt("date_precision", "VARCHAR", "day, week, month, or NULL when no date is given."),
        _opt("date_text", "VARCHAR", "The words the expected date was resolved from."),
        _opt("location", "VARCHAR"),
        _opt("location_iso3", "VARCHAR"),
        _opt(
            "event_name",
            "VARCHAR",
            "The event's name when the text names it (e.g. Indian Ocean Dialogue), else NULL.",
        ),
        _req("sentence", "VARCHAR", "The sentence that announces it."),
        _req("start_char", "INTEGER", "Offset of the trigger word in articles.body."),
        _req("end_char", "INTEGER"),
        _req(
            "stated_status",
            "VARCHAR",
            "What this article says: announced, or cancelled (called off or postponed).",
        ),
        _req(
            "status",
            "VARCHAR",
            "announced; held once an article reports the meeting (meeting_id set); cancelled "
            "when an article says it was called off and no report of it held came after.",
        ),
        _opt(
            "meeting_id",
            "VARCHAR",
            "The meeting it announced, once an article reports that meeting; else NULL.",
        ),
        _opt(
            "cancelled_by",
            "VARCHAR",
            "The announcement (of this or a later article) that says it was called off, if any.",
        ),
    ),
    primary_key="announcement_id",
)

ANNOUNCEMENT_PARTICIPANTS = Table(
    "announcement_participants",
    "One row per party to an announced meeting.",
    (_req("announcement_id", "VARCHAR"), _req("entity_id", "VARCHAR")),
)

# The published tables, in the order a reader would look at them.
TABLES: tuple[Table, ...] = (
    ARTICLES,
    REJECTED_INPUTS,
    ENTITIES,
    ENTITY_ALIASES,
    ENTITY_MENTIONS,
    PERSON_ROLES,
    EVENT_MENTIONS,
    EVENT_MENTION_PARTICIPANTS,
    MEETINGS,
    MEETING_PARTICIPANTS,
    MEETING_COUNTRIES,
    MEETING_SOURCES,
    MEETING_TOPICS,
    MEETING_ID_REDIRECTS,
    MEETING_ANNOUNCEMENTS,
    ANNOUNCEMENT_PARTICIPANTS,
)
PUBLISHED_TABLES: tuple[str, ...] = tuple(table.name for table in TABLES)


def table(name: str) -> Table:
    """The declared published table called ``name``."""
    for declared in TABLES:
        if declared.name == name:
            return declared
    raise KeyError(name)


def ddl() -> str:
    """The DDL that creates every published table with its comments, in ``TABLES`` order."""
    return "\n\n".join(t.ddl() for t in TABLES)
