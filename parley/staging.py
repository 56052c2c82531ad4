"""Per-drop Parquet files between the per-drop assets and the publish step.

Each drop writes its own files, so runs for different drops never touch the same file and can
run at once; the single-writer publish step reads them all. Files are written to a temporary
name and renamed, so a reader never sees half a file and a killed run leaves the previous
version in place.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pyarrow as pa
import pyarrow.parquet as pq

ARTICLES = "articles"
REJECTED_INPUTS = "rejected_inputs"
ENTITY_MENTIONS = "entity_mentions"
ROLE_OBSERVATIONS = "role_observations"
EVENT_MENTIONS = "event_mentions"
EVENT_PARTICIPANTS = "event_participants"
STAGED_TABLES = (
    ARTICLES,
    REJECTED_INPUTS,
    ENTITY_MENTIONS,
    ROLE_OBSERVATIONS,
    EVENT_MENTIONS,
    EVENT_PARTICIPANTS,
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

    def drop_dir(self, drop_id: str) -> Path:
        """The folder of one drop; odd drop names (quotes, spaces, slashes) are escaped."""
        return self.root / "drops" / quote(drop_id, safe="")

    def table_path(self, drop_id: str, table: str) -> Path:
        """The Parquet file of one staged table of one drop."""
        return self.drop_dir(drop_id) / f"{table}.parquet"

    def write(self, drop_id: str, table: str, data: pa.Table) -> Path:
        """Atomically write one staged table of one drop, tagged with its drop id."""
        if "drop_id" not in data.column_names:
            data = data.append_column("drop_id", pa.array([drop_id] * data.num_rows, pa.string()))
        target = self.table_path(drop_id, table)
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
        pq.write_table(data, temporary)
        os.replace(temporary, target)
        return target

    def read(self, drop_id: str, table: str) -> pa.Table:
        """Read one staged table of one drop."""
        return pq.read_table(self.table_path(drop_id, table))

    def files(self, table: str) -> list[str]:
        """Absolute paths of every drop's file for ``table`` (absolute: DuckDB resolves
        relative paths against the reader's working directory)."""
        drops = self.root / "drops"
        if not drops.is_dir():
            return []
        return sorted(
            str(path.absolute()) for path in drops.glob(f"*/{table}.parquet") if path.is_file()
        )

    def newest_drop_file_mtime(self) -> float | None:
        """Modification time of the most recently written per-drop file, if any."""
        times = [
            Path(path).stat().st_mtime for table in STAGED_TABLES for path in self.files(table)
        ]
        return max(times, default=None)
