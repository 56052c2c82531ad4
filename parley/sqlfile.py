"""SQL files run statement by statement, each with the bound parameters it names.

DuckDB prepares one statement at a time and rejects named parameters a statement does not
use, so a file with ``$name`` parameters is split at the semicolons that end a line, after
its comment lines are dropped.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_STATEMENT_END = re.compile(r";\s*(?:\n|$)")


def split_statements(text: str) -> list[str]:
    """The statements of a SQL text, comment lines removed."""
    kept = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("--"))
    return [s.strip() for s in _STATEMENT_END.split(kept) if s.strip()]


def used_params(statement: str, params: dict[str, object]) -> dict[str, object]:
    """The params a statement refers to."""
    return {name: params[name] for name in set(_PARAM.findall(statement))}


def run_statements(
    con: duckdb.DuckDBPyConnection, statements: list[str], params: dict[str, object]
) -> None:
    """Run each statement with the params it names."""
    for statement in statements:
        con.execute(statement, used_params(statement, params))


def run_file(con: duckdb.DuckDBPyConnection, path: Path, **params: object) -> None:
    """Run every statement of the SQL file ``path`` with the params it names."""
    run_statements(con, split_statements(path.read_text()), params)


def drop_temp_tables(con: duckdb.DuckDBPyConnection, prefix: str) -> None:
    """Drop the temporary tables whose names start with ``prefix`` (a module's work tables)."""
    names = con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE temporary AND starts_with(table_name, $p)",
        {"p": prefix},
    ).fetchall()
    for (name,) in names:
        con.execute(f'DROP TABLE IF EXISTS temp."{name}"')
