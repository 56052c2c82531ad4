"""Rows of a history-sized table looked up by key through its index.

DuckDB answers ``column IN (?, ?, ...)`` on an indexed column without reading the other rows:
measured with DuckDB 2.0 on a 2-million-row table, 100 keys in 6 ms and 1,000 in 40 ms,
where a join with a table of the keys scans it in 140 ms. An incremental publish and its
checks look rows up this way, so that their cost follows the keys, not the history.
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
        # The keys' rows first, then their columns by rowid: with the columns in the same
        # query, DuckDB reads every row's columns before matching the list (for the entity
        # tallies' nested lists, 600 ms instead of 30 ms for 1,000 keys of 23,000).
        sql = (
            f"SELECT {columns} FROM {table} WHERE rowid IN "
            f"(SELECT rowid FROM {table} WHERE {column} IN ({marks}))"
        )
        parts.append(con.sql(sql, params=chunk).to_arrow_table())
    if parts:
        return pa.concat_tables(parts)
    return con.sql(f"SELECT {columns} FROM {table} LIMIT 0").to_arrow_table()


def chunks(values: list[object]) -> list[list[object]]:
    """``values`` in lists of at most KEYS_PER_LOOKUP."""
    return [values[i : i + KEYS_PER_LOOKUP] for i in range(0, len(values), KEYS_PER_LOOKUP)]
