"""The meeting-id state between runs: which meeting each mention was in, the registry of
meeting ids and the redirects of merged ones, as Parquet files in a generation folder that a
``CURRENT`` pointer names (switched with one atomic rename, so a crash leaves the old one)."""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from parley.atomic import fsync_path

STATE_POINTER = "CURRENT"
STATE_FILES = {
    "assign": "mention_meeting.parquet",
    "registry": "meeting_registry.parquet",
    "redirects": "meeting_id_redirects.parquet",
}
_TS = pa.timestamp("us", tz="UTC")
STATE_SCHEMAS = {
    "assign": pa.schema([("mention_id", pa.string()), ("meeting_id", pa.string())]),
    "registry": pa.schema(
        [
            ("meeting_id", pa.string()),
            ("born_at", _TS),
            ("status", pa.string()),
            ("status_at", _TS),
        ]
    ),
    "redirects": pa.schema(
        [("old_meeting_id", pa.string()), ("meeting_id", pa.string()), ("merged_at", _TS)]
    ),
}


def read_state(state_dir: Path) -> dict[str, pa.Table]:
    """The id state of the last run (empty tables when there was none)."""
    generation = _current_generation(state_dir)
    tables: dict[str, pa.Table] = {}
    for key, schema in STATE_SCHEMAS.items():
        if generation is None:
            tables[key] = schema.empty_table()
        else:
            tables[key] = pq.read_table(generation / STATE_FILES[key]).cast(schema)
    return tables


def new_generation_name() -> str:
    """A fresh name for a state generation (``write_state`` can be told to use it)."""
    return f"gen-{uuid.uuid4().hex}"


def current_generation(state_dir: Path) -> str | None:
    """The name of the state generation ``CURRENT`` points at, if any."""
    pointer = state_dir / STATE_POINTER
    if not pointer.exists():
        return None
    return pointer.read_text().strip()


def write_state(
    state_dir: Path, tables: dict[str, pa.Table], generation_name: str | None = None
) -> str:
    """Write a new state generation, then switch ``CURRENT`` to it with one atomic rename.

    Returns the generation's name (``generation_name`` when given, so that a caller can
    record it elsewhere before the switch)."""
    state_dir.mkdir(parents=True, exist_ok=True)
    generation = state_dir / (generation_name or new_generation_name())
    generation.mkdir()
    for key, schema in STATE_SCHEMAS.items():
        path = generation / STATE_FILES[key]
        pq.write_table(tables[key].cast(schema), path)
        fsync_path(path)
    fsync_path(generation)
    pointer_tmp = state_dir / f".{STATE_POINTER}.{uuid.uuid4().hex}.tmp"
    pointer_tmp.write_text(generation.name + "\n")
    fsync_path(pointer_tmp)
    os.replace(pointer_tmp, state_dir / STATE_POINTER)
    fsync_path(state_dir)
    # Only the current generation is needed; the previous one and any left by a crashed run
    # (written but never pointed at) go.
    for child in state_dir.glob("gen-*"):
        if child != generation and child.is_dir():
            shutil.rmtree(child, ignore_errors=True)
    return generation.name


def _current_generation(state_dir: Path) -> Path | None:
    """The state generation folder ``CURRENT`` points at, if any."""
    name = current_generation(state_dir)
    return None if name is None else state_dir / name
