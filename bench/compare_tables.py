"""Compare every staged and published table of two pipeline outputs, row for row.

For behaviour-preserving changes (a refactor, a speed lever): run the same drops through the
old and the new code into two warehouses, then

    .venv/bin/python -m bench.compare_tables OLD.duckdb NEW.duckdb

Each table's rows are compared as multisets in DuckDB (``EXCEPT ALL`` both ways); wall-clock
columns (``ingested_at``, ``seen_at``, ``merged_at``) are left out, since two runs never share
them. Staged tables are
the per-drop Parquet files beside each warehouse (``<stem>_staging/drops/*/``). Exits 1 and
names the tables that differ, with a few differing rows.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

WALL_CLOCK_COLUMNS = ("ingested_at", "seen_at", "merged_at")
SHOWN_ROWS = 3


def relations(con: duckdb.DuckDBPyConnection, warehouse: Path, alias: str) -> dict[str, str]:
    """Table label -> a SQL relation over that output's published and staged tables."""
    found = {
        f"published.{name}": f'{alias}.main."{name}"'
        for (name,) in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = ? ORDER BY 1", [alias]
        ).fetchall()
    }
    staging = warehouse.with_name(f"{warehouse.stem}_staging") / "drops"
    for table in sorted({p.stem for p in staging.glob("*/*.parquet")}):
        files = sorted(str(p) for p in staging.glob(f"*/{table}.parquet"))
        found[f"staged.{table}"] = f"read_parquet({files!r}, union_by_name = true)"
    return found


def without_wall_clock(con: duckdb.DuckDBPyConnection, relation: str) -> tuple[list[str], str]:
    """The relation's columns other than wall-clock ones, and a query selecting them."""
    every = con.sql(f"FROM {relation} LIMIT 0").columns
    columns = [c for c in every if c not in WALL_CLOCK_COLUMNS]
    kept = ", ".join(f'"{c}"' for c in columns)
    return columns, f"SELECT {kept} FROM {relation}"


def multiset_minus(con: duckdb.DuckDBPyConnection, a: str, b: str) -> list[tuple[object, ...]]:
    """A few rows of ``a`` that ``b`` lacks, counting duplicates (EXCEPT ALL)."""
    return con.sql(f"({a}) EXCEPT ALL ({b}) ORDER BY ALL LIMIT {SHOWN_ROWS}").fetchall()


def compare(old: Path, new: Path) -> list[str]:
    """Descriptions of every difference between the two outputs (empty: identical)."""
    con = duckdb.connect()
    con.execute("ATTACH ? AS old_wh (READ_ONLY)", [str(old)])
    con.execute("ATTACH ? AS new_wh (READ_ONLY)", [str(new)])
    old_tables = relations(con, old, "old_wh")
    new_tables = relations(con, new, "new_wh")
    problems = [f"only in {old}: {t}" for t in sorted(old_tables.keys() - new_tables.keys())]
    problems += [f"only in {new}: {t}" for t in sorted(new_tables.keys() - old_tables.keys())]
    for table in sorted(old_tables.keys() & new_tables.keys()):
        columns_a, a = without_wall_clock(con, old_tables[table])
        columns_b, b = without_wall_clock(con, new_tables[table])
        if columns_a != columns_b:
            problems.append(f"{table}: columns {columns_a} != {columns_b}")
            continue
        only_old = multiset_minus(con, a, b)
        only_new = multiset_minus(con, b, a)
        counts = [con.sql(f"SELECT count(*) FROM ({q})").fetchall()[0][0] for q in (a, b)]
        if only_old or only_new:
            problems.append(
                f"{table}: {counts[0]} vs {counts[1]} rows; only old {only_old}; "
                f"only new {only_new}"
            )
        else:
            print(f"same  {table}  ({counts[0]} rows)")
    return problems


def main(argv: list[str] | None = None) -> int:
    """Print one line per identical table and every difference; exit 1 on any difference."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path, help="warehouse file of the reference run")
    parser.add_argument("new", type=Path, help="warehouse file of the run to check")
    args = parser.parse_args(argv)
    problems = compare(args.old.absolute(), args.new.absolute())
    for problem in problems:
        print(f"DIFF  {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
