"""Rows of a history-sized table looked up by key through its index.

DuckDB answers ``column IN (?, ?, ...)`` on an indexed column from the index when the list is
short; a join with a table of keys, or a longer list, scans the whole table. An incremental
publish and its checks look rows up this way, so that their cost follows the keys, not the
history.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa

# An index scan answers at most this many keys (DuckDB's index_scan_max_count); more keys in
# one statement would scan the table.
KEYS_PER_LOOKUP = 2048


def fetch_by_key(
    con: duckdb.DuckDBPyConnection,
    table: str,
    column: str,
    keys: list[object],
    columns: str = "*",
) -> pa.Table:
    """The ``columns`` of the rows of ``table`` whose indexed ``column`` is one of ``keys``
    (``table``, ``column`` and ``columns`` are the caller's constants, never user text)."""
    parts = []
    for chunk in chunks(keys):
        marks = ", ".join("?" * len(chunk))
        sql = f"SELECT {columns} FROM {table} WHERE {column} IN ({marks})"
        parts.append(con.sql(sql, params=chunk).to_arrow_table())
    if parts:
        return pa.concat_tables(parts)
    return con.sql(f"SELECT {columns} FROM {table} LIMIT 0").to_arrow_table()


def chunks(values: list[object]) -> list[list[object]]:
    """``values`` in lists of at most KEYS_PER_LOOKUP."""
    return [values[i : i + KEYS_PER_LOOKUP] for i in range(0, len(values), KEYS_PER_LOOKUP)]
