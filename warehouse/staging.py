"""Per-drop Parquet files between the per-drop assets and the publish step.

Each drop writes its own files, so runs for different drops never touch the same file and can
run at once; the single-writer publish step reads them all. Files are replaced atomically
(``parley.atomic``), so a reader never sees half a file and a killed run leaves the previous
version in place.

A staged table holds the records of one stage (``parley.records``): its columns are the
record's fields, in order, plus ``drop_id`` and, for the ingest tables, the time the drop was
read. The Arrow schema comes from the record type, not from the data, so an empty drop still
writes tables with the right columns and types.

Every write also leaves a marker in ``changes/`` naming the drop, after the file is in place:
the publish step reads the markers to know which drops changed without listing every drop,
and removes the ones it published. A run killed between a file and its marker has not
recorded its materialization, so the drop is processed again and marked then.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import pyarrow as pa
import pyarrow.parquet as pq

from parley.atomic import fsync_path, replace_atomically
from parley.records import (
    Announcement,
    AnnouncementParticipant,
    Article,
    ArticleFailure,
    EntityMention,
    EventMention,
    EventParticipant,
    RejectedInput,
    RoleObservation,
)

_UTC_TIMESTAMP = pa.timestamp("us", tz="UTC")
_ARROW_TYPES: dict[str, pa.DataType] = {
    "str": pa.string(),
    "str | None": pa.string(),
    "int": pa.int64(),
    "float": pa.float64(),
    "bool": pa.bool_(),
    "dt.date": pa.date32(),
    "dt.date | None": pa.date32(),
    "tuple[str, ...]": pa.list_(pa.string()),
}


@dataclass(frozen=True)
class StagedTable:
    """A per-drop table: the records it holds and the time column its asset stamps, if any."""

    name: str
    record_type: type
    stamped: str | None = None

    @property
    def schema(self) -> pa.Schema:
        """The record's fields, then ``drop_id`` and the stamp column."""
        fields = [
            pa.field(f.name, _ARROW_TYPES[str(f.type)])
            for f in dataclasses.fields(self.record_type)
        ]
        if "drop_id" not in {f.name for f in fields}:
            fields.append(pa.field("drop_id", pa.string()))
        if self.stamped:
            fields.append(pa.field(self.stamped, _UTC_TIMESTAMP))
        return pa.schema(fields)

    def to_arrow(
        self, records: Sequence[Any], drop_id: str, stamp: dt.datetime | None = None
    ) -> pa.Table:
        """The records as an Arrow table of this schema (tuples become lists)."""
        columns: dict[str, list[object]] = {}
        for f in dataclasses.fields(self.record_type):
            values = (getattr(record, f.name) for record in records)
            columns[f.name] = [list(v) if isinstance(v, tuple) else v for v in values]
        columns.setdefault("drop_id", [drop_id] * len(records))
        if self.stamped:
            if stamp is None:
                raise ValueError(f"staged table {self.name} needs its {self.stamped} time")
            columns[self.stamped] = [stamp] * len(records)
        return pa.table(columns, schema=self.schema)

    def from_arrow(self, data: pa.Table) -> list[Any]:
        """Rebuild the records of a table written by ``to_arrow`` (extra columns ignored)."""
        names = [f.name for f in dataclasses.fields(self.record_type)]
        return [
            self.record_type(**{k: tuple(v) if isinstance(v, list) else v for k, v in row.items()})
            for row in data.select(names).to_pylist()
        ]


ARTICLES = StagedTable("articles", Article, stamped="ingested_at")
REJECTED_INPUTS = StagedTable("rejected_inputs", RejectedInput, stamped="seen_at")
ENTITY_MENTIONS = StagedTable("entity_mentions", EntityMention)
ROLE_OBSERVATIONS = StagedTable("role_observations", RoleObservation)
EVENT_MENTIONS = StagedTable("event_mentions", EventMention)
EVENT_PARTICIPANTS = StagedTable("event_participants", EventParticipant)
# Entity mentions of the sides a mention only describes ("Latino leaders"), found by the
# mention stage; published with the entity stage's mentions.
PARTY_MENTIONS = StagedTable("party_mentions", EntityMention)
# Articles whose processing raised in a stage: published as rejected inputs, not articles.
ENTITY_FAILURES = StagedTable("entity_failures", ArticleFailure, stamped="seen_at")
MENTION_FAILURES = StagedTable("mention_failures", ArticleFailure, stamped="seen_at")
# Meetings, calls and visits the articles announce (or say were called off), from the
# mention stage; linked to the meetings they announced at publish time.
ANNOUNCEMENTS = StagedTable("announcements", Announcement)
ANNOUNCEMENT_PARTICIPANTS = StagedTable("announcement_participants", AnnouncementParticipant)
STAGED_TABLES: tuple[StagedTable, ...] = (
    ARTICLES,
    REJECTED_INPUTS,
    ENTITY_MENTIONS,
    ROLE_OBSERVATIONS,
    EVENT_MENTIONS,
    EVENT_PARTICIPANTS,
    PARTY_MENTIONS,
    ENTITY_FAILURES,
    MENTION_FAILURES,
    ANNOUNCEMENTS,
    ANNOUNCEMENT_PARTICIPANTS,
)


@dataclass(frozen=True)
class StagingArea:
    """The folder of per-drop Parquet files and clustering state beside a warehouse file."""

    root: Path

    @classmethod
    def for_warehouse(cls, warehouse_path: Path) -> StagingArea:
        """The staging area of a warehouse: ``<dir>/<stem>_staging/``."""
        warehouse_path = warehouse_path.absolute()
        return cls(warehouse_path.parent / f"{warehouse_path.stem}_staging")

    @property
    def state_dir(self) -> Path:
        """Where the clustering step keeps what it needs for stable meeting ids."""
        return self.root / "state"

    @property
    def changes_dir(self) -> Path:
        """Where a write leaves a marker naming its drop, until a publish has read it."""
        return self.root / "changes"

    def drop_dir(self, drop_id: str) -> Path:
        """The folder of one drop; odd drop names (quotes, spaces, slashes) are escaped."""
        return self.root / "drops" / quote(drop_id, safe="")

    def table_path(self, drop_id: str, table: StagedTable) -> Path:
        """The Parquet file of one staged table of one drop."""
        return self.drop_dir(drop_id) / f"{table.name}.parquet"

    def write(
        self,
        drop_id: str,
        table: StagedTable,
        records: Sequence[Any],
        stamp: dt.datetime | None = None,
    ) -> Path:
        """Atomically replace one staged table of one drop with ``records``."""
        data = table.to_arrow(records, drop_id, stamp)
        path = replace_atomically(
            self.table_path(drop_id, table), lambda path: pq.write_table(data, path)
        )
        self._mark_changed(drop_id)
        return path

    def _mark_changed(self, drop_id: str) -> None:
        """Leave a marker for the next publish: one new file per write, never replaced, so a
        publish removing the markers it read never removes one written after."""
        self.changes_dir.mkdir(parents=True, exist_ok=True)
        marker = self.changes_dir / f"{quote(drop_id, safe='')}.{uuid.uuid4().hex}"
        os.close(os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
        fsync_path(self.changes_dir)

    def pending_changes(self) -> dict[str, list[Path]]:
        """The drops written since the last publish that read them, with their markers."""
        if not self.changes_dir.is_dir():
            return {}
        pending: dict[str, list[Path]] = {}
        for marker in sorted(self.changes_dir.iterdir()):
            name, dot, token = marker.name.rpartition(".")
            if dot and token:
                pending.setdefault(unquote(name), []).append(marker)
        return pending

    def clear_changes(self, pending: dict[str, list[Path]]) -> None:
        """Remove the markers a publish has read (and published)."""
        for markers in pending.values():
            for marker in markers:
                marker.unlink(missing_ok=True)

    def drop_ids(self) -> list[str]:
        """Every drop with a staged folder."""
        drops = self.root / "drops"
        if not drops.is_dir():
            return []
        return sorted(unquote(path.name) for path in drops.iterdir() if path.is_dir())

    def fingerprint(self, drop_id: str) -> str | None:
        """A digest of the names, sizes and modification times of a drop's staged files;
        None when the drop has no staged folder."""
        folder = self.drop_dir(drop_id)
        if not folder.is_dir():
            return None
        digest = hashlib.sha256()
        for path in sorted(folder.glob("*.parquet")):
            stat = path.stat()
            digest.update(f"{path.name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
        return digest.hexdigest()

    def drop_files(self, drop_ids: Sequence[str], table: StagedTable) -> list[str]:
        """Absolute paths of the given drops' files for ``table`` (drops without one skipped)."""
        paths = (self.table_path(drop_id, table).absolute() for drop_id in sorted(drop_ids))
        return [str(path) for path in paths if path.is_file()]

    def read(self, drop_id: str, table: StagedTable) -> list[Any]:
        """The records of one staged table of one drop."""
        return table.from_arrow(pq.read_table(self.table_path(drop_id, table)))

    def files(self, table: StagedTable) -> list[str]:
        """Absolute paths of every drop's file for ``table`` (absolute: DuckDB resolves
        relative paths against the reader's working directory)."""
        drops = self.root / "drops"
        if not drops.is_dir():
            return []
        pattern = f"*/{table.name}.parquet"
        return sorted(str(path.absolute()) for path in drops.glob(pattern) if path.is_file())
