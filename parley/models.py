"""Records passed between the pipeline stages.

Every stage is a plain function from records to records; the Dagster assets only move
these records between per-drop Parquet files and the published DuckDB warehouse. The field
names match the warehouse columns of the contract (``shared/CONTRACT.md``), so a list of
records becomes a table with ``records_to_arrow``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import pyarrow as pa


@dataclass(frozen=True)
class Article:
    """One accepted input record (a `.txt` file or a JSONL line)."""

    article_id: str
    source_ref: str
    drop_id: str
    published_date: dt.date
    title: str | None
    dateline: str | None
    outlet: str | None
    body: str
    content_sha256: str
    url: str | None = None
    # Set by the parser when it had to repair the input (lenient decoding, HTML stripped,
    # truncation); the article is kept and the flag is visible in the warehouse.
    input_flags: str | None = None


@dataclass(frozen=True)
class RejectedInput:
    """A file or record that could not become an article, and why."""

    drop_id: str
    source_ref: str
    reason: str
    detail: str


@dataclass(frozen=True)
class EntityMention:
    """A resolved entity occurrence in an article body.

    ``entity_id`` is a deterministic key (``person:james-baker``, ``gpe:USA``, ...), so the
    same entity found in two drops processed by two runs gets the same id without shared
    state.
    """

    article_id: str
    entity_id: str
    canonical_name: str
    entity_type: str  # PERSON, ORG, GPE, NORP, LOC, FAC, EVENT
    country_iso3: str | None
    mention_text: str
    label: str  # the label that produced it (spaCy NER label or ruler label)
    start_char: int
    end_char: int


@dataclass(frozen=True)
class RoleObservation:
    """A title a person holds according to one article ("Japanese Finance Minister")."""

    article_id: str
    entity_id: str
    role: str
    country_iso3: str | None
    seen_date: dt.date


@dataclass(frozen=True)
class EventMention:
    """A meeting, call or visit that one article states took place."""

    mention_id: str
    article_id: str
    kind: str  # meeting, phone_call, video_call, visit, summit, negotiation
    event_date: dt.date | None
    date_precision: str | None  # day, month or None
    date_text: str | None
    location: str | None
    location_iso3: str | None
    sentence: str
    start_char: int
    end_char: int
    confidence: float
    topics: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class EventParticipant:
    """A party to an event mention."""

    mention_id: str
    entity_id: str
    role_in_event: str  # participant, host, visitor


def records_to_arrow(records: Sequence[object], record_type: type) -> pa.Table:
    """Turn a list of dataclass records into an Arrow table with a fixed schema.

    The schema comes from the dataclass, not from the data, so an empty list still gives a
    table with the right columns and types (an empty drop publishes empty tables, not
    missing ones).
    """
    schema = arrow_schema(record_type)
    columns: dict[str, list[object]] = {name: [] for name in schema.names}
    for record in records:
        for name in schema.names:
            value = getattr(record, name)
            columns[name].append(list(value) if isinstance(value, tuple) else value)
    return pa.table(columns, schema=schema)


def arrow_schema(record_type: type) -> pa.Schema:
    """The Arrow schema of a record dataclass."""
    return pa.schema(
        [pa.field(f.name, _ARROW_TYPES[str(f.type)]) for f in dataclasses.fields(record_type)]
    )


def rows_from_arrow(table: pa.Table, record_type: type) -> Iterator[object]:
    """Rebuild records from an Arrow table written by ``records_to_arrow``.

    Columns that are not fields of the record (a staged table's ``drop_id``, ``ingested_at``)
    are ignored.
    """
    names = [f.name for f in dataclasses.fields(record_type)]
    for row in table.select(names).to_pylist():
        yield record_type(**{k: tuple(v) if isinstance(v, list) else v for k, v in row.items()})


_ARROW_TYPES: dict[str, pa.DataType] = {
    "str": pa.string(),
    "str | None": pa.string(),
    "int": pa.int64(),
    "float": pa.float64(),
    "dt.date": pa.date32(),
    "dt.date | None": pa.date32(),
    "tuple[str, ...]": pa.list_(pa.string()),
}
