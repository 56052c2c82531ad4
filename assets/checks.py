"""Asset checks on every published table, run read-only against the published file."""

from collections.abc import Iterator

import duckdb
from dagster import (
    AssetCheckExecutionContext,
    AssetCheckResult,
    AssetCheckSeverity,
    AssetCheckSpec,
    AssetKey,
    MetadataValue,
    multi_asset_check,
)

from assets.resources import ParleyPaths
from warehouse.checks import WAREHOUSE_CHECKS, Rows, prepare_connection

# Failing rows shown in the UI per check; the count says how many there are in all.
EXAMPLE_ROWS = 5

WAREHOUSE_CHECK_SPECS = [
    AssetCheckSpec(
        check.name,
        asset=AssetKey(check.table),
        description=check.description,
        blocking=check.blocking,
    )
    for check in WAREHOUSE_CHECKS
]


@multi_asset_check(
    specs=WAREHOUSE_CHECK_SPECS,
    description="Keys, references, dates and parties of the published tables.",
)
def warehouse_checks(
    context: AssetCheckExecutionContext, paths: ParleyPaths
) -> Iterator[AssetCheckResult]:
    """Run every warehouse check over one read-only connection to the published file."""
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        prepare_connection(con)
        for check in WAREHOUSE_CHECKS:
            rows = check.failures(con)
            if rows:
                context.log.warning(f"{check.table}.{check.name}: {len(rows)} failing rows")
            yield AssetCheckResult(
                asset_key=AssetKey(check.table),
                check_name=check.name,
                passed=not rows,
                severity=AssetCheckSeverity.ERROR if check.blocking else AssetCheckSeverity.WARN,
                metadata={
                    "failures": len(rows),
                    "examples": MetadataValue.md(_examples(rows)),
                },
            )


def _examples(rows: Rows) -> str:
    """The first failing rows as a Markdown list (or a note that there are none)."""
    if not rows:
        return "no failing rows"
    shown = [f"- `{row!r}`" for row in rows[:EXAMPLE_ROWS]]
    more = [f"- ... and {len(rows) - EXAMPLE_ROWS} more"] if len(rows) > EXAMPLE_ROWS else []
    return "\n".join(shown + more)
